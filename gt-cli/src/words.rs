//! Each face speaks its own words: what the MCP server says (its tools'
//! descriptions, its instructions, its errors) and what the HTTP API says
//! (its errors) name no `--flag`, no exit code and no `gt …` command line;
//! and every hint any call gives, on any face, names only calls and fields
//! that face has.

use gt_core::calls::ToolNames;
use gt_core::calls::{self, Entry};
use gt_core::error::{Hint, Names};
use gt_core::{Error, OpenOptions, Town};
use serde_json::{json, Value as Json};

use crate::mcp::{tools, Mode};
use crate::names::{CliNames, HttpNames};

/// What a face other than the command line must not say, if `text` says it.
fn cli_words(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    for (i, w) in text.char_indices() {
        let rest = &text[i..];
        let flag = rest.starts_with("--")
            && bytes.get(i + 2).is_some_and(u8::is_ascii_lowercase)
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        let exit = rest.starts_with("exit ") && bytes.get(i + 5).is_some_and(u8::is_ascii_digit);
        let line = rest.starts_with("`gt ") || rest.starts_with("\"gt ");
        if flag || exit || line {
            let end = text[i..]
                .char_indices()
                .nth(30)
                .map_or(text.len(), |(j, _)| i + j);
            return Some(format!("{w}{}", &text[i + w.len_utf8()..end]));
        }
    }
    None
}

