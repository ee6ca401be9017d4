//! Agents, and what is on their hooks.

use crate::call::{Call, CallSpec};
use serde::{Deserialize, Serialize};

use crate::change::{Change, Deleted, Field};
use crate::error::{Error, Hint, Result};
use crate::model::{Agent, AgentStatus, Bead, BeadStatus, Escalation};
use crate::query::{self, AgentFilter};
use crate::rules::recovery::{AGENT_ESCALATIONS_WHERE, DEAD_AGENT};
use crate::town::Town;
use crate::unit::Unit;

/// `gt hook`: an agent and the bead on its hook, if any, with what a polecat
/// needs to start: what the bead still waits for, and where to work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HookView {
    pub agent: Agent,
    pub bead: Option<Bead>,
    /// The bead's blockers that are not closed yet: while there are any, it
    /// waits (do not start it).
    #[serde(default)]
    pub blocked_by: Vec<Blocker>,
    /// The repository of the bead's rig.
    #[serde(default)]
    pub git_url: Option<String>,
    /// The branch to work from: its convoy's feature branch, else the rig's
    /// default branch.
    #[serde(default)]
    pub base_branch: Option<String>,
    /// The agent's unread mail: how much, and the newest.
    #[serde(default)]
    pub mail: super::mail::Unread,
}

/// A bead that another waits for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Blocker {
    pub id: String,
    pub title: String,
    pub status: BeadStatus,
}

impl Town {
    pub fn agents(&mut self, filter: &AgentFilter) -> Result<Vec<Agent>> {
        let busy = filter.status.filter(|s| *s != AgentStatus::Idle);
        let other = filter
            .role
            .filter(|r| *r != crate::model::AgentRole::Polecat);
        if filter.free && (busy.is_some() || other.is_some()) {
            return Err(Error::usage(
                "free agents are idle polecats: no other status or role is free",
            )
            .with_hint(Hint::fields("leave out", "agent list", &["status"])));
        }
        let mut filter = filter.clone();
        // A limit of 0 is all of them.
        filter.limit = filter.limit.filter(|n| *n > 0);
        self.read(|r| {
            if let Some(rig) = &filter.rig {
                filter.rig = Some(query::resolve_rig(r, rig)?.name);
            }
            if let Some(after) = &filter.after {
                filter.after = Some(query::resolve_agent(r, after)?);
            }
            query::agents(r, &filter)
        })
    }

    /// One agent, by name or ID prefix.
    pub fn agent(&mut self, name_or_id: &str) -> Result<Agent> {
        self.read(|r| {
            let id = query::resolve_agent(r, name_or_id)?;
            query::must(r, &id)
        })
    }

    pub fn hook_of(&mut self, name_or_id: &str) -> Result<HookView> {
        self.read(|r| {
            let id = query::resolve_agent(r, name_or_id)?;
            let agent: Agent = query::must(r, &id)?;
            let bead: Option<Bead> = match &agent.hook {
                Some(bead_id) => query::fetch(r, bead_id)?,
                None => None,
            };
            let mail = super::mail::unread(r, &agent.name)?;
            let mut view = HookView {
                agent,
                bead: None,
                blocked_by: Vec::new(),
                git_url: None,
                base_branch: None,
                mail,
            };
            let Some(bead) = bead else {
                return Ok(view);
            };
            for id in &bead.depends_on {
                if let Some(b) = query::fetch::<Bead>(r, id)? {
                    if b.status != BeadStatus::Closed {
                        view.blocked_by.push(Blocker {
                            id: b.id,
                            title: b.title,
                            status: b.status,
                        });
                    }
                }
            }
            // A bead's rig is a rig by name (a foreign key); a failed read is
            // an error, not a rig without a repository.
            let rig = query::fetch_where::<crate::model::Rig>(
                r,
                "r.name = ?1",
                &[bead.rig.as_str().into()],
            )?
            .into_iter()
            .next();
            let feature = match &bead.convoy_id {
                Some(c) => {
                    query::fetch::<crate::model::Convoy>(r, c)?.and_then(|c| c.feature_branch)
                }
                None => None,
            };
            view.git_url = rig.as_ref().and_then(|r| r.git_url.clone());
            view.base_branch = feature.or(rig.map(|r| r.default_branch));
            view.bead = Some(bead);
            Ok(view)
        })
    }
}

