use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::ListRigs;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Example:\n",
    "  gt rig list",
))]
pub struct RigListArgs {}

pub fn run(ctx: &mut Ctx, _args: RigListArgs) -> Result<()> {
    let rigs = ctx.town()?.call(ListRigs {})?;
    ctx.emit(&rigs)
}
