//! Surgical editing (seed 004): every edit, its refusals, and its audit trail.

use std::time::Duration;

use gt_core::model::{
    Agent, AgentStatus, Bead, BeadStatus, Convoy, ConvoyStatus, Escalation, Event, MergeMode,
};
use gt_core::ops::agent::{AgentDeleted, AgentReset, Beat as Heartbeat};
use gt_core::ops::bead::{Deleted, Reassigned};
use gt_core::ops::convoy::ConvoyDeleted;
use gt_core::ops::escalation::{Acknowledged, Resolved};
use gt_core::ops::sling::{Slung, SlungBatch};
use serde_json::{json, Value};

use crate::support::Town;

fn events_of(t: &Town, subject: &str) -> Vec<Event> {
    t.json(&["events", "--subject", subject, "--limit", "0"])
}

/// The one event of `kind` about `subject`, checked to name the test's actor.
fn the_event(t: &Town, subject: &str, kind: &str) -> Event {
    let matching: Vec<Event> = events_of(t, subject)
        .into_iter()
        .filter(|e| e.event_type == kind)
        .collect();
    assert_eq!(
        matching.len(),
        1,
        "expected one {kind} event on {subject}, got {matching:?}"
    );
    let e = matching.into_iter().next().unwrap();
    assert_eq!(e.actor, "tester");
    assert!(
        e.created_at.ends_with('Z') && e.created_at.len() == 24,
        "{}",
        e.created_at
    );
    e
}

fn batch(t: &Town, tasks: &[&str]) -> SlungBatch {
    let mut args = vec!["sling-batch", "--rig", "app", "--title", "Work"];
    for task in tasks {
        args.extend(["--task", task]);
    }
    t.json(&args)
}

pub fn bead_update_reopens_a_landed_convoy(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &["only"]);
    let id = &b.beads[0].bead.id;
    t.json::<Bead>(&["bead", "update", id, "--status", "closed"]);
    let landed: Convoy = t.json(&["convoy", "status", &b.convoy.id]);
    assert_eq!(landed.status, ConvoyStatus::Landed);
    let doc: Value = t.json(&["bead", "update", id, "--status", "open", "--title", "again"]);
    let reopened: Bead = serde_json::from_value(doc.clone()).unwrap();
    // Back to work (R5): hooked to the polecat its close freed, and dispatched.
    let worker = b.beads[0].agent.as_ref().unwrap().name.clone();
    assert_eq!(
        (reopened.status, reopened.title.as_str()),
        (BeadStatus::InProgress, "again")
    );
    assert_eq!(reopened.assignee.as_deref(), Some(worker.as_str()));
    assert_eq!(reopened.last_assignee.as_deref(), Some(worker.as_str()));
    assert_eq!(
        doc["effects"],
        json!({
            "dispatched": [id], "hooked": [id], "reopened": [b.convoy.id],
            "hooked_to": [{"bead": id, "agent": worker}],
        })
    );
    let c: Convoy = t.json(&["convoy", "status", &b.convoy.id]);
    assert_eq!(
        (c.status, c.landed_at, c.closed_beads),
        (ConvoyStatus::Active, None, 0)
    );
    let e = the_event(&t, &b.convoy.id, "convoy_reopened");
    assert_eq!(
        (e.old_value, e.new_value),
        (json!("landed"), json!("active"))
    );
    let title = events_of(&t, id)
        .into_iter()
        .find(|e| e.metadata["field"] == "title")
        .unwrap();
    assert_eq!(
        (title.old_value, title.new_value),
        (json!("only"), json!("again"))
    );
    t.fails(&["bead", "update", "gt-nope0", "--status", "open"], 3);
    t.fails(&["bead", "update", id, "--status", "reopened"], 2);
}

pub fn bead_reassign_hooks_the_new_agent_then_unhooks_the_old(t: Town) {
    let t = t.with_rig();
    let first: Slung = t.json(&["sling", "--rig", "app", "stuck work"]);
    let idle: Slung = t.json(&["sling", "--rig", "app", "other"]);
    t.json::<Bead>(&["bead", "update", &idle.bead.id, "--status", "closed"]);
    // Maple is idle now; move the work from Toast to Maple.
    let moved: Reassigned = t.json(&["bead", "reassign", &first.bead.id, "--to", "Maple"]);
    assert_eq!(moved.agent.name, "Maple");
    assert_eq!(moved.agent.hook.as_deref(), Some(first.bead.id.as_str()));
    assert_eq!(
        moved.agent.status,
        AgentStatus::Working,
        "work under way stays under way"
    );
    assert_eq!(moved.bead.assignee.as_deref(), Some("Maple"));
    let previous = moved.previous_agent.unwrap();
    assert_eq!(
        (previous.name.as_str(), previous.hook, previous.status),
        ("Toast", None, AgentStatus::Idle)
    );
    let events = events_of(&t, &first.bead.id);
    let hooked = events
        .iter()
        .rposition(|e| e.event_type == "hooked")
        .unwrap();
    let unhooked = events
        .iter()
        .rposition(|e| e.event_type == "unhooked")
        .unwrap();
    assert!(hooked < unhooked, "the new agent is hooked first");
    assert_eq!(
        (
            events[hooked].old_value.clone(),
            events[hooked].new_value.clone()
        ),
        (json!("Toast"), json!("Maple"))
    );
    assert_eq!(events[unhooked].old_value, json!("Toast"));
    assert_eq!(events[hooked].actor, "tester");

    let fresh: Reassigned = t.json(&["bead", "reassign", &first.bead.id[..6], "--new"]);
    assert_eq!(fresh.agent.name, "Birch");
    assert_eq!(fresh.previous_agent.unwrap().name, "Maple");
}

