//! How each value gt prints looks to a person. The JSON form is the value's own
//! serde form; only the human form lives here.

use gt_core::change::{self, Change};
use gt_core::model::{
    Agent, AgentStatus, AttentionReason, Bead, Convoy, Escalation, Event, Host, Mail, Rig, Town,
};
use gt_core::ops::agent::{AgentDeleted, Beat};
use gt_core::ops::agent::{AgentReset, HookView};
use gt_core::ops::bead::{Deleted, Reassigned};
use gt_core::ops::convoy::ConvoyDeleted;
use gt_core::ops::doctor::Violation;
use gt_core::ops::escalation::{Acknowledged, Resolved};
use gt_core::ops::mail::{Opened, Sent, Unread};
use gt_core::ops::patrol::{PatrolReport, Repair, StuckConvoy};
use gt_core::ops::sling::{Slung, SlungBatch};
use gt_core::query::{Attention, ConvoyStatusView};

use crate::output::{ago, count, excerpt, or_dash, progress, sanitize, table_text, Render, Style};

impl Render for Town {
    fn human(&self, _style: &Style) -> String {
        let what = match (self.created, self.upgraded_from) {
            (true, _) => "Created".to_string(),
            (false, Some(v)) => format!("Upgraded (from schema {v})"),
            (false, None) => "Ready".to_string(),
        };
        format!(
            "{what}: town at {} ({}, schema {})",
            self.location, self.backend, self.schema_version
        )
    }
}

impl Render for Rig {
    fn human(&self, _style: &Style) -> String {
        format!(
            "Rig {} ({}), default branch {}{}",
            sanitize(&self.name),
            self.id,
            sanitize(&self.default_branch),
            self.git_url
                .as_deref()
                .map(|u| format!(", {}", sanitize(u)))
                .unwrap_or_default()
        )
    }
    fn ids(&self) -> Vec<String> {
        vec![self.id.clone()]
    }
}

impl Render for gt_core::ops::rig::RigAdded {
    fn human(&self, style: &Style) -> String {
        let rig = self.rig.human(style);
        if self.created {
            rig
        } else {
            format!("{rig}: it exists already; nothing changed")
        }
    }
    fn ids(&self) -> Vec<String> {
        vec![self.rig.id.clone()]
    }
}

impl Render for Vec<Rig> {
    fn item_fields(&self) -> Option<Vec<String>> {
        crate::output::fields_of::<Rig>()
    }

    fn human(&self, style: &Style) -> String {
        if self.is_empty() {
            return "No rigs yet. Add one with: gt rig add NAME".into();
        }
        let mut table = style
            .table(&["NAME", "ID", "BRANCH", "GIT URL", "CREATED"])
            .text("GIT URL");
        for rig in self {
            table.add_row(vec![
                sanitize(&rig.name),
                rig.id.clone(),
                sanitize(&rig.default_branch),
                or_dash(rig.git_url.as_deref()),
                ago(&rig.created_at),
            ]);
        }
        table_text(&table)
    }
    fn ids(&self) -> Vec<String> {
        self.iter().map(|r| r.id.clone()).collect()
    }
}

/// Who holds a bead, or who last did (whose log tells of its work).
fn holder(bead: &Bead) -> String {
    match (&bead.assignee, &bead.last_assignee) {
        (Some(now), _) => sanitize(now),
        (None, Some(last)) => format!("- (last: {})", sanitize(last)),
        (None, None) => "-".into(),
    }
}

impl Render for Bead {
    fn human(&self, _style: &Style) -> String {
        let mut lines = vec![
            format!("{}  {}", self.id, sanitize(&self.title)),
            format!("  status:     {}", self.status),
            format!("  priority:   {}", self.priority),
            format!("  rig:        {}", sanitize(&self.rig)),
            format!("  assignee:   {}", holder(self)),
            format!("  convoy:     {}", or_dash(self.convoy_id.as_deref())),
        ];
        if !self.depends_on.is_empty() {
            lines.push(format!("  depends on: {}", self.depends_on.join(", ")));
        }
        if !self.labels.is_empty() {
            let labels: Vec<String> = self.labels.iter().map(|l| sanitize(l)).collect();
            lines.push(format!("  labels:     {}", labels.join(", ")));
        }
        for (k, v) in &self.metadata {
            lines.push(format!(
                "  meta {}: {}",
                sanitize(k),
                sanitize(&v.to_string())
            ));
        }
        lines.push(format!(
            "  created:    {} by {} ({})",
            self.created_at,
            sanitize(&self.created_by),
            ago(&self.created_at)
        ));
        lines.push(format!(
            "  updated:    {} ({})",
            self.updated_at,
            ago(&self.updated_at)
        ));
        if let Some(closed) = &self.closed_at {
            lines.push(format!("  closed:     {closed}"));
        }
        if let Some(body) = &self.body {
            lines.push(String::new());
            for line in body.lines() {
                lines.push(format!("  {}", sanitize(line)));
            }
        }
        lines.join("\n")
    }
    fn ids(&self) -> Vec<String> {
        vec![self.id.clone()]
    }
}

impl Render for Vec<Bead> {
    fn item_fields(&self) -> Option<Vec<String>> {
        crate::output::fields_of::<Bead>()
    }

    fn human(&self, style: &Style) -> String {
        if self.is_empty() {
            return "No beads match.".into();
        }
        let mut table = style
            .table(&[
                "ID", "TITLE", "STATUS", "PRIORITY", "ASSIGNEE", "RIG", "CONVOY",
            ])
            .text("TITLE");
        for b in self {
            table.add_row(vec![
                b.id.clone().into(),
                sanitize(&b.title).into(),
                style.status_cell(b.status.as_str()),
                style.status_cell(b.priority.as_str()),
                or_dash(b.assignee.as_deref()).into(),
                sanitize(&b.rig).into(),
                or_dash(b.convoy_id.as_deref()).into(),
            ]);
        }
        table_text(&table)
    }
    fn ids(&self) -> Vec<String> {
        self.iter().map(|b| b.id.clone()).collect()
    }
}

