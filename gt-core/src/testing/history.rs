//! A scripted history that writes every kind of audit event (R9) in each of
//! its shapes, on a local town with a fixed clock and seeded IDs, so that the
//! events it stores are the same bytes on every run. gt-core pins them; the
//! faces word them.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde_json::json;

use crate::clock::Clock;
use crate::model::{AgentStatus, Bead, BeadStatus, MergeMode, Priority};
use crate::ops::agent::UpdateAgent;
use crate::ops::bead::{CreateBead, ReassignBead, UpdateBead};
use crate::ops::convoy::{CloseConvoy, UpdateConvoy};
use crate::ops::escalation::RaiseEscalation;
use crate::ops::mail::SendMail;
use crate::ops::patrol::Patrol;
use crate::ops::rig::AddRig;
use crate::ops::sling::{Sling, SlingBatch, Slung, SlungBatch};
use crate::tasks::{TaskInput, TaskRef};
use crate::{OpenOptions, Town};

/// Who writes the history.
pub const ACTOR: &str = "mayor";

/// Where the clock stands when the history starts: 2026-01-01T00:00:00Z.
const START: Duration = Duration::from_secs(1_767_225_600);

const MINUTE: Duration = Duration::from_secs(60);

/// A process ID no process can have (above Linux's `pid_max`), so that a
/// reset that stops its agent signals nothing.
const NO_PROCESS: i64 = i32::MAX as i64;

fn open(location: &str, clock: &Clock, dispatch: Option<&str>) -> Town {
    let mut town = Town::open(&OpenOptions {
        location: location.to_string(),
        lock_timeout: Duration::from_secs(10),
        actor: ACTOR.into(),
        dispatch_command: dispatch.map(Into::into),
        credentials: None,
        local: None,
    })
    .expect("open the town");
    town.set_clock(clock.clone());
    town
}

fn update(town: &mut Town, bead: &str, req: UpdateBead) {
    let req = UpdateBead {
        bead_id: bead.to_string(),
        ..req
    };
    town.update_bead(&req).expect("update the bead");
}

fn set(town: &mut Town, bead: &str, status: BeadStatus) {
    update(
        town,
        bead,
        UpdateBead {
            status: Some(status),
            ..Default::default()
        },
    );
}

fn sling(town: &mut Town, rig: &str, title: &str) -> Slung {
    let req = Sling {
        rig_id: rig.into(),
        title: title.into(),
        ..Default::default()
    };
    town.sling(&req).expect("sling a bead")
}

/// A batch of `titles` on `rig`, none waiting for another, with no cap.
fn batch(town: &mut Town, rig: &str, title: &str, titles: &[&str]) -> SlungBatch {
    let req = SlingBatch {
        rig_id: rig.into(),
        convoy_title: title.into(),
        tasks: titles.iter().map(|t| TaskInput::titled(*t)).collect(),
        ..Default::default()
    };
    town.sling_batch(&req).expect("sling a batch")
}

/// A bead on `rig` in no convoy, hooked to nobody.
fn bead(town: &mut Town, rig: &str, title: &str, depends_on: &[&str]) -> Bead {
    let req = CreateBead {
        rig_id: rig.into(),
        title: title.into(),
        depends_on: depends_on.iter().map(|d| d.to_string()).collect(),
        ..Default::default()
    };
    town.create_bead(&req).expect("create a bead")
}

/// Changes the file behind gt's back, as a crash or a bug could, for doctor
/// to repair (with foreign keys off, as an older tool could write it).
fn tamper(path: &Path, sql: &str) {
    let db = rusqlite::Connection::open(path).expect("open the file");
    db.execute_batch(&format!("PRAGMA foreign_keys = OFF; {sql}"))
        .expect("tamper with the town");
}

