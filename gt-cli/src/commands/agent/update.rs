use clap::Args;
use gt_core::model::AgentStatus;
use gt_core::Result;

use crate::commands::parse_enum;
use crate::context::Ctx;
use gt_core::calls::UpdateAgent;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt agent update Toast --status dead\n",
    "  gt agent update Toast --pid 4242",
))]
pub struct AgentUpdateArgs {
    /// The agent's name, or its ID or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::agent_names))]
    pub agent: String,

    /// idle, working, stalled or dead
    #[arg(long, value_parser = parse_enum::<AgentStatus>)]
    pub status: Option<AgentStatus>,

    /// The process ID of the agent's process on this host
    #[arg(long, value_name = "PID", allow_negative_numbers = true)]
    pub pid: Option<i64>,
}

pub fn run(ctx: &mut Ctx, args: AgentUpdateArgs) -> Result<()> {
    let agent = ctx.town()?.call(UpdateAgent {
        agent_id: args.agent,
        status: args.status,
        pid: args.pid,
    })?;
    ctx.emit(&agent)
}
