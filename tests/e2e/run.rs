//! `gt run` (SPEC §10) with real processes: the supervisor is the real
//! binary, each agent is `tests/run/agent.py` (built on the official MCP
//! Python SDK, started through `GT_MCP_CONFIG`), each workspace a real git
//! worktree of a real repository.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use gt_core::model::{Agent, Bead, BeadStatus, Escalation, Event};
use serde_json::{json, Value};

use crate::support::{python, workspace_root, Run, Town};

/// The test agent's command line.
fn agent_command() -> String {
    format!(
        "{} {}",
        python().display(),
        workspace_root().join("tests/run/agent.py").display()
    )
}

impl Town {
    /// Where `gt run` keeps repositories, worktrees and logs for this town:
    /// beside a local town's file, else in the user's data directory.
    fn data(&self) -> PathBuf {
        match &self.node {
            None => self.home.path().to_path_buf(),
            Some(_) => self.home.path().join(".local/share/gt"),
        }
    }

    /// A rig `app` whose repository is a fresh one in the town's home, with
    /// one commit on `main`.
    fn with_repo(self) -> Self {
        let origin = self.path("origin");
        git(
            self.home.path(),
            &["init", "--quiet", "-b", "main", "origin"],
        );
        std::fs::write(origin.join("README"), "app\n").unwrap();
        git(&origin, &["add", "README"]);
        git(&origin, &["commit", "--quiet", "-m", "init"]);
        let url = origin.display().to_string();
        self.json::<Value>(&["rig", "add", "app", "--git-url", &url]);
        self
    }

    /// A config file with `[run]` keys (`GT_CONFIG` names it for [`Self::run_gt`]).
    fn run_config(&self, keys: &str) -> String {
        self.write("config.toml", format!("[run]\n{keys}\n"))
    }

    /// `gt run ARGS` with the test agent as its command, in the background.
    fn supervise(&self, args: &[&str], config: Option<&str>) -> Supervisor {
        self.supervise_with(args, config, &[])
    }

    fn supervise_with(
        &self,
        args: &[&str],
        config: Option<&str>,
        env: &[(&str, &str)],
    ) -> Supervisor {
        let out = self.path(&format!("run-{}.jsonl", rand_suffix()));
        let mut cmd = self.command(&["--json", "run"]);
        cmd.args(args)
            .env("GT_RUN_CMD", agent_command())
            .env("GT_TEST_RECORD", self.path("record"))
            .env("GT_TEST_SLOW", "0.3")
            .stdout(std::fs::File::create(&out).unwrap())
            .stderr(Stdio::piped());
        if let Some(config) = config {
            cmd.env("GT_CONFIG", config);
        }
        cmd.envs(env.iter().copied());
        Supervisor {
            child: cmd.spawn().unwrap(),
            out,
        }
    }

    /// `gt run --once ARGS` to its end: its JSON Lines.
    fn run_once(&self, args: &[&str], config: Option<&str>) -> Vec<Value> {
        self.run_once_failing(args, config, &[])
    }

    /// `gt run --once` that fails exactly `failed` beads: exit 4, naming
    /// them (none: exit 0).
    fn run_once_failing(&self, args: &[&str], config: Option<&str>, failed: &[&str]) -> Vec<Value> {
        let mut s = self.supervise(&[&["--once"], args].concat(), config);
        let status = wait_for_exit(&mut s.child, Duration::from_secs(120));
        let lines = s.lines();
        let stderr = s.stderr();
        if failed.is_empty() {
            assert!(status.success(), "gt run --once: {status:?}: {stderr}");
        } else {
            assert_eq!(status.code(), Some(4), "gt run --once: {stderr}");
            let e: Value =
                serde_json::from_str(stderr.trim()).unwrap_or_else(|e| panic!("{e}: {stderr}"));
            assert_eq!(e["error"]["code"], "conflict", "{e}");
            let message = e["error"]["message"].as_str().unwrap();
            for bead in failed {
                assert!(message.contains(bead), "{message}");
            }
        }
        lines
    }

    /// A bead slung to a polecat whose agent runs under host h1's supervisor
    /// for a minute (longer than a test needs it): the bead, the supervisor,
    /// and the agent as it runs.
    fn long_run_on_h1(&self) -> (String, Supervisor, Agent) {
        let slung: Value = self.json(&["sling", "--rig", "app", "[slow] long work"]);
        let bead = slung["bead"]["id"].as_str().unwrap().to_string();
        let agent = slung["agent"]["name"].as_str().unwrap().to_string();
        let h1 = self.supervise_with(
            &["--no-patrol", "--host", "h1"],
            None,
            &[("GT_TEST_SLOW", "60")],
        );
        until(Duration::from_secs(60), "the agent runs", || {
            self.json::<Agent>(&["agent", "show", &agent]).pid.is_some()
        });
        let running = self.json::<Agent>(&["agent", "show", &agent]);
        (bead, h1, running)
    }

    /// A convoy of `n` beads of rig `app` whose agents work a while
    /// (`[slow]`); its ID.
    fn slow_convoy(&self, title: &str, n: usize) -> String {
        let mut args = vec!["sling-batch", "--rig", "app", "--title", title];
        let titles: Vec<String> = (0..n).map(|i| format!("[slow] task {i}")).collect();
        for title in &titles {
            args.extend(["--task", title]);
        }
        let batch: Value = self.json(&args);
        batch["convoy"]["id"].as_str().unwrap().to_string()
    }

    fn bead(&self, id: &str) -> Bead {
        self.json(&["bead", "show", id])
    }

    fn events_of(&self, subject: &str) -> Vec<Event> {
        self.json(&["events", "--subject", subject, "--limit", "0"])
    }
}

/// A running `gt run`, stopped when dropped.
struct Supervisor {
    child: Child,
    out: PathBuf,
}

impl Supervisor {
    fn lines(&self) -> Vec<Value> {
        let text = std::fs::read_to_string(&self.out).unwrap_or_default();
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }

    fn stderr(&mut self) -> String {
        let mut text = String::new();
        if let Some(err) = self.child.stderr.take() {
            for line in BufReader::new(err).lines() {
                text.push_str(&line.unwrap_or_default());
                text.push('\n');
            }
        }
        text
    }

    /// SIGTERM; it must stop its agents and exit 0.
    fn terminate(mut self) -> Vec<Value> {
        signal(self.child.id() as i32, libc::SIGTERM);
        let status = wait_for_exit(&mut self.child, Duration::from_secs(30));
        assert!(
            status.success(),
            "gt run after SIGTERM: {status:?}: {}",
            self.stderr()
        );
        self.lines()
    }
}

impl Drop for Supervisor {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn rand_suffix() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    N.fetch_add(1, Ordering::Relaxed).to_string()
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=tester", "-c", "user.email=tester@gt.test"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn signal(pid: i32, sig: i32) {
    // SAFETY: kill(2) on a process this test started.
    unsafe {
        libc::kill(pid, sig);
    }
}

fn alive(pid: i64) -> bool {
    // SAFETY: signal 0 only checks that the process exists.
    unsafe { libc::kill(pid as i32, 0) == 0 }
}

/// The error of a `gt run --once` whose runs failed beads: exit 4, one JSON
/// error on stderr (its stdout has the lines of what it did).
fn failed_beads(run: &crate::support::Run) -> Value {
    assert_eq!(run.code, 4, "{}", run.stderr);
    let e = run.error();
    assert_eq!(e["error"]["code"], "conflict", "{e}");
    e
}

