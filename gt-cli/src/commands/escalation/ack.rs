use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::AckEscalation;

/// Acknowledge an escalation (a second ack changes nothing and says so)
///
/// Example:
///   gt escalation ack es-4kq2m
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
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
