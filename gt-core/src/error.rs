//! The one error type gt-core returns: each variant carries a stable machine code
//! and an exit status (SPEC §4), so the binary never has to guess.

use std::fmt;

/// What kind of failure an [`Error`] is; decides its `code` and exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A bug or an unexpected I/O failure (exit 1).
    Internal,
    /// Bad arguments or a bad task file (exit 2).
    Usage,
    /// No such bead, convoy, agent, escalation or rig (exit 3).
    NotFound,
    /// The state forbids the change (exit 4).
    Conflict,
    /// The store cannot be reached, stayed locked, or is too new (exit 5).
    Unavailable,
    /// A face refuses the call in its mode (`gt mcp --read-only` or
    /// `--polecat`, `gt serve --read-only`); exit 2 where a process reports it.
    Forbidden,
}

impl ErrorKind {
    /// The stable machine-readable code of SPEC §4.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Internal => "internal",
            ErrorKind::Usage => "usage",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Unavailable => "unavailable",
            ErrorKind::Forbidden => "forbidden",
        }
    }

    /// The process exit status of SPEC §4.
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Internal => 1,
            ErrorKind::Usage => 2,
            ErrorKind::NotFound => 3,
            ErrorKind::Conflict => 4,
            ErrorKind::Unavailable => 5,
            ErrorKind::Forbidden => 2,
        }
    }
}

/// A failure of a gt-core operation: a kind, a one-line message, and an optional hint
/// that tells the user what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    pub hint: Option<Hint>,
    /// What an ambiguous ID or name could mean, for a caller to pick from
    /// (boxed: errors travel in every `Result`, and are rarely ambiguous).
    pub candidates: Option<Box<[Candidate]>>,
}

/// One thing an ambiguous ID or name matches.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Candidate {
    pub id: String,
    /// An agent's or rig's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A bead's, convoy's or escalation's title (an escalation's message).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// What to do about an error, as data that each face words its own way: the
/// command line names commands and `--flags`, the MCP tools and HTTP name
/// tools and fields. Calls are named by their catalogue entry (the command
/// path, `bead update`) and arguments by the request's field names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// Words, which name a setting of the process as `{db}`, `{lock_timeout}`
    /// or `{actor}` and a call as `{call:PATH}`, for each face to word.
    Text(String),
    /// `why`, then a call that would help, with its arguments (`"true"` for
    /// a flag).
    Call {
        why: String,
        call: &'static str,
        args: Vec<(&'static str, String)>,
    },
    /// `why`, then the fields of a call to give (`give status or pid`).
    Fields {
        why: String,
        call: &'static str,
        fields: Vec<&'static str>,
    },
    /// Alternatives, in order.
    Or(Vec<Hint>),
}

impl Hint {
    pub fn call(why: impl Into<String>, call: &'static str, args: &[(&'static str, &str)]) -> Hint {
        Hint::Call {
            why: why.into(),
            call,
            args: args.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        }
    }

    pub fn fields(why: impl Into<String>, call: &'static str, fields: &[&'static str]) -> Hint {
        Hint::Fields {
            why: why.into(),
            call,
            fields: fields.to_vec(),
        }
    }

    /// Words the hint, naming each call and argument through `name`.
    pub fn render(&self, name: &dyn Names) -> String {
        match self {
            Hint::Text(text) => fill(text, name),
            Hint::Call { why, call, args } => format!("{why}: {}", name.call(call, args)),
            Hint::Fields { why, call, fields } => {
                let names: Vec<String> = fields.iter().flat_map(|f| name.field(call, f)).collect();
                format!("{why} {}", either(&names))
            }
            Hint::Or(hints) => hints
                .iter()
                .map(|h| h.render(name))
                .collect::<Vec<_>>()
                .join(", or "),
        }
    }
}

/// `text` with its `{setting}` and `{call:PATH}` placeholders worded by
/// `name` (as a call's doc is, with no call of its own).
fn fill(text: &str, name: &dyn Names) -> String {
    crate::doc::render(text, None, name)
}

/// The settings of a process a hint may name: where the town is, how long a
/// writer waits for it, and who the events name.
pub const SETTINGS: &[&str] = &["db", "lock_timeout", "actor"];

