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
use crate::views::OnHosts;

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

/// `agents` with the hosts they run on (`runs_on`) that have gone silent,
/// read only when a person reads them and one of them runs on a host.
fn on_hosts<T>(
    ctx: &mut Ctx,
    agents: T,
    runs_on: std::collections::BTreeSet<String>,
) -> Result<OnHosts<T>> {
    let mut silent = std::collections::BTreeSet::new();
    let person = !ctx.style.json && ctx.style.fields.is_empty() && !ctx.style.quiet;
    if person && !runs_on.is_empty() {
        for h in ctx.town()?.call(gt_core::calls::ListHosts {})? {
            if h.silent && runs_on.contains(&h.name) {
                silent.insert(h.name);
            }
        }
    }
    Ok(OnHosts { agents, silent })
}
