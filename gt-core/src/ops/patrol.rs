//! The witness's patrol (SPEC §9): one pass over the town that notices agents
//! gone silent and work that nothing will pick up, and repairs what is safe to
//! repair, raising exactly one escalation per problem.
//!
//! A pass first reads what is due, with index probes whose cost follows what
//! they find (a pass with nothing due reads a handful of rows and writes
//! nothing). Then each repair runs as its own write unit that loads, and so
//! guards, the rows it changes and checks again that the repair is still due:
//! two patrols at once, or a patrol racing a human's edit, never repeat one.

use crate::call::{Call, CallSpec};
use std::collections::HashSet;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::change::Change;
use crate::error::{Error, Hint, Result};
use crate::model::{Agent, AgentStatus, Bead, BeadStatus, Escalation, EscalationStatus, Severity};
use crate::query::any_idle_polecat;
use crate::rules::recovery::{resolve, unresolved};
pub use crate::rules::recovery::{DEAD_AGENT, STALLED_AGENT};
use crate::rules::{CONVOY_CAP_SQL, WAITING_BEADS_SQL};
use crate::store::{Reader, Stmt};
use crate::town::Town;
use crate::unit::Unit;

/// The category of the escalation raised when dispatch retries run out.
pub const DISPATCH_FAILED: &str = "dispatch_failed";

/// Hooked agents of a status silent since before `?2` (the partial index of
/// hooked agents by status and last activity: only agents with work count).
pub(crate) const SILENT_AGENTS_SQL: &str = "SELECT id, name, last_activity_at FROM agents \
     WHERE status = ?1 AND last_activity_at < ?2 AND hook IS NOT NULL";

/// The same, as much as a pass needs to see whether one is due again.
pub(crate) const AGENT_ESCALATIONS_SQL: &str =
    "SELECT e.id, e.status, e.re_escalation_count, e.created_at FROM escalations e \
     WHERE e.agent = ?1 AND e.category = ?2 AND e.status <> 'resolved'";

/// Later than any time gt writes: "silent since before this" is every agent.
const END_OF_TIME: &str = "~";

/// Beads whose last dispatch command failed, and how often it was retried.
pub(crate) const DISPATCH_FAILURES_SQL: &str =
    "SELECT bead_id, agent, attempts, retries FROM dispatch_failures";

/// Counts one more retry, guarded by the count read.
pub(crate) const DISPATCH_RETRY_SQL: &str =
    "UPDATE dispatch_failures SET retries = retries + 1 WHERE bead_id = ?1";

/// Fails the batch unless the retries of a failure are still what was read.
pub(crate) const DISPATCH_RETRY_GUARD_SQL: &str =
    "INSERT INTO stale_reads (what) SELECT ?1 WHERE NOT EXISTS \
     (SELECT 1 FROM dispatch_failures WHERE bead_id = ?2 AND retries = ?3)";

/// The rigs, for lazy assignment.
pub(crate) const RIG_NAMES_SQL: &str = "SELECT name FROM rigs";

/// The convoys with a waiting bead of a rig: that rig's open beads (the
/// index of beads by rig and status), whatever rig their convoy names, since
/// a bead of another rig may join a convoy. Its cost is the rig's open work.
pub(crate) const WAITING_CONVOYS_OF_RIG_SQL: &str =
    "SELECT DISTINCT b.convoy_id FROM beads b INDEXED BY beads_rig \
     WHERE b.rig = ?1 AND b.status = 'open' AND b.assignee IS NULL AND b.convoy_id IS NOT NULL";

request! {
    /// One patrol pass: stalls silent agents, releases dead ones' beads, feeds
    /// waiting work, retries failed dispatches.
    pub struct Patrol {
        /// A duration such as 10m (default 10m).
        #[serde(default, with = "crate::clock::duration_text")]
        #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
        pub stall_after: Option<Duration>,
        /// A duration such as 30m (default 30m).
        #[serde(default, with = "crate::clock::duration_text")]
        #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
        pub dead_after: Option<Duration>,
        pub max_dispatch_retries: Option<u32>,
        /// A duration such as 2m (default 2m): a host whose supervisor is
        /// silent this long is lost, and its claims go to other hosts.
        #[serde(default, with = "crate::clock::duration_text")]
        #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
        pub host_dead_after: Option<Duration>,
        #[serde(default)]
        pub dry_run: bool,
    }
}

