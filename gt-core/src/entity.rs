//! How each entity maps to its table: the columns read, and the statements that
//! insert, update or delete it. Every row carries a `version`, bumped by every
//! update, that write guards check.

use std::collections::BTreeMap;

use serde_json::{Map, Value as Json};

use crate::event_type;
use crate::id::IdKind;
use crate::model::{Agent, Bead, BeadStatus, Convoy, Escalation, Host, Mail, Rig};
use crate::store::{Row, Stmt, StoreError, Value};

/// An entity stored in a table of its own.
pub trait Entity: Clone + PartialEq + Sized {
    const KIND: IdKind;
    const TABLE: &'static str;
    /// `SELECT <columns…, version> FROM <table> <alias>`; callers add the `WHERE`.
    const SELECT: &'static str;

    fn id(&self) -> &str;
    /// Reads one row of [`Self::SELECT`]: the entity and its version.
    fn from_row(row: Row) -> Result<(Self, i64), StoreError>;
    fn insert(&self, out: &mut Vec<Stmt>);
    /// Writes `self` over `before`, which was read at `version`.
    fn update(&self, before: &Self, version: i64, out: &mut Vec<Stmt>);
    fn delete(&self, out: &mut Vec<Stmt>) {
        out.push(Stmt::new(
            format!("DELETE FROM {} WHERE id = ?1", Self::TABLE),
            vec![self.id().into()],
        ));
    }
    /// The value this entity holds that no other may hold at the same time (an
    /// agent's hook, a bead's assignee), if it has one.
    // Equivalent mutants (TESTING.md): this default answering `Some(…)`
    // changes nothing, since only agents' and beads' slots are ever released
    // (`Unit::finish`) and both say what they hold themselves.
    fn held(&self) -> Option<&str> {
        None
    }
    /// Clears [`Self::held`], so that another entity of the batch can take it.
    fn release(&self, _out: &mut Vec<Stmt>) {}
}

/// The statements of write batches, named so that the plan catalogue
/// (crate::plans) lists each one.
pub(crate) const BEADS_INSERT_SQL: &str =
    "INSERT INTO beads (id, type, status, title, body, rig, priority, labels, metadata, \
             assignee, convoy_id, created_by, created_at, updated_at, closed_at, last_assignee) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";
pub(crate) const BEAD_RELEASE_SQL: &str = "UPDATE beads SET assignee = NULL WHERE id = ?1";
/// The titles and bodies of the beads of a JSON array of IDs (`?1`) into the
/// search index, as their rows hold them: one statement for a whole batch,
/// in rowid order (the index takes rows in order without writing out what it
/// holds in memory first; out of order, it wrote a segment per bead).
pub(crate) const BEAD_TEXT_INSERT_SQL: &str = "INSERT INTO beads_text (rowid, title, body) \
     SELECT rowid, title, body FROM beads WHERE id IN (SELECT value FROM json_each(?1)) \
     ORDER BY rowid";
/// The same out of the search index, before the rows change (an index of
/// another table's content is told exactly what it held).
pub(crate) const BEAD_TEXT_DELETE_SQL: &str =
    "INSERT INTO beads_text (beads_text, rowid, title, body) \
     SELECT 'delete', rowid, title, body FROM beads WHERE id IN (SELECT value FROM json_each(?1)) \
     ORDER BY rowid";

/// Keeps the search index of titles and bodies (schema 12) with a batch's
/// beads, each a `(before, after)`: `out` runs before the beads' own writes,
/// `into` after them.
pub(crate) fn bead_words<'a>(
    beads: impl Iterator<Item = (Option<&'a Bead>, Option<&'a Bead>)>,
    out: &mut Vec<Stmt>,
    into: &mut Vec<Stmt>,
) {
    let (mut gone, mut new) = (Vec::new(), Vec::new());
    for (before, after) in beads {
        let changed = |b: &Bead, a: &Bead| b.title != a.title || b.body != a.body;
        match (before, after) {
            (None, Some(a)) => new.push(a.id.as_str()),
            (Some(b), None) => gone.push(b.id.as_str()),
            (Some(b), Some(a)) if changed(b, a) => {
                gone.push(b.id.as_str());
                new.push(a.id.as_str());
            }
            _ => {}
        }
    }
    if !gone.is_empty() {
        out.push(Stmt::new(BEAD_TEXT_DELETE_SQL, vec![json_text(&gone)]));
    }
    if !new.is_empty() {
        into.push(Stmt::new(BEAD_TEXT_INSERT_SQL, vec![json_text(&new)]));
    }
}
pub(crate) const BEAD_DEPS_DELETE_ALL_SQL: &str =
    "DELETE FROM bead_deps WHERE bead_id = ?1 OR depends_on_id = ?1";
pub(crate) const BEAD_LABELS_DELETE_ALL_SQL: &str = "DELETE FROM bead_labels WHERE bead_id = ?1";
pub(crate) const BEADS_DELETE_SQL: &str = "DELETE FROM beads WHERE id = ?1";
pub(crate) const CONVOYS_INSERT_SQL: &str =
    "INSERT INTO convoys (id, title, status, rig, merge_mode, feature_branch, max_polecats, \
             idempotency_key, created_by, created_at, updated_at, landed_at, closed_reason) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
pub(crate) const CONVOY_COUNTS_UPDATE_SQL: &str =
    "UPDATE convoys SET total_beads = total_beads + ?2, \
                 closed_beads = closed_beads + ?3, failed_beads = failed_beads + ?4, \
                 version = version + 1 WHERE id = ?1";
pub(crate) const SETTLE_UPDATE_SQL: &str = concat!(
    "UPDATE convoys SET \
         status = CASE status WHEN 'landed' THEN 'active' ELSE 'landed' END, \
         landed_at = CASE status WHEN 'landed' THEN NULL ELSE ?2 END, \
         updated_at = ?2, version = version + 1 \
         WHERE id = ?1 AND ",
    crate::rules::settles_sql!()
);
pub(crate) const SETTLE_EVENT_INSERT_SQL: &str = concat!(
    "INSERT INTO events (subject_id, event_type, actor, old_value, new_value, metadata, created_at, convoy_id) \
         SELECT ?1, \
         CASE status WHEN 'active' THEN ?4 ELSE ?5 END, ?2, \
         json_quote(status), \
         CASE status WHEN 'active' THEN '\"landed\"' ELSE '\"active\"' END, \
         json_object('closed_beads', closed_beads, 'total_beads', total_beads), ?3, ?1 \
         FROM convoys WHERE id = ?1 AND ",
    crate::rules::settles_sql!()
);
pub(crate) const AGENTS_INSERT_SQL: &str =
    "INSERT INTO agents (id, name, role, rig, status, hook, pid, last_activity_at, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