/// How many processes are in process group `pgid`.
fn group_members(pgid: i64) -> usize {
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i64>().ok())
        .filter(|&pid| gt_core::process::group_of(pid) == Some(pgid))
        .count()
}

fn wait_for_exit(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(start.elapsed() < limit, "still running after {limit:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Waits (up to `limit`) until `done` holds.
fn until(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "{what}: not after {limit:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn landed(t: &Town, convoy: &str) -> bool {
    let c: Value = t.json(&["convoy", "status", convoy]);
    c["status"] == "landed"
}

/// Each bead's runs, as the test agents recorded them: no two overlap.
fn assert_no_overlap(t: &Town) -> HashMap<String, usize> {
    let text = std::fs::read_to_string(t.path("record")).unwrap_or_default();
    let mut open: HashMap<(String, String), f64> = HashMap::new();
    let mut spans: HashMap<String, Vec<(f64, f64)>> = HashMap::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.split(' ').collect();
        let (what, bead, pid, at) = (
            parts[0],
            parts[1],
            parts[2],
            parts[3].parse::<f64>().unwrap(),
        );
        let key = (bead.to_string(), pid.to_string());
        match what {
            "start" => {
                open.insert(key, at);
            }
            _ => {
                let start = open.remove(&key).expect("an end after its start");
                spans.entry(bead.to_string()).or_default().push((start, at));
            }
        }
    }
    for (bead, runs) in &mut spans {
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        for pair in runs.windows(2) {
            assert!(
                pair[0].1 <= pair[1].0,
                "two runs of {bead} overlapped: {pair:?}"
            );
        }
    }
    let mut runs: HashMap<String, usize> = spans.into_iter().map(|(b, r)| (b, r.len())).collect();
    // A run killed with its supervisor (its whole group is SIGKILLed) never
    // wrote its end, though it may have closed its bead first: it ran, and
    // only the town's events (assert_runs_alternate) can place its end.
    for (bead, _) in open.into_keys() {
        *runs.entry(bead).or_default() += 1;
    }
    runs
}

/// No two runs of one bead overlap, as its events tell: each `started`
/// after the first comes after an `exited`.
fn assert_runs_alternate(t: &Town, bead: &str) {
    let mut open = 0;
    for e in t.events_of(bead) {
        match e.event_type.as_str() {
            "started" => {
                open += 1;
                assert!(open <= 1, "{bead} started again while a run was on");
            }
            "exited" => open -= 1,
            _ => {}
        }
    }
}

/// With only `gt run` running, the diamond and a 20-task convoy capped at 3
/// polecats land: every bead's branch holds its agent's commit, each bead is
/// started once, and doctor finds the town clean.
pub fn the_town_runs_itself(t: Town) {
    let t = t.with_repo();
    let diamond = t.sling_diamond();
    let mut args = vec![
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Twenty",
        "--max-polecats",
        "3",
    ];
    let titles: Vec<String> = (0..20).map(|i| format!("task {i}")).collect();
    for title in &titles {
        args.extend(["--task", title]);
    }
    let twenty: Value = t.json(&args);
    let twenty_id = twenty["convoy"]["id"].as_str().unwrap().to_string();
    let s = t.supervise(&["--no-patrol"], None);
    until(Duration::from_secs(120), "both convoys land", || {
        landed(&t, &diamond.convoy.id) && landed(&t, &twenty_id)
    });
    let lines = s.terminate();
    t.assert_landed_once(&diamond.convoy.id, 4);
    t.assert_landed_once(&twenty_id, 20);
    let repo = t.data().join("rigs/app/repo");
    let mut beads: Vec<String> = diamond.beads.iter().map(|b| b.bead.id.clone()).collect();
    beads.extend(
        twenty["beads"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["bead"]["id"].as_str().unwrap().to_string()),
    );
    for bead in &beads {
        let log = git(&repo, &["log", "--format=%s", &format!("gt/{bead}")]);
        assert!(log.contains(bead.as_str()), "branch gt/{bead}: {log}");
        let started = t
            .events_of(bead)
            .iter()
            .filter(|e| e.event_type == "started")
            .count();
        assert_eq!(started, 1, "{bead} started {started} times");
    }
    assert_eq!(lines.iter().filter(|l| l["event"] == "started").count(), 24);
    assert!(assert_no_overlap(&t).values().all(|&n| n == 1));
    let violations: Vec<Value> = t.json(&["doctor"]);
    assert!(violations.is_empty(), "{violations:?}");
    // Nobody holds a claim any more.
    let agents: Vec<Agent> = t.json(&["agent", "list"]);
    assert!(
        agents.iter().all(|a| a.host.is_none() && a.pid.is_none()),
        "{agents:?}"
    );
}

/// An agent that reports failure fails its bead, once; one that exits 1
/// without reporting is retried, then its bead fails with an escalation that
/// quotes its log.
pub fn runs_that_fail_are_retried_then_fail_their_bead(t: Town) {
    let t = t.with_repo();
    let config = t.run_config("max_attempts = 2");
    let failing: Value = t.json(&["sling", "--rig", "app", "[fail] cannot be done"]);
    let crashing: Value = t.json(&["sling", "--rig", "app", "[exit1] crashes"]);
    let (failing, crashing) = (
        failing["bead"]["id"].as_str().unwrap().to_string(),
        crashing["bead"]["id"].as_str().unwrap().to_string(),
    );
    // The agent that failed its bead reported; the crashing one's runs
    // failed it, and --once says so in its exit code.
    let lines = t.run_once_failing(&["--no-patrol"], Some(&config), &[&crashing]);
    assert_eq!(t.bead(&failing).status, BeadStatus::Failed);
    assert_eq!(t.bead(&crashing).status, BeadStatus::Failed);
    let count = |bead: &str, kind: &str| {
        t.events_of(bead)
            .iter()
            .filter(|e| e.event_type == kind)
            .count()
    };
    assert_eq!(
        (count(&failing, "started"), count(&failing, "exited")),
        (1, 1)
    );
    assert_eq!(
        (count(&crashing, "started"), count(&crashing, "exited")),
        (2, 2)
    );
    let exits: Vec<Event> = t
        .events_of(&crashing)
        .into_iter()
        .filter(|e| e.event_type == "exited")
        .collect();
    assert_eq!(exits[0].metadata["code"], 1);
    assert_eq!(exits[0].metadata["reported"], false);
    assert_eq!(
        exits[0].metadata["log_tail"]
            .as_array()
            .unwrap()
            .last()
            .unwrap(),
        "the last line of the log"
    );
    let escalations: Vec<Escalation> = t.json(&["escalation", "list"]);
    assert_eq!(escalations.len(), 1, "{escalations:?}");
    let e = &escalations[0];
    assert_eq!(e.category.as_deref(), Some("run_failed"));
    assert_eq!(e.bead.as_deref(), Some(crashing.as_str()));
    assert!(
        e.message.contains("the last line of the log"),
        "{}",
        e.message
    );
    assert!(lines
        .iter()
        .any(|l| l["event"] == "retrying" && l["bead"] == crashing.as_str()));
    assert!(lines
        .iter()
        .any(|l| l["event"] == "failed" && l["bead"] == crashing.as_str()));
    let violations: Vec<Value> = t.json(&["doctor"]);
    assert!(violations.is_empty(), "{violations:?}");
}

/// A run past `run.timeout` is stopped (a failed attempt); one that ignores
/// SIGTERM is killed after `run.stop_grace`.
pub fn hung_and_stubborn_runs_are_stopped(t: Town) {
    let t = t.with_repo();
    let config = t.run_config("max_attempts = 1\ntimeout = '2s'\nstop_grace = '1s'");
    let hung: Value = t.json(&["sling", "--rig", "app", "[hang] forever"]);
    let stubborn: Value = t.json(&["sling", "--rig", "app", "[stubborn] ignores SIGTERM"]);
    let started = Instant::now();
    let ids = [&hung, &stubborn].map(|b| b["bead"]["id"].as_str().unwrap().to_string());
    t.run_once_failing(&["--no-patrol"], Some(&config), &[&ids[0], &ids[1]]);
    assert!(started.elapsed() < Duration::from_secs(30));
    for (bead, least) in [(&hung, 2.0), (&stubborn, 3.0)] {
        let id = bead["bead"]["id"].as_str().unwrap();
        assert_eq!(t.bead(id).status, BeadStatus::Failed);
        let events = t.events_of(id);
        let at = |kind: &str| {
            let e = events.iter().find(|e| e.event_type == kind).unwrap();
            (e.clone(), humantime::parse_rfc3339(&e.created_at).unwrap())
        };
        let ((_, started), (exit, ended)) = (at("started"), at("exited"));
        assert_eq!(exit.metadata["outcome"], "timeout", "{exit:?}");
        // The stubborn one outlived SIGTERM by the grace: SIGKILL ended it.
        let took = ended.duration_since(started).unwrap().as_secs_f64();
        assert!(took >= least, "{id} ended {took}s after its start");
    }
    // Nothing of either is left.
    let record = std::fs::read_to_string(t.path("record")).unwrap();
    for line in record.lines() {
        let pid: i64 = line.split(' ').nth(2).unwrap().parse().unwrap();
        assert!(!alive(pid), "{line}");
    }
}

/// Work taken from a running agent stops its process within 2 s, whichever
/// process made the change: a reassign, a reset with --stop, a convoy closed
/// with its beads, a bead deleted.
pub fn taking_work_away_stops_its_process(t: Town) {
    let t = t.with_repo();
    let ids: Vec<String> = ["reassigned", "reset", "deleted"]
        .iter()
        .map(|w| {
            let s: Value = t.json(&["sling", "--rig", "app", &format!("[hang] {w}")]);
            s["bead"]["id"].as_str().unwrap().to_string()
        })
        .collect();
    let convoy: Value = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "C",
        "--task",
        "[hang] closed",
    ]);
    let closed_bead = convoy["beads"][0]["bead"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let s = t.supervise(&["--no-patrol", "--slots", "4"], None);
    until(Duration::from_secs(60), "four agents at work", || {
        let agents: Vec<Agent> = t.json(&["agent", "list"]);
        agents.iter().filter(|a| a.pid.is_some()).count() == 4
    });
    // Each agent has beaten once (and so is at work) before it is stopped.
    until(Duration::from_secs(30), "four agents hanging", || {
        std::fs::read_dir(t.data().join("logs"))
            .map(|d| {
                d.flatten()
                    .flat_map(|agent| std::fs::read_dir(agent.path()).unwrap().flatten())
                    .filter(|log| {
                        std::fs::read_to_string(log.path())
                            .unwrap_or_default()
                            .contains("hanging")
                    })
                    .count()
            })
            .unwrap_or(0)
            == 4
    });
    let pid_of = |bead: &str| -> i64 {
        let b = t.bead(bead);
        let agent: Agent = t.json(&["agent", "show", b.assignee.as_deref().unwrap()]);
        agent.pid.unwrap()
    };
    let changes: Vec<(String, Vec<String>)> = vec![
        (
            ids[0].clone(),
            vec![
                "bead".into(),
                "reassign".into(),
                ids[0].clone(),
                "--new".into(),
            ],
        ),
        (
            ids[1].clone(),
            vec![
                "agent".into(),
                "reset".into(),
                t.bead(&ids[1]).assignee.unwrap(),
                "--stop".into(),
            ],
        ),
        (
            ids[2].clone(),
            vec![
                "bead".into(),
                "delete".into(),
                ids[2].clone(),
                "--force".into(),
            ],
        ),
        (
            closed_bead.clone(),
            vec![
                "convoy".into(),
                "close".into(),
                convoy["convoy"]["id"].as_str().unwrap().into(),
                "--close-beads".into(),
            ],
        ),
    ];
    for (bead, change) in changes {
        let pid = pid_of(&bead);
        assert!(alive(pid));
        let args: Vec<&str> = change.iter().map(String::as_str).collect();
        t.json::<Value>(&args);
        let at = Instant::now();
        until(
            Duration::from_secs(2),
            &format!("{args:?} stops process {pid}"),
            || !alive(pid),
        );
        eprintln!("{args:?}: stopped in {:?}", at.elapsed());
    }
    // The reassigned bead goes to its new polecat only once the old
    // process is gone: never two runs of it at once.
    until(
        Duration::from_secs(30),
        "the reassigned bead runs again",
        || {
            t.events_of(&ids[0])
                .iter()
                .filter(|e| e.event_type == "started")
                .count()
                == 2
        },
    );
    let lines = s.terminate();
    assert!(lines.iter().filter(|l| l["event"] == "stopping").count() >= 4);
    for bead in ids.iter().chain([&closed_bead]) {
        assert_runs_alternate(&t, bead);
    }
}

