//! Rendering, in one place: a command hands over a typed value, and this module
//! prints it as one JSON document (`--json`), as bare IDs (`--quiet`), or as text
//! and tables for people. Errors are printed here too.

use std::io::{IsTerminal, Write};

use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};
use gt_core::effects::{write_document, Effects};
use serde::Serialize;

use crate::cli::{ColorChoice, GlobalArgs};

/// How human output should look on this run.
#[derive(Debug, Clone)]
pub struct Style {
    pub json: bool,
    /// Indent JSON (stdout is a terminal).
    pub json_pretty: bool,
    pub quiet: bool,
    /// With `--json`, the fields each item of a list keeps (`--fields`).
    pub fields: Vec<String>,
    pub color: bool,
    pub err_color: bool,
    /// The width tables must fit, when known.
    pub width: Option<u16>,
}

impl Style {
    /// The style for errors raised before the settings are known.
    pub fn plain(json: bool) -> Self {
        Style {
            json,
            json_pretty: false,
            quiet: false,
            fields: Vec::new(),
            color: false,
            err_color: false,
            width: None,
        }
    }

    pub fn detect(global: &GlobalArgs, color: ColorChoice) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let wants = |tty: bool| match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color,
        };
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok())
            .filter(|&w| w >= 20)
            .or_else(|| {
                // Piped into `head` or `less`, the reader still has this terminal.
                let on_terminal =
                    std::io::stdout().is_terminal() || std::io::stderr().is_terminal();
                on_terminal.then(terminal_width).flatten()
            });
        Style {
            json: global.json,
            json_pretty: std::io::stdout().is_terminal(),
            quiet: global.quiet,
            fields: global.fields.clone(),
            color: wants(std::io::stdout().is_terminal()),
            err_color: wants(std::io::stderr().is_terminal()),
            width,
        }
    }

    /// A table in the house style, fitted to the width when there is one.
    pub fn table(&self, header: &[&str]) -> Table {
        let mut table = Table::new();
        table.load_style(presets::NOTHING);
        table.set_header(header.iter().map(|h| {
            let cell = Cell::new(h);
            if self.color {
                cell.add_attribute(Attribute::Bold)
            } else {
                cell
            }
        }));
        // No margin left of the first column: output starts at the line's start.
        if let Some(first) = table.column_mut(0) {
            first.set_padding((0, 1));
        }
        if let Some(width) = self.width {
            table.set_width(width);
            table.set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        table
    }

    /// A cell coloured by the status it shows (on a colour terminal only).
    pub fn status_cell(&self, status: &str) -> Cell {
        // Coloured by the status itself, whatever follows it ("open (blocked)").
        let word = status.split(' ').next().unwrap_or(status);
        let cell = Cell::new(status);
        if !self.color {
            return cell;
        }
        match word {
            "closed" | "landed" | "idle" | "acknowledged" | "resolved" => cell.fg(Color::Green),
            "in_progress" | "working" | "active" => cell.fg(Color::Cyan),
            "in_review" => cell.fg(Color::Blue),
            "failed" | "dead" | "critical" => cell.fg(Color::Red),
            "stalled" | "open" | "high" => cell.fg(Color::Yellow),
            _ => cell,
        }
    }
}

/// The width of the terminal on stdout, else on stderr (where it still is when
/// stdout is piped into `head` or `less`).
fn terminal_width() -> Option<u16> {
    terminal_size::terminal_size_of(std::io::stdout())
        .or_else(|| terminal_size::terminal_size_of(std::io::stderr()))
        .map(|(w, _)| w.0)
}

/// A rendered table, without trailing blanks.
pub fn table_text(table: &Table) -> String {
    table
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A value a command produced, printable for people and for machines.
pub trait Render: Serialize {
    /// The text a person sees.
    fn human(&self, style: &Style) -> String;
    /// The IDs `--quiet` prints, one a line.
    fn ids(&self) -> Vec<String> {
        Vec::new()
    }
    /// Whether the text already says what the write caused (a batch's table
    /// of hooks), so the `Then:` line would only repeat it.
    fn tells_effects(&self) -> bool {
        false
    }
    /// For a list, the fields of its items (what `--fields` may keep).
    fn item_fields(&self) -> Option<Vec<String>> {
        None
    }
}

/// The fields of a `T`, the items of a list, from its JSON Schema.
pub fn fields_of<T: gt_core::calls::SchemaOf>() -> Option<Vec<String>> {
    let schema = T::schema();
    Some(
        schema
            .get("properties")?
            .as_object()?
            .keys()
            .cloned()
            .collect(),
    )
}

/// Prints `value` the way this run asked for, with what the command's writes
/// caused (in JSON as `effects`, for people as one line after the result). A
/// closed pipe ends output quietly.
pub fn emit<T: Render>(style: &Style, value: &T, effects: &Effects) -> gt_core::Result<()> {
    if !style.fields.is_empty() {
        return emit_fields(style, value);
    }
    if style.json {
        // Streamed straight into stdout: large views never sit in memory twice.
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let written = write_document(&mut out, value, effects, style.json_pretty)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.flush());
        return match written {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
            Err(e) => Err(gt_core::Error::internal(format!(
                "cannot write the output: {e}"
            ))),
        };
    }
    let text = if style.quiet {
        value.ids().iter().map(|id| format!("{id}\n")).collect()
    } else {
        let mut text = value.human(style);
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if let Some(line) = effects_line(style, effects).filter(|_| !value.tells_effects()) {
            text.push_str(&line);
            text.push('\n');
        }
        text
    };
    write_stdout(&text);
    Ok(())
}

