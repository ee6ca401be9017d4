//! The dashboard in a real browser: Debian's chromium and chromedriver,
//! driven through Selenium by `tests/browser/dashboard.py`, while the
//! command line changes the town. Screenshots land in
//! `target/screenshots/`, and the two of the README's town in `docs/`.

use std::path::Path;

use gt_core::model::BeadStatus;
use gt_core::ops::sling::SlungBatch;
use serde_json::{json, Value};

use crate::http::Server;
use crate::support::{python, workspace_root, GT};
use crate::Town;

pub fn the_dashboard_works_in_a_real_browser() {
    let chromium = std::env::var("GT_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let driver =
        std::env::var("GT_CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    if !(Path::new(&chromium).exists() && Path::new(&driver).exists()) {
        // CI installs them (.ci/run); anywhere else the test says why it did not run.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have {chromium} and {driver}"
        );
        eprintln!(
            "skipped: the browser test needs chromium and chromedriver ({chromium}, {driver})"
        );
        return;
    }
    let t = Town::sqlite().with_rig();
    // A rig with no work: the browser test's second host takes only its
    // beads, so that it starts nothing of the first's.
    t.json::<Value>(&["rig", "add", "ops"]);
    // One agent at work under `gt run` (one slot, so it runs no other): its
    // card shows where it runs and its log's last lines.
    let ops: Value = t.json(&["sling", "--rig", "app", "Watch the logs"]);
    let runner = ops["agent"]["name"].as_str().unwrap().to_string();
    let mut supervisor = t
        .command(&["run", "--slots", "1", "--no-patrol", "--host", "box-1"])
        .env("GT_RUN_CMD", "echo hello from the agent; exec sleep 600")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while t.json::<Value>(&["agent", "show", &runner])["pid"].is_null() {
        assert!(started.elapsed().as_secs() < 30, "the agent never started");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let b = t.sling_diamond();
    let tiny: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Tiny",
        "--task",
        "one",
    ]);
    // A long convoy (two polecats at a time): its beads come a page at a time.
    let tasks: Vec<Value> = (1..=150)
        .map(|i| json!({"key": format!("r{i}"), "title": format!("Rename module {i}")}))
        .collect();
    let bulk_file = t.write("bulk.json", Value::Array(tasks).to_string());
    let bulk: Value = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Bulk rename",
        "--max-polecats",
        "2",
        "--tasks-file",
        &bulk_file,
    ]);
    // A realistic town for the screenshots and the triage: a convoy of
    // another rig that needs attention (a failed bead, a dead polecat
    // holding another), and one that has landed.
    t.json::<Value>(&["rig", "add", "web"]);
    let stuck: Value = t.json(&[
        "sling-batch",
        "--rig",
        "web",
        "--title",
        "Billing export",
        "--task",
        "Write the CSV export",
        "--task",
        "Upload exports to storage",
        "--task",
        "Email the download link",
    ]);
    let stuck_bead = |i: usize| {
        stuck["beads"][i]["bead"]["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let stuck_agent = |i: usize| {
        stuck["beads"][i]["agent"]["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // The failed bead's polecat goes idle: the one the triage picks.
    t.json::<Value>(&["bead", "update", &stuck_bead(0), "--status", "failed"]);
    t.json::<Value>(&["agent", "update", &stuck_agent(1), "--status", "dead"]);
    let docs: Value = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Onboarding docs",
        "--task",
        "Write the quick start",
        "--task",
        "Record the demo",
    ]);
    for b in docs["beads"].as_array().unwrap() {
        let id = b["bead"]["id"].as_str().unwrap();
        t.json::<Value>(&["bead", "update", id, "--status", "closed"]);
    }
    // A bead of no convoy that waits for one of Sessions: its drawer names it.
    let follow_up: Value = t.json(&[
        "bead",
        "create",
        "--rig",
        "app",
        "Announce the sessions",
        "--depends-on",
        &b.beads[3].bead.id,
    ]);
    // A bead on no convoy and no hook, for the Delete confirmation.
    let spike: Value = t.json(&["bead", "create", "--rig", "app", "Old spike"]);
    let esc: Value = t.json(&["escalation", "raise", "Look at this", "--severity", "high"]);
    let s = Server::start(&t, &[]);
    let shots = workspace_root().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let statuses: Vec<&str> = BeadStatus::ALL.iter().map(|s| s.as_str()).collect();
    let spec = json!({
        "url": format!("http://{}/", s.addr),
        "gt": GT,
        "db": t.db,
        "convoy": b.convoy.id,
        "beads": b.beads.iter().map(|x| x.bead.id.clone()).collect::<Vec<_>>(),
        "tiny_bead": tiny.beads[0].bead.id,
        "statuses": statuses,
        "escalation": esc["id"],
        "runner": runner,
        "home": t.home.path(),
        "spare_rig": "ops",
        "shots": shots,
        "docs": workspace_root().join("docs"),
        "axe": workspace_root().join("tests/browser/vendor/axe.min.js"),
        "stuck_convoy": stuck["convoy"]["id"],
        "stuck_bead": stuck_bead(1),
        "dead_agent": stuck_agent(1),
        "idle_web": stuck_agent(0),
        "spike": spike["id"],
        "bulk": bulk["convoy"]["id"],
        "follow_up": follow_up["id"],
        "supervisor_pid": supervisor.id(),
    });
    let spec_file = t.write("browser.json", spec.to_string());
    let out = std::process::Command::new(python())
        .arg(workspace_root().join("tests/browser/dashboard.py"))
        .arg(&spec_file)
        .env("GT_CHROMIUM", &chromium)
        .env("GT_CHROMEDRIVER", &driver)
        .output()
        .unwrap();
    // SAFETY: kill(2) on the supervisor this test started: it stops its agent.
    unsafe {
        libc::kill(supervisor.id() as i32, libc::SIGTERM);
    }
    let _ = supervisor.wait();
    assert!(
        out.status.success(),
        "the browser test failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    for shot in [
        "dashboard-1280.png",
        "dashboard-390.png",
        "dashboard-mail-1280.png",
        "dashboard-mail-390.png",
        "dashboard-hosts-390.png",
        "dashboard-dark-1280.png",
        "dashboard-dark-390.png",
        "dashboard-keyboard-1280.png",
    ] {
        assert!(shots.join(shot).exists(), "{shot} was not saved");
    }
}
