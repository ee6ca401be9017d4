use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::ResolveEscalation;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Example:\n",
    "  gt escalation resolve es-4kq2m --note \"restarted the polecat\"",
))]
pub struct EscalationResolveArgs {
    /// The escalation's ID, or a unique prefix of it
    pub id: String,
    /// What was done about it (kept in the audit log)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: EscalationResolveArgs) -> Result<()> {
    let resolved = ctx.town()?.call(ResolveEscalation {
        escalation_id: args.id,
        note: args.note,
    })?;
    ctx.emit(&resolved)
}
