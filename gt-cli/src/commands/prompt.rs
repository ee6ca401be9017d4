//! `gt prompt mayor`: the Mayor agent's guide to gt, generated from the command
//! definitions themselves (about text, usage, options) so it cannot drift from
//! the binary. Every command must sit in one section of the guide and have a
//! JSON shape; a test walks the command tree to hold that.

use clap::{Args, CommandFactory, Subcommand};
use gt_core::model::{
    Agent, AgentRole, AgentStatus, Bead, BeadStatus, Convoy, ConvoyStatus, Escalation,
    EscalationStatus, Event, MergeMode, Priority, Rig, Severity,
};
use gt_core::Result;
use serde::Serialize;

use crate::cli::Cli;
use crate::context::Ctx;
use crate::output::write_stdout;

/// Print a guide to gt for an agent's prompt
#[derive(Debug, Subcommand)]
pub enum PromptCommand {
    Mayor(MayorArgs),
}

/// Print the Mayor's guide: convoys, progress, and surgical editing
///
/// Generated from gt's own command definitions, so it always matches this binary.
///
/// Example:
///   gt prompt mayor > mayor-tools.md
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct MayorArgs {}

pub fn run(_ctx: &mut Ctx, cmd: PromptCommand) -> Result<()> {
    match cmd {
        PromptCommand::Mayor(_) => {
            write_stdout(mayor_guide());
            Ok(())
        }
    }
}

/// The guide's sections: a heading, why a Mayor reaches for these commands,
/// and the commands (paths below `gt`).
const SECTIONS: &[(&str, &str, &[&str])] = &[
    (
        "Seeding work",
        "When a request breaks into several tasks, sling them as one convoy with \
         `sling-batch`: the beads, their dependencies and the convoy are created \
         atomically, each bead is hooked onto a polecat, and every bead whose \
         blockers are closed is dispatched at once. Give `--idempotency-key` when a \
         retry must not create the work twice, and `--max-polecats` to limit how many \
         polecats the batch occupies. Use `sling` for a single, independent task.",
        &[
            "sling-batch",
            "sling",
            "bead create",
            "rig add",
            "rig list",
            "init",
        ],
    ),
    (
        "Checking progress",
        "Convoys land by themselves when all their beads close: nobody manages that \
         by hand. When someone asks how a piece of work is going, find its convoy \
         with `convoy list` and read `convoy status`: each bead's status, its \
         polecat, and what it is still blocked by. `needs_attention` is true when \
         beads failed or a polecat holding one is dead. Polecats report that they \
         are alive with `agent heartbeat` (an agent's `last_activity_at`). \
         `patrol` (run by a witness, from cron, or kept running with `--watch`) \
         stalls agents that went silent, declares long-silent ones dead and gives \
         their beads to idle polecats, feeds waiting work and retries failed \
         dispatches, each with exactly one escalation per problem; `patrol \
         --dry-run` shows what is due. Its escalations resolve themselves when the \
         agent recovers. `doctor` checks every invariant of the town (exit 4 when one fails); \
         `doctor --fix` repairs counts, landings and hooks.",
        &[
            "convoy list",
            "convoy status",
            "bead list",
            "bead show",
            "agent list",
            "agent show",
            "agent heartbeat",
            "hook",
            "events",
            "escalation list",
            "patrol",
            "doctor",
        ],
    ),
    (
        "Surgical editing",
        "You can fix any wonky state directly; every edit is recorded with who made \
         it and the old and new values. A bead stuck `in_progress` on a dead agent: \
         `agent reset` (its bead goes back to open) then `bead reassign --new`, or \
         `bead reassign --to` a free agent. Wrong status, title or priority: \
         `bead update` with only the fields to change. A task to insert into a running \
         convoy: `bead create --convoy` (it is hooked and dispatched like the \
         convoy's own beads), then `bead update --add-depends-on` on the beads that \
         must wait for it. A bead that should not exist: \
         `bead delete` (`--force` if hooked). A convoy that will never land: \
         `convoy close` (`--failed`, `--close-beads`). Wrong merge mode or branch: \
         `convoy update`. A convoy that should not exist: `convoy delete` (its beads \
         stay, in no convoy). An agent that is gone for good: `agent delete` \
         (`--force` if hooked: its bead goes to an idle polecat). Reopening a closed bead reopens its landed convoy.",
        &[
            "bead update",
            "bead reassign",
            "bead delete",
            "agent reset",
            "agent update",
            "convoy close",
            "convoy update",
            "convoy add",
            "convoy remove",
            "convoy delete",
            "agent delete",
            "escalation raise",
            "escalation ack",
            "escalation resolve",
        ],
    ),
];

