//! Convoys: listing them with their progress, and the detailed status view.

use crate::call::{Call, CallSpec};
use serde::{Deserialize, Serialize};

use crate::change::{Change, Deleted, Field};
use crate::error::{Error, Hint, Result};
use crate::model::{Bead, BeadStatus, Convoy, ConvoyStatus, MergeMode};
use crate::query::{self, ConvoyFilter, ConvoyStatusSink, ConvoyStatusView};
use crate::town::Town;

impl Town {
    pub fn convoys(&mut self, filter: &ConvoyFilter) -> Result<Vec<Convoy>> {
        let mut filter = filter.clone();
        self.read(|r| {
            if let Some(rig) = &filter.rig {
                filter.rig = Some(query::resolve_rig(r, rig)?.name);
            }
            query::convoys(r, &filter)
        })
    }

    pub fn convoy(&mut self, id: &str) -> Result<Convoy> {
        self.read(|r| {
            let id = query::resolve::<Convoy>(r, id)?;
            query::must(r, &id)
        })
    }

    /// Each tracked bead with its status, assignee and open blockers.
    pub fn convoy_status(&mut self, id: &str) -> Result<ConvoyStatusView> {
        self.read(|r| {
            let id = query::resolve::<Convoy>(r, id)?;
            query::convoy_status(r, &id)
        })
    }

    /// The same, read into `sink` one bead at a time (for printing large convoys
    /// without holding them).
    pub fn convoy_status_into(&mut self, id: &str, sink: &mut dyn ConvoyStatusSink) -> Result<()> {
        self.read(|r| {
            let id = query::resolve::<Convoy>(r, id)?;
            query::convoy_status_into(r, &id, sink)
        })
    }
}

request! {
    /// Force-closes (or force-fails) a convoy, optionally ending its beads.
    pub struct CloseConvoy {
        pub convoy_id: String,
        /// Force-fail instead of force-close.
        #[serde(default)]
        pub failed: bool,
        /// Also end every tracked bead that is not closed or failed, freeing
        /// its agent.
        #[serde(default)]
        pub close_beads: bool,
        pub reason: Option<String>,
    }
}

request! {
    /// Reopens a convoy that was closed or failed by hand.
    pub struct ReopenConvoy {
        pub convoy_id: String,
    }
}

request! {
    /// Edits a convoy's metadata; only the fields given change.
    pub struct UpdateConvoy {
        pub convoy_id: String,
        pub merge_mode: Option<MergeMode>,
        /// An empty string clears it.
        pub feature_branch: Option<String>,
        pub title: Option<String>,
        /// How many polecats may work on it at once: raised, waiting beads
        /// are handed out at once; lowered, no work in progress is taken away.
        pub max_polecats: Option<u32>,
    }
}

/// Every bead a convoy tracks, in creation order.
pub(crate) const TRACKED_WHERE: &str = "b.convoy_id = ?1 ORDER BY b.rowid";

/// A convoy's beads that are not done yet, in creation order.
pub(crate) const UNFINISHED_WHERE: &str =
    "b.convoy_id = ?1 AND b.status NOT IN ('closed', 'failed') ORDER BY b.rowid";

