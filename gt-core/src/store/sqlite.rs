//! The local backend: one SQLite file in WAL mode. A write unit holds
//! `BEGIN IMMEDIATE` from its first read to its commit, so its guards always pass
//! (they are not run) and writers queue on the lock (bounded by the lock
//! timeout) instead of failing.

use std::borrow::Cow;
use std::cell;
use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{ffi, Connection, OpenFlags, ToSql};

use super::{Backend, Cell, Cells, Reader, Row, Stmt, StoreError, Value};

impl ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Integer(n) => ToSqlOutput::Borrowed(ValueRef::Integer(*n)),
            Value::Real(f) => ToSqlOutput::Borrowed(ValueRef::Real(*f)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        })
    }
}

thread_local! {
    /// When the current wait for the lock gives up; read by [`on_busy`], which
    /// rusqlite only lets us install as a plain function.
    static LOCK_DEADLINE: cell::Cell<Option<Instant>> = const { cell::Cell::new(None) };
}

/// Waits for a busy lock in short, jittered naps (SQLite's default handler sleeps
/// up to 100 ms at a time, which wastes most of the lock's free time when many
/// writers queue), until the deadline.
fn on_busy(attempt: i32) -> bool {
    let Some(deadline) = LOCK_DEADLINE.with(cell::Cell::get) else {
        return false;
    };
    let now = Instant::now();
    if now >= deadline {
        return false;
    }
    let cap_us = (50u64 << attempt.clamp(0, 6)).min(2_000);
    let nap = Duration::from_micros(fastrand::u64(20..=cap_us)).min(deadline - now);
    std::thread::sleep(nap);
    true
}

/// A town in a local SQLite file.
pub struct Sqlite {
    conn: Connection,
    location: String,
    lock_timeout: Duration,
    transaction: Transaction,
}

/// The transaction a connection has open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Transaction {
    None,
    Read,
    /// Holds the write lock (`BEGIN IMMEDIATE`), taken before the unit's first
    /// read: nothing the unit reads can change until its commit, so the
    /// batch's guards would always pass and are skipped.
    Write,
}

impl Sqlite {
    /// Opens (creating if needed) the SQLite file at `path`.
    pub fn open(path: &Path, lock_timeout: Duration) -> Result<Self, StoreError> {
        // A path is shown as it is; anything URL-shaped, its password masked.
        let location = super::location::redact(&path.display().to_string());
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            if !parent.is_dir() {
                return Err(StoreError::Unavailable {
                    message: format!(
                        "cannot open the town database {location}: directory {} does not exist",
                        super::location::redact(&parent.display().to_string())
                    ),
                    hint: Some("create the directory first, or choose another {db}".into()),
                });
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| map_err(e, &location, lock_timeout))?;
        let mut db = Sqlite {
            conn,
            location,
            lock_timeout,
            transaction: Transaction::None,
        };
        db.arm_lock_deadline();
        db.conn
            .busy_handler(Some(on_busy))
            .map_err(|e| db.fail(e))?;
        db.configure().map_err(|e| db.fail(e))?;
        Ok(db)
    }

    fn configure(&mut self) -> rusqlite::Result<()> {
        let _mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        self.conn.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -16000; \
             PRAGMA mmap_size = 268435456; PRAGMA journal_size_limit = 16777216;",
        )?;
        // `synchronous = FULL`: each commit syncs the WAL, so a write that gt
        // reports done survives a power cut. With `NORMAL` only the checkpoint
        // syncs, and the checkpoint at close is skipped while another process
        // holds the town open (`gt serve` does, for its streams): its commits
        // were never synced. A lone process pays nothing for it (its
        // checkpoint syncs the WAL either way; measured in BENCHMARKS.md).
        //
        // The checkpoint SQLite runs when the last connection closes stays on
        // purpose: gt is one short process per command, and a WAL left behind
        // would make the next process rebuild its index by reading all of it.
        self.conn.set_prepared_statement_cache_capacity(64);
        Ok(())
    }

    fn arm_lock_deadline(&self) {
        let deadline = Instant::now() + self.lock_timeout;
        LOCK_DEADLINE.with(|d| d.set(Some(deadline)));
    }

    fn run(&mut self, stmt: &Stmt) -> Result<(), StoreError> {
        let mut prepared = self
            .conn
            .prepare_cached(&stmt.sql)
            .map_err(|e| self.fail(e))?;
        prepared
            .execute(rusqlite::params_from_iter(stmt.params.iter()))
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// Sorts a SQLite failure of this town, a busy lock naming how long it waited.
    fn fail(&self, e: rusqlite::Error) -> StoreError {
        map_err(e, &self.location, self.lock_timeout)
    }
}

