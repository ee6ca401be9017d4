//! Convoys: listing them with their progress, and the detailed status view.

use crate::error::Result;
use crate::model::Convoy;
use crate::query::{self, ConvoyFilter, ConvoyStatusView};
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
}
