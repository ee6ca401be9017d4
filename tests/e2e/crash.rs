//! Crash tests that prove themselves: a test-only failpoint (`GT_FAILPOINT`,
//! gt-core's `testing` feature, which only test builds have) aborts gt
//! between two statements of a write's batch, exactly where a `kill -9` could
//! land. Each run asserts that the abort did land mid-write, then that the
//! town (beads, convoys, counts, events, agents, hooks) is exactly as before
//! and that `doctor` finds nothing; then the same write, left alone, succeeds.

use serde_json::{json, Value};

use crate::support::{Run, Town};

/// Everything the CLI can read of a town.
fn snapshot(t: &Town) -> Value {
    json!([
        t.json::<Value>(&["bead", "list"]),
        t.json::<Value>(&["agent", "list"]),
        t.json::<Value>(&["convoy", "list", "--all"]),
        t.json::<Value>(&["escalation", "list", "--all"]),
        t.json::<Value>(&["events", "--limit", "0"]),
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

fn batch(t: &Town, n: usize, extra: &[&str]) -> Value {
    let mut args: Vec<String> = ["sling-batch", "--rig", "app", "--title", "crash"]
        .map(String::from)
        .to_vec();
    args.extend(extra.iter().map(|s| s.to_string()));
    for i in 0..n {
        args.extend(["--task".into(), format!("t{i}")]);
    }
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
}
