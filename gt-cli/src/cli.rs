//! The command line: global options, parsing, and turning every outcome into one
//! exit status (SPEC §4).

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, CommandFactory, FromArgMatches, Parser, ValueEnum};

use crate::commands::Command;
use crate::context::Ctx;
use crate::output;

const ABOUT: &str = "A control plane for a town of coding agents: seed work as beads, \
group them into convoys, hook them onto polecats, and track each convoy until it lands.";

const AFTER_HELP: &str = "\
Examples:
  gt rig add app --git-url https://example.com/app.git
  gt sling-batch --rig app --title 'Refactor auth' --tasks-file tasks.json
  gt convoy list
  gt convoy status cv-7hd2a
  gt bead update gt-k3x9q --status closed
  gt --json convoy status cv-7hd2a

The town lives in --db (default: town.db in your data directory), or in an
rqlite cluster given as http://host:port. Settings may also come from the
environment or from the config file; `gt config show` says which.";

/// `VERSION` and `LONG_VERSION`, naming the commit (written by build.rs).
mod version {
    include!(concat!(env!("OUT_DIR"), "/version.rs"));
}

/// gt: a command-line control plane for a town of coding agents.
#[derive(Debug, Parser)]
#[command(name = "gt", version, about = ABOUT, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    /// Show whole cells in tables, wider than the terminal if need be
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub wide: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

/// The help heading of the options every command takes, listed after the
/// command's own.
const GLOBAL: &str = "Global options";

/// Options every command takes. Each may also come from the environment or the
/// config file (see `gt config show`); the command line wins.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// The town: a database file, or http://HOST:PORT for an rqlite cluster
    /// [env: GT_DB] [default: town.db in your data directory]
    #[arg(long, global = true, value_name = "PATH|URL", help_heading = GLOBAL)]
    pub db: Option<String>,

    /// Print one JSON document on stdout; errors become JSON on stderr
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub json: bool,

    /// Who the audit log names for changes [env: GT_ACTOR] [default: your login name]
    #[arg(long, global = true, value_name = "NAME", help_heading = GLOBAL)]
    pub actor: Option<String>,

    /// When to use colour [env: GT_COLOR] [default: auto, which honours NO_COLOR]
    #[arg(long, global = true, value_enum, value_name = "WHEN", help_heading = GLOBAL)]
    pub color: Option<ColorChoice>,

    /// Print only the IDs of what a command created or listed
    #[arg(short, long, global = true, help_heading = GLOBAL)]
    pub quiet: bool,

    /// With --json, a list's items with only these fields (a slim list)
    #[arg(long, global = true, value_name = "NAME,…", value_delimiter = ',', help_heading = GLOBAL)]
    pub fields: Vec<String>,

    /// How long a write waits for a busy town before failing with exit 5
    /// [env: GT_LOCK_TIMEOUT] [default: 10s]
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration, help_heading = GLOBAL)]
    pub lock_timeout: Option<Duration>,
}

pub(crate) fn parse_duration(s: &str) -> Result<Duration, String> {
    gt_core::clock::parse_duration(s).map_err(|e| e.message)
}

/// Parses the command line, runs the command, and maps the outcome to an exit
/// status. Never panics on user input; a broken pipe is a normal end.
pub fn main() -> ExitCode {
    // `COMPLETE=bash gt` prints a completion script that asks gt itself for
    // candidates, live IDs included; a shell asking for them is answered here.
    clap_complete::CompleteEnv::with_factory(command_tree).complete();
    let cli = match parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    let json = cli.global.json;
    let mut ctx = match Ctx::new(cli.global, cli.wide) {
        Ok(ctx) => ctx,
        Err(e) => {
            output::error(&e, json, &output::Style::plain(json));
            return ExitCode::from(e.exit_code());
        }
    };
    let outcome = crate::commands::run(&mut ctx, cli.command);
    for warning in ctx.take_warnings() {
        output::warn(&ctx.style, &warning);
    }
    match outcome {
        Ok(()) => ExitCode::from(ctx.exit_code.unwrap_or(0)),
        Err(e) => {
            output::error(&e, json, &ctx.style);
            ExitCode::from(e.exit_code())
        }
    }
}

/// The whole command tree with every command's arguments and description in
/// place, and none of clap's own (`help`, `--help`, `--version`): for what
/// reads the tree rather than parsing one command line (the guide, MCP's
/// tool descriptions, the tests that hold the faces together).
pub fn command_tree() -> clap::Command {
    documented(
        Cli::command()
            .disable_help_subcommand(true)
            .disable_help_flag(true)
            .disable_version_flag(true),
    )
}

/// The whole command tree as a user meets it, for help and errors.
pub fn help_tree() -> clap::Command {
    documented(Cli::command())
}

/// `command` built, with each call's command described by its doc.
pub fn documented(mut command: clap::Command) -> clap::Command {
    command.build();
    with_docs(command)
}

/// `command` (built) with each call's command described by the call's doc
/// in the catalogue, in the command line's words: its summary as the
/// command's about, then its details in the long help. A command's own file
/// adds only what is the command line's (examples, exit statuses).
fn with_docs(command: clap::Command) -> clap::Command {
    use gt_core::doc;
    let docs: std::collections::HashMap<&str, (String, String)> = {
        let names = crate::names::InTree(&command);
        gt_core::calls::catalogue()
            .into_iter()
            .map(|e| {
                let (path, text) = (e.spec.cli, e.spec.doc);
                let about = doc::render(doc::summary(text), Some(path), &names);
                let long = match doc::details(text) {
                    Some(details) => {
                        format!("{about}\n\n{}", doc::render(details, Some(path), &names))
                    }
                    None => about.clone(),
                };
                (path, (about, long))
            })
            .collect()
    };
    describe(command, "", &docs)
}

