//! Slinging work: one bead onto one polecat, or a batch of beads as a convoy
//! (seed 000), hooked and dispatched per R7 and R8.

use crate::call::{Call, CallSpec};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value as Json};

use crate::change::Created;
use crate::error::{Error, Hint, Result};
use crate::id::{self, IdKind};
use crate::model::{Agent, Bead, BeadStatus, Convoy, ConvoyStatus, MergeMode, Rig};
use crate::query;
use crate::rules::beads::NewBead;
use crate::store::{Reader, Stmt};
use crate::tasks::{find_cycle, TaskSpec};
use crate::town::Town;
use crate::unit::Unit;

new_work_request! {
    /// One bead, hooked onto a polecat of its rig and dispatched.
    pub struct Sling {
        /// A convoy to track the bead (name or ID prefix); it must take work
        /// (active or landed, with a free place if it has a cap).
        pub convoy_id: Option<String>,
    }
}

/// What `gt sling` made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Slung {
    pub bead: Bead,
    pub agent: Agent,
}

request! {
    /// A convoy of beads, created atomically, each hooked and dispatched when ready.
    pub struct SlingBatch {
        /// The rig (name or ID).
        pub rig_id: String,
        pub convoy_title: String,
        pub tasks: Vec<crate::tasks::TaskInput>,
        pub merge_mode: Option<MergeMode>,
        pub feature_branch: Option<String>,
        pub max_polecats: Option<u32>,
        pub idempotency_key: Option<String>,
        /// Answer with the convoy, the beads' IDs and the effects, not each
        /// bead and its agent again.
        #[serde(default)]
        pub brief: bool,
    }
}

/// A batch with its tasks checked and resolved: what the operation works on.
#[derive(Debug, Clone, Default)]
pub(crate) struct Batch {
    pub rig: String,
    pub title: String,
    pub tasks: Vec<TaskSpec>,
    pub merge_mode: MergeMode,
    pub feature_branch: Option<String>,
    pub max_polecats: Option<u32>,
    pub idempotency_key: Option<String>,
}

/// One bead of a batch, with the agent it is hooked to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BatchBead {
    pub bead: Bead,
    pub agent: Option<Agent>,
    /// Whether the bead has been dispatched (has left `open`).
    pub dispatched: bool,
}

/// What `gt sling-batch` made, or found made by an earlier run with the same key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SlungBatch {
    pub convoy: Convoy,
    /// Each bead with its agent, in the order of the tasks (none in a brief
    /// answer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub beads: Vec<BatchBead>,
    /// In a brief answer: the beads' IDs, in the order of the tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bead_ids: Option<Vec<String>>,
    pub created: bool,
}

impl SlungBatch {
    /// The brief answer: the convoy and its beads' IDs.
    pub fn brief(self) -> SlungBatch {
        SlungBatch {
            bead_ids: Some(self.beads.into_iter().map(|b| b.bead.id).collect()),
            beads: Vec::new(),
            ..self
        }
    }
}

