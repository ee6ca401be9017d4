//! The versioned schema, one migration list for both SQL backends. A database at a
//! newer version than this binary knows is refused and never modified.

use super::{Backend, Stmt, StoreError, Value};

/// Each migration is a list of statements that moves the schema up one version.
pub const MIGRATIONS: &[&[&str]] = &[
    &[
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        // A guard of a write batch inserts a row here when what it read has changed;
        // the CHECK then fails the statement, and with it the whole batch.
        "CREATE TABLE stale_reads (what TEXT, CONSTRAINT stale_read CHECK (0))",
        "CREATE TABLE rigs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        git_url TEXT,
        default_branch TEXT NOT NULL,
        created_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0
    )",
        "CREATE TABLE convoys (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        status TEXT NOT NULL,
        rig TEXT,
        total_beads INTEGER NOT NULL DEFAULT 0,
        closed_beads INTEGER NOT NULL DEFAULT 0,
        failed_beads INTEGER NOT NULL DEFAULT 0,
        merge_mode TEXT NOT NULL,
        feature_branch TEXT,
        max_polecats INTEGER,
        idempotency_key TEXT UNIQUE,
        fingerprint TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        landed_at TEXT,
        closed_reason TEXT,
        version INTEGER NOT NULL DEFAULT 0
    )",
        "CREATE INDEX convoys_status ON convoys (status, rig)",
        "CREATE TABLE beads (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT,
        rig TEXT NOT NULL REFERENCES rigs (name) DEFERRABLE INITIALLY DEFERRED,
        priority TEXT NOT NULL,
        labels TEXT NOT NULL DEFAULT '[]',
        metadata TEXT NOT NULL DEFAULT '{}',
        assignee TEXT REFERENCES agents (name) DEFERRABLE INITIALLY DEFERRED,
        convoy_id TEXT REFERENCES convoys (id) DEFERRABLE INITIALLY DEFERRED,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        closed_at TEXT,
        version INTEGER NOT NULL DEFAULT 0
    )",
        "CREATE INDEX beads_convoy_status ON beads (convoy_id, status)",
        "CREATE INDEX beads_status ON beads (status, rig)",
        "CREATE INDEX beads_rig ON beads (rig, status)",
        "CREATE UNIQUE INDEX beads_assignee ON beads (assignee) WHERE assignee IS NOT NULL",
        "CREATE TABLE bead_deps (
        bead_id TEXT NOT NULL REFERENCES beads (id) DEFERRABLE INITIALLY DEFERRED,
        depends_on_id TEXT NOT NULL REFERENCES beads (id) DEFERRABLE INITIALLY DEFERRED,
        PRIMARY KEY (bead_id, depends_on_id)
    ) WITHOUT ROWID",
        "CREATE INDEX bead_deps_reverse ON bead_deps (depends_on_id)",
        "CREATE TABLE agents (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL,
        rig TEXT REFERENCES rigs (name) DEFERRABLE INITIALLY DEFERRED,
        status TEXT NOT NULL,
        hook TEXT UNIQUE REFERENCES beads (id) DEFERRABLE INITIALLY DEFERRED,
        pid INTEGER,
        last_activity_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0
    )",
        "CREATE INDEX agents_rig_role_status ON agents (rig, role, status)",
        "CREATE INDEX agents_status ON agents (status)",
        "CREATE TABLE escalations (
        id TEXT PRIMARY KEY,
        severity TEXT NOT NULL,
        category TEXT,
        message TEXT NOT NULL,
        rig TEXT,
        agent TEXT,
        bead TEXT,
        status TEXT NOT NULL,
        acknowledged_by TEXT,
        acknowledged_at TEXT,
        re_escalation_count INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0
    )",
        "CREATE INDEX escalations_status ON escalations (status)",
        "CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        subject_id TEXT NOT NULL,
        event_type TEXT NOT NULL,
        actor TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        metadata TEXT,
        created_at TEXT NOT NULL
    )",
        "CREATE INDEX events_subject ON events (subject_id, id)",
        "CREATE INDEX events_actor ON events (actor, id)",
        "CREATE INDEX events_created ON events (created_at)",
        "INSERT INTO meta (key, value) VALUES ('schema_version', '0')",
    ],
    // 2: tokens that let a remote write whose answer was lost find out whether it
    // was applied (see store::rqlite).
    &[
        "CREATE TABLE unit_tokens (token TEXT PRIMARY KEY, created_at TEXT NOT NULL)",
        "CREATE INDEX unit_tokens_created ON unit_tokens (created_at)",
    ],
    // 3: a convoy's beads in creation (rowid) order without a sort, for status views.
    &["CREATE INDEX beads_convoy ON beads (convoy_id)"],
    // 4: foreign-key checks look up beads by assignee with the collation of
    // agents.name; a partial index cannot serve them, so adding an agent
    // scanned every bead (quadratic batches in big towns).
    &[
        "DROP INDEX beads_assignee",
        "CREATE UNIQUE INDEX beads_assignee ON beads (assignee COLLATE NOCASE)",
    ],
    // 5: a status-only bead list reaches each rig's entries of beads_rig
    // (rig, status) instead, so a status change no longer moves an entry of a
    // second status index: two pages fewer written by every close.
    &["DROP INDEX beads_status"],
    // 6: the store keeps each convoy's counts as its beads change, inside the
    // statement that changes them, so a close costs the same in any convoy
    // (it recounted the convoy's beads) and no longer moves an entry of a
    // (convoy_id, status) index. Counts are recounted once here.
    &[
        "CREATE TRIGGER beads_count_insert AFTER INSERT ON beads \
         WHEN NEW.convoy_id IS NOT NULL BEGIN \
         UPDATE convoys SET total_beads = total_beads + 1, \
         closed_beads = closed_beads + (NEW.status = 'closed'), \
         failed_beads = failed_beads + (NEW.status = 'failed'), \
         version = version + 1 WHERE id = NEW.convoy_id; END",
        "CREATE TRIGGER beads_count_delete AFTER DELETE ON beads \
         WHEN OLD.convoy_id IS NOT NULL BEGIN \
         UPDATE convoys SET total_beads = total_beads - 1, \
         closed_beads = closed_beads - (OLD.status = 'closed'), \
         failed_beads = failed_beads - (OLD.status = 'failed'), \
         version = version + 1 WHERE id = OLD.convoy_id; END",
        "CREATE TRIGGER beads_count_status AFTER UPDATE OF status ON beads \
         WHEN NEW.convoy_id IS NOT NULL AND NEW.convoy_id IS OLD.convoy_id BEGIN \
         UPDATE convoys SET \
         closed_beads = closed_beads + (NEW.status = 'closed') - (OLD.status = 'closed'), \
         failed_beads = failed_beads + (NEW.status = 'failed') - (OLD.status = 'failed'), \
         version = version + 1 WHERE id = NEW.convoy_id; END",
        "CREATE TRIGGER beads_count_move AFTER UPDATE OF convoy_id ON beads \
         WHEN NEW.convoy_id IS NOT OLD.convoy_id BEGIN \
         UPDATE convoys SET total_beads = total_beads - 1, \
         closed_beads = closed_beads - (OLD.status = 'closed'), \
         failed_beads = failed_beads - (OLD.status = 'failed'), \
         version = version + 1 WHERE id = OLD.convoy_id; \
         UPDATE convoys SET total_beads = total_beads + 1, \
         closed_beads = closed_beads + (NEW.status = 'closed'), \
         failed_beads = failed_beads + (NEW.status = 'failed'), \
         version = version + 1 WHERE id = NEW.convoy_id; END",
        "UPDATE convoys SET \
         total_beads = (SELECT count(*) FROM beads WHERE convoy_id = convoys.id), \
         closed_beads = (SELECT count(*) FROM beads WHERE convoy_id = convoys.id AND status = 'closed'), \
         failed_beads = (SELECT count(*) FROM beads WHERE convoy_id = convoys.id AND status = 'failed')",
        "DROP INDEX beads_convoy_status",
    ],
    // 7: each write batch keeps the counts instead, with one relative update
    // per convoy whose beads it changes (entity::convoy_count_changes): every
    // command parsed the four triggers with the schema (0.2M instructions, a
    // tenth of a `bead show`), and a batch of n beads updated its convoy n
    // times. The counts the triggers kept are exact, so they stay as they are.
    &[
        "DROP TRIGGER beads_count_insert",
        "DROP TRIGGER beads_count_delete",
        "DROP TRIGGER beads_count_status",
        "DROP TRIGGER beads_count_move",
    ],
    // 8: every plan follows its result, not the town (the plan test in
    // gt-core/src/plans proves each one):
    // - the next waiting bead of a capped convoy, and whether any of a
    //   convoy's hooked beads belongs to a dead agent, are found among that
    //   convoy's own unassigned (hooked) beads: both walked every such bead of
    //   the town. Partial indexes, so a bead enters or leaves one only when it
    //   is hooked, unhooked or ends, and a close of an unhooked bead moves none;
    // - a rig's or a priority's beads in creation order without a sort;
    // - labels in a table of their own, so `bead list --label` is an index
    //   search instead of parsing every bead's labels;
    // - idle polecats of a rig in creation order without a sort.
    &[
        "CREATE INDEX beads_unassigned ON beads (convoy_id) \
         WHERE assignee IS NULL AND status = 'open'",
        "CREATE INDEX beads_hooked ON beads (convoy_id) WHERE assignee IS NOT NULL",
        "CREATE INDEX beads_rig_order ON beads (rig)",
        "CREATE INDEX beads_priority ON beads (priority)",
        "CREATE TABLE bead_labels (
        label TEXT NOT NULL,
        bead_id TEXT NOT NULL REFERENCES beads (id) DEFERRABLE INITIALLY DEFERRED,
        PRIMARY KEY (label, bead_id)
    ) WITHOUT ROWID",
        "CREATE INDEX bead_labels_bead ON bead_labels (bead_id)",
        "INSERT OR IGNORE INTO bead_labels (label, bead_id) \
         SELECT l.value, b.id FROM beads b, json_each(b.labels) l",
        "DROP INDEX agents_rig_role_status",
        "CREATE INDEX agents_rig_role_status ON agents (rig, role, status, created_at)",
    ],
    // 9: patrol (SPEC §9) finds what is due by index probes that cost what
    // they find:
    // - agents with work, by status and last activity (the silent ones);
    // - unresolved escalations by agent and category (one per problem);
    // - beads whose dispatch command failed, with the retries made so far.
    &[
        "CREATE INDEX agents_hooked_activity ON agents (status, last_activity_at) \
         WHERE hook IS NOT NULL",
        "CREATE INDEX escalations_agent ON escalations (agent, category) \
         WHERE status <> 'resolved'",
        "CREATE TABLE dispatch_failures (
        bead_id TEXT PRIMARY KEY,
        agent TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        retries INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        failed_at TEXT NOT NULL
    )",
    ],
    // 10: who worked on a bead, and which convoy an event concerns (issue 15):
    // - `last_assignee`, set when a bead's agent is unhooked, so "who did
    //   this" outlives the hook. Filled from each bead's last `unhooked` event;
    // - `events.convoy_id`, set at write time (a bead's convoy, an
    //   escalation's bead's, an agent's hooked bead's), so `events --convoy`
    //   is one index range that keeps the history of beads deleted or moved
    //   out since. Filled for the events whose convoy can still be known.
    &[
        "ALTER TABLE beads ADD COLUMN last_assignee TEXT",
        "UPDATE beads SET last_assignee = (SELECT json_extract(e.old_value, '$') FROM events e \
         WHERE e.subject_id = beads.id AND e.event_type = 'unhooked' ORDER BY e.id DESC LIMIT 1) \
         WHERE assignee IS NULL",
        "ALTER TABLE events ADD COLUMN convoy_id TEXT",
        "UPDATE events SET convoy_id = coalesce( \
         (SELECT c.id FROM convoys c WHERE c.id = events.subject_id), \
         (SELECT b.convoy_id FROM beads b WHERE b.id = events.subject_id), \
         (SELECT json_extract(d.old_value, '$.convoy_id') FROM events d \
          WHERE d.subject_id = events.subject_id AND d.event_type = 'deleted' LIMIT 1), \
         (SELECT b.convoy_id FROM escalations x JOIN beads b ON b.id = x.bead \
          WHERE x.id = events.subject_id))",
        "CREATE INDEX events_convoy ON events (convoy_id, id) WHERE convoy_id IS NOT NULL",
    ],
    // 11: `agent list --limit N` (no rig or status) reads N agents in
    // creation order instead of sorting every agent of the town.
    &["CREATE INDEX agents_created ON agents (created_at)"],
    // 12: `bead list --search TEXT` finds the beads whose title or body holds
    // the text through a trigram index of both (FTS5, whose trigrams match any
    // substring of three characters or more, case-insensitively). Its content
    // is the beads table's; write batches keep it, as they keep the counts
    // (no triggers: every process would parse them at its start), and only a
    // bead made or deleted, or a title or body written, touches it.
    &[
        "CREATE VIRTUAL TABLE beads_text USING fts5(title, body, content = 'beads', \
         content_rowid = 'rowid', tokenize = 'trigram', columnsize = 0)",
        // Merging index segments once 8 (not 4) wait at one level: a batch of
        // 1000 beads then spends about a quarter of the index work.
        "INSERT INTO beads_text (beads_text, rank) VALUES ('automerge', 8)",
        "INSERT INTO beads_text (beads_text) VALUES ('rebuild')",
        // A convoy's hooked beads with their status and agent: whether any is at
        // work (R4's needs_attention) is read from the index alone, not from
        // a bead row per convoy listed. A hooked bead's status changes with
        // its hook in the same write, so a close moves no more entries.
        "DROP INDEX beads_hooked",
        "CREATE INDEX beads_hooked ON beads (convoy_id, status, assignee) WHERE assignee IS NOT NULL",
    ],
    // 13: `gt run` (SPEC §10): the host whose supervisor runs an agent's
    // process, since when, for which bead, and which attempt at its hooked
    // bead that is. A supervisor finds its own claims by the host; a bead
    // with a live claim (its old agent's process still stopping) is not
    // runnable for its new agent.
    &[
        "ALTER TABLE agents ADD COLUMN host TEXT",
        "ALTER TABLE agents ADD COLUMN run_started_at TEXT",
        "ALTER TABLE agents ADD COLUMN run_bead TEXT",
        "CREATE INDEX agents_run_bead ON agents (run_bead) WHERE run_bead IS NOT NULL",
        "ALTER TABLE agents ADD COLUMN attempt INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX agents_host ON agents (host) WHERE host IS NOT NULL",
        "CREATE INDEX agents_unclaimed ON agents (last_activity_at) \
         WHERE host IS NULL AND hook IS NOT NULL",
    ],
    // 14: mail (SPEC §11): one row per recipient. An inbox is two index
    // ranges, its unread messages then its read ones, each newest first (an
    // index's entries end with the rowid, the order of sending); reading a
    // message moves its entry from one to the other. A convoy's mail is a
    // range of its own.
    &[
        "CREATE TABLE mail (
        id TEXT PRIMARY KEY,
        sender TEXT NOT NULL,
        recipient TEXT NOT NULL,
        group_address TEXT,
        subject TEXT NOT NULL,
        body TEXT,
        bead TEXT,
        convoy_id TEXT,
        reply_to TEXT,
        created_at TEXT NOT NULL,
        read_at TEXT,
        version INTEGER NOT NULL DEFAULT 0
    )",
        "CREATE INDEX mail_unread ON mail (recipient) WHERE read_at IS NULL",
        "CREATE INDEX mail_read ON mail (recipient) WHERE read_at IS NOT NULL",
        "CREATE INDEX mail_convoy ON mail (convoy_id) WHERE convoy_id IS NOT NULL",
    ],
    // 15: many hosts (SPEC §12): each supervisor's row, which it beats
    // (`last_seen`) every few seconds; patrol finds the live ones gone
    // silent by the index of their beats.
    &[
        "CREATE TABLE hosts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        slots INTEGER NOT NULL,
        running INTEGER NOT NULL DEFAULT 0,
        rigs TEXT NOT NULL DEFAULT '[]',
        gt_version TEXT NOT NULL,
        started_at TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0
    )",
        "CREATE INDEX hosts_live ON hosts (last_seen) WHERE status = 'live'",
        // A failed attempt's pause, kept in the town so that every host
        // waits it out, not only the one that ran it.
        "ALTER TABLE agents ADD COLUMN retry_after TEXT",
    ],
];

