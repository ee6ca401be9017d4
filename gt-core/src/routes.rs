//! The HTTP face's routes and how a request becomes a call's arguments: every
//! route (the catalogue's and the aliases of SPEC §8), and the fields taken
//! from a request's path parameters, query and JSON body, typed as the call's
//! request schema types them. Pure functions of the request's parts, so the
//! server (`gt serve`) and the fuzz target `http_request` decode the same way.

use serde_json::{json, Value as Json};

use crate::calls::{self, Entry};
use crate::error::{Error, Result};

/// One route: a method, a path pattern (`/api/beads/{bead_id}`) and its call.
#[derive(Debug, Clone, Copy)]
pub struct Route {
    pub method: &'static str,
    pub pattern: &'static str,
    pub entry: Entry,
}

/// Every route of the catalogue, then the aliases.
pub fn all() -> Vec<Route> {
    let entries = calls::catalogue();
    let own = entries.iter().filter_map(|e| e.spec.route.map(|r| (r, *e)));
    let aliases = entries
        .iter()
        .flat_map(|e| e.spec.aliases.iter().map(|r| (*r, *e)));
    own.chain(aliases)
        .filter_map(|(route, entry)| {
            let (method, pattern) = route.split_once(' ')?;
            Some(Route {
                method,
                pattern,
                entry,
            })
        })
        .collect()
}

/// The route that `method` and `path` (without its query) name, if any:
/// what the server's router picks, for callers without one.
pub fn find(method: &str, path: &str) -> Option<Route> {
    all()
        .into_iter()
        .find(|r| r.method == method && matches(r.pattern, path))
}

/// Whether `path` fits `pattern`: the same segments, each `{name}` standing
/// for one non-empty segment.
fn matches(pattern: &str, path: &str) -> bool {
    let (mut want, mut have) = (pattern.split('/'), path.split('/'));
    loop {
        match (want.next(), have.next()) {
            (None, None) => return true,
            (Some(p), Some(v)) if p.starts_with('{') => {
                if v.is_empty() {
                    return false;
                }
            }
            (Some(p), Some(v)) if p == v => {}
            _ => return false,
        }
    }
}

/// Decodes `%XX` and `+` in a URL component; a `%` not followed by two hex
/// digits stands for itself, and bytes that are not UTF-8 become U+FFFD.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let hex = |b: u8| char::from(b).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The path parameters of `path` matched against `pattern` (`/api/beads/{bead_id}`).
fn path_params(pattern: &str, path: &str) -> Vec<(String, String)> {
    pattern
        .split('/')
        .zip(path.split('/'))
        .filter_map(|(p, v)| {
            p.strip_prefix('{')
                .and_then(|p| p.strip_suffix('}'))
                .map(|name| (name.to_string(), decode(v)))
        })
        .collect()
}

/// A query string's pairs (`all` alone is `all=true`).
pub fn query_pairs(query: Option<&str>) -> Vec<(String, String)> {
    query
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), "true".to_string()),
        })
        .collect()
}

/// A text value as the request's schema types the field (queries and paths
/// carry only text).
fn typed(schema: &Json, field: &str, text: String) -> Json {
    let property = &schema["properties"][field];
    let types: Vec<&str> = match &property["type"] {
        Json::String(t) => vec![t.as_str()],
        Json::Array(ts) => ts.iter().filter_map(Json::as_str).collect(),
        _ => vec![],
    };
    if types.contains(&"boolean") {
        return json!(matches!(text.as_str(), "true" | "1" | "yes" | ""));
    }
    if types.contains(&"integer") {
        if let Ok(n) = text.parse::<i64>() {
            return json!(n);
        }
    }
    if types.contains(&"array") {
        return json!([text]);
    }
    Json::String(text)
}

