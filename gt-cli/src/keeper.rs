//! The keeper of an agent's process group, which `gt run` starts as
//! `gt --gt-keeper SUPERVISOR_PID sh -c COMMAND` (an internal form, not a
//! command of the CLI). It leads the group the agent runs in, and dies with
//! the supervisor taking the whole group with it: the kernel's parent-death
//! signal reaches only the process that asked for it, and a shell that forks
//! its command (dash does) would leave the agent running on, unowned, while
//! another host is given its bead.
//!
//! It runs the command as its child in its own group and ends as the
//! command ends (the same exit code, or the same signal). A SIGTERM or
//! SIGINT sent to the group (a supervisor stopping the run) is the
//! command's to answer: the keeper waits. The supervisor's death (SIGHUP,
//! the parent-death signal the supervisor set) kills the whole group.

use std::ffi::OsString;
#[cfg(unix)]
use std::process::Command;
use std::process::ExitCode;

/// The argument that makes `gt` a keeper.
pub const FLAG: &str = "--gt-keeper";

/// Runs a keeper if `args` (the process's, without its name) ask for one.
pub fn run_if_asked(args: &[OsString]) -> Option<ExitCode> {
    if args.first().and_then(|a| a.to_str()) != Some(FLAG) {
        return None;
    }
    Some(keep(&args[1..]))
}

/// The signal the kernel sends a keeper when its supervisor dies.
#[cfg(unix)]
pub const PARENT_DEATH: i32 = libc::SIGHUP;

#[cfg(unix)]
extern "C" fn on_parent_death(_: libc::c_int) {
    // SAFETY: kill(2) is async-signal-safe; 0 is this process's own group,
    // the agent and everything it started, this keeper included.
    unsafe {
        libc::kill(0, libc::SIGKILL);
    }
}

#[cfg(unix)]
fn keep(args: &[OsString]) -> ExitCode {
    use std::os::unix::process::ExitStatusExt;
    let (Some(parent), Some(program)) = (args.first(), args.get(1)) else {
        eprintln!("gt: {FLAG} takes a supervisor's process ID and a command");
        return ExitCode::from(2);
    };
    let parent: i32 = parent.to_str().and_then(|p| p.parse().ok()).unwrap_or(0);
    // SAFETY: installs a handler that only calls kill(2), and sets SIGTERM
    // and SIGINT aside for the command to answer.
    unsafe {
        let handler: extern "C" fn(libc::c_int) = on_parent_death;
        libc::signal(PARENT_DEATH, handler as *const () as libc::sighandler_t);
        libc::signal(libc::SIGTERM, libc::SIG_IGN);
        libc::signal(libc::SIGINT, libc::SIG_IGN);
    }
    // SAFETY: getppid(2) has no preconditions. A supervisor that died before
    // the handler was in place sent its signal to nobody: look.
    if unsafe { libc::getppid() } != parent {
        on_parent_death(0);
    }
    let mut child = match Command::new(program)
        .args(&args[2..])
        // The command answers SIGTERM and SIGINT as it would by itself.
        .spawn_restoring_signals()
    {
        Ok(child) => child,
        Err(e) => {
            eprintln!("gt: cannot start {}: {e}", program.to_string_lossy());
            return ExitCode::from(127);
        }
    };
    let status = match child.wait() {
        Ok(status) => status,
        Err(e) => {
            eprintln!("gt: cannot wait for the agent: {e}");
            on_parent_death(0);
            return ExitCode::from(1);
        }
    };
    if let Some(signal) = status.signal() {
        // Ended as the command did: by the same signal.
        // SAFETY: restores the default action of a signal, then raises it.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }
    ExitCode::from(status.code().unwrap_or(1).clamp(0, 255) as u8)
}

#[cfg(not(unix))]
fn keep(_args: &[OsString]) -> ExitCode {
    eprintln!("gt: {FLAG} is for Unix systems only");
    ExitCode::from(2)
}

/// Spawning a child with the default actions of the signals a keeper sets
/// aside (an ignored signal stays ignored across exec).
#[cfg(unix)]
trait SpawnRestoring {
    fn spawn_restoring_signals(&mut self) -> std::io::Result<std::process::Child>;
}

#[cfg(unix)]
impl SpawnRestoring for Command {
    fn spawn_restoring_signals(&mut self) -> std::io::Result<std::process::Child> {
        use std::os::unix::process::CommandExt;
        // SAFETY: signal(2) is async-signal-safe; only it runs between fork
        // and exec.
        unsafe {
            self.pre_exec(|| {
                for signal in [libc::SIGTERM, libc::SIGINT, PARENT_DEATH] {
                    libc::signal(signal, libc::SIG_DFL);
                }
                Ok(())
            });
        }
        self.spawn()
    }
}
