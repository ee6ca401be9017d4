//! `gt agent`: the town's agents.

mod list;
mod show;

use clap::Subcommand;
use gt_core::Result;

use crate::context::Ctx;

/// Inspect agents (polecats, refinery, mayor, witness)
#[derive(Debug, Subcommand)]
pub enum AgentCommand {
    List(list::AgentListArgs),
    Show(show::AgentShowArgs),
}

pub fn run(ctx: &mut Ctx, cmd: AgentCommand) -> Result<()> {
    match cmd {
        AgentCommand::List(args) => list::run(ctx, args),
        AgentCommand::Show(args) => show::run(ctx, args),
    }
}
