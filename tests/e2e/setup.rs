//! The local town file: where it lives by default, and how gt treats files it
//! cannot use. (Local-only; the remote backend has its own setup tests.)

use std::time::Duration;

use gt_core::model::Town as TownInfo;

use crate::support::{Run, Town};

#[test]
fn the_default_town_lives_in_the_data_directory() {
    let t = Town::sqlite();
    let info: TownInfo = Run::of(t.command(&["--json", "init"]).env_remove("GT_DB")).json();
    assert!(info.created);
    assert_eq!(info.backend, "sqlite");
    let expected = t.home.path().join(".local/share/gt/town.db");
    assert_eq!(info.location, expected.display().to_string());
    assert!(expected.exists());
    let info: TownInfo = Run::of(t.command(&["--json", "init"]).env_remove("GT_DB")).json();
    assert!(!info.created, "created once");
}

#[test]
fn a_newer_schema_is_refused_and_left_alone() {
    let t = Town::sqlite();
    t.json::<serde_json::Value>(&["init"]);
    let conn = rusqlite::Connection::open(&t.db).unwrap();
    conn.execute(
        "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
        [],
    )
    .unwrap();
    drop(conn);
    let err = t.fails(&["convoy", "list"], 5);
    assert!(err["error"]["message"].as_str().unwrap().contains("99"));
    let conn = rusqlite::Connection::open(&t.db).unwrap();
    let v: String = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(v, "99");
}

#[test]
fn a_held_lock_times_out_with_exit_5() {
    let t = Town::sqlite().with_rig();
    let conn = rusqlite::Connection::open(&t.db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    let err = t.fails(
        &["--lock-timeout", "300ms", "sling", "--rig", "app", "x"],
        5,
    );
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert!(err["error"]["message"].as_str().unwrap().contains("locked"));
    assert!(err["error"]["hint"]
        .as_str()
        .unwrap()
        .contains("--lock-timeout"));
    conn.execute_batch("ROLLBACK").unwrap();
    assert_eq!(t.count("beads"), 0);
}

#[test]
fn files_that_are_not_towns_are_refused() {
    let t = Town::sqlite();
    let junk = t.write("junk.db", vec![b'x'; 8192]);
    t.fails(&["--db", &junk, "convoy", "list"], 5);
    let missing_dir = t.path("no/such/dir/town.db").display().to_string();
    t.fails(&["--db", &missing_dir, "init"], 5);
    let other = t.path("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE mine (x)")
        .unwrap();
    let err = t.fails(&["--db", &other.display().to_string(), "init"], 5);
    assert!(err["error"]["message"]
        .as_str()
        .unwrap()
        .contains("not a gt town"));
}

#[test]
fn help_and_version_need_no_town() {
    let t = Town::sqlite();
    for args in [
        &["--help"][..],
        &["--version"],
        &["sling-batch", "--help"],
        &["convoy", "status", "--help"],
    ] {
        let run = t.run(args);
        assert_eq!(run.code, 0, "{args:?}");
        assert!(!run.stdout.is_empty());
    }
    assert!(
        !std::path::Path::new(&t.db).exists(),
        "no database was touched"
    );
}
