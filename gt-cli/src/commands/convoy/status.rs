use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use crate::output::emit;

/// Show a convoy: each tracked bead with its status, assignee and blockers
///
/// Examples:
///   gt convoy status cv-7hd2a
///   gt convoy status 7hd          # any unique prefix will do
///   gt --json convoy status cv-7hd2a
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ConvoyStatusArgs {
    /// The convoy's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    pub id: String,
}

pub fn run(ctx: &mut Ctx, args: ConvoyStatusArgs) -> Result<()> {
    let view = ctx.town()?.convoy_status(&args.id)?;
    emit(&ctx.style, &view)
}
