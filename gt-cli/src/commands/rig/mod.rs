//! `gt rig`: the repositories the town works on.

mod add;
mod list;

use clap::Subcommand;
use gt_core::Result;

use crate::context::Ctx;

/// Manage rigs, the repositories the town works on
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum RigCommand {
    Add(add::RigAddArgs),
    List(list::RigListArgs),
}

pub fn run(ctx: &mut Ctx, cmd: RigCommand) -> Result<()> {
    match cmd {
        RigCommand::Add(args) => add::run(ctx, args),
        RigCommand::List(args) => list::run(ctx, args),
    }
}
