//! The storage boundary: typed reads, plus "commit this batch atomically".
//!
//! rqlite has no interactive transactions, so a write is never an open transaction
//! that reads and writes as it goes. A write is a [`crate::unit::Unit`]: it reads
//! what it needs, decides, and hands back one batch whose first statements are
//! guards on what it read. The local backend runs reads and batch inside one
//! `BEGIN IMMEDIATE` (the guards then always pass); a remote backend sends the batch
//! as one atomic request and retries the whole unit when a guard fails.

pub mod location;
pub mod rqlite;
pub mod schema;
pub mod sqlite;

use std::borrow::Cow;
use std::time::Duration;

use crate::error::{Error, ErrorKind};

/// A SQLite value as both backends carry it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_string())
    }
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}

impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Value::Text(v.clone())
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Integer(v)
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Integer(v as i64)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// One cell of a result row, borrowed from wherever the row lives.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Null,
    Integer(i64),
    Real(f64),
    /// Borrowed unless the store held bytes that are not UTF-8 (read lossily).
    Text(Cow<'a, str>),
}

/// A result row as readers see it: cells by column, borrowed. The local backend
/// hands rows over straight from SQLite ([`Reader::each_row`]), so a reader that
/// keeps only some columns, or parses them, copies nothing else.
pub trait Cells {
    fn width(&self) -> usize;
    fn cell(&self, i: usize) -> Result<Cell<'_>, StoreError>;
}

impl dyn Cells + '_ {
    pub fn text(&self, i: usize) -> Result<Cow<'_, str>, StoreError> {
        Self::as_text(i, self.cell(i)?)
    }

    pub fn opt_text(&self, i: usize) -> Result<Option<Cow<'_, str>>, StoreError> {
        match self.cell(i)? {
            Cell::Null => Ok(None),
            cell => Self::as_text(i, cell).map(Some),
        }
    }

    fn as_text(i: usize, cell: Cell<'_>) -> Result<Cow<'_, str>, StoreError> {
        match cell {
            Cell::Text(s) => Ok(s),
            Cell::Integer(n) => Ok(Cow::Owned(n.to_string())),
            other => Err(StoreError::Corrupt(format!(
                "column {i}: expected text, found {other:?}"
            ))),
        }
    }

    pub fn int(&self, i: usize) -> Result<i64, StoreError> {
        Self::as_int(i, self.cell(i)?)
    }

    pub fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        match self.cell(i)? {
            Cell::Null => Ok(None),
            cell => Self::as_int(i, cell).map(Some),
        }
    }

    fn as_int(i: usize, cell: Cell<'_>) -> Result<i64, StoreError> {
        match cell {
            Cell::Integer(n) => Ok(n),
            Cell::Real(f) if f.fract() == 0.0 => Ok(f as i64),
            Cell::Text(s) => s
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("column {i}: '{s}' is not an integer"))),
            other => Err(StoreError::Corrupt(format!(
                "column {i}: expected integer, found {other:?}"
            ))),
        }
    }

    pub fn parsed<T: std::str::FromStr>(&self, i: usize) -> Result<T, StoreError> {
        let text = self.text(i)?;
        text.parse()
            .map_err(|_| StoreError::Corrupt(format!("column {i}: unexpected value '{text}'")))
    }

    /// A JSON column, parsed.
    pub fn json<T: serde::de::DeserializeOwned>(&self, i: usize) -> Result<T, StoreError> {
        let text = self.text(i)?;
        serde_json::from_str(&text)
            .map_err(|e| StoreError::Corrupt(format!("column {i}: bad JSON '{text}': {e}")))
    }

    /// The row as owned values.
    pub fn to_row(&self) -> Result<Row, StoreError> {
        (0..self.width())
            .map(|i| {
                Ok(match self.cell(i)? {
                    Cell::Null => Value::Null,
                    Cell::Integer(n) => Value::Integer(n),
                    Cell::Real(f) => Value::Real(f),
                    Cell::Text(s) => Value::Text(s.into_owned()),
                })
            })
            .collect::<Result<_, _>>()
            .map(Row)
    }
}