impl Town {
    /// Force-closes (or force-fails) an active convoy.
    pub fn close_convoy(&mut self, req: &CloseConvoy) -> Result<Convoy> {
        let id = req.convoy_id.as_str();
        super::texts("reason", &req.reason)?;
        let id = self.write(|unit| {
            let id = query::resolve::<Convoy>(unit, id)?;
            let mut convoy: Convoy = unit.must(&id)?;
            if convoy.status != ConvoyStatus::Active {
                return Err(
                    Error::conflict(format!("convoy {id} is already {}", convoy.status))
                        .with_hint("only an active convoy can be closed"),
                );
            }
            let (status, bead_status) = if req.failed {
                (ConvoyStatus::Failed, BeadStatus::Failed)
            } else {
                (ConvoyStatus::Closed, BeadStatus::Closed)
            };
            convoy.status = status;
            convoy.closed_reason = req.reason.clone();
            convoy.updated_at = unit.now.clone();
            unit.put(convoy);
            let closed = Change::ConvoyClosed {
                status,
                reason: req.reason.clone(),
                close_beads: req.close_beads,
            };
            unit.record(&id, closed);
            if req.close_beads {
                unit.closing.insert(id.clone());
                let open = unit.load_where::<Bead>(UNFINISHED_WHERE, &[id.as_str().into()])?;
                for bead in open {
                    unit.set_bead_status(&bead.id, bead_status)?;
                }
            }
            unit.settle(&id);
            Ok(id)
        })?;
        self.read(|r| query::must(r, &id))
    }

    /// Makes a convoy closed or failed by hand active again (the undo of
    /// [`Town::close_convoy`]); its beads stay as they are, so one whose
    /// beads are all closed lands at once.
    pub fn reopen_convoy(&mut self, req: &ReopenConvoy) -> Result<Convoy> {
        let id = self.write(|unit| {
            let id = query::resolve::<Convoy>(unit, &req.convoy_id)?;
            let mut convoy: Convoy = unit.must(&id)?;
            let from = convoy.status;
            match from {
                ConvoyStatus::Closed | ConvoyStatus::Failed => {}
                ConvoyStatus::Active => {
                    return Err(Error::conflict(format!("convoy {id} is active already"))
                        .with_hint("only a convoy closed or failed by hand can be reopened"));
                }
                ConvoyStatus::Landed => {
                    return Err(Error::conflict(format!(
                        "convoy {id} landed by itself; it reopens when one of its beads does"
                    ))
                    .with_hint(Hint::call(
                        "reopen a bead of it",
                        "bead update",
                        &[("bead_id", "ID"), ("status", "open")],
                    )));
                }
            }
            convoy.status = ConvoyStatus::Active;
            convoy.closed_reason = None;
            convoy.updated_at = unit.now.clone();
            let (closed_beads, total_beads) = (convoy.closed_beads, convoy.total_beads);
            unit.put(convoy);
            let reopened = Change::ConvoyReopened {
                from,
                closed_beads,
                total_beads,
            };
            unit.record(&id, reopened);
            unit.settle(&id);
            Ok(id)
        })?;
        self.read(|r| query::must(r, &id))
    }

    /// Edits a convoy's title, merge mode or feature branch.
    pub fn update_convoy(&mut self, req: &UpdateConvoy) -> Result<Convoy> {
        let id = req.convoy_id.as_str();
        let nothing = req.title.is_none()
            && req.merge_mode.is_none()
            && req.feature_branch.is_none()
            && req.max_polecats.is_none();
        if nothing {
            return Err(Error::usage("nothing to update").with_hint(Hint::fields(
                "give",
                "convoy update",
                &["title", "merge_mode", "feature_branch", "max_polecats"],
            )));
        }
        if req.max_polecats == Some(0) {
            return Err(
                Error::usage("a convoy's cap of polecats is zero").with_hint(Hint::fields(
                    "give at least 1 as",
                    "convoy update",
                    &["max_polecats"],
                )),
            );
        }
        if let Some(title) = &req.title {
            super::required("title", title)?;
        }
        super::texts("feature branch", &req.feature_branch)?;
        let id = self.write(|unit| {
            let id = query::resolve::<Convoy>(unit, id)?;
            let mut convoy: Convoy = unit.must(&id)?;
            let before = convoy.clone();
            if let Some(title) = &req.title {
                convoy.title = title.clone();
            }
            if let Some(mode) = req.merge_mode {
                convoy.merge_mode = mode;
            }
            if let Some(branch) = &req.feature_branch {
                convoy.feature_branch = (!branch.trim().is_empty()).then(|| branch.clone());
            }
            if let Some(cap) = req.max_polecats {
                convoy.max_polecats = Some(i64::from(cap));
            }
            let changes = [
                Field::Title {
                    old: before.title.clone(),
                    new: convoy.title.clone(),
                },
                Field::MergeMode {
                    old: before.merge_mode,
                    new: convoy.merge_mode,
                },
                Field::FeatureBranch {
                    old: before.feature_branch.clone(),
                    new: convoy.feature_branch.clone(),
                },
                Field::MaxPolecats {
                    old: before.max_polecats,
                    new: convoy.max_polecats,
                },
            ];
            let mut changed = false;
            for field in changes.into_iter().filter(Field::changed) {
                unit.record(&id, Change::Updated(field));
                changed = true;
            }
            if changed {
                convoy.updated_at = unit.now.clone();
                let (cap, active) = (convoy.max_polecats, convoy.status == ConvoyStatus::Active);
                unit.put(convoy);
                // A cap raised (or set) feeds waiting beads at once; one
                // lowered unhooks nothing, and the next frees go unfed.
                if let (Some(cap), true) = (cap, active) {
                    if before.max_polecats.is_none_or(|old| cap > old) {
                        unit.fill_places(&id, cap)?;
                    }
                }
            }
            Ok(id)
        })?;
        self.read(|r| query::must(r, &id))
    }

