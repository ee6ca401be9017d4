//! The README's transcripts, run: every ```console block of README.md, in
//! order, against one fresh SQLite town in the pinned environment, so what
//! the README shows is what gt prints.
//!
//! How a block reads:
//! - `$ COMMAND` runs COMMAND with `sh -c`, its stderr into its stdout, in a
//!   folder holding a copy of `examples/`; `gt` is the binary under test. It
//!   must exit 0: write `; echo "exit $?"` after a command that fails.
//! - The lines after it, up to the next `$ ` line or the block's end, are what
//!   it prints. Blank lines at their end and spaces at the end of a line do not
//!   count.
//! - `[..]` stands for any run of characters within one line (an age, a time).
//! - An ID (`gt-92et3`, `cv-dfu14`; kinds `gt`, `cv`, `ag`, `es`, `rg`, `ml`,
//!   `hs`, at least 5 characters after the dash) is an example. The first time
//!   an expected output shows it, it matches any ID of its kind; from then on
//!   it stands for that ID, in later output and in commands, where a prefix of
//!   it stands for as many characters of the real one (`cv-dfu` → `cv-8ka`).
//!   Two examples never stand for one ID. An ID a command names before any
//!   output has shown it is taken as it is (`gt-zzzzz`, one that is not there).
//! - A block whose info string is `console ignore` is not run; the README says
//!   beside it why (it needs a cluster, a real agent, or runs in the foreground).

use std::collections::HashMap;
use std::path::Path;

use crate::support::{workspace_root, Run, Town};

const KINDS: [&str; 7] = ["gt-", "cv-", "ag-", "es-", "rg-", "ml-", "hs-"];

/// One `$ ` line and what the README says it prints.
struct Step {
    line: usize,
    command: String,
    expected: Vec<String>,
}

/// The runnable steps of every ```console block, in order.
fn steps(readme: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut in_block = false;
    let mut runs = false;
    for (i, line) in readme.lines().enumerate() {
        if let Some(info) = line.strip_prefix("```") {
            if in_block {
                in_block = false;
            } else {
                in_block = true;
                let info = info.trim();
                runs = info == "console";
                assert!(
                    !info.starts_with("console") || runs || info == "console ignore",
                    "README.md line {}: a console block is `console` or `console ignore`, not {info:?}",
                    i + 1
                );
            }
            continue;
        }
        if !in_block || !runs {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            steps.push(Step {
                line: i + 1,
                command: command.to_string(),
                expected: Vec::new(),
            });
        } else {
            let step = steps
                .last_mut()
                .unwrap_or_else(|| panic!("README.md line {}: output before any `$ `", i + 1));
            step.expected.push(line.trim_end().to_string());
        }
    }
    for step in &mut steps {
        while step.expected.last().is_some_and(|l| l.is_empty()) {
            step.expected.pop();
        }
    }
    steps
}

/// A piece of an expected line.
#[derive(Debug)]
enum Piece {
    Text(String),
    Any,
    /// An example ID not yet seen: any ID of its kind.
    Id(String),
}

/// Where an ID of the README's kinds starts at byte `at` of `s`, its length.
fn id_at(s: &str, at: usize, min_digits: usize) -> Option<usize> {
    let before = s[..at].chars().next_back();
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return None;
    }
    let rest = &s[at..];
    let kind = KINDS.iter().find(|k| rest.starts_with(*k))?;
    let digits = rest[kind.len()..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        .count();
    let after = rest[kind.len() + digits..].chars().next();
    if digits < min_digits || after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    Some(kind.len() + digits)
}

/// Splits an expected line into text, `[..]` and IDs not yet known; known
/// ones become the text they stand for.
fn pieces(line: &str, known: &HashMap<String, String>) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < line.len() {
        if line[i..].starts_with("[..]") {
            out.push(Piece::Text(std::mem::take(&mut text)));
            out.push(Piece::Any);
            i += 4;
        } else if let Some(len) = id_at(line, i, 5) {
            let id = &line[i..i + len];
            match known.get(id) {
                Some(real) => text.push_str(real),
                None => {
                    out.push(Piece::Text(std::mem::take(&mut text)));
                    out.push(Piece::Id(id.to_string()));
                }
            }
            i += len;
        } else {
            let c = line[i..].chars().next().unwrap();
            text.push(c);
            i += c.len_utf8();
        }
    }
    out.push(Piece::Text(text));
    out
}

/// Whether `text` is all of `pieces`; the IDs it binds go into `binds`.
fn matches(pieces: &[Piece], text: &str, binds: &mut Vec<(String, String)>) -> bool {
    let Some((first, rest)) = pieces.split_first() else {
        return text.is_empty();
    };
    match first {
        Piece::Text(t) => text
            .strip_prefix(t.as_str())
            .is_some_and(|after| matches(rest, after, binds)),
        Piece::Any => text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .any(|i| matches(rest, &text[i..], binds)),
        Piece::Id(example) => {
            let Some(len) = id_at(text, 0, 1) else {
                return false;
            };
            let real = &text[..len];
            if !real.starts_with(&example[..3]) {
                return false;
            }
            let mut tried = binds.clone();
            match tried.iter().find(|(e, _)| e == example) {
                Some((_, bound)) if bound != real => return false,
                Some(_) => {}
                None if tried.iter().any(|(_, r)| r == real) => return false,
                None => tried.push((example.clone(), real.to_string())),
            }
            let found = matches(rest, &text[len..], &mut tried);
            if found {
                *binds = tried;
            }
            found
        }
    }
}