pub(crate) const AGENT_RELEASE_SQL: &str = "UPDATE agents SET hook = NULL WHERE id = ?1";
pub(crate) const ESCALATIONS_INSERT_SQL: &str =
    "INSERT INTO escalations (id, severity, category, message, rig, agent, bead, status, \
             acknowledged_by, acknowledged_at, re_escalation_count, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
pub(crate) const MAIL_INSERT_SQL: &str =
    "INSERT INTO mail (id, sender, recipient, group_address, subject, body, bead, convoy_id, \
             reply_to, created_at, read_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
pub(crate) const HOSTS_INSERT_SQL: &str =
    "INSERT INTO hosts (id, name, status, slots, running, rigs, gt_version, started_at, \
             last_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
pub(crate) const RIGS_INSERT_SQL: &str =
    "INSERT INTO rigs (id, name, git_url, default_branch, created_at) VALUES (?1, ?2, ?3, ?4, ?5)";
pub(crate) const BEAD_DEPS_INSERT_SQL: &str =
    "INSERT INTO bead_deps (bead_id, depends_on_id) VALUES (?1, ?2)";
pub(crate) const BEAD_DEPS_DELETE_SQL: &str =
    "DELETE FROM bead_deps WHERE bead_id = ?1 AND depends_on_id = ?2";
pub(crate) const BEAD_LABELS_INSERT_SQL: &str =
    "INSERT OR IGNORE INTO bead_labels (label, bead_id) VALUES (?1, ?2)";
pub(crate) const BEAD_LABELS_DELETE_SQL: &str =
    "DELETE FROM bead_labels WHERE label = ?1 AND bead_id = ?2";

/// The guard that fails a batch when the row `id` is no longer at `version`.
pub fn version_guard(table: &'static str, id: &str, version: i64) -> Stmt {
    Stmt::guard(
        format!(
            "INSERT INTO stale_reads (what) SELECT ?1 WHERE NOT EXISTS \
             (SELECT 1 FROM {table} WHERE id = ?2 AND version = ?3)"
        ),
        vec![format!("{table} {id}").into(), id.into(), version.into()],
    )
}

fn json_text(v: &impl serde::Serialize) -> Value {
    Value::Text(serde_json::to_string(v).expect("JSON values always serialize"))
}

/// An `UPDATE` of one row that sets only the columns whose values changed, then
/// bumps the version that write guards check. A column left out keeps its index
/// entries untouched, so SQLite writes fewer pages (closing a bead leaves the
/// assignee and convoy indexes alone).
struct SetChanged {
    table: &'static str,
    sets: Vec<String>,
    params: Vec<Value>,
}

impl SetChanged {
    fn new(table: &'static str, id: &str, version: i64) -> Self {
        SetChanged {
            table,
            sets: Vec::new(),
            params: vec![id.into(), version.into()],
        }
    }

    /// Sets `column` to `value()` if `changed`.
    fn set(&mut self, column: &str, changed: bool, value: impl FnOnce() -> Value) -> &mut Self {
        if changed {
            self.params.push(value());
            self.sets.push(format!("{column} = ?{}", self.params.len()));
        }
        self
    }

    fn push(&mut self, out: &mut Vec<Stmt>) {
        self.sets.push("version = ?2 + 1".into());
        out.push(Stmt::new(
            format!(
                "UPDATE {} SET {} WHERE id = ?1",
                self.table,
                self.sets.join(", ")
            ),
            std::mem::take(&mut self.params),
        ));
    }
}

impl Entity for Bead {
    const KIND: IdKind = IdKind::Bead;
    const TABLE: &'static str = "beads";
    const SELECT: &'static str = "SELECT b.id, b.type, b.status, b.title, b.body, b.rig, \
        b.priority, b.labels, b.metadata, b.assignee, b.convoy_id, \
        (SELECT json_group_array(d.depends_on_id) FROM bead_deps d WHERE d.bead_id = b.id), \
        b.created_by, b.created_at, b.updated_at, b.closed_at, b.version, b.last_assignee \
        FROM beads b";

    fn id(&self) -> &str {
        &self.id
    }

    fn from_row(mut row: Row) -> Result<(Self, i64), StoreError> {
        let bead = Bead {
            id: row.take_text(0)?,
            kind: row.take_text(1)?,
            status: row.parsed(2)?,
            title: row.take_text(3)?,
            body: row.take_opt_text(4)?,
            rig: row.take_text(5)?,
            priority: row.parsed(6)?,
            labels: row.json(7)?,
            metadata: row.json::<Map<String, Json>>(8)?,
            assignee: row.take_opt_text(9)?,
            convoy_id: row.take_opt_text(10)?,
            depends_on: row.json(11)?,
            created_by: row.take_text(12)?,
            created_at: row.take_text(13)?,
            updated_at: row.take_text(14)?,
            closed_at: row.take_opt_text(15)?,
            last_assignee: row.take_opt_text(17)?,
        };
        Ok((bead, row.int(16)?))
    }

    fn insert(&self, out: &mut Vec<Stmt>) {
        out.push(Stmt::new(
            BEADS_INSERT_SQL,
            vec![
                self.id.as_str().into(),
                self.kind.as_str().into(),
                self.status.as_str().into(),
                self.title.as_str().into(),
                self.body.clone().into(),
                self.rig.as_str().into(),
                self.priority.as_str().into(),
                json_text(&self.labels),
                json_text(&self.metadata),
                self.assignee.clone().into(),
                self.convoy_id.clone().into(),
                self.created_by.as_str().into(),
                self.created_at.as_str().into(),
                self.updated_at.as_str().into(),
                self.closed_at.clone().into(),
                self.last_assignee.clone().into(),
            ],
        ));
        for dep in &self.depends_on {
            out.push(dependency_edge(&self.id, dep, true));
        }
        for label in &self.labels {
            out.push(label_row(&self.id, label, true));
        }
    }

