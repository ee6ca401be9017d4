use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::DeleteBead;

/// Delete a bead; its history stays in the event log
///
/// Its convoy is recounted (and may land), beads waiting on it lose that blocker
/// (and may dispatch). A bead on an agent's hook needs --force, which frees the
/// agent.
///
/// Examples:
///   gt bead delete gt-k3x9q
///   gt bead delete gt-k3x9q --force
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct BeadDeleteArgs {
    /// The bead's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::bead_ids))]
    pub id: String,

    /// Delete it even if it is hooked (its agent is freed)
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &mut Ctx, args: BeadDeleteArgs) -> Result<()> {
    let deleted = ctx.town()?.call(DeleteBead {
        bead_id: args.id,
        force: args.force,
    })?;
    ctx.emit(&deleted)
}
