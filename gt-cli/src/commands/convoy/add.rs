use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::AddConvoyBeads;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Example:\n",
    "  gt convoy add cv-7hd2a gt-k3x9q gt-p2m4z",
))]
pub struct ConvoyAddArgs {
    /// The convoy's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    pub id: String,

    /// The beads to track
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::bead_ids))]
    #[arg(required = true, value_name = "BEAD")]
    pub beads: Vec<String>,
}

pub fn run(ctx: &mut Ctx, args: ConvoyAddArgs) -> Result<()> {
    let convoy = ctx.town()?.call(AddConvoyBeads {
        convoy_id: args.id,
        bead_ids: args.beads,
    })?;
    ctx.emit(&convoy)
}
