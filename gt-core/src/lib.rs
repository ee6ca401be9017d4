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

/// A call's spec: its names, effect and list noun, then any of the flags
/// `creates` (HTTP's 201), `polecat` (served to a polecat) and `core` (in
/// the Mayor's everyday set), and the fields with a value (`aliases = […]`).
macro_rules! spec {
    ($cli:literal, $tool:literal, $route:expr, $effect:ident, $idempotent:literal, $list:expr $(, $flag:ident $(= $value:expr)?)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut spec = $crate::call::CallSpec {
            cli: $cli,
            tool: $tool,
            route: $route,
            effect: $crate::call::Effect::$effect,
            idempotent: $idempotent,
            list: $list,
            creates: false,
            polecat: false,
            core: false,
            aliases: &[],
            page: None,
            doc: "",
        };
        $( spec.$flag = spec!(@value $($value)?); )*
        spec
    }};
    (@value) => {
        true
    };
    (@value $value:expr) => {
        $value
    };
}

/// A request that makes a new bead: the new-work fields (its rig, title,
/// body, priority and labels) declared once, then the request's own; with
/// the check every face's request gets and the bead the rules make of it.
macro_rules! new_work_request {
    ($(#[$meta:meta])* pub struct $name:ident { $($rest:tt)* }) => {
        request! {
            $(#[$meta])*
            pub struct $name {
                /// The rig (name or ID).
                pub rig_id: String,
                pub title: String,
                pub body: Option<String>,
                pub priority: Option<crate::model::Priority>,
                #[serde(default)]
                pub labels: Vec<String>,
                $($rest)*
            }
        }

        impl $name {
            /// Its new-work fields, checked against the text limits.
            pub(crate) fn check_work(&self) -> crate::Result<()> {
                crate::limits::required("title", &self.title)?;
                crate::limits::texts("body", &self.body)?;
                crate::limits::texts("label", &self.labels)
            }

            /// The bead it makes on `rig` (a name), in `convoy_id`,
            /// waiting for `depends_on`.
            pub(crate) fn new_bead<'a>(
                &'a self,
                rig: &'a str,
                convoy_id: Option<&'a str>,
                depends_on: Vec<String>,
            ) -> crate::rules::beads::NewBead<'a> {
                crate::rules::beads::NewBead {
                    id: None,
                    rig,
                    title: &self.title,
                    body: self.body.as_deref(),
                    priority: self.priority.unwrap_or_default(),
                    labels: &self.labels,
                    convoy_id,
                    depends_on,
                }
            }
        }
    };
}

pub mod call;
pub mod calls;
pub mod change;
pub mod clock;
pub mod config;
pub mod dispatch;
pub mod doc;
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
pub mod process;
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
pub use town::{OpenOptions, RunFence, Town};
