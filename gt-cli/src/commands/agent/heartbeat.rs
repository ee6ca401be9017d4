use clap::Args;
use gt_core::{Error, Result};

use crate::context::Ctx;
use gt_core::calls::Heartbeat;

/// Report that an agent is alive (a polecat calls this every minute)
///
/// Records the agent's last activity, which `gt patrol` measures silence by.
/// A stalled agent is working again (a `recovered` event), and patrol's
/// escalation about it is resolved; any other heartbeat writes no event.
///
/// Examples:
///   gt agent heartbeat Toast
///   GT_AGENT=Toast gt agent heartbeat
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct AgentHeartbeatArgs {
    /// The agent's name, or its ID or a unique prefix of it [default: $GT_AGENT]
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::agent_names))]
    pub agent: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: AgentHeartbeatArgs) -> Result<()> {
    let agent = args
        .agent
        .or_else(|| std::env::var("GT_AGENT").ok())
        .filter(|a| !a.trim().is_empty())
        .ok_or_else(|| {
            Error::usage("no agent given").with_hint("name it, or set GT_AGENT to the agent's name")
        })?;
    let beat = ctx.town()?.call(Heartbeat { agent_id: agent })?;
    ctx.emit(&beat)
}