    fn update(&self, before: &Self, version: i64, out: &mut Vec<Stmt>) {
        SetChanged::new(Self::TABLE, &self.id, version)
            .set("status", self.status != before.status, || {
                self.status.as_str().into()
            })
            .set("title", self.title != before.title, || {
                self.title.as_str().into()
            })
            .set("body", self.body != before.body, || {
                self.body.clone().into()
            })
            .set("priority", self.priority != before.priority, || {
                self.priority.as_str().into()
            })
            .set("labels", self.labels != before.labels, || {
                json_text(&self.labels)
            })
            .set("metadata", self.metadata != before.metadata, || {
                json_text(&self.metadata)
            })
            .set("assignee", self.assignee != before.assignee, || {
                self.assignee.clone().into()
            })
            .set("convoy_id", self.convoy_id != before.convoy_id, || {
                self.convoy_id.clone().into()
            })
            .set("updated_at", self.updated_at != before.updated_at, || {
                self.updated_at.as_str().into()
            })
            .set("closed_at", self.closed_at != before.closed_at, || {
                self.closed_at.clone().into()
            })
            .set(
                "last_assignee",
                self.last_assignee != before.last_assignee,
                || self.last_assignee.clone().into(),
            )
            .push(out);
        for gone in before
            .depends_on
            .iter()
            .filter(|d| !self.depends_on.contains(d))
        {
            out.push(dependency_edge(&self.id, gone, false));
        }
        for added in self
            .depends_on
            .iter()
            .filter(|d| !before.depends_on.contains(d))
        {
            out.push(dependency_edge(&self.id, added, true));
        }
        for gone in before.labels.iter().filter(|l| !self.labels.contains(l)) {
            out.push(label_row(&self.id, gone, false));
        }
        for added in self.labels.iter().filter(|l| !before.labels.contains(l)) {
            out.push(label_row(&self.id, added, true));
        }
    }

    fn held(&self) -> Option<&str> {
        self.assignee.as_deref()
    }

    fn release(&self, out: &mut Vec<Stmt>) {
        out.push(Stmt::new(BEAD_RELEASE_SQL, vec![self.id.as_str().into()]));
    }

    fn delete(&self, out: &mut Vec<Stmt>) {
        out.push(Stmt::new(
            BEAD_DEPS_DELETE_ALL_SQL,
            vec![self.id.as_str().into()],
        ));
        if !self.labels.is_empty() {
            out.push(Stmt::new(
                BEAD_LABELS_DELETE_ALL_SQL,
                vec![self.id.as_str().into()],
            ));
        }
        out.push(Stmt::new(BEADS_DELETE_SQL, vec![self.id.as_str().into()]));
    }
}

fn dependency_edge(bead: &str, depends_on: &str, add: bool) -> Stmt {
    let sql = if add {
        BEAD_DEPS_INSERT_SQL
    } else {
        BEAD_DEPS_DELETE_SQL
    };
    Stmt::new(sql, vec![bead.into(), depends_on.into()])
}

/// One row of `bead_labels`, which `bead list --label` searches: the labels
/// column stays the bead's own list (in its order), this is its index.
fn label_row(bead: &str, label: &str, add: bool) -> Stmt {
    let sql = if add {
        BEAD_LABELS_INSERT_SQL
    } else {
        BEAD_LABELS_DELETE_SQL
    };
    Stmt::new(sql, vec![label.into(), bead.into()])
}

/// `needs_attention` (R4), derived on every read so it can never drift: an
/// active convoy that cannot land without a human. A tracked bead failed; or
/// one of its hooked beads belongs to a dead agent; or it has an open,
/// unassigned bead that nothing will pick up: nothing of the convoy is at work
/// (a dispatched bead on a live agent, whose end frees a polecat for it), and
/// either its cap is full or no idle polecat of that bead's rig is there to
/// take it. [`crate::query::convoy_status`] names the same beads one by one.
///
/// A `CASE`, so each probe runs only when the ones before it did not decide:
/// a convoy at work costs its dead-hook check and the first of its hooked
/// beads (the partial index `beads_hooked`); past the dead-hook check no
/// hooked bead's agent is dead, so "at work" needs no look at the agents.
/// Only a convoy with nothing at work probes its waiting beads.
macro_rules! needs_attention_sql {
    ($dead_hook:expr) => {
        concat!(
            "(CASE WHEN c.status <> 'active' THEN 0 \
             WHEN c.failed_beads > 0 THEN 1 \
             WHEN ",
            $dead_hook,
            " THEN 1 \
             WHEN EXISTS (SELECT 1 FROM hosts) AND EXISTS (SELECT 1 FROM beads hn \
              INDEXED BY beads_hooked WHERE hn.convoy_id = c.id AND hn.status = 'in_progress' \
              AND hn.assignee IS NOT NULL AND NOT EXISTS (SELECT 1 FROM hosts h \
              WHERE h.status = 'live' AND (h.rigs = '[]' \
              OR EXISTS (SELECT 1 FROM json_each(h.rigs) hr WHERE hr.value = hn.rig)))) THEN 1 \
             WHEN EXISTS (SELECT 1 FROM beads hb INDEXED BY beads_hooked \
              WHERE hb.convoy_id = c.id AND hb.assignee IS NOT NULL \
              AND hb.status <> 'open') THEN 0 \
             WHEN NOT EXISTS (SELECT 1 FROM beads w INDEXED BY beads_unassigned \
              WHERE w.convoy_id = c.id AND w.status = 'open' AND w.assignee IS NULL) THEN 0 \
             WHEN c.max_polecats IS NOT NULL AND (SELECT count(*) FROM beads hc \
              INDEXED BY beads_hooked WHERE hc.convoy_id = c.id AND hc.assignee IS NOT NULL) \
              >= c.max_polecats THEN 1 \
             WHEN EXISTS (SELECT 1 FROM beads w INDEXED BY beads_unassigned \
              WHERE w.convoy_id = c.id AND w.status = 'open' AND w.assignee IS NULL \
              AND NOT EXISTS (SELECT 1 FROM agents p WHERE p.rig = w.rig \
               AND p.role = 'polecat' AND p.status = 'idle' AND +p.hook IS NULL)) THEN 1 \
             ELSE 0 END)"
        )
    };
}

