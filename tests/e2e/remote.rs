//! The remote backend's own concerns: reaching (or not) a cluster, migrating it
//! safely, and riding out the loss of its leader.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use gt_core::model::{BeadStatus, Convoy, Town as TownInfo};
use gt_core::ops::sling::SlungBatch;
use gt_core::testing::{Cluster, Node, Timing};

use crate::support::{Run, Town};

#[test]
fn an_unreachable_cluster_is_exit_5_within_the_timeout() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let t = Town::at(format!("http://127.0.0.1:{port}"));
    let started = Instant::now();
    let err = t.fails(&["--lock-timeout", "700ms", "convoy", "list"], 5);
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(700) && took < Duration::from_secs(5),
        "{took:?}"
    );
    let message = err["error"]["message"].as_str().unwrap();
    assert!(message.contains(&format!("127.0.0.1:{port}")), "{message}");
    assert!(err["error"]["hint"].as_str().unwrap().contains("rqlited"));
}

#[test]
fn a_server_that_is_not_rqlite_is_refused() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let mut stream = stream.unwrap();
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        }
    });
    let t = Town::at(format!("http://127.0.0.1:{port}"));
    let err = t.fails(&["init"], 5);
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not an rqlite server"),
        "{err}"
    );
}

#[test]
fn bad_urls_are_refused() {
    for url in ["http://", "http://host:1/db/path", "http://a b:1"] {
        let t = Town::at(url.to_string());
        t.fails(&["convoy", "list"], 5);
    }
}

