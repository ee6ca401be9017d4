//! The entities and enumerations of SPEC §1, as they appear in JSON and on the
//! command line.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

use crate::error::Error;

/// Declares a closed, lower-case string enumeration with `Display`, `FromStr` and
/// serde impls that all agree with one table of names.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = Error;

            fn from_str(s: &str) -> Result<Self, Error> {
                // Stored values are exact; only typed ones need trimming and folding.
                if let Some(v) = $name::ALL.iter().copied().find(|v| v.as_str() == s) {
                    return Ok(v);
                }
                let wanted = s.trim().to_ascii_lowercase();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| {
                        let names: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                        Error::usage(format!("invalid {} '{}'", $what, s))
                            .with_hint(format!("expected one of: {}", names.join(", ")))
                    })
            }
        }
    };
}

string_enum!(
    /// Where a bead is in its life; `closed` and `failed` are terminal.
    BeadStatus, "bead status" {
        Open => "open",
        InProgress => "in_progress",
        InReview => "in_review",
        Closed => "closed",
        Failed => "failed",
    }
);

impl BeadStatus {
    pub fn is_terminal(self) -> bool {
        matches!(self, BeadStatus::Closed | BeadStatus::Failed)
    }
}

string_enum!(
    /// How urgent a bead is.
    #[derive(Default)]
    Priority, "priority" {
        Low => "low",
        #[default]
        Medium => "medium",
        High => "high",
        Critical => "critical",
    }
);

string_enum!(
    /// A convoy is `active` until it lands, or until it is force-closed or force-failed.
    ConvoyStatus, "convoy status" {
        Active => "active",
        Landed => "landed",
        Closed => "closed",
        Failed => "failed",
    }
);

string_enum!(
    /// How the agents doing the git work should merge a convoy's branches.
    #[derive(Default)]
    MergeMode, "merge mode" {
        #[default]
        ReviewThenLand => "review-then-land",
        ReviewAndMerge => "review-and-merge",
    }
);

string_enum!(
    /// What an agent is for; polecats do the work.
    AgentRole, "agent role" {
        Polecat => "polecat",
        Refinery => "refinery",
        Mayor => "mayor",
        Witness => "witness",
    }
);

string_enum!(
    /// Whether an agent is free, busy, or in trouble.
    AgentStatus, "agent status" {
        Idle => "idle",
        Working => "working",
        Stalled => "stalled",
        Dead => "dead",
    }
);

string_enum!(
    /// Why an open bead of `convoy status` is not at work.
    BeadState, "bead state" {
        /// A blocker is not closed yet.
        Blocked => "blocked",
        /// A capped batch's bead waiting for a free polecat.
        Queued => "queued",
        /// On nobody's hook, and nothing will hand it out.
        Unassigned => "unassigned",
    }
);

string_enum!(
    /// Why a convoy needs attention (`convoy status`'s `attention`).
    AttentionReason, "attention reason" {
        BeadFailed => "bead_failed",
        AgentDead => "agent_dead",
        AgentStalled => "agent_stalled",
        UnassignedOpen => "unassigned_open",
        NoHost => "no_host",
    }
);

string_enum!(
    /// How loudly an escalation asks for attention.
    Severity, "severity" {
        Low => "low",
        Medium => "medium",
        High => "high",
        Critical => "critical",
    }
);

string_enum!(
    /// Where an escalation is in its life.
    EscalationStatus, "escalation status" {
        Open => "open",
        Acknowledged => "acknowledged",
        Resolved => "resolved",
    }
);

string_enum!(
    /// Whether a host's supervisor (`gt run`) is there: `live` while it
    /// beats, `stopped` when it ended cleanly, `lost` when patrol found it
    /// silent past `patrol.host_dead_after` and released its claims.
    HostStatus, "host status" {
        Live => "live",
        Stopped => "stopped",
        Lost => "lost",
    }
);

/// A repository the town works on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rig {
    pub id: String,
    pub name: String,
    pub git_url: Option<String>,
    pub default_branch: String,
    pub created_at: String,
}

/// The unit of work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Bead {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub status: BeadStatus,
    pub title: String,
    pub body: Option<String>,
    pub rig: String,
    pub priority: Priority,
    pub labels: Vec<String>,
    pub metadata: Map<String, Json>,
    pub assignee: Option<String>,
    /// The agent that last held this bead, set when it is unhooked.
    pub last_assignee: Option<String>,
    pub convoy_id: Option<String>,
    pub depends_on: Vec<String>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
    pub closed_at: Option<String>,
}

/// R4 in the words the faces show (the Mayor's guide, the schema of
/// [`Convoy::needs_attention`]); a test holds them to this sentence, and the
/// property test holds the code to the rule.
pub const NEEDS_ATTENTION: &str = "true exactly when an active convoy cannot land \
     without a person: a bead failed, a polecat holding one is dead, work at hand is of \
     a rig that no live host serves (in a town whose agents run under gt run), or open \
     work is on nobody's hook with no idle polecat of its rig within the convoy's cap and \
     nothing of the convoy at work to free one";

