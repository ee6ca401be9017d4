//! Typed change records (R9): one variant per kind of audit event, with typed
//! fields (taskchampion's `Operation`). A write records a [`Change`]; this
//! module alone turns it into the event's stored `old_value`, `new_value` and
//! `metadata`, and reads a stored event back into one for the faces.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value as Json};

use crate::event_type as ev;
use crate::id::{self, IdKind};
use crate::model::{
    Agent, AgentRole, AgentStatus, Bead, BeadStatus, ConvoyStatus, EscalationStatus, Event,
    HostStatus, MergeMode, Priority, Severity,
};

/// What one audit event says changed. The subject, actor and time are the
/// event's own; the convoy it concerns is worked out by the write unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// An entity was created with these values.
    Created(Created),
    /// A bead's status changed.
    BeadStatusChanged { old: BeadStatus, new: BeadStatus },
    /// An agent's status changed; patrol says why (its silence).
    AgentStatusChanged {
        old: AgentStatus,
        new: AgentStatus,
        reason: Option<String>,
    },
    /// A host's status changed: its supervisor came or went, or patrol
    /// found it silent (why, with the claims it released).
    HostStatusChanged {
        old: HostStatus,
        new: HostStatus,
        reason: Option<String>,
    },
    /// A field other than status changed.
    Updated(Field),
    /// A bead went onto an agent's hook, from its previous assignee if any.
    Hooked {
        agent: AgentRef,
        previous: Option<String>,
    },
    /// A bead was taken off its holder's hook, to another agent if any.
    Unhooked { from: Holder, to: Option<String> },
    /// A hooked bead went to work (R7): `open` to `in_progress`, or the same
    /// status where work under way is handed on or retried.
    Dispatched {
        agent: AgentRef,
        old: BeadStatus,
        new: BeadStatus,
    },
    /// The dispatch command failed for the bead (R7); the commit stands.
    DispatchFailed {
        agent: String,
        command: String,
        error: String,
    },
    /// A convoy's tracked beads all closed (R3), at these counts.
    ConvoyLanded { closed_beads: i64, total_beads: i64 },
    /// A convoy is active again: a landed one that gained work that is not
    /// closed (R5), or one closed or failed by hand, reopened by hand
    /// (`from` is the status it left).
    ConvoyReopened {
        from: ConvoyStatus,
        closed_beads: i64,
        total_beads: i64,
    },
    /// An active convoy was force-closed (`closed`) or force-failed (`failed`).
    ConvoyClosed {
        status: ConvoyStatus,
        reason: Option<String>,
        close_beads: bool,
    },
    /// A bead joined the convoy that is the subject.
    BeadAdded { bead: String },
    /// A bead left the convoy that is the subject.
    BeadRemoved { bead: String },
    /// The bead no longer waits for `blocker`.
    DependencyRemoved { blocker: String, reason: String },
    /// The bead waits for `blocker` as well.
    DependencyAdded { blocker: String },
    /// An agent was reset by hand to `idle` with no hook; `hook` is the bead
    /// it held (and released), `forgot_pid` the process ID a reset that
    /// stops the agent forgets.
    AgentReset {
        from: AgentStatus,
        hook: Option<String>,
        forgot_pid: Option<i64>,
        stop: bool,
    },
    /// An open escalation was acknowledged.
    Acknowledged,
    /// An escalation was resolved.
    Resolved {
        old: EscalationStatus,
        by: Resolution,
    },
    /// Patrol raised an open escalation again: its `re_escalation_count`.
    ReEscalated { old: i64, new: i64 },
    /// A stalled agent beat again: `working`.
    Recovered,
    /// A bead was taken from its agent (dead or deleted) and is open again.
    Released {
        from: Option<String>,
        reason: String,
    },
    /// `gt doctor --fix` repaired a violated invariant.
    Repaired(Repair),
    /// The subject was deleted; what it was stays.
    Deleted(Deleted),
    /// A supervisor claimed the bead's polecat and starts its process.
    Started(Run),
    /// The process a supervisor ran for the bead ended.
    Exited(Exit),
    /// A message (the subject) was sent.
    MailSent(Letter),
    /// A message was first read; `to` is whose inbox holds it.
    MailRead { to: String },
}