/// Two supervisors (different --host) share a 40-bead convoy: each bead is
/// started once per attempt, never by both at once.
pub fn two_supervisors_start_each_bead_once(t: Town) {
    let t = t.with_repo();
    let convoy = t.slow_convoy("Forty", 40);
    let a = t.supervise(&["--no-patrol", "--host", "a", "--slots", "4"], None);
    let b = t.supervise(&["--no-patrol", "--host", "b", "--slots", "4"], None);
    until(Duration::from_secs(180), "the convoy lands", || {
        landed(&t, &convoy)
    });
    let (a, b) = (a.terminate(), b.terminate());
    let started = |lines: &[Value]| lines.iter().filter(|l| l["event"] == "started").count();
    // Which beads the hosts say they started, against the town's record, so
    // that a miscount names its bead.
    let said: std::collections::BTreeSet<String> = a
        .iter()
        .chain(&b)
        .filter(|l| l["event"] == "started")
        .map(|l| l["bead"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        started(&a) + started(&b),
        40,
        "a {} b {}; beads the town ran that no host said it started: {:?}; a: {a:?}; b: {b:?}",
        started(&a),
        started(&b),
        assert_no_overlap(&t)
            .keys()
            .filter(|bead| !said.contains(*bead))
            .map(|bead| (bead.clone(), t.events_of(bead)))
            .collect::<Vec<_>>(),
    );
    assert!(started(&a) > 0 && started(&b) > 0, "both hosts worked");
    let runs = assert_no_overlap(&t);
    assert_eq!(runs.len(), 40);
    assert!(runs.values().all(|&n| n == 1), "{runs:?}");
    for bead in runs.keys() {
        assert_runs_alternate(&t, bead);
    }
    t.assert_landed_once(&convoy, 40);
}

/// `kill -9` of the supervisor mid-run: its agents die with it; a restarted
/// supervisor releases their claims and starts their beads again; the convoy
/// lands, nothing ran twice at once, and doctor finds the town clean.
pub fn a_killed_supervisor_is_recovered(t: Town) {
    let t = t.with_repo();
    let batch: Value = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "K",
        "--task",
        "[slow] one",
        "--task",
        "[slow] two",
    ]);
    let convoy = batch["convoy"]["id"].as_str().unwrap().to_string();
    // Slow enough to be killed mid-run.
    let mut s = t.supervise_with(&["--no-patrol"], None, &[("GT_TEST_SLOW", "30")]);
    until(Duration::from_secs(60), "two agents at work", || {
        let agents: Vec<Agent> = t.json(&["agent", "list"]);
        agents.iter().filter(|a| a.pid.is_some()).count() == 2
    });
    let agents: Vec<Agent> = t.json(&["agent", "list"]);
    let pids: Vec<i64> = agents.iter().filter_map(|a| a.pid).collect();
    // The same host on another machine (another data directory: a
    // replicated town's runs keep theirs in the user's, a file town's
    // beside the file) is refused while this one beats: two supervisors
    // never run one host.
    let elsewhere = t.path("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let second = Run::of(
        t.command(&["--json", "run", "--no-patrol"])
            .env("HOME", &elsewhere)
            .env("GT_RUN_CMD", agent_command()),
    );
    assert_eq!(second.code, 4, "{}", second.stderr);
    let refusal: Value = serde_json::from_str(second.stderr.trim()).unwrap();
    assert_eq!(refusal["error"]["code"], "conflict", "{refusal}");
    let why = if t.db.contains("://") {
        "is live: a supervisor started at"
    } else {
        "already runs on this data directory"
    };
    let said = refusal["error"]["message"].as_str().unwrap();
    assert!(said.contains(why), "{refusal}");
    // Its restart here, at once after a crash, is this directory's own run.
    signal(s.child.id() as i32, libc::SIGKILL);
    wait_for_exit(&mut s.child, Duration::from_secs(5));
    // The whole group goes, not only its leader: a shell that forks its
    // command (dash) would leave the agent running on (its keeper kills the
    // group when the supervisor dies).
    until(Duration::from_secs(2), "its agents die with it", || {
        pids.iter().all(|&p| !alive(p) && group_members(p) == 0)
    });
    // Started from the shell of a run that has ended: the supervisor is no
    // agent's run, and its writes are its own.
    let again = t.supervise_with(
        &["--no-patrol"],
        None,
        &[
            ("GT_AGENT", "Ghost"),
            ("GT_RUN_HOST", "gone"),
            ("GT_RUN_STARTED_AT", "2000-01-01T00:00:00.000Z"),
        ],
    );
    // Nothing of the lost runs is left: what the parent-death signal did not
    // reach, the restart stopped.
    until(
        Duration::from_secs(10),
        "the lost runs' processes are gone",
        || pids.iter().all(|&p| group_members(p) == 0),
    );
    until(Duration::from_secs(60), "the convoy lands", || {
        landed(&t, &convoy)
    });
    let lines = again.terminate();
    assert_eq!(
        lines.iter().filter(|l| l["event"] == "released").count(),
        2,
        "{lines:?}"
    );
    assert_no_overlap(&t);
    let violations: Vec<Value> = t.json(&["doctor"]);
    assert!(violations.is_empty(), "{violations:?}");
    for b in batch["beads"].as_array().unwrap() {
        assert_runs_alternate(&t, b["bead"]["id"].as_str().unwrap());
    }
}

