use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::DeleteAgent;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt agent delete Toast\n",
    "  gt agent delete Maple --force",
))]
pub struct AgentDeleteArgs {
    /// The agent's name, or its ID or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::agent_names))]
    pub agent: String,
    /// Delete it even if it is hooked (its bead is released)
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &mut Ctx, args: AgentDeleteArgs) -> Result<()> {
    let deleted = ctx.town()?.call(DeleteAgent {
        agent_id: args.agent,
        force: args.force,
    })?;
    ctx.emit(&deleted)
}
