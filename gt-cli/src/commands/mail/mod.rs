//! `gt mail`: messages between the Mayor, polecats and people.

mod inbox;
mod read;
mod send;

use clap::Subcommand;
use gt_core::Result;

use crate::context::Ctx;

/// Send, list and read messages between the Mayor, polecats and people
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum MailCommand {
    Send(send::MailSendArgs),
    Inbox(inbox::MailInboxArgs),
    Read(read::MailReadArgs),
}

pub fn run(ctx: &mut Ctx, cmd: MailCommand) -> Result<()> {
    match cmd {
        MailCommand::Send(args) => send::run(ctx, args),
        MailCommand::Inbox(args) => inbox::run(ctx, args),
        MailCommand::Read(args) => read::run(ctx, args),
    }
}
