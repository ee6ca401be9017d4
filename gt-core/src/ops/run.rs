//! What a supervisor (`gt run`, SPEC §10) writes: its claim on a runnable
//! bead's polecat (the guard that no two supervisors start one bead at once,
//! on either backend), the process ID it started, and how the run ended. The
//! processes themselves are the command line's; this module keeps the town's
//! record of them true.

use crate::call::{Call, CallSpec};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::change::{Change, Exit, Field, Run};
use crate::error::{Error, Result};
use crate::model::{Agent, AgentRole, AgentStatus, Bead, BeadStatus, Convoy, Rig, Severity};
use crate::query;
use crate::store::Reader;
use crate::town::Town;

/// The beads at work with no process claimed for them: `in_progress` on a
/// polecat's hook, whose agent no host runs; the longest waiting first (an
/// agent's activity moves when it is dispatched, and not while no process
/// runs for it). Read in the order of `agents_unclaimed`, whose whole range
/// is the hooked agents no host runs (the work in flight, not the town), so
/// the first rows that fit end the read.
pub(crate) const RUNNABLE_SQL: &str = "SELECT a.id FROM agents a INDEXED BY agents_unclaimed \
     JOIN beads b ON b.id = a.hook \
     WHERE a.host IS NULL AND a.hook IS NOT NULL AND a.last_activity_at >= '' \
     AND b.status = 'in_progress' \
     AND NOT EXISTS (SELECT 1 FROM agents c WHERE c.run_bead = b.id) \
     AND a.role = 'polecat' AND a.status <> 'dead' \
     AND (?2 = '[]' OR a.rig IN (SELECT value FROM json_each(?2))) \
     AND (a.retry_after IS NULL OR a.retry_after <= ?3) \
     ORDER BY a.last_activity_at LIMIT ?1";

/// The agents whose processes a host's supervisor runs.
pub(crate) const CLAIMS_WHERE: &str = "a.host = ?1";

/// The agents whose processes work on a bead (at most one, but while one is
/// being stopped its bead may have gone to another).
pub(crate) const RUNS_OF_BEAD_WHERE: &str = "a.run_bead = ?1";

/// The escalation category of a bead whose runs all failed.
pub const RUN_FAILED: &str = "run_failed";

/// A claim a supervisor holds: what it starts, and what names the claim.
#[derive(Debug, Clone)]
pub struct Claim {
    pub agent: Agent,
    pub bead: Bead,
    pub rig: Rig,
    pub convoy: Option<Convoy>,
    pub run: Run,
    /// When it was claimed: with the host, what tells this claim from a
    /// later one of the same agent.
    pub started_at: String,
}

/// How a claimed run ended, as its supervisor saw it.
#[derive(Debug, Clone)]
pub struct RunEnd {
    pub agent_id: String,
    pub bead_id: String,
    pub host: String,
    pub started_at: String,
    /// `exited`, `timeout`, `log_full`, `not_started`, `stopped` or `lost`.
    pub outcome: String,
    pub code: Option<i64>,
    pub signal: Option<i64>,
    pub log_tail: Vec<String>,
    /// Whether the run counts as an attempt at the bead: not when its
    /// supervisor stopped or died, which was no fault of the agent's.
    pub counts: bool,
}

/// What the end of a run did to its bead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The agent had reported (or the bead had moved on): nothing more.
    Done,
    /// A failed attempt; the bead is runnable again on the same hook.
    Retry,
    /// The last attempt failed: the bead is `failed`, with an escalation.
    Failed,
    /// The claim was no longer this run's (taken away or released meanwhile).
    NotOurs,
}

/// Whether a running process still has its work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunState {
    /// Its bead is at work on its hook, and the claim is its own.
    Working,
    /// The agent reported on its bead (`in_review`, `closed`, `failed`): it
    /// may finish by itself.
    Reported,
    /// The work was taken from it (reassigned, reset, deleted, ended by
    /// someone else, its claim released): stop it.
    Taken(String),
}

impl Town {
    /// Up to `n` runnable beads' agents (IDs), oldest work first; of
    /// `rigs` only, unless none are given.
    pub fn runnable(&mut self, n: u32, rigs: &[String]) -> Result<Vec<String>> {
        let rigs = serde_json::to_string(rigs).map_err(|e| Error::internal(e.to_string()))?;
        let now = crate::clock::format(self.clock().now());
        self.read(|r| {
            let rows = r.query(
                RUNNABLE_SQL,
                &[i64::from(n).into(), rigs.into(), now.into()],
            )?;
            rows.iter().map(|row| Ok(row.text(0)?)).collect()
        })
    }

