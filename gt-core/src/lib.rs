//! gt-core: the domain model of a town of coding agents and every rule of SPEC §2,
//! over a storage boundary that both the local SQLite file and a remote rqlite
//! cluster implement. It knows nothing of terminals or argument parsing.

pub mod calls;
pub mod change;
pub mod clock;
pub mod config;
pub mod dispatch;
pub mod effects;
pub mod entity;
pub mod error;
pub mod event_type;
pub mod id;
pub mod limits;
pub mod model;
pub mod ops;
#[cfg(test)]
mod plans;
pub mod query;
#[cfg(feature = "schema")]
pub mod routes;
pub mod rules;
pub mod store;
pub mod tasks;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod town;
pub mod unit;

pub use error::{Error, ErrorKind, Result};
pub use town::{OpenOptions, Town};
