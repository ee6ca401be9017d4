//! `convoy status`: a convoy, each bead it tracks, and the edges between
//! them, read in one pass, with the attention rule bead by bead.

use super::*;

/// One bead of `convoy status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrackedBead {
    pub id: String,
    pub title: String,
    pub status: BeadStatus,
    pub rig: String,
    pub priority: Priority,
    pub assignee: Option<String>,
    /// The blockers of this bead that are not closed yet.
    pub blocked_by: Vec<String>,
    /// The status of the agent it is hooked to.
    pub agent_status: Option<AgentStatus>,
    /// For an open bead, why it is not at work yet.
    pub state: Option<BeadState>,
}

/// Something about one bead that needs a person (or the Mayor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Attention {
    pub bead: String,
    pub reason: AttentionReason,
    /// The agent concerned, for `agent_dead` and `agent_stalled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
}

/// One edge of a convoy's dependency graph: `bead_id` waits for `depends_on_bead_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DependencyEdge {
    pub bead_id: String,
    pub depends_on_bead_id: String,
}

/// `convoy status`: the convoy, each tracked bead, and the edges between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConvoyStatusView {
    #[serde(flatten)]
    pub convoy: Convoy,
    pub beads: Vec<TrackedBead>,
    pub dependency_edges: Vec<DependencyEdge>,
    /// What needs attention, bead by bead, in the beads' order.
    pub attention: Vec<Attention>,
}

/// Where `convoy status` is read into, in order: the convoy, each tracked bead,
/// then the edges. The owned [`ConvoyStatusView`] is one such sink; a printer
/// can be another and write each bead as it comes.
pub trait ConvoyStatusSink {
    fn convoy(&mut self, convoy: Convoy) -> Result<()>;
    /// Each bead in turn. The same value is refilled for the next bead, so
    /// reading allocates nothing per bead: keep a copy if you need one.
    fn bead(&mut self, bead: &TrackedBead) -> Result<()>;
    fn edges(&mut self, edges: Vec<DependencyEdge>) -> Result<()>;
    /// Last: what needs attention.
    fn attention(&mut self, items: Vec<Attention>) -> Result<()>;
}

impl ConvoyStatusView {
    /// An empty view, for [`convoy_status_into`] to fill.
    fn of(convoy: Convoy) -> Self {
        let beads = Vec::with_capacity(usize::try_from(convoy.total_beads).unwrap_or(0));
        ConvoyStatusView {
            convoy,
            beads,
            dependency_edges: Vec::new(),
            attention: Vec::new(),
        }
    }
}

/// Fills a [`ConvoyStatusView`]; the convoy comes first, so it is `None` before.
impl ConvoyStatusSink for Option<ConvoyStatusView> {
    fn convoy(&mut self, convoy: Convoy) -> Result<()> {
        *self = Some(ConvoyStatusView::of(convoy));
        Ok(())
    }
    fn bead(&mut self, bead: &TrackedBead) -> Result<()> {
        if let Some(view) = self {
            view.beads.push(bead.clone());
        }
        Ok(())
    }
    fn edges(&mut self, edges: Vec<DependencyEdge>) -> Result<()> {
        if let Some(view) = self {
            view.dependency_edges = edges;
        }
        Ok(())
    }
    fn attention(&mut self, items: Vec<Attention>) -> Result<()> {
        if let Some(view) = self {
            view.attention = items;
        }
        Ok(())
    }
}

pub fn convoy_status(r: &mut dyn Reader, convoy_id: &str) -> Result<ConvoyStatusView> {
    let mut view = None;
    convoy_status_into(r, convoy_id, &mut view)?;
    view.ok_or_else(|| Error::internal("convoy status read no convoy"))
}

/// Replaces the text in `s` without giving up its buffer.
fn refill(s: &mut String, text: &str) {
    s.clear();
    s.push_str(text);
}

/// How many of a convoy's beads are hooked (its partial index of hooked beads).
pub(crate) const HOOKED_COUNT_SQL: &str = "SELECT count(*) FROM beads INDEXED BY beads_hooked \
     WHERE convoy_id = ?1 AND assignee IS NOT NULL";

/// Whether a rig has an idle, unhooked polecat (see `rules::IDLE_POLECATS_SQL`).
pub(crate) const ANY_IDLE_POLECAT_SQL: &str =
    "SELECT 1 FROM agents WHERE rig = ?1 AND role = 'polecat' AND status = 'idle' \
     AND +hook IS NULL LIMIT 1";