/// The command with each example ID (or a prefix of one) replaced by the
/// real one; an ID no output has shown yet is taken as it is.
fn command(step: &Step, known: &mut HashMap<String, String>) -> String {
    let c = &step.command;
    let mut out = String::new();
    let mut i = 0;
    while i < c.len() {
        if let Some(len) = id_at(c, i, 1) {
            let typed = &c[i..i + len];
            let found: Vec<&String> = known.keys().filter(|e| e.starts_with(typed)).collect();
            match found.as_slice() {
                [] => {
                    known.insert(typed.to_string(), typed.to_string());
                    out.push_str(typed);
                }
                [example] => {
                    let real = &known[*example];
                    let n = if typed == example.as_str() {
                        real.len()
                    } else {
                        len
                    };
                    out.push_str(&real[..n.min(real.len())]);
                }
                _ => panic!(
                    "README.md line {}: {typed} is a prefix of several IDs shown: {found:?}",
                    step.line
                ),
            }
            i += len;
        } else {
            let ch = c[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// Compares a step's output with the README's, binding the IDs it shows;
/// on a difference, both as text, the first differing line marked.
fn compare(step: &Step, actual: &str, known: &mut HashMap<String, String>) -> Result<(), String> {
    let mut actual: Vec<&str> = actual.lines().map(str::trim_end).collect();
    while actual.last().is_some_and(|l| l.is_empty()) {
        actual.pop();
    }
    let mut first_diff = None;
    for i in 0..step.expected.len().max(actual.len()) {
        let (Some(expected), Some(got)) = (step.expected.get(i), actual.get(i)) else {
            first_diff = Some(i);
            break;
        };
        let mut binds = Vec::new();
        if !matches(&pieces(expected, known), got, &mut binds) {
            first_diff = Some(i);
            break;
        }
        for (example, real) in binds {
            known.insert(example, real);
        }
    }
    let Some(at) = first_diff else {
        return Ok(());
    };
    let mut report = format!(
        "README.md line {}: `$ {}` printed what the README does not say.\n\
         The README says (with the IDs this run has shown so far):\n",
        step.line, step.command
    );
    for (i, line) in step.expected.iter().enumerate() {
        let mark = if i == at { "-" } else { " " };
        let line: String = pieces(line, known)
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(text) => text,
                Piece::Any => "[..]".to_string(),
                Piece::Id(example) => example,
            })
            .collect();
        report.push_str(&format!("{mark} {line}\n"));
    }
    if at == step.expected.len() {
        report.push_str("- (nothing more)\n");
    }
    report.push_str("but it printed:\n");
    for (i, line) in actual.iter().enumerate() {
        let mark = if i == at { "+" } else { " " };
        report.push_str(&format!("{mark} {line}\n"));
    }
    if at == actual.len() {
        report.push_str("+ (nothing more)\n");
    }
    Err(report)
}

#[test]
fn readme_transcripts_are_what_gt_prints() {
    let root = workspace_root();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let steps = steps(&readme);
    assert!(steps.len() >= 10, "the README has lost its transcripts");
    let t = Town::sqlite();
    let dir = t.path("work");
    copy_dir(&root.join("examples"), &dir.join("examples"));
    let mut known = HashMap::new();
    for step in &steps {
        let command = command(step, &mut known);
        let run = Run::of(
            t.program("sh")
                .args(["-c", &format!("exec 2>&1\n{command}")])
                .current_dir(&dir),
        );
        assert_eq!(
            run.code, 0,
            "README.md line {}: `$ {command}` exited {}:\n{}",
            step.line, run.code, run.stdout
        );
        if let Err(report) = compare(step, &run.stdout, &mut known) {
            panic!("{report}");
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readme_matcher_binds_ids_and_skips_any() {
        let mut binds = Vec::new();
        let known = HashMap::new();
        let p = pieces("cv-dfu14  Sessions  [..]  gt-92et3", &known);
        assert!(matches(
            &p,
            "cv-8ka0z  Sessions  just now  gt-0q1w2",
            &mut binds
        ));
        assert_eq!(
            binds,
            [
                ("cv-dfu14".to_string(), "cv-8ka0z".to_string()),
                ("gt-92et3".to_string(), "gt-0q1w2".to_string())
            ]
        );
        let mut binds = Vec::new();
        assert!(!matches(&p, "gt-8ka0z  Sessions  x  gt-0q1w2", &mut binds));
        let p = pieces("gt-aaaaa gt-bbbbb", &known);
        assert!(!matches(&p, "gt-0q1w2 gt-0q1w2", &mut Vec::new()));
    }
}
