//! A write unit: the working set of one command. It loads rows (each load becomes a
//! version guard), applies the rules to them in memory, and turns the difference
//! into one batch that commits atomically (R1) on either backend.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use serde_json::Value as Json;

use crate::change::{Change, Created};
use crate::clock::Clock;
use crate::effects::Effects;
use crate::entity::{convoy_count_changes, settle_convoy, version_guard, Entity};
use crate::error::{Error, Result};
use crate::model::{Agent, Bead, Convoy, Escalation, Host, Mail, Rig};
use crate::store::{backoff, Backend, Reader, Row, Stmt, StoreError, Value, MAX_ATTEMPTS};

/// Appends one audit event.
pub(crate) const EVENT_INSERT_SQL: &str = "INSERT INTO events \
     (subject_id, event_type, actor, old_value, new_value, metadata, created_at, convoy_id) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

/// A convoy's newest own events, to learn after a commit whether its batch
/// landed or reopened it (the batch decides that in SQL, from the counts as
/// they are at commit time).
pub(crate) const CONVOY_LAST_EVENTS_SQL: &str = "SELECT event_type, actor, created_at \
     FROM events WHERE subject_id = ?1 ORDER BY id DESC LIMIT 4";

/// A bead's convoy, for the label of an event about something else.
pub(crate) const BEAD_CONVOY_SQL: &str = "SELECT convoy_id FROM beads WHERE id = ?1";

/// One row as the unit knows it: as read (with its version), and as it will be.
struct Slot<T> {
    before: Option<(T, i64)>,
    after: Option<T>,
}

/// The rows of one table that a unit has touched, in the order it touched them.
pub struct Table<T> {
    slots: Vec<Slot<T>>,
    index: HashMap<String, usize>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            slots: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<T: Entity> Table<T> {
    /// `Some(None)` when the unit deleted the row; `None` when it never saw it.
    fn current(&self, id: &str) -> Option<Option<&T>> {
        self.index.get(id).map(|&i| self.slots[i].after.as_ref())
    }

    /// The row as the unit knows it now, or as it was read if the unit deleted it.
    fn latest(&self, id: &str) -> Option<&T> {
        let slot = &self.slots[*self.index.get(id)?];
        slot.after.as_ref().or(slot.before.as_ref().map(|(v, _)| v))
    }

    /// The row as it was read from the store.
    fn as_read(&self, id: &str) -> Option<&T> {
        let slot = &self.slots[*self.index.get(id)?];
        slot.before.as_ref().map(|(v, _)| v)
    }

    /// Each row touched, as read and as it will be.
    fn changes(&self) -> impl Iterator<Item = (Option<&T>, Option<&T>)> {
        self.slots
            .iter()
            .map(|s| (s.before.as_ref().map(|(v, _)| v), s.after.as_ref()))
    }
}

/// An entity the unit keeps a table of.
pub trait Stored: Entity + 'static {
    fn table<'u>(unit: &'u mut Unit<'_>) -> &'u mut Table<Self>;
}

macro_rules! stored {
    ($t:ty, $field:ident) => {
        impl Stored for $t {
            fn table<'u>(unit: &'u mut Unit<'_>) -> &'u mut Table<Self> {
                &mut unit.$field
            }
        }
    };
}

/// A bead dispatched by a unit, for the dispatch command run after the commit (R7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dispatch {
    pub bead_id: String,
    pub agent: String,
    pub rig: String,
    pub convoy_id: Option<String>,
    /// Patrol's retry of a dispatch command that failed.
    pub retry: bool,
}

struct NewEvent {
    subject_id: String,
    convoy_id: Option<String>,
    change: Change,
}

