use clap::Args;
use gt_core::model::{BeadStatus, Priority};
use gt_core::Result;

use crate::commands::parse_enum;
use crate::context::Ctx;
use gt_core::calls::ListBeads;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt bead list --status in_progress\n",
    "  gt bead list --convoy cv-7hd2a --open\n",
    "  gt bead list --assignee Toast\n",
    "  gt bead list --depends-on gt-k3x9q --open   # what waits for it\n",
    "  gt bead list --search \"session schema\" --open",
))]
pub struct BeadListArgs {
    /// Only beads in this status
    #[arg(long, value_parser = parse_enum::<BeadStatus>)]
    pub status: Option<BeadStatus>,

    /// Only beads that are not closed or failed
    #[arg(long, conflicts_with = "status")]
    pub open: bool,

    /// Only beads of this rig
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::rig_names))]
    #[arg(long, value_name = "RIG")]
    pub rig: Option<String>,

    /// Only beads tracked by this convoy
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    #[arg(long, value_name = "CONVOY")]
    pub convoy: Option<String>,

    /// Only beads hooked to this agent
    #[arg(long, value_name = "AGENT")]
    pub assignee: Option<String>,

    /// Only beads of this priority
    #[arg(long, value_parser = parse_enum::<Priority>)]
    pub priority: Option<Priority>,

    /// Only beads with this label
    #[arg(long, value_name = "LABEL")]
    pub label: Option<String>,

    /// Only beads whose title or body contains this text (3 characters or
    /// more, any case)
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,

    /// Only beads that wait for this bead: its dependents, in any convoy
    #[arg(long, value_name = "BEAD")]
    pub depends_on: Option<String>,

    /// At most this many beads
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
}

pub fn run(ctx: &mut Ctx, args: BeadListArgs) -> Result<()> {
    let beads = ctx.town()?.call(ListBeads {
        status: args.status,
        rig: args.rig,
        convoy_id: args.convoy,
        assignee: args.assignee,
        priority: args.priority,
        label: args.label,
        open_only: args.open,
        search: args.search,
        dependent_of: args.depends_on,
        limit: args.limit,
    })?;
    ctx.emit(&beads)
}
