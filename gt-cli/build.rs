//! Names the commit gt is built from and the day it is built, for `gt
//! --version`: from `git` in a repository, from `.cargo_vcs_info.json` in a
//! packaged crate (which names the commit it was packaged from), else
//! "unknown". Cheap: two `git` calls, rerun only when HEAD or its branch moves.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let (commit, short, date) = from_packaged(&dir)
        .map(|commit| {
            (
                commit.clone(),
                commit[..commit.len().min(9)].to_string(),
                None,
            )
        })
        .or_else(|| from_git(&dir))
        .unwrap_or_else(|| ("unknown".to_string(), "unknown".to_string(), None));
    let version = env!("CARGO_PKG_VERSION");
    let built = build_date();
    let short_version = match &date {
        Some(date) => format!("{version} ({short} {date})"),
        None => format!("{version} ({short})"),
    };
    let long_version = format!("{short_version}\ncommit: {commit}\nbuilt: {built}");
    // A file, not `rustc-env`: an environment variable cannot hold a line break.
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let code = format!(
        "/// `gt -V`: the version, and the commit and its date.\n\
         pub const VERSION: &str = {short_version:?};\n\
         /// `gt --version`: also the whole commit hash and the day of the build.\n\
         pub const LONG_VERSION: &str = {long_version:?};\n"
    );
    std::fs::write(out.join("version.rs"), code).expect("write version.rs");
}

/// The commit a crate packaged by `cargo package` came from.
fn from_packaged(dir: &Path) -> Option<String> {
    let file = dir.join(".cargo_vcs_info.json");
    let text = std::fs::read_to_string(&file).ok()?;
    println!("cargo:rerun-if-changed={}", file.display());
    // {"git": {"sha1": "…"}, …}: one field, read without a JSON parser.
    let after = &text[text.find("\"sha1\"")? + "\"sha1\"".len()..];
    let start = after.find('"')? + 1;
    let len = after[start..].find('"')?;
    let sha = &after[start..start + len];
    sha.chars()
        .all(|c| c.is_ascii_hexdigit())
        .then(|| sha.to_string())
}

/// The commit checked out in the repository around `dir`: whole, as short as
/// git abbreviates it, and its date. The build reruns when HEAD or the branch
/// it names moves.
fn from_git(dir: &Path) -> Option<(String, String, Option<String>)> {
    let paths = git(
        dir,
        &[
            "rev-parse",
            "--git-path",
            "HEAD",
            "--git-common-dir",
            "--symbolic-full-name",
            "HEAD",
        ],
    )?;
    let mut lines = paths.lines();
    let (head, common, branch) = (lines.next()?, lines.next()?, lines.next());
    let mut watched = vec![dir.join(head)];
    if let Some(branch) = branch.filter(|b| b.starts_with("refs/")) {
        watched.push(dir.join(common).join(branch));
        // A branch whose loose file was packed lives on in packed-refs.
        watched.push(dir.join(common).join("packed-refs"));
    }
    // A path that does not exist would rerun this script on every build.
    for path in watched.iter().filter(|p| p.exists()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let shown = git(dir, &["show", "-s", "--format=%H %h %cs", "HEAD"])?;
    let mut words = shown.split_whitespace().map(str::to_string);
    Some((words.next()?, words.next()?, words.next()))
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Today (UTC), or the day SOURCE_DATE_EPOCH names for a reproducible build.
fn build_date() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    // Howard Hinnant's days-to-civil: the proleptic Gregorian calendar.
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