/// `cv-…  title  [status]  3/5 ███░░`, the title cut to fit the width
/// (unless `--wide`).
fn convoy_line(c: &Convoy, style: &Style) -> String {
    let attention = if c.needs_attention {
        "  (needs attention)"
    } else {
        ""
    };
    let rest = format!(
        "  [{}]  {}{attention}",
        c.status,
        progress(c.closed_beads, c.total_beads)
    );
    let room = style
        .width
        .filter(|_| !style.wide)
        .map(|w| {
            (w as usize)
                .saturating_sub(c.id.len() + 2 + rest.chars().count())
                .max(12)
        })
        .unwrap_or(usize::MAX);
    format!("{}  {}{rest}", c.id, excerpt(&c.title, room))
}

impl Render for Convoy {
    fn human(&self, style: &Style) -> String {
        convoy_line(self, style)
    }
    fn ids(&self) -> Vec<String> {
        vec![self.id.clone()]
    }
}

impl Render for Vec<Convoy> {
    fn item_fields(&self) -> Option<Vec<String>> {
        crate::output::fields_of::<Convoy>()
    }

    fn human(&self, style: &Style) -> String {
        if self.is_empty() {
            return "No convoys. Start one with: gt sling-batch --rig RIG --title TITLE --task …"
                .into();
        }
        let mut table = style
            .table(&[
                "ID", "TITLE", "STATUS", "PROGRESS", "FAILED", "RIG", "CREATED",
            ])
            .text("TITLE");
        for c in self {
            let status = if c.needs_attention {
                format!("{} !", c.status)
            } else {
                c.status.to_string()
            };
            table.add_row(vec![
                c.id.clone().into(),
                sanitize(&c.title).into(),
                style.status_cell(&status),
                progress(c.closed_beads, c.total_beads).into(),
                c.failed_beads.to_string().into(),
                or_dash(c.rig.as_deref()).into(),
                ago(&c.created_at).into(),
            ]);
        }
        let mut text = table_text(&table);
        if self.iter().any(|c| c.needs_attention) {
            text.push('\n');
            text.push_str(&style.wrap(
                "! needs attention: a failed bead, a bead held by a dead agent, or work nothing will pick up",
            ));
        }
        text
    }
    fn ids(&self) -> Vec<String> {
        self.iter().map(|c| c.id.clone()).collect()
    }
}

impl Render for ConvoyStatusView {
    fn human(&self, style: &Style) -> String {
        let c = &self.convoy;
        let mut text = convoy_line(c, style);
        text.push_str(&format!(
            "\n  merge mode: {}   feature branch: {}   failed: {}",
            c.merge_mode,
            or_dash(c.feature_branch.as_deref()),
            c.failed_beads
        ));
        if let Some(landed) = &c.landed_at {
            text.push_str(&format!("\n  landed: {landed} ({})", ago(landed)));
        }
        if let Some(reason) = &c.closed_reason {
            text.push_str(&format!("\n  reason: {}", sanitize(reason)));
        }
        if self.beads.is_empty() {
            text.push_str("\n\nThis convoy tracks no beads.");
            return text;
        }
        let mut table = style
            .table(&["BEAD", "TITLE", "STATUS", "ASSIGNEE", "BLOCKED BY"])
            .text("TITLE")
            .list("BLOCKED BY");
        for b in &self.beads {
            // An open bead says why it is not at work; an agent in trouble says so.
            let status = match b.state {
                Some(state) => format!("{} ({state})", b.status),
                None => b.status.to_string(),
            };
            let assignee = match (&b.assignee, b.agent_status) {
                (Some(a), Some(s @ (AgentStatus::Dead | AgentStatus::Stalled))) => {
                    format!("{} ({s})", sanitize(a))
                }
                (a, _) => or_dash(a.as_deref()).to_string(),
            };
            table.add_row(vec![
                b.id.clone().into(),
                sanitize(&b.title).into(),
                style.status_cell(&status),
                assignee.into(),
                if b.blocked_by.is_empty() {
                    "-".to_string()
                } else {
                    b.blocked_by.join(" ")
                }
                .into(),
            ]);
        }
        text.push_str("\n\n");
        text.push_str(&table_text(&table));
        if !self.attention.is_empty() {
            let hooked = self.beads.iter().filter(|b| b.assignee.is_some()).count();
            let full = c
                .max_polecats
                .is_some_and(|cap| i64::try_from(hooked).unwrap_or(i64::MAX) >= cap);
            let unpicked = if full {
                format!(
                    "gt convoy update {} --max-polecats {}",
                    c.id,
                    hooked.saturating_add(1)
                )
            } else {
                "gt bead reassign ID --new".to_string()
            };
            text.push_str("\n\nNeeds attention:");
            for a in &self.attention {
                let why = attention_why(a, &unpicked.replace("ID", &a.bead));
                text.push_str(&format!("\n  {}  {why}", a.bead));
            }
        }
        text
    }
    fn ids(&self) -> Vec<String> {
        self.beads.iter().map(|b| b.id.clone()).collect()
    }
}

/// Why one bead needs a look, and the command that mends it; `unpicked` is
/// the one for work nothing will pick up (a new polecat, or a raised cap).
fn attention_why(a: &Attention, unpicked: &str) -> String {
    match (&a.reason, &a.agent) {
        (AttentionReason::BeadFailed, _) => "failed".to_string(),
        (AttentionReason::UnassignedOpen, _) => {
            format!("open, and nothing will pick it up ({unpicked})")
        }
        (reason, Some(agent)) => format!(
            "its agent {} is {} (gt bead reassign {} --new)",
            sanitize(agent),
            if *reason == AttentionReason::AgentDead {
                "dead"
            } else {
                "stalled"
            },
            a.bead
        ),
        (reason, None) => reason.to_string(),
    }
}

impl Render for Slung {
    fn human(&self, _style: &Style) -> String {
        let state = if self.bead.status == gt_core::model::BeadStatus::InProgress {
            "dispatched"
        } else {
            "waiting"
        };
        format!(
            "Slung {} \"{}\" onto {} ({state})",
            self.bead.id,
            excerpt(&self.bead.title, 60),
            sanitize(&self.agent.name)
        )
    }
    fn tells_effects(&self) -> bool {
        true
    }
    fn ids(&self) -> Vec<String> {
        vec![self.bead.id.clone()]
    }
}