/// A run's log on every face: `gt agent logs`, `gt_agent_logs` and `GET
/// /api/agents/{id}/logs` give the same document; a run on another host is
/// `not_found`, naming the host.
pub fn agent_logs_are_one_document_on_every_face(t: Town) {
    let t = t.with_repo();
    let slung: Value = t.json(&["sling", "--rig", "app", "Log me"]);
    let agent = slung["agent"]["name"].as_str().unwrap().to_string();
    let bead = slung["bead"]["id"].as_str().unwrap().to_string();
    t.run_once(&["--no-patrol"], None);
    let cli: Value = t.json(&["agent", "logs", &agent]);
    assert_eq!(cli["bead"], bead.as_str());
    assert_eq!(cli["running"], false);
    let lines: Vec<&str> = cli["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(lines.iter().any(|l| l.contains("works on")), "{lines:?}");
    assert_eq!(lines.last(), Some(&"closed"));
    let text = t.run(&["agent", "logs", &agent, "--lines", "1"]);
    assert_eq!(text.stdout.trim(), "closed");

    let s = crate::http::Server::start(&t, &[]);
    let http = crate::http::get(&s, &format!("/api/agents/{agent}/logs"));
    assert_eq!(http.status, 200, "{}", http.body);
    assert_eq!(http.json(), cli);
    let mut c = crate::mcp::Client::start(&t, &[], &[]);
    assert_eq!(
        c.ok("gt_agent_logs", serde_json::json!({"agent_id": agent})),
        cli
    );
    assert_eq!(
        c.call(
            "gt_agent_logs",
            serde_json::json!({"agent_id": agent, "lines": 0})
        )
        .code(),
        "usage"
    );
    c.finish();
    s.terminate();

    // A run on another host: claimed there, its log is not here.
    let other: Value = t.json(&["sling", "--rig", "app", "[hang] elsewhere"]);
    let elsewhere = other["agent"]["name"].as_str().unwrap().to_string();
    let far = Town::at(t.db.clone());
    let remote = t.node.is_some();
    // A local town's files sit beside it; a remote one's in the home of
    // whoever runs gt, so another home is another host.
    let runner = if remote { &far } else { &t };
    let s = runner.supervise_with(&["--no-patrol", "--host", "far"], None, &[]);
    until(Duration::from_secs(60), "the far run starts", || {
        let a: Agent = t.json(&["agent", "show", &elsewhere]);
        a.pid.is_some()
    });
    if remote {
        let e = t.fails(&["agent", "logs", &elsewhere], 3);
        assert!(
            e["error"]["message"].as_str().unwrap().contains("far"),
            "{e}"
        );
    } else {
        let log: Value = t.json(&["agent", "logs", &elsewhere]);
        assert_eq!(log["running"], true);
        assert_eq!(log["host"], "far");
    }
    s.terminate();
    // Its run over, the host it ran on is still named.
    if remote {
        let e = t.fails(&["agent", "logs", &elsewhere], 3);
        let message = e["error"]["message"].as_str().unwrap();
        assert!(message.contains("last run was on host far"), "{e}");
    }
}

/// What cannot run is said clearly and loses nothing: no command, a bad
/// config value, a second supervisor for one host, a repository that cannot
/// be cloned, an agent binary that does not exist.
pub fn bad_setups_are_clear_and_lose_nothing(t: Town) {
    let t = t.with_rig();
    let e = t.run(&["--json", "run", "--once"]).failed_with(2);
    assert!(
        e["error"]["hint"].as_str().unwrap().contains("run.command"),
        "{e}"
    );
    let bad = t.write("bad.toml", "[run]\nslots = 'many'\n");
    let mut cmd = t.command(&["--json", "run", "--once"]);
    cmd.env("GT_CONFIG", &bad).env("GT_RUN_CMD", "true");
    let e = crate::support::Run::of(&mut cmd).failed_with(2);
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("run.slots"),
        "{e}"
    );

    // A second supervisor for the same host and data directory is refused.
    let first = t.supervise(&["--no-patrol", "--host", "h"], None);
    std::thread::sleep(Duration::from_millis(500));
    let mut second = t.command(&["--json", "run", "--host", "h"]);
    second.env("GT_RUN_CMD", "true");
    let e = crate::support::Run::of(&mut second).failed_with(4);
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("already runs"),
        "{e}"
    );
    first.terminate();

    // A repository that cannot be cloned, and an agent that cannot start:
    // each attempt fails, then the bead, with an escalation that says why.
    t.json::<Value>(&["rig", "add", "lost", "--git-url", "/nonexistent/repo.git"]);
    let unclonable: Value = t.json(&["sling", "--rig", "lost", "Never cloned"]);
    let missing: Value = t.json(&["sling", "--rig", "app", "No such agent"]);
    let config = t.run_config("max_attempts = 2");
    let mut once = t.command(&["--json", "run", "--once", "--no-patrol"]);
    once.env("GT_CONFIG", &config)
        .env("GT_RUN_CMD", "/nonexistent/agent --go");
    let run = crate::support::Run::of(&mut once);
    let e = failed_beads(&run);
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("2 beads failed"),
        "{e}"
    );
    for (slung, why) in [(&unclonable, "git clone failed"), (&missing, "not found")] {
        let id = slung["bead"]["id"].as_str().unwrap();
        assert_eq!(t.bead(id).status, BeadStatus::Failed);
        let escalations: Vec<Escalation> = t.json(&["escalation", "list"]);
        let e = escalations
            .iter()
            .find(|e| e.bead.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("no escalation for {id}: {escalations:?}"));
        assert!(e.message.contains(why), "{}", e.message);
    }
    let violations: Vec<Value> = t.json(&["doctor"]);
    assert!(violations.is_empty(), "{violations:?}");
}

