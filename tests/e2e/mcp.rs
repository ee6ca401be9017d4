//! `gt mcp` driven by a client gt did not write: the official MCP Python SDK
//! (`mcp` from PyPI, pinned), through `tests/mcp/driver.py`. The seed flows,
//! every edit, the refusals, the modes, and the drift test: each call's tool
//! result equals the command's `--json` on the same town state.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Stdio};

use gt_core::model::{Bead, BeadStatus, ConvoyStatus};
use serde_json::{json, Value};

use crate::support::GT;
use crate::Town;

/// A `gt mcp` server with the SDK's client in front of it.
pub struct Client {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
}

/// One tool result.
#[derive(Debug)]
pub struct ToolResult {
    pub is_error: bool,
    pub structured: Value,
    pub text: String,
}

impl ToolResult {
    /// The error code of a refused call.
    pub fn code(&self) -> &str {
        assert!(self.is_error, "the call succeeded: {}", self.text);
        self.structured["error"]["code"].as_str().unwrap()
    }
}

impl Client {
    /// Starts `gt --db DB [GLOBAL…] mcp ARGS…` under the client.
    pub fn start(t: &Town, global: &[&str], args: &[&str]) -> Client {
        Client::start_with_env(t, global, args, &[])
    }

    /// [`Client::start`] with `env` added (`GT_DELAY` reaches the server).
    pub fn start_with_env(
        t: &Town,
        global: &[&str],
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Client {
        let driver = crate::support::workspace_root().join("tests/mcp/driver.py");
        let mut cmd = t.program(crate::support::python());
        cmd.envs(env.iter().copied());
        cmd.arg(driver).arg(GT).args(["--db", &t.db]).args(global);
        cmd.arg("mcp").args(args);
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let input = child.stdin.take().unwrap();
        let output = BufReader::new(child.stdout.take().unwrap());
        Client {
            child,
            input,
            output,
        }
    }

    fn ask(&mut self, request: Value) -> Value {
        writeln!(self.input, "{request}").unwrap();
        self.input.flush().unwrap();
        let mut line = String::new();
        self.output.read_line(&mut line).unwrap();
        assert!(!line.is_empty(), "the MCP client ended early on {request}");
        serde_json::from_str(&line).unwrap()
    }

    pub fn init(&mut self) -> Value {
        self.ask(json!({"op": "init"}))
    }

    pub fn tools(&mut self) -> Vec<Value> {
        let list = self.ask(json!({"op": "tools"}));
        list["tools"].as_array().unwrap().clone()
    }

    /// Calls a tool; a protocol error fails the test.
    pub fn call(&mut self, tool: &str, arguments: Value) -> ToolResult {
        let answer = self.ask(json!({"op": "call", "tool": tool, "arguments": arguments}));
        assert!(answer.get("protocol_error").is_none(), "{tool}: {answer}");
        ToolResult {
            is_error: answer["isError"].as_bool().unwrap(),
            structured: answer["structuredContent"].clone(),
            text: answer["text"].as_str().unwrap().to_string(),
        }
    }

    /// Calls a tool that must succeed; returns its document.
    pub fn ok(&mut self, tool: &str, arguments: Value) -> Value {
        let r = self.call(tool, arguments);
        assert!(!r.is_error, "{tool} failed: {}", r.text);
        let parsed: Value = serde_json::from_str(&r.text).unwrap();
        assert_eq!(parsed, r.structured, "text and structured content agree");
        r.structured
    }

    /// A protocol-level answer (an unknown tool).
    pub fn protocol_error(&mut self, tool: &str) -> String {
        let answer = self.ask(json!({"op": "call", "tool": tool, "arguments": {}}));
        answer["protocol_error"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Closes stdin: the server must end cleanly.
    pub fn finish(mut self) {
        drop(self.input);
        let status = self.child.wait().unwrap();
        assert!(
            status.success(),
            "the MCP client or server failed: {status}"
        );
    }
}

fn id(doc: &Value) -> String {
    doc["id"].as_str().unwrap().to_string()
}

/// Seed 000 through the tools: a diamond batch lands as its beads close in
/// order, each dispatched when its blockers close.
pub fn mcp_diamond_flow_lands_once(t: Town) {
    let t = t.with_rig();
    // With the output schemas declared, the SDK checks every result by them.
    let mut c = Client::start(&t, &[], &["--output-schemas"]);
    let init = c.init();
    assert_eq!(init["serverInfo"]["name"], "gt");
    let instructions = init["instructions"].as_str().unwrap();
    assert!(instructions.contains("`gt_sling_batch`"), "{instructions}");
    assert!(
        !instructions.contains("`sling-batch`"),
        "tools, not commands"
    );
    let batch = c.ok(
        "gt_sling_batch",
        json!({
            "rig_id": "app",
            "convoy_title": "Sessions",
            "tasks": [
                {"title": "Schema"},
                {"title": "API", "depends_on": [0]},
                {"title": "UI", "depends_on": [0]},
                {"title": "Docs", "depends_on": [1, 2], "priority": "high"}
            ]
        }),
    );
    let convoy = id(&batch["convoy"]);
    let beads: Vec<String> = batch["beads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| id(&b["bead"]))
        .collect();
    assert_eq!(batch["beads"][0]["dispatched"], true);
    assert_eq!(batch["beads"][3]["dispatched"], false);
    assert_eq!(batch["convoy"]["created_by"], "mayor", "the MCP actor");
    let status = c.ok("gt_convoy_status", json!({ "convoy_id": convoy }));
    assert_eq!(
        status["beads"][3]["blocked_by"].as_array().unwrap().len(),
        2
    );
    let listed = c.ok("gt_list_convoys", json!({}));
    assert_eq!(listed["convoys"][0]["id"], json!(convoy));
    for bead in &beads {
        let closed = c.ok(
            "gt_bead_update",
            json!({"bead_id": bead, "status": "closed"}),
        );
        assert_eq!(closed["status"], "closed");
    }
    let landed = c.ok("gt_convoy_status", json!({ "convoy_id": &convoy[..5] }));
    assert_eq!(landed["status"], json!(ConvoyStatus::Landed));
    c.finish();
    t.assert_landed_once(&convoy, 4);
}

/// Seed 004's edits through the tools, each one audited like the command's.
pub fn mcp_edits_wonky_state(t: Town) {
    let t = t.with_rig();
    let mut c = Client::start(&t, &["--actor", "alice"], &[]);
    let slung = c.ok("gt_sling", json!({"rig_id": "app", "title": "Fix login"}));
    let bead = id(&slung["bead"]);
    let toast = slung["agent"]["name"].as_str().unwrap().to_string();
    let updated = c.ok(
        "gt_bead_update",
        json!({
            "bead_id": bead, "title": "Fix the login", "priority": "critical",
            "labels": ["auth", "bug"], "metadata": {"pr": 12, "note": "x"}
        }),
    );
    assert_eq!(updated["title"], "Fix the login");
    assert_eq!(updated["labels"], json!(["auth", "bug"]));
    let unset = c.ok(
        "gt_bead_update",
        json!({"bead_id": bead, "metadata": {"note": null}, "remove_labels": ["bug"]}),
    );
    assert_eq!(unset["metadata"], json!({"pr": 12}));
    assert_eq!(unset["labels"], json!(["auth"]));
    let moved = c.ok("gt_bead_reassign", json!({"bead_id": bead, "new": true}));
    let maple = moved["agent"]["name"].as_str().unwrap().to_string();
    assert_ne!(maple, toast);
    let back = c.ok(
        "gt_bead_reassign",
        json!({"bead_id": bead, "agent_id": toast}),
    );
    assert_eq!(back["agent"]["name"], json!(toast));
    let reset = c.ok("gt_agent_reset", json!({"agent_id": toast}));
    assert_eq!(reset["agent"]["status"], "idle");
    assert_eq!(reset["released_bead"]["status"], "open");
    let hook = c.ok("gt_hook", json!({"agent_id": toast}));
    assert_eq!(hook["bead"], Value::Null);
    let agents = c.ok("gt_list_agents", json!({"rig_id": "app"}));
    assert_eq!(agents["agents"].as_array().unwrap().len(), 2);
    let b = c.ok(
        "gt_sling_batch",
        json!({"rig_id": "app", "convoy_title": "Batch", "tasks": [{"title": "a"}, {"title": "b"}]}),
    );
    let cv = id(&b["convoy"]);
    let mode = c.ok(
        "gt_convoy_update",
        json!({"convoy_id": cv, "merge_mode": "review-and-merge", "feature_branch": "feat/x"}),
    );
    assert_eq!(
        (mode["merge_mode"].clone(), mode["feature_branch"].clone()),
        (json!("review-and-merge"), json!("feat/x"))
    );
    let added = c.ok(
        "gt_convoy_add_beads",
        json!({"convoy_id": cv, "bead_ids": [bead]}),
    );
    assert_eq!(added["total_beads"], 3);
    let removed = c.ok(
        "gt_convoy_remove_beads",
        json!({"convoy_id": cv, "bead_ids": [bead]}),
    );
    assert_eq!(removed["total_beads"], 2);
    let closed = c.ok(
        "gt_convoy_close",
        json!({"convoy_id": cv, "close_beads": true, "reason": "done by hand"}),
    );
    assert_eq!(closed["status"], "closed");
    let esc = c.ok(
        "gt_escalation_raise",
        json!({"message": "Toast looks stuck", "severity": "high", "agent_id": toast}),
    );
    let acked = c.ok(
        "gt_escalation_acknowledge",
        json!({"escalation_id": id(&esc)}),
    );
    assert_eq!(acked["already_acknowledged"], false);
    let again = c.ok(
        "gt_escalation_acknowledge",
        json!({"escalation_id": id(&esc)}),
    );
    assert_eq!(again["already_acknowledged"], true);
    let resolved = c.ok(
        "gt_escalation_resolve",
        json!({"escalation_id": id(&esc), "note": "fine"}),
    );
    assert_eq!(resolved["status"], "resolved");
    let deleted = c.ok("gt_bead_delete", json!({"bead_id": bead}));
    assert_eq!(deleted["deleted"], json!(bead));
    let events = c.ok("gt_events", json!({"subject_id": bead, "limit": 0}));
    let events = events["events"].as_array().unwrap();
    assert!(events.iter().all(|e| e["actor"] == "alice"), "{events:?}");
    assert_eq!(events.last().unwrap()["event_type"], "deleted");
    let doctor = c.ok("gt_doctor", json!({}));
    assert_eq!(doctor, json!({"violations": []}));
    c.finish();
}

/// Refusals are tool errors with the JSON error of §4, nothing written; a
/// malformed call is a usage error; the server keeps serving after each.
pub fn mcp_refusals_write_nothing(t: Town) {
    let t = t.with_rig();
    let mut c = Client::start(&t, &[], &[]);
    let events = t.count("events");
    assert_eq!(
        c.call("gt_bead_show", json!({"bead_id": "gt-zzzzz"}))
            .code(),
        "not_found"
    );
    let bad = c.call("gt_list_beads", json!({"status": "done"}));
    assert_eq!(bad.code(), "usage");
    assert!(bad.structured["error"]["message"]
        .as_str()
        .unwrap()
        .contains("done"));
    assert_eq!(
        c.call("gt_bead_show", json!({"bead_id": "gt-1", "colour": "red"}))
            .code(),
        "usage"
    );
    assert_eq!(c.call("gt_bead_show", json!({})).code(), "usage");
    let cyclic = c.call(
        "gt_sling_batch",
        json!({"rig_id": "app", "convoy_title": "Loop", "tasks": [
            {"title": "a", "depends_on": [1]}, {"title": "b", "depends_on": [0]}
        ]}),
    );
    assert_eq!(cyclic.code(), "usage");
    assert!(cyclic.text.contains("cycle"), "{}", cyclic.text);
    assert_eq!(
        c.call("gt_sling", json!({"rig_id": "nowhere", "title": "x"}))
            .code(),
        "not_found"
    );
    let reassign = c.call(
        "gt_bead_reassign",
        json!({"bead_id": "gt-1", "new": true, "agent_id": "Toast"}),
    );
    assert_eq!(reassign.code(), "usage");
    assert!(c.protocol_error("gt_no_such_tool").contains("unknown tool"));
    assert_eq!(t.count("events"), events, "refusals write nothing");
    assert_eq!(t.count("beads"), 0);
    // Still serving.
    c.ok("gt_list_rigs", json!({}));
    c.finish();
}

/// `--read-only` serves the tools that read, and refuses the others.
pub fn mcp_read_only_serves_reads(t: Town) {
    let t = t.with_rig();
    let mut c = Client::start(&t, &[], &["--read-only"]);
    let tools = c.tools();
    assert!(!tools.is_empty());
    for tool in &tools {
        assert_eq!(tool["annotations"]["readOnlyHint"], true, "{tool}");
    }
    let names: Vec<&str> = tools.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"gt_convoy_status") && !names.contains(&"gt_sling"));
    assert_eq!(
        c.call("gt_sling", json!({"rig_id": "app", "title": "x"}))
            .code(),
        "forbidden"
    );
    assert_eq!(t.count("beads"), 0);
    c.finish();
}

/// `--polecat AGENT`: its own bead is editable the ways a polecat reports
/// work; any other bead, field or tool is refused with `forbidden`.
pub fn mcp_polecat_edits_only_its_own_bead(t: Town) {
    let t = t.with_rig();
    let mine: gt_core::ops::sling::Slung = t.json(&["sling", "--rig", "app", "mine"]);
    let other: gt_core::ops::sling::Slung = t.json(&["sling", "--rig", "app", "other"]);
    let me = mine.agent.name.clone();
    let mut c = Client::start(&t, &[], &["--polecat", &me]);
    let names: Vec<String> = c
        .tools()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names.len(), 7, "{names:?}");
    let hook = c.ok("gt_hook", json!({}));
    assert_eq!(hook["bead"]["id"], json!(mine.bead.id));
    let beat = c.ok("gt_agent_heartbeat", json!({}));
    assert_eq!(beat["name"], json!(me));
    let theirs = c.call(
        "gt_bead_update",
        json!({"bead_id": other.bead.id, "status": "closed"}),
    );
    assert_eq!(theirs.code(), "forbidden");
    let field = c.call("gt_bead_update", json!({"priority": "low"}));
    assert_eq!(field.code(), "forbidden");
    let status = c.call("gt_bead_update", json!({"status": "open"}));
    assert_eq!(status.code(), "forbidden");
    let as_other = c.call("gt_agent_heartbeat", json!({"agent_id": other.agent.name}));
    assert_eq!(as_other.code(), "forbidden");
    assert_eq!(
        c.call("gt_sling", json!({"rig_id": "app", "title": "x"}))
            .code(),
        "forbidden"
    );
    let esc = c.ok("gt_escalation_raise", json!({"message": "need a hand"}));
    assert_eq!(esc["agent"], json!(me));
    // Prefixes and other references that would enumerate the town: forbidden,
    // with no other record's ID, name or title in the reply.
    let secrets = [
        other.bead.id.as_str(),
        other.agent.id.as_str(),
        other.agent.name.as_str(),
        "other",
    ];
    for (tool, arguments) in [
        (
            "gt_bead_update",
            json!({"bead_id": "gt-", "status": "closed"}),
        ),
        (
            "gt_bead_update",
            json!({"bead_id": "gt-zzzzzz", "status": "closed"}),
        ),
        (
            "gt_bead_update",
            json!({"bead_id": &other.bead.id[..4], "status": "closed"}),
        ),
        ("gt_hook", json!({"agent_id": "ag-"})),
        (
            "gt_hook",
            json!({"agent_id": &other.agent.name[..other.agent.name.len() - 1]}),
        ),
        ("gt_agent_heartbeat", json!({"agent_id": "ag-"})),
        (
            "gt_escalation_raise",
            json!({"message": "m", "bead_id": "gt-"}),
        ),
        (
            "gt_escalation_raise",
            json!({"message": "m", "bead_id": other.bead.id}),
        ),
        (
            "gt_escalation_raise",
            json!({"message": "m", "rig_id": "elsewhere"}),
        ),
        (
            "gt_escalation_raise",
            json!({"message": "m", "agent_id": "ag-"}),
        ),
    ] {
        let refused = c.call(tool, arguments.clone());
        assert_eq!(
            refused.code(),
            "forbidden",
            "{tool} {arguments}: {}",
            refused.text
        );
        for secret in secrets {
            assert!(
                !refused.text.contains(secret),
                "{tool} {arguments} told {secret}: {}",
                refused.text
            );
        }
    }
    let own_rig = c.ok(
        "gt_escalation_raise",
        json!({"message": "m", "rig_id": "app", "bead_id": mine.bead.id}),
    );
    assert_eq!(own_rig["bead"], json!(mine.bead.id));
    let done = c.ok(
        "gt_bead_update",
        json!({"status": "in_review", "title": "mine, done"}),
    );
    assert_eq!(done["status"], json!(BeadStatus::InReview));
    c.finish();
    let other_now: Bead = t.json(&["bead", "show", &other.bead.id]);
    assert_eq!(other_now.status, BeadStatus::InProgress, "untouched");
}

/// A polecat's report racing a reassignment of its bead never lands on a bead
/// that is no longer its own: the server's look at the hook is made again
/// inside the write. The server waits a second between its look and its
/// write (a delay point), and the reassignment comes in that second, each
/// round; a report that does land came before the reassignment.
pub fn mcp_polecat_report_racing_a_reassign_lands_only_on_its_own_bead(t: Town) {
    let t = t.with_rig();
    let mut refused = 0;
    for round in 0..4 {
        let slung: gt_core::ops::sling::Slung =
            t.json(&["sling", "--rig", "app", &format!("race {round}")]);
        let bead = slung.bead.id.clone();
        let mut c = Client::start_with_env(
            &t,
            &[],
            &["--polecat", &slung.agent.name],
            &[("GT_DELAY", "bead-update=1000")],
        );
        c.init();
        let mut cmd = t.command(&["--json", "bead", "reassign", &bead, "--new"]);
        let reassign = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            cmd.output().unwrap()
        });
        let report = c.call("gt_bead_update", json!({"status": "in_review"}));
        let reassigned = reassign.join().unwrap();
        assert!(reassigned.status.success(), "{reassigned:?}");
        c.finish();
        let events: Vec<gt_core::model::Event> =
            t.json(&["events", "--subject", &bead, "--limit", "0"]);
        let reported = events
            .iter()
            .position(|e| e.event_type == "status_changed" && e.new_value == json!("in_review"));
        let moved = events
            .iter()
            .position(|e| e.event_type == "unhooked")
            .expect("the reassignment unhooked the polecat");
        if report.is_error {
            assert_eq!(report.code(), "forbidden", "{}", report.text);
            assert_eq!(reported, None, "a refused report wrote nothing");
            refused += 1;
        } else {
            assert!(
                reported.expect("a report that landed") < moved,
                "{events:?}"
            );
        }
    }
    assert!(refused > 0, "the race window was never hit");
}

