//! Agents, and what is on their hooks.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::{Agent, Bead};
use crate::query::{self, AgentFilter};
use crate::town::Town;

/// `gt hook`: an agent and the bead on its hook, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HookView {
    pub agent: Agent,
    pub bead: Option<Bead>,
}

impl Town {
    pub fn agents(&mut self, filter: &AgentFilter) -> Result<Vec<Agent>> {
        let mut filter = filter.clone();
        self.read(|r| {
            if let Some(rig) = &filter.rig {
                filter.rig = Some(query::resolve_rig(r, rig)?.name);
            }
            query::agents(r, &filter)
        })
    }

    /// One agent, by name or ID prefix.
    pub fn agent(&mut self, name_or_id: &str) -> Result<Agent> {
        self.read(|r| {
            let id = query::resolve_agent(r, name_or_id)?;
            query::must(r, &id)
        })
    }

    pub fn hook_of(&mut self, name_or_id: &str) -> Result<HookView> {
        self.read(|r| {
            let id = query::resolve_agent(r, name_or_id)?;
            let agent: Agent = query::must(r, &id)?;
            let bead = match &agent.hook {
                Some(bead_id) => query::fetch(r, bead_id)?,
                None => None,
            };
            Ok(HookView { agent, bead })
        })
    }
}
