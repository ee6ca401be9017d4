//! `gt-bench --run`: the supervisor (`gt run`, issue 32). Two figures, each
//! the supervisor's own (there is no floor for a loop that waits):
//! - start latency: from a bead's dispatch commit (its `dispatched` event)
//!   to its agent's process start (the agent's first act is to record the
//!   time), over `--starts` beads slung one after another, with agents that
//!   exit at once;
//! - idle CPU: the supervisor's CPU time over `--seconds` while `--idle`
//!   agents (`sleep`) run and nothing else happens, as a share of one core.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::{cpu_seconds, machine, run_ok, Opts, Store};

pub fn run(o: &Opts) {
    println!("# gt run\n\nMachine: {}.\n", machine());
    let (median, p99, n) = start_latency(o);
    println!(
        "Start latency over {n} starts (dispatch commit to process start): \
         median {median:.0} ms, p99 {p99:.0} ms (goal: p99 under 1000 ms)"
    );
    let share = idle_cpu(o);
    println!(
        "Idle CPU with {} running agents over {} s: {:.2}% of one core (goal: under 1%)",
        o.idle_agents,
        o.seconds,
        share * 100.0
    );
}

/// A fresh town for one figure, with rig `app` (no repository: each agent
/// gets an empty directory).
fn town(o: &Opts, name: &str) -> (Store, std::path::PathBuf) {
    let dir = o.dir.join(format!("run-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::sqlite(&dir.join("town.db"));
    run_ok(store.gt(o, &["rig", "add", "app"]));
    (store, dir)
}

fn supervise(
    o: &Opts,
    store: &Store,
    command: &str,
    config: &std::path::Path,
    slots: usize,
) -> Child {
    let mut cmd = store.gt(o, &["run", "--no-patrol", "--slots", &slots.to_string()]);
    cmd.env("GT_RUN_CMD", command)
        .env("GT_CONFIG", config)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd.spawn().expect("start gt run")
}

fn start_latency(o: &Opts) -> (f64, f64, usize) {
    let (store, dir) = town(o, "latency");
    let record = dir.join("starts");
    let config = dir.join("config.toml");
    // One attempt each: an agent that exits at once fails its bead, and no
    // retry adds starts of its own.
    std::fs::write(&config, "[run]\nmax_attempts = 1\n").unwrap();
    let command = format!(
        "printf '%s %s\\n' \"$GT_BEAD_ID\" \"$(date +%s%N)\" >> {}",
        record.display()
    );
    let mut sup = supervise(o, &store, &command, &config, 8);
    std::thread::sleep(Duration::from_millis(500));
    for i in 0..o.starts {
        run_ok(store.gt(o, &["sling", "--rig", "app", &format!("bead {i}")]));
        // One at a time, as work arrives, so that each start is a fresh
        // dispatch and not a queue behind busy slots.
        std::thread::sleep(Duration::from_millis(30));
    }
    let deadline = Instant::now() + Duration::from_secs(120);
    let starts = loop {
        let text = std::fs::read_to_string(&record).unwrap_or_default();
        if text.lines().count() >= o.starts || Instant::now() > deadline {
            break text;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let _ = sup.kill();
    let _ = sup.wait();
    let (_, out) = run_ok(store.gt(o, &["--json", "events", "--limit", "0"]));
    let events: Vec<Value> = serde_json::from_str(&out).unwrap();
    let dispatched: std::collections::HashMap<&str, f64> = events
        .iter()
        .filter(|e| e["event_type"] == "dispatched")
        .filter_map(|e| {
            let at = humantime::parse_rfc3339(e["created_at"].as_str()?).ok()?;
            let secs = at.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs_f64();
            Some((e["subject_id"].as_str()?, secs))
        })
        .collect();
    let mut latencies: Vec<f64> = starts
        .lines()
        .filter_map(|l| {
            let (bead, ns) = l.split_once(' ')?;
            let started = ns.trim().parse::<f64>().ok()? / 1e9;
            Some((started - dispatched.get(bead)?) * 1000.0)
        })
        .collect();
    latencies.sort_by(f64::total_cmp);
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99), latencies.len())
}

fn idle_cpu(o: &Opts) -> f64 {
    let (store, dir) = town(o, "idle");
    let config = dir.join("config.toml");
    std::fs::write(&config, "").unwrap();
    for i in 0..o.idle_agents {
        run_ok(store.gt(o, &["sling", "--rig", "app", &format!("sleeper {i}")]));
    }
    let mut sup = supervise(o, &store, "exec sleep 3600", &config, o.idle_agents);
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let (_, out) = run_ok(store.gt(o, &["--json", "agent", "list", "--limit", "0"]));
        let agents: Vec<Value> = serde_json::from_str(&out).unwrap();
        let running = agents.iter().filter(|a| !a["pid"].is_null()).count();
        if running >= o.idle_agents || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let before = cpu_seconds(sup.id()).unwrap_or(0.0);
    let start = Instant::now();
    std::thread::sleep(Duration::from_secs(o.seconds));
    let used = cpu_seconds(sup.id()).unwrap_or(0.0) - before;
    let share = used / start.elapsed().as_secs_f64();
    // SIGTERM: the supervisor stops its sleepers itself.
    let _ = Command::new("kill").arg(sup.id().to_string()).status();
    let _ = sup.wait();
    share
}
