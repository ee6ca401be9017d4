//! `gt convoy`: tracked batches of beads.

mod list;
mod status;

use clap::Subcommand;
use gt_core::Result;

use crate::context::Ctx;

/// Watch convoys, the tracked batches of beads
#[derive(Debug, Subcommand)]
pub enum ConvoyCommand {
    List(list::ConvoyListArgs),
    Status(status::ConvoyStatusArgs),
}

pub fn run(ctx: &mut Ctx, cmd: ConvoyCommand) -> Result<()> {
    match cmd {
        ConvoyCommand::List(args) => list::run(ctx, args),
        ConvoyCommand::Status(args) => status::run(ctx, args),
    }
}