/// The working set of one write command.
pub struct Unit<'a> {
    db: &'a mut dyn Backend,
    pub now: String,
    pub actor: String,
    beads: Table<Bead>,
    agents: Table<Agent>,
    convoys: Table<Convoy>,
    escalations: Table<Escalation>,
    rigs: Table<Rig>,
    mail: Table<Mail>,
    hosts: Table<Host>,
    extra: Vec<Stmt>,
    events: Vec<NewEvent>,
    settle: Vec<String>,
    pub(crate) dispatched: Vec<Dispatch>,
    effects: Effects,
    /// Agent name (lower-case) to ID, for every agent in `agents`.
    agent_names: HashMap<String, String>,
    /// Agent names (lower-case) known to be taken: the pool's, once a new
    /// polecat needs a name, and each numbered name looked up or given out.
    pub(crate) names_in_use: Option<HashSet<String>>,
    /// Where the search for a free `Polecat-N` name resumes (0: not searched).
    pub(crate) next_polecat_number: usize,
    /// Numbered names below this have been looked up in the store.
    pub(crate) polecat_numbers_checked: usize,
    /// Beads whose dependencies differ from the store's: new ones, and those
    /// whose edges this unit changed. Only they can be dependents that the
    /// store's edges do not show.
    deps_changed: Vec<String>,
    /// Idle polecats of a rig not yet handed out by this unit.
    pub(crate) idle_polecats: HashMap<String, VecDeque<String>>,
    /// How many of a convoy's beads the store holds hooked, where a read of
    /// its cap found it: it cannot change before this unit commits.
    pub(crate) hooked_stored: HashMap<String, i64>,
    populations: HashMap<&'static str, u64>,
    /// Convoys this unit is force-closing: their beads are ending, so freed
    /// polecats are not fed more of them and none of them is dispatched.
    pub(crate) closing: HashSet<String>,
}

stored!(Bead, beads);
stored!(Agent, agents);
stored!(Convoy, convoys);
stored!(Escalation, escalations);
stored!(Rig, rigs);
stored!(Mail, mail);
stored!(Host, hosts);

impl Reader for Unit<'_> {
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError> {
        self.db.query(sql, params)
    }
}

impl<'a> Unit<'a> {
    fn new(db: &'a mut dyn Backend, actor: &str, now: String) -> Self {
        Unit {
            db,
            now,
            actor: actor.to_string(),
            beads: Table::default(),
            agents: Table::default(),
            convoys: Table::default(),
            escalations: Table::default(),
            rigs: Table::default(),
            mail: Table::default(),
            hosts: Table::default(),
            extra: Vec::new(),
            events: Vec::new(),
            settle: Vec::new(),
            dispatched: Vec::new(),
            effects: Effects::default(),
            agent_names: HashMap::new(),
            names_in_use: None,
            next_polecat_number: 0,
            polecat_numbers_checked: 0,
            deps_changed: Vec::new(),
            idle_polecats: HashMap::new(),
            hooked_stored: HashMap::new(),
            populations: HashMap::new(),
            closing: HashSet::new(),
        }
    }

    /// The row `id` as this unit sees it, loading (and guarding) it on first use.
    pub fn get<T: Stored>(&mut self, id: &str) -> Result<Option<T>> {
        if let Some(current) = T::table(self).current(id) {
            return Ok(current.cloned());
        }
        let sql = format!("{} WHERE {}.id = ?1", T::SELECT, alias::<T>());
        let rows = self.db.query(&sql, &[id.into()])?;
        match rows.into_iter().next() {
            Some(row) => {
                let (value, version) = T::from_row(row)?;
                self.track(Some((value.clone(), version)), Some(value.clone()));
                Ok(Some(value))
            }
            None => Ok(None),
        }
    }

    /// The row that a reference (an ID or a unique prefix of one) names.
    pub fn resolve<T: Stored>(&mut self, input: &str) -> Result<T> {
        let id = crate::query::resolve::<T>(self, input)?;
        self.must(&id)
    }

    /// Like [`Unit::get`], but a missing row is a not-found error.
    pub fn must<T: Stored>(&mut self, id: &str) -> Result<T> {
        self.get(id)?
            .ok_or_else(|| Error::not_found(format!("no {} '{}'", T::KIND.noun(), id)))
    }