/// A closed bead's worktree goes once its branch is on the remote; one that
/// failed goes after `run.keep_for`; open work keeps its worktree.
pub fn worktrees_go_when_their_work_is_done(t: Town) {
    let t = t.with_repo();
    let done: Value = t.json(&["sling", "--rig", "app", "Ship it"]);
    let failed: Value = t.json(&["sling", "--rig", "app", "[fail] no luck"]);
    t.run_once(&["--no-patrol"], None);
    let id = |v: &Value| v["bead"]["id"].as_str().unwrap().to_string();
    let (done, failed) = (id(&done), id(&failed));
    let worktree = |bead: &str| t.data().join("rigs/app/worktrees").join(bead);
    assert!(worktree(&done).exists() && worktree(&failed).exists());
    // Not pushed yet, and within run.keep_for: both stay.
    let lines = t.run_once(&["--no-patrol"], None);
    assert!(
        lines.iter().all(|l| l["event"] != "removed_worktree"),
        "{lines:?}"
    );
    assert!(worktree(&done).exists());
    // The closed bead's branch reaches the remote: its worktree goes, and
    // its branch stays.
    let repo = t.data().join("rigs/app/repo");
    git(&repo, &["push", "--quiet", "origin", &format!("gt/{done}")]);
    t.run_once(&["--no-patrol"], None);
    assert!(!worktree(&done).exists());
    assert!(git(&repo, &["branch", "--list", &format!("gt/{done}")]).contains(&done));
    assert!(worktree(&failed).exists());
    // Past run.keep_for the failed bead's goes too.
    std::thread::sleep(Duration::from_millis(1100));
    let config = t.run_config("keep_for = '1s'");
    let lines = t.run_once(&["--no-patrol"], Some(&config));
    assert!(!worktree(&failed).exists(), "{lines:?}");
}

/// An agent that floods its log is stopped once the log passes its limit:
/// a failed attempt, said in the escalation; the disk is not filled.
pub fn a_flooding_agent_is_stopped(t: Town) {
    let t = t.with_rig();
    let slung: Value = t.json(&["sling", "--rig", "app", "Flood"]);
    let config = t.run_config("max_attempts = 1");
    let mut once = t.command(&["--json", "run", "--once", "--no-patrol"]);
    once.env("GT_CONFIG", &config)
        .env("GT_RUN_CMD", "yes 'all work and no play'");
    let run = crate::support::Run::of(&mut once);
    failed_beads(&run);
    let id = slung["bead"]["id"].as_str().unwrap();
    assert_eq!(t.bead(id).status, BeadStatus::Failed);
    let exit = t
        .events_of(id)
        .into_iter()
        .find(|e| e.event_type == "exited")
        .unwrap();
    assert_eq!(exit.metadata["outcome"], "log_full");
    let agent = slung["agent"]["name"].as_str().unwrap();
    let log: Value = t.json(&["agent", "logs", agent]);
    let size = std::fs::metadata(log["path"].as_str().unwrap())
        .unwrap()
        .len();
    assert!(size <= (64 << 20) + 100, "the log grew to {size} bytes");
    let escalations: Vec<Escalation> = t.json(&["escalation", "list"]);
    assert!(
        escalations.iter().any(|e| e.message.contains("log")),
        "{escalations:?}"
    );
}

/// The README's plain-script agent (`examples/agent.sh`) makes the diamond
/// land with `gt run --once`, each bead's file committed on its branch; and
/// `config show` names where each `[run]` setting came from.
pub fn the_readme_script_agent_lands_a_convoy(t: Town) {
    let t = t.with_repo();
    let diamond = t.sling_diamond();
    let script = workspace_root().join("examples/agent.sh");
    let mut once = t.command(&["--json", "run", "--once", "--no-patrol"]);
    once.env("GT_RUN_CMD", format!("sh {}", script.display()));
    if t.node.is_none() {
        // A town named by a relative path: each agent works elsewhere, and
        // still reaches the same town.
        once.env("GT_DB", "town.db").current_dir(t.home.path());
    }
    let run = crate::support::Run::of(&mut once);
    assert_eq!(run.code, 0, "{}", run.stderr);
    t.assert_landed_once(&diamond.convoy.id, 4);
    let repo = t.data().join("rigs/app/repo");
    for b in &diamond.beads {
        let files = git(
            &repo,
            &[
                "show",
                "--name-only",
                "--format=",
                &format!("gt/{}", b.bead.id),
            ],
        );
        assert!(files.contains(&format!("{}.txt", b.bead.id)), "{files}");
    }
    let config = t.run_config("slots = 2\ntimeout = '1h'");
    let mut show = t.command(&["--json", "config", "show"]);
    show.env("GT_CONFIG", &config)
        .env("GT_RUN_CMD", "sh agent.sh");
    let shown: Value = crate::support::Run::of(&mut show).json();
    let setting = |key: &str| shown["settings"][key].clone();
    assert_eq!(setting("run.slots")["value"], "2");
    assert_eq!(setting("run.slots")["source"], "file");
    assert_eq!(setting("run.timeout")["value"], "1h");
    assert_eq!(setting("run.command")["source"], "env GT_RUN_CMD");
    assert_eq!(setting("run.max_attempts")["source"], "default");
}

