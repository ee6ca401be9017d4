use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::ShowBead;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Example:\n",
    "  gt bead show gt-k3x9q",
))]
pub struct BeadShowArgs {
    /// The bead's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::bead_ids))]
    pub id: String,
}

pub fn run(ctx: &mut Ctx, args: BeadShowArgs) -> Result<()> {
    let bead = ctx.town()?.call(ShowBead { bead_id: args.id })?;
    ctx.emit(&bead)
}
