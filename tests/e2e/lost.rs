//! Lost answers on rqlite: a loopback proxy between gt and the node forwards
//! a write, lets the node apply it, and drops the reply. gt must find the
//! write applied by its token (not repeat it), and where it cannot ask, fail
//! within its bounded wait saying the outcome is unknown.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::Town;

/// What the proxy does to the requests it forwards.
#[derive(Default)]
struct Faults {
    /// Writes (`/db/execute`) whose reply is dropped after the node applied them.
    drop_write_replies: AtomicUsize,
    /// Once set, every read goes unanswered too (the node is never asked).
    silence_reads: AtomicBool,
    /// Set `silence_reads` when a reply is dropped.
    then_silence: AtomicBool,
    /// Writes the node applied whose reply was dropped.
    dropped: AtomicUsize,
}

/// A loopback HTTP proxy to `upstream` (host:port), one request per
/// connection; returns its address.
fn proxy(upstream: String, faults: Arc<Faults>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for client in listener.incoming().map_while(Result::ok) {
            let (upstream, faults) = (upstream.clone(), faults.clone());
            std::thread::spawn(move || {
                let _ = serve(client, &upstream, &faults);
            });
        }
    });
    addr
}

fn serve(client: TcpStream, upstream: &str, faults: &Faults) -> std::io::Result<()> {
    client.set_read_timeout(Some(Duration::from_secs(60)))?;
    let mut reader = BufReader::new(client.try_clone()?);
    let mut head = String::new();
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let lower = line.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
        // One request per connection, each on a connection of its own upstream.
        if !lower.starts_with("connection:") {
            head.push_str(&line);
        }
        if line == "\r\n" {
            break;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    let write = head.starts_with("POST /db/execute");
    if !write && faults.silence_reads.load(Ordering::SeqCst) {
        // Held open, unanswered, until gt gives up.
        std::thread::sleep(Duration::from_secs(120));
        return Ok(());
    }
    let head = head.replacen("\r\n", "\r\nConnection: close\r\n", 1);
    let mut up = TcpStream::connect(upstream)?;
    up.write_all(head.as_bytes())?;
    up.write_all(&body)?;
    let mut reply = Vec::new();
    up.read_to_end(&mut reply)?;
    let dropping = write
        && faults
            .drop_write_replies
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
    if dropping {
        // Applied by the node; the answer never comes back.
        if faults.then_silence.load(Ordering::SeqCst) {
            faults.silence_reads.store(true, Ordering::SeqCst);
        }
        faults.dropped.fetch_add(1, Ordering::SeqCst);
        return Ok(());
    }
    let mut client = client;
    client.write_all(&reply)
}

/// A town on a real node, and gt's view of it through the proxy.
fn proxied() -> (Town, Arc<Faults>, String) {
    let t = Town::rqlite().with_rig();
    let upstream = t.db.trim_start_matches("http://").to_string();
    let faults = Arc::new(Faults::default());
    let url = format!("http://{}", proxy(upstream, faults.clone()));
    (t, faults, url)
}

#[test]
fn a_write_whose_answer_is_lost_is_found_applied_not_repeated() {
    let (t, faults, url) = proxied();
    let (beads, events) = (t.count("beads"), t.count("events"));
    faults.drop_write_replies.store(1, Ordering::SeqCst);
    let run = crate::support::Run::of(
        t.command(&["--json", "sling", "--rig", "app", "exactly once"])
            .env("GT_DB", &url),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        faults.dropped.load(Ordering::SeqCst),
        1,
        "no answer was dropped"
    );
    let slung: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(slung["bead"]["title"], "exactly once");
    // Applied once: one bead, one polecat, and its events once each.
    assert_eq!(t.count("beads"), beads + 1);
    let id = slung["bead"]["id"].as_str().unwrap();
    let mine: Vec<Value> = t.json(&["events", "--subject", id, "--limit", "0"]);
    let created = mine.iter().filter(|e| e["event_type"] == "created").count();
    assert_eq!(created, 1, "{mine:?}");
    assert!(t.count("events") > events);
    let doctor = t.run(&["--json", "doctor"]);
    assert_eq!(doctor.code, 0, "{}", doctor.stdout);
}

#[test]
fn a_lost_answer_that_cannot_be_checked_fails_within_the_bounded_wait() {
    let (t, faults, url) = proxied();
    faults.drop_write_replies.store(1, Ordering::SeqCst);
    // The write is applied and its answer lost; then nothing more is answered,
    // so gt cannot learn the outcome.
    faults.then_silence.store(true, Ordering::SeqCst);
    let started = Instant::now();
    let run = crate::support::Run::of(
        t.command(&[
            "--json",
            "--lock-timeout",
            "1s",
            "bead",
            "create",
            "--rig",
            "app",
            "x",
        ])
        .env("GT_DB", &url),
    );
    let took = started.elapsed();
    faults.silence_reads.store(false, Ordering::SeqCst);
    let e = run.failed_with(5);
    let message = e["error"]["message"].as_str().unwrap();
    assert!(message.contains("outcome is unknown"), "{message}");
    assert!(e["error"]["hint"].as_str().unwrap().contains("gt events"));
    // It waited past the lock timeout to learn the outcome, but not forever.
    assert!(
        took >= Duration::from_secs(1) && took < Duration::from_secs(45),
        "{took:?}"
    );
    // And the write was in fact applied, once: what the hint says to check.
    let made: Vec<Value> = t.json(&["bead", "list", "--rig", "app"]);
    assert_eq!(made.iter().filter(|b| b["title"] == "x").count(), 1);
}
