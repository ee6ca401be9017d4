//! The main job, end to end: seeding work, watching it progress, and landing.

use gt_core::model::{Agent, Bead, BeadStatus, Convoy, ConvoyStatus, Event};
use gt_core::ops::agent::HookView;
use gt_core::ops::sling::{Slung, SlungBatch};
use gt_core::query::ConvoyStatusView;
use serde_json::{json, Value};

use crate::support::{Run, Town};

const DIAMOND: &str = r#"[
  {"key": "a", "title": "A"},
  {"key": "b", "title": "B", "depends_on": ["a"]},
  {"key": "c", "title": "C", "depends_on": [0]},
  {"key": "d", "title": "D", "depends_on": ["b", "c"]}
]"#;

fn close(t: &Town, id: &str) -> Bead {
    t.json(&["bead", "update", id, "--status", "closed"])
}

fn statuses(t: &Town, convoy: &str) -> Vec<BeadStatus> {
    let view: ConvoyStatusView = t.json(&["convoy", "status", convoy]);
    view.beads.iter().map(|b| b.status).collect()
}

/// Seed 000's flow: a diamond dispatches in dependency order and lands once.
pub fn diamond_lands_once_through_the_cli(t: Town) {
    let t = t.with_rig();
    let file = t.write("diamond.json", DIAMOND);
    let batch: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Diamond",
        "--tasks-file",
        &file,
    ]);
    assert!(batch.created);
    assert_eq!(batch.beads.len(), 4);
    assert_eq!((t.count("beads"), t.count("convoys")), (4, 1));
    let ids: Vec<String> = batch.beads.iter().map(|b| b.bead.id.clone()).collect();
    let cv = batch.convoy.id.clone();
    let dispatched: Vec<bool> = batch.beads.iter().map(|b| b.dispatched).collect();
    assert_eq!(
        dispatched,
        [true, false, false, false],
        "only A is dispatched"
    );

    let view: ConvoyStatusView = t.json(&["convoy", "status", &cv]);
    assert_eq!(view.dependency_edges.len(), 4);
    assert_eq!(view.beads[3].blocked_by.len(), 2);

    let closed = close(&t, &ids[0]);
    assert_eq!(
        closed,
        t.json::<Bead>(&["bead", "show", &ids[0]]),
        "update prints the bead as stored"
    );
    let d: Bead = t.json(&["bead", "show", &ids[3]]);
    let mut sorted = d.depends_on.clone();
    sorted.sort();
    assert_eq!(d.depends_on, sorted);
    use BeadStatus::*;
    assert_eq!(statuses(&t, &cv), [Closed, InProgress, InProgress, Open]);
    let c: Convoy = t.json(&["convoy", "status", &cv]);
    assert_eq!((c.closed_beads, c.total_beads), (1, 4));

    close(&t, &ids[1]);
    assert_eq!(statuses(&t, &cv), [Closed, Closed, InProgress, Open]);
    let c: Convoy = t.json(&["convoy", "status", &cv]);
    assert_eq!((c.closed_beads, c.total_beads), (2, 4));

    close(&t, &ids[2]);
    assert_eq!(statuses(&t, &cv), [Closed, Closed, Closed, InProgress]);
    let c: Convoy = t.json(&["convoy", "status", &cv]);
    assert_eq!(
        (c.closed_beads, c.total_beads, c.status),
        (3, 4, ConvoyStatus::Active)
    );

    close(&t, &ids[3]);
    let c: Convoy = t.json(&["convoy", "status", &cv]);
    assert_eq!((c.closed_beads, c.status), (4, ConvoyStatus::Landed));
    let events: Vec<Event> = t.json(&["events", "--subject", &cv, "--limit", "0"]);
    let landings = events
        .iter()
        .filter(|e| e.event_type == "convoy_landed")
        .count();
    assert_eq!(landings, 1);

    let active: Vec<Convoy> = t.json(&["convoy", "list"]);
    assert!(active.is_empty(), "a landed convoy leaves the default list");
    let all: Vec<Convoy> = t.json(&["convoy", "list", "--all"]);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].id, cv);
}

pub fn sling_hooks_and_dispatches_one_bead(t: Town) {
    let t = t.with_rig();
    let slung: Slung = t.json(&[
        "sling",
        "--rig",
        "app",
        "Fix the login",
        "--priority",
        "high",
        "--body",
        "see logs",
    ]);
    assert_eq!(slung.bead.status, BeadStatus::InProgress);
    assert_eq!(slung.bead.assignee.as_deref(), Some("Toast"));
    assert_eq!(slung.agent.hook.as_deref(), Some(slung.bead.id.as_str()));
    assert_eq!(slung.bead.priority, gt_core::model::Priority::High);
    let shown: Bead = t.json(&["bead", "show", &slung.bead.id[..6]]);
    assert_eq!(shown, slung.bead);
}

