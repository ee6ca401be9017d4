use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::AckEscalation;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Example:\n",
    "  gt escalation ack es-4kq2m",
))]
pub struct EscalationAckArgs {
    /// The escalation's ID, or a unique prefix of it
    pub id: String,
}

pub fn run(ctx: &mut Ctx, args: EscalationAckArgs) -> Result<()> {
    let acked = ctx.town()?.call(AckEscalation {
        escalation_id: args.id,
    })?;
    ctx.emit(&acked)
}
