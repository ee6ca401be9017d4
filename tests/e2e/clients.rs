//! `gt serve` under hostile clients, each finding of the attack reproduced on
//! loopback, bounded in count and time: idle and half-sent connections lock
//! nobody out and are cut, bodies are refused or cut without waiting for
//! them, SIGTERM ends whatever clients do, replaying a long log holds little
//! memory, a big batch reaches a live stream whole, and the caps answer 503.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::http::{get, open_stream, raw, Server};
use crate::support::Town;

/// Opens `n` connections that each send `first` and then nothing more.
fn stalled(addr: &str, n: usize, first: &[u8]) -> Vec<TcpStream> {
    (0..n)
        .map(|_| {
            let mut s = TcpStream::connect(addr).unwrap();
            s.write_all(first).unwrap();
            s
        })
        .collect()
}

/// Lets this test process hold `n` more open files than it does (the soft
/// limit raised toward the hard one, as `gt serve` does for itself).
fn room_for(n: u64) {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write `limit`.
    unsafe {
        assert_eq!(libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit), 0);
        let want = (n + 512).max(limit.rlim_cur).min(limit.rlim_max);
        limit.rlim_cur = want;
        assert_eq!(libc::setrlimit(libc::RLIMIT_NOFILE, &limit), 0);
    }
    assert!(
        limit.rlim_cur >= n + 512,
        "this machine allows {} open files; the test needs {}",
        limit.rlim_max,
        n + 512
    );
}

/// Whether the server closed `s` (reads EOF, or an error), within `wait`.
fn closed(s: &mut TcpStream, wait: Duration) -> bool {
    s.set_read_timeout(Some(wait)).unwrap();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return true,
            // A refusal written before the close (408) is fine.
            Ok(_) => continue,
            Err(e) => {
                return !matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                )
            }
        }
    }
}

/// The server's peak resident memory, in MiB.
fn peak_mib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("VmHWM");
    let kib: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|k| k.parse().ok())
        .unwrap();
    kib / 1024
}

