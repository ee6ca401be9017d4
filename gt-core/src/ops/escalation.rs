//! Escalations: requests for human attention.

use crate::call::{Call, CallSpec};
use serde::{Deserialize, Serialize};

use crate::change::{Change, Created, Resolution};
use crate::error::Result;
use crate::id::{self, IdKind};
use crate::model::{Bead, Escalation, EscalationStatus, Severity};
use crate::query;
use crate::town::Town;

request! {
    /// Asks a human for attention, about a bead, a rig or an agent.
    pub struct RaiseEscalation {
        pub message: String,
        pub severity: Option<Severity>,
        pub category: Option<String>,
        pub bead_id: Option<String>,
        /// The rig (name or ID).
        pub rig_id: Option<String>,
        /// The agent (name or ID).
        pub agent_id: Option<String>,
    }
}

/// What `gt escalation ack` found or did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Acknowledged {
    #[serde(flatten)]
    pub escalation: Escalation,
    /// True when an earlier ack had already acknowledged it (nothing was written).
    pub already_acknowledged: bool,
}

/// What `gt escalation resolve` found or did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Resolved {
    #[serde(flatten)]
    pub escalation: Escalation,
    /// True when it was resolved already (nothing was written).
    pub already_resolved: bool,
}

/// Adds a new escalation with its `created` event.
pub(crate) fn log_raised(unit: &mut crate::unit::Unit, esc: Escalation) {
    let created = Created::Escalation {
        severity: esc.severity,
        message: esc.message.clone(),
        bead: esc.bead.clone(),
    };
    unit.create_logged(esc, created);
}

impl Town {
    pub fn raise_escalation(&mut self, req: &RaiseEscalation) -> Result<Escalation> {
        super::required("message", &req.message)?;
        super::texts("category", &req.category)?;
        let id = self.write(|unit| {
            let bead = req
                .bead_id
                .as_deref()
                .map(|b| query::resolve::<Bead>(unit, b))
                .transpose()?;
            let rig = req
                .rig_id
                .as_deref()
                .map(|r| query::resolve_rig(unit, r))
                .transpose()?;
            // About a bead: its agent (the one holding it) and its rig, unless given.
            let about: Option<Bead> = match &bead {
                Some(id) => Some(unit.must(id)?),
                None => None,
            };
            let agent = match &req.agent_id {
                Some(a) => {
                    let id = query::resolve_agent(unit, a)?;
                    Some(query::must::<crate::model::Agent>(unit, &id)?.name)
                }
                None => about.as_ref().and_then(|b| b.assignee.clone()),
            };
            let rig = rig.map(|r| r.name).or(about.map(|b| b.rig));
            let population = unit.population("escalations")?;
            let esc = Escalation {
                id: id::generate(IdKind::Escalation, population),
                severity: req.severity.unwrap_or(Severity::Medium),
                category: req.category.clone(),
                message: req.message.clone(),
                rig,
                agent,
                bead,
                status: EscalationStatus::Open,
                acknowledged_by: None,
                acknowledged_at: None,
                re_escalation_count: 0,
                created_at: unit.now.clone(),
            };
            let id = esc.id.clone();
            log_raised(unit, esc);
            Ok(id)
        })?;
        self.read(|r| query::must(r, &id))
    }

    pub fn escalations(&mut self, all: bool) -> Result<Vec<Escalation>> {
        self.read(|r| query::escalations(r, all))
    }

    /// Acknowledges an escalation. A second ack writes nothing and reports the
    /// first one.
    pub fn ack_escalation(&mut self, id: &str) -> Result<Acknowledged> {
        let (id, already) = self.write(|unit| {
            let id = query::resolve::<Escalation>(unit, id)?;
            let mut esc: Escalation = unit.must(&id)?;
            if esc.status != EscalationStatus::Open {
                return Ok((id, true));
            }
            esc.status = EscalationStatus::Acknowledged;
            esc.acknowledged_by = Some(unit.actor.clone());
            esc.acknowledged_at = Some(unit.now.clone());
            unit.put(esc);
            unit.record(&id, Change::Acknowledged);
            Ok((id, false))
        })?;
        let escalation = self.read(|r| query::must(r, &id))?;
        Ok(Acknowledged {
            escalation,
            already_acknowledged: already,
        })
    }

    /// Resolves an escalation, open or acknowledged, with an optional note
    /// (kept in the event). Resolving it again writes nothing and says so.
    pub fn resolve_escalation(&mut self, id: &str, note: Option<&str>) -> Result<Resolved> {
        if let Some(note) = note {
            super::text("note", note)?;
        }
        let (id, already) = self.write(|unit| {
            let id = query::resolve::<Escalation>(unit, id)?;
            let mut esc: Escalation = unit.must(&id)?;
            if esc.status == EscalationStatus::Resolved {
                return Ok((id, true));
            }
            let before = esc.status;
            esc.status = EscalationStatus::Resolved;
            unit.put(esc);
            let by = Resolution::Hand {
                note: note.map(str::to_string),
            };
            unit.record(&id, Change::Resolved { old: before, by });
            Ok((id, false))
        })?;
        let escalation = self.read(|r| query::must(r, &id))?;
        Ok(Resolved {
            escalation,
            already_resolved: already,
        })
    }
}

request! {
    /// Open escalations, or all of them.
    pub struct ListEscalations {
        #[serde(default)]
        pub all: bool,
    }
}

impl Call for ListEscalations {
    type Output = Vec<Escalation>;
    const SPEC: CallSpec = spec!(
        "escalation list",
        "gt_list_escalations",
        Some("GET /api/escalations"),
        Read,
        true,
        Some("escalations"),
        core,
        doc = "List open escalations (all of them with {all})"
    );
    fn run(self, town: &mut Town) -> Result<Vec<Escalation>> {
        town.escalations(self.all)
    }
}

impl Call for RaiseEscalation {
    type Output = Escalation;
    const SPEC: CallSpec = spec!(
        "escalation raise",
        "gt_escalation_raise",
        Some("POST /api/escalations"),
        Write,
        false,
        None,
        creates,
        polecat,
        doc = "Ask a human for attention"
    );
    fn run(self, town: &mut Town) -> Result<Escalation> {
        town.raise_escalation(&self)
    }
}

request! {
    /// Acknowledges an escalation; a second ack changes nothing.
    pub struct AckEscalation {
        pub escalation_id: String,
    }
}

impl Call for AckEscalation {
    type Output = Acknowledged;
    const SPEC: CallSpec = spec!(
        "escalation ack",
        "gt_escalation_acknowledge",
        Some("POST /api/escalations/{escalation_id}/ack"),
        Write,
        true,
        None,
        core,
        doc = "Acknowledge an escalation (a second ack changes nothing and says so)"
    );
    fn run(self, town: &mut Town) -> Result<Acknowledged> {
        town.ack_escalation(&self.escalation_id)
    }
}

request! {
    /// Resolves an escalation, with an optional note; a second resolve changes nothing.
    pub struct ResolveEscalation {
        pub escalation_id: String,
        pub note: Option<String>,
    }
}

impl Call for ResolveEscalation {
    type Output = Resolved;
    const SPEC: CallSpec = spec!(
        "escalation resolve",
        "gt_escalation_resolve",
        Some("POST /api/escalations/{escalation_id}/resolve"),
        Write,
        true,
        None,
        core,
        doc = "Resolve an escalation, open or acknowledged (a second resolve changes \
               nothing and says so)"
    );
    fn run(self, town: &mut Town) -> Result<Resolved> {
        town.resolve_escalation(&self.escalation_id, self.note.as_deref())
    }
}
