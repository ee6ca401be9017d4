//! What users write in the config file: any text parses, or is a usage error
//! naming the file and a line of the text; every value of a parsed file reads
//! back, or is such an error. Never a panic.
#![no_main]

use std::path::Path;

use gt_core::config::ConfigFile;
use gt_core::Error;
use libfuzzer_sys::fuzz_target;

/// A fault names the file, then a line that the text has.
fn check(e: &Error, lines: usize) {
    assert_eq!(e.code(), "usage", "{e:?}");
    let rest = e
        .message
        .strip_prefix("fuzz.toml: line ")
        .unwrap_or_else(|| panic!("{}", e.message));
    let line: usize = rest.split(':').next().unwrap().parse().unwrap();
    assert!((1..=lines).contains(&line), "line {line} of {lines}: {}", e.message);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines = text.matches('\n').count() + 1;
    let file = match ConfigFile::parse(Path::new("fuzz.toml"), text.to_string()) {
        Ok(file) => file,
        Err(e) => return check(&e, lines),
    };
    let _ = (file.db(), file.actor(), file.dispatch_command());
    let _ = (file.rqlite_user(), file.rqlite_password(), file.max_dispatch_retries());
    for d in [file.lock_timeout(), file.stall_after(), file.dead_after()] {
        if let Some(Err(e)) = d {
            check(&e, lines);
        }
    }
    if let Some(Err(e)) = file.color(|c| if c == "never" { Ok(()) } else { Err("bad".into()) }) {
        check(&e, lines);
    }
});
