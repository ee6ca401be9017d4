//! A backend wrapper for gt-core's own tests: every statement a [`crate::Town`]
//! runs must be one the plan catalogue names, so a statement added without a
//! plan fails the test that first runs it.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::store::{Backend, Cells, Reader, Row, Stmt, StoreError, Value};

/// A statement's text with what does not change its plan folded away: runs of
/// white space, and the column list of an `UPDATE … SET … WHERE` (writes set
/// only the columns that changed).
pub fn normalize(sql: &str) -> String {
    let squashed = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    match (squashed.find(" SET "), squashed.find(" WHERE ")) {
        (Some(set), Some(wh)) if squashed.starts_with("UPDATE ") && set < wh => {
            format!("{} SET …{}", &squashed[..set], &squashed[wh..])
        }
        _ => squashed,
    }
}

fn catalogued() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        super::catalogue()
            .iter()
            .map(|s| normalize(&s.sql))
            .collect()
    })
}

fn check(sql: &str) {
    let n = normalize(sql);
    if let Ok(path) = std::env::var("GT_PLAN_RECORD") {
        use std::io::Write;
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            let _ = writeln!(f, "{n}");
        }
        return;
    }
    assert!(
        catalogued().contains(&n),
        "a statement the plan catalogue does not name (add it to plans::catalogue):\n{n}"
    );
}

/// Checks every statement on its way to the wrapped backend.
pub struct Audited(pub Box<dyn Backend>);

impl Reader for Audited {
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError> {
        check(sql);
        self.0.query(sql, params)
    }

    fn each_row(
        &mut self,
        sql: &str,
        params: &[Value],
        f: &mut dyn FnMut(&dyn Cells) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        check(sql);
        self.0.each_row(sql, params, f)
    }
}

impl Backend for Audited {
    fn kind(&self) -> &'static str {
        self.0.kind()
    }
    fn location(&self) -> &str {
        self.0.location()
    }
    fn begin_write(&mut self) -> Result<(), StoreError> {
        self.0.begin_write()
    }
    fn commit(&mut self, batch: &[Stmt]) -> Result<(), StoreError> {
        for stmt in batch {
            check(&stmt.sql);
        }
        self.0.commit(batch)
    }
    fn rollback(&mut self) {
        self.0.rollback()
    }
    fn write_is_exclusive(&self) -> bool {
        self.0.write_is_exclusive()
    }
    fn begin_read(&mut self) -> Result<(), StoreError> {
        self.0.begin_read()
    }
    fn end_read(&mut self) {
        self.0.end_read()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::sqlite::Sqlite;

    #[test]
    #[should_panic(expected = "the plan catalogue does not name")]
    fn a_statement_missing_from_the_catalogue_fails_the_test_that_runs_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = Sqlite::open(&dir.path().join("t.db"), std::time::Duration::from_secs(1)).unwrap();
        let mut audited = Audited(Box::new(db));
        let _ = audited.query("SELECT 42 FROM meta", &[]);
    }

    #[test]
    fn updates_are_one_statement_whatever_columns_they_set() {
        assert_eq!(
            normalize("UPDATE beads SET status = ?3,\n  title = ?4 WHERE id = ?1"),
            "UPDATE beads SET … WHERE id = ?1"
        );
    }
}