/// `command` (at `path`) with its subcommands described by `docs`. Every
/// subcommand is taken out and put back in turn, so they keep their order.
fn describe(
    mut command: clap::Command,
    path: &str,
    docs: &std::collections::HashMap<&str, (String, String)>,
) -> clap::Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        command = command.mut_subcommand(name, |sub| {
            let sub = describe(sub, &path, docs);
            match docs.get(path.as_str()) {
                Some((about, long)) => sub.about(about.clone()).long_about(long.clone()),
                None => sub,
            }
        });
    }
    command
}

/// Parses the command line. The groups' commands (`bead list`, …) are
/// defined lazily (`#[command(defer = true)]`), so a run builds only the
/// command it runs, not the other forty (a tenth of a command's page faults
/// and instructions). Help and errors, which show other commands, are
/// rendered from the whole tree. Either tree would be freed piece by piece
/// just before the process exits (about a third of clap's cost); it is left
/// for the exit to reclaim instead.
fn parse() -> Result<Cli, clap::Error> {
    let parse_with = |command: clap::Command| {
        let mut command = std::mem::ManuallyDrop::new(command);
        let mut matches = command.try_get_matches_from_mut(std::env::args_os())?;
        Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut command))
    };
    // `--version` shows no other command: it needs no second tree. The
    // commit is named here, not in the generated man pages (which would
    // change with every commit).
    let with_commit = Cli::command()
        .version(version::VERSION)
        .long_version(version::LONG_VERSION);
    parse_with(with_commit).or_else(|e| match e.kind() {
        clap::error::ErrorKind::DisplayVersion => Err(e),
        _ => parse_with(help_tree()),
    })
}

/// A command's help with the options every command takes named in one
/// line instead of spelled out again: `gt --help` spells them out once.
fn globals_in_short(help: &str) -> String {
    let heading = format!("\n{GLOBAL}:\n");
    let Some(start) = help.find(&heading) else {
        return help.to_string();
    };
    // `gt --help` itself keeps them whole.
    if help.contains("\nUsage: gt [OPTIONS] <COMMAND>") {
        return help.to_string();
    }
    let body = &help[start + heading.len()..];
    // The block ends where a line starts at the margin (`Examples:`).
    let end = body
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| body[i..].starts_with(|c: char| !c.is_whitespace()))
        .unwrap_or(body.len());
    let flags: Vec<String> = body[..end]
        .lines()
        .map(str::trim_start)
        // An option's line (`-q, --quiet`, `--db <PATH|URL>`), not a list
        // of its values (`- auto: …`).
        .filter(|l| l.starts_with("--") || l.as_bytes().get(1).is_some_and(u8::is_ascii_alphabetic))
        .filter(|l| l.starts_with('-'))
        .map(|l| {
            let names: Vec<&str> = l
                .split_whitespace()
                .take_while(|w| w.starts_with('-'))
                .map(|w| w.trim_end_matches(','))
                .collect();
            names.join("/")
        })
        .collect();
    format!(
        "{}\n{GLOBAL}: {} (gt --help says more)\n\n{}",
        &help[..start],
        flags.join(", "),
        &body[end..]
    )
}

/// clap's own errors: help and version go to stdout with exit 0; usage errors
/// exit 2, as a JSON document when `--json` was asked for.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if e.kind() == ErrorKind::DisplayHelp {
        output::write_stdout(globals_in_short(&e.render().to_string()));
        return ExitCode::SUCCESS;
    }
    if e.kind() == ErrorKind::DisplayVersion {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::from(2);
    }
    if std::env::args_os().any(|a| a == "--json") {
        let rendered = e.render().to_string();
        let message = rendered
            .lines()
            .next()
            .unwrap_or("invalid arguments")
            .trim_start_matches("error: ")
            .to_string();
        let err = gt_core::Error::usage(message).with_hint("run with --help for usage");
        let _ = writeln!(std::io::stderr(), "{}", output::error_json(&err));
        return ExitCode::from(2);
    }
    let _ = e.print();
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    /// A group's commands are defined lazily: their descriptions and
    /// arguments appear in the built tree, and in help.
    #[test]
    fn lazily_defined_commands_have_their_help() {
        let tree = command_tree();
        let list = tree
            .find_subcommand("bead")
            .and_then(|b| b.find_subcommand("list"))
            .unwrap();
        assert!(list.get_about().is_some());
        assert!(list.get_arguments().any(|a| a.get_id() == "status"));
        let help = help_tree()
            .try_get_matches_from(["gt", "bead", "--help"])
            .unwrap_err()
            .to_string();
        assert!(help.contains("Show one bead in full"), "{help}");
    }

    #[test]
    fn every_command_has_a_description_and_an_example() {
        fn walk(cmd: &clap::Command, path: &str) {
            for sub in cmd.get_subcommands() {
                let path = format!("{path} {}", sub.get_name());
                assert!(sub.get_about().is_some(), "`{path}` has no description");
                if sub.has_subcommands() {
                    walk(sub, &path);
                } else {
                    let help = format!(
                        "{} {}",
                        sub.get_long_about()
                            .map(|a| a.to_string())
                            .unwrap_or_default(),
                        sub.get_after_long_help()
                            .map(|a| a.to_string())
                            .unwrap_or_default()
                    );
                    assert!(
                        help.contains("Example"),
                        "`{path}` has no example in its help"
                    );
                }
            }
        }
        walk(&command_tree(), "gt");
    }
}
