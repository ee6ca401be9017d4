//! The names of audit events (R9), as stored in `events.event_type`. What
//! each records, typed, is a variant of [`crate::change::Change`].

/// An entity was created; `new_value` holds what it was created with.
pub const CREATED: &str = "created";
/// A status changed (bead, agent); old and new values are the statuses.
pub const STATUS_CHANGED: &str = "status_changed";
/// A field other than status changed; `metadata.field` names it.
pub const UPDATED: &str = "updated";
/// A bead was hooked onto an agent; `new_value` is the agent's name.
pub const HOOKED: &str = "hooked";
/// A bead was taken off its agent's hook; `old_value` is the agent's name.
pub const UNHOOKED: &str = "unhooked";
/// A hooked bead with no open blockers went to work (R7).
pub const DISPATCHED: &str = "dispatched";
/// The configured dispatch command failed for a bead (R7); the commit stands.
pub const DISPATCH_FAILED: &str = "dispatch_failed";
/// A convoy's tracked beads all closed (R3).
pub const CONVOY_LANDED: &str = "convoy_landed";
/// A landed convoy gained work that is not closed (R5).
pub const CONVOY_REOPENED: &str = "convoy_reopened";
/// A convoy was force-closed or force-failed.
pub const CONVOY_CLOSED: &str = "convoy_closed";
/// A bead joined a convoy; subject is the convoy.
pub const BEAD_ADDED: &str = "bead_added";
/// A bead left a convoy; subject is the convoy.
pub const BEAD_REMOVED: &str = "bead_removed";
/// A bead lost a blocker because the blocker was deleted (R10).
pub const DEPENDENCY_REMOVED: &str = "dependency_removed";
/// A bead was made to wait for another; `new_value` is the blocker's ID.
pub const DEPENDENCY_ADDED: &str = "dependency_added";
/// An agent was reset to idle by hand.
pub const AGENT_RESET: &str = "agent_reset";
/// An escalation was acknowledged.
pub const ACKNOWLEDGED: &str = "acknowledged";
/// `gt doctor --fix` repaired a violated invariant (`metadata.kind` says which).
pub const REPAIRED: &str = "repaired";
/// A bead was taken from a dead or deleted agent and is open again.
pub const RELEASED: &str = "released";
/// A stalled agent beat again and is back at work (`old_value` `stalled`).
pub const RECOVERED: &str = "recovered";
/// An escalation was resolved: by hand (an optional note in the metadata), or
/// by gt when the agent it is about recovered, died or went (the reason in it).
pub const RESOLVED: &str = "resolved";
/// Patrol raised an open escalation again; the values are its
/// `re_escalation_count` before and after.
pub const RE_ESCALATED: &str = "re_escalated";
/// The subject was deleted; `old_value` keeps what it was (R9).
pub const DELETED: &str = "deleted";
/// A supervisor (`gt run`) claimed a bead's polecat and starts its process;
/// the metadata names the agent, the host and the attempt.
pub const STARTED: &str = "started";
/// The process a supervisor ran for a bead ended: by itself (with its exit
/// code), past its time, stopped, or lost; the metadata has the log's last
/// lines.
pub const EXITED: &str = "exited";
/// A message was sent (SPEC §11): one per recipient, its metadata naming
/// who wrote to whom (never what).
pub const MAIL_SENT: &str = "mail_sent";
/// A message was first read; the metadata names whose inbox it is in.
pub const MAIL_READ: &str = "mail_read";

/// Every event type, for documentation and the Mayor's guide.
pub const ALL: &[&str] = &[
    CREATED,
    STATUS_CHANGED,
    UPDATED,
    HOOKED,
    UNHOOKED,
    DISPATCHED,
    DISPATCH_FAILED,
    CONVOY_LANDED,
    CONVOY_REOPENED,
    CONVOY_CLOSED,
    BEAD_ADDED,
    BEAD_REMOVED,
    DEPENDENCY_REMOVED,
    DEPENDENCY_ADDED,
    AGENT_RESET,
    ACKNOWLEDGED,
    RESOLVED,
    RE_ESCALATED,
    RECOVERED,
    RELEASED,
    REPAIRED,
    DELETED,
    STARTED,
    EXITED,
    MAIL_SENT,
    MAIL_READ,
];
