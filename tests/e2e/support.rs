//! The harness: a fresh town per test, and the real `gt` binary run against it
//! with a cleared, pinned environment.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use gt_core::model::{Convoy, ConvoyStatus, Event};
use serde::de::DeserializeOwned;
use serde_json::Value;

pub const GT: &str = env!("CARGO_BIN_EXE_gt");

/// A town for one test: a temporary home, the `--db` the commands use, and the
/// rqlite node behind it when it is remote.
pub struct Town {
    pub home: tempfile::TempDir,
    pub db: String,
    pub node: Option<gt_core::testing::Node>,
}

/// The outcome of one `gt` run.
pub struct Run {
    /// The arguments it ran with, for messages.
    pub args: String,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(cmd: &Command, out: Output) -> Self {
        Run {
            args: format!("{:?}", cmd.get_args().collect::<Vec<_>>()),
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs a command made with [`Town::command`] and changed further (its
    /// environment, say).
    pub fn of(cmd: &mut Command) -> Self {
        let out = cmd.output().unwrap();
        Run::from(cmd, out)
    }

    /// Asserts the run (with `--json`) failed with `code`, that stdout is empty,
    /// and that stderr is one JSON error of that code's kind; returns it.
    pub fn failed_with(&self, code: i32) -> Value {
        let args = &self.args;
        assert_eq!(
            self.code, code,
            "gt {args}: expected exit {code}, got {}: {}",
            self.code, self.stderr
        );
        assert!(
            self.stdout.is_empty(),
            "gt {args} printed on failure: {}",
            self.stdout
        );
        assert!(
            !self.stderr.contains("panicked"),
            "gt {args} panicked: {}",
            self.stderr
        );
        let error = self.error();
        let expected = match code {
            1 => "internal",
            2 => "usage",
            3 => "not_found",
            4 => "conflict",
            5 => "unavailable",
            _ => unreachable!(),
        };
        assert_eq!(error["error"]["code"], expected, "{error}");
        assert!(error["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
        error
    }

    /// Asserts the run succeeded and parses its stdout as `T`.
    pub fn json<T: DeserializeOwned>(&self) -> T {
        assert_eq!(self.code, 0, "gt {} failed: {}", self.args, self.stderr);
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("gt {} printed bad JSON ({e}): {}", self.args, self.stdout))
    }

    /// The JSON error document on stderr.
    pub fn error(&self) -> Value {
        serde_json::from_str(self.stderr.trim())
            .unwrap_or_else(|e| panic!("stderr is not one JSON error ({e}): {}", self.stderr))
    }
}

impl Town {
    /// A town in a local SQLite file.
    pub fn sqlite() -> Self {
        let home = tempfile::tempdir().unwrap();
        let db = home.path().join("town.db").display().to_string();
        Town {
            home,
            db,
            node: None,
        }
    }

    /// A town on a fresh single-node rqlite cluster.
    pub fn rqlite() -> Self {
        let home = tempfile::tempdir().unwrap();
        let node = gt_core::testing::Node::start();
        Town {
            home,
            db: node.url(),
            node: Some(node),
        }
    }

    /// A town at `db`, on nodes (or a file) someone else runs.
    pub fn at(db: String) -> Self {
        Town {
            home: tempfile::tempdir().unwrap(),
            db,
            node: None,
        }
    }

    /// Whether any command has created the town yet.
    pub fn exists(&self) -> bool {
        match &self.node {
            Some(node) => node.scalar("SELECT count(*) FROM sqlite_master") > 0,
            None => Path::new(&self.db).exists(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    /// `program` with the pinned environment: a temporary home, this town, a
    /// fixed actor, no colour, 100 columns, `$GT` naming the binary under test
    /// and its directory first on `PATH`.
    pub fn program(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let bin_dir = Path::new(GT)
            .parent()
            .expect("the binary sits in a directory");
        let mut path = std::ffi::OsString::from(bin_dir);
        path.push(":");
        path.push(std::env::var_os("PATH").unwrap_or_default());
        let mut cmd = Command::new(program);
        cmd.env_clear()
            .env("HOME", self.home.path())
            .env("PATH", path)
            .env("GT", GT)
            .env("GT_DB", &self.db)
            .env("GT_ACTOR", "tester")
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .stdin(Stdio::null());
        cmd
    }

    /// A `gt` command with the pinned environment, not yet run.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = self.program(GT);
        cmd.args(args);
        cmd
    }

    /// Runs `gt ARGS`.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::of(&mut self.command(args))
    }

    /// Runs `gt ARGS` with `input` on standard input.
    pub fn run_with_input(&self, args: &[&str], input: &[u8]) -> Run {
        use std::io::Write;
        let mut cmd = self.command(args);
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        Run::from(&cmd, child.wait_with_output().unwrap())
    }

    /// Runs `gt --json ARGS`, asserts success, and parses stdout as `T`.
    pub fn json<T: DeserializeOwned>(&self, args: &[&str]) -> T {
        let mut full = vec!["--json"];
        full.extend_from_slice(args);
        self.run(&full).json()
    }

    /// Runs `gt --json ARGS`, asserts it fails with `code`, that stdout is empty,
    /// and that stderr is one JSON error; returns it.
    pub fn fails(&self, args: &[&str], code: i32) -> Value {
        let mut full = vec!["--json"];
        full.extend_from_slice(args);
        self.run(&full).failed_with(code)
    }

    /// Writes a file in the town's home and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
        let path = self.path(name);
        std::fs::write(&path, contents).unwrap();
        path.display().to_string()
    }

    /// The town with one rig, `app`.
    pub fn with_rig(self) -> Self {
        self.json::<Value>(&["rig", "add", "app"]);
        self
    }

    /// Slings seed 000's diamond (`examples/diamond.json`) onto rig `app`:
    /// A; B and C after A; D after both.
    pub fn sling_diamond(&self) -> gt_core::ops::sling::SlungBatch {
        let file = workspace_root().join("examples/diamond.json");
        self.json(&[
            "sling-batch",
            "--rig",
            "app",
            "--title",
            "Sessions",
            "--tasks-file",
            &file.display().to_string(),
        ])
    }

    /// `convoy` has landed with all of its `beads` closed, one landing and one
    /// close recorded per bead: nothing lost, nothing counted twice.
    pub fn assert_landed_once(&self, convoy: &str, beads: usize) {
        let c: Convoy = self.json(&["convoy", "status", convoy]);
        assert_eq!(
            (c.closed_beads, c.total_beads, c.status),
            (beads as i64, beads as i64, ConvoyStatus::Landed)
        );
        let events: Vec<Event> = self.json(&["events", "--subject", convoy, "--limit", "0"]);
        let landings = events
            .iter()
            .filter(|e| e.event_type == "convoy_landed")
            .count();
        assert_eq!(landings, 1);
        let closes: Vec<Event> = self.json(&["events", "--convoy", convoy, "--limit", "0"]);
        let closed_events = closes
            .iter()
            .filter(|e| e.event_type == "status_changed" && e.new_value == "closed")
            .count();
        assert_eq!(closed_events, beads, "every close recorded exactly once");
    }

    /// Runs `sql` straight at the store, below gt (to corrupt a town on purpose).
    pub fn execute(&self, sql: &str) {
        match &self.node {
            Some(node) => node.execute(sql),
            None => {
                let conn = rusqlite::Connection::open(Path::new(&self.db)).unwrap();
                conn.execute_batch(sql).unwrap();
            }
        }
    }

    /// How many rows `table` holds, read straight from the store.
    pub fn count(&self, table: &str) -> i64 {
        let sql = format!("SELECT count(*) FROM {table}");
        match &self.node {
            Some(node) => node.scalar(&sql),
            None => {
                let conn = rusqlite::Connection::open(Path::new(&self.db)).unwrap();
                conn.query_row(&sql, [], |r| r.get(0)).unwrap()
            }
        }
    }
}
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("gt-cli sits in the workspace")
        .to_path_buf()
}

/// The tests' Python with the MCP SDK and Selenium (gt-core's testing
/// module finds or makes it, for gt-bench too).
pub use gt_core::testing::python;
