//! The operations behind gt's commands, one module per group. Each takes a typed
//! request, runs as one write unit or one consistent read, and returns a typed,
//! serializable result.

pub mod agent;
pub mod bead;
pub mod convoy;
pub mod doctor;
pub mod escalation;
pub mod events;
pub mod patrol;
pub mod rig;
pub mod sling;

use crate::error::{Error, Result};

/// Rejects an empty or whitespace-only text where one is required.
pub(crate) fn required(what: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::usage(format!("the {what} is empty"))
            .with_hint(format!("give a non-empty {what}")));
    }
    text(what, value)
}

/// Refuses text with a NUL character (no title, body, label or value means
/// one, and tools that read the town, C strings and terminals, would cut it
/// there) or longer than its limit (`crate::limits`).
pub(crate) fn text(what: &str, value: &str) -> Result<()> {
    match crate::tasks::nul_free(what, value) {
        Some(message) => Err(Error::usage(message).with_hint("leave out the NUL (\\u0000)")),
        None => crate::limits::check(what, value),
    }
}

/// [`text`] for each of `values`.
pub(crate) fn texts<'a>(what: &str, values: impl IntoIterator<Item = &'a String>) -> Result<()> {
    values.into_iter().try_for_each(|v| text(what, v))
}
