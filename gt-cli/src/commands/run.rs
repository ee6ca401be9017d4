//! `gt run`: the town's supervisor on one host (SPEC §10). It claims runnable
//! beads' polecats, starts each agent's command in the bead's workspace in
//! its own process group, watches the event log for work taken away, and
//! records how every run ended. The town's record of it is gt-core's
//! (`ops::run`); the processes, files and git are here.
//!
//! The supervisor is for Unix systems only: it runs each agent in a process
//! group, signals groups, and reads `/proc` on Linux. Elsewhere `gt run`
//! says so, and the other commands work as anywhere.

use std::time::Duration;

use clap::Args;
#[cfg(not(unix))]
use gt_core::Error;
use gt_core::Result;

use crate::cli::parse_duration;
use crate::context::Ctx;

#[cfg(unix)]
mod supervisor;

/// Run the town: start each polecat's agent when its bead is dispatched
///
/// The supervisor of this host. It claims each bead that is in progress on a
/// polecat's hook and that no supervisor runs, up to --slots at once, and runs
/// run.command (or GT_RUN_CMD) for it with `sh -c`: in the bead's own git
/// worktree (on a branch gt/BEAD), in its own process group, with its output in
/// a log file. It stops an agent within a second of its bead being taken from
/// it (reassigned, reset, deleted, closed by someone else), retries one that
/// exits without reporting (after a pause, up to run.max_attempts), and fails
/// the bead with an escalation after that. SIGINT or SIGTERM stops every agent and releases its
/// bead for the next start.
///
/// The agent's environment: GT_DB, GT_AGENT, GT_BEAD_ID, GT_RIG, GT_CONVOY_ID,
/// GT_WORKSPACE, GT_BRANCH, GT_BASE_BRANCH, GT_PROMPT (its brief, as `gt prompt
/// polecat` prints it), GT_MCP_CONFIG (a file whose mcpServers.gt serves the
/// polecat its tools) and GT_RUN_HOST with GT_RUN_STARTED_AT (the run: once
/// it has ended, gt refuses its processes' writes), so that an agent host is
/// one line:
///   run.command = 'claude -p "$GT_PROMPT" --mcp-config "$GT_MCP_CONFIG"'
///
/// Examples:
///   GT_RUN_CMD="sh $PWD/examples/agent.sh" gt run
///   gt run --slots 8 --host build-1
///   gt --json run --once
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct RunArgs {
    /// How many agents run at once on this host [default: run.slots, else 4]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub slots: Option<u32>,

    /// This host's name in the town [default: the machine's host name]
    #[arg(long, value_name = "NAME")]
    pub host: Option<String>,

    /// How often the supervisor runs a patrol pass
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, default_value = "30s")]
    pub patrol_interval: Duration,

    /// Run no patrol passes (another process patrols the town)
    #[arg(long, conflicts_with = "patrol_interval")]
    pub no_patrol: bool,

    /// Start what is runnable, wait for it (and for the work it frees), then exit
    #[arg(long)]
    pub once: bool,

    /// Take beads of this rig only (repeat for more) [default: run.rigs, else every rig]
    #[arg(long = "rig", value_name = "RIG")]
    pub rigs: Vec<String>,
}

pub fn run(ctx: &mut Ctx, args: RunArgs) -> Result<()> {
    #[cfg(unix)]
    return supervisor::supervise(ctx, args);
    #[cfg(not(unix))]
    {
        let _ = (ctx, args);
        Err(
            Error::usage("gt run is not supported on this OS (it needs Unix process groups)")
                .with_hint(
                    "run the supervisor on a Linux or macOS host; every other command works here",
                ),
        )
    }
}
