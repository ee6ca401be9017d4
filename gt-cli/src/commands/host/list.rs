use clap::Args;
use gt_core::calls::ListHosts;
use gt_core::Result;

use crate::context::Ctx;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Example:\n",
    "  gt host list",
))]
pub struct HostListArgs {}

pub fn run(ctx: &mut Ctx, _args: HostListArgs) -> Result<()> {
    let hosts = ctx.town()?.call(ListHosts {})?;
    ctx.emit(&hosts)
}
