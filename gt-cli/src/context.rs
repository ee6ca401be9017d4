//! What every command runs with: the global options, the rendering style, and the
//! town, opened only when a command first asks for it (so `--help` and
//! `completions` never touch a database).

use gt_core::{Error, OpenOptions, Result, Town};
use std::io::Write;

use crate::cli::GlobalArgs;
use crate::config::{self, Settings};
use crate::output::Style;

pub struct Ctx {
    /// Whether opening a town that does not exist yet says where it made it.
    pub announce_new_town: bool,
    pub settings: Settings,
    pub style: Style,
    town: Option<Town>,
    /// The exit code of a command that succeeded in running but reports a
    /// finding (`gt doctor`: 4 when the town is not clean).
    pub exit_code: Option<u8>,
    /// `--actor` as given on the command line, if it was: `gt events`
    /// filters by it.
    pub actor_flag: Option<String>,
}

impl Ctx {
    /// Resolves the settings (a bad config file fails here, exit 2). `wide`
    /// shows tables' cells whole (`--wide`).
    pub fn new(global: GlobalArgs, wide: bool) -> Result<Self> {
        let settings = config::resolve(&global)?;
        let style = Style::detect(&global, settings.color, wide);
        Ok(Ctx {
            settings,
            style,
            town: None,
            exit_code: None,
            actor_flag: global.actor,
            announce_new_town: true,
        })
    }

    /// The town, opened (and created or migrated) on first use. A town
    /// made here, by a command other than `gt init` (which reports it
    /// itself), is named once on stderr, so nobody wonders where it went.
    pub fn town(&mut self) -> Result<&mut Town> {
        if self.town.is_none() {
            let options = self.open_options()?;
            let mut town = Town::open(&options)?;
            // A process of an agent's run writes only while that run lasts.
            town.fence_run(gt_core::RunFence::from_env());
            if town.info().created && self.announce_new_town && !self.style.json {
                let _ = writeln!(
                    std::io::stderr(),
                    "note: made a new town at {} (--db or GT_DB picks another)",
                    crate::output::sanitize(&town.info().location)
                );
            }
            self.town = Some(town);
        }
        Ok(self.town.as_mut().expect("opened above"))
    }

    /// How this run opens its town (the MCP server opens one per call).
    pub fn open_options(&self) -> Result<OpenOptions> {
        Ok(OpenOptions {
            location: self.location()?,
            lock_timeout: self.settings.lock_timeout,
            actor: self.settings.actor.clone(),
            dispatch_command: self.settings.dispatch_command.clone(),
            credentials: self.settings.credentials.clone(),
            local: self.local_dir(),
        })
    }

    /// Prints a command's result with what its writes caused (`effects`).
    pub fn emit<T: crate::output::Render>(&mut self, value: &T) -> Result<()> {
        let effects = self
            .town
            .as_mut()
            .map(Town::take_effects)
            .unwrap_or_default();
        crate::output::emit(&self.style, value, &effects)
    }

    /// Warnings the town gathered (failed dispatch commands, …).
    pub fn take_warnings(&mut self) -> Vec<String> {
        self.town
            .as_mut()
            .map(Town::take_warnings)
            .unwrap_or_default()
    }

    /// Where this host keeps the town's local files (`gt run`'s logs and
    /// worktrees): beside a local town's file, else the user's data
    /// directory. Not created here.
    pub fn local_dir(&self) -> Option<std::path::PathBuf> {
        use std::path::Path;
        let file = self
            .settings
            .db
            .as_deref()
            .filter(|d| !d.trim().is_empty() && !d.contains("://"))
            .map(std::path::PathBuf::from);
        let dir = match file {
            Some(file) => file.parent().map(|p| {
                if p.as_os_str().is_empty() {
                    Path::new(".").to_path_buf()
                } else {
                    p.to_path_buf()
                }
            }),
            None => config::default_db().and_then(|p| p.parent().map(Path::to_path_buf)),
        }?;
        Some(std::path::absolute(&dir).unwrap_or(dir))
    }

    /// The configured town, else `town.db` in the user's data directory (created).
    fn location(&self) -> Result<String> {
        if let Some(db) = self.settings.db.as_ref().filter(|d| !d.trim().is_empty()) {
            return Ok(db.clone());
        }
        let path = config::default_db().ok_or_else(|| {
            Error::unavailable("cannot find your data directory (is HOME set?)")
                .with_hint("pass --db PATH or set GT_DB")
        })?;
        let dir = path.parent().expect("a file in a directory").to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|e| {
            Error::unavailable(format!("cannot create {}: {e}", dir.display()))
                .with_hint("pass --db PATH or set GT_DB")
        })?;
        Ok(path.display().to_string())
    }
}