/// The call's arguments from a request to `route`: its `path` (as sent,
/// percent-encoded), its `query`, and its `body` (none for a GET). The body,
/// where there is one, must be a JSON object; the query's and the path's
/// fields are laid over it.
pub fn arguments(route: &Route, path: &str, query: Option<&str>, body: &[u8]) -> Result<Json> {
    let schema = route.entry.input_schema();
    let mut args = serde_json::Map::new();
    if route.method != "GET" && !body.is_empty() {
        match serde_json::from_slice::<Json>(body) {
            Ok(Json::Object(map)) => args = map,
            Ok(_) => return Err(Error::usage("the body is not a JSON object")),
            Err(e) => return Err(Error::usage(format!("the body is not valid JSON: {e}"))),
        }
    }
    for (key, value) in query_pairs(query) {
        // A query names an ID field as SPEC §8 does (`?rig=`, `?convoy=`).
        let id_field = format!("{key}_id");
        let key = if schema["properties"].get(&key).is_none()
            && schema["properties"].get(&id_field).is_some()
        {
            id_field
        } else {
            key
        };
        let value = typed(&schema, &key, value);
        args.insert(key, value);
    }
    for (key, value) in path_params(route.pattern, path) {
        // A path's one bead stands for a list of them where the call takes one.
        let has = |k: &str| schema["properties"].get(k).is_some();
        if has(&key) {
            args.insert(key, Json::String(value));
        } else if has(&format!("{key}s")) {
            args.insert(format!("{key}s"), json!([value]));
        }
        // Any other (the seed routes' `{town}`) names nothing the call takes.
    }
    Ok(Json::Object(args))
}

/// A request as the fuzz target and its corpus write it: the request line
/// (`PATCH /api/beads/gt-abc?status=closed`), a newline, then the body.
#[derive(Debug)]
pub struct Request<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub body: &'a [u8],
}

impl<'a> Request<'a> {
    /// Splits `bytes` into a request, or none when its first line is not
    /// `METHOD TARGET` in UTF-8.
    pub fn parse(bytes: &'a [u8]) -> Option<Request<'a>> {
        let end = bytes
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(bytes.len());
        let line = std::str::from_utf8(&bytes[..end]).ok()?;
        let (method, target) = line.trim_end_matches('\r').split_once(' ')?;
        let (path, query) = match target.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (target, None),
        };
        let body = bytes.get(end + 1..).unwrap_or(&[]);
        Some(Request {
            method,
            path,
            query,
            body,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_decode_and_params_match() {
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%41%4"), "A%4");
        // A sign is not a hex digit (`u8::from_str_radix` would take `+1`).
        assert_eq!(decode("%+1"), "% 1");
        assert_eq!(decode("%C3%A9"), "é");
        assert_eq!(decode("%FF"), "\u{FFFD}");
        assert_eq!(
            path_params("/api/beads/{bead_id}", "/api/beads/gt-abc"),
            vec![("bead_id".to_string(), "gt-abc".to_string())]
        );
        assert_eq!(
            query_pairs(Some("all&status=active")),
            vec![
                ("all".into(), "true".into()),
                ("status".into(), "active".into())
            ]
        );
    }

    #[test]
    fn every_route_is_found_by_its_own_shape() {
        let routes = all();
        assert!(routes.len() > 20, "{}", routes.len());
        for route in &routes {
            let path = route
                .pattern
                .split('/')
                .map(|s| if s.starts_with('{') { "x-1" } else { s })
                .collect::<Vec<_>>()
                .join("/");
            let found = find(route.method, &path).expect("a route for its own shape");
            assert_eq!(found.entry.spec.tool, route.entry.spec.tool, "{path}");
        }
        assert!(find("GET", "/api/beads/").is_none());
        assert!(find("GET", "/api/nothing").is_none());
    }

    #[test]
    fn a_request_names_the_calls_fields() {
        let route = find("PATCH", "/api/beads/gt-abc").unwrap();
        let args = arguments(
            &route,
            "/api/beads/gt%2Dabc",
            Some("status=closed"),
            br#"{"title":"t"}"#,
        )
        .unwrap();
        assert_eq!(
            args,
            json!({"title": "t", "status": "closed", "bead_id": "gt-abc"})
        );
        let e = arguments(&route, "/api/beads/x", None, b"[1]").unwrap_err();
        assert_eq!(e.code(), "usage");
        let e = arguments(&route, "/api/beads/x", None, b"{").unwrap_err();
        assert!(e.message.contains("not valid JSON"), "{}", e.message);
    }

    /// The seeds of the fuzz target `http_request` are requests to real
    /// routes that decode into their calls, so the corpus is valid input.
    #[test]
    fn the_fuzz_corpus_seeds_are_valid_requests() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/corpus/http_request");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).expect("the http_request corpus") {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let request = Request::parse(&bytes).expect("a request line");
            let route = find(request.method, request.path)
                .unwrap_or_else(|| panic!("{}: no route", path.display()));
            let args = arguments(&route, request.path, request.query, request.body)
                .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            route
                .entry
                .decode(args)
                .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            seen += 1;
        }
        assert!(seen >= 4, "only {seen} seeds");
    }
}