impl Render for SlungBatch {
    fn human(&self, style: &Style) -> String {
        let c = &self.convoy;
        let dispatched = self.beads.iter().filter(|b| b.dispatched).count();
        let hooked = self.beads.iter().filter(|b| b.agent.is_some()).count();
        let verb = if self.created {
            "Created"
        } else {
            "Already created (same idempotency key)"
        };
        if let Some(ids) = &self.bead_ids {
            return format!(
                "{verb}: convoy {} \"{}\" with {}: {}",
                c.id,
                sanitize(&c.title),
                count(ids.len(), "bead"),
                ids.join(" ")
            );
        }
        let mut text = format!(
            "{verb}: convoy {} \"{}\" with {}: {hooked} hooked, {dispatched} dispatched",
            c.id,
            sanitize(&c.title),
            count(self.beads.len(), "bead")
        );
        let mut table = style
            .table(&["BEAD", "TITLE", "STATUS", "AGENT"])
            .text("TITLE");
        for b in &self.beads {
            table.add_row(vec![
                b.bead.id.clone().into(),
                sanitize(&b.bead.title).into(),
                style.status_cell(b.bead.status.as_str()),
                or_dash(b.agent.as_ref().map(|a| a.name.as_str())).into(),
            ]);
        }
        text.push_str("\n\n");
        text.push_str(&table_text(&table));
        text
    }
    fn tells_effects(&self) -> bool {
        true
    }
    fn ids(&self) -> Vec<String> {
        vec![self.convoy.id.clone()]
    }
}

impl Render for Agent {
    fn human(&self, _style: &Style) -> String {
        agent_card(self, &Default::default())
    }
    fn ids(&self) -> Vec<String> {
        vec![self.id.clone()]
    }
}

impl Render for OnHosts<Agent> {
    fn human(&self, _style: &Style) -> String {
        agent_card(&self.agents, &self.silent)
    }
    fn ids(&self) -> Vec<String> {
        vec![self.agents.id.clone()]
    }
}

/// One agent as a person reads it, its host marked if it is among `silent`.
fn agent_card(a: &Agent, silent: &std::collections::BTreeSet<String>) -> String {
    let mut lines = vec![
        format!("{}  {}", sanitize(&a.name), a.id),
        format!("  role:     {}", a.role),
        format!("  rig:      {}", or_dash(a.rig.as_deref())),
        format!("  status:   {}", a.status),
        format!("  hook:     {}", or_dash(a.hook.as_deref())),
    ];
    if let Some(pid) = a.pid {
        lines.push(format!("  pid:      {pid}"));
    }
    if let Some(host) = &a.host {
        let since = a.run_started_at.as_deref().unwrap_or("-");
        let host = if silent.contains(host) {
            format!(
                "{} (silent: its supervisor has stopped beating)",
                sanitize(host)
            )
        } else {
            sanitize(host)
        };
        lines.push(format!(
            "  running:  on {host} since {since} ({}), attempt {}",
            ago(since),
            a.attempt
        ));
    }
    lines.push(format!(
        "  active:   {} ({})",
        a.last_activity_at,
        ago(&a.last_activity_at)
    ));
    lines.join("\n")
}

impl Render for gt_core::ops::run::AgentLog {
    fn human(&self, _style: &Style) -> String {
        self.lines
            .iter()
            .map(|l| sanitize(l))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Agents as a person reads them, with the hosts among theirs whose beats
/// have stopped (`Host.silent`), so that an agent on one is not taken for
/// one at work. Its JSON is the agents alone.
pub struct OnHosts<T> {
    pub agents: T,
    pub silent: std::collections::BTreeSet<String>,
}

impl<T: serde::Serialize> serde::Serialize for OnHosts<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.agents.serialize(s)
    }
}

impl Render for OnHosts<Vec<Agent>> {
    fn item_fields(&self) -> Option<Vec<String>> {
        crate::output::fields_of::<Agent>()
    }

    fn human(&self, style: &Style) -> String {
        if self.agents.is_empty() {
            return "No agents match.".into();
        }
        // Where each runs, once a supervisor runs any (`gt run`).
        let runs = self.agents.iter().any(|a| a.host.is_some());
        let mut header = vec!["NAME", "ID", "ROLE", "RIG", "STATUS", "HOOK", "ACTIVE"];
        if runs {
            header.push("RUNS ON");
        }
        let mut table = style.table(&header);
        for a in &self.agents {
            let mut row = vec![
                sanitize(&a.name).into(),
                a.id.clone().into(),
                a.role.as_str().into(),
                or_dash(a.rig.as_deref()).into(),
                style.status_cell(a.status.as_str()),
                or_dash(a.hook.as_deref()).into(),
                ago(&a.last_activity_at).into(),
            ];
            if runs {
                let host = a.host.as_deref().map(|h| {
                    let since = a.run_started_at.as_deref().map(ago).unwrap_or_default();
                    let silent = if self.silent.contains(h) {
                        ", silent"
                    } else {
                        ""
                    };
                    format!("{} (#{}, {since}{silent})", sanitize(h), a.attempt)
                });
                row.push(or_dash(host.as_deref()).into());
            }
            table.add_row(row);
        }
        table_text(&table)
    }
    fn ids(&self) -> Vec<String> {
        self.agents.iter().map(|a| a.id.clone()).collect()
    }
}

impl Render for HookView {
    fn human(&self, _style: &Style) -> String {
        let name = sanitize(&self.agent.name);
        match &self.bead {
            None => format!(
                "{name} has nothing on its hook.{}",
                unread_lines(&self.mail)
            ),
            Some(b) => {
                let mut text = format!(
                    "{name} is hooked to {} \"{}\" ({})",
                    b.id,
                    sanitize(&b.title),
                    b.status
                );
                if let Some(c) = &b.convoy_id {
                    text.push_str(&format!("\n  convoy: {c}"));
                }
                if let Some(url) = &self.git_url {
                    text.push_str(&format!("\n  repository: {}", sanitize(url)));
                }
                if let Some(branch) = &self.base_branch {
                    text.push_str(&format!("\n  work from: {}", sanitize(branch)));
                }
                if !self.blocked_by.is_empty() {
                    text.push_str("\n  waits for (do not start yet):");
                    for w in &self.blocked_by {
                        text.push_str(&format!(
                            "\n    {} \"{}\" ({})",
                            w.id,
                            sanitize(&w.title),
                            w.status
                        ));
                    }
                }
                if let Some(body) = &b.body {
                    text.push('\n');
                    for line in body.lines() {
                        text.push_str(&format!("\n  {}", sanitize(line)));
                    }
                }
                text.push_str(&unread_lines(&self.mail));
                text
            }
        }
    }
    fn ids(&self) -> Vec<String> {
        self.bead.iter().map(|b| b.id.clone()).collect()
    }
}