/// Commands that are not tools for the Mayor: those that are no call, but
/// `init`, which sets a town up.
#[cfg(test)]
fn not_in_guide(path: &str) -> bool {
    path != "init" && crate::names::NOT_CALLS.contains(&path)
}

/// The `--json` output of each command.
fn json_shape(path: &str) -> Option<&'static str> {
    Some(match path {
        "init" => "{location, backend, schema_version, created, upgraded_from}",
        "rig add" => "rig",
        "rig list" => "[rig]",
        "sling" => "{bead, agent}",
        "sling-batch" => "{convoy, beads: [{bead, agent, dispatched}], created}",
        "convoy list" => "[convoy]",
        "convoy status" => {
            "{...convoy, beads: [{id, title, status, rig, priority, assignee, blocked_by}], \
             dependency_edges: [{bead_id, depends_on_bead_id}]}"
        }
        "convoy close" | "convoy update" | "convoy add" | "convoy remove" => "convoy",
        "bead create" | "bead show" | "bead update" => "bead",
        "bead list" => "[bead]",
        "bead reassign" => "{bead, agent, previous_agent}",
        "bead delete" => "{deleted: ID}",
        "agent list" => "[agent]",
        "agent show" | "agent update" => "agent",
        "agent reset" => "{agent, released_bead, stop?: {pid, signalled, message}}",
        "hook" => "{agent, bead}",
        "escalation raise" => "escalation",
        "escalation list" => "[escalation]",
        "escalation ack" => "{...escalation, already_acknowledged}",
        "escalation resolve" => "{...escalation, already_resolved}",
        "agent heartbeat" => "{...agent, recovered}",
        "convoy delete" => "{deleted, unlinked_beads}",
        "agent delete" => "{deleted, released_bead, rehooked_to}",
        "doctor" => "[{kind, subject, message, repaired}]",
        "patrol" => {
            "{dry_run, stalled: [{agent, bead, rig, last_activity_at}], dead: [same], \
             released: [{bead, from, to}], hooked: [{bead, agent, convoy_id}], \
             redispatched: [{bead, agent, retry}], escalations: [escalation], \
             resolved: [ID]} (one {repair, ...} per line with --watch)"
        }
        "events" => "[event] (one event per line with --follow)",
        _ => return None,
    })
}

/// Every leaf command below `gt`, as a space-separated path.
#[cfg(test)]
pub fn leaf_commands() -> Vec<String> {
    fn walk(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        for sub in cmd.get_subcommands() {
            let path = if prefix.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{prefix} {}", sub.get_name())
            };
            if sub.has_subcommands() {
                walk(sub, &path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), "", &mut out);
    out
}

fn find<'a>(root: &'a clap::Command, path: &str) -> &'a clap::Command {
    crate::names::command(root, path)
        .unwrap_or_else(|| panic!("the guide names `gt {path}`, which does not exist"))
}

fn describe(root: &clap::Command, path: &str, out: &mut String) {
    let cmd = find(root, path);
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    out.push_str(&format!("### `gt {path}`\n{about}.\n\n"));
    let mut usage = cmd.clone().bin_name(format!("gt {path}"));
    out.push_str(&format!(
        "    {}\n\n",
        usage
            .render_usage()
            .to_string()
            .trim_start_matches("Usage: ")
    ));
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        if arg.is_global_set() || id == "help" || id == "version" {
            continue;
        }
        let name = match (arg.get_long(), arg.get_value_names()) {
            // The action, not the number of values: that is unset until clap
            // builds the command, so flags looked as if they took a value.
            (Some(long), Some(v)) if arg.get_action().takes_values() => {
                format!("--{long} {}", v.join(" "))
            }
            (Some(long), _) => format!("--{long}"),
            (None, Some(v)) => v.join(" "),
            (None, None) => id.to_uppercase(),
        };
        let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        out.push_str(&format!("- `{name}`: {help}\n"));
    }
    let shape = json_shape(path).unwrap_or("(undocumented)");
    out.push_str(&format!("- `--json` prints: `{shape}`\n\n"));
}

/// The keys of an entity as it appears in JSON.
fn keys<T: Serialize>(sample: &T) -> String {
    match serde_json::to_value(sample) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect::<Vec<_>>().join(", "),
        _ => String::new(),
    }
}