/// The convoy columns before `needs_attention`.
macro_rules! convoy_columns {
    () => {
        "SELECT c.id, c.title, c.status, c.rig, c.total_beads, c.closed_beads, c.failed_beads, \
         c.merge_mode, c.feature_branch, c.max_polecats, c.idempotency_key, c.created_by, \
         c.created_at, c.updated_at, c.landed_at, c.closed_reason, "
    };
}

/// Whether one convoy has a hooked bead whose agent is dead: a walk of that
/// convoy's own hooked beads (`beads_hooked`), for reads of one convoy.
macro_rules! dead_hook_of_one {
    () => {
        "EXISTS (SELECT 1 FROM beads hb INDEXED BY beads_hooked \
         JOIN agents a ON a.name = hb.assignee \
         WHERE hb.convoy_id = c.id AND hb.assignee IS NOT NULL AND a.status = 'dead')"
    };
}

/// The same for a list of convoys: the convoys of the dead agents' hooked
/// beads, found once for the whole list (an uncorrelated `IN`), so a list costs
/// its convoys plus the dead agents, not one walk per convoy.
macro_rules! dead_hook_of_many {
    () => {
        "c.id IN (SELECT hb.convoy_id FROM agents a JOIN beads hb ON hb.id = a.hook \
         WHERE a.status = 'dead' AND a.hook IS NOT NULL AND hb.convoy_id IS NOT NULL)"
    };
}

/// [`Convoy::SELECT`] for listings: the same columns, `needs_attention` found
/// for all of them at once.
pub(crate) const CONVOY_LIST_SELECT: &str = concat!(
    convoy_columns!(),
    needs_attention_sql!(dead_hook_of_many!()),
    ", c.version FROM convoys c"
);

/// The active convoys that need a person (R4), oldest first: only their IDs
/// and titles, for patrol's report (the rule as every list reads it).
pub(crate) const STUCK_CONVOYS_SQL: &str = concat!(
    "SELECT c.id, c.title FROM convoys c WHERE c.status = 'active' AND ",
    needs_attention_sql!(dead_hook_of_many!()),
    " ORDER BY c.created_at, c.id"
);

impl Entity for Convoy {
    const KIND: IdKind = IdKind::Convoy;
    const TABLE: &'static str = "convoys";
    const SELECT: &'static str = concat!(
        convoy_columns!(),
        needs_attention_sql!(dead_hook_of_one!()),
        ", c.version FROM convoys c"
    );

    fn id(&self) -> &str {
        &self.id
    }

    fn from_row(mut row: Row) -> Result<(Self, i64), StoreError> {
        let convoy = Convoy {
            id: row.take_text(0)?,
            title: row.take_text(1)?,
            status: row.parsed(2)?,
            rig: row.take_opt_text(3)?,
            total_beads: row.int(4)?,
            closed_beads: row.int(5)?,
            failed_beads: row.int(6)?,
            merge_mode: row.parsed(7)?,
            feature_branch: row.take_opt_text(8)?,
            max_polecats: row.opt_int(9)?,
            idempotency_key: row.take_opt_text(10)?,
            created_by: row.take_text(11)?,
            created_at: row.take_text(12)?,
            updated_at: row.take_text(13)?,
            landed_at: row.take_opt_text(14)?,
            closed_reason: row.take_opt_text(15)?,
            needs_attention: row.int(16)? != 0,
        };
        Ok((convoy, row.int(17)?))
    }

    fn insert(&self, out: &mut Vec<Stmt>) {
        out.push(Stmt::new(
            CONVOYS_INSERT_SQL,
            vec![
                self.id.as_str().into(),
                self.title.as_str().into(),
                self.status.as_str().into(),
                self.rig.clone().into(),
                self.merge_mode.as_str().into(),
                self.feature_branch.clone().into(),
                self.max_polecats.into(),
                self.idempotency_key.clone().into(),
                self.created_by.as_str().into(),
                self.created_at.as_str().into(),
                self.updated_at.as_str().into(),
                self.landed_at.clone().into(),
                self.closed_reason.clone().into(),
            ],
        ));
    }

    /// Counts are never written from memory: each batch changes them by what
    /// it changes of the convoy's beads ([`convoy_count_changes`]).
    fn update(&self, before: &Self, version: i64, out: &mut Vec<Stmt>) {
        SetChanged::new(Self::TABLE, &self.id, version)
            .set("title", self.title != before.title, || {
                self.title.as_str().into()
            })
            .set("status", self.status != before.status, || {
                self.status.as_str().into()
            })
            .set("merge_mode", self.merge_mode != before.merge_mode, || {
                self.merge_mode.as_str().into()
            })
            .set(
                "feature_branch",
                self.feature_branch != before.feature_branch,
                || self.feature_branch.clone().into(),
            )
            .set(
                "max_polecats",
                self.max_polecats != before.max_polecats,
                || self.max_polecats.into(),
            )
            .set("updated_at", self.updated_at != before.updated_at, || {
                self.updated_at.as_str().into()
            })
            .set("landed_at", self.landed_at != before.landed_at, || {
                self.landed_at.clone().into()
            })
            .set(
                "closed_reason",
                self.closed_reason != before.closed_reason,
                || self.closed_reason.clone().into(),
            )
            .push(out);
    }
}

/// The statements that keep each convoy's counts equal to a recount of its
/// beads (R2) as a batch changes them: for each convoy, one update by what the
/// batch's inserts, updates and deletes of beads add to its counts and take
/// away. `changes` are the beads the batch writes, as read and as they will be
/// (`None` for a new bead, and for a deleted one). The updates are relative, so
/// they stay exact when other writers change the same convoy: a bead's stored
/// row is the one read, which the batch's guard on it (or, on SQLite, the
/// write lock held since the read) ensures.
/// Returns the (total, closed, failed) each convoy's counts move by.
pub fn convoy_count_changes<'a>(
    changes: impl IntoIterator<Item = (Option<&'a Bead>, Option<&'a Bead>)>,
    out: &mut Vec<Stmt>,
) -> BTreeMap<&'a str, [i64; 3]> {
    // (total, closed, failed) to add, by convoy.
    let mut deltas: BTreeMap<&str, [i64; 3]> = BTreeMap::new();
    let mut count = |bead: Option<&'a Bead>, sign: i64| {
        let Some(bead) = bead else { return };
        let Some(convoy) = bead.convoy_id.as_deref() else {
            return;
        };
        let status = |s| i64::from(bead.status == s);
        let counts = [1, status(BeadStatus::Closed), status(BeadStatus::Failed)];
        let delta = deltas.entry(convoy).or_default();
        for (d, n) in delta.iter_mut().zip(counts) {
            *d += sign * n;
        }
    };
    for (before, after) in changes {
        count(before, -1);
        count(after, 1);
    }
    for (convoy, &[total, closed, failed]) in &deltas {
        if [total, closed, failed] != [0, 0, 0] {
            out.push(Stmt::new(
                CONVOY_COUNTS_UPDATE_SQL,
                vec![(*convoy).into(), total.into(), closed.into(), failed.into()],
            ));
        }
    }
    deltas
}

