//! The Mayor's guide to gt, generated from the command definitions themselves
//! (about text, usage, options) so it cannot drift from the binary: for the
//! command line (`gt prompt mayor`), and in the tools' words as the MCP
//! server's instructions. Every command must sit in one section of the guide
//! and have a JSON shape; a test walks the command tree to hold that.

use gt_core::model::{AgentStatus, BeadStatus, ConvoyStatus};

/// The guide's sections: a heading, why a Mayor reaches for these commands,
/// and the commands (paths below `gt`).
const SECTIONS: &[(&str, &str, &[&str])] = &[
    (
        "Seeding work",
        "When a request breaks into several tasks, sling them as one convoy with \
         {call:sling-batch}: the beads, their dependencies and the convoy are created \
         atomically, each bead is hooked onto a polecat, and every bead whose \
         blockers are closed is dispatched at once. Give {arg:sling-batch idempotency_key} \
         when a retry must not create the work twice, and {arg:sling-batch max_polecats} \
         to limit how many polecats the batch occupies; {arg:sling-batch brief} answers \
         with the beads' IDs instead of each bead again. Use {call:sling} for a single, \
         independent task.",
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
         with {call:convoy list} and read {call:convoy status}: each bead's status, its \
         polecat and that polecat's `agent_status`, what it is still blocked by, and \
         for an open bead its `state` (`blocked`, `queued` behind a capped batch's \
         polecats, or `unassigned`). `needs_attention` is true exactly when an active \
         convoy cannot land without a person: a bead failed, a polecat holding one is \
         dead, work at hand is of a rig that no live host serves (in a town whose agents \
         run under gt run), or open work is on nobody's hook with no idle polecat of its \
         rig within the convoy's cap and nothing of the convoy at work to free one. \
         `attention` says which bead and why (`bead_failed`, `agent_dead`, `agent_stalled` \
         while patrol handles it, `no_host` for work no live host will run, \
         `unassigned_open` for work nothing will pick up), naming \
         the agent; {call:patrol} names those convoys after every pass. \
         {call:events convoy_id=ID} is the convoy's whole history, its deleted \
         beads, escalations and polecats' resets included; {arg:events since} takes `today`, \
         `yesterday`, a date or an age (`2h`). Polecats report that they \
         are alive with {call:agent heartbeat} (an agent's `last_activity_at`). \
         {call:patrol} (run by a witness, from cron, or kept running) \
         stalls agents that went silent, declares long-silent ones dead and gives \
         their beads to idle polecats, feeds waiting work and retries failed \
         dispatches, each with exactly one escalation per problem; \
         {call:patrol dry_run} shows what is due. Its escalations resolve themselves when the \
         agent recovers. {call:doctor} checks every invariant of the town ({error:conflict} \
         when one fails); {call:doctor fix} repairs counts, landings and hooks. Where a \
         supervisor runs the agents, {call:agent show} says which host runs one, since when \
         and at which attempt, and {call:agent logs} shows what its run wrote; \
         {call:host list} shows each host's supervisor (live, stopped, or lost: silent past \
         {arg:patrol host_dead_after}, its claims released to other hosts by patrol, with \
         one escalation).",
        &[
            "status",
            "convoy list",
            "convoy status",
            "bead list",
            "bead show",
            "agent list",
            "agent show",
            "agent logs",
            "host list",
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
         it and the old and new values. A bead stuck on a dead or stalled agent: \
         {call:bead reassign bead_id=ID new} (a fresh polecat takes it over; the dead \
         one stays dead, so it is not handed new work), or \
         {call:bead reassign bead_id=ID agent_id=AGENT} to a free polecat \
         ({call:agent list free}: idle, with nothing on its hook; an idle one may still \
         hold a bead that waits for a blocker). A convoy whose cap keeps its work \
         waiting: {call:convoy update convoy_id=ID max_polecats=N} (raising it hands out \
         waiting beads at once). Never {call:agent reset} a polecat that is \
         working: it takes its bead away. Wrong status, title or priority: \
         {call:bead update} with only the fields to change. A task to insert into a \
         running convoy: {call:bead create convoy_id=ID} (it is hooked and dispatched \
         like the convoy's own beads), then {call:bead update} with \
         {arg:bead update add_depends_on} on the beads that must wait for it (a \
         dispatched one goes back to `open` on its hook until the new task closes). A \
         bead that should not exist: {call:bead delete} ({arg:bead delete force} if \
         hooked). A convoy that will never land: {call:convoy close} \
         ({arg:convoy close failed}, {arg:convoy close close_beads}); closed by mistake: \
         {call:convoy reopen}. Wrong merge mode \
         or branch: {call:convoy update}. A convoy that should not exist: \
         {call:convoy delete} (its beads stay, in no convoy). An agent that is gone for \
         good: {call:agent delete} ({arg:agent delete force} if hooked: its bead goes to \
         an idle polecat). Reopening a closed bead \
         ({call:bead update bead_id=ID status=open}) reopens its landed convoy and puts \
         the bead back to work like a new bead of the convoy: hooked within its cap and \
         dispatched when its blockers allow.",
        &[
            "bead update",
            "bead reassign",
            "bead delete",
            "agent reset",
            "agent update",
            "convoy close",
            "convoy reopen",
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
    (
        "Mail",
        "A status says what happened; mail says what a status cannot (\"rebase on \
         feature/sessions\", \"which branch?\"). {call:mail send} with {arg:mail send to} \
         an agent, `mayor`, `human` (whoever watches the dashboard and the shell) or a \
         group: `convoy:ID` reaches every polecat holding a bead of that convoy now, \
         `rig:NAME` every polecat of the rig, one message each. {arg:mail send bead_id} \
         and {arg:mail send convoy_id} say what it is about; a convoy's mail is in \
         {call:events convoy_id=ID} (who wrote to whom, never what). {call:mail inbox} \
         lists an inbox, unread first (without {arg:mail inbox who}, the caller's own: \
         yours is `mayor`'s); {call:mail read} shows a message and marks it read once; \
         {call:mail send reply_to=ID} answers its sender, with its subject. A polecat \
         sees its unread mail in {call:hook} and may write to `mayor`, `human` and the \
         agents of its own convoy.",
        &["mail send", "mail inbox", "mail read"],
    ),
];

/// Commands that are not tools for the Mayor: those that are no call, but
/// `init`, which sets a town up.
#[cfg(test)]
fn not_in_guide(path: &str) -> bool {
    path != "init" && crate::names::NOT_CALLS.contains(&path)
}

/// The `--json` output of each command, derived from the JSON Schema of its
/// result type, so it cannot drift from what gt prints: `name?` may be null
/// or absent, an entity is named (`bead`), `...convoy` is a convoy's fields
/// flattened in. Writes also carry `effects`, which the guide explains once.
fn json_shape(path: &str) -> Option<String> {
    let schema = if path == "init" {
        <gt_core::model::Town as gt_core::calls::SchemaOf>::schema()
    } else {
        gt_core::calls::catalogue()
            .into_iter()
            .find(|e| e.spec.cli == path)?
            .output_schema()
    };
    let defs = schema.get("$defs").cloned().unwrap_or_default();
    let entities = entity_fields();
    let mut shape = Shape {
        defs: &defs,
        entities: &entities,
    }
    .of(&schema, None);
    match path {
        "events" => shape.push_str(" (one event per line with --follow)"),
        "patrol" => shape.push_str(" (one {repair, ...} per line with --watch)"),
        _ => {}
    }
    Some(shape)
}

/// The entities the guide names instead of spelling out, by their schema
/// titles, with their JSON Schemas (built once: the guide reads them for
/// every command).
fn entities() -> &'static [(&'static str, serde_json::Value)] {
    use gt_core::calls::SchemaOf;
    use gt_core::model::{Agent, Bead, Convoy, Escalation, Event, Host, Mail, Rig};
    static ENTITIES: std::sync::OnceLock<Vec<(&'static str, serde_json::Value)>> =
        std::sync::OnceLock::new();
    ENTITIES.get_or_init(|| {
        vec![
            ("Bead", Bead::schema()),
            ("Convoy", Convoy::schema()),
            ("Agent", Agent::schema()),
            ("Escalation", Escalation::schema()),
            ("Event", Event::schema()),
            ("Rig", Rig::schema()),
            ("Mail", Mail::schema()),
            ("Host", Host::schema()),
        ]
    })
}

/// Each entity's JSON fields, from its own schema.
fn entity_fields() -> Vec<(&'static str, Vec<String>)> {
    entities()
        .iter()
        .map(|(name, schema)| {
            let fields = schema["properties"]
                .as_object()
                .map(|o| o.keys().cloned().collect())
                .unwrap_or_default();
            (*name, fields)
        })
        .collect()
}

struct Shape<'a> {
    defs: &'a serde_json::Value,
    entities: &'a [(&'static str, Vec<String>)],
}

