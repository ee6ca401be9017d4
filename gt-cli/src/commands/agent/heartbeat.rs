use clap::Args;
use gt_core::{Error, Result};

use crate::context::Ctx;
use gt_core::calls::Heartbeat;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt agent heartbeat Toast\n",
    "  GT_AGENT=Toast gt agent heartbeat",
))]
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