/// The statements that make a convoy's landing and reopening follow from its
/// tracked beads (R3, R5), run by the store inside the batch so that concurrent
/// writers can never lose a landing. They read the convoy's counts as the
/// batch's [`convoy_count_changes`] leave them. One update makes whichever
/// transition the counts call for (a landed convoy with an open bead reopens;
/// an active one whose beads are all closed lands); its event is written only
/// when it changed the row, and names the transition from the status it left.
pub fn settle_convoy(id: &str, actor: &str, now: &str, out: &mut Vec<Stmt>) {
    // The event first, from the state the update will change: both test the
    // same condition. (After it, `changes()` could not tell whether the
    // update changed the row: a full-text index flushing its pending writes
    // at the next statement's start counts as a change.)
    out.push(Stmt::new(
        SETTLE_EVENT_INSERT_SQL,
        vec![
            id.into(),
            actor.into(),
            now.into(),
            event_type::CONVOY_LANDED.into(),
            event_type::CONVOY_REOPENED.into(),
        ],
    ));
    out.push(Stmt::new(SETTLE_UPDATE_SQL, vec![id.into(), now.into()]));
}

impl Entity for Agent {
    const KIND: IdKind = IdKind::Agent;
    const TABLE: &'static str = "agents";
    const SELECT: &'static str = "SELECT a.id, a.name, a.role, a.rig, a.status, a.hook, a.pid, \
        a.last_activity_at, a.created_at, a.version, a.host, a.run_started_at, a.attempt, \
        a.run_bead, a.retry_after FROM agents a";

    fn id(&self) -> &str {
        &self.id
    }

    fn from_row(mut row: Row) -> Result<(Self, i64), StoreError> {
        let agent = Agent {
            id: row.take_text(0)?,
            name: row.take_text(1)?,
            role: row.parsed(2)?,
            rig: row.take_opt_text(3)?,
            status: row.parsed(4)?,
            hook: row.take_opt_text(5)?,
            pid: row.opt_int(6)?,
            last_activity_at: row.take_text(7)?,
            created_at: row.take_text(8)?,
            host: row.take_opt_text(10)?,
            run_started_at: row.take_opt_text(11)?,
            attempt: row.int(12)?,
            run_bead: row.take_opt_text(13)?,
            retry_after: row.take_opt_text(14)?,
        };
        Ok((agent, row.int(9)?))
    }

    fn insert(&self, out: &mut Vec<Stmt>) {
        out.push(Stmt::new(
            AGENTS_INSERT_SQL,
            vec![
                self.id.as_str().into(),
                self.name.as_str().into(),
                self.role.as_str().into(),
                self.rig.clone().into(),
                self.status.as_str().into(),
                self.hook.clone().into(),
                self.pid.into(),
                self.last_activity_at.as_str().into(),
                self.created_at.as_str().into(),
            ],
        ));
    }

    fn held(&self) -> Option<&str> {
        self.hook.as_deref()
    }

    fn release(&self, out: &mut Vec<Stmt>) {
        out.push(Stmt::new(AGENT_RELEASE_SQL, vec![self.id.as_str().into()]));
    }

    fn update(&self, before: &Self, version: i64, out: &mut Vec<Stmt>) {
        SetChanged::new(Self::TABLE, &self.id, version)
            .set("status", self.status != before.status, || {
                self.status.as_str().into()
            })
            .set("hook", self.hook != before.hook, || {
                self.hook.clone().into()
            })
            .set("pid", self.pid != before.pid, || self.pid.into())
            .set("host", self.host != before.host, || {
                self.host.clone().into()
            })
            .set(
                "run_started_at",
                self.run_started_at != before.run_started_at,
                || self.run_started_at.clone().into(),
            )
            .set("attempt", self.attempt != before.attempt, || {
                self.attempt.into()
            })
            .set("run_bead", self.run_bead != before.run_bead, || {
                self.run_bead.clone().into()
            })
            .set(
                "retry_after",
                self.retry_after != before.retry_after,
                || self.retry_after.clone().into(),
            )
            .set(
                "last_activity_at",
                self.last_activity_at != before.last_activity_at,
                || self.last_activity_at.as_str().into(),
            )
            .push(out);
    }
}

impl Entity for Escalation {
    const KIND: IdKind = IdKind::Escalation;
    const TABLE: &'static str = "escalations";
    const SELECT: &'static str = "SELECT e.id, e.severity, e.category, e.message, e.rig, e.agent, \
        e.bead, e.status, e.acknowledged_by, e.acknowledged_at, e.re_escalation_count, \
        e.created_at, e.version FROM escalations e";

    fn id(&self) -> &str {
        &self.id
    }

    fn from_row(mut row: Row) -> Result<(Self, i64), StoreError> {
        let esc = Escalation {
            id: row.take_text(0)?,
            severity: row.parsed(1)?,
            category: row.take_opt_text(2)?,
            message: row.take_text(3)?,
            rig: row.take_opt_text(4)?,
            agent: row.take_opt_text(5)?,
            bead: row.take_opt_text(6)?,
            status: row.parsed(7)?,
            acknowledged_by: row.take_opt_text(8)?,
            acknowledged_at: row.take_opt_text(9)?,
            re_escalation_count: row.int(10)?,
            created_at: row.take_text(11)?,
        };
        Ok((esc, row.int(12)?))
    }

