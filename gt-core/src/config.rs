//! The config file: TOML, every key optional, unknown keys refused, and each
//! fault a usage error naming the file and the line. Parsing is separate from
//! reading the file and from deciding which source wins (the command line's
//! job), so that the fuzz target `config_file` drives exactly what gt reads.
//!
//! A value is checked when it is used: a bad `lock_timeout` in the file is no
//! fault while a flag or the environment overrides it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Keys {
    db: Option<Spanned<String>>,
    actor: Option<Spanned<String>>,
    lock_timeout: Option<Spanned<toml::Value>>,
    color: Option<Spanned<String>>,
    dispatch: Option<DispatchSection>,
    rqlite: Option<RqliteSection>,
    patrol: Option<PatrolSection>,
    run: Option<RunSection>,
    town: Option<TownSection>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TownSection {
    name: Option<Spanned<String>>,
}

/// `[run]`: the supervisor's (`gt run`, SPEC §10).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RunSection {
    command: Option<Spanned<String>>,
    slots: Option<Spanned<toml::Value>>,
    max_attempts: Option<Spanned<toml::Value>>,
    timeout: Option<Spanned<toml::Value>>,
    stop_grace: Option<Spanned<toml::Value>>,
    keep_for: Option<Spanned<toml::Value>>,
    rigs: Option<Spanned<Vec<String>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatrolSection {
    stall_after: Option<Spanned<toml::Value>>,
    dead_after: Option<Spanned<toml::Value>>,
    max_dispatch_retries: Option<Spanned<u32>>,
    host_dead_after: Option<Spanned<toml::Value>>,
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
    command: Option<Spanned<String>>,
}

/// A config file, parsed.
#[derive(Debug)]
pub struct ConfigFile {
    path: PathBuf,
    text: String,
    keys: Keys,
}

