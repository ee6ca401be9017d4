//! Settings: each one taken from the first of the command line, the environment,
//! the config file (TOML, in the user's config directory) and the default, with a
//! note of which, for `gt config show`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use clap::ValueEnum;
use gt_core::config::ConfigFile;
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
    /// What people call the town (`town.name`), where one is set.
    pub town_name: Option<String>,
    /// Patrol's thresholds, from the config file or the defaults (its flags
    /// override them).
    pub patrol: PatrolSettings,
    /// The supervisor's (`gt run`), from the environment, the config file
    /// or the defaults (its flags override some).
    pub run: RunSettings,
    pub report: ConfigReport,
}

/// `[run]` in the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunSettings {
    /// The agent's command (`GT_RUN_CMD`, `run.command`).
    pub command: Option<String>,
    pub slots: u32,
    pub max_attempts: u32,
    /// None: a run may take as long as it takes.
    pub timeout: Option<Duration>,
    pub stop_grace: Duration,
    pub keep_for: Duration,
    /// The rigs whose beads this host takes; empty for every rig.
    pub rigs: Vec<String>,
}

impl RunSettings {
    pub const SLOTS: u32 = 4;
    pub const MAX_ATTEMPTS: u32 = 3;
    pub const STOP_GRACE: Duration = Duration::from_secs(10);
    pub const KEEP_FOR: Duration = Duration::from_secs(7 * 24 * 3600);
}

/// `[patrol]` in the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatrolSettings {
    pub stall_after: Duration,
    pub dead_after: Duration,
    pub max_dispatch_retries: u32,
    pub host_dead_after: Duration,
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

/// Picks the first present of flag, env, file, default, recording the source.
struct Resolver {
    report: BTreeMap<String, Effective>,
}

impl Resolver {
    fn note(&mut self, key: &str, value: Option<String>, source: String) {
        self.report
            .insert(key.to_string(), Effective { value, source });
    }

    /// A duration from the config file, else its default.
    fn file_duration(
        &mut self,
        key: &str,
        value: Option<Result<Duration>>,
        default: Duration,
    ) -> Result<Duration> {
        let (d, source) = match value {
            Some(v) => (v?, "file"),
            None => (default, "default"),
        };
        let shown = humantime::format_duration(d).to_string();
        self.note(key, Some(shown), source.to_string());
        Ok(d)
    }

    /// A count from the config file, else its default.
    fn file_count(&mut self, key: &str, value: Option<Result<u32>>, default: u32) -> Result<u32> {
        let (n, source) = match value {
            Some(v) => (v?, "file"),
            None => (default, "default"),
        };
        self.note(key, Some(n.to_string()), source.to_string());
        Ok(n)
    }
}

