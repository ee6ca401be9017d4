//! What a call is: a request that knows its entry in the catalogue (its
//! names on each face, its effect) and how it runs. Each operation in `ops`
//! implements it for its request; `calls` lists them.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::Result;
use crate::town::Town;

/// What a call may do to the town, for the faces' annotations and modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Reads only.
    Read,
    /// Writes.
    Write,
    /// Writes something that cannot be taken back (delete, force-close, reset).
    Destructive,
}

/// A call's entry in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallSpec {
    /// The command below `gt` (`bead update`).
    pub cli: &'static str,
    /// The MCP tool (`gt_bead_update`).
    pub tool: &'static str,
    /// The HTTP route (`PATCH /api/beads/{bead_id}`), where it has one.
    pub route: Option<&'static str>,
    pub effect: Effect,
    /// Whether repeating the call changes nothing more.
    pub idempotent: bool,
    /// For a call that returns a list: the plural noun a face wraps it in
    /// (`{"convoys": […]}`) where a document must be an object.
    pub list: Option<&'static str>,
    /// Whether its success makes something new (HTTP's 201 Created, unless
    /// an idempotency key replayed an earlier call).
    pub creates: bool,
    /// Whether a polecat's MCP server serves it (its own hook, bead,
    /// heartbeats and escalations).
    pub polecat: bool,
    /// Whether it is in the Mayor's everyday set (`gt mcp --tools core`).
    pub core: bool,
    /// More routes to the call (SPEC §8's older paths): `METHOD /path`.
    pub aliases: &'static [&'static str],
    /// For a list that pages: the most items one answer may hold where a
    /// server bounds what each client holds (its `limit`, 1 to this).
    pub page: Option<u32>,
    /// What the call does, for every face: a summary, then details after a
    /// blank line, naming fields and calls by placeholders (`crate::doc`).
    pub doc: &'static str,
}

/// One call: a request that knows its entry and how to run.
pub trait Call: DeserializeOwned + Sized {
    type Output: Serialize;
    const SPEC: CallSpec;
    fn run(self, town: &mut Town) -> Result<Self::Output>;
}
