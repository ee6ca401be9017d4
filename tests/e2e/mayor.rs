//! What an AI Mayor trips on (issue 15): edits of a running convoy, reopened
//! work, what needs attention and why, what each write caused, a convoy's
//! whole history, and names before IDs.

use gt_core::model::{Bead, BeadStatus, Event};
use gt_core::ops::sling::SlungBatch;
use serde_json::{json, Value};

use crate::support::Town;

pub(crate) fn batch(t: &Town, extra: &[&str], tasks: &[&str]) -> SlungBatch {
    let mut args = vec!["sling-batch", "--rig", "app", "--title", "Work"];
    args.extend_from_slice(extra);
    for task in tasks {
        args.extend(["--task", task]);
    }
    t.json(&args)
}

pub(crate) fn id_of(b: &SlungBatch, i: usize) -> String {
    b.beads[i].bead.id.clone()
}

fn convoy_events(t: &Town, convoy: &str) -> Vec<Event> {
    t.json(&["events", "--convoy", convoy, "--limit", "0"])
}

pub(crate) fn status(t: &Town, convoy: &str) -> Value {
    t.json(&["convoy", "status", convoy])
}

/// The bead row of `convoy status` for `bead`.
pub(crate) fn row<'a>(view: &'a Value, bead: &str) -> &'a Value {
    view["beads"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == bead)
        .unwrap_or_else(|| panic!("no row for {bead} in {view}"))
}

/// "Add a 'Write migration' task before the API task": two commands, and
/// every bead's history stays in `events --convoy`.
pub fn a_task_is_inserted_before_another_in_two_commands(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &[], &["API", "Docs"]);
    let (api, docs) = (id_of(&b, 0), id_of(&b, 1));
    let cv = &b.convoy.id;
    // 1: the new task, in the convoy, put to work like its beads.
    let created: Value = t.json(&[
        "bead",
        "create",
        "--rig",
        "app",
        "--convoy",
        cv,
        "Write migration",
    ]);
    let migration = created["id"].as_str().unwrap().to_string();
    assert_eq!(created["status"], "in_progress", "{created}");
    assert_eq!(created["effects"]["dispatched"], json!([migration]));
    // 2: the API task now waits for it, back to open on its own hook.
    let updated: Value = t.json(&["bead", "update", &api, "--add-depends-on", &migration]);
    assert_eq!(updated["status"], "open", "{updated}");
    assert!(updated["assignee"].is_string(), "{updated}");
    let view = status(&t, cv);
    assert_eq!(row(&view, &api)["state"], "blocked");
    assert_eq!(row(&view, &api)["blocked_by"], json!([migration]));
    assert_eq!(row(&view, &docs)["state"], Value::Null);
    // Closing the migration dispatches the API task, and says so.
    let closed: Value = t.json(&["bead", "update", &migration, "--status", "closed"]);
    assert_eq!(closed["effects"]["dispatched"], json!([api]), "{closed}");
    assert_eq!(closed["last_assignee"], created["assignee"]);
    assert_eq!(closed["assignee"], Value::Null);
    // The convoy's history has all three beads, including the new one's creation.
    let events = convoy_events(&t, cv);
    for bead in [&api, &docs, &migration] {
        assert!(
            events.iter().any(|e| &e.subject_id == bead),
            "no events of {bead}"
        );
    }
    assert!(events
        .iter()
        .any(|e| e.subject_id == migration && e.event_type == "created"));
    assert!(events
        .iter()
        .any(|e| e.subject_id == api && e.event_type == "dependency_added"));
    assert!(events
        .iter()
        .all(|e| e.convoy_id.as_deref() == Some(cv.as_str())));
}

/// R5: a reopened bead goes back to work within its convoy's cap, or waits
/// for the next polecat the convoy frees.
pub fn a_reopened_bead_is_put_back_to_work_within_the_cap(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &["--max-polecats", "1"], &["a", "b"]);
    let (a, bb, cv) = (id_of(&b, 0), id_of(&b, 1), b.convoy.id.clone());
    let worker = b.beads[0].agent.as_ref().unwrap().name.clone();
    let first: Value = t.json(&["bead", "update", &a, "--status", "closed"]);
    assert_eq!(first["effects"]["hooked"], json!([bb]), "{first}");
    let last: Value = t.json(&["bead", "update", &bb, "--status", "closed"]);
    assert_eq!(last["effects"]["landed"], json!([cv]), "{last}");
    // The polecat is idle again: the reopened bead goes straight to it.
    let reopened: Value = t.json(&["bead", "update", &a, "--status", "open"]);
    assert_eq!(reopened["status"], "in_progress");
    assert_eq!(reopened["assignee"], json!(worker));
    assert_eq!(reopened["effects"]["reopened"], json!([cv]));
    assert_eq!(reopened["effects"]["dispatched"], json!([a]));
    // The cap is full now: the second one waits, queued.
    let waiting: Value = t.json(&["bead", "update", &bb, "--status", "open"]);
    assert_eq!(
        (&waiting["status"], &waiting["assignee"]),
        (&json!("open"), &Value::Null)
    );
    assert!(waiting.get("effects").is_none(), "{waiting}");
    let view = status(&t, &cv);
    assert_eq!(row(&view, &bb)["state"], "queued");
    assert_eq!(view["attention"], json!([]));
    // And it is fed when the convoy frees its polecat.
    let done: Value = t.json(&["bead", "update", &a, "--status", "closed"]);
    assert_eq!(done["effects"]["dispatched"], json!([bb]), "{done}");
    // A force-closed convoy stays closed, and its reopened bead waits (R5).
    t.json::<Value>(&["convoy", "close", &cv, "--close-beads"]);
    let after: Bead = t.json(&["bead", "update", &a, "--status", "open"]);
    assert_eq!((after.status, after.assignee), (BeadStatus::Open, None));
}

