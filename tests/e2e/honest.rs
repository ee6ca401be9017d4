//! State that never looks healthier than it is (issue 29): a stuck convoy
//! says so on every face, patrol names what it cannot mend, a dead agent is
//! told so, and only an agent's own acts make it look alive.

use gt_core::model::{Agent, Bead};
use serde_json::{json, Value};

use crate::mayor::{batch, id_of, row, status};
use crate::patrol::silence;
use crate::support::Town;

/// The convoy of `cv` as `convoy list --json` shows it.
fn listed(t: &Town, cv: &str) -> Value {
    let list: Vec<Value> = t.json(&["convoy", "list"]);
    list.into_iter()
        .find(|c| c["id"] == cv)
        .unwrap_or_else(|| panic!("{cv} is not listed"))
}

fn patrol(t: &Town, args: &[&str]) -> Value {
    let mut full = vec!["patrol", "--stall-after", "20s", "--dead-after", "40s"];
    full.extend_from_slice(args);
    t.json(&full)
}

/// Repro 1: a failed blocker leaves B, C and D waiting forever; every face
/// says the convoy needs a person at once, and patrol names it.
pub fn a_failed_blocker_says_its_convoy_is_stuck(t: Town) {
    let t = t.with_rig();
    let file = crate::support::workspace_root().join("examples/diamond.json");
    let b: gt_core::ops::sling::SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Sessions",
        "--tasks-file",
        file.to_str().unwrap(),
    ]);
    let (a, cv) = (id_of(&b, 0), b.convoy.id.clone());
    t.json::<Value>(&["bead", "update", &a, "--status", "failed"]);
    assert_eq!(listed(&t, &cv)["needs_attention"], true);
    let view = status(&t, &cv);
    assert_eq!(view["needs_attention"], true);
    assert_eq!(
        view["attention"],
        json!([{"bead": a, "reason": "bead_failed"}])
    );
    let human = t.run(&["convoy", "list"]);
    assert!(human.stdout.contains("active !"), "{}", human.stdout);
    let report = patrol(&t, &["--dry-run"]);
    assert_eq!(
        report["needs_attention"][0]["convoy"],
        json!(cv),
        "{report}"
    );
    let words = t.run(&["patrol", "--dry-run"]).stdout;
    assert!(!words.contains("Nothing due"), "{words}");
    assert!(words.contains(&format!("needs attention: {cv}")), "{words}");
}

/// Repro 2: both polecats of a capped convoy die; their beads are released
/// with nobody to take them. They are `unassigned` (the cap has room), each
/// needs attention, and every later patrol says so, until a person acts.
/// Repro 4 too: patrol's repairs leave the dead agents' last activity alone.
pub fn work_nothing_will_pick_up_needs_attention(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &["--max-polecats", "2"], &["a", "b", "c", "d"]);
    let cv = b.convoy.id.clone();
    silence(&t, "1", 10);
    let before: Vec<Agent> = t.json(&["agent", "list"]);
    patrol(&t, &[]);
    patrol(&t, &[]);
    let view = status(&t, &cv);
    assert_eq!(view["needs_attention"], true, "{view}");
    for i in 0..4 {
        let id = id_of(&b, i);
        assert_eq!(row(&view, &id)["state"], "unassigned", "{view}");
    }
    let reasons: Vec<&Value> = view["attention"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["reason"])
        .collect();
    assert_eq!(reasons, vec!["unassigned_open"; 4], "{view}");
    assert_eq!(listed(&t, &cv)["needs_attention"], true);
    let again = patrol(&t, &[]);
    assert_eq!(again["needs_attention"][0]["convoy"], json!(cv), "{again}");
    let after: Vec<Agent> = t.json(&["agent", "list"]);
    for (was, now) in before.iter().zip(&after) {
        assert_eq!(now.status, gt_core::model::AgentStatus::Dead);
        assert_eq!(was.last_activity_at, now.last_activity_at, "{}", now.name);
    }
    // A person gives one bead a new polecat: work is under way again, and
    // the polecat it frees will take the next bead, so nothing is stuck.
    t.json::<Value>(&["bead", "reassign", &id_of(&b, 0), "--new"]);
    let view = status(&t, &cv);
    assert_eq!(view["needs_attention"], false, "{view}");
    assert_eq!(view["attention"], json!([]), "{view}");
}

