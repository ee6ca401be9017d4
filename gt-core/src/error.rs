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
    pub hint: Option<String>,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
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