request! {
    /// Sets an agent's status or recorded process ID directly, for repairs.
    pub struct UpdateAgent {
        /// The agent (name or ID).
        pub agent_id: String,
        pub status: Option<AgentStatus>,
        pub pid: Option<i64>,
    }
}

/// What `--stop` did to an agent's recorded process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Stop {
    pub pid: Option<i64>,
    /// Whether SIGTERM was sent.
    pub signalled: bool,
    pub message: String,
}

/// What `gt agent reset` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgentReset {
    pub agent: Agent,
    /// The bead it held, now open and unassigned.
    pub released_bead: Option<Bead>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub stop: Option<Stop>,
}

/// What `gt agent delete` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgentDeleted {
    pub deleted: String,
    /// The bead it held (with `--force`), open again.
    pub released_bead: Option<String>,
    /// The polecat that bead went to, if one was free within its convoy's cap.
    pub rehooked_to: Option<String>,
}

/// What `gt agent heartbeat` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Heartbeat"))]
pub struct Beat {
    #[serde(flatten)]
    pub agent: Agent,
    /// True when the agent was `stalled` and is `working` again.
    pub recovered: bool,
}

impl Town {
    /// Deletes an agent; its events stay, plus `deleted`. A hooked agent needs
    /// `force`, which releases its bead as a patrol would for a dead agent:
    /// open, unassigned, and hooked to an idle polecat within its convoy's cap.
    pub fn delete_agent(&mut self, name_or_id: &str, force: bool) -> Result<AgentDeleted> {
        self.write(|unit| {
            let id = query::resolve_agent(unit, name_or_id)?;
            let agent: Agent = unit.must(&id)?;
            if let (Some(bead), false) = (&agent.hook, force) {
                return Err(
                    Error::conflict(format!("agent {} is hooked to {bead}", agent.name)).with_hint(
                        Hint::call(
                            "delete it anyway (its bead is released to another polecat)",
                            "agent delete",
                            &[("agent_id", &agent.name), ("force", "true")],
                        ),
                    ),
                );
            }
            // Gone before its bead is released and looks for a polecat, so
            // that it is not picked.
            unit.agent_recovered(&agent, None)?;
            unit.remove::<Agent>(&id);
            let rehooked = match &agent.hook {
                Some(bead) => unit.release_bead(bead, "agent deleted")?,
                None => None,
            };
            let deleted = Deleted::Agent {
                name: agent.name.clone(),
                role: agent.role,
                rig: agent.rig.clone(),
                status: agent.status,
                hook: agent.hook.clone(),
            };
            unit.record(&id, Change::Deleted(deleted));
            let rehooked_to = match rehooked {
                Some(a) => Some(unit.must::<Agent>(&a)?.name),
                None => None,
            };
            Ok(AgentDeleted {
                deleted: id,
                released_bead: agent.hook.clone(),
                rehooked_to,
            })
        })
    }

    /// Records that an agent is alive (its `last_activity_at`). A `stalled`
    /// agent is `working` again, with a `recovered` event; any other beat
    /// writes no event, so that a town of polecats beating every minute does
    /// not flood the feed. One row written: about one durable write.
    pub fn heartbeat(&mut self, name_or_id: &str) -> Result<Beat> {
        let (id, recovered) = self.write(|unit| {
            let id = query::resolve_agent(unit, name_or_id)?;
            let mut agent: Agent = unit.must(&id)?;
            if agent.status == AgentStatus::Dead {
                return Err(declared_dead(unit, &agent)?);
            }
            let recovered = agent.status == AgentStatus::Stalled;
            agent.last_activity_at = unit.now.clone();
            if recovered {
                unit.agent_recovered(&agent, Some(AgentStatus::Working))?;
                agent.status = AgentStatus::Working;
                unit.record(&id, Change::Recovered);
            }
            unit.put(agent);
            Ok((id, recovered))
        })?;
        let agent = self.read(|r| query::must(r, &id))?;
        Ok(Beat { agent, recovered })
    }