#[test]
fn concurrent_inits_migrate_once() {
    let node = Node::start();
    let t = Town::at(format!("rqlite://{}", node.http));
    let children: Vec<_> = (0..4)
        .map(|_| {
            t.command(&["--json", "init"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut created = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let info: TownInfo = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            (info.backend.as_str(), info.schema_version),
            ("rqlite", gt_core::store::schema::CURRENT)
        );
        created += usize::from(info.created);
    }
    assert_eq!(created, 1, "exactly one init created the town");
    assert_eq!(node.scalar("SELECT count(*) FROM meta"), 1);
}

/// The leader of a 3-node cluster is killed during two streams of closes,
/// with closes in flight at the kill (asserted). Every command either
/// succeeds (and its effect is there) or fails with exit 5 (and its effect is
/// not); counts equal a recount; commands work again afterwards. With the
/// default lock timeout no close fails: the ones in flight wait out the
/// election and succeed...
#[test]
fn losing_the_leader_loses_no_write_and_counts_none_twice() {
    failover("10s", Election::RiddenOut);
}

/// ...and with a timeout shorter than the election, the closes caught in it
/// fail cleanly, saying so, and nothing else does.
#[test]
fn losing_the_leader_with_a_short_timeout_fails_cleanly() {
    failover("100ms", Election::FailsCleanly);
}

/// What the closes caught in the election must do.
#[derive(PartialEq)]
enum Election {
    /// Wait for the new leader and succeed: no close fails.
    RiddenOut,
    /// Give up with exit 5: at least one close fails, and none otherwise.
    FailsCleanly,
}

/// One close of the failover streams: when it ran and how it ended.
struct Close {
    id: String,
    started: Instant,
    ended: Instant,
    run: Run,
}

fn failover(lock_timeout: &'static str, expected: Election) {
    const BEADS: usize = 60;
    let mut cluster = Cluster::start(3);
    let t = Arc::new(Town::at(cluster.url()));
    t.json::<serde_json::Value>(&["rig", "add", "app"]);
    let mut args = vec![
        "sling-batch".to_string(),
        "--rig".into(),
        "app".into(),
        "--title".into(),
        "Failover".into(),
    ];
    args.extend(["--max-polecats".into(), "8".into()]);
    for i in 0..BEADS {
        args.extend(["--task".into(), format!("task {i}")]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let batch: SlungBatch = t.json(&args);
    let ids: Vec<String> = batch.beads.iter().map(|b| b.bead.id.clone()).collect();

    // Two streams of closes, the leader killed once a few have gone through.
    let done = Arc::new(AtomicUsize::new(0));
    let streams: Vec<_> = ids
        .chunks(BEADS / 2)
        .map(|chunk| {
            let (t, done, chunk) = (Arc::clone(&t), Arc::clone(&done), chunk.to_vec());
            std::thread::spawn(move || {
                chunk
                    .into_iter()
                    .map(|id| {
                        let started = Instant::now();
                        let run = t.run(&[
                            "--json",
                            "--lock-timeout",
                            lock_timeout,
                            "bead",
                            "update",
                            &id,
                            "--status",
                            "closed",
                        ]);
                        done.fetch_add(1, Ordering::SeqCst);
                        Close {
                            id,
                            started,
                            ended: Instant::now(),
                            run,
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    while done.load(Ordering::SeqCst) < 6 {
        std::thread::sleep(Duration::from_millis(5));
    }
    let leader = cluster.leader();
    let killed = Instant::now();
    cluster.nodes[leader].kill();
    let results: Vec<Close> = streams
        .into_iter()
        .flat_map(|s| s.join().unwrap())
        .collect();

    // The kill caught closes mid-flight, or this test proved nothing.
    let in_flight: Vec<&Close> = results
        .iter()
        .filter(|c| c.started < killed && c.ended > killed)
        .collect();
    assert!(!in_flight.is_empty(), "no close was in flight at the kill");

    let node = &cluster.nodes[cluster.leader()];
    let mut failed = Vec::new();
    for c in &results {
        let closed = node.scalar(&format!(
            "SELECT count(*) FROM beads WHERE id = '{}' AND status = 'closed'",
            c.id
        ));
        match c.run.code {
            0 => assert_eq!(closed, 1, "{} reported closed but is not", c.id),
            5 => {
                assert_eq!(
                    closed, 0,
                    "{} reported failed but was closed: {}",
                    c.id, c.run.stderr
                );
                // One JSON error of exit 5's kind, with a hint.
                let error = c.run.failed_with(5);
                assert!(error["error"]["hint"].is_string(), "{error}");
                failed.push(c.id.clone());
            }
            other => panic!("{}: exit {other}: {}", c.id, c.run.stderr),
        }
    }
    eprintln!(
        "failover with --lock-timeout {lock_timeout}: {} closes in flight at the kill, \
         {} succeeded, {} failed with exit 5",
        in_flight.len(),
        results.len() - failed.len(),
        failed.len()
    );
    match expected {
        Election::RiddenOut => {
            assert!(failed.is_empty(), "closes failed: {failed:?}");
            // The closes in flight waited for the new leader: the slowest of
            // them outlasted the election, and succeeded.
            let slowest = in_flight.iter().map(|c| c.ended).max().unwrap();
            assert!(
                slowest - killed >= Timing::CLUSTER.0,
                "no close in flight waited out the election ({:?} after the kill)",
                slowest - killed
            );
        }
        Election::FailsCleanly => {
            assert!(!failed.is_empty(), "no close was caught in the election");
        }
    }
    // Counts equal a recount, with nothing counted twice.
    let c: Convoy = t.json(&["convoy", "status", &batch.convoy.id]);
    let recount = node.scalar(&format!(
        "SELECT count(*) FROM beads WHERE convoy_id = '{}' AND status = 'closed'",
        batch.convoy.id
    ));
    assert_eq!(c.closed_beads, recount);
    assert_eq!(c.closed_beads as usize, BEADS - failed.len());
    // With a new leader, the commands that failed now succeed.
    for id in &failed {
        let bead: gt_core::model::Bead = t.json(&["bead", "update", id, "--status", "closed"]);
        assert_eq!(bead.status, BeadStatus::Closed);
    }
    t.assert_landed_once(&batch.convoy.id, BEADS);
}

#[test]
fn leader_redirects_are_followed() {
    let node = Node::start();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let leader = node.http.clone();
    let redirected_to = leader.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(50) {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 65536];
            let _ = stream.read(&mut buf);
            let answer = format!(
                "HTTP/1.1 301 Moved Permanently\r\nX-Rqlite-Version: 8\r\nLocation: http://{redirected_to}/db/execute\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    // Only to a node the location names: a redirect elsewhere is refused,
    // naming where it led.
    let alone = Town::at(format!("http://127.0.0.1:{port}"));
    let refused = alone.fails(&["rig", "add", "app"], 5);
    let message = refused.to_string();
    assert!(
        message.contains(&format!("redirected gt to http://{leader}")),
        "{message}"
    );
    assert!(message.contains("not a node of the cluster"), "{message}");
    let t = Town::at(format!("http://127.0.0.1:{port},{leader}"));
    t.json::<serde_json::Value>(&["rig", "add", "app"]);
    let batch: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "via redirect",
        "--task",
        "a",
    ]);
    assert_eq!(batch.beads.len(), 1);
    assert_eq!(
        node.scalar("SELECT count(*) FROM beads"),
        1,
        "the write reached the leader"
    );
}

/// A cluster with basic authentication on: gt reaches it with the password in
/// the URL, or in the environment, or in the config file, and no output of
/// any command (init, a failure, a JSON error, `config show`, a dispatch
/// command's environment) ever contains the password. The password holds a
/// comma (which otherwise separates nodes), a colon and an `@`.
#[test]
fn a_password_reaches_the_cluster_and_is_never_shown() {
    const PASSWORD: &str = "s3cret,Pa55:w@rd";
    let node = Node::start_with_auth("alice", PASSWORD);
    let addr = node.http.clone();
    let with_password = format!("http://alice:{PASSWORD}@{addr}");
    let t = Town::at(with_password.clone());
    let shown = |run: &crate::support::Run| {
        let all = format!("{}{}", run.stdout, run.stderr);
        for part in [PASSWORD, "Pa55"] {
            assert!(!all.contains(part), "the password was shown: {all}");
        }
        all
    };
    // Init, in both renderings, names the town with the password masked.
    let init = t.run(&["init"]);
    assert!(
        shown(&init).contains(&format!("alice:***@{addr}")),
        "{} {}",
        init.stdout,
        init.stderr
    );
    let info: TownInfo = t.json(&["init"]);
    assert_eq!(info.location, format!("http://alice:***@{addr}"));
    // Work goes through; a dispatch command sees the town without the
    // user and password in GT_DB, and the credentials to reach it apart.
    let log = t.path("dispatch.log");
    let mut cmd = t.command(&["--json", "sling", "--rig", "app", "Task"]);
    cmd.env(
        "GT_DISPATCH_CMD",
        format!("echo \"$GT_DB $GT_DB_USER\" >> {}", log.display()),
    );
    t.run(&["rig", "add", "app"]);
    shown(&crate::support::Run::of(&mut cmd));
    let logged = std::fs::read_to_string(&log).unwrap();
    assert_eq!(logged.trim(), format!("http://{addr} alice"));
    // Failures: a bad ID, and a wrong password, in both renderings.
    shown(&t.run(&["bead", "show", "gt-zzzzz"]));
    let err = t.fails(&["bead", "show", "gt-zzzzz"], 3);
    assert!(!err.to_string().contains(PASSWORD));
    let wrong = Town::at(format!("http://alice:wrong-{PASSWORD}@{addr}"));
    let denied = wrong.run(&["--json", "convoy", "list"]);
    assert_eq!(denied.code, 5, "{}", denied.stderr);
    shown(&denied);
    shown(&wrong.run(&["convoy", "list"]));
    // `config show`, with the password in the URL and in the environment.
    let config = t.run(&["--json", "config", "show"]);
    assert!(shown(&config).contains("alice:***@"), "{}", config.stdout);
    // The same password percent-encoded reaches the cluster, and neither
    // form is shown.
    let encoded = PASSWORD
        .replace(',', "%2C")
        .replace(':', "%3A")
        .replace('@', "%40");
    let t2 = Town::at(format!("http://alice:{encoded}@{addr}"));
    let listed = t2.run(&["--json", "convoy", "list"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert!(!format!("{}{}", listed.stdout, listed.stderr).contains(&encoded));
    shown(&listed);
    // Nor in a location gt cannot open, or `config show` of an unreachable one.
    for db in [
        format!("ftp://alice:{PASSWORD}@{addr}/x"),
        format!("http://alice:{PASSWORD}@127.0.0.1:1"),
    ] {
        let mut cmd = t.command(&["config", "show"]);
        cmd.env("GT_DB", &db);
        let config = crate::support::Run::of(&mut cmd);
        assert!(shown(&config).contains("alice:***@"), "{}", config.stdout);
        let mut cmd = t.command(&["--lock-timeout", "200ms", "convoy", "list"]);
        cmd.env("GT_DB", &db);
        let failed = crate::support::Run::of(&mut cmd);
        assert_eq!(failed.code, 5, "{db}: {}", failed.stderr);
        assert!(shown(&failed).contains("alice:***@"), "{}", failed.stderr);
    }
    // No password in the URL: it comes from the environment or the file.
    let bare = Town::at(format!("http://{addr}"));
    let refused = bare.run(&["--json", "convoy", "list"]);
    assert_eq!(refused.code, 5, "without credentials: {}", refused.stderr);
    let mut from_env = bare.command(&["--json", "convoy", "list"]);
    from_env
        .env("GT_DB_USER", "alice")
        .env("GT_DB_PASSWORD", PASSWORD);
    let listed = crate::support::Run::of(&mut from_env);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    shown(&listed);
    let file = bare.write(
        "config.toml",
        format!("[rqlite]\nuser = \"alice\"\npassword = \"{PASSWORD}\"\n"),
    );
    for args in [
        &["--json", "convoy", "list"][..],
        &["--json", "config", "show"][..],
    ] {
        let mut cmd = bare.command(args);
        cmd.env("GT_CONFIG", &file);
        let run = crate::support::Run::of(&mut cmd);
        assert_eq!(run.code, 0, "{}", run.stderr);
        shown(&run);
    }
}