    /// Starts tracking beads. A bead belongs to at most one convoy.
    pub fn add_to_convoy(&mut self, id: &str, beads: &[String]) -> Result<Convoy> {
        self.change_tracking(id, beads, true)
    }

    /// Stops tracking beads (they stay, untracked).
    pub fn remove_from_convoy(&mut self, id: &str, beads: &[String]) -> Result<Convoy> {
        self.change_tracking(id, beads, false)
    }

    fn change_tracking(&mut self, id: &str, beads: &[String], add: bool) -> Result<Convoy> {
        if beads.is_empty() {
            return Err(Error::usage("no beads given").with_hint("name one or more bead IDs"));
        }
        let id = self.write(|unit| {
            let id = query::resolve::<Convoy>(unit, id)?;
            unit.must::<Convoy>(&id)?;
            // A set: many beads at once must not cost their square.
            let mut seen = std::collections::HashSet::new();
            for input in beads {
                let bead_id = query::resolve::<Bead>(unit, input)?;
                if !seen.insert(bead_id.clone()) {
                    continue;
                }
                let mut bead: Bead = unit.must(&bead_id)?;
                let old = bead.convoy_id.clone();
                match (add, old.as_deref()) {
                    (true, Some(c)) if c == id => continue,
                    (true, Some(other)) => {
                        return Err(Error::conflict(format!(
                            "bead {bead_id} is already tracked by convoy {other}"
                        ))
                        .with_hint(Hint::call(
                            "remove it there first",
                            "convoy remove",
                            &[("convoy_id", other), ("bead_ids", &bead_id)],
                        )))
                    }
                    (true, None) => {
                        // A hooked bead takes one of a capped convoy's places (R8).
                        if let Some(holder) = &bead.assignee {
                            let then = format!(
                                "{bead_id} is at work on {holder}: add it once one of the \
                                 convoy's hooked beads is done"
                            );
                            unit.ensure_place(&id, then)?;
                        }
                        bead.convoy_id = Some(id.clone());
                    }
                    (false, Some(c)) if c == id => bead.convoy_id = None,
                    (false, _) => {
                        return Err(Error::conflict(format!(
                            "bead {bead_id} is not tracked by convoy {id}"
                        )))
                    }
                }
                bead.updated_at = unit.now.clone();
                unit.put(bead.clone());
                let bead_change = if add {
                    Change::BeadAdded {
                        bead: bead_id.clone(),
                    }
                } else {
                    Change::BeadRemoved {
                        bead: bead_id.clone(),
                    }
                };
                unit.record(&id, bead_change);
                let field = Field::ConvoyId {
                    old,
                    new: bead.convoy_id,
                    reason: None,
                };
                unit.record(&bead_id, Change::Updated(field));
            }
            unit.settle(&id);
            Ok(id)
        })?;
        self.read(|r| query::must(r, &id))
    }
}