impl Shape<'_> {
    /// The definition a `$ref` names, and its name.
    fn target<'s>(
        &'s self,
        schema: &'s serde_json::Value,
    ) -> (&'s serde_json::Value, Option<&'s str>) {
        match schema.get("$ref").and_then(|r| r.as_str()) {
            Some(r) => {
                let name = r.rsplit('/').next().unwrap_or(r);
                (self.defs.get(name).unwrap_or(schema), Some(name))
            }
            None => (schema, None),
        }
    }

    /// The schema without its `null` alternative, and whether it had one.
    fn non_null<'s>(&self, schema: &'s serde_json::Value) -> (&'s serde_json::Value, bool) {
        if let Some(options) = schema.get("anyOf").and_then(|a| a.as_array()) {
            let real: Vec<&serde_json::Value> = options
                .iter()
                .filter(|o| o.get("type") != Some(&"null".into()))
                .collect();
            if real.len() == 1 && real.len() < options.len() {
                return (real[0], true);
            }
        }
        let nullable = schema
            .get("type")
            .and_then(|t| t.as_array())
            .is_some_and(|t| t.iter().any(|v| v == "null"));
        (schema, nullable)
    }

    /// The shape of a value; `key` is the field it is the value of (a field
    /// named after the entity it holds needs no more words).
    fn of(&self, schema: &serde_json::Value, key: Option<&str>) -> String {
        let (schema, _) = self.non_null(schema);
        let (schema, name) = self.target(schema);
        let name = name.or_else(|| schema.get("title").and_then(|t| t.as_str()));
        if let Some(name) = name.filter(|n| entities().iter().any(|(e, _)| e == n)) {
            let entity = name.to_ascii_lowercase();
            return if key.is_some_and(|k| k.trim_end_matches('s') == entity || k == "agent") {
                String::new()
            } else {
                entity
            };
        }
        if let Some(items) = schema.get("items") {
            let inner = self.of(items, None);
            return if inner.is_empty() {
                String::new()
            } else {
                format!("[{inner}]")
            };
        }
        self.object(schema)
    }

    /// An object's fields, `{a, b?, c: [...]}`; nothing for a scalar.
    fn object(&self, schema: &serde_json::Value) -> String {
        let Some(props) = schema.get("properties").and_then(|p| p.as_object()) else {
            return String::new();
        };
        let required: Vec<&str> = schema
            .get("required")
            .and_then(|r| r.as_array())
            .map(|r| r.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let mut fields = Vec::new();
        let mut shown: Vec<&str> = props.keys().map(String::as_str).collect();
        // An entity flattened in: all of its fields are here, and more.
        for (entity, own) in self.entities {
            if own.len() < props.len() && own.iter().all(|k| props.contains_key(k)) {
                fields.push(format!("...{}", entity.to_ascii_lowercase()));
                shown.retain(|k| !own.iter().any(|o| o == k));
            }
        }
        for k in shown {
            if k == "effects" {
                continue;
            }
            let value = &props[k];
            let (_, nullable) = self.non_null(value);
            let mark = if nullable || !required.contains(&k) {
                "?"
            } else {
                ""
            };
            let inner = self.of(value, Some(k));
            fields.push(if inner.is_empty() {
                format!("{k}{mark}")
            } else {
                format!("{k}{mark}: {inner}")
            });
        }
        format!("{{{}}}", fields.join(", "))
    }
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
    walk(&crate::cli::command_tree(), "", &mut out);
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
    let shape = json_shape(path).unwrap_or_else(|| "(undocumented)".into());
    out.push_str(&format!("- `--json` prints: `{shape}`\n\n"));
}

