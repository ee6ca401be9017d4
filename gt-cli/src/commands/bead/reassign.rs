use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::ReassignBead;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt bead reassign gt-k3x9q --to Maple\n",
    "  gt bead reassign gt-k3x9q --new",
))]
pub struct BeadReassignArgs {
    /// The bead's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::bead_ids))]
    pub id: String,

    /// The agent to hook it to (name or ID)
    #[arg(
        long,
        value_name = "AGENT",
        required_unless_present = "new",
        conflicts_with = "new"
    )]
    pub to: Option<String>,

    /// Hook it to a new polecat of the bead's rig
    #[arg(long)]
    pub new: bool,
}

pub fn run(ctx: &mut Ctx, args: BeadReassignArgs) -> Result<()> {
    let new = args.to.is_none();
    let done = ctx.town()?.call(ReassignBead {
        bead_id: args.id,
        agent_id: args.to,
        new,
    })?;
    ctx.emit(&done)
}