/// Repro 3: a dead agent's heartbeat is refused, naming where its bead went;
/// nothing is written.
pub fn a_dead_agents_heartbeat_is_refused(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &[], &["a", "b"]);
    let dead = b.beads[0].agent.as_ref().unwrap().name.clone();
    let bead = id_of(&b, 0);
    silence(&t, &format!("name = '{dead}'"), 10);
    patrol(&t, &[]);
    let events = t.count("events");
    let mut beat = t.command(&["--json", "agent", "heartbeat"]);
    beat.env("GT_AGENT", &dead);
    let refused = crate::support::Run::of(&mut beat).failed_with(4);
    let message = refused["error"]["message"].as_str().unwrap();
    assert!(message.contains("declared dead"), "{refused}");
    assert!(message.contains(&bead), "{refused}");
    assert!(refused["error"]["hint"]
        .as_str()
        .unwrap()
        .contains("agent reset"));
    assert_eq!(t.count("events"), events, "a refused beat wrote");
    let agent: Agent = t.json(&["agent", "show", &dead]);
    assert_eq!(agent.status, gt_core::model::AgentStatus::Dead);
    // Once the bead has a new polecat, the refusal names it.
    let moved: Value = t.json(&["bead", "reassign", &bead, "--new"]);
    let taker = moved["agent"]["name"].as_str().unwrap().to_string();
    let refused = t.fails(&["agent", "heartbeat", &dead], 4);
    let message = refused["error"]["message"].as_str().unwrap();
    assert!(message.contains(&format!("went to {taker}")), "{refused}");
}

/// Repro 4: repairs by others (a status edit, a reassign, a reset) never
/// move an agent's `last_activity_at`; its own heartbeat does.
pub fn only_an_agents_own_acts_show_it_alive(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &[], &["a", "b"]);
    let name = b.beads[0].agent.as_ref().unwrap().name.clone();
    silence(&t, "1", 90);
    let last = |t: &Town| t.json::<Agent>(&["agent", "show", &name]).last_activity_at;
    let quiet = last(&t);
    t.json::<Value>(&["agent", "update", &name, "--status", "stalled"]);
    assert_eq!(last(&t), quiet, "a status edit");
    t.json::<Value>(&["bead", "reassign", &id_of(&b, 0), "--new"]);
    assert_eq!(last(&t), quiet, "a reassign away");
    t.json::<Value>(&["agent", "reset", &name]);
    assert_eq!(last(&t), quiet, "a reset");
    let human = t.run(&["agent", "list"]).stdout;
    let line = human.lines().find(|l| l.starts_with(&name)).unwrap();
    assert!(!line.contains("just now"), "{human}");
    t.json::<Value>(&["agent", "heartbeat", &name]);
    assert_ne!(last(&t), quiet, "its own heartbeat");
}

/// Repro 5: a dry run names no escalation it would not use.
pub fn a_dry_run_invents_no_ids(t: Town) {
    let t = t.with_rig();
    batch(&t, &[], &["a"]);
    silence(&t, "1", 10);
    let dry = patrol(&t, &["--dry-run"]);
    let raised = dry["escalations"].as_array().unwrap();
    assert!(!raised.is_empty(), "{dry}");
    assert!(raised.iter().all(|e| e["id"] == ""), "{dry}");
    assert_eq!(t.count("escalations"), 0);
    let real = patrol(&t, &[]);
    let ids: Vec<&str> = real["escalations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(ids.iter().all(|id| id.starts_with("es-")), "{real}");
}

/// Repro 6: on a full capped convoy the refusal offers what works (raising
/// its cap, by the field names of each face), and raising it feeds waiting
/// beads at once; lowering it takes no work away.
pub fn a_capped_convoy_can_be_raised_and_says_so(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &["--max-polecats", "1"], &["a", "b", "c"]);
    let cv = b.convoy.id.clone();
    let busy = b.beads[0].agent.as_ref().unwrap().name.clone();
    let refused = t.fails(&["bead", "reassign", &id_of(&b, 2), "--to", &busy], 4);
    let hint = refused["error"]["hint"].as_str().unwrap();
    assert!(
        hint.contains(&format!("gt convoy update {cv} --max-polecats 2")),
        "{refused}"
    );
    let refused = t.fails(&["bead", "reassign", &id_of(&b, 2), "--new"], 4);
    assert!(refused["error"]["hint"]
        .as_str()
        .unwrap()
        .contains("--max-polecats 2"));
    let raised: Value = t.json(&["convoy", "update", &cv, "--max-polecats", "3"]);
    assert_eq!(raised["max_polecats"], 3);
    let view = status(&t, &cv);
    for i in 0..3 {
        assert_eq!(row(&view, &id_of(&b, i))["status"], "in_progress", "{view}");
    }
    let events: Vec<Value> = t.json(&["events", "--subject", &cv, "--limit", "0"]);
    assert!(events
        .iter()
        .any(|e| e["metadata"]["field"] == "max_polecats" && e["new_value"] == 3));
    // Lowered: all three keep their polecats.
    t.json::<Value>(&["convoy", "update", &cv, "--max-polecats", "1"]);
    let view = status(&t, &cv);
    let hooked = view["beads"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["assignee"].is_string())
        .count();
    assert_eq!(hooked, 3, "{view}");
    t.fails(&["convoy", "update", &cv, "--max-polecats", "0"], 2);
    let bead: Bead = t.json(&["bead", "show", &id_of(&b, 0)]);
    assert!(bead.assignee.is_some());
}
