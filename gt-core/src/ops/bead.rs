//! Beads: plain create, list, show, and the partial update of surgical editing.

use crate::call::{Call, CallSpec};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::change::{AgentRef, Change, Field, Holder};
use crate::error::{Error, Hint, Result};
use crate::model::{Agent, Bead, BeadStatus, Priority};
use crate::query::{self, BeadFilter};
use crate::town::Town;
use crate::unit::Unit;

new_work_request! {
    /// Creates a bead, on its own or in a convoy.
    pub struct CreateBead {
        /// Beads (IDs or prefixes) it waits for.
        #[serde(default)]
        pub depends_on: Vec<String>,
        /// A convoy to track it; it is hooked and dispatched like the
        /// convoy's own beads.
        pub convoy_id: Option<String>,
    }
}

request! {
    /// Changes only the fields given. Reopening a bead reopens its landed convoy.
    pub struct UpdateBead {
        pub bead_id: String,
        pub status: Option<BeadStatus>,
        pub title: Option<String>,
        pub body: Option<String>,
        pub priority: Option<Priority>,
        /// Replaces every label.
        pub labels: Option<Vec<String>>,
        #[serde(default)]
        pub add_labels: Vec<String>,
        #[serde(default)]
        pub remove_labels: Vec<String>,
        /// Keys to set; a null value removes the key.
        pub metadata: Option<serde_json::Map<String, Json>>,
        /// Beads (IDs or prefixes) it is to wait for, as well.
        #[serde(default)]
        pub add_depends_on: Vec<String>,
        /// Beads it is no longer to wait for.
        #[serde(default)]
        pub remove_depends_on: Vec<String>,
    }
}

impl UpdateBead {
    pub fn is_empty(&self) -> bool {
        self.status.is_none()
            && self.title.is_none()
            && self.body.is_none()
            && self.priority.is_none()
            && self.labels.is_none()
            && self.add_labels.is_empty()
            && self.remove_labels.is_empty()
            && self.metadata.as_ref().is_none_or(|m| m.is_empty())
            && self.add_depends_on.is_empty()
            && self.remove_depends_on.is_empty()
    }

    /// The metadata keys it sets (with their values), and those it removes
    /// (given as null).
    fn meta(&self) -> (Vec<(&String, &Json)>, Vec<&String>) {
        let (set, unset): (Vec<_>, Vec<_>) = self
            .metadata
            .iter()
            .flatten()
            .partition(|(_, v)| !v.is_null());
        (set, unset.into_iter().map(|(k, _)| k).collect())
    }
}

impl Town {
    pub fn create_bead(&mut self, req: &CreateBead) -> Result<Bead> {
        req.check_work()?;
        let id = self.write(|unit| {
            let rig = query::resolve_rig(unit, &req.rig_id)?;
            let mut depends_on = Vec::with_capacity(req.depends_on.len());
            for dep in &req.depends_on {
                let id = query::resolve::<Bead>(unit, dep)?;
                unit.must::<Bead>(&id)?;
                if !depends_on.contains(&id) {
                    depends_on.push(id);
                }
            }
            let convoy = req
                .convoy_id
                .as_deref()
                .map(|c| unit.resolve::<crate::model::Convoy>(c))
                .transpose()?;
            let convoy_id = convoy.as_ref().map(|c| c.id.as_str());
            let bead = unit.create_bead(req.new_bead(&rig.name, convoy_id, depends_on))?;
            if let Some(convoy) = &convoy {
                unit.put_to_work(&bead.id, convoy)?;
            }
            Ok(bead.id)
        })?;
        self.bead(&id)
    }

    /// One bead, by ID or unique prefix.
    pub fn bead(&mut self, id: &str) -> Result<Bead> {
        self.read(|r| {
            let id = query::resolve::<Bead>(r, id)?;
            query::must(r, &id)
        })
    }

    /// The newest beads not done yet, at most `limit` (for shell completion).
    pub fn newest_open_beads(&mut self, limit: u32) -> Result<Vec<Bead>> {
        self.read(|r| query::newest_open_beads(r, limit))
    }

