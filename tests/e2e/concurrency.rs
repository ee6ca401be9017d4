//! Many writers at once (R11).

use std::process::Stdio;
use std::time::{Duration, Instant};

use gt_core::ops::sling::SlungBatch;
use serde_json::Value;

use crate::support::Town;

pub fn eight_processes_close_one_convoy(t: Town) {
    const WRITERS: usize = 8;
    const PER_WRITER: usize = 5;
    let t = t.with_rig();
    let mut args = vec![
        "sling-batch".to_string(),
        "--rig".into(),
        "app".into(),
        "--title".into(),
        "Race".into(),
    ];
    for i in 0..WRITERS * PER_WRITER {
        args.extend(["--task".into(), format!("task {i}")]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let batch: SlungBatch = t.json(&args);
    let ids: Vec<String> = batch.beads.iter().map(|b| b.bead.id.clone()).collect();

    // Each writer is a shell loop of `gt bead update --status closed`, all started
    // together so that their commands interleave.
    let children: Vec<_> = ids
        .chunks(PER_WRITER)
        .map(|chunk| {
            let script = chunk
                .iter()
                .map(|id| {
                    format!("\"$GT\" --json bead update {id} --status closed >/dev/null || exit $?")
                })
                .collect::<Vec<_>>()
                .join("\n");
            t.program("sh")
                .arg("-c")
                .arg(script)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "a writer failed: {stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
    }
    t.assert_landed_once(&batch.convoy.id, WRITERS * PER_WRITER);
}

/// Starts `n` copies of `gt --json ARGS` at once (each given its index in
/// `$I`), and returns each one's exit code and stdout.
fn race(t: &Town, n: usize, args: &str) -> Vec<(i32, String)> {
    let children: Vec<_> = (0..n)
        .map(|i| {
            t.program("sh")
                .arg("-c")
                .arg(format!("I={i}; exec \"$GT\" --json {args}"))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("locked"), "{stderr}");
            (
                out.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&out.stdout).into_owned(),
            )
        })
        .collect()
}

/// Eight writers add a label each to one bead: no update is lost.
pub fn writers_on_one_beads_labels_lose_nothing(t: Town) {
    let t = t.with_rig();
    let bead: Value = t.json(&["bead", "create", "--rig", "app", "contested"]);
    let id = bead["id"].as_str().unwrap();
    for (code, out) in race(&t, 8, &format!("bead update {id} --add-label l$I")) {
        assert_eq!(code, 0, "{out}");
    }
    let after: Value = t.json(&["bead", "show", id]);
    let mut labels: Vec<&str> = after["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    labels.sort_unstable();
    assert_eq!(labels, ["l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7"]);
    let events: Vec<Value> = t.json(&["events", "--subject", id, "--limit", "0"]);
    let updates = events
        .iter()
        .filter(|e| e["event_type"] == "updated")
        .count();
    assert_eq!(updates, 8, "one audited change per writer");
}

/// Slings racing for one idle polecat: one gets it, the others get new
/// polecats with names of their own; no agent holds two beads.
pub fn slings_racing_for_one_idle_polecat_share_nothing(t: Town) {
    let t = t.with_rig();
    let first: Value = t.json(&["sling", "--rig", "app", "warm-up"]);
    let bead = first["bead"]["id"].as_str().unwrap();
    t.json::<Value>(&["bead", "update", bead, "--status", "closed"]);
    let idle = first["agent"]["name"].as_str().unwrap().to_string();
    let results = race(&t, 6, "sling --rig app \"racer $I\"");
    let mut names = Vec::new();
    for (code, out) in &results {
        assert_eq!(*code, 0, "{out}");
        let slung: Value = serde_json::from_str(out).unwrap();
        names.push(slung["agent"]["name"].as_str().unwrap().to_string());
    }
    assert_eq!(names.iter().filter(|n| **n == idle).count(), 1, "{names:?}");
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        names.len(),
        "two slings got one polecat: {names:?}"
    );
    assert_eq!(t.count("agents"), 6);
    let doctor = t.run(&["--json", "doctor"]);
    assert_eq!(doctor.code, 0, "{}", doctor.stdout);
}

/// Batches racing with one idempotency key make one convoy, and every one of
/// them answers with it.
pub fn batches_racing_with_one_key_make_one_convoy(t: Town) {
    let t = t.with_rig();
    let results = race(
        &t,
        6,
        "sling-batch --rig app --title Once --task a --task b --idempotency-key race-1",
    );
    let mut convoys = Vec::new();
    for (code, out) in &results {
        assert_eq!(*code, 0, "{out}");
        let batch: Value = serde_json::from_str(out).unwrap();
        convoys.push(batch["convoy"]["id"].as_str().unwrap().to_string());
    }
    convoys.dedup();
    assert_eq!(convoys.len(), 1, "{convoys:?}");
    assert_eq!((t.count("convoys"), t.count("beads")), (1, 2));
}

/// A writer that holds the town's lock longer than `--lock-timeout`: gt
/// waits that long, then fails with exit 5 and writes nothing.
#[test]
fn a_held_lock_is_exit_5_after_the_timeout() {
    use std::io::{BufRead, BufReader};

    let t = Town::sqlite().with_rig();
    // Python's sqlite3 holds a write transaction until its input closes.
    let script = "import sqlite3, sys\n\
                  c = sqlite3.connect(sys.argv[1], isolation_level=None)\n\
                  c.execute('BEGIN IMMEDIATE')\n\
                  print('held', flush=True)\n\
                  sys.stdin.read()\n";
    let mut holder = std::process::Command::new(crate::support::python())
        .args(["-c", script, &t.db])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(holder.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "held");
    let beads = t.count("beads");
    let e = create_times_out(&t, Duration::from_millis(400), Duration::from_secs(5));
    drop(holder.stdin.take());
    holder.wait().unwrap();
    let message = e["error"]["message"].as_str().unwrap();
    assert!(message.contains("stayed locked"), "{message}");
    assert!(e["error"]["hint"].is_string());
    assert_eq!(t.count("beads"), beads, "nothing written");
}

/// rqlite has no lock to hold; what keeps a write from committing there is a
/// cluster without a leader. With two of three nodes gone, a write is exit 5
/// once `--lock-timeout` has passed, saying why, and nothing is written.
#[test]
fn a_cluster_that_cannot_commit_is_exit_5_after_the_timeout() {
    let mut cluster = gt_core::testing::Cluster::start(3);
    let t = Town::at(cluster.url()).with_rig();
    let beads = cluster.nodes[0].scalar("SELECT count(*) FROM beads");
    let leader = cluster.leader();
    let survivor = (leader + 1) % 3;
    for i in (0..3).filter(|&i| i != survivor) {
        cluster.nodes[i].kill();
    }
    let e = create_times_out(&t, Duration::from_millis(700), Duration::from_secs(10));
    let message = e["error"]["message"].as_str().unwrap();
    assert!(message.contains("leader"), "{message}");
    assert!(
        e["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("--lock-timeout"),
        "{e}"
    );
    let node = &cluster.nodes[survivor];
    assert_eq!(node.local_scalar("SELECT count(*) FROM beads"), beads);
}

/// `gt bead create` with `--lock-timeout TIMEOUT`, which must fail with exit 5
/// after waiting at least the timeout and less than `limit`; its error.
fn create_times_out(t: &Town, timeout: Duration, limit: Duration) -> Value {
    let started = Instant::now();
    let timeout_text = format!("{}ms", timeout.as_millis());
    let e = t.fails(
        &[
            "--lock-timeout",
            &timeout_text,
            "bead",
            "create",
            "--rig",
            "app",
            "x",
        ],
        5,
    );
    let took = started.elapsed();
    assert!(took >= timeout && took < limit, "{took:?}");
    e
}
