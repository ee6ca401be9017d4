//! `gt patrol` through the real binary: silent agents found and repaired once,
//! by one patrol or by four at once, a dry run that writes nothing, bad
//! thresholds refused, and `--watch` streaming until SIGTERM.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use gt_core::model::{AgentStatus, Bead, BeadStatus, Escalation, EscalationStatus, Event};
use gt_core::ops::agent::Beat as Heartbeat;
use gt_core::ops::patrol::{PatrolReport, Repair, DEAD_AGENT, STALLED_AGENT};
use gt_core::ops::sling::{Slung, SlungBatch};
use serde_json::Value;

use crate::Town;

/// Makes agents look silent for `minutes`, below gt (as a crashed polecat is).
pub(crate) fn silence(t: &Town, which: &str, minutes: u64) {
    let then = gt_core::clock::format(SystemTime::now() - Duration::from_secs(minutes * 60));
    t.execute(&format!(
        "UPDATE agents SET last_activity_at = '{then}', version = version + 1 WHERE {which}"
    ));
}

fn batch(t: &Town, tasks: &[&str], cap: Option<&str>) -> SlungBatch {
    let mut args = vec!["sling-batch", "--rig", "app", "--title", "work"];
    if let Some(cap) = cap {
        args.extend(["--max-polecats", cap]);
    }
    for task in tasks {
        args.extend(["--task", task]);
    }
    t.json(&args)
}

/// A polecat with nothing to do: it slung one bead, which is closed.
fn idle_polecat(t: &Town, title: &str) -> String {
    let s: Slung = t.json(&["sling", "--rig", "app", title]);
    t.json::<Bead>(&["bead", "update", &s.bead.id, "--status", "closed"]);
    s.agent.name
}

fn events_of(t: &Town, subject: &str, kind: &str) -> usize {
    let events: Vec<Event> = t.json(&["events", "--subject", subject, "--limit", "0"]);
    events.iter().filter(|e| e.event_type == kind).count()
}

fn assert_doctor_clean(t: &Town) {
    let run = t.run(&["--json", "doctor"]);
    assert_eq!(run.code, 0, "doctor: {}", run.stdout);
}

/// One pass stalls the quiet agent, declares the silent one dead and parks
/// its bead; the next pass hooks that bead to the polecat that came free;
/// then nothing is due; a beat resolves the stall.
pub fn patrol_repairs_a_silent_town_once(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &["a", "b", "c"], Some("2"));
    let toast = b.beads[0].agent.clone().unwrap();
    let maple = b.beads[1].agent.clone().unwrap();
    let solo: Slung = t.json(&["sling", "--rig", "app", "solo"]);
    silence(&t, &format!("name = '{}'", toast.name), 40);
    silence(&t, &format!("name = '{}'", maple.name), 15);

    let events = t.count("events");
    let preview: PatrolReport = t.json(&["patrol", "--dry-run"]);
    assert!(preview.dry_run);
    assert_eq!(t.count("events"), events, "a dry run writes nothing");
    let human = t.run(&["patrol", "--dry-run"]);
    assert!(
        human
            .stdout
            .contains(&format!("would be dead: {}", toast.name)),
        "{}",
        human.stdout
    );

    let report: PatrolReport = t.json(&["patrol"]);
    assert!(!report.dry_run);
    let names = |v: &[gt_core::ops::patrol::SilentAgent]| -> Vec<String> {
        v.iter().map(|a| a.agent.clone()).collect()
    };
    assert_eq!(names(&report.stalled), vec![maple.name.clone()]);
    assert_eq!(names(&report.dead), vec![toast.name.clone()]);
    assert_eq!(
        (names(&preview.stalled), names(&preview.dead)),
        (names(&report.stalled), names(&report.dead))
    );
    let a = &b.beads[0].bead.id;
    assert_eq!(report.released.len(), 1);
    assert_eq!(
        (&report.released[0].bead, report.released[0].to.as_ref()),
        (a, None)
    );
    let categories: BTreeSet<_> = report
        .escalations
        .iter()
        .map(|e| (e.category.clone().unwrap(), e.agent.clone().unwrap()))
        .collect();
    assert_eq!(
        categories,
        BTreeSet::from([
            (STALLED_AGENT.to_string(), maple.name.clone()),
            (DEAD_AGENT.to_string(), toast.name.clone()),
        ])
    );
    let bead: Bead = t.json(&["bead", "show", a]);
    assert_eq!((bead.status, bead.assignee), (BeadStatus::Open, None));
    assert_eq!(events_of(&t, a, "released"), 1);

    // The solo polecat finishes: the next pass feeds it the released bead
    // (the batch holds one of its two places).
    t.json::<Bead>(&["bead", "update", &solo.bead.id, "--status", "closed"]);
    let fed: PatrolReport = t.json(&["patrol"]);
    assert_eq!(fed.hooked.len(), 1, "{fed:?}");
    assert_eq!(
        (&fed.hooked[0].bead, &fed.hooked[0].agent),
        (a, &solo.agent.name)
    );
    let c: Bead = t.json(&["bead", "show", &b.beads[2].bead.id]);
    assert_eq!(c.assignee, None, "the cap of two holds");

    let events = t.count("events");
    let idle = t.run(&["patrol"]);
    assert_eq!(idle.code, 0);
    assert!(idle.stdout.starts_with("Nothing due"), "{}", idle.stdout);
    assert_eq!(t.count("events"), events, "nothing due writes nothing");

    let beat: Heartbeat = t.json(&["agent", "heartbeat", &maple.name]);
    assert!(beat.recovered);
    let all: Vec<Escalation> = t.json(&["escalation", "list", "--all"]);
    let stall = all
        .iter()
        .find(|e| e.category.as_deref() == Some(STALLED_AGENT))
        .unwrap();
    assert_eq!(stall.status, EscalationStatus::Resolved);
    assert_doctor_clean(&t);
}