    fn insert(&self, out: &mut Vec<Stmt>) {
        out.push(Stmt::new(
            ESCALATIONS_INSERT_SQL,
            vec![
                self.id.as_str().into(),
                self.severity.as_str().into(),
                self.category.clone().into(),
                self.message.as_str().into(),
                self.rig.clone().into(),
                self.agent.clone().into(),
                self.bead.clone().into(),
                self.status.as_str().into(),
                self.acknowledged_by.clone().into(),
                self.acknowledged_at.clone().into(),
                self.re_escalation_count.into(),
                self.created_at.as_str().into(),
            ],
        ));
    }

    fn update(&self, before: &Self, version: i64, out: &mut Vec<Stmt>) {
        SetChanged::new(Self::TABLE, &self.id, version)
            .set("status", self.status != before.status, || {
                self.status.as_str().into()
            })
            .set(
                "acknowledged_by",
                self.acknowledged_by != before.acknowledged_by,
                || self.acknowledged_by.clone().into(),
            )
            .set(
                "acknowledged_at",
                self.acknowledged_at != before.acknowledged_at,
                || self.acknowledged_at.clone().into(),
            )
            .set(
                "re_escalation_count",
                self.re_escalation_count != before.re_escalation_count,
                || self.re_escalation_count.into(),
            )
            .push(out);
    }
}

impl Entity for Mail {
    const KIND: IdKind = IdKind::Mail;
    const TABLE: &'static str = "mail";
    const SELECT: &'static str = "SELECT m.id, m.sender, m.recipient, m.group_address, \
        m.subject, m.body, m.bead, m.convoy_id, m.reply_to, m.created_at, m.read_at, \
        m.version FROM mail m";

    fn id(&self) -> &str {
        &self.id
    }

    fn from_row(mut row: Row) -> Result<(Self, i64), StoreError> {
        let mail = Mail {
            id: row.take_text(0)?,
            from: row.take_text(1)?,
            to: row.take_text(2)?,
            group: row.take_opt_text(3)?,
            subject: row.take_text(4)?,
            body: row.take_opt_text(5)?,
            bead: row.take_opt_text(6)?,
            convoy: row.take_opt_text(7)?,
            reply_to: row.take_opt_text(8)?,
            created_at: row.take_text(9)?,
            read_at: row.take_opt_text(10)?,
        };
        Ok((mail, row.int(11)?))
    }

    fn insert(&self, out: &mut Vec<Stmt>) {
        out.push(Stmt::new(
            MAIL_INSERT_SQL,
            vec![
                self.id.as_str().into(),
                self.from.as_str().into(),
                self.to.as_str().into(),
                self.group.clone().into(),
                self.subject.as_str().into(),
                self.body.clone().into(),
                self.bead.clone().into(),
                self.convoy.clone().into(),
                self.reply_to.clone().into(),
                self.created_at.as_str().into(),
                self.read_at.clone().into(),
            ],
        ));
    }

    /// A message changes only by being read.
    fn update(&self, before: &Self, version: i64, out: &mut Vec<Stmt>) {
        SetChanged::new(Self::TABLE, &self.id, version)
            .set("read_at", self.read_at != before.read_at, || {
                self.read_at.clone().into()
            })
            .push(out);
    }
}

impl Entity for Host {
    const KIND: IdKind = IdKind::Host;
    const TABLE: &'static str = "hosts";
    const SELECT: &'static str = "SELECT h.id, h.name, h.status, h.slots, h.running, h.rigs, \
        h.gt_version, h.started_at, h.last_seen, h.version FROM hosts h";

    fn id(&self) -> &str {
        &self.id
    }

    fn from_row(mut row: Row) -> Result<(Self, i64), StoreError> {
        let rigs = row.take_text(5)?;
        let host = Host {
            id: row.take_text(0)?,
            name: row.take_text(1)?,
            status: row.parsed(2)?,
            slots: row.int(3)?,
            running: row.int(4)?,
            rigs: serde_json::from_str(&rigs)
                .map_err(|e| StoreError::Corrupt(format!("host rigs {rigs:?}: {e}")))?,
            version: row.take_text(6)?,
            started_at: row.take_text(7)?,
            last_seen: row.take_text(8)?,
            // Judged by the read that shows it (`ops::host::hosts`).
            silent: false,
        };
        Ok((host, row.int(9)?))
    }

    fn insert(&self, out: &mut Vec<Stmt>) {
        out.push(Stmt::new(
            HOSTS_INSERT_SQL,
            vec![
                self.id.as_str().into(),
                self.name.as_str().into(),
                self.status.as_str().into(),
                self.slots.into(),
                self.running.into(),
                json_text(&self.rigs),
                self.version.as_str().into(),
                self.started_at.as_str().into(),
                self.last_seen.as_str().into(),
            ],
        ));
    }

    fn update(&self, before: &Self, version: i64, out: &mut Vec<Stmt>) {
        SetChanged::new(Self::TABLE, &self.id, version)
            .set("status", self.status != before.status, || {
                self.status.as_str().into()
            })
            .set("slots", self.slots != before.slots, || self.slots.into())
            .set("running", self.running != before.running, || {
                self.running.into()
            })
            .set("rigs", self.rigs != before.rigs, || json_text(&self.rigs))
            .set("gt_version", self.version != before.version, || {
                self.version.as_str().into()
            })
            .set("started_at", self.started_at != before.started_at, || {
                self.started_at.as_str().into()
            })
            .set("last_seen", self.last_seen != before.last_seen, || {
                self.last_seen.as_str().into()
            })
            .push(out);
    }
}

impl Entity for Rig {
    const KIND: IdKind = IdKind::Rig;
    const TABLE: &'static str = "rigs";
    const SELECT: &'static str =
        "SELECT r.id, r.name, r.git_url, r.default_branch, r.created_at, r.version FROM rigs r";

    fn id(&self) -> &str {
        &self.id
    }

    fn from_row(mut row: Row) -> Result<(Self, i64), StoreError> {
        let rig = Rig {
            id: row.take_text(0)?,
            name: row.take_text(1)?,
            git_url: row.take_opt_text(2)?,
            default_branch: row.take_text(3)?,
            created_at: row.take_text(4)?,
        };
        Ok((rig, row.int(5)?))
    }

    fn insert(&self, out: &mut Vec<Stmt>) {
        out.push(Stmt::new(
            RIGS_INSERT_SQL,
            vec![
                self.id.as_str().into(),
                self.name.as_str().into(),
                self.git_url.clone().into(),
                self.default_branch.as_str().into(),
                self.created_at.as_str().into(),
            ],
        ));
    }

