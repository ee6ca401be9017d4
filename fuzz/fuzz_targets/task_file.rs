//! The task-file parser (`sling-batch --tasks-file`): any bytes give tasks or
//! a usage error naming a line, never a panic; whatever it accepts is a list
//! of titled tasks whose dependencies point inside the list, without a cycle.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match gt_core::tasks::parse("fuzz.json", data) {
        Ok(tasks) => {
            // What a file gives, a batch takes.
            let tasks = gt_core::tasks::check(&tasks).expect("a checked file resolves");
            assert!(!tasks.is_empty());
            for (i, t) in tasks.iter().enumerate() {
                assert!(!t.title.trim().is_empty(), "task {i} has no title");
                assert!(t.depends_on.iter().all(|&d| d < tasks.len() && d != i));
            }
            assert!(gt_core::tasks::find_cycle(&tasks).is_none());
        }
        Err(e) => {
            assert_eq!(e.code(), "usage", "{e:?}");
            assert!(e.message.contains("fuzz.json"), "{}", e.message);
        }
    }
});