fn shapes() -> String {
    let t = String::new;
    let bead = Bead {
        id: t(),
        kind: t(),
        status: BeadStatus::Open,
        title: t(),
        body: None,
        rig: t(),
        priority: Priority::Medium,
        labels: vec![],
        metadata: Default::default(),
        assignee: None,
        convoy_id: None,
        depends_on: vec![],
        created_by: t(),
        created_at: t(),
        updated_at: t(),
        closed_at: None,
    };
    let convoy = Convoy {
        id: t(),
        title: t(),
        status: ConvoyStatus::Active,
        rig: None,
        total_beads: 0,
        closed_beads: 0,
        failed_beads: 0,
        merge_mode: MergeMode::ReviewThenLand,
        feature_branch: None,
        needs_attention: false,
        max_polecats: None,
        idempotency_key: None,
        created_by: t(),
        created_at: t(),
        updated_at: t(),
        landed_at: None,
        closed_reason: None,
    };
    let agent = Agent {
        id: t(),
        name: t(),
        role: AgentRole::Polecat,
        rig: None,
        status: AgentStatus::Idle,
        hook: None,
        pid: None,
        last_activity_at: t(),
        created_at: t(),
    };
    let escalation = Escalation {
        id: t(),
        severity: Severity::Low,
        category: None,
        message: t(),
        rig: None,
        agent: None,
        bead: None,
        status: EscalationStatus::Open,
        acknowledged_by: None,
        acknowledged_at: None,
        re_escalation_count: 0,
        created_at: t(),
    };
    let event = Event {
        id: 0,
        subject_id: t(),
        event_type: t(),
        actor: t(),
        old_value: Default::default(),
        new_value: Default::default(),
        metadata: Default::default(),
        created_at: t(),
    };
    let rig = Rig {
        id: t(),
        name: t(),
        git_url: None,
        default_branch: t(),
        created_at: t(),
    };
    let list = |name: &str, fields: String| format!("- {name}: `{{{fields}}}`\n");
    let mut out = String::from("## Shapes\n\n");
    out.push_str(&list("bead", keys(&bead)));
    out.push_str(&list("convoy", keys(&convoy)));
    out.push_str(&list("agent", keys(&agent)));
    out.push_str(&list("escalation", keys(&escalation)));
    out.push_str(&list("event", keys(&event)));
    out.push_str(&list("rig", keys(&rig)));
    let names = |all: &[&str]| all.join(", ");
    let statuses: Vec<&str> = BeadStatus::ALL.iter().map(|s| s.as_str()).collect();
    let convoy_statuses: Vec<&str> = ConvoyStatus::ALL.iter().map(|s| s.as_str()).collect();
    let agent_statuses: Vec<&str> = AgentStatus::ALL.iter().map(|s| s.as_str()).collect();
    out.push_str(&format!(
        "\nBead statuses: {} (closed and failed are terminal). Convoy statuses: {}. \
         Agent statuses: {}. Event types: {}.\n",
        names(&statuses),
        names(&convoy_statuses),
        names(&agent_statuses),
        gt_core::event_type::ALL.join(", ")
    ));
    out
}

/// The whole guide.
pub fn mayor_guide() -> String {
    let root = Cli::command();
    let mut out = String::from(
        "# gt: the Mayor's guide\n\n\
         You coordinate a town of coding agents through the `gt` command. Work is a \
         **bead**; a batch of beads is a **convoy**; **polecats** are the agents that \
         do the work, each holding at most one bead on its **hook**. Always pass \
         `--json`: gt then prints exactly one JSON document on stdout, and on failure \
         one `{\"error\": {\"code\", \"message\", \"hint\"}}` on stderr with exit code \
         2 (bad usage), 3 (not found), 4 (conflict with the current state) or 5 (town \
         unavailable or busy: retry). Any ID may be shortened to a unique prefix, and \
         agents may be named (Toast, Maple, …).\n\n",
    );
    for (heading, why, commands) in SECTIONS {
        out.push_str(&format!("## {heading}\n\n{why}\n\n"));
        for path in *commands {
            describe(&root, path, &mut out);
        }
    }
    out.push_str(&shapes());
    out
}