/// What `gt convoy delete` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConvoyDeleted {
    pub deleted: String,
    /// The beads it tracked: they stay, no longer in any convoy (R10).
    pub unlinked_beads: Vec<String>,
}

impl Town {
    /// Deletes a convoy (R10): its beads stay, unlinked, each with an `updated`
    /// event; the convoy's own events stay, plus `deleted`.
    pub fn delete_convoy(&mut self, id: &str) -> Result<ConvoyDeleted> {
        self.write(|unit| {
            let id = query::resolve::<Convoy>(unit, id)?;
            let convoy: Convoy = unit.must(&id)?;
            let beads = unit.load_where::<Bead>(TRACKED_WHERE, &[id.as_str().into()])?;
            let mut unlinked = Vec::with_capacity(beads.len());
            for mut bead in beads {
                bead.convoy_id = None;
                bead.updated_at = unit.now.clone();
                let field = Field::ConvoyId {
                    old: Some(id.clone()),
                    new: None,
                    reason: Some("convoy deleted".into()),
                };
                unit.record(&bead.id, Change::Updated(field));
                unlinked.push(bead.id.clone());
                unit.put(bead);
            }
            unit.remove::<Convoy>(&id);
            let deleted = Deleted::Convoy {
                title: convoy.title,
                status: convoy.status,
                total_beads: convoy.total_beads,
                closed_beads: convoy.closed_beads,
            };
            unit.record(&id, Change::Deleted(deleted));
            Ok(ConvoyDeleted {
                deleted: id,
                unlinked_beads: unlinked,
            })
        })
    }
}

impl Call for crate::query::ListConvoys {
    type Output = Vec<Convoy>;
    const SPEC: CallSpec = spec!(
        "convoy list",
        "gt_list_convoys",
        Some("GET /api/convoys"),
        Read,
        true,
        Some("convoys"),
        core,
        aliases = &["GET /api/mayor/{town}/tools/convoys"],
        doc = "List active convoys with their progress (all of them with {all})"
    );
    fn run(self, town: &mut Town) -> Result<Vec<Convoy>> {
        town.convoys(&self)
    }
}

request! {
    /// A convoy, each bead it tracks (status, polecat, blockers), and its edges.
    pub struct ShowConvoy {
        pub convoy_id: String,
    }
}

impl Call for ShowConvoy {
    type Output = ConvoyStatusView;
    const SPEC: CallSpec = spec!(
        "convoy status",
        "gt_convoy_status",
        Some("GET /api/convoys/{convoy_id}"),
        Read,
        true,
        None,
        core,
        aliases = &["GET /api/mayor/{town}/tools/convoys/{convoy_id}"],
        doc = "Show a convoy: each tracked bead with its status, assignee and blockers"
    );
    fn run(self, town: &mut Town) -> Result<ConvoyStatusView> {
        town.convoy_status(&self.convoy_id)
    }
}

impl Call for CloseConvoy {
    type Output = Convoy;
    const SPEC: CallSpec = spec!(
        "convoy close",
        "gt_convoy_close",
        Some("POST /api/convoys/{convoy_id}/close"),
        Destructive,
        true,
        None,
        core,
        doc = "Force-close (or force-fail) a convoy that will not land by itself\n\n\
               With {close_beads}, every tracked bead that is not closed or failed is \
               ended the same way and its agent freed."
    );
    fn run(self, town: &mut Town) -> Result<Convoy> {
        town.close_convoy(&self)
    }
}

