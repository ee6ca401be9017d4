//! `gt agent`: the town's agents.

mod delete;
mod heartbeat;
mod list;
mod logs;
mod reset;
mod show;
mod update;

use clap::Subcommand;
use gt_core::Result;

use crate::context::Ctx;

/// Inspect and repair agents (polecats, refinery, mayor, witness)
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum AgentCommand {
    List(list::AgentListArgs),
    Show(show::AgentShowArgs),
    Update(update::AgentUpdateArgs),
    Reset(reset::AgentResetArgs),
    Heartbeat(heartbeat::AgentHeartbeatArgs),
    Delete(delete::AgentDeleteArgs),
    Logs(logs::AgentLogsArgs),
}

pub fn run(ctx: &mut Ctx, cmd: AgentCommand) -> Result<()> {
    match cmd {
        AgentCommand::List(args) => list::run(ctx, args),
        AgentCommand::Show(args) => show::run(ctx, args),
        AgentCommand::Update(args) => update::run(ctx, args),
        AgentCommand::Reset(args) => reset::run(ctx, args),
        AgentCommand::Heartbeat(args) => heartbeat::run(ctx, args),
        AgentCommand::Delete(args) => delete::run(ctx, args),
        AgentCommand::Logs(args) => logs::run(ctx, args),
    }
}
