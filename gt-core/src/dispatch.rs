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
    let mut child = cmd
        .arg("-c")
        .arg(command)
        .env("GT_DB", db)
        .env("GT_BEAD_ID", &d.bead_id)
        .env("GT_AGENT", &d.agent)
        .env("GT_RIG", &d.rig)
        .env("GT_CONVOY_ID", d.convoy_id.as_deref().unwrap_or(""))
        .stdin(Stdio::null())
        .stdout(Stdio::from(std::io::stderr()))
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the dispatch command: {e}"))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "the dispatch command ran longer than {}s and was stopped",
                    TIMEOUT.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("cannot wait for the dispatch command: {e}")),
        }
    };
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_string(&mut stderr);
    }
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

/// The command's own error output is the user's to see, as it would be had they
/// run it themselves.
fn eprint_passthrough(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().write_all(text.as_bytes());
}