    pub fn beads(&mut self, filter: &BeadFilter) -> Result<Vec<Bead>> {
        if let Some(text) = &filter.search {
            super::text("search", text)?;
            if text.trim().chars().count() < query::MIN_SEARCH {
                return Err(Error::usage(format!(
                    "'{text}' is too short to search for: give at least {} characters",
                    query::MIN_SEARCH
                ))
                .with_hint(Hint::fields(
                    "or narrow the list by",
                    "bead list",
                    &["status", "rig_id", "convoy_id", "label"],
                )));
            }
        }
        let mut filter = filter.clone();
        self.read(|r| {
            if let Some(convoy) = &filter.convoy_id {
                filter.convoy_id = Some(query::resolve::<crate::model::Convoy>(r, convoy)?);
            }
            if let Some(rig) = &filter.rig {
                filter.rig = Some(query::resolve_rig(r, rig)?.name);
            }
            if let Some(bead) = &filter.dependent_of {
                filter.dependent_of = Some(query::resolve::<Bead>(r, bead)?);
            }
            query::beads(r, &filter)
        })
    }

    /// Changes the given fields of a bead, each with its event; a status change
    /// carries its consequences (R2–R8).
    pub fn update_bead(&mut self, req: &UpdateBead) -> Result<Bead> {
        let id = req.bead_id.as_str();
        let (set_meta, unset_meta) = req.meta();
        if req.is_empty() {
            return Err(Error::usage("nothing to update").with_hint(Hint::fields(
                "give at least one of",
                "bead update",
                &[
                    "status",
                    "title",
                    "body",
                    "priority",
                    "labels",
                    "add_labels",
                    "remove_labels",
                    "metadata",
                    "add_depends_on",
                    "remove_depends_on",
                ],
            )));
        }
        if let Some(title) = &req.title {
            super::required("title", title)?;
        }
        crate::limits::check_count("metadata key", set_meta.len(), crate::limits::MAX_META_KEYS)?;
        crate::limits::check_count("label", req.add_labels.len(), crate::limits::MAX_LABELS)?;
        if let Some(labels) = &req.labels {
            crate::limits::check_count("label", labels.len(), crate::limits::MAX_LABELS)?;
        }
        for (key, value) in &set_meta {
            super::required("metadata key", key)?;
            if let Some(text) = value.as_str() {
                super::text("metadata value", text)?;
            }
        }
        super::texts("body", &req.body)?;
        super::texts("label", req.labels.iter().flatten().chain(&req.add_labels))?;
        #[cfg(feature = "testing")]
        crate::testing::delay("bead-update");
        let holder = self.holder().map(str::to_string);
        self.write(|unit| {
            let id = query::resolve::<Bead>(unit, id)?;
            if let Some(holder) = &holder {
                // Read in this unit: a reassignment since the caller looked
                // makes the write refused, not misplaced.
                let agent: Agent = unit.must(holder)?;
                if agent.hook.as_deref() != Some(id.as_str()) {
                    return Err(Error::forbidden(format!(
                        "{id} is not on {}'s hook (any more)",
                        agent.name
                    ))
                    .with_hint("read the hook again: the bead on it is the one to report on"));
                }
            }
            let mut bead: Bead = unit.must(&id)?;
            let before = bead.clone();
            if let Some(title) = &req.title {
                bead.title = title.clone();
            }
            if let Some(body) = &req.body {
                bead.body = Some(body.clone());
            }
            if let Some(priority) = req.priority {
                bead.priority = priority;
            }
            if let Some(labels) = &req.labels {
                bead.labels.clear();
                extend_unique(&mut bead.labels, labels);
            }
            extend_unique(&mut bead.labels, &req.add_labels);
            bead.labels.retain(|l| !req.remove_labels.contains(l));
            for (key, value) in &set_meta {
                bead.metadata.insert((*key).clone(), (*value).clone());
            }
            for key in &unset_meta {
                bead.metadata.remove(*key);
            }
            let changes = field_changes(&before, &bead);
            if !changes.is_empty() {
                bead.updated_at = unit.now.clone();
                unit.put(bead);
                for field in changes {
                    unit.record(&id, Change::Updated(field));
                }
            }
            let deps_changed = edit_dependencies(unit, &id, req)?;
            if let Some(status) = req.status {
                unit.set_bead_status(&id, status)?;
            } else if deps_changed {
                // Its last open blocker may be gone, or it may wait for a new one.
                unit.try_dispatch(&id)?;
                unit.hold_until_ready(&id)?;
            }
            // The unit holds the bead as committed: no need to read it again.
            unit.must::<Bead>(&id)
        })
    }
}

