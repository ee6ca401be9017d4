//! What the rules do when an agent comes back or a dispatch fails: the
//! escalations patrol raised about an agent resolve themselves once it has
//! left the state they report, and a failed dispatch command is kept for
//! patrol to retry. Patrol, heartbeats, resets and deletes all go through
//! here; so does the cap guard every write that hooks beads of a capped
//! convoy runs.

use crate::change::{Change, Resolution};
use crate::error::Result;
use crate::id::{self, IdKind};
use crate::model::{Agent, AgentStatus, Escalation, EscalationStatus, Severity};
use crate::store::{Stmt, Value};
use crate::unit::Unit;

/// The category of the escalation raised for an agent gone silent.
pub const STALLED_AGENT: &str = "stalled_agent";
/// The category of the escalation raised for an agent declared dead.
pub const DEAD_AGENT: &str = "dead_agent";
/// An agent's unresolved escalations of one category (the partial index of
/// unresolved escalations by agent and category).
pub(crate) const AGENT_ESCALATIONS_WHERE: &str =
    "e.agent = ?1 AND e.category = ?2 AND e.status <> 'resolved'";

/// Records a failed dispatch command: the first failure for this agent, or
/// one more.
pub(crate) const DISPATCH_FAILURE_UPSERT_SQL: &str =
    "INSERT INTO dispatch_failures (bead_id, agent, attempts, retries, error, failed_at) \
     VALUES (?1, ?2, 1, 0, ?3, ?4) ON CONFLICT (bead_id) DO UPDATE SET \
     attempts = CASE WHEN agent = excluded.agent THEN attempts + 1 ELSE 1 END, \
     retries = CASE WHEN agent = excluded.agent THEN retries ELSE 0 END, \
     agent = excluded.agent, error = excluded.error, failed_at = excluded.failed_at";

/// Forgets a bead's failed dispatches (it went through, or moved on).
pub(crate) const DISPATCH_FAILURE_DELETE_SQL: &str =
    "DELETE FROM dispatch_failures WHERE bead_id = ?1";

/// Fails the batch if a convoy holds more hooked beads than its cap: run after
/// the batch's writes, so that two patrols hooking beads of one convoy at once
/// cannot both take its last free place.
pub(crate) const CAP_GUARD_SQL: &str = "INSERT INTO stale_reads (what) SELECT ?1 WHERE \
     (SELECT count(*) FROM beads INDEXED BY beads_hooked \
      WHERE convoy_id = ?2 AND assignee IS NOT NULL) > ?3";

/// An agent's unresolved escalations of a category (guarded).
pub(crate) fn unresolved(
    unit: &mut Unit,
    agent_name: &str,
    category: &str,
) -> Result<Vec<Escalation>> {
    unit.load_where::<Escalation>(
        AGENT_ESCALATIONS_WHERE,
        &[agent_name.into(), category.into()],
    )
}

pub(crate) fn resolve(unit: &mut Unit, mut esc: Escalation, reason: &str) {
    let before = esc.status;
    esc.status = EscalationStatus::Resolved;
    let by = Resolution::Gt {
        reason: reason.to_string(),
    };
    unit.record(&esc.id, Change::Resolved { old: before, by });
    unit.put(esc);
}

impl Unit<'_> {
    /// Resolves the escalations patrol raised about an agent that has left
    /// the state they report: a stalled agent beating or reset, a dead one
    /// reset or deleted. Costs a probe only when the agent was stalled or dead.
    pub fn agent_recovered(&mut self, before: &Agent, now: Option<AgentStatus>) -> Result<()> {
        let category = match before.status {
            AgentStatus::Stalled => STALLED_AGENT,
            AgentStatus::Dead => DEAD_AGENT,
            _ => return Ok(()),
        };
        if now == Some(before.status) {
            return Ok(());
        }
        let reason = match now {
            Some(status) => format!("the agent is {status}"),
            None => "the agent was deleted".to_string(),
        };
        for esc in unresolved(self, &before.name, category)? {
            resolve(self, esc, &reason);
        }
        Ok(())
    }

    /// Records a failed dispatch command for patrol to retry.
    pub(crate) fn record_dispatch_failure(&mut self, bead_id: &str, agent: &str, error: &str) {
        let now = self.now.clone();
        self.extra(Stmt::new(
            DISPATCH_FAILURE_UPSERT_SQL,
            vec![bead_id.into(), agent.into(), error.into(), now.into()],
        ));
    }

    /// Forgets a bead's failed dispatches: a retry went through, it was
    /// escalated, or the bead moved on.
    pub(crate) fn forget_dispatch_failure(&mut self, bead_id: &str) {
        self.extra(Stmt::new(
            DISPATCH_FAILURE_DELETE_SQL,
            vec![Value::from(bead_id)],
        ));
    }
}

/// Raises an escalation about an agent and its bead, with its `created` event.
pub(crate) fn raise_about(
    unit: &mut Unit,
    agent: &Agent,
    severity: Severity,
    category: &str,
    message: String,
) -> Result<Escalation> {
    let population = unit.population("escalations")?;
    let esc = Escalation {
        id: id::generate(IdKind::Escalation, population),
        severity,
        category: Some(category.to_string()),
        message,
        rig: agent.rig.clone(),
        agent: Some(agent.name.clone()),
        bead: agent.hook.clone(),
        status: EscalationStatus::Open,
        acknowledged_by: None,
        acknowledged_at: None,
        re_escalation_count: 0,
        created_at: unit.now.clone(),
    };
    crate::ops::escalation::log_raised(unit, esc.clone());
    Ok(esc)
}
