//! `gt bead`: the units of work.

mod create;
mod delete;
mod list;
mod reassign;
mod show;
mod update;

use clap::Subcommand;
use gt_core::Result;

use crate::context::Ctx;

/// Create, inspect and edit beads, the units of work
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum BeadCommand {
    Create(create::BeadCreateArgs),
    List(list::BeadListArgs),
    Show(show::BeadShowArgs),
    Update(update::BeadUpdateArgs),
    Reassign(reassign::BeadReassignArgs),
    Delete(delete::BeadDeleteArgs),
}

pub fn run(ctx: &mut Ctx, cmd: BeadCommand) -> Result<()> {
    match cmd {
        BeadCommand::Create(args) => create::run(ctx, args),
        BeadCommand::List(args) => list::run(ctx, args),
        BeadCommand::Show(args) => show::run(ctx, args),
        BeadCommand::Update(args) => update::run(ctx, args),
        BeadCommand::Reassign(args) => reassign::run(ctx, args),
        BeadCommand::Delete(args) => delete::run(ctx, args),
    }
}
