//! The supervisor's processes, files and git (Unix only: process groups,
//! signals, and `/proc` on Linux); its record in the town is gt-core's
//! (`ops::run`).

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use gt_core::calls::{ListEvents, Patrol};
use gt_core::model::HostStatus;
use gt_core::ops::host::{held_by_another, HostBeat, HOST_BEAT, SILENT_AFTER};
use gt_core::ops::run::{file_name, last_lines, log_path, Claim, Ended, RunEnd, RunState};
use gt_core::{Error, OpenOptions, Result, Town};
use serde::Serialize;

use super::RunArgs;
use crate::config::RunSettings;
use crate::context::Ctx;
use crate::guide::Workspace;
use crate::output::stream_item;

/// The longest one git command may take (a clone of a large repository).
const GIT_TIMEOUT: Duration = Duration::from_secs(600);

/// How often the supervisor looks at its processes and the event log.
const TICK: Duration = Duration::from_millis(100);

/// The most one run's log may hold: past it, the run is stopped (a failed
/// attempt), so that a runaway agent cannot fill the disk.
const LOG_LIMIT: u64 = 64 << 20;

/// How many of a log's last lines an `exited` event keeps.
const TAIL_LINES: usize = 12;

/// How much of one log line it keeps.
const TAIL_LINE_CHARS: usize = 300;

/// The supervisor's loop, until a signal (or, with `--once`, until nothing
/// is left to run).
pub(super) fn supervise(ctx: &mut Ctx, args: RunArgs) -> Result<()> {
    let mut settings = ctx.settings.run.clone();
    if !args.rigs.is_empty() {
        settings.rigs = args.rigs.clone();
    }
    // The rigs named, by their names: one that is not the town's is a
    // mistake to say now, not a host that waits for nothing.
    let known = ctx.town()?.rigs()?;
    for rig in &mut settings.rigs {
        let found = known.iter().find(|r| r.name == *rig || r.id == *rig);
        let Some(found) = found else {
            return Err(
                Error::not_found(format!("no rig '{rig}' for this host to take beads of"))
                    .with_hint("gt rig list names the town's rigs"),
            );
        };
        *rig = found.name.clone();
    }
    if args.patrol_interval.is_zero() {
        return Err(Error::usage("the --patrol-interval is zero")
            .with_hint("give a pause between patrol passes, such as 30s"));
    }
    if settings.timeout.is_some_and(|t| t.is_zero()) {
        return Err(
            Error::usage("run.timeout is zero: every run would be stopped at once")
                .with_hint("give a time such as 2h, or leave run.timeout out for none"),
        );
    }
    let Some(command) = settings.command.clone() else {
        return Err(Error::usage("no agent command is configured")
            .with_hint("set run.command in the config file, or GT_RUN_CMD, to the command that runs an agent (see gt run --help)"));
    };
    let host = match args.host.clone() {
        Some(h) if !h.trim().is_empty() => h.trim().to_string(),
        Some(_) => return Err(Error::usage("the host name is empty").with_hint("give --host NAME")),
        None => host_name(),
    };
    gt_core::limits::check("actor", &host)
        .map_err(|e| Error::usage(e.message.replace("actor", "host name")))?;
    let data = data_dir(ctx)?;
    let exe = std::env::current_exe()
        .map_err(|e| Error::internal(format!("cannot find this gt binary: {e}")))?;
    let (db, credentials) = {
        let town = ctx.town()?;
        let (db, credentials) = town.handed_on();
        (db.to_string(), credentials.cloned())
    };
    // Agents work in their own directories: a town file's path must not
    // depend on where they stand.
    let db = if db.contains("://") {
        db
    } else {
        std::path::absolute(&db).map_or(db, |p| p.display().to_string())
    };
    // One supervisor per host name and data directory: a second would take
    // the first's processes for lost ones.
    let lock_path = data.join("run").join(format!("{}.lock", file_name(&host)));
    let (mut lock, previous) = lock_host(&lock_path, &host)?;
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|e| Error::internal(format!("cannot handle signals: {e}")))?;
    }
    let mut sup = Supervisor {
        host,
        command,
        slots: args.slots.unwrap_or(settings.slots),
        settings,
        data,
        exe,
        db,
        credentials,
        json: ctx.style.json,
        style: ctx.style.clone(),
        running: HashMap::new(),
        cursor: 0,
        backoff: HashMap::new(),
        pending: false,
        preparing: HashMap::new(),
        failed: Vec::new(),
    };
    // The supervisor is no agent's run, even started from an agent's shell.
    ctx.town()?.fence_run(None);
    sup.cursor = ctx.town()?.last_event_id()?;
    // The host's row first: a host that patrol found lost comes back live
    // here, and its old claims (released, or left) are recovered next.
    let started_at = gt_core::clock::now();
    let beat = HostBeat {
        name: sup.host.clone(),
        slots: i64::from(sup.slots),
        running: 0,
        rigs: sup.settings.rigs.clone(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        started_at: started_at.clone(),
    };
    // Refused while another supervisor runs this host elsewhere. A run known
    // to be over is not: this directory's own (a restart after a crash; the
    // lock records this run first, so that a start whose answer is lost is
    // known too), or one seen to miss its beats here.
    record_run(&mut lock, &started_at);
    let over = over_run(&mut sup, ctx.town()?, previous)?;
    ctx.town()?.host_start(&beat, over.as_deref())?;
    // Beats come well within the silence this host's own patrol calls lost,
    // from a thread of their own: a slow fetch or patrol pass holds none up.
    let beat_every = HOST_BEAT.min(ctx.settings.patrol.host_dead_after / 3);
    let beats = Beats::start(ctx.open_options()?, beat, beat_every);
    sup.recover(ctx.town()?)?;
    let patrol = (!args.no_patrol).then_some(Patrol {
        stall_after: Some(ctx.settings.patrol.stall_after),
        dead_after: Some(ctx.settings.patrol.dead_after),
        max_dispatch_retries: Some(ctx.settings.patrol.max_dispatch_retries),
        host_dead_after: Some(ctx.settings.patrol.host_dead_after),
        dry_run: false,
    });
    let mut next_patrol = Instant::now();
    let mut last_error: Option<String> = None;
    // Worktrees whose work is done go at the start and at each patrol's pace.
    let mut next_sweep = Instant::now();
    loop {
        let town = ctx.town()?;
        if stop.swap(false, Ordering::Relaxed) {
            sup.stop_all(town, &stop)?;
            beats.end();
            return town.host_stopped(&sup.host, &started_at);
        }
        beats
            .running
            .store(i64::from(sup.busy()), Ordering::Relaxed);
        for error in beats.errors.try_iter() {
            sup.say_error(&error);
        }
        // Another supervisor runs this host now: this one's agents stop, and
        // it leaves the host's row to that one.
        if let Some(taken) = beats.replaced() {
            sup.say_error(&taken.message);
            sup.stop_all(town, &stop)?;
            return Err(taken);
        }
        if Instant::now() >= next_sweep {
            next_sweep = later(args.patrol_interval);
            sup.sweep(town);
        }
        if let Some(request) = &patrol {
            if Instant::now() >= next_patrol {
                next_patrol = later(args.patrol_interval);
                if let Err(e) = town.call(request.clone()) {
                    sup.say_error(&format!("patrol: {}", e.message));
                }
            }
        }
        // A supervisor whose beats do not land may have been replaced, or
        // be cut off: it claims nothing new until one does.
        let tick = sup.tick(town, beats.landed_within(SILENT_AFTER));
        // A long-lived process keeps no record of each write's effects, and
        // says what the store warned of.
        let _ = town.take_effects();
        for warning in town.take_warnings() {
            sup.say_error(&warning);
        }
        match &tick {
            Ok(_) => last_error = None,
            // A busy or unreachable town: said once, and tried again a
            // second later.
            Err(e) => {
                if last_error.as_deref() != Some(e.message.as_str()) {
                    sup.say_error(&e.message);
                }
                last_error = Some(e.message.clone());
                std::thread::sleep(Duration::from_secs(1));
            }
        }
        if args.once
            && sup.running.is_empty()
            && sup.preparing.is_empty()
            && !sup.pending
            && tick.as_ref().is_ok_and(|started| *started == 0)
        {
            beats.end();
            town.host_stopped(&sup.host, &started_at)?;
            // A script learns from the exit code whether all went well.
            return match sup.failed.len() {
                0 => Ok(()),
                n => Err(Error::conflict(format!(
                    "{n} bead{} failed: {}",
                    if n == 1 { "" } else { "s" },
                    sup.failed.join(", ")
                ))
                .with_hint("see why in gt escalation list and gt agent logs")),
            };
        }
        std::thread::sleep(TICK);
    }
}

