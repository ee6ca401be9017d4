//! The files generated from the command definitions: shell completions and man
//! pages. Committed under `completions/` and `man/`; a test fails when they are
//! stale, naming [`REFRESH`].

use clap::CommandFactory;
use clap_complete::{Generator, Shell};

use crate::cli::Cli;

/// The command that rewrites every generated file.
#[cfg(test)]
pub const REFRESH: &str =
    "cargo run -q -p gt-cli -- completions --out-dir completions && cargo run -q -p gt-cli -- man --out-dir man";

/// The shells gt writes completions for.
pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::Elvish,
    Shell::PowerShell,
];

/// The completion script for `shell`, and its conventional file name.
pub fn completion(shell: Shell) -> (String, Vec<u8>) {
    let mut cmd = crate::cli::help_tree();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "gt", &mut out);
    (shell.file_name("gt"), out)
}

/// Every man page: `gt.1`, then one per subcommand (`gt-convoy-status.1`).
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    fn walk(cmd: clap::Command, out: &mut Vec<(String, Vec<u8>)>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
            walk(sub, out);
        }
        let man = clap_mangen::Man::new(cmd);
        let mut page = Vec::new();
        man.render(&mut page)
            .expect("rendering to memory cannot fail");
        out.push((man.get_filename(), page));
    }
    let cmd = crate::cli::documented(Cli::command().disable_help_subcommand(true));
    let mut out = Vec::new();
    walk(cmd, &mut out);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Writes `files` into `dir` (created), replacing what is there.
pub fn write_all(dir: &std::path::Path, files: &[(String, Vec<u8>)]) -> gt_core::Result<()> {
    let fail = |e: std::io::Error| {
        gt_core::Error::unavailable(format!("cannot write to {}: {e}", dir.display()))
    };
    std::fs::create_dir_all(dir).map_err(fail)?;
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).map_err(fail)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn check(dir: &str, expected: Vec<(String, Vec<u8>)>) -> Vec<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(dir);
        let mut problems = Vec::new();
        for (name, bytes) in &expected {
            match std::fs::read(root.join(name)) {
                Ok(found) if found == *bytes => {}
                Ok(_) => problems.push(format!("{dir}/{name} is stale")),
                Err(_) => problems.push(format!("{dir}/{name} is missing")),
            }
        }
        if let Ok(entries) = std::fs::read_dir(&root) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !expected.iter().any(|(n, _)| *n == name) {
                    problems.push(format!("{dir}/{name} is not generated any more"));
                }
            }
        }
        problems
    }

    #[test]
    fn committed_completions_and_man_pages_are_fresh() {
        let mut problems = check(
            "completions",
            SHELLS.iter().map(|&s| completion(s)).collect(),
        );
        problems.extend(check("man", man_pages()));
        assert!(
            problems.is_empty(),
            "{}\nRegenerate them with:\n  {REFRESH}\n(and delete files that are not generated any more)",
            problems.join("\n")
        );
    }

    #[test]
    fn there_is_a_man_page_per_command() {
        let names: Vec<String> = man_pages().into_iter().map(|(n, _)| n).collect();
        for page in [
            "gt.1",
            "gt-convoy-status.1",
            "gt-bead-update.1",
            "gt-sling-batch.1",
        ] {
            assert!(
                names.iter().any(|n| n == page),
                "{page} missing from {names:?}"
            );
        }
    }
}
