//! Crash tests that prove themselves: a test-only failpoint (`GT_FAILPOINT`,
//! gt-core's `testing` feature, which only test builds have) aborts gt
//! between two statements of a write's batch, exactly where a `kill -9` could
//! land. Each run asserts that the abort did land mid-write, then that the
//! town (beads, convoys, counts, events, agents, hooks) is exactly as before
//! and that `doctor` finds nothing; then the same write, left alone, succeeds.
//!
//! On rqlite a write is one transaction request, so there is no "between
//! statements" on gt's side: the kill that matters takes gt and the leader
//! together, with the write held at a proxy just before the leader saw it, or
//! just after the leader applied it (its answer never sent). The town, read
//! from the new leader, has none of the write or all of it.

use std::process::{Command, Stdio};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use gt_core::testing::Cluster;
use serde_json::{json, Value};

use crate::proxy::{proxy, Faults, Hold};
use crate::support::{Run, Town};

/// Everything the CLI can read of a town.
fn snapshot(t: &Town) -> Value {
    json!([
        t.json::<Value>(&["bead", "list"]),
        t.json::<Value>(&["agent", "list"]),
        t.json::<Value>(&["convoy", "list", "--all"]),
        t.json::<Value>(&["escalation", "list", "--all"]),
        t.json::<Value>(&["events", "--limit", "0"]),
        t.json::<Value>(&["mail", "inbox", "--all", "--limit", "0"]),
    ])
}

/// Aborts `gt ARGS` after each of `points` statements of its batch, and at
/// its commit; then runs it to the end.
fn crash_mid_write(t: &Town, args: &[&str], points: &[usize]) {
    let before = snapshot(t);
    let mut full = vec!["--json"];
    full.extend_from_slice(args);
    let kills = points
        .iter()
        .map(|n| format!("sqlite-statement={n}"))
        .chain(["sqlite-commit=1".to_string()]);
    for kill in kills {
        let run = Run::of(t.command(&full).env("GT_FAILPOINT", &kill));
        assert!(
            run.stderr.contains("failpoint") && run.code != 0,
            "{args:?} with {kill}: the kill did not land mid-write (exit {}): {}",
            run.code,
            run.stderr
        );
        assert_eq!(
            snapshot(t),
            before,
            "{args:?} killed at {kill} left a trace"
        );
        let doctor = t.run(&["--json", "doctor"]);
        assert_eq!(
            doctor.code, 0,
            "{args:?} killed at {kill}: {}",
            doctor.stdout
        );
    }
    let done = t.run(&full);
    assert_eq!(done.code, 0, "{args:?}: {}", done.stderr);
    assert_ne!(snapshot(t), before, "{args:?} changed nothing");
    let doctor = t.run(&["--json", "doctor"]);
    assert_eq!(doctor.code, 0, "{}", doctor.stdout);
}

/// `sling-batch` of `n` tasks into a convoy titled `title`, with `extra`.
fn batch_args(title: &str, n: usize, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = ["sling-batch", "--rig", "app", "--title", title]
        .map(String::from)
        .to_vec();
    args.extend(extra.iter().map(|s| s.to_string()));
    for i in 0..n {
        args.extend(["--task".into(), format!("t{i}")]);
    }
    args
}

fn batch(t: &Town, n: usize, extra: &[&str]) -> Value {
    let args = batch_args("crash", n, extra);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    t.json(&args)
}

#[test]
fn a_write_killed_between_its_statements_leaves_no_trace() {
    let t = Town::sqlite().with_rig();
    let points = [1, 25, 90];
    // A batch: beads, polecats, hooks, dispatches, a convoy and their events.
    let tasks: Vec<Value> = (0..60)
        .map(|i| json!({"title": format!("task {i}"), "depends_on": if i > 0 { json!([i - 1]) } else { json!([]) }}))
        .collect();
    let file = t.write("tasks.json", Value::Array(tasks).to_string());
    crash_mid_write(
        &t,
        &[
            "sling-batch",
            "--rig",
            "app",
            "--title",
            "chain",
            "--max-polecats",
            "3",
            "--tasks-file",
            &file,
        ],
        &points,
    );
    // Closing a convoy and all its beads.
    let closing = batch(&t, 60, &[]);
    let cv = closing["convoy"]["id"].as_str().unwrap().to_string();
    crash_mid_write(&t, &["convoy", "close", &cv, "--close-beads"], &points);
    // Adding and removing many beads at once.
    let target = batch(&t, 1, &[]);
    let target = target["convoy"]["id"].as_str().unwrap().to_string();
    let loose: Vec<String> = (0..40)
        .map(|i| {
            let b: Value = t.json(&["bead", "create", "--rig", "app", &format!("loose {i}")]);
            b["id"].as_str().unwrap().to_string()
        })
        .collect();
    let mut add = vec!["convoy", "add", &target];
    add.extend(loose.iter().map(String::as_str));
    crash_mid_write(&t, &add, &points);
    let mut remove = vec!["convoy", "remove", &target];
    remove.extend(loose.iter().map(String::as_str));
    crash_mid_write(&t, &remove, &points);
    // Deleting a hooked bead that blocks many: its dependents lose the edge
    // and are dispatched.
    let wide: Vec<Value> = std::iter::once(json!({"title": "base", "key": "b"}))
        .chain((0..40).map(|i| json!({"title": format!("top {i}"), "depends_on": ["b"]})))
        .collect();
    let file = t.write("wide.json", Value::Array(wide).to_string());
    let made: Value = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "wide",
        "--tasks-file",
        &file,
    ]);
    let base = made["beads"][0]["bead"]["id"].as_str().unwrap().to_string();
    crash_mid_write(&t, &["bead", "delete", &base, "--force"], &points);
    // A message to a group: one per polecat of the rig, all or none.
    crash_mid_write(
        &t,
        &[
            "mail",
            "send",
            "--to",
            "rig:app",
            "--subject",
            "Freeze",
            "--body",
            "Land what you have.",
        ],
        &points,
    );
    let sent: Vec<Value> = t.json(&["mail", "inbox", "--all", "--limit", "0"]);
    assert!(sent.len() > 45, "the group had {} polecats", sent.len());
}

