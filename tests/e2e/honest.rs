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
    let b = t.sling_diamond();
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
    // Over MCP the same refusal names the tool and its argument, with a
    // number the tool takes; raising the cap there works.
    let mut mcp = crate::mcp::Client::start(&t, &[], &[]);
    mcp.init();
    let refused = mcp.call(
        "gt_bead_reassign",
        json!({"bead_id": id_of(&b, 2), "new": true}),
    );
    assert_eq!(refused.code(), "conflict");
    let hint = refused.structured["error"]["hint"]
        .as_str()
        .unwrap()
        .to_string();
    let raise = format!(r#"gt_convoy_update {{"convoy_id":"{cv}","max_polecats":2}}"#);
    assert!(hint.contains(&raise), "{hint}");
    assert!(!hint.contains("--"), "{hint}");
    let raised = mcp.ok(
        "gt_convoy_update",
        json!({"convoy_id": cv, "max_polecats": 2}),
    );
    assert_eq!(raised["max_polecats"], 2);
    mcp.finish();
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

/// `gt hook` tells a polecat what its bead waits for (by title) and where to
/// work: the rig's repository and the branch to start from.
pub fn hook_says_what_a_bead_waits_for_and_where_to_work(t: Town) {
    let t = t;
    t.json::<Value>(&[
        "rig",
        "add",
        "app",
        "--git-url",
        "https://example.com/app.git",
    ]);
    let file = t.write(
        "tasks.json",
        r#"[{"title":"Schema"},{"title":"API","depends_on":[0]}]"#,
    );
    let b: gt_core::ops::sling::SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "S",
        "--tasks-file",
        &file,
    ]);
    let waiting = b.beads[1].agent.as_ref().unwrap().name.clone();
    let hook: Value = t.json(&["hook", "--agent", &waiting]);
    assert_eq!(
        hook["blocked_by"],
        json!([{"id": id_of(&b, 0), "title": "Schema", "status": "in_progress"}]),
        "{hook}"
    );
    assert_eq!(hook["git_url"], "https://example.com/app.git");
    assert_eq!(hook["base_branch"], "main");
    let words = t.run(&["hook", "--agent", &waiting]).stdout;
    assert!(words.contains("waits for"), "{words}");
    assert!(words.contains("\"Schema\""), "{words}");
    assert!(words.contains("work from: main"), "{words}");
    t.json::<Value>(&[
        "convoy",
        "update",
        &b.convoy.id,
        "--feature-branch",
        "feat/s",
    ]);
    let hook: Value = t.json(&["hook", "--agent", &waiting]);
    assert_eq!(hook["base_branch"], "feat/s");
    // Once its blocker closes, nothing is left to wait for.
    t.json::<Value>(&["bead", "update", &id_of(&b, 0), "--status", "closed"]);
    let hook: Value = t.json(&["hook", "--agent", &waiting]);
    assert_eq!(hook["blocked_by"], json!([]), "{hook}");
}

/// People read `gt events` as words: agents by name, changes as
/// `field: old → new`; the JSON keeps the stored values.
pub fn events_read_as_words(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &[], &["a"]);
    let agent = b.beads[0].agent.as_ref().unwrap().clone();
    t.json::<Value>(&["bead", "update", &id_of(&b, 0), "--priority", "high"]);
    t.json::<Value>(&["agent", "update", &agent.name, "--status", "dead"]);
    let words = t.run(&["events", "--limit", "0"]).stdout;
    assert!(!words.contains(&agent.id), "{words}");
    assert!(words.contains("status: working → dead"), "{words}");
    assert!(words.contains("priority: medium → high"), "{words}");
    assert!(!words.contains('{'), "raw JSON in {words}");
    let line = words
        .lines()
        .find(|l| l.contains("status: working → dead"))
        .unwrap();
    assert!(line.contains(&agent.name), "{line}");
    let doc: Vec<Value> = t.json(&["events", "--subject", &agent.id, "--limit", "0"]);
    assert!(doc.iter().all(|e| e["subject_id"] == json!(agent.id)));
    assert!(doc.iter().any(|e| e["new_value"] == "dead"));
}

