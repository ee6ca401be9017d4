//! What a write caused beyond the change it was asked for (SPEC §3): the beads
//! it dispatched, hooked and unhooked, the convoys that landed or reopened, the
//! agents it freed and the beads that lost a dependency. Every face adds them
//! to a write's document as `effects`, so a caller need not read the town
//! again to learn what happened.

use serde::{Deserialize, Serialize};

use crate::change::{Change, Holder};

/// The consequences of one call, each a list of IDs in the order they
/// happened; an empty list is left out of the document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Effects {
    /// Beads dispatched: `in_progress`, their agents `working` (R7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dispatched: Vec<String>,
    /// Beads put on an agent's hook.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hooked: Vec<String>,
    /// Beads taken off their agent's hook.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unhooked: Vec<String>,
    /// Convoys that landed (R3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub landed: Vec<String>,
    /// Convoys that went back to `active` (R5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reopened: Vec<String>,
    /// Agents whose hook was emptied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub freed_agents: Vec<String>,
    /// Beads that lost a dependency edge (their blocker deleted or the edge removed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dependencies_removed: Vec<String>,
    /// Each hooked bead with the agent it went to, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hooked_to: Vec<HookedTo>,
    /// The names of `freed_agents`, in the same order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub freed_agent_names: Vec<String>,
}

/// A bead put on an agent's hook, and that agent's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HookedTo {
    pub bead: String,
    pub agent: String,
}

impl Effects {
    pub fn is_empty(&self) -> bool {
        self == &Effects::default()
    }

    /// Records what a change of `subject_id` caused: effects are read off
    /// the changes a unit records as events, so they cannot disagree with
    /// the audit trail.
    pub(crate) fn note(&mut self, subject_id: &str, change: &Change) {
        let list = match change {
            Change::Dispatched { .. } => &mut self.dispatched,
            Change::Hooked { agent, .. } => {
                let to = HookedTo {
                    bead: subject_id.to_string(),
                    agent: agent.name.clone(),
                };
                if !self.hooked_to.contains(&to) {
                    self.hooked_to.push(to);
                }
                &mut self.hooked
            }
            Change::Unhooked { from, .. } => {
                if let Holder::Agent(agent) = from {
                    if !self.freed_agents.contains(&agent.id) {
                        self.freed_agents.push(agent.id.clone());
                        self.freed_agent_names.push(agent.name.clone());
                    }
                }
                &mut self.unhooked
            }
            Change::DependencyRemoved { .. } => &mut self.dependencies_removed,
            Change::ConvoyLanded { .. } => &mut self.landed,
            Change::ConvoyReopened { .. } => &mut self.reopened,
            _ => return,
        };
        push(list, subject_id);
    }

    /// Records a convoy that its batch's settle statement landed or reopened,
    /// as the commit told (that event is written by SQL, not recorded).
    pub(crate) fn settled(&mut self, convoy: &str, landed: bool) {
        push(
            if landed {
                &mut self.landed
            } else {
                &mut self.reopened
            },
            convoy,
        );
    }

    /// Adds `other`'s effects after these.
    pub fn extend(&mut self, other: Effects) {
        let pairs = [
            (&mut self.dispatched, other.dispatched),
            (&mut self.hooked, other.hooked),
            (&mut self.unhooked, other.unhooked),
            (&mut self.landed, other.landed),
            (&mut self.reopened, other.reopened),
            (&mut self.dependencies_removed, other.dependencies_removed),
        ];
        for (mine, theirs) in pairs {
            for id in theirs {
                push(mine, &id);
            }
        }
        for to in other.hooked_to {
            if !self.hooked_to.contains(&to) {
                self.hooked_to.push(to);
            }
        }
        let freed = other.freed_agents.into_iter().zip(other.freed_agent_names);
        for (id, name) in freed {
            if !self.freed_agents.contains(&id) {
                self.freed_agents.push(id);
                self.freed_agent_names.push(name);
            }
        }
    }
}

fn push(list: &mut Vec<String>, id: &str) {
    if !list.iter().any(|x| x == id) {
        list.push(id.to_string());
    }
}