    /// Sets an agent's status or recorded process ID directly, for repairs.
    pub fn update_agent(&mut self, req: &UpdateAgent) -> Result<Agent> {
        let name_or_id = req.agent_id.as_str();
        if req.status.is_none() && req.pid.is_none() {
            return Err(Error::usage("nothing to update").with_hint(Hint::fields(
                "give",
                "agent update",
                &["status", "pid"],
            )));
        }
        if let Some(pid) = req.pid {
            if !(1..=i64::from(i32::MAX)).contains(&pid) {
                return Err(Error::usage(format!("invalid process ID {pid}"))
                    .with_hint("give the positive process ID of the agent's process"));
            }
        }
        let id = self.write(|unit| {
            let id = query::resolve_agent(unit, name_or_id)?;
            if let Some(pid) = req.pid {
                let mut agent: Agent = unit.must(&id)?;
                if agent.pid != Some(pid) {
                    let old = agent.pid;
                    agent.pid = Some(pid);
                    unit.put(agent);
                    let (host, log) = (None, None);
                    unit.record(
                        &id,
                        Change::Updated(Field::Pid {
                            old,
                            new: pid,
                            host,
                            log,
                        }),
                    );
                }
            }
            if let Some(status) = req.status {
                unit.set_agent_status(&id, status)?;
            }
            Ok(id)
        })?;
        self.read(|r| query::must(r, &id))
    }

    /// Resets an agent: idle, no hook; the bead it held goes back to `open`,
    /// unassigned. Writes one `agent_reset` event and (if it held a bead) one
    /// `unhooked` event. With `stop`, then sends SIGTERM to its recorded process
    /// if that is alive on this host.
    pub fn reset_agent(&mut self, name_or_id: &str, stop: bool) -> Result<AgentReset> {
        let (id, released, pid) = self.write(|unit| {
            let id = query::resolve_agent(unit, name_or_id)?;
            let before: Agent = unit.must(&id)?;
            let released = match &before.hook {
                Some(bead_id) => {
                    let bead: Bead = unit.must(bead_id)?;
                    // Only this agent's claim is released, should the two disagree.
                    let held_by_us = bead
                        .assignee
                        .as_deref()
                        .is_some_and(|a| a.eq_ignore_ascii_case(&before.name));
                    if held_by_us {
                        unit.release_hook_of_bead(bead_id)?;
                    }
                    let mut agent: Agent = unit.must(&id)?;
                    agent.hook = None;
                    unit.put(agent);
                    if bead.status != BeadStatus::Open && !bead.status.is_terminal() {
                        unit.set_bead_status(bead_id, BeadStatus::Open)?;
                    }
                    Some(bead_id.clone())
                }
                None => None,
            };
            let mut agent: Agent = unit.must(&id)?;
            unit.agent_recovered(&agent, Some(AgentStatus::Idle))?;
            agent.status = AgentStatus::Idle;
            unit.acted(&mut agent);
            // The process is told to stop, so its pid is forgotten: a later
            // reset must never signal whatever process reuses the number.
            if stop {
                agent.pid = None;
            }
            unit.put(agent);
            let reset = Change::AgentReset {
                from: before.status,
                hook: released.clone(),
                forgot_pid: before.pid.filter(|_| stop),
                stop,
            };
            unit.record(&id, reset);
            Ok((id, released, before.pid))
        })?;
        let (agent, released_bead) = self.read(|r| {
            let agent: Agent = query::must(r, &id)?;
            let bead = released
                .as_deref()
                .map(|b| query::fetch(r, b))
                .transpose()?
                .flatten();
            Ok((agent, bead))
        })?;
        let stop = stop.then(|| stop_process(pid));
        Ok(AgentReset {
            agent,
            released_bead,
            stop,
        })
    }
}