/// Writes the history into a new town at `path` (a file that does not exist
/// yet). IDs come from the calling thread's generator, seeded here.
pub fn write(path: &Path) {
    let location = path.display().to_string();
    let clock = Clock::manual(SystemTime::UNIX_EPOCH + START);
    let tick = || clock.advance(Duration::from_secs(1));
    fastrand::seed(30);
    let mut town = open(&location, &clock, None);

    // Rigs, a bead slung alone (a polecat made, hooked, dispatched).
    town.add_rig(&AddRig {
        name: "alpha".into(),
        git_url: Some("https://example.com/alpha.git".into()),
        default_branch: Some("main".into()),
    })
    .unwrap();
    town.add_rig(&AddRig {
        name: "beta".into(),
        ..Default::default()
    })
    .unwrap();
    tick();
    let solo = town
        .sling(&Sling {
            rig_id: "alpha".into(),
            title: "Fix the login page".into(),
            labels: vec!["web".into()],
            ..Default::default()
        })
        .unwrap();
    let solo_bead = solo.bead.id.clone();

    // A capped batch: B waits for A; C waits for a place.
    tick();
    let checkout = town
        .sling_batch(&SlingBatch {
            rig_id: "alpha".into(),
            convoy_title: "Checkout".into(),
            tasks: vec![
                TaskInput::titled("A"),
                TaskInput {
                    depends_on: vec![TaskRef::Index(0)],
                    ..TaskInput::titled("B")
                },
                TaskInput::titled("C"),
            ],
            max_polecats: Some(2),
            ..Default::default()
        })
        .unwrap();
    let convoy = checkout.convoy.id.clone();
    let [a, b, c] = [0, 1, 2].map(|i| checkout.beads[i].bead.id.clone());

    // Every field of a bead, then of a convoy, then of an agent.
    tick();
    update(
        &mut town,
        &solo_bead,
        UpdateBead {
            title: Some("Fix the login form".into()),
            body: Some("It rejects \"quoted\" passwords.".into()),
            priority: Some(Priority::High),
            add_labels: vec!["auth".into()],
            metadata: Some(serde_json::Map::from_iter([("ticket".into(), json!(42))])),
            ..Default::default()
        },
    );
    tick();
    update(
        &mut town,
        &solo_bead,
        UpdateBead {
            labels: Some(vec![]),
            metadata: Some(serde_json::Map::from_iter([
                ("owner".into(), json!("ops")),
                ("ticket".into(), serde_json::Value::Null),
            ])),
            ..Default::default()
        },
    );
    tick();
    town.update_convoy(&UpdateConvoy {
        convoy_id: convoy.to_string(),
        title: Some("Checkout flow".into()),
        merge_mode: Some(MergeMode::ReviewAndMerge),
        feature_branch: Some("feat/checkout".into()),
        max_polecats: Some(3),
    })
    .unwrap();
    tick();
    town.update_agent(&UpdateAgent {
        agent_id: solo.agent.id.to_string(),
        status: None,
        pid: Some(NO_PROCESS),
    })
    .unwrap();

    // Dependencies by hand: the solo bead waits for C, then no longer.
    tick();
    update(
        &mut town,
        &solo_bead,
        UpdateBead {
            add_depends_on: vec![c.clone()],
            ..Default::default()
        },
    );
    tick();
    update(
        &mut town,
        &solo_bead,
        UpdateBead {
            remove_depends_on: vec![c.clone()],
            ..Default::default()
        },
    );

    // Work under way moves to a new polecat (hooked from another, unhooked
    // to it, dispatched again at the same status).
    tick();
    town.reassign_bead(&ReassignBead {
        bead_id: solo_bead.clone(),
        new: true,
        ..Default::default()
    })
    .unwrap();
    let mover = town.bead(&solo_bead).unwrap().assignee.unwrap();
    // A reset that stops its agent (which forgets its process), and one
    // that does not; an idle agent set to work and back by hand.
    tick();
    town.update_agent(&UpdateAgent {
        agent_id: mover.to_string(),
        status: None,
        pid: Some(NO_PROCESS),
    })
    .unwrap();
    town.reset_agent(&mover, true).unwrap();
    tick();
    let b_agent = town.bead(&b).unwrap().assignee.unwrap();
    town.reset_agent(&b_agent, false).unwrap();
    tick();
    town.update_agent(&UpdateAgent {
        agent_id: solo.agent.id.to_string(),
        status: Some(AgentStatus::Working),
        pid: None,
    })
    .unwrap();
    town.update_agent(&UpdateAgent {
        agent_id: solo.agent.id.to_string(),
        status: Some(AgentStatus::Idle),
        pid: None,
    })
    .unwrap();

    // The batch closes and lands; a bead reopened reopens it.
    tick();
    for bead in [&a, &b, &c] {
        set(&mut town, bead, BeadStatus::Closed);
    }
    tick();
    set(&mut town, &c, BeadStatus::Open);

    // Beads join and leave a convoy; a convoy closed with its beads, one
    // failed without a reason, one deleted with a bead in it.
    tick();
    town.add_to_convoy(&convoy, std::slice::from_ref(&solo_bead))
        .unwrap();
    tick();
    town.remove_from_convoy(&convoy, std::slice::from_ref(&solo_bead))
        .unwrap();
    tick();
    town.close_convoy(&CloseConvoy {
        convoy_id: convoy.to_string(),
        failed: false,
        close_beads: true,
        reason: Some("shipped by hand".into()),
    })
    .unwrap();
    tick();
    let failing = batch(&mut town, "beta", "Experiment", &["Try it"]);
    town.close_convoy(&CloseConvoy {
        convoy_id: failing.convoy.id.to_string(),
        failed: true,
        close_beads: false,
        reason: None,
    })
    .unwrap();
    tick();
    let doomed = batch(&mut town, "beta", "Doomed", &["Unlinked"]);
    town.delete_convoy(&doomed.convoy.id).unwrap();

    // Deletes: a blocker with a dependent; a hooked agent (its bead released
    // to an idle polecat); a hooked bead.
    tick();
    let blocker = bead(&mut town, "beta", "Blocker", &[]);
    let waiting = bead(&mut town, "beta", "Waiting", &[&blocker.id]);
    town.delete_bead(&blocker.id, false).unwrap();
    tick();
    let held = sling(&mut town, "alpha", "Held");
    town.delete_agent(&held.agent.id, true).unwrap();
    tick();
    town.delete_bead(&held.bead.id, true).unwrap();

    // Escalations by hand: acknowledged, resolved with a note and without.
    tick();
    let raised = town
        .raise_escalation(&RaiseEscalation {
            message: "Toast is looping".into(),
            bead_id: Some(waiting.id.clone()),
            ..Default::default()
        })
        .unwrap();
    town.ack_escalation(&raised.id).unwrap();
    town.resolve_escalation(&raised.id, Some("restarted it"))
        .unwrap();
    let quiet = town
        .raise_escalation(&RaiseEscalation {
            message: "Disk nearly full".into(),
            ..Default::default()
        })
        .unwrap();
    town.resolve_escalation(&quiet.id, None).unwrap();

    // Patrol: a silent agent stalls, is raised again, beats and recovers;
    // another dies and its bead is released.
    let patrol = Patrol::default();
    tick();
    let stalling = sling(&mut town, "beta", "Slow work");
    clock.advance(11 * MINUTE);
    town.patrol(&patrol).unwrap();
    clock.advance(11 * MINUTE);
    town.patrol(&patrol).unwrap();
    town.heartbeat(&stalling.agent.id).unwrap();
    tick();
    sling(&mut town, "alpha", "Abandoned");
    clock.advance(31 * MINUTE);
    town.heartbeat(&stalling.agent.id).unwrap();
    town.patrol(&patrol).unwrap();

    // A dispatch command that fails, and patrol's retry of it.
    tick();
    {
        let mut failing = open(&location, &clock, Some("exit 3"));
        sling(&mut failing, "beta", "Deploy");
        failing.patrol(&patrol).unwrap();
    }

    // An assignee that names no agent is unhooked by itself.
    tick();
    let ghost = bead(&mut town, "beta", "Haunted", &[]);
    tamper(
        path,
        &format!(
            "UPDATE beads SET assignee = 'Ghost' WHERE id = '{}'",
            ghost.id
        ),
    );
    set(&mut town, &ghost.id, BeadStatus::Failed);

    // Doctor repairs what was broken behind gt's back.
    tick();
    let broken = batch(&mut town, "alpha", "Broken", &["One", "Two"]);
    let [one, two] = [0, 1].map(|i| broken.beads[i].bead.clone());
    tamper(
        path,
        &format!(
            "UPDATE convoys SET total_beads = total_beads + 1 WHERE id = '{cv}';
             UPDATE beads SET assignee = NULL WHERE id = '{one}';
             UPDATE beads SET status = 'closed' WHERE id = '{two}';
             INSERT INTO bead_deps (bead_id, depends_on_id) VALUES ('{waiting}', 'gt-gone');",
            cv = broken.convoy.id,
            one = one.id,
            two = two.id,
            waiting = waiting.id,
        ),
    );
    town.doctor(true).unwrap();
    let landing = batch(&mut town, "alpha", "Landing", &["Only"]);
    let only = &landing.beads[0].bead.id;
    tamper(
        path,
        &format!(
            "UPDATE beads SET status = 'closed', assignee = NULL WHERE id = '{only}';
             UPDATE agents SET hook = NULL WHERE hook = '{only}';
             UPDATE beads SET assignee = 'Nobody' WHERE id = '{waiting}';
             UPDATE convoys SET closed_beads = 1 WHERE id = '{cv}';",
            cv = landing.convoy.id,
            waiting = waiting.id,
        ),
    );
    town.doctor(true).unwrap();

    // A supervisor runs a bead: claimed, its process recorded, ended without
    // a report (a failed attempt), claimed again and released when its
    // supervisor stops.
    tick();
    let ran = batch(&mut town, "beta", "Run", &["Run me"]);
    let runner = ran.beads[0].agent.clone().expect("hooked");
    for (outcome, code, counts) in [("exited", Some(1), true), ("stopped", None, false)] {
        // A failed attempt's pause first (none before the first run).
        clock.advance(Duration::from_secs(2));
        let claim = town.claim(&runner.id, "host-1").unwrap().expect("runnable");
        town.run_pid(&runner.id, "host-1", &claim.started_at, NO_PROCESS)
            .unwrap();
        tick();
        let end = crate::ops::run::RunEnd {
            agent_id: runner.id.clone(),
            bead_id: claim.bead.id.clone(),
            host: "host-1".into(),
            started_at: claim.started_at.clone(),
            outcome: outcome.into(),
            code,
            signal: code.is_none().then_some(15),
            log_tail: vec!["working".into(), "something broke".into()],
            counts,
        };
        town.run_ended(&end, 3).unwrap();
    }

    // Mail: the Mayor asks a polecat about its bead, and the polecat answers
    // (read first); a word to a convoy's polecats, one message each.
    tick();
    let asked = town
        .send_mail(&SendMail {
            to: Some(runner.name.clone()),
            subject: Some("Which branch?".into()),
            body: Some("The API moved to feature/sessions.".into()),
            bead_id: Some(ran.beads[0].bead.id.clone()),
            ..Default::default()
        })
        .unwrap();
    let asked = &asked.messages[0].id;
    town.read_mail(asked).unwrap();
    let mut polecat = Town::open(&OpenOptions {
        location: path.display().to_string(),
        lock_timeout: Duration::from_secs(10),
        actor: runner.name.clone(),
        dispatch_command: None,
        credentials: None,
        local: None,
    })
    .expect("open the town");
    polecat.set_clock(clock.clone());
    polecat
        .send_mail(&SendMail {
            reply_to: Some(asked.clone()),
            body: Some("Rebasing on it.".into()),
            ..Default::default()
        })
        .unwrap();
    // Hosts: one beats, claims a bead and falls silent; patrol finds it lost
    // and releases its claim; it beats again, then stops.
    tick();
    let beat = crate::ops::host::HostBeat {
        name: "host-2".into(),
        slots: 2,
        running: 1,
        rigs: vec!["beta".into()],
        version: "0.1.0".into(),
        started_at: "2026-01-01T00:00:00.000Z".into(),
    };
    town.host_beat(&beat).unwrap();
    let far = batch(&mut town, "beta", "Far", &["Far away"]);
    let far_agent = far.beads[0].agent.clone().expect("hooked");
    town.claim(&far_agent.id, "host-2")
        .unwrap()
        .expect("runnable");
    clock.advance(3 * MINUTE);
    town.heartbeat(&far_agent.name).unwrap();
    town.patrol(&Patrol::default()).unwrap();
    town.host_beat(&beat).unwrap();
    town.host_stopped("host-2", &beat.started_at).unwrap();
    let crew = batch(&mut town, "alpha", "Crew", &["One", "Two"]);
    town.send_mail(&SendMail {
        to: Some(format!("convoy:{}", crew.convoy.id)),
        subject: Some("Freeze at five".into()),
        ..Default::default()
    })
    .unwrap();
}

