//! The ID and name resolver, against a real town (SQLite) of beads, agents
//! and a convoy: any text resolves to a thing of the right kind, or fails
//! with usage, not_found or conflict (with candidates), never a panic or an
//! internal error, and the town is left unchanged.
#![no_main]

use std::sync::{Mutex, OnceLock};

use gt_core::{OpenOptions, Town};
use libfuzzer_sys::fuzz_target;

struct Fixture {
    _dir: tempfile::TempDir,
    town: Town,
}

fn fixture() -> &'static Mutex<Fixture> {
    static FIXTURE: OnceLock<Mutex<Fixture>> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut town = Town::open(&OpenOptions {
            location: dir.path().join("town.db").display().to_string(),
            lock_timeout: std::time::Duration::from_secs(5),
            actor: "fuzz".into(),
            dispatch_command: None,
            credentials: None,
            local: None,
        })
        .unwrap();
        town.add_rig(&gt_core::ops::rig::AddRig {
            name: "app".into(),
            ..Default::default()
        })
        .unwrap();
        let tasks = (0..30)
            .map(|i| gt_core::tasks::TaskInput::titled(format!("task {i}")))
            .collect();
        town.sling_batch(&gt_core::ops::sling::SlingBatch {
            rig_id: "app".into(),
            convoy_title: "fuzz".into(),
            tasks,
            ..Default::default()
        })
        .unwrap();
        Mutex::new(Fixture { _dir: dir, town })
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut f = fixture().lock().unwrap();
    let outcomes = [
        f.town.bead(text).map(|b| b.id),
        f.town.agent(text).map(|a| a.id),
        f.town.convoy_status(text).map(|c| c.convoy.id),
    ];
    for (prefix, outcome) in ["gt-", "ag-", "cv-"].iter().zip(outcomes) {
        match outcome {
            Ok(id) => assert!(id.starts_with(prefix), "{text:?} resolved to {id}"),
            Err(e) => {
                assert!(
                    matches!(e.code(), "usage" | "not_found" | "conflict"),
                    "{text:?}: {e:?}"
                );
                if e.code() == "conflict" {
                    assert!(e.candidates().len() >= 2, "{text:?}: {e:?}");
                }
            }
        }
    }
});