/// Adds and removes a bead's dependency edges, each audited; an edge that
/// would close a cycle is refused. Returns whether any edge changed.
fn edit_dependencies(unit: &mut Unit, id: &str, req: &UpdateBead) -> Result<bool> {
    if req.add_depends_on.is_empty() && req.remove_depends_on.is_empty() {
        return Ok(false);
    }
    let mut bead: Bead = unit.must(id)?;
    let before = bead.depends_on.clone();
    for input in &req.remove_depends_on {
        let blocker = query::resolve::<Bead>(unit, input)?;
        if bead.depends_on.contains(&blocker) {
            bead.depends_on.retain(|d| *d != blocker);
            unit.record(
                id,
                Change::DependencyRemoved {
                    blocker,
                    reason: "removed by hand".into(),
                },
            );
        }
    }
    for input in &req.add_depends_on {
        let blocker = query::resolve::<Bead>(unit, input)?;
        if blocker == id {
            return Err(Error::usage(format!("bead {id} cannot wait for itself")));
        }
        if bead.depends_on.contains(&blocker) {
            continue;
        }
        if let Some(path) = waits_for(unit, &blocker, id)? {
            return Err(Error::usage(format!(
                "{id} cannot wait for {blocker}: the dependencies would form a cycle: {id} -> {}",
                path.join(" -> ")
            ))
            .with_hint("nothing was changed"));
        }
        bead.depends_on.push(blocker.clone());
        unit.record(id, Change::DependencyAdded { blocker });
    }
    if bead.depends_on == before {
        return Ok(false);
    }
    // Kept in the order the store reads them back in.
    bead.depends_on.sort();
    bead.updated_at = unit.now.clone();
    unit.put(bead);
    Ok(true)
}

/// The path by which `from` waits, through its blockers, for `target`, if it does.
fn waits_for(unit: &mut Unit, from: &str, target: &str) -> Result<Option<Vec<String>>> {
    let mut stack = vec![vec![from.to_string()]];
    let mut seen = std::collections::HashSet::new();
    while let Some(path) = stack.pop() {
        let at = path.last().expect("paths are not empty").clone();
        if !seen.insert(at.clone()) {
            continue;
        }
        let Some(bead) = unit.get::<Bead>(&at)? else {
            continue;
        };
        for dep in &bead.depends_on {
            let mut next = path.clone();
            next.push(dep.clone());
            if dep == target {
                return Ok(Some(next));
            }
            stack.push(next);
        }
    }
    Ok(None)
}

fn extend_unique(labels: &mut Vec<String>, more: &[String]) {
    for l in more {
        if !labels.contains(l) {
            labels.push(l.clone());
        }
    }
}

/// The editable fields that differ between two versions of a bead.
fn field_changes(before: &Bead, after: &Bead) -> Vec<Field> {
    let mut fields = vec![
        Field::Title {
            old: before.title.clone(),
            new: after.title.clone(),
        },
        Field::Body {
            old: before.body.clone(),
            new: after.body.clone(),
        },
        Field::Priority {
            old: before.priority,
            new: after.priority,
        },
        Field::Labels {
            old: before.labels.clone(),
            new: after.labels.clone(),
        },
        Field::Metadata {
            old: before.metadata.clone(),
            new: after.metadata.clone(),
        },
    ];
    fields.retain(Field::changed);
    fields
}

request! {
    /// Moves a bead to another agent (`agent_id`) or to a new polecat (`new`).
    pub struct ReassignBead {
        pub bead_id: String,
        /// The agent (name or ID).
        pub agent_id: Option<String>,
        #[serde(default)]
        pub new: bool,
    }
}