    /// Claims the agent's hooked bead for `host` in one guarded write: none
    /// when it is no longer runnable (another supervisor was first, or its
    /// work moved on).
    pub fn claim(&mut self, agent_id: &str, host: &str) -> Result<Option<Claim>> {
        let claimed = self.write(|unit| {
            let Some(mut agent) = unit.get::<Agent>(agent_id)? else {
                return Ok(None);
            };
            let Some(bead_id) = agent.hook.clone() else {
                return Ok(None);
            };
            let pausing = agent.retry_after.as_ref().is_some_and(|t| *t > unit.now);
            if agent.host.is_some()
                || agent.role != AgentRole::Polecat
                || agent.status == AgentStatus::Dead
                || pausing
            {
                return Ok(None);
            }
            let bead: Bead = unit.must(&bead_id)?;
            if bead.status != BeadStatus::InProgress {
                return Ok(None);
            }
            // A process still at the bead (its old agent's, being stopped)
            // keeps it: loaded, so that its end is noticed by the guard.
            if !unit
                .load_where::<Agent>(RUNS_OF_BEAD_WHERE, &[bead_id.as_str().into()])?
                .is_empty()
            {
                return Ok(None);
            }
            agent.host = Some(host.to_string());
            agent.run_started_at = Some(unit.now.clone());
            agent.run_bead = Some(bead_id.clone());
            agent.retry_after = None;
            agent.attempt += 1;
            // Its process starts now: a queue's wait is no silence.
            agent.last_activity_at = unit.now.clone();
            let run = Run {
                agent_id: agent.id.clone(),
                agent: agent.name.clone(),
                host: host.to_string(),
                attempt: agent.attempt,
            };
            unit.record(&bead_id, Change::Started(run.clone()));
            let started_at = unit.now.clone();
            unit.put(agent);
            Ok(Some((bead_id, run, started_at)))
        })?;
        let Some((bead_id, run, started_at)) = claimed else {
            return Ok(None);
        };
        self.read(|r| {
            let agent: Agent = query::must(r, agent_id)?;
            let bead: Bead = query::must(r, &bead_id)?;
            let rig: Rig = query::resolve_rig(r, &bead.rig)?;
            let convoy = match &bead.convoy_id {
                Some(id) => Some(query::must::<Convoy>(r, id)?),
                None => None,
            };
            Ok(Some(Claim {
                agent,
                bead,
                rig,
                convoy,
                run,
                started_at,
            }))
        })
    }

    /// Records the process a claim started (only while the claim stands).
    pub fn run_pid(
        &mut self,
        agent_id: &str,
        host: &str,
        started_at: &str,
        pid: i64,
    ) -> Result<()> {
        self.write(|unit| {
            let Some(mut agent) = unit.get::<Agent>(agent_id)? else {
                return Ok(());
            };
            if !holds(&agent, host, started_at) || agent.pid == Some(pid) {
                return Ok(());
            }
            let old = agent.pid;
            agent.pid = Some(pid);
            let log = agent
                .hook
                .as_deref()
                .map(|bead| log_name(bead, agent.attempt));
            unit.put(agent);
            unit.record(
                agent_id,
                Change::Updated(Field::Pid {
                    old,
                    new: pid,
                    host: Some(host.to_string()),
                    log,
                }),
            );
            Ok(())
        })
    }

    /// The agents whose processes `host` runs (its claims).
    pub fn claims_of(&mut self, host: &str) -> Result<Vec<Agent>> {
        self.read(|r| query::fetch_where(r, CLAIMS_WHERE, &[host.into()]))
    }

