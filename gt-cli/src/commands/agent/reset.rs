use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::ResetAgent;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt agent reset Toast\n",
    "  gt agent reset Toast --stop",
))]
pub struct AgentResetArgs {
    /// The agent's name, or its ID or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::agent_names))]
    pub agent: String,

    /// Also send SIGTERM to the agent's recorded process
    #[arg(long)]
    pub stop: bool,
}

pub fn run(ctx: &mut Ctx, args: AgentResetArgs) -> Result<()> {
    let reset = ctx.town()?.call(ResetAgent {
        agent_id: args.agent,
        stop: args.stop,
    })?;
    ctx.emit(&reset)
}
