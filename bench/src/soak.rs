//! `gt-bench --soak` (issue 34): many hosts on one town, for minutes.
//! `--hosts` supervisors (`gt run --host hK --slots N --patrol-interval 2s`,
//! `patrol.host_dead_after` 6 s) work `--beads` beads of the Python test agent
//! (`tests/run/agent.py`, through the MCP SDK), slung in convoys whose polecats
//! together fill every slot. Each bead's title, drawn with a seeded PRNG
//! (`--seed`), says how long its agent works (0.1–2 s, `[slow=S]`) and how it
//! ends: most close their bead, some report it failed (`[fail]`), some crash
//! without reporting (`[exit1]`, on every attempt, so the bead fails after
//! `run.max_attempts`). A third of the way through, one supervisor is killed
//! (SIGKILL); a few seconds after the town declares its host lost it starts
//! again under the same name.
//!
//! Figures: beads per minute from the first sling to the last bead closed or
//! failed; claim latency (a bead's `dispatched` event, or its previous run's
//! `exited`, to its `started` event); double starts, counted twice: from the
//! agents' own record of each run's start and end (a run that died without
//! recording its end ends when its process was seen gone) and from the event
//! log (a `started` with the bead's previous run not `exited`); and how long
//! the killed host's beads took to start elsewhere.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use super::{cpu_seconds, machine, rqlite_node, rqlite_store, run_ok, Opts, Store};

/// Beads per convoy.
const CONVOY: usize = 125;
/// `patrol.host_dead_after`, in seconds.
const DEAD_AFTER: u64 = 6;
/// Each supervisor's `--patrol-interval`.
const PATROL: &str = "2s";
/// `run.max_attempts`: a crashing bead fails at its second crash.
const MAX_ATTEMPTS: u32 = 2;
/// How long after its host is declared lost the killed supervisor restarts.
const BACK_AFTER: Duration = Duration::from_secs(3);
/// Shares of beads whose agents report failure, and that crash.
const FAIL: f64 = 0.06;
const CRASH: f64 = 0.04;
/// The whole soak gives up after this long.
const GIVE_UP: Duration = Duration::from_secs(40 * 60);

/// SplitMix64: a fixed seed draws the same beads on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Close,
    Fail,
    Crash,
}

/// The beads' titles, in order, and how many of each kind.
fn plan(n: usize, seed: u64) -> (Vec<String>, [usize; 3]) {
    let mut rng = Rng(seed);
    let mut counts = [0; 3];
    let titles = (0..n)
        .map(|i| {
            let secs = 0.1 + 1.9 * rng.unit();
            let r = rng.unit();
            let (kind, marker) = if r < FAIL {
                (Kind::Fail, " [fail]")
            } else if r < FAIL + CRASH {
                (Kind::Crash, " [exit1]")
            } else {
                (Kind::Close, "")
            };
            counts[kind as usize] += 1;
            format!("soak {i} [slow={secs:.2}]{marker}")
        })
        .collect();
    (titles, counts)
}

fn now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
}

/// An event's time, in seconds since the epoch.
fn at(e: &Value) -> f64 {
    let at = humantime::parse_rfc3339(e["created_at"].as_str().unwrap()).unwrap();
    at.duration_since(UNIX_EPOCH).unwrap().as_secs_f64()
}

/// One run of an agent, as it recorded itself.
#[derive(Clone, Debug)]
struct RunSpan {
    bead: String,
    pid: u32,
    start: f64,
    /// Its own `end` line.
    end: Option<f64>,
    /// When its process was first seen gone without an `end` line.
    died: Option<f64>,
    /// When its process was first seen gone (checked every 100 ms).
    gone: Option<f64>,
}

impl RunSpan {
    fn finish(&self) -> Option<f64> {
        self.end.or(self.died)
    }
}

