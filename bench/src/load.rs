//! `gt-bench --load`: many keep-alive HTTP clients against one `gt serve`, a
//! mix of reads and writes for a fixed time (issue 31). Unlike the rest of
//! gt-bench there is no floor: the figures are the server's own (requests per
//! second, latency percentiles, errors by status, CPU and peak memory).
//!
//! The client is a minimal HTTP/1.1 one over `TcpStream`: each request is sent
//! with `Connection: keep-alive` and its response read by `Content-Length`
//! (which `gt serve` always sends). A connection the server closes, or an
//! answer without a length, is counted as an error of its own and reopened.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::{cpu_seconds, machine, ms, run_ok, scratch, tasks_file, Opts, Store, CAP};

/// Convoys of 1000 beads seeded into the load's town (each capped at 4
/// polecats, so the town has 40 of them at work).
const SEED_CONVOYS: usize = 10;

/// The requests of the mix: the first six are reads, the rest writes.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    Town,
    Convoys,
    Beads,
    Agents,
    Events,
    Convoy,
    CreateBead,
    UpdateBead,
    RaiseEscalation,
}

const READS: [Kind; 6] = [
    Kind::Town,
    Kind::Convoys,
    Kind::Beads,
    Kind::Agents,
    Kind::Events,
    Kind::Convoy,
];
const WRITES: [Kind; 3] = [Kind::CreateBead, Kind::UpdateBead, Kind::RaiseEscalation];

impl Kind {
    fn is_write(self) -> bool {
        WRITES.contains(&self)
    }

    fn label(self) -> &'static str {
        match self {
            Kind::Town => "GET /api/town",
            Kind::Convoys => "GET /api/convoys",
            Kind::Beads => "GET /api/beads?limit=50",
            Kind::Agents => "GET /api/agents",
            Kind::Events => "GET /api/events?limit=50",
            Kind::Convoy => "GET /api/convoys/{id}",
            Kind::CreateBead => "POST /api/beads",
            Kind::UpdateBead => "PATCH /api/beads/{id}",
            Kind::RaiseEscalation => "POST /api/escalations",
        }
    }
}

/// A small deterministic generator (xorshift64*), one per client.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }
}

/// What the clients pick their targets from.
struct Targets {
    convoys: Vec<String>,
    beads: Vec<String>,
}

/// One keep-alive connection to the server.
struct Client {
    addr: String,
    conn: Option<BufReader<TcpStream>>,
}

impl Client {
    /// Sends one request and reads its response: the status, or why there is none.
    fn send(&mut self, method: &str, path: &str, body: Option<&Value>) -> Result<u16, String> {
        let result = self.exchange(method, path, body);
        if result.is_err() {
            self.conn = None; // reopened by the next request
        }
        result
    }

    fn exchange(&mut self, method: &str, path: &str, body: Option<&Value>) -> Result<u16, String> {
        if self.conn.is_none() {
            let stream = TcpStream::connect(&self.addr).map_err(|_| "connect")?;
            stream.set_nodelay(true).map_err(|_| "connect")?;
            stream
                .set_read_timeout(Some(Duration::from_secs(60)))
                .map_err(|_| "connect")?;
            self.conn = Some(BufReader::new(stream));
        }
        let conn = self.conn.as_mut().unwrap();
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: keep-alive\r\nAccept: application/json\r\n",
            self.addr
        );
        if method != "GET" {
            request.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        request.push_str("\r\n");
        request.push_str(&body);
        conn.get_mut()
            .write_all(request.as_bytes())
            .map_err(|_| "write")?;
        let mut line = String::new();
        if conn.read_line(&mut line).map_err(|_| "read")? == 0 {
            return Err("closed".into());
        }
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or("bad status line")?;
        let mut length = None;
        let mut close = false;
        loop {
            line.clear();
            if conn.read_line(&mut line).map_err(|_| "read")? == 0 {
                return Err("closed".into());
            }
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                let value = value.trim();
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.parse::<u64>().ok();
                } else if name.eq_ignore_ascii_case("connection") {
                    close = value.eq_ignore_ascii_case("close");
                }
            }
        }
        let length = length.ok_or("no Content-Length")?;
        let read =
            std::io::copy(&mut conn.take(length), &mut std::io::sink()).map_err(|_| "read")?;
        if read != length {
            return Err("closed".into());
        }
        if close {
            self.conn = None;
        }
        Ok(status)
    }
}

/// What one client saw.
#[derive(Default)]
struct Tally {
    latencies: BTreeMap<Kind, Vec<Duration>>,
    /// By HTTP status (`"409"`) or, with no response, by what went wrong.
    errors: BTreeMap<String, u64>,
}