/// What a town holds, with every ID, name and time left out: how many beads,
/// agents and events of each kind, and each convoy's counts. Two towns that
/// took the same writes have the same shape.
fn shape(snapshot: &Value) -> Value {
    let tally = |rows: &Value, key: &dyn Fn(&Value) -> String| {
        let mut counts = std::collections::BTreeMap::<String, usize>::new();
        for row in rows.as_array().unwrap() {
            *counts.entry(key(row)).or_default() += 1;
        }
        json!(counts)
    };
    json!({
        "beads": tally(&snapshot[0], &|b| format!("{} assigned={}", b["status"], !b["assignee"].is_null())),
        "agents": tally(&snapshot[1], &|a| format!("{} {} hooked={}", a["role"], a["status"], !a["hook"].is_null())),
        "convoys": tally(&snapshot[2], &|c| format!(
            "{} {} total={} closed={} failed={} attention={}",
            c["title"], c["status"], c["total_beads"], c["closed_beads"], c["failed_beads"], c["needs_attention"]
        )),
        "escalations": tally(&snapshot[3], &|e| e["status"].to_string()),
        "events": tally(&snapshot[4], &|e| format!(
            "{} on {}",
            e["event_type"],
            e["subject_id"].as_str().unwrap().split('-').next().unwrap()
        )),
    })
}

/// The town the crash tests start from: one capped batch at work.
fn seed(t: &Town) {
    batch(t, 5, &["--max-polecats", "2"]);
}

/// The write the crash tests kill, a batch of 40, as `gt --json` on `db`.
fn held_write(t: &Town, db: &str) -> Command {
    let mut gt = t.command(&["--json"]);
    gt.args(batch_args("held", 40, &[])).env("GT_DB", db);
    gt
}

