use clap::Args;
use gt_core::model::AgentStatus;
use gt_core::Result;

use crate::commands::parse_enum;
use crate::context::Ctx;
use gt_core::calls::ListAgents;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt agent list\n",
    "  gt agent list --rig app --status working\n",
    "  gt agent list --rig app --free      # polecats that can take work now\n",
    "  gt agent list --limit 20\n",
    "  gt agent list --limit 20 --after Nux   # the next 20 after Nux",
))]
pub struct AgentListArgs {
    /// Only agents of this rig
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::rig_names))]
    #[arg(long, value_name = "RIG")]
    pub rig: Option<String>,

    /// Only agents in this status (idle, working, stalled, dead)
    #[arg(long, value_parser = parse_enum::<AgentStatus>)]
    pub status: Option<AgentStatus>,

    /// Only polecats free to take work: idle, with nothing on their hook
    #[arg(long)]
    pub free: bool,

    /// Show the first N agents, oldest first
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,

    /// Only agents made after this one (name or ID): give the last agent of
    /// a page to get the next
    #[arg(long, value_name = "AGENT")]
    pub after: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: AgentListArgs) -> Result<()> {
    let agents = ctx.town()?.call(ListAgents {
        rig: args.rig,
        status: args.status,
        role: None,
        free: args.free,
        limit: args.limit,
        after: args.after,
    })?;
    let runs_on = agents.iter().filter_map(|a| a.host.clone()).collect();
    let agents = super::on_hosts(ctx, agents, runs_on)?;
    ctx.emit(&agents)
}