pub fn bead_reassign_refusals(t: Town) {
    let t = t.with_rig();
    let a: Slung = t.json(&["sling", "--rig", "app", "a"]);
    let b: Slung = t.json(&["sling", "--rig", "app", "b"]);
    let err = t.fails(&["bead", "reassign", &a.bead.id, "--to", &b.agent.name], 4);
    assert!(err["error"]["message"]
        .as_str()
        .unwrap()
        .contains("already hooked"));
    t.fails(&["bead", "reassign", "gt-nope0", "--to", "Toast"], 3);
    t.fails(&["bead", "reassign", &a.bead.id, "--to", "Nobody"], 3);
    t.fails(&["bead", "reassign", &a.bead.id], 2);
    t.fails(
        &["bead", "reassign", &a.bead.id, "--to", "Toast", "--new"],
        2,
    );
    t.json::<Bead>(&["bead", "update", &a.bead.id, "--status", "failed"]);
    t.fails(&["bead", "reassign", &a.bead.id, "--new"], 4);
    let unchanged: Bead = t.json(&["bead", "show", &b.bead.id]);
    assert_eq!(unchanged.assignee.as_deref(), Some(b.agent.name.as_str()));
}

pub fn bead_delete_recounts_and_keeps_history(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &["keep", "drop"]);
    let (keep, drop) = (&b.beads[0].bead.id, &b.beads[1].bead.id);
    let err = t.fails(&["bead", "delete", drop], 4);
    assert!(err["error"]["hint"].as_str().unwrap().contains("--force"));
    let deleted: Deleted = t.json(&["bead", "delete", drop, "--force"]);
    assert_eq!(&deleted.deleted, drop);
    let c: Convoy = t.json(&["convoy", "status", &b.convoy.id]);
    assert_eq!(
        c.total_beads, 1,
        "deleting a tracked bead recounts total_beads"
    );
    let agent: Agent = t.json(&[
        "agent",
        "show",
        b.beads[1].agent.as_ref().unwrap().name.as_str(),
    ]);
    assert_eq!((agent.hook, agent.status), (None, AgentStatus::Idle));
    let e = the_event(&t, drop, "deleted");
    assert_eq!(e.old_value["title"], json!("drop"));
    assert_eq!(e.new_value, Value::Null);
    t.fails(&["bead", "show", drop], 3);
    t.fails(&["bead", "delete", drop], 3);
    t.fails(&["bead", "delete", ""], 2);
    t.json::<Bead>(&["bead", "update", keep, "--status", "closed"]);
    let c: Convoy = t.json(&["convoy", "status", &b.convoy.id]);
    assert_eq!(c.status, ConvoyStatus::Landed);
}

pub fn agent_reset_writes_one_unhook_and_frees_the_bead(t: Town) {
    let t = t.with_rig();
    let slung: Slung = t.json(&["sling", "--rig", "app", "work"]);
    let reset: AgentReset = t.json(&["agent", "reset", "Toast"]);
    assert_eq!(
        (reset.agent.status, reset.agent.hook.clone()),
        (AgentStatus::Idle, None)
    );
    let bead = reset.released_bead.unwrap();
    assert_eq!((bead.status, bead.assignee), (BeadStatus::Open, None));
    let e = the_event(&t, &slung.agent.id, "agent_reset");
    assert_eq!(
        e.old_value,
        json!({"status": "working", "hook": slung.bead.id})
    );
    assert_eq!(e.new_value, json!({"status": "idle", "hook": null}));
    let unhooks = events_of(&t, &slung.bead.id)
        .iter()
        .filter(|e| e.event_type == "unhooked")
        .count();
    assert_eq!(unhooks, 1, "one unhooked event, not two");
    t.fails(&["agent", "reset", "Nobody"], 3);
    let again: AgentReset = t.json(&["agent", "reset", "Toast"]);
    assert!(again.released_bead.is_none());
}