/// The run of the host known to be over, if another run holds it: the one
/// the lock recorded, else, when the host is live with another run, that
/// run once it is seen to miss its beats for [`SILENT_AFTER`] (by this
/// machine's clock alone: the other's is never compared with it). A run
/// that beats meanwhile is another supervisor's, and the start is refused.
fn over_run(
    sup: &mut Supervisor,
    town: &mut Town,
    recorded: Option<String>,
) -> Result<Option<String>> {
    let row = |town: &mut Town| -> Result<Option<gt_core::model::Host>> {
        Ok(town.hosts()?.into_iter().find(|h| h.name == sup.host))
    };
    let Some(first) = row(town)? else {
        return Ok(recorded);
    };
    if first.status != HostStatus::Live || recorded.as_deref() == Some(first.started_at.as_str()) {
        return Ok(recorded);
    }
    sup.say_note(&format!(
        "host {} is live with a run started at {} (last beat at {}): watching up to {} s \
         for its beats before taking it",
        first.name,
        first.started_at,
        first.last_seen,
        SILENT_AFTER.as_secs()
    ));
    let until = Instant::now() + SILENT_AFTER;
    while Instant::now() < until {
        std::thread::sleep(Duration::from_millis(250));
        match row(town)? {
            Some(h)
                if h.status == HostStatus::Live
                    && (h.started_at != first.started_at || h.last_seen != first.last_seen) =>
            {
                return Err(gt_core::ops::host::second_supervisor(&h));
            }
            Some(h) if h.status == HostStatus::Live => {}
            // Stopped or lost meanwhile: no other run holds it.
            _ => return Ok(recorded),
        }
    }
    Ok(Some(first.started_at))
}

