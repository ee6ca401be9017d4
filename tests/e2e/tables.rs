//! Tables fit the terminal: every table gt prints, at 40, 60, 80 and 120
//! columns, on a town of long titles, many-digit IDs and long names. A cell
//! of free text is cut with an ellipsis; an ID, a name or a header never is,
//! so a table whose uncut columns alone are wider than the terminal is as
//! wide as they are, its free text at its narrowest. `--wide` cuts nothing.

use serde_json::Value;

use crate::support::Town;

const WIDTHS: [usize; 4] = [40, 60, 80, 120];
/// What the IDs of a town of billions look like.
const MORE_DIGITS: &str = "0a1b2c3";
const LONG_RIG: &str = "payments-service-with-a-long-name";
const LONG_AGENT: &str = "Polecat-1234567890";
const LONG_HOST: &str = "build-host-17.eu-west.example.com";

/// A table as the test knows it: the command that prints it, its headers,
/// which of them may be cut (and the narrowest each may be), and what each
/// row must show whole.
struct Shown {
    args: Vec<String>,
    headers: Vec<&'static str>,
    cut: Vec<(&'static str, usize)>,
    rows: Vec<Vec<String>>,
}

fn text(header: &'static str) -> (&'static str, usize) {
    (header, header.chars().count().max(8))
}

fn strings(v: &Value, keys: &[&str]) -> Vec<Vec<String>> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|item| {
            keys.iter()
                .filter_map(|k| item[*k].as_str().map(str::to_string))
                .collect()
        })
        .collect()
}

/// A town with a long rig name, long titles (with characters of two bytes),
/// a dependency chain, mail, an escalation, a host, long agent names,
/// 9-digit event numbers and 12-digit IDs, and counts doctor finds wrong.
fn long_town() -> (Town, String) {
    let t = Town::sqlite();
    t.json::<Value>(&[
        "rig",
        "add",
        LONG_RIG,
        "--git-url",
        "https://git.example.com/an-organisation/payments-service-with-a-long-name.git",
    ]);
    t.execute("UPDATE sqlite_sequence SET seq = 987654321 WHERE name = 'events'");
    let tasks = serde_json::json!([
        {"key": "a", "title": "Rework the ledger’s reconciliation so that every payment is matched exactly once, even across retries"},
        {"key": "b", "title": "Ünïcode títles are counted in characters, not in bytes, when they are cut to fit", "depends_on": ["a"]},
        {"key": "c", "title": "Short", "depends_on": ["a"]},
        {"key": "d", "title": "Document the new reconciliation flow for the on-call engineers and the auditors", "depends_on": ["a", "b", "c"]},
    ]);
    let file = t.write("tasks.json", tasks.to_string());
    t.json::<Value>(&[
        "sling-batch",
        "--rig",
        LONG_RIG,
        "--title",
        "Reconcile every payment exactly once across all the regions we serve",
        "--tasks-file",
        &file,
        "--idempotency-key",
        "tables",
    ]);
    let ids = |table: &str| format!("UPDATE {table} SET id = id || '{MORE_DIGITS}';");
    let refs = |table: &str, column: &str| {
        format!(
            "UPDATE {table} SET {column} = {column} || '{MORE_DIGITS}' WHERE {column} IS NOT NULL;"
        )
    };
    let first_agent: String = {
        let agents: Value = t.json(&["agent", "list"]);
        agents[0]["name"].as_str().unwrap().to_string()
    };
    let rename = |table: &str, column: &str| {
        format!("UPDATE {table} SET {column} = '{LONG_AGENT}' WHERE {column} = '{first_agent}';")
    };
    let now = "2026-01-01T00:00:00.000Z";
    t.execute(&format!(
        "PRAGMA foreign_keys = OFF; {} {} {} {} {} {} {} {} {} {} {} {}
         UPDATE agents SET host = '{LONG_HOST}', run_started_at = '{now}', attempt = 3 WHERE name = '{LONG_AGENT}';
         INSERT INTO hosts (id, name, status, slots, running, rigs, gt_version, started_at, last_seen)
         VALUES ('ho-{MORE_DIGITS}', '{LONG_HOST}', 'live', 8, 1, '[\"{LONG_RIG}\", \"web\", \"docs\"]', '0.1.0 (adeb38454 2026-12-05)', '{now}', '{now}');",
        ids("beads"),
        refs("beads", "convoy_id"),
        refs("bead_deps", "bead_id"),
        refs("bead_deps", "depends_on_id"),
        refs("bead_labels", "bead_id"),
        refs("agents", "hook"),
        ids("convoys"),
        ids("agents"),
        rename("agents", "name"),
        rename("beads", "assignee"),
        rename("beads", "last_assignee"),
        "",
    ));
    let beads: Value = t.json(&["bead", "list"]);
    let first_bead = beads[0]["id"].as_str().unwrap().to_string();
    t.json::<Value>(&[
        "--actor",
        "mayor",
        "mail",
        "send",
        "--to",
        LONG_AGENT,
        "--subject",
        "Please look again at the reconciliation of the refunds before you close this",
        "--bead",
        &first_bead,
    ]);
    t.json::<Value>(&[
        "escalation",
        "raise",
        "--bead",
        &first_bead,
        "--severity",
        "critical",
        "The ledger and the bank statement disagree by one cent on every refund issued before noon",
    ]);
    // Counts doctor will find wrong (and not repair: it is only asked).
    t.execute("UPDATE convoys SET closed_beads = closed_beads + 3, failed_beads = 2");
    let convoys: Value = t.json(&["convoy", "list"]);
    (t, convoys[0]["id"].as_str().unwrap().to_string())
}