/// `convoy status` says what is wrong and with whom, bead by bead.
pub fn convoy_status_says_what_needs_attention(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &[], &["a", "b", "c"]);
    let (a, bb, c, cv) = (
        id_of(&b, 0),
        id_of(&b, 1),
        id_of(&b, 2),
        b.convoy.id.clone(),
    );
    let agent = |i: usize| b.beads[i].agent.as_ref().unwrap().name.clone();
    t.json::<Value>(&["agent", "update", &agent(0), "--status", "dead"]);
    t.json::<Value>(&["agent", "update", &agent(1), "--status", "stalled"]);
    t.json::<Value>(&["bead", "update", &c, "--status", "failed"]);
    // A bead added by hand, on nobody's hook: not stuck, the failed bead's
    // polecat is idle for patrol to hand it to (R4).
    let loose: Bead = t.json(&["bead", "create", "--rig", "app", "loose"]);
    t.json::<Value>(&["convoy", "add", &cv, &loose.id]);
    let view = status(&t, &cv);
    assert_eq!(view["needs_attention"], true);
    assert_eq!(row(&view, &a)["agent_status"], "dead");
    assert_eq!(row(&view, &bb)["agent_status"], "stalled");
    assert_eq!(row(&view, &c)["agent_status"], Value::Null);
    assert_eq!(row(&view, &loose.id)["state"], "unassigned");
    assert_eq!(
        view["attention"],
        json!([
            {"bead": a, "reason": "agent_dead", "agent": agent(0)},
            {"bead": bb, "reason": "agent_stalled", "agent": agent(1)},
            {"bead": c, "reason": "bead_failed"},
        ])
    );
    // The streamed document (compact JSON) and the built one agree.
    let pretty = t.run(&["--json", "convoy", "status", &cv]);
    let human = t.run(&["convoy", "status", &cv]);
    assert!(
        human.stdout.contains("Needs attention:"),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("is dead"), "{}", human.stdout);
    assert_eq!(serde_json::from_str::<Value>(&pretty.stdout).unwrap(), view);
}

/// A forced delete says whom it freed and which beads lost their blocker.
pub fn a_forced_delete_says_what_it_freed(t: Town) {
    let t = t.with_rig();
    let tasks = t.write(
        "tasks.json",
        r#"[{"title": "base", "key": "a"}, {"title": "top", "depends_on": ["a"]}]"#,
    );
    let b: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "W",
        "--tasks-file",
        &tasks,
    ]);
    let (base, top) = (id_of(&b, 0), id_of(&b, 1));
    let agent = b.beads[0].agent.as_ref().unwrap().id.clone();
    let done: Value = t.json(&["bead", "delete", &base, "--force"]);
    assert_eq!(done["deleted"], json!(base));
    assert_eq!(done["effects"]["unhooked"], json!([base]), "{done}");
    assert_eq!(done["effects"]["freed_agents"], json!([agent]));
    assert_eq!(done["effects"]["dependencies_removed"], json!([top]));
    assert_eq!(done["effects"]["dispatched"], json!([top]));
    // The deleted bead's history stays in its convoy's.
    let events = convoy_events(&t, &b.convoy.id);
    assert!(events
        .iter()
        .any(|e| e.subject_id == base && e.event_type == "deleted"));
    assert!(events
        .iter()
        .any(|e| e.subject_id == base && e.event_type == "created"));
}