impl ReassignBead {
    /// Where the bead goes: an agent, or a new polecat, one of the two.
    fn to(&self) -> Result<ReassignTo> {
        match (&self.agent_id, self.new) {
            (Some(agent), false) => Ok(ReassignTo::Agent(agent.clone())),
            (None, true) => Ok(ReassignTo::NewPolecat),
            _ => Err(
                Error::usage("give either an agent or new, not both or neither")
                    .with_hint("name the agent to take the bead, or ask for a new polecat"),
            ),
        }
    }
}

/// Where a reassignment moves a bead.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ReassignTo {
    /// An existing agent, by name or ID.
    Agent(String),
    /// A new polecat of the bead's rig.
    NewPolecat,
}

/// What `gt bead reassign` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reassigned {
    pub bead: Bead,
    pub agent: Agent,
    pub previous_agent: Option<Agent>,
}

/// What `gt bead delete` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deleted {
    pub deleted: String,
}

impl Town {
    /// Moves a bead onto another agent: the new agent is hooked first, then the
    /// old one unhooked (and left idle). Work already under way stays under way
    /// with the new agent, who is dispatched to it.
    pub fn reassign_bead(&mut self, req: &ReassignBead) -> Result<Reassigned> {
        let (id, to) = (req.bead_id.as_str(), &req.to()?);
        let (bead_id, agent_id, previous) = self.write(|unit| {
            let bead_id = query::resolve::<Bead>(unit, id)?;
            let mut bead: Bead = unit.must(&bead_id)?;
            if bead.status.is_terminal() {
                return Err(Error::conflict(format!(
                    "bead {bead_id} is {}; only open work can be reassigned",
                    bead.status
                ))
                .with_hint(Hint::call(
                    "reopen it first",
                    "bead update",
                    &[("bead_id", &bead_id), ("status", "open")],
                )));
            }
            let target = match to {
                ReassignTo::Agent(name) => query::resolve_agent(unit, name)?,
                ReassignTo::NewPolecat => unit.create_polecat(&bead.rig)?,
            };
            let mut agent: Agent = unit.must(&target)?;
            let previous = match &bead.assignee {
                Some(name) => unit.agent_named(name)?,
                None => None,
            };
            if previous.as_ref().is_some_and(|p| p.id == agent.id) {
                // Already there: nothing to change.
                return Ok((bead_id, agent.id, previous.map(|p| p.id)));
            }
            // A waiting bead of a capped convoy takes one of its places (R8):
            // checked first, since no agent can take it while the cap is full.
            if let (None, Some(convoy)) = (&bead.assignee, &bead.convoy_id) {
                let then = format!(
                    "{bead_id} is fed to the next polecat the convoy frees; to make room, \
                     close or reassign one of its hooked beads"
                );
                unit.ensure_place(convoy, then)?;
            }
            if let Some(held) = &agent.hook {
                return Err(crate::rules::busy_agent(&agent, held, &bead_id));
            }
            // Hook the new agent first, then release the old one.
            agent.hook = Some(bead_id.clone());
            agent.attempt = 0;
            unit.acted(&mut agent);
            unit.record(
                &bead_id,
                Change::Hooked {
                    agent: AgentRef::of(&agent),
                    previous: bead.assignee.clone(),
                },
            );
            bead.assignee = Some(agent.name.clone());
            bead.updated_at = unit.now.clone();
            unit.put(agent.clone());
            unit.put(bead.clone());
            if let Some(old) = &previous {
                let mut old_agent: Agent = unit.must(&old.id)?;
                old_agent.hook = None;
                unit.acted(&mut old_agent);
                unit.put(old_agent);
                unit.record(
                    &bead_id,
                    Change::Unhooked {
                        from: Holder::Agent(AgentRef::of(old)),
                        to: Some(agent.name.clone()),
                    },
                );
                unit.free_agent(&old.id)?;
            }
            if bead.status == BeadStatus::Open {
                unit.try_dispatch(&bead_id)?;
            } else {
                unit.redispatch(&bead_id)?;
            }
            Ok((bead_id, agent.id, previous.map(|p| p.id)))
        })?;
        self.read(|r| {
            Ok(Reassigned {
                bead: query::must(r, &bead_id)?,
                agent: query::must(r, &agent_id)?,
                previous_agent: previous.map(|p| query::must(r, &p)).transpose()?,
            })
        })
    }