pub fn agent_reset_stop_signals_the_recorded_process(t: Town) {
    let t = t.with_rig();
    t.json::<Slung>(&["sling", "--rig", "app", "work"]);
    let mut child = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let pid = child.id().to_string();
    let updated: Agent = t.json(&["agent", "update", "Toast", "--pid", &pid]);
    assert_eq!(updated.pid, Some(i64::from(child.id())));
    let e = events_of(&t, &updated.id)
        .into_iter()
        .find(|e| e.metadata["field"] == "pid")
        .unwrap();
    assert_eq!(
        (e.old_value, e.new_value, e.actor.as_str()),
        (Value::Null, json!(child.id()), "tester")
    );
    let reset: AgentReset = t.json(&["agent", "reset", "Toast", "--stop"]);
    let stop = reset.stop.unwrap();
    assert!(stop.signalled, "{}", stop.message);
    let mut ended = false;
    for _ in 0..100 {
        if child.try_wait().unwrap().is_some() {
            ended = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(ended, "the process got SIGTERM");
    // The pid is forgotten with the stop, so a process that reuses the
    // number is never signalled by a later reset; the event keeps it.
    assert_eq!(reset.agent.pid, None);
    let e = events_of(&t, &reset.agent.id)
        .into_iter()
        .rfind(|e| e.event_type == "agent_reset")
        .unwrap();
    assert_eq!(
        (&e.old_value["pid"], &e.new_value["pid"]),
        (&json!(child.id()), &Value::Null)
    );
    let again: AgentReset = t.json(&["agent", "reset", "Toast", "--stop"]);
    let again = again.stop.unwrap();
    assert!(!again.signalled, "nothing is signalled: {}", again.message);
    assert_eq!(again.pid, None);
}

pub fn agent_update_sets_status_and_refuses_bad_values(t: Town) {
    let t = t.with_rig();
    let slung: Slung = t.json(&["sling", "--rig", "app", "work"]);
    let dead: Agent = t.json(&["agent", "update", "Toast", "--status", "dead"]);
    assert_eq!(dead.status, AgentStatus::Dead);
    let e = events_of(&t, &slung.agent.id)
        .into_iter()
        .rfind(|e| e.event_type == "status_changed")
        .unwrap();
    assert_eq!(
        (e.old_value, e.new_value, e.actor.as_str()),
        (json!("working"), json!("dead"), "tester")
    );
    t.fails(&["agent", "update", "Toast", "--status", "asleep"], 2);
    t.fails(&["agent", "update", "Toast", "--pid", "-4"], 2);
    t.fails(&["agent", "update", "Toast", "--pid", "0"], 2);
    t.fails(&["agent", "update", "Toast"], 2);
    t.fails(&["agent", "update", "Nobody", "--status", "idle"], 3);
}

pub fn convoy_update_is_audited(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &["a"]);
    let cv = &b.convoy.id;
    let c: Convoy = t.json(&[
        "convoy",
        "update",
        cv,
        "--merge-mode",
        "review-and-merge",
        "--feature-branch",
        "feat/x",
    ]);
    assert_eq!(
        (c.merge_mode, c.feature_branch.as_deref()),
        (MergeMode::ReviewAndMerge, Some("feat/x"))
    );
    let updates: Vec<Event> = events_of(&t, cv)
        .into_iter()
        .filter(|e| e.event_type == "updated")
        .collect();
    let mode = updates
        .iter()
        .find(|e| e.metadata["field"] == "merge_mode")
        .unwrap();
    assert_eq!(
        (mode.old_value.clone(), mode.new_value.clone()),
        (json!("review-then-land"), json!("review-and-merge"))
    );
    assert_eq!(mode.actor, "tester");
    let cleared: Convoy = t.json(&["convoy", "update", cv, "--feature-branch", ""]);
    assert_eq!(cleared.feature_branch, None);
    t.fails(&["convoy", "update", cv, "--merge-mode", "squash"], 2);
    t.fails(&["convoy", "update", cv], 2);
    t.fails(&["convoy", "update", "cv-nope0", "--title", "x"], 3);
}

pub fn convoy_close_with_beads_ends_them_and_frees_agents(t: Town) {
    let t = t.with_rig();
    let file = t.write(
        "chain.json",
        r#"[{"title": "A"}, {"title": "B", "depends_on": [0]}, {"title": "C"}]"#,
    );
    let b: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Doomed",
        "--tasks-file",
        &file,
    ]);
    t.json::<Bead>(&["bead", "update", &b.beads[2].bead.id, "--status", "closed"]);
    let c: Convoy = t.json(&[
        "convoy",
        "close",
        &b.convoy.id,
        "--failed",
        "--close-beads",
        "--reason",
        "abandoned",
    ]);
    assert_eq!(
        (c.status, c.closed_reason.as_deref()),
        (ConvoyStatus::Failed, Some("abandoned"))
    );
    assert_eq!((c.closed_beads, c.failed_beads, c.total_beads), (1, 2, 3));
    let agents: Vec<Agent> = t.json(&["agent", "list"]);
    assert!(
        agents
            .iter()
            .all(|a| a.hook.is_none() && a.status == AgentStatus::Idle),
        "{agents:?}"
    );
    let b_events = events_of(&t, &b.beads[1].bead.id);
    assert!(
        !b_events.iter().any(|e| e.event_type == "dispatched"),
        "B was not dispatched on its way out"
    );
    let e = the_event(&t, &b.convoy.id, "convoy_closed");
    assert_eq!(
        (e.old_value, e.new_value),
        (json!("active"), json!("failed"))
    );
    assert_eq!(e.metadata["reason"], json!("abandoned"));
    t.fails(&["convoy", "close", &b.convoy.id], 4);
    t.fails(&["convoy", "close", "cv-nope0"], 3);
    t.fails(&["convoy", "close"], 2);
    // A force-closed convoy stays closed when its beads change (R5), but still counts (R2).
    t.json::<Bead>(&["bead", "update", &b.beads[0].bead.id, "--status", "closed"]);
    let c: Convoy = t.json(&["convoy", "status", &b.convoy.id]);
    assert_eq!(
        (c.status, c.closed_beads, c.failed_beads),
        (ConvoyStatus::Failed, 2, 1)
    );
}