/// An inbox's unread mail, as lines under a hook: how much, and the newest.
fn unread_lines(mail: &Unread) -> String {
    if mail.unread == 0 {
        return String::new();
    }
    let mut text = format!(
        "\n\n  mail: {} unread",
        count(mail.unread as usize, "message")
    );
    for m in &mail.newest {
        text.push_str(&format!(
            "\n    {}  from {}: {}  ({})",
            m.id,
            sanitize(&m.from),
            sanitize(&excerpt(&m.subject, 60)),
            ago(&m.created_at)
        ));
    }
    text.push_str("\n  read one with: gt mail read ID");
    text
}

impl Render for Mail {
    fn human(&self, _style: &Style) -> String {
        let state = match &self.read_at {
            None => "unread".to_string(),
            Some(at) => format!("read {}", ago(at)),
        };
        let mut text = format!(
            "{}  from {} to {}, {} ({state})\n  subject: {}",
            self.id,
            sanitize(&self.from),
            sanitize(&self.to),
            ago(&self.created_at),
            sanitize(&self.subject)
        );
        let about: Vec<String> = [
            self.group
                .as_ref()
                .map(|g| format!("sent to {}", sanitize(g))),
            self.bead.as_ref().map(|b| format!("bead {b}")),
            self.convoy
                .as_ref()
                .filter(|c| self.group.as_deref() != Some(&format!("convoy:{c}")))
                .map(|c| format!("convoy {c}")),
            self.reply_to.as_ref().map(|r| format!("in reply to {r}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !about.is_empty() {
            text.push_str(&format!("\n  {}", about.join(", ")));
        }
        if let Some(body) = &self.body {
            text.push('\n');
            for line in body.lines() {
                text.push_str(&format!("\n  {}", sanitize(line)));
            }
        }
        text
    }
    fn ids(&self) -> Vec<String> {
        vec![self.id.clone()]
    }
}

impl Render for Vec<Mail> {
    fn item_fields(&self) -> Option<Vec<String>> {
        crate::output::fields_of::<Mail>()
    }

    fn human(&self, style: &Style) -> String {
        if self.is_empty() {
            return "No mail.".into();
        }
        let mut table = style
            .table(&["", "ID", "FROM", "TO", "SUBJECT", "ABOUT", "SENT"])
            .text("SUBJECT");
        for m in self {
            let about = m.bead.as_deref().or(m.convoy.as_deref());
            table.add_row(vec![
                if m.read_at.is_none() {
                    style.status_cell("new")
                } else {
                    "".into()
                },
                m.id.clone().into(),
                sanitize(&m.from).into(),
                sanitize(&m.to).into(),
                sanitize(&m.subject).into(),
                or_dash(about).into(),
                ago(&m.created_at).into(),
            ]);
        }
        table_text(&table)
    }
    fn ids(&self) -> Vec<String> {
        self.iter().map(|m| m.id.clone()).collect()
    }
}

impl Render for Vec<Host> {
    fn item_fields(&self) -> Option<Vec<String>> {
        crate::output::fields_of::<Host>()
    }

    fn human(&self, style: &Style) -> String {
        if self.is_empty() {
            return "No hosts: none has run gt run on this town yet.".into();
        }
        let mut table = style
            .table(&[
                "HOST",
                "STATUS",
                "RUNNING",
                "SLOTS",
                "RIGS",
                "VERSION",
                "LAST BEAT",
            ])
            .list("RIGS");
        for h in self {
            table.add_row(vec![
                sanitize(&h.name).into(),
                // Live by its record, but its beats have stopped.
                style.status_cell(if h.silent {
                    "silent"
                } else {
                    h.status.as_str()
                }),
                h.running.to_string().into(),
                h.slots.to_string().into(),
                if h.rigs.is_empty() {
                    "all".to_string()
                } else {
                    sanitize(&h.rigs.join(", "))
                }
                .into(),
                sanitize(&h.version).into(),
                ago(&h.last_seen).into(),
            ]);
        }
        table_text(&table)
    }
    fn ids(&self) -> Vec<String> {
        self.iter().map(|h| h.id.clone()).collect()
    }
}

impl Render for Sent {
    fn human(&self, _style: &Style) -> String {
        match self.messages.as_slice() {
            [one] if one.group.is_none() => format!("Sent {} to {}.", one.id, sanitize(&one.to)),
            all => {
                let group = all
                    .first()
                    .and_then(|m| m.group.as_deref())
                    .unwrap_or_default();
                let mut text = format!(
                    "Sent to {}: {}",
                    sanitize(group),
                    count(all.len(), "message")
                );
                for m in all {
                    text.push_str(&format!("\n  {}  {}", m.id, sanitize(&m.to)));
                }
                text
            }
        }
    }
    fn ids(&self) -> Vec<String> {
        self.messages.iter().map(|m| m.id.clone()).collect()
    }
}

impl Render for Opened {
    fn human(&self, style: &Style) -> String {
        let mut text = self.mail.human(style);
        if self.already_read {
            text.push_str(&format!(
                "\n\n(read before, at {}; nothing changed)",
                or_dash(self.mail.read_at.as_deref())
            ));
        }
        text
    }
    fn ids(&self) -> Vec<String> {
        vec![self.mail.id.clone()]
    }
}

impl Render for Escalation {
    fn human(&self, _style: &Style) -> String {
        let mut text = format!(
            "{}  [{}] {}  ({})",
            self.id,
            self.severity,
            sanitize(&self.message),
            self.status
        );
        if let (Some(by), Some(at)) = (&self.acknowledged_by, &self.acknowledged_at) {
            text.push_str(&format!("\n  acknowledged by {} at {at}", sanitize(by)));
        }
        text
    }
    fn ids(&self) -> Vec<String> {
        vec![self.id.clone()]
    }
}

impl Render for Vec<Violation> {
    fn human(&self, style: &Style) -> String {
        if self.is_empty() {
            return "The town is clean: every invariant holds.".into();
        }
        let mut table = style
            .table(&["PROBLEM", "SUBJECT", "DETAIL", "REPAIRED"])
            .text("DETAIL");
        for v in self {
            table.add_row(vec![
                style.status_cell(&v.kind),
                v.subject.clone().into(),
                sanitize(&v.message).into(),
                style.status_cell(if v.repaired { "yes" } else { "no" }),
            ]);
        }
        table_text(&table)
    }
    fn ids(&self) -> Vec<String> {
        self.iter().map(|v| v.subject.clone()).collect()
    }
}

impl Render for Vec<Escalation> {
    fn item_fields(&self) -> Option<Vec<String>> {
        crate::output::fields_of::<Escalation>()
    }

    fn human(&self, style: &Style) -> String {
        if self.is_empty() {
            return "No escalations.".into();
        }
        let mut table = style
            .table(&["ID", "SEVERITY", "STATUS", "MESSAGE", "BEAD", "RAISED"])
            .text("MESSAGE");
        for e in self {
            table.add_row(vec![
                e.id.clone().into(),
                style.status_cell(e.severity.as_str()),
                style.status_cell(e.status.as_str()),
                sanitize(&e.message).into(),
                or_dash(e.bead.as_deref()).into(),
                ago(&e.created_at).into(),
            ]);
        }
        table_text(&table)
    }
    fn ids(&self) -> Vec<String> {
        self.iter().map(|e| e.id.clone()).collect()
    }
}

/// One repair of a patrol pass, as a line (`--watch` prints one per repair).
pub fn repair_line(repair: &Repair, dry_run: bool) -> String {
    let would = if dry_run { "would be " } else { "" };
    let bead = |b: &Option<String>| b.as_deref().map(|b| format!(" on {b}")).unwrap_or_default();
    match repair {
        Repair::HostLost(h) => format!(
            "{would}lost: host {} (silent since {}), {} released",
            sanitize(&h.host),
            h.last_seen,
            match h.released.len() {
                0 => "nothing".to_string(),
                _ => h.released.join(", "),
            }
        ),
        Repair::Stalled(a) => format!(
            "{would}stalled: {}{} (silent since {})",
            sanitize(&a.agent),
            bead(&a.bead),
            a.last_activity_at
        ),
        Repair::Dead(a) => format!(
            "{would}dead: {}{} (silent since {})",
            sanitize(&a.agent),
            bead(&a.bead),
            a.last_activity_at
        ),
        Repair::Released(r) => format!(
            "{would}released: {} from {}, {}",
            r.bead,
            sanitize(&r.from),
            match &r.to {
                Some(to) => format!("re-hooked to {}", sanitize(to)),
                None => "waiting for a free polecat".into(),
            }
        ),
        Repair::Hooked(h) => format!("{would}hooked: {} to {}", h.bead, sanitize(&h.agent)),
        Repair::Redispatched(d) => format!(
            "{would}redispatched: {} to {} (retry {})",
            d.bead,
            sanitize(&d.agent),
            d.retry
        ),
        Repair::Escalation(e) => {
            let again = if e.re_escalation_count > 0 {
                format!(", raised {} times more", e.re_escalation_count)
            } else {
                String::new()
            };
            let id = if e.id.is_empty() {
                "a new escalation,".to_string()
            } else {
                e.id.clone()
            };
            format!(
                "{would}escalated: {id} {} ({}{again}): {}",
                e.category.as_deref().unwrap_or("-"),
                e.severity,
                excerpt(&e.message, 80)
            )
        }
        Repair::Resolved { escalation } => format!("{would}resolved: {escalation}"),
    }
}

impl Render for PatrolReport {
    fn human(&self, _style: &Style) -> String {
        let repairs = self.repairs();
        if repairs.is_empty() && self.needs_attention.is_empty() {
            return "Nothing due: every working agent is alive and all work is fed.".into();
        }
        let mut lines: Vec<String> = repairs
            .iter()
            .map(|r| repair_line(r, self.dry_run))
            .collect();
        if repairs.is_empty() {
            lines.push("Nothing to repair.".into());
        }
        lines.extend(self.needs_attention.iter().map(stuck_line));
        if self.dry_run {
            lines.push("(dry run: nothing was changed)".into());
        }
        lines.join("\n")
    }
    fn ids(&self) -> Vec<String> {
        self.escalations.iter().map(|e| e.id.clone()).collect()
    }
}

/// A convoy patrol cannot mend, and why: `needs attention: cv-… "T": …`.
pub fn stuck_line(c: &StuckConvoy) -> String {
    let why: Vec<String> = c
        .attention
        .iter()
        .map(|a| {
            let reason = match a.reason {
                AttentionReason::BeadFailed => "failed".to_string(),
                AttentionReason::UnassignedOpen => "nothing will pick it up".to_string(),
                AttentionReason::NoHost => "no live host runs its rig".to_string(),
                AttentionReason::AgentDead | AttentionReason::AgentStalled => format!(
                    "{} is {}",
                    sanitize(a.agent.as_deref().unwrap_or("its agent")),
                    if a.reason == AttentionReason::AgentDead {
                        "dead"
                    } else {
                        "stalled"
                    }
                ),
            };
            format!("{} {reason}", a.bead)
        })
        .collect();
    const SHOWN: usize = 3;
    let more = match why.len().saturating_sub(SHOWN) {
        0 => String::new(),
        n => format!("; and {n} more"),
    };
    format!(
        "needs attention: {} \"{}\": {}{more} (gt convoy status {})",
        c.convoy,
        excerpt(&sanitize(&c.title), 40),
        why[..why.len().min(SHOWN)].join("; "),
        c.convoy
    )
}

/// An event in words: its label (`updated title` for an update, else its
/// type) and what it changed. gt's own events are worded from the change
/// they record; a shape gt does not write, from what it stores.
fn worded(e: &Event) -> (String, String) {
    let Some(change) = Change::from_event(e) else {
        return stored_words(e);
    };
    let (label, property) = match &change {
        Change::Updated(field) => (
            format!("{} {}", change.event_type(), field.name()),
            Some(field.name()),
        ),
        Change::BeadStatusChanged { .. }
        | Change::AgentStatusChanged { .. }
        | Change::HostStatusChanged { .. }
        | Change::Dispatched { .. }
        | Change::Recovered => (change.event_type().to_string(), Some("status")),
        _ => (change.event_type().to_string(), None),
    };
    if let Some(words) = run_words(e) {
        return (label, words);
    }
    let [old, new, _] = change.values();
    (label, values_worded(property, &old, &new))
}

/// A run's start or end, or a message, in words, from what its event
/// stores: `Toast on vm, attempt 1`, `Toast exited: exit 1, no report (1)`,
/// `mayor → Toast` (who wrote to whom, never what).
fn run_words(e: &Event) -> Option<String> {
    let m = &e.metadata;
    let text = |k: &str| sanitize(m.get(k).and_then(|v| v.as_str()).unwrap_or("?"));
    let attempt = m.get("attempt").and_then(|v| v.as_i64()).unwrap_or(0);
    match e.event_type.as_str() {
        "started" => Some(format!(
            "{} on {}, attempt {attempt}",
            text("agent"),
            text("host")
        )),
        "exited" => {
            let number = |k: &str| m.get(k).and_then(|v| v.as_i64());
            let how = match (number("code"), number("signal")) {
                (Some(code), _) => format!("exit {code}"),
                (None, Some(signal)) => format!("signal {signal}"),
                (None, None) => "not started".into(),
            };
            let reported = m.get("reported").and_then(|v| v.as_bool()) == Some(true);
            let report = if reported { "reported" } else { "no report" };
            Some(format!(
                "{} {}: {how}, {report} (attempt {attempt})",
                text("agent"),
                text("outcome")
            ))
        }
        "mail_sent" => {
            let group = m.get("group").and_then(|g| g.as_str());
            let group = group
                .map(|g| format!(" ({})", sanitize(g)))
                .unwrap_or_default();
            Some(format!("{} → {}{group}", text("from"), text("to")))
        }
        "mail_read" => Some(format!("in {}'s inbox", text("to"))),
        _ => None,
    }
}

/// An event of a shape gt does not write, worded from what it stores: a
/// `field` its metadata names, else the status for the types that change one.
fn stored_words(e: &Event) -> (String, String) {
    let field = e.metadata.get("field").and_then(|f| f.as_str());
    let label = match field {
        Some(field) => format!("{} {field}", e.event_type),
        None => e.event_type.clone(),
    };
    let status = matches!(
        e.event_type.as_str(),
        "status_changed" | "recovered" | "dispatched"
    );
    let property = field.or(status.then_some("status"));
    if let Some(words) = run_words(e) {
        return (label, words);
    }
    (label, values_worded(property, &e.old_value, &e.new_value))
}

/// What an event changed, in words: `status: working → dead`, `priority:
/// medium → high` (the values of `property`), and for a record's values each
/// field that differs (`name: Toast, rig: app` for one created).
fn values_worded(
    property: Option<&str>,
    old: &serde_json::Value,
    new: &serde_json::Value,
) -> String {
    use serde_json::Value;
    let show = |v: &Value| match v {
        Value::String(s) => excerpt(&sanitize(s), 30),
        Value::Null => "-".to_string(),
        Value::Array(items) if items.iter().all(Value::is_string) => {
            let items: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            excerpt(&sanitize(&items.join(" ")), 30)
        }
        other => excerpt(&sanitize(&other.to_string()), 30),
    };
    let pair = |old: &Value, new: &Value| match old {
        Value::Null => show(new),
        old => format!("{} → {}", show(old), show(new)),
    };
    match (old, new) {
        (Value::Null, Value::Null) => String::new(),
        (old, new) if old.is_object() || new.is_object() => {
            match (old.as_object(), new.as_object()) {
                // Both records: each field that differs.
                (Some(o), Some(n)) => {
                    let mut keys: Vec<&String> = o.keys().collect();
                    keys.extend(n.keys().filter(|k| !o.contains_key(*k)));
                    let parts: Vec<String> = keys
                        .into_iter()
                        .filter_map(|k| {
                            let (a, b) = (o.get(k), n.get(k));
                            (a != b).then(|| {
                                let (a, b) = (a.unwrap_or(&Value::Null), b.unwrap_or(&Value::Null));
                                format!("{k}: {}", pair(a, b))
                            })
                        })
                        .collect();
                    parts.join(", ")
                }
                // One record, made or gone: its fields that hold something.
                (Some(m), None) | (None, Some(m)) => m
                    .iter()
                    .filter(|(_, v)| !(v.is_null() || v.as_array().is_some_and(Vec::is_empty)))
                    .map(|(k, v)| format!("{k}: {}", show(v)))
                    .collect::<Vec<_>>()
                    .join(", "),
                (None, None) => pair(old, new),
            }
        }
        (old, new) => match property {
            Some(property) => format!("{property}: {}", pair(old, new)),
            None => pair(old, new),
        },
    }
}

/// The names of the agents a page of events is about: agents are shown by
/// name, as everywhere else (a deleted one's from its own `created` or
/// `deleted` event, else its ID).
#[derive(Debug, Clone, Default)]
pub struct AgentNames(std::collections::HashMap<String, String>);

impl AgentNames {
    /// The agents `events` are about, named by `lookup` (the town's agents)
    /// or by the events themselves.
    pub fn of(events: &[Event], mut lookup: impl FnMut(&str) -> Option<String>) -> Self {
        let about_agents = events.iter().filter(|e| e.subject_id.starts_with("ag-"));
        let mut names = std::collections::HashMap::new();
        for e in about_agents.clone() {
            if let Some(name) = own_name(e) {
                names.entry(e.subject_id.clone()).or_insert(name);
            }
        }
        let mut looked = std::collections::HashSet::new();
        for e in about_agents {
            if looked.insert(e.subject_id.as_str()) {
                if let Some(name) = lookup(&e.subject_id) {
                    names.insert(e.subject_id.clone(), name);
                }
            }
        }
        AgentNames(names)
    }

    /// An event's subject as people read it: an agent's name, else the ID.
    pub fn subject(&self, id: &str) -> String {
        self.0.get(id).map_or(id.to_string(), |n| sanitize(n))
    }
}

/// The name an agent's own `created` or `deleted` event keeps of it.
fn own_name(e: &Event) -> Option<String> {
    match Change::from_event(e) {
        Some(
            Change::Created(change::Created::Agent { name, .. })
            | Change::Deleted(change::Deleted::Agent { name, .. }),
        ) => Some(name),
        Some(_) => None,
        // A shape gt does not write: the name it stores, if any.
        None => [&e.new_value, &e.old_value]
            .into_iter()
            .find_map(|v| v.get("name").and_then(|n| n.as_str()))
            .map(str::to_string),
    }
}

/// One event as one line, for `gt events --follow`.
pub fn event_line(e: &Event, names: &AgentNames) -> String {
    let (label, change) = worded(e);
    format!(
        "#{:<6} {}  {:<9} {:<16} {:<10} {}",
        e.id,
        e.created_at,
        names.subject(&e.subject_id),
        label,
        sanitize(&e.actor),
        change
    )
    .trim_end()
    .to_string()
}

/// `gt events`: the events, and the names of the agents they are about. Its
/// document is the events alone.
pub struct EventFeed {
    pub events: Vec<Event>,
    pub names: AgentNames,
}

impl serde::Serialize for EventFeed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.events.serialize(s)
    }
}

