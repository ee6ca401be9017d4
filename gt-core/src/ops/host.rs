//! Hosts (SPEC §12): the machines whose supervisors (`gt run --host NAME`)
//! run the town's agents. Each supervisor beats its host's row; a host silent
//! past `patrol.host_dead_after` is `lost`, and patrol releases all of its
//! claims at once, in one guarded unit, with one escalation naming it.

use serde::{Deserialize, Serialize};

use crate::call::{Call, CallSpec};
use crate::change::{Change, Created};
use crate::error::Result;
use crate::id::{self, IdKind};
use crate::model::{Agent, Escalation, EscalationStatus, Host, HostStatus, Severity};
use crate::query;
use crate::store::Reader;
use crate::town::Town;
use crate::unit::Unit;

use super::run::{end_in, RunEnd, CLAIMS_WHERE};

/// The escalation category of a host found silent.
pub const HOST_LOST: &str = "host_lost";

/// How often a supervisor beats its host's row (more often when
/// `patrol.host_dead_after` is under three of these).
pub const HOST_BEAT: std::time::Duration = std::time::Duration::from_secs(5);

/// A live host that has not beaten for this long (three beats) is shown
/// `silent`.
pub const SILENT_AFTER: std::time::Duration =
    std::time::Duration::from_secs(3 * HOST_BEAT.as_secs());

/// The live hosts silent since before `?1`, by the index of their beats.
pub(crate) const SILENT_HOSTS_SQL: &str =
    "SELECT id FROM hosts WHERE status = 'live' AND last_seen < ?1";

/// The hosts in name order.
pub(crate) const HOSTS_WHERE: &str = "1 ORDER BY h.name";

/// How many beads a lost host's escalation names before "and N more".
const NAMED: usize = 20;

/// A supervisor's beat: what it tells the town of its host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostBeat {
    pub name: String,
    pub slots: i64,
    pub running: i64,
    /// The rigs it takes beads of; empty for every rig.
    pub rigs: Vec<String>,
    pub version: String,
    /// When its supervisor started (a new start is a new run of the host).
    pub started_at: String,
}

/// A host that a patrol pass found silent, and the beads whose runs it
/// released (runnable again, on other hosts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LostHost {
    pub host: String,
    /// Its last beat.
    pub last_seen: String,
    pub released: Vec<String>,
}

request! {
    /// The town's hosts: their slots, running agents, rigs, version and last beat.
    pub struct ListHosts {}
}

/// Who sends a beat: a supervisor starting, or one that runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beating<'a> {
    /// A supervisor starting, with a run of the host known to be over: the
    /// one its data directory last held (its lock file's record: a restart
    /// after a crash), or one it watched fall silent. A host live with any
    /// other run is refused: two machines' clocks are never compared.
    Start { previous: Option<&'a str> },
    /// A supervisor that runs: refused once another has started on its host
    /// (after this one fell silent), so that two never run one host.
    Running,
}

impl Town {
    /// Records a supervisor's beat: its host is made on the first, and a
    /// lost or stopped one is live again.
    pub fn host_beat(&mut self, beat: &HostBeat) -> Result<Host> {
        self.beat_host(beat, Beating::Running)
    }

    /// The first beat of a supervisor (see [`Beating::Start`]).
    pub fn host_start(&mut self, beat: &HostBeat, previous: Option<&str>) -> Result<Host> {
        self.beat_host(beat, Beating::Start { previous })
    }

    fn beat_host(&mut self, beat: &HostBeat, by: Beating) -> Result<Host> {
        self.write(|unit| {
            let found = host_named(unit, &beat.name)?;
            if let Some(host) = &found {
                refuse_a_second_supervisor(host, beat, by)?;
            }
            let mut host = match found {
                Some(host) => host,
                None => {
                    let population = unit.population("hosts")?;
                    let host = Host {
                        id: id::generate(IdKind::Host, population),
                        name: beat.name.clone(),
                        status: HostStatus::Live,
                        slots: beat.slots,
                        running: beat.running,
                        rigs: beat.rigs.clone(),
                        version: beat.version.clone(),
                        started_at: beat.started_at.clone(),
                        last_seen: unit.now.clone(),
                        silent: false,
                    };
                    let created = Created::Host {
                        name: host.name.clone(),
                        slots: host.slots,
                        rigs: host.rigs.clone(),
                    };
                    unit.create_logged(host.clone(), created);
                    return Ok(host);
                }
            };
            if host.status == HostStatus::Lost {
                resolve_lost(unit, &host.name)?;
            }
            if host.status != HostStatus::Live {
                let reason = match host.status {
                    HostStatus::Lost => "its supervisor beats again",
                    _ => "its supervisor started",
                };
                unit.record(
                    &host.id,
                    Change::HostStatusChanged {
                        old: host.status,
                        new: HostStatus::Live,
                        reason: Some(reason.into()),
                    },
                );
                host.status = HostStatus::Live;
            }
            host.slots = beat.slots;
            host.running = beat.running;
            host.rigs = beat.rigs.clone();
            host.version = beat.version.clone();
            host.started_at = beat.started_at.clone();
            host.last_seen = unit.now.clone();
            unit.put(host.clone());
            Ok(host)
        })
    }