/// One client: requests until `deadline`, `write_pct` of them writes.
fn client(addr: &str, i: usize, write_pct: usize, targets: &Targets, deadline: Instant) -> Tally {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ ((i as u64 + 1) << 32 | i as u64));
    let mut http = Client {
        addr: addr.to_string(),
        conn: None,
    };
    let mut tally = Tally::default();
    let priorities = ["low", "medium", "high", "critical"];
    let mut n = 0usize;
    while Instant::now() < deadline {
        n += 1;
        let kind = if rng.below(100) < write_pct {
            WRITES[rng.below(WRITES.len())]
        } else {
            READS[rng.below(READS.len())]
        };
        let (method, path, body) = match kind {
            Kind::Town => ("GET", "/api/town".to_string(), None),
            Kind::Convoys => ("GET", "/api/convoys".to_string(), None),
            Kind::Beads => ("GET", "/api/beads?limit=50".to_string(), None),
            Kind::Agents => ("GET", "/api/agents".to_string(), None),
            Kind::Events => ("GET", "/api/events?limit=50".to_string(), None),
            Kind::Convoy => {
                let id = &targets.convoys[rng.below(targets.convoys.len())];
                ("GET", format!("/api/convoys/{id}"), None)
            }
            Kind::CreateBead => (
                "POST",
                "/api/beads".to_string(),
                Some(json!({"rig_id": "app", "title": format!("load {i}.{n}")})),
            ),
            Kind::UpdateBead => {
                let id = &targets.beads[rng.below(targets.beads.len())];
                let body = if rng.below(2) == 0 {
                    json!({"priority": priorities[rng.below(priorities.len())]})
                } else {
                    json!({"title": format!("Task retitled by load {i}.{n}")})
                };
                ("PATCH", format!("/api/beads/{id}"), Some(body))
            }
            Kind::RaiseEscalation => (
                "POST",
                "/api/escalations".to_string(),
                Some(json!({"message": format!("load {i}.{n}"), "severity": "low"})),
            ),
        };
        let started = Instant::now();
        let outcome = http.send(method, &path, body.as_ref());
        let took = started.elapsed();
        match outcome {
            Ok(status) if (200..300).contains(&status) => {
                tally.latencies.entry(kind).or_default().push(took);
            }
            Ok(status) => *tally.errors.entry(status.to_string()).or_default() += 1,
            Err(why) => {
                *tally.errors.entry(why).or_default() += 1;
                // A server that refuses connections outright: do not spin.
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }
    tally
}

/// The nearest-rank percentile `p` (0–100) of sorted durations, in ms.
fn pct(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    ms(sorted[rank.clamp(1, sorted.len()) - 1])
}

fn summary(mut v: Vec<Duration>, seconds: f64) -> Value {
    v.sort();
    json!({
        "requests": v.len(),
        "per_second": round(v.len() as f64 / seconds, 1),
        "p50_ms": round(pct(&v, 50.0), 2),
        "p90_ms": round(pct(&v, 90.0), 2),
        "p99_ms": round(pct(&v, 99.0), 2),
        "max_ms": round(pct(&v, 100.0), 2),
    })
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

/// Peak resident memory of a process (`VmHWM`), in bytes.
fn peak_rss(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Stops the server with SIGTERM (graceful shutdown), killing it after 10 s.
fn stop(server: &mut Child) -> String {
    let pid = server.id().to_string();
    let _ = Command::new("kill").args(["-TERM", &pid]).status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = server.try_wait() {
            return status.to_string();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = server.kill();
    let _ = server.wait();
    "killed after 10 s".into()
}

/// A fresh town of `SEED_CONVOYS` capped convoys of 1000 beads, made by the CLI.
fn seed(o: &Opts) -> (Store, Targets) {
    let town = scratch(o, "load");
    run_ok(town.gt(o, &["-q", "init"]));
    let file = tasks_file(&o.dir, 1000);
    for c in 0..SEED_CONVOYS {
        run_ok(town.gt(
            o,
            &[
                "-q",
                "sling-batch",
                "--rig",
                "app",
                "--title",
                &format!("Load convoy {c}"),
                "--max-polecats",
                CAP,
                "--tasks-file",
                file.to_str().unwrap(),
            ],
        ));
    }
    let (_, out) = run_ok(town.gt(o, &["--json", "convoy", "list"]));
    let convoys: Vec<Value> = serde_json::from_str(&out).unwrap();
    let convoys = convoys
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    let (_, out) = run_ok(town.gt(
        o,
        &["--json", "bead", "list", "--rig", "app", "--limit", "2000"],
    ));
    let beads: Vec<Value> = serde_json::from_str(&out).unwrap();
    let beads = beads
        .iter()
        .map(|b| b["id"].as_str().unwrap().to_string())
        .collect();
    (town, Targets { convoys, beads })
}

/// Runs the load and prints its figures: a table on stderr, JSON on stdout.
pub fn run(o: &Opts) {
    let (town, targets) = seed(o);
    let mut server = town
        .gt(o, &["serve", "--addr", "127.0.0.1:0"])
        .stderr(Stdio::null())
        .spawn()
        .expect("start gt serve");
    let pid = server.id();
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .expect("gt serve prints its address");
    let addr = line
        .trim()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    eprintln!(
        "gt-bench: {} clients for {} s against gt serve (pid {pid}) at {addr}, {}% writes",
        o.clients, o.seconds, o.write_pct
    );
    let cpu_before = cpu_seconds(pid);
    let started = Instant::now();
    let deadline = started + Duration::from_secs(o.seconds);
    let tallies: Vec<Tally> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..o.clients)
            .map(|i| {
                let (addr, targets) = (&addr, &targets);
                scope.spawn(move || client(addr, i, o.write_pct, targets, deadline))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let cpu_after = cpu_seconds(pid);
    let rss = peak_rss(pid);
    let exit = stop(&mut server);

    let mut by_kind: BTreeMap<Kind, Vec<Duration>> = BTreeMap::new();
    let mut errors: BTreeMap<String, u64> = BTreeMap::new();
    for t in tallies {
        for (kind, v) in t.latencies {
            by_kind.entry(kind).or_default().extend(v);
        }
        for (why, n) in t.errors {
            *errors.entry(why).or_default() += n;
        }
    }
    let class = |write: bool| -> Vec<Duration> {
        by_kind
            .iter()
            .filter(|(k, _)| k.is_write() == write)
            .flat_map(|(_, v)| v.iter().copied())
            .collect()
    };
    let (reads, writes) = (class(false), class(true));
    let all: Vec<Duration> = reads.iter().chain(&writes).copied().collect();
    let error_total: u64 = errors.values().sum();
    let cpu = match (cpu_before, cpu_after) {
        (Some(b), Some(a)) => Some(round(100.0 * (a - b) / elapsed, 1)),
        _ => None,
    };
    let routes: serde_json::Map<String, Value> = by_kind
        .iter()
        .map(|(k, v)| (k.label().to_string(), summary(v.clone(), elapsed)))
        .collect();
    let figures = json!({
        "machine": machine(),
        "clients": o.clients,
        "seconds": round(elapsed, 2),
        "write_percent": o.write_pct,
        "seeded_beads": SEED_CONVOYS * 1000,
        "requests": all.len() as u64 + error_total,
        "requests_per_second": round((all.len() as u64 + error_total) as f64 / elapsed, 1),
        "all": summary(all, elapsed),
        "reads": summary(reads, elapsed),
        "writes": summary(writes, elapsed),
        "routes": routes,
        "errors": errors,
        "error_total": error_total,
        "server_cpu_percent_of_a_core": cpu,
        "server_peak_rss_bytes": rss,
        "server_exit": exit,
    });
    print_table(&figures);
    println!("{}", serde_json::to_string_pretty(&figures).unwrap());
}

/// The figures as a readable table, on stderr (stdout carries the JSON).
fn print_table(f: &Value) {
    let row = |what: &str, s: &Value| {
        let f = |key: &str| s[key].as_f64().unwrap_or(0.0);
        eprintln!(
            "| {what} | {} | {:.1} | {:.2} ms | {:.2} ms | {:.2} ms |",
            s["requests"],
            f("per_second"),
            f("p50_ms"),
            f("p99_ms"),
            f("max_ms")
        );
    };
    eprintln!(
        "\n{} clients, {:.1} s, {}% writes ({})\n",
        f["clients"], f["seconds"], f["write_percent"], f["machine"]
    );
    eprintln!("| requests | count | per second | p50 | p99 | max |");
    eprintln!("|---|---:|---:|---:|---:|---:|");
    row("all", &f["all"]);
    row("reads", &f["reads"]);
    row("writes", &f["writes"]);
    for (route, s) in f["routes"].as_object().unwrap() {
        row(route, s);
    }
    let errors = f["errors"].as_object().unwrap();
    let errors = if errors.is_empty() {
        "none".to_string()
    } else {
        errors
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    eprintln!(
        "\n- errors: {} ({errors})\n- server CPU: {}% of a core\n- server peak RSS: {:.0} MB\n- server exit on SIGTERM: {}\n",
        f["error_total"],
        f["server_cpu_percent_of_a_core"],
        f["server_peak_rss_bytes"].as_f64().unwrap_or(0.0) / 1e6,
        f["server_exit"].as_str().unwrap_or("")
    );
}