    /// Deletes a bead (R10). A hooked bead needs `force`.
    pub fn delete_bead(&mut self, id: &str, force: bool) -> Result<Deleted> {
        let deleted = self.write(|unit| {
            let bead_id = query::resolve::<Bead>(unit, id)?;
            unit.delete_bead(&bead_id, force).map(|b| b.id)
        })?;
        Ok(Deleted { deleted })
    }
}

impl Call for crate::query::ListBeads {
    type Output = Vec<Bead>;
    const SPEC: CallSpec = spec!(
        "bead list",
        "gt_list_beads",
        Some("GET /api/beads"),
        Read,
        true,
        Some("beads"),
        doc = "List beads, oldest first"
    );
    fn run(self, town: &mut Town) -> Result<Vec<Bead>> {
        town.beads(&self)
    }
}

request! {
    /// One bead.
    pub struct ShowBead {
        pub bead_id: String,
    }
}

impl Call for ShowBead {
    type Output = Bead;
    const SPEC: CallSpec = spec!(
        "bead show",
        "gt_bead_show",
        Some("GET /api/beads/{bead_id}"),
        Read,
        true,
        None,
        doc = "Show one bead in full"
    );
    fn run(self, town: &mut Town) -> Result<Bead> {
        town.bead(&self.bead_id)
    }
}

impl Call for CreateBead {
    type Output = Bead;
    const SPEC: CallSpec = spec!(
        "bead create",
        "gt_bead_create",
        Some("POST /api/beads"),
        Write,
        false,
        None,
        creates,
        doc = "Create a bead, on its own or in a convoy\n\n\
               On its own the bead is hooked to no one ({call:sling} creates and \
               dispatches one). With {convoy_id} it joins that convoy's work: hooked to \
               a polecat (within the convoy's cap, else it waits for the next polecat \
               the convoy frees) and dispatched once its blockers close."
    );
    fn run(self, town: &mut Town) -> Result<Bead> {
        town.create_bead(&self)
    }
}

impl Call for UpdateBead {
    type Output = Bead;
    const SPEC: CallSpec = spec!(
        "bead update",
        "gt_bead_update",
        Some("PATCH /api/beads/{bead_id}"),
        Write,
        true,
        None,
        polecat,
        core,
        doc = "Change some fields of a bead; the others stay as they are\n\n\
               Closing a bead frees its polecat, dispatches the beads waiting on it, \
               and may land its convoy. Moving a bead out of closed or failed reopens \
               it (and a landed convoy it belongs to). Dependencies can be added (a \
               cycle is refused) and removed; a hooked bead whose last blocker goes is \
               dispatched. Every change is recorded in the event log."
    );
    fn run(self, town: &mut Town) -> Result<Bead> {
        town.update_bead(&self)
    }
}

impl Call for ReassignBead {
    type Output = Reassigned;
    const SPEC: CallSpec = spec!(
        "bead reassign",
        "gt_bead_reassign",
        Some("POST /api/beads/{bead_id}/reassign"),
        Write,
        false,
        None,
        core,
        doc = "Move a bead to another agent (or to a new polecat of its rig)\n\n\
               The new agent is hooked first, then the old one is unhooked and left \
               idle. Work under way stays under way, dispatched to the new agent. An \
               agent already hooked to another bead cannot take it ({error:conflict})."
    );
    fn run(self, town: &mut Town) -> Result<Reassigned> {
        town.reassign_bead(&self)
    }
}

request! {
    /// Deletes a bead (its history stays); a hooked one needs `force`.
    pub struct DeleteBead {
        pub bead_id: String,
        #[serde(default)]
        pub force: bool,
    }
}

impl Call for DeleteBead {
    type Output = Deleted;
    const SPEC: CallSpec = spec!(
        "bead delete",
        "gt_bead_delete",
        Some("DELETE /api/beads/{bead_id}"),
        Destructive,
        false,
        None,
        doc = "Delete a bead; its history stays in the event log\n\n\
               Its convoy is recounted (and may land), beads waiting on it lose that \
               blocker (and may dispatch). A bead on an agent's hook needs {force}, \
               which frees the agent."
    );
    fn run(self, town: &mut Town) -> Result<Deleted> {
        town.delete_bead(&self.bead_id, self.force)
    }
}
