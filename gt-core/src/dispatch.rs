//! Running the configured dispatch command after a commit (R7). Its failure is
//! recorded as a `dispatch_failed` event and never undoes the commit.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::store::rqlite::Credentials;
use crate::unit::Dispatch;

/// How long one dispatch command may run before it is stopped and counted failed.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// Runs `command` through `sh -c` for one dispatched bead. Its output goes to
/// gt's standard error, never to standard output (which belongs to `--json`).
/// Returns a description of the failure, if it failed. `GT_DB` never carries a
/// password: a remote town's credentials, where there are any, go in
/// `GT_DB_USER` and `GT_DB_PASSWORD`, which a `gt` run by the command reads.
pub fn run(
    command: &str,
    db: &str,
    credentials: Option<&Credentials>,
    d: &Dispatch,
) -> Result<(), String> {
    let mut cmd = Command::new("sh");
    if let Some(c) = credentials {
        cmd.env("GT_DB_USER", &c.user)
            .env("GT_DB_PASSWORD", &c.password);
    }
    cmd.arg("-c")
        .arg(command)
        .env("GT_DB", db)
        .env("GT_BEAD_ID", &d.bead_id)
        .env("GT_AGENT", &d.agent)
        .env("GT_RIG", &d.rig)
        .env("GT_CONVOY_ID", d.convoy_id.as_deref().unwrap_or(""))
        // Not the run of whoever wrote (a polecat closing a blocker): the
        // command acts for the dispatched agent, whose run this is not.
        .env_remove("GT_RUN_HOST")
        .env_remove("GT_RUN_STARTED_AT")
        .stdout(Stdio::from(std::io::stderr()));
    let (status, stderr) = match within(&mut cmd, TIMEOUT) {
        Ok(done) => done,
        Err(Waited::Spawn(e)) => return Err(format!("cannot start the dispatch command: {e}")),
        Err(Waited::Wait(e)) => return Err(format!("cannot wait for the dispatch command: {e}")),
        Err(Waited::TooLong) => {
            return Err(format!(
                "the dispatch command ran longer than {}s and was stopped",
                TIMEOUT.as_secs()
            ))
        }
    };
    let stderr = String::from_utf8_lossy(&stderr).into_owned();
    if !stderr.is_empty() {
        eprint_passthrough(&stderr);
    }
    if status.success() {
        Ok(())
    } else {
        let tail: String = stderr
            .trim()
            .lines()
            .last()
            .unwrap_or("")
            .chars()
            .take(200)
            .collect();
        Err(match (status.code(), tail.is_empty()) {
            (Some(code), true) => format!("the dispatch command exited with status {code}"),
            (Some(code), false) => {
                format!("the dispatch command exited with status {code}: {tail}")
            }
            (None, _) => "the dispatch command was killed by a signal".to_string(),
        })
    }
}

/// Why [`within`] has no outcome to give.
#[derive(Debug)]
pub enum Waited {
    Spawn(std::io::Error),
    Wait(std::io::Error),
    /// It ran past its limit and was killed.
    TooLong,
}

/// Runs `cmd` (stdin closed, its error output read as it comes, so that a
/// chatty command never blocks on a full pipe) and waits for it, killing it
/// past `limit`: its exit status and its error output.
pub fn within(
    cmd: &mut Command,
    limit: Duration,
) -> Result<(std::process::ExitStatus, Vec<u8>), Waited> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(Waited::Spawn)?;
    let mut pipe = child.stderr.take().expect("stderr is piped");
    let reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = pipe.read_to_end(&mut text);
        text
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Waited::TooLong);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(Waited::Wait(e)),
        }
    };
    Ok((status, reader.join().unwrap_or_default()))
}

/// The command's own error output is the user's to see, as it would be had they
/// run it themselves.
fn eprint_passthrough(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().write_all(text.as_bytes());
}
