//! `gt doctor`: every invariant of SPEC §2 checked on a live town, and the
//! counts, hooks and edges repaired in one atomic unit with `--fix`.
//!
//! gt keeps convoy counts by exact deltas in each write; doctor is how an
//! operator proves on their own town that they still equal a recount. Each
//! check is one pass over an index or table, so it stays cheap enough for cron
//! on a large town.

use crate::call::{Call, CallSpec};
use serde::{Deserialize, Serialize};

use crate::change::{Change, Repair};
use crate::error::Result;
use crate::model::{Agent, AgentStatus, Bead, Convoy};
use crate::store::Reader;
use crate::town::Town;

/// One violated invariant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Violation {
    /// `counts`, `hook_one_sided`, `assignee_one_sided`, `hooked_terminal`,
    /// `landing`, `dangling_edge` or `integrity`.
    pub kind: String,
    /// The convoy, agent, bead or edge it is about.
    pub subject: String,
    pub message: String,
    /// Whether `--fix` repaired it in this run.
    pub repaired: bool,
}

/// Each convoy whose stored counts differ from a recount of its beads, or
/// whose landing does not follow from the recount (R2, R3).
pub(crate) const COUNTS_SQL: &str = "SELECT c.id, c.status, c.total_beads, c.closed_beads, \
     c.failed_beads, count(b.id), coalesce(sum(b.status = 'closed'), 0), \
     coalesce(sum(b.status = 'failed'), 0) \
     FROM convoys c LEFT JOIN beads b ON b.convoy_id = c.id GROUP BY c.id";

/// One convoy's beads recounted (its range of `beads_convoy`).
pub(crate) const RECOUNT_SQL: &str = "SELECT count(*), coalesce(sum(status = 'closed'), 0), \
     coalesce(sum(status = 'failed'), 0) FROM beads WHERE convoy_id = ?1";

/// Sets a convoy's counts to a recount, for a repair.
pub(crate) const SET_COUNTS_SQL: &str = "UPDATE convoys SET total_beads = ?2, closed_beads = ?3, \
     failed_beads = ?4, version = version + 1 WHERE id = ?1";

/// SQLite's own check of the file (a local town only).
pub(crate) const INTEGRITY_SQL: &str = "PRAGMA integrity_check";

/// Agents whose hook names a bead that does not name them back (R6).
pub(crate) const ONE_SIDED_HOOKS_SQL: &str = "SELECT a.id, a.name, a.hook, b.assignee \
     FROM agents a LEFT JOIN beads b ON b.id = a.hook \
     WHERE a.hook IS NOT NULL AND (b.id IS NULL OR b.assignee IS NOT a.name)";

/// Beads with an assignee whose agent does not hold them, or that are done
/// and still hooked (R6).
pub(crate) const ONE_SIDED_ASSIGNEES_SQL: &str = "SELECT b.id, b.assignee, b.status, a.hook \
     FROM beads b INDEXED BY beads_hooked LEFT JOIN agents a ON a.name = b.assignee \
     WHERE b.assignee IS NOT NULL \
     AND (a.id IS NULL OR a.hook IS NOT b.id OR b.status IN ('closed', 'failed'))";

/// Dependency edges whose bead or blocker no longer exists (R10).
pub(crate) const DANGLING_EDGES_SQL: &str = "SELECT d.bead_id, d.depends_on_id FROM bead_deps d \
     WHERE NOT EXISTS (SELECT 1 FROM beads WHERE id = d.bead_id) \
     OR NOT EXISTS (SELECT 1 FROM beads WHERE id = d.depends_on_id)";

fn found(kind: &str, subject: &str, message: String) -> Violation {
    Violation {
        kind: kind.into(),
        subject: subject.into(),
        message,
        repaired: false,
    }
}

/// Every violation in the store, read in one consistent snapshot.
fn check(r: &mut dyn Reader) -> Result<Vec<Violation>> {
    let mut out = Vec::new();
    for row in r.query(COUNTS_SQL, &[])? {
        let (id, status) = (row.text(0)?, row.text(1)?);
        let stored = [row.int(2)?, row.int(3)?, row.int(4)?];
        let recount = [row.int(5)?, row.int(6)?, row.int(7)?];
        if stored != recount {
            out.push(found(
                "counts",
                &id,
                format!(
                    "convoy {id} counts total/closed/failed {stored:?}, its beads recount {recount:?}"
                ),
            ));
        }
        let [total, closed, _] = recount;
        // R3: an active convoy lands when its beads are all closed (it never
        // lands empty); a landed one stays landed while none is open again,
        // also when its last bead is deleted.
        let settles = status
            .parse()
            .ok()
            .and_then(|s| crate::rules::settle(s, closed, total));
        if settles.is_some() {
            out.push(found(
                "landing",
                &id,
                format!("convoy {id} is {status} with {closed}/{total} beads closed"),
            ));
        }
    }
    for row in r.query(ONE_SIDED_HOOKS_SQL, &[])? {
        let (id, name, hook) = (row.text(0)?, row.text(1)?, row.text(2)?);
        let holder = row.opt_text(3)?.unwrap_or_else(|| "nobody".into());
        out.push(found(
            "hook_one_sided",
            &id,
            format!("agent {name} is hooked to {hook}, whose assignee is {holder}"),
        ));
    }
    for row in r.query(ONE_SIDED_ASSIGNEES_SQL, &[])? {
        let (id, assignee, status) = (row.text(0)?, row.text(1)?, row.text(2)?);
        let (kind, message) = if status == "closed" || status == "failed" {
            (
                "hooked_terminal",
                format!("bead {id} is {status} but still hooked to {assignee}"),
            )
        } else {
            let hook = row.opt_text(3)?.unwrap_or_else(|| "nothing".into());
            (
                "assignee_one_sided",
                format!("bead {id} is assigned to {assignee}, who is hooked to {hook}"),
            )
        };
        out.push(found(kind, &id, message));
    }
    for row in r.query(DANGLING_EDGES_SQL, &[])? {
        let (bead, blocker) = (row.text(0)?, row.text(1)?);
        out.push(found(
            "dangling_edge",
            &format!("{bead}->{blocker}"),
            format!("{bead} depends on {blocker}, but one of them no longer exists"),
        ));
    }
    Ok(out)
}