    fn update(&self, before: &Self, version: i64, out: &mut Vec<Stmt>) {
        SetChanged::new(Self::TABLE, &self.id, version)
            .set("git_url", self.git_url != before.git_url, || {
                self.git_url.clone().into()
            })
            .set(
                "default_branch",
                self.default_branch != before.default_branch,
                || self.default_branch.as_str().into(),
            )
            .push(out);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn convoy_select_derives_needs_attention_as_documented() {
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(squash(Convoy::SELECT).contains(&squash(needs_attention_sql!(dead_hook_of_one!()))));
        assert!(squash(CONVOY_LIST_SELECT)
            .contains(&squash(needs_attention_sql!(dead_hook_of_many!()))));
    }

    /// A bead of rig `r` with nothing but its ID, status and convoy set, for
    /// tests that write beads or the statements for them.
    pub(crate) fn bead(id: &str, status: BeadStatus, convoy: Option<&str>) -> Bead {
        Bead {
            id: id.into(),
            kind: "issue".into(),
            status,
            title: "t".into(),
            body: None,
            rig: "r".into(),
            priority: crate::model::Priority::Medium,
            labels: vec![],
            metadata: Map::new(),
            assignee: None,
            convoy_id: convoy.map(Into::into),
            depends_on: vec![],
            created_by: "me".into(),
            created_at: "t".into(),
            updated_at: "t".into(),
            closed_at: None,
            last_assignee: None,
        }
    }

    /// Closing a bead sets its status and times, and leaves the columns it did
    /// not change (and so their indexes) alone.
    #[test]
    fn updates_set_only_the_changed_columns() {
        let before = Bead {
            assignee: Some("toast".into()),
            ..bead("gt-a", BeadStatus::Open, Some("cv-1"))
        };
        let after = Bead {
            status: BeadStatus::Closed,
            updated_at: "t1".into(),
            closed_at: Some("t1".into()),
            last_assignee: None,
            ..before.clone()
        };
        let mut out = Vec::new();
        after.update(&before, 7, &mut out);
        assert_eq!(
            out,
            vec![Stmt::new(
                "UPDATE beads SET status = ?3, updated_at = ?4, closed_at = ?5, \
                 version = ?2 + 1 WHERE id = ?1",
                vec![
                    "gt-a".into(),
                    7.into(),
                    "closed".into(),
                    "t1".into(),
                    Some("t1".to_string()).into()
                ],
            )]
        );
        // Nothing changed: the version is still bumped, as every update does.
        let mut out = Vec::new();
        before.update(&before, 7, &mut out);
        assert_eq!(
            out[0].sql,
            "UPDATE beads SET version = ?2 + 1 WHERE id = ?1"
        );
    }

    /// The search index follows a bead's title and body, and nothing else: a
    /// new bead is indexed, a deleted one taken out, a changed title or body
    /// re-indexed, and a change of anything else leaves the index alone.
    #[test]
    fn bead_words_follow_titles_and_bodies_only() {
        let a = bead("gt-a", BeadStatus::Open, None);
        let retitled = Bead {
            title: "new".into(),
            ..a.clone()
        };
        let rewritten = Bead {
            body: Some("new".into()),
            ..a.clone()
        };
        let closed = Bead {
            status: BeadStatus::Closed,
            labels: vec!["x".into()],
            ..a.clone()
        };
        let words = |before: Option<&Bead>, after: Option<&Bead>| {
            let (mut out, mut into) = (Vec::new(), Vec::new());
            bead_words([(before, after)].into_iter(), &mut out, &mut into);
            (out, into)
        };
        let ids = || vec![json_text(&["gt-a"])];
        let gone = || vec![Stmt::new(BEAD_TEXT_DELETE_SQL, ids())];
        let new = || vec![Stmt::new(BEAD_TEXT_INSERT_SQL, ids())];
        assert_eq!(words(None, Some(&a)), (vec![], new()));
        assert_eq!(words(Some(&a), None), (gone(), vec![]));
        assert_eq!(words(Some(&a), Some(&retitled)), (gone(), new()));
        assert_eq!(words(Some(&a), Some(&rewritten)), (gone(), new()));
        assert_eq!(words(Some(&a), Some(&closed)), (vec![], vec![]));
    }

    /// Every column an update writes is stored, on both backends: each kind of
    /// entity is written new, then again with every field an update may change
    /// changed at once, and the store reads back what was written. (An update
    /// that left a column out would leave its old value there.)
    fn updates_store_every_column(town: &mut crate::Town) {
        use crate::model::*;
        let t0 = "2026-01-01T00:00:00.000Z".to_string();
        let t1 = Some("2026-01-02T00:00:00.000Z".to_string());
        let rig = Rig {
            id: "rg-gamma".into(),
            name: "gamma".into(),
            git_url: None,
            default_branch: "main".into(),
            created_at: t0.clone(),
        };
        let convoy = |id: &str| Convoy {
            id: id.into(),
            title: "c".into(),
            status: ConvoyStatus::Active,
            rig: Some("gamma".into()),
            total_beads: 0,
            closed_beads: 0,
            failed_beads: 0,
            merge_mode: MergeMode::default(),
            feature_branch: None,
            needs_attention: false,
            max_polecats: None,
            idempotency_key: None,
            created_by: "me".into(),
            created_at: t0.clone(),
            updated_at: t0.clone(),
            landed_at: None,
            closed_reason: None,
        };
        let in_gamma = |id: &str, convoy: Option<&str>| Bead {
            rig: "gamma".into(),
            labels: vec!["w".into()],
            ..bead(id, BeadStatus::Open, convoy)
        };
        let a = Bead {
            depends_on: vec!["gt-b".into()],
            ..in_gamma("gt-a", Some("cv-a"))
        };
        let agent = |id: &str, name: &str| Agent {
            id: id.into(),
            name: name.into(),
            role: AgentRole::Polecat,
            rig: Some("gamma".into()),
            status: AgentStatus::Idle,
            hook: None,
            pid: None,
            last_activity_at: t0.clone(),
            created_at: t0.clone(),
            host: None,
            run_started_at: None,
            run_bead: None,
            attempt: 0,
            retry_after: None,
        };
        let escalation = Escalation {
            id: "es-a".into(),
            severity: Severity::High,
            category: None,
            message: "m".into(),
            rig: None,
            agent: None,
            bead: None,
            status: EscalationStatus::Open,
            acknowledged_by: None,
            acknowledged_at: None,
            re_escalation_count: 0,
            created_at: t0.clone(),
        };
        let mail = Mail {
            id: "ma-a".into(),
            from: "mayor".into(),
            to: "toast".into(),
            group: None,
            subject: "s".into(),
            body: None,
            bead: None,
            convoy: None,
            reply_to: None,
            created_at: t0.clone(),
            read_at: None,
        };
        let host = Host {
            id: "ho-a".into(),
            name: "h1".into(),
            status: HostStatus::Live,
            slots: 1,
            running: 0,
            rigs: vec![],
            version: "1".into(),
            started_at: t0.clone(),
            last_seen: t0.clone(),
            silent: false,
        };
        town.write(|u| {
            u.create(rig.clone());
            u.create(convoy("cv-a"));
            u.create(convoy("cv-b"));
            u.create(a.clone());
            u.create(in_gamma("gt-b", None));
            u.create(in_gamma("gt-c", None));
            u.create(agent("ag-a", "Toast"));
            u.create(agent("ag-b", "Maple"));
            u.create(escalation.clone());
            u.create(mail.clone());
            u.create(host.clone());
            Ok(())
        })
        .unwrap();

        let rig = Rig {
            git_url: Some("git@example.com:gamma".into()),
            default_branch: "trunk".into(),
            ..rig
        };
        let cv = Convoy {
            title: "c2".into(),
            status: ConvoyStatus::Closed,
            merge_mode: MergeMode::ReviewAndMerge,
            feature_branch: Some("f".into()),
            max_polecats: Some(3),
            updated_at: t1.clone().unwrap(),
            landed_at: t1.clone(),
            closed_reason: Some("why".into()),
            ..convoy("cv-a")
        };
        let a = Bead {
            status: BeadStatus::Closed,
            title: "t2".into(),
            body: Some("b2".into()),
            priority: Priority::High,
            labels: vec!["x".into(), "y".into()],
            metadata: Map::from_iter([("k".into(), Json::from(1))]),
            assignee: Some("Toast".into()),
            convoy_id: Some("cv-b".into()),
            depends_on: vec!["gt-c".into()],
            updated_at: t1.clone().unwrap(),
            closed_at: t1.clone(),
            last_assignee: Some("Maple".into()),
            ..a
        };
        let toast = Agent {
            status: AgentStatus::Working,
            hook: Some("gt-a".into()),
            pid: Some(42),
            host: Some("h1".into()),
            run_started_at: t1.clone(),
            run_bead: Some("gt-a".into()),
            attempt: 2,
            retry_after: t1.clone(),
            last_activity_at: t1.clone().unwrap(),
            ..agent("ag-a", "Toast")
        };
        let escalation = Escalation {
            status: EscalationStatus::Acknowledged,
            acknowledged_by: Some("me".into()),
            acknowledged_at: t1.clone(),
            re_escalation_count: 2,
            ..escalation
        };
        let mail = Mail {
            read_at: t1.clone(),
            ..mail
        };
        let host = Host {
            status: HostStatus::Stopped,
            slots: 4,
            running: 1,
            rigs: vec!["gamma".into()],
            version: "2".into(),
            started_at: t1.clone().unwrap(),
            last_seen: t1.clone().unwrap(),
            ..host
        };
        town.write(|u| {
            u.must::<Rig>(&rig.id)?;
            u.put(rig.clone());
            u.must::<Convoy>(&cv.id)?;
            u.put(cv.clone());
            u.must::<Bead>(&a.id)?;
            u.put(a.clone());
            u.must::<Agent>(&toast.id)?;
            u.put(toast.clone());
            u.must::<Escalation>(&escalation.id)?;
            u.put(escalation.clone());
            u.must::<Mail>(&mail.id)?;
            u.put(mail.clone());
            u.must::<Host>(&host.id)?;
            u.put(host.clone());
            Ok(())
        })
        .unwrap();

        town.write(|u| {
            assert_eq!(u.must::<Rig>(&rig.id)?, rig);
            let stored = u.must::<Convoy>(&cv.id)?;
            // Counts and attention are derived, never written from memory.
            let derived = Convoy {
                total_beads: stored.total_beads,
                closed_beads: stored.closed_beads,
                failed_beads: stored.failed_beads,
                needs_attention: stored.needs_attention,
                ..cv.clone()
            };
            assert_eq!(stored, derived);
            assert_eq!(u.must::<Bead>(&a.id)?, a);
            assert_eq!(u.must::<Agent>(&toast.id)?, toast);
            assert_eq!(u.must::<Escalation>(&escalation.id)?, escalation);
            assert_eq!(u.must::<Mail>(&mail.id)?, mail);
            assert_eq!(u.must::<Host>(&host.id)?, host);
            Ok(())
        })
        .unwrap();
        // The index of labels (`bead list --label`) follows the labels.
        let labelled = |town: &mut crate::Town, label: &str| {
            let filter = crate::query::BeadFilter {
                label: Some(label.into()),
                ..Default::default()
            };
            let found = town.beads(&filter).unwrap();
            found.iter().map(|b| b.id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(labelled(town, "x"), ["gt-a"]);
        assert_eq!(labelled(town, "w"), ["gt-b", "gt-c"]);

        // Deletes: a labelled bead takes its label rows with it (a foreign
        // key holds them to it), and an agent goes.
        town.write(|u| {
            u.delete_bead("gt-b", false)?;
            u.must::<Agent>("ag-b")?;
            u.remove::<Agent>("ag-b");
            Ok(())
        })
        .unwrap();
        assert_eq!(labelled(town, "w"), ["gt-c"]);
        let maple = town.write(|u| u.get::<Agent>("ag-b")).unwrap();
        assert_eq!(maple, None);
    }

    #[test]
    fn updates_store_every_column_on_sqlite() {
        let (_keep, town) = crate::rules::tests::sqlite_town();
        updates_store_every_column(&mut crate::rules::tests::with_rigs(town));
    }

    #[test]
    fn updates_store_every_column_on_rqlite() {
        let (_keep, town) = crate::rules::tests::rqlite_town();
        updates_store_every_column(&mut crate::rules::tests::with_rigs(town));
    }
}
