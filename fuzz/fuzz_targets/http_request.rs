//! What HTTP clients send: a request line and a body. Any request to a route
//! becomes that call's arguments or a usage error; the arguments decode into
//! the call's request or a usage error naming it; and percent-decoding undoes
//! percent-encoding. Never a panic.
#![no_main]

use gt_core::routes::{self, Request};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(request) = Request::parse(data) else {
        return;
    };
    // Every component decodes back from its own full encoding.
    for text in [request.path, request.query.unwrap_or("")] {
        let encoded: String = text.bytes().map(|b| format!("%{b:02X}")).collect();
        assert_eq!(routes::decode(&encoded), text);
    }
    let Some(route) = routes::find(request.method, request.path) else {
        return;
    };
    match routes::arguments(&route, request.path, request.query, request.body) {
        Ok(arguments) => {
            assert!(arguments.is_object());
            if let Err(e) = route.entry.decode(arguments) {
                assert_eq!(e.code(), "usage", "{}: {e:?}", route.entry.spec.tool);
                assert!(e.message.contains(route.entry.spec.tool), "{}", e.message);
            }
        }
        Err(e) => assert_eq!(e.code(), "usage", "{e:?}"),
    }
});