/// One result row, owned.
#[derive(Debug, Clone, PartialEq)]
pub struct Row(pub Vec<Value>);

impl Cells for Row {
    fn width(&self) -> usize {
        self.0.len()
    }

    fn cell(&self, i: usize) -> Result<Cell<'_>, StoreError> {
        Ok(
            match self
                .0
                .get(i)
                .ok_or_else(|| StoreError::Corrupt(format!("row has no column {i}")))?
            {
                Value::Null => Cell::Null,
                Value::Integer(n) => Cell::Integer(*n),
                Value::Real(f) => Cell::Real(*f),
                Value::Text(s) => Cell::Text(Cow::Borrowed(s)),
            },
        )
    }
}

impl Row {
    pub fn cells(&self) -> &dyn Cells {
        self
    }

    pub fn text(&self, i: usize) -> Result<String, StoreError> {
        self.cells().text(i).map(Cow::into_owned)
    }

    /// Moves a text column out of the row (no copy); the row keeps a null.
    pub fn take_text(&mut self, i: usize) -> Result<String, StoreError> {
        match self.0.get_mut(i) {
            Some(Value::Text(s)) => Ok(std::mem::take(s)),
            _ => self.text(i),
        }
    }

    /// Like [`Row::take_text`], for a column that may be null.
    pub fn take_opt_text(&mut self, i: usize) -> Result<Option<String>, StoreError> {
        match self.cells().cell(i)? {
            Cell::Null => Ok(None),
            _ => self.take_text(i).map(Some),
        }
    }

    pub fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        Ok(self.cells().opt_text(i)?.map(Cow::into_owned))
    }

    pub fn int(&self, i: usize) -> Result<i64, StoreError> {
        self.cells().int(i)
    }

    pub fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        self.cells().opt_int(i)
    }

    pub fn parsed<T: std::str::FromStr>(&self, i: usize) -> Result<T, StoreError> {
        self.cells().parsed(i)
    }

    pub fn json<T: serde::de::DeserializeOwned>(&self, i: usize) -> Result<T, StoreError> {
        self.cells().json(i)
    }
}

/// One parameterized SQL statement of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub sql: Cow<'static, str>,
    pub params: Vec<Value>,
    /// A guard: it only checks that something the unit read is unchanged, and
    /// writes nothing when it is. A backend that holds its write lock from the
    /// unit's first read, so that nothing read can change, may skip it.
    pub guard: bool,
}

impl Stmt {
    pub fn new(sql: impl Into<Cow<'static, str>>, params: Vec<Value>) -> Self {
        Stmt {
            sql: sql.into(),
            params,
            guard: false,
        }
    }

    /// A statement that fails the batch when what the unit read has changed.
    pub fn guard(sql: impl Into<Cow<'static, str>>, params: Vec<Value>) -> Self {
        Stmt {
            guard: true,
            ..Stmt::new(sql, params)
        }
    }
}

