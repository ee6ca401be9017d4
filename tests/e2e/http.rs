//! `gt serve` through real HTTP: every route against the command line's
//! `--json` on the same state, every refusal with nothing written, each
//! security rule, and the event stream fed by a separate `gt` process.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use gt_core::model::{Bead, Convoy};
use gt_core::ops::sling::SlungBatch;
use serde_json::{json, Value};

use crate::Town;

/// A running `gt serve` on a free loopback port.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`
    pub addr: String,
}

impl Server {
    pub fn start(t: &Town, args: &[&str]) -> Server {
        Server::start_with_env(t, args, &[])
    }

    /// `gt serve ARGS` with `env` added to the pinned environment.
    pub fn start_with_env(t: &Town, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut cmd = t.command(&["serve", "--addr", "127.0.0.1:0"]);
        cmd.args(args)
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let mut child = cmd.spawn().unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .trim()
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        assert!(addr.starts_with("127.0.0.1:"), "gt serve printed {line:?}");
        Server { child, addr }
    }
}

impl Server {
    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends SIGTERM; the server must end by itself, successfully.
    pub fn terminate(self) {
        self.terminate_within(Duration::from_secs(10));
    }

    /// Sends SIGTERM; the server must end by itself, successfully, within `wait`.
    pub fn terminate_within(mut self, wait: Duration) {
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let deadline = Instant::now() + wait;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "gt serve ended with {status}");
                return;
            }
            assert!(Instant::now() < deadline, "gt serve ignored SIGTERM");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// The error code of a refusal with `status`.
    pub fn refused(&self, status: u16) -> String {
        assert_eq!(self.status, status, "{}", self.body);
        self.json()["error"]["code"].as_str().unwrap().to_string()
    }
}

/// Sends one request as written, with `Connection: close`, and reads the answer.
pub fn raw(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        head.push_str(&format!("Host: {addr}\r\n"));
    }
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    stream.write_all(head.as_bytes()).unwrap();
    let _ = stream.write_all(body);
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    let (headers, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = headers
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Answer {
        status,
        headers: headers.to_string(),
        body: body.to_string(),
    }
}

pub fn get(s: &Server, path: &str) -> Answer {
    raw(&s.addr, "GET", path, &[], b"")
}

pub fn send(s: &Server, method: &str, path: &str, body: Value) -> Answer {
    let body = body.to_string();
    raw(
        &s.addr,
        method,
        path,
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    )
}

pub fn ok(answer: Answer, status: u16) -> Value {
    assert_eq!(answer.status, status, "{}", answer.body);
    assert!(
        answer
            .headers
            .to_ascii_lowercase()
            .contains("content-type: application/json"),
        "{}",
        answer.headers
    );
    answer.json()
}

/// Each GET equals the command line's `--json` on the same state.
fn same_as_cli(t: &Town, s: &Server, path: &str, cli: &[&str]) {
    let http = ok(get(s, path), 200);
    let cli: Value = t.json(cli);
    assert_eq!(http, cli, "GET {path} and gt {cli:?}");
}