impl Cells for rusqlite::Row<'_> {
    fn width(&self) -> usize {
        self.as_ref().column_count()
    }

    fn cell(&self, i: usize) -> Result<Cell<'_>, StoreError> {
        let value = self
            .get_ref(i)
            .map_err(|e| StoreError::Corrupt(format!("column {i}: {e}")))?;
        Ok(match value {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(n) => Cell::Integer(n),
            ValueRef::Real(f) => Cell::Real(f),
            // from_utf8 first: it is much faster than the lossy path on valid text.
            ValueRef::Text(t) | ValueRef::Blob(t) => Cell::Text(match std::str::from_utf8(t) {
                Ok(text) => Cow::Borrowed(text),
                Err(_) => String::from_utf8_lossy(t),
            }),
        })
    }
}

impl Reader for Sqlite {
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError> {
        let mut out = Vec::new();
        self.each_row(sql, params, &mut |row| {
            out.push(row.to_row()?);
            Ok(())
        })?;
        Ok(out)
    }

    fn each_row(
        &mut self,
        sql: &str,
        params: &[Value],
        f: &mut dyn FnMut(&dyn Cells) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.fail(e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params.iter()))
            .map_err(|e| self.fail(e))?;
        while let Some(row) = rows.next().map_err(|e| self.fail(e))? {
            f(row)?;
        }
        Ok(())
    }
}

impl Backend for Sqlite {
    fn kind(&self) -> &'static str {
        "sqlite"
    }

    fn location(&self) -> &str {
        &self.location
    }

    fn begin_write(&mut self) -> Result<(), StoreError> {
        self.arm_lock_deadline();
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.fail(e))?;
        self.transaction = Transaction::Write;
        Ok(())
    }

    fn commit(&mut self, batch: &[Stmt]) -> Result<(), StoreError> {
        let guards_hold = self.transaction == Transaction::Write;
        for stmt in batch.iter().filter(|s| !(s.guard && guards_hold)) {
            if let Err(e) = self.run(stmt) {
                self.rollback();
                return Err(e);
            }
            #[cfg(feature = "testing")]
            crate::testing::failpoint("sqlite-statement");
        }
        #[cfg(feature = "testing")]
        crate::testing::failpoint("sqlite-commit");
        if let Err(e) = self.conn.execute_batch("COMMIT") {
            self.rollback();
            return Err(self.fail(e));
        }
        self.transaction = Transaction::None;
        Ok(())
    }

    fn write_is_exclusive(&self) -> bool {
        self.transaction == Transaction::Write
    }

    fn rollback(&mut self) {
        if self.transaction != Transaction::None || !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        self.transaction = Transaction::None;
    }

    fn begin_read(&mut self) -> Result<(), StoreError> {
        self.arm_lock_deadline();
        self.conn
            .execute_batch("BEGIN DEFERRED")
            .map_err(|e| self.fail(e))?;
        self.transaction = Transaction::Read;
        Ok(())
    }

    fn end_read(&mut self) {
        self.rollback();
    }
}