/// Follows the agents' record file: each run's start and end, and when a
/// process that never wrote its end was seen gone (every 100 ms).
struct Watcher {
    runs: Arc<Mutex<BTreeMap<(String, u32), RunSpan>>>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Watcher {
    fn start(record: PathBuf) -> Watcher {
        let runs = Arc::new(Mutex::new(BTreeMap::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (runs, stop) = (Arc::clone(&runs), Arc::clone(&stop));
            std::thread::spawn(move || {
                let mut offset = 0;
                let mut partial = String::new();
                loop {
                    let last = stop.load(Ordering::Relaxed);
                    read_record(&record, &mut offset, &mut partial, &runs);
                    let open: Vec<(String, u32)> = runs
                        .lock()
                        .unwrap()
                        .iter()
                        .filter(|(_, r)| r.gone.is_none())
                        .map(|(k, _)| k.clone())
                        .collect();
                    let gone: Vec<_> = open.into_iter().filter(|k| !alive(k.1)).collect();
                    if !gone.is_empty() {
                        let seen = now();
                        // An end written just before the exit is read now.
                        read_record(&record, &mut offset, &mut partial, &runs);
                        let mut runs = runs.lock().unwrap();
                        for key in gone {
                            if let Some(run) = runs.get_mut(&key) {
                                run.gone = Some(seen);
                                if run.end.is_none() {
                                    run.died = Some(seen);
                                }
                            }
                        }
                    }
                    if last {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(100));
                }
            })
        };
        Watcher {
            runs,
            stop,
            thread: Some(thread),
        }
    }

    fn finish(mut self) -> Vec<RunSpan> {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
        let runs = self.runs.lock().unwrap();
        runs.values().cloned().collect()
    }
}

fn read_record(
    path: &Path,
    offset: &mut u64,
    partial: &mut String,
    runs: &Mutex<BTreeMap<(String, u32), RunSpan>>,
) {
    let Ok(mut file) = File::open(path) else {
        return;
    };
    let mut text = String::new();
    if file.seek(SeekFrom::Start(*offset)).is_err() || file.read_to_string(&mut text).is_err() {
        return;
    }
    *offset += text.len() as u64;
    partial.push_str(&text);
    let complete = match partial.rfind('\n') {
        Some(i) => i + 1,
        None => return,
    };
    let lines: String = partial.drain(..complete).collect();
    let mut runs = runs.lock().unwrap();
    for line in lines.lines() {
        let parts: Vec<&str> = line.split(' ').collect();
        let [what, bead, pid, time] = parts[..] else {
            continue;
        };
        let (Ok(pid), Ok(time)) = (pid.parse::<u32>(), time.parse::<f64>()) else {
            continue;
        };
        let key = (bead.to_string(), pid);
        match what {
            "start" => {
                runs.insert(
                    key,
                    RunSpan {
                        bead: bead.to_string(),
                        pid,
                        start: time,
                        end: None,
                        died: None,
                        gone: None,
                    },
                );
            }
            "end" => {
                if let Some(run) = runs.get_mut(&key) {
                    run.end = Some(time);
                }
            }
            _ => {}
        }
    }
}

/// Every process under `pid` (from /proc, Linux).
fn descendants(pid: u32) -> Vec<u32> {
    let mut parent_of = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok());
        if let Some(ppid) = ppid {
            parent_of.push((child, ppid));
        }
    }
    let mut found = vec![pid];
    let mut i = 0;
    while i < found.len() {
        let p = found[i];
        found.extend(parent_of.iter().filter(|(_, pp)| *pp == p).map(|(c, _)| *c));
        i += 1;
    }
    found.remove(0);
    found
}

/// Whether a process exists and is not a zombie.
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| Some(s.rsplit_once(')')?.1.split_whitespace().next()? != "Z"))
        .unwrap_or(false)
}

/// Whether the test agent with this PID still runs (not a zombie, not a
/// new process that took its PID).
fn alive(pid: u32) -> bool {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .is_ok_and(|c| String::from_utf8_lossy(&c).contains("agent.py"))
}