pub fn idempotent_batches_write_nothing_the_second_time(t: Town) {
    let t = t.with_rig();
    let args = [
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "CI",
        "--task",
        "x",
        "--task",
        "y",
        "--idempotency-key",
        "run-1",
    ];
    let first: Value = t.json(&args);
    let events = t.count("events");
    let second: Value = t.json(&args);
    assert_eq!(first["created"], json!(true));
    assert_eq!(second["created"], json!(false));
    // The first run put the beads to work; the second did nothing, and says so.
    assert!(first["effects"]["dispatched"].is_array(), "{first}");
    assert!(second.get("effects").is_none(), "{second}");
    let strip = |mut v: Value| {
        v["created"] = Value::Null;
        v.as_object_mut().unwrap().remove("effects");
        v
    };
    assert_eq!(
        strip(first),
        strip(second),
        "the same JSON, but for created"
    );
    assert_eq!(t.count("events"), events, "nothing written");
    assert_eq!(t.count("beads"), 2);
}

pub fn capped_batches_feed_polecats(t: Town) {
    let t = t.with_rig();
    let mut args = vec![
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Capped",
        "--max-polecats",
        "2",
    ];
    for task in ["1", "2", "3", "4", "5"] {
        args.extend(["--task", task]);
    }
    let batch: SlungBatch = t.json(&args);
    assert_eq!(batch.beads.iter().filter(|b| b.agent.is_some()).count(), 2);
    for bead in &batch.beads {
        close(&t, &bead.bead.id);
        let agents: Vec<Agent> = t.json(&["agent", "list"]);
        assert_eq!(agents.len(), 2, "the cap holds");
    }
    let c: Convoy = t.json(&["convoy", "status", &batch.convoy.id]);
    assert_eq!(c.status, ConvoyStatus::Landed);
}

