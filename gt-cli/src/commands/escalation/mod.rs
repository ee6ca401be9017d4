//! `gt escalation`: requests for human attention.

mod ack;
mod list;
mod raise;
mod resolve;

use clap::Subcommand;
use gt_core::Result;

use crate::context::Ctx;

/// Raise, list, acknowledge and resolve requests for human attention
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum EscalationCommand {
    Raise(raise::EscalationRaiseArgs),
    List(list::EscalationListArgs),
    Ack(ack::EscalationAckArgs),
    Resolve(resolve::EscalationResolveArgs),
}

pub fn run(ctx: &mut Ctx, cmd: EscalationCommand) -> Result<()> {
    match cmd {
        EscalationCommand::Raise(args) => raise::run(ctx, args),
        EscalationCommand::List(args) => list::run(ctx, args),
        EscalationCommand::Ack(args) => ack::run(ctx, args),
        EscalationCommand::Resolve(args) => resolve::run(ctx, args),
    }
}
