//! Nothing lost, nothing crashes: processes killed mid-write, hostile input, and
//! stores that cannot be written. (Local store; the remote one's faults are in
//! remote.rs.)

use std::os::unix::ffi::OsStrExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{Run, Town};

fn sql(t: &Town, query: &str) -> Vec<Vec<String>> {
    let conn = rusqlite::Connection::open(&t.db).unwrap();
    let mut stmt = conn.prepare(query).unwrap();
    let width = stmt.column_count();
    stmt.query_map([], |row| {
        (0..width)
            .map(|i| {
                row.get::<_, rusqlite::types::Value>(i)
                    .map(|v| format!("{v:?}"))
            })
            .collect::<Result<Vec<_>, _>>()
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// The store is sound, and every convoy's counts equal a recount.
fn assert_whole(t: &Town) {
    let ok = sql(t, "PRAGMA integrity_check");
    assert_eq!(ok, vec![vec!["Text(\"ok\")".to_string()]]);
    let fk = sql(t, "PRAGMA foreign_key_check");
    assert!(fk.is_empty(), "{fk:?}");
    let drift = sql(
        t,
        "SELECT c.id FROM convoys c WHERE c.total_beads != (SELECT count(*) FROM beads WHERE convoy_id = c.id) \
         OR c.closed_beads != (SELECT count(*) FROM beads WHERE convoy_id = c.id AND status = 'closed') \
         OR c.failed_beads != (SELECT count(*) FROM beads WHERE convoy_id = c.id AND status = 'failed')",
    );
    assert!(drift.is_empty(), "counts drifted: {drift:?}");
}

/// Starts `gt ARGS`, kills it with SIGKILL after `after`, and says whether it
/// had finished by itself.
fn kill_after(t: &Town, args: &[&str], after: Duration) -> bool {
    let mut child = t
        .command(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while started.elapsed() < after {
        if child.try_wait().unwrap().is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let _ = child.kill();
    let _ = child.wait();
    false
}

fn tasks(n: usize) -> String {
    let items: Vec<String> = (0..n)
        .map(|i| {
            if i > 0 && i % 7 == 0 {
                format!("{{\"title\": \"task {i}\", \"depends_on\": [{}]}}", i - 1)
            } else {
                format!("{{\"title\": \"task {i}\"}}")
            }
        })
        .collect();
    format!("[{}]", items.join(",\n"))
}

#[test]
fn a_killed_sling_batch_leaves_its_convoy_whole_or_absent() {
    const N: usize = 20_000;
    let t = Town::sqlite().with_rig();
    let file = t.write("big.json", tasks(N));
    for (round, ms) in [5u64, 40, 120, 300, 700, 1500, 3000, 6000]
        .into_iter()
        .enumerate()
    {
        let title = format!("round {round}");
        kill_after(
            &t,
            &[
                "sling-batch",
                "--rig",
                "app",
                "--title",
                &title,
                "--max-polecats",
                "3",
                "--tasks-file",
                &file,
            ],
            Duration::from_millis(ms),
        );
        assert_whole(&t);
        let convoys = sql(
            &t,
            &format!("SELECT total_beads FROM convoys WHERE title = '{title}'"),
        );
        match convoys.len() {
            0 => {}
            1 => assert_eq!(
                convoys[0][0],
                format!("Integer({N})"),
                "round {round}: a partial convoy"
            ),
            n => panic!("round {round}: {n} convoys"),
        }
    }
    // Whatever the timing, a batch left to finish goes in whole, and every bead
    // belongs to a whole convoy.
    t.json::<Value>(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "unkilled",
        "--max-polecats",
        "3",
        "--tasks-file",
        &file,
    ]);
    assert_whole(&t);
    let convoys = sql(&t, "SELECT count(*) FROM convoys")[0][0].clone();
    let whole: usize = convoys
        .trim_start_matches("Integer(")
        .trim_end_matches(')')
        .parse()
        .unwrap();
    assert!(whole >= 1);
    assert_eq!(
        sql(&t, "SELECT count(*) FROM beads")[0][0],
        format!("Integer({})", whole * N)
    );
}

#[test]
fn a_killed_convoy_close_closes_everything_or_nothing() {
    const N: usize = 5_000;
    let t = Town::sqlite().with_rig();
    for (round, ms) in [5u64, 30, 80, 200, 500, 1200, 3000].into_iter().enumerate() {
        let file = t.write("batch.json", tasks(N));
        let batch: Value = t.json(&[
            "sling-batch",
            "--rig",
            "app",
            "--title",
            &format!("c{round}"),
            "--max-polecats",
            "4",
            "--tasks-file",
            &file,
        ]);
        let id = batch["convoy"]["id"].as_str().unwrap().to_string();
        kill_after(
            &t,
            &["convoy", "close", &id, "--close-beads"],
            Duration::from_millis(ms),
        );
        assert_whole(&t);
        let state = sql(
            &t,
            &format!("SELECT status, closed_beads, total_beads FROM convoys WHERE id = '{id}'"),
        );
        let (status, closed) = (state[0][0].as_str(), state[0][1].clone());
        match status {
            "Text(\"active\")" => assert_eq!(closed, "Integer(0)", "round {round}: half-closed"),
            "Text(\"closed\")" => assert_eq!(
                closed,
                format!("Integer({N})"),
                "round {round}: closed, but not its beads"
            ),
            other => panic!("round {round}: {other}"),
        }
        let hooked = sql(&t, &format!("SELECT count(*) FROM agents a JOIN beads b ON b.id = a.hook WHERE b.convoy_id = '{id}' AND b.status = 'closed'"));
        assert_eq!(hooked[0][0], "Integer(0)", "no agent keeps a closed bead");
    }
}

#[test]
fn hostile_input_is_refused_or_stored_exactly() {
    let t = Town::sqlite().with_rig();
    let slung: Value = t.json(&["sling", "--rig", "app", "seed"]);
    let bead = slung["bead"]["id"].as_str().unwrap().to_string();
    // An argument can hold at most 128 KiB on Linux; bigger text comes in task files.
    let megabyte = "é".repeat(50 * 1024);
    let nasty = [
        "",
        " ",
        "\t",
        "'; DROP TABLE beads; --",
        "%",
        "_",
        "\\",
        "\u{7f}\u{1b}[2J",
        "gt-%",
        "-1",
        "99999999999999999999999",
        &megabyte,
    ];
    let before = t.count("events");
    let mut stored = 0;
    // Each refusal's exit code, reviewed in the snapshot: a change shows.
    let mut codes = String::new();
    for value in nasty {
        let shown = if value.len() > 100 {
            format!("é × {}", value.chars().count())
        } else {
            format!("{value:?}")
        };
        codes.push_str(&format!("{shown}:\n"));
        for args in [
            vec!["bead", "show", value],
            vec!["bead", "update", &bead, "--priority", value],
            vec!["bead", "update", &bead, "--status", value],
            vec!["bead", "reassign", value, "--new"],
            vec!["bead", "delete", value],
            vec!["convoy", "status", value],
            vec!["convoy", "close", value],
            vec!["convoy", "update", value, "--title", "x"],
            vec!["convoy", "add", value, &bead],
            vec!["agent", "show", value],
            vec!["agent", "update", value, "--status", "idle"],
            vec!["agent", "update", "Toast", "--pid", value],
            vec!["agent", "reset", value],
            vec!["hook", "--agent", value],
            vec!["escalation", "ack", value],
            vec!["events", "--subject", value],
            vec!["events", "--limit", value],
            vec!["events", "--since", value],
            vec!["sling", "--rig", value, "x"],
            vec![
                "sling-batch",
                "--rig",
                "app",
                "--title",
                "t",
                "--task",
                "x",
                "--max-polecats",
                value,
            ],
            vec!["--lock-timeout", value, "convoy", "list"],
        ] {
            let mut full = vec!["--json"];
            full.extend(args.iter().copied());
            let run = t.run(&full);
            // One JSON error of its code's kind, nothing on stdout.
            let err = run.failed_with(run.code);
            let command: Vec<&str> = args
                .iter()
                .map(|&a| match a {
                    a if a == value => "VALUE",
                    a if a == bead => "BEAD",
                    a => a,
                })
                .collect();
            codes.push_str(&format!(
                "  {} {:<10} {}\n",
                run.code,
                err["error"]["code"].as_str().unwrap_or("?"),
                command.join(" ")
            ));
        }
        // As a title, body or label it is data: stored exactly, or refused if empty.
        // (`--` and `--opt=value`, as a script would, so a leading '-' is data too)
        let (body, label) = (format!("--body={value}"), format!("--label={value}"));
        let run = t.run(&[
            "--json", "bead", "create", "--rig", "app", &body, &label, "--", value,
        ]);
        if value.trim().is_empty() || value.chars().count() > 64 {
            // Empty, or longer than a label may be.
            assert_eq!(run.code, 2);
        } else {
            assert_eq!(run.code, 0, "{}", run.stderr);
            let b: Value = serde_json::from_str(&run.stdout).unwrap();
            assert_eq!(
                (
                    b["title"].as_str(),
                    b["body"].as_str(),
                    b["labels"][0].as_str()
                ),
                (Some(value), Some(value), Some(value))
            );
            let id = b["id"].as_str().unwrap();
            let shown: Value = t.json(&["bead", "show", id]);
            assert_eq!(shown["title"].as_str(), Some(value));
            stored += 1;
        }
    }
    assert_eq!(t.count("events"), before + stored, "refusals wrote nothing");
    insta::assert_snapshot!("hostile_exit_codes", codes);
    // Arguments that are not UTF-8 at all are a usage error too.
    let out = t
        .command(&[])
        .arg("bead")
        .arg("show")
        .arg(std::ffi::OsStr::from_bytes(b"gt-\xff\xfe"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// The longest title, body and label the limits allow, of hostile text, go
/// in through a task file and come back exactly.
#[test]
fn the_longest_texts_are_stored_exactly() {
    let t = Town::sqlite().with_rig();
    let piece = "☃ \u{1}\\\"'; --";
    let title = piece.repeat(200 / piece.chars().count());
    let body = piece.repeat((64 << 10) / piece.len());
    let label = piece.repeat(64 / piece.chars().count());
    let task = serde_json::json!([{"title": title, "body": body, "labels": [label]}]);
    let file = t.write("big.json", serde_json::to_vec(&task).unwrap());
    let batch: Value = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "big",
        "--tasks-file",
        &file,
    ]);
    let id = batch["beads"][0]["bead"]["id"].as_str().unwrap();
    let bead: Value = t.json(&["bead", "show", id]);
    assert_eq!(bead["title"].as_str(), Some(title.as_str()));
    assert_eq!(bead["body"].as_str(), Some(body.as_str()));
    assert_eq!(bead["labels"][0].as_str(), Some(label.as_str()));
}

#[test]
fn a_task_file_of_100k_tasks_goes_in_whole() {
    let t = Town::sqlite().with_rig();
    let items: Vec<String> = (0..100_000)
        .map(|i| format!("{{\"title\": \"task {i}\"}}"))
        .collect();
    let file = t.write("huge.jsonl", items.join("\n"));
    let run = t.run(&[
        "-q",
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "huge",
        "--max-polecats",
        "8",
        "--tasks-file",
        &file,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(t.count("beads"), 100_000);
    assert_whole(&t);
}

/// Runs `gt` as an unprivileged user when the tests run as root (root may write
/// a read-only file); otherwise as the current user.
fn as_unprivileged(t: &Town, args: &[&str]) -> Run {
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .unwrap()
        .stdout
        == b"0\n";
    let mut cmd = if root {
        let mut cmd = t.program("setpriv");
        cmd.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            crate::support::GT,
        ])
        .args(args);
        cmd
    } else {
        t.command(args)
    };
    Run::of(&mut cmd)
}

/// A row gt cannot read back (a status no gt writes) fails `convoy status` with
/// exit 1 and prints nothing on stdout, also when beads before it were read
/// fine: the JSON document is written as the beads are read, and printed only
/// whole.
#[test]
fn a_corrupt_row_fails_convoy_status_with_nothing_printed() {
    let t = Town::sqlite().with_rig();
    let file = t.write(
        "tasks.json",
        r#"[{"title": "a"}, {"title": "b"}, {"title": "c"}]"#,
    );
    let batch: Value = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "three",
        "--tasks-file",
        &file,
    ]);
    let convoy = batch["convoy"]["id"].as_str().unwrap();
    let last = batch["beads"][2]["bead"]["id"].as_str().unwrap();
    rusqlite::Connection::open(&t.db)
        .unwrap()
        .execute("UPDATE beads SET status = 'bogus' WHERE id = ?1", [last])
        .unwrap();
    let error = t.fails(&["convoy", "status", convoy], 1);
    assert!(
        error["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("bogus")),
        "{error}"
    );
    let human = t.run(&["convoy", "status", convoy]);
    assert_eq!((human.code, human.stdout.as_str()), (1, ""));
}

#[test]
fn a_read_only_town_is_exit_5_and_unchanged() {
    use std::os::unix::fs::PermissionsExt;
    let t = Town::sqlite().with_rig();
    t.json::<Value>(&["sling", "--rig", "app", "x"]);
    let beads = t.count("beads");
    std::fs::set_permissions(t.home.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    std::fs::set_permissions(&t.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let run = as_unprivileged(&t, &["--json", "sling", "--rig", "app", "y"]);
    std::fs::set_permissions(t.home.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&t.db, std::fs::Permissions::from_mode(0o644)).unwrap();
    run.failed_with(5);
    assert_eq!(t.count("beads"), beads);
}

#[test]
fn a_full_disk_is_exit_5_with_no_partial_write() {
    let t = Town::sqlite().with_rig();
    t.json::<Value>(&["sling", "--rig", "app", "x"]);
    let (beads, events) = (t.count("beads"), t.count("events"));
    let file = t.write("big.json", tasks(20_000));
    // The shell lowers the file-size limit (as a full disk would stop writes)
    // and ignores the signal that would otherwise kill gt when it is hit.
    let script = format!(
        "trap '' XFSZ; ulimit -f 2048; exec \"$GT\" --json sling-batch --rig app --title full --tasks-file '{file}'"
    );
    Run::of(t.program("sh").arg("-c").arg(script)).failed_with(5);
    assert_eq!((t.count("beads"), t.count("events")), (beads, events));
    assert_whole(&t);
}