/// IDs and times of a document replaced by what they are, so that documents
/// made on two copies of one town compare equal: each distinct ID by its
/// order of first appearance.
fn normalized(doc: &Value) -> Value {
    fn walk(v: &Value, ids: &mut Vec<String>) -> Value {
        match v {
            Value::String(s) => {
                let is_time =
                    s.len() == 24 && s.ends_with('Z') && s.as_bytes().get(10) == Some(&b'T');
                let is_id = ["gt-", "cv-", "ag-", "es-", "rg-", "ml-", "hs-"]
                    .iter()
                    .any(|p| s.starts_with(p))
                    && s[3..]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
                if is_time {
                    json!("<time>")
                } else if s.starts_with('/') && s.ends_with(".log") {
                    // Each copy of the town keeps its logs in its own home.
                    json!("<log file>")
                } else if is_id {
                    let n = ids.iter().position(|i| i == s).unwrap_or_else(|| {
                        ids.push(s.clone());
                        ids.len() - 1
                    });
                    json!(format!("<id {n}>"))
                } else {
                    v.clone()
                }
            }
            Value::Array(items) => Value::Array(items.iter().map(|i| walk(i, ids)).collect()),
            Value::Object(map) => {
                Value::Object(map.iter().map(|(k, v)| (k.clone(), walk(v, ids))).collect())
            }
            other => other.clone(),
        }
    }
    walk(doc, &mut Vec::new())
}

