//! gt-core: the domain model of a town of coding agents and every rule of SPEC §2,
//! over a storage boundary that both the local SQLite file and a remote rqlite
//! cluster implement. It knows nothing of terminals or argument parsing.

/// Derives what every request of the call catalogue derives: one type per
/// call, which its operation takes and every face builds or decodes (JSON
/// with unknown fields refused; a JSON Schema where `schema` is on).
macro_rules! request {
    ($(#[$meta:meta])* pub struct $name:ident { $($body:tt)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct $name { $($body)* }
    };
}

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
