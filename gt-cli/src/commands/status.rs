use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use clap::Args;
use crossterm::event::{self, Event as Input, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::{cursor, terminal, QueueableCommand};
use gt_core::calls::{ListEvents, TownStatus};
use gt_core::{Error, Result};

use crate::commands::events::names_of;
use crate::context::Ctx;
use crate::output::{stream_item, Render};
use crate::views::StatusScreen;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "With --watch the screen is redrawn whenever the town changes (and every few",
    " seconds, for the ages); q, Esc or Ctrl-C ends it. With --watch --json, one",
    " document per change, a line each.\n",
    "\n",
    "Examples:\n",
    "  gt status\n",
    "  gt status --watch\n",
    "  gt --json status --events 30",
))]
pub struct StatusArgs {
    /// How many of the newest events to show [default: 10]
    #[arg(long, value_name = "N")]
    pub events: Option<u32>,

    /// Keep the overview on screen, redrawn live as the town changes
    #[arg(long)]
    pub watch: bool,
}

/// How often a watch looks for a change, and redraws with none.
const LOOK: Duration = Duration::from_millis(250);
const REDRAW: Duration = Duration::from_secs(5);

pub fn run(ctx: &mut Ctx, args: StatusArgs) -> Result<()> {
    let request = TownStatus {
        events: args.events,
    };
    if !args.watch {
        let screen = screen(ctx, &request)?;
        return ctx.emit(&screen);
    }
    if ctx.style.json {
        return watch_lines(ctx, &request);
    }
    if !std::io::stdout().is_terminal() {
        return Err(Error::usage("gt status --watch draws on a terminal")
            .with_hint("for a stream of documents, add --json"));
    }
    watch_screen(ctx, &request)
}

fn screen(ctx: &mut Ctx, request: &TownStatus) -> Result<StatusScreen> {
    let overview = ctx.town()?.call(request.clone())?;
    let names = names_of(ctx, &overview.events)?;
    Ok(StatusScreen { overview, names })
}

/// The id of the newest event: what a watch compares to see a change.
fn newest(ctx: &mut Ctx) -> Result<Option<i64>> {
    let newest = ListEvents {
        limit: Some(1),
        ..ListEvents::default()
    };
    Ok(ctx.town()?.call(newest)?.last().map(|e| e.id))
}

/// `--watch --json`: the overview as a line, then again after each change.
fn watch_lines(ctx: &mut Ctx, request: &TownStatus) -> Result<()> {
    let mut seen = None;
    loop {
        let now = newest(ctx)?;
        if seen != Some(now) {
            let screen = screen(ctx, request)?;
            stream_item(&ctx.style, &screen, "")?;
            seen = Some(now);
        }
        std::thread::sleep(LOOK);
    }
}

/// The terminal in raw mode on the alternate screen, restored when dropped
/// (on every way out: a key, an error, a panic's unwinding).
struct Screen;

impl Screen {
    fn enter() -> Result<Screen> {
        let fail = |e: std::io::Error| Error::unavailable(format!("cannot use the terminal: {e}"));
        terminal::enable_raw_mode().map_err(fail)?;
        let mut out = std::io::stdout();
        out.queue(terminal::EnterAlternateScreen)
            .and_then(|o| o.queue(cursor::Hide))
            .and_then(|o| o.flush())
            .map_err(fail)?;
        Ok(Screen)
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let mut out = std::io::stdout();
        let _ = out
            .queue(cursor::Show)
            .and_then(|o| o.queue(terminal::LeaveAlternateScreen))
            .and_then(|o| o.flush());
        let _ = terminal::disable_raw_mode();
    }
}

/// Whether a key asks to leave: q, Esc or Ctrl-C.
fn leaves(input: &Input) -> bool {
    let Input::Key(key) = input else {
        return false;
    };
    key.kind == KeyEventKind::Press
        && match key.code {
            KeyCode::Char('q') | KeyCode::Esc => true,
            KeyCode::Char('c') => key.modifiers.contains(KeyModifiers::CONTROL),
            _ => false,
        }
}

/// `--watch` on a terminal: the overview redrawn on each change, until a
/// key asks to leave.
fn watch_screen(ctx: &mut Ctx, request: &TownStatus) -> Result<()> {
    let fail = |e: std::io::Error| Error::unavailable(format!("cannot use the terminal: {e}"));
    let _screen = Screen::enter()?;
    let mut seen = None;
    let mut drawn = Instant::now();
    let mut resized = true;
    loop {
        let now = newest(ctx)?;
        if resized || seen != Some(now) || drawn.elapsed() >= REDRAW {
            // A terminal that does not know its size (0 × 0) is taken as 80 × 24.
            let (width, height) = terminal::size()
                .ok()
                .filter(|(w, h)| *w > 0 && *h > 0)
                .unwrap_or((80, 24));
            let screen = screen(ctx, request)?;
            let mut style = ctx.style.clone();
            style.width = Some(width);
            let mut text = screen.human(&style);
            text.push_str("\n\nLive: redrawn as the town changes. q to quit.");
            draw(&text, width, height).map_err(fail)?;
            (seen, drawn, resized) = (Some(now), Instant::now(), false);
        }
        // Keys until the next look.
        let until = Instant::now() + LOOK;
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            if !event::poll(left).map_err(fail)? {
                break;
            }
            let input = event::read().map_err(fail)?;
            if leaves(&input) {
                return Ok(());
            }
            resized |= matches!(input, Input::Resize(..));
        }
    }
}

/// Draws `text` from the top left, each line cut to `width`, as many lines
/// as fit.
fn draw(text: &str, width: u16, height: u16) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.queue(cursor::MoveTo(0, 0))?;
    out.queue(terminal::Clear(terminal::ClearType::All))?;
    for (i, line) in text.lines().take(usize::from(height)).enumerate() {
        let line: String = line.chars().take(usize::from(width)).collect();
        if i > 0 {
            out.write_all(b"\r\n")?;
        }
        out.write_all(line.as_bytes())?;
    }
    out.flush()
}
