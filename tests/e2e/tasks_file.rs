//! Task files: every fault refused before anything is written.

use gt_core::ops::sling::SlungBatch;

use crate::support::Town;

pub fn faulty_task_files_are_refused_with_their_line(t: Town) {
    let t = t.with_rig();
    let events_before = t.count("events");
    let cases: &[(&str, &[u8], &str)] = &[
        ("cycle.json", b"[\n{\"title\": \"A\", \"depends_on\": [1]},\n{\"title\": \"B\", \"depends_on\": [0]}\n]", "line 2"),
        ("self.json", b"[\n{\"title\": \"A\"},\n{\"title\": \"B\", \"depends_on\": [1]}\n]", "line 3"),
        ("range.json", b"[\n{\"title\": \"A\", \"depends_on\": [5]}\n]", "line 2"),
        ("key.jsonl", b"{\"title\": \"A\"}\n{\"title\": \"B\", \"depends_on\": [\"missing\"]}\n", "line 2"),
        ("title.json", b"[\n{\"title\": \"A\"},\n\n{\"body\": \"untitled\"}\n]", "line 4"),
        ("syntax.json", b"[\n{\"title\": \"A\"}\n{\"title\": \"B\"}\n]", "line 3, column"),
        ("syntax.jsonl", b"{\"title\": \"A\"}\n{\"title\" \"B\"}\n", "line 2, column"),
        ("utf8.jsonl", b"{\"title\": \"A\"}\n{\"title\": \"\xc3\x28\"}\n", "line 2"),
    ];
    for (name, contents, place) in cases {
        let path = t.write(name, contents);
        let err = t.fails(
            &[
                "sling-batch",
                "--rig",
                "app",
                "--title",
                "bad",
                "--tasks-file",
                &path,
            ],
            2,
        );
        let message = err["error"]["message"].as_str().unwrap();
        assert!(message.contains(place), "{name}: {message}");
    }
    assert_eq!(
        (t.count("beads"), t.count("convoys"), t.count("agents")),
        (0, 0, 0)
    );
    assert_eq!(t.count("events"), events_before, "nothing written");
    t.fails(
        &[
            "sling-batch",
            "--rig",
            "app",
            "--title",
            "bad",
            "--tasks-file",
            "/no/such/file",
        ],
        2,
    );
}

pub fn tasks_come_from_stdin_and_json_lines(t: Town) {
    let t = t.with_rig();
    let lines = b"{\"title\": \"one\", \"key\": \"one\"}\n{\"title\": \"two\", \"depends_on\": [\"one\"], \"labels\": [\"x\"]}\n";
    let run = t.run_with_input(
        &[
            "--json",
            "sling-batch",
            "--rig",
            "app",
            "--title",
            "stdin",
            "--tasks-file",
            "-",
        ],
        lines,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let batch: SlungBatch = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(batch.beads.len(), 2);
    assert_eq!(
        batch.beads[1].bead.depends_on,
        vec![batch.beads[0].bead.id.clone()]
    );
    assert_eq!(batch.beads[1].bead.labels, ["x"]);
}
