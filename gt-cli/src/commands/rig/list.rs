use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::ListRigs;

/// List the town's rigs
///
/// Example:
///   gt rig list
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct RigListArgs {}

pub fn run(ctx: &mut Ctx, _args: RigListArgs) -> Result<()> {
    let rigs = ctx.town()?.call(ListRigs {})?;
    ctx.emit(&rigs)
}