/// A list's items cut down to `--fields`, as JSON: the same projection as the
/// `fields` argument of MCP and HTTP.
fn emit_fields<T: Render>(style: &Style, value: &T) -> gt_core::Result<()> {
    if !style.json {
        return Err(
            gt_core::Error::usage("--fields shapes the JSON output").with_hint("add --json")
        );
    }
    let known = value.item_fields().ok_or_else(|| {
        gt_core::Error::usage("only a list's items can be cut down to some fields")
            .with_hint("give --fields to a list command (bead list, convoy list, …)")
    })?;
    let list = serde_json::to_value(value)
        .map_err(|e| gt_core::Error::internal(format!("cannot encode the result: {e}")))?;
    let slim = gt_core::calls::project(list, &style.fields, &known)?;
    let text = if style.json_pretty {
        serde_json::to_string_pretty(&slim)
    } else {
        serde_json::to_string(&slim)
    }
    .map_err(|e| gt_core::Error::internal(format!("cannot encode the result: {e}")))?;
    write_stdout(format!("{text}\n"));
    Ok(())
}

/// What a write caused, for people: `Then: dispatched gt-… · landed cv-…`.
fn effects_line(style: &Style, effects: &Effects) -> Option<String> {
    // Agents by name where the effects know it; a hooked bead with its agent.
    let freed = if effects.freed_agent_names.len() == effects.freed_agents.len() {
        &effects.freed_agent_names
    } else {
        &effects.freed_agents
    };
    let hooked: Vec<String> = effects
        .hooked
        .iter()
        .map(
            |bead| match effects.hooked_to.iter().find(|h| &h.bead == bead) {
                Some(h) => format!("{bead} to {}", sanitize(&h.agent)),
                None => bead.clone(),
            },
        )
        .collect();
    let freed: Vec<String> = freed.iter().map(|n| sanitize(n)).collect();
    let lists = [
        ("unhooked", &effects.unhooked),
        ("freed", &freed),
        ("hooked", &hooked),
        ("dispatched", &effects.dispatched),
        ("landed", &effects.landed),
        ("reopened", &effects.reopened),
        ("lost a dependency", &effects.dependencies_removed),
    ];
    let parts: Vec<String> = lists
        .iter()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(what, ids)| format!("{what} {}", ids.join(", ")))
        .collect();
    let label = if style.color {
        "\x1b[2mThen:\x1b[0m"
    } else {
        "Then:"
    };
    (!parts.is_empty()).then(|| format!("{label} {}", parts.join(" · ")))
}

/// Prints one item of a stream (`--follow`): a JSON line with `--json`, else the
/// given human line.
pub fn stream_item<T: Serialize>(style: &Style, value: &T, human: &str) -> gt_core::Result<()> {
    let line = if style.json {
        serde_json::to_string(value)
            .map_err(|e| gt_core::Error::internal(format!("cannot encode the output: {e}")))?
    } else {
        human.to_string()
    };
    write_stdout(format!("{line}\n"));
    Ok(())
}

/// Writes to stdout, treating a closed pipe (`gt … | head`) as a normal end.
pub fn write_stdout(text: impl AsRef<[u8]>) {
    let mut out = std::io::stdout().lock();
    let result = out.write_all(text.as_ref()).and_then(|()| out.flush());
    if let Err(e) = result {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
    }
}

/// The JSON error document of SPEC §4, its hint worded for the command line.
pub fn error_json(e: &gt_core::Error) -> String {
    error_json_naming(e, &crate::names::CliNames)
}

/// The JSON error document of SPEC §4, its hint worded by `names`.
pub fn error_json_naming(e: &gt_core::Error, names: &dyn gt_core::error::Names) -> String {
    error_document(e, names).to_string()
}

