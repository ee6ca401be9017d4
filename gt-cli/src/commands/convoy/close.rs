use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::CloseConvoy;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt convoy close cv-7hd2a --reason \"superseded by cv-9k2xx\"\n",
    "  gt convoy close cv-7hd2a --failed --close-beads --reason \"approach abandoned\"",
))]
pub struct ConvoyCloseArgs {
    /// The convoy's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    pub id: String,

    /// Mark it failed rather than closed
    #[arg(long)]
    pub failed: bool,

    /// Also end every unfinished tracked bead, freeing its agent
    #[arg(long)]
    pub close_beads: bool,

    /// Why, for the record
    #[arg(long)]
    pub reason: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: ConvoyCloseArgs) -> Result<()> {
    let convoy = ctx.town()?.call(CloseConvoy {
        convoy_id: args.id,
        failed: args.failed,
        close_beads: args.close_beads,
        reason: args.reason,
    })?;
    ctx.emit(&convoy)
}