/// A force close is undone by a reopen: active again, its reason cleared,
/// its beads as they were; one whose beads all closed lands at once. Only a
/// convoy closed or failed by hand reopens so.
pub fn convoy_reopen_undoes_a_force_close(t: Town) {
    let t = t.with_rig();
    let b: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Oops",
        "--task",
        "a",
        "--task",
        "b",
    ]);
    let cv = b.convoy.id.clone();
    let e = t.fails(&["convoy", "reopen", &cv], 4);
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("active already"),
        "{e}"
    );
    t.json::<Convoy>(&["convoy", "close", &cv, "--reason", "by mistake"]);
    let c: Convoy = t.json(&["convoy", "reopen", &cv[..6]]);
    assert_eq!((c.status, c.closed_reason), (ConvoyStatus::Active, None));
    let e = the_event(&t, &cv, "convoy_reopened");
    assert_eq!(
        (e.old_value, e.new_value),
        (json!("closed"), json!("active"))
    );
    // Its work goes on: closing both beads lands it.
    for bead in &b.beads {
        t.json::<Bead>(&["bead", "update", &bead.bead.id, "--status", "closed"]);
    }
    let c: Convoy = t.json(&["convoy", "status", &cv]);
    assert_eq!(c.status, ConvoyStatus::Landed);
    // A landed convoy reopens only through its beads, and says so.
    let e = t.fails(&["convoy", "reopen", &cv], 4);
    assert!(
        e["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("gt bead update"),
        "{e}"
    );
    // Failed with its beads closed: a reopen lands it at once.
    let d: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Done",
        "--task",
        "x",
    ]);
    t.json::<Convoy>(&["convoy", "close", &d.convoy.id, "--close-beads"]);
    let c: Convoy = t.json(&["convoy", "reopen", &d.convoy.id]);
    assert_eq!(c.status, ConvoyStatus::Landed, "{c:?}");
    t.assert_landed_once(&d.convoy.id, 1);
    t.fails(&["convoy", "reopen", "cv-nope0"], 3);
}

pub fn convoy_add_and_remove_change_tracking(t: Town) {
    let t = t.with_rig();
    let one = batch(&t, &["a"]);
    let two = batch(&t, &["b"]);
    let loose: Bead = t.json(&["bead", "create", "--rig", "app", "loose"]);
    t.json::<Bead>(&[
        "bead",
        "update",
        &one.beads[0].bead.id,
        "--status",
        "closed",
    ]);
    let landed: Convoy = t.json(&["convoy", "status", &one.convoy.id]);
    assert_eq!(landed.status, ConvoyStatus::Landed);
    let added: Convoy = t.json(&["convoy", "add", &one.convoy.id, &loose.id]);
    assert_eq!(
        (added.status, added.total_beads),
        (ConvoyStatus::Active, 2),
        "open work reopens a landed convoy"
    );
    let e = the_event(&t, &one.convoy.id, "bead_added");
    assert_eq!((e.old_value, e.new_value), (Value::Null, json!(loose.id)));
    let err = t.fails(&["convoy", "add", &two.convoy.id, &loose.id], 4);
    assert!(err["error"]["message"]
        .as_str()
        .unwrap()
        .contains("already tracked"));
    t.fails(&["convoy", "remove", &two.convoy.id, &loose.id], 4);
    t.fails(&["convoy", "add", &one.convoy.id, "gt-nope0"], 3);
    t.fails(&["convoy", "add", "cv-nope0", &loose.id], 3);
    t.fails(&["convoy", "add", &one.convoy.id], 2);
    let removed: Convoy = t.json(&["convoy", "remove", &one.convoy.id, &loose.id]);
    assert_eq!(
        (removed.status, removed.total_beads),
        (ConvoyStatus::Landed, 1),
        "removing the open bead lands it"
    );
    let e = the_event(&t, &one.convoy.id, "bead_removed");
    assert_eq!(e.old_value, json!(loose.id));
    let bead: Bead = t.json(&["bead", "show", &loose.id]);
    assert_eq!(bead.convoy_id, None);
}

