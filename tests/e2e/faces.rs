//! One request, three faces: what the command line, the MCP tools and the
//! HTTP API give for the same call on the same town is the same document.

use serde_json::{json, Value};

use crate::http::{get, send, Server};
use crate::mcp::Client;
use crate::support::Town;

/// Lists can be slim on every face (`--fields` on the command line, `fields`
/// for MCP and HTTP): the same items with only the fields asked for, so that
/// a Mayor's list of 100 beads costs under 10 KB; a field the items lack is
/// a usage error naming those they have.
pub fn lists_are_slim_alike_on_every_face(t: Town) {
    let t = t.with_rig();
    let mut args = vec![
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Many",
        "--max-polecats",
        "4",
    ];
    let titles: Vec<String> = (0..100).map(|i| format!("task number {i}")).collect();
    for title in &titles {
        args.extend(["--task", title]);
    }
    t.json::<Value>(&args);
    let fields = "id,title,status,assignee";
    let cli: Value = t.json(&["bead", "list", "--fields", fields]);
    let items = cli.as_array().unwrap();
    assert_eq!(items.len(), 100);
    assert!(items.iter().all(|b| {
        let keys: Vec<&String> = b.as_object().unwrap().keys().collect();
        keys.iter()
            .all(|k| fields.split(',').any(|f| f == k.as_str()))
            && b.get("id").is_some()
    }));
    let bytes = cli.to_string().len();
    assert!(bytes < 10_000, "a slim list of 100 beads is {bytes} bytes");
    let full: Value = t.json(&["bead", "list"]);
    assert!(full.to_string().len() > 2 * bytes);

    let s = Server::start(&t, &[]);
    let http = get(&s, &format!("/api/beads?fields={fields}"));
    assert_eq!(http.status, 200, "{}", http.body);
    assert_eq!(http.json(), cli);
    let mut c = Client::start(&t, &[], &[]);
    let mcp = c.ok(
        "gt_list_beads",
        json!({"fields": ["id", "title", "status", "assignee"]}),
    );
    assert_eq!(mcp["beads"], cli);

    // A field the items lack: usage on every face, naming those they have.
    let e = t.fails(&["bead", "list", "--fields", "id,colour"], 2);
    assert!(
        e["error"]["message"].as_str().unwrap().contains("title"),
        "{e}"
    );
    assert_eq!(get(&s, "/api/beads?fields=colour").refused(400), "usage");
    assert_eq!(
        c.call("gt_list_beads", json!({"fields": ["colour"]}))
            .code(),
        "usage"
    );
    // Only lists take it.
    t.fails(
        &[
            "bead",
            "show",
            cli[0]["id"].as_str().unwrap(),
            "--fields",
            "id",
        ],
        2,
    );
    let show = c.call(
        "gt_bead_show",
        json!({"bead_id": cli[0]["id"], "fields": ["id"]}),
    );
    assert_eq!(show.code(), "usage");
    c.finish();
    s.terminate();
}

/// A batch's answer can be brief on every face (`--brief`, `brief`): the
/// convoy, its beads' IDs in the order of the tasks and the effects, not
/// each bead and agent again; the same work in the same shape everywhere.
pub fn batch_answers_can_be_brief_on_every_face(t: Town) {
    let t = t.with_rig();
    let titles: Vec<String> = (0..30).map(|i| format!("task number {i}")).collect();
    let mut args = vec![
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "CLI",
        "--max-polecats",
        "3",
    ];
    for title in &titles {
        args.extend(["--task", title]);
    }
    let full: Value = t.json(&args);
    args[4] = "CLI brief";
    args.push("--brief");
    let cli: Value = t.json(&args);
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&cli), ["bead_ids", "convoy", "created", "effects"]);
    assert_eq!(cli["bead_ids"].as_array().unwrap().len(), 30);
    assert_eq!(cli["effects"]["hooked"].as_array().unwrap().len(), 3);
    let (brief, whole) = (cli.to_string().len(), full.to_string().len());
    assert!(brief * 3 < whole, "brief {brief} bytes, whole {whole}");
    // The IDs are the beads, in the order of the tasks.
    let listed: Value = t.json(&[
        "bead",
        "list",
        "--convoy",
        cli["convoy"]["id"].as_str().unwrap(),
    ]);
    let mut by_title: Vec<(String, String)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["title"].as_str().unwrap().into(),
                b["id"].as_str().unwrap().into(),
            )
        })
        .collect();
    by_title.sort_by_key(|(title, _)| titles.iter().position(|t| t == title));
    let ids: Vec<&str> = by_title.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(cli["bead_ids"], json!(ids));

    let tasks: Vec<Value> = titles.iter().map(|t| json!({"title": t})).collect();
    let request = |title: &str| json!({"rig_id": "app", "convoy_title": title, "tasks": tasks, "max_polecats": 3, "brief": true});
    let s = Server::start(&t, &[]);
    let http = send(&s, "POST", "/api/convoys", request("HTTP brief"));
    assert_eq!(http.status, 201, "{}", http.body);
    let mut c = Client::start(&t, &[], &[]);
    let mcp = c.ok("gt_sling_batch", request("MCP brief"));
    for other in [http.json(), mcp] {
        assert_eq!(keys(&other), keys(&cli), "{other}");
        assert_eq!(other["bead_ids"].as_array().unwrap().len(), 30);
        assert_eq!(other["effects"]["hooked"].as_array().unwrap().len(), 3);
    }
    // Not a list: no fields to pick.
    t.fails(
        &[
            "sling-batch",
            "--rig",
            "app",
            "--title",
            "x",
            "--task",
            "y",
            "--fields",
            "id",
        ],
        2,
    );
    c.finish();
    s.terminate();
}