impl ConfigFile {
    /// Reads and parses the file at `path`; none where there is no such file.
    pub fn read(path: &Path) -> Result<Option<ConfigFile>> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(path, text).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::usage(format!(
                "cannot read the config file {}: {e}",
                path.display()
            ))
            .with_hint("fix its permissions, or point GT_CONFIG elsewhere")),
        }
    }

    /// Parses `text` as the config file at `path` (which names it in faults).
    pub fn parse(path: &Path, text: String) -> Result<ConfigFile> {
        let mut file = ConfigFile {
            path: path.to_path_buf(),
            text,
            keys: Keys::default(),
        };
        match toml::from_str::<Keys>(&file.text) {
            Ok(keys) => {
                file.keys = keys;
                Ok(file)
            }
            Err(e) => {
                let offset = e.span().map_or(0, |s| s.start);
                Err(file.fault(offset, e.message().trim()))
            }
        }
    }

    pub fn db(&self) -> Option<&str> {
        self.keys.db.as_ref().map(|v| v.get_ref().as_str())
    }

    pub fn actor(&self) -> Option<&str> {
        self.keys.actor.as_ref().map(|v| v.get_ref().as_str())
    }

    /// `lock_timeout`, as seconds or as text (`10s`).
    pub fn lock_timeout(&self) -> Option<Result<Duration>> {
        self.keys.lock_timeout.as_ref().map(|v| self.duration(v))
    }

    /// `color`, as `parse` reads it (its error says what would do).
    pub fn color<T>(
        &self,
        parse: impl FnOnce(&str) -> std::result::Result<T, String>,
    ) -> Option<Result<T>> {
        let v = self.keys.color.as_ref()?;
        Some(parse(v.get_ref()).map_err(|why| self.fault(v.span().start, why)))
    }

    /// `[dispatch] command`.
    pub fn dispatch_command(&self) -> Option<&str> {
        let command = self.keys.dispatch.as_ref()?.command.as_ref()?;
        Some(command.get_ref().as_str())
    }

    /// `[rqlite] user`.
    pub fn rqlite_user(&self) -> Option<&str> {
        self.keys.rqlite.as_ref()?.user.as_deref()
    }

    /// `[rqlite] password`.
    pub fn rqlite_password(&self) -> Option<&str> {
        self.keys.rqlite.as_ref()?.password.as_deref()
    }

    /// `[patrol] stall_after`.
    pub fn stall_after(&self) -> Option<Result<Duration>> {
        let v = self.keys.patrol.as_ref()?.stall_after.as_ref()?;
        Some(self.duration(v))
    }

    /// `[patrol] dead_after`.
    pub fn dead_after(&self) -> Option<Result<Duration>> {
        let v = self.keys.patrol.as_ref()?.dead_after.as_ref()?;
        Some(self.duration(v))
    }

    /// `[patrol] host_dead_after`: the silence after which a host is lost.
    pub fn host_dead_after(&self) -> Option<Result<Duration>> {
        let v = self.keys.patrol.as_ref()?.host_dead_after.as_ref()?;
        Some(self.named_duration("patrol.host_dead_after", v))
    }

    /// `[patrol] max_dispatch_retries`.
    pub fn max_dispatch_retries(&self) -> Option<u32> {
        let v = self.keys.patrol.as_ref()?.max_dispatch_retries.as_ref()?;
        Some(*v.get_ref())
    }

    /// `[run] command`: the agent's command line.
    pub fn run_command(&self) -> Option<&str> {
        let v = self.keys.run.as_ref()?.command.as_ref()?;
        Some(v.get_ref().as_str())
    }

    /// `[town] name`: what the dashboard calls the town.
    pub fn town_name(&self) -> Option<&str> {
        let v = self.keys.town.as_ref()?.name.as_ref()?;
        Some(v.get_ref().as_str())
    }

    /// `[run] slots`: how many agents one supervisor runs at once.
    pub fn run_slots(&self) -> Option<Result<u32>> {
        let v = self.keys.run.as_ref()?.slots.as_ref()?;
        Some(self.count("run.slots", v))
    }

    /// `[run] max_attempts`: how many runs a bead gets before it fails.
    pub fn run_max_attempts(&self) -> Option<Result<u32>> {
        let v = self.keys.run.as_ref()?.max_attempts.as_ref()?;
        Some(self.count("run.max_attempts", v))
    }

    /// `[run] timeout`: how long one run may take.
    pub fn run_timeout(&self) -> Option<Result<Duration>> {
        let v = self.keys.run.as_ref()?.timeout.as_ref()?;
        Some(self.named_duration("run.timeout", v))
    }

    /// `[run] stop_grace`: how long a stopped agent has between SIGTERM and
    /// SIGKILL.
    pub fn run_stop_grace(&self) -> Option<Result<Duration>> {
        let v = self.keys.run.as_ref()?.stop_grace.as_ref()?;
        Some(self.named_duration("run.stop_grace", v))
    }

    /// `[run] rigs`: the rigs whose beads this host takes (all when unset).
    pub fn run_rigs(&self) -> Option<&[String]> {
        let v = self.keys.run.as_ref()?.rigs.as_ref()?;
        Some(v.get_ref().as_slice())
    }

    /// `[run] keep_for`: how long a finished bead's worktree stays.
    pub fn run_keep_for(&self) -> Option<Result<Duration>> {
        let v = self.keys.run.as_ref()?.keep_for.as_ref()?;
        Some(self.named_duration("run.keep_for", v))
    }

    /// A whole number from 1, for `key`.
    fn count(&self, key: &str, v: &Spanned<toml::Value>) -> Result<u32> {
        match v.get_ref() {
            toml::Value::Integer(n) if *n >= 1 => u32::try_from(*n)
                .map_err(|_| self.fault(v.span().start, format!("{key}: {n} is too large"))),
            other => Err(self.fault(
                v.span().start,
                format!("{key}: expected a whole number from 1, not {other}"),
            )),
        }
    }

    /// A duration, for `key` (its faults name it).
    fn named_duration(&self, key: &str, v: &Spanned<toml::Value>) -> Result<Duration> {
        self.duration_of(Some(key), v)
    }

    /// The line (from 1) that byte `offset` of the text is on.
    fn line_of(&self, offset: usize) -> usize {
        let before = self
            .text
            .as_bytes()
            .get(..offset)
            .unwrap_or(self.text.as_bytes());
        before.iter().filter(|&&b| b == b'\n').count() + 1
    }

    /// A duration given as seconds or as text (`10m`).
    fn duration(&self, v: &Spanned<toml::Value>) -> Result<Duration> {
        self.duration_of(None, v)
    }

    fn duration_of(&self, key: Option<&str>, v: &Spanned<toml::Value>) -> Result<Duration> {
        let text = match v.get_ref() {
            toml::Value::String(s) => s.clone(),
            toml::Value::Integer(n) => n.to_string(),
            toml::Value::Float(f) => f.to_string(),
            other => other.to_string(),
        };
        crate::clock::parse_duration(&text).map_err(|e| {
            let what = match key {
                Some(key) => format!("{key}: {}", e.message),
                None => e.message,
            };
            self.fault(v.span().start, what)
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ConfigFile> {
        ConfigFile::parse(Path::new("gt.toml"), text.to_string())
    }

    #[test]
    fn every_key_reads_back() {
        let file = parse(
            "db = 'http://a:1'\nactor = 'mayor'\nlock_timeout = 3\ncolor = 'never'\n\
             [dispatch]\ncommand = 'run'\n[rqlite]\nuser = 'u'\npassword = 'p'\n\
             [patrol]\nstall_after = '5m'\ndead_after = 900\nmax_dispatch_retries = 2\n",
        )
        .unwrap();
        assert_eq!(file.db(), Some("http://a:1"));
        assert_eq!(file.actor(), Some("mayor"));
        assert_eq!(
            file.lock_timeout().unwrap().unwrap(),
            Duration::from_secs(3)
        );
        assert_eq!(
            file.color(|c| Ok::<_, String>(c.len())).unwrap().unwrap(),
            5
        );
        assert_eq!(file.dispatch_command(), Some("run"));
        assert_eq!(
            (file.rqlite_user(), file.rqlite_password()),
            (Some("u"), Some("p"))
        );
        assert_eq!(
            file.stall_after().unwrap().unwrap(),
            Duration::from_secs(300)
        );
        assert_eq!(
            file.dead_after().unwrap().unwrap(),
            Duration::from_secs(900)
        );
        assert_eq!(file.max_dispatch_retries(), Some(2));
        let empty = parse("").unwrap();
        assert!(empty.db().is_none() && empty.lock_timeout().is_none());
    }

    #[test]
    fn faults_name_the_file_and_line() {
        let e = parse("actor = 'a'\n\nnope = 1\n").unwrap_err();
        assert_eq!(e.code(), "usage");
        assert!(e.message.starts_with("gt.toml: line 3:"), "{}", e.message);
        let file = parse("actor = 'a'\nlock_timeout = 'soon'\n").unwrap();
        let e = file.lock_timeout().unwrap().unwrap_err();
        assert!(e.message.starts_with("gt.toml: line 2:"), "{}", e.message);
        let file = parse("color = 'pink'\n").unwrap();
        let e = file
            .color(|_| Err::<(), _>("no".to_string()))
            .unwrap()
            .unwrap_err();
        assert_eq!(e.message, "gt.toml: line 1: no");
    }

    /// The seeds of the fuzz target `config_file` are config files whose
    /// every value is good, so the corpus means what it says.
    #[test]
    fn the_fuzz_corpus_seeds_are_valid_files() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/corpus/config_file");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).expect("the config_file corpus") {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let file = ConfigFile::parse(&path, text)
                .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            let durations = [file.lock_timeout(), file.stall_after(), file.dead_after()];
            for d in durations.into_iter().flatten() {
                d.unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            }
            seen += 1;
        }
        assert!(seen >= 3, "only {seen} seeds");
    }
}