/// Every route of SPEC §8, the seed's Mayor routes, and the drift test.
pub fn http_routes_answer_as_the_cli(t: Town) {
    let t = t.with_rig();
    let s = Server::start(&t, &[]);
    let town = ok(get(&s, "/api/town"), 200);
    assert_eq!(town["schema_version"], 15);
    let rig = ok(send(&s, "POST", "/api/rigs", json!({"name": "web"})), 201);
    assert_eq!(rig["name"], "web");
    assert_eq!(rig["created"], json!(true));
    // Again with the same settings: nothing is made, and the answer says so.
    let again = ok(send(&s, "POST", "/api/rigs", json!({"name": "web"})), 200);
    assert_eq!(
        (&again["id"], &again["created"]),
        (&rig["id"], &json!(false))
    );
    let words = t.run(&["rig", "add", "web"]);
    assert!(
        words.stdout.contains("exists already; nothing changed"),
        "{}",
        words.stdout
    );
    let batch = json!({
        "rig_id": "app", "convoy_title": "Sessions", "idempotency_key": "k-1",
        "tasks": [{"title": "Schema"}, {"title": "API", "depends_on": [0]},
                  {"title": "UI", "depends_on": [0]}, {"title": "Docs", "depends_on": [1, 2]}]
    });
    let made = ok(
        send(
            &s,
            "POST",
            "/api/mayor/town/tools/sling-batch",
            batch.clone(),
        ),
        201,
    );
    let again = ok(send(&s, "POST", "/api/convoys", batch), 200);
    assert_eq!(again["created"], false, "the key replays");
    let b: SlungBatch = serde_json::from_value(made).unwrap();
    let cv = b.convoy.id.clone();
    let ids: Vec<String> = b.beads.iter().map(|x| x.bead.id.clone()).collect();
    same_as_cli(&t, &s, "/api/rigs", &["rig", "list"]);
    same_as_cli(&t, &s, "/api/convoys", &["convoy", "list"]);
    same_as_cli(
        &t,
        &s,
        "/api/convoys?all&rig=app",
        &["convoy", "list", "--all", "--rig", "app"],
    );
    same_as_cli(
        &t,
        &s,
        &format!("/api/convoys/{cv}"),
        &["convoy", "status", &cv],
    );
    same_as_cli(&t, &s, "/api/mayor/town/tools/convoys", &["convoy", "list"]);
    same_as_cli(
        &t,
        &s,
        &format!("/api/mayor/town/tools/convoys/{cv}"),
        &["convoy", "status", &cv],
    );
    same_as_cli(
        &t,
        &s,
        &format!("/api/beads?convoy_id={cv}&status=open"),
        &["bead", "list", "--convoy", &cv, "--status", "open"],
    );
    same_as_cli(
        &t,
        &s,
        &format!("/api/beads/{}", ids[0]),
        &["bead", "show", &ids[0]],
    );
    same_as_cli(
        &t,
        &s,
        "/api/agents?rig_id=app",
        &["agent", "list", "--rig", "app"],
    );
    same_as_cli(&t, &s, "/api/agents/Toast", &["agent", "show", "Toast"]);
    same_as_cli(
        &t,
        &s,
        "/api/agents/Toast/hook",
        &["hook", "--agent", "Toast"],
    );
    same_as_cli(
        &t,
        &s,
        "/api/events?limit=500",
        &["events", "--limit", "500"],
    );
    same_as_cli(
        &t,
        &s,
        &format!("/api/events?subject_id={cv}"),
        &["events", "--subject", &cv],
    );
    same_as_cli(
        &t,
        &s,
        "/api/escalations?all",
        &["escalation", "list", "--all"],
    );

    let mode = ok(
        send(
            &s,
            "PATCH",
            &format!("/api/convoys/{cv}"),
            json!({"merge_mode": "review-and-merge"}),
        ),
        200,
    );
    assert_eq!(mode["merge_mode"], "review-and-merge");
    let closed = ok(
        send(
            &s,
            "PATCH",
            &format!("/api/beads/{}", ids[0]),
            json!({"status": "closed"}),
        ),
        200,
    );
    assert_eq!(closed["status"], "closed");
    let moved = ok(
        send(
            &s,
            "POST",
            &format!("/api/beads/{}/reassign", ids[1]),
            json!({"new": true}),
        ),
        200,
    );
    let polecat = moved["agent"]["name"].as_str().unwrap().to_string();
    let stalled = ok(
        send(
            &s,
            "PATCH",
            &format!("/api/agents/{polecat}/status"),
            json!({"status": "stalled"}),
        ),
        200,
    );
    assert_eq!(stalled["status"], "stalled");
    let unhooked = ok(
        send(
            &s,
            "DELETE",
            &format!("/api/agents/{polecat}/hook"),
            json!({}),
        ),
        200,
    );
    assert_eq!(unhooked["agent"]["hook"], Value::Null);
    let esc = ok(
        send(
            &s,
            "POST",
            "/api/escalations",
            json!({"message": "look", "bead_id": ids[2]}),
        ),
        201,
    );
    let acked = ok(
        send(
            &s,
            "POST",
            &format!("/api/escalations/{}/ack", esc["id"].as_str().unwrap()),
            json!({}),
        ),
        200,
    );
    assert_eq!(acked["status"], "acknowledged");
    let slung = ok(
        send(
            &s,
            "POST",
            "/api/beads",
            json!({"rig_id": "app", "title": "solo", "sling": true}),
        ),
        201,
    );
    assert_eq!(slung["bead"]["status"], "in_progress");
    let loose = ok(
        send(
            &s,
            "POST",
            "/api/beads",
            json!({"rig_id": "app", "title": "loose"}),
        ),
        201,
    );
    assert_eq!(loose["assignee"], Value::Null);
    let removed = ok(
        send(
            &s,
            "DELETE",
            &format!("/api/convoys/{cv}/beads/{}", ids[3]),
            json!({}),
        ),
        200,
    );
    assert_eq!(removed["total_beads"], 3);
    ok(
        send(
            &s,
            "POST",
            &format!("/api/convoys/{cv}/beads"),
            json!({"bead_ids": [ids[3]]}),
        ),
        200,
    );
    let gone = ok(
        raw(
            &s.addr,
            "DELETE",
            &format!("/api/beads/{}?force=true", ids[2]),
            &[("Content-Type", "application/json")],
            b"",
        ),
        200,
    );
    assert_eq!(gone["deleted"], json!(ids[2]));
    let close = ok(
        send(
            &s,
            "POST",
            &format!("/api/convoys/{cv}/close"),
            json!({"reason": "by hand"}),
        ),
        200,
    );
    assert_eq!(close["status"], "closed");
    // The rest of the catalogue's routes.
    let esc_id = esc["id"].as_str().unwrap().to_string();
    let resolved = ok(
        send(
            &s,
            "POST",
            &format!("/api/escalations/{esc_id}/resolve"),
            json!({"note": "fine"}),
        ),
        200,
    );
    assert_eq!(resolved["status"], "resolved");
    let beat = ok(
        send(&s, "POST", "/api/agents/Toast/heartbeat", json!({})),
        200,
    );
    assert_eq!(beat["name"], "Toast");
    let patrol = ok(
        send(&s, "POST", "/api/patrol", json!({"dry_run": true})),
        200,
    );
    assert_eq!(patrol["dry_run"], true);
    let doctor = ok(send(&s, "POST", "/api/doctor", json!({})), 200);
    assert_eq!(doctor, json!([]));
    let agent_gone = ok(
        send(
            &s,
            "DELETE",
            &format!("/api/agents/{polecat}"),
            json!({"force": true}),
        ),
        200,
    );
    assert!(agent_gone["deleted"].as_str().unwrap().starts_with("ag-"));
    let convoy_gone = ok(
        send(&s, "DELETE", &format!("/api/convoys/{cv}"), json!({})),
        200,
    );
    assert_eq!(convoy_gone["deleted"], json!(cv));
    assert_eq!(
        get(&s, &format!("/api/convoys/{cv}")).refused(404),
        "not_found"
    );
    let events: Vec<gt_core::model::Event> =
        t.json(&["events", "--subject", &ids[0], "--limit", "0"]);
    assert!(events
        .iter()
        .any(|e| e.actor == "tester" && e.event_type == "status_changed"));
    // The actor header names who made a change.
    let named = raw(
        &s.addr,
        "PATCH",
        &format!("/api/beads/{}", loose["id"].as_str().unwrap()),
        &[
            ("Content-Type", "application/json"),
            ("X-GT-Actor", "alice"),
        ],
        br#"{"title": "renamed"}"#,
    );
    assert_eq!(named.status, 200, "{}", named.body);
    let log: Vec<gt_core::model::Event> = t.json(&["events", "--actor", "alice"]);
    assert_eq!(log.len(), 1);
}