    /// Loads every row matching `where_sql` (guarding each), as this unit sees it.
    pub fn load_where<T: Stored>(&mut self, where_sql: &str, params: &[Value]) -> Result<Vec<T>> {
        let sql = format!("{} WHERE {}", T::SELECT, where_sql);
        let rows = self.db.query(&sql, params)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let (value, version) = T::from_row(row)?;
            match T::table(self).current(value.id()) {
                Some(Some(seen)) => out.push(seen.clone()),
                Some(None) => {}
                None => {
                    self.track(Some((value.clone(), version)), Some(value.clone()));
                    out.push(value);
                }
            }
        }
        Ok(out)
    }

    /// Records the new state of a row the unit has loaded or created.
    pub fn put<T: Stored>(&mut self, value: T) {
        if let Some(bead) = as_bead(&value) {
            let known = self.beads.current(&bead.id).flatten();
            if known.is_none_or(|old| old.depends_on != bead.depends_on) {
                self.deps_changed.push(bead.id.clone());
            }
        }
        let table = T::table(self);
        match table.index.get(value.id()) {
            Some(&i) => table.slots[i].after = Some(value),
            None => self.track(None, Some(value)),
        }
    }

    /// Adds a new row.
    pub fn create<T: Stored>(&mut self, value: T) {
        *self.populations.entry(T::TABLE).or_default() += 1;
        if let Some(bead) = as_bead(&value) {
            self.deps_changed.push(bead.id.clone());
        }
        self.track(None, Some(value));
    }

    /// Inserts a new row and records its `created` event (R9).
    pub fn create_logged<T: Stored>(&mut self, value: T, created: Created) {
        let id = value.id().to_string();
        // Created first, so that the event knows the row (and its convoy).
        self.create(value);
        self.record(&id, Change::Created(created));
    }

    /// Deletes a row the unit has loaded.
    pub fn remove<T: Stored>(&mut self, id: &str) {
        let table = T::table(self);
        if let Some(&i) = table.index.get(id) {
            table.slots[i].after = None;
        }
    }

    fn track<T: Stored>(&mut self, before: Option<(T, i64)>, after: Option<T>) {
        let id = after
            .as_ref()
            .or(before.as_ref().map(|(v, _)| v))
            .map(|v| v.id().to_string())
            .unwrap_or_default();
        if let Some(agent) = after.as_ref().and_then(|v| as_agent(v)) {
            self.agent_names
                .insert(agent.name.to_lowercase(), agent.id.clone());
        }
        let table = T::table(self);
        table.index.insert(id, table.slots.len());
        table.slots.push(Slot { before, after });
    }

    /// Whether this write holds the store's lock while it reads (SQLite), so
    /// that what it read stays true until it commits.
    pub fn write_is_exclusive(&self) -> bool {
        self.db.write_is_exclusive()
    }

    /// Moves an agent's `last_activity_at` when this write is its own act
    /// (its actor is the agent): repairs by others never make an agent look
    /// alive (SPEC §9).
    pub fn acted(&self, agent: &mut Agent) {
        if self.actor.eq_ignore_ascii_case(&agent.name) {
            agent.last_activity_at = self.now.clone();
        }
    }

    /// The agent called `name` (case-insensitive), as this unit sees it.
    pub fn agent_named(&mut self, name: &str) -> Result<Option<Agent>> {
        if let Some(id) = self.agent_names.get(&name.to_lowercase()).cloned() {
            return self.get(&id);
        }
        Ok(self
            .load_where::<Agent>("a.name = ?1", &[name.into()])?
            .into_iter()
            .next())
    }

    /// How many rows `table` will hold, for sizing new IDs.
    pub fn population(&mut self, table: &'static str) -> Result<u64> {
        if !self.populations.contains_key(table) {
            let rows = self
                .db
                .query(&format!("SELECT coalesce(max(rowid), 0) FROM {table}"), &[])?;
            let n = rows.first().map(|r| r.int(0)).transpose()?.unwrap_or(0);
            self.populations.insert(table, n.max(0) as u64);
        }
        Ok(self.populations[table])
    }

    /// How many more (or fewer) of `convoy`'s beads this unit leaves hooked
    /// than the store holds.
    pub fn hooked_change(&self, convoy: &str) -> i64 {
        let hooked = |b: Option<&Bead>| {
            i64::from(
                b.is_some_and(|b| b.assignee.is_some() && b.convoy_id.as_deref() == Some(convoy)),
            )
        };
        self.beads
            .slots
            .iter()
            .map(|s| hooked(s.after.as_ref()) - hooked(s.before.as_ref().map(|(b, _)| b)))
            .sum()
    }

    /// The beads whose dependencies this unit changed (or created) that depend
    /// on `bead_id` now: what the store's edges cannot show yet.
    pub fn new_dependents_of(&self, bead_id: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for id in &self.deps_changed {
            let Some(Some(bead)) = self.beads.current(id) else {
                continue;
            };
            if bead.depends_on.iter().any(|d| d == bead_id) && !out.contains(id) {
                out.push(id.clone());
            }
        }
        out
    }

    /// Records a change of `subject_id` as an audit event (R9): actor and
    /// time are the unit's. What it caused is noted from the change itself.
    pub fn record(&mut self, subject_id: &str, change: Change) {
        let convoy_id = self.convoy_of(subject_id);
        self.effects.note(subject_id, &change);
        self.events.push(NewEvent {
            subject_id: subject_id.to_string(),
            convoy_id,
            change,
        });
    }

    /// The convoy an event about `subject_id` concerns, as this unit sees the
    /// subject now: a convoy itself, a bead's convoy (a deleted bead's as it
    /// was), an escalation's bead's, an agent's hooked bead's (or the one it
    /// held when the unit began: a reset, an unhook).
    fn convoy_of(&mut self, subject_id: &str) -> Option<String> {
        use crate::id::IdKind;
        let bead = match crate::id::kind_of(subject_id)? {
            IdKind::Convoy => return Some(subject_id.to_string()),
            IdKind::Rig | IdKind::Host => return None,
            IdKind::Mail => return self.mail.latest(subject_id)?.convoy.clone(),
            IdKind::Bead => subject_id.to_string(),
            IdKind::Escalation => self.escalations.latest(subject_id)?.bead.clone()?,
            IdKind::Agent => {
                let hook = |a: Option<&Agent>| a.and_then(|a| a.hook.clone());
                hook(self.agents.latest(subject_id))
                    .or_else(|| hook(self.agents.as_read(subject_id)))?
            }
        };
        if let Some(b) = self.beads.latest(&bead) {
            return b.convoy_id.clone();
        }
        // A bead this unit has not loaded (an escalation's): read, unguarded,
        // since only the event's label depends on it.
        let rows = self
            .db
            .query(BEAD_CONVOY_SQL, &[bead.as_str().into()])
            .ok()?;
        rows.first()?.opt_text(0).ok()?
    }

    /// Adds a statement to run after the unit's row writes, for columns that no
    /// entity carries (such as a convoy's idempotency fingerprint).
    pub fn extra(&mut self, stmt: Stmt) {
        self.extra.push(stmt);
    }

    /// Marks a convoy for landing or reopening, as its counts now say, in this batch.
    pub fn settle(&mut self, convoy_id: &str) {
        if !self.settle.iter().any(|c| c == convoy_id) {
            self.settle.push(convoy_id.to_string());
        }
    }

    /// The batch: guards on everything read, then inserts, updates and deletes
    /// (with the convoy counts that the bead changes move), then events, then
    /// the convoy landings and reopenings that depend on all of them. Also
    /// returns the settled convoys whose outcome only the commit will tell.
    fn finish(mut self) -> Result<(Vec<Stmt>, Outcome, Vec<String>)> {
        let mut batch = Vec::new();
        guards(&self.rigs, &mut batch);
        guards(&self.convoys, &mut batch);
        guards(&self.agents, &mut batch);
        guards(&self.beads, &mut batch);
        guards(&self.escalations, &mut batch);
        guards(&self.mail, &mut batch);
        guards(&self.hosts, &mut batch);
        releases(&self.agents, &mut batch);
        releases(&self.beads, &mut batch);
        writes(&self.rigs, &mut batch);
        writes(&self.convoys, &mut batch);
        writes(&self.agents, &mut batch);
        let mut words_in = Vec::new();
        crate::entity::bead_words(self.beads.changes(), &mut batch, &mut words_in);
        writes(&self.beads, &mut batch);
        batch.append(&mut words_in);
        let deltas: BTreeMap<String, [i64; 3]> =
            convoy_count_changes(self.beads.changes(), &mut batch)
                .into_iter()
                .map(|(c, d)| (c.to_string(), d))
                .collect();
        writes(&self.escalations, &mut batch);
        writes(&self.mail, &mut batch);
        writes(&self.hosts, &mut batch);
        batch.append(&mut self.extra);
        for e in &self.events {
            let [old_value, new_value, metadata] = e.change.values();
            batch.push(Stmt::new(
                EVENT_INSERT_SQL,
                vec![
                    e.subject_id.as_str().into(),
                    e.change.event_type().into(),
                    self.actor.as_str().into(),
                    json_or_null(&old_value),
                    json_or_null(&new_value),
                    json_or_null(&metadata),
                    self.now.as_str().into(),
                    e.convoy_id.clone().into(),
                ],
            ));
        }
        let mut undecided = Vec::new();
        for convoy in std::mem::take(&mut self.settle) {
            let delta = deltas.get(&convoy).copied().unwrap_or_default();
            match self.settle_ahead(&convoy, delta)? {
                // It will not change: no statement needs to say so.
                Some(None) => continue,
                Some(Some(change)) => self.effects.note(&convoy, &change),
                None => undecided.push(convoy.clone()),
            }
            settle_convoy(&convoy, &self.actor, &self.now, &mut batch);
        }
        let outcome = Outcome {
            dispatched: self.dispatched,
            effects: self.effects,
        };
        Ok((batch, outcome, undecided))
    }

    /// Where the write holds the store's lock (SQLite), what the batch's
    /// settle statements will do to `convoy`, decided now exactly as they
    /// would from the counts it leaves (the stored ones moved by `delta`):
    /// `Some(None)` for nothing, else the change of its landing or reopening.
    /// `None` where only the commit can tell: no lock (rqlite), or a convoy
    /// whose own row this unit writes.
    fn settle_ahead(&mut self, convoy: &str, delta: [i64; 3]) -> Result<Option<Option<Change>>> {
        let written = self.convoys.index.get(convoy).is_some_and(|&i| {
            let slot = &self.convoys.slots[i];
            slot.before.as_ref().map(|(c, _)| c) != slot.after.as_ref()
        });
        if written || !self.db.write_is_exclusive() {
            return Ok(None);
        }
        let rows = self.db.query(CONVOY_SETTLE_READ_SQL, &[convoy.into()])?;
        let Some(row) = rows.first() else {
            return Ok(None);
        };
        let (total_beads, closed_beads) = (row.int(1)? + delta[0], row.int(2)? + delta[1]);
        let status: crate::model::ConvoyStatus = row.text(0)?.parse()?;
        Ok(Some(
            match crate::rules::settle(status, closed_beads, total_beads) {
                Some(crate::rules::Settle::Land) => Some(Change::ConvoyLanded {
                    closed_beads,
                    total_beads,
                }),
                Some(crate::rules::Settle::Reopen) => Some(Change::ConvoyReopened {
                    from: crate::model::ConvoyStatus::Landed,
                    closed_beads,
                    total_beads,
                }),
                None => None,
            },
        ))
    }
}

