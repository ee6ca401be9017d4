use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Args;
use gt_core::calls::Patrol;
use gt_core::ops::patrol::PatrolReport;
use gt_core::{Error, Result};

use crate::cli::parse_duration;
use crate::context::Ctx;
use crate::output::{error, stream_item};
use crate::views::{repair_line, stuck_line};

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Run it from cron or a systemd timer, or keep one running with --watch.\n",
    "\n",
    "Examples:\n",
    "  gt patrol --dry-run\n",
    "  gt patrol --stall-after 5m --dead-after 20m --json\n",
    "  gt patrol --watch --interval 30s",
))]
pub struct PatrolArgs {
    /// A working agent silent this long is stalled [default: 10m]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub stall_after: Option<Duration>,

    /// An agent silent this long is dead and loses its bead [default: 30m]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub dead_after: Option<Duration>,

    /// Retries of a failed dispatch command before it is escalated [default: 3]
    #[arg(long, value_name = "N")]
    pub max_dispatch_retries: Option<u32>,

    /// A host whose supervisor (gt run) is silent this long is lost, and its
    /// claims go to other hosts [default: 2m]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub host_dead_after: Option<Duration>,

    /// Report what is due without changing anything
    #[arg(long)]
    pub dry_run: bool,

    /// Keep patrolling until SIGINT or SIGTERM, one line (JSON Line) per repair
    #[arg(long)]
    pub watch: bool,

    /// Time between passes with --watch
    #[arg(long, value_name = "DURATION", value_parser = parse_duration,
          default_value = "30s", requires = "watch")]
    pub interval: Duration,
}

pub fn run(ctx: &mut Ctx, args: PatrolArgs) -> Result<()> {
    // Flags first, then the config file's [patrol] section or the defaults.
    let defaults = &ctx.settings.patrol;
    let request = Patrol {
        stall_after: Some(args.stall_after.unwrap_or(defaults.stall_after)),
        dead_after: Some(args.dead_after.unwrap_or(defaults.dead_after)),
        max_dispatch_retries: Some(
            args.max_dispatch_retries
                .unwrap_or(defaults.max_dispatch_retries),
        ),
        host_dead_after: Some(args.host_dead_after.unwrap_or(defaults.host_dead_after)),
        dry_run: args.dry_run,
    };
    if !args.watch {
        let report = ctx.town()?.call(request)?;
        return ctx.emit(&report);
    }
    if args.interval.is_zero() {
        return Err(Error::usage("the --interval is zero")
            .with_hint("give a pause between passes, such as 30s"));
    }
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|e| Error::internal(format!("cannot handle signals: {e}")))?;
    }
    // A pass runs to its end; a signal stops the wait between passes.
    let mut stuck = HashSet::new();
    while !stop.load(Ordering::Relaxed) {
        match ctx.town().and_then(|town| town.call(request.clone())) {
            Ok(report) => print_repairs(ctx, &report, &mut stuck)?,
            // A busy or unreachable town is reported, and the next pass tries again.
            Err(e) => error(&e, ctx.style.json, &ctx.style),
        }
        for warning in ctx.take_warnings() {
            crate::output::warn(&ctx.style, &warning);
        }
        let until = Instant::now() + args.interval;
        while !stop.load(Ordering::Relaxed) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(50).min(args.interval));
        }
    }
    Ok(())
}

/// One line per repair, and one per convoy when it comes to need a person
/// (`stuck`: those announced, and still stuck at the last pass).
fn print_repairs(ctx: &Ctx, report: &PatrolReport, stuck: &mut HashSet<String>) -> Result<()> {
    for repair in report.repairs() {
        stream_item(&ctx.style, &repair, &repair_line(&repair, report.dry_run))?;
    }
    let now: HashSet<String> = report
        .needs_attention
        .iter()
        .map(|c| c.convoy.clone())
        .collect();
    for convoy in &report.needs_attention {
        if !stuck.contains(&convoy.convoy) {
            let item = serde_json::json!({ "needs_attention": convoy });
            stream_item(&ctx.style, &item, &stuck_line(convoy))?;
        }
    }
    *stuck = now;
    Ok(())
}
