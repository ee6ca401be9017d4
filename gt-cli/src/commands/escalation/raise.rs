use clap::Args;
use gt_core::model::Severity;
use gt_core::Result;

use crate::commands::parse_enum;
use crate::context::Ctx;
use gt_core::calls::RaiseEscalation;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt escalation raise \"Toast is looping on the same test\" --bead gt-k3x9q --severity high\n",
    "  gt escalation raise \"CI credentials expired\" --category infra --rig app",
))]
pub struct EscalationRaiseArgs {
    /// What needs attention
    pub message: String,

    /// low, medium, high or critical [default: medium]
    #[arg(long, value_parser = parse_enum::<Severity>)]
    pub severity: Option<Severity>,

    /// A free-form category, for filtering
    #[arg(long)]
    pub category: Option<String>,

    /// The bead it concerns
    #[arg(long, value_name = "BEAD")]
    pub bead: Option<String>,

    /// The rig it concerns
    #[arg(long, value_name = "RIG")]
    pub rig: Option<String>,

    /// The agent it concerns
    #[arg(long, value_name = "AGENT")]
    pub agent: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: EscalationRaiseArgs) -> Result<()> {
    let esc = ctx.town()?.call(RaiseEscalation {
        message: args.message,
        severity: args.severity,
        category: args.category,
        bead_id: args.bead,
        rig_id: args.rig,
        agent_id: args.agent,
    })?;
    ctx.emit(&esc)
}