/// The schema version this binary writes.
pub const CURRENT: i64 = MIGRATIONS.len() as i64;

/// What [`ensure`] found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchemaState {
    pub version: i64,
    pub created: bool,
    pub upgraded_from: Option<i64>,
}

/// The schema version of the store: 0 for an empty database.
pub fn version(db: &mut dyn Backend) -> Result<i64, StoreError> {
    // The common case costs one query; only a store without `meta` looks further.
    match read_version(db) {
        Err(StoreError::Backend(msg)) if msg.contains("no such table") => {}
        other => return other,
    }
    // Each query sees one committed state, and a migration creates `meta` and
    // every other table in one batch: so a listing with tables but no `meta` is
    // not a town, while one with `meta` means a migration landed meanwhile.
    let rows = db.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        &[],
    )?;
    let names: Vec<String> = rows.iter().map(|r| r.text(0)).collect::<Result<_, _>>()?;
    if names.iter().any(|n| n == "meta") {
        return read_version(db);
    }
    if !names.is_empty() {
        return Err(StoreError::Unavailable {
            message: format!("{} is a database, but not a gt town", db.location()),
            hint: Some("point {db} at a gt town, or at a new file to create one".into()),
        });
    }
    Ok(0)
}

fn read_version(db: &mut dyn Backend) -> Result<i64, StoreError> {
    let rows = db.query("SELECT value FROM meta WHERE key = 'schema_version'", &[])?;
    match rows.first() {
        Some(row) => row.int(0),
        None => Err(StoreError::Corrupt(
            "the meta table has no schema_version".into(),
        )),
    }
}

