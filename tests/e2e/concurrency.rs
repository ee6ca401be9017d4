//! Many writers at once (R11).

use std::process::Stdio;

use gt_core::ops::sling::SlungBatch;

use crate::support::Town;

pub fn eight_processes_close_one_convoy(t: Town) {
    const WRITERS: usize = 8;
    const PER_WRITER: usize = 5;
    let t = t.with_rig();
    let mut args = vec![
        "sling-batch".to_string(),
        "--rig".into(),
        "app".into(),
        "--title".into(),
        "Race".into(),
    ];
    for i in 0..WRITERS * PER_WRITER {
        args.extend(["--task".into(), format!("task {i}")]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let batch: SlungBatch = t.json(&args);
    let ids: Vec<String> = batch.beads.iter().map(|b| b.bead.id.clone()).collect();

    // Each writer is a shell loop of `gt bead update --status closed`, all started
    // together so that their commands interleave.
    let children: Vec<_> = ids
        .chunks(PER_WRITER)
        .map(|chunk| {
            let script = chunk
                .iter()
                .map(|id| {
                    format!("\"$GT\" --json bead update {id} --status closed >/dev/null || exit $?")
                })
                .collect::<Vec<_>>()
                .join("\n");
            t.program("sh")
                .arg("-c")
                .arg(script)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "a writer failed: {stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
    }
    t.assert_landed_once(&batch.convoy.id, WRITERS * PER_WRITER);
}