/// The refusal of a dead agent's heartbeat (SPEC §9): a polecat declared
/// dead must stop, and is told where its bead went. The bead is the one on
/// its hook (not yet released), else the one its open `dead_agent`
/// escalation names.
fn declared_dead(unit: &mut Unit, agent: &Agent) -> Result<Error> {
    let bead_id = match &agent.hook {
        Some(bead) => Some(bead.clone()),
        None => unit
            .load_where::<Escalation>(
                AGENT_ESCALATIONS_WHERE,
                &[agent.name.as_str().into(), DEAD_AGENT.into()],
            )?
            .into_iter()
            .find_map(|e| e.bead),
    };
    let bead = match &bead_id {
        Some(id) => unit.get::<Bead>(id)?,
        None => None,
    };
    let name = &agent.name;
    let whereto = match &bead {
        Some(b) if agent.hook.as_deref() == Some(b.id.as_str()) => {
            format!(
                "its bead {} is still on its hook, for patrol to release",
                b.id
            )
        }
        Some(b) => match &b.assignee {
            Some(other) => format!("its bead {} went to {other}", b.id),
            None if b.status.is_terminal() => format!("its bead {} is {}", b.id, b.status),
            None => format!("its bead {} is open, waiting for another polecat", b.id),
        },
        None => match bead_id {
            Some(id) => format!("its bead {id} was deleted"),
            None => "it holds no bead".to_string(),
        },
    };
    Ok(
        Error::conflict(format!("{name} was declared dead; {whereto}")).with_hint(Hint::Or(vec![
            Hint::Text(format!("{name} must stop working")),
            Hint::call(
                "a person who knows it is alive can bring it back",
                "agent reset",
                &[("agent_id", name)],
            ),
        ])),
    )
}

/// Sends nothing: signals are for Unix systems only.
#[cfg(not(unix))]
fn stop_process(pid: Option<i64>) -> Stop {
    Stop {
        pid,
        signalled: false,
        message: "processes are signalled on Unix systems only; stop it by hand".into(),
    }
}

/// Sends SIGTERM to `pid` if it is a live process on this host.
#[cfg(unix)]
fn stop_process(pid: Option<i64>) -> Stop {
    let Some(pid) = pid else {
        return Stop {
            pid: None,
            signalled: false,
            message: "no process ID is recorded for this agent".into(),
        };
    };
    let Ok(raw) = libc::pid_t::try_from(pid) else {
        return Stop {
            pid: Some(pid),
            signalled: false,
            message: format!("{pid} is not a process ID"),
        };
    };
    if raw <= 1 {
        return Stop {
            pid: Some(pid),
            signalled: false,
            message: format!("refusing to signal process {pid}"),
        };
    }
    // SAFETY: kill(2) with a positive pid only signals that one process; signal 0
    // checks that it exists without sending anything.
    let alive = unsafe { libc::kill(raw, 0) } == 0;
    if !alive {
        return Stop {
            pid: Some(pid),
            signalled: false,
            message: format!("process {pid} is not running on this host (or is not ours)"),
        };
    }
    // SAFETY: as above.
    if unsafe { libc::kill(raw, libc::SIGTERM) } == 0 {
        Stop {
            pid: Some(pid),
            signalled: true,
            message: format!("sent SIGTERM to process {pid}"),
        }
    } else {
        Stop {
            pid: Some(pid),
            signalled: false,
            message: format!(
                "could not signal process {pid}: {}",
                std::io::Error::last_os_error()
            ),
        }
    }
}

impl Call for crate::query::ListAgents {
    type Output = Vec<Agent>;
    const SPEC: CallSpec = spec!(
        "agent list",
        "gt_list_agents",
        Some("GET /api/agents"),
        Read,
        true,
        Some("agents"),
        doc = "List agents"
    );
    fn run(self, town: &mut Town) -> Result<Vec<Agent>> {
        town.agents(&self)
    }
}

request! {
    /// One agent.
    pub struct ShowAgent {
        /// The agent (name or ID).
        pub agent_id: String,
    }
}

impl Call for ShowAgent {
    type Output = Agent;
    const SPEC: CallSpec = spec!(
        "agent show",
        "gt_agent_show",
        Some("GET /api/agents/{agent_id}"),
        Read,
        true,
        None,
        doc = "Show one agent"
    );
    fn run(self, town: &mut Town) -> Result<Agent> {
        town.agent(&self.agent_id)
    }
}