pub fn resolve(global: &GlobalArgs) -> Result<Settings> {
    let path = config_path();
    let file = match &path {
        Some(path) => ConfigFile::read(path)?,
        None => None,
    };
    let file = file.as_ref();
    let mut r = Resolver {
        report: BTreeMap::new(),
    };

    let db = match (&global.db, env("GT_DB"), file.and_then(ConfigFile::db)) {
        (Some(v), _, _) => (Some(v.clone()), "flag".to_string()),
        (None, Some(v), _) => (Some(v), "env GT_DB".to_string()),
        (None, None, Some(v)) => (Some(v.to_string()), "file".to_string()),
        (None, None, None) => (None, "default".to_string()),
    };
    let shown_db =
        db.0.as_deref()
            .map(gt_core::store::location::redact)
            .or_else(|| default_db().map(|p| p.display().to_string()));
    r.note("db", shown_db, db.1);

    let login = || env("USER").or_else(|| env("LOGNAME")).or_else(os_login);
    let actor = match (
        &global.actor,
        env("GT_ACTOR"),
        file.and_then(ConfigFile::actor),
    ) {
        (Some(v), _, _) => (v.clone(), "flag".to_string()),
        (None, Some(v), _) => (v, "env GT_ACTOR".to_string()),
        (None, None, Some(v)) => (v.to_string(), "file".to_string()),
        (None, None, None) => (
            login().unwrap_or_else(|| "unknown".to_string()),
            "default (login name)".to_string(),
        ),
    };
    r.note("actor", Some(actor.0.clone()), actor.1);

    let lock_timeout = match (
        global.lock_timeout,
        env("GT_LOCK_TIMEOUT"),
        file.and_then(ConfigFile::lock_timeout),
    ) {
        (Some(v), _, _) => (v, "flag".to_string()),
        (None, Some(v), _) => (
            gt_core::clock::parse_duration(&v).map_err(|e| {
                Error::usage(format!("GT_LOCK_TIMEOUT: {}", e.message))
                    .with_hint("give seconds or a duration such as 10s")
            })?,
            "env GT_LOCK_TIMEOUT".to_string(),
        ),
        (None, None, Some(v)) => (v?, "file".to_string()),
        (None, None, None) => (Duration::from_secs(10), "default".to_string()),
    };
    r.note(
        "lock_timeout",
        Some(humantime::format_duration(lock_timeout.0).to_string()),
        lock_timeout.1,
    );

    let dispatch = match (
        env("GT_DISPATCH_CMD"),
        file.and_then(ConfigFile::dispatch_command),
    ) {
        (Some(v), _) => (Some(v), "env GT_DISPATCH_CMD".to_string()),
        (None, Some(v)) => (Some(v.to_string()), "file".to_string()),
        (None, None) => (None, "default".to_string()),
    };
    r.note("dispatch.command", dispatch.0.clone(), dispatch.1);

    let credentials = match (env("GT_DB_USER"), file.and_then(ConfigFile::rqlite_user)) {
        (Some(user), _) => Some((user, env("GT_DB_PASSWORD"), "env GT_DB_USER")),
        (None, Some(user)) => Some((
            user.to_string(),
            file.and_then(ConfigFile::rqlite_password)
                .map(str::to_string),
            "file",
        )),
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
        file.and_then(|f| {
            f.color(|v| {
                parse_color(v)
                    .map_err(|_| format!("invalid colour choice '{v}' (use auto, always or never)"))
            })
        }),
    ) {
        (Some(v), _, _) => (v, "flag".to_string()),
        (None, Some(v), _) => (
            parse_color(&v).map_err(|_| {
                Error::usage(format!("GT_COLOR: invalid colour choice '{v}'"))
                    .with_hint("use auto, always or never")
            })?,
            "env GT_COLOR".to_string(),
        ),
        (None, None, Some(v)) => (v?, "file".to_string()),
        (None, None, None) => (ColorChoice::Auto, "default".to_string()),
    };
    let color_name = color
        .0
        .to_possible_value()
        .map(|v| v.get_name().to_string());
    r.note("color", color_name, color.1);

    let town_name = file.and_then(ConfigFile::town_name).map(str::to_string);
    r.note(
        "town.name",
        town_name.clone(),
        if town_name.is_some() {
            "file"
        } else {
            "default"
        }
        .to_string(),
    );

    let defaults = gt_core::ops::patrol::PatrolOptions::default();
    let stall_after = r.file_duration(
        "patrol.stall_after",
        file.and_then(ConfigFile::stall_after),
        defaults.stall_after,
    )?;
    let dead_after = r.file_duration(
        "patrol.dead_after",
        file.and_then(ConfigFile::dead_after),
        defaults.dead_after,
    )?;
    let host_dead_after = r.file_duration(
        "patrol.host_dead_after",
        file.and_then(ConfigFile::host_dead_after),
        defaults.host_dead_after,
    )?;
    let retries = file.and_then(ConfigFile::max_dispatch_retries);
    let max_dispatch_retries = retries.unwrap_or(defaults.max_dispatch_retries);
    r.note(
        "patrol.max_dispatch_retries",
        Some(max_dispatch_retries.to_string()),
        if retries.is_some() { "file" } else { "default" }.to_string(),
    );

    let run_command = match (env("GT_RUN_CMD"), file.and_then(ConfigFile::run_command)) {
        (Some(v), _) => (Some(v), "env GT_RUN_CMD".to_string()),
        (None, Some(v)) => (Some(v.to_string()), "file".to_string()),
        (None, None) => (None, "default".to_string()),
    };
    r.note("run.command", run_command.0.clone(), run_command.1);
    let slots = r.file_count(
        "run.slots",
        file.and_then(ConfigFile::run_slots),
        RunSettings::SLOTS,
    )?;
    let max_attempts = r.file_count(
        "run.max_attempts",
        file.and_then(ConfigFile::run_max_attempts),
        RunSettings::MAX_ATTEMPTS,
    )?;
    let timeout = file.and_then(ConfigFile::run_timeout).transpose()?;
    r.note(
        "run.timeout",
        timeout.map(|d| humantime::format_duration(d).to_string()),
        if timeout.is_some() { "file" } else { "default" }.to_string(),
    );
    let stop_grace = r.file_duration(
        "run.stop_grace",
        file.and_then(ConfigFile::run_stop_grace),
        RunSettings::STOP_GRACE,
    )?;
    let keep_for = r.file_duration(
        "run.keep_for",
        file.and_then(ConfigFile::run_keep_for),
        RunSettings::KEEP_FOR,
    )?;
    let rigs: Vec<String> = file
        .and_then(ConfigFile::run_rigs)
        .map(<[String]>::to_vec)
        .unwrap_or_default();
    r.note(
        "run.rigs",
        (!rigs.is_empty()).then(|| rigs.join(", ")),
        if rigs.is_empty() { "default" } else { "file" }.to_string(),
    );

    Ok(Settings {
        db: db.0,
        actor: actor.0,
        lock_timeout: lock_timeout.0,
        town_name,
        dispatch_command: dispatch.0,
        credentials,
        color: color.0,
        patrol: PatrolSettings {
            stall_after,
            dead_after,
            max_dispatch_retries,
            host_dead_after,
        },
        run: RunSettings {
            command: run_command.0,
            slots,
            max_attempts,
            timeout,
            stop_grace,
            keep_for,
            rigs,
        },
        report: ConfigReport {
            file: path.map(|p| p.display().to_string()).unwrap_or_default(),
            file_exists: file.is_some(),
            settings: r.report,
        },
    })
}

/// `town.db` in the user's data directory.
pub fn default_db() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "gt").map(|d| d.data_dir().join("town.db"))
}

/// The login name of this process's user as the OS records it (its passwd
/// entry), for when `USER` and `LOGNAME` are unset (containers, CI).
#[cfg(unix)]
fn os_login() -> Option<String> {
    let mut buf = vec![0u8; 1024];
    loop {
        // SAFETY: `pwd`, `buf` and `found` outlive the call, `buf`'s length
        // is passed with it, and the strings read point into `buf`.
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        let rc = unsafe {
            libc::getpwuid_r(
                libc::getuid(),
                &mut pwd,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut found,
            )
        };
        if rc == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        if rc != 0 || found.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        // SAFETY: a found entry's name is a NUL-terminated string in `buf`.
        let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) };
        let name = name.to_string_lossy().trim().to_string();
        return (!name.is_empty()).then_some(name);
    }
}

#[cfg(not(unix))]
fn os_login() -> Option<String> {
    None
}