/// The history written into a new town in a temporary folder, which goes
/// when the returned handle is dropped; and the town's file.
pub fn written() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("town.db");
    write(&path);
    (dir, path)
}

/// Every event of the town at `path`, as gt reads them.
pub fn events(path: &Path) -> Vec<crate::model::Event> {
    let clock = Clock::system();
    let mut town = open(&path.display().to_string(), &clock, None);
    town.events(&crate::query::ListEvents::all())
        .expect("read the events")
}

/// Every stored event of the town at `path`, one line each, exactly as
/// stored: each column's text (`NULL` for none).
pub fn stored_events(path: &Path) -> String {
    let db = rusqlite::Connection::open(path).expect("open the file");
    let mut stmt = db
        .prepare(
            "SELECT id, subject_id, event_type, actor, created_at, convoy_id, \
             old_value, new_value, metadata FROM events ORDER BY id",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |row| {
            let text = |i: usize| -> rusqlite::Result<String> {
                Ok(match row.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => "NULL".to_string(),
                    rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    other => format!("{other:?}"),
                })
            };
            Ok(format!(
                "#{} {} {} by {} at {} convoy {}\n  old  {}\n  new  {}\n  meta {}",
                text(0)?,
                text(1)?,
                text(2)?,
                text(3)?,
                text(4)?,
                text(5)?,
                text(6)?,
                text(7)?,
                text(8)?,
            ))
        })
        .unwrap();
    let lines: Vec<String> = rows.map(|r| r.unwrap()).collect();
    lines.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    /// The events the history stores, byte for byte: what gt writes into
    /// the audit log must not change by accident.
    #[test]
    fn every_kind_of_event_is_stored_as_it_always_was() {
        let (_dir, path) = super::written();
        let events = super::stored_events(&path);
        for kind in crate::event_type::ALL {
            assert!(
                events.contains(&format!(" {kind} by ")),
                "the history writes no {kind} event"
            );
        }
        insta::assert_snapshot!(events);
    }
}
