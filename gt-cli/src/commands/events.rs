use clap::Args;
use gt_core::calls::ListEvents;
use gt_core::Result;

use std::time::Duration;

use crate::context::Ctx;
use crate::output::stream_item;
use crate::views::{event_line, AgentNames, EventFeed};
use gt_core::model::Event;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt events\n",
    "  gt events --subject gt-k3x9q\n",
    "  gt events --actor mayor --since 1h --limit 20\n",
    "  gt events --before 1200 --limit 100   # the 100 before event 1200\n",
    "  gt --json events --follow --convoy cv-7hd2a",
))]
// The global `--actor` (who the log names for a change) is the filter here:
// a read names nobody. It is the same argument, described for this command.
#[command(mut_arg("actor", |a| a.help("Only events by this actor").help_heading(None::<&str>)))]
pub struct EventsArgs {
    /// Only events about this bead, convoy, agent (name or ID) or escalation
    #[arg(long, value_name = "ID")]
    pub subject: Option<String>,

    /// Only events of this convoy and of the beads it tracks
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    #[arg(long, value_name = "CONVOY")]
    pub convoy: Option<String>,

    /// Only events since this time (RFC 3339), date (2026-11-21), today,
    /// yesterday, or age (10m, 2h, 1day)
    #[arg(long, value_name = "TIME", value_parser = parse_since)]
    pub since: Option<String>,

    /// Show the newest N events (0 for all)
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: u32,

    /// Only events after this event id (the first N after it, oldest
    /// first), to page on from the last one seen
    #[arg(long, value_name = "ID", conflicts_with = "follow")]
    pub after: Option<i64>,

    /// Only events before this event id (the newest N before it), to page
    /// back from the oldest one seen
    #[arg(long, value_name = "ID", conflicts_with = "follow")]
    pub before: Option<i64>,

    /// Keep printing new events as they happen (JSON Lines with --json)
    #[arg(long, short = 'f')]
    pub follow: bool,
}

/// How often `--follow` looks for new events.
const POLL: Duration = Duration::from_millis(250);

fn parse_since(s: &str) -> Result<String, String> {
    gt_core::clock::parse_since(s).map_err(|e| e.message)
}

pub fn run(ctx: &mut Ctx, args: EventsArgs) -> Result<()> {
    let mut request = ListEvents {
        subject: args.subject,
        convoy: args.convoy,
        actor: ctx.actor_flag.clone(),
        since: args.since,
        limit: Some(args.limit),
        after_id: args.after,
        before_id: args.before,
    };
    let events = ctx.town()?.call(request.clone())?;
    let names = names_of(ctx, &events)?;
    if !args.follow {
        return ctx.emit(&EventFeed { events, names });
    }
    // Following: every event is one line (one JSON document per line with
    // --json), until the reader goes away or the process is stopped.
    let mut last = 0;
    for event in &events {
        stream_item(&ctx.style, event, &event_line(event, &names))?;
        last = event.id;
    }
    request.limit = Some(0);
    loop {
        std::thread::sleep(POLL);
        request.after_id = Some(last);
        let events = ctx.town()?.call(request.clone())?;
        let names = names_of(ctx, &events)?;
        for event in &events {
            stream_item(&ctx.style, event, &event_line(event, &names))?;
            last = event.id;
        }
    }
}

/// The names of the agents `events` are about, for people (JSON keeps IDs).
pub(crate) fn names_of(ctx: &mut Ctx, events: &[Event]) -> Result<AgentNames> {
    if ctx.style.json || !events.iter().any(|e| e.subject_id.starts_with("ag-")) {
        return Ok(AgentNames::default());
    }
    let town = ctx.town()?;
    Ok(AgentNames::of(events, |id| {
        town.agent(id).ok().map(|a| a.name)
    }))
}