    /// Whether the run that `host` claimed at `started_at` for the agent's
    /// bead still has its work.
    pub fn run_state(
        &mut self,
        agent_id: &str,
        bead_id: &str,
        host: &str,
        started_at: &str,
    ) -> Result<RunState> {
        self.read(|r| {
            let Some(agent) = query::fetch::<Agent>(r, agent_id)? else {
                return Ok(RunState::Taken("its agent was deleted".into()));
            };
            if !holds(&agent, host, started_at) {
                return Ok(RunState::Taken("its claim was released".into()));
            }
            let Some(bead) = query::fetch::<Bead>(r, bead_id)? else {
                return Ok(RunState::Taken(format!("bead {bead_id} was deleted")));
            };
            let hooked = agent.hook.as_deref() == Some(bead_id);
            if hooked && bead.status == BeadStatus::InProgress {
                return Ok(RunState::Working);
            }
            if reported(r, &bead, &agent.name)? {
                return Ok(RunState::Reported);
            }
            Ok(RunState::Taken(if hooked {
                format!("bead {bead_id} is {} now", bead.status)
            } else {
                match &bead.assignee {
                    Some(other) => format!("bead {bead_id} went to {other}"),
                    None => format!("bead {bead_id} was taken off {}'s hook", agent.name),
                }
            }))
        })
    }

    /// Records how a run ended and releases its claim. A run that ended
    /// without its agent reporting is a failed attempt: the bead stays on
    /// the hook, runnable again, until `max_attempts` have failed; then it
    /// is `failed`, with a `high` escalation quoting the log's last lines.
    pub fn run_ended(&mut self, end: &RunEnd, max_attempts: u32) -> Result<Ended> {
        self.write(|unit| end_in(unit, end, max_attempts))
    }
}

/// [`Town::run_ended`] within a unit (patrol's release of a lost host's
/// claims ends each of them in one).
pub(crate) fn end_in(
    unit: &mut crate::unit::Unit,
    end: &RunEnd,
    max_attempts: u32,
) -> Result<Ended> {
    let Some(mut agent) = unit.get::<Agent>(&end.agent_id)? else {
        return Ok(Ended::NotOurs);
    };
    if !holds(&agent, &end.host, &end.started_at) {
        return Ok(Ended::NotOurs);
    }
    let bead = unit.get::<Bead>(&end.bead_id)?;
    let at_work = agent.hook.as_deref() == Some(end.bead_id.as_str())
        && bead
            .as_ref()
            .is_some_and(|b| b.status == BeadStatus::InProgress);
    let run = Run {
        agent_id: agent.id.clone(),
        agent: agent.name.clone(),
        host: end.host.clone(),
        attempt: agent.attempt,
    };
    // Work still at the hook was not reported on (its bead is in progress),
    // so its history is not read. Equivalent mutant (TESTING.md): the guard
    // made `true` reads it, and finds the same.
    let reported = match &bead {
        Some(bead) if !at_work => reported(unit, bead, &agent.name)?,
        _ => false,
    };
    agent.host = None;
    agent.run_started_at = None;
    agent.run_bead = None;
    agent.pid = None;
    if !end.counts {
        agent.attempt = (agent.attempt - 1).max(0);
    }
    let failed_for_good = at_work && end.counts && run.attempt >= i64::from(max_attempts);
    let exit = Exit {
        run,
        outcome: end.outcome.clone(),
        code: end.code,
        signal: end.signal,
        reported,
        log_tail: end.log_tail.clone(),
    };
    unit.record(&end.bead_id, Change::Exited(exit.clone()));
    if failed_for_good {
        let message = failure_message(&end.bead_id, &exit);
        crate::rules::recovery::raise_about(unit, &agent, Severity::High, RUN_FAILED, message)?;
        unit.put(agent);
        unit.set_bead_status(&end.bead_id, BeadStatus::Failed)?;
        return Ok(Ended::Failed);
    }
    if at_work && end.counts {
        agent.retry_after = Some(retry_after(&unit.now, exit.run.attempt));
        unit.put(agent);
        return Ok(Ended::Retry);
    }
    unit.put(agent);
    Ok(Ended::Done)
}

/// How long a bead waits after its `attempt`th run failed: 1 s, doubling,
/// at most a minute.
pub fn retry_pause(attempt: i64) -> std::time::Duration {
    let doubling = u32::try_from(attempt.clamp(1, 7) - 1).unwrap_or(0);
    std::time::Duration::from_secs(1 << doubling).min(std::time::Duration::from_secs(60))
}

/// When a bead whose `attempt`th run failed at `now` may run again.
fn retry_after(now: &str, attempt: i64) -> String {
    match humantime::parse_rfc3339_weak(now) {
        Ok(t) => crate::clock::format(t + retry_pause(attempt)),
        Err(_) => now.to_string(),
    }
}