impl Render for EventFeed {
    fn item_fields(&self) -> Option<Vec<String>> {
        crate::output::fields_of::<Event>()
    }

    fn human(&self, style: &Style) -> String {
        if self.events.is_empty() {
            return "No events match.".into();
        }
        let mut table = style
            .table(&["#", "WHEN", "SUBJECT", "EVENT", "ACTOR", "CHANGE"])
            .text("CHANGE");
        for e in &self.events {
            let (label, change) = worded(e);
            table.add_row(vec![
                e.id.to_string(),
                ago(&e.created_at),
                self.names.subject(&e.subject_id),
                label,
                sanitize(&e.actor),
                change,
            ]);
        }
        table_text(&table)
    }
    fn ids(&self) -> Vec<String> {
        self.events.iter().map(|e| e.id.to_string()).collect()
    }
}

impl Render for Reassigned {
    fn human(&self, _style: &Style) -> String {
        let from = self
            .previous_agent
            .as_ref()
            .map(|a| format!(" from {}", sanitize(&a.name)))
            .unwrap_or_default();
        format!(
            "Moved {} \"{}\"{from} to {} ({})",
            self.bead.id,
            excerpt(&self.bead.title, 50),
            sanitize(&self.agent.name),
            self.bead.status
        )
    }
    fn ids(&self) -> Vec<String> {
        vec![self.bead.id.clone()]
    }
}

