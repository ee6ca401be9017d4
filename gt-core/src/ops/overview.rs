//! `gt status`: the town at a glance, in one read: the active convoys (those
//! that need a person first, with why), the agents by status, the open
//! escalations, the live hosts and the newest events. Each part is a bounded
//! slice of a list gt already has, so the overview costs what those cost.

use serde::{Deserialize, Serialize};

use crate::call::{Call, CallSpec};
use crate::error::Result;
use crate::model::{AgentStatus, Convoy, Escalation, Event, Host, HostStatus};
use crate::query::{self, Attention, ListConvoys, ListEvents};
use crate::store::Reader;
use crate::town::Town;

/// The most active convoys an overview shows.
pub const CONVOYS_SHOWN: usize = 50;
/// The most attention items it names for one convoy.
pub const ATTENTION_SHOWN: usize = 5;
/// The most open escalations it shows.
pub const ESCALATIONS_SHOWN: usize = 20;
/// The newest events it shows unless asked for another number, and the most.
pub const EVENTS_SHOWN: u32 = 10;
pub const EVENTS_MOST: u32 = 100;

request! {
    /// The town at a glance.
    pub struct TownStatus {
        /// How many of the newest events to show (10 unless given; 0 to 100).
        #[cfg_attr(feature = "schema", schemars(range(max = 100)))]
        pub events: Option<u32>,
    }
}

/// An active convoy and, where it needs a person, the first few reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConvoyGlance {
    #[serde(flatten)]
    pub convoy: Convoy,
    /// Why it needs attention, bead by bead (the first few of `convoy
    /// status`'s list; empty when it needs none).
    pub attention: Vec<Attention>,
}

/// How many agents have each status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgentCounts {
    pub idle: u64,
    pub working: u64,
    pub stalled: u64,
    pub dead: u64,
}

/// The town at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Overview {
    /// Active convoys, those that need attention first, then oldest first
    /// (at most 50; `active_convoys` counts them all).
    pub convoys: Vec<ConvoyGlance>,
    pub active_convoys: u64,
    /// How many of them need attention.
    pub convoys_needing_attention: u64,
    pub agents: AgentCounts,
    /// Open escalations, newest first (at most 20; `open_escalations`
    /// counts them all).
    pub escalations: Vec<Escalation>,
    pub open_escalations: u64,
    /// The hosts that are live by their record (each `silent` when it has
    /// missed three beats).
    pub live_hosts: Vec<Host>,
    /// The newest events, newest last.
    pub events: Vec<Event>,
}

/// Agents by status, counted in the index of their statuses.
pub(crate) const AGENT_COUNTS_SQL: &str = "SELECT status, count(*) FROM agents GROUP BY status";

impl Town {
    /// The town at a glance (`gt status`).
    pub fn overview(&mut self, request: &TownStatus) -> Result<Overview> {
        let shown = request.events.unwrap_or(EVENTS_SHOWN);
        if shown > EVENTS_MOST {
            return Err(crate::Error::usage(format!(
                "events must be 0 to {EVENTS_MOST}, not {shown}"
            ))
            .with_hint(crate::error::Hint::call(
                "for more, list the log",
                "events",
                &[("limit", &shown.to_string())],
            )));
        }
        let silent = self.clock().ago(super::host::SILENT_AFTER);
        self.read(|r| overview(r, shown, &silent))
    }
}

fn overview(r: &mut dyn Reader, shown: u32, silent: &str) -> Result<Overview> {
    let mut active = query::convoys(r, &ListConvoys::default())?;
    let active_convoys = active.len() as u64;
    // Those that need a person first; the sort keeps the rest in their order.
    active.sort_by_key(|c| !c.needs_attention);
    let needing = active.iter().filter(|c| c.needs_attention).count() as u64;
    active.truncate(CONVOYS_SHOWN);
    let mut convoys = Vec::with_capacity(active.len());
    for convoy in active {
        let attention = if convoy.needs_attention {
            let mut items = query::convoy_status(r, &convoy.id)?.attention;
            items.truncate(ATTENTION_SHOWN);
            items
        } else {
            Vec::new()
        };
        convoys.push(ConvoyGlance { convoy, attention });
    }
    let mut agents = AgentCounts::default();
    for row in r.query(AGENT_COUNTS_SQL, &[])? {
        let count = u64::try_from(row.int(1)?).unwrap_or(0);
        match row.parsed::<AgentStatus>(0)? {
            AgentStatus::Idle => agents.idle = count,
            AgentStatus::Working => agents.working = count,
            AgentStatus::Stalled => agents.stalled = count,
            AgentStatus::Dead => agents.dead = count,
        }
    }
    let mut escalations = query::escalations(r, false)?;
    let open_escalations = escalations.len() as u64;
    escalations.reverse();
    escalations.truncate(ESCALATIONS_SHOWN);
    let live_hosts = super::host::hosts(r, silent)?
        .into_iter()
        .filter(|h| h.status == HostStatus::Live)
        .collect();
    let events = if shown == 0 {
        Vec::new()
    } else {
        let filter = ListEvents {
            limit: Some(shown),
            ..ListEvents::default()
        };
        query::events(r, &filter)?
    };
    Ok(Overview {
        convoys,
        active_convoys,
        convoys_needing_attention: needing,
        agents,
        escalations,
        open_escalations,
        live_hosts,
        events,
    })
}

impl Call for TownStatus {
    type Output = Overview;
    const SPEC: CallSpec = spec!(
        "status",
        "gt_status",
        Some("GET /api/status"),
        Read,
        true,
        None,
        core,
        doc = "Show the town at a glance: active convoys and what they need, agents \
               by status, open escalations, live hosts and the newest events\n\n\
               Convoys that need a person come first, each with the first few \
               reasons (the whole list is in {call:convoy status}). {events} sets \
               how many of the newest events to show."
    );
    fn run(self, town: &mut Town) -> Result<Overview> {
        town.overview(&self)
    }
}
