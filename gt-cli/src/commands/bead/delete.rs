use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::DeleteBead;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt bead delete gt-k3x9q\n",
    "  gt bead delete gt-k3x9q --force",
))]
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
