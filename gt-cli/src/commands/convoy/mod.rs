//! `gt convoy`: tracked batches of beads.

mod add;
mod close;
mod delete;
mod list;
mod remove;
mod reopen;
mod status;
mod update;

use clap::Subcommand;
use gt_core::Result;

use crate::context::Ctx;

/// Watch and repair convoys, the tracked batches of beads
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ConvoyCommand {
    List(list::ConvoyListArgs),
    Status(status::ConvoyStatusArgs),
    Close(close::ConvoyCloseArgs),
    Reopen(reopen::ConvoyReopenArgs),
    Update(update::ConvoyUpdateArgs),
    Add(add::ConvoyAddArgs),
    Remove(remove::ConvoyRemoveArgs),
    Delete(delete::ConvoyDeleteArgs),
}

pub fn run(ctx: &mut Ctx, cmd: ConvoyCommand) -> Result<()> {
    match cmd {
        ConvoyCommand::List(args) => list::run(ctx, args),
        ConvoyCommand::Status(args) => status::run(ctx, args),
        ConvoyCommand::Close(args) => close::run(ctx, args),
        ConvoyCommand::Reopen(args) => reopen::run(ctx, args),
        ConvoyCommand::Update(args) => update::run(ctx, args),
        ConvoyCommand::Add(args) => add::run(ctx, args),
        ConvoyCommand::Remove(args) => remove::run(ctx, args),
        ConvoyCommand::Delete(args) => delete::run(ctx, args),
    }
}
