//! How the command line names the catalogue's calls and their fields: each
//! request field is a clap argument of its command, by the same name, with
//! `_id` dropped (`rig_id` is `--rig`), as the command's own positional ID
//! (`bead_id` of `bead update` is its ID), or as this table renames it. Hints
//! from gt-core are worded with these names here, and a test holds every
//! argument of every command to a field of its request.

use gt_core::error::{ErrorKind, Hint, Names};

/// Commands that are no call of the catalogue: they act on this process or
/// machine (and, but for `init`, are not in the Mayor's guide either).
#[cfg(test)]
pub const NOT_CALLS: &[&str] = &[
    "init",
    "prompt mayor",
    "prompt polecat",
    "run",
    "config show",
    "completions",
    "man",
    "mcp",
    "serve",
];

/// Arguments named differently on the command line and in the request.
pub const RENAMED: &[(&str, &str, &str)] = &[
    ("sling-batch", "title", "convoy_title"),
    // A task file is how a shell gives the tasks.
    ("sling-batch", "tasks_file", "tasks"),
    ("bead reassign", "to", "agent_id"),
    ("bead update", "meta", "metadata"),
    ("bead update", "unset_meta", "metadata"),
    ("convoy add", "beads", "bead_ids"),
    ("convoy remove", "beads", "bead_ids"),
];

/// Arguments only a process at a shell has use for.
#[cfg(test)]
pub const CLI_ONLY_ARGS: &[(&str, &str)] = &[
    ("events", "follow"),
    ("agent logs", "follow"),
    ("patrol", "watch"),
    ("patrol", "interval"),
    ("status", "watch"),
];

/// Whether the clap argument `arg` of `gt PATH` gives the request field `field`.
pub fn gives(path: &str, arg: &str, field: &str) -> bool {
    if let Some((_, _, to)) = RENAMED.iter().find(|(p, a, _)| *p == path && *a == arg) {
        return *to == field;
    }
    let noun = path.split(' ').next().unwrap_or(path);
    arg == field || format!("{arg}_id") == field || (arg == "id" && format!("{noun}_id") == field)
}

/// The clap command of a catalogue path.
pub fn command<'a>(root: &'a clap::Command, path: &str) -> Option<&'a clap::Command> {
    path.split(' ')
        .try_fold(root, |cmd, name| cmd.find_subcommand(name))
}

/// Hints as the command line words them: `gt bead update ID --status open`.
pub struct CliNames;

impl Names for CliNames {
    fn call(&self, call: &str, args: &[(&str, String)]) -> String {
        InTree(&crate::cli::command_tree()).call(call, args)
    }

    fn field(&self, call: &str, field: &str) -> Vec<String> {
        InTree(&crate::cli::command_tree()).field(call, field)
    }

    fn setting(&self, setting: &str) -> String {
        InTree(&crate::cli::command_tree()).setting(setting)
    }

    fn doc_field(&self, call: &str, field: &str) -> String {
        InTree(&crate::cli::command_tree()).doc_field(call, field)
    }

    fn doc_call(&self, call: &str, args: &[(&str, String)]) -> String {
        InTree(&crate::cli::command_tree()).doc_call(call, args)
    }

    fn refusal(&self, kind: ErrorKind) -> String {
        InTree(&crate::cli::command_tree()).refusal(kind)
    }
}

/// The command line's words, read from a command tree (the one being
/// described, while it is built).
pub struct InTree<'a>(pub &'a clap::Command);

impl Names for InTree<'_> {
    fn call(&self, call: &str, args: &[(&str, String)]) -> String {
        let Some(cmd) = command(self.0, call) else {
            return format!("gt {call}");
        };
        let mut out = format!("gt {call}");
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            let Some((_, value)) = args.iter().find(|(field, _)| gives(call, id, field)) else {
                continue;
            };
            match arg.get_long() {
                None => out.push_str(&format!(" {value}")),
                Some(long) if !arg.get_action().takes_values() => {
                    out.push_str(&format!(" --{long}"))
                }
                Some(long) => out.push_str(&format!(" --{long} {value}")),
            }
        }
        out
    }

    fn field(&self, call: &str, field: &str) -> Vec<String> {
        let Some(cmd) = command(self.0, call) else {
            return vec![field.to_string()];
        };
        cmd.get_arguments()
            .filter(|a| !a.is_global_set() && gives(call, a.get_id().as_str(), field))
            .map(|a| match a.get_long() {
                Some(long) => format!("--{long}"),
                None => a.get_id().as_str().to_uppercase(),
            })
            .collect()
    }

    fn setting(&self, setting: &str) -> String {
        match setting {
            "db" => "--db".into(),
            "lock_timeout" => "--lock-timeout".into(),
            "actor" => "--actor NAME or GT_ACTOR".into(),
            other => format!("--{}", other.replace('_', "-")),
        }
    }

    /// Flags as they are, as help text writes them (`With --convoy`).
    fn doc_field(&self, call: &str, field: &str) -> String {
        gt_core::error::either(&self.field(call, field))
    }

    fn refusal(&self, kind: ErrorKind) -> String {
        format!("exit {}", kind.exit_code())
    }
}

