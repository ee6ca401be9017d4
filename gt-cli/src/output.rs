//! Rendering, in one place: a command hands over a typed value, and this module
//! prints it as one JSON document (`--json`), as bare IDs (`--quiet`), or as text
//! and tables for people. Errors are printed here too.

use std::io::{IsTerminal, Write};

use gt_core::effects::{write_document, Effects};
use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
    /// Show whole cells, however wide the table grows (`--wide`).
    pub wide: bool,
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
            wide: false,
        }
    }

    pub fn detect(global: &GlobalArgs, color: ColorChoice, wide: bool) -> Self {
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
            wide,
        }
    }

    /// A table in the house style, fitted to the width when there is one.
    /// Every column is shown whole until it is marked as one that may be cut
    /// ([`Table::text`], [`Table::list`]).
    pub fn table(&self, header: &[&str]) -> Table {
        Table {
            columns: header
                .iter()
                .map(|h| Column {
                    header: h.to_string(),
                    fit: Fit::Whole,
                })
                .collect(),
            rows: Vec::new(),
            color: self.color,
            width: if self.wide { None } else { self.width },
            wide: self.wide,
        }
    }

    /// Prose broken between words to fit the width (when it is known and
    /// not `--wide`); a word wider than the width stays whole.
    pub fn wrap(&self, text: &str) -> String {
        let Some(width) = self.width.filter(|_| !self.wide) else {
            return text.to_string();
        };
        let mut lines: Vec<String> = Vec::new();
        for word in text.split(' ') {
            match lines.last_mut() {
                Some(line) if line.width() + 1 + word.width() <= usize::from(width) => {
                    line.push(' ');
                    line.push_str(word);
                }
                _ => lines.push(word.to_string()),
            }
        }
        lines.join("\n")
    }

    /// A cell coloured by the status it shows (on a colour terminal only).
    pub fn status_cell(&self, status: &str) -> Cell {
        // Coloured by the status itself, whatever follows it ("open (blocked)").
        let word = status.split(' ').next().unwrap_or(status);
        let cell = Cell::from(status);
        if !self.color {
            return cell;
        }
        let colour = match word {
            "closed" | "landed" | "idle" | "acknowledged" | "resolved" | "live" => GREEN,
            "in_progress" | "working" | "active" => CYAN,
            "in_review" => BLUE,
            "failed" | "dead" | "critical" | "lost" => RED,
            "stalled" | "open" | "high" | "silent" => YELLOW,
            _ => return cell,
        };
        Cell {
            colour: Some(colour),
            ..cell
        }
    }
}

/// SGR colours of status cells.
const GREEN: &str = "32";
const CYAN: &str = "36";
const BLUE: &str = "34";
const RED: &str = "31";
const YELLOW: &str = "33";

/// The fewest columns a cut cell keeps (its header's width, if wider).
const MIN_CUT: usize = 8;
/// How wide a cut column may grow when the terminal's width is unknown (the
/// output goes into a file or a pipe): as wide as a title needs to be read.
const UNKNOWN_WIDTH_CUT: usize = 60;

/// How a column may be made narrower to fit the width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// IDs, names, statuses, times, numbers: never cut.
    Whole,
    /// Free text (a title, a message): cut with an ellipsis.
    Text,
    /// Items (IDs, names) apart by spaces: cut between two items, never in one.
    List,
}

#[derive(Debug, Clone)]
struct Column {
    header: String,
    fit: Fit,
}

/// One cell: its text, and the colour a colour terminal shows it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    text: String,
    colour: Option<&'static str>,
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell { text, colour: None }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::from(text.to_string())
    }
}

/// A table for people: columns apart by two spaces, no borders, each line
/// no wider than the terminal. Only the columns marked as free text or as
/// lists are cut to fit: an ID, a name or a header is never split, so when
/// those alone are wider than the terminal the line is as wide as they are,
/// with each cut column at its narrowest. `--wide` cuts nothing.
#[derive(Debug, Clone)]
pub struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
    color: bool,
    /// The width to fit; none with `--wide`, or when it is unknown.
    width: Option<u16>,
    wide: bool,
}

impl Table {
    /// Marks the column headed `header` as free text, cut with `…` to fit.
    pub fn text(self, header: &str) -> Self {
        self.fit(header, Fit::Text)
    }

    /// Marks the column headed `header` as a list of items apart by spaces,
    /// cut between two items (` …`) to fit.
    pub fn list(self, header: &str) -> Self {
        self.fit(header, Fit::List)
    }

    fn fit(mut self, header: &str, fit: Fit) -> Self {
        let column = self.columns.iter_mut().find(|c| c.header == header);
        column.expect("a column of this table").fit = fit;
        self
    }

