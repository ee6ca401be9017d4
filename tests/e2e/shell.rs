//! At home in the shell: completions, man pages, the config file, quiet output,
//! and tables that fit the terminal.

use std::path::Path;
use std::process::Command;

use gt_core::ops::sling::SlungBatch;
use serde_json::Value;

use crate::support::{Run, Town};

fn repo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
        .display()
        .to_string()
}

/// Asks bash to complete `words` (the last one being completed) with the
/// completion function that `setup` defines.
fn bash_complete(t: &Town, setup: &str, function: &str, words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let script = format!(
        "{setup}\nCOMP_WORDS=({words}); COMP_CWORD={cword}; COMP_TYPE=9; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}\n\
         {function} gt '{cur}' '{prev}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words = quoted.join(" "),
        cword = words.len() - 1,
        line = words.join(" "),
        cur = words[words.len() - 1],
        prev = words[words.len() - 2],
    );
    let out = t.program("bash").arg("-c").arg(script).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_committed_bash_script_completes_subcommands() {
    let t = Town::sqlite();
    let setup = format!("source '{}'", repo("completions/gt.bash"));
    assert_eq!(
        bash_complete(&t, &setup, "_gt", &["gt", "conv"]),
        ["convoy"]
    );
    let con = bash_complete(&t, &setup, "_gt", &["gt", "con"]);
    assert!(con.contains(&"convoy".to_string()), "{con:?}");
    let status = bash_complete(&t, &setup, "_gt", &["gt", "convoy", "st"]);
    assert_eq!(status, ["status"]);
}

#[test]
fn gt_completes_live_ids_itself() {
    let t = Town::sqlite().with_rig();
    let batch: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "Live",
        "--task",
        "a",
        "--task",
        "b",
    ]);
    let setup = "source <(COMPLETE=bash gt)";
    let convoys = bash_complete(
        &t,
        setup,
        "_clap_complete_gt",
        &["gt", "convoy", "status", ""],
    );
    assert!(convoys.contains(&batch.convoy.id), "{convoys:?}");
    let beads = bash_complete(
        &t,
        setup,
        "_clap_complete_gt",
        &["gt", "bead", "show", "gt-"],
    );
    for b in &batch.beads {
        assert!(beads.contains(&b.bead.id), "{beads:?}");
    }
    let agents = bash_complete(
        &t,
        setup,
        "_clap_complete_gt",
        &["gt", "agent", "reset", "T"],
    );
    assert_eq!(agents, ["Toast"]);
    let rigs = bash_complete(
        &t,
        setup,
        "_clap_complete_gt",
        &["gt", "sling", "--rig", ""],
    );
    assert_eq!(rigs, ["app"]);
}

#[test]
fn the_man_page_renders() {
    let out = Command::new("man")
        .args(["-l", &repo("man/gt.1")])
        .env("MANWIDTH", "80")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("NAME") && text.contains("SYNOPSIS") && text.contains("--lock-timeout"),
        "{text}"
    );
    let sub = Command::new("man")
        .args(["-l", &repo("man/gt-convoy-status.1")])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&sub.stdout).contains("convoy"));
}

#[test]
fn config_show_names_each_source_and_the_order_holds() {
    let t = Town::sqlite();
    let file = t.write("config.toml", "actor = \"from-file\"\nlock_timeout = \"3s\"\ncolor = \"never\"\n[dispatch]\ncommand = \"true\"\n");
    let report: Value = Run::of(
        t.command(&["--json", "--lock-timeout", "5s", "config", "show"])
            .env("GT_CONFIG", &file)
            .env_remove("GT_ACTOR"),
    )
    .json();
    let s = &report["settings"];
    assert_eq!(report["file"], Value::String(file.clone()));
    assert_eq!(
        (s["actor"]["value"].as_str(), s["actor"]["source"].as_str()),
        (Some("from-file"), Some("file"))
    );
    assert_eq!(
        (
            s["lock_timeout"]["value"].as_str(),
            s["lock_timeout"]["source"].as_str()
        ),
        (Some("5s"), Some("flag"))
    );
    assert_eq!(s["db"]["source"], "env GT_DB");
    assert_eq!(s["dispatch.command"]["source"], "file");
    assert_eq!(s["color"]["value"], "never");
    // The file's actor is the one the audit log names.
    Run::of(
        t.command(&["--json", "rig", "add", "app"])
            .env("GT_CONFIG", &file)
            .env_remove("GT_ACTOR"),
    )
    .json::<Value>();
    let events: Vec<gt_core::model::Event> = t.json(&["events"]);
    assert_eq!(events[0].actor, "from-file");
    // Without the file, the defaults show as such.
    let bare: Value = Run::of(
        t.command(&["--json", "config", "show"])
            .env("GT_CONFIG", t.path("none.toml")),
    )
    .json();
    assert_eq!(bare["file_exists"], false);
    assert_eq!(bare["settings"]["lock_timeout"]["source"], "default");
}