/// Every table gt prints, with what it must show.
fn tables(t: &Town, convoy: &str) -> Vec<Shown> {
    let json = |args: &[&str]| -> Value { t.json(args) };
    let strs = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    let status: Value = json(&["convoy", "status", convoy]);
    let widest_id = status["beads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap().chars().count())
        .max()
        .unwrap();
    // Exit 4: the town is not clean, as it was made to be.
    let doctor = t.run(&["--json", "doctor"]);
    let violations: Value = serde_json::from_str(&doctor.stdout).unwrap();
    let config: Value = json(&["config", "show"]);
    let settings = config["settings"].as_object().map_or(0, |s| s.len());
    vec![
        Shown {
            args: strs(&["rig", "list"]),
            headers: vec!["NAME", "ID", "BRANCH", "GIT URL", "CREATED"],
            cut: vec![text("GIT URL")],
            rows: strings(&json(&["rig", "list"]), &["name", "id"]),
        },
        Shown {
            args: strs(&["bead", "list"]),
            headers: vec![
                "ID", "TITLE", "STATUS", "PRIORITY", "ASSIGNEE", "RIG", "CONVOY",
            ],
            cut: vec![text("TITLE")],
            rows: strings(
                &json(&["bead", "list"]),
                &["id", "assignee", "rig", "convoy_id"],
            ),
        },
        Shown {
            args: strs(&["convoy", "list"]),
            headers: vec![
                "ID", "TITLE", "STATUS", "PROGRESS", "FAILED", "RIG", "CREATED",
            ],
            cut: vec![text("TITLE")],
            rows: strings(&json(&["convoy", "list"]), &["id"]),
        },
        Shown {
            args: strs(&["convoy", "status", convoy]),
            headers: vec!["BEAD", "TITLE", "STATUS", "ASSIGNEE", "BLOCKED BY"],
            cut: vec![text("TITLE"), ("BLOCKED BY", widest_id + 2)],
            rows: strings(&status["beads"], &["id", "assignee"]),
        },
        Shown {
            args: strs(&[
                "sling-batch",
                "--rig",
                LONG_RIG,
                "--title",
                "Reconcile every payment exactly once across all the regions we serve",
                "--tasks-file",
                &t.path("tasks.json").display().to_string(),
                "--idempotency-key",
                "tables",
            ]),
            headers: vec!["BEAD", "TITLE", "STATUS", "AGENT"],
            cut: vec![text("TITLE")],
            rows: strings(&status["beads"], &["id", "assignee"]),
        },
        Shown {
            args: strs(&["agent", "list"]),
            headers: vec![
                "NAME", "ID", "ROLE", "RIG", "STATUS", "HOOK", "ACTIVE", "RUNS ON",
            ],
            cut: vec![],
            rows: strings(&json(&["agent", "list"]), &["name", "id", "rig", "hook"]),
        },
        Shown {
            args: strs(&["mail", "inbox", "--all"]),
            headers: vec!["", "ID", "FROM", "TO", "SUBJECT", "ABOUT", "SENT"],
            cut: vec![text("SUBJECT")],
            rows: strings(
                &json(&["mail", "inbox", "--all"]),
                &["id", "from", "to", "bead"],
            ),
        },
        Shown {
            args: strs(&["host", "list"]),
            headers: vec![
                "HOST",
                "STATUS",
                "RUNNING",
                "SLOTS",
                "RIGS",
                "VERSION",
                "LAST BEAT",
            ],
            cut: vec![("RIGS", LONG_RIG.len() + 3)],
            rows: strings(&json(&["host", "list"]), &["name"]),
        },
        Shown {
            args: strs(&["escalation", "list"]),
            headers: vec!["ID", "SEVERITY", "STATUS", "MESSAGE", "BEAD", "RAISED"],
            cut: vec![text("MESSAGE")],
            rows: strings(&json(&["escalation", "list"]), &["id", "bead"]),
        },
        Shown {
            args: strs(&["doctor"]),
            headers: vec!["PROBLEM", "SUBJECT", "DETAIL", "REPAIRED"],
            cut: vec![text("DETAIL")],
            rows: strings(&violations, &["subject"]),
        },
        Shown {
            args: strs(&["events", "--limit", "12"]),
            headers: vec!["#", "WHEN", "SUBJECT", "EVENT", "ACTOR", "CHANGE"],
            cut: vec![text("CHANGE")],
            rows: json(&["events", "--limit", "12"])
                .as_array()
                .unwrap()
                .iter()
                .map(|e| vec![e["id"].to_string()])
                .collect(),
        },
        Shown {
            args: strs(&["status"]),
            headers: vec!["CONVOY", "TITLE", "PROGRESS", "FAILED", "RIG"],
            cut: vec![text("TITLE")],
            rows: strings(&json(&["status"])["convoys"], &["id"]),
        },
        Shown {
            args: strs(&["status"]),
            headers: vec!["ID", "SEVERITY", "MESSAGE", "RAISED"],
            cut: vec![text("MESSAGE")],
            rows: strings(&json(&["status"])["escalations"], &["id"]),
        },
        Shown {
            args: strs(&["status"]),
            headers: vec!["WHEN", "SUBJECT", "EVENT", "CHANGE"],
            cut: vec![text("CHANGE")],
            rows: vec![vec![]; json(&["status"])["events"].as_array().unwrap().len()],
        },
        Shown {
            args: strs(&["config", "show"]),
            headers: vec!["SETTING", "VALUE", "SOURCE"],
            cut: vec![text("VALUE")],
            rows: vec![vec![]; settings],
        },
    ]
}

/// Where each header starts on the header line (in characters), in order.
fn header_offsets(line: &str, headers: &[&str]) -> Vec<usize> {
    let chars: Vec<char> = line.chars().collect();
    let mut from = 0;
    headers
        .iter()
        .map(|h| {
            if h.is_empty() {
                return 0;
            }
            let h: Vec<char> = h.chars().collect();
            let at = (from..chars.len())
                .find(|&i| chars[i..].starts_with(&h))
                .unwrap_or_else(|| panic!("header {h:?} is not whole on {line:?}"));
            from = at + h.len();
            at
        })
        .collect()
}

#[test]
fn every_table_fits_40_60_80_and_120_columns() {
    let (t, convoy) = long_town();
    for shown in tables(&t, &convoy) {
        let args: Vec<&str> = shown.args.iter().map(String::as_str).collect();
        for width in WIDTHS {
            let out = t
                .command(&args)
                .env("COLUMNS", width.to_string())
                .output()
                .unwrap();
            assert!(
                out.status.code().is_some_and(|c| c == 0 || c == 4),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8(out.stdout).unwrap();
            let wanted = shown.headers.iter().filter(|h| !h.is_empty()).copied();
            let wanted: Vec<&str> = wanted.collect();
            let start = text
                .lines()
                .position(|l| wanted.iter().all(|h| l.contains(h)))
                .unwrap_or_else(|| panic!("{args:?} at {width}: no header line:\n{text}"));
            let lines: Vec<&str> = text.lines().skip(start).collect();
            let table: Vec<&str> = lines
                .iter()
                // A blank line, or a footnote (`! needs attention: …`), ends it.
                .take_while(|l| !l.trim().is_empty() && !l.starts_with("! "))
                .copied()
                .collect();
            let said = format!("{args:?} at {width} columns:\n{text}");
            // One line a row: nothing wraps.
            assert_eq!(table.len(), shown.rows.len() + 1, "{said}");
            // Every row's IDs and names whole, together on one line.
            for row in &shown.rows {
                let whole = table[1..]
                    .iter()
                    .any(|line| row.iter().all(|word| line.contains(word.as_str())));
                assert!(whole, "{row:?} is split: {said}");
            }
            // Every line fits, unless the columns that are never cut are
            // wider than the terminal by themselves: then the line is as
            // wide as they are with each cut column at its narrowest.
            let offsets = header_offsets(table[0], &shown.headers);
            let widest = table.iter().map(|l| l.chars().count()).max().unwrap();
            let mut least = offsets[0];
            for (i, header) in shown.headers.iter().enumerate() {
                let span = match offsets.get(i + 1) {
                    Some(next) => next - offsets[i],
                    None => widest - offsets[i],
                };
                least += match shown.cut.iter().find(|(h, _)| h == header) {
                    Some((_, narrowest)) => narrowest + 2,
                    None => span,
                };
            }
            assert!(widest <= width.max(least), "{widest} > {width}: {said}");
        }
        // --wide cuts nothing (the events' values are excerpts of their own).
        if args[0] == "events" {
            continue;
        }
        let wide = t
            .command(&[&["--wide"][..], &args].concat())
            .env("COLUMNS", "40")
            .output()
            .unwrap();
        let wide = String::from_utf8(wide.stdout).unwrap();
        // The status screen's events are the events' own excerpts too.
        let wide = wide.split("Recent events:").next().unwrap_or_default();
        assert!(!wide.contains('…'), "{args:?} --wide cut a cell:\n{wide}");
    }
}
