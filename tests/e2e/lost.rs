//! Lost answers on rqlite: a loopback proxy between gt and the node forwards
//! a write, lets the node apply it, and drops the reply. gt must find the
//! write applied by its token (not repeat it), and where it cannot ask, fail
//! within its bounded wait saying the outcome is unknown.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::proxy::{proxy, Faults};
use crate::support::Town;

/// A town on a real node, and gt's view of it through the proxy.
fn proxied() -> (Town, Arc<Faults>, String) {
    let t = Town::rqlite().with_rig();
    let upstream = t.db.trim_start_matches("http://").to_string();
    let faults = Arc::new(Faults::default());
    let url = format!("http://{}", proxy(upstream, faults.clone()));
    (t, faults, url)
}

#[test]
fn a_write_whose_answer_is_lost_is_found_applied_not_repeated() {
    let (t, faults, url) = proxied();
    let (beads, events) = (t.count("beads"), t.count("events"));
    faults.drop_write_replies.store(1, Ordering::SeqCst);
    let run = crate::support::Run::of(
        t.command(&["--json", "sling", "--rig", "app", "exactly once"])
            .env("GT_DB", &url),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        faults.dropped.load(Ordering::SeqCst),
        1,
        "no answer was dropped"
    );
    let slung: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(slung["bead"]["title"], "exactly once");
    // Applied once: one bead, one polecat, and its events once each.
    assert_eq!(t.count("beads"), beads + 1);
    let id = slung["bead"]["id"].as_str().unwrap();
    let mine: Vec<Value> = t.json(&["events", "--subject", id, "--limit", "0"]);
    let created = mine.iter().filter(|e| e["event_type"] == "created").count();
    assert_eq!(created, 1, "{mine:?}");
    assert!(t.count("events") > events);
    let doctor = t.run(&["--json", "doctor"]);
    assert_eq!(doctor.code, 0, "{}", doctor.stdout);
}

#[test]
fn a_lost_answer_that_cannot_be_checked_fails_within_the_bounded_wait() {
    let (t, faults, url) = proxied();
    faults.drop_write_replies.store(1, Ordering::SeqCst);
    // The write is applied and its answer lost; then nothing more is answered,
    // so gt cannot learn the outcome.
    faults.then_silence.store(true, Ordering::SeqCst);
    let started = Instant::now();
    let run = crate::support::Run::of(
        t.command(&[
            "--json",
            "--lock-timeout",
            "1s",
            "bead",
            "create",
            "--rig",
            "app",
            "x",
        ])
        .env("GT_DB", &url),
    );
    let took = started.elapsed();
    faults.silence_reads.store(false, Ordering::SeqCst);
    let e = run.failed_with(5);
    let message = e["error"]["message"].as_str().unwrap();
    assert!(message.contains("outcome is unknown"), "{message}");
    assert!(e["error"]["hint"].as_str().unwrap().contains("gt events"));
    // It waited past the lock timeout to learn the outcome, but not forever.
    assert!(
        took >= Duration::from_secs(1) && took < Duration::from_secs(45),
        "{took:?}"
    );
    // And the write was in fact applied, once: what the hint says to check.
    let made: Vec<Value> = t.json(&["bead", "list", "--rig", "app"]);
    assert_eq!(made.iter().filter(|b| b["title"] == "x").count(), 1);
}