fn alias<T: Entity>() -> &'static str {
    // Each SELECT names its table by its first letter.
    &T::TABLE[..1]
}

fn as_agent<T: 'static>(v: &T) -> Option<&Agent> {
    (v as &dyn std::any::Any).downcast_ref::<Agent>()
}

fn as_bead<T: 'static>(v: &T) -> Option<&Bead> {
    (v as &dyn std::any::Any).downcast_ref::<Bead>()
}

fn json_or_null(v: &Json) -> Value {
    if v.is_null() {
        Value::Null
    } else {
        Value::Text(v.to_string())
    }
}

fn guards<T: Entity>(table: &Table<T>, out: &mut Vec<Stmt>) {
    for slot in &table.slots {
        if let Some((v, version)) = &slot.before {
            out.push(version_guard(T::TABLE, v.id(), *version));
        }
    }
}

/// Clears each uniquely-held value that moves to another entity of the batch,
/// before any insert or update sets it, so that no statement sees it held twice.
/// A value that only moves away is written over in place, with no release: a
/// polecat's hook goes from its closed bead straight to the next one, and the
/// unique index on hooks changes two entries, not three (no `NULL` entry made
/// and removed again). Values compare without case, as `COLLATE NOCASE` does,
/// so a doubtful match is released. One pass to gather what is taken, one to
/// release: linear in the batch, however many values move.
fn releases<T: Entity>(table: &Table<T>, out: &mut Vec<Stmt>) {
    let taken: HashSet<String> = table
        .slots
        .iter()
        .filter_map(|slot| {
            let new = slot.after.as_ref()?.held()?;
            let old = slot.before.as_ref().and_then(|(old, _)| old.held());
            (old != Some(new)).then(|| new.to_ascii_lowercase())
        })
        .collect();
    if taken.is_empty() {
        return;
    }
    for slot in &table.slots {
        let (Some((old, _)), Some(new)) = (&slot.before, &slot.after) else {
            continue;
        };
        let Some(held) = old.held() else { continue };
        let moved = new.held() != Some(held);
        if moved && taken.contains(&held.to_ascii_lowercase()) {
            new.release(out);
        }
    }
}