/// A result document with the effects of the call that made it.
#[derive(Serialize)]
struct WithEffects<'a, T: Serialize> {
    #[serde(flatten)]
    value: &'a T,
    #[serde(skip_serializing_if = "Effects::is_empty")]
    effects: &'a Effects,
}

/// Serializes `value` with `effects` as its last field, or as it is where
/// there are none (or where it is not an object, such as doctor's list).
pub fn to_document<T: Serialize>(value: &T, effects: &Effects) -> serde_json::Result<String> {
    let mut out = Vec::new();
    write_document(&mut out, value, effects, false)?;
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

/// [`to_document`] into `out`, compact or `pretty`. Without effects the
/// value streams straight through; with them it is encoded in memory first,
/// so that a value that cannot carry them is written whole as it is.
pub fn write_document<T: Serialize>(
    mut out: impl std::io::Write,
    value: &T,
    effects: &Effects,
    pretty: bool,
) -> serde_json::Result<()> {
    fn write<T: Serialize>(
        out: impl std::io::Write,
        v: &T,
        pretty: bool,
    ) -> serde_json::Result<()> {
        if pretty {
            serde_json::to_writer_pretty(out, v)
        } else {
            serde_json::to_writer(out, v)
        }
    }
    if !effects.is_empty() {
        let mut doc = Vec::new();
        if write(&mut doc, &WithEffects { value, effects }, pretty).is_ok() {
            return out.write_all(&doc).map_err(serde_json::Error::io);
        }
    }
    write(out, value, pretty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::AgentRef;
    use crate::model::BeadStatus::{InProgress, Open};

    fn agent(id: &str, name: &str) -> AgentRef {
        AgentRef {
            id: id.into(),
            name: name.into(),
        }
    }

    #[test]
    fn effects_follow_the_events_once_each_and_in_order() {
        let mut e = Effects::default();
        let unhooked = Change::Unhooked {
            from: Holder::Agent(agent("ag-1", "Toast")),
            to: None,
        };
        let dispatched = Change::Dispatched {
            agent: agent("ag-2", "Maple"),
            old: Open,
            new: InProgress,
        };
        e.note("gt-1", &unhooked);
        e.note(
            "gt-2",
            &Change::Hooked {
                agent: agent("ag-2", "Maple"),
                previous: None,
            },
        );
        e.note("gt-2", &dispatched);
        e.note("gt-2", &dispatched);
        e.note(
            "gt-3",
            &Change::BeadStatusChanged {
                old: Open,
                new: InProgress,
            },
        );
        // An assignee that names no agent frees none.
        e.note(
            "gt-4",
            &Change::Unhooked {
                from: Holder::Unknown("Ghost".into()),
                to: None,
            },
        );
        let mut later = Effects::default();
        later.settled("cv-1", true);
        e.extend(later);
        let doc = serde_json::to_value(&e).unwrap();
        assert_eq!(
            doc,
            serde_json::json!({
                "dispatched": ["gt-2"], "hooked": ["gt-2"], "unhooked": ["gt-1", "gt-4"],
                "landed": ["cv-1"], "freed_agents": ["ag-1"],
                "hooked_to": [{"bead": "gt-2", "agent": "Maple"}],
                "freed_agent_names": ["Toast"]
            })
        );
    }

    #[test]
    fn a_document_gains_effects_only_where_there_are_some() {
        #[derive(Serialize)]
        struct Doc {
            id: &'static str,
        }
        let none = Effects::default();
        assert_eq!(
            to_document(&Doc { id: "gt-1" }, &none).unwrap(),
            r#"{"id":"gt-1"}"#
        );
        let some = Effects {
            hooked: vec!["gt-2".into()],
            ..Effects::default()
        };
        assert_eq!(
            to_document(&Doc { id: "gt-1" }, &some).unwrap(),
            r#"{"id":"gt-1","effects":{"hooked":["gt-2"]}}"#
        );
        assert_eq!(to_document(&vec![1, 2], &some).unwrap(), "[1,2]");
    }
}