    /// Records that a host's supervisor, the one started at `started_at`,
    /// ended cleanly (its claims released already, by the supervisor
    /// itself). A host another run has taken since is left to that run.
    pub fn host_stopped(&mut self, name: &str, started_at: &str) -> Result<()> {
        self.write(|unit| {
            let found = host_named(unit, name)?;
            let Some(mut host) =
                found.filter(|h| h.status == HostStatus::Live && h.started_at == started_at)
            else {
                return Ok(());
            };
            unit.record(
                &host.id,
                Change::HostStatusChanged {
                    old: host.status,
                    new: HostStatus::Stopped,
                    reason: Some("its supervisor stopped".into()),
                },
            );
            host.status = HostStatus::Stopped;
            host.running = 0;
            host.last_seen = unit.now.clone();
            unit.put(host);
            Ok(())
        })
    }

    pub fn hosts(&mut self) -> Result<Vec<Host>> {
        let cutoff = self.clock().ago(SILENT_AFTER);
        self.read(|r| hosts(r, &cutoff))
    }
}

/// Two supervisors never run one host: a start is refused while the host is
/// live with another run that the starter does not know to be over, and a
/// running supervisor's beat once another run has taken the host.
fn refuse_a_second_supervisor(host: &Host, beat: &HostBeat, by: Beating) -> Result<()> {
    if !held_by_another(host, &beat.started_at) {
        return Ok(());
    }
    match by {
        Beating::Start { previous } if previous == Some(host.started_at.as_str()) => Ok(()),
        Beating::Start { .. } => Err(second_supervisor(host)),
        Beating::Running => Err(crate::Error::conflict(format!(
            "host {} is now run by a supervisor started at {}: this one fell silent \
             and was replaced",
            host.name, host.started_at
        ))),
    }
}

/// Whether `host` is live with a run other than the one started at
/// `started_at`.
pub fn held_by_another(host: &Host, started_at: &str) -> bool {
    host.status == HostStatus::Live && host.started_at != started_at
}

/// The refusal of a supervisor for a host that another one beats.
pub fn second_supervisor(host: &Host) -> crate::Error {
    crate::Error::conflict(format!(
        "host {} is live: a supervisor started at {} beats it (last beat at {}), on \
         another machine or data directory",
        host.name, host.started_at, host.last_seen
    ))
    .with_hint(
        "give this one another --host, or stop that one first (a supervisor that is \
         gone is seen to miss its beats, and then this one starts)",
    )
}

/// The hosts, in name order, each live one judged silent when its last beat
/// is before `cutoff`.
pub(crate) fn hosts(r: &mut dyn Reader, cutoff: &str) -> Result<Vec<Host>> {
    let mut hosts: Vec<Host> = query::fetch_where(r, HOSTS_WHERE, &[])?;
    for h in &mut hosts {
        h.silent = h.status == HostStatus::Live && h.last_seen.as_str() < cutoff;
    }
    Ok(hosts)
}

/// The open escalations of a host found silent (`?1` the category, `?2`
/// the start of their message, which names the host).
pub(crate) const LOST_ESCALATIONS_WHERE: &str =
    "e.category = ?1 AND e.status <> 'resolved' AND substr(e.message, 1, length(?2)) = ?2";

/// The start of a lost host's escalation message.
fn lost_message(name: &str) -> String {
    format!("host {name} went silent")
}

/// Resolves the escalations raised when `name` was found silent: it beats
/// again, so they ask nobody for anything any more.
fn resolve_lost(unit: &mut Unit, name: &str) -> Result<()> {
    let open: Vec<Escalation> = unit.load_where(
        LOST_ESCALATIONS_WHERE,
        &[HOST_LOST.into(), lost_message(name).into()],
    )?;
    for mut esc in open {
        let old = esc.status;
        esc.status = EscalationStatus::Resolved;
        let id = esc.id.clone();
        unit.put(esc);
        let by = crate::change::Resolution::Gt {
            reason: format!("host {name} beats again"),
        };
        unit.record(&id, Change::Resolved { old, by });
    }
    Ok(())
}