fn writes<T: Entity>(table: &Table<T>, out: &mut Vec<Stmt>) {
    for slot in &table.slots {
        match (&slot.before, &slot.after) {
            (None, Some(new)) => new.insert(out),
            (Some((old, version)), Some(new)) if old != new => new.update(old, *version, out),
            (Some((old, _)), None) => old.delete(out),
            _ => {}
        }
    }
}

/// What a committed unit did besides its value.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The beads to run the dispatch command for (R7).
    pub dispatched: Vec<Dispatch>,
    pub effects: Effects,
}

/// A convoy's status and counts, read inside a write that holds the lock.
pub(crate) const CONVOY_SETTLE_READ_SQL: &str =
    "SELECT status, total_beads, closed_beads FROM convoys WHERE id = ?1";

/// After a commit: which of the convoys the batch settled it landed or
/// reopened, by their newest events (this actor's, at this unit's time). A
/// failed read only leaves them out: the write itself is done.
fn settled_effects(db: &mut dyn Backend, convoys: &[String], actor: &str, now: &str) -> Effects {
    use crate::event_type::{CONVOY_LANDED, CONVOY_REOPENED};
    let mut effects = Effects::default();
    if db.begin_read().is_err() {
        return effects;
    }
    for convoy in convoys {
        let Ok(rows) = db.query(CONVOY_LAST_EVENTS_SQL, &[convoy.as_str().into()]) else {
            continue;
        };
        let settled = rows.iter().find_map(|row| {
            let kind = row.text(0).ok()?;
            let ours = row.text(1).ok()? == actor && row.text(2).ok()? == now;
            (ours && (kind == CONVOY_LANDED || kind == CONVOY_REOPENED)).then_some(kind)
        });
        if let Some(kind) = settled {
            effects.settled(convoy, kind == CONVOY_LANDED);
        }
    }
    db.end_read();
    effects
}

