use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::DeleteConvoy;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Example:\n",
    "  gt convoy delete cv-7hd2a",
))]
pub struct ConvoyDeleteArgs {
    /// The convoy's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    pub id: String,
}

pub fn run(ctx: &mut Ctx, args: ConvoyDeleteArgs) -> Result<()> {
    let deleted = ctx.town()?.call(DeleteConvoy { convoy_id: args.id })?;
    ctx.emit(&deleted)
}