/// A stable digest of what a batch asks for, so that reusing an idempotency key
/// for different work is caught rather than silently answered with old work.
fn fingerprint(req: &Batch) -> String {
    let tasks: Vec<Json> = req
        .tasks
        .iter()
        .map(|t| json!([t.title, t.body, t.priority, t.labels, t.depends_on]))
        .collect();
    let canonical =
        json!([req.rig, req.title, req.merge_mode, req.max_polecats, tasks]).to_string();
    // FNV-1a, 64 bits: stable across releases and platforms, which std's hasher is not.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in canonical.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

impl Town {
    /// Creates one bead on a rig, hooks it onto a polecat, and dispatches it.
    pub fn sling(&mut self, req: &Sling) -> Result<Slung> {
        req.check_work()?;
        let (bead_id, agent_id) = self.write(|unit| {
            let rig = query::resolve_rig(unit, &req.rig_id)?;
            let convoy = req
                .convoy_id
                .as_deref()
                .map(|c| unit.resolve::<Convoy>(c))
                .transpose()?;
            let convoy_id = convoy.as_ref().map(|c| c.id.as_str());
            let bead = unit.create_bead(req.new_bead(&rig.name, convoy_id, Vec::new()))?;
            let Some(convoy) = convoy else {
                let agent = unit.allocate_polecat(&rig.name)?;
                unit.hook(&agent, &bead.id)?;
                return Ok((bead.id, agent));
            };
            // Slinging promises a polecat at work: a convoy that would keep
            // the bead waiting refuses, and nothing is written.
            match unit.put_to_work(&bead.id, &convoy)? {
                Some(agent) => Ok((bead.id, agent)),
                None => Err(Error::conflict(format!(
                    "convoy {} cannot take the bead now ({})",
                    convoy.id,
                    match convoy.max_polecats {
                        Some(cap)
                            if convoy.status == ConvoyStatus::Active
                                || convoy.status == ConvoyStatus::Landed =>
                        {
                            format!("all {cap} of its polecats are busy")
                        }
                        _ => format!("it is {}", convoy.status),
                    }
                ))
                .with_hint(Hint::call(
                    "queue it in the convoy instead with",
                    "bead create",
                    &[("rig_id", &rig.name), ("convoy_id", &convoy.id)],
                ))),
            }
        })?;
        self.read(|r| {
            Ok(Slung {
                bead: query::must(r, &bead_id)?,
                agent: query::must(r, &agent_id)?,
            })
        })
    }

    /// Creates a convoy of beads in one atomic unit, hooks them onto polecats (at
    /// most `max_polecats` at once) and dispatches those with no blockers. With an
    /// idempotency key seen before, writes nothing and returns the earlier convoy.
    pub fn sling_batch(&mut self, req: &SlingBatch) -> Result<SlungBatch> {
        super::required("convoy title", &req.convoy_title)?;
        let batch = Batch {
            rig: req.rig_id.clone(),
            title: req.convoy_title.clone(),
            tasks: crate::tasks::check(&req.tasks)?,
            merge_mode: req.merge_mode.unwrap_or_default(),
            feature_branch: req.feature_branch.clone(),
            max_polecats: req.max_polecats,
            idempotency_key: req.idempotency_key.clone(),
        };
        let slung = self.sling_resolved(&batch)?;
        Ok(if req.brief { slung.brief() } else { slung })
    }

    fn sling_resolved(&mut self, req: &Batch) -> Result<SlungBatch> {
        if req.tasks.is_empty() {
            return Err(
                Error::usage("a batch needs at least one task").with_hint(Hint::fields(
                    "give",
                    "sling-batch",
                    &["tasks"],
                )),
            );
        }
        for (i, task) in req.tasks.iter().enumerate() {
            super::required(&format!("title of task {i}"), &task.title)?;
            if let Some(&bad) = task
                .depends_on
                .iter()
                .find(|&&d| d >= req.tasks.len() || d == i)
            {
                return Err(Error::usage(format!(
                    "task {i} cannot depend on task {bad}"
                )));
            }
        }
        if let Some(cycle) = find_cycle(&req.tasks) {
            return Err(Error::usage(format!(
                "the tasks' dependencies form a cycle through task {}",
                cycle[0]
            )));
        }
        if req.max_polecats == Some(0) {
            return Err(
                Error::usage("a cap of 0 polecats would never start the batch").with_hint(
                    Hint::fields(
                        "give a cap of 1 or more in",
                        "sling-batch",
                        &["max_polecats"],
                    ),
                ),
            );
        }
        if let Some(key) = &req.idempotency_key {
            super::required("idempotency key", key)?;
        }
        let print = fingerprint(req);
        let (convoy_id, created) = self.write(|unit| {
            let rig = query::resolve_rig(unit, &req.rig)?;
            if let Some(key) = &req.idempotency_key {
                let rows = unit.query(
                    "SELECT id, fingerprint FROM convoys WHERE idempotency_key = ?1",
                    &[key.as_str().into()],
                )?;
                if let Some(row) = rows.first() {
                    if row.opt_text(1)?.as_deref() != Some(print.as_str()) {
                        return Err(Error::conflict(format!(
                            "the idempotency key '{key}' was used for a different batch ({})",
                            row.text(0)?
                        ))
                        .with_hint("use a new key for new work"));
                    }
                    return Ok((row.text(0)?, false));
                }
            }
            let convoy = create_convoy(unit, req, &rig, &print)?;
            let ids = create_tasks(unit, req, &rig, &convoy.id)?;
            hook_batch(unit, req, &rig, &ids)?;
            Ok((convoy.id, true))
        })?;
        self.read(|r| batch_view(r, &convoy_id, created))
    }
}

fn create_convoy(unit: &mut Unit, req: &Batch, rig: &Rig, print: &str) -> Result<Convoy> {
    let population = unit.population("convoys")?;
    let convoy = Convoy {
        id: id::generate(IdKind::Convoy, population),
        title: req.title.clone(),
        status: ConvoyStatus::Active,
        rig: Some(rig.name.clone()),
        total_beads: 0,
        closed_beads: 0,
        failed_beads: 0,
        merge_mode: req.merge_mode,
        feature_branch: req.feature_branch.clone(),
        needs_attention: false,
        max_polecats: req.max_polecats.map(i64::from),
        idempotency_key: req.idempotency_key.clone(),
        created_by: unit.actor.clone(),
        created_at: unit.now.clone(),
        updated_at: unit.now.clone(),
        landed_at: None,
        closed_reason: None,
    };
    let created = Created::Convoy {
        title: convoy.title.clone(),
        rig: convoy.rig.clone(),
        merge_mode: convoy.merge_mode,
        max_polecats: convoy.max_polecats,
        beads: req.tasks.len(),
    };
    unit.create_logged(convoy.clone(), created);
    unit.extra(Stmt::new(
        "UPDATE convoys SET fingerprint = ?2 WHERE id = ?1",
        vec![convoy.id.as_str().into(), print.into()],
    ));
    unit.settle(&convoy.id);
    Ok(convoy)
}

/// Creates the batch's beads in task order; returns their IDs.
fn create_tasks(unit: &mut Unit, req: &Batch, rig: &Rig, convoy_id: &str) -> Result<Vec<String>> {
    let population = unit.population("beads")?;
    // IDs are drawn up front, sized for the town after the batch, so that
    // dependencies can name tasks that come later in the list.
    let mut planned: Vec<String> = Vec::with_capacity(req.tasks.len());
    let mut seen = std::collections::HashSet::with_capacity(req.tasks.len());
    while planned.len() < req.tasks.len() {
        let id = id::generate(IdKind::Bead, population + req.tasks.len() as u64);
        if seen.insert(id.clone()) {
            planned.push(id);
        }
    }
    for (task, id) in req.tasks.iter().zip(&planned) {
        unit.create_bead(NewBead {
            id: Some(id.clone()),
            rig: &rig.name,
            title: &task.title,
            body: task.body.as_deref(),
            priority: task.priority,
            labels: &task.labels,
            convoy_id: Some(convoy_id),
            depends_on: {
                // A task may name a blocker twice; the edge exists once.
                let mut ids: Vec<String> = Vec::with_capacity(task.depends_on.len());
                for &d in &task.depends_on {
                    if !ids.contains(&planned[d]) {
                        ids.push(planned[d].clone());
                    }
                }
                ids
            },
        })?;
    }
    Ok(planned)
}

/// Hooks the batch onto polecats: ready beads first, then waiting ones, in task
/// order, up to the cap (R8).
fn hook_batch(unit: &mut Unit, req: &Batch, rig: &Rig, ids: &[String]) -> Result<()> {
    let (ready, waiting): (Vec<usize>, Vec<usize>) =
        (0..ids.len()).partition(|&i| req.tasks[i].depends_on.is_empty());
    let cap = req.max_polecats.map_or(usize::MAX, |n| n as usize);
    for i in ready.into_iter().chain(waiting).take(cap) {
        let agent = unit.allocate_polecat(&rig.name)?;
        unit.hook(&agent, &ids[i])?;
    }
    Ok(())
}

fn batch_view(
    r: &mut dyn crate::store::Reader,
    convoy_id: &str,
    created: bool,
) -> Result<SlungBatch> {
    let convoy: Convoy = query::must(r, convoy_id)?;
    let beads = query::beads(
        r,
        &query::BeadFilter {
            convoy_id: Some(convoy_id.to_string()),
            ..Default::default()
        },
    )?;
    let agents = query::fetch_where::<Agent>(r, HOOKED_IN_CONVOY_WHERE, &[convoy_id.into()])?;
    let mut by_hook: std::collections::HashMap<String, Agent> = agents
        .into_iter()
        .filter_map(|a| a.hook.clone().map(|h| (h, a)))
        .collect();
    let beads = beads
        .into_iter()
        .map(|bead| {
            let agent = by_hook.remove(&bead.id);
            let dispatched = bead.status != BeadStatus::Open;
            BatchBead {
                bead,
                agent,
                dispatched,
            }
        })
        .collect();
    Ok(SlungBatch {
        convoy,
        beads,
        bead_ids: None,
        created,
    })
}

/// The agents hooked to a convoy's beads: its hooked beads (`beads_hooked`), then
/// each one's agent by the unique hook.
pub(crate) const HOOKED_IN_CONVOY_WHERE: &str =
    "a.hook IN (SELECT id FROM beads WHERE convoy_id = ?1 AND assignee IS NOT NULL)";

impl Call for Sling {
    type Output = Slung;
    const SPEC: CallSpec = spec!(
        "sling",
        "gt_sling",
        None,
        Write,
        false,
        None,
        creates,
        doc = "Create one bead, hook it onto a polecat, and dispatch it\n\n\
               An idle polecat of the rig is reused before a new one is made. With \
               {convoy_id} the bead joins that convoy; a convoy whose cap is full (or \
               that was closed by hand) refuses it, and {call:bead create convoy_id=ID} \
               queues it instead."
    );
    fn run(self, town: &mut Town) -> Result<Slung> {
        town.sling(&self)
    }
}

impl Call for SlingBatch {
    type Output = SlungBatch;
    const SPEC: CallSpec = spec!(
        "sling-batch",
        "gt_sling_batch",
        Some("POST /api/convoys"),
        Write,
        false,
        None,
        creates,
        core,
        aliases = &["POST /api/mayor/{town}/tools/sling-batch"],
        doc = "Sling many beads as one tracked convoy, atomically\n\n\
               Creates one bead per task and a convoy tracking them, hooks them onto \
               polecats (at most {max_polecats} at a time; the rest wait and go to the \
               next polecat the batch frees), and dispatches every bead whose blockers \
               are closed. The convoy lands by itself when all its beads are closed. A \
               retry with the same {idempotency_key} answers with the first call's \
               convoy instead of making a second one.\n\n\
               The merge mode is recorded for the agents that do the git work and never \
               delays landing: `review-then-land` (the default: each bead's work is \
               reviewed, and the feature branch lands when the convoy does) or \
               `review-and-merge` (each bead's work is merged into the feature branch \
               once reviewed).\n\n\
               A task is an object with \"title\" (required), \"body\", \"priority\", \
               \"labels\", \"key\", and \"depends_on\" (indices into the list, counting \
               from 0, or keys): [{\"title\": \"Schema\", \"key\": \"schema\"}, \
               {\"title\": \"API\", \"depends_on\": [\"schema\"]}, {\"title\": \"UI\", \
               \"depends_on\": [1]}]"
    );
    fn run(self, town: &mut Town) -> Result<SlungBatch> {
        town.sling_batch(&self)
    }
}
