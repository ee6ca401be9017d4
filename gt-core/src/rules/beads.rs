//! Bead creation, the one way a bead comes to be (sling, a batch, bead
//! create): its texts checked, its labels made unique, its `created` event,
//! and its convoy recounted.

use crate::change::{BeadSummary, Created};
use crate::error::Result;
use crate::id::{self, IdKind};
use crate::model::{Bead, BeadStatus, Priority};
use crate::unit::Unit;

/// What a new bead is made of.
pub(crate) struct NewBead<'a> {
    /// An ID drawn in advance (a batch draws all of them first); else a fresh one.
    pub id: Option<String>,
    pub rig: &'a str,
    pub title: &'a str,
    pub body: Option<&'a str>,
    pub priority: Priority,
    pub labels: &'a [String],
    pub convoy_id: Option<&'a str>,
    pub depends_on: Vec<String>,
}

impl Unit<'_> {
    /// Adds a new open, unassigned bead, with its `created` event.
    pub(crate) fn create_bead(&mut self, mut new: NewBead) -> Result<Bead> {
        crate::limits::text("title", new.title)?;
        if let Some(body) = new.body {
            crate::limits::text("body", body)?;
        }
        crate::limits::texts("label", new.labels)?;
        crate::limits::check_count("label", new.labels.len(), crate::limits::MAX_LABELS)?;
        // Kept in the order the store reads them back in, so that a bead in a
        // unit equals the same bead read afterwards.
        new.depends_on.sort();
        let id = match new.id {
            Some(id) => id,
            None => id::generate(IdKind::Bead, self.population("beads")?),
        };
        let bead = Bead {
            id,
            kind: "issue".to_string(),
            status: BeadStatus::Open,
            title: new.title.to_string(),
            body: new.body.map(str::to_string),
            rig: new.rig.to_string(),
            priority: new.priority,
            labels: dedup(new.labels),
            metadata: Default::default(),
            assignee: None,
            convoy_id: new.convoy_id.map(str::to_string),
            depends_on: new.depends_on,
            created_by: self.actor.clone(),
            created_at: self.now.clone(),
            updated_at: self.now.clone(),
            closed_at: None,
            last_assignee: None,
        };
        if let Some(convoy) = &bead.convoy_id {
            self.settle(convoy);
        }
        self.create_logged(bead.clone(), Created::Bead(BeadSummary::of(&bead)));
        Ok(bead)
    }
}

pub(crate) fn dedup(labels: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(labels.len());
    for l in labels {
        if !out.contains(l) {
            out.push(l.clone());
        }
    }
    out
}