/// Runs `body` as one atomic write unit against `db`, retrying the whole unit when
/// a guard finds that what it read has changed.
pub fn write<T>(
    db: &mut dyn Backend,
    actor: &str,
    clock: &Clock,
    mut body: impl FnMut(&mut Unit) -> Result<T>,
) -> Result<(T, Outcome)> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        db.begin_write()?;
        let mut unit = Unit::new(&mut *db, actor, clock.stamp());
        let value = match body(&mut unit) {
            Ok(v) => v,
            Err(e) => {
                unit.db.rollback();
                return Err(e);
            }
        };
        let now = unit.now.clone();
        let (batch, mut outcome, settled) = match unit.finish() {
            Ok(finished) => finished,
            Err(e) => {
                db.rollback();
                return Err(e);
            }
        };
        // A unit that changed nothing (guards only) has nothing to commit.
        if batch.iter().all(|s| s.guard) {
            db.rollback();
            return Ok((value, outcome));
        }
        match db.commit(&batch) {
            Ok(()) => {
                if !settled.is_empty() {
                    outcome
                        .effects
                        .extend(settled_effects(db, &settled, actor, &now));
                }
                return Ok((value, outcome));
            }
            Err(StoreError::Stale(_)) if attempt < MAX_ATTEMPTS => {
                std::thread::sleep(backoff(attempt));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Runs `body` as a write unit and rolls it back: what it would do, changing
/// nothing (`--dry-run`).
pub fn preview<T>(
    db: &mut dyn Backend,
    actor: &str,
    clock: &Clock,
    body: impl FnOnce(&mut Unit) -> Result<T>,
) -> Result<T> {
    db.begin_write()?;
    let mut unit = Unit::new(&mut *db, actor, clock.stamp());
    let value = body(&mut unit);
    db.rollback();
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::tests::bead;
    use crate::model::BeadStatus::{self, Closed, Failed, Open};
    use crate::store::sqlite::tests::{convoy, convoy_counts, exec, temp_db, RIG};

    /// One change of a write unit's beads.
    enum Step {
        Create(&'static str, BeadStatus, Option<&'static str>),
        Set(
            &'static str,
            Option<BeadStatus>,
            Option<Option<&'static str>>,
        ),
        Retitle(&'static str),
        Delete(&'static str),
    }

    fn apply(u: &mut Unit, step: &Step) -> Result<()> {
        match *step {
            Step::Create(id, status, convoy) => u.create(bead(id, status, convoy)),
            Step::Set(id, status, convoy) => {
                let mut b: Bead = u.must(id)?;
                b.status = status.unwrap_or(b.status);
                b.convoy_id = convoy.map_or(b.convoy_id, |c| c.map(Into::into));
                u.put(b);
            }
            Step::Retitle(id) => {
                let b: Bead = u.must(id)?;
                u.put(Bead {
                    title: format!("{} again", b.title),
                    ..b
                });
            }
            Step::Delete(id) => {
                u.must::<Bead>(id)?;
                u.remove::<Bead>(id);
            }
        }
        Ok(())
    }

    /// After each batch, stored counts equal a recount, whatever the batch
    /// did to the beads: each kind of change alone, and several in one batch.
    #[test]
    fn write_units_keep_convoy_counts_through_every_change_of_a_bead() {
        use Step::*;
        let (_dir, mut db) = temp_db();
        crate::store::schema::ensure(&mut db).unwrap();
        exec(&mut db, &[RIG, &convoy("cv-1"), &convoy("cv-2")]);
        let batches: &[&[Step]] = &[
            &[Create("gt-1", Open, Some("cv-1"))],
            &[
                Create("gt-2", Closed, Some("cv-1")),
                Create("gt-3", Failed, Some("cv-2")),
                Create("gt-4", Open, None),
            ],
            &[Set("gt-1", Some(Closed), None)],
            &[Set("gt-2", Some(Open), None)],
            &[
                Set("gt-2", Some(Failed), None),
                Set("gt-3", Some(Closed), None),
            ],
            // Moves: between convoys, out of one, into one, and with a status change.
            &[Set("gt-1", None, Some(Some("cv-2")))],
            &[Set("gt-3", None, Some(None))],
            &[Set("gt-4", None, Some(Some("cv-1")))],
            &[Set("gt-1", Some(Open), Some(Some("cv-1")))],
            &[Set("gt-2", Some(Closed), Some(Some("cv-2")))],
            // Changes that leave status and convoy as they were.
            &[
                Retitle("gt-1"),
                Retitle("gt-2"),
                Set("gt-4", Some(Open), None),
            ],
            &[Delete("gt-2"), Delete("gt-3")],
            // Created, changed and moved twice in one batch.
            &[
                Create("gt-5", Open, Some("cv-2")),
                Set("gt-5", Some(Closed), Some(Some("cv-1"))),
                Set("gt-1", Some(Failed), Some(Some("cv-2"))),
                Set("gt-1", Some(Closed), Some(Some("cv-1"))),
            ],
        ];
        for (i, batch) in batches.iter().enumerate() {
            write(&mut db, "me", &Clock::system(), |u| {
                batch.iter().try_for_each(|s| apply(u, s))
            })
            .unwrap();
            for (stored, recounted) in convoy_counts(&mut db) {
                assert_eq!(stored, recounted, "after batch {i}");
            }
        }
        let settled = vec![((3, 2, 0), (3, 2, 0)), ((0, 0, 0), (0, 0, 0))];
        assert_eq!(convoy_counts(&mut db), settled);
        // A batch that fails at its commit (the rig does not exist) keeps no
        // count it changed on the way (R1).
        let failed = write(&mut db, "me", &Clock::system(), |u| {
            apply(u, &Set("gt-1", Some(Open), None))?;
            u.create(Bead {
                rig: "nope".into(),
                ..bead("gt-6", Open, Some("cv-1"))
            });
            Ok(())
        });
        assert!(failed.is_err());
        assert_eq!(convoy_counts(&mut db), settled);
    }

    /// A polecat `name` of rig `r`, on `hook`.
    fn polecat(id: &str, name: &str, hook: Option<&str>) -> Agent {
        Agent {
            id: id.into(),
            name: name.into(),
            role: crate::model::AgentRole::Polecat,
            rig: Some("r".into()),
            status: crate::model::AgentStatus::Working,
            hook: hook.map(Into::into),
            pid: None,
            last_activity_at: "t".into(),
            created_at: "t".into(),
            host: None,
            run_started_at: None,
            run_bead: None,
            attempt: 0,
            retry_after: None,
        }
    }

    /// Moves hooks (agent → bead) and assignees (bead → agent name) as one
    /// batch, commits it, and returns what the batch released first, sorted.
    fn moves(
        db: &mut crate::store::sqlite::Sqlite,
        hooks: &[(&str, Option<&str>)],
        assignees: &[(&str, Option<&str>)],
    ) -> Vec<String> {
        use crate::entity::{AGENT_RELEASE_SQL, BEAD_RELEASE_SQL};
        db.begin_write().unwrap();
        let mut unit = Unit::new(&mut *db, "me", Clock::system().stamp());
        for (agent, hook) in hooks {
            let a: Agent = unit.must(agent).unwrap();
            unit.put(Agent {
                hook: hook.map(Into::into),
                ..a
            });
        }
        for (bead, assignee) in assignees {
            let b: Bead = unit.must(bead).unwrap();
            unit.put(Bead {
                assignee: assignee.map(Into::into),
                ..b
            });
        }
        let (batch, _, _) = unit.finish().unwrap();
        db.commit(&batch).unwrap();
        let mut released: Vec<String> = batch
            .iter()
            .filter(|s| s.sql == AGENT_RELEASE_SQL || s.sql == BEAD_RELEASE_SQL)
            .map(|s| match &s.params[0] {
                Value::Text(id) => id.clone(),
                other => panic!("a release of {other:?}"),
            })
            .collect();
        released.sort();
        released
    }

    /// A unique value (a hook, an assignee) is released first only when
    /// another entity of the batch takes it; one that only moves away is
    /// written over in place. Every pattern commits under the unique indexes.
    #[test]
    fn only_a_value_another_entity_takes_is_released_first() {
        let (_dir, mut db) = temp_db();
        crate::store::schema::ensure(&mut db).unwrap();
        exec(&mut db, &[RIG]);
        write(&mut db, "me", &Clock::system(), |u| {
            for id in ["gt-x", "gt-y", "gt-z", "gt-w"] {
                u.create(bead(id, Open, None));
            }
            u.create(polecat("ag-1", "toast", None));
            u.create(polecat("ag-2", "shadow", None));
            Ok(())
        })
        .unwrap();
        // Hooked from nothing: nothing to release.
        let none: Vec<String> = vec![];
        assert_eq!(
            moves(
                &mut db,
                &[("ag-1", Some("gt-x")), ("ag-2", Some("gt-y"))],
                &[("gt-x", Some("toast")), ("gt-y", Some("shadow"))]
            ),
            none
        );
        // The hooked close's feed: the hook moves straight on; the name moves
        // to another bead, so its old bead lets go first.
        assert_eq!(
            moves(
                &mut db,
                &[("ag-1", Some("gt-z"))],
                &[("gt-x", None), ("gt-z", Some("toast"))]
            ),
            ["gt-x"]
        );
        // A swap: each value is taken by the other, so both are released.
        assert_eq!(
            moves(
                &mut db,
                &[("ag-1", Some("gt-y")), ("ag-2", Some("gt-z"))],
                &[("gt-y", Some("toast")), ("gt-z", Some("shadow"))]
            ),
            ["ag-1", "ag-2", "gt-y", "gt-z"]
        );
        // A chain (ag-2 moves on to gt-w, ag-1 takes its gt-z), and a name
        // that differs only in case is taken as the same (COLLATE NOCASE).
        assert_eq!(
            moves(
                &mut db,
                &[("ag-2", Some("gt-w")), ("ag-1", Some("gt-z"))],
                &[
                    ("gt-z", Some("TOAST")),
                    ("gt-y", None),
                    ("gt-w", Some("shadow"))
                ]
            ),
            ["ag-2", "gt-y", "gt-z"]
        );
        // Unhooked: released by the update itself.
        assert_eq!(
            moves(
                &mut db,
                &[("ag-1", None), ("ag-2", None)],
                &[("gt-z", None), ("gt-w", None)]
            ),
            none
        );
    }
}