impl Patrol {
    /// The pass it asks for, the defaults filling what it leaves out.
    fn options(&self) -> PatrolOptions {
        let defaults = PatrolOptions::default();
        PatrolOptions {
            stall_after: self.stall_after.unwrap_or(defaults.stall_after),
            dead_after: self.dead_after.unwrap_or(defaults.dead_after),
            max_dispatch_retries: self
                .max_dispatch_retries
                .unwrap_or(defaults.max_dispatch_retries),
            host_dead_after: self.host_dead_after.unwrap_or(defaults.host_dead_after),
            dry_run: self.dry_run,
        }
    }
}

/// How a pass runs: a [`Patrol`] with its defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatrolOptions {
    /// A `working` agent silent this long is `stalled`.
    pub stall_after: Duration,
    /// An agent silent this long is `dead`, and its bead goes to another.
    pub dead_after: Duration,
    /// How often a failed dispatch command is tried again before escalating.
    pub max_dispatch_retries: u32,
    /// A host silent this long is lost, and its claims released.
    pub host_dead_after: Duration,
    /// Report what is due without changing anything.
    pub dry_run: bool,
}

impl Default for PatrolOptions {
    fn default() -> Self {
        PatrolOptions {
            stall_after: Duration::from_secs(10 * 60),
            dead_after: Duration::from_secs(30 * 60),
            max_dispatch_retries: 3,
            host_dead_after: Duration::from_secs(2 * 60),
            dry_run: false,
        }
    }
}

/// An agent that a pass found stalled or dead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SilentAgent {
    pub agent: String,
    pub bead: Option<String>,
    pub rig: Option<String>,
    /// Its last sign of life.
    pub last_activity_at: String,
}

/// A bead taken off a dead agent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReleasedBead {
    pub bead: String,
    pub from: String,
    /// The polecat it went to; null when none was free within its convoy's
    /// cap (a later pass, or the next polecat its convoy frees, takes it).
    pub to: Option<String>,
}

/// A waiting bead that a pass hooked to an idle polecat (lazy assignment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HookedBead {
    pub bead: String,
    pub agent: String,
    pub convoy_id: Option<String>,
}

/// A bead whose failed dispatch command a pass ran again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Redispatch {
    pub bead: String,
    pub agent: String,
    /// Which retry this is (1 for the first).
    pub retry: i64,
}

/// What one pass did (or, with `dry_run`, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PatrolReport {
    pub dry_run: bool,
    /// Hosts found silent, their claims released (SPEC §12).
    #[serde(default)]
    pub lost_hosts: Vec<crate::ops::host::LostHost>,
    pub stalled: Vec<SilentAgent>,
    pub dead: Vec<SilentAgent>,
    pub released: Vec<ReleasedBead>,
    pub hooked: Vec<HookedBead>,
    pub redispatched: Vec<Redispatch>,
    /// Escalations raised, or raised again (`re_escalation_count` up by one).
    /// A dry run's new ones have an empty `id`: none is made until a pass
    /// raises them.
    pub escalations: Vec<Escalation>,
    /// Escalations the pass resolved: a stalled agent's, once it is dead.
    pub resolved: Vec<String>,
    /// Active convoys that cannot land without a person (R4:
    /// `needs_attention`) once the pass is done (a dry run: as they stand),
    /// with the beads that need a look. Not repairs: patrol cannot mend
    /// these, so every pass reports them again.
    #[serde(default)]
    pub needs_attention: Vec<StuckConvoy>,
}

/// A convoy that needs a person, as `convoy status` names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StuckConvoy {
    pub convoy: String,
    pub title: String,
    pub attention: Vec<crate::query::Attention>,
}