/// `escalation resolve`: from open or acknowledged, once, with its note in the
/// audit log; unknown IDs and bad arguments write nothing.
pub fn escalations_are_resolved_once_with_a_note(t: Town) {
    let t = t.with_rig();
    let raise = |message: &str| -> Escalation { t.json(&["escalation", "raise", message]) };
    let (open, acked) = (raise("stuck"), raise("looping"));
    t.json::<Acknowledged>(&["escalation", "ack", &acked.id]);
    let r: Resolved = t.json(&["escalation", "resolve", &open.id, "--note", "restarted it"]);
    assert!(!r.already_resolved);
    assert_eq!(r.escalation.status.as_str(), "resolved");
    let e = the_event(&t, &open.id, "resolved");
    assert_eq!(
        (e.old_value, e.new_value, e.metadata, e.actor.as_str()),
        (
            json!("open"),
            json!("resolved"),
            json!({ "note": "restarted it" }),
            "tester"
        )
    );
    let r: Resolved = t.json(&["escalation", "resolve", &acked.id]);
    assert_eq!(r.escalation.acknowledged_by.as_deref(), Some("tester"));
    assert_eq!(
        the_event(&t, &acked.id, "resolved").old_value,
        json!("acknowledged")
    );
    // Again: nothing written, and it says so.
    let events = t.count("events");
    let again: Resolved = t.json(&["escalation", "resolve", &open.id, "--note", "again"]);
    assert!(again.already_resolved);
    let human = t.run(&["escalation", "resolve", &open.id]);
    assert!(
        human.stdout.contains("already resolved"),
        "{}",
        human.stdout
    );
    t.fails(&["escalation", "resolve", "es-zzzzz"], 3);
    t.fails(&["escalation", "resolve"], 2);
    assert_eq!(t.count("events"), events);
    assert!(t
        .json::<Vec<Escalation>>(&["escalation", "list"])
        .is_empty());
    let all: Vec<Escalation> = t.json(&["escalation", "list", "--all"]);
    assert!(
        all.iter().all(|e| e.status.as_str() == "resolved"),
        "{all:?}"
    );
}

/// `agent heartbeat`: a beat records the time and writes no event; a stalled
/// agent recovers (one `recovered` event); `GT_AGENT` names the agent.
pub fn heartbeats_record_activity_and_recover_stalled_agents(t: Town) {
    let t = t.with_rig();
    let slung: Slung = t.json(&["sling", "--rig", "app", "work"]);
    let events = t.count("events");
    std::thread::sleep(Duration::from_millis(5));
    let beat: Heartbeat = t.json(&["agent", "heartbeat", "Toast"]);
    assert!(!beat.recovered);
    assert_eq!(beat.agent.status, AgentStatus::Working);
    assert!(beat.agent.last_activity_at > slung.agent.last_activity_at);
    assert_eq!(
        t.count("events"),
        events,
        "a plain heartbeat writes no event"
    );
    t.json::<Agent>(&["agent", "update", "Toast", "--status", "stalled"]);
    let mut cmd = t.command(&["--json", "agent", "heartbeat"]);
    cmd.env("GT_AGENT", "toast");
    let back: Heartbeat = crate::support::Run::of(&mut cmd).json();
    assert!(back.recovered);
    assert_eq!(back.agent.status, AgentStatus::Working);
    let e = the_event(&t, &slung.agent.id, "recovered");
    assert_eq!(
        (e.old_value, e.new_value),
        (json!("stalled"), json!("working"))
    );
    let human = t.run(&["agent", "heartbeat", "Toast"]);
    assert!(human.stdout.contains("Toast is alive"), "{}", human.stdout);
    let events = t.count("events");
    t.fails(&["agent", "heartbeat"], 2);
    t.fails(&["agent", "heartbeat", "Nobody"], 3);
    assert_eq!(t.count("events"), events);
}

/// `convoy delete` (R10): the beads stay, unlinked and audited, the convoy's
/// history stays; a second delete is not found.
pub fn convoy_delete_unlinks_its_beads_and_keeps_history(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &["a", "b", "c"]);
    let cv = &b.convoy.id;
    let d: ConvoyDeleted = t.json(&["convoy", "delete", cv]);
    assert_eq!(d.deleted, *cv);
    let mut ids: Vec<String> = b.beads.iter().map(|x| x.bead.id.clone()).collect();
    let mut unlinked = d.unlinked_beads.clone();
    ids.sort();
    unlinked.sort();
    assert_eq!(unlinked, ids);
    for id in &ids {
        let bead: Bead = t.json(&["bead", "show", id]);
        assert_eq!(bead.convoy_id, None);
        let e = events_of(&t, id)
            .into_iter()
            .rfind(|e| e.event_type == "updated")
            .unwrap();
        assert_eq!((e.old_value, e.new_value), (json!(cv), Value::Null));
    }
    let gone = the_event(&t, cv, "deleted");
    assert_eq!(gone.old_value["total_beads"], json!(3));
    assert!(events_of(&t, cv).iter().any(|e| e.event_type == "created"));
    t.fails(&["convoy", "status", cv], 3);
    let events = t.count("events");
    t.fails(&["convoy", "delete", cv], 3);
    t.fails(&["convoy", "delete"], 2);
    assert_eq!(t.count("events"), events);
    assert!(t
        .json::<Vec<Convoy>>(&["convoy", "list", "--all"])
        .is_empty());
}