/// Whether `agent`'s claim is the one `host` made at `started_at`.
pub(crate) fn holds(agent: &Agent, host: &str, started_at: &str) -> bool {
    agent.host.as_deref() == Some(host) && agent.run_started_at.as_deref() == Some(started_at)
}

/// Whether `agent` reported on `bead`: the bead is in review or done, and
/// the agent moved it there itself.
fn reported(r: &mut dyn Reader, bead: &Bead, agent: &str) -> Result<bool> {
    let reports = matches!(
        bead.status,
        BeadStatus::InReview | BeadStatus::Closed | BeadStatus::Failed
    );
    Ok(reports && last_status_by(r, &bead.id)?.as_deref() == Some(agent))
}

/// Who last changed the bead's status.
fn last_status_by(r: &mut dyn Reader, bead_id: &str) -> Result<Option<String>> {
    let rows = r.query(LAST_STATUS_BY_SQL, &[bead_id.into()])?;
    Ok(match rows.first() {
        Some(row) => Some(row.text(0)?),
        None => None,
    })
}

/// The actor of a subject's newest status change (its `events_subject` range).
pub(crate) const LAST_STATUS_BY_SQL: &str = "SELECT actor FROM events \
     WHERE subject_id = ?1 AND event_type = 'status_changed' ORDER BY id DESC LIMIT 1";

/// The escalation of a bead whose every attempt failed.
fn failure_message(bead_id: &str, exit: &Exit) -> String {
    let how = match (exit.outcome.as_str(), exit.code, exit.signal) {
        ("timeout", _, _) => "ran past run.timeout".to_string(),
        ("log_full", _, _) => "wrote more than its log may hold".to_string(),
        ("not_started", _, _) => "could not be started".to_string(),
        (_, Some(code), _) => format!("exited with status {code} without reporting"),
        (_, _, Some(signal)) => format!("was ended by signal {signal} without reporting"),
        _ => "ended without reporting".to_string(),
    };
    let mut message = format!(
        "{} failed bead {bead_id}: attempt {} {how}",
        exit.run.agent, exit.run.attempt
    );
    if !exit.log_tail.is_empty() {
        message.push_str("; its log ends:\n");
        message.push_str(&exit.log_tail.join("\n"));
    }
    message
}

/// A name made safe for one path segment (never `.`, `..` or empty).
pub fn file_name(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if safe.chars().all(|c| c == '.') {
        format!("_{safe}")
    } else {
        safe
    }
}

/// Where the log of a run of `agent` on `bead` (attempt `attempt`) is kept,
/// below the host's local directory.
pub fn log_path(local: &Path, agent: &str, bead: &str, attempt: i64) -> PathBuf {
    local
        .join("logs")
        .join(file_name(agent))
        .join(log_name(bead, attempt))
}

/// The name of a run's log in its agent's folder.
fn log_name(bead: &str, attempt: i64) -> String {
    format!("{}-{attempt}.log", file_name(bead))
}

/// How many lines `agent logs` prints unless asked for more.
pub const LOG_LINES: u32 = 100;
/// The most it prints at once.
pub const MAX_LOG_LINES: u32 = 10_000;

request! {
    /// The log of an agent's current or last run on this host (`gt run`).
    pub struct AgentLogs {
        /// The agent (name or ID).
        pub agent_id: String,
        /// Its last N lines (default 100, at most 10000).
        pub lines: Option<u32>,
    }
}

/// An agent's log: which run it is of, and its last lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgentLog {
    pub agent: String,
    /// The bead the run worked on.
    pub bead: String,
    pub attempt: i64,
    /// Whether the run goes on (its agent's process is running).
    pub running: bool,
    /// The host whose supervisor runs the agent now, if one does.
    pub host: Option<String>,
    /// The log file, on this host.
    pub path: String,
    /// Its last lines, oldest first.
    pub lines: Vec<String>,
}

