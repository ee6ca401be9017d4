use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::DeleteAgent;

/// Delete an agent (its history stays)
///
/// A hooked agent needs --force: its bead is then released (open, unassigned)
/// and hooked to an idle polecat of its rig within its convoy's cap, or waits
/// for the next free one.
///
/// Examples:
///   gt agent delete Toast
///   gt agent delete Maple --force
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
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