/// `agent delete`: a hooked agent needs --force, which releases its bead to
/// an idle polecat within its convoy's cap; the agent's history stays.
pub fn agent_delete_releases_the_bead_to_an_idle_polecat(t: Town) {
    let t = t.with_rig();
    let b: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "capped",
        "--max-polecats",
        "1",
        "--task",
        "a",
        "--task",
        "b",
    ]);
    let a = b.beads[0].bead.id.clone();
    let toast = b.beads[0].agent.clone().unwrap();
    let other: Slung = t.json(&["sling", "--rig", "app", "other"]);
    t.json::<Bead>(&["bead", "update", &other.bead.id, "--status", "closed"]);
    let events = t.count("events");
    let refused = t.fails(&["agent", "delete", &toast.name], 4);
    assert!(refused["error"]["hint"]
        .as_str()
        .unwrap()
        .contains("--force"));
    t.fails(&["agent", "delete", "Nobody", "--force"], 3);
    assert_eq!(t.count("events"), events, "refusals write nothing");
    let d: AgentDeleted = t.json(&["agent", "delete", &toast.name, "--force"]);
    assert_eq!(d.deleted, toast.id);
    assert_eq!(d.released_bead.as_deref(), Some(a.as_str()));
    assert_eq!(d.rehooked_to.as_deref(), Some(other.agent.name.as_str()));
    let bead: Bead = t.json(&["bead", "show", &a]);
    assert_eq!(bead.assignee.as_deref(), Some(other.agent.name.as_str()));
    assert_eq!(
        bead.status,
        BeadStatus::InProgress,
        "dispatched to its new polecat"
    );
    let released = the_event(&t, &a, "released");
    assert_eq!(released.old_value, json!(toast.name));
    assert_eq!(
        the_event(&t, &toast.id, "deleted").old_value["name"],
        json!(toast.name)
    );
    t.fails(&["agent", "show", &toast.id], 3);
    // The second bead still waits: the cap of one is taken by the first.
    let waiting: Bead = t.json(&["bead", "show", &b.beads[1].bead.id]);
    assert_eq!((waiting.assignee, waiting.status), (None, BeadStatus::Open));
    // An unhooked agent goes without --force.
    let idle: Slung = t.json(&["sling", "--rig", "app", "third"]);
    t.json::<Bead>(&["bead", "update", &idle.bead.id, "--status", "closed"]);
    let d: AgentDeleted = t.json(&["agent", "delete", &idle.agent.name]);
    assert_eq!((d.released_bead, d.rehooked_to), (None, None));
}