impl Town {
    /// The log of the agent's current run, else of its newest run kept on
    /// this host. A run on another host is `not_found`, naming that host.
    pub fn agent_logs(&mut self, req: &AgentLogs) -> Result<AgentLog> {
        let want = req.lines.unwrap_or(LOG_LINES);
        if !(1..=MAX_LOG_LINES).contains(&want) {
            return Err(Error::usage(format!(
                "lines must be 1 to {MAX_LOG_LINES}, not {want}"
            )));
        }
        let agent: Agent = self.read(|r| {
            let id = query::resolve_agent(r, &req.agent_id)?;
            query::must(r, &id)
        })?;
        let Some(local) = self.local().map(Path::to_path_buf) else {
            return Err(Error::unavailable("this process keeps no agent logs"));
        };
        // The run going on: its bead is the claim's (the hook may have moved
        // on while its process is being stopped).
        let current = match (&agent.host, &agent.run_bead) {
            (Some(_), Some(bead)) => Some(log_path(&local, &agent.name, bead, agent.attempt)),
            _ => None,
        };
        // Its log is the current run's exactly when a run goes on.
        let running = current.is_some();
        let path = match current {
            Some(path) if path.exists() => path,
            Some(_) => {
                let host = agent.host.clone().unwrap_or_default();
                return Err(Error::not_found(format!(
                    "{}'s run is on host {host}; its log is kept there",
                    agent.name
                ))
                .with_hint(format!("read it on {host}")));
            }
            None => {
                let folder = local.join("logs").join(file_name(&agent.name));
                let last = self.read(|r| last_run(r, &agent.id))?;
                match last {
                    // Its last run's log, if it is kept here.
                    Some((_, log)) if folder.join(&log).exists() => folder.join(log),
                    Some((host, _)) => {
                        return Err(Error::not_found(format!(
                            "{}'s last run was on host {host}; its log is kept there",
                            agent.name
                        ))
                        .with_hint(format!("read it on {host}")))
                    }
                    None => newest_log(&folder).ok_or_else(|| {
                        Error::not_found(format!(
                            "{} has no run with a log on this host",
                            agent.name
                        ))
                        .with_hint("a supervisor keeps its agents' logs on the host that runs them")
                    })?,
                }
            }
        };
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let (bead, attempt) = stem
            .rsplit_once('-')
            .map(|(b, a)| (b.to_string(), a.parse().unwrap_or(0)))
            .unwrap_or((stem, 0));
        Ok(AgentLog {
            running,
            agent: agent.name,
            bead,
            attempt,
            host: agent.host,
            lines: last_lines(&path, want as usize),
            path: path.display().to_string(),
        })
    }
}

/// The host and log name of the agent's newest run: its newest process ID
/// recorded by a supervisor (among its last few updates).
fn last_run(r: &mut dyn Reader, agent_id: &str) -> Result<Option<(String, String)>> {
    let sql = format!(
        "SELECT {} FROM events {LAST_UPDATES_WHERE}",
        query::EVENT_COLUMNS
    );
    for row in r.query(&sql, &[agent_id.into()])? {
        let change = Change::from_event(&query::event_of(&row)?);
        if let Some(Change::Updated(Field::Pid {
            host: Some(host),
            log: Some(log),
            ..
        })) = change
        {
            return Ok(Some((host, log)));
        }
    }
    Ok(None)
}

/// An agent's newest updates (its `events_subject` range).
pub(crate) const LAST_UPDATES_WHERE: &str =
    "WHERE subject_id = ?1 AND event_type = 'updated' ORDER BY id DESC LIMIT 20";

/// The most recently written log in `dir`.
fn newest_log(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "log"))
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path())
}

/// The last `n` lines of a file (read from its last megabyte at most).
pub fn last_lines(path: &Path, n: usize) -> Vec<String> {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut file) = std::fs::File::open(path) else {
        return Vec::new();
    };
    let len = file.metadata().map_or(0, |m| m.len());
    let start = len.saturating_sub(1 << 20);
    let _ = file.seek(SeekFrom::Start(start));
    let mut bytes = Vec::new();
    let _ = file.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes);
    let mut lines: Vec<&str> = text.lines().collect();
    if start > 0 && !lines.is_empty() {
        // The first line read may be the end of a longer one.
        lines.remove(0);
    }
    lines[lines.len().saturating_sub(n)..]
        .iter()
        .map(|l| (*l).to_string())
        .collect()
}

impl Call for AgentLogs {
    type Output = AgentLog;
    const SPEC: CallSpec = spec!(
        "agent logs",
        "gt_agent_logs",
        Some("GET /api/agents/{agent_id}/logs"),
        Read,
        true,
        None,
        doc = "Print the log of an agent's current or last run\n\n\
               The supervisor of a host keeps each run's output (the agent's stdout and \
               stderr) in a log file on that host; this shows its last lines. A run on \
               another host is an error naming that host."
    );
    fn run(self, town: &mut Town) -> Result<AgentLog> {
        town.agent_logs(&self)
    }
}