/// The guide as MCP instructions: the same sections, naming tools instead of
/// commands (each tool's own description says the rest).
#[cfg(feature = "mcp")]
pub fn mayor_tools_guide() -> String {
    let mut entries = gt_core::calls::catalogue();
    // Longest paths first, so that `convoy status` is named before `convoy`.
    entries.sort_by_key(|e| std::cmp::Reverse(e.spec.cli.len()));
    let name_tools = |text: &str| {
        entries.iter().fold(text.to_string(), |t, e| {
            t.replace(&format!("`{}`", e.spec.cli), &format!("`{}`", e.spec.tool))
        })
    };
    let mut out = String::from(
        "# gt: the Mayor's tools\n\n\
         You coordinate a town of coding agents with gt's tools. Work is a **bead**; a \
         batch of beads is a **convoy**; **polecats** are the agents that do the work, \
         each holding at most one bead on its **hook**. Every tool returns one JSON \
         document; a refused call is an error result holding \
         `{\"error\": {\"code\", \"message\", \"hint\"}}` with code usage, not_found, \
         conflict, unavailable (retry) or forbidden. Any ID may be shortened to a unique \
         prefix, and agents may be named (Toast, Maple, …).\n\n",
    );
    for (heading, why, commands) in SECTIONS {
        out.push_str(&format!("## {heading}\n\n{}\n\n", name_tools(why)));
        for path in *commands {
            if let Some(e) = entries.iter().find(|e| e.spec.cli == *path) {
                let about = find(&Cli::command(), path)
                    .get_about()
                    .map(|a| a.to_string())
                    .unwrap_or_default();
                out.push_str(&format!("- `{}`: {about}.\n", e.spec.tool));
            }
        }
        out.push('\n');
    }
    out.push_str(&shapes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_in_the_guide_once_with_a_json_shape() {
        let guide = mayor_guide();
        let listed: Vec<&str> = SECTIONS
            .iter()
            .flat_map(|(_, _, c)| c.iter().copied())
            .collect();
        for path in leaf_commands() {
            if not_in_guide(&path) {
                continue;
            }
            let times = listed.iter().filter(|p| **p == path).count();
            assert_eq!(
                times, 1,
                "`gt {path}` must appear in exactly one section of the Mayor's guide"
            );
            assert!(
                json_shape(&path).is_some(),
                "`gt {path}` needs a JSON shape in the guide"
            );
            assert!(
                guide.contains(&format!("### `gt {path}`")),
                "`gt {path}` is missing from the guide"
            );
        }
    }

    /// Each option line of the guide, given a value where the option takes
    /// one, parses with clap: a flag shown as `--all ALL` would be refused.
    #[test]
    fn every_option_the_guide_shows_parses_as_shown() {
        let guide = mayor_guide();
        let root = Cli::command();
        for path in leaf_commands() {
            if not_in_guide(&path) {
                continue;
            }
            let cmd = find(&root, &path);
            for arg in cmd.get_arguments() {
                let Some(long) = arg.get_long() else { continue };
                if arg.is_global_set() || long == "help" {
                    continue;
                }
                let bare = format!("- `--{long}`:");
                let shown = guide
                    .lines()
                    .skip_while(|l| *l != format!("### `gt {path}`"))
                    .find(|l| l.starts_with(&format!("- `--{long}")))
                    .unwrap_or_else(|| panic!("`gt {path} --{long}` is not in the guide"));
                let takes = arg.get_action().takes_values();
                assert_eq!(!takes, shown.starts_with(&bare), "`gt {path}`: {shown}");
                // The option as an agent would type it, each value a word.
                let mut argv: Vec<String> = vec!["gt".into()];
                argv.extend(path.split(' ').map(String::from));
                let option = shown.trim_start_matches("- `").split('`').next().unwrap();
                argv.extend(option.split(' ').map(|w| {
                    if w.starts_with("--") {
                        w.to_string()
                    } else {
                        "x".to_string()
                    }
                }));
                let err = Cli::command().try_get_matches_from(&argv).err();
                if let Some(e) = err {
                    // Missing positionals are fine; a flag refused is not.
                    assert!(
                        !matches!(
                            e.kind(),
                            clap::error::ErrorKind::UnknownArgument
                                | clap::error::ErrorKind::TooManyValues
                        ),
                        "{argv:?}: {e}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_guide_covers_the_editing_and_convoy_commands() {
        let guide = mayor_guide();
        for path in [
            "sling-batch",
            "convoy list",
            "convoy status",
            "bead update",
            "bead reassign",
            "bead delete",
            "agent reset",
            "agent update",
            "convoy close",
            "convoy update",
            "convoy add",
            "convoy remove",
            "escalation raise",
            "escalation list",
            "escalation ack",
            "events",
        ] {
            assert!(guide.contains(&format!("### `gt {path}`")), "{path}");
        }
        assert!(guide.contains("--idempotency-key"));
        assert!(guide.contains("needs_attention"));
    }
}