pub fn bead_update_changes_only_the_given_fields(t: Town) {
    let t = t.with_rig();
    let b: Bead = t.json(&[
        "bead",
        "create",
        "--rig",
        "app",
        "Write docs",
        "--label",
        "docs",
        "--body",
        "long",
    ]);
    let u: Bead = t.json(&[
        "bead",
        "update",
        &b.id,
        "--priority",
        "critical",
        "--add-label",
        "urgent",
        "--meta",
        "pr=12",
    ]);
    assert_eq!(u.priority, gt_core::model::Priority::Critical);
    assert_eq!(u.labels, ["docs", "urgent"]);
    assert_eq!(u.metadata["pr"], json!(12));
    let shown: Bead = t.json(&["bead", "show", &b.id]);
    assert_eq!(shown, u, "update prints the bead as stored");
    assert_eq!(
        (u.title.as_str(), u.body.as_deref(), u.status),
        ("Write docs", Some("long"), BeadStatus::Open)
    );
    let events: Vec<Event> = t.json(&["events", "--subject", &b.id]);
    let fields: Vec<&str> = events
        .iter()
        .filter(|e| e.event_type == "updated")
        .map(|e| e.metadata["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["priority", "labels", "metadata"]);
    let priority = events
        .iter()
        .find(|e| e.metadata["field"] == "priority")
        .unwrap();
    assert_eq!(
        (priority.old_value.clone(), priority.new_value.clone()),
        (json!("medium"), json!("critical"))
    );
    assert_eq!(priority.actor, "tester");
    let nothing = t.fails(&["bead", "update", &b.id], 2);
    assert!(nothing["error"]["message"]
        .as_str()
        .unwrap()
        .contains("nothing to update"));
}

pub fn events_filter_by_subject_and_limit(t: Town) {
    let t = t.with_rig();
    let slung: Slung = t.json(&["sling", "--rig", "app", "One"]);
    t.json::<Value>(&["sling", "--rig", "app", "Two"]);
    let all: Vec<Event> = t.json(&["events", "--limit", "0"]);
    assert!(all.windows(2).all(|w| w[0].id < w[1].id), "newest last");
    let last3: Vec<Event> = t.json(&["events", "--limit", "3"]);
    assert_eq!(last3.len(), 3);
    assert_eq!(last3.last().unwrap().id, all.last().unwrap().id);
    let mine: Vec<Event> = t.json(&["events", "--subject", &slung.bead.id]);
    assert!(!mine.is_empty() && mine.iter().all(|e| e.subject_id == slung.bead.id));
    let by_name: Vec<Event> = t.json(&["events", "--subject", "Toast"]);
    assert!(by_name.iter().all(|e| e.subject_id == slung.agent.id));
    let nobody: Vec<Event> = t.json(&["events", "--actor", "nobody"]);
    assert!(nobody.is_empty());
    let recent: Vec<Event> = t.json(&["events", "--since", "1h", "--limit", "0"]);
    assert_eq!(recent.len(), all.len());
    // Days, as a person says them: every event is from yesterday on, none
    // from a date to come.
    let since_yesterday: Vec<Event> = t.json(&["events", "--since", "yesterday", "--limit", "0"]);
    assert_eq!(since_yesterday.len(), all.len());
    let today: Vec<Event> = t.json(&["events", "--since", "today", "--limit", "0"]);
    assert!(today.len() <= all.len());
    let future: Vec<Event> = t.json(&["events", "--since", "2999-01-01", "--limit", "0"]);
    assert!(future.is_empty());
}

/// Long lists are read in pages: agents on from the last one got, events
/// back from the oldest one got, and a bead's dependents in any convoy.
pub fn lists_page_on_from_the_last_item_got(t: Town) {
    let t = t.with_rig();
    // Seven polecats made in one write (one time for all of them), then two.
    let mut wide = vec!["sling-batch", "--rig", "app", "--title", "Wide"];
    for task in ["a", "b", "c", "d", "e", "f", "g"] {
        wide.extend(["--task", task]);
    }
    t.json::<Value>(&wide);
    let blocker: Slung = t.json(&["sling", "--rig", "app", "Schema"]);
    t.json::<Value>(&["sling", "--rig", "app", "Other"]);
    let all: Vec<Agent> = t.json(&["agent", "list"]);
    assert_eq!(all.len(), 9);
    let mut paged: Vec<Agent> = t.json(&["agent", "list", "--limit", "3"]);
    loop {
        let last = paged.last().unwrap().name.clone();
        let page: Vec<Agent> = t.json(&["agent", "list", "--limit", "3", "--after", &last]);
        if page.is_empty() {
            break;
        }
        assert!(page.len() <= 3);
        paged.extend(page);
    }
    let names = |v: &[Agent]| v.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&paged),
        names(&all),
        "pages hold every agent once, in order"
    );
    // By ID as well, and with a filter.
    let after_first: Vec<Agent> = t.json(&[
        "agent", "list", "--after", &all[0].id, "--status", "working",
    ]);
    assert_eq!(names(&after_first), names(&all[1..]));
    let gone = t.fails(&["agent", "list", "--after", "Nobody"], 3);
    assert_eq!(gone["error"]["code"], "not_found", "{gone}");

    let events: Vec<Event> = t.json(&["events", "--limit", "0"]);
    let mut back: Vec<Event> = t.json(&["events", "--limit", "4"]);
    loop {
        let oldest = back[0].id.to_string();
        let page: Vec<Event> = t.json(&["events", "--limit", "4", "--before", &oldest]);
        if page.is_empty() {
            break;
        }
        assert!(page.windows(2).all(|w| w[0].id < w[1].id), "newest last");
        back.splice(0..0, page);
    }
    let ids = |v: &[Event]| v.iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(ids(&back), ids(&events), "pages back hold every event once");
    let (lo, hi) = (events[2].id.to_string(), events[6].id.to_string());
    let between: Vec<Event> = t.json(&["events", "--after", &lo, "--before", &hi, "--limit", "0"]);
    assert_eq!(ids(&between), ids(&events[3..6]));

    // A bead of another convoy that waits for the blocker is its dependent.
    let waiting: Value = t.json(&[
        "bead",
        "create",
        "--rig",
        "app",
        "Migrate",
        "--depends-on",
        &blocker.bead.id,
    ]);
    let dependents: Vec<Bead> = t.json(&["bead", "list", "--depends-on", &blocker.bead.id]);
    assert_eq!(
        dependents.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(),
        [waiting["id"].as_str().unwrap()]
    );
    let closed_of_rig: Vec<Bead> = t.json(&[
        "bead",
        "list",
        "--depends-on",
        &blocker.bead.id,
        "--rig",
        "app",
        "--status",
        "closed",
    ]);
    assert!(closed_of_rig.is_empty());
    let none = t.fails(&["bead", "list", "--depends-on", "gt-zzzzz"], 3);
    assert_eq!(none["error"]["code"], "not_found", "{none}");
}

