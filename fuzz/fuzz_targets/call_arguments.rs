//! What MCP clients and HTTP bodies send: any JSON decodes into each call's
//! request or is a usage error naming the call, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(arguments) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    for entry in gt_core::calls::catalogue() {
        if let Err(e) = entry.decode(arguments.clone()) {
            assert_eq!(e.code(), "usage", "{}: {e:?}", entry.spec.tool);
            assert!(e.message.contains(entry.spec.tool), "{}", e.message);
        }
    }
});