impl Render for ConvoyDeleted {
    fn human(&self, _style: &Style) -> String {
        format!(
            "Deleted {}; its {} stay, in no convoy (its history stays in `gt events --subject {}`)",
            self.deleted,
            count(self.unlinked_beads.len(), "bead"),
            self.deleted
        )
    }
    fn ids(&self) -> Vec<String> {
        vec![self.deleted.clone()]
    }
}

impl Render for Deleted {
    fn human(&self, _style: &Style) -> String {
        format!(
            "Deleted {} (its history stays in `gt events --subject {}`)",
            self.deleted, self.deleted
        )
    }
    fn ids(&self) -> Vec<String> {
        vec![self.deleted.clone()]
    }
}

impl Render for AgentReset {
    fn human(&self, _style: &Style) -> String {
        let mut text = format!("Reset {} to idle", sanitize(&self.agent.name));
        match &self.released_bead {
            Some(b) => text.push_str(&format!(
                "; {} \"{}\" is open and unassigned again",
                b.id,
                excerpt(&b.title, 50)
            )),
            None => text.push_str("; it held no bead"),
        }
        if let Some(stop) = &self.stop {
            text.push_str(&format!("\n{}", stop.message));
        }
        text
    }
    fn ids(&self) -> Vec<String> {
        vec![self.agent.id.clone()]
    }
}