/// A message as its `mail_sent` event keeps it: who wrote to whom, about
/// what bead and in answer to what, never its subject or body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    pub from: String,
    pub to: String,
    pub group: Option<String>,
    pub bead: Option<String>,
    pub reply_to: Option<String>,
}

/// One run of a polecat's process for its hooked bead (`gt run`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub agent_id: String,
    pub agent: String,
    pub host: String,
    pub attempt: i64,
}

/// How a run ended, as its `exited` event's metadata keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exit {
    #[serde(flatten)]
    pub run: Run,
    /// Why: `exited` (by itself), `timeout`, `log_full` (its log passed
    /// the limit), `not_started` (no workspace or process could be made),
    /// `stopped` (its work was taken away, or its supervisor stopped),
    /// `lost` (its supervisor died).
    pub outcome: String,
    /// Its exit code, where it exited by itself.
    pub code: Option<i64>,
    /// The signal that ended it, where one did.
    pub signal: Option<i64>,
    /// Whether the agent had reported on its bead (`in_review`, `closed`,
    /// `failed`); a run that ends without a report is a failed attempt.
    pub reported: bool,
    /// The last lines of its log.
    pub log_tail: Vec<String>,
}

/// An agent as an event names it (`metadata.agent_id`, `metadata.agent`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentRef {
    pub id: String,
    pub name: String,
}

impl AgentRef {
    pub fn of(agent: &Agent) -> AgentRef {
        AgentRef {
            id: agent.id.clone(),
            name: agent.name.clone(),
        }
    }

    fn metadata(&self) -> Json {
        json!({ "agent_id": self.id, "agent": self.name })
    }

    fn read(metadata: &Json) -> Option<AgentRef> {
        Some(AgentRef {
            id: at(metadata, "agent_id")?,
            name: at(metadata, "agent")?,
        })
    }
}

/// Whom a bead was unhooked from: an agent, or an assignee that names none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    Agent(AgentRef),
    Unknown(String),
}

impl Holder {
    pub fn name(&self) -> &str {
        match self {
            Holder::Agent(a) => &a.name,
            Holder::Unknown(name) => name,
        }
    }
}

/// Who resolved an escalation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// A person, with an optional note.
    Hand { note: Option<String> },
    /// gt, when the agent it is about recovered, died or went.
    Gt { reason: String },
}

/// One field of a bead, convoy or agent that an `updated` event changed,
/// with its old and new values. Stored as [`split`] says: the values go to
/// the event's, the rest (`field`, a `reason`) to its metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum Field {
    Title {
        old: String,
        new: String,
    },
    Body {
        old: Option<String>,
        new: Option<String>,
    },
    Priority {
        old: Priority,
        new: Priority,
    },
    Labels {
        old: Vec<String>,
        new: Vec<String>,
    },
    Metadata {
        old: Map<String, Json>,
        new: Map<String, Json>,
    },
    /// A bead's convoy; `reason` where it went with the convoy's deletion.
    ConvoyId {
        old: Option<String>,
        new: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// An agent's recorded process ID; where a supervisor started that
    /// process (`gt run`), its host and the name of the run's log there.
    Pid {
        old: Option<i64>,
        new: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        host: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        log: Option<String>,
    },
    MergeMode {
        old: MergeMode,
        new: MergeMode,
    },
    FeatureBranch {
        old: Option<String>,
        new: Option<String>,
    },
    MaxPolecats {
        old: Option<i64>,
        new: Option<i64>,
    },
}

impl Field {
    /// Its name, as `metadata.field` stores it.
    pub fn name(&self) -> &'static str {
        match self {
            Field::Title { .. } => "title",
            Field::Body { .. } => "body",
            Field::Priority { .. } => "priority",
            Field::Labels { .. } => "labels",
            Field::Metadata { .. } => "metadata",
            Field::ConvoyId { .. } => "convoy_id",
            Field::Pid { .. } => "pid",
            Field::MergeMode { .. } => "merge_mode",
            Field::FeatureBranch { .. } => "feature_branch",
            Field::MaxPolecats { .. } => "max_polecats",
        }
    }

    /// Its old and new values as stored.
    pub fn values(&self) -> (Json, Json) {
        let [old, new, _] = split(self);
        (old, new)
    }

    /// Whether the value differs, so that there is an event to write.
    pub fn changed(&self) -> bool {
        let (old, new) = self.values();
        old != new
    }
}

