use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::ReassignBead;

/// Move a bead to another agent (or to a new polecat of its rig)
///
/// The new agent is hooked first, then the old one is unhooked and left idle.
/// Work under way stays under way, dispatched to the new agent. An agent already
/// hooked to another bead cannot take it (exit 4).
///
/// Examples:
///   gt bead reassign gt-k3x9q --to Maple
///   gt bead reassign gt-k3x9q --new
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct BeadReassignArgs {
    /// The bead's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::bead_ids))]
    pub id: String,

    /// The agent to hook it to (name or ID)
    #[arg(
        long,
        value_name = "AGENT",
        required_unless_present = "new",
        conflicts_with = "new"
    )]
    pub to: Option<String>,

    /// Hook it to a new polecat of the bead's rig
    #[arg(long)]
    pub new: bool,
}

pub fn run(ctx: &mut Ctx, args: BeadReassignArgs) -> Result<()> {
    let new = args.to.is_none();
    let done = ctx.town()?.call(ReassignBead {
        bead_id: args.id,
        agent_id: args.to,
        new,
    })?;
    ctx.emit(&done)
}
