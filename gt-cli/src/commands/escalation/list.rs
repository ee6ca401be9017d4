use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::ListEscalations;

/// List open escalations (all of them with --all)
///
/// Examples:
///   gt escalation list
///   gt escalation list --all
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct EscalationListArgs {
    /// Include acknowledged and resolved escalations
    #[arg(long)]
    pub all: bool,
}

pub fn run(ctx: &mut Ctx, args: EscalationListArgs) -> Result<()> {
    let list = ctx.town()?.call(ListEscalations { all: args.all })?;
    ctx.emit(&list)
}