/// Refusals: the JSON error with its status, and nothing written.
pub fn http_refusals_write_nothing(t: Town) {
    let t = t.with_rig();
    let b: SlungBatch = t.json(&["sling-batch", "--rig", "app", "--title", "T", "--task", "a"]);
    let bead = b.beads[0].bead.id.clone();
    let s = Server::start(&t, &[]);
    let events = t.count("events");
    assert_eq!(get(&s, "/api/beads/gt-zzzzzz").refused(404), "not_found");
    assert_eq!(get(&s, "/api/nowhere").refused(404), "not_found");
    assert_eq!(get(&s, "/api/beads?status=done").refused(400), "usage");
    assert_eq!(
        send(&s, "DELETE", &format!("/api/beads/{bead}"), json!({})).refused(409),
        "conflict"
    );
    let cyclic = send(
        &s,
        "POST",
        "/api/convoys",
        json!({"rig_id": "app", "convoy_title": "Loop",
        "tasks": [{"title": "a", "depends_on": [1]}, {"title": "b", "depends_on": [0]}]}),
    );
    assert_eq!(cyclic.refused(400), "usage");
    assert_eq!(
        send(
            &s,
            "PATCH",
            &format!("/api/beads/{bead}"),
            json!({"colour": "red"})
        )
        .refused(400),
        "usage"
    );
    let not_json = raw(
        &s.addr,
        "POST",
        "/api/rigs",
        &[("Content-Type", "application/json")],
        b"{name",
    );
    assert_eq!(not_json.refused(400), "usage");
    let form = raw(
        &s.addr,
        "POST",
        "/api/rigs",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"name=x",
    );
    assert_eq!(form.refused(415), "unsupported_media_type");
    // Media types compare without case (RFC 9110): this one is JSON, so its
    // body is read (and refused as a bad body, not as a bad media type).
    let shouting = raw(
        &s.addr,
        "POST",
        "/api/rigs",
        &[("Content-Type", "Application/JSON; charset=utf-8")],
        b"{name",
    );
    assert_eq!(shouting.refused(400), "usage");
    // A method a route does not take: 405 with the JSON error and `Allow`.
    let put = raw(&s.addr, "PUT", "/api/rigs", &[], b"");
    assert_eq!(put.refused(405), "method_not_allowed");
    assert!(
        put.headers.to_ascii_lowercase().contains("allow: "),
        "{}",
        put.headers
    );
    // An empty Last-Event-ID resumes nothing: the stream opens.
    let mut stream = TcpStream::connect(&s.addr).unwrap();
    write!(
        stream,
        "GET /api/events/stream HTTP/1.1\r\nHost: {}\r\nLast-Event-ID:\r\n\r\n",
        s.addr
    )
    .unwrap();
    let mut status = String::new();
    BufReader::new(&stream).read_line(&mut status).unwrap();
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    drop(stream);
    let cross = raw(
        &s.addr,
        "POST",
        "/api/rigs",
        &[
            ("Content-Type", "application/json"),
            ("Origin", "http://evil.example"),
        ],
        br#"{"name": "x"}"#,
    );
    assert_eq!(cross.refused(403), "forbidden");
    let rebound = raw(
        &s.addr,
        "GET",
        "/api/town",
        &[("Host", "evil.example:7878")],
        b"",
    );
    assert_eq!(rebound.refused(403), "forbidden");
    let big = vec![b' '; (16 << 20) + 1];
    let oversize = raw(
        &s.addr,
        "POST",
        "/api/rigs",
        &[("Content-Type", "application/json")],
        &big,
    );
    assert_eq!(oversize.refused(413), "too_large");
    assert!(!cyclic.body.contains("<html"), "never an HTML error page");
    assert_eq!(t.count("events"), events, "refusals write nothing");
    assert_eq!(t.count("rigs"), 1);
    drop(s);

    let s = Server::start(&t, &["--read-only"]);
    assert_eq!(
        send(&s, "POST", "/api/rigs", json!({"name": "x"})).refused(403),
        "forbidden"
    );
    ok(get(&s, "/api/rigs"), 200);
    drop(s);

    let token = "0123456789abcdef0123456789abcdef";
    let s = Server::start(&t, &["--token", token]);
    assert_eq!(get(&s, "/api/town").refused(401), "unauthorized");
    let wrong = raw(
        &s.addr,
        "GET",
        "/api/town",
        &[("Authorization", "Bearer 0123456789abcdef0123456789abcdeX")],
        b"",
    );
    assert_eq!(wrong.refused(401), "unauthorized");
    let bearer = format!("Bearer {token}");
    let right = raw(
        &s.addr,
        "GET",
        "/api/town",
        &[("Authorization", &bearer)],
        b"",
    );
    assert_eq!(right.status, 200, "{}", right.body);
    // The scheme's name compares without case (RFC 9110); the token does not.
    for scheme in ["bearer", "BEARER"] {
        let given = format!("{scheme} {token}");
        let answer = raw(
            &s.addr,
            "GET",
            "/api/town",
            &[("Authorization", &given)],
            b"",
        );
        assert_eq!(answer.status, 200, "{scheme}: {}", answer.body);
    }
    let upper = format!("Bearer {}", token.to_uppercase());
    let answer = raw(
        &s.addr,
        "GET",
        "/api/town",
        &[("Authorization", &upper)],
        b"",
    );
    assert_eq!(answer.refused(401), "unauthorized");
    drop(s);

    // Off loopback a token is required, before anything listens.
    let e = t.fails(&["serve", "--addr", "0.0.0.0:0"], 2);
    assert!(
        e["error"]["hint"].as_str().unwrap().contains("--token"),
        "{e}"
    );
    let e = t.fails(&["serve", "--addr", "0.0.0.0:0", "--token", "short"], 2);
    assert!(
        e["error"]["message"].as_str().unwrap().contains("16"),
        "{e}"
    );
    assert_eq!(t.count("events"), events);
}