/// Kills gt and the leader of a 3-node cluster while gt's batch is held at
/// `hold`; returns the town before, the town after (read from the new
/// leader), and the town, whose cluster is down a node.
fn kill_gt_and_leader(hold: Hold) -> (Value, Value, Town, Cluster) {
    let mut cluster = Cluster::start(3);
    let t = Town::at(cluster.url()).with_rig();
    seed(&t);
    let before = snapshot(&t);
    let leader = cluster.leader();
    let faults = Arc::new(Faults::default());
    *faults.hold_writes.lock().unwrap() = hold;
    let through = proxy(cluster.nodes[leader].http.clone(), faults.clone());
    let mut gt = held_write(&t, &format!("http://{through}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Mid-write: gt has sent its write, and the proxy holds it.
    let deadline = Instant::now() + Duration::from_secs(30);
    while faults.held.load(Ordering::SeqCst) == 0 {
        assert!(
            gt.try_wait().unwrap().is_none(),
            "gt ended before its write was held"
        );
        assert!(Instant::now() < deadline, "gt never sent its write");
        std::thread::sleep(Duration::from_millis(5));
    }
    gt.kill().unwrap();
    gt.wait().unwrap();
    cluster.nodes[leader].kill();
    // A strong read through the new leader: it has applied every committed
    // write before it answers, so gt's reads after it are not stale.
    cluster.nodes[cluster.leader()].scalar("SELECT count(*) FROM beads");
    let after = snapshot(&t);
    let doctor = t.run(&["--json", "doctor"]);
    assert_eq!(doctor.code, 0, "after the kills: {}", doctor.stdout);
    (before, after, t, cluster)
}

#[test]
fn gt_and_the_leader_killed_before_the_write_reached_it_leave_no_trace() {
    let (before, after, t, cluster) = kill_gt_and_leader(Hold::BeforeNode);
    assert_eq!(after, before, "the killed write left a trace");
    // The same write, left alone, goes through on the new leader, as one
    // request: what makes "held before the leader" all of it.
    let faults = Arc::new(Faults::default());
    let through = proxy(cluster.nodes[cluster.leader()].http.clone(), faults.clone());
    let again: Value = Run::of(&mut held_write(&t, &format!("http://{through}"))).json();
    assert_eq!(again["beads"].as_array().unwrap().len(), 40);
    assert_eq!(
        faults.writes.load(Ordering::SeqCst),
        1,
        "the write went in more than one request"
    );
}

#[test]
fn gt_and_the_leader_killed_after_the_leader_applied_the_write_keep_all_of_it() {
    let (before, after, t, _cluster) = kill_gt_and_leader(Hold::AfterNode);
    assert!(after != before, "the write the leader applied was lost");
    // All of it: the same beads, agents, convoys and events, kind for kind,
    // as the same write left alone makes in a town like it.
    let reference = Town::sqlite().with_rig();
    seed(&reference);
    Run::of(&mut held_write(&reference, &reference.db)).json::<Value>();
    assert_eq!(shape(&after), shape(&snapshot(&reference)));
    let convoys: Vec<Value> = t.json(&["convoy", "list", "--all"]);
    let held = convoys
        .iter()
        .find(|c| c["title"] == "held")
        .expect("the held batch's convoy");
    assert_eq!(held["total_beads"], 40, "{held}");
    let status: Value = t.json(&["convoy", "status", held["id"].as_str().unwrap()]);
    assert_eq!(status["beads"].as_array().unwrap().len(), 40);
    let events: Vec<Value> = t.json(&[
        "events",
        "--convoy",
        held["id"].as_str().unwrap(),
        "--limit",
        "0",
    ]);
    let created = events
        .iter()
        .filter(|e| e["event_type"] == "created")
        .count();
    assert_eq!(
        created, 41,
        "the convoy and each bead created once: {events:?}"
    );
}

/// Whether this machine can trace a process with `strace` (Debian's package;
/// CI installs it). Off CI, a machine without it skips the test and says so.
fn strace_works() -> bool {
    let works = Command::new("strace")
        .args(["-qq", "-o", "/dev/null", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        works || std::env::var_os("CI").is_none(),
        "CI must have a working strace (.ci/run installs it)"
    );
    works
}

/// Closes `bead` under `strace -y` (each descriptor printed with its file) and
/// asserts that the WAL was synced after the close's last write to it.
fn assert_close_syncs_the_wal(t: &Town, bead: &str, with: &str) {
    let trace = t.path("close.strace");
    let mut cmd = t.program("strace");
    cmd.args(["-f", "-y", "-qq", "-e"])
        .arg("trace=write,pwrite64,pwritev,pwritev2,fdatasync,fsync")
        .arg("-o")
        .arg(&trace)
        .args([crate::support::GT, "--json", "bead", "update", bead])
        .args(["--status", "closed"]);
    let closed = Run::of(&mut cmd);
    assert_eq!(closed.code, 0, "{}", closed.stderr);
    let trace = std::fs::read_to_string(trace).unwrap();
    // Each write to the WAL or sync of it, in order.
    let seen: Vec<&str> = trace.lines().filter(|l| l.contains("-wal>")).collect();
    let is_sync = |l: &&str| l.contains("sync(");
    let last_write = seen
        .iter()
        .rposition(|l| !is_sync(l))
        .unwrap_or_else(|| panic!("{with}: the close wrote nothing to the WAL: {seen:?}"));
    assert!(
        seen[last_write..].iter().any(is_sync),
        "{with}: the WAL was not synced after the close's last write to it:\n{}",
        seen.join("\n")
    );
}

/// A write that gt reports done is on disk before gt exits: after its last
/// write to the WAL, gt syncs the WAL. Alone, the checkpoint at close would
/// sync it anyway; with another process holding the town open (`gt serve`
/// polls it for its streams) there is no checkpoint at close, and with
/// `synchronous = NORMAL` a commit was never synced: a power cut could take
/// back a close that had already exited 0.
#[test]
fn a_write_is_synced_before_gt_exits_even_while_gt_serve_holds_the_town() {
    if !strace_works() {
        eprintln!("skipped: this test needs strace");
        return;
    }
    let t = Town::sqlite().with_rig();
    let batch = batch(&t, 3, &[]);
    let bead = |i: usize| {
        batch["beads"][i]["bead"]["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let shm = std::path::PathBuf::from(format!("{}-shm", t.db));
    let server = crate::http::Server::start(&t, &[]);
    // The server's poller has the town open once its shared-memory file is
    // there (a lone gt removes it when it exits).
    let deadline = Instant::now() + Duration::from_secs(10);
    while !shm.exists() {
        assert!(Instant::now() < deadline, "gt serve never opened the town");
        std::thread::sleep(Duration::from_millis(20));
    }
    // The first close may start the WAL afresh; the second appends to it.
    assert_close_syncs_the_wal(&t, &bead(0), "first close");
    assert_close_syncs_the_wal(&t, &bead(1), "second close");
    drop(server);
    assert_close_syncs_the_wal(&t, &bead(2), "a close alone");
    let closed: Value = t.json(&["bead", "list", "--status", "closed"]);
    assert_eq!(closed.as_array().unwrap().len(), 3);
}
