//! What a call does, written once for every face: a summary (its first
//! paragraph) and details, naming arguments and other calls by placeholders
//! that each face words its own way ([`Names`]): the command line with
//! `--flags` and `gt …` commands, MCP with argument names and tools, HTTP with
//! fields and routes. The same words serve the guide's prose.
//!
//! The placeholders:
//! - `{field}`: a field of the request of the call being described
//!   (`{agent_id}` is `--to` on the command line, `agent_id` elsewhere);
//! - `{arg:PATH field}`: a field of another call's request;
//! - `{call:PATH}`: another call, `{call:PATH field field=value}` with
//!   arguments (a bare field is a flag set);
//! - `{error:KIND}`: how the face reports a refusal of that kind (`exit 4`,
//!   a `conflict` error);
//! - `{db}`, `{lock_timeout}`, `{actor}`: a setting of the process.
//!
//! Anything else in braces (`{id, name?}`) is text.

use crate::error::{ErrorKind, Names, SETTINGS};

/// A call's summary: its doc's first paragraph.
pub fn summary(doc: &str) -> &str {
    doc.split("\n\n").next().unwrap_or(doc).trim()
}

/// A call's details: its doc after the summary, if any.
pub fn details(doc: &str) -> Option<&str> {
    doc.split_once("\n\n")
        .map(|(_, rest)| rest.trim())
        .filter(|rest| !rest.is_empty())
}

/// `text` with its placeholders worded by `names`; `call` is the catalogue
/// path of the call it describes, whose fields `{field}` names.
pub fn render(text: &str, call: Option<&str>, names: &dyn Names) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let token = &after[..end];
        match word(token, call, names) {
            Some(words) => out.push_str(&words),
            None => out.push_str(&rest[start..start + end + 2]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The words of one placeholder, or `None` where `token` is none.
fn word(token: &str, call: Option<&str>, names: &dyn Names) -> Option<String> {
    if let Some(rest) = token.strip_prefix("call:") {
        let (path, args) = call_and_args(rest)?;
        let args: Vec<(&str, String)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        return Some(names.doc_call(path, &args));
    }
    if let Some(rest) = token.strip_prefix("arg:") {
        let (path, field) = rest.rsplit_once(' ')?;
        return is_field(field).then(|| names.doc_field(path, field));
    }
    if let Some(kind) = token.strip_prefix("error:") {
        return Some(names.refusal(kind_of(kind)?));
    }
    if SETTINGS.contains(&token) {
        return Some(names.setting(token));
    }
    match call {
        Some(call) if is_field(token) => Some(names.doc_field(call, token)),
        _ => None,
    }
}

/// Whether `token` could be a request field's name.
fn is_field(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// A call's path (the longest of the catalogue that `text` starts with) and
/// the arguments after it: `new` is a flag set, `status=open` a value.
fn call_and_args(text: &str) -> Option<(&'static str, Vec<(String, String)>)> {
    let path = crate::calls::catalogue()
        .into_iter()
        .map(|e| e.spec.cli)
        .filter(|p| text == *p || text.starts_with(&format!("{p} ")))
        .max_by_key(|p| p.len())?;
    let mut args = Vec::new();
    for arg in text[path.len()..].split_whitespace() {
        let (field, value) = arg.split_once('=').unwrap_or((arg, "true"));
        args.push((field_name(path, field)?, value.to_string()));
    }
    Some((path, args))
}

/// `field`, where the request of `path` has it (where a schema says).
fn field_name(path: &str, field: &str) -> Option<String> {
    #[cfg(feature = "schema")]
    {
        let entry = crate::calls::catalogue()
            .into_iter()
            .find(|e| e.spec.cli == path)?;
        let schema = entry.input_schema();
        let known = schema["properties"].as_object()?.contains_key(field);
        known.then(|| field.to_string())
    }
    #[cfg(not(feature = "schema"))]
    {
        let _ = path;
        Some(field.to_string())
    }
}

fn kind_of(code: &str) -> Option<ErrorKind> {
    Some(match code {
        "usage" => ErrorKind::Usage,
        "not_found" => ErrorKind::NotFound,
        "conflict" => ErrorKind::Conflict,
        "unavailable" => ErrorKind::Unavailable,
        "forbidden" => ErrorKind::Forbidden,
        _ => return None,
    })
}

/// Every placeholder of `text` that no face can word: a `{word}` that is no
/// field of `call`'s request (`fields`), a call or error that does not
/// exist. For the tests that hold every doc true.
pub fn unknown_placeholders(text: &str, call: Option<&str>, fields: &[String]) -> Vec<String> {
    let mut bad = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let token = &after[..end];
        let ok = if let Some(rest) = token.strip_prefix("call:") {
            call_and_args(rest).is_some()
        } else if let Some(rest) = token.strip_prefix("arg:") {
            rest.rsplit_once(' ')
                .is_some_and(|(path, field)| field_name(path, field).is_some())
        } else if let Some(kind) = token.strip_prefix("error:") {
            kind_of(kind).is_some()
        } else if SETTINGS.contains(&token) {
            true
        } else if is_field(token) {
            call.is_some() && fields.iter().any(|f| f == token)
        } else {
            true
        };
        if !ok {
            bad.push(token.to_string());
        }
        rest = &after[end + 1..];
    }
    bad
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::PlainNames;

    #[test]
    fn a_doc_is_a_summary_then_details() {
        let doc = "Move a bead\n\nThe new agent is hooked first.\n\nThen the old.";
        assert_eq!(summary(doc), "Move a bead");
        assert_eq!(
            details(doc),
            Some("The new agent is hooked first.\n\nThen the old.")
        );
        assert_eq!(details("Only a summary"), None);
    }

    #[test]
    fn placeholders_are_worded_and_other_braces_are_text() {
        let text = "With {convoy_id}, see {call:bead reassign new} ({error:conflict}); \
                    {id, name?} stays";
        let out = render(text, Some("bead create"), &PlainNames);
        assert_eq!(
            out,
            "With `convoy_id`, see `bead reassign {\"new\":true}` (a `conflict` error); \
             {id, name?} stays"
        );
        // No call: a bare word is text.
        assert_eq!(render("{status}", None, &PlainNames), "{status}");
    }
}
