//! The rules of SPEC §2 that move state: status changes and their consequences
//! (unhook, dispatch, feeding capped batches, landing), hooking, polecat
//! allocation, and deletion. Every operation composes these; none re-implements
//! them.

use serde_json::json;

pub mod beads;
pub mod recovery;

use crate::change::{AgentRef, BeadSummary, Change, Created, Deleted, Holder};
use crate::error::{Error, Hint, Result};
use crate::id::{self, IdKind};
use crate::model::{Agent, AgentRole, AgentStatus, Bead, BeadStatus, Convoy, ConvoyStatus};
use crate::query::hooked_count;
use crate::store::{Reader, Stmt};
use crate::unit::{Dispatch, Unit};

/// What a convoy's counts call for (R3): an active convoy lands when its
/// beads are all closed (never empty); a landed one reopens while a bead of
/// it is not closed. The one statement of the rule: the settle SQL
/// ([`SETTLES_SQL`]), the unit's effects and doctor's check all follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settle {
    Land,
    Reopen,
}

/// [`Settle`] for a convoy at `status` with `closed` of `total` beads closed.
pub fn settle(status: ConvoyStatus, closed: i64, total: i64) -> Option<Settle> {
    match status {
        ConvoyStatus::Active if total > 0 && closed == total => Some(Settle::Land),
        ConvoyStatus::Landed if closed < total => Some(Settle::Reopen),
        _ => None,
    }
}

/// [`settle`] as SQL, over a convoy row: whether it lands or reopens.
macro_rules! settles_sql {
    () => {
        "(status = 'landed' AND closed_beads < total_beads \
         OR status = 'active' AND total_beads > 0 AND closed_beads = total_beads)"
    };
}
pub(crate) use settles_sql;

/// The polecat name pool, used in order; then `Polecat-21`, `Polecat-22`, ….
pub const POLECAT_NAMES: [&str; 20] = [
    "Toast", "Maple", "Birch", "Shadow", "Clover", "Ember", "Sage", "Dusk", "Flint", "Coral",
    "Slate", "Reed", "Thorn", "Pike", "Moss", "Wren", "Blaze", "Gale", "Drift", "Lark",
];

/// The beads that wait for a bead, by the store's edges.
pub(crate) const DEPENDENTS_SQL: &str = "SELECT bead_id FROM bead_deps WHERE depends_on_id = ?1";

/// A rig's idle, unhooked polecats, oldest first. `+hook` keeps the planner off
/// the unique index of hooks, whose NULL entries are every unhooked agent of
/// the town; (rig, role, status, created_at) finds exactly these, in order.
pub(crate) const IDLE_POLECATS_SQL: &str =
    "SELECT id FROM agents WHERE rig = ?1 AND role = 'polecat' AND status = 'idle' \
     AND +hook IS NULL ORDER BY created_at, rowid";

/// Which of the names in a JSON array (`?1`) agents have, case-insensitively.
pub(crate) const NAMES_TAKEN_SQL: &str =
    "SELECT name FROM agents WHERE name IN (SELECT value FROM json_each(?1))";

/// A convoy's cap and status, for feeding it (read without a guard: see feed).
/// With a cap, the convoy's hooked beads are counted in the same read (its
/// partial index of hooked beads), for the place a feed takes.
pub(crate) const CONVOY_CAP_SQL: &str = "SELECT max_polecats, status, \
     CASE WHEN max_polecats IS NULL THEN NULL ELSE (SELECT count(*) FROM beads \
     INDEXED BY beads_hooked WHERE convoy_id = ?1 AND assignee IS NOT NULL) END \
     FROM convoys WHERE id = ?1";

/// The next unassigned open beads of a convoy, oldest first: an index range of
/// that convoy's own waiting beads (the partial index `beads_unassigned`), never
/// the town's unassigned ones.
pub(crate) const WAITING_BEADS_SQL: &str = "SELECT b.id FROM beads b INDEXED BY beads_unassigned \
     WHERE b.convoy_id = ?1 AND b.status = 'open' AND b.assignee IS NULL \
     ORDER BY b.rowid LIMIT 64";

/// How many numbered names a polecat-name lookup checks at once.
const NAME_CHUNK: usize = 64;

