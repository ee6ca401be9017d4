//! What people see: the human output of a fixed scenario at 80 columns,
//! snapshotted (insta), with IDs and times redacted. A change to any table or
//! message shows up as a snapshot diff to review.

use serde_json::Value;

use crate::support::Town;

#[test]
fn human_output_of_a_convoy_from_start_to_landing() {
    let t = Town::sqlite();
    let file = t.write(
        "tasks.json",
        r#"[
        {"key": "a", "title": "Design the schema", "priority": "high"},
        {"key": "b", "title": "Build the API", "depends_on": ["a"]},
        {"title": "Write the docs", "depends_on": ["b"], "labels": ["docs"]}
    ]"#,
    );
    let mut transcript = String::new();
    let mut step = |args: &[&str]| {
        let out = t.command(args).env("COLUMNS", "80").output().unwrap();
        transcript.push_str(&format!(
            "$ gt {}\n",
            args.join(" ").replace(&file, "tasks.json")
        ));
        transcript.push_str(&String::from_utf8_lossy(&out.stdout));
        transcript.push_str(&String::from_utf8_lossy(&out.stderr));
        if !out.status.success() {
            transcript.push_str(&format!("[exit {}]\n", out.status.code().unwrap_or(-1)));
        }
        transcript.push('\n');
    };
    step(&["rig", "add", "app"]);
    step(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Sessions",
        "--tasks-file",
        &file,
    ]);
    let batch: Value = t.json(&["convoy", "list"]);
    let convoy = batch[0]["id"].as_str().unwrap().to_string();
    let view: Value = t.json(&["convoy", "status", &convoy]);
    let first = view["beads"][0]["id"].as_str().unwrap().to_string();
    step(&["convoy", "list"]);
    step(&["convoy", "status", &convoy]);
    step(&["bead", "update", &first, "--status", "closed"]);
    step(&["agent", "list"]);
    step(&["hook", "--agent", "Maple"]);
    step(&[
        "escalation",
        "raise",
        "Maple is stuck",
        "--severity",
        "high",
    ]);
    step(&["escalation", "list"]);
    step(&[
        "mail",
        "send",
        "--to",
        "Maple",
        "--subject",
        "Rebase on feature/sessions",
        "--body",
        "The API moved.",
    ]);
    step(&[
        "mail",
        "send",
        "--to",
        &format!("convoy:{convoy}"),
        "--subject",
        "Freeze at five",
    ]);
    step(&[
        "--actor",
        "Maple",
        "mail",
        "send",
        "--to",
        "mayor",
        "--subject",
        "Which branch?",
    ]);
    step(&["hook", "--agent", "Maple"]);
    step(&["mail", "inbox", "Maple"]);
    let inbox: Value = t.json(&["mail", "inbox", "Maple"]);
    let newest = inbox[0]["id"].as_str().unwrap().to_string();
    step(&["mail", "read", &newest]);
    step(&["mail", "read", &newest]);
    step(&["bead", "show", "gt-zzzzz"]);
    step(&[
        "convoy",
        "close",
        &convoy,
        "--close-beads",
        "--reason",
        "done for now",
    ]);
    step(&["convoy", "list", "--all"]);
    step(&["events", "--limit", "6"]);

    insta::with_settings!({
        filters => vec![
            (r"\b(gt|cv|ag|es|rg|ml)-[0-9a-z]{5,}\b", "[$1-id]"),
            (r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", "[time]"),
            (r"\b(just now|\d+[smhd] ago)", "[ago]"),
            (r"(?m)^(\d+)(\s+\[ago\])", "[n]$2"),
            (r"a new town at \S+", "a new town at [path]"),
        ],
    }, {
        insta::assert_snapshot!(transcript);
    });
}