struct Soak<'a> {
    o: &'a Opts,
    store: Store,
    dir: PathBuf,
    agent: String,
    config: PathBuf,
    record: PathBuf,
    /// Where a remote town's supervisors keep logs and workspaces.
    data: Option<PathBuf>,
}

impl Soak<'_> {
    fn supervise(&self, host: &str) -> Child {
        let slots = self.o.slots.to_string();
        let mut cmd = self.store.gt(
            self.o,
            &[
                "--json",
                "run",
                "--host",
                host,
                "--slots",
                &slots,
                "--patrol-interval",
                PATROL,
            ],
        );
        let log = File::options()
            .create(true)
            .append(true)
            .open(self.dir.join(format!("{host}.log")))
            .unwrap();
        cmd.env("GT_RUN_CMD", &self.agent)
            .env("GT_CONFIG", &self.config)
            .env("GT_TEST_RECORD", &self.record)
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        if let Some(data) = &self.data {
            cmd.env("XDG_DATA_HOME", data);
        }
        cmd.spawn().expect("start gt run")
    }

    fn json(&self, args: &[&str]) -> Value {
        let (_, out) = run_ok(self.store.gt(self.o, args));
        serde_json::from_str(&out).unwrap()
    }

    fn host_status(&self, host: &str) -> Option<String> {
        let hosts = self.json(&["--json", "host", "list"]);
        hosts
            .as_array()?
            .iter()
            .find(|h| h["name"] == host)
            .and_then(|h| h["status"].as_str().map(String::from))
    }

    /// Beads closed, and failed, over the town's convoys.
    fn done(&self) -> (usize, usize) {
        let convoys = self.json(&["--json", "convoy", "list", "--all"]);
        let sum = |key: &str| {
            convoys
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c[key].as_u64().unwrap() as usize)
                .sum()
        };
        (sum("closed_beads"), sum("failed_beads"))
    }
}

/// A bead the killed host's claim was released from (its run `lost`).
struct Moved {
    bead: String,
    released: f64,
    /// When, and on which host, it started again.
    again: Option<(f64, String)>,
}