/// What a bead's `created` and `deleted` events keep of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BeadSummary {
    pub title: String,
    pub status: BeadStatus,
    pub rig: String,
    pub priority: Priority,
    pub convoy_id: Option<String>,
    pub assignee: Option<String>,
    pub depends_on: Vec<String>,
}

impl BeadSummary {
    pub fn of(bead: &Bead) -> BeadSummary {
        BeadSummary {
            title: bead.title.clone(),
            status: bead.status,
            rig: bead.rig.clone(),
            priority: bead.priority,
            convoy_id: bead.convoy_id.clone(),
            assignee: bead.assignee.clone(),
            depends_on: bead.depends_on.clone(),
        }
    }
}

/// What an entity was created with (a `created` event's `new_value`), by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Created {
    Bead(BeadSummary),
    /// A batch's convoy, with how many tasks the batch had.
    Convoy {
        title: String,
        rig: Option<String>,
        merge_mode: MergeMode,
        max_polecats: Option<i64>,
        beads: usize,
    },
    Agent {
        name: String,
        role: AgentRole,
        rig: Option<String>,
    },
    Escalation {
        severity: Severity,
        message: String,
        bead: Option<String>,
    },
    Rig {
        name: String,
        git_url: Option<String>,
        default_branch: String,
    },
    Host {
        name: String,
        slots: i64,
        rigs: Vec<String>,
    },
}

/// What a deleted entity was (a `deleted` event's `old_value`), by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Deleted {
    Bead(BeadSummary),
    Convoy {
        title: String,
        status: ConvoyStatus,
        total_beads: i64,
        closed_beads: i64,
    },
    Agent {
        name: String,
        role: AgentRole,
        rig: Option<String>,
        status: AgentStatus,
        hook: Option<String>,
    },
}

/// A repair of `gt doctor --fix`, by the kind of violation it mends. Stored
/// as [`split`] says, its metadata naming doctor as well.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Repair {
    /// A convoy's counts (total, closed, failed) set to a recount.
    Counts { old: [i64; 3], new: [i64; 3] },
    /// An agent's hook on a bead that does not name it back, cleared.
    HookOneSided {
        #[serde(rename = "old")]
        hook: Option<String>,
    },
    /// A bead's assignee whose agent does not hold it, cleared.
    AssigneeOneSided {
        #[serde(rename = "old")]
        assignee: Option<String>,
    },
    /// A done bead's assignee, cleared.
    HookedTerminal {
        #[serde(rename = "old")]
        assignee: Option<String>,
    },
    /// The subject's edge to a blocker that no longer exists, removed.
    DanglingEdge {
        #[serde(rename = "old")]
        blocker: String,
    },
}

/// A tagged change ([`Field`], [`Repair`]) as stored: its `old` and `new`
/// (null where it has none) are the event's values, the rest its metadata.
fn split(change: &impl Serialize) -> [Json; 3] {
    let mut rest = json!(change);
    let mut take = |key| {
        rest.as_object_mut()
            .and_then(|m| m.remove(key))
            .unwrap_or(Json::Null)
    };
    let (old, new) = (take("old"), take("new"));
    [old, new, rest]
}

/// A tagged change read back from an event's values and metadata.
fn join<T: DeserializeOwned>(old: &Json, new: &Json, metadata: &Json) -> Option<T> {
    let mut whole = metadata.as_object()?.clone();
    whole.insert("old".into(), old.clone());
    whole.insert("new".into(), new.clone());
    get(&Json::Object(whole))
}

/// A record of [`Created`] or [`Deleted`] as stored: its fields alone, the
/// kind being the subject's.
fn record(value: &impl Serialize) -> Json {
    match json!(value) {
        Json::Object(tagged) => tagged.into_iter().next().map_or(Json::Null, |(_, v)| v),
        other => other,
    }
}

/// A stored record read back as the kind of its subject.
fn read_record<T: DeserializeOwned>(subject_id: &str, value: &Json) -> Option<T> {
    let kind = id::kind_of(subject_id)?;
    get(&json!({ kind.noun(): value }))
}