/// A polecat's brief names its bead, what it waits on and what waits on
/// it, its convoy, its workspace and how to report; a polecat with nothing
/// on its hook is told so; an unknown one is `not_found`.
pub fn a_polecats_brief_tells_it_its_work(t: Town) {
    let t = t.with_rig();
    let diamond = t.sling_diamond();
    // The API bead waits for the schema; the docs bead waits for it.
    let api = &diamond.beads[1];
    let agent = api.agent.as_ref().unwrap().name.clone();
    let brief = t.run(&["prompt", "polecat", &agent]);
    assert_eq!(brief.code, 0, "{}", brief.stderr);
    let text = brief.stdout;
    for needle in [
        api.bead.title.as_str(),
        api.bead.id.as_str(),
        diamond.beads[0].bead.id.as_str(),
        diamond.beads[3].bead.id.as_str(),
        diamond.convoy.id.as_str(),
        "gt_agent_heartbeat",
        "gt_bead_update",
        "gt escalation raise",
    ] {
        assert!(text.contains(needle), "the brief lacks {needle}:\n{text}");
    }
    // From gt run's environment, it names the worktree and branch.
    let mut cmd = t.command(&["prompt", "polecat"]);
    cmd.env("GT_AGENT", &agent)
        .env("GT_WORKSPACE", "/work/space")
        .env("GT_BRANCH", format!("gt/{}", api.bead.id))
        .env("GT_BASE_BRANCH", "main");
    let there = crate::support::Run::of(&mut cmd);
    assert!(there.stdout.contains("/work/space"), "{}", there.stdout);
    assert!(
        there.stdout.contains(&format!("gt/{}", api.bead.id)),
        "{}",
        there.stdout
    );
    let idle: Value = t.json(&["agent", "list", "--free"]);
    if let Some(free) = idle.as_array().and_then(|a| a.first()) {
        let out = t.run(&["prompt", "polecat", free["name"].as_str().unwrap()]);
        assert!(
            out.stdout.contains("Nothing is on your hook"),
            "{}",
            out.stdout
        );
    }
    t.fails(&["prompt", "polecat", "Nobody"], 3);
}

