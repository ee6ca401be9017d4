//! Refusals: every bad request exits with its code and one JSON error, and
//! changes nothing.

use gt_core::ops::sling::Slung;
use serde_json::Value;

use crate::support::Town;

pub fn unknown_ids_exit_3(t: Town) {
    let t = t.with_rig();
    for args in [
        &["bead", "show", "gt-zzzzz"][..],
        &["bead", "update", "gt-zzzzz", "--status", "closed"],
        &["convoy", "status", "cv-zzzzz"],
        &["agent", "show", "Nobody"],
        &["hook", "--agent", "Nobody"],
        &["events", "--subject", "gt-zzzzz"],
        &["sling", "--rig", "no-such-rig", "x"],
        &["bead", "list", "--convoy", "cv-zz"],
    ] {
        let err = t.fails(args, 3);
        assert!(
            err["error"]["hint"].is_string(),
            "{args:?}: a hint says what to do"
        );
    }
}

pub fn conflicts_exit_4(t: Town) {
    let t = t.with_rig();
    let args = [
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "CI",
        "--task",
        "x",
        "--idempotency-key",
        "k",
    ];
    t.json::<Value>(&args);
    t.fails(
        &[
            "sling-batch",
            "--rig",
            "app",
            "--title",
            "CI",
            "--task",
            "other",
            "--idempotency-key",
            "k",
        ],
        4,
    );
    t.fails(&["rig", "add", "app", "--default-branch", "trunk"], 4);
    let again: Value = t.json(&["rig", "add", "app"]);
    assert_eq!(again["name"], "app", "re-adding the same rig is fine");
}

pub fn bad_values_exit_2(t: Town) {
    let t = t.with_rig();
    let slung: Slung = t.json(&["sling", "--rig", "app", "x"]);
    for args in [
        &["bead", "update", &slung.bead.id, "--status", "done"][..],
        &["bead", "update", &slung.bead.id, "--priority", "urgent"],
        &["bead", "update", &slung.bead.id, "--title", ""],
        &["bead", "update", &slung.bead.id, "--meta", "novalue"],
        &["sling", "--rig", "app", ""],
        &["sling", "--rig", "app", "x", "--priority", "meh"],
        &["sling-batch", "--rig", "app", "--title", "t"],
        &[
            "sling-batch",
            "--rig",
            "app",
            "--title",
            "t",
            "--task",
            "a",
            "--max-polecats",
            "0",
        ],
        &[
            "sling-batch",
            "--rig",
            "app",
            "--title",
            "t",
            "--task",
            "a",
            "--merge-mode",
            "yolo",
        ],
        &["convoy", "list", "--status", "sideways"],
        &["events", "--since", "the dawn of time"],
        &["--lock-timeout", "forever", "convoy", "list"],
        &["rig", "add", "bad name"],
        &["bead", "show", ""],
        &["no-such-command"],
    ] {
        t.fails(args, 2);
    }
    let bead: gt_core::model::Bead = t.json(&["bead", "show", &slung.bead.id]);
    assert_eq!(bead, slung.bead, "nothing changed");
}

pub fn ambiguous_prefixes_list_candidates(t: Town) {
    let t = t.with_rig();
    let a: Slung = t.json(&["sling", "--rig", "app", "a"]);
    let b: Slung = t.json(&["sling", "--rig", "app", "b"]);
    let err = t.fails(&["bead", "show", "gt-"], 4);
    let message = err["error"]["message"].as_str().unwrap();
    assert!(
        message.contains(&a.bead.id) && message.contains(&b.bead.id),
        "{message}"
    );
    // The same error, candidates and all, from the log's subjects.
    for args in [
        &["bead", "show", "gt-"][..],
        &["events", "--subject", "gt-"],
    ] {
        let err = t.fails(args, 4);
        let ids: Vec<&str> = err["error"]["candidates"]
            .as_array()
            .unwrap_or_else(|| panic!("{args:?}: {err}"))
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert!(
            ids.contains(&a.bead.id.as_str()) && ids.contains(&b.bead.id.as_str()),
            "{err}"
        );
    }
    // The type prefix may be left off, and case does not matter.
    let short = a.bead.id[3..].to_uppercase();
    let found: gt_core::model::Bead = t.json(&["bead", "show", &short]);
    assert_eq!(found.id, a.bead.id);
}

pub fn no_input_makes_gt_panic(t: Town) {
    let t = t.with_rig();
    let long = "x".repeat(100_000);
    let weird = [
        "'; DROP TABLE beads; --",
        "%",
        "_",
        "gt-%",
        "\u{1b}[31m",
        &long,
        "-1",
        "99999999999999999999",
    ];
    for w in weird {
        for args in [
            &["bead", "show", w][..],
            &["convoy", "status", w],
            &["agent", "show", w],
            &["events", "--subject", w, "--limit", "1"],
            &["bead", "list", "--label", w],
            &["sling", "--rig", w, "x"],
        ] {
            let run = t.run(&[&["--json"][..], args].concat());
            assert!(
                [0, 2, 3, 4].contains(&run.code),
                "{args:?}: exit {} {}",
                run.code,
                run.stderr
            );
            assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        }
    }
    assert_eq!(t.count("beads"), 0);
    let title = format!("{}\u{1b}[31m'\"; DROP TABLE beads; --", &long[..150]);
    let slung: Slung = t.json(&["sling", "--rig", "app", &title]);
    assert_eq!(slung.bead.title, title, "stored exactly");
    let human = t.run(&["bead", "show", &slung.bead.id]);
    assert!(
        !human.stdout.contains('\x1b'),
        "control characters are escaped for terminals"
    );
}