/// `events --convoy` has the escalations about its beads and the resets of
/// its polecats; `--since today` works.
pub fn a_convoys_events_include_its_escalations_and_resets(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &[], &["a", "b"]);
    let (a, cv) = (id_of(&b, 0), b.convoy.id.clone());
    let worker = b.beads[0].agent.as_ref().unwrap().clone();
    let esc: Value = t.json(&["escalation", "raise", "stuck on a", "--bead", &a]);
    let esc = esc["id"].as_str().unwrap().to_string();
    t.json::<Value>(&["escalation", "ack", &esc]);
    t.json::<Value>(&["agent", "reset", &worker.name]);
    let events: Vec<Event> = t.json(&[
        "events", "--convoy", &cv, "--since", "today", "--limit", "0",
    ]);
    let has = |subject: &str, kind: &str| {
        events
            .iter()
            .any(|e| e.subject_id == subject && e.event_type == kind)
    };
    assert!(has(&esc, "created"), "the escalation's creation");
    assert!(has(&esc, "acknowledged"), "its acknowledgement");
    assert!(has(&worker.id, "agent_reset"), "the polecat's reset");
    assert!(
        has(&a, "released") || has(&a, "unhooked"),
        "the bead's release"
    );
    // Another convoy's events are not in it.
    let other = batch(&t, &[], &["x"]);
    assert!(convoy_events(&t, &cv)
        .iter()
        .all(|e| e.subject_id != id_of(&other, 0)));
}

/// A bare word is a name before it is an ID; a short bare ID prefix is refused;
/// an ambiguous one lists its candidates; a busy agent's hint is the safe one.
pub fn names_come_before_ids_and_ambiguity_lists_candidates(t: Town) {
    let t = t.with_rig();
    // Toast, Maple, Birch, Shadow, Clover, Ember, Sage, Dusk, Flint, Coral, Slate.
    let b = batch(
        &t,
        &[],
        &["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"],
    );
    let sage: Value = t.json(&["agent", "show", "sag"]);
    assert_eq!(sage["name"], "Sage");
    let e = t.fails(&["agent", "show", "s"], 4);
    let names: Vec<&str> = e["error"]["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Sage", "Shadow", "Slate"], "{e}");
    // An ID without its type prefix needs three characters; with it, any will do.
    let bead = id_of(&b, 0);
    t.fails(&["bead", "show", &bead[3..5]], 2);
    let shown: Bead = t.json(&["bead", "show", &bead]);
    assert_eq!(shown.id, bead);
    let e = t.fails(&["bead", "show", "gt-"], 4);
    assert!(e["error"]["candidates"][0]["title"].is_string(), "{e}");
    // Reassigning onto a busy agent: the hint offers --new, not a reset.
    let busy = b.beads[1].agent.as_ref().unwrap().name.clone();
    let e = t.fails(&["bead", "reassign", &bead, "--to", &busy], 4);
    let hint = e["error"]["hint"].as_str().unwrap();
    assert!(hint.contains("--new"), "{hint}");
    assert!(!hint.contains("agent reset"), "{hint}");
}

/// `sling --convoy` joins a convoy at work, and is refused (writing nothing)
/// where the convoy would keep the bead waiting.
pub fn sling_joins_a_convoy_or_refuses_when_its_cap_is_full(t: Town) {
    let t = t.with_rig();
    let open = batch(&t, &[], &["a"]);
    let slung: Value = t.json(&[
        "sling",
        "--rig",
        "app",
        "hotfix",
        "--convoy",
        &open.convoy.id,
    ]);
    assert_eq!(slung["bead"]["convoy_id"], json!(open.convoy.id));
    assert_eq!(slung["bead"]["status"], "in_progress");
    let counts: Value = t.json(&["convoy", "status", &open.convoy.id]);
    assert_eq!(counts["total_beads"], 2);
    let full = batch(&t, &["--max-polecats", "1"], &["x", "y"]);
    let beads = t.count("beads");
    let e = t.fails(
        &["sling", "--rig", "app", "more", "--convoy", &full.convoy.id],
        4,
    );
    assert!(
        e["error"]["hint"].as_str().unwrap().contains("bead create"),
        "{e}"
    );
    assert_eq!(t.count("beads"), beads, "nothing written");
}

/// A capped convoy's cap holds against edits by hand too: a waiting bead is
/// not hooked past it by `bead reassign`, nor a working one added by
/// `convoy add`; both are refused with nothing written.
pub fn edits_by_hand_keep_a_capped_convoy_within_its_cap(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &["--max-polecats", "1"], &["a", "b"]);
    let (waiting, cv) = (id_of(&b, 1), b.convoy.id.clone());
    let events = t.count("events");
    let e = t.fails(&["bead", "reassign", &waiting, "--new"], 4);
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("1 of its polecats"),
        "{e}"
    );
    let solo: Value = t.json(&["sling", "--rig", "app", "solo"]);
    let solo = solo["bead"]["id"].as_str().unwrap().to_string();
    let events_after_sling = t.count("events");
    assert!(events_after_sling > events);
    let e = t.fails(&["convoy", "add", &cv, &solo], 4);
    assert!(
        e["error"]["hint"].as_str().unwrap().contains("at work on"),
        "{e}"
    );
    assert_eq!(
        t.count("events"),
        events_after_sling,
        "refusals wrote nothing"
    );
    // Once the convoy frees its polecat, the waiting bead is fed to it.
    t.json::<Value>(&["bead", "update", &id_of(&b, 0), "--status", "closed"]);
    let view = status(&t, &cv);
    assert_eq!(row(&view, &waiting)["status"], "in_progress");
}