/// The host's beats, sent from a thread of their own with a connection of
/// their own, so that a supervisor busy with a slow git fetch or patrol
/// pass still beats. The loop tells it how many agents run, and reads what
/// it found: errors to say, when a beat last landed, and whether another
/// run has taken the host.
struct Beats {
    running: Arc<AtomicI64>,
    landed: Arc<Mutex<Instant>>,
    replaced: Arc<Mutex<Option<Error>>>,
    errors: mpsc::Receiver<String>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Beats {
    fn start(options: OpenOptions, beat: HostBeat, every: Duration) -> Beats {
        let running = Arc::new(AtomicI64::new(0));
        let landed = Arc::new(Mutex::new(Instant::now()));
        let replaced = Arc::new(Mutex::new(None));
        let stop = Arc::new(AtomicBool::new(false));
        let (tx, errors) = mpsc::channel();
        let thread = {
            let (running, landed, replaced, stop) = (
                running.clone(),
                landed.clone(),
                replaced.clone(),
                stop.clone(),
            );
            std::thread::spawn(move || {
                let mut town: Option<Town> = None;
                let mut next = Instant::now() + every;
                while !stop.load(Ordering::Relaxed) {
                    if Instant::now() < next {
                        std::thread::sleep(TICK);
                        continue;
                    }
                    next = Instant::now() + every;
                    let beat = HostBeat {
                        running: running.load(Ordering::Relaxed),
                        ..beat.clone()
                    };
                    let result = match town.as_mut() {
                        Some(town) => town.host_beat(&beat),
                        None => Town::open(&options).and_then(|mut t| {
                            let done = t.host_beat(&beat);
                            town = Some(t);
                            done
                        }),
                    };
                    match result {
                        Ok(_) => *landed.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now(),
                        Err(e) => {
                            // Replaced: the host is live with another run.
                            let taken =
                                town.as_mut()
                                    .and_then(|t| t.hosts().ok())
                                    .is_some_and(|hosts| {
                                        hosts.iter().any(|h| {
                                            h.name == beat.name
                                                && held_by_another(h, &beat.started_at)
                                        })
                                    });
                            if taken {
                                *replaced.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                                return;
                            }
                            let _ = tx.send(format!("beat: {}", e.message));
                        }
                    }
                }
            })
        };
        Beats {
            running,
            landed,
            replaced,
            errors,
            stop,
            thread: Some(thread),
        }
    }

    /// Whether a beat landed within `age`.
    fn landed_within(&self, age: Duration) -> bool {
        self.landed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .elapsed()
            <= age
    }

    /// Another run's refusal of this one's beat, once there is one.
    fn replaced(&self) -> Option<Error> {
        self.replaced
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }

    /// Stops beating, and waits for a beat under way.
    fn end(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Beats {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// A process the supervisor runs.
struct Running {
    claim: Claim,
    child: Child,
    pid: i64,
    log: PathBuf,
    started: Instant,
    /// Set once it is being stopped: why, whether that counts as a failed
    /// attempt, and when SIGKILL follows.
    stopping: Option<Stopping>,
    /// How its command (the group's leader) ended; the run ends when the
    /// whole group has.
    leader: Option<std::process::ExitStatus>,
    /// What copies its output into its log.
    copy: Option<LogCopy>,
}

/// A thread copying a run's output (one pipe for stdout and stderr) into
/// its log, up to [`LOG_LIMIT`]: past it, the rest is read and dropped (so
/// the agent never blocks on a full pipe) and the run is marked flooded.
struct LogCopy {
    flooded: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl LogCopy {
    fn start(mut from: std::io::PipeReader, mut to: File) -> std::io::Result<LogCopy> {
        use std::io::{Read, Write};
        let flooded = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&flooded);
        let thread = std::thread::Builder::new()
            .name("log copy".into())
            .spawn(move || {
                let mut written: u64 = 0;
                let mut buf = vec![0u8; 64 << 10];
                loop {
                    let n = match from.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => n,
                    };
                    if written >= LOG_LIMIT {
                        continue;
                    }
                    let keep = n.min((LOG_LIMIT - written) as usize);
                    // A log that cannot be written (a full disk) loses the
                    // output, never the run.
                    let _ = to.write_all(&buf[..keep]);
                    written += keep as u64;
                    if written >= LOG_LIMIT {
                        let _ =
                            to.write_all(b"\n[gt: the log passed 64 MiB; the rest was dropped]\n");
                        flag.store(true, Ordering::Relaxed);
                    }
                }
            });
        thread.map(|thread| LogCopy { flooded, thread })
    }

    fn flooded(&self) -> bool {
        self.flooded.load(Ordering::Relaxed)
    }

    /// Waits up to `wait` for the copy to reach the end of the output; a
    /// copy still held open (by a process that left the group) is left to
    /// end by itself.
    fn finish(self, wait: Duration) {
        let until = Instant::now() + wait;
        while !self.thread.is_finished() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(10));
        }
        if self.thread.is_finished() {
            let _ = self.thread.join();
        }
    }
}

struct Stopping {
    outcome: &'static str,
    counts: bool,
    kill_at: Instant,
}

struct Supervisor {
    host: String,
    command: String,
    slots: u32,
    settings: RunSettings,
    data: PathBuf,
    exe: PathBuf,
    db: String,
    credentials: Option<gt_core::store::rqlite::Credentials>,
    json: bool,
    style: crate::output::Style,
    /// By agent ID.
    running: HashMap<String, Running>,
    /// The last event read.
    cursor: i64,
    /// Agents whose last attempt failed, and when their next may start:
    /// a failure that recurs at once (a network blip, a missing key) does
    /// not use up every attempt in a moment.
    backoff: HashMap<String, Instant>,
    /// Whether runnable work waits out a backoff (for `--once`).
    pending: bool,
    /// The beads this supervisor's runs failed (for `--once`'s exit code).
    failed: Vec<String>,
    /// Claims whose workspaces are being made (git may take a while), by
    /// agent ID: each holds a slot.
    preparing: HashMap<String, Preparing>,
}

/// A claim whose workspace a thread of its own is making.
struct Preparing {
    claim: Claim,
    done: std::sync::mpsc::Receiver<std::result::Result<Workspace, String>>,
}

/// One line of the supervisor's output (a JSON Line with `--json`).
#[derive(Debug, Serialize)]
struct Line<'a> {
    event: &'a str,
    host: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    agent: &'a str,
    bead: &'a str,
    #[serde(skip_serializing_if = "is_zero")]
    attempt: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pid: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signal: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    log: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
}

impl Supervisor {
    /// Releases this host's claims whose processes are gone (a supervisor
    /// killed before), stopping what is left of their process groups; their
    /// beads are runnable again.
    fn recover(&mut self, town: &mut Town) -> Result<()> {
        for agent in town.claims_of(&self.host)? {
            let started_at = agent.run_started_at.clone().unwrap_or_default();
            let bead = agent
                .run_bead
                .clone()
                .or_else(|| agent.hook.clone())
                .unwrap_or_default();
            // What is left of the lost run: only processes that are still
            // this run's (a pid recorded before a reboot may be anyone's
            // now), also when it was lost before its pid was recorded.
            kill_leftovers(agent.pid, &agent.name, &bead);
            let end = RunEnd {
                agent_id: agent.id.clone(),
                bead_id: bead.clone(),
                host: self.host.clone(),
                started_at,
                outcome: "lost".into(),
                code: None,
                signal: None,
                log_tail: vec!["its supervisor stopped without ending it".into()],
                counts: false,
            };
            town.run_ended(&end, self.settings.max_attempts)?;
            self.say(Line {
                event: "released",
                why: Some("its supervisor was gone"),
                ..line(&self.host, &agent.name, &bead, agent.attempt)
            });
        }
        Ok(())
    }

    /// One look: ended processes, work taken away, time run out, then new
    /// claims. Returns how many it started.
    fn tick(&mut self, town: &mut Town, may_claim: bool) -> Result<usize> {
        // Time runs out whatever the store says.
        self.enforce_deadlines();
        self.reap(town)?;
        self.watch_events(town)?;
        self.start_prepared(town)?;
        let now = Instant::now();
        self.backoff.retain(|_, until| *until > now);
        self.pending = false;
        let mut started = 0;
        while may_claim && self.busy() < self.slots {
            let free = self.slots - self.busy();
            // Those waiting out a failed attempt are skipped, so ask for
            // as many more.
            let found = town.runnable(free + self.backoff.len() as u32, &self.settings.rigs)?;
            let waiting = found.len();
            let agents: Vec<String> = found
                .into_iter()
                .filter(|a| !self.backoff.contains_key(a))
                .collect();
            if agents.is_empty() {
                self.pending = waiting > 0 || !self.backoff.is_empty();
                break;
            }
            let mut claimed_any = false;
            for agent_id in agents {
                if let Some(claim) = town.claim(&agent_id, &self.host)? {
                    claimed_any = true;
                    self.prepare(claim);
                    started += 1;
                }
                if self.busy() >= self.slots {
                    break;
                }
            }
            if !claimed_any {
                break;
            }
        }
        Ok(started)
    }