impl Call for UpdateAgent {
    type Output = Agent;
    const SPEC: CallSpec = spec!(
        "agent update",
        "gt_agent_update",
        Some("PATCH /api/agents/{agent_id}"),
        Write,
        true,
        None,
        aliases = &["PATCH /api/agents/{agent_id}/status"],
        doc = "Set an agent's status or recorded process ID directly, for repairs\n\n\
               Marking an agent dead flags the convoy of the bead it holds as needing \
               attention."
    );
    fn run(self, town: &mut Town) -> Result<Agent> {
        town.update_agent(&self)
    }
}

request! {
    /// Idle and unhooked; its bead back to open. `stop` also signals its process.
    pub struct ResetAgent {
        /// The agent (name or ID).
        pub agent_id: String,
        #[serde(default)]
        pub stop: bool,
    }
}

impl Call for ResetAgent {
    type Output = AgentReset;
    const SPEC: CallSpec = spec!(
        "agent reset",
        "gt_agent_reset",
        Some("POST /api/agents/{agent_id}/reset"),
        Destructive,
        false,
        None,
        core,
        aliases = &["DELETE /api/agents/{agent_id}/hook"],
        doc = "Force an agent back to idle, with nothing on its hook\n\n\
               The bead it held goes back to open and unassigned, ready for another \
               agent. With {stop}, gt also sends SIGTERM to the agent's recorded \
               process, if that is alive on the host that serves the call."
    );
    fn run(self, town: &mut Town) -> Result<AgentReset> {
        town.reset_agent(&self.agent_id, self.stop)
    }
}

request! {
    /// Deletes an agent (its history stays); a hooked one needs `force`, which
    /// releases its bead to an idle polecat.
    pub struct DeleteAgent {
        /// The agent (name or ID).
        pub agent_id: String,
        #[serde(default)]
        pub force: bool,
    }
}

impl Call for DeleteAgent {
    type Output = AgentDeleted;
    const SPEC: CallSpec = spec!(
        "agent delete",
        "gt_agent_delete",
        Some("DELETE /api/agents/{agent_id}"),
        Destructive,
        false,
        None,
        doc = "Delete an agent (its history stays)\n\n\
               A hooked agent needs {force}: its bead is then released (open, \
               unassigned) and hooked to an idle polecat of its rig within its convoy's \
               cap, or waits for the next free one."
    );
    fn run(self, town: &mut Town) -> Result<AgentDeleted> {
        town.delete_agent(&self.agent_id, self.force)
    }
}

request! {
    /// An agent reports it is alive.
    pub struct Heartbeat {
        /// The agent (name or ID).
        pub agent_id: String,
    }
}

impl Call for Heartbeat {
    type Output = Beat;
    const SPEC: CallSpec = spec!(
        "agent heartbeat",
        "gt_agent_heartbeat",
        Some("POST /api/agents/{agent_id}/heartbeat"),
        Write,
        true,
        None,
        polecat,
        doc = "Report that an agent is alive (a polecat calls this every minute)\n\n\
               Records the agent's last activity, which {call:patrol} measures silence \
               by. A stalled agent is working again (a `recovered` event), and patrol's \
               escalation about it is resolved; any other heartbeat writes no event."
    );
    fn run(self, town: &mut Town) -> Result<Beat> {
        town.heartbeat(&self.agent_id)
    }
}

request! {
    /// What is on an agent's hook.
    pub struct ShowHook {
        /// The agent (name or ID).
        pub agent_id: String,
    }
}

impl Call for ShowHook {
    type Output = HookView;
    const SPEC: CallSpec = spec!(
        "hook",
        "gt_hook",
        Some("GET /api/agents/{agent_id}/hook"),
        Read,
        true,
        None,
        polecat,
        doc = "Show what is on an agent's hook: for a polecat, \"what do I do now\""
    );
    fn run(self, town: &mut Town) -> Result<HookView> {
        town.hook_of(&self.agent_id)
    }
}
