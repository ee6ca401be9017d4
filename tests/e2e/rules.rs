//! Rules the other suites leave out, through the real binary: who the audit
//! log names (R9), what is dispatched and when (R7), what does and does not
//! hold a convoy back (R3, R4).

use serde_json::Value;

use crate::support::{Run, Town};

fn batch(t: &Town, args: &[&str]) -> Value {
    let mut full = vec!["sling-batch", "--rig", "app", "--title", "rules"];
    full.extend_from_slice(args);
    t.json(&full)
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

fn actors(t: &Town, subject: &str) -> Vec<String> {
    let events: Vec<Value> = t.json(&["events", "--subject", subject, "--limit", "0"]);
    events
        .iter()
        .map(|e| e["actor"].as_str().unwrap().to_string())
        .collect()
}

/// R9: the actor is `--actor`, else `GT_ACTOR`, else the login name.
pub fn the_actor_is_the_flag_then_the_environment_then_the_login(t: Town) {
    let t = t.with_rig();
    let by_flag: Value = t.json(&["--actor", "mayor", "bead", "create", "--rig", "app", "f"]);
    assert_eq!(actors(&t, &id(&by_flag)), ["mayor"]);
    assert_eq!(by_flag["created_by"], "mayor");
    // The environment's (`tester`) when no flag is given.
    let by_env: Value = t.json(&["bead", "create", "--rig", "app", "e"]);
    assert_eq!(actors(&t, &id(&by_env)), ["tester"]);
    // In `gt events` the flag is a filter, and only the flag: `GT_ACTOR`
    // (tester) filters nothing.
    let all: Vec<Value> = t.json(&["events", "--limit", "0"]);
    assert!(all.iter().any(|e| e["actor"] == "mayor"), "{all:?}");
    for args in [
        ["events", "--actor", "mayor"],
        ["--actor", "mayor", "events"],
    ] {
        let by: Vec<Value> = t.json(&args);
        assert!(
            !by.is_empty() && by.iter().all(|e| e["actor"] == "mayor"),
            "{by:?}"
        );
    }
    // Neither: the login name, from USER, else LOGNAME, else the OS.
    for (var, name) in [("USER", "carol"), ("LOGNAME", "dave")] {
        let run = Run::of(
            t.command(&["--json", "bead", "create", "--rig", "app", name])
                .env_remove("GT_ACTOR")
                .env(var, name),
        );
        let bead: Value = run.json();
        assert_eq!(actors(&t, &id(&bead)), [name], "from {var}");
    }
    // Neither of those either (containers, CI): the name the OS has for
    // this user, as `id -un` reads it, never `unknown`.
    let id_un = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    let login = String::from_utf8(id_un.stdout).unwrap().trim().to_string();
    let run = Run::of(
        t.command(&["--json", "bead", "create", "--rig", "app", "os"])
            .env_remove("GT_ACTOR"),
    );
    let bead: Value = run.json();
    assert_eq!(actors(&t, &id(&bead)), [login], "from the OS");
}

/// R7: a close that frees a dependent dispatches it, through the dispatch
/// command of the config file, after the commit: the command itself reads
/// the town and finds its bead already at work.
pub fn a_dependent_freed_by_a_close_is_dispatched_after_the_commit(t: Town) {
    let t = t.with_rig();
    let log = t.path("dispatch.log");
    let config = t.write(
        "config.toml",
        format!(
            "[dispatch]\ncommand = '''echo \"$GT_BEAD_ID $(\"$GT\" --json bead show \"$GT_BEAD_ID\" | tr -d ' \\n' | sed 's/.*\"status\":\"\\([a-z_]*\\)\".*/\\1/')\" >> {}'''\n",
            log.display()
        ),
    );
    let tasks = t.write(
        "tasks.json",
        r#"[{"title": "base", "key": "a"}, {"title": "top", "depends_on": ["a"]}]"#,
    );
    let made: Value = Run::of(
        t.command(&[
            "--json",
            "sling-batch",
            "--rig",
            "app",
            "--title",
            "chain",
            "--tasks-file",
            &tasks,
        ])
        .env("GT_CONFIG", &config),
    )
    .json();
    let (base, top) = (id(&made["beads"][0]["bead"]), id(&made["beads"][1]["bead"]));
    let lines = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        lines.trim(),
        format!("{base} in_progress"),
        "only the base at first"
    );
    Run::of(
        t.command(&["--json", "bead", "update", &base, "--status", "closed"])
            .env("GT_CONFIG", &config),
    )
    .json::<Value>();
    let lines = std::fs::read_to_string(&log).unwrap();
    let last = lines.lines().last().unwrap();
    // Dispatched once freed, and the command saw its bead committed at work.
    assert_eq!(last, format!("{top} in_progress"), "{lines}");
}

/// R3: a convoy in `review-and-merge` lands when its last bead closes, like
/// any other. R4: with one bead failed and others still open, the convoy is
/// not yet `needs_attention` (its status lists the failure); once the others
/// close it is, and it does not land.
pub fn merge_mode_does_not_delay_landing_and_one_failure_holds_it(t: Town) {
    let t = t.with_rig();
    let merged = batch(
        &t,
        &[
            "--merge-mode",
            "review-and-merge",
            "--task",
            "a",
            "--task",
            "b",
        ],
    );
    let cv = id(&merged["convoy"]);
    for bead in merged["beads"].as_array().unwrap() {
        t.json::<Value>(&["bead", "update", &id(&bead["bead"]), "--status", "closed"]);
    }
    let landed: Value = t.json(&["convoy", "status", &cv]);
    assert_eq!(
        (&landed["status"], &landed["merge_mode"]),
        (&Value::from("landed"), &Value::from("review-and-merge"))
    );

    let held = batch(&t, &["--task", "a", "--task", "b", "--task", "c"]);
    let cv = id(&held["convoy"]);
    let beads: Vec<String> = held["beads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| id(&b["bead"]))
        .collect();
    t.json::<Value>(&["bead", "update", &beads[0], "--status", "failed"]);
    let status: Value = t.json(&["convoy", "status", &cv]);
    // A failed bead needs a person at once, while others are still open (R4).
    assert_eq!(status["needs_attention"], true, "others are open: {status}");
    assert_eq!(status["attention"][0]["reason"], "bead_failed", "{status}");
    assert_eq!(status["status"], "active");
    assert_eq!(
        (
            status["failed_beads"].as_i64(),
            status["closed_beads"].as_i64()
        ),
        (Some(1), Some(0))
    );
    for bead in &beads[1..] {
        t.json::<Value>(&["bead", "update", bead, "--status", "closed"]);
    }
    let status: Value = t.json(&["convoy", "status", &cv]);
    assert_eq!(
        status["status"], "active",
        "a failed bead keeps it from landing"
    );
    assert_eq!(status["needs_attention"], true);
}