/// One repair of a pass, for `--watch`'s one line (or JSON Line) per repair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "repair", rename_all = "snake_case")]
pub enum Repair {
    HostLost(crate::ops::host::LostHost),
    Stalled(SilentAgent),
    Dead(SilentAgent),
    Released(ReleasedBead),
    Hooked(HookedBead),
    Redispatched(Redispatch),
    Escalation(Escalation),
    Resolved { escalation: String },
}

impl PatrolReport {
    /// Whether the pass found nothing due.
    pub fn is_empty(&self) -> bool {
        self.repairs().is_empty()
    }

    /// Every repair, in the order a pass makes them by kind.
    pub fn repairs(&self) -> Vec<Repair> {
        let mut out = Vec::new();
        out.extend(self.lost_hosts.iter().cloned().map(Repair::HostLost));
        out.extend(self.stalled.iter().cloned().map(Repair::Stalled));
        out.extend(self.dead.iter().cloned().map(Repair::Dead));
        out.extend(self.released.iter().cloned().map(Repair::Released));
        out.extend(self.hooked.iter().cloned().map(Repair::Hooked));
        out.extend(self.redispatched.iter().cloned().map(Repair::Redispatched));
        out.extend(self.escalations.iter().cloned().map(Repair::Escalation));
        out.extend(self.resolved.iter().map(|id| Repair::Resolved {
            escalation: id.clone(),
        }));
        out
    }

    fn absorb(&mut self, other: PatrolReport) {
        self.lost_hosts.extend(other.lost_hosts);
        self.stalled.extend(other.stalled);
        self.dead.extend(other.dead);
        self.released.extend(other.released);
        self.hooked.extend(other.hooked);
        self.redispatched.extend(other.redispatched);
        self.escalations.extend(other.escalations);
        self.resolved.extend(other.resolved);
        self.needs_attention.extend(other.needs_attention);
    }
}

/// A failed dispatch as recorded.
#[derive(Debug, Clone)]
struct Failure {
    bead_id: String,
    agent: String,
    attempts: i64,
    retries: i64,
}

/// Something a pass found due.
#[derive(Debug, Clone)]
enum Due {
    LoseHost(String),
    Stall(String),
    Kill(String),
    Reescalate(String),
    Retry(Failure),
    Feed(String),
}

/// The times a pass measures against, fixed at its start.
struct Limits {
    now: SystemTime,
    stall_after: Duration,
    stall_cutoff: String,
    dead_cutoff: String,
    host_cutoff: String,
    max_retries: i64,
}

impl Limits {
    /// Whether an open escalation raised at `created_at` and raised again
    /// `count` times is due once more: once per `stall_after` of silence.
    fn reescalation_due(&self, created_at: &str, count: i64) -> bool {
        let Ok(created) = humantime::parse_rfc3339_weak(created_at) else {
            return false;
        };
        let periods = u32::try_from(count.saturating_add(1)).unwrap_or(u32::MAX);
        self.stall_after
            .checked_mul(periods)
            .and_then(|wait| created.checked_add(wait))
            .is_some_and(|due| due <= self.now)
    }
}