impl Unit<'_> {
    /// Which of `names` some agent of the town has (lower-case).
    fn names_taken(&mut self, names: &[String]) -> Result<Vec<String>> {
        let rows = self.query(NAMES_TAKEN_SQL, &[json!(names).to_string().into()])?;
        rows.iter().map(|r| Ok(r.text(0)?.to_lowercase())).collect()
    }

    /// Whether an agent is called `Polecat-n`.
    fn number_taken(&mut self, n: usize) -> Result<bool> {
        Ok(!self.names_taken(&[format!("Polecat-{n}")])?.is_empty())
    }

    /// The first free name of the pool, else a free `Polecat-N`: the first one
    /// after the run of numbered names from 21 (found by galloping, then
    /// bisecting, so a town of 20 000 polecats costs about 30 lookups, not a
    /// read of every name). Where numbered names have gaps it may pick a later
    /// free number than the first; it never picks a taken one.
    fn free_polecat_name(&mut self) -> Result<String> {
        if self.names_in_use.is_none() {
            let pool: Vec<String> = POLECAT_NAMES.iter().map(|n| n.to_string()).collect();
            let taken = self.names_taken(&pool)?;
            self.names_in_use = Some(taken.into_iter().collect());
        }
        let taken = self.names_in_use.as_mut().expect("loaded above");
        if let Some(name) = POLECAT_NAMES
            .iter()
            .find(|n| !taken.contains(&n.to_lowercase()))
        {
            taken.insert(name.to_lowercase());
            return Ok(name.to_string());
        }
        if self.next_polecat_number == 0 {
            self.next_polecat_number = self.first_free_number(POLECAT_NAMES.len() + 1)?;
            self.polecat_numbers_checked = self.next_polecat_number;
        }
        loop {
            let n = self.next_polecat_number;
            // Numbers are looked up in the store a chunk at a time before any
            // of them is given out.
            if n >= self.polecat_numbers_checked {
                let chunk: Vec<String> = (n..n + NAME_CHUNK)
                    .map(|k| format!("Polecat-{k}"))
                    .collect();
                let taken = self.names_taken(&chunk)?;
                self.names_in_use
                    .as_mut()
                    .expect("loaded above")
                    .extend(taken);
                self.polecat_numbers_checked = n + NAME_CHUNK;
            }
            self.next_polecat_number += 1;
            let name = format!("Polecat-{n}");
            let taken = self.names_in_use.as_mut().expect("loaded above");
            if taken.insert(name.to_lowercase()) {
                return Ok(name);
            }
        }
    }

    /// A free number at or after `first`, right after a taken one (or `first`).
    fn first_free_number(&mut self, first: usize) -> Result<usize> {
        if !self.number_taken(first)? {
            return Ok(first);
        }
        // `lo` is taken; find a free `hi` by doubling the step, then bisect.
        // Each loop ends within as many rounds as a number has bits (the
        // step doubles, the range halves): the bound says so, and keeps a
        // broken step from looping for ever.
        let (mut lo, mut step) = (first, 1);
        let mut hi = lo + step;
        for _ in 0..usize::BITS {
            if !self.number_taken(hi)? {
                break;
            }
            lo = hi;
            step *= 2;
            hi = lo + step;
        }
        for _ in 0..usize::BITS {
            let gap = hi - lo;
            if gap <= 1 {
                break;
            }
            let mid = lo + gap / 2;
            if self.number_taken(mid)? {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Ok(hi)
    }

    /// Changes a bead's status and everything that follows from it: the convoy's
    /// counts follow and it may land or reopen (R2, R3, R5); a terminal bead frees
    /// its agent (R6), which then takes the next bead of a capped batch (R8); a
    /// closed bead dispatches the hooked dependents it was the last blocker of
    /// (R7). Returns whether anything changed.
    pub fn set_bead_status(&mut self, bead_id: &str, status: BeadStatus) -> Result<bool> {
        let mut bead: Bead = self.must(bead_id)?;
        let old = bead.status;
        if old == status {
            return Ok(false);
        }
        bead.status = status;
        bead.updated_at = self.now.clone();
        bead.closed_at = status.is_terminal().then(|| self.now.clone());
        self.put(bead.clone());
        self.record(bead_id, Change::BeadStatusChanged { old, new: status });
        if let Some(convoy) = &bead.convoy_id {
            self.settle(convoy);
            // A reopened bead goes back to work like a new bead of its convoy (R5).
            if old.is_terminal() && status == BeadStatus::Open {
                let convoy: Convoy = self.must(convoy)?;
                self.put_to_work(bead_id, &convoy)?;
            }
        }
        if status == BeadStatus::Closed {
            for dependent in self.dependents(bead_id)? {
                self.try_dispatch(&dependent)?;
            }
        }
        if status.is_terminal() {
            if let Some(agent) = self.release_hook_of_bead(bead_id)? {
                self.free_agent(&agent)?;
                if let Some(convoy) = &bead.convoy_id {
                    self.feed(convoy, &agent)?;
                }
            }
        }
        Ok(true)
    }

    /// Sets an agent's status, with its event; returns whether it changed.
    /// Its last activity moves only when it is the agent's own act (§9).
    pub fn set_agent_status(&mut self, agent_id: &str, status: AgentStatus) -> Result<bool> {
        self.change_agent_status(agent_id, status, false)
    }

    /// Sends an agent to work on what was just handed to it: `working`, and
    /// dispatched new work counts as a sign of life (§9).
    fn send_to_work(&mut self, agent_id: &str) -> Result<()> {
        self.change_agent_status(agent_id, AgentStatus::Working, true)?;
        Ok(())
    }

    fn change_agent_status(
        &mut self,
        agent_id: &str,
        status: AgentStatus,
        dispatched: bool,
    ) -> Result<bool> {
        let mut agent: Agent = self.must(agent_id)?;
        let old = agent.status;
        if old == status {
            return Ok(false);
        }
        self.agent_recovered(&agent, Some(status))?;
        agent.status = status;
        if dispatched {
            agent.last_activity_at = self.now.clone();
        } else {
            self.acted(&mut agent);
        }
        self.put(agent);
        self.record(
            agent_id,
            Change::AgentStatusChanged {
                old,
                new: status,
                reason: None,
            },
        );
        Ok(true)
    }

    /// An agent whose bead was taken off its hook returns to `idle` (R6), except
    /// a `dead` one: it stays dead, so that it is not handed new work (R8) until
    /// someone resets it on purpose.
    pub fn free_agent(&mut self, agent_id: &str) -> Result<()> {
        let agent: Agent = self.must(agent_id)?;
        if agent.status != AgentStatus::Dead {
            self.set_agent_status(agent_id, AgentStatus::Idle)?;
        }
        Ok(())
    }

    /// Hooks `bead_id` onto `agent_id` (R6) and dispatches it if it is ready (R7).
    pub fn hook(&mut self, agent_id: &str, bead_id: &str) -> Result<()> {
        let mut agent: Agent = self.must(agent_id)?;
        let mut bead: Bead = self.must(bead_id)?;
        if let Some(held) = &agent.hook {
            return Err(busy_agent(&agent, held, bead_id));
        }
        if let Some(holder) = &bead.assignee {
            return Err(
                Error::conflict(format!("bead {bead_id} is already hooked to {holder}")).with_hint(
                    Hint::call(
                        "move it with",
                        "bead reassign",
                        &[("bead_id", bead_id), ("agent_id", "AGENT")],
                    ),
                ),
            );
        }
        if bead.status.is_terminal() {
            return Err(Error::conflict(format!(
                "bead {bead_id} is {}; only open work can be hooked",
                bead.status
            ))
            .with_hint(Hint::call(
                "reopen it first",
                "bead update",
                &[("bead_id", bead_id), ("status", "open")],
            )));
        }
        agent.hook = Some(bead.id.clone());
        agent.attempt = 0;
        self.acted(&mut agent);
        bead.assignee = Some(agent.name.clone());
        bead.updated_at = self.now.clone();
        self.record(
            bead_id,
            Change::Hooked {
                agent: AgentRef::of(&agent),
                previous: None,
            },
        );
        self.put(agent);
        self.put(bead);
        self.try_dispatch(bead_id)?;
        Ok(())
    }

    /// Clears the hook of whatever agent holds `bead_id`, and the bead's assignee,
    /// with one `unhooked` event. The agent's status is the caller's to set.
    /// Returns the agent's ID.
    pub fn release_hook_of_bead(&mut self, bead_id: &str) -> Result<Option<String>> {
        let mut bead: Bead = self.must(bead_id)?;
        let Some(name) = bead.assignee.take() else {
            return Ok(None);
        };
        let agent = self.agent_named(&name)?;
        bead.updated_at = self.now.clone();
        bead.last_assignee = Some(agent.as_ref().map_or(name.clone(), |a| a.name.clone()));
        self.put(bead);
        let Some(mut agent) = agent else {
            // The assignee names no agent: the bead is freed, there is no hook to clear.
            let from = Holder::Unknown(name);
            self.record(bead_id, Change::Unhooked { from, to: None });
            return Ok(None);
        };
        let from = Holder::Agent(AgentRef::of(&agent));
        self.record(bead_id, Change::Unhooked { from, to: None });
        if agent.hook.as_deref() == Some(bead_id) {
            agent.hook = None;
            self.acted(&mut agent);
        }
        let id = agent.id.clone();
        self.put(agent);
        Ok(Some(id))
    }

    /// Dispatches a hooked, open bead whose blockers are all closed (R7): bead
    /// `in_progress`, agent `working`. Returns whether it did.
    pub fn try_dispatch(&mut self, bead_id: &str) -> Result<bool> {
        let mut bead: Bead = self.must(bead_id)?;
        if bead.status != BeadStatus::Open {
            return Ok(false);
        }
        let Some(name) = bead.assignee.clone() else {
            return Ok(false);
        };
        if bead
            .convoy_id
            .as_ref()
            .is_some_and(|c| self.closing.contains(c))
        {
            return Ok(false);
        }
        if !self.is_ready(&bead)? {
            return Ok(false);
        }
        let Some(agent) = self.agent_named(&name)? else {
            return Ok(false);
        };
        bead.status = BeadStatus::InProgress;
        bead.updated_at = self.now.clone();
        self.put(bead.clone());
        self.record(
            bead_id,
            Change::Dispatched {
                agent: AgentRef::of(&agent),
                old: BeadStatus::Open,
                new: BeadStatus::InProgress,
            },
        );
        self.send_to_work(&agent.id)?;
        self.dispatched.push(Dispatch {
            bead_id: bead.id,
            agent: agent.name,
            rig: bead.rig,
            convoy_id: bead.convoy_id,
            retry: false,
        });
        Ok(true)
    }

    /// Takes a dispatched bead that now waits for an open blocker back to
    /// `open` on its hook (R7), its agent `idle` until the blocker closes.
    /// Returns whether it did.
    pub fn hold_until_ready(&mut self, bead_id: &str) -> Result<bool> {
        let bead: Bead = self.must(bead_id)?;
        if bead.status != BeadStatus::InProgress || self.is_ready(&bead)? {
            return Ok(false);
        }
        self.set_bead_status(bead_id, BeadStatus::Open)?;
        let agent = match &bead.assignee {
            Some(name) => self.agent_named(name)?,
            None => None,
        };
        if let Some(agent) = agent.filter(|a| a.status == AgentStatus::Working) {
            self.set_agent_status(&agent.id, AgentStatus::Idle)?;
        }
        Ok(true)
    }

    /// Hands work already under way to its (new) agent: the agent goes to work
    /// and the dispatch command runs for it, the bead's status is unchanged.
    pub fn redispatch(&mut self, bead_id: &str) -> Result<()> {
        let bead: Bead = self.must(bead_id)?;
        let Some(name) = &bead.assignee else {
            return Ok(());
        };
        let Some(agent) = self.agent_named(name)? else {
            return Ok(());
        };
        self.record(
            bead_id,
            Change::Dispatched {
                agent: AgentRef::of(&agent),
                old: bead.status,
                new: bead.status,
            },
        );
        self.send_to_work(&agent.id)?;
        self.dispatched.push(Dispatch {
            bead_id: bead.id.clone(),
            agent: agent.name,
            rig: bead.rig,
            convoy_id: bead.convoy_id,
            retry: false,
        });
        Ok(())
    }

    /// Whether every blocker of `bead` is closed (a failed blocker keeps it
    /// waiting, R4).
    pub fn is_ready(&mut self, bead: &Bead) -> Result<bool> {
        for dep in &bead.depends_on {
            match self.get::<Bead>(dep)? {
                Some(blocker) if blocker.status == BeadStatus::Closed => {}
                Some(_) => return Ok(false),
                // A blocker that no longer exists blocks nothing (R10).
                None => {}
            }
        }
        Ok(true)
    }

    /// The beads that depend on `bead_id`, in the store or new in this unit.
    pub fn dependents(&mut self, bead_id: &str) -> Result<Vec<String>> {
        let rows = self.query(DEPENDENTS_SQL, &[bead_id.into()])?;
        let mut ids: Vec<String> = rows.iter().map(|r| r.text(0)).collect::<Result<_, _>>()?;
        for id in self.new_dependents_of(bead_id) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let mut live = Vec::with_capacity(ids.len());
        for id in ids {
            // Skip dependents this unit deleted, or whose edge it removed.
            if let Some(b) = self.get::<Bead>(&id)? {
                if b.depends_on.iter().any(|d| d == bead_id) {
                    live.push(id);
                }
            }
        }
        Ok(live)
    }

    /// An idle, unhooked polecat of `rig`, reused before a new one is made (R8).
    pub fn allocate_polecat(&mut self, rig: &str) -> Result<String> {
        match self.idle_polecat(rig)? {
            Some(id) => Ok(id),
            None => self.create_polecat(rig),
        }
    }

    /// An idle, unhooked polecat of `rig` not yet handed out by this unit.
    pub fn idle_polecat(&mut self, rig: &str) -> Result<Option<String>> {
        if !self.idle_polecats.contains_key(rig) {
            let rows = self.query(IDLE_POLECATS_SQL, &[rig.into()])?;
            let ids = rows.iter().map(|r| r.text(0)).collect::<Result<_, _>>()?;
            self.idle_polecats.insert(rig.to_string(), ids);
        }
        while let Some(id) = self.idle_polecats.get_mut(rig).and_then(|q| q.pop_front()) {
            if let Some(agent) = self.get::<Agent>(&id)? {
                let free = agent.role == AgentRole::Polecat
                    && agent.status == AgentStatus::Idle
                    && agent.hook.is_none()
                    && agent.rig.as_deref() == Some(rig);
                if free {
                    return Ok(Some(id));
                }
            }
        }
        Ok(None)
    }

    /// A new polecat of `rig`, named from the pool.
    pub fn create_polecat(&mut self, rig: &str) -> Result<String> {
        let name = self.free_polecat_name()?;
        let population = self.population("agents")?;
        let agent = Agent {
            id: id::generate(IdKind::Agent, population),
            name,
            role: AgentRole::Polecat,
            rig: Some(rig.to_string()),
            status: AgentStatus::Idle,
            hook: None,
            pid: None,
            last_activity_at: self.now.clone(),
            created_at: self.now.clone(),
            host: None,
            run_started_at: None,
            run_bead: None,
            attempt: 0,
            retry_after: None,
        };
        let created = Created::Agent {
            name: agent.name.clone(),
            role: agent.role,
            rig: agent.rig.clone(),
        };
        let id = agent.id.clone();
        self.create_logged(agent, created);
        Ok(id)
    }

    /// Hands the next waiting bead of a convoy to the polecat it just freed
    /// (R8): the first unassigned open bead of the convoy, ready ones first.
    /// Within its cap: a convoy whose cap was lowered below its work feeds
    /// nobody until it is under it. Work released or reset in a convoy with
    /// no cap is fed the same way, so it never waits for a patrol.
    pub fn feed(&mut self, convoy_id: &str, agent_id: &str) -> Result<()> {
        let Some(cap) = self.working_cap(convoy_id)? else {
            return Ok(());
        };
        let agent: Agent = self.must(agent_id)?;
        if agent.role != AgentRole::Polecat
            || agent.status != AgentStatus::Idle
            || agent.hook.is_some()
        {
            return Ok(());
        }
        // Candidates in creation order; each is loaded only when looked at (the
        // first one is nearly always ready).
        let rows = self.query(WAITING_BEADS_SQL, &[convoy_id.into()])?;
        if rows.is_empty() {
            return Ok(());
        }
        if let Some(cap) = cap {
            if !self.take_place(convoy_id, cap)? {
                return Ok(());
            }
        }
        let mut first = None;
        for row in &rows {
            let id = row.text(0)?;
            let bead: Bead = self.must(&id)?;
            if bead.status != BeadStatus::Open || bead.assignee.is_some() {
                continue;
            }
            if self.is_ready(&bead)? {
                return self.hook(agent_id, &bead.id);
            }
            first.get_or_insert(bead.id);
        }
        match first {
            Some(bead_id) => self.hook(agent_id, &bead_id),
            None => Ok(()),
        }
    }

    /// Takes a bead off an agent that is dead or going away (SPEC §9): the
    /// bead is `open` and unassigned again (event `released`), then put back
    /// to work by [`Unit::rehook`]. Returns the agent it went to, if any.
    pub fn release_bead(&mut self, bead_id: &str, why: &str) -> Result<Option<String>> {
        let before: Bead = self.must(bead_id)?;
        self.release_hook_of_bead(bead_id)?;
        // Work under way goes back to `open`. (A hooked bead is never
        // terminal, R6; naming the two statuses leaves no condition that only
        // a corrupt town could tell apart.)
        if matches!(before.status, BeadStatus::InProgress | BeadStatus::InReview) {
            self.set_bead_status(bead_id, BeadStatus::Open)?;
        }
        self.record(
            bead_id,
            Change::Released {
                from: before.assignee,
                reason: why.to_string(),
            },
        );
        self.rehook(bead_id)
    }

    /// Hooks an open, unassigned bead to an idle polecat of its rig, within
    /// its convoy's cap (R8); none is made. Without one it waits: for the next
    /// polecat its convoy frees, or for patrol's lazy assignment.
    pub fn rehook(&mut self, bead_id: &str) -> Result<Option<String>> {
        let bead: Bead = self.must(bead_id)?;
        let mut cap = None;
        if let Some(convoy) = &bead.convoy_id {
            let Some(working) = self.working_cap(convoy)? else {
                return Ok(None);
            };
            cap = working;
        }
        self.hook_idle(&bead, cap)
    }

    /// A convoy that takes work (active, and not being closed by this unit):
    /// `Some` of its cap (`Some(None)` where it has none); `None` otherwise.
    /// Read without a guard: concurrent closers of one convoy must not
    /// conflict over its row. The cap changes only by `convoy update`, which
    /// never unhooks; a feed under a cap read just before it is held to that
    /// cap by the cap guard.
    fn working_cap(&mut self, convoy: &str) -> Result<Option<Option<i64>>> {
        if self.closing.contains(convoy) {
            return Ok(None);
        }
        let rows = self.query(CONVOY_CAP_SQL, &[convoy.into()])?;
        match rows.first() {
            Some(row) if row.text(1)? == "active" => {
                if let Some(hooked) = row.opt_int(2)? {
                    self.hooked_stored.insert(convoy.to_string(), hooked);
                }
                Ok(Some(row.opt_int(0)?))
            }
            _ => Ok(None),
        }
    }

    /// Hooks `bead`, if it is open and unassigned, to an idle polecat of its
    /// rig while its convoy holds fewer than `cap` hooked beads.
    fn hook_idle(&mut self, bead: &Bead, cap: Option<i64>) -> Result<Option<String>> {
        if bead.status != BeadStatus::Open || bead.assignee.is_some() {
            return Ok(None);
        }
        if let (Some(cap), Some(convoy)) = (cap, &bead.convoy_id) {
            if !self.take_place(convoy, cap)? {
                return Ok(None);
            }
        }
        let Some(agent) = self.idle_polecat(&bead.rig)? else {
            return Ok(None);
        };
        self.hook(&agent, &bead.id)?;
        Ok(Some(agent))
    }

    /// Whether one more bead of `convoy` may be hooked under its cap (R8).
    /// The count is read without a guard (concurrent closers of one convoy
    /// must not conflict over it); a guard run after the batch's writes fails
    /// the batch if a concurrent unit took the place meanwhile.
    pub fn take_place(&mut self, convoy: &str, cap: i64) -> Result<bool> {
        if self.places_left(convoy, cap)? <= 0 {
            return Ok(false);
        }
        self.guard_cap(convoy, cap);
        Ok(true)
    }

    /// How many more beads of `convoy` may be hooked under `cap`, counting
    /// what this unit has hooked and unhooked already.
    fn places_left(&mut self, convoy: &str, cap: i64) -> Result<i64> {
        Ok(cap - (self.stored_hooked(convoy)? + self.hooked_change(convoy)))
    }

    /// How many of a convoy's beads the store holds hooked (read once).
    fn stored_hooked(&mut self, convoy: &str) -> Result<i64> {
        if let Some(n) = self.hooked_stored.get(convoy) {
            return Ok(*n);
        }
        let n = hooked_count(self, convoy)?;
        self.hooked_stored.insert(convoy.to_string(), n);
        Ok(n)
    }

    /// Fails the batch if, once written, `convoy` holds more hooked beads
    /// than `cap`: what a count read without a lock cannot promise. Where
    /// the write holds the store's lock (SQLite) the count it read stays
    /// true until it commits, and the guard would only cost a statement.
    fn guard_cap(&mut self, convoy: &str, cap: i64) {
        if self.write_is_exclusive() {
            return;
        }
        self.extra(Stmt::guard(
            recovery::CAP_GUARD_SQL,
            vec![format!("cap of {convoy}").into(), convoy.into(), cap.into()],
        ));
    }

    /// Hands a convoy's waiting beads out while it has room under `cap`, as
    /// its batch was at first (R8): ready beads first, each onto an idle
    /// polecat of its rig or a new one. At most one read of waiting beads
    /// (64) per unit; the rest go to the polecats the convoy frees.
    /// Returns the beads hooked.
    pub fn fill_places(&mut self, convoy_id: &str, cap: i64) -> Result<Vec<String>> {
        let room = self.places_left(convoy_id, cap)?;
        if room <= 0 {
            return Ok(Vec::new());
        }
        let rows = self.query(WAITING_BEADS_SQL, &[convoy_id.into()])?;
        let (mut ready, mut waiting) = (Vec::new(), Vec::new());
        for row in &rows {
            let bead: Bead = self.must(&row.text(0)?)?;
            if bead.status != BeadStatus::Open || bead.assignee.is_some() {
                continue;
            }
            if self.is_ready(&bead)? {
                ready.push(bead);
            } else {
                waiting.push(bead);
            }
        }
        let take = usize::try_from(room).unwrap_or(usize::MAX);
        let mut hooked = Vec::new();
        for bead in ready.into_iter().chain(waiting).take(take) {
            let agent = self.allocate_polecat(&bead.rig)?;
            self.hook(&agent, &bead.id)?;
            hooked.push(bead.id);
        }
        if !hooked.is_empty() {
            self.guard_cap(convoy_id, cap);
        }
        Ok(hooked)
    }

    /// Refuses to hook a bead of a capped convoy that has no place left
    /// (`bead reassign` of a waiting bead, `convoy add` of a hooked one);
    /// `then` says what the caller may do instead.
    pub fn ensure_place(&mut self, convoy_id: &str, then: String) -> Result<()> {
        let Some(Some(cap)) = self.working_cap(convoy_id)? else {
            return Ok(());
        };
        if self.take_place(convoy_id, cap)? {
            return Ok(());
        }
        let raised = (cap + 1).to_string();
        Err(Error::conflict(format!(
            "convoy {convoy_id} already has all {cap} of its polecats at work (its cap)"
        ))
        .with_hint(Hint::Or(vec![
            Hint::call(
                "raise its cap",
                "convoy update",
                &[("convoy_id", convoy_id), ("max_polecats", &raised)],
            ),
            Hint::Text(then),
        ])))
    }

    /// Puts an open, unassigned bead of `convoy` to work as the convoy's own
    /// beads were (R7, R8): a new bead, or a reopened one (R5). Without a cap,
    /// onto a polecat allocated as for new work; within a cap, onto an idle
    /// one if a place is free, else it waits for the next polecat the convoy
    /// frees. A convoy that was ended by hand takes no work.
    pub fn put_to_work(&mut self, bead_id: &str, convoy: &Convoy) -> Result<Option<String>> {
        if !matches!(convoy.status, ConvoyStatus::Active | ConvoyStatus::Landed)
            || self.closing.contains(&convoy.id)
        {
            return Ok(None);
        }
        let bead: Bead = self.must(bead_id)?;
        if convoy.max_polecats.is_some() {
            return self.hook_idle(&bead, convoy.max_polecats);
        }
        if bead.status != BeadStatus::Open || bead.assignee.is_some() {
            return Ok(None);
        }
        let agent = self.allocate_polecat(&bead.rig)?;
        self.hook(&agent, bead_id)?;
        Ok(Some(agent))
    }

    /// Deletes a bead (R10): its agent is freed, its convoy's counts follow, its
    /// dependents lose the edge (and may dispatch); its events stay, plus `deleted`.
    pub fn delete_bead(&mut self, bead_id: &str, force: bool) -> Result<Bead> {
        let bead: Bead = self.must(bead_id)?;
        if let Some(holder) = &bead.assignee {
            if !force {
                return Err(
                    Error::conflict(format!("bead {bead_id} is hooked to {holder}")).with_hint(
                        Hint::Or(vec![
                            Hint::call(
                                format!("delete it anyway (which frees {holder})"),
                                "bead delete",
                                &[("bead_id", bead_id), ("force", "true")],
                            ),
                            Hint::Text("reassign it first".into()),
                        ]),
                    ),
                );
            }
            if let Some(agent) = self.release_hook_of_bead(bead_id)? {
                self.free_agent(&agent)?;
            }
        }
        let dependents = self.dependents(bead_id)?;
        for dependent in &dependents {
            let mut d: Bead = self.must(dependent)?;
            d.depends_on.retain(|x| x != bead_id);
            d.updated_at = self.now.clone();
            self.put(d);
            self.record(
                dependent,
                Change::DependencyRemoved {
                    blocker: bead_id.to_string(),
                    reason: "blocker deleted".into(),
                },
            );
        }
        self.remove::<Bead>(bead_id);
        self.record(
            bead_id,
            Change::Deleted(Deleted::Bead(BeadSummary::of(&bead))),
        );
        if let Some(convoy) = &bead.convoy_id {
            self.settle(convoy);
        }
        for dependent in &dependents {
            self.try_dispatch(dependent)?;
        }
        if let (Some(convoy), Some(holder)) = (&bead.convoy_id, &bead.assignee) {
            if let Some(agent) = self.agent_named(holder)? {
                self.feed(convoy, &agent.id)?;
            }
        }
        Ok(bead)
    }
}

/// The refusal to hook `bead_id` onto an agent that holds `held`. Its hint
/// names the safe ways first: resetting a busy agent takes its work away.
pub(crate) fn busy_agent(agent: &Agent, held: &str, bead_id: &str) -> Error {
    let rig = agent.rig.clone().unwrap_or_default();
    Error::conflict(format!("agent {} is already hooked to {held}", agent.name)).with_hint(
        Hint::Or(vec![
            Hint::call(
                "give the bead a new polecat",
                "bead reassign",
                &[("bead_id", bead_id), ("new", "true")],
            ),
            Hint::call(
                "find an idle one",
                "agent list",
                &[("rig_id", &rig), ("free", "true")],
            ),
        ]),
    )
}

#[cfg(test)]
pub(crate) mod tests;

#[cfg(test)]
mod name_tests {
    use crate::ops::sling::Sling;
    use crate::{OpenOptions, Town};

    fn town() -> (tempfile::TempDir, Town) {
        let dir = tempfile::tempdir().unwrap();
        let town = Town::open(&OpenOptions {
            location: dir.path().join("town.db").display().to_string(),
            lock_timeout: std::time::Duration::from_secs(5),
            actor: "tester".into(),
            dispatch_command: None,
            credentials: None,
            local: None,
        })
        .unwrap();
        (dir, super::tests::with_rigs(town))
    }

    /// Slings a bead onto a new polecat (every polecat so far is at work).
    fn new_polecat(town: &mut Town) -> String {
        let slung = town
            .sling(&Sling {
                rig_id: "alpha".into(),
                title: "work".into(),
                ..Default::default()
            })
            .unwrap();
        slung.agent.name
    }

    #[test]
    fn the_name_pool_runs_in_order_then_numbers() {
        let (_dir, mut town) = town();
        let names: Vec<String> = (0..22).map(|_| new_polecat(&mut town)).collect();
        assert_eq!(&names[..3], ["Toast", "Maple", "Birch"]);
        assert_eq!(names[19], "Lark");
        assert_eq!(names[20], "Polecat-21");
        assert_eq!(names[21], "Polecat-22");
    }

    #[test]
    fn the_first_unused_name_fills_gaps() {
        let (_dir, mut town) = town();
        for _ in 0..23 {
            new_polecat(&mut town);
        }
        // One of the pool and one numbered polecat finish their work and go.
        for name in ["Maple", "Polecat-21"] {
            let agent = town.agent(name).unwrap();
            let done = crate::ops::bead::UpdateBead {
                bead_id: agent.hook.unwrap(),
                status: Some(crate::model::BeadStatus::Closed),
                ..Default::default()
            };
            town.update_bead(&done).unwrap();
            town.delete_agent(&agent.id, false).unwrap();
        }
        assert_eq!(new_polecat(&mut town), "Maple");
        assert_eq!(new_polecat(&mut town), "Polecat-21");
        assert_eq!(new_polecat(&mut town), "Polecat-24");
    }
}
