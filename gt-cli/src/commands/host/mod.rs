//! `gt host`: the machines whose supervisors run the town's agents.

mod list;

use clap::Subcommand;
use gt_core::Result;

use crate::context::Ctx;

/// The machines whose supervisors (gt run) run the town's agents
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum HostCommand {
    List(list::HostListArgs),
}

pub fn run(ctx: &mut Ctx, cmd: HostCommand) -> Result<()> {
    match cmd {
        HostCommand::List(args) => list::run(ctx, args),
    }
}