/// `agent logs --follow` prints what a run writes as it writes it, and
/// ends when the run does.
pub fn agent_logs_follow_a_run_to_its_end(t: Town) {
    let t = t.with_rig();
    let slung: Value = t.json(&["sling", "--rig", "app", "Count"]);
    let agent = slung["agent"]["name"].as_str().unwrap().to_string();
    let bead = slung["bead"]["id"].as_str().unwrap().to_string();
    let mut once = t.command(&["run", "--once", "--no-patrol"]);
    once.env(
        "GT_RUN_CMD",
        "for i in 1 2 3 4 5 6; do echo tick $i; sleep 0.5; done; gt bead update \"$GT_BEAD_ID\" --status closed >/dev/null",
    )
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    let mut supervisor = once.spawn().unwrap();
    until(Duration::from_secs(30), "the run starts", || {
        t.run(&["agent", "logs", &agent]).stdout.contains("tick 1")
    });
    let follow = t.run(&["--json", "agent", "logs", &agent, "--follow"]);
    assert_eq!(follow.code, 0, "{}", follow.stderr);
    let lines: Vec<String> = follow
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["line"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(lines.contains(&"tick 6".to_string()), "{lines:?}");
    let ticks: Vec<&String> = lines.iter().filter(|l| l.starts_with("tick")).collect();
    assert_eq!(ticks.len(), 6, "each line once: {lines:?}");
    assert!(wait_for_exit(&mut supervisor, Duration::from_secs(30)).success());
    assert_eq!(t.bead(&bead).status, BeadStatus::Closed);
}

/// SIGTERM stops the agents with their grace; a second SIGTERM kills those
/// that ignore the first at once.
pub fn a_second_signal_kills_at_once(t: Town) {
    let t = t.with_rig();
    t.json::<Value>(&["sling", "--rig", "app", "Stubborn"]);
    let config = t.run_config("stop_grace = '60s'");
    let mut cmd = t.command(&["run", "--no-patrol"]);
    cmd.env("GT_CONFIG", &config)
        .env(
            "GT_RUN_CMD",
            "trap '' TERM; echo stubborn; while true; do sleep 1; done",
        )
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut s = cmd.spawn().unwrap();
    until(Duration::from_secs(30), "the agent runs", || {
        let agents: Vec<Agent> = t.json(&["agent", "list"]);
        agents.iter().any(|a| a.pid.is_some())
            && std::fs::read_dir(t.data().join("logs"))
                .map(|d| d.count() > 0)
                .unwrap_or(false)
    });
    std::thread::sleep(Duration::from_millis(500));
    signal(s.id() as i32, libc::SIGTERM);
    std::thread::sleep(Duration::from_millis(500));
    assert!(s.try_wait().unwrap().is_none(), "it waits out the grace");
    let at = Instant::now();
    signal(s.id() as i32, libc::SIGTERM);
    let status = wait_for_exit(&mut s, Duration::from_secs(10));
    assert!(status.success(), "{status:?}");
    assert!(at.elapsed() < Duration::from_secs(5), "{:?}", at.elapsed());
    let mut err = String::new();
    use std::io::Read;
    s.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(err.contains("stopping 1 agent"), "{err}");
}

/// Two supervisors never run one host (a replicated town, whose runs keep
/// their files in each machine's data directory): one started for a host
/// that another machine's supervisor beats watches for its beats, and is
/// refused; once that supervisor is frozen past three beats, the new one
/// takes the host, and the old one, thawed, has its beat refused, stops its
/// agent and exits 4, leaving the host to the new run.
pub fn a_frozen_supervisor_is_replaced_and_stands_down(t: Town) {
    let t = t.with_repo();
    let (_, old, running) = t.long_run_on_h1();
    let (agent, stale) = (running.name, running.pid.unwrap());
    let first_run = t.json::<Vec<Value>>(&["host", "list"])[0]["started_at"].clone();
    let elsewhere = t.path("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let home = elsewhere.display().to_string();
    let on_another_machine = [("HOME", home.as_str()), ("GT_TEST_SLOW", "60")];
    // While it beats: refused, once a beat is seen.
    let refused = Run::of(
        t.command(&["--json", "run", "--no-patrol", "--host", "h1"])
            .env("HOME", &elsewhere)
            .env("GT_RUN_CMD", agent_command()),
    );
    assert_eq!(refused.code, 4, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("host h1 is live"),
        "{}",
        refused.stderr
    );
    // Frozen: the new one sees no beat for three beats' time, and takes it.
    signal(old.child.id() as i32, libc::SIGSTOP);
    let new = t.supervise_with(&["--no-patrol", "--host", "h1"], None, &on_another_machine);
    until(
        Duration::from_secs(30),
        "the new run holds the host",
        || {
            let hosts: Vec<Value> = t.json(&["host", "list"]);
            hosts[0]["started_at"] != first_run && hosts[0]["status"] == "live"
        },
    );
    let second_run = t.json::<Vec<Value>>(&["host", "list"])[0]["started_at"].clone();
    signal(old.child.id() as i32, libc::SIGCONT);
    let mut old = old;
    let status = wait_for_exit(&mut old.child, Duration::from_secs(30));
    let said = old.stderr();
    assert_eq!(status.code(), Some(4), "{said}");
    assert!(said.contains("now run by"), "{said}");
    until(Duration::from_secs(10), "its agent is stopped", || {
        group_members(stale) == 0
    });
    let hosts: Vec<Value> = t.json(&["host", "list"]);
    assert_eq!(
        (&hosts[0]["started_at"], &hosts[0]["status"]),
        (&second_run, &json!("live")),
        "the old run left the host to the new one"
    );
    until(Duration::from_secs(30), "the new run runs the bead", || {
        let a: Agent = t.json(&["agent", "show", &agent]);
        a.pid.is_some_and(|p| p != stale)
    });
    new.terminate();
}

/// Many hosts (SPEC §12): host h1's supervisor is killed mid-run; h2's patrol
/// finds h1 silent past `patrol.host_dead_after`, releases its claims at
/// once with one escalation naming it, and h2 runs them: the convoy lands,
/// nothing ran twice at once, doctor is clean. h1 then comes back live, and
/// stops cleanly. `host list` is one document on the CLI and over HTTP.
pub fn a_lost_hosts_work_moves_to_another(t: Town) {
    let t = t.with_repo();
    let convoy = t.slow_convoy("Spread", 6);
    let config = t.write("patrol.toml", "[patrol]\nhost_dead_after = '3s'\n");
    let mut h1 = t.supervise_with(
        &["--no-patrol", "--host", "h1", "--slots", "3"],
        None,
        &[("GT_TEST_SLOW", "30")],
    );
    until(Duration::from_secs(60), "h1 runs three agents", || {
        let agents: Vec<Agent> = t.json(&["agent", "list"]);
        agents
            .iter()
            .filter(|a| a.host.as_deref() == Some("h1") && a.pid.is_some())
            .count()
            == 3
    });
    let hosts: Vec<Value> = t.json(&["host", "list"]);
    assert_eq!(hosts.len(), 1, "{hosts:?}");
    assert_eq!(
        (&hosts[0]["name"], &hosts[0]["status"]),
        (&json!("h1"), &json!("live"))
    );
    assert_eq!(hosts[0]["slots"], json!(3));
    let taken: Vec<String> = {
        let agents: Vec<Agent> = t.json(&["agent", "list"]);
        agents
            .iter()
            .filter(|a| a.host.as_deref() == Some("h1"))
            .filter_map(|a| a.run_bead.clone())
            .collect()
    };
    signal(h1.child.id() as i32, libc::SIGKILL);
    wait_for_exit(&mut h1.child, Duration::from_secs(5));
    let h2 = t.supervise_with(
        &["--host", "h2", "--slots", "3", "--patrol-interval", "1s"],
        Some(&config),
        &[],
    );
    until(Duration::from_secs(120), "the convoy lands", || {
        landed(&t, &convoy)
    });
    let lines = h2.terminate();
    // h2 ran every bead, h1's released ones among them.
    let started: Vec<&str> = lines
        .iter()
        .filter(|l| l["event"] == "started")
        .map(|l| l["bead"].as_str().unwrap())
        .collect();
    for bead in &taken {
        assert!(
            started.contains(&bead.as_str()),
            "{bead} was not run by h2: {lines:?}"
        );
    }
    let hosts: Vec<Value> = t.json(&["host", "list"]);
    let status: Vec<(&str, &str)> = hosts
        .iter()
        .map(|h| (h["name"].as_str().unwrap(), h["status"].as_str().unwrap()))
        .collect();
    assert_eq!(status, [("h1", "lost"), ("h2", "stopped")]);
    let escalations: Vec<Value> = t.json(&["escalation", "list"]);
    let lost: Vec<&Value> = escalations
        .iter()
        .filter(|e| e["category"] == "host_lost")
        .collect();
    assert_eq!(lost.len(), 1, "{escalations:?}");
    let message = lost[0]["message"].as_str().unwrap();
    assert!(message.contains("host h1"), "{message}");
    for bead in &taken {
        assert!(message.contains(bead.as_str()), "{message}");
    }
    let runs = assert_no_overlap(&t);
    assert_eq!(runs.len(), 6);
    for bead in runs.keys() {
        assert_runs_alternate(&t, bead);
    }
    let violations: Vec<Value> = t.json(&["doctor"]);
    assert!(violations.is_empty(), "{violations:?}");
    // h1 comes back: live again, with nothing to recover, and its
    // escalation resolved; then it stops.
    t.run_once(&["--host", "h1"], None);
    let open: Vec<Value> = t.json(&["escalation", "list"]);
    assert!(
        open.iter().all(|e| e["category"] != "host_lost"),
        "{open:?}"
    );
    let h1_id = hosts[0]["id"].as_str().unwrap().to_string();
    let changes: Vec<String> = t
        .events_of(&h1_id)
        .iter()
        .map(|e| format!("{} {}", e.event_type, e.new_value))
        .collect();
    assert_eq!(
        changes[1..],
        [
            "status_changed \"lost\"",
            "status_changed \"live\"",
            "status_changed \"stopped\""
        ],
        "{changes:?}"
    );
    // One document on every face.
    let s = crate::http::Server::start(&t, &[]);
    let http = crate::http::ok(crate::http::get(&s, "/api/hosts"), 200);
    let cli: Value = t.json(&["host", "list"]);
    assert_eq!(http, cli);
    let words = t.run(&["host", "list"]);
    assert!(
        words.stdout.contains("lost") || words.stdout.contains("stopped"),
        "{}",
        words.stdout
    );
}

/// A host limited to some rigs (`--rig`, `run.rigs`) takes no other rig's
/// beads; a rig the town does not have is refused before anything starts.
pub fn a_host_takes_only_its_rigs(t: Town) {
    let t = t.with_repo();
    t.json::<Value>(&["rig", "add", "web"]);
    let batch: Value = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "App",
        "--task",
        "app work",
    ]);
    let app = &batch["beads"][0];
    let convoy = batch["convoy"]["id"].as_str().unwrap().to_string();
    // No host yet: nothing says the work lacks one (the town may run its
    // agents some other way).
    let status: Value = t.json(&["convoy", "status", &convoy]);
    assert_eq!(status["needs_attention"], json!(false), "{status}");
    let lines = t.run_once(&["--host", "webby", "--rig", "web"], None);
    assert!(lines.iter().all(|l| l["event"] != "started"), "{lines:?}");
    let bead = app["bead"]["id"].as_str().unwrap();
    assert!(t.events_of(bead).iter().all(|e| e.event_type != "started"));
    let hosts: Vec<Value> = t.json(&["host", "list"]);
    assert_eq!(hosts[0]["rigs"], json!(["web"]));
    // Now the town runs its agents on hosts, and none live serves app.
    let status: Value = t.json(&["convoy", "status", &convoy]);
    assert_eq!(status["needs_attention"], json!(true), "{status}");
    assert_eq!(
        status["attention"][0]["reason"],
        json!("no_host"),
        "{status}"
    );
    assert_eq!(status["attention"][0]["bead"], app["bead"]["id"]);
    let listed: Vec<Value> = t.json(&["convoy", "list"]);
    assert_eq!(listed[0]["needs_attention"], json!(true));
    let patrol: Value = t.json(&["patrol", "--dry-run"]);
    assert_eq!(
        patrol["needs_attention"][0]["convoy"],
        json!(convoy),
        "{patrol}"
    );
    let config = t.run_config("rigs = ['nowhere']");
    let mut cmd = t.command(&["--json", "run", "--once"]);
    cmd.env("GT_RUN_CMD", agent_command())
        .env("GT_CONFIG", &config);
    let run = crate::support::Run::of(&mut cmd);
    let e = run.failed_with(3);
    assert!(
        e["error"]["message"].as_str().unwrap().contains("nowhere"),
        "{e}"
    );
    // Its own rig's beads it takes.
    let lines = t.run_once(&["--host", "appy", "--rig", "app"], None);
    assert!(
        lines
            .iter()
            .any(|l| l["event"] == "started" && l["bead"] == json!(bead)),
        "{lines:?}"
    );
    assert!(landed(&t, &convoy));
}