impl Change {
    /// The event's type, as `events.event_type` stores it.
    pub fn event_type(&self) -> &'static str {
        match self {
            Change::Created(_) => ev::CREATED,
            Change::BeadStatusChanged { .. }
            | Change::AgentStatusChanged { .. }
            | Change::HostStatusChanged { .. } => ev::STATUS_CHANGED,
            Change::Updated(_) => ev::UPDATED,
            Change::Hooked { .. } => ev::HOOKED,
            Change::Unhooked { .. } => ev::UNHOOKED,
            Change::Dispatched { .. } => ev::DISPATCHED,
            Change::DispatchFailed { .. } => ev::DISPATCH_FAILED,
            Change::ConvoyLanded { .. } => ev::CONVOY_LANDED,
            Change::ConvoyReopened { .. } => ev::CONVOY_REOPENED,
            Change::ConvoyClosed { .. } => ev::CONVOY_CLOSED,
            Change::BeadAdded { .. } => ev::BEAD_ADDED,
            Change::BeadRemoved { .. } => ev::BEAD_REMOVED,
            Change::DependencyRemoved { .. } => ev::DEPENDENCY_REMOVED,
            Change::DependencyAdded { .. } => ev::DEPENDENCY_ADDED,
            Change::AgentReset { .. } => ev::AGENT_RESET,
            Change::Acknowledged => ev::ACKNOWLEDGED,
            Change::Resolved { .. } => ev::RESOLVED,
            Change::ReEscalated { .. } => ev::RE_ESCALATED,
            Change::Recovered => ev::RECOVERED,
            Change::Released { .. } => ev::RELEASED,
            Change::Repaired(_) => ev::REPAIRED,
            Change::Deleted(_) => ev::DELETED,
            Change::Started(_) => ev::STARTED,
            Change::Exited(_) => ev::EXITED,
            Change::MailSent(_) => ev::MAIL_SENT,
            Change::MailRead { .. } => ev::MAIL_READ,
        }
    }

    /// The event's `old_value`, `new_value` and `metadata`, as stored (JSON
    /// null is stored as SQL `NULL`).
    pub fn values(&self) -> [Json; 3] {
        use ConvoyStatus::{Active, Landed};
        use Json::Null;
        // A convoy landed or reopened, with its counts, as its settle
        // statement writes it (`entity::SETTLE_EVENT_INSERT_SQL`).
        let settled = |from: ConvoyStatus, to: ConvoyStatus, closed: &i64, total: &i64| {
            let counts = json!({ "closed_beads": closed, "total_beads": total });
            [json!(from), json!(to), counts]
        };
        let reason = |why: &Option<String>| why.as_ref().map_or(Null, |r| json!({ "reason": r }));
        match self {
            Change::Created(r) => [Null, record(r), Null],
            Change::BeadStatusChanged { old, new } => [json!(old), json!(new), Null],
            Change::AgentStatusChanged {
                old,
                new,
                reason: why,
            } => [json!(old), json!(new), reason(why)],
            Change::HostStatusChanged {
                old,
                new,
                reason: why,
            } => [json!(old), json!(new), reason(why)],
            Change::Updated(field) => split(field),
            Change::Hooked { agent, previous } => {
                [json!(previous), json!(agent.name), agent.metadata()]
            }
            Change::Unhooked { from, to } => {
                let metadata = match from {
                    Holder::Agent(agent) => agent.metadata(),
                    Holder::Unknown(_) => Null,
                };
                [json!(from.name()), json!(to), metadata]
            }
            Change::Dispatched { agent, old, new } => [json!(old), json!(new), agent.metadata()],
            Change::Started(run) => [Null, Null, json!(run)],
            Change::Exited(exit) => [Null, Null, json!(exit)],
            Change::MailSent(letter) => [Null, Null, json!(letter)],
            Change::MailRead { to } => [Null, Null, json!({ "to": to })],
            Change::DispatchFailed {
                agent,
                command,
                error,
            } => [
                Null,
                Null,
                json!({ "agent": agent, "command": command, "error": error }),
            ],
            Change::ConvoyLanded {
                closed_beads,
                total_beads,
            } => settled(Active, Landed, closed_beads, total_beads),
            Change::ConvoyReopened {
                from,
                closed_beads,
                total_beads,
            } => settled(*from, Active, closed_beads, total_beads),
            Change::ConvoyClosed {
                status,
                reason,
                close_beads,
            } => [
                json!(Active),
                json!(status),
                json!({ "reason": reason, "close_beads": close_beads }),
            ],
            Change::BeadAdded { bead } => [Null, json!(bead), Null],
            Change::BeadRemoved { bead } => [json!(bead), Null, Null],
            Change::DependencyRemoved { blocker, reason } => {
                [json!(blocker), Null, json!({ "reason": reason })]
            }
            Change::DependencyAdded { blocker } => [Null, json!(blocker), Null],
            Change::AgentReset {
                from,
                hook,
                forgot_pid,
                stop,
            } => {
                let mut old = json!({ "status": from, "hook": hook });
                let mut new = json!({ "status": AgentStatus::Idle, "hook": null });
                if let Some(pid) = forgot_pid {
                    old["pid"] = json!(pid);
                    new["pid"] = Null;
                }
                [old, new, json!({ "released_bead": hook, "stop": stop })]
            }
            Change::Acknowledged => [
                json!(EscalationStatus::Open),
                json!(EscalationStatus::Acknowledged),
                Null,
            ],
            Change::Resolved { old, by } => {
                let metadata = match by {
                    Resolution::Hand { note: None } => Null,
                    Resolution::Hand { note: Some(note) } => json!({ "note": note }),
                    Resolution::Gt { reason } => json!({ "reason": reason }),
                };
                [json!(old), json!(EscalationStatus::Resolved), metadata]
            }
            Change::ReEscalated { old, new } => [json!(old), json!(new), Null],
            Change::Recovered => [
                json!(AgentStatus::Stalled),
                json!(AgentStatus::Working),
                Null,
            ],
            Change::Released { from, reason } => [json!(from), Null, json!({ "reason": reason })],
            Change::Repaired(repair) => {
                let [old, new, mut metadata] = split(repair);
                metadata["by"] = json!("doctor");
                [old, new, metadata]
            }
            Change::Deleted(r) => [record(r), Null, Null],
        }
    }

    /// The change a stored event records, or `None` for a shape this gt
    /// does not write (an older one, or another program's): read back, it
    /// must store exactly as the event is stored.
    pub fn from_event(e: &Event) -> Option<Change> {
        let change = Change::read(e)?;
        let [old, new, metadata] = change.values();
        (old == e.old_value && new == e.new_value && metadata == e.metadata).then_some(change)
    }

    fn read(e: &Event) -> Option<Change> {
        let (old, new, meta) = (&e.old_value, &e.new_value, &e.metadata);
        let on_agent = id::kind_of(&e.subject_id) == Some(IdKind::Agent);
        let on_host = id::kind_of(&e.subject_id) == Some(IdKind::Host);
        Some(match e.event_type.as_str() {
            ev::CREATED => Change::Created(read_record(&e.subject_id, new)?),
            ev::STATUS_CHANGED if on_agent => Change::AgentStatusChanged {
                old: get(old)?,
                new: get(new)?,
                reason: at(meta, "reason")?,
            },
            ev::STATUS_CHANGED if on_host => Change::HostStatusChanged {
                old: get(old)?,
                new: get(new)?,
                reason: at(meta, "reason")?,
            },
            ev::STATUS_CHANGED => Change::BeadStatusChanged {
                old: get(old)?,
                new: get(new)?,
            },
            ev::UPDATED => Change::Updated(join(old, new, meta)?),
            ev::HOOKED => Change::Hooked {
                agent: AgentRef::read(meta)?,
                previous: get(old)?,
            },
            ev::UNHOOKED => Change::Unhooked {
                from: match AgentRef::read(meta) {
                    Some(agent) => Holder::Agent(agent),
                    None => Holder::Unknown(get(old)?),
                },
                to: get(new)?,
            },
            ev::DISPATCHED => Change::Dispatched {
                agent: AgentRef::read(meta)?,
                old: get(old)?,
                new: get(new)?,
            },
            ev::STARTED => Change::Started(get(meta)?),
            ev::EXITED => Change::Exited(get(meta)?),
            ev::MAIL_SENT => Change::MailSent(get(meta)?),
            ev::MAIL_READ => Change::MailRead {
                to: at(meta, "to")?,
            },
            ev::DISPATCH_FAILED => Change::DispatchFailed {
                agent: at(meta, "agent")?,
                command: at(meta, "command")?,
                error: at(meta, "error")?,
            },
            ev::CONVOY_LANDED => Change::ConvoyLanded {
                closed_beads: at(meta, "closed_beads")?,
                total_beads: at(meta, "total_beads")?,
            },
            ev::CONVOY_REOPENED => Change::ConvoyReopened {
                from: get(old)?,
                closed_beads: at(meta, "closed_beads")?,
                total_beads: at(meta, "total_beads")?,
            },
            ev::CONVOY_CLOSED => Change::ConvoyClosed {
                status: get(new)?,
                reason: at(meta, "reason")?,
                close_beads: at(meta, "close_beads")?,
            },
            ev::BEAD_ADDED => Change::BeadAdded { bead: get(new)? },
            ev::BEAD_REMOVED => Change::BeadRemoved { bead: get(old)? },
            ev::DEPENDENCY_REMOVED => Change::DependencyRemoved {
                blocker: get(old)?,
                reason: at(meta, "reason")?,
            },
            ev::DEPENDENCY_ADDED => Change::DependencyAdded { blocker: get(new)? },
            ev::AGENT_RESET => Change::AgentReset {
                from: at(old, "status")?,
                hook: at(old, "hook")?,
                forgot_pid: at(old, "pid")?,
                stop: at(meta, "stop")?,
            },
            ev::ACKNOWLEDGED => Change::Acknowledged,
            ev::RESOLVED => Change::Resolved {
                old: get(old)?,
                by: match at::<Option<String>>(meta, "reason")? {
                    Some(reason) => Resolution::Gt { reason },
                    None => Resolution::Hand {
                        note: at(meta, "note")?,
                    },
                },
            },
            ev::RE_ESCALATED => Change::ReEscalated {
                old: get(old)?,
                new: get(new)?,
            },
            ev::RECOVERED => Change::Recovered,
            ev::RELEASED => Change::Released {
                from: get(old)?,
                reason: at(meta, "reason")?,
            },
            ev::REPAIRED => Change::Repaired(join(old, new, meta)?),
            ev::DELETED => Change::Deleted(read_record(&e.subject_id, old)?),
            _ => return None,
        })
    }
}