    /// Starts the claimed agent's process; a workspace that cannot be made is
    /// a failed attempt. Returns whether a process runs.
    fn start(
        &mut self,
        town: &mut Town,
        claim: Claim,
        workspace: std::result::Result<Workspace, String>,
    ) -> Result<bool> {
        let log = log_path(
            &self.data,
            &claim.agent.name,
            &claim.bead.id,
            claim.run.attempt,
        );
        let prepared = workspace.and_then(|ws| {
            let file = open_log(&log)?;
            let config = self.mcp_config(&claim)?;
            let brief = crate::guide::polecat_brief(town, &claim.agent.id, Some(&ws))
                .map_err(|e| e.message)?;
            let brief = fitted(brief);
            self.spawn(&claim, &ws, file, &config, &brief)
        });
        let (child, pid, copy) = match prepared {
            Ok(started) => started,
            Err(why) => {
                let end = RunEnd {
                    agent_id: claim.agent.id.clone(),
                    bead_id: claim.bead.id.clone(),
                    host: self.host.clone(),
                    started_at: claim.started_at.clone(),
                    outcome: "not_started".into(),
                    code: None,
                    signal: None,
                    log_tail: tail_of_text(&why),
                    counts: true,
                };
                let ended = town.run_ended(&end, self.settings.max_attempts)?;
                self.say(Line {
                    event: "failed_to_start",
                    why: Some(&why),
                    ..claim_line(&self.host, &claim)
                });
                self.say_ended(&claim, ended, false);
                self.back_off(&claim, ended);
                return Ok(false);
            }
        };
        // The process runs whatever the store says: a failure to record its
        // pid is said, and the run is watched all the same.
        if let Err(e) = town.run_pid(&claim.agent.id, &self.host, &claim.started_at, pid) {
            self.say_error(&format!("cannot record process {pid}: {}", e.message));
        }
        self.say(Line {
            event: "started",
            pid: Some(pid),
            log: Some(log.display().to_string()),
            ..claim_line(&self.host, &claim)
        });
        self.running.insert(
            claim.agent.id.clone(),
            Running {
                claim,
                child,
                pid,
                log,
                started: Instant::now(),
                stopping: None,
                leader: None,
                copy: Some(copy),
            },
        );
        Ok(true)
    }

    /// How many slots are taken: runs, and claims whose workspace is being
    /// made.
    fn busy(&self) -> u32 {
        (self.running.len() + self.preparing.len()) as u32
    }

    /// Makes the claim's workspace on a thread of its own, so that a slow
    /// clone or fetch holds up no other run.
    fn prepare(&mut self, claim: Claim) {
        let (tx, done) = std::sync::mpsc::channel();
        let (data, for_thread) = (self.data.clone(), claim.clone());
        let spawned = std::thread::Builder::new()
            .name("workspace".into())
            .spawn(move || {
                let _ = tx.send(prepare_workspace(&data, &for_thread));
            });
        if let Err(e) = spawned {
            let (tx, rx) = std::sync::mpsc::channel();
            let _ = tx.send(Err(format!("cannot start a thread for its workspace: {e}")));
            return self.hold(claim, rx);
        }
        self.hold(claim, done);
    }

    fn hold(
        &mut self,
        claim: Claim,
        done: std::sync::mpsc::Receiver<std::result::Result<Workspace, String>>,
    ) {
        self.preparing
            .insert(claim.agent.id.clone(), Preparing { claim, done });
    }

    /// Starts each claim whose workspace is ready, unless its work was taken
    /// meanwhile (then its claim is released, no attempt spent).
    fn start_prepared(&mut self, town: &mut Town) -> Result<()> {
        use std::sync::mpsc::TryRecvError;
        let mut ready = Vec::new();
        for (id, p) in &self.preparing {
            match p.done.try_recv() {
                Ok(workspace) => ready.push((id.clone(), workspace)),
                Err(TryRecvError::Disconnected) => ready.push((
                    id.clone(),
                    Err("the workspace thread ended without a word".to_string()),
                )),
                Err(TryRecvError::Empty) => {}
            }
        }
        for (id, workspace) in ready {
            let p = self.preparing.remove(&id).expect("preparing");
            let c = &p.claim;
            let state = match town.run_state(&id, &c.bead.id, &self.host, &c.started_at) {
                Ok(state) => state,
                Err(e) => {
                    // Kept, workspace and all, for the next look.
                    let (tx, rx) = std::sync::mpsc::channel();
                    let _ = tx.send(workspace);
                    self.hold(p.claim, rx);
                    return Err(e);
                }
            };
            if let RunState::Taken(why) = state {
                self.release_unstarted(town, &p.claim, &why)?;
                continue;
            }
            self.start(town, p.claim, workspace)?;
        }
        Ok(())
    }

    /// Releases a claim whose process never started, spending no attempt.
    fn release_unstarted(&mut self, town: &mut Town, claim: &Claim, why: &str) -> Result<()> {
        let end = RunEnd {
            agent_id: claim.agent.id.clone(),
            bead_id: claim.bead.id.clone(),
            host: self.host.clone(),
            started_at: claim.started_at.clone(),
            outcome: "stopped".into(),
            code: None,
            signal: None,
            log_tail: vec![why.to_string()],
            counts: false,
        };
        town.run_ended(&end, self.settings.max_attempts)?;
        self.say(Line {
            event: "released",
            why: Some(why),
            ..claim_line(&self.host, claim)
        });
        Ok(())
    }

    /// The agent's command, in its own process group, with the §10 environment.
    fn spawn(
        &self,
        claim: &Claim,
        ws: &Workspace,
        log: File,
        mcp_config: &Path,
        brief: &str,
    ) -> std::result::Result<(Child, i64, LogCopy), String> {
        let (reader, writer) = std::io::pipe().map_err(|e| format!("cannot make a pipe: {e}"))?;
        let err = writer
            .try_clone()
            .map_err(|e| format!("cannot make a pipe: {e}"))?;
        // The agent's group is led by a keeper, which takes the whole group
        // down if this supervisor dies (see crate::keeper).
        let mut cmd = Command::new(&self.exe);
        cmd.arg(crate::keeper::FLAG)
            .arg(std::process::id().to_string())
            .args(["sh", "-c"])
            .arg(&self.command)
            .current_dir(&ws.dir)
            .stdin(Stdio::null())
            .stdout(Stdio::from(writer))
            .stderr(Stdio::from(err))
            .env("GT_DB", &self.db)
            .env("GT_ACTOR", &claim.agent.name)
            .env("GT_BEAD_ID", &claim.bead.id)
            // GT_AGENT, and the run (whose end ends its writes).
            .envs(run_env(claim, &self.host))
            .env("GT_RIG", &claim.rig.name)
            .env(
                "GT_CONVOY_ID",
                claim.bead.convoy_id.as_deref().unwrap_or(""),
            )
            .env("GT_WORKSPACE", &ws.dir)
            .env("GT_BRANCH", &ws.branch)
            .env("GT_BASE_BRANCH", &ws.base)
            .env("GT_PROMPT", brief)
            .env("GT_MCP_CONFIG", mcp_config)
            .env("PATH", self.path_with_gt())
            .env_remove("GT_DB_USER")
            .env_remove("GT_DB_PASSWORD");
        if let Some(c) = &self.credentials {
            cmd.env("GT_DB_USER", &c.user)
                .env("GT_DB_PASSWORD", &c.password);
        }
        own_group_dying_with_parent(&mut cmd);
        let child = cmd.spawn().map_err(|e| {
            format!("cannot start the agent's command (gt's keeper, then sh -c): {e}")
        })?;
        // The command holds the pipe's writing end now; this process must not.
        drop(cmd);
        let pid = i64::from(child.id());
        let copy = match LogCopy::start(reader, log) {
            Ok(copy) => copy,
            Err(e) => {
                // No thread to read its output: the run cannot be kept.
                kill_group(pid, libc::SIGKILL);
                let mut child = child;
                let _ = child.wait();
                return Err(format!("cannot start a thread for its log: {e}"));
            }
        };
        Ok((child, pid, copy))
    }

