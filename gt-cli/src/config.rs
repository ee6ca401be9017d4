//! Settings: each one taken from the first of the command line, the environment,
//! the config file (TOML, in the user's config directory) and the default, with a
//! note of which, for `gt config show`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use clap::ValueEnum;
use gt_core::store::rqlite::Credentials;
use gt_core::{Error, Result};
use serde::{Deserialize, Serialize};

use crate::cli::{ColorChoice, GlobalArgs};

/// The settings a command runs with.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `None`: the default town in the data directory.
    pub db: Option<String>,
    pub actor: String,
    pub lock_timeout: Duration,
    pub dispatch_command: Option<String>,
    /// A remote town's user, from the environment or the config file.
    pub credentials: Option<Credentials>,
    pub color: ColorChoice,
    /// Patrol's thresholds, from the config file or the defaults (its flags
    /// override them).
    pub patrol: PatrolSettings,
    pub report: ConfigReport,
}

/// `[patrol]` in the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatrolSettings {
    pub stall_after: Duration,
    pub dead_after: Duration,
    pub max_dispatch_retries: u32,
}

/// Where each effective value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigReport {
    /// The config file gt reads (it need not exist).
    pub file: String,
    pub file_exists: bool,
    pub settings: BTreeMap<String, Effective>,
}

/// One setting's value (as text; null when unset) and its source: `flag`,
/// `env VAR`, `file`, or `default`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Effective {
    pub value: Option<String>,
    pub source: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    db: Option<toml::Spanned<String>>,
    actor: Option<toml::Spanned<String>>,
    lock_timeout: Option<toml::Spanned<toml::Value>>,
    color: Option<toml::Spanned<String>>,
    dispatch: Option<DispatchSection>,
    rqlite: Option<RqliteSection>,
    patrol: Option<PatrolSection>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatrolSection {
    stall_after: Option<toml::Spanned<toml::Value>>,
    dead_after: Option<toml::Spanned<toml::Value>>,
    max_dispatch_retries: Option<toml::Spanned<u32>>,
}

/// The user of a remote town with authentication on, so that the password
/// need not sit in a URL (a shell's history, a process list).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RqliteSection {
    user: Option<String>,
    password: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DispatchSection {
    command: Option<toml::Spanned<String>>,
}

/// The config file: `$GT_CONFIG`, else `config.toml` in the user's config directory.
pub fn config_path() -> Option<PathBuf> {
    if let Some(p) = env("GT_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "gt").map(|d| d.config_dir().join("config.toml"))
}

/// An environment variable, treating empty as unset.
fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

struct Loaded {
    path: PathBuf,
    text: String,
    config: FileConfig,
}

impl Loaded {
    fn line_of(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())]
            .matches('\n')
            .count()
            + 1
    }

    /// A duration given in the file as seconds or as text (`10m`).
    fn duration(&self, v: &toml::Spanned<toml::Value>) -> Result<Duration> {
        let text = match v.get_ref() {
            toml::Value::String(s) => s.clone(),
            toml::Value::Integer(n) => n.to_string(),
            toml::Value::Float(f) => f.to_string(),
            other => other.to_string(),
        };
        gt_core::clock::parse_duration(&text).map_err(|e| self.fault(v.span().start, e.message))
    }

    fn fault(&self, offset: usize, what: impl std::fmt::Display) -> Error {
        Error::usage(format!(
            "{}: line {}: {what}",
            self.path.display(),
            self.line_of(offset)
        ))
        .with_hint("fix the config file, or point GT_CONFIG elsewhere")
    }
}

fn load(path: Option<PathBuf>) -> Result<Option<Loaded>> {
    let Some(path) = path else { return Ok(None) };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Error::usage(format!(
                "cannot read the config file {}: {e}",
                path.display()
            ))
            .with_hint("fix its permissions, or point GT_CONFIG elsewhere"))
        }
    };
    match toml::from_str::<FileConfig>(&text) {
        Ok(config) => Ok(Some(Loaded { path, text, config })),
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let loaded = Loaded {
                path,
                text,
                config: FileConfig::default(),
            };
            Err(loaded.fault(offset, e.message().trim()))
        }
    }
}

/// Picks the first present of flag, env, file, default, recording the source.
struct Resolver {
    report: BTreeMap<String, Effective>,
}

impl Resolver {
    fn note(&mut self, key: &str, value: Option<String>, source: String) {
        self.report
            .insert(key.to_string(), Effective { value, source });
    }
}