/// Brings the store up to [`CURRENT`], creating it when empty. Two processes that
/// migrate at once cannot both apply a step: the step's batch is guarded by the
/// version it started from, and the loser re-reads and finds nothing left to do.
pub fn ensure(db: &mut dyn Backend) -> Result<SchemaState, StoreError> {
    let first = version(db)?;
    if first > CURRENT {
        return Err(StoreError::TooNew {
            found: first,
            supported: CURRENT,
        });
    }
    if first == CURRENT {
        return Ok(SchemaState {
            version: first,
            created: false,
            upgraded_from: None,
        });
    }
    let mut attempt = 0;
    loop {
        attempt += 1;
        db.begin_write()?;
        let result = version(db).and_then(|from| {
            if from >= CURRENT {
                db.rollback();
                return Ok(from);
            }
            db.commit(&migration_batch(from)).map(|()| from)
        });
        match result {
            Ok(from) if from >= CURRENT => {
                return Ok(SchemaState {
                    version: from,
                    created: false,
                    upgraded_from: None,
                })
            }
            Ok(from) => {
                return Ok(SchemaState {
                    version: CURRENT,
                    created: from == 0,
                    upgraded_from: (from > 0).then_some(from),
                })
            }
            Err(StoreError::Stale(_)) if attempt < super::MAX_ATTEMPTS => {
                std::thread::sleep(super::backoff(attempt));
            }
            Err(e) => {
                db.rollback();
                return Err(e);
            }
        }
    }
}

/// The batch that moves a store from version `from` to [`CURRENT`].
fn migration_batch(from: i64) -> Vec<Stmt> {
    let mut batch = Vec::new();
    if from > 0 {
        // From version 1 on, meta exists, so the guard can name the version it read.
        batch.push(Stmt::new(
            "INSERT INTO stale_reads (what) SELECT 'schema version' \
             WHERE (SELECT value FROM meta WHERE key = 'schema_version') IS NOT ?1",
            vec![Value::Text(from.to_string())],
        ));
    }
    // At version 0 the first statement creates meta, which fails (and so fails the
    // batch) if a concurrent init got there first.
    for step in &MIGRATIONS[from as usize..] {
        for sql in step.iter() {
            batch.push(Stmt::new(*sql, vec![]));
        }
    }
    batch.push(Stmt::new(
        "UPDATE meta SET value = ?1 WHERE key = 'schema_version'",
        vec![Value::Text(CURRENT.to_string())],
    ));
    batch
}
