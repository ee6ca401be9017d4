//! Each statement of the catalogue, planned and run on a town shaped like a
//! real one: many convoys with most beads waiting unassigned, closed and landed
//! convoys, 400 dead agents and some idle ones, and tens of thousands of events
//! by one actor.

use rusqlite::{types::Value as Sql, Connection, StatementStatus};

use super::*;
use crate::ops::agent::UpdateAgent;
use crate::ops::bead::UpdateBead;
use crate::ops::convoy::CloseConvoy;
use crate::ops::escalation::RaiseEscalation;
use crate::ops::mail::SendMail;
use crate::ops::rig::AddRig;
use crate::ops::sling::{Sling, SlingBatch};
use crate::query::EventFilter;
use crate::tasks::{TaskInput, TaskRef};
use crate::{OpenOptions, Town};

/// The town every statement runs on, and the IDs to run them with.
fn seeded(path: &std::path::Path) -> Fixture {
    let mut town = Town::open(&OpenOptions {
        location: path.display().to_string(),
        lock_timeout: std::time::Duration::from_secs(10),
        actor: "mayor".into(),
        dispatch_command: None,
        credentials: None,
        local: None,
    })
    .unwrap();
    for name in ["alpha", "beta"] {
        town.add_rig(&AddRig {
            name: name.into(),
            ..Default::default()
        })
        .unwrap();
    }
    let mut convoys = Vec::new();
    for c in 0..48 {
        let tasks = (0..120)
            .map(|i| TaskInput {
                labels: if i % 40 == 7 {
                    vec!["urgent".into()]
                } else {
                    vec![]
                },
                depends_on: if i % 10 == 9 {
                    vec![TaskRef::Index(i - 1)]
                } else {
                    vec![]
                },
                ..TaskInput::titled(format!("task {c}.{i}"))
            })
            .collect();
        let batch = town
            .sling_batch(&SlingBatch {
                rig_id: "alpha".into(),
                convoy_title: format!("convoy {c}"),
                tasks,
                max_polecats: Some(4),
                ..Default::default()
            })
            .unwrap();
        convoys.push(batch);
    }
    // The oldest ones land whole; the next ones have some work done.
    for batch in &convoys[..36] {
        town.close_convoy(&CloseConvoy {
            convoy_id: batch.convoy.id.clone(),
            close_beads: true,
            ..Default::default()
        })
        .unwrap();
    }
    for batch in &convoys[36..40] {
        for b in batch.beads.iter().filter(|b| b.agent.is_some()).take(3) {
            town.update_bead(&UpdateBead {
                bead_id: b.bead.id.clone(),
                status: Some(BeadStatus::Closed),
                ..Default::default()
            })
            .unwrap();
        }
    }
    // Beta: polecats at work, most of them then dead, some idle again.
    let mut beta = Vec::new();
    for i in 0..440 {
        beta.push(
            town.sling(&Sling {
                rig_id: "beta".into(),
                title: format!("beta {i}"),
                ..Default::default()
            })
            .unwrap(),
        );
    }
    for slung in &beta[..400] {
        town.update_agent(&UpdateAgent {
            agent_id: slung.agent.id.clone(),
            status: Some(AgentStatus::Dead),
            ..Default::default()
        })
        .unwrap();
    }
    for slung in &beta[400..410] {
        town.reset_agent(&slung.agent.id, false).unwrap();
    }
    let escalation = town
        .raise_escalation(&RaiseEscalation {
            message: "stuck".into(),
            ..Default::default()
        })
        .unwrap();
    let newest = convoys.last().unwrap();
    let hooked = newest.beads.iter().find(|b| b.agent.is_some()).unwrap();
    let agent = hooked.agent.clone().unwrap();
    // Mail: much of it to the Mayor and people, some to the agent (most of
    // that read), and one to the newest convoy's polecats.
    let send = |town: &mut Town, to: &str, convoy: Option<&str>| {
        town.send_mail(&SendMail {
            to: Some(to.into()),
            subject: Some("a word".into()),
            convoy_id: convoy.map(Into::into),
            ..Default::default()
        })
        .unwrap()
        .messages
    };
    for i in 0..600 {
        let to = ["mayor", "human"][i % 2];
        let convoy = &convoys[i % 40].convoy.id;
        send(&mut town, to, Some(convoy));
    }
    let mut to_agent = Vec::new();
    for _ in 0..60 {
        to_agent.extend(send(&mut town, &agent.name, None));
    }
    for m in &to_agent[..50] {
        town.read_mail(&m.id).unwrap();
    }
    send(&mut town, &format!("convoy:{}", newest.convoy.id), None);
    let recent = town
        .events(&EventFilter {
            limit: Some(5),
            ..Default::default()
        })
        .unwrap();
    Fixture {
        rig: "alpha".into(),
        convoy: newest.convoy.id.clone(),
        hooked_bead: hooked.bead.id.clone(),
        // Task 8 of every ten is waited for by task 9.
        blocker: newest.beads[8].bead.id.clone(),
        agent_id: agent.id,
        agent_name: agent.name,
        escalation: escalation.id,
        mail: to_agent[0].id.clone(),
        actor: "mayor".into(),
        label: "urgent".into(),
        since: recent[0].created_at.clone(),
        recent_event: recent[0].id,
    }
}