/// Many hosts on one rqlite cluster (SPEC §12), on one machine: a 3-node
/// cluster, three supervisors with data directories of their own over 60
/// beads in three convoys; h3 reaches the town through a proxy that loses
/// the answers to some of its writes. Mid-run h1 is killed (its beads move
/// to the others, with one escalation), then the cluster's leader is killed
/// (the others ride out the election). Every convoy lands, no bead ran twice
/// at once, each ran once per attempt, and doctor is clean.
pub fn hosts_on_a_cluster_start_each_bead_once() {
    use std::sync::atomic::Ordering;
    let mut cluster = gt_core::testing::Cluster::start(3);
    let t = Town::at(cluster.url()).with_repo();
    let convoys: Vec<String> = (0..3)
        .map(|c| t.slow_convoy(&format!("Convoy {c}"), 20))
        .collect();
    let config = t.write("patrol.toml", "[patrol]\nhost_dead_after = '4s'\n");
    // h3's node, behind a proxy that drops some answers to writes it applied.
    let faults = std::sync::Arc::new(crate::proxy::Faults::default());
    let nodes: Vec<String> = cluster.nodes.iter().map(|n| n.http.clone()).collect();
    let proxied = crate::proxy::proxy(nodes[2].clone(), faults.clone());
    let h3_db = format!("http://{proxied},{},{}", nodes[0], nodes[1]);
    faults.drop_write_replies.store(3, Ordering::SeqCst);
    let homes: Vec<String> = (1..=3)
        .map(|i| {
            let home = t.path(&format!("home-{i}"));
            std::fs::create_dir_all(&home).unwrap();
            home.display().to_string()
        })
        .collect();
    let start = |i: usize, db: &str| {
        let host = format!("h{i}");
        t.supervise_with(
            &[
                "--lock-timeout",
                "30s",
                "--host",
                &host,
                "--slots",
                "3",
                "--patrol-interval",
                "1s",
            ],
            Some(&config),
            &[
                ("HOME", homes[i - 1].as_str()),
                ("GT_DB", db),
                ("GT_TEST_SLOW", "1"),
            ],
        )
    };
    let mut h1 = start(1, &cluster.url());
    let h2 = start(2, &cluster.url());
    let h3 = start(3, &h3_db);
    let closed = |t: &Town| {
        let beads: Vec<Bead> = t.json(&["bead", "list", "--status", "closed"]);
        beads.len()
    };
    until(Duration::from_secs(120), "15 beads closed", || {
        closed(&t) >= 15
    });
    signal(h1.child.id() as i32, libc::SIGKILL);
    wait_for_exit(&mut h1.child, Duration::from_secs(5));
    until(Duration::from_secs(120), "35 beads closed", || {
        closed(&t) >= 35
    });
    let leader = cluster.leader();
    cluster.nodes[leader].kill();
    until(Duration::from_secs(240), "every convoy lands", || {
        convoys.iter().all(|c| landed(&t, c))
    });
    // Neither survivor crashed: each stops cleanly.
    let (l2, l3) = (h2.terminate(), h3.terminate());
    let started = |lines: &[Value]| lines.iter().filter(|l| l["event"] == "started").count();
    assert!(
        started(&l2) > 0 && started(&l3) > 0,
        "both survivors worked"
    );
    let runs = assert_no_overlap(&t);
    let beads: Vec<Bead> = t.json(&["bead", "list"]);
    let unrun: Vec<(&str, Vec<Event>)> = beads
        .iter()
        .filter(|b| !runs.contains_key(&b.id))
        .map(|b| (b.id.as_str(), t.events_of(&b.id)))
        .collect();
    assert_eq!(runs.len(), 60, "every bead ran; not run: {unrun:?}");
    for bead in runs.keys() {
        assert_runs_alternate(&t, bead);
    }
    let escalations: Vec<Value> = t.json(&["escalation", "list"]);
    let lost: Vec<&Value> = escalations
        .iter()
        .filter(|e| e["category"] == "host_lost")
        .collect();
    assert_eq!(lost.len(), 1, "{escalations:?}");
    assert!(lost[0]["message"].as_str().unwrap().contains("host h1"));
    let hosts: Vec<Value> = t.json(&["host", "list"]);
    let status: Vec<(&str, &str)> = hosts
        .iter()
        .map(|h| (h["name"].as_str().unwrap(), h["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        status,
        [("h1", "lost"), ("h2", "stopped"), ("h3", "stopped")]
    );
    assert!(
        faults.dropped.load(Ordering::SeqCst) > 0,
        "no answer was lost"
    );
    let violations: Vec<Value> = t.json(&["doctor"]);
    assert!(violations.is_empty(), "{violations:?}");
    for c in &convoys {
        t.assert_landed_once(c, 20);
    }
}

/// A host cut off (its supervisor frozen) past `host_dead_after` is lost and
/// its claim released; when it comes back it is live again, stops the agent
/// it still ran (that run is no longer its own), and runs the bead anew.
pub fn a_lost_host_that_comes_back_stops_its_stale_agents(t: Town) {
    let t = t.with_repo();
    let (bead, h1, running) = t.long_run_on_h1();
    let agent = running.name.clone();
    let stale = running.pid.unwrap();
    let started = running.run_started_at.unwrap();
    signal(h1.child.id() as i32, libc::SIGSTOP);
    std::thread::sleep(Duration::from_secs(3));
    let patrol: Value = t.json(&["patrol", "--host-dead-after", "2s"]);
    assert_eq!(patrol["lost_hosts"][0]["host"], json!("h1"), "{patrol}");
    assert_eq!(patrol["lost_hosts"][0]["released"], json!([bead]));
    assert!(
        alive(stale),
        "a frozen host's agent runs on until it is back"
    );
    // Its run has ended: were the stale agent to write (cut off, then back),
    // it is refused, on the command line and over its MCP server alike.
    let run = [
        ("GT_AGENT", agent.as_str()),
        ("GT_RUN_HOST", "h1"),
        ("GT_RUN_STARTED_AT", started.as_str()),
    ];
    let beat = Run::of(t.command(&["--json", "agent", "heartbeat"]).envs(run));
    assert_eq!(beat.code, 4, "{}", beat.stderr);
    assert!(beat.stderr.contains("has ended"), "{}", beat.stderr);
    let mut polecat =
        crate::mcp::Client::start_with_env(&t, &["--actor", &agent], &["--polecat", &agent], &run);
    let report = polecat.call("gt_bead_update", json!({"status": "closed"}));
    polecat.finish();
    assert!(
        report.is_error && report.text.contains("has ended"),
        "{}",
        report.text
    );
    assert_eq!(
        t.json::<Value>(&["bead", "show", &bead])["status"],
        "in_progress"
    );
    signal(h1.child.id() as i32, libc::SIGCONT);
    until(
        Duration::from_secs(20),
        "the stale agent is stopped",
        || !alive(stale) || group_members(stale) == 0,
    );
    until(Duration::from_secs(20), "h1 is live again", || {
        let hosts: Vec<Value> = t.json(&["host", "list"]);
        hosts[0]["status"] == json!("live")
    });
    until(Duration::from_secs(30), "h1 runs the bead anew", || {
        let a: Agent = t.json(&["agent", "show", &agent]);
        a.pid.is_some_and(|p| p != stale)
    });
    let lines = h1.terminate();
    assert!(
        lines
            .iter()
            .any(|l| l["event"] == "stopping" || l["event"] == "stopped" || l["event"] == "exited"),
        "{lines:?}"
    );
    let kinds: Vec<String> = t
        .events_of(&bead)
        .iter()
        .filter(|e| e.event_type == "started" || e.event_type == "exited")
        .map(|e| {
            let outcome = e.metadata["outcome"].as_str().unwrap_or("");
            format!("{} {outcome}", e.event_type).trim().to_string()
        })
        .collect();
    assert_eq!(
        kinds[..3],
        ["started", "exited lost", "started"],
        "{kinds:?}"
    );
}