fn shapes() -> String {
    // An entity's own fields: nothing to name or flatten.
    let shape = Shape {
        defs: &serde_json::Value::Null,
        entities: &[],
    };
    let mut out = String::from(
        "## Shapes\n\n`name?` may be null or absent. `assignee` and `last_assignee` are \
         agent names (`last_assignee`: who last held the bead, kept after it closes); \
         `convoy_id` of an event is the convoy it concerns. An event's `old_value` and \
         `new_value` may be a string, an object or null.\n\n",
    );
    for (name, schema) in entities() {
        let name = name.to_ascii_lowercase();
        out.push_str(&format!("- {name}: `{}`\n", shape.object(schema)));
    }
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

/// The guide's own prose, before each face words it.
#[cfg(test)]
pub fn prose() -> Vec<&'static str> {
    let mut out = vec![NAMING, EFFECTS];
    out.extend(SECTIONS.iter().map(|(_, why, _)| *why));
    out
}

/// The whole guide.
pub fn mayor_guide() -> String {
    let root = crate::cli::command_tree();
    let mut out = String::from(
        "# gt: the Mayor's guide\n\n\
         You coordinate a town of coding agents through the `gt` command. Work is a \
         **bead**; a batch of beads is a **convoy**; **polecats** are the agents that \
         do the work, each holding at most one bead on its **hook**. Always pass \
         `--json`: gt then prints exactly one JSON document on stdout, and on failure \
         one `{\"error\": {\"code\", \"message\", \"hint\"}}` on stderr with exit code \
         2 (bad usage), 3 (not found), 4 (conflict with the current state) or 5 (town \
         unavailable or busy: retry). ",
    );
    let words = |text: &str| gt_core::doc::render(text, None, &crate::names::InTree(&root));
    out.push_str(&format!("{}\n\n{}\n\n", words(NAMING), words(EFFECTS)));
    for (heading, why, commands) in SECTIONS {
        out.push_str(&format!("## {heading}\n\n{}\n\n", words(why)));
        for path in *commands {
            describe(&root, path, &mut out);
        }
    }
    out.push_str(EXAMPLES);
    out.push_str(&shapes());
    out
}

