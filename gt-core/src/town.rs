//! A town: one opened store, the actor writing to it, and the dispatch command to
//! run after commits. Every operation of `crate::ops` is a method of [`Town`].

use std::path::Path;
use std::time::Duration;

use crate::change::Change;
use crate::clock::Clock;
use crate::effects::Effects;
use crate::error::{Error, Result};
use crate::model;
use crate::store::location;
use crate::store::rqlite::{self, Credentials, Rqlite};
use crate::store::schema::{self, SchemaState};
use crate::store::sqlite::Sqlite;
use crate::store::{Backend, Reader};
use crate::unit::{self, Dispatch, Unit};

/// How to open a town.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// A file path, or an `http://`, `https://` or `rqlite://` URL.
    pub location: String,
    /// How long a writer waits for the store before failing with exit 5 (R11).
    pub lock_timeout: Duration,
    /// Who the events of this process name (R9).
    pub actor: String,
    /// Run after each commit for every dispatched bead (R7).
    pub dispatch_command: Option<String>,
    /// The user of a remote town with authentication on, unless the location
    /// names one (`http://USER:PASSWORD@HOST:PORT`).
    pub credentials: Option<Credentials>,
    /// Where this host keeps the town's local files (`gt run`'s logs and
    /// worktrees), for the calls that read them; none for a process that
    /// keeps none.
    pub local: Option<std::path::PathBuf>,
}

/// Whether `location` names a remote town rather than a file.
pub fn is_remote(location: &str) -> bool {
    let lower = location.to_ascii_lowercase();
    ["http://", "https://", "rqlite://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// An open town.
pub struct Town {
    db: Box<dyn Backend>,
    /// The town for the dispatch command's `GT_DB`: the location without its
    /// user and password, which go apart (`GT_DB_USER`, `GT_DB_PASSWORD`).
    handed_on: String,
    /// For the dispatch command: the location's own, else the options'.
    credentials: Option<Credentials>,
    actor: String,
    dispatch_command: Option<String>,
    schema: SchemaState,
    warnings: Vec<String>,
    effects: Effects,
    clock: Clock,
    /// The agent whose own records alone this town may write (a polecat's
    /// server): checked inside each write unit, so that a reassignment
    /// between a client's look and its write is noticed.
    holder: Option<String>,
    /// The run this process belongs to, when `gt run` started it: its writes
    /// are refused once that run has ended.
    fence: Option<RunFence>,
    /// [`OpenOptions::local`].
    local: Option<std::path::PathBuf>,
}

/// One run of an agent, as `gt run` tells the agent's processes
/// (`GT_AGENT`, `GT_RUN_HOST`, `GT_RUN_STARTED_AT`). A run ends when its
/// process does, or when patrol finds its host lost and gives its bead to
/// another host: a process of an ended run (cut off, then back) may write
/// nothing more, so that only the bead's current run reports on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunFence {
    /// The agent's name.
    pub agent: String,
    pub host: String,
    pub started_at: String,
}

impl RunFence {
    /// The run that the environment names, if it names a whole one.
    pub fn from_env() -> Option<RunFence> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        Some(RunFence {
            agent: var("GT_AGENT")?,
            host: var("GT_RUN_HOST")?,
            started_at: var("GT_RUN_STARTED_AT")?,
        })
    }

    /// Refuses a write of a run that has ended, read in the write's unit.
    fn check(&self, unit: &mut crate::unit::Unit) -> Result<()> {
        let agent = unit.agent_named(&self.agent)?;
        let current = agent
            .as_ref()
            .is_some_and(|a| crate::ops::run::holds(a, &self.host, &self.started_at));
        if current {
            return Ok(());
        }
        Err(Error::conflict(format!(
            "{}'s run on host {} (started {}) has ended: its bead went back to the town \
             (its host was found lost, or the run was stopped), and this process may \
             write nothing more",
            self.agent, self.host, self.started_at
        ))
        .with_hint("stop working on it: the bead's current run is the one that reports"))
    }
}

impl Town {
    /// Opens the town at `options.location`, creating or migrating its schema.
    pub fn open(options: &OpenOptions) -> Result<Town> {
        if options.actor.trim().is_empty() {
            return Err(Error::usage("the actor name is empty").with_hint("give {actor}"));
        }
        crate::limits::check("actor", &options.actor)?;
        #[cfg(feature = "testing")]
        crate::testing::delay("town-open");
        // Anything with a scheme is a URL, never a file name: one gt cannot
        // reach (ftp://…) is refused by the rqlite parser, its password masked.
        let mut db: Box<dyn Backend> =
            if is_remote(&options.location) || options.location.contains("://") {
                Box::new(Rqlite::open(
                    &options.location,
                    options.credentials.as_ref(),
                    options.lock_timeout,
                )?)
            } else {
                Box::new(Sqlite::open(
                    Path::new(&options.location),
                    options.lock_timeout,
                )?)
            };
        let schema = schema::ensure(&mut *db)?;
        // In gt-core's tests every statement must be one the plan test names.
        #[cfg(test)]
        let db: Box<dyn Backend> = Box::new(crate::plans::audit::Audited(db));
        let credentials = rqlite::credentials_in(&options.location)
            .or_else(|| options.credentials.clone())
            .filter(|_| is_remote(&options.location));
        Ok(Town {
            db,
            handed_on: location::without_userinfo(&options.location),
            credentials,
            actor: options.actor.clone(),
            dispatch_command: options
                .dispatch_command
                .clone()
                .filter(|c| !c.trim().is_empty()),
            schema,
            warnings: Vec::new(),
            effects: Effects::default(),
            clock: Clock::system(),
            holder: None,
            fence: None,
            local: options.local.clone(),
        })
    }

