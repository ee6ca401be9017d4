//! How much of each kind of text the town takes: one table for every face
//! (the command line, MCP, HTTP), checked where a request is validated. A
//! text over its limit is refused with `usage`, naming the field and the
//! limit; nothing is cut short.

use crate::error::{Error, Result};

/// How a limit is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Unicode characters: names and one-line texts, as a person counts them.
    Chars,
    /// Bytes of UTF-8: long texts, as memory and the store count them.
    Bytes,
}

/// One kind of text and its limit.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// The field as errors name it ("title" also covers "convoy title" and
    /// "title of task 3").
    pub field: &'static str,
    pub max: usize,
    pub measure: Measure,
}

const fn chars(field: &'static str, max: usize) -> Limit {
    Limit {
        field,
        max,
        measure: Measure::Chars,
    }
}

const fn bytes(field: &'static str, max: usize) -> Limit {
    Limit {
        field,
        max,
        measure: Measure::Bytes,
    }
}

/// 64 KiB: a body, a message, a note.
const LONG: usize = 64 << 10;

/// Every limit.
pub const LIMITS: &[Limit] = &[
    chars("title", 200),
    chars("subject", 200),
    bytes("body", LONG),
    bytes("message", LONG),
    bytes("note", LONG),
    bytes("reason", LONG),
    chars("label", 64),
    chars("metadata key", 64),
    bytes("metadata value", 4 << 10),
    chars("category", 64),
    chars("idempotency key", 128),
    chars("feature branch", 200),
    chars("branch", 200),
    chars("git URL", 2048),
    chars("search", 200),
    chars("actor", 128),
];

/// How many labels a bead holds, and how many metadata keys.
pub const MAX_LABELS: usize = 32;
pub const MAX_META_KEYS: usize = 32;

/// The limit of a field as errors name it: "convoy title" and "title of
/// task 3" are titles.
pub fn of(field: &str) -> Option<&'static Limit> {
    LIMITS.iter().find(|l| {
        field == l.field
            || field
                .strip_suffix(l.field)
                .is_some_and(|head| head.ends_with(' '))
            || field
                .strip_prefix(l.field)
                .is_some_and(|tail| tail.starts_with(" of "))
    })
}

/// Refuses `value` if it is longer than the limit of `field`.
pub fn check(field: &str, value: &str) -> Result<()> {
    let Some(limit) = of(field) else {
        return Ok(());
    };
    let (size, unit) = match limit.measure {
        Measure::Chars => (value.chars().count(), "characters"),
        Measure::Bytes => (value.len(), "bytes"),
    };
    if size > limit.max {
        return Err(Error::usage(format!(
            "the {field} is {size} {unit} long; the most is {} {unit}",
            limit.max
        ))
        .with_hint(format!("shorten the {field}")));
    }
    Ok(())
}

/// Refuses more than `max` values of `field`.
pub fn check_count(field: &str, count: usize, max: usize) -> Result<()> {
    if count > max {
        return Err(
            Error::usage(format!("{count} {field}s given; the most is {max}"))
                .with_hint(format!("give at most {max} {field}s")),
        );
    }
    Ok(())
}

/// Rejects an empty or whitespace-only text where one is required.
pub(crate) fn required(what: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::usage(format!("the {what} is empty"))
            .with_hint(format!("give a non-empty {what}")));
    }
    text(what, value)
}

/// Refuses text with a NUL character (no title, body, label or value means
/// one, and tools that read the town, C strings and terminals, would cut it
/// there) or longer than its limit (`crate::limits`).
pub(crate) fn text(what: &str, value: &str) -> Result<()> {
    match crate::tasks::nul_free(what, value) {
        Some(message) => Err(Error::usage(message).with_hint("leave out the NUL (\\u0000)")),
        None => check(what, value),
    }
}

/// [`text`] for each of `values`.
pub(crate) fn texts<'a>(what: &str, values: impl IntoIterator<Item = &'a String>) -> Result<()> {
    values.into_iter().try_for_each(|v| text(what, v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_find_their_limit_by_their_kind() {
        assert_eq!(of("title").unwrap().max, 200);
        assert_eq!(of("convoy title").unwrap().max, 200);
        assert_eq!(of("title of task 3").unwrap().max, 200);
        assert_eq!(of("metadata value").unwrap().max, 4096);
        assert!(of("subtitle").is_none());
        assert!(of("titles").is_none());
    }

    #[test]
    fn the_limit_itself_is_taken_and_one_more_is_refused() {
        let title = "é".repeat(200);
        assert!(check("title", &title).is_ok());
        let e = check("title of task 2", &format!("{title}x")).unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::Usage);
        assert!(
            e.message.contains("title of task 2") && e.message.contains("200 characters"),
            "{e:?}"
        );
        assert!(check("body", &"x".repeat(64 << 10)).is_ok());
        assert!(check("body", &"x".repeat((64 << 10) + 1)).is_err());
        assert!(check("label", &"x".repeat(65)).is_err());
        assert!(check_count("label", 33, MAX_LABELS).is_err());
        assert!(check_count("label", 32, MAX_LABELS).is_ok());
    }
}