/// The JSON error document of SPEC §4, as a value.
pub fn error_document(e: &gt_core::Error, names: &dyn gt_core::error::Names) -> serde_json::Value {
    let mut body = serde_json::json!({ "code": e.code(), "message": e.message });
    if let Some(hint) = &e.hint {
        body["hint"] = serde_json::Value::String(hint.render(names));
    }
    if !e.candidates().is_empty() {
        body["candidates"] = serde_json::json!(e.candidates());
    }
    serde_json::json!({ "error": body })
}

/// Prints an error on stderr: JSON for machines, `error:`/`hint:` for people.
pub fn error(e: &gt_core::Error, json: bool, style: &Style) {
    let text = if json {
        format!("{}\n", error_json(e))
    } else {
        let (red, yellow, reset) = if style.err_color {
            ("\x1b[1;31m", "\x1b[33m", "\x1b[0m")
        } else {
            ("", "", "")
        };
        let mut text = format!("{red}error:{reset} {}\n", sanitize(&e.message));
        if let Some(hint) = &e.hint {
            let hint = crate::names::cli_hint(hint);
            text.push_str(&format!("{yellow}hint:{reset} {}\n", sanitize(&hint)));
        }
        text
    };
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// Prints a warning on stderr (never on stdout, which belongs to the output).
pub fn warn(style: &Style, message: &str) {
    if style.json {
        let doc = serde_json::json!({ "warning": message });
        let _ = writeln!(std::io::stderr(), "{doc}");
    } else {
        let _ = writeln!(std::io::stderr(), "warning: {}", sanitize(message));
    }
}

/// Makes stored text safe to show on a terminal: control characters (which could
/// move the cursor or recolour the screen) are shown escaped.
pub fn sanitize(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c {
            '\n' => "↵".to_string(),
            '\t' => " ".to_string(),
            c if c.is_control() => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// A one-line excerpt of `text`, at most `max` characters.
/// `1 bead`, `4 beads`: a count with its noun.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

pub fn excerpt(text: &str, max: usize) -> String {
    let clean = sanitize(text);
    if clean.chars().count() <= max {
        return clean;
    }
    let mut out: String = clean.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `3/5 ███░░` for a convoy's progress.
pub fn progress(closed: i64, total: i64) -> String {
    const WIDTH: i64 = 8;
    let filled = if total > 0 {
        (closed * WIDTH + total / 2) / total
    } else {
        0
    };
    let bar: String = (0..WIDTH)
        .map(|i| if i < filled { '█' } else { '░' })
        .collect();
    format!("{closed}/{total} {bar}")
}

/// `5m ago` for an RFC 3339 time; the time itself when it cannot be read.
pub fn ago(time: &str) -> String {
    let Ok(then) = humantime::parse_rfc3339_weak(time) else {
        return time.to_string();
    };
    let Ok(elapsed) = std::time::SystemTime::now().duration_since(then) else {
        return "just now".to_string();
    };
    let secs = elapsed.as_secs();
    match secs {
        0..=9 => "just now".to_string(),
        10..=59 => format!("{secs}s ago"),
        60..=3599 => format!("{}m ago", secs / 60),
        3600..=86_399 => format!("{}h ago", secs / 3600),
        _ => format!("{}d ago", secs / 86_400),
    }
}

/// `-` for a missing value.
pub fn or_dash(v: Option<&str>) -> String {
    v.map(sanitize).unwrap_or_else(|| "-".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_for_terminals() {
        assert_eq!(sanitize("plain"), "plain");
        assert_eq!(sanitize("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize("two\nlines"), "two↵lines");
    }

    #[test]
    fn progress_shows_counts_and_a_bar() {
        assert_eq!(progress(3, 5), "3/5 █████░░░");
        assert_eq!(progress(0, 0), "0/0 ░░░░░░░░");
        assert_eq!(progress(4, 4), "4/4 ████████");
    }

    #[test]
    fn excerpts_are_cut_with_an_ellipsis() {
        assert_eq!(excerpt("abcdef", 4), "abc…");
        assert_eq!(excerpt("abc", 4), "abc");
    }

    #[test]
    fn json_errors_have_code_message_and_hint() {
        let e = gt_core::Error::not_found("no bead matches 'gt-zz'").with_hint("list them");
        let v: serde_json::Value = serde_json::from_str(&error_json(&e)).unwrap();
        assert_eq!(v["error"]["code"], "not_found");
        assert_eq!(v["error"]["message"], "no bead matches 'gt-zz'");
        assert_eq!(v["error"]["hint"], "list them");
    }
}