impl Town {
    /// One patrol pass (SPEC §9). Each repair commits on its own; a pass with
    /// nothing due writes nothing. With `dry_run` every repair runs in one
    /// unit that is rolled back, so the report says exactly what a real pass
    /// would do now.
    pub fn patrol(&mut self, req: &Patrol) -> Result<PatrolReport> {
        let options = &req.options();
        if options.dead_after < options.stall_after {
            return Err(Error::usage(format!(
                "the silence after which an agent is dead ({}) is shorter than the one after which it stalls ({})",
                humantime::format_duration(options.dead_after),
                humantime::format_duration(options.stall_after)
            ))
            .with_hint(Hint::fields(
                "an agent stalls before it is declared dead: give a longer",
                "patrol",
                &["dead_after"],
            )));
        }
        let clock = self.clock().clone();
        let limits = Limits {
            now: clock.now(),
            stall_after: options.stall_after,
            stall_cutoff: clock.ago(options.stall_after),
            dead_cutoff: clock.ago(options.dead_after),
            host_cutoff: clock.ago(options.host_dead_after),
            max_retries: i64::from(options.max_dispatch_retries),
        };
        let due = self.read(|r| find_due(r, &limits))?;
        let mut report = PatrolReport {
            dry_run: options.dry_run,
            ..PatrolReport::default()
        };
        if due.is_empty() {
            report.needs_attention = self.read(stuck_convoys)?;
            return Ok(report);
        }
        if options.dry_run {
            let preview = self.preview(|unit| {
                let mut part = PatrolReport::default();
                for d in &due {
                    repair(unit, d, &limits, &mut part)?;
                }
                Ok(part)
            })?;
            report.absorb(preview);
            // An escalation the pass would raise has no ID yet: the one made
            // up in the rolled-back unit is not the one a real pass would use.
            for esc in &mut report.escalations {
                if esc.re_escalation_count == 0 {
                    esc.id.clear();
                }
            }
            report.needs_attention = self.read(stuck_convoys)?;
            return Ok(report);
        }
        self.repair_each(&due, &limits, &mut report)?;
        // A bead released by this pass frees a place under its convoy's cap
        // that no feed was due for when the pass began.
        if !report.released.is_empty() {
            let feeds = self.read(find_feeds)?;
            self.repair_each(&feeds, &limits, &mut report)?;
        }
        report.needs_attention = self.read(stuck_convoys)?;
        Ok(report)
    }

    /// Makes each repair in a write unit of its own.
    fn repair_each(
        &mut self,
        due: &[Due],
        limits: &Limits,
        report: &mut PatrolReport,
    ) -> Result<()> {
        for d in due {
            let part = self.write(|unit| {
                let mut part = PatrolReport::default();
                repair(unit, d, limits, &mut part)?;
                Ok(part)
            })?;
            report.absorb(part);
        }
        Ok(())
    }
}

/// The active convoys that need a person (R4), each with what needs a look:
/// the rule as `convoy list` reads it, then the status of those it flags.
fn stuck_convoys(r: &mut dyn Reader) -> Result<Vec<StuckConvoy>> {
    let rows = r.query(crate::entity::STUCK_CONVOYS_SQL, &[])?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let convoy = row.text(0)?;
        let view = crate::query::convoy_status(r, &convoy)?;
        out.push(StuckConvoy {
            convoy,
            title: row.text(1)?,
            attention: view.attention,
        });
    }
    Ok(out)
}

/// What is due, from reads that cost what they find.
fn find_due(r: &mut dyn Reader, limits: &Limits) -> Result<Vec<Due>> {
    let mut due: Vec<Due> = crate::ops::host::silent_hosts(r, &limits.host_cutoff)?
        .into_iter()
        .map(Due::LoseHost)
        .collect();
    let silent = |r: &mut dyn Reader, status: AgentStatus, before: &str| {
        let rows = r.query(SILENT_AGENTS_SQL, &[status.as_str().into(), before.into()])?;
        rows.iter()
            .map(|row| Ok((row.text(0)?, row.text(1)?, row.text(2)?)))
            .collect::<Result<Vec<_>>>()
    };
    for (id, _, last) in silent(r, AgentStatus::Working, &limits.stall_cutoff)? {
        due.push(if last < limits.dead_cutoff {
            Due::Kill(id)
        } else {
            Due::Stall(id)
        });
    }
    // Every stalled agent with work: dead by now, or due to be raised again.
    for (id, name, last) in silent(r, AgentStatus::Stalled, END_OF_TIME)? {
        if last < limits.dead_cutoff {
            due.push(Due::Kill(id));
            continue;
        }
        for row in r.query(
            AGENT_ESCALATIONS_SQL,
            &[name.as_str().into(), STALLED_AGENT.into()],
        )? {
            let (esc_id, status, count, created) =
                (row.text(0)?, row.text(1)?, row.int(2)?, row.text(3)?);
            if status == EscalationStatus::Open.as_str() && limits.reescalation_due(&created, count)
            {
                due.push(Due::Reescalate(esc_id));
            }
        }
    }
    // A dead agent still holding work (declared dead by hand, say).
    for (id, _, _) in silent(r, AgentStatus::Dead, END_OF_TIME)? {
        due.push(Due::Kill(id));
    }
    for row in r.query(DISPATCH_FAILURES_SQL, &[])? {
        let failure = Failure {
            bead_id: row.text(0)?,
            agent: row.text(1)?,
            attempts: row.int(2)?,
            retries: row.int(3)?,
        };
        if failure.retries < failure.attempts {
            due.push(Due::Retry(failure));
        }
    }
    due.extend(find_feeds(r)?);
    Ok(due)
}