pub fn hook_shows_what_a_polecat_should_do(t: Town) {
    let t = t.with_rig();
    let slung: Slung = t.json(&["sling", "--rig", "app", "Do the thing"]);
    let hook: HookView = t.json(&["hook", "--agent", "toast"]);
    assert_eq!(hook.bead.unwrap().id, slung.bead.id);
    close(&t, &slung.bead.id);
    let empty: HookView = t.json(&["hook", "--agent", &slung.agent.id]);
    assert!(empty.bead.is_none());
    t.fails(&["hook"], 2);
}

pub fn dispatch_command_runs_after_commit(t: Town) {
    let t = t.with_rig();
    let log = t.path("dispatch.log");
    let cmd = format!(
        "echo \"$GT_BEAD_ID $GT_AGENT $GT_RIG $GT_CONVOY_ID $GT_DB [$GT_RUN_HOST$GT_RUN_STARTED_AT]\" >> '{}'",
        log.display()
    );
    let batch: SlungBatch = Run::of(
        t.command(&[
            "--json",
            "sling-batch",
            "--rig",
            "app",
            "--title",
            "T",
            "--task",
            "a",
            "--task",
            "b",
        ])
        .env("GT_DISPATCH_CMD", &cmd)
        // The writer's run is not the dispatched agent's.
        .env("GT_RUN_HOST", "h9")
        .env("GT_RUN_STARTED_AT", "2000-01-01T00:00:00.000Z"),
    )
    .json();
    let lines = std::fs::read_to_string(&log).unwrap();
    assert_eq!(lines.lines().count(), 2);
    let first: Vec<&str> = lines.lines().next().unwrap().split(' ').collect();
    assert_eq!(first[0], batch.beads[0].bead.id);
    assert_eq!(first[1], "Toast");
    assert_eq!(first[2], "app");
    assert_eq!(first[3], batch.convoy.id);
    assert_eq!(first[4], t.db);
    assert_eq!(first[5], "[]", "{lines}");
}

pub fn a_failing_dispatch_command_is_recorded_not_undone(t: Town) {
    let t = t.with_rig();
    let run = Run::of(
        t.command(&["--json", "sling", "--rig", "app", "Will fail to start"])
            .env("GT_DISPATCH_CMD", "echo boom >&2; exit 7"),
    );
    // The commit stands: the run succeeds.
    let slung: Slung = run.json();
    assert_eq!(slung.bead.status, BeadStatus::InProgress);
    assert!(
        run.stderr.contains("boom") && run.stderr.contains("status 7"),
        "{}",
        run.stderr
    );
    let events: Vec<Event> = t.json(&["events", "--subject", &slung.bead.id]);
    let failed = events
        .iter()
        .find(|e| e.event_type == "dispatch_failed")
        .unwrap();
    assert!(failed.metadata["error"]
        .as_str()
        .unwrap()
        .contains("status 7"));
}

pub fn quiet_prints_only_ids(t: Town) {
    let t = t.with_rig();
    let run = t.run(&[
        "sling-batch",
        "-q",
        "--rig",
        "app",
        "--title",
        "Q",
        "--task",
        "a",
    ]);
    assert_eq!(run.code, 0);
    let id = run.stdout.trim();
    assert!(
        id.starts_with("cv-") && !id.contains(char::is_whitespace),
        "{}",
        run.stdout
    );
    let listed = t.run(&["convoy", "list", "-q"]);
    assert_eq!(listed.stdout.trim(), id);
}

pub fn human_output_is_tables(t: Town) {
    let t = t.with_rig();
    let batch: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Tables",
        "--task",
        "a",
        "--task",
        "b",
    ]);
    let list = t.run(&["convoy", "list"]);
    assert_eq!(list.code, 0);
    assert!(
        list.stdout.contains("PROGRESS") && list.stdout.contains("0/2"),
        "{}",
        list.stdout
    );
    assert!(list.stdout.lines().all(|l| l.chars().count() <= 100));
    let status = t.run(&["convoy", "status", &batch.convoy.id]);
    assert!(
        status.stdout.contains("BLOCKED BY") && status.stdout.contains("Toast"),
        "{}",
        status.stdout
    );
    assert!(
        !status.stdout.contains('\x1b'),
        "no colour without a terminal"
    );
}
