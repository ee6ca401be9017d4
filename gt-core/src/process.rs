//! What the system says of a process, where it says it (`/proc` on Linux).

/// The process group of process `pid`: field 5 of `/proc/PID/stat`, after
/// the command name in parentheses (which may itself hold spaces and
/// parentheses). None where there is no such process, or no `/proc`.
pub fn group_of(pid: i64) -> Option<i64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    parse_group(&stat)
}

fn parse_group(stat: &str) -> Option<i64> {
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(2)?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_group_follows_the_last_parenthesis() {
        assert_eq!(parse_group("42 (sh) S 1 40 7 0"), Some(40));
        assert_eq!(parse_group("42 (a) b (c) S 1 41 7 0"), Some(41));
        assert_eq!(parse_group("42 (sh) S 1"), None);
        assert_eq!(parse_group("garbage"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_has_a_group() {
        // SAFETY: getpgrp(2) has no preconditions.
        let ours = i64::from(unsafe { libc::getpgrp() });
        assert_eq!(group_of(i64::from(std::process::id())), Some(ours));
    }
}
