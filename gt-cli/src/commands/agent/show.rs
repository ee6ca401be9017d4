use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::ShowAgent;

/// Show one agent
///
/// Examples:
///   gt agent show Toast
///   gt agent show ag-3kf
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct AgentShowArgs {
    /// The agent's name, or its ID or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::agent_names))]
    pub agent: String,
}

pub fn run(ctx: &mut Ctx, args: AgentShowArgs) -> Result<()> {
    let agent = ctx.town()?.call(ShowAgent {
        agent_id: args.agent,
    })?;
    ctx.emit(&agent)
}
