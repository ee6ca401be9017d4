use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::ShowAgent;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt agent show Toast\n",
    "  gt agent show ag-3kf",
))]
pub struct AgentShowArgs {
    /// The agent's name, or its ID or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::agent_names))]
    pub agent: String,
}

pub fn run(ctx: &mut Ctx, args: AgentShowArgs) -> Result<()> {
    let agent = ctx.town()?.call(ShowAgent {
        agent_id: args.agent,
    })?;
    let runs_on = agent.host.iter().cloned().collect();
    let agent = super::on_hosts(ctx, agent, runs_on)?;
    ctx.emit(&agent)
}