/// How things are named on the command line and in tool calls.
const NAMING: &str = "Any ID may be shortened to a unique prefix (at least 3 characters \
     when the type prefix such as `gt-` is left off), and agents may be named (Toast, \
     Maple, …): a bare word is matched against agent names first, exactly and then as a \
     unique prefix. An ambiguous prefix is refused ({error:conflict}) with \
     `candidates: [{id, name?, title?}]` in its error.";

/// What every write reports beyond its own result.
const EFFECTS: &str = "Every write's document also has `effects`: what it caused besides \
     the change asked for, each a list of IDs, left out when empty: `dispatched`, \
     `hooked` and `unhooked` beads, `landed` and `reopened` convoys, `freed_agents`, and \
     `dependencies_removed` (beads that lost a blocker); with agents by name, \
     `hooked_to` (`{bead, agent}` for each hooked bead) and `freed_agent_names`. Read it \
     instead of reading the town again.";

/// Worked examples of the everyday tasks, with the simplest correct commands.
/// Every `$ gt` line here is parsed by the guide's test.
const EXAMPLES: &str = "## Everyday tasks\n\n\
     How is the API work going? Find the convoy, then read it:\n\n\
     \x20   $ gt --json convoy list\n\
     \x20   $ gt --json convoy status cv-7hd2a\n\n\
     Report `closed_beads`/`total_beads`, and for each `attention` item its bead, \
     reason and agent.\n\n\
     A polecat died holding gt-k3x9q: give the bead to a fresh polecat, then check \
     the convoy again:\n\n\
     \x20   $ gt --json bead reassign gt-k3x9q --new\n\
     \x20   $ gt --json convoy status cv-7hd2a\n\n\
     The docs task gt-m2p8r must be redone: reopen it (it is hooked and dispatched \
     again, and its landed convoy reopens):\n\n\
     \x20   $ gt --json bead update gt-m2p8r --status open\n\n\
     Insert a migration before the API task gt-a1b2c of a running convoy:\n\n\
     \x20   $ gt --json bead create --rig app --convoy cv-7hd2a \"Write the migration\"\n\
     \x20   $ gt --json bead update gt-a1b2c --add-depends-on gt-NEWID\n\n\
     Seed a capped batch that a retry must not create twice:\n\n\
     \x20   $ gt --json sling-batch --rig app --title \"Billing\" --task \"Schema\" --task \"API\" --max-polecats 2 --idempotency-key billing-1\n\n\
     Who changed what today in that convoy:\n\n\
     \x20   $ gt --json events --convoy cv-7hd2a --since today\n\n";