/// Hints as the HTTP API words them: the route, its path filled in from the
/// arguments, and the rest as the JSON body or query
/// (`POST /api/beads/gt-k3x9q/reassign {"new":true}`).
pub struct HttpNames;

impl Names for HttpNames {
    fn call(&self, call: &str, args: &[(&str, String)]) -> String {
        // A bead is slung by creating it with `sling` set.
        let mut args: Vec<(&str, String)> = args.to_vec();
        let call = match call {
            "sling" => {
                args.push(("sling", "true".to_string()));
                "bead create"
            }
            other => other,
        };
        let entry = gt_core::calls::catalogue()
            .into_iter()
            .find(|e| e.spec.cli == call);
        let Some(route) = entry.and_then(|e| e.spec.route) else {
            return gt_core::calls::ToolNames.call(call, &args);
        };
        let mut route = route.to_string();
        let mut rest = Vec::new();
        for (field, value) in &args {
            let slot = format!("{{{field}}}");
            if route.contains(&slot) {
                route = route.replace(&slot, value);
            } else {
                rest.push((*field, value.clone()));
            }
        }
        if rest.is_empty() {
            route
        } else if route.starts_with("GET ") {
            let query: Vec<String> = rest.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("{route}?{}", query.join("&"))
        } else {
            format!("{route} {}", gt_core::error::arguments_json(&rest))
        }
    }

    fn field(&self, _call: &str, field: &str) -> Vec<String> {
        vec![field.to_string()]
    }

    fn refusal(&self, kind: ErrorKind) -> String {
        format!("a `{}` error ({})", kind.code(), http_status(kind))
    }
}

/// Hints in plain words, for a person at the dashboard (which asks for
/// them with `X-GT-Words: plain`): a call is what it does, by its summary,
/// and a field its name in words.
pub struct PlainWords;

/// A field's name in words: `max_polecats` is "max polecats", `bead_id`
/// "bead".
fn in_words(field: &str) -> String {
    field.trim_end_matches("_id").replace('_', " ")
}

impl Names for PlainWords {
    fn call(&self, call: &str, args: &[(&str, String)]) -> String {
        let what = gt_core::calls::catalogue()
            .into_iter()
            .find(|e| e.spec.cli == call)
            .map_or(call.replace('-', " "), |e| e.summary(self));
        // Its first clause: "delete a bead", not the rest of its summary.
        let what = what
            .split([';', ':', ','])
            .next()
            .unwrap_or_default()
            .split(" (")
            .next()
            .unwrap_or_default();
        let mut what: String = what
            .chars()
            .enumerate()
            .map(|(i, c)| if i == 0 { c.to_ascii_lowercase() } else { c })
            .collect();
        let given: Vec<String> = args
            .iter()
            .map(|(k, v)| match v.as_str() {
                "true" => in_words(k),
                v => format!("{} {v}", in_words(k)),
            })
            .collect();
        if !given.is_empty() {
            what.push_str(&format!(" ({})", given.join(", ")));
        }
        what
    }

    fn field(&self, _call: &str, field: &str) -> Vec<String> {
        vec![in_words(field)]
    }

    fn setting(&self, setting: &str) -> String {
        match setting {
            "db" => "the town the server was started with".into(),
            "lock_timeout" => "how long the server waits for a busy town".into(),
            "actor" => "the name the server records changes under".into(),
            other => in_words(other),
        }
    }

    fn doc_field(&self, _call: &str, field: &str) -> String {
        in_words(field)
    }

    fn doc_call(&self, call: &str, args: &[(&str, String)]) -> String {
        self.call(call, args)
    }

    fn refusal(&self, _kind: ErrorKind) -> String {
        "refused".into()
    }
}

/// The HTTP status of an error of `kind`.
pub fn http_status(kind: ErrorKind) -> u16 {
    match kind {
        ErrorKind::Usage => 400,
        ErrorKind::NotFound => 404,
        ErrorKind::Conflict => 409,
        ErrorKind::Unavailable => 503,
        ErrorKind::Forbidden => 403,
        ErrorKind::Internal => 500,
    }
}

/// A hint as the command line words it.
pub fn cli_hint(hint: &Hint) -> String {
    hint.render(&CliNames)
}