/// Lazy assignment: the active convoys with a waiting bead of a rig that has
/// an idle polecat, and a free place under their cap.
fn find_feeds(r: &mut dyn Reader) -> Result<Vec<Due>> {
    let mut due = Vec::new();
    let mut fed = HashSet::new();
    for row in r.query(RIG_NAMES_SQL, &[])? {
        let rig = row.text(0)?;
        if !any_idle_polecat(r, &rig)? {
            continue;
        }
        for row in r.query(WAITING_CONVOYS_OF_RIG_SQL, &[rig.as_str().into()])? {
            let convoy = row.text(0)?;
            if fed.contains(&convoy) {
                continue;
            }
            let rows = r.query(CONVOY_CAP_SQL, &[convoy.as_str().into()])?;
            let Some(row) = rows.first() else {
                continue;
            };
            if row.text(1)? != "active" {
                continue;
            }
            if let (Some(cap), Some(hooked)) = (row.opt_int(0)?, row.opt_int(2)?) {
                if hooked >= cap {
                    continue;
                }
            }
            fed.insert(convoy.clone());
            due.push(Due::Feed(convoy));
        }
    }
    Ok(due)
}

/// Makes one repair, if it is still due as the unit sees the town.
fn repair(unit: &mut Unit, due: &Due, limits: &Limits, out: &mut PatrolReport) -> Result<()> {
    match due {
        Due::LoseHost(host_id) => {
            if let Some((lost, esc)) = crate::ops::host::lose(unit, host_id, &limits.host_cutoff)? {
                out.lost_hosts.push(lost);
                out.escalations.push(esc);
            }
            Ok(())
        }
        Due::Stall(agent_id) => stall(unit, agent_id, limits, out),
        Due::Kill(agent_id) => kill(unit, agent_id, limits, out),
        Due::Reescalate(esc_id) => reescalate(unit, esc_id, limits, out),
        Due::Retry(failure) => retry(unit, failure, limits, out),
        Due::Feed(convoy_id) => feed(unit, convoy_id, out),
    }
}

fn silent_agent(agent: &Agent) -> SilentAgent {
    SilentAgent {
        agent: agent.name.clone(),
        bead: agent.hook.clone(),
        rig: agent.rig.clone(),
        last_activity_at: agent.last_activity_at.clone(),
    }
}

/// Sets an agent's status without touching its last activity (silence is not
/// activity), with the event saying why.
fn mark(unit: &mut Unit, mut agent: Agent, status: AgentStatus) {
    let old = agent.status;
    agent.status = status;
    let reason = format!("silent since {}", agent.last_activity_at);
    let change = Change::AgentStatusChanged {
        old,
        new: status,
        reason: Some(reason),
    };
    unit.record(&agent.id, change);
    unit.put(agent);
}