/// `doctor`: a town corrupted below gt (a wrong count, a one-sided hook, a
/// hooked closed bead, a convoy that should have landed) is reported (exit 4),
/// repaired by `--fix` with audited events, and clean afterwards (exit 0).
pub fn doctor_finds_and_repairs_a_corrupted_town(t: Town) {
    let t = t.with_rig();
    let clean = t.run(&["--json", "doctor"]);
    assert_eq!(
        (clean.code, clean.stdout.trim()),
        (0, "[]"),
        "{}",
        clean.stderr
    );
    let b = batch(&t, &["a", "b"]);
    let cv = &b.convoy.id;
    let one = batch(&t, &["only"]);
    let x: Slung = t.json(&["sling", "--rig", "app", "x"]);
    let y: Slung = t.json(&["sling", "--rig", "app", "y"]);
    t.execute(&format!(
        "UPDATE convoys SET closed_beads = closed_beads + 1 WHERE id = '{cv}'"
    ));
    t.execute(&format!(
        "UPDATE beads SET assignee = NULL WHERE id = '{}'",
        x.bead.id
    ));
    t.execute(&format!(
        "UPDATE beads SET status = 'closed' WHERE id = '{}'",
        y.bead.id
    ));
    let only = &one.beads[0].bead.id;
    t.execute(&format!(
        "UPDATE beads SET status = 'closed', assignee = NULL WHERE id = '{only}'"
    ));
    t.execute(&format!(
        "UPDATE agents SET hook = NULL WHERE hook = '{only}'"
    ));
    t.execute(&format!(
        "UPDATE convoys SET closed_beads = 1 WHERE id = '{}'",
        one.convoy.id
    ));
    let found = t.run(&["--json", "doctor"]);
    assert_eq!(found.code, 4, "{}", found.stderr);
    let found: Vec<Value> = serde_json::from_str(&found.stdout).unwrap();
    let kinds = |list: &[Value]| {
        let mut k: Vec<String> = list
            .iter()
            .map(|v| {
                format!(
                    "{} {}",
                    v["kind"].as_str().unwrap(),
                    v["subject"].as_str().unwrap()
                )
            })
            .collect();
        k.sort();
        k
    };
    let mut expected = vec![
        format!("counts {cv}"),
        format!("hook_one_sided {}", x.agent.id),
        format!("hooked_terminal {}", y.bead.id),
        format!("landing {}", one.convoy.id),
    ];
    expected.sort();
    assert_eq!(kinds(&found), expected);
    let human = t.run(&["doctor"]);
    assert_eq!(human.code, 4);
    assert!(human.stdout.contains("hooked_terminal"), "{}", human.stdout);
    let fixed = t.run(&["--json", "doctor", "--fix"]);
    assert_eq!(fixed.code, 0, "{}", fixed.stderr);
    let fixed: Vec<Value> = serde_json::from_str(&fixed.stdout).unwrap();
    assert_eq!(kinds(&fixed), expected);
    assert!(
        fixed.iter().all(|v| v["repaired"] == json!(true)),
        "{fixed:?}"
    );
    let again = t.run(&["--json", "doctor"]);
    assert_eq!(
        (again.code, again.stdout.trim()),
        (0, "[]"),
        "{}",
        again.stdout
    );
    // Each repair is audited; the one that should have landed did.
    let c: Convoy = t.json(&["convoy", "status", cv]);
    assert_eq!((c.closed_beads, c.total_beads), (0, 2));
    let repaired = the_event(&t, cv, "repaired");
    assert_eq!(
        (repaired.new_value, repaired.actor.as_str()),
        (json!([2, 0, 0]), "tester")
    );
    let landed: Convoy = t.json(&["convoy", "status", &one.convoy.id]);
    assert_eq!(landed.status, ConvoyStatus::Landed);
    let agent: Agent = t.json(&["agent", "show", &y.agent.id]);
    assert_eq!((agent.hook, agent.status), (None, AgentStatus::Idle));
}

pub fn escalations_are_raised_listed_and_acked_once(t: Town) {
    let t = t.with_rig();
    let slung: Slung = t.json(&["sling", "--rig", "app", "work"]);
    let esc: Escalation = t.json(&[
        "escalation",
        "raise",
        "Toast is looping",
        "--severity",
        "high",
        "--bead",
        &slung.bead.id,
        "--agent",
        "toast",
    ]);
    assert_eq!(
        (
            esc.severity.as_str(),
            esc.bead.as_deref(),
            esc.agent.as_deref()
        ),
        ("high", Some(slung.bead.id.as_str()), Some("Toast"))
    );
    let raised = the_event(&t, &esc.id, "created");
    assert_eq!(
        (raised.old_value, raised.new_value["severity"].clone()),
        (Value::Null, json!("high"))
    );
    let open: Vec<Escalation> = t.json(&["escalation", "list"]);
    assert_eq!(open.len(), 1);
    let first: Acknowledged = t.json(&["escalation", "ack", &esc.id]);
    assert!(!first.already_acknowledged);
    assert_eq!(first.escalation.acknowledged_by.as_deref(), Some("tester"));
    let e = the_event(&t, &esc.id, "acknowledged");
    assert_eq!(
        (e.old_value, e.new_value),
        (json!("open"), json!("acknowledged"))
    );
    let events = t.count("events");
    let second: Acknowledged = t.json(&["escalation", "ack", &esc.id]);
    assert!(second.already_acknowledged);
    assert_eq!(
        second.escalation, first.escalation,
        "the second ack changes nothing"
    );
    assert_eq!(t.count("events"), events, "and writes nothing");
    let human = t.run(&["escalation", "ack", &esc.id]);
    assert!(
        human.stdout.contains("already acknowledged"),
        "{}",
        human.stdout
    );
    assert!(t
        .json::<Vec<Escalation>>(&["escalation", "list"])
        .is_empty());
    assert_eq!(
        t.json::<Vec<Escalation>>(&["escalation", "list", "--all"])
            .len(),
        1
    );
    t.fails(&["escalation", "ack", "es-nope0"], 3);
    t.fails(
        &["escalation", "raise", "x", "--severity", "apocalyptic"],
        2,
    );
    t.fails(&["escalation", "raise", ""], 2);
    t.fails(&["escalation", "raise", "x", "--bead", "gt-nope0"], 3);
}