/// `a`, `a or b`, `a, b or c`.
pub fn either(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// How a face names calls and their fields in a hint.
pub trait Names {
    /// A call with its arguments, as this face would write it.
    fn call(&self, call: &str, args: &[(&str, String)]) -> String;
    /// How this face names a field of a call's request (one field may be
    /// given more than one way).
    fn field(&self, call: &str, field: &str) -> Vec<String>;
    /// How this face names a setting of the process (one of [`SETTINGS`]):
    /// for a server's client, a setting of the server, in plain words.
    fn setting(&self, setting: &str) -> String {
        match setting {
            "db" => "the town location the server was started with".into(),
            "lock_timeout" => "the server's lock timeout".into(),
            "actor" => "the server's actor".into(),
            other => other.replace('_', " "),
        }
    }

    /// A field of a call as a call's doc names it in running text.
    fn doc_field(&self, call: &str, field: &str) -> String {
        let names: Vec<String> = self
            .field(call, field)
            .into_iter()
            .map(|n| format!("`{n}`"))
            .collect();
        either(&names)
    }

    /// A call as a doc names it in running text: the call alone, or with
    /// the arguments it shows.
    fn doc_call(&self, call: &str, args: &[(&str, String)]) -> String {
        format!("`{}`", self.call(call, args))
    }

    /// How this face reports a refusal of `kind`, in running text.
    fn refusal(&self, kind: ErrorKind) -> String {
        format!("a `{}` error", kind.code())
    }
}

/// Names calls by their catalogue paths and fields as they are: what a hint
/// says where no face words it (its `Display`, for logs and tests). Each face
/// has its own (`calls::ToolNames` for MCP).
pub struct PlainNames;

impl Names for PlainNames {
    fn call(&self, call: &str, args: &[(&str, String)]) -> String {
        format!("{call} {}", arguments_json(args))
    }

    fn field(&self, _call: &str, field: &str) -> Vec<String> {
        vec![field.to_string()]
    }
}

/// A hint's arguments as the JSON a tool or route takes: `"true"` is a flag
/// set, a field of IDs a list, digits a count.
pub fn arguments_json(args: &[(&str, String)]) -> serde_json::Value {
    let mut object = serde_json::Map::new();
    for (key, value) in args {
        let value = match value.as_str() {
            "true" => serde_json::Value::Bool(true),
            _ if key.ends_with("_ids") => serde_json::json!([value]),
            // Counts (`max_polecats`): no ID or name is all digits.
            _ if value.parse::<u32>().is_ok() => serde_json::json!(value.parse::<u32>().ok()),
            _ => serde_json::Value::String(value.clone()),
        };
        object.insert(key.to_string(), value);
    }
    serde_json::Value::Object(object)
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(&PlainNames))
    }
}

impl From<String> for Hint {
    fn from(text: String) -> Self {
        Hint::Text(text)
    }
}

impl From<&str> for Hint {
    fn from(text: &str) -> Self {
        Hint::Text(text.to_string())
    }
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hint: None,
            candidates: None,
        }
    }

    pub fn with_candidates(mut self, candidates: Vec<Candidate>) -> Self {
        self.candidates = Some(candidates.into_boxed_slice());
        self
    }

    /// What an ambiguous ID or name matches (empty for any other error).
    pub fn candidates(&self) -> &[Candidate] {
        self.candidates.as_deref().unwrap_or_default()
    }

    pub fn with_hint(mut self, hint: impl Into<Hint>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Usage, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Forbidden, message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Conflict, message)
    }

    pub fn unavailable(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Unavailable, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, message)
    }

    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    pub fn exit_code(&self) -> u8 {
        self.kind.exit_code()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_exit_statuses_follow_the_spec() {
        let table = [
            (ErrorKind::Internal, "internal", 1),
            (ErrorKind::Usage, "usage", 2),
            (ErrorKind::NotFound, "not_found", 3),
            (ErrorKind::Conflict, "conflict", 4),
            (ErrorKind::Unavailable, "unavailable", 5),
        ];
        for (kind, code, exit) in table {
            assert_eq!(kind.code(), code);
            assert_eq!(kind.exit_code(), exit);
        }
    }
}