    /// `PATH` with this gt's directory first, so that the agent's `gt` is
    /// the supervisor's.
    fn path_with_gt(&self) -> std::ffi::OsString {
        let mut path = std::ffi::OsString::new();
        if let Some(dir) = self.exe.parent() {
            path.push(dir);
            path.push(":");
        }
        path.push(std::env::var_os("PATH").unwrap_or_default());
        path
    }

    /// The polecat's MCP config file: `mcpServers.gt` runs this gt's
    /// `mcp --polecat AGENT` on this town.
    fn mcp_config(&self, claim: &Claim) -> std::result::Result<PathBuf, String> {
        let dir = self.data.join("run");
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let path = dir.join(format!("{}.mcp.json", file_name(&claim.agent.name)));
        let mut env = serde_json::Map::new();
        // The run the server serves: its writes end with the run.
        for (key, value) in run_env(claim, &self.host) {
            env.insert(key.into(), value.into());
        }
        if let Some(c) = &self.credentials {
            env.insert("GT_DB_USER".into(), c.user.clone().into());
            env.insert("GT_DB_PASSWORD".into(), c.password.clone().into());
        }
        let config = serde_json::json!({
            "mcpServers": {
                "gt": {
                    "command": self.exe,
                    "args": ["--db", self.db, "--actor", claim.agent.name, "mcp", "--polecat", claim.agent.name],
                    "env": env,
                }
            }
        });
        write_private(&path, config.to_string().as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(path)
    }

    /// Records each run that ended: its command, and every process it
    /// left in its group (stopped like the run, with the grace).
    fn reap(&mut self, town: &mut Town) -> Result<()> {
        let mut ended = Vec::new();
        let mut left_behind = Vec::new();
        for (id, r) in &mut self.running {
            if r.leader.is_none() {
                if let Ok(Some(status)) = r.child.try_wait() {
                    r.leader = Some(status);
                }
            }
            let Some(status) = r.leader else {
                continue;
            };
            if !group_alive(r.pid) {
                ended.push((id.clone(), status));
            } else if r.stopping.is_none() {
                left_behind.push(id.clone());
            }
        }
        for id in left_behind {
            self.begin_stop(
                &id,
                "exited",
                true,
                "its command ended, leaving processes behind",
            );
        }
        for (id, status) in ended {
            let r = self.running.get_mut(&id).expect("a running process");
            // Its group is gone, so its pipe is closed and the copy ends,
            // unless a process that left the group still holds it: then
            // the log is read as it is.
            if let Some(copy) = r.copy.take() {
                copy.finish(Duration::from_millis(500));
            }
            let r = &self.running[&id];
            use std::os::unix::process::ExitStatusExt;
            let (outcome, counts) = match &r.stopping {
                Some(s) => (s.outcome, s.counts),
                None => ("exited", true),
            };
            let end = RunEnd {
                agent_id: r.claim.agent.id.clone(),
                bead_id: r.claim.bead.id.clone(),
                host: self.host.clone(),
                started_at: r.claim.started_at.clone(),
                outcome: outcome.into(),
                code: status.code().map(i64::from),
                signal: status.signal().map(i64::from),
                log_tail: self.masked(log_tail(&r.log)),
                counts,
            };
            // Recorded before it is forgotten: a store error keeps the run
            // (and its claim) for the next look.
            let ended = town.run_ended(&end, self.settings.max_attempts)?;
            let r = self.running.remove(&id).expect("a running process");
            // A command that failed says why in its last line.
            let last = end.log_tail.last().cloned();
            let failed = end.code.is_some_and(|c| c != 0) && ended != Ended::Done;
            let why = match (outcome, failed, &last) {
                ("exited", true, Some(last)) => Some(last.as_str()),
                ("exited", _, _) => None,
                (other, _, _) => Some(other),
            };
            self.say(Line {
                event: "exited",
                code: end.code,
                signal: end.signal,
                why,
                pid: Some(r.pid),
                ..claim_line(&self.host, &r.claim)
            });
            self.say_ended(&r.claim, ended, true);
            self.back_off(&r.claim, ended);
        }
        Ok(())
    }

    /// Reads the events since the last look; a run whose bead or agent they
    /// concern is checked, and stopped if its work was taken from it.
    fn watch_events(&mut self, town: &mut Town) -> Result<()> {
        loop {
            let events = town.call(ListEvents {
                after_id: Some(self.cursor),
                limit: Some(500),
                ..Default::default()
            })?;
            let Some(last) = events.last().map(|e| e.id) else {
                return Ok(());
            };
            let touched: Vec<String> = self
                .running
                .iter()
                .filter(|(id, r)| {
                    events
                        .iter()
                        .any(|e| e.subject_id == **id || e.subject_id == r.claim.bead.id)
                })
                .map(|(id, _)| id.clone())
                .collect();
            for id in touched {
                let r = &self.running[&id];
                if r.stopping.is_some() {
                    continue;
                }
                let state =
                    town.run_state(&id, &r.claim.bead.id, &self.host, &r.claim.started_at)?;
                match state {
                    // An agent that reported finishes by itself (within
                    // run.timeout, if there is one).
                    RunState::Working | RunState::Reported => {}
                    RunState::Taken(why) => self.begin_stop(&id, "stopped", false, &why),
                }
            }
            // Only once every run they touch is looked at: an error above
            // reads the same events again next time.
            self.cursor = last;
            if events.len() < 500 {
                return Ok(());
            }
        }
    }

    /// Stops runs past `run.timeout` or whose log is full, and SIGKILLs
    /// those that outlived their grace.
    fn enforce_deadlines(&mut self) {
        let now = Instant::now();
        let mut due = Vec::new();
        for (id, r) in &self.running {
            match &r.stopping {
                Some(s) if now >= s.kill_at => kill_group(r.pid, libc::SIGKILL),
                Some(_) => {}
                None => {
                    if r.copy.as_ref().is_some_and(LogCopy::flooded) {
                        due.push((id.clone(), "log_full", true, "its log passed 64 MiB"));
                    } else if self.settings.timeout.is_some_and(|t| now - r.started >= t) {
                        due.push((id.clone(), "timeout", true, "it ran past run.timeout"));
                    }
                }
            }
        }
        for (id, outcome, counts, why) in due {
            self.begin_stop(&id, outcome, counts, why);
        }
    }

    /// SIGTERM to the run's process group; SIGKILL after `run.stop_grace`.
    fn begin_stop(&mut self, id: &str, outcome: &'static str, counts: bool, why: &str) {
        let grace = self.settings.stop_grace;
        let Some(r) = self.running.get_mut(id) else {
            return;
        };
        if r.stopping.is_some() {
            return;
        }
        kill_group(r.pid, libc::SIGTERM);
        r.stopping = Some(Stopping {
            outcome,
            counts,
            kill_at: later(grace),
        });
        let (agent, bead, attempt, pid) = (
            r.claim.agent.name.clone(),
            r.claim.bead.id.clone(),
            r.claim.run.attempt,
            r.pid,
        );
        self.say(Line {
            event: "stopping",
            pid: Some(pid),
            why: Some(why),
            ..line(&self.host, &agent, &bead, attempt)
        });
    }

    /// Stops every run (the supervisor is stopping) and releases its claims:
    /// their beads stay hooked and in progress, runnable again.
    fn stop_all(&mut self, town: &mut Town, again: &AtomicBool) -> Result<()> {
        // Claims still making their workspaces are handed back unstarted
        // (their threads end with the process).
        let preparing: Vec<Claim> = self.preparing.drain().map(|(_, p)| p.claim).collect();
        for claim in &preparing {
            if let Err(e) = self.release_unstarted(town, claim, "the supervisor is stopping") {
                self.say_error(&e.message);
            }
        }
        let ids: Vec<String> = self.running.keys().cloned().collect();
        for id in &ids {
            self.begin_stop(id, "stopped", false, "the supervisor is stopping");
        }
        // Every agent is waited for (and killed after its grace) even while
        // the store fails; their claims are then released on the next start.
        if !self.running.is_empty() {
            let n = self.running.len();
            let grace = humantime::format_duration(self.settings.stop_grace);
            crate::output::warn(
                &self.style,
                &format!(
                    "stopping {n} agent{} (SIGKILL after {grace}; Ctrl-C again to kill them now)",
                    if n == 1 { "" } else { "s" }
                ),
            );
        }
        let mut failed = None;
        while !self.running.is_empty() {
            // A second signal: no more grace.
            if again.swap(false, Ordering::Relaxed) {
                for r in self.running.values_mut() {
                    if let Some(s) = r.stopping.as_mut() {
                        s.kill_at = Instant::now();
                    }
                }
            }
            self.enforce_deadlines();
            if let Err(e) = self.reap(town) {
                if self.running.values().all(|r| r.leader.is_some()) && !self.any_group_alive() {
                    self.say_error(&format!("cannot record how the runs ended: {}", e.message));
                    failed = Some(e);
                    break;
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        match failed {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Removes the worktrees whose work is done: a closed bead's once its
    /// branch is on the repository's remote (merged into a branch there, or
    /// pushed), and any bead's that is no longer at work after
    /// `run.keep_for` (a deleted bead's, a failed one's, a closed one's whose
    /// branch never left). Open and in-review beads keep theirs: the branch
    /// is the work.
    fn sweep(&mut self, town: &mut Town) {
        let Ok(rigs) = std::fs::read_dir(self.data.join("rigs")) else {
            return;
        };
        let busy: Vec<String> = self
            .running
            .values()
            .map(|r| r.claim.bead.id.clone())
            .collect();
        for rig in rigs.flatten() {
            let repo = rig.path().join("repo");
            let has_repo = repo.join(".git").exists();
            let Ok(worktrees) = std::fs::read_dir(rig.path().join("worktrees")) else {
                continue;
            };
            // Taking turns with other supervisors' starts on this rig.
            let Ok(lock) = File::create(rig.path().join(".lock")) else {
                continue;
            };
            if lock.lock().is_err() {
                continue;
            }
            let mut fetched = false;
            for wt in worktrees.flatten() {
                let bead_id = wt.file_name().to_string_lossy().to_string();
                if busy.contains(&bead_id) {
                    continue;
                }
                let bead = match town.bead(&bead_id) {
                    Ok(b) => Some(b),
                    Err(e) if e.code() == "not_found" => None,
                    Err(_) => continue,
                };
                let done_at = match &bead {
                    Some(b) if !b.status.is_terminal() => continue,
                    Some(b) => b.closed_at.clone().unwrap_or_else(|| b.updated_at.clone()),
                    None => String::new(),
                };
                let age = |at: &str| {
                    humantime::parse_rfc3339_weak(at)
                        .ok()
                        .or_else(|| wt.metadata().and_then(|m| m.modified()).ok())
                        .and_then(|t| t.elapsed().ok())
                        .unwrap_or_default()
                };
                let expired = age(&done_at) >= self.settings.keep_for;
                let closed = bead
                    .as_ref()
                    .is_some_and(|b| b.status == gt_core::model::BeadStatus::Closed);
                let landed = closed && has_repo && {
                    if !fetched {
                        let _ = git(&repo, &["fetch", "--quiet", "--prune", "origin"]);
                        fetched = true;
                    }
                    on_remote(&repo, &format!("gt/{bead_id}"))
                };
                if !(expired || landed) {
                    continue;
                }
                let path = wt.path();
                let removed = if has_repo {
                    git(
                        &repo,
                        &["worktree", "remove", "--force", &path.display().to_string()],
                    )
                } else {
                    std::fs::remove_dir_all(&path).map_err(|e| e.to_string())
                };
                match removed {
                    Ok(()) => self.say(Line {
                        event: "removed_worktree",
                        why: Some(if landed {
                            "its branch is on the remote"
                        } else {
                            "run.keep_for passed"
                        }),
                        path: Some(path.display().to_string()),
                        ..line(&self.host, "", &bead_id, 0)
                    }),
                    Err(e) => self.say_error(&format!("cannot remove {}: {e}", path.display())),
                }
            }
        }
    }

    /// Log lines with the town's password (where it has one) masked: an
    /// agent may print its environment.
    fn masked(&self, lines: Vec<String>) -> Vec<String> {
        match self.credentials.as_ref().map(|c| c.password.as_str()) {
            Some(password) if !password.is_empty() => lines
                .into_iter()
                .map(|l| l.replace(password, "***"))
                .collect(),
            _ => lines,
        }
    }

    fn any_group_alive(&self) -> bool {
        self.running.values().any(|r| group_alive(r.pid))
    }

    /// After a failed attempt, the agent's next waits: 1 s, then twice as
    /// long each time, at most a minute.
    fn back_off(&mut self, claim: &Claim, ended: Ended) {
        if ended == Ended::Retry {
            // The town keeps the pause for every host; this host remembers
            // it too, so that `--once` waits it out.
            let wait = gt_core::ops::run::retry_pause(claim.run.attempt);
            self.backoff.insert(claim.agent.id.clone(), later(wait));
        }
    }

    /// A failed attempt's line: retrying, or the bead failed; `started`
    /// says whether a process ran at all.
    fn say_ended(&mut self, claim: &Claim, ended: Ended, started: bool) {
        let (event, why) = match (ended, started) {
            (Ended::Retry, true) => ("retrying", "it ended without reporting"),
            (Ended::Retry, false) => ("retrying", "it could not be started"),
            (Ended::Failed, true) => ("failed", "every attempt ended without reporting"),
            (Ended::Failed, false) => ("failed", "every attempt failed to start"),
            (Ended::Done | Ended::NotOurs, _) => return,
        };
        if ended == Ended::Failed {
            self.failed.push(claim.bead.id.clone());
        }
        self.say(Line {
            event,
            why: Some(why),
            ..claim_line(&self.host, claim)
        });
    }

    fn say(&self, l: Line) {
        let mut human = if l.agent.is_empty() {
            format!("{} {}", l.event, l.bead)
        } else {
            format!(
                "{} {} on {} (attempt {})",
                l.event, l.agent, l.bead, l.attempt
            )
        };
        if let Some(pid) = l.pid {
            human.push_str(&format!(", pid {pid}"));
        }
        if let Some(code) = l.code {
            human.push_str(&format!(", exit {code}"));
        }
        if let Some(signal) = l.signal {
            human.push_str(&format!(", signal {signal}"));
        }
        if let Some(why) = l.why {
            human.push_str(&format!(": {why}"));
        }
        let _ = stream_item(&self.style, &l, &human);
    }

    /// Says what the supervisor is doing, where a person reads it (no line
    /// of its JSON output).
    fn say_note(&self, message: &str) {
        if !self.json {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "note: {}",
                crate::output::sanitize(message)
            );
        }
    }

    fn say_error(&self, message: &str) {
        if self.json {
            let _ = stream_item(
                &self.style,
                &serde_json::json!({"event": "error", "host": self.host, "message": message}),
                "",
            );
        } else {
            crate::output::warn(&self.style, message);
        }
    }
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

/// The line of a claim's run on `host`.
fn claim_line<'a>(host: &'a str, claim: &'a Claim) -> Line<'a> {
    line(host, &claim.agent.name, &claim.bead.id, claim.run.attempt)
}

fn line<'a>(host: &'a str, agent: &'a str, bead: &'a str, attempt: i64) -> Line<'a> {
    Line {
        event: "",
        host,
        agent,
        bead,
        attempt,
        pid: None,
        code: None,
        signal: None,
        why: None,
        log: None,
        path: None,
    }
}

/// The bead's worktree (`rigs/RIG/worktrees/BEAD`, on branch `gt/BEAD`),
/// from the rig's repository cloned once and fetched before each start; an
/// empty directory for a rig without one. A retry keeps the worktree.
fn prepare_workspace(data: &Path, claim: &Claim) -> std::result::Result<Workspace, String> {
    let rig_dir = data.join("rigs").join(file_name(&claim.rig.name));
    let dir = rig_dir.join("worktrees").join(&claim.bead.id);
    let Some(url) = claim
        .rig
        .git_url
        .as_deref()
        .filter(|u| !u.trim().is_empty())
    else {
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        return Ok(Workspace {
            dir,
            branch: String::new(),
            base: String::new(),
        });
    };
    std::fs::create_dir_all(&rig_dir)
        .map_err(|e| format!("cannot create {}: {e}", rig_dir.display()))?;
    // Supervisors sharing this data directory take turns with the repository.
    let lock = File::create(rig_dir.join(".lock"))
        .map_err(|e| format!("cannot lock {}: {e}", rig_dir.display()))?;
    lock.lock()
        .map_err(|e| format!("cannot lock {}: {e}", rig_dir.display()))?;
    let repo = rig_dir.join("repo");
    if !repo.join(".git").exists() {
        let fresh = rig_dir.join("repo.partial");
        let _ = std::fs::remove_dir_all(&fresh);
        git(
            &rig_dir,
            &[
                "clone",
                "--quiet",
                "--no-checkout",
                "--",
                url,
                "repo.partial",
            ],
        )?;
        std::fs::rename(&fresh, &repo)
            .map_err(|e| format!("cannot move the clone into place: {e}"))?;
    } else {
        git(&repo, &["fetch", "--quiet", "--prune", "origin"])?;
    }
    let branch = format!("gt/{}", claim.bead.id);
    let feature = claim
        .convoy
        .as_ref()
        .and_then(|c| c.feature_branch.clone())
        .filter(|b| {
            git(
                &repo,
                &["rev-parse", "--verify", "--quiet", &format!("origin/{b}")],
            )
            .is_ok()
        });
    let base = feature.unwrap_or_else(|| claim.rig.default_branch.clone());
    if dir.join(".git").exists() {
        return Ok(Workspace { dir, branch, base });
    }
    let _ = git(&repo, &["worktree", "prune"]);
    let path = dir.display().to_string();
    let has_branch = git(
        &repo,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("refs/heads/{branch}"),
        ],
    )
    .is_ok();
    if has_branch {
        git(&repo, &["worktree", "add", "--quiet", &path, &branch])?;
    } else {
        git(
            &repo,
            &[
                "worktree",
                "add",
                "--quiet",
                "-b",
                &branch,
                &path,
                &format!("origin/{base}"),
            ],
        )?;
    }
    Ok(Workspace { dir, branch, base })
}

/// Whether a remote branch of `repo` holds `branch`'s last commit (it was
/// merged there, or pushed).
fn on_remote(repo: &Path, branch: &str) -> bool {
    Command::new("git")
        .args(["branch", "--remotes", "--contains", branch])
        .current_dir(repo)
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success() && !o.stdout.trim_ascii().is_empty())
}

/// Runs git in `dir`; its error output is the failure.
/// It never asks for anything (no terminal prompt, ssh in batch mode) and
/// is stopped after [`GIT_TIMEOUT`]: an unreachable remote fails an attempt
/// and never stalls the supervisor for good.
fn git(dir: &Path, args: &[&str]) -> std::result::Result<(), String> {
    use gt_core::dispatch::{within, Waited};
    let mut cmd = Command::new("git");
    cmd.args(args)
        .current_dir(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdout(Stdio::null());
    if std::env::var_os("GIT_SSH_COMMAND").is_none() {
        cmd.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
    }
    let verb = args.first().copied().unwrap_or("");
    let (status, err) = within(&mut cmd, GIT_TIMEOUT).map_err(|e| match e {
        Waited::Spawn(e) => format!("cannot run git: {e}"),
        Waited::Wait(e) => format!("cannot wait for git: {e}"),
        Waited::TooLong => format!(
            "git {verb} took longer than {}s and was stopped",
            GIT_TIMEOUT.as_secs()
        ),
    })?;
    if status.success() {
        return Ok(());
    }
    let err = String::from_utf8_lossy(&err);
    let err = gt_core::store::location::redact(err.trim());
    Err(format!("git {verb} failed: {err}"))
}

/// The data directory ([`Ctx::local_dir`]), made if it is not there yet.
fn data_dir(ctx: &Ctx) -> Result<PathBuf> {
    let dir = ctx.local_dir().ok_or_else(|| {
        Error::unavailable("cannot find your data directory (is HOME set?)")
            .with_hint("pass --db PATH")
    })?;
    std::fs::create_dir_all(&dir)
        .and_then(|_| std::fs::canonicalize(&dir))
        .map_err(|e| Error::unavailable(format!("cannot use {}: {e}", dir.display())))
}

/// The machine's host name.
fn host_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer outlives the call and its length is passed with it.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    let name = if rc == 0 {
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        String::from_utf8_lossy(&buf[..end]).trim().to_string()
    } else {
        String::new()
    };
    if name.is_empty() {
        "localhost".into()
    } else {
        name
    }
}

/// The run an agent's processes belong to, in their environment
/// ([`gt_core::RunFence`]): their writes are refused once it has ended.
fn run_env(claim: &Claim, host: &str) -> [(&'static str, String); 3] {
    [
        ("GT_AGENT", claim.agent.name.clone()),
        ("GT_RUN_HOST", host.to_string()),
        ("GT_RUN_STARTED_AT", claim.started_at.clone()),
    ]
}

/// Holds the host's lock file for as long as the supervisor runs, with the
/// run it records: the start time of the last supervisor that held it here.
fn lock_host(path: &Path, host: &str) -> Result<(File, Option<String>)> {
    use std::io::Read;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::unavailable(format!("cannot create {}: {e}", dir.display())))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| Error::unavailable(format!("cannot create {}: {e}", path.display())))?;
    if file.try_lock().is_err() {
        return Err(Error::conflict(format!(
            "a supervisor for host {host} already runs on this data directory"
        ))
        .with_hint("stop it first, or give this one another --host"));
    }
    let mut previous = String::new();
    let _ = file.read_to_string(&mut previous);
    let previous = previous.trim();
    Ok((file, (!previous.is_empty()).then(|| previous.to_string())))
}

/// Records this supervisor's run in its lock file (best effort: without it,
/// a restart within seconds of a crash waits for its host to read silent).
fn record_run(lock: &mut File, started_at: &str) {
    use std::io::{Seek, Write};
    let _ = lock.set_len(0);
    let _ = lock.rewind();
    let _ = lock.write_all(started_at.as_bytes());
    let _ = lock.sync_data();
}

fn open_log(path: &Path) -> std::result::Result<File, String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    use std::os::unix::fs::OpenOptionsExt;
    // An agent's output is its own business, and may hold secrets.
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| format!("cannot open the log {}: {e}", path.display()))
}