/// 2000 idle, half-sent and stalled-body connections: a normal client still
/// gets `/api/town` at once, a body declared over the limit is refused before
/// it is sent, and after the header and body timeouts every stalled socket is
/// closed by the server.
#[test]
fn stalled_connections_lock_nobody_out_and_are_cut() {
    room_for(2000);
    let t = Town::sqlite();
    let s = Server::start(&t, &[]);
    let head = format!("GET /api/town HTTP/1.1\r\nHost: {}\r\n", s.addr);
    let body = format!(
        "POST /api/beads HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
         Content-Length: 16000000\r\n\r\n{{",
        s.addr
    );
    let mut held = stalled(&s.addr, 700, b"");
    held.extend(stalled(&s.addr, 700, head.as_bytes()));
    held.extend(stalled(&s.addr, 600, body.as_bytes()));

    let asked = Instant::now();
    let town = get(&s, "/api/town");
    assert_eq!(town.status, 200, "{}", town.body);
    let waited = asked.elapsed();
    assert!(
        waited < Duration::from_secs(1),
        "{waited:?} behind 2000 stalled sockets"
    );

    // A gigabyte declared: refused at once, nothing of it sent.
    let mut big = TcpStream::connect(&s.addr).unwrap();
    write!(
        big,
        "POST /api/beads HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
         Content-Length: 1000000000\r\n\r\n",
        s.addr
    )
    .unwrap();
    big.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut answer = [0u8; 512];
    let n = big.read(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer[..n]);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("\"too_large\""), "{answer}");

    // Past the 10 s timeouts, the server has closed every one of them.
    std::thread::sleep(Duration::from_secs(11));
    let mut open = 0;
    for s in &mut held {
        open += usize::from(!closed(s, Duration::from_millis(500)));
    }
    assert_eq!(open, 0, "stalled connections still open after the timeouts");
    assert_eq!(get(&s, "/api/town").status, 200);
    s.terminate();
}

/// SIGTERM ends the server within `--shutdown-timeout` while one client stalls
/// mid-headers, one mid-body, and one holds an event stream it never reads.
#[test]
fn sigterm_ends_within_the_timeout_whatever_clients_do() {
    let t = Town::sqlite().with_rig();
    let s = Server::start(&t, &["--shutdown-timeout", "2s"]);
    let head = format!("GET /api/town HTTP/1.1\r\nHost: {}\r\n", s.addr);
    let body = format!(
        "POST /api/beads HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
         Content-Length: 100\r\n\r\n{{",
        s.addr
    );
    let stream = format!(
        "GET /api/events/stream HTTP/1.1\r\nHost: {}\r\nLast-Event-ID: -1\r\n\r\n",
        s.addr
    );
    let _held = [
        stalled(&s.addr, 1, head.as_bytes()),
        stalled(&s.addr, 1, body.as_bytes()),
        stalled(&s.addr, 1, stream.as_bytes()),
    ];
    // Enough events (bodies of 60 KiB) that the unread stream fills its socket.
    let tasks: Vec<Value> = (0..100)
        .map(|i| serde_json::json!({"title": format!("t{i}"), "body": "x".repeat(60 << 10)}))
        .collect();
    let file = t.write("tasks.json", Value::Array(tasks).to_string());
    for _ in 0..2 {
        let args = [
            "sling-batch",
            "--rig",
            "app",
            "--title",
            "T",
            "--tasks-file",
            &file,
        ];
        t.json::<Value>(&args);
    }
    std::thread::sleep(Duration::from_millis(500));
    let asked = Instant::now();
    s.terminate_within(Duration::from_secs(6));
    let took = asked.elapsed();
    assert!(
        took >= Duration::from_secs(1),
        "it waited for nobody: {took:?}"
    );
}

/// Forty streams resumed from the start of a 100 000-event log keep the
/// server's memory small (a page each, read as the client takes it), and
/// one read to its end gets every event once, in order. (SQLite only: the
/// pages read the same through rqlite, as the big batch shows on both.)
#[test]
fn long_replays_hold_a_page_each() {
    let t = Town::sqlite().with_rig();
    let before = t.count("events");
    t.execute(
        "INSERT INTO events (subject_id, event_type, actor, old_value, new_value, metadata, \
         created_at) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n \
         WHERE i < 100000) SELECT 'gt-seed' || i, 'noted', 'tester', NULL, \
         '\"' || printf('%.200c', 'x') || '\"', NULL, '2026-01-01T00:00:00Z' FROM n",
    );
    let s = Server::start(&t, &[]);
    let request = format!(
        "GET /api/events/stream HTTP/1.1\r\nHost: {}\r\nLast-Event-ID: -1\r\n\r\n",
        s.addr
    );
    // 39 clients that read a little and then stop reading.
    let mut slow = Vec::new();
    for _ in 0..39 {
        let mut c = TcpStream::connect(&s.addr).unwrap();
        c.write_all(request.as_bytes()).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut first = [0u8; 4096];
        assert!(c.read(&mut first).unwrap() > 0);
        slow.push(c);
    }
    // One that reads all of it.
    let mut whole = TcpStream::connect(&s.addr).unwrap();
    whole.write_all(request.as_bytes()).unwrap();
    whole
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut expected = 1;
    for line in BufReader::new(whole).lines() {
        let line = line.unwrap();
        if let Some(id) = line.strip_prefix("id: ") {
            assert_eq!(
                id.parse::<i64>().unwrap(),
                expected,
                "events in order, each once"
            );
            expected += 1;
            if expected > before + 100_000 {
                break;
            }
        }
    }
    let peak = peak_mib(s.pid());
    assert!(peak < 200, "peak RSS {peak} MiB with 40 replaying streams");
    drop(slow);
    s.terminate();
}

/// A 400-task batch (2001 events in one commit) reaches a live stream whole:
/// every event, in order, none twice.
pub fn a_big_batch_reaches_a_live_stream_whole(t: Town) {
    let t = t.with_rig();
    let s = Server::start(&t, &[]);
    let before = t.count("events");
    // Live (its headers read) before the batch.
    let lines = open_stream(&s);
    let mut args = vec!["sling-batch", "--rig", "app", "--title", "Big"];
    let titles: Vec<String> = (0..400).map(|i| format!("task {i}")).collect();
    for title in &titles {
        args.extend(["--task", title]);
    }
    t.json::<Value>(&args);
    let written = t.count("events") - before;
    assert!(written > 2000, "{written} events");
    let mut ids = Vec::new();
    while let Ok(line) = lines.recv_timeout(Duration::from_secs(20)) {
        if let Some(id) = line.strip_prefix("id: ") {
            ids.push(id.parse::<i64>().unwrap());
            if ids.len() as i64 == written {
                break;
            }
        }
    }
    let first = ids[0];
    assert_eq!(first, before + 1, "the stream starts at the batch");
    assert!(
        ids.iter()
            .enumerate()
            .all(|(i, id)| *id == first + i as i64),
        "every event of the batch, in order, none twice"
    );
}

/// Past `--max-streams` and `--max-connections`, the JSON 503 with
/// Retry-After; a long request line is the JSON 414; a repeated `after` is
/// read last-wins by the stream as by `/api/events`.
#[test]
fn the_caps_answer_503_and_refusals_are_json() {
    let t = Town::sqlite().with_rig();
    t.json::<Value>(&["sling-batch", "--rig", "app", "--title", "T", "--task", "a"]);
    let s = Server::start(&t, &["--max-streams", "1", "--max-connections", "3"]);
    let open = |query: &str| {
        let mut c = TcpStream::connect(&s.addr).unwrap();
        write!(
            c,
            "GET /api/events/stream{query} HTTP/1.1\r\nHost: {}\r\n\r\n",
            s.addr
        )
        .unwrap();
        c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        c
    };
    // `after=1&after=3`: the stream resumes after 3, as /api/events reads it.
    let events = crate::http::get(&s, "/api/events?after=1&after=3&limit=500").json();
    let first = events.as_array().unwrap()[0]["id"].as_i64().unwrap();
    assert_eq!(first, 4);
    let mut one = open("?after=1&after=3");
    let mut seen = String::new();
    let mut buf = [0u8; 4096];
    while !seen.contains("\nid: ") {
        let n = one.read(&mut buf).unwrap();
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    let after = seen.split("\nid: ").nth(1).unwrap();
    let id: i64 = after.lines().next().unwrap().trim().parse().unwrap();
    assert_eq!(id, 4, "{seen}");

    let second = raw(&s.addr, "GET", "/api/events/stream", &[], b"");
    assert_eq!(second.status, 503, "{second:?}");
    assert!(second
        .headers
        .to_ascii_lowercase()
        .contains("retry-after: 1"));
    assert_eq!(second.json()["error"]["code"], "unavailable");

    // Connections that send nothing fill the cap of three (the stream holds
    // one); the first one past it is answered 503 at once, whole. (Opened
    // until one is refused: a closed connection's place comes back a moment
    // after its client saw the answer.)
    let mut held = Vec::new();
    let refused = loop {
        assert!(held.len() < 10, "no connection was refused past the cap");
        let mut c = TcpStream::connect(&s.addr).unwrap();
        c.set_read_timeout(Some(Duration::from_millis(500)))
            .unwrap();
        let mut answer = Vec::new();
        match c.read_to_end(&mut answer) {
            Ok(_) if !answer.is_empty() => break String::from_utf8_lossy(&answer).into_owned(),
            _ => held.push(c),
        }
    };
    assert!(refused.starts_with("HTTP/1.1 503"), "{refused}");
    assert!(refused.to_ascii_lowercase().contains("retry-after: 1"));
    let body = refused.split_once("\r\n\r\n").unwrap().1;
    let error: Value = serde_json::from_str(body).unwrap();
    assert_eq!(error["error"]["code"], "unavailable");
    drop(held);
    drop(one);
    std::thread::sleep(Duration::from_millis(300));

    // An actor over 128 characters is refused, not stored.
    let events = t.count("events");
    let actor = "a".repeat(60 << 10);
    let answer = raw(
        &s.addr,
        "POST",
        "/api/escalations",
        &[("Content-Type", "application/json"), ("X-GT-Actor", &actor)],
        br#"{"message": "m"}"#,
    );
    assert_eq!(answer.refused(400), "usage");
    assert!(answer.body.contains("actor"), "{}", answer.body);
    assert_eq!(t.count("events"), events);
    let long = format!("/api/beads?label={}", "a".repeat(9000));
    assert_eq!(get(&s, &long).refused(414), "too_large");
    assert_eq!(get(&s, "/api/events?limit=0").refused(400), "usage");
    assert_eq!(get(&s, "/api/events?limit=501").refused(400), "usage");
    s.terminate();
}

/// `gt mcp` answers each malformed line as JSON-RPC 2.0 says, at once, and
/// goes on: not JSON is -32700 (id null), JSON that is no request -32600,
/// a tool call whose arguments are not an object -32602 (with its id); and
/// what it logs of a client's text has its control characters escaped.
#[test]
fn mcp_answers_malformed_lines_as_json_rpc_says() {
    let t = Town::sqlite().with_rig();
    let lines = [
        "not json",
        "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\"",
        "{\"foo\": \"bar\"}",
        "[]",
        "17",
        "",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\
         \"params\":{\"name\":\"gt_hook\",\"arguments\":[1]}}",
        "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\
         \"params\":{\"name\":\"gt_hook\",\"arguments\":\"x\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":\
         {\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\
         \"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":\
         {\"name\":\"gt_bead_show\",\"arguments\":{\"bead_id\":\"gt-\\u001b[2J\"}}}",
    ];
    let mut input = lines.join("\n");
    input.push('\n');
    let run = t.run_with_input(&["mcp"], input.as_bytes());
    let answers: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let code = |a: &Value| a["error"]["code"].as_i64();
    let expected: &[(Value, Option<i64>)] = &[
        (Value::Null, Some(-32700)),
        (Value::Null, Some(-32700)),
        (Value::Null, Some(-32600)),
        (Value::Null, Some(-32600)),
        (Value::Null, Some(-32600)),
        (serde_json::json!(7), Some(-32602)),
        (serde_json::json!(8), Some(-32602)),
        (serde_json::json!(1), None),
        (serde_json::json!(2), None),
    ];
    assert_eq!(answers.len(), expected.len(), "{}", run.stdout);
    for (answer, (id, error)) in answers.iter().zip(expected) {
        assert_eq!(&answer["id"], id, "{answer}");
        assert_eq!(code(answer), *error, "{answer}");
        assert_eq!(answer["jsonrpc"], "2.0");
    }
    // The refused call (no such bead) is logged with the escape escaped.
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    assert!(run.stderr.contains("\\u{1b}"), "{:?}", run.stderr);
}
