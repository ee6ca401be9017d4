use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::Doctor;

/// Check every invariant of the town, and repair what can be repaired
///
/// Checks that each convoy's counts equal a recount of its beads and that it
/// is landed exactly when all its beads are closed, that hooks and assignees
/// agree both ways, that no done bead is still hooked, that no dependency
/// edge names a missing bead, and (on a local town) SQLite's integrity check.
/// Exit 0 when clean, 4 when not. With --fix, counts, landings, hooks and
/// edges are repaired in one atomic unit, each repair recorded as a
/// `repaired` event; the exit is then 4 only for what is left.
///
/// Examples:
///   gt doctor
///   gt doctor --fix --json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
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