impl Town {
    /// Checks every invariant; with `fix`, repairs counts, landings, hooks and
    /// dangling edges in one atomic unit, each repair an audited `repaired`
    /// event. On a local town SQLite's own `integrity_check` runs too.
    pub fn doctor(&mut self, fix: bool) -> Result<Vec<Violation>> {
        let mut violations = self.read(check)?;
        if fix && !violations.is_empty() {
            // Checked again inside the unit: what it repairs, and reports, is
            // what it saw there (a clean town takes no write lock).
            violations = self.write(|unit| {
                let mut seen = check(unit)?;
                for v in &mut seen {
                    v.repaired = repair(unit, v)?;
                }
                Ok(seen)
            })?;
        }
        if self.info().backend == "sqlite" {
            let rows = self.read(|r| Ok(r.query(INTEGRITY_SQL, &[])?))?;
            let lines: Vec<String> = rows.iter().filter_map(|r| r.text(0).ok()).collect();
            if lines != ["ok"] {
                violations.push(found("integrity", "store", lines.join("; ")));
            }
        }
        Ok(violations)
    }
}

/// An agent that no longer holds its bead: no hook, and idle if it was at work.
fn unhook(agent: &mut Agent) {
    agent.hook = None;
    if agent.status == AgentStatus::Working {
        agent.status = AgentStatus::Idle;
    }
}

/// Repairs one violation inside `unit`; whether it could.
fn repair(unit: &mut crate::unit::Unit, v: &Violation) -> Result<bool> {
    match v.kind.as_str() {
        "counts" => {
            // Loaded for its guard: a concurrent change to it retries the unit.
            let convoy: Convoy = unit.must(&v.subject)?;
            let rows = unit.query(RECOUNT_SQL, &[v.subject.as_str().into()])?;
            let Some(row) = rows.first() else {
                return Ok(false);
            };
            let recount = [row.int(0)?, row.int(1)?, row.int(2)?];
            let old = [convoy.total_beads, convoy.closed_beads, convoy.failed_beads];
            unit.extra(crate::store::Stmt::new(
                SET_COUNTS_SQL,
                vec![
                    v.subject.as_str().into(),
                    recount[0].into(),
                    recount[1].into(),
                    recount[2].into(),
                ],
            ));
            unit.record(
                &v.subject,
                Change::Repaired(Repair::Counts { old, new: recount }),
            );
            unit.settle(&v.subject);
        }
        "landing" => unit.settle(&v.subject),
        "hook_one_sided" => {
            let mut agent: Agent = unit.must(&v.subject)?;
            let hook = agent.hook.clone();
            unhook(&mut agent);
            unit.put(agent);
            unit.record(&v.subject, Change::Repaired(Repair::HookOneSided { hook }));
        }
        "assignee_one_sided" | "hooked_terminal" => {
            let mut bead: Bead = unit.must(&v.subject)?;
            let holder = bead.assignee.take();
            unit.put(bead);
            let assignee = holder.clone();
            let repair = if v.kind == "hooked_terminal" {
                Repair::HookedTerminal { assignee }
            } else {
                Repair::AssigneeOneSided { assignee }
            };
            unit.record(&v.subject, Change::Repaired(repair));
            // A done bead frees an agent that still holds it (R6).
            if let Some(name) = holder {
                if let Some(mut agent) = unit.agent_named(&name)? {
                    if agent.hook.as_deref() == Some(v.subject.as_str()) {
                        unhook(&mut agent);
                        unit.put(agent);
                    }
                }
            }
        }
        "dangling_edge" => {
            let Some((bead, blocker)) = v.subject.split_once("->") else {
                return Ok(false);
            };
            unit.extra(crate::store::Stmt::new(
                crate::entity::BEAD_DEPS_DELETE_SQL,
                vec![bead.into(), blocker.into()],
            ));
            let blocker = blocker.to_string();
            unit.record(bead, Change::Repaired(Repair::DanglingEdge { blocker }));
        }
        _ => return Ok(false),
    }
    Ok(true)
}

request! {
    /// Checks every invariant; `fix` repairs counts, landings, hooks and edges.
    pub struct Doctor {
        #[serde(default)]
        pub fix: bool,
    }
}

impl Call for Doctor {
    type Output = Vec<Violation>;
    const SPEC: CallSpec = spec!(
        "doctor",
        "gt_doctor",
        Some("POST /api/doctor"),
        Write,
        false,
        Some("violations"),
        doc = "Check every invariant of the town, and repair what can be repaired\n\n\
               Checks that each convoy's counts equal a recount of its beads and that \
               it is landed exactly when all its beads are closed, that hooks and \
               assignees agree both ways, that no done bead is still hooked, that no \
               dependency edge names a missing bead, and (on a local town) SQLite's \
               integrity check. With {fix}, counts, landings, hooks and edges are \
               repaired in one atomic unit, each repair recorded as a `repaired` event."
    );
    fn run(self, town: &mut Town) -> Result<Vec<Violation>> {
        town.doctor(self.fix)
    }
}