/// The fields of a call's request, from its schema.
fn fields_of(entry: &Entry) -> Vec<String> {
    entry.input_schema()["properties"]
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

/// Why `hint` names something a face does not have, if it does: a call that
/// is no call, a field its call does not take, or (on the command line) a
/// field no flag of the command gives.
fn unknown_names(hint: &Hint) -> Vec<String> {
    let entries = calls::catalogue();
    let mut out = Vec::new();
    let mut check = |call: &str, fields: Vec<&str>| {
        let Some(entry) = entries.iter().find(|e| e.spec.cli == call) else {
            out.push(format!("no call {call}"));
            return;
        };
        let known = fields_of(entry);
        for field in fields {
            if !known.iter().any(|k| k == field) {
                out.push(format!("{} takes no {field}", entry.spec.tool));
            }
            if CliNames.field(call, field).is_empty() {
                out.push(format!("`gt {call}` has no flag for {field}"));
            }
        }
    };
    match hint {
        Hint::Text(_) => {}
        Hint::Call { call, args, .. } => check(call, args.iter().map(|(f, _)| *f).collect()),
        Hint::Fields { call, fields, .. } => check(call, fields.to_vec()),
        Hint::Or(hints) => {
            for h in hints {
                out.extend(unknown_names(h));
            }
        }
    }
    out
}

/// A seeded town in a temporary directory: a rig, a capped batch with a
/// dependency, an escalation.
fn seeded() -> (tempfile::TempDir, Town, Json) {
    let dir = tempfile::tempdir().unwrap();
    let open = OpenOptions {
        location: dir.path().join("gt.db").to_string_lossy().into_owned(),
        lock_timeout: std::time::Duration::from_secs(5),
        actor: "words".into(),
        dispatch_command: None,
        credentials: None,
        local: None,
    };
    let mut town = Town::open(&open).unwrap();
    let call = |town: &mut Town, tool: &str, args: Json| -> Json {
        let entry = calls::by_tool(tool).unwrap();
        serde_json::from_str(&entry.call(town, args).unwrap()).unwrap()
    };
    call(&mut town, "gt_rig_add", json!({"name": "app"}));
    let batch = call(
        &mut town,
        "gt_sling_batch",
        json!({"rig_id": "app", "convoy_title": "Seed", "max_polecats": 1,
               "tasks": [{"title": "one"}, {"title": "two", "depends_on": [0]}, {"title": "three"}]}),
    );
    call(&mut town, "gt_escalation_raise", json!({"message": "help"}));
    (dir, town, batch)
}

/// Arguments that each call must refuse, one way or another: none, an
/// unknown one, and each field in turn given a bad value over a request
/// whose required fields are sound (so that the call's own checks run).
fn bad_arguments(entry: &Entry, batch: &Json) -> Vec<Json> {
    let bead = batch["beads"][0]["bead"]["id"].clone();
    let convoy = batch["convoy"]["id"].clone();
    let sound = json!({
        "rig_id": "app", "title": "t", "convoy_title": "c", "tasks": [{"title": "a"}],
        "convoy_id": convoy, "bead_id": bead, "agent_id": batch["beads"][0]["agent"]["name"],
        "message": "m", "name": "app", "bead_ids": [bead],
    });
    let required: Vec<String> = entry.input_schema()["required"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter_map(|f| f.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let base: serde_json::Map<String, Json> = required
        .iter()
        .filter_map(|f| Some((f.clone(), sound.get(f)?.clone())))
        .collect();
    let mut out = vec![json!({}), json!({"nothing": 1})];
    for field in fields_of(entry) {
        for value in [
            json!(""),
            json!("gt-"),
            json!("gt-zzzzzz"),
            json!("ag-"),
            json!("Nobody"),
            json!(0),
            json!(-1),
            json!("done"),
            json!([]),
            bead.clone(),
            convoy.clone(),
        ] {
            let mut args = base.clone();
            args.insert(field.clone(), value);
            out.push(Json::Object(args));
        }
    }
    out
}

/// Every error the catalogue gives for bad arguments on a seeded town.
fn errors() -> Vec<(String, Error)> {
    let (_dir, mut town, batch) = seeded();
    let mut out = Vec::new();
    for entry in calls::catalogue() {
        for args in bad_arguments(&entry, &batch) {
            if let Err(e) = entry.call(&mut town, args.clone()) {
                out.push((format!("{} {args}", entry.spec.tool), e));
            }
        }
    }
    out
}

#[test]
fn mcp_descriptions_and_instructions_speak_in_tool_words() {
    for mode in [
        Mode::default(),
        Mode {
            read_only: true,
            ..Mode::default()
        },
        Mode {
            core: true,
            ..Mode::default()
        },
        Mode {
            polecat: Some("Toast".into()),
            ..Mode::default()
        },
    ] {
        for tool in tools(&mode) {
            let text = tool.description.as_deref().unwrap_or_default();
            assert_eq!(cli_words(text), None, "{}: {text}", tool.name);
        }
        let guide = crate::mcp::instructions(&mode);
        assert_eq!(cli_words(&guide), None, "{mode:?}");
    }
}

#[test]
fn errors_and_hints_speak_each_faces_words() {
    let errors = errors();
    assert!(errors.len() > 200, "{} errors", errors.len());
    let mut hints = 0;
    for (what, e) in &errors {
        for (face, names) in [("MCP", &ToolNames as &dyn Names), ("HTTP", &HttpNames)] {
            let doc = crate::output::error_document(e, names).to_string();
            assert_eq!(cli_words(&doc), None, "{face}: {what}: {doc}");
        }
        if let Some(hint) = &e.hint {
            hints += 1;
            assert_eq!(
                unknown_names(hint),
                Vec::<String>::new(),
                "{what}: {hint:?}"
            );
        }
    }
    assert!(hints > 50, "{hints} hints");
}

#[test]
fn the_words_check_finds_command_line_words() {
    assert!(cli_words("raise --lock-timeout").is_some());
    assert!(cli_words("fails with exit 4").is_some());
    assert!(cli_words("see `gt events`").is_some());
    assert_eq!(cli_words("a bead-to-bead edge -- or not; exit now"), None);
    let bad = Hint::fields("give", "bead update", &["colour"]);
    assert_eq!(
        unknown_names(&bad),
        vec![
            "gt_bead_update takes no colour",
            "`gt bead update` has no flag for colour"
        ]
    );
}