/// Failures at the storage boundary; [`From`] maps them onto SPEC §4.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// A guard found that what the unit read has changed (or a unique key raced):
    /// the whole unit is retried.
    Stale(String),
    /// The write lock stayed taken past the lock timeout.
    Busy { location: String, waited: Duration },
    /// The store cannot be opened or reached.
    Unavailable {
        message: String,
        hint: Option<String>,
    },
    /// The database was written by a newer gt.
    TooNew { found: i64, supported: i64 },
    /// Data that cannot be read back as gt wrote it.
    Corrupt(String),
    /// Anything else the backend reported.
    Backend(String),
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Stale(what) => Error::unavailable(format!(
                "the town kept changing while this command ran ({what})"
            ))
            .with_hint("many writers are busy at once; run the command again"),
            StoreError::Busy { location, waited } => Error::unavailable(format!(
                "the town database {location} stayed locked for {}",
                humantime::format_duration(waited)
            ))
            .with_hint("another gt is writing; wait for it, or raise {lock_timeout}"),
            StoreError::Unavailable { message, hint } => Error {
                kind: ErrorKind::Unavailable,
                message,
                hint: hint.map(crate::error::Hint::Text),
                candidates: None,
            },
            StoreError::TooNew { found, supported } => Error::unavailable(format!(
                "the town database is at schema version {found}, but this gt only knows up to {supported}"
            ))
            .with_hint("upgrade gt; the database was left untouched"),
            StoreError::Corrupt(what) => Error::internal(format!("unreadable data in the town: {what}")),
            StoreError::Backend(what) => Error::internal(format!("storage error: {what}")),
        }
    }
}

/// Reads, as every part of gt-core sees a store.
pub trait Reader {
    /// Every row of `sql`, owned.
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError>;

    /// Hands each row of `sql` to `f` in turn, borrowed; stops at the first error.
    fn each_row(
        &mut self,
        sql: &str,
        params: &[Value],
        f: &mut dyn FnMut(&dyn Cells) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        for row in self.query(sql, params)? {
            f(&row)?;
        }
        Ok(())
    }
}

/// A storage backend: reads, and write units that end in one atomic batch.
pub trait Backend: Reader + Send {
    /// Which backend this is (`sqlite`, `rqlite`), for `gt init`.
    fn kind(&self) -> &'static str;
    /// Where it is, for messages.
    fn location(&self) -> &str;
    /// Starts a write unit; the local backend takes the write lock here.
    fn begin_write(&mut self) -> Result<(), StoreError>;
    /// Runs `batch` atomically and ends the write unit.
    fn commit(&mut self, batch: &[Stmt]) -> Result<(), StoreError>;
    /// Ends a write unit without writing.
    fn rollback(&mut self);
    /// Whether the write unit under way holds the store's write lock, so that
    /// what it reads now stays true until its commit (SQLite's; rqlite has
    /// none, and checks at commit time instead).
    fn write_is_exclusive(&self) -> bool {
        false
    }
    /// Starts a consistent read (a snapshot where the backend has one).
    fn begin_read(&mut self) -> Result<(), StoreError>;
    fn end_read(&mut self);
}

/// How many times a unit whose guard failed is tried again before giving up.
pub const MAX_ATTEMPTS: u32 = 64;

/// The pause before attempt `n` (1-based) of a unit whose guard failed: jittered
/// and growing, so that contending writers spread out instead of colliding again.
pub fn backoff(n: u32) -> Duration {
    let cap_us = (500u64 << n.min(8)).min(100_000);
    Duration::from_micros(fastrand::u64(100..=cap_us))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_convert_and_report_bad_columns() {
        let row = Row(vec![
            Value::Text("x".into()),
            Value::Integer(3),
            Value::Null,
        ]);
        assert_eq!(row.text(0).unwrap(), "x");
        assert_eq!(row.int(1).unwrap(), 3);
        assert_eq!(row.opt_text(2).unwrap(), None);
        assert!(matches!(row.int(0), Err(StoreError::Corrupt(_))));
        assert!(matches!(row.text(9), Err(StoreError::Corrupt(_))));
    }

    #[test]
    fn store_errors_map_onto_exit_codes() {
        let busy: Error = StoreError::Busy {
            location: "t.db".into(),
            waited: Duration::from_secs(1),
        }
        .into();
        assert_eq!(busy.exit_code(), 5);
        let newer: Error = StoreError::TooNew {
            found: 9,
            supported: 1,
        }
        .into();
        assert_eq!(newer.exit_code(), 5);
        let corrupt: Error = StoreError::Corrupt("x".into()).into();
        assert_eq!(corrupt.exit_code(), 1);
    }
}
