//! Live candidates for shell completion (`COMPLETE=bash gt`): IDs and names read
//! from the town the settings point at. Completion must never hang or fail
//! loudly, so any trouble yields no candidates.

use std::time::Duration;

use clap_complete::CompletionCandidate;
use gt_core::query::ConvoyFilter;
use gt_core::{OpenOptions, Town};

use crate::config;

/// How many beads are offered (the newest open ones).
const MAX_BEADS: u32 = 200;

fn town() -> Option<Town> {
    let global = crate::cli::GlobalArgs {
        db: None,
        json: false,
        actor: None,
        color: None,
        quiet: false,
        fields: Vec::new(),
        lock_timeout: Some(Duration::from_millis(500)),
    };
    let settings = config::resolve(&global).ok()?;
    let location = settings.db.or_else(|| {
        config::default_db()
            .filter(|p| p.exists())
            .map(|p| p.display().to_string())
    })?;
    Town::open(&OpenOptions {
        location,
        lock_timeout: settings.lock_timeout,
        actor: "completion".into(),
        dispatch_command: None,
        credentials: settings.credentials,
        local: None,
    })
    .ok()
}

fn candidate(value: &str, help: &str) -> CompletionCandidate {
    CompletionCandidate::new(value).help(Some(help.to_string().into()))
}

pub fn convoy_ids() -> Vec<CompletionCandidate> {
    let Some(mut town) = town() else {
        return Vec::new();
    };
    town.convoys(&ConvoyFilter::default())
        .map(|cs| cs.iter().map(|c| candidate(&c.id, &c.title)).collect())
        .unwrap_or_default()
}

pub fn bead_ids() -> Vec<CompletionCandidate> {
    let Some(mut town) = town() else {
        return Vec::new();
    };
    town.newest_open_beads(MAX_BEADS)
        .map(|bs| bs.iter().map(|b| candidate(&b.id, &b.title)).collect())
        .unwrap_or_default()
}

pub fn agent_names() -> Vec<CompletionCandidate> {
    let Some(mut town) = town() else {
        return Vec::new();
    };
    town.agents(&Default::default())
        .map(|agents| {
            agents
                .iter()
                .map(|a| candidate(&a.name, a.status.as_str()))
                .collect()
        })
        .unwrap_or_default()
}

pub fn rig_names() -> Vec<CompletionCandidate> {
    let Some(mut town) = town() else {
        return Vec::new();
    };
    town.rigs()
        .map(|rigs| {
            rigs.iter()
                .map(|r| candidate(&r.name, &r.default_branch))
                .collect()
        })
        .unwrap_or_default()
}

/// Where mail goes: the Mayor, a person, each agent, each active convoy's
/// polecats and each rig's.
pub fn recipients() -> Vec<CompletionCandidate> {
    let mut out = inboxes();
    out.extend(convoy_ids().into_iter().map(|c| {
        let id = format!("convoy:{}", c.get_value().to_string_lossy());
        let help = c.get_help().map(|h| h.to_string()).unwrap_or_default();
        candidate(&id, &format!("the polecats of {help}"))
    }));
    out.extend(rig_names().into_iter().map(|r| {
        let name = r.get_value().to_string_lossy().to_string();
        candidate(&format!("rig:{name}"), &format!("the polecats of {name}"))
    }));
    out
}

/// Whose inbox: the Mayor's, a person's, each agent's.
pub fn inboxes() -> Vec<CompletionCandidate> {
    let mut out = vec![
        candidate("mayor", "the Mayor"),
        candidate("human", "whoever watches the shell and the dashboard"),
    ];
    out.extend(agent_names());
    out
}

/// The newest unread messages of every inbox.
pub fn mail_ids() -> Vec<CompletionCandidate> {
    let Some(mut town) = town() else {
        return Vec::new();
    };
    let unread = gt_core::calls::ListMail {
        all: true,
        unread: true,
        limit: Some(MAX_BEADS),
        ..Default::default()
    };
    town.list_mail(&unread)
        .map(|ms| {
            ms.iter()
                .map(|m| candidate(&m.id, &format!("{} → {}: {}", m.from, m.to, m.subject)))
                .collect()
        })
        .unwrap_or_default()
}
