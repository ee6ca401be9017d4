//! `gt status`: the town at a glance, on the command line and live in a
//! terminal.

use serde_json::Value;

use crate::support::{python, workspace_root, Town};

/// One screen: active convoys with those needing a person first (and why),
/// agents by status, open escalations newest first, the newest events.
pub fn status_shows_the_town_at_a_glance(t: Town) {
    let t = t.with_rig();
    let calm: Value = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Calm",
        "--task",
        "a",
    ]);
    let stuck: Value = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Stuck",
        "--task",
        "b",
        "--task",
        "c",
    ]);
    let failed = stuck["beads"][0]["bead"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    t.json::<Value>(&["bead", "update", &failed, "--status", "failed"]);
    t.json::<Value>(&["escalation", "raise", "first"]);
    t.json::<Value>(&["escalation", "raise", "second", "--severity", "high"]);

    let o: Value = t.json(&["status", "--events", "3"]);
    assert_eq!(o["active_convoys"], 2, "{o}");
    assert_eq!(o["convoys_needing_attention"], 1, "{o}");
    // The stuck convoy first, though it is the newer, with why.
    assert_eq!(o["convoys"][0]["id"], stuck["convoy"]["id"], "{o}");
    assert_eq!(o["convoys"][0]["attention"][0]["bead"], failed.as_str());
    assert_eq!(o["convoys"][0]["attention"][0]["reason"], "bead_failed");
    assert_eq!(o["convoys"][1]["id"], calm["convoy"]["id"]);
    assert_eq!(o["convoys"][1]["attention"], serde_json::json!([]));
    // Three polecats: two at work, the failed bead's freed one idle.
    assert_eq!(o["agents"]["working"], 2, "{o}");
    assert_eq!(o["agents"]["idle"], 1, "{o}");
    assert_eq!(o["open_escalations"], 2);
    assert_eq!(o["escalations"][0]["message"], "second");
    let events = o["events"].as_array().unwrap();
    assert_eq!(events.len(), 3);
    assert_eq!(events[2]["new_value"]["message"], "second", "newest last");

    let human = t.run(&["status"]).stdout;
    for line in [
        "Convoys: 2 active, 1 needs attention",
        "needs attention:",
        "failed",
        "Agents: 2 working, 1 idle, 0 stalled, 0 dead",
        "Escalations: 2 open",
        "Recent events:",
    ] {
        assert!(human.contains(line), "{line:?} in:\n{human}");
    }
    // Too many events is a usage error that says how to read more.
    let e = t.fails(&["status", "--events", "101"], 2);
    assert!(
        e["error"]["hint"].as_str().unwrap().contains("gt events"),
        "{e}"
    );
    // An empty town says how to start.
    let empty = Town::sqlite().run(&["status"]).stdout;
    assert!(empty.contains("Convoys: 0 active"), "{empty}");
    assert!(empty.contains("gt sling-batch"), "{empty}");
    // Without a terminal, --watch says what to do instead.
    let run = t.run(&["status", "--watch"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("add --json"), "{}", run.stderr);
}

/// `gt --json status --watch`: a document, then another after each change.
pub fn status_watch_json_streams_a_document_per_change(t: Town) {
    use std::io::{BufRead, BufReader};
    let t = t.with_rig();
    let mut child = t
        .command(&["--json", "status", "--watch"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first: Value = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
    assert_eq!(first["open_escalations"], 0, "{first}");
    t.json::<Value>(&["escalation", "raise", "watch me"]);
    let next: Value = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
    assert_eq!(next["open_escalations"], 1, "{next}");
    child.kill().unwrap();
    child.wait().unwrap();
}

/// `gt status --watch` in a pseudo terminal: drawn, redrawn on a change made
/// elsewhere, ended by `q` with the terminal given back.
pub fn status_watch_redraws_and_quits_on_q(t: Town) {
    let t = t.with_rig();
    t.json::<Value>(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Live",
        "--task",
        "a",
    ]);
    let script = workspace_root().join("tests/pty/status_watch.py");
    let out = t.program(python()).arg(script).output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