impl Render for AgentDeleted {
    fn human(&self, _style: &Style) -> String {
        let mut out = format!(
            "Deleted {} (its history stays in `gt events --subject {}`)",
            self.deleted, self.deleted
        );
        if let Some(bead) = &self.released_bead {
            match &self.rehooked_to {
                Some(agent) => out.push_str(&format!("\nReleased {bead}, now hooked to {agent}")),
                None => out.push_str(&format!("\nReleased {bead}; it waits for a free polecat")),
            }
        }
        out
    }
    fn ids(&self) -> Vec<String> {
        vec![self.deleted.clone()]
    }
}

impl Render for Beat {
    fn human(&self, style: &Style) -> String {
        if self.recovered {
            format!(
                "{} recovered: working again\n\n{}",
                self.agent.name,
                self.agent.human(style)
            )
        } else {
            format!(
                "{} is alive ({})",
                self.agent.name, self.agent.last_activity_at
            )
        }
    }
    fn ids(&self) -> Vec<String> {
        vec![self.agent.id.clone()]
    }
}

impl Render for Resolved {
    fn human(&self, style: &Style) -> String {
        if self.already_resolved {
            format!(
                "{} was already resolved; nothing changed",
                self.escalation.id
            )
        } else {
            self.escalation.human(style)
        }
    }
    fn ids(&self) -> Vec<String> {
        vec![self.escalation.id.clone()]
    }
}

impl Render for Acknowledged {
    fn human(&self, style: &Style) -> String {
        let e = &self.escalation;
        if self.already_acknowledged {
            format!(
                "{} was already acknowledged by {} at {}; nothing changed",
                e.id,
                or_dash(e.acknowledged_by.as_deref()),
                or_dash(e.acknowledged_at.as_deref())
            )
        } else {
            e.human(style)
        }
    }
    fn ids(&self) -> Vec<String> {
        vec![self.escalation.id.clone()]
    }
}

impl Render for crate::config::ConfigReport {
    fn human(&self, style: &Style) -> String {
        let state = if self.file_exists {
            ""
        } else {
            " (not present)"
        };
        let mut text = format!("config file: {}{state}\n", self.file);
        let mut table = style.table(&["SETTING", "VALUE", "SOURCE"]).text("VALUE");
        for (key, e) in &self.settings {
            table.add_row(vec![
                key.clone(),
                or_dash(e.value.as_deref()),
                e.source.clone(),
            ]);
        }
        text.push_str(&table_text(&table));
        text
    }
}

/// `gt status`: the town at a glance, and the names of the agents its
/// events are about. Its document is the overview alone.
pub struct StatusScreen {
    pub overview: gt_core::ops::overview::Overview,
    pub names: AgentNames,
}

impl serde::Serialize for StatusScreen {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.overview.serialize(s)
    }
}

