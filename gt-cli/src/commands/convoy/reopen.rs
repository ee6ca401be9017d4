use clap::Args;
use gt_core::calls::ReopenConvoy;
use gt_core::Result;

use crate::context::Ctx;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Example:\n",
    "  gt convoy reopen cv-7hd2a",
))]
pub struct ConvoyReopenArgs {
    /// The convoy's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    pub id: String,
}

pub fn run(ctx: &mut Ctx, args: ConvoyReopenArgs) -> Result<()> {
    let convoy = ctx.town()?.call(ReopenConvoy { convoy_id: args.id })?;
    ctx.emit(&convoy)
}