/// Writes a file only its owner may read.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)
}

/// The last lines of a log, each cut short.
fn log_tail(path: &Path) -> Vec<String> {
    tail_of_text(&last_lines(path, 4 * TAIL_LINES).join("\n"))
}

fn tail_of_text(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(TAIL_LINES)..]
        .iter()
        .map(|l| {
            gt_core::store::location::redact(l)
                .chars()
                .take(TAIL_LINE_CHARS)
                .collect()
        })
        .collect()
}

/// SIGKILLs what is left of a lost run of `agent` on `bead`: each process
/// whose environment names both (every process of a run inherits them),
/// and that is in its process group `pgid` where that was recorded (Linux's
/// `/proc`; where that cannot be read, nothing is signalled on a guess).
fn kill_leftovers(pgid: Option<i64>, agent: &str, bead: &str) {
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return;
    };
    let wanted = [format!("GT_AGENT={agent}"), format!("GT_BEAD_ID={bead}")];
    for entry in procs.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<i32>().ok())
        else {
            continue;
        };
        let group = gt_core::process::group_of(i64::from(pid));
        if pgid.is_some_and(|pgid| group != Some(pgid)) {
            continue;
        }
        let ours = std::fs::read(format!("/proc/{pid}/environ")).is_ok_and(|env| {
            wanted
                .iter()
                .all(|want| env.split(|&b| b == 0).any(|var| var == want.as_bytes()))
        });
        if ours {
            // SAFETY: kill(2) on one process found above.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
            }
        }
    }
}