impl Render for StatusScreen {
    fn human(&self, style: &Style) -> String {
        let o = &self.overview;
        let mut out = Vec::new();
        // Its tables sit two columns in.
        let style = &Style {
            width: style.width.map(|w| w.saturating_sub(2)),
            ..style.clone()
        };
        // Convoys, those needing a person first, each with why.
        let mut head = format!("Convoys: {} active", o.active_convoys);
        if o.convoys_needing_attention > 0 {
            head.push_str(&format!(
                ", {} {} attention",
                o.convoys_needing_attention,
                if o.convoys_needing_attention == 1 {
                    "needs"
                } else {
                    "need"
                }
            ));
        }
        out.push(head);
        if o.convoys.is_empty() {
            out.push(
                "  none; start one with: gt sling-batch --rig RIG --title TITLE --task …".into(),
            );
        } else {
            let mut table = style
                .table(&["CONVOY", "TITLE", "PROGRESS", "FAILED", "RIG"])
                .text("TITLE");
            for c in &o.convoys {
                let mark = if c.convoy.needs_attention { " !" } else { "" };
                table.add_row(vec![
                    format!("{}{mark}", c.convoy.id),
                    sanitize(&c.convoy.title),
                    progress(c.convoy.closed_beads, c.convoy.total_beads),
                    c.convoy.failed_beads.to_string(),
                    or_dash(c.convoy.rig.as_deref()).to_string(),
                ]);
            }
            out.push(indent(&table_text(&table)));
            if o.convoys.iter().any(|c| !c.attention.is_empty()) {
                out.push(String::new());
            }
            for c in o.convoys.iter().filter(|c| !c.attention.is_empty()) {
                out.push(format!("  {} needs attention:", c.convoy.id));
                let status = format!("gt convoy status {}", c.convoy.id);
                for a in &c.attention {
                    out.push(format!("      {}  {}", a.bead, attention_why(a, &status)));
                }
            }
            let hidden = o.active_convoys.saturating_sub(o.convoys.len() as u64);
            if hidden > 0 {
                out.push(format!("  … and {hidden} more (gt convoy list)"));
            }
        }
        // Agents by status.
        let a = &o.agents;
        out.push(format!(
            "\nAgents: {} working, {} idle, {} stalled, {} dead",
            a.working, a.idle, a.stalled, a.dead
        ));
        if !o.live_hosts.is_empty() {
            let hosts: Vec<String> = o
                .live_hosts
                .iter()
                .map(|h| {
                    let silent = if h.silent { ", silent" } else { "" };
                    format!("{} ({}/{}{silent})", sanitize(&h.name), h.running, h.slots)
                })
                .collect();
            out.push(format!("Hosts: {}", hosts.join(", ")));
        }
        // Open escalations, newest first.
        out.push(format!("\nEscalations: {} open", o.open_escalations));
        if !o.escalations.is_empty() {
            let mut table = style
                .table(&["ID", "SEVERITY", "MESSAGE", "RAISED"])
                .text("MESSAGE");
            for e in &o.escalations {
                table.add_row(vec![
                    e.id.clone(),
                    e.severity.to_string(),
                    sanitize(&e.message),
                    ago(&e.created_at),
                ]);
            }
            out.push(indent(&table_text(&table)));
        }
        // The newest events.
        if !o.events.is_empty() {
            out.push("\nRecent events:".into());
            let mut table = style
                .table(&["WHEN", "SUBJECT", "EVENT", "CHANGE"])
                .text("CHANGE");
            for e in &o.events {
                let (label, change) = worded(e);
                table.add_row(vec![
                    ago(&e.created_at),
                    self.names.subject(&e.subject_id),
                    label,
                    change,
                ]);
            }
            out.push(indent(&table_text(&table)));
        }
        out.join("\n")
    }
}

/// Each line of `text`, two spaces in.
fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every event of gt's scripted history is worded from the change it
    /// records, exactly as its stored values word it.
    #[test]
    fn events_are_worded_from_their_changes_as_from_what_they_store() {
        let (_dir, path) = gt_core::testing::history::written();
        let events = gt_core::testing::history::events(&path);
        for e in &events {
            assert!(Change::from_event(e).is_some(), "{e:?}");
            assert_eq!(worded(e), stored_words(e), "{e:?}");
        }
        let words = |n: usize| worded(&events[n - 1]);
        let said = [3, 20, 24, 42, 49, 76, 109, 163, 178].map(words);
        let expected = [
            (
                "created",
                "priority: medium, rig: alpha, status: open, title: Fix the login page",
            ),
            (
                "updated title",
                "title: Fix the login page → Fix the login form",
            ),
            ("updated metadata", "ticket: 42"),
            ("unhooked", "Toast → Clover"),
            (
                "agent_reset",
                "hook: gt-ni0lq → -, pid: 2147483647 → -, status: working → idle",
            ),
            ("convoy_closed", "active → closed"),
            (
                "deleted",
                "hook: gt-lervi, name: Toast, rig: alpha, role: polecat, status: working",
            ),
            ("dispatch_failed", ""),
            ("repaired", "[3,0,0] → [2,1,0]"),
        ]
        .map(|(l, c)| (l.to_string(), c.to_string()));
        assert_eq!(said, expected);
    }

    /// An agent on a silent host says so, in the list and on its own; its
    /// JSON is the agent's alone.
    #[test]
    fn an_agent_on_a_silent_host_says_so() {
        let on = |host: &str| -> Agent {
            serde_json::from_value(serde_json::json!({
                "id": format!("ag-{host}"), "name": format!("Toast-{host}"),
                "role": "polecat", "rig": "app", "status": "working",
                "hook": "gt-1", "pid": 42, "last_activity_at": "2026-12-05T09:00:00Z",
                "created_at": "2026-12-05T09:00:00Z", "host": host,
                "run_started_at": "2026-12-05T09:00:00Z", "run_bead": "gt-1",
                "attempt": 1, "retry_after": null
            }))
            .unwrap()
        };
        let silent: std::collections::BTreeSet<String> = ["h1".to_string()].into();
        let list = OnHosts {
            agents: vec![on("h1"), on("h2")],
            silent: silent.clone(),
        };
        let text = list.human(&Style::plain(false));
        let row = |name: &str| text.lines().find(|l| l.contains(name)).unwrap().to_string();
        assert!(row("Toast-h1").contains(", silent)"), "{text}");
        assert!(!row("Toast-h2").contains("silent"), "{text}");
        assert_eq!(
            serde_json::to_value(&list).unwrap(),
            serde_json::to_value(&list.agents).unwrap()
        );
        let one = |host: &str| {
            OnHosts {
                agents: on(host),
                silent: silent.clone(),
            }
            .human(&Style::plain(false))
        };
        assert!(one("h1").contains("on h1 (silent"), "{}", one("h1"));
        assert!(!one("h2").contains("silent"), "{}", one("h2"));
    }
}