pub fn resolve(global: &GlobalArgs) -> Result<Settings> {
    let path = config_path();
    let loaded = load(path.clone())?;
    let file = loaded.as_ref().map(|l| &l.config);
    let mut r = Resolver {
        report: BTreeMap::new(),
    };

    let db = match (&global.db, env("GT_DB"), file.and_then(|f| f.db.as_ref())) {
        (Some(v), _, _) => (Some(v.clone()), "flag".to_string()),
        (None, Some(v), _) => (Some(v), "env GT_DB".to_string()),
        (None, None, Some(v)) => (Some(v.get_ref().clone()), "file".to_string()),
        (None, None, None) => (None, "default".to_string()),
    };
    let shown_db =
        db.0.as_deref()
            .map(gt_core::store::rqlite::redact)
            .or_else(|| default_db().map(|p| p.display().to_string()));
    r.note("db", shown_db, db.1);

    let login = || env("USER").or_else(|| env("LOGNAME"));
    let actor = match (
        &global.actor,
        env("GT_ACTOR"),
        file.and_then(|f| f.actor.as_ref()),
    ) {
        (Some(v), _, _) => (v.clone(), "flag".to_string()),
        (None, Some(v), _) => (v, "env GT_ACTOR".to_string()),
        (None, None, Some(v)) => (v.get_ref().clone(), "file".to_string()),
        (None, None, None) => (
            login().unwrap_or_else(|| "unknown".to_string()),
            "default (login name)".to_string(),
        ),
    };
    r.note("actor", Some(actor.0.clone()), actor.1);

    let lock_timeout = match (
        global.lock_timeout,
        env("GT_LOCK_TIMEOUT"),
        file.and_then(|f| f.lock_timeout.as_ref()),
    ) {
        (Some(v), _, _) => (v, "flag".to_string()),
        (None, Some(v), _) => (
            gt_core::clock::parse_duration(&v).map_err(|e| {
                Error::usage(format!("GT_LOCK_TIMEOUT: {}", e.message))
                    .with_hint("give seconds or a duration such as 10s")
            })?,
            "env GT_LOCK_TIMEOUT".to_string(),
        ),
        (None, None, Some(v)) => (
            loaded.as_ref().expect("file present").duration(v)?,
            "file".to_string(),
        ),
        (None, None, None) => (Duration::from_secs(10), "default".to_string()),
    };
    r.note(
        "lock_timeout",
        Some(humantime::format_duration(lock_timeout.0).to_string()),
        lock_timeout.1,
    );

    let dispatch = match (
        env("GT_DISPATCH_CMD"),
        file.and_then(|f| f.dispatch.as_ref())
            .and_then(|d| d.command.as_ref()),
    ) {
        (Some(v), _) => (Some(v), "env GT_DISPATCH_CMD".to_string()),
        (None, Some(v)) => (Some(v.get_ref().clone()), "file".to_string()),
        (None, None) => (None, "default".to_string()),
    };
    r.note("dispatch.command", dispatch.0.clone(), dispatch.1);

    let section = file.and_then(|f| f.rqlite.as_ref());
    let credentials = match (env("GT_DB_USER"), section.and_then(|s| s.user.clone())) {
        (Some(user), _) => Some((user, env("GT_DB_PASSWORD"), "env GT_DB_USER")),
        (None, Some(user)) => Some((user, section.and_then(|s| s.password.clone()), "file")),
        (None, None) => None,
    };
    r.note(
        "rqlite.user",
        credentials.as_ref().map(|c| c.0.clone()),
        credentials.as_ref().map_or("default", |c| c.2).to_string(),
    );
    // The password is never shown, only whether there is one.
    r.note(
        "rqlite.password",
        credentials
            .as_ref()
            .and_then(|c| c.1.as_ref())
            .map(|_| "***".to_string()),
        credentials.as_ref().map_or("default", |c| c.2).to_string(),
    );
    let credentials = credentials.map(|(user, password, _)| Credentials {
        user,
        password: password.unwrap_or_default(),
    });

    let parse_color = |text: &str| ColorChoice::from_str(text, true);
    let color = match (
        global.color,
        env("GT_COLOR"),
        file.and_then(|f| f.color.as_ref()),
    ) {
        (Some(v), _, _) => (v, "flag".to_string()),
        (None, Some(v), _) => (
            parse_color(&v).map_err(|_| {
                Error::usage(format!("GT_COLOR: invalid colour choice '{v}'"))
                    .with_hint("use auto, always or never")
            })?,
            "env GT_COLOR".to_string(),
        ),
        (None, None, Some(v)) => (
            parse_color(v.get_ref()).map_err(|_| {
                loaded.as_ref().expect("file present").fault(
                    v.span().start,
                    format!(
                        "invalid colour choice '{}' (use auto, always or never)",
                        v.get_ref()
                    ),
                )
            })?,
            "file".to_string(),
        ),
        (None, None, None) => (ColorChoice::Auto, "default".to_string()),
    };
    let color_name = color
        .0
        .to_possible_value()
        .map(|v| v.get_name().to_string());
    r.note("color", color_name, color.1);

    let defaults = gt_core::ops::patrol::PatrolOptions::default();
    let section = file.and_then(|f| f.patrol.as_ref());
    let mut file_duration = |key: &str,
                             value: Option<&toml::Spanned<toml::Value>>,
                             default: Duration|
     -> Result<Duration> {
        let (d, source) = match value {
            Some(v) => (loaded.as_ref().expect("file present").duration(v)?, "file"),
            None => (default, "default"),
        };
        r.note(
            key,
            Some(humantime::format_duration(d).to_string()),
            source.to_string(),
        );
        Ok(d)
    };
    let stall_after = file_duration(
        "patrol.stall_after",
        section.and_then(|s| s.stall_after.as_ref()),
        defaults.stall_after,
    )?;
    let dead_after = file_duration(
        "patrol.dead_after",
        section.and_then(|s| s.dead_after.as_ref()),
        defaults.dead_after,
    )?;
    let retries = section.and_then(|s| s.max_dispatch_retries.as_ref());
    let max_dispatch_retries = retries.map_or(defaults.max_dispatch_retries, |v| *v.get_ref());
    r.note(
        "patrol.max_dispatch_retries",
        Some(max_dispatch_retries.to_string()),
        if retries.is_some() { "file" } else { "default" }.to_string(),
    );

    Ok(Settings {
        db: db.0,
        actor: actor.0,
        lock_timeout: lock_timeout.0,
        dispatch_command: dispatch.0,
        credentials,
        color: color.0,
        patrol: PatrolSettings {
            stall_after,
            dead_after,
            max_dispatch_retries,
        },
        report: ConfigReport {
            file: path.map(|p| p.display().to_string()).unwrap_or_default(),
            file_exists: loaded.is_some(),
            settings: r.report,
        },
    })
}

/// `town.db` in the user's data directory.
pub fn default_db() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "gt").map(|d| d.data_dir().join("town.db"))
}