fn to_sql(v: &Value) -> Sql {
    match v {
        Value::Null => Sql::Null,
        Value::Integer(n) => Sql::Integer(*n),
        Value::Real(f) => Sql::Real(*f),
        Value::Text(s) => Sql::Text(s.clone()),
    }
}

/// Tables that grow with the town: a scan of one is a walk of the town.
const TOWN_TABLES: [&str; 6] = [
    "beads",
    "events",
    "agents",
    "bead_deps",
    "bead_labels",
    "mail",
];

/// What running a statement cost, in SQLite's own counters.
struct Cost {
    rows: i64,
    vm_steps: i64,
    fullscan_steps: i64,
}

/// Runs `s` inside a transaction that is rolled back.
fn run(conn: &Connection, s: &Statement) -> Cost {
    conn.execute_batch("BEGIN").unwrap();
    let mut stmt = conn.prepare(&s.sql).unwrap();
    let params: Vec<Sql> = s.params.iter().map(to_sql).collect();
    let mut rows = 0i64;
    {
        // A guard that fires, or a constraint that fails, still counts.
        let mut out = stmt
            .query(rusqlite::params_from_iter(params.iter()))
            .unwrap();
        while let Ok(Some(_)) = out.next() {
            rows += 1;
        }
    }
    if rows == 0 {
        rows = conn.changes() as i64;
    }
    let cost = Cost {
        rows,
        vm_steps: stmt.get_status(StatementStatus::VmStep) as i64,
        fullscan_steps: stmt.get_status(StatementStatus::FullscanStep) as i64,
    };
    drop(stmt);
    conn.execute_batch("ROLLBACK").unwrap();
    cost
}

fn plan(conn: &Connection, s: &Statement) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {}", s.sql))
        .unwrap();
    let mut params: Vec<Sql> = s.params.iter().map(to_sql).collect();
    params.resize(stmt.parameter_count().max(params.len()), Sql::Null);
    let mut lines = Vec::new();
    let mut depth: Vec<(i64, usize)> = Vec::new();
    let mut rows = stmt
        .query(rusqlite::params_from_iter(params.iter()))
        .unwrap();
    while let Some(row) = rows.next().unwrap() {
        let (id, parent, detail): (i64, i64, String) = (
            row.get(0).unwrap(),
            row.get(1).unwrap(),
            row.get(3).unwrap(),
        );
        while depth.last().is_some_and(|(p, _)| *p != parent) {
            depth.pop();
        }
        let level = depth.len();
        depth.push((id, level));
        lines.push(format!("{}{detail}", "  ".repeat(level)));
    }
    lines
}

/// Whether a plan line walks a whole table that grows with the town.
fn scans_the_town(line: &str, sql: &str) -> bool {
    let Some(rest) = line.trim().strip_prefix("SCAN ") else {
        return false;
    };
    let name = rest.split_whitespace().next().unwrap_or("");
    // The table behind an alias: `FROM beads b`, `JOIN beads hb`, ….
    TOWN_TABLES.iter().any(|t| {
        name == *t || sql.contains(&format!("{t} {name} ")) || sql.ends_with(&format!("{t} {name}"))
    })
}

#[test]
fn every_statement_costs_what_it_returns_not_what_the_town_holds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("town.db");
    let f = seeded(&path);
    let conn = Connection::open(&path).unwrap();
    let mut snapshot = String::new();
    let mut faults = Vec::new();
    let mut rows_of = std::collections::HashMap::new();
    for s in catalogue_for(&f) {
        let lines = plan(&conn, &s);
        snapshot.push_str(&format!("{}\n", s.name));
        for l in &lines {
            snapshot.push_str(&format!("    {l}\n"));
        }
        if s.scope == Scope::Listing || s.scope == Scope::Insert {
            continue;
        }
        for l in &lines {
            if scans_the_town(l, &s.sql) {
                faults.push(format!("{}: {l}", s.name));
            }
            if l.contains("TEMP B-TREE") && s.scope != Scope::SortedResult {
                faults.push(format!("{}: {l}", s.name));
            }
        }
        let cost = run(&conn, &s);
        rows_of.insert(s.name.clone(), cost.rows);
        // A fixed part for index probes and subqueries, then a bounded
        // number of steps per row returned or changed (or per row of the
        // range it reads, for a list whose leading filter reads it).
        let basis = s.basis.as_ref().and_then(|b| rows_of.get(b)).copied();
        let bound = 1000 + 64 * cost.rows.max(basis.unwrap_or(0));
        if cost.vm_steps > bound || cost.fullscan_steps > 0 {
            faults.push(format!(
                "{}: {} VM steps ({} in full scans) for {} rows: {lines:?}",
                s.name, cost.vm_steps, cost.fullscan_steps, cost.rows
            ));
        }
        if std::env::var_os("GT_PLAN_COSTS").is_some() {
            eprintln!(
                "{:>8} steps {:>5} rows  {}",
                cost.vm_steps, cost.rows, s.name
            );
        }
    }
    assert!(
        faults.is_empty(),
        "plans that walk the town:\n{}",
        faults.join("\n")
    );
    insta::assert_snapshot!("plans", snapshot);
}
