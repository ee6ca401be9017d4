//! The operations behind gt's commands, one module per group. Each takes a typed
//! request, runs as one write unit or one consistent read, and returns a typed,
//! serializable result.

pub mod agent;
pub mod bead;
pub mod convoy;
pub mod doctor;
pub mod escalation;
pub mod events;
pub mod host;
pub mod mail;
pub mod overview;
pub mod patrol;
pub mod rig;
pub mod run;
pub mod sling;

pub(crate) use crate::limits::{required, text, texts};