/// A `working` agent silent past the stall limit: `stalled`, with one
/// escalation (unless one is already unresolved for it).
fn stall(unit: &mut Unit, agent_id: &str, limits: &Limits, out: &mut PatrolReport) -> Result<()> {
    let Some(agent) = unit.get::<Agent>(agent_id)? else {
        return Ok(());
    };
    if agent.status != AgentStatus::Working
        || agent.hook.is_none()
        || agent.last_activity_at >= limits.stall_cutoff
    {
        return Ok(());
    }
    if agent.last_activity_at < limits.dead_cutoff {
        return kill(unit, agent_id, limits, out);
    }
    mark(unit, agent.clone(), AgentStatus::Stalled);
    out.stalled.push(silent_agent(&agent));
    if unresolved(unit, &agent.name, STALLED_AGENT)?.is_empty() {
        let message = format!(
            "{} has been silent since {} while working on {}",
            agent.name,
            agent.last_activity_at,
            agent.hook.as_deref().unwrap_or("nothing")
        );
        let esc = crate::rules::recovery::raise_about(
            unit,
            &agent,
            Severity::Medium,
            STALLED_AGENT,
            message,
        )?;
        out.escalations.push(esc);
    }
    Ok(())
}

/// An agent silent past the dead limit (or declared dead by hand) that still
/// holds a bead: `dead`, its bead released and re-hooked within its convoy's
/// cap, its stall escalation resolved, and one `high` escalation.
fn kill(unit: &mut Unit, agent_id: &str, limits: &Limits, out: &mut PatrolReport) -> Result<()> {
    let Some(agent) = unit.get::<Agent>(agent_id)? else {
        return Ok(());
    };
    let Some(bead_id) = agent.hook.clone() else {
        return Ok(());
    };
    let silent = matches!(agent.status, AgentStatus::Working | AgentStatus::Stalled)
        && agent.last_activity_at < limits.dead_cutoff;
    if !(silent || agent.status == AgentStatus::Dead) {
        return Ok(());
    }
    if agent.status != AgentStatus::Dead {
        mark(unit, agent.clone(), AgentStatus::Dead);
    }
    out.dead.push(silent_agent(&agent));
    for esc in unresolved(unit, &agent.name, STALLED_AGENT)? {
        out.resolved.push(esc.id.clone());
        resolve(unit, esc, "the agent was declared dead");
    }
    let to = unit.release_bead(&bead_id, "agent dead")?;
    let to = match to {
        Some(id) => Some(unit.must::<Agent>(&id)?.name),
        None => None,
    };
    out.released.push(ReleasedBead {
        bead: bead_id.clone(),
        from: agent.name.clone(),
        to: to.clone(),
    });
    if unresolved(unit, &agent.name, DEAD_AGENT)?.is_empty() {
        let whereto = match &to {
            Some(name) => format!("re-hooked to {name}"),
            None => "waiting for a free polecat".to_string(),
        };
        let message = format!(
            "{} is dead (silent since {}); its bead {bead_id} was released and is {whereto}",
            agent.name, agent.last_activity_at
        );
        let esc =
            crate::rules::recovery::raise_about(unit, &agent, Severity::High, DEAD_AGENT, message)?;
        out.escalations.push(esc);
    }
    Ok(())
}

/// An open stall escalation whose agent is still silent: raised again, once
/// per stall period.
fn reescalate(
    unit: &mut Unit,
    esc_id: &str,
    limits: &Limits,
    out: &mut PatrolReport,
) -> Result<()> {
    let Some(mut esc) = unit.get::<Escalation>(esc_id)? else {
        return Ok(());
    };
    if esc.status != EscalationStatus::Open
        || !limits.reescalation_due(&esc.created_at, esc.re_escalation_count)
    {
        return Ok(());
    }
    let Some(name) = esc.agent.clone() else {
        return Ok(());
    };
    let still_stalled = unit
        .agent_named(&name)?
        .is_some_and(|a| a.status == AgentStatus::Stalled);
    if !still_stalled {
        return Ok(());
    }
    let old = esc.re_escalation_count;
    esc.re_escalation_count += 1;
    let new = esc.re_escalation_count;
    unit.record(esc_id, Change::ReEscalated { old, new });
    unit.put(esc.clone());
    out.escalations.push(esc);
    Ok(())
}

