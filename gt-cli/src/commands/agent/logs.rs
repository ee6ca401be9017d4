use std::io::{Read, Seek, SeekFrom};
use std::time::Duration;

use clap::Args;
use gt_core::calls::AgentLogs;
use gt_core::Result;

use crate::context::Ctx;
use crate::output::stream_item;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt agent logs Toast\n",
    "  gt agent logs Toast --lines 500\n",
    "  gt agent logs Toast --follow",
))]
pub struct AgentLogsArgs {
    /// The agent's name, or its ID or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::agent_names))]
    pub agent: String,

    /// How many of its last lines to print (at most 10000)
    #[arg(long, short = 'n', value_name = "N", default_value_t = gt_core::ops::run::LOG_LINES)]
    pub lines: u32,

    /// Keep printing what the run writes until it ends (JSON Lines of
    /// {"line": …} with --json)
    #[arg(long, short = 'f')]
    pub follow: bool,
}

/// How often `--follow` looks for more.
const POLL: Duration = Duration::from_millis(250);

pub fn run(ctx: &mut Ctx, args: AgentLogsArgs) -> Result<()> {
    let request = AgentLogs {
        agent_id: args.agent,
        lines: Some(args.lines),
    };
    let log = ctx.town()?.call(request.clone())?;
    if !args.follow {
        return ctx.emit(&log);
    }
    let style = ctx.style.clone();
    let say = |line: &str| {
        let _ = stream_item(&style, &serde_json::json!({ "line": line }), line);
    };
    for line in &log.lines {
        say(line);
    }
    let mut file = std::fs::File::open(&log.path)
        .map_err(|e| gt_core::Error::unavailable(format!("cannot read {}: {e}", log.path)))?;
    let mut at = file.seek(SeekFrom::End(0)).unwrap_or(0);
    let mut partial = String::new();
    loop {
        std::thread::sleep(POLL);
        let mut more = Vec::new();
        let _ = file.seek(SeekFrom::Start(at));
        let read = file.read_to_end(&mut more).unwrap_or(0);
        at += read as u64;
        partial.push_str(&String::from_utf8_lossy(&more));
        while let Some(end) = partial.find('\n') {
            let line: String = partial.drain(..=end).collect();
            say(line.trim_end_matches(['\n', '\r']));
        }
        if read == 0 {
            // The run went on, or another began: this one is over.
            let now = ctx.town()?.call(request.clone());
            let same = now.is_ok_and(|n| n.running && n.path == log.path);
            if !same {
                if !partial.is_empty() {
                    say(&partial);
                }
                return Ok(());
            }
        }
    }
}