/// Bad thresholds and flags are refused before anything is read or written.
pub fn patrol_refuses_bad_thresholds(t: Town) {
    let t = t.with_rig();
    t.json::<Slung>(&["sling", "--rig", "app", "work"]);
    silence(&t, "1", 60);
    let events = t.count("events");
    let e = t.fails(&["patrol", "--stall-after", "1h", "--dead-after", "5m"], 2);
    assert!(
        e["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("--dead-after"),
        "{e}"
    );
    t.fails(&["patrol", "--interval", "5s"], 2);
    t.fails(&["patrol", "--stall-after", "soon"], 2);
    t.fails(&["patrol", "--max-dispatch-retries", "-1"], 2);
    t.fails(&["patrol", "--watch", "--interval", "0s"], 2);
    assert_eq!(t.count("events"), events);
    // Thresholds from the config file, overridden by a flag.
    let config = t.write(
        "config.toml",
        "[patrol]\nstall_after = \"2h\"\ndead_after = \"3h\"\n",
    );
    let mut cmd = t.command(&["--json", "patrol", "--dry-run"]);
    cmd.env("GT_CONFIG", &config);
    let r: PatrolReport = crate::support::Run::of(&mut cmd).json();
    assert!(
        r.is_empty(),
        "an hour of silence is within the file's thresholds: {r:?}"
    );
    let mut cmd = t.command(&["--json", "patrol", "--dry-run", "--dead-after", "50m"]);
    cmd.env("GT_CONFIG", &config);
    let e = crate::support::Run::of(&mut cmd).failed_with(2);
    assert!(
        e["error"]["message"].as_str().unwrap().contains("shorter"),
        "{e}"
    );
    let bad = t.write("bad.toml", "[patrol]\nstall_after = \"later\"\n");
    let mut cmd = t.command(&["--json", "patrol"]);
    cmd.env("GT_CONFIG", &bad);
    let e = crate::support::Run::of(&mut cmd).failed_with(2);
    assert!(
        e["error"]["message"].as_str().unwrap().contains("line 2"),
        "{e}"
    );
}

/// Four patrols at once over a town with six dead polecats: each bead is
/// released exactly once, each agent escalated exactly once, and the counts
/// equal a recount.
pub fn four_patrols_at_once_repair_each_death_once(t: Town) {
    const PATROLS: usize = 4;
    let t = t.with_rig();
    let b = batch(&t, &["1", "2", "3", "4", "5", "6"], None);
    let spares: BTreeSet<String> = (0..3)
        .map(|i| idle_polecat(&t, &format!("spare {i}")))
        .collect();
    silence(&t, "hook IS NOT NULL", 60);
    let children: Vec<_> = (0..PATROLS)
        .map(|_| {
            t.command(&["--json", "patrol"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut dead = Vec::new();
    let mut released = Vec::new();
    let mut rehooked = Vec::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "a patrol failed: {stderr}");
        let report: PatrolReport = serde_json::from_slice(&out.stdout).unwrap();
        dead.extend(report.dead.into_iter().map(|a| a.agent));
        for r in report.released {
            rehooked.extend(r.to.clone());
            released.push(r.bead);
        }
        rehooked.extend(report.hooked.into_iter().map(|h| h.agent));
    }
    dead.sort();
    let expected: Vec<String> = {
        let mut v: Vec<String> = b
            .beads
            .iter()
            .map(|x| x.agent.clone().unwrap().name)
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        dead, expected,
        "each agent declared dead by exactly one patrol"
    );
    released.sort();
    let mut beads: Vec<String> = b.beads.iter().map(|x| x.bead.id.clone()).collect();
    beads.sort();
    assert_eq!(released, beads, "each bead released by exactly one patrol");
    for bead in &beads {
        assert_eq!(events_of(&t, bead, "released"), 1, "{bead}");
    }
    rehooked.sort();
    assert_eq!(
        rehooked.iter().cloned().collect::<BTreeSet<_>>(),
        spares,
        "every spare polecat took one bead, none took two"
    );
    assert_eq!(rehooked.len(), spares.len());
    let escalations: Vec<Escalation> = t.json(&["escalation", "list", "--all"]);
    let mut per_agent: BTreeMap<String, usize> = BTreeMap::new();
    for e in &escalations {
        assert_eq!(e.category.as_deref(), Some(DEAD_AGENT), "{e:?}");
        *per_agent.entry(e.agent.clone().unwrap()).or_default() += 1;
    }
    assert_eq!(per_agent.len(), 6);
    assert!(per_agent.values().all(|&n| n == 1), "{per_agent:?}");
    let agents: Vec<gt_core::model::Agent> = t.json(&["agent", "list"]);
    let dead_count = agents
        .iter()
        .filter(|a| a.status == AgentStatus::Dead)
        .count();
    assert_eq!(dead_count, 6);
    assert_doctor_clean(&t);
}

/// `--watch` prints one JSON Line per repair as it happens and ends cleanly
/// (exit 0) on SIGTERM.
pub fn patrol_watch_streams_repairs_until_sigterm(t: Town) {
    let t = t.with_rig();
    let s: Slung = t.json(&["sling", "--rig", "app", "work"]);
    let mut child = t
        .command(&["--json", "patrol", "--watch", "--interval", "100ms"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    // Nothing is due at first; then the agent goes quiet.
    assert!(
        rx.recv_timeout(Duration::from_millis(400)).is_err(),
        "nothing due prints nothing"
    );
    silence(&t, "1", 15);
    let mut seen = Vec::new();
    while seen.len() < 2 {
        let line = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("a repair line within 20 s");
        let repair: Repair = serde_json::from_str(&line).unwrap();
        let raw: Value = serde_json::from_str(&line).unwrap();
        assert!(raw["repair"].is_string(), "{line}");
        seen.push(repair);
    }
    assert!(
        matches!(&seen[0], Repair::Stalled(a) if a.agent == s.agent.name),
        "{seen:?}"
    );
    assert!(
        matches!(&seen[1], Repair::Escalation(e) if e.category.as_deref() == Some(STALLED_AGENT))
    );
    let kill = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "patrol --watch ignored SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
    assert!(
        rx.recv_timeout(Duration::from_millis(200)).is_err(),
        "no repair repeated"
    );
}
