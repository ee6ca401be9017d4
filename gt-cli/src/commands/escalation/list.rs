use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::ListEscalations;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt escalation list\n",
    "  gt escalation list --all",
))]
pub struct EscalationListArgs {
    /// Include acknowledged and resolved escalations
    #[arg(long)]
    pub all: bool,
}

pub fn run(ctx: &mut Ctx, args: EscalationListArgs) -> Result<()> {
    let list = ctx.town()?.call(ListEscalations { all: args.all })?;
    ctx.emit(&list)
}