#[test]
fn a_bad_config_file_is_exit_2_with_its_path_and_line() {
    let t = Town::sqlite();
    for (contents, line) in [
        ("db = \"x\"\nactor = 12\n", "line 2"),
        ("db = \"x\"\n\nunknown_key = 1\n", "line 3"),
        ("lock_timeout = \"forever\"\n", "line 1"),
        ("color = \"pink\"\n", "line 1"),
        ("this is not toml\n", "line 1"),
    ] {
        let file = t.write("bad.toml", contents);
        let err = Run::of(
            t.command(&["--json", "convoy", "list"])
                .env("GT_CONFIG", &file),
        )
        .failed_with(2);
        let message = err["error"]["message"].as_str().unwrap();
        assert!(
            message.contains(&file) && message.contains(line),
            "{contents}: {message}"
        );
    }
}

#[test]
fn quiet_prints_only_the_ids_of_what_was_created() {
    let t = Town::sqlite();
    let one = |args: &[&str], prefix: &str| -> String {
        let mut full = vec!["-q"];
        full.extend_from_slice(args);
        let run = t.run(&full);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let id = run.stdout.trim().to_string();
        assert!(
            id.starts_with(prefix) && !id.contains(char::is_whitespace),
            "{args:?}: {:?}",
            run.stdout
        );
        id
    };
    one(&["rig", "add", "app"], "rg-");
    one(
        &["sling-batch", "--rig", "app", "--title", "t", "--task", "a"],
        "cv-",
    );
    let slung = one(&["sling", "--rig", "app", "x"], "gt-");
    one(&["bead", "create", "--rig", "app", "y"], "gt-");
    one(&["escalation", "raise", "help"], "es-");
    one(&["bead", "reassign", &slung, "--new"], "gt-");
}

#[test]
fn tables_fit_80_columns() {
    let t = Town::sqlite().with_rig();
    let mut args = vec![
        "sling-batch".to_string(),
        "--rig".into(),
        "app".into(),
        "--title".into(),
    ];
    args.push(
        "A convoy with a rather long title that has to be cut to fit the narrow terminal".into(),
    );
    args.extend(["--max-polecats".into(), "10".into()]);
    for i in 0..50 {
        args.extend([
            "--task".into(),
            format!("Task number {i} with a descriptive title that goes on for a while"),
        ]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let batch: SlungBatch = t.json(&args);
    let narrow = |args: &[&str]| {
        let out = t.command(args).env("COLUMNS", "80").output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    for (args, must_show) in [
        (
            vec!["convoy", "status", batch.convoy.id.as_str()],
            batch
                .beads
                .iter()
                .map(|b| b.bead.id.clone())
                .collect::<Vec<_>>(),
        ),
        (vec!["convoy", "list"], vec![batch.convoy.id.clone()]),
        (
            vec!["agent", "list"],
            vec!["Toast".to_string(), "Maple".to_string()],
        ),
        (vec!["events", "--limit", "30"], vec![]),
    ] {
        let text = narrow(&args);
        for line in text.lines() {
            assert!(
                line.chars().count() <= 80,
                "{args:?}: a line is {} wide:\n{line}",
                line.chars().count()
            );
        }
        for id in must_show {
            assert!(
                text.contains(&id),
                "{args:?}: {id} is not shown whole:\n{text}"
            );
        }
    }
}

/// `gt -V` names the commit it was built from as git abbreviates it, and
/// `gt --version` the whole hash and the day of the build.
#[test]
fn the_version_names_the_commit_it_was_built_from() {
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .current_dir(crate::support::workspace_root())
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())?;
        Some(String::from_utf8(out.stdout).unwrap().trim().to_string())
    };
    let t = Town::sqlite();
    let short = t.run(&["-V"]);
    let long = t.run(&["--version"]);
    assert_eq!((short.code, long.code), (0, 0));
    let (Some(abbrev), Some(whole)) = (
        git(&["rev-parse", "--short", "HEAD"]),
        git(&["rev-parse", "HEAD"]),
    ) else {
        // Built outside a repository (a crate's tarball): it says so.
        assert!(short.stdout.contains("(unknown"), "{}", short.stdout);
        return;
    };
    assert!(
        short
            .stdout
            .starts_with(&format!("gt {} ({abbrev} ", env!("CARGO_PKG_VERSION"))),
        "{}",
        short.stdout
    );
    assert_eq!(short.stdout.lines().count(), 1, "{}", short.stdout);
    assert!(
        long.stdout.contains(&format!("commit: {whole}\n")),
        "{}",
        long.stdout
    );
    assert!(long.stdout.contains("built: 20"), "{}", long.stdout);
}