pub fn events_follow_streams_json_lines(t: Town) {
    use std::io::{BufRead, BufReader};
    let t = t.with_rig();
    let mut child = t
        .command(&["--json", "events", "--follow", "--limit", "1"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Lines arrive on a channel, so that every wait for one has a bound: a
    // stream that stops would fail this test, not hang the run.
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let next = || -> Event {
        let line = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a line within 10 s");
        serde_json::from_str(&line).unwrap()
    };
    let first = next();
    assert_eq!(
        first.event_type, "created",
        "the rig's creation, the newest event so far"
    );
    let slung: Slung = t.json(&["sling", "--rig", "app", "followed"]);
    let mut seen = Vec::new();
    while !seen.iter().any(|e: &Event| e.event_type == "dispatched") {
        seen.push(next());
    }
    child.kill().unwrap();
    let _ = child.wait();
    assert!(seen
        .iter()
        .any(|e| e.subject_id == slung.bead.id && e.event_type == "hooked"));
    assert!(seen.windows(2).all(|w| w[0].id < w[1].id));
}

pub fn events_of_a_convoy_include_its_beads(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &["a", "b"]);
    let events: Vec<Event> = t.json(&["events", "--convoy", &b.convoy.id, "--limit", "0"]);
    let subjects: std::collections::HashSet<&str> =
        events.iter().map(|e| e.subject_id.as_str()).collect();
    assert!(subjects.contains(b.convoy.id.as_str()));
    assert!(
        subjects.contains(b.beads[0].bead.id.as_str())
            && subjects.contains(b.beads[1].bead.id.as_str())
    );
    assert!(
        !subjects.iter().any(|s| s.starts_with("rg-")),
        "not the rig's"
    );
    t.fails(&["events", "--convoy", "cv-nope0"], 3);
}

pub fn the_mayor_guide_names_every_editing_command(t: Town) {
    let run = t.run(&["prompt", "mayor"]);
    assert_eq!(run.code, 0);
    for cmd in [
        "bead update",
        "bead reassign",
        "bead delete",
        "agent reset",
        "agent update",
        "convoy close",
        "convoy update",
        "convoy add",
        "convoy remove",
        "escalation ack",
        "sling-batch",
        "convoy list",
        "convoy status",
        "events",
    ] {
        assert!(
            run.stdout.contains(&format!("`gt {cmd}`")),
            "{cmd} is missing"
        );
    }
    assert!(!t.exists(), "the guide needs no town");
}

/// Issue 15's "insert a task before the API task" in two commands: the new
/// bead joins the running convoy (hooked and dispatched like its own), the
/// API bead is made to wait for it (audited), and closing it dispatches the
/// API bead. A cycle is refused and writes nothing.
pub fn a_task_is_inserted_into_a_running_convoy(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &["schema", "api"]);
    let (schema, api) = (b.beads[0].bead.id.clone(), b.beads[1].bead.id.clone());
    let cv = b.convoy.id.clone();
    let added: Bead = t.json(&[
        "bead",
        "create",
        "--rig",
        "app",
        "Write migration",
        "--convoy",
        &cv,
    ]);
    assert_eq!(added.convoy_id.as_deref(), Some(cv.as_str()));
    assert_eq!(
        added.status,
        BeadStatus::InProgress,
        "hooked and dispatched"
    );
    assert!(added.assignee.is_some());
    let convoy: Convoy = t.json(&["convoy", "status", &cv]);
    assert_eq!(convoy.total_beads, 3);
    // The API bead is already at work; it now also waits for the migration.
    let api_now: Bead = t.json(&["bead", "update", &api, "--add-depends-on", &added.id]);
    assert_eq!(api_now.depends_on, vec![added.id.clone()]);
    let e = the_event(&t, &api, "dependency_added");
    assert_eq!(e.new_value, json!(added.id));
    // A cycle: the migration cannot wait for the API bead.
    let events = t.count("events");
    let refused = t.fails(&["bead", "update", &added.id, "--add-depends-on", &api], 2);
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("cycle"),
        "{refused}"
    );
    t.fails(&["bead", "update", &api, "--add-depends-on", &api], 2);
    t.fails(
        &["bead", "update", &api, "--add-depends-on", "gt-zzzzzz"],
        3,
    );
    assert_eq!(t.count("events"), events, "refusals write nothing");
    // Removing an edge is audited; removing it again changes nothing.
    t.json::<Bead>(&["bead", "update", &schema, "--add-depends-on", &added.id]);
    let s: Bead = t.json(&["bead", "update", &schema, "--remove-depends-on", &added.id]);
    assert!(s.depends_on.is_empty());
    assert_eq!(
        the_event(&t, &schema, "dependency_removed").old_value,
        json!(added.id)
    );
    let events = t.count("events");
    t.json::<Bead>(&["bead", "update", &schema, "--remove-depends-on", &added.id]);
    assert_eq!(t.count("events"), events);
    // A waiting bead whose last blocker is removed dispatches.
    let more: Bead = t.json(&[
        "bead",
        "create",
        "--rig",
        "app",
        "tail",
        "--convoy",
        &cv,
        "--depends-on",
        &schema,
    ]);
    assert_eq!(more.status, BeadStatus::Open, "waits for schema");
    let freed: Bead = t.json(&["bead", "update", &more.id, "--remove-depends-on", &schema]);
    assert_eq!(freed.status, BeadStatus::InProgress);
    let run = t.run(&["--json", "doctor"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}