/// The guide as MCP instructions: the same sections, naming tools instead of
/// commands and fields instead of flags (each tool's own description says
/// the rest).
#[cfg(feature = "mcp")]
pub fn mayor_tools_guide() -> String {
    use gt_core::calls::ToolNames;
    let entries = gt_core::calls::catalogue();
    let words = |text: &str| gt_core::doc::render(text, None, &ToolNames);
    let mut out = String::from(
        "# gt: the Mayor's tools\n\n\
         You coordinate a town of coding agents with gt's tools. Work is a **bead**; a \
         batch of beads is a **convoy**; **polecats** are the agents that do the work, \
         each holding at most one bead on its **hook**. Every tool returns one JSON \
         document; a refused call is an error result holding \
         `{\"error\": {\"code\", \"message\", \"hint\"}}` with code usage, not_found, \
         conflict, unavailable (retry) or forbidden. ",
    );
    out.push_str(&format!("{}\n\n{}\n\n", words(NAMING), words(EFFECTS)));
    for (heading, why, commands) in SECTIONS {
        out.push_str(&format!("## {heading}\n\n{}\n\n", words(why)));
        for path in *commands {
            if let Some(e) = entries.iter().find(|e| e.spec.cli == *path) {
                out.push_str(&format!(
                    "- `{}`: {}.\n",
                    e.spec.tool,
                    e.summary(&ToolNames)
                ));
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
    fn every_example_command_line_parses() {
        // Words, with "double quotes" around a word that has spaces.
        fn words(line: &str) -> Vec<String> {
            let (mut out, mut word, mut quoted) = (Vec::new(), String::new(), false);
            for c in line.chars() {
                match c {
                    '"' => quoted = !quoted,
                    ' ' if !quoted => {
                        if !word.is_empty() {
                            out.push(std::mem::take(&mut word));
                        }
                    }
                    c => word.push(c),
                }
            }
            out.extend((!word.is_empty()).then_some(word));
            out
        }
        let guide = mayor_guide();
        let examples: Vec<&str> = guide
            .lines()
            .filter_map(|l| l.strip_prefix("    $ "))
            .collect();
        assert!(examples.len() >= 8, "{examples:?}");
        for line in examples {
            let argv = words(line);
            if let Err(e) = crate::cli::command_tree().try_get_matches_from(&argv) {
                panic!("the guide's `{line}` does not parse: {e}");
            }
        }
    }

    #[test]
    fn every_option_the_guide_shows_parses_as_shown() {
        let guide = mayor_guide();
        let root = crate::cli::command_tree();
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
                let err = crate::cli::command_tree().try_get_matches_from(&argv).err();
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

    /// The guide says what `needs_attention` means in the rule's own words
    /// (R4), as does the schema every face publishes.
    #[test]
    fn the_guide_states_the_attention_rule() {
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let rule = squash(gt_core::model::NEEDS_ATTENTION);
        let guide = squash(&super::mayor_guide());
        assert!(
            guide.contains(&format!("`needs_attention` is {rule}.")),
            "the guide's sentence about needs_attention is not R4's: {rule}"
        );
        use gt_core::calls::SchemaOf;
        let schema = gt_core::model::Convoy::schema();
        let described = schema["properties"]["needs_attention"]["description"]
            .as_str()
            .is_some_and(|d| squash(d).to_lowercase().contains(&rule.to_lowercase()));
        assert!(
            described,
            "the schema of needs_attention is not R4's: {rule}"
        );
    }
}

/// Where a polecat works: the directory `gt run` made for its bead, the
/// branch it is on and what that was made from (both empty without a
/// repository).
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    pub dir: std::path::PathBuf,
    pub branch: String,
    pub base: String,
}

/// A polecat's brief (`gt prompt polecat`, `GT_PROMPT`): its bead, what it
/// waits on and what waits on it, its convoy, where it works, and how it
/// reports, in its MCP tools' words and the command line's.
pub fn polecat_brief(
    town: &mut gt_core::Town,
    agent: &str,
    workspace: Option<&Workspace>,
) -> gt_core::Result<String> {
    use std::fmt::Write;
    let hook = town.hook_of(agent)?;
    let name = hook.agent.name.clone();
    let mut out = format!("# You are {name}, a polecat of a gt town\n\n");
    let Some(bead) = &hook.bead else {
        out.push_str("Nothing is on your hook: there is no work for you now. Exit.\n");
        return Ok(out);
    };
    let _ = writeln!(out, "## Your bead: {} {}\n", bead.id, bead.title);
    let _ = writeln!(
        out,
        "- status: {}, priority: {}",
        bead.status, bead.priority
    );
    if !bead.labels.is_empty() {
        let _ = writeln!(out, "- labels: {}", bead.labels.join(", "));
    }
    if let Some(body) = bead.body.as_deref().filter(|b| !b.trim().is_empty()) {
        let _ = writeln!(out, "\n{body}\n");
    }
    if !hook.blocked_by.is_empty() {
        out.push_str("\nIt waits for these beads; do not start before they are closed:\n");
        for b in &hook.blocked_by {
            let _ = writeln!(out, "- {} {} ({})", b.id, b.title, b.status);
        }
    }
    if let Some(convoy_id) = &bead.convoy_id {
        let status = town.convoy_status(convoy_id)?;
        let c = &status.convoy;
        let _ = writeln!(
            out,
            "\n## Its convoy: {} {}\n\n- {}/{} beads closed, merge mode {}{}",
            c.id,
            c.title,
            c.closed_beads,
            c.total_beads,
            c.merge_mode,
            c.feature_branch
                .as_deref()
                .map(|b| format!(", feature branch {b}"))
                .unwrap_or_default()
        );
        let waiting: Vec<&str> = status
            .dependency_edges
            .iter()
            .filter(|e| e.depends_on_bead_id == bead.id)
            .map(|e| e.bead_id.as_str())
            .collect();
        if !waiting.is_empty() {
            let _ = writeln!(out, "- waiting for your bead: {}", waiting.join(", "));
        }
    }
    if hook.mail.unread > 0 {
        let _ = writeln!(out, "\n## Your mail: {} unread\n", hook.mail.unread);
        for m in &hook.mail.newest {
            let _ = writeln!(out, "- {} from {}: {}", m.id, m.from, m.subject);
        }
        out.push_str("\nRead them before you start: they may change the work.\n");
    }
    out.push_str("\n## Where you work\n\n");
    match workspace {
        Some(ws) if !ws.branch.is_empty() => {
            let _ = writeln!(
                out,
                "- your worktree: {} (you are in it), on branch {}, made from {}\n\
                 - commit your work on {}; leave other branches alone",
                ws.dir.display(),
                ws.branch,
                ws.base,
                ws.branch
            );
        }
        Some(ws) => {
            let _ = writeln!(
                out,
                "- your directory: {} (you are in it)",
                ws.dir.display()
            );
        }
        None => {
            if let Some(url) = &hook.git_url {
                let _ = writeln!(
                    out,
                    "- the repository: {url}, from branch {}",
                    hook.base_branch.as_deref().unwrap_or("main")
                );
            }
        }
    }
    let _ = write!(
        out,
        "\n## How you report\n\n\
         With the gt MCP server (its tools imply your name):\n\
         - `gt_hook`: your bead, again\n\
         - `gt_agent_heartbeat` every minute while you work: a silent polecat is \
         declared stalled, then dead, and its bead goes to another\n\
         - `gt_bead_update` with `status`: `in_review` when your branch is ready for \
         review, `closed` when the work is done, `failed` when it cannot be done\n\
         - `gt_escalation_raise` with a `message` when you need a human\n\
         - `gt_mail_inbox` and `gt_mail_read` for your mail; `gt_mail_send` with \
         `to` (`mayor`, `human`, or an agent of your convoy) and a `subject` to ask \
         or tell, `reply_to` to answer\n\n\
         Or with the command line (GT_AGENT and GT_DB are set for you):\n\
         - `gt hook`, `gt agent heartbeat`\n\
         - `gt bead update {id} --status closed` (or in_review, failed)\n\
         - `gt escalation raise \"MESSAGE\" --bead {id}`\n\
         - `gt mail inbox`, `gt mail read ID`, `gt mail send --to mayor --subject \"…\"`\n\n\
         Report before you exit: a run that ends without a report is retried, and \
         after a few such runs your bead fails. If gt answers that your run has \
         ended, stop: your bead went to another run, which reports on it.\n",
        id = bead.id
    );
    Ok(out)
}