/// The host called `name`, as `unit` sees it.
fn host_named(unit: &mut Unit, name: &str) -> Result<Option<Host>> {
    Ok(unit
        .load_where::<Host>("h.name = ?1", &[name.into()])?
        .into_iter()
        .next())
}

/// The live hosts silent since before `cutoff`.
pub(crate) fn silent_hosts(r: &mut dyn Reader, cutoff: &str) -> Result<Vec<String>> {
    let rows = r.query(SILENT_HOSTS_SQL, &[cutoff.into()])?;
    rows.iter().map(|row| Ok(row.text(0)?)).collect()
}

/// Declares a host lost, if it is still live and silent since before
/// `cutoff` as this unit reads it, and releases every claim it holds: each
/// run ends `lost` (no fault of the agent's: no attempt counted), its bead
/// runnable again. One escalation names the host and its beads.
pub(crate) fn lose(
    unit: &mut Unit,
    host_id: &str,
    cutoff: &str,
) -> Result<Option<(LostHost, Escalation)>> {
    let Some(mut host) = unit.get::<Host>(host_id)? else {
        return Ok(None);
    };
    if host.status != HostStatus::Live || host.last_seen.as_str() >= cutoff {
        return Ok(None);
    }
    let claims: Vec<Agent> = unit.load_where(CLAIMS_WHERE, &[host.name.as_str().into()])?;
    let mut released = Vec::new();
    for agent in claims {
        let bead = agent
            .run_bead
            .clone()
            .or_else(|| agent.hook.clone())
            .unwrap_or_default();
        let end = RunEnd {
            agent_id: agent.id.clone(),
            bead_id: bead.clone(),
            host: host.name.clone(),
            started_at: agent.run_started_at.clone().unwrap_or_default(),
            outcome: "lost".into(),
            code: None,
            signal: None,
            log_tail: vec![format!("host {} went silent", host.name)],
            counts: false,
        };
        end_in(unit, &end, u32::MAX)?;
        released.push(bead);
    }
    let last_seen = host.last_seen.clone();
    unit.record(
        &host.id,
        Change::HostStatusChanged {
            old: HostStatus::Live,
            new: HostStatus::Lost,
            reason: Some(format!("silent since {last_seen}")),
        },
    );
    host.status = HostStatus::Lost;
    host.running = 0;
    let name = host.name.clone();
    unit.put(host);
    let runs = match released.len() {
        0 => "it ran nothing".to_string(),
        n => {
            let mut named = released[..n.min(NAMED)].join(", ");
            if n > NAMED {
                named.push_str(&format!(" and {} more", n - NAMED));
            }
            format!("its runs of {named} were released to other hosts")
        }
    };
    let population = unit.population("escalations")?;
    let esc = Escalation {
        id: id::generate(IdKind::Escalation, population),
        severity: Severity::High,
        category: Some(HOST_LOST.into()),
        message: format!(
            "{} (its last beat {last_seen}); {runs}",
            lost_message(&name)
        ),
        rig: None,
        agent: None,
        bead: None,
        status: EscalationStatus::Open,
        acknowledged_by: None,
        acknowledged_at: None,
        re_escalation_count: 0,
        created_at: unit.now.clone(),
    };
    super::escalation::log_raised(unit, esc.clone());
    Ok(Some((
        LostHost {
            host: name,
            last_seen,
            released,
        },
        esc,
    )))
}

impl Call for ListHosts {
    type Output = Vec<Host>;
    const SPEC: CallSpec = spec!(
        "host list",
        "gt_list_hosts",
        Some("GET /api/hosts"),
        Read,
        true,
        Some("hosts"),
        doc = "List the town's hosts: status, slots, running agents, rigs, version and \
               last beat\n\n\
               A host is live while its supervisor beats (every few seconds), stopped \
               when it ended cleanly, and lost when patrol found it silent past \
               {arg:patrol host_dead_after} and gave its claims to other hosts. A live \
               host that has missed three beats (15 s) is shown silent before any \
               patrol judges it: its supervisor may be gone."
    );
    fn run(self, town: &mut Town) -> Result<Vec<Host>> {
        town.hosts()
    }
}