/// A tracked batch of beads. `needs_attention` is derived on every read (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Convoy {
    pub id: String,
    pub title: String,
    pub status: ConvoyStatus,
    pub rig: Option<String>,
    pub total_beads: i64,
    pub closed_beads: i64,
    pub failed_beads: i64,
    pub merge_mode: MergeMode,
    pub feature_branch: Option<String>,
    /// True exactly when an active convoy cannot land without a person: a
    /// bead failed, a polecat holding one is dead, work at hand is of a rig that
    /// no live host serves (in a town whose agents run under gt run), or open
    /// work is on nobody's hook with no idle polecat of its rig within the
    /// convoy's cap and nothing of the convoy at work to free one.
    pub needs_attention: bool,
    pub max_polecats: Option<i64>,
    pub idempotency_key: Option<String>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
    pub landed_at: Option<String>,
    pub closed_reason: Option<String>,
}

/// An agent of the town; polecats are hooked onto beads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Agent {
    pub id: String,
    pub name: String,
    pub role: AgentRole,
    pub rig: Option<String>,
    pub status: AgentStatus,
    pub hook: Option<String>,
    pub pid: Option<i64>,
    pub last_activity_at: String,
    pub created_at: String,
    /// The host whose supervisor (`gt run`) runs the agent's process now.
    pub host: Option<String>,
    /// When that process was claimed.
    pub run_started_at: Option<String>,
    /// The bead that process works on (it may have left the agent's hook
    /// while the process is being stopped).
    pub run_bead: Option<String>,
    /// Which attempt at its hooked bead the agent is on (0 before the first).
    pub attempt: i64,
    /// After a failed attempt, when its bead may run again (no host claims
    /// it before).
    #[serde(default)]
    pub retry_after: Option<String>,
}

/// A request for human attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Escalation {
    pub id: String,
    pub severity: Severity,
    pub category: Option<String>,
    pub message: String,
    pub rig: Option<String>,
    pub agent: Option<String>,
    pub bead: Option<String>,
    pub status: EscalationStatus,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<String>,
    pub re_escalation_count: i64,
    pub created_at: String,
}

/// A machine whose supervisor (`gt run --host NAME`) runs the town's agents
/// (SPEC §12).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Host {
    pub id: String,
    pub name: String,
    pub status: HostStatus,
    /// How many agents it runs at once.
    pub slots: i64,
    /// How many it ran at its last beat.
    pub running: i64,
    /// The rigs whose beads it takes; empty for every rig.
    pub rigs: Vec<String>,
    /// The gt version of its supervisor.
    pub version: String,
    /// When its supervisor started.
    pub started_at: String,
    /// Its last beat.
    pub last_seen: String,
    /// True when it is `live` by its record but has not beaten for three
    /// beats (15 s): its supervisor may be gone. Judged on every read, by the
    /// reading machine's clock; a patrol declares it `lost` past
    /// `patrol.host_dead_after`.
    #[serde(default)]
    pub silent: bool,
}

/// A message between the agents and people of a town (SPEC §11). A message
/// to a group is one message per recipient, each read on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Mail {
    pub id: String,
    /// Who sent it, as a reply reaches them: an agent's name, `mayor` or
    /// `human`.
    pub from: String,
    /// Whose inbox holds it: an agent's name, `mayor` or `human`.
    pub to: String,
    /// The group it was sent to (`convoy:ID`, `rig:NAME`), where it was.
    pub group: Option<String>,
    pub subject: String,
    pub body: Option<String>,
    /// The bead it is about.
    pub bead: Option<String>,
    /// The convoy it is about.
    pub convoy: Option<String>,
    /// The message it answers.
    pub reply_to: Option<String>,
    pub created_at: String,
    /// When it was first read; null while it is unread.
    pub read_at: Option<String>,
}

/// One entry of the append-only audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Event {
    pub id: i64,
    pub subject_id: String,
    pub event_type: String,
    pub actor: String,
    pub old_value: Json,
    pub new_value: Json,
    pub metadata: Json,
    pub created_at: String,
    /// The convoy the event concerns, recorded when it was written.
    pub convoy_id: Option<String>,
}

/// A town: the database gt talks to, and the schema it is at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Town {
    /// What people call the town (`town.name` in the config file), where
    /// one is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub location: String,
    pub backend: String,
    pub schema_version: i64,
    pub created: bool,
    pub upgraded_from: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_parse_case_insensitively_and_print_lower_case() {
        assert_eq!(
            "IN_PROGRESS".parse::<BeadStatus>().unwrap(),
            BeadStatus::InProgress
        );
        assert_eq!(MergeMode::ReviewAndMerge.to_string(), "review-and-merge");
        let err = "urgent".parse::<Priority>().unwrap_err();
        assert_eq!(err.code(), "usage");
        assert!(err
            .hint
            .unwrap()
            .to_string()
            .contains("low, medium, high, critical"));
    }

    #[test]
    fn enums_serialize_as_their_names() {
        assert_eq!(
            serde_json::to_string(&ConvoyStatus::Landed).unwrap(),
            "\"landed\""
        );
        assert_eq!(
            serde_json::from_str::<AgentStatus>("\"stalled\"").unwrap(),
            AgentStatus::Stalled
        );
    }

    #[test]
    fn only_closed_and_failed_are_terminal() {
        let terminal: Vec<_> = BeadStatus::ALL.iter().filter(|s| s.is_terminal()).collect();
        assert_eq!(terminal, [&BeadStatus::Closed, &BeadStatus::Failed]);
    }
}