/// How many of a convoy's beads are hooked: the places its cap counts (R8).
pub(crate) fn hooked_count(r: &mut dyn Reader, convoy_id: &str) -> Result<i64> {
    let rows = r.query(HOOKED_COUNT_SQL, &[convoy_id.into()])?;
    Ok(rows.first().map(|row| row.int(0)).transpose()?.unwrap_or(0))
}

/// Whether an idle, unhooked polecat of `rig` is there to take work.
pub(crate) fn any_idle_polecat(r: &mut dyn Reader, rig: &str) -> Result<bool> {
    Ok(!r.query(ANY_IDLE_POLECAT_SQL, &[rig.into()])?.is_empty())
}

/// Each bead of a convoy with its agent's status, then one row more per edge
/// it has (the same bead columns again) with its blocker's status.
pub(crate) const CONVOY_STATUS_SQL: &str = "SELECT b.id, b.title, b.status, b.rig, b.priority, \
     b.assignee, d.depends_on_id, blocker.status, a.status FROM beads b \
     LEFT JOIN agents a ON a.name = b.assignee \
     LEFT JOIN bead_deps d ON d.bead_id = b.id \
     LEFT JOIN beads blocker ON blocker.id = d.depends_on_id \
     WHERE b.convoy_id = ?1 ORDER BY b.rowid, d.depends_on_id";

/// What `convoy status` learns of a convoy as it reads its beads, to say
/// which of them need attention (R4, the rule `needs_attention_sql!` states
/// for lists): a waiting bead needs a person only when nothing will pick it up.
struct Watch {
    active: bool,
    /// Its cap is full: a waiting bead is `queued` for the next place.
    full: bool,
    /// A dispatched bead on a live agent: when it ends, its polecat is freed
    /// and takes the next waiting bead (R8).
    at_work: bool,
    /// Each bead needing attention, in the beads' order, and for the open,
    /// unassigned ones their rig: those are decided once every bead is read.
    found: Vec<(Attention, Option<String>)>,
    /// Where the town's agents run under `gt run` (it has hosts): the rigs
    /// its live hosts serve (`None` among them: every rig).
    served: Option<Vec<Option<Vec<String>>>>,
}

impl Watch {
    /// Whether a bead of `rig` at work has no live host to run it.
    fn unserved(&self, rig: &str) -> bool {
        self.served.as_ref().is_some_and(|live| {
            !live.iter().any(|rigs| {
                rigs.as_ref()
                    .is_none_or(|rigs| rigs.iter().any(|r| r == rig))
            })
        })
    }
}

/// The live hosts' rigs, where the town has hosts at all.
pub(crate) const HOSTS_SERVED_SQL: &str = "SELECT status, rigs FROM hosts";

fn served(r: &mut dyn Reader) -> Result<Option<Vec<Option<Vec<String>>>>> {
    let rows = r.query(HOSTS_SERVED_SQL, &[])?;
    if rows.is_empty() {
        return Ok(None);
    }
    let mut live = Vec::new();
    for row in &rows {
        if row.text(0)? != crate::model::HostStatus::Live.as_str() {
            continue;
        }
        let rigs: Vec<String> = serde_json::from_str(&row.text(1)?).unwrap_or_default();
        live.push((!rigs.is_empty()).then_some(rigs));
    }
    Ok(Some(live))
}

impl Watch {
    /// Sets an open bead's `state` once all its rows are read, and notes what
    /// about it needs attention.
    fn settle(&mut self, bead: &mut TrackedBead) {
        let waiting = bead.status == BeadStatus::Open && bead.assignee.is_none();
        bead.state = match bead.status {
            BeadStatus::Open if !bead.blocked_by.is_empty() => Some(BeadState::Blocked),
            BeadStatus::Open if waiting && self.full => Some(BeadState::Queued),
            BeadStatus::Open if waiting => Some(BeadState::Unassigned),
            _ => None,
        };
        // A dead agent's hook needs attention on its own (as in the SQL).
        let live = bead.agent_status != Some(AgentStatus::Dead);
        if bead.assignee.is_some() && bead.status != BeadStatus::Open && live {
            self.at_work = true;
        }
        // A convoy ended by hand needs nobody: its beads are as it was left.
        let reason = match (bead.status, bead.agent_status) {
            _ if !self.active => None,
            (BeadStatus::Failed, _) => Some(AttentionReason::BeadFailed),
            (_, Some(AgentStatus::Dead)) => Some(AttentionReason::AgentDead),
            (_, Some(AgentStatus::Stalled)) => Some(AttentionReason::AgentStalled),
            (BeadStatus::InProgress, Some(_)) if self.unserved(&bead.rig) => {
                Some(AttentionReason::NoHost)
            }
            _ if waiting => Some(AttentionReason::UnassignedOpen),
            _ => None,
        };
        if let Some(reason) = reason {
            let about_agent = matches!(
                reason,
                AttentionReason::AgentDead | AttentionReason::AgentStalled
            );
            let rig = (reason == AttentionReason::UnassignedOpen).then(|| bead.rig.clone());
            let item = Attention {
                bead: bead.id.clone(),
                reason,
                agent: bead.assignee.clone().filter(|_| about_agent),
            };
            self.found.push((item, rig));
        }
    }

