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
use crate::names::{CliNames, HttpNames, PlainWords};

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
        // A person's words: no flag, no tool, no route, no JSON.
        let page = crate::output::error_document(e, &PlainWords);
        let hint = page["error"]["hint"].as_str().unwrap_or_default();
        assert_eq!(cli_words(hint), None, "page: {what}: {hint}");
        for machine in ["gt_", "/api", "{\"", "`"] {
            assert!(!hint.contains(machine), "page: {what}: {hint}");
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

/// Every call's doc, and the guide's prose, names only fields its call
/// takes, calls that exist and refusals that are: each face can word it.
#[test]
fn every_doc_names_what_each_face_can_word() {
    for entry in calls::catalogue() {
        let doc = entry.spec.doc;
        assert!(
            !gt_core::doc::summary(doc).is_empty(),
            "{} has no doc",
            entry.spec.tool
        );
        let bad = gt_core::doc::unknown_placeholders(doc, Some(entry.spec.cli), &fields_of(&entry));
        assert!(bad.is_empty(), "{}: {bad:?}", entry.spec.tool);
    }
    for text in crate::guide::prose() {
        let bad = gt_core::doc::unknown_placeholders(text, None, &[]);
        assert!(bad.is_empty(), "the guide: {bad:?}");
    }
}

/// A doc's words on each face: flags and exit statuses on the command
/// line, fields and tools on MCP, fields and routes on HTTP, no placeholder
/// left anywhere.
#[test]
fn each_face_words_a_doc_its_own_way() {
    let root = crate::cli::command_tree();
    let cli = crate::names::InTree(&root);
    let entry = calls::catalogue()
        .into_iter()
        .find(|e| e.spec.cli == "bead reassign")
        .unwrap();
    let details = |names: &dyn Names| entry.details(names).unwrap();
    assert!(details(&cli).contains("(exit 4)"), "{}", details(&cli));
    assert!(details(&ToolNames).contains("(a `conflict` error)"));
    assert!(details(&HttpNames).contains("(a `conflict` error (409))"));
    let create = calls::catalogue()
        .into_iter()
        .find(|e| e.spec.cli == "bead create")
        .unwrap();
    let line_words = create.details(&cli).unwrap();
    assert!(
        line_words.contains("With --convoy it joins"),
        "{line_words}"
    );
    assert!(line_words.contains("(`gt sling` creates"), "{line_words}");
    let tool_words = create.details(&ToolNames).unwrap();
    assert!(
        tool_words.contains("With `convoy_id` it joins"),
        "{tool_words}"
    );
    assert!(tool_words.contains("(`gt_sling` creates"), "{tool_words}");
    let http_words = create.details(&HttpNames).unwrap();
    assert!(
        http_words.contains("(`POST /api/beads {\"sling\":true}` creates"),
        "{http_words}"
    );
    let delete = calls::catalogue()
        .into_iter()
        .find(|e| e.spec.cli == "convoy delete")
        .unwrap();
    let http_words = delete.details(&HttpNames).unwrap();
    assert!(
        http_words.contains("`GET /api/events?subject_id=ID`"),
        "{http_words}"
    );
    for entry in calls::catalogue() {
        for (face, names) in [
            ("CLI", &cli as &dyn Names),
            ("MCP", &ToolNames),
            ("HTTP", &HttpNames),
        ] {
            let text = format!(
                "{} {}",
                entry.summary(names),
                entry.details(names).unwrap_or_default()
            );
            let left = gt_core::doc::unknown_placeholders(&text, None, &[]);
            assert!(
                !text.contains("{call:") && !text.contains("{arg:") && !text.contains("{error:"),
                "{face} {}: {text}",
                entry.spec.tool
            );
            // A route's own `{field}` slots are the API's words.
            if face != "HTTP" {
                assert!(left.is_empty(), "{face} {}: {left:?}", entry.spec.tool);
            }
            if face != "CLI" {
                assert_eq!(cli_words(&text), None, "{face} {}: {text}", entry.spec.tool);
            }
        }
        // Every field a doc names has a flag on the command line.
        let mut rest = entry.spec.doc;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            let end = after.find('}').unwrap_or(after.len());
            let token = &after[..end];
            if fields_of(&entry).iter().any(|f| f == token) {
                assert!(
                    !cli.field(entry.spec.cli, token).is_empty(),
                    "`gt {}` has no flag for {token}",
                    entry.spec.cli
                );
            }
            rest = &after[end.min(after.len())..];
        }
    }
}

/// `GET /api`, the HTTP face's own index, speaks in fields and routes.
#[cfg(feature = "serve")]
#[test]
fn the_api_index_speaks_in_routes_and_fields() {
    let index = crate::serve::index().to_string();
    assert_eq!(cli_words(&index), None, "{index}");
    assert!(!index.contains("gt_"), "{index}");
    let routes = calls::catalogue()
        .iter()
        .filter(|e| e.spec.route.is_some())
        .count();
    assert_eq!(
        crate::serve::index()["routes"].as_array().unwrap().len(),
        routes
    );
}