/// A bead whose dispatch command failed: run again while retries remain,
/// then one escalation; a failure the bead has moved on from is forgotten.
fn retry(unit: &mut Unit, f: &Failure, limits: &Limits, out: &mut PatrolReport) -> Result<()> {
    let bead = unit.get::<Bead>(&f.bead_id)?;
    let current = bead.as_ref().is_some_and(|b| {
        b.status == BeadStatus::InProgress
            && b.assignee
                .as_deref()
                .is_some_and(|a| a.eq_ignore_ascii_case(&f.agent))
    });
    let agent = unit.agent_named(&f.agent)?;
    let (Some(bead), Some(agent), true) = (bead, agent, current) else {
        unit.forget_dispatch_failure(&f.bead_id);
        return Ok(());
    };
    // Guarded by the retries read, so that two patrols never both retry.
    unit.extra(Stmt::guard(
        DISPATCH_RETRY_GUARD_SQL,
        vec![
            format!("dispatch_failures {}", f.bead_id).into(),
            f.bead_id.as_str().into(),
            f.retries.into(),
        ],
    ));
    if f.retries >= limits.max_retries {
        unit.forget_dispatch_failure(&f.bead_id);
        let message = format!(
            "the dispatch command for {} on {} failed {} times",
            bead.id, agent.name, f.attempts
        );
        // About the bead whose dispatch failed, whatever the agent's hook says.
        let holder = Agent {
            hook: Some(bead.id.clone()),
            ..agent.clone()
        };
        let esc = crate::rules::recovery::raise_about(
            unit,
            &holder,
            Severity::High,
            DISPATCH_FAILED,
            message,
        )?;
        out.escalations.push(esc);
        return Ok(());
    }
    unit.extra(Stmt::new(
        DISPATCH_RETRY_SQL,
        vec![f.bead_id.as_str().into()],
    ));
    unit.redispatch(&bead.id)?;
    if let Some(d) = unit.dispatched.last_mut() {
        d.retry = true;
    }
    out.redispatched.push(Redispatch {
        bead: bead.id,
        agent: agent.name,
        retry: f.retries + 1,
    });
    Ok(())
}

/// Waiting beads of an active convoy that nothing fed: hooked to idle
/// polecats of their rigs within the convoy's cap.
fn feed(unit: &mut Unit, convoy_id: &str, out: &mut PatrolReport) -> Result<()> {
    let rows = unit.query(WAITING_BEADS_SQL, &[convoy_id.into()])?;
    let ids: Vec<String> = rows.iter().map(|r| r.text(0)).collect::<Result<_, _>>()?;
    for id in ids {
        if let Some(agent) = unit.rehook(&id)? {
            let name = unit.must::<Agent>(&agent)?.name;
            out.hooked.push(HookedBead {
                bead: id,
                agent: name,
                convoy_id: Some(convoy_id.to_string()),
            });
        }
    }
    Ok(())
}

impl Call for Patrol {
    type Output = PatrolReport;
    const SPEC: CallSpec = spec!(
        "patrol",
        "gt_patrol",
        Some("POST /api/patrol"),
        Write,
        false,
        None,
        doc = "Find stuck agents and work nothing will pick up, and repair what is safe\n\n\
               One pass of the witness: a working agent silent past {stall_after} is \
               stalled, with one escalation (raised again, not duplicated, while it \
               stays silent); an agent silent past {dead_after} is dead, and its bead \
               is released and hooked to an idle polecat within its convoy's cap, with \
               a high escalation; waiting beads of active convoys go to idle polecats \
               (lazy assignment); a failed dispatch command is retried, then escalated; \
               a host silent past {host_dead_after} is lost and its claims are \
               released. Then it names the active convoys that cannot land without a \
               person (a failed bead, a dead agent's hook, work nothing will pick up). \
               Each repair is atomic and audited; a pass with nothing due writes \
               nothing; patrols running at once never repeat a repair. Thresholds \
               default to the config file's [patrol] section, else 10m, 30m and 2m."
    );
    fn run(self, town: &mut Town) -> Result<PatrolReport> {
        town.patrol(&self)
    }
}

#[cfg(test)]
mod tests;