/// The most of a brief that `GT_PROMPT` carries: one environment string may
/// hold 128 KiB on Linux, and the rest of the environment needs room too.
const BRIEF_LIMIT: usize = 96 << 10;

/// A brief that fits in `GT_PROMPT`: cut at a character boundary, saying so.
fn fitted(brief: String) -> String {
    if brief.len() <= BRIEF_LIMIT {
        return brief;
    }
    let mut end = BRIEF_LIMIT;
    while !brief.is_char_boundary(end) {
        end -= 1;
    }
    format!(
        "{}\n\n[The brief was cut here; `gt prompt polecat` prints all of it.]\n",
        &brief[..end]
    )
}

/// `wait` from now, or as far as the clock goes.
fn later(wait: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(wait)
        .unwrap_or_else(|| now + Duration::from_secs(100 * 365 * 86_400))
}

/// Whether any process of the group that `pid` led is left.
fn group_alive(pid: i64) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 to a process group only checks that it has members.
    pid > 1 && unsafe { libc::kill(-pid, 0) } == 0
}

/// Signals a process group (its leader's pid), if it still exists.
fn kill_group(pid: i64, signal: libc::c_int) {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return;
    };
    if pid > 1 {
        // SAFETY: kill(2) with a negative pid signals that process group only.
        unsafe {
            libc::kill(-pid, signal);
        }
    }
}

/// The child (a keeper) leads a process group of its own, and on Linux is
/// told when the supervisor dies, taking its group down.
fn own_group_dying_with_parent(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    cmd.process_group(0);
    #[cfg(target_os = "linux")]
    // SAFETY: prctl is async-signal-safe; it is the only call between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, crate::keeper::PARENT_DEATH) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}