/// The drift test: every call of the catalogue, made once through the
/// command line and once through its tool, each on its own copy of the same
/// town, gives the same document (a list unwrapped from its noun).
pub fn drift_cli_json_equals_mcp_structured_content() {
    let seed = Town::sqlite().with_rig();
    let b: gt_core::ops::sling::SlungBatch = seed.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Drift",
        "--max-polecats",
        "2",
        "--task",
        "a",
        "--task",
        "b",
        "--task",
        "c",
    ]);
    let s: gt_core::ops::sling::Slung = seed.json(&["sling", "--rig", "app", "solo"]);
    // A convoy closed by hand, to reopen.
    let shut: Value = seed.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Shut",
        "--task",
        "x",
    ]);
    let shut = id(&shut["convoy"]);
    seed.json::<Value>(&["convoy", "close", &shut, "--reason", "by mistake"]);
    // A bead on no hook, for a convoy whose polecats are all at work to take.
    let loose: Value = seed.json(&["bead", "create", "--rig", "app", "loose"]);
    let loose = id(&loose);
    let esc: Value = seed.json(&["escalation", "raise", "look", "--bead", &s.bead.id]);
    let (cv, a, bead_b) = (
        b.convoy.id.clone(),
        b.beads[0].bead.id.clone(),
        b.beads[1].bead.id.clone(),
    );
    let agent = s.agent.name.clone();
    let first = b.beads[0].agent.as_ref().unwrap().name.clone();
    // A bead outside the convoy that waits for one of it.
    seed.json::<Value>(&[
        "bead",
        "create",
        "--rig",
        "app",
        "after a",
        "--depends-on",
        &a,
    ]);
    let es = id(&esc);
    let sent: Value = seed.json(&[
        "mail",
        "send",
        "--to",
        &agent,
        "--subject",
        "Hello",
        "--bead",
        &s.bead.id,
    ]);
    let ml = sent["messages"][0]["id"].as_str().unwrap().to_string();
    let tasks = seed.write(
        "tasks.json",
        r#"[{"title": "one"}, {"title": "two", "depends_on": [0]}]"#,
    );
    // (tool, its arguments, the same command line)
    let cases: Vec<(&str, Value, Vec<String>)> = vec![
        ("gt_list_rigs", json!({}), vec!["rig list".into()]),
        (
            "gt_rig_add",
            json!({"name": "web", "git_url": "https://example.com/w.git"}),
            vec!["rig add web --git-url https://example.com/w.git".into()],
        ),
        (
            "gt_sling",
            json!({"rig_id": "app", "title": "more", "priority": "high", "labels": ["x"]}),
            vec!["sling --rig app more --priority high --label x".into()],
        ),
        (
            "gt_sling_batch",
            json!({"rig_id": "app", "convoy_title": "B", "tasks": [{"title": "one"}, {"title": "two", "depends_on": [0]}], "max_polecats": 1}),
            vec![format!(
                "sling-batch --rig app --title B --tasks-file {tasks} --max-polecats 1"
            )],
        ),
        (
            "gt_list_convoys",
            json!({"all": true}),
            vec!["convoy list --all".into()],
        ),
        (
            "gt_convoy_status",
            json!({"convoy_id": cv}),
            vec![format!("convoy status {cv}")],
        ),
        (
            "gt_convoy_close",
            json!({"convoy_id": cv, "failed": true, "reason": "stop"}),
            vec![format!("convoy close {cv} --failed --reason stop")],
        ),
        (
            "gt_convoy_update",
            json!({"convoy_id": cv, "title": "Renamed"}),
            vec![format!("convoy update {cv} --title Renamed")],
        ),
        (
            "gt_convoy_add_beads",
            json!({"convoy_id": cv, "bead_ids": [loose]}),
            vec![format!("convoy add {cv} {loose}")],
        ),
        (
            "gt_convoy_remove_beads",
            json!({"convoy_id": cv, "bead_ids": [a]}),
            vec![format!("convoy remove {cv} {a}")],
        ),
        (
            "gt_convoy_delete",
            json!({"convoy_id": cv}),
            vec![format!("convoy delete {cv}")],
        ),
        (
            "gt_list_beads",
            json!({"convoy_id": cv, "status": "open"}),
            vec![format!("bead list --convoy {cv} --status open")],
        ),
        (
            "gt_list_beads",
            json!({"depends_on": a}),
            vec![format!("bead list --depends-on {a}")],
        ),
        (
            "gt_bead_show",
            json!({"bead_id": a}),
            vec![format!("bead show {a}")],
        ),
        (
            "gt_bead_create",
            json!({"rig_id": "app", "title": "loose", "depends_on": [a]}),
            vec![format!("bead create --rig app loose --depends-on {a}")],
        ),
        (
            "gt_bead_create",
            json!({"rig_id": "app", "title": "inserted", "convoy_id": cv}),
            vec![format!("bead create --rig app inserted --convoy {cv}")],
        ),
        (
            "gt_bead_update",
            json!({"bead_id": bead_b, "add_depends_on": [s.bead.id]}),
            vec![format!(
                "bead update {bead_b} --add-depends-on {}",
                s.bead.id
            )],
        ),
        (
            "gt_bead_update",
            json!({"bead_id": a, "status": "closed"}),
            vec![format!("bead update {a} --status closed")],
        ),
        (
            "gt_bead_reassign",
            json!({"bead_id": bead_b, "new": true}),
            vec![format!("bead reassign {bead_b} --new")],
        ),
        (
            "gt_bead_delete",
            json!({"bead_id": a, "force": true}),
            vec![format!("bead delete {a} --force")],
        ),
        (
            "gt_list_agents",
            json!({"limit": 1}),
            vec!["agent list --limit 1".into()],
        ),
        (
            "gt_list_agents",
            json!({"after": first, "limit": 5}),
            vec![format!("agent list --after {first} --limit 5")],
        ),
        (
            "gt_list_agents",
            json!({"status": "working"}),
            vec!["agent list --status working".into()],
        ),
        (
            "gt_agent_show",
            json!({"agent_id": agent}),
            vec![format!("agent show {agent}")],
        ),
        (
            "gt_agent_update",
            json!({"agent_id": agent, "pid": 4242}),
            vec![format!("agent update {agent} --pid 4242")],
        ),
        (
            "gt_agent_reset",
            json!({"agent_id": agent}),
            vec![format!("agent reset {agent}")],
        ),
        (
            "gt_agent_delete",
            json!({"agent_id": agent, "force": true}),
            vec![format!("agent delete {agent} --force")],
        ),
        (
            "gt_agent_heartbeat",
            json!({"agent_id": agent}),
            vec![format!("agent heartbeat {agent}")],
        ),
        (
            "gt_hook",
            json!({"agent_id": agent}),
            vec![format!("hook --agent {agent}")],
        ),
        (
            "gt_agent_logs",
            json!({"agent_id": agent, "lines": 2}),
            vec![format!("agent logs {agent} --lines 2")],
        ),
        ("gt_list_hosts", json!({}), vec!["host list".into()]),
        (
            "gt_convoy_reopen",
            json!({"convoy_id": shut}),
            vec![format!("convoy reopen {shut}")],
        ),
        (
            "gt_status",
            json!({"events": 5}),
            vec!["status --events 5".into()],
        ),
        (
            "gt_list_escalations",
            json!({"all": true}),
            vec!["escalation list --all".into()],
        ),
        (
            "gt_escalation_raise",
            json!({"message": "help", "severity": "critical", "rig_id": "app"}),
            vec!["escalation raise help --severity critical --rig app".into()],
        ),
        (
            "gt_escalation_acknowledge",
            json!({"escalation_id": es}),
            vec![format!("escalation ack {es}")],
        ),
        (
            "gt_escalation_resolve",
            json!({"escalation_id": es, "note": "ok"}),
            vec![format!("escalation resolve {es} --note ok")],
        ),
        (
            "gt_mail_send",
            json!({"to": format!("convoy:{cv}"), "subject": "Freeze", "body": "now"}),
            vec![format!(
                "mail send --to convoy:{cv} --subject Freeze --body now"
            )],
        ),
        (
            "gt_mail_send",
            json!({"reply_to": ml, "body": "thanks"}),
            vec![format!("mail send --reply-to {ml} --body thanks")],
        ),
        (
            "gt_mail_inbox",
            json!({"who": agent}),
            vec![format!("mail inbox {agent}")],
        ),
        (
            "gt_mail_read",
            json!({"mail_id": ml}),
            vec![format!("mail read {ml}")],
        ),
        (
            "gt_events",
            json!({"subject_id": a, "limit": 0}),
            vec![format!("events --subject {a} --limit 0")],
        ),
        (
            "gt_events",
            json!({"before": 12, "limit": 4}),
            vec!["events --before 12 --limit 4".into()],
        ),
        (
            "gt_patrol",
            json!({"dry_run": true}),
            vec!["patrol --dry-run".into()],
        ),
        ("gt_doctor", json!({}), vec!["doctor".into()]),
    ];
    let tools: Vec<&str> = cases.iter().map(|c| c.0).collect();
    for entry in gt_core::calls::catalogue() {
        assert!(
            tools.contains(&entry.spec.tool),
            "the drift test has no case for {}",
            entry.spec.tool
        );
    }
    let seed = &seed;
    let check = move |n: usize, tool: &str, arguments: Value, cli: Vec<String>| {
        let copy = || {
            let t = Town::sqlite();
            for suffix in ["", "-wal"] {
                let from = format!("{}{suffix}", seed.db);
                if Path::new(&from).exists() {
                    std::fs::copy(&from, format!("{}{suffix}", t.db)).unwrap();
                }
            }
            // A log of a run of the solo bead, where `gt run` keeps it.
            let logs = t.path("logs").join(&agent);
            std::fs::create_dir_all(&logs).unwrap();
            std::fs::write(
                logs.join(format!("{}-1.log", s.bead.id)),
                "one\ntwo\nthree\n",
            )
            .unwrap();
            t
        };
        let (by_cli, by_mcp) = (copy(), copy());
        let mut args = vec!["--json".to_string()];
        args.extend(shell_words(&cli[0]));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        // The MCP server's actor when none is given.
        let run = crate::support::Run::of(by_cli.command(&args).env("GT_ACTOR", "mayor"));
        assert!(
            run.code == 0 || run.code == 4,
            "case {n}, gt {}: {}",
            cli[0],
            run.stderr
        );
        let cli_doc: Value = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("case {n}, gt {}: {e}: {}", cli[0], run.stderr));
        let mut c = Client::start(&by_mcp, &[], &[]);
        let result = c.call(tool, arguments);
        c.finish();
        let mut mcp_doc = result.structured.clone();
        if let Some(noun) = gt_core::calls::by_tool(tool).and_then(|e| e.spec.list) {
            mcp_doc = mcp_doc[noun].clone();
        }
        assert_eq!(
            normalized(&cli_doc),
            normalized(&mcp_doc),
            "{tool} and gt {}",
            cli[0]
        );
        // The text content is the command's --json, byte for byte.
        if gt_core::calls::by_tool(tool)
            .and_then(|e| e.spec.list)
            .is_none()
        {
            let text: Value = serde_json::from_str(&result.text).unwrap();
            assert_eq!(normalized(&text), normalized(&cli_doc));
        }
    };
    // Each case starts a client (about a second): four at a time.
    let cases: Vec<_> = cases.into_iter().enumerate().collect();
    std::thread::scope(|scope| {
        for chunk in cases.chunks(cases.len().div_ceil(4)) {
            let check = &check;
            scope.spawn(move || {
                for (n, (tool, arguments, cli)) in chunk.iter().cloned() {
                    check(n, tool, arguments, cli);
                }
            });
        }
    });
}

