use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::Doctor;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Exit 0 when clean, 4 when not; after --fix, 4 only for what is left.\n",
    "\n",
    "Examples:\n",
    "  gt doctor\n",
    "  gt doctor --fix --json",
))]
pub struct DoctorArgs {
    /// Repair counts, landings, hooks and edges (audited)
    #[arg(long)]
    pub fix: bool,
}

pub fn run(ctx: &mut Ctx, args: DoctorArgs) -> Result<()> {
    let violations = ctx.town()?.call(Doctor { fix: args.fix })?;
    if violations.iter().any(|v| !v.repaired) {
        ctx.exit_code = Some(4);
    }
    ctx.emit(&violations)
}