fn sigterm(child: &mut Child) {
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let _ = child.wait();
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn describe(what: &str, mut ms: Vec<f64>) -> String {
    ms.sort_by(f64::total_cmp);
    format!(
        "{what}: {} starts, p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
        ms.len(),
        quantile(&ms, 0.5),
        quantile(&ms, 0.99),
        ms.last().copied().unwrap_or(f64::NAN)
    )
}

pub fn run(o: &Opts) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let python = gt_core::testing::python();
    // `exec`: the agent is the supervisor's own child, which the kernel kills
    // when the supervisor dies (its parent-death signal), as a host's death
    // would. Without it the shell forks, only the shell gets that signal, and
    // the agent outlives a killed supervisor (BENCHMARKS.md, issue 34).
    let agent = format!(
        "exec {} {}",
        python.display(),
        root.join("tests/run/agent.py").display()
    );
    let dir = o.dir.join("soak");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut node = None;
    let (store, data, backend) = if o.rqlite {
        node = Some(rqlite_node(&dir.join("rqlite"), 4593, 4594));
        let data = dir.join("data");
        (rqlite_store(4593), Some(data), "rqlite, one node")
    } else {
        (Store::sqlite(&dir.join("town.db")), None, "SQLite")
    };
    run_ok(store.gt(o, &["rig", "add", "app"]));
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[run]\nmax_attempts = {MAX_ATTEMPTS}\nstop_grace = '2s'\n\n\
             [patrol]\nhost_dead_after = '{DEAD_AFTER}s'\n"
        ),
    )
    .unwrap();
    let soak = Soak {
        o,
        store,
        record: dir.join("record"),
        dir: dir.clone(),
        agent,
        config,
        data,
    };
    let n = o.beads;
    let (titles, counts) = plan(n, o.seed);
    let polecats = o.polecats.unwrap_or((o.hosts - 1) * o.slots);
    let convoys: Vec<&[String]> = titles.chunks(CONVOY).collect();
    let cap = polecats.div_ceil(convoys.len()).max(1);
    println!(
        "# gt run on {} hosts (issue 34's soak)\n\nMachine: {}. Town: {backend}. \
         {} hosts × {} slots, {n} beads in {} convoys of at most {CONVOY} \
         (at most {cap} polecats each, {} in all), seed {}: {} close, {} [fail], {} [exit1]; \
         run.max_attempts {MAX_ATTEMPTS}, patrol.host_dead_after {DEAD_AFTER}s, \
         --patrol-interval {PATROL}.\n",
        o.hosts,
        machine(),
        o.hosts,
        o.slots,
        convoys.len(),
        cap * convoys.len(),
        o.seed,
        counts[Kind::Close as usize],
        counts[Kind::Fail as usize],
        counts[Kind::Crash as usize],
    );
    let watcher = Watcher::start(soak.record.clone());
    let names: Vec<String> = (1..=o.hosts).map(|k| format!("h{k}")).collect();
    let mut sups: Vec<Child> = names.iter().map(|h| soak.supervise(h)).collect();
    let ready = Instant::now();
    while names
        .iter()
        .any(|h| soak.host_status(h).as_deref() != Some("live"))
    {
        assert!(
            ready.elapsed() < Duration::from_secs(60),
            "the supervisors did not start: see {}",
            dir.display()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    // The work arrives with the supervisors ready; the clock starts here.
    let start = now();
    let clock = Instant::now();
    for (i, chunk) in convoys.iter().enumerate() {
        let tasks: Vec<Value> = chunk
            .iter()
            .map(|t| serde_json::json!({"title": t, "body": "A soak bead."}))
            .collect();
        let file = dir.join(format!("tasks-{i}.json"));
        std::fs::write(&file, serde_json::to_vec(&tasks).unwrap()).unwrap();
        run_ok(soak.store.gt(
            o,
            &[
                "-q",
                "sling-batch",
                "--rig",
                "app",
                "--title",
                &format!("Soak {i}"),
                "--max-polecats",
                &cap.to_string(),
                "--tasks-file",
                file.to_str().unwrap(),
            ],
        ));
    }
    let victim = 0;
    let victim_name = names[victim].clone();
    let (mut killed, mut lost, mut back) = (None::<f64>, None::<f64>, None::<f64>);
    // The killed supervisor's processes (its agents and their MCP servers),
    // and those still there a second after it died.
    let mut orphans: Vec<u32> = Vec::new();
    let mut victim_procs: Vec<u32> = Vec::new();
    let mut victim_agents = 0;
    let mut victim_cpu = 0.0;
    let mut last_said = Instant::now();
    let (closed, failed) = loop {
        let (closed, failed) = soak.done();
        if closed + failed >= n {
            break (closed, failed);
        }
        assert!(
            clock.elapsed() < GIVE_UP,
            "the soak gave up after {} s with {closed} closed and {failed} failed of {n}: see {}",
            GIVE_UP.as_secs(),
            dir.display()
        );
        if last_said.elapsed() >= Duration::from_secs(15) {
            last_said = Instant::now();
            eprintln!(
                "{:>4.0} s: {closed} closed, {failed} failed of {n}",
                clock.elapsed().as_secs_f64()
            );
        }
        if killed.is_none() && (closed + failed) * 3 >= n {
            victim_procs = descendants(sups[victim].id());
            victim_cpu = cpu_seconds(sups[victim].id()).unwrap_or(0.0);
            victim_agents = victim_procs.iter().filter(|&&p| alive(p)).count();
            let _ = sups[victim].kill();
            let _ = sups[victim].wait();
            killed = Some(now());
            std::thread::sleep(Duration::from_secs(1));
            orphans = victim_procs
                .iter()
                .copied()
                .filter(|&p| running(p))
                .collect();
            eprintln!(
                "{:>4.0} s: killed {victim_name}'s supervisor (SIGKILL) at {closed} closed, {failed} failed",
                clock.elapsed().as_secs_f64()
            );
        }
        if killed.is_some()
            && lost.is_none()
            && soak.host_status(&victim_name).as_deref() == Some("lost")
        {
            lost = Some(now());
            eprintln!(
                "{:>4.0} s: {victim_name} is lost",
                clock.elapsed().as_secs_f64()
            );
        }
        if let (Some(l), None) = (lost, back) {
            if now() >= l + BACK_AFTER.as_secs_f64() {
                sups[victim] = soak.supervise(&victim_name);
                back = Some(now());
                eprintln!(
                    "{:>4.0} s: {victim_name}'s supervisor started again",
                    clock.elapsed().as_secs_f64()
                );
            }
        }
        std::thread::sleep(Duration::from_millis(250));
    };
    let end = now();
    // The supervisors' own CPU (not their agents'), the killed one's included.
    let mut sup_cpu = victim_cpu;
    for (i, sup) in sups.iter_mut().enumerate() {
        // (Unless it is the killed one, not yet started again.)
        if i != victim || killed.is_none() || back.is_some() {
            sup_cpu += cpu_seconds(sup.id()).unwrap_or(0.0);
            sigterm(sup);
        }
    }
    // Let the watcher see the last processes go.
    std::thread::sleep(Duration::from_millis(500));
    let runs = watcher.finish();
    let events = soak.json(&["--json", "events", "--limit", "0"]);
    let events = events.as_array().unwrap();
    let doctor = soak.json(&["--json", "doctor"]);
    let hosts = soak.json(&["--json", "host", "list"]);
    if let Some(mut node) = node.take() {
        let _ = node.kill();
        let _ = node.wait();
    }

    // Claim latency, from the event log: each `started` against the bead's
    // `dispatched` (its first run) or its previous run's `exited`; and
    // against when it could first be claimed: later, if its polecat's
    // previous process was still running then (one process per polecat).
    let mut events: Vec<&Value> = events
        .iter()
        .filter(|e| {
            matches!(
                e["event_type"].as_str(),
                Some("dispatched" | "started" | "exited")
            )
        })
        .collect();
    events.sort_by_key(|e| e["id"].as_i64());
    let (mut first, mut released, mut runnable) = (Vec::new(), Vec::new(), Vec::new());
    // Retries after a crash: on the host that ran the crash, and on another.
    let (mut same_host, mut other_host) = (Vec::new(), Vec::new());
    let mut event_doubles = Vec::new();
    // Beads released from the killed host: the release, and the next start.
    let mut moved: Vec<Moved> = Vec::new();
    let mut starts_by_host: BTreeMap<String, usize> = BTreeMap::new();
    // Per bead: a run open, and the event its next start follows.
    let mut beads: HashMap<&str, (bool, Option<&Value>)> = HashMap::new();
    let mut exits: HashMap<&str, Vec<f64>> = HashMap::new();
    let mut agent_free: HashMap<&str, f64> = HashMap::new();
    for e in events {
        let bead = e["subject_id"].as_str().unwrap();
        let meta = &e["metadata"];
        let state = beads.entry(bead).or_insert((false, None));
        match e["event_type"].as_str().unwrap() {
            "started" => {
                let host = meta["host"].as_str().unwrap_or("?").to_string();
                *starts_by_host.entry(host.clone()).or_default() += 1;
                if state.0 {
                    event_doubles.push(bead.to_string());
                }
                state.0 = true;
                let Some(b) = state.1.take() else { continue };
                let ms = (at(e) - at(b)) * 1000.0;
                let free = meta["agent_id"]
                    .as_str()
                    .and_then(|a| agent_free.get(a))
                    .copied()
                    .unwrap_or(0.0);
                runnable.push((at(e) - at(b).max(free)) * 1000.0);
                match (
                    b["event_type"].as_str().unwrap(),
                    b["metadata"]["outcome"].as_str(),
                ) {
                    ("dispatched", _) => first.push(ms),
                    (_, Some("lost")) => {
                        released.push(ms);
                        if let Some(m) = moved.iter_mut().rev().find(|m| m.bead == bead) {
                            m.again = Some((at(e), host));
                        }
                    }
                    _ if b["metadata"]["host"].as_str() == Some(host.as_str()) => {
                        same_host.push(ms)
                    }
                    _ => other_host.push(ms),
                }
            }
            "exited" => {
                state.0 = false;
                state.1 = Some(e);
                exits.entry(bead).or_default().push(at(e));
                if let Some(a) = meta["agent_id"].as_str() {
                    agent_free.insert(a, at(e));
                }
                if meta["outcome"] == "lost" && meta["host"] == *victim_name {
                    moved.push(Moved {
                        bead: bead.to_string(),
                        released: at(e),
                        again: None,
                    });
                }
            }
            _ => state.1 = Some(e),
        }
    }

    // Double starts, from the agents' own record: two runs of one bead
    // overlapping in time.
    let mut spans: HashMap<&str, Vec<&RunSpan>> = HashMap::new();
    for r in &runs {
        spans.entry(r.bead.as_str()).or_default().push(r);
    }
    let mut doubles = Vec::new();
    let mut unfinished = 0;
    for (bead, list) in &mut spans {
        list.sort_by(|a, b| a.start.total_cmp(&b.start));
        for pair in list.windows(2) {
            let Some(end) = pair[0].finish() else {
                unfinished += 1;
                continue;
            };
            if pair[1].start < end {
                doubles.push(format!(
                    "{bead}: pid {} {:.3}–{:.3} and pid {} from {:.3}",
                    pair[0].pid, pair[0].start, end, pair[1].pid, pair[1].start
                ));
            }
        }
    }
    unfinished += runs.iter().filter(|r| r.finish().is_none()).count();
    // How long after an agent's own end its supervisor recorded the exit:
    // a bead's runs and its `exited` events, paired in order.
    let (mut noticed, mut shutdown, mut reaped) = (Vec::new(), Vec::new(), Vec::new());
    for (bead, list) in &spans {
        let Some(ends) = exits.get(bead).filter(|x| x.len() == list.len()) else {
            continue;
        };
        for (run, exited) in list.iter().zip(ends) {
            if let Some(end) = run.end {
                noticed.push((exited - end) * 1000.0);
                if let Some(gone) = run.gone {
                    shutdown.push((gone - end) * 1000.0);
                    reaped.push((exited - gone) * 1000.0);
                }
            }
        }
    }

    let minutes = (end - start) / 60.0;
    println!(
        "Throughput: {n} beads in {:.1} s ({closed} closed, {failed} failed; planned {} to fail): \
         {:.1} beads/min; {} runs started (by host: {}), {} of them got as far as \
         recording their start.",
        end - start,
        counts[Kind::Fail as usize] + counts[Kind::Crash as usize],
        n as f64 / minutes,
        starts_by_host.values().sum::<usize>(),
        starts_by_host
            .iter()
            .map(|(h, c)| format!("{h} {c}"))
            .collect::<Vec<_>>()
            .join(", "),
        runs.len()
    );
    println!(
        "The supervisors' own CPU: {sup_cpu:.1} s in all, {:.1}% of one core per host \
         (the rest of the machine's went to the agents, their MCP servers and the bench).",
        100.0 * sup_cpu / (end - start) / o.hosts as f64
    );
    let mut all = first.clone();
    all.extend(&same_host);
    all.extend(&other_host);
    all.extend(&released);
    println!("\nClaim latency (the `dispatched` or previous `exited` event to `started`):");
    println!("- {}", describe("all", all));
    println!(
        "- {}",
        describe(
            "from when a claim could be made (its polecat's previous process gone)",
            runnable
        )
    );
    println!("- {}", describe("first runs (from `dispatched`)", first));
    println!(
        "- {}",
        describe(
            "retries after a crash, on the same host (from `exited`; gt pauses 1 s)",
            same_host
        )
    );
    println!(
        "- {}",
        describe(
            "retries after a crash, on another host (from `exited`)",
            other_host
        )
    );
    println!(
        "- {}",
        describe("after the host was lost (from the release)", released)
    );
    for v in [&mut noticed, &mut shutdown, &mut reaped] {
        v.sort_by(f64::total_cmp);
    }
    println!(
        "\nAn agent's own end (its last line of Python) to its `exited` event: \
         p50 {:.0} ms, p99 {:.0} ms ({} runs); of which to its process seen gone \
         (every 100 ms): p50 {:.0} ms, p99 {:.0} ms; and from there to the event: \
         p50 {:.0} ms, p99 {:.0} ms.",
        quantile(&noticed, 0.5),
        quantile(&noticed, 0.99),
        noticed.len(),
        quantile(&shutdown, 0.5),
        quantile(&shutdown, 0.99),
        quantile(&reaped, 0.5),
        quantile(&reaped, 0.99),
    );
    println!(
        "\nDouble starts: {} in the agents' record ({} runs; {} runs without an end), \
         {} in the event log.",
        doubles.len(),
        runs.len(),
        unfinished,
        event_doubles.len()
    );
    for d in doubles.iter().take(20) {
        println!("- overlap: {d}");
    }
    for b in event_doubles.iter().take(20) {
        println!("- started twice without an exit between: {b}");
    }
    if let Some(k) = killed {
        let rel = |t: f64| t - k;
        let agents: Vec<&RunSpan> = runs
            .iter()
            .filter(|r| victim_procs.contains(&r.pid))
            .collect();
        println!(
            "\nThe killed host ({victim_name}, SIGKILL {:.1} s in, {victim_agents} agents running, \
             {} of them at work on their bead):",
            k - start,
            agents.len()
        );
        println!(
            "- its processes (agents and their MCP servers) still running a second after: {} of {}",
            orphans.len(),
            victim_procs.len()
        );
        let outlived: Vec<f64> = agents
            .iter()
            .filter_map(|r| r.end.filter(|&e| e > k + 0.05).map(rel))
            .collect();
        if !outlived.is_empty() {
            println!(
                "- its agents that went on and ended by themselves after the kill: {}, the last {:.1} s after",
                outlived.len(),
                outlived.iter().copied().fold(0.0, f64::max)
            );
        }
        if let Some(l) = lost {
            println!(
                "- seen lost in `gt host list` {:.1} s after the kill",
                rel(l)
            );
        }
        if let Some(released_at) = moved.iter().map(|m| m.released).reduce(f64::min) {
            println!(
                "- its claims released {:.1} s after the kill: {} beads",
                rel(released_at),
                moved.len()
            );
        }
        let restarted: Vec<f64> = moved
            .iter()
            .filter_map(|m| m.again.as_ref().map(|(t, _)| *t))
            .collect();
        let elsewhere = moved
            .iter()
            .filter(|m| m.again.as_ref().is_some_and(|(_, h)| *h != victim_name))
            .count();
        if let Some(last) = restarted.iter().copied().reduce(f64::max) {
            println!(
                "- {} of them started again ({elsewhere} on other hosts), the first {:.1} s and the last {:.1} s after the kill",
                restarted.len(),
                rel(restarted.iter().copied().fold(f64::MAX, f64::min)),
                rel(last)
            );
        }
        if let Some(b) = back {
            println!(
                "- its supervisor started again {:.1} s after the kill",
                rel(b)
            );
        }
    }
    let statuses: Vec<String> = hosts
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            format!(
                "{} {}",
                h["name"].as_str().unwrap_or("?"),
                h["status"].as_str().unwrap_or("?")
            )
        })
        .collect();
    println!(
        "\nAfterwards: hosts {}; doctor: {} violations. The town and logs are in {}.",
        statuses.join(", "),
        doctor.as_array().map_or(0, Vec::len),
        dir.display()
    );
}
