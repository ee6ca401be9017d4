//! Hostile input, table by table, on a seeded town (so that a `%` or `_`
//! taken as a wildcard would match something), on both backends: each input
//! has its expected exit code, a refusal writes nothing, and whatever is
//! accepted is read back exactly, through the CLI and through HTTP.

use serde_json::{json, Value};

use crate::http::{get, send, Server};
use crate::support::Town;

/// A town with beads whose titles are wildcard characters and agents from
/// the name pool: what a LIKE without escaping would match.
fn seeded(t: Town) -> (Town, Vec<String>) {
    let t = t.with_rig();
    let mut args = vec!["sling-batch", "--rig", "app", "--title", "seed"];
    for title in ["%", "_", "a_b", "100%", "Toast"] {
        args.extend(["--task", title]);
    }
    let batch: Value = t.json(&args);
    let ids = batch["beads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["bead"]["id"].as_str().unwrap().to_string())
        .collect();
    (t, ids)
}

/// References that name nothing (or too little), each with its exit code:
/// none may match a seeded bead, agent or convoy by accident.
pub fn hostile_references_fail_with_their_exit_code(t: Town) {
    let (t, beads) = seeded(t);
    let bead = beads[0].as_str();
    let table: &[(&[&str], i32)] = &[
        (&["bead", "show", "%"], 2),
        (&["bead", "show", "_"], 2),
        (&["bead", "show", "gt-%"], 3),
        (&["bead", "show", "gt-_"], 3),
        (&["bead", "show", "gt-%%%"], 3),
        (&["bead", "show", "___"], 3),
        (&["bead", "show", "' OR 1=1 --"], 3),
        (&["bead", "show", "gt-\u{202e}"], 3),
        // Surrounding blanks are trimmed: this is `gt-`, every bead.
        (&["bead", "show", "gt-\n"], 4),
        (&["agent", "show", "%"], 2),
        (&["agent", "show", "T%"], 2),
        (&["agent", "show", "T_ast"], 3),
        (&["agent", "show", "ag-%"], 3),
        (&["convoy", "status", "cv-_"], 3),
        (&["convoy", "status", "%%%"], 3),
        (&["events", "--subject", "%", "--limit", "1"], 3),
        (&["bead", "list", "--label", "%"], 0),
        (&["bead", "list", "--assignee", "%"], 0),
        (&["bead", "update", bead, "--status", "OPEN; DROP"], 2),
        (&["bead", "update", bead, "--priority", "\u{1}"], 2),
        (&["bead", "update", bead, "--meta", "=x"], 2),
        (&["bead", "update", bead, "--add-depends-on", bead], 2),
        (&["bead", "update", bead, "--add-depends-on", "gt-%"], 3),
        (&["agent", "update", "Toast", "--pid", "-1"], 2),
        (&["agent", "update", "Toast", "--pid", "1.5"], 2),
        (
            &["agent", "update", "Toast", "--pid", "99999999999999999999"],
            2,
        ),
        (&["events", "--limit", "-1"], 2),
        (&["events", "--since", "yesterday at noon"], 2),
        (
            &[
                "sling-batch",
                "--rig",
                "app",
                "--title",
                "t",
                "--task",
                "x",
                "--max-polecats",
                "0",
            ],
            2,
        ),
        (
            &[
                "sling-batch",
                "--rig",
                "app",
                "--title",
                "t",
                "--task",
                "x",
                "--max-polecats",
                "-3",
            ],
            2,
        ),
    ];
    let (events, beads_before) = (t.count("events"), t.count("beads"));
    for (args, code) in table {
        let mut full = vec!["--json"];
        full.extend_from_slice(args);
        let run = t.run(&full);
        assert_eq!(run.code, *code, "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{args:?}");
        if *code == 0 {
            let v: Value = serde_json::from_str(&run.stdout).unwrap();
            assert_eq!(v, json!([]), "{args:?} matched something");
        } else {
            assert!(run.stdout.is_empty(), "{args:?}");
            let e: Value = serde_json::from_str(run.stderr.trim()).unwrap();
            assert!(e["error"]["hint"].is_string() || e["error"]["message"].is_string());
        }
    }
    assert_eq!(
        (t.count("events"), t.count("beads")),
        (events, beads_before)
    );
}

/// Text that is data: stored exactly and read back the same, as a title, a
/// body, a label and a metadata value, then through `bead update`.
pub fn hostile_text_is_stored_exactly(t: Town) {
    let (t, beads) = seeded(t);
    let texts = [
        "line one\nline two",
        "carriage\rreturn",
        "tab\tand\u{7f}delete",
        "\u{202e}right-to-left\u{202c} and \u{200b}zero width",
        "'; DROP TABLE beads; --",
        "\\ \" ' ` $(rm -rf /) %s %n",
        "--looks-like-a-flag",
        "emoji 👩‍👩‍👧 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "\u{1b}[31mred\u{1b}[0m",
    ];
    for text in texts {
        let (body, label, meta) = (
            format!("--body={text}"),
            format!("--label={text}"),
            format!("--meta=k={text}"),
        );
        let made: Value = t.json(&["bead", "create", "--rig", "app", &body, &label, "--", text]);
        let id = made["id"].as_str().unwrap();
        let shown: Value = t.json(&["bead", "show", id]);
        assert_eq!(shown["title"].as_str(), Some(text));
        assert_eq!(shown["body"].as_str(), Some(text));
        assert_eq!(shown["labels"], json!([text]));
        let title = format!("--title={text}");
        t.json::<Value>(&["bead", "update", &beads[1], &title, &meta]);
        let updated: Value = t.json(&["bead", "show", &beads[1]]);
        assert_eq!(updated["title"].as_str(), Some(text));
        assert_eq!(updated["metadata"]["k"].as_str(), Some(text));
        // The audit log has it exactly too.
        let events: Vec<Value> = t.json(&["events", "--subject", id, "--limit", "1"]);
        assert_eq!(events[0]["new_value"]["title"].as_str(), Some(text));
        // And the human output shows it without its control characters.
        let human = t.run(&["bead", "show", id]);
        assert_eq!(human.code, 0);
        assert!(!human.stdout.contains('\u{1b}'), "{}", human.stdout);
    }
    // Each text at its limit is stored exactly; one character more is refused,
    // naming the field and its limit, with nothing written.
    let (title, body, label, value) = (
        "é".repeat(200),
        "é".repeat(32 * 1024),
        "é".repeat(64),
        "é".repeat(2 * 1024),
    );
    let made: Value = t.json(&[
        "bead",
        "create",
        "--rig",
        "app",
        &format!("--body={body}"),
        &format!("--label={label}"),
        "--",
        &title,
    ]);
    let made = made["id"].as_str().unwrap();
    t.json::<Value>(&["bead", "update", made, &format!("--meta=k={value}")]);
    let shown: Value = t.json(&["bead", "show", made]);
    assert_eq!(shown["title"].as_str(), Some(title.as_str()));
    assert_eq!(shown["body"].as_str(), Some(body.as_str()));
    assert_eq!(shown["labels"], json!([label]));
    assert_eq!(shown["metadata"]["k"].as_str(), Some(value.as_str()));
    let events = t.count("events");
    for (flag, field, limit) in [
        (format!("--title={title}é"), "title", "200 characters"),
        (format!("--body={body}é"), "body", "65536 bytes"),
        (format!("--add-label={label}é"), "label", "64 characters"),
        (format!("--meta=k={value}é"), "metadata value", "4096 bytes"),
    ] {
        let e = t.fails(&["bead", "update", &beads[1], &flag], 2);
        let message = e["error"]["message"].as_str().unwrap();
        assert!(
            message.contains(field) && message.contains(limit),
            "{message}"
        );
    }
    let e = t.fails(&["--actor", &"a".repeat(129), "bead", "show", &beads[1]], 2);
    assert!(e["error"]["message"].as_str().unwrap().contains("actor"));
    assert_eq!(t.count("events"), events, "refusals wrote nothing");
}

/// Task files with hostile values: each refused (exit 2, nothing written) or
/// stored exactly.
pub fn hostile_task_files_are_refused_or_stored_exactly(t: Town) {
    let (t, _) = seeded(t);
    let refused = [
        r#"[{"title": "a", "depends_on": [1e30]}]"#,
        r#"[{"title": "a"}, {"title": "b", "depends_on": [-1]}]"#,
        r#"[{"title": "a"}, {"title": "b", "depends_on": [0.5]}]"#,
        r#"[{"title": "a"}, {"title": "b", "depends_on": [99999999999999999999]}]"#,
        r#"[{"title": "a", "depends_on": ["a"], "key": "a"}]"#,
        r#"[{"title": "\u0000"}]"#,
        r#"[{"title": "a", "priority": "urgent%"}]"#,
        r#"[{"title": ["a"]}]"#,
        "[{\"title\": \"a\"}] trailing",
    ];
    let (events, convoys) = (t.count("events"), t.count("convoys"));
    let refuses = |path: &str| {
        let args = [
            "sling-batch",
            "--rig",
            "app",
            "--title",
            "x",
            "--tasks-file",
            path,
        ];
        t.fails(&args, 2)
    };
    for (i, text) in refused.iter().enumerate() {
        let e = refuses(&t.write(&format!("bad-{i}.json"), text));
        assert!(
            e["error"]["message"].as_str().unwrap().contains("line"),
            "{text}: {e}"
        );
    }
    assert_eq!((t.count("events"), t.count("convoys")), (events, convoys));
    // The longest body a task file may give is stored exactly; a longer one
    // is refused.
    let long = json!([{"title": "big", "body": "ü".repeat(32 * 1024 + 1)}]).to_string();
    let e = refuses(&t.write("long.json", long));
    assert!(
        e["error"]["message"].as_str().unwrap().contains("body"),
        "{e}"
    );
    let big = "ü".repeat(32 * 1024);
    let file = json!([{"title": "big", "body": big, "labels": ["%", "_"]}]).to_string();
    let path = t.write("big.json", file);
    let batch: Value = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "x",
        "--tasks-file",
        &path,
    ]);
    let id = batch["beads"][0]["bead"]["id"].as_str().unwrap();
    let shown: Value = t.json(&["bead", "show", id]);
    assert_eq!(shown["body"].as_str(), Some(big.as_str()));
    assert_eq!(shown["labels"], json!(["%", "_"]));
    let listed: Vec<Value> = t.json(&["bead", "list", "--label", "_"]);
    assert_eq!(listed.len(), 1, "`_` is a label, not a wildcard");
}

/// Through HTTP: a megabyte through `PATCH /api/beads/{id}`, NUL and bidi
/// controls in JSON, each stored exactly or refused with nothing written.
pub fn hostile_http_bodies_are_refused_or_stored_exactly(t: Town) {
    let (t, beads) = seeded(t);
    let s = Server::start(&t, &[]);
    let path = format!("/api/beads/{}", beads[2]);
    let (title, body) = ("ß".repeat(200), "ß".repeat(32 * 1024));
    for (title, body) in [
        (title.as_str(), body.as_str()),
        ("a\u{202e}b\u{2066}c", "a\u{202e}b\u{2066}c"),
        ("line\r\nbreak", "line\r\nbreak"),
        ("tab\t\u{7f}", "tab\t\u{7f}"),
    ] {
        let answer = send(&s, "PATCH", &path, json!({ "body": body, "title": title }));
        assert_eq!(answer.status, 200, "{}", answer.body);
        let shown = get(&s, &path).json();
        assert_eq!(shown["body"].as_str(), Some(body));
        assert_eq!(shown["title"].as_str(), Some(title));
    }
    let events = t.count("events");
    for body in [
        json!({ "title": "" }),
        json!({ "title": "a\u{0}b" }),
        json!({ "status": "done" }),
        json!({ "priority": 3 }),
        json!({ "labels": "x" }),
        json!({ "add_depends_on": [beads[2]] }),
        json!({ "meta": { "k": { "deep": [1] } }, "extra": true }),
        json!({ "title": format!("{title}ß") }),
        json!({ "body": format!("{body}ß") }),
        json!({ "add_labels": (0..33).map(|i| i.to_string()).collect::<Vec<_>>() }),
    ] {
        let answer = send(&s, "PATCH", &path, body.clone());
        assert_eq!(answer.status, 400, "{body}: {}", answer.body);
        assert_eq!(answer.json()["error"]["code"], "usage", "{body}");
    }
    assert_eq!(t.count("events"), events, "refusals wrote nothing");
}

/// Through MCP (the official Python SDK as the client): the same values
/// stored exactly or refused, with nothing written.
pub fn hostile_tool_arguments_are_refused_or_stored_exactly(t: Town) {
    let (t, beads) = seeded(t);
    let mut c = crate::mcp::Client::start(&t, &[], &[]);
    let big = "ø".repeat(32 * 1024);
    for text in [
        big.as_str(),
        "a\u{202e}b",
        "x\r\ny",
        "'; DROP TABLE beads; --",
    ] {
        let done = c.call("gt_bead_update", json!({"bead_id": beads[3], "body": text}));
        assert!(!done.is_error, "{}", done.text);
        let shown = c.call("gt_bead_show", json!({"bead_id": beads[3]}));
        assert_eq!(shown.structured["body"].as_str(), Some(text));
    }
    let events = t.count("events");
    for (arguments, code) in [
        (json!({"bead_id": beads[3], "title": "a\u{0}b"}), "usage"),
        (
            json!({"bead_id": beads[3], "body": format!("{big}ø")}),
            "usage",
        ),
        (json!({"bead_id": beads[3], "status": "done"}), "usage"),
        (json!({"bead_id": "gt-%"}), "not_found"),
        (json!({"bead_id": "%"}), "usage"),
        (
            json!({"bead_id": beads[3], "add_depends_on": [beads[3]]}),
            "usage",
        ),
    ] {
        let tool = if arguments.as_object().unwrap().len() == 1 {
            "gt_bead_show"
        } else {
            "gt_bead_update"
        };
        let refused = c.call(tool, arguments.clone());
        assert_eq!(refused.code(), code, "{arguments}");
    }
    assert_eq!(t.count("events"), events, "refusals wrote nothing");
    // Mail takes the same texts exactly, and refuses the same way.
    for text in [
        big.as_str(),
        "a\u{202e}b",
        "x\r\ny",
        "'; DROP TABLE mail; --",
    ] {
        let sent = c.call(
            "gt_mail_send",
            json!({"to": "human", "subject": "x\u{202e}y", "body": text}),
        );
        assert!(!sent.is_error, "{}", sent.text);
        let id = sent.structured["messages"][0]["id"].clone();
        let read = c.call("gt_mail_read", json!({"mail_id": id}));
        assert_eq!(read.structured["body"].as_str(), Some(text));
        assert_eq!(read.structured["subject"], "x\u{202e}y");
    }
    let events = t.count("events");
    for (tool, arguments, code) in [
        (
            "gt_mail_send",
            json!({"to": "human", "subject": "a\u{0}b"}),
            "usage",
        ),
        (
            "gt_mail_send",
            json!({"to": "human", "subject": "s", "body": "a\u{0}b"}),
            "usage",
        ),
        (
            "gt_mail_send",
            json!({"to": "human", "subject": "s", "body": format!("{big}{big}ø")}),
            "usage",
        ),
        (
            "gt_mail_send",
            json!({"to": "human", "subject": "é".repeat(201)}),
            "usage",
        ),
        ("gt_mail_send", json!({"to": "%", "subject": "s"}), "usage"),
        (
            "gt_mail_send",
            json!({"to": "convoy:%", "subject": "s"}),
            "usage",
        ),
        (
            "gt_mail_send",
            json!({"to": "a\u{0}b", "subject": "s"}),
            "not_found",
        ),
        (
            "gt_mail_send",
            json!({"to": "human", "subject": 7}),
            "usage",
        ),
        ("gt_mail_read", json!({"mail_id": "ml-%"}), "not_found"),
        ("gt_mail_read", json!({"mail_id": ""}), "usage"),
        (
            "gt_mail_inbox",
            json!({"who": "human", "limit": -1}),
            "usage",
        ),
    ] {
        let refused = c.call(tool, arguments.clone());
        assert_eq!(refused.code(), code, "{tool} {arguments}: {}", refused.text);
    }
    assert_eq!(t.count("events"), events, "mail refusals wrote nothing");
}