impl Call for ReopenConvoy {
    type Output = Convoy;
    const SPEC: CallSpec = spec!(
        "convoy reopen",
        "gt_convoy_reopen",
        Some("POST /api/convoys/{convoy_id}/reopen"),
        Write,
        false,
        None,
        doc = "Reopen a convoy closed or failed by hand (the undo of a force close)\n\n\
               It is active again, its reason cleared; its beads stay as they are, so \
               one whose beads are all closed lands at once. A convoy that landed by \
               itself reopens only when one of its beads does ({call:bead update \
               bead_id=ID status=open})."
    );
    fn run(self, town: &mut Town) -> Result<Convoy> {
        town.reopen_convoy(&self)
    }
}

impl Call for UpdateConvoy {
    type Output = Convoy;
    const SPEC: CallSpec = spec!(
        "convoy update",
        "gt_convoy_update",
        Some("PATCH /api/convoys/{convoy_id}"),
        Write,
        true,
        None,
        core,
        doc = "Edit a convoy's title, merge mode, feature branch or cap of polecats\n\n\
               Raising {max_polecats} hands waiting beads to polecats at once (idle \
               ones first, else new ones); lowering it takes no work away: the convoy \
               feeds no freed polecat until it is under the new cap.\n\n\
               The merge mode is recorded for the agents that do the git work and never \
               delays landing: `review-then-land` (the default: each bead's work is \
               reviewed, and the feature branch lands when the convoy does) or \
               `review-and-merge` (each bead's work is merged into the feature branch \
               once reviewed)."
    );
    fn run(self, town: &mut Town) -> Result<Convoy> {
        town.update_convoy(&self)
    }
}

request! {
    /// Adds beads to what a convoy tracks.
    pub struct AddConvoyBeads {
        pub convoy_id: String,
        pub bead_ids: Vec<String>,
    }
}

impl Call for AddConvoyBeads {
    type Output = Convoy;
    const SPEC: CallSpec = spec!(
        "convoy add",
        "gt_convoy_add_beads",
        Some("POST /api/convoys/{convoy_id}/beads"),
        Write,
        true,
        None,
        doc = "Start tracking beads in a convoy (a bead belongs to at most one convoy)\n\n\
               Adding unfinished work to a landed convoy makes it active again."
    );
    fn run(self, town: &mut Town) -> Result<Convoy> {
        town.add_to_convoy(&self.convoy_id, &self.bead_ids)
    }
}

request! {
    /// Removes beads from what a convoy tracks; they stay, in no convoy.
    pub struct RemoveConvoyBeads {
        pub convoy_id: String,
        pub bead_ids: Vec<String>,
    }
}

impl Call for RemoveConvoyBeads {
    type Output = Convoy;
    const SPEC: CallSpec = spec!(
        "convoy remove",
        "gt_convoy_remove_beads",
        Some("DELETE /api/convoys/{convoy_id}/beads/{bead_id}"),
        Write,
        true,
        None,
        doc = "Stop tracking beads in a convoy (the beads stay)\n\n\
               Removing the last unfinished bead lands the convoy if the rest are \
               closed."
    );
    fn run(self, town: &mut Town) -> Result<Convoy> {
        town.remove_from_convoy(&self.convoy_id, &self.bead_ids)
    }
}

request! {
    /// Deletes a convoy; its beads stay, unlinked, and its history stays.
    pub struct DeleteConvoy {
        pub convoy_id: String,
    }
}

impl Call for DeleteConvoy {
    type Output = ConvoyDeleted;
    const SPEC: CallSpec = spec!(
        "convoy delete",
        "gt_convoy_delete",
        Some("DELETE /api/convoys/{convoy_id}"),
        Destructive,
        false,
        None,
        doc = "Delete a convoy: its beads stay, no longer in any convoy\n\n\
               Each bead's change and the convoy's deletion are recorded; the convoy's \
               history stays in {call:events subject_id=ID}."
    );
    fn run(self, town: &mut Town) -> Result<ConvoyDeleted> {
        town.delete_convoy(&self.convoy_id)
    }
}