/// What a write caused names agents; an escalation about a bead names its
/// agent; `--free` lists the polecats that can take work; one batch of one
/// bead reads "1 bead".
pub fn writes_and_lists_name_agents(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &["--max-polecats", "1"], &["a", "b"]);
    let words = t.run(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "One",
        "--task",
        "x",
    ]);
    assert!(words.stdout.contains("with 1 bead:"), "{}", words.stdout);
    let worker = b.beads[0].agent.as_ref().unwrap().clone();
    let raised: Value = t.json(&[
        "escalation",
        "raise",
        "stuck on it",
        "--bead",
        &id_of(&b, 0),
    ]);
    assert_eq!(raised["agent"], json!(worker.name), "{raised}");
    assert_eq!(raised["rig"], "app");
    let done: Value = t.json(&["bead", "update", &id_of(&b, 0), "--status", "closed"]);
    let effects = &done["effects"];
    assert_eq!(effects["freed_agents"], json!([worker.id]), "{done}");
    assert_eq!(effects["freed_agent_names"], json!([worker.name]), "{done}");
    assert_eq!(
        effects["hooked_to"],
        json!([{"bead": id_of(&b, 1), "agent": worker.name}]),
        "{done}"
    );
    let human = t
        .run(&["bead", "update", &id_of(&b, 1), "--status", "closed"])
        .stdout;
    assert!(human.contains(&format!("freed {}", worker.name)), "{human}");
    // Now idle and unhooked: free. The other batch's polecat is at work.
    let free: Vec<Agent> = t.json(&["agent", "list", "--free"]);
    let names: Vec<&str> = free.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, [worker.name.as_str()]);
    let none: Vec<Agent> = t.json(&["agent", "list", "--free", "--rig", "app", "--limit", "5"]);
    assert_eq!(none.len(), 1);
    t.fails(&["agent", "list", "--free", "--status", "working"], 2);
}

/// An unknown ID one typo from a real one is `not_found` with that ID among
/// its `candidates` and a "did you mean" hint, on the command line, over
/// MCP and over HTTP; an agent's name likewise.
pub fn a_typo_names_what_was_meant_on_every_face(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &[], &["a"]);
    let real = id_of(&b, 0);
    let typo = format!(
        "{}{}",
        &real[..real.len() - 1],
        if real.ends_with('z') { 'y' } else { 'z' }
    );
    let cli = t.fails(&["bead", "show", &typo], 3);
    assert_eq!(cli["error"]["candidates"][0]["id"], json!(real), "{cli}");
    assert!(
        cli["error"]["hint"].as_str().unwrap().contains(&real),
        "{cli}"
    );
    let name = b.beads[0].agent.as_ref().unwrap().name.clone();
    let misspelt = format!("{}{}", &name[..1], &name[2..]);
    let agent = t.fails(&["agent", "show", &misspelt], 3);
    assert_eq!(
        agent["error"]["candidates"][0]["name"],
        json!(name),
        "{agent}"
    );

    let mut mcp = crate::mcp::Client::start(&t, &[], &[]);
    mcp.init();
    let refused = mcp.call("gt_bead_show", json!({"bead_id": typo}));
    assert_eq!(refused.code(), "not_found");
    assert_eq!(
        refused.structured["error"]["candidates"][0]["id"],
        json!(real)
    );
    mcp.finish();

    let server = crate::http::Server::start(&t, &[]);
    let answer = crate::http::get(&server, &format!("/api/beads/{typo}"));
    assert_eq!(answer.status, 404);
    let body: Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(body["error"]["candidates"][0]["id"], json!(real), "{body}");
    server.terminate();
}

/// `bead list --search` finds beads by the words of their title or body,
/// in any case, and follows edits and deletes.
pub fn beads_are_found_by_their_words(t: Town) {
    let t = t.with_rig();
    let b = batch(&t, &[], &["Design the session schema", "Expose the API"]);
    let loose: Bead = t.json(&[
        "bead",
        "create",
        "--rig",
        "app",
        "Docs",
        "--body",
        "explain SESSION tokens",
    ]);
    let found = |text: &str, extra: &[&str]| -> Vec<String> {
        let mut args = vec!["bead", "list", "--search", text];
        args.extend_from_slice(extra);
        let beads: Vec<Bead> = t.json(&args);
        beads.into_iter().map(|b| b.id).collect()
    };
    assert_eq!(found("session", &[]), [id_of(&b, 0), loose.id.clone()]);
    assert_eq!(found("ession sch", &[]), [id_of(&b, 0)]);
    assert_eq!(
        found("session", &["--convoy", &b.convoy.id]),
        [id_of(&b, 0)]
    );
    assert_eq!(found("session", &["--status", "open"]), [loose.id.as_str()]);
    assert!(found("nothing like it", &[]).is_empty());
    // Quotes and FTS syntax are plain text.
    assert!(found("\"a\" OR b*", &[]).is_empty());
    t.json::<Value>(&[
        "bead",
        "update",
        &id_of(&b, 1),
        "--title",
        "Sessions over HTTP",
    ]);
    assert_eq!(
        found("session", &[]),
        [id_of(&b, 0), id_of(&b, 1), loose.id.clone()]
    );
    t.json::<Value>(&["bead", "delete", &loose.id]);
    assert_eq!(found("session", &[]), [id_of(&b, 0), id_of(&b, 1)]);
    let short = t.fails(&["bead", "list", "--search", "se"], 2);
    assert!(short["error"]["message"]
        .as_str()
        .unwrap()
        .contains("3 characters"));
}
