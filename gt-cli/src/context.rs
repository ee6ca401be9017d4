//! What every command runs with: the global options, the rendering style, and the
//! town, opened only when a command first asks for it (so `--help` and
//! `completions` never touch a database).

use std::path::PathBuf;

use gt_core::{Error, OpenOptions, Result, Town};

use crate::cli::GlobalArgs;
use crate::output::Style;

pub struct Ctx {
    pub global: GlobalArgs,
    pub style: Style,
    town: Option<Town>,
}

impl Ctx {
    pub fn new(global: GlobalArgs) -> Self {
        let style = Style::detect(&global);
        Ctx {
            global,
            style,
            town: None,
        }
    }

    /// The town, opened (and created or migrated) on first use.
    pub fn town(&mut self) -> Result<&mut Town> {
        if self.town.is_none() {
            let options = OpenOptions {
                location: self.location()?,
                lock_timeout: self.global.lock_timeout,
                actor: self.actor(),
                dispatch_command: std::env::var("GT_DISPATCH_CMD").ok(),
            };
            self.town = Some(Town::open(&options)?);
        }
        Ok(self.town.as_mut().expect("opened above"))
    }

    /// Warnings the town gathered (failed dispatch commands, …).
    pub fn take_warnings(&mut self) -> Vec<String> {
        self.town
            .as_mut()
            .map(Town::take_warnings)
            .unwrap_or_default()
    }

    /// `--actor`, else `GT_ACTOR`, else the login name (R9).
    fn actor(&self) -> String {
        self.global
            .actor
            .clone()
            .or_else(|| std::env::var("GT_ACTOR").ok())
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("LOGNAME").ok())
            .filter(|a| !a.trim().is_empty())
            .unwrap_or_else(|| "unknown".to_string())
    }

    /// `--db`/`GT_DB`, else `town.db` in the user's data directory (created).
    fn location(&self) -> Result<String> {
        if let Some(db) = self.global.db.as_ref().filter(|d| !d.trim().is_empty()) {
            return Ok(db.clone());
        }
        let dirs = directories::ProjectDirs::from("", "", "gt").ok_or_else(|| {
            Error::unavailable("cannot find your data directory (is HOME set?)")
                .with_hint("pass --db PATH or set GT_DB")
        })?;
        let dir: PathBuf = dirs.data_dir().to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|e| {
            Error::unavailable(format!("cannot create {}: {e}", dir.display()))
                .with_hint("pass --db PATH or set GT_DB")
        })?;
        Ok(dir.join("town.db").display().to_string())
    }
}