/// Opens `/api/events/stream` and waits for its headers; returns its lines
/// from then on.
/// Opens the event stream; its lines after the headers, as they come.
pub fn open_stream(s: &Server) -> std::sync::mpsc::Receiver<String> {
    let mut stream = TcpStream::connect(&s.addr).unwrap();
    write!(
        stream,
        "GET /api/events/stream HTTP/1.1\r\nHost: {}\r\n\r\n",
        s.addr
    )
    .unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let line = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("the stream's headers");
        if line.is_empty() {
            return rx;
        }
        assert!(Instant::now() < deadline);
    }
}

/// A stream opened as soon as the server answers carries every event
/// committed after it, however late the server's poller first reads the town
/// (here a second late, as on a loaded machine: before the fix, the poller
/// took the log's end after the close for its start, and the close never
/// came).
pub fn http_stream_opened_at_once_misses_nothing(t: Town) {
    let t = t.with_rig();
    let b: SlungBatch = t.json(&["sling-batch", "--rig", "app", "--title", "T", "--task", "a"]);
    let s = Server::start_with_env(&t, &[], &[("GT_DELAY", "town-open=1000")]);
    let rx = open_stream(&s);
    let closed: Bead = t.json(&["bead", "update", &b.beads[0].bead.id, "--status", "closed"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the close's event on the stream");
        if line.starts_with("data: ")
            && line.contains(&closed.id)
            && line.contains("\"status_changed\"")
        {
            break;
        }
    }
}

/// The stream: a landing written by a separate `gt` process arrives within a
/// second; resuming with Last-Event-ID replays exactly what was missed.
pub fn http_stream_carries_every_writer(t: Town) {
    let t = t.with_rig();
    let b: SlungBatch = t.json(&[
        "sling-batch",
        "--rig",
        "app",
        "--title",
        "T",
        "--task",
        "a",
        "--task",
        "b",
    ]);
    let s = Server::start(&t, &[]);
    let rx = open_stream(&s);
    let first: Bead = t.json(&["bead", "update", &b.beads[0].bead.id, "--status", "closed"]);
    t.json::<Bead>(&["bead", "update", &b.beads[1].bead.id, "--status", "closed"]);
    let committed = Instant::now();
    let mut ids = Vec::new();
    let mut landed = false;
    while !landed {
        let line = rx
            .recv_timeout(Duration::from_millis(1500))
            .expect("events within a second of their commit");
        if let Some(id) = line.strip_prefix("id: ") {
            ids.push(id.parse::<i64>().unwrap());
        }
        if line.starts_with("data: ") && line.contains("\"convoy_landed\"") {
            landed = true;
        }
    }
    assert!(
        committed.elapsed() < Duration::from_secs(1),
        "{:?}",
        committed.elapsed()
    );
    let all: Vec<gt_core::model::Event> = t.json(&["events", "--limit", "0"]);
    let since_first: Vec<i64> = all
        .iter()
        .filter(|e| e.subject_id == first.id && e.event_type == "status_changed")
        .map(|e| e.id)
        .collect();
    let from = since_first[0];
    let expected: Vec<i64> = all.iter().map(|e| e.id).filter(|&id| id >= from).collect();
    let mut seen = ids.clone();
    seen.dedup();
    assert_eq!(seen, ids, "no event twice");
    assert_eq!(
        &ids[..expected.len().min(ids.len())],
        &expected[..expected.len().min(ids.len())]
    );
    let convoy: Convoy = t.json(&["convoy", "status", &b.convoy.id]);
    assert_eq!(convoy.status, gt_core::model::ConvoyStatus::Landed);

    // Resume: exactly the events after the one named, none twice.
    let resume_after = ids[1];
    let mut again = TcpStream::connect(&s.addr).unwrap();
    again
        .set_read_timeout(Some(Duration::from_millis(1500)))
        .unwrap();
    write!(
        again,
        "GET /api/events/stream HTTP/1.1\r\nHost: {}\r\nLast-Event-ID: {resume_after}\r\n\r\n",
        s.addr
    )
    .unwrap();
    let mut text = String::new();
    let mut buf = [0u8; 65536];
    while let Ok(n) = again.read(&mut buf) {
        if n == 0 {
            break;
        }
        text.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    let replayed: Vec<i64> = text
        .lines()
        .filter_map(|l| l.strip_prefix("id: "))
        .map(|id| id.parse().unwrap())
        .collect();
    let missed: Vec<i64> = all
        .iter()
        .map(|e| e.id)
        .filter(|&id| id > resume_after)
        .collect();
    assert_eq!(replayed, missed);

    // SIGTERM ends the server although a stream is open, and closes it.
    s.terminate();
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match rx.recv_timeout(Duration::from_secs(5)) {
            Ok(_) => assert!(Instant::now() < deadline, "the stream stayed open"),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            Err(e) => panic!("the stream stayed open: {e}"),
        }
    }
}

/// `GET /api` lists every route with what it does in the API's words, and a
/// refusal asked for in a person's words (`X-GT-Words: plain`, the page's
/// way) says what to do with no route, tool or flag in it.
pub fn http_index_and_plain_words(t: Town) {
    let t = t.with_rig();
    let b: SlungBatch = t.json(&["sling-batch", "--rig", "app", "--title", "T", "--task", "a"]);
    let bead = b.beads[0].bead.id.clone();
    // The town's name, for the page's header, from the config file.
    std::fs::create_dir_all(t.path(".config/gt")).unwrap();
    std::fs::write(
        t.path(".config/gt/config.toml"),
        "[town]\nname = \"Payments\"\n",
    )
    .unwrap();
    let init: Value = t.json(&["init"]);
    assert_eq!(init["name"], "Payments", "{init}");
    let s = Server::start(&t, &[]);
    assert_eq!(ok(get(&s, "/api/town"), 200)["name"], "Payments");
    let index = ok(get(&s, "/api"), 200);
    let routes = index["routes"].as_array().unwrap();
    let reassign = routes
        .iter()
        .find(|r| r["route"] == "POST /api/beads/{bead_id}/reassign")
        .unwrap();
    assert_eq!(
        reassign["summary"],
        "Move a bead to another agent (or to a new polecat of its rig)"
    );
    assert!(
        reassign["details"]
            .as_str()
            .unwrap()
            .contains("(a `conflict` error (409))"),
        "{reassign}"
    );
    let text = index.to_string();
    assert!(!text.contains("--") && !text.contains("gt_"), "{text}");
    // An unknown route points at the index.
    let lost = get(&s, "/api/nowhere").json();
    assert_eq!(lost["error"]["hint"], "GET /api lists every route");

    // Deleting a hooked bead: the API's words, then a person's.
    let path = format!("/api/beads/{bead}");
    let api = send(&s, "DELETE", &path, json!({})).json();
    let api_hint = api["error"]["hint"].as_str().unwrap().to_string();
    assert!(api_hint.contains("DELETE /api/beads/"), "{api_hint}");
    let body = json!({}).to_string();
    let page = raw(
        &s.addr,
        "DELETE",
        &path,
        &[
            ("Content-Type", "application/json"),
            ("X-GT-Words", "plain"),
        ],
        body.as_bytes(),
    );
    assert_eq!(page.refused(409), "conflict");
    let page = page.json();
    assert_eq!(page["error"]["message"], api["error"]["message"]);
    let hint = page["error"]["hint"].as_str().unwrap();
    for machine in ["/api", "gt_", "--", "{", "`"] {
        assert!(!hint.contains(machine), "{hint}");
    }
    assert!(hint.contains("delete a bead"), "{hint}");
    assert_eq!(
        t.json::<Value>(&["bead", "show", &bead])["status"],
        "in_progress"
    );
}