    /// Lets this town write only the records of the agent `agent_id` (its
    /// hooked bead), checked in the same unit as each write.
    pub fn serve_only(&mut self, agent_id: &str) {
        self.holder = Some(agent_id.to_string());
    }

    /// Refuses every write once `run` has ended (see [`RunFence`]); `None`
    /// lifts the fence.
    pub fn fence_run(&mut self, run: Option<RunFence>) {
        self.fence = run;
    }

    /// The agent this town serves alone, if it serves one.
    pub(crate) fn holder(&self) -> Option<&str> {
        self.holder.as_deref()
    }

    /// What `gt init` reports.
    pub fn info(&self) -> model::Town {
        model::Town {
            name: None,
            location: self.db.location().to_string(),
            backend: self.db.kind().to_string(),
            schema_version: self.schema.version,
            created: self.schema.created,
            upgraded_from: self.schema.upgraded_from,
        }
    }

    /// Where this host keeps the town's local files, if this process knows.
    pub fn local(&self) -> Option<&Path> {
        self.local.as_deref()
    }

    /// The town as a child process is told of it (`GT_DB`): the location
    /// without a user or password, and those apart.
    pub fn handed_on(&self) -> (&str, Option<&Credentials>) {
        (&self.handed_on, self.credentials.as_ref())
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Where this town's "now" comes from: every time it writes, and the
    /// ages patrol measures. Tests set a manual one to move time.
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// What the writes since the last call caused (SPEC §3 `effects`).
    pub fn take_effects(&mut self) -> Effects {
        std::mem::take(&mut self.effects)
    }

    /// Warnings gathered since the last call (a failed dispatch command, …),
    /// for the caller to show.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Runs `body` as one atomic write unit (R1), then the dispatch command for
    /// every bead it dispatched (R7).
    pub fn write<T>(&mut self, mut body: impl FnMut(&mut Unit) -> Result<T>) -> Result<T> {
        let fence = self.fence.as_ref();
        let fenced = |unit: &mut Unit| {
            if let Some(run) = fence {
                run.check(unit)?;
            }
            body(unit)
        };
        let (value, outcome) = unit::write(&mut *self.db, &self.actor, &self.clock, fenced)?;
        self.effects.extend(outcome.effects);
        self.run_dispatch_command(&outcome.dispatched);
        Ok(value)
    }

    /// Runs `body` as a write unit that is rolled back: what it would do.
    pub(crate) fn preview<T>(&mut self, body: impl FnOnce(&mut Unit) -> Result<T>) -> Result<T> {
        unit::preview(&mut *self.db, &self.actor, &self.clock, body)
    }

    /// Runs `body` over one consistent snapshot of the store.
    pub(crate) fn read<T>(&mut self, body: impl FnOnce(&mut dyn Reader) -> Result<T>) -> Result<T> {
        self.db.begin_read()?;
        let out = body(&mut *self.db as &mut dyn Reader);
        self.db.end_read();
        out
    }

    fn run_dispatch_command(&mut self, dispatched: &[Dispatch]) {
        let Some(command) = self.dispatch_command.clone() else {
            return;
        };
        let location = self.handed_on.clone();
        let mut failures = Vec::new();
        // Retries that went through: their failures are forgotten.
        let mut recovered = Vec::new();
        for d in dispatched {
            match crate::dispatch::run(&command, &location, self.credentials.as_ref(), d) {
                Ok(()) if d.retry => recovered.push(d.bead_id.clone()),
                Ok(()) => {}
                Err(why) => {
                    self.warnings.push(format!(
                        "dispatch of {} to {} failed: {why}",
                        d.bead_id, d.agent
                    ));
                    failures.push((d.clone(), why));
                }
            }
        }
        if failures.is_empty() && recovered.is_empty() {
            return;
        }
        let recorded = self.write(|unit| {
            for bead in &recovered {
                unit.forget_dispatch_failure(bead);
            }
            for (d, why) in &failures {
                unit.record_dispatch_failure(&d.bead_id, &d.agent, why);
                let failed = Change::DispatchFailed {
                    agent: d.agent.clone(),
                    command: command.clone(),
                    error: why.clone(),
                };
                unit.record(&d.bead_id, failed);
            }
            Ok(())
        });
        if let Err(e) = recorded {
            self.warnings.push(format!(
                "could not record the failed dispatch: {}",
                e.message
            ));
        }
    }
}