    pub fn add_row<C: Into<Cell>>(&mut self, cells: impl IntoIterator<Item = C>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    /// Each column's width: the widest cell, or less for a cut column.
    fn widths(&self) -> Vec<usize> {
        let natural: Vec<usize> = (0..self.columns.len())
            .map(|i| {
                let cells = self.rows.iter().filter_map(|r| r.get(i));
                cells
                    .map(|c| c.text.width())
                    .chain([self.columns[i].header.width()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        if self.wide {
            return natural;
        }
        let cut: Vec<usize> = (0..self.columns.len())
            .filter(|&i| self.columns[i].fit != Fit::Whole)
            .collect();
        let Some(width) = self.width else {
            let mut widths = natural;
            for &i in &cut {
                widths[i] = widths[i].min(UNKNOWN_WIDTH_CUT.max(self.narrowest(i)));
            }
            return widths;
        };
        let gaps = 2 * self.columns.len().saturating_sub(1);
        let whole: usize = (0..self.columns.len())
            .filter(|i| !cut.contains(i))
            .map(|i| natural[i])
            .sum();
        // What the cut columns share, the narrowest first: each takes what it
        // needs up to an even share of what is left, and never less than its
        // narrowest.
        let mut left = usize::from(width).saturating_sub(whole + gaps);
        let mut by_need = cut.clone();
        by_need.sort_by_key(|&i| natural[i]);
        let mut widths = natural.clone();
        for (n, &i) in by_need.iter().enumerate() {
            let share = left / (by_need.len() - n);
            let w = natural[i].min(share.max(self.narrowest(i)));
            widths[i] = w;
            left = left.saturating_sub(w);
        }
        widths
    }

    /// The narrowest a cut column may be: its header whole, a few characters
    /// of text, a list's widest item whole (with ` …` after it).
    fn narrowest(&self, i: usize) -> usize {
        let header = self.columns[i].header.width();
        let least = match self.columns[i].fit {
            Fit::Whole => return usize::MAX,
            Fit::Text => MIN_CUT,
            Fit::List => self
                .rows
                .iter()
                .filter_map(|r| r.get(i))
                .flat_map(|c| c.text.split(' ').map(|item| item.width() + 2))
                .max()
                .unwrap_or(0),
        };
        header.max(least)
    }

    /// The table as lines of text, without trailing blanks.
    pub fn render(&self) -> String {
        let widths = self.widths();
        let header: Vec<Cell> = self
            .columns
            .iter()
            .map(|c| Cell {
                text: c.header.clone(),
                colour: self.color.then_some("1"),
            })
            .collect();
        std::iter::once(&header)
            .chain(&self.rows)
            .map(|row| self.line(row, &widths))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn line(&self, row: &[Cell], widths: &[usize]) -> String {
        let mut line = String::new();
        for (i, &width) in widths.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let Some(cell) = row.get(i) else { continue };
            let text = match self.columns[i].fit {
                Fit::Whole => cell.text.clone(),
                Fit::Text => cut_text(&cell.text, width),
                Fit::List => cut_list(&cell.text, width),
            };
            let pad = width.saturating_sub(text.width());
            match cell.colour.filter(|_| self.color) {
                Some(sgr) => line.push_str(&format!("\x1b[{sgr}m{text}\x1b[0m")),
                None => line.push_str(&text),
            }
            line.extend(std::iter::repeat_n(' ', pad));
        }
        line.trim_end().to_string()
    }
}

/// `text` in at most `width` columns: whole, or cut with an ellipsis.
fn cut_text(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Items apart by spaces in at most `width` columns: whole, or the items that
/// fit and ` …`; never part of an item.
fn cut_list(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for item in text.split(' ') {
        let next = if out.is_empty() {
            item.width()
        } else {
            out.width() + 1 + item.width()
        };
        if next + 2 > width {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(item);
    }
    if out.is_empty() {
        "…".to_string()
    } else {
        format!("{out} …")
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
    table.render()
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

    fn style(width: Option<u16>, wide: bool) -> Style {
        Style {
            width,
            wide,
            ..Style::plain(false)
        }
    }

    fn bead_table(style: &Style) -> String {
        let mut table = style.table(&["ID", "TITLE", "STATUS"]).text("TITLE");
        table.add_row([
            "gt-k6up3",
            "Fix the login page so that it never loops",
            "open",
        ]);
        table.add_row(["gt-a1", "Ünïcode", "in_progress"]);
        table.render()
    }

    #[test]
    fn free_text_is_cut_to_fit_and_ids_never_are() {
        assert_eq!(
            bead_table(&style(Some(40), false)),
            "ID        TITLE              STATUS\n\
             gt-k6up3  Fix the login pa…  open\n\
             gt-a1     Ünïcode            in_progress"
        );
        // Too narrow for the IDs and statuses: the title at its narrowest,
        // the line as wide as the rest needs.
        assert_eq!(
            bead_table(&style(Some(20), false)),
            "ID        TITLE     STATUS\n\
             gt-k6up3  Fix the…  open\n\
             gt-a1     Ünïcode   in_progress"
        );
        let whole = bead_table(&style(Some(20), true));
        assert!(whole.contains("never loops  open"), "{whole}");
        assert_eq!(bead_table(&style(None, false)), whole);
    }

    #[test]
    fn lists_are_cut_between_items() {
        assert_eq!(
            cut_list("gt-aaaaa gt-bbbbb gt-ccccc", 20),
            "gt-aaaaa gt-bbbbb …"
        );
        assert_eq!(cut_list("gt-aaaaa gt-bbbbb", 20), "gt-aaaaa gt-bbbbb");
        assert_eq!(cut_list("gt-aaaaa gt-bbbbb", 12), "gt-aaaaa …");
        assert_eq!(cut_text("a wide 漢字 title", 9), "a wide …");
        assert_eq!(cut_text("a wide 漢字 title", 10), "a wide 漢…");
    }

    #[test]
    fn prose_is_wrapped_between_words() {
        let s = style(Some(20), false);
        assert_eq!(
            s.wrap("one two three four five six"),
            "one two three four\nfive six"
        );
        assert_eq!(
            style(Some(20), true).wrap("one two three four five"),
            "one two three four five"
        );
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