/// A stored value as `T`.
fn get<T: DeserializeOwned>(value: &Json) -> Option<T> {
    T::deserialize(value).ok()
}

/// The member `key` of a stored object as `T` (a missing one read as null).
fn at<T: DeserializeOwned>(value: &Json, key: &str) -> Option<T> {
    get(value.get(key).unwrap_or(&Json::Null))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every stored event of the scripted history reads back as a change
    /// that stores exactly as it was stored, and the history has every kind.
    #[test]
    fn every_event_of_the_history_reads_back_as_the_change_it_records() {
        let (_dir, path) = crate::testing::history::written();
        let events = crate::testing::history::events(&path);
        let mut kinds = std::collections::BTreeSet::new();
        for e in &events {
            let change = Change::from_event(e)
                .unwrap_or_else(|| panic!("event #{} does not read back: {e:?}", e.id));
            assert_eq!(change.event_type(), e.event_type);
            kinds.insert(change.event_type());
        }
        let all: std::collections::BTreeSet<&str> = ev::ALL.iter().copied().collect();
        assert_eq!(kinds, all);
    }

    /// A shape gt does not write is no change of this gt's: the faces word
    /// it as it is.
    #[test]
    fn an_unknown_shape_reads_back_as_nothing() {
        let event = |event_type: &str, new_value: Json, metadata: Json| Event {
            id: 1,
            subject_id: "ag-1".into(),
            event_type: event_type.into(),
            actor: "me".into(),
            old_value: Json::Null,
            new_value,
            metadata,
            created_at: "t".into(),
            convoy_id: None,
        };
        let name = json!({ "name": "Toast", "role": "polecat", "rig": null });
        assert_eq!(
            Change::from_event(&event(ev::CREATED, name.clone(), Json::Null)),
            Some(Change::Created(Created::Agent {
                name: "Toast".into(),
                role: AgentRole::Polecat,
                rig: None,
            }))
        );
        let mut older = name;
        older["colour"] = json!("red");
        for e in [
            event(ev::CREATED, older, Json::Null),
            event(ev::CREATED, json!({ "name": "Toast" }), Json::Null),
            event(ev::UPDATED, json!(1), json!({ "field": "shoe_size" })),
            event("renamed", json!("Maple"), Json::Null),
        ] {
            assert_eq!(Change::from_event(&e), None, "{e:?}");
        }
    }
}
