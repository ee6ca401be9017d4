//! The dashboard in a real browser: Debian's chromium and chromedriver,
//! driven through Selenium by `tests/browser/dashboard.py`, while the
//! command line changes the town. Screenshots land in
//! `target/screenshots/`.

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
        "shots": shots,
    });
    let spec_file = t.write("browser.json", spec.to_string());
    let out = std::process::Command::new(python())
        .arg(workspace_root().join("tests/browser/dashboard.py"))
        .arg(&spec_file)
        .env("GT_CHROMIUM", &chromium)
        .env("GT_CHROMEDRIVER", &driver)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the browser test failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    for shot in ["dashboard-1280.png", "dashboard-390.png"] {
        assert!(shots.join(shot).exists(), "{shot} was not saved");
    }
}
