use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::ResetAgent;

/// Force an agent back to idle, with nothing on its hook
///
/// The bead it held goes back to open and unassigned, ready for another agent.
/// With --stop, gt also sends SIGTERM to the agent's recorded process, if that is
/// alive on this host.
///
/// Examples:
///   gt agent reset Toast
///   gt agent reset Toast --stop
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
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