    /// The attention list: the waiting beads kept are those nothing will
    /// pick up (nothing at work, and a full cap or no idle polecat of their rig).
    fn attention(self, r: &mut dyn Reader) -> Result<Vec<Attention>> {
        let mut idle: HashMap<String, bool> = HashMap::new();
        let mut out = Vec::with_capacity(self.found.len());
        for (item, rig) in self.found {
            if let Some(rig) = rig {
                if self.at_work {
                    continue;
                }
                if !self.full {
                    let free = match idle.get(&rig) {
                        Some(free) => *free,
                        None => {
                            let free = any_idle_polecat(r, &rig)?;
                            idle.insert(rig, free);
                            free
                        }
                    };
                    if free {
                        continue;
                    }
                }
            }
            out.push(item);
        }
        Ok(out)
    }
}

/// Reads `convoy status` into `sink`, one bead at a time.
pub fn convoy_status_into(
    r: &mut dyn Reader,
    convoy_id: &str,
    sink: &mut dyn ConvoyStatusSink,
) -> Result<()> {
    let convoy: Convoy = must(r, convoy_id)?;
    let full = match convoy.max_polecats {
        Some(cap) => hooked_count(r, convoy_id)? >= cap,
        None => false,
    };
    let mut watch = Watch {
        active: convoy.status == ConvoyStatus::Active,
        full,
        at_work: false,
        found: Vec::new(),
        served: served(r)?,
    };
    sink.convoy(convoy)?;
    let mut dependency_edges = Vec::new();
    // The bead being read; handed to the sink once its last row is read.
    let mut current: Option<TrackedBead> = None;
    // The sink's own error, kept whole while the read is stopped.
    let mut refused: Option<Error> = None;
    // One pass: each bead, then one row more per edge it has (the same bead
    // columns again), so the beads are read once and their edges found by key.
    let read = r.each_row(CONVOY_STATUS_SQL, &[convoy_id.into()], &mut |row| {
        let id = row.text(0)?;
        if current.as_ref().is_none_or(|b| b.id != id) {
            if let Some(bead) = &mut current {
                watch.settle(bead);
                if let Err(e) = sink.bead(bead) {
                    refused = Some(e);
                    return Err(StoreError::Backend("the reader stopped".into()));
                }
            }
            let (title, rig) = (row.text(1)?, row.text(3)?);
            let (status, priority) = (row.parsed(2)?, row.parsed(4)?);
            let assignee = row.opt_text(5)?;
            let agent_status = match row.opt_text(8)? {
                Some(_) => Some(row.parsed(8)?),
                None => None,
            };
            match &mut current {
                Some(b) => {
                    refill(&mut b.id, &id);
                    refill(&mut b.title, &title);
                    refill(&mut b.rig, &rig);
                    match (&mut b.assignee, assignee) {
                        (Some(a), Some(new)) => refill(a, &new),
                        (a, new) => *a = new.map(Into::into),
                    }
                    (b.status, b.priority) = (status, priority);
                    b.agent_status = agent_status;
                    b.blocked_by.clear();
                }
                None => {
                    current = Some(TrackedBead {
                        id: id.to_string(),
                        title: title.into_owned(),
                        status,
                        rig: rig.into_owned(),
                        priority,
                        assignee: assignee.map(Into::into),
                        blocked_by: Vec::new(),
                        agent_status,
                        state: None,
                    })
                }
            }
        }
        // No edge (or, as with an inner join, none whose blocker exists).
        if row.opt_text(7)?.is_none() {
            return Ok(());
        }
        let blocker = row.text(6)?.into_owned();
        if row.parsed::<BeadStatus>(7)? != BeadStatus::Closed {
            if let Some(bead) = &mut current {
                bead.blocked_by.push(blocker.clone());
            }
        }
        dependency_edges.push(DependencyEdge {
            bead_id: id.into_owned(),
            depends_on_bead_id: blocker,
        });
        Ok(())
    });
    if let Some(e) = refused {
        return Err(e);
    }
    read?;
    if let Some(bead) = &mut current {
        watch.settle(bead);
        sink.bead(bead)?;
    }
    sink.edges(dependency_edges)?;
    sink.attention(watch.attention(r)?)
}