/// Splits a command line written without quotes.
fn shell_words(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_string).collect()
}

/// A town that is busy (a writer holds SQLite's lock) or down (the rqlite
/// node is gone) is a tool error `unavailable` after the lock timeout, never
/// a hung or crashed server: the next call is answered.
pub fn mcp_busy_or_down_town_is_unavailable() {
    let t = Town::sqlite().with_rig();
    let mut c = Client::start(&t, &["--lock-timeout", "1s"], &[]);
    let lock = rusqlite::Connection::open(&t.db).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE").unwrap();
    let busy = c.call("gt_sling", json!({"rig_id": "app", "title": "x"}));
    assert_eq!(busy.code(), "unavailable", "{}", busy.text);
    lock.execute_batch("ROLLBACK").unwrap();
    c.ok("gt_sling", json!({"rig_id": "app", "title": "x"}));
    c.finish();

    let mut t = Town::rqlite().with_rig();
    let mut c = Client::start(&t, &["--lock-timeout", "2s"], &[]);
    c.ok("gt_list_rigs", json!({}));
    t.node.as_mut().unwrap().kill();
    for _ in 0..2 {
        let down = c.call("gt_list_rigs", json!({}));
        assert_eq!(down.code(), "unavailable", "{}", down.text);
    }
    c.finish();
}

/// Three MCP servers and a command line close the beads of one convoy at
/// once: every close lands, the convoy lands once (R11 on every face).
pub fn mcp_servers_and_the_cli_write_one_town_at_once(t: Town) {
    let t = t.with_rig();
    let tasks: Vec<String> = (0..12).map(|i| format!("task {i}")).collect();
    let mut args = vec!["sling-batch", "--rig", "app", "--title", "Race"];
    for task in &tasks {
        args.extend(["--task", task.as_str()]);
    }
    let b: gt_core::ops::sling::SlungBatch = t.json(&args);
    let ids: Vec<String> = b.beads.iter().map(|x| x.bead.id.clone()).collect();
    std::thread::scope(|scope| {
        for (i, chunk) in ids.chunks(3).enumerate() {
            let t = &t;
            scope.spawn(move || {
                if i == 3 {
                    for id in chunk {
                        t.json::<Bead>(&["bead", "update", id, "--status", "closed"]);
                    }
                    return;
                }
                let mut c = Client::start(t, &[], &[]);
                for id in chunk {
                    c.ok("gt_bead_update", json!({"bead_id": id, "status": "closed"}));
                }
                c.finish();
            });
        }
    });
    t.assert_landed_once(&b.convoy.id, 12);
}