/// Sorts SQLite's failures into the storage boundary's kinds.
fn map_err(e: rusqlite::Error, location: &str, waited: Duration) -> StoreError {
    let (code, message) = match &e {
        rusqlite::Error::SqliteFailure(err, msg) => {
            (Some(*err), msg.clone().unwrap_or_else(|| err.to_string()))
        }
        other => (None, other.to_string()),
    };
    let Some(err) = code else {
        return StoreError::Backend(message);
    };
    let unavailable = |what: String, hint: &str| StoreError::Unavailable {
        message: what,
        hint: Some(hint.to_string()),
    };
    match err.code {
        ffi::ErrorCode::DatabaseBusy | ffi::ErrorCode::DatabaseLocked => StoreError::Busy {
            location: location.to_string(),
            waited,
        },
        ffi::ErrorCode::ConstraintViolation => {
            // Under BEGIN IMMEDIATE nothing can change between a unit's reads and
            // its batch, so only a guard or a fresh random ID that collided with
            // an existing one is worth a retry; any other violation is a bug.
            let id_collision =
                err.extended_code == ffi::SQLITE_CONSTRAINT_PRIMARYKEY && message.ends_with(".id");
            let raced = message.contains("stale_read") || id_collision;
            if raced {
                StoreError::Stale(message)
            } else {
                StoreError::Backend(message)
            }
        }
        ffi::ErrorCode::NotADatabase => unavailable(
            format!("{location} is not a SQLite database"),
            "point {db} at a gt town, or at a new file to create one",
        ),
        ffi::ErrorCode::CannotOpen => unavailable(
            format!("cannot open the town database {location}: {message}"),
            "check that the path exists and is readable and writable",
        ),
        ffi::ErrorCode::ReadOnly => unavailable(
            format!("the town database {location} is read-only: {message}"),
            "check the permissions of the file and its directory",
        ),
        ffi::ErrorCode::DiskFull => unavailable(
            format!("the disk holding {location} is full"),
            "free some space; nothing was written",
        ),
        ffi::ErrorCode::SystemIoFailure | ffi::ErrorCode::DatabaseCorrupt => unavailable(
            format!("cannot use the town database {location}: {message}"),
            "check the disk and the file; nothing was written",
        ),
        _ => StoreError::Backend(message),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn temp_db() -> (tempfile::TempDir, Sqlite) {
        let dir = tempfile::tempdir().unwrap();
        let db = Sqlite::open(&dir.path().join("t.db"), Duration::from_millis(200)).unwrap();
        (dir, db)
    }

    #[test]
    fn a_failed_statement_rolls_back_the_whole_batch() {
        let (_dir, mut db) = temp_db();
        db.begin_write().unwrap();
        db.commit(&[Stmt::new("CREATE TABLE t (id TEXT PRIMARY KEY)", vec![])])
            .unwrap();
        db.begin_write().unwrap();
        let err = db
            .commit(&[
                Stmt::new("INSERT INTO t VALUES ('gt-1')", vec![]),
                Stmt::new("INSERT INTO t VALUES ('gt-1')", vec![]),
            ])
            .unwrap_err();
        assert!(
            matches!(err, StoreError::Stale(_)),
            "a colliding ID is retried: {err:?}"
        );
        let rows = db.query("SELECT count(*) FROM t", &[]).unwrap();
        assert_eq!(rows[0].int(0).unwrap(), 0);
    }

    #[test]
    fn other_constraint_violations_are_bugs_not_races() {
        let (_dir, mut db) = temp_db();
        db.begin_write().unwrap();
        db.commit(&[Stmt::new("CREATE TABLE u (x TEXT UNIQUE)", vec![])])
            .unwrap();
        db.begin_write().unwrap();
        let err = db
            .commit(&[
                Stmt::new("INSERT INTO u VALUES ('a')", vec![]),
                Stmt::new("INSERT INTO u VALUES ('a')", vec![]),
            ])
            .unwrap_err();
        assert!(matches!(err, StoreError::Backend(_)), "{err:?}");
    }

    #[test]
    fn a_stale_guard_fails_its_batch() {
        let (_dir, mut db) = temp_db();
        super::super::schema::ensure(&mut db).unwrap();
        db.begin_write().unwrap();
        let err = db
            .commit(&[
                Stmt::new(
                    "INSERT INTO meta (key, value) VALUES ('probe', 'x')",
                    vec![],
                ),
                Stmt::new(
                    "INSERT INTO stale_reads (what) SELECT 'probe' WHERE 1",
                    vec![],
                ),
            ])
            .unwrap_err();
        assert!(
            matches!(err, StoreError::Stale(ref m) if m.contains("stale_read")),
            "{err:?}"
        );
        let rows = db
            .query("SELECT count(*) FROM meta WHERE key = 'probe'", &[])
            .unwrap();
        assert_eq!(rows[0].int(0).unwrap(), 0);
    }

    #[test]
    fn a_second_writer_waits_then_reports_busy() {
        let (dir, mut first) = temp_db();
        let mut second =
            Sqlite::open(&dir.path().join("t.db"), Duration::from_millis(100)).unwrap();
        first.begin_write().unwrap();
        let started = Instant::now();
        let err = second.begin_write().unwrap_err();
        assert!(
            matches!(err, StoreError::Busy { waited, .. } if waited == Duration::from_millis(100)),
            "{err:?}"
        );
        assert!(started.elapsed() >= Duration::from_millis(90));
        first.rollback();
        second.begin_write().unwrap();
        second.rollback();
    }

    #[test]
    fn rows_stream_borrowed_and_match_the_owned_ones() {
        let (_dir, mut db) = temp_db();
        db.begin_write().unwrap();
        db.commit(&[
            Stmt::new("CREATE TABLE t (a TEXT, b INTEGER, c TEXT)", vec![]),
            Stmt::new(
                "INSERT INTO t VALUES ('x', 1, NULL), ('y', 2, 'open')",
                vec![],
            ),
            // Bytes that are not UTF-8, as another program might have written.
            Stmt::new(
                "INSERT INTO t VALUES (CAST(X'41FF42' AS TEXT), 3, 'open')",
                vec![],
            ),
        ])
        .unwrap();
        let sql = "SELECT a, b, c FROM t ORDER BY b";
        let owned = db.query(sql, &[]).unwrap();
        let mut streamed = Vec::new();
        db.each_row(sql, &[], &mut |row| {
            streamed.push(row.to_row()?);
            Ok(())
        })
        .unwrap();
        assert_eq!(owned, streamed);
        assert_eq!(owned[2].text(0).unwrap(), "A\u{FFFD}B");
        assert_eq!(owned[0].opt_text(2).unwrap(), None);

        // The first error a row's reader returns ends the read and is returned.
        let mut seen = 0;
        let err = db
            .each_row(sql, &[], &mut |row| {
                seen += 1;
                row.int(2).map(|_| ())
            })
            .unwrap_err();
        assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
        assert_eq!(seen, 1);
    }

    #[test]
    fn a_file_that_is_not_sqlite_is_unavailable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("junk.db");
        std::fs::write(&path, vec![b'x'; 4096]).unwrap();
        let err = Sqlite::open(&path, Duration::from_millis(100))
            .and_then(|mut db| super::super::schema::ensure(&mut db).map(|_| ()))
            .unwrap_err();
        assert!(matches!(err, StoreError::Unavailable { .. }), "{err:?}");
    }

    /// Commits `sqls` as one batch.
    pub(crate) fn exec(db: &mut Sqlite, sqls: &[&str]) {
        db.begin_write().unwrap();
        db.commit(
            &sqls
                .iter()
                .map(|sql| Stmt::new(sql.to_string(), vec![]))
                .collect::<Vec<_>>(),
        )
        .unwrap();
    }

    fn count(db: &mut Sqlite, sql: &str) -> i64 {
        db.query(sql, &[]).unwrap()[0].int(0).unwrap()
    }

    /// A convoy's (total, closed, failed) beads.
    pub(crate) type Counts = (i64, i64, i64);

    /// Each convoy's counts as stored, and as a recount finds them.
    pub(crate) fn convoy_counts(db: &mut Sqlite) -> Vec<(Counts, Counts)> {
        db.query(
            "SELECT total_beads, closed_beads, failed_beads, \
             (SELECT count(*) FROM beads WHERE convoy_id = c.id), \
             (SELECT count(*) FROM beads WHERE convoy_id = c.id AND status = 'closed'), \
             (SELECT count(*) FROM beads WHERE convoy_id = c.id AND status = 'failed') \
             FROM convoys c ORDER BY id",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| {
            let n = |i| r.int(i).unwrap();
            ((n(0), n(1), n(2)), (n(3), n(4), n(5)))
        })
        .collect()
    }

    /// Inserts the rig `r`.
    pub(crate) const RIG: &str =
        "INSERT INTO rigs (id, name, default_branch, created_at) VALUES ('rg-1', 'r', 'main', 't')";

    pub(crate) fn convoy(id: &str) -> String {
        format!(
            "INSERT INTO convoys (id, title, status, merge_mode, created_by, created_at, updated_at) \
             VALUES ('{id}', 't', 'active', 'direct', 'me', 't', 't')"
        )
    }

    /// Inserts bead `id` of rig `r`; `convoy` is SQL (`'cv-1'` or `NULL`).
    pub(crate) fn bead(id: &str, status: &str, convoy: &str) -> String {
        format!(
            "INSERT INTO beads (id, type, status, title, rig, priority, convoy_id, created_by, created_at, updated_at) \
             VALUES ('{id}', 'issue', '{status}', 't', 'r', 'medium', {convoy}, 'me', 't', 't')"
        )
    }

    #[test]
    fn a_version_4_town_upgrades_with_its_counts_recounted_and_its_beads_kept() {
        use super::super::schema::{ensure, CURRENT, MIGRATIONS};
        let (_dir, mut db) = temp_db();
        let mut old: Vec<String> = MIGRATIONS[..4]
            .iter()
            .flat_map(|step| step.iter().map(|sql| sql.to_string()))
            .collect();
        old.push("UPDATE meta SET value = '4' WHERE key = 'schema_version'".into());
        old.push(RIG.into());
        old.push(convoy("cv-1"));
        old.push(bead("gt-1", "open", "'cv-1'"));
        old.push(bead("gt-2", "closed", "'cv-1'"));
        old.push("UPDATE beads SET title = 'the session schema' WHERE id = 'gt-1'".into());
        // Counts that no recount would give: the upgrade recounts them (6).
        old.push("UPDATE convoys SET total_beads = 7, closed_beads = 7".into());
        exec(&mut db, &old.iter().map(String::as_str).collect::<Vec<_>>());
        let indexes = "SELECT count(*) FROM sqlite_master \
                       WHERE name IN ('beads_status', 'beads_convoy_status')";
        assert_eq!(count(&mut db, indexes), 2);

        let state = ensure(&mut db).unwrap();
        assert_eq!((state.version, state.upgraded_from), (CURRENT, Some(4)));
        assert_eq!(count(&mut db, indexes), 0);
        // The count triggers of 6 are gone again (7): write batches keep them,
        // as they keep the search index of 12.
        let triggers = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'";
        assert_eq!(count(&mut db, triggers), 0);
        let found = "SELECT count(*) FROM beads_text WHERE beads_text MATCH '\"SESSION\"'";
        assert_eq!(
            count(&mut db, found),
            1,
            "the upgrade indexes the beads it has"
        );
        assert_eq!(count(&mut db, "SELECT count(*) FROM beads"), 2);
        assert_eq!(convoy_counts(&mut db), vec![((2, 1, 0), (2, 1, 0))]);
    }

    #[test]
    fn a_version_9_town_learns_who_worked_on_its_beads_and_which_convoy_each_event_concerns() {
        use super::super::schema::{ensure, MIGRATIONS};
        let (_dir, mut db) = temp_db();
        let mut old: Vec<String> = MIGRATIONS[..9]
            .iter()
            .flat_map(|step| step.iter().map(|sql| sql.to_string()))
            .collect();
        old.push("UPDATE meta SET value = '9' WHERE key = 'schema_version'".into());
        old.extend([RIG.into(), convoy("cv-1")]);
        old.push(bead("gt-1", "closed", "'cv-1'"));
        old.push(bead("gt-2", "open", "NULL"));
        old.push(
            "INSERT INTO escalations (id, severity, message, bead, status, created_at) \
             VALUES ('es-1', 'high', 'stuck', 'gt-1', 'open', 't')"
                .into(),
        );
        let event = |subject: &str, kind: &str, old: &str| {
            format!(
                "INSERT INTO events (subject_id, event_type, actor, old_value, created_at) \
                 VALUES ('{subject}', '{kind}', 'me', {old}, 't')"
            )
        };
        old.extend([
            event("cv-1", "created", "NULL"),
            event("gt-1", "unhooked", "'\"Maple\"'"),
            event("gt-1", "unhooked", "'\"Toast\"'"),
            event("gt-9", "deleted", r#"'{"convoy_id": "cv-1"}'"#),
            event("es-1", "created", "NULL"),
            event("gt-2", "created", "NULL"),
        ]);
        exec(&mut db, &old.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(ensure(&mut db).unwrap().upgraded_from, Some(9));
        // Each row's text and nullable text.
        let pairs = |db: &mut Sqlite, sql: &str| -> Vec<(String, Option<String>)> {
            let rows = db.query(sql, &[]).unwrap();
            rows.iter()
                .map(|r| {
                    (
                        r.text(0).unwrap(),
                        r.cells().opt_text(1).unwrap().map(Into::into),
                    )
                })
                .collect()
        };
        let who = pairs(&mut db, "SELECT id, last_assignee FROM beads ORDER BY id");
        assert_eq!(
            who,
            [("gt-1".into(), Some("Toast".into())), ("gt-2".into(), None)]
        );
        let labels = pairs(
            &mut db,
            "SELECT subject_id, convoy_id FROM events ORDER BY id",
        );
        let cv = || Some("cv-1".to_string());
        assert_eq!(
            labels,
            [
                ("cv-1".into(), cv()),
                ("gt-1".into(), cv()),
                ("gt-1".into(), cv()),
                ("gt-9".into(), cv()),
                ("es-1".into(), cv()),
                ("gt-2".into(), None),
            ]
        );
    }

    /// A town of schema 13 (before mail) upgrades in place: its agents stay,
    /// and its polecats get inboxes that a message reaches.
    #[test]
    fn a_version_13_town_gets_mail() {
        use super::super::schema::MIGRATIONS;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let mut db = Sqlite::open(&path, Duration::from_millis(200)).unwrap();
        let mut old: Vec<String> = MIGRATIONS[..13]
            .iter()
            .flat_map(|step| step.iter().map(|sql| sql.to_string()))
            .collect();
        old.push("UPDATE meta SET value = '13' WHERE key = 'schema_version'".into());
        old.push(RIG.into());
        old.push(
            "INSERT INTO agents (id, name, role, rig, status, last_activity_at, created_at) \
             VALUES ('ag-1', 'Toast', 'polecat', 'r', 'idle', 't', 't')"
                .into(),
        );
        exec(&mut db, &old.iter().map(String::as_str).collect::<Vec<_>>());
        drop(db);
        let mut town = crate::Town::open(&crate::OpenOptions {
            location: path.display().to_string(),
            lock_timeout: Duration::from_secs(5),
            actor: "mayor".into(),
            dispatch_command: None,
            credentials: None,
            local: None,
        })
        .unwrap();
        assert_eq!(town.info().upgraded_from, Some(13));
        let sent = town
            .send_mail(&crate::ops::mail::SendMail {
                to: Some("toast".into()),
                subject: Some("hello".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(sent.messages[0].to, "Toast");
        assert_eq!(sent.messages[0].from, "mayor");
        assert_eq!(town.agent("Toast").unwrap().id, "ag-1");
    }

    #[test]
    fn migrations_create_then_leave_alone_and_refuse_newer() {
        let (_dir, mut db) = temp_db();
        let first = super::super::schema::ensure(&mut db).unwrap();
        assert!(first.created);
        let again = super::super::schema::ensure(&mut db).unwrap();
        assert!(!again.created);
        db.begin_write().unwrap();
        db.commit(&[Stmt::new(
            "UPDATE meta SET value = '999' WHERE key = 'schema_version'",
            vec![],
        )])
        .unwrap();
        let err = super::super::schema::ensure(&mut db).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 999, .. }));
    }
}
