//! Every branch of a patrol pass, and of the runs it ends (`ops::run`'s
//! claims, their state and their end), on both backends, with a manual
//! clock: time moves by minutes without a test sleeping.

use std::time::{Duration, SystemTime};

use super::*;
use crate::clock::Clock;
use crate::error::ErrorKind;
use crate::event_type as ev;
use crate::model::{AgentStatus, BeadStatus, EscalationStatus, HostStatus};
use crate::ops::bead::UpdateBead;
use crate::ops::rig::AddRig;
use crate::ops::sling::{Sling, SlingBatch, SlungBatch};
use crate::query::EventFilter;
use crate::tasks::TaskInput;
use crate::{OpenOptions, Town};

const MINUTE: Duration = Duration::from_secs(60);

/// A fresh town on `location` with the rig `alpha`, running `dispatch` after
/// commits, on a manual clock the test keeps.
fn open(location: String, dispatch: Option<&str>) -> (Town, Clock) {
    let mut town = Town::open(&OpenOptions {
        location,
        lock_timeout: Duration::from_secs(10),
        actor: "witness".into(),
        dispatch_command: dispatch.map(Into::into),
        credentials: None,
        local: None,
    })
    .unwrap();
    let clock = Clock::manual(SystemTime::now());
    town.set_clock(clock.clone());
    town.add_rig(&AddRig {
        name: "alpha".into(),
        ..Default::default()
    })
    .unwrap();
    (town, clock)
}

fn pass(town: &mut Town) -> PatrolReport {
    town.patrol(&Patrol::default()).unwrap()
}

fn sling(town: &mut Town, title: &str) -> crate::ops::sling::Slung {
    town.sling(&Sling {
        rig_id: "alpha".into(),
        title: title.into(),
        ..Default::default()
    })
    .unwrap()
}

fn batch(town: &mut Town, titles: &[&str], cap: u32) -> SlungBatch {
    town.sling_batch(&SlingBatch {
        rig_id: "alpha".into(),
        convoy_title: "batch".into(),
        tasks: titles.iter().map(|t| TaskInput::titled(*t)).collect(),
        max_polecats: Some(cap),
        ..Default::default()
    })
    .unwrap()
}

fn set(town: &mut Town, bead: &str, status: BeadStatus) {
    town.update_bead(&UpdateBead {
        bead_id: bead.to_string(),
        status: Some(status),
        ..Default::default()
    })
    .unwrap();
}

/// An idle polecat: slung one bead, which is then closed.
fn idle_polecat(town: &mut Town) -> String {
    let s = sling(town, "quick job");
    set(town, &s.bead.id, BeadStatus::Closed);
    s.agent.name
}

fn events(town: &mut Town) -> usize {
    town.events(&EventFilter::all()).unwrap().len()
}

/// Every invariant holds: the pass left nothing for the doctor.
fn assert_clean(town: &mut Town) {
    assert_eq!(town.doctor(false).unwrap(), vec![]);
}

/// Stall: one escalation; passes within the next stall period write nothing;
/// each later period raises that escalation again instead of opening another.
fn a_silent_agent_stalls_once_and_is_raised_again(mut town: Town, clock: Clock) {
    let s = sling(&mut town, "work");
    clock.advance(9 * MINUTE);
    assert!(pass(&mut town).is_empty(), "not silent long enough");
    clock.advance(2 * MINUTE);
    let report = pass(&mut town);
    assert_eq!(report.stalled.len(), 1);
    assert_eq!(report.stalled[0].agent, s.agent.name);
    assert_eq!(report.stalled[0].bead.as_deref(), Some(s.bead.id.as_str()));
    let [esc] = &report.escalations[..] else {
        panic!("one escalation: {report:?}")
    };
    assert_eq!(esc.category.as_deref(), Some(STALLED_AGENT));
    assert_eq!(esc.agent.as_deref(), Some(s.agent.name.as_str()));
    assert_eq!(esc.bead.as_deref(), Some(s.bead.id.as_str()));
    assert_eq!(esc.rig.as_deref(), Some("alpha"));
    assert_eq!(
        town.agent(&s.agent.id).unwrap().status,
        AgentStatus::Stalled
    );
    let written = events(&mut town);
    clock.advance(5 * MINUTE);
    assert!(pass(&mut town).is_empty());
    assert_eq!(events(&mut town), written, "nothing due writes nothing");
    clock.advance(6 * MINUTE);
    let again = pass(&mut town);
    assert_eq!(again.stalled, vec![]);
    let [raised] = &again.escalations[..] else {
        panic!("raised again: {again:?}")
    };
    assert_eq!(
        (raised.id.as_str(), raised.re_escalation_count),
        (esc.id.as_str(), 1)
    );
    assert!(pass(&mut town).is_empty());
    assert_eq!(town.escalations(true).unwrap().len(), 1, "no duplicate");
    assert_clean(&mut town);
}

/// Recovery: a beat puts the agent back to work and resolves its escalation.
fn a_beat_recovers_and_resolves(mut town: Town, clock: Clock) {
    let s = sling(&mut town, "work");
    clock.advance(11 * MINUTE);
    let esc = pass(&mut town).escalations[0].clone();
    let beat = town.heartbeat(&s.agent.name).unwrap();
    assert!(beat.recovered);
    assert_eq!(beat.agent.status, AgentStatus::Working);
    let after = town.escalations(true).unwrap();
    assert_eq!(after[0].id, esc.id);
    assert_eq!(after[0].status, EscalationStatus::Resolved);
    assert!(pass(&mut town).is_empty());
    // Silent again later: a new problem, a new escalation.
    clock.advance(11 * MINUTE);
    let report = pass(&mut town);
    assert_eq!(report.escalations.len(), 1);
    assert_ne!(report.escalations[0].id, esc.id);
    assert_clean(&mut town);
}

/// Death: the bead goes to an idle polecat within its convoy's cap, the stall
/// escalation is resolved, one high escalation says so; the cap holds.
fn a_dead_agents_bead_is_released_within_the_cap(mut town: Town, clock: Clock) {
    let b = batch(&mut town, &["a", "b"], 1);
    let toast = b.beads[0].agent.clone().unwrap();
    let spare = idle_polecat(&mut town);
    clock.advance(11 * MINUTE);
    let stalled = pass(&mut town);
    assert_eq!(
        stalled.stalled.len(),
        1,
        "only working agents stall: {stalled:?}"
    );
    // The spare beats; Toast stays silent.
    clock.advance(20 * MINUTE);
    town.heartbeat(&spare).unwrap();
    let report = pass(&mut town);
    assert_eq!(report.dead.len(), 1, "{report:?}");
    assert_eq!(report.dead[0].agent, toast.name);
    assert_eq!(
        report.released,
        vec![ReleasedBead {
            bead: b.beads[0].bead.id.clone(),
            from: toast.name.clone(),
            to: Some(spare.clone()),
        }]
    );
    let [dead] = &report.escalations[..] else {
        panic!("{report:?}")
    };
    assert_eq!(
        (dead.category.as_deref(), dead.severity),
        (Some(DEAD_AGENT), Severity::High)
    );
    assert_eq!(report.resolved, vec![stalled.escalations[0].id.clone()]);
    assert_eq!(town.agent(&toast.id).unwrap().status, AgentStatus::Dead);
    let a = town.bead(&b.beads[0].bead.id).unwrap();
    assert_eq!(a.assignee.as_deref(), Some(spare.as_str()));
    assert_eq!(a.status, BeadStatus::InProgress);
    let waiting = town.bead(&b.beads[1].bead.id).unwrap();
    assert_eq!(waiting.assignee, None, "the cap of one is taken");
    assert!(pass(&mut town).is_empty(), "each death is handled once");
    assert_clean(&mut town);
}

/// Death with no polecat free: the bead waits, then lazy assignment hooks it
/// to the first polecat that becomes idle.
fn a_released_bead_waits_then_is_fed_lazily(mut town: Town, clock: Clock) {
    let b = batch(&mut town, &["a"], 2);
    clock.advance(31 * MINUTE);
    let report = pass(&mut town);
    assert_eq!(report.released[0].to, None);
    assert!(
        report.escalations[0].message.contains("waiting"),
        "{report:?}"
    );
    let bead = &b.beads[0].bead.id;
    assert_eq!(town.bead(bead).unwrap().assignee, None);
    assert!(pass(&mut town).is_empty(), "no idle polecat: nothing due");
    let spare = idle_polecat(&mut town);
    let fed = pass(&mut town);
    assert_eq!(
        fed.hooked,
        vec![HookedBead {
            bead: bead.clone(),
            agent: spare,
            convoy_id: Some(b.convoy.id.clone()),
        }]
    );
    assert_eq!(town.bead(bead).unwrap().status, BeadStatus::InProgress);
    assert!(pass(&mut town).is_empty());
    assert_clean(&mut town);
}

/// A death frees a place under a cap that a waiting bead of another rig can
/// take: the same pass feeds it to that rig's idle polecat (found by the
/// property test: the feeds were decided before the death freed the place).
fn a_place_a_death_frees_is_fed_in_the_same_pass(mut town: Town, clock: Clock) {
    town.add_rig(&AddRig {
        name: "beta".into(),
        ..Default::default()
    })
    .unwrap();
    let spare = sling(&mut town, "loose");
    town.reset_agent(&spare.agent.id, false).unwrap();
    let b = town
        .sling_batch(&SlingBatch {
            rig_id: "beta".into(),
            convoy_title: "batch".into(),
            tasks: ["a", "b"].map(TaskInput::titled).to_vec(),
            max_polecats: Some(1),
            ..Default::default()
        })
        .unwrap();
    town.add_to_convoy(&b.convoy.id, std::slice::from_ref(&spare.bead.id))
        .unwrap();
    // The batch's one polecat (beta) goes silent; the spare (idle) is on rig
    // alpha, and the convoy's waiting work includes the alpha bead.
    clock.advance(31 * MINUTE);
    let report = pass(&mut town);
    assert_eq!(report.released.len(), 1, "{report:?}");
    let fed = town.bead(&spare.bead.id).unwrap();
    assert_eq!(
        fed.assignee.as_deref(),
        Some(spare.agent.name.as_str()),
        "{report:?}"
    );
    assert!(
        report.hooked.iter().any(|h| h.bead == spare.bead.id),
        "{report:?}"
    );
    assert_clean(&mut town);
}

/// A failed dispatch command is run again at most `max_dispatch_retries`
/// times, then escalated once; a retry that succeeds is forgotten.
fn failed_dispatches_are_retried_then_escalated(location: String, flag: std::path::PathBuf) {
    let command = format!("test -f '{}'", flag.display());
    let (mut town, _clock) = open(location, Some(&command));
    let s = sling(&mut town, "work");
    let options = Patrol {
        max_dispatch_retries: Some(2),
        ..Patrol::default()
    };
    for retry in 1..=2 {
        let report = town.patrol(&options).unwrap();
        assert_eq!(
            report.redispatched,
            vec![Redispatch {
                bead: s.bead.id.clone(),
                agent: s.agent.name.clone(),
                retry,
            }]
        );
    }
    let report = town.patrol(&options).unwrap();
    assert_eq!(report.redispatched, vec![]);
    let [esc] = &report.escalations[..] else {
        panic!("{report:?}")
    };
    assert_eq!(esc.category.as_deref(), Some(DISPATCH_FAILED));
    assert_eq!(esc.bead.as_deref(), Some(s.bead.id.as_str()));
    assert!(esc.message.contains("3 times"), "{}", esc.message);
    assert!(town.patrol(&options).unwrap().is_empty());
    let failed = town
        .events(&EventFilter {
            subject: Some(s.bead.id.clone()),
            ..EventFilter::all()
        })
        .unwrap()
        .iter()
        .filter(|e| e.event_type == ev::DISPATCH_FAILED)
        .count();
    assert_eq!(failed, 3, "the first dispatch and two retries");

    // A retry that goes through ends the retries.
    let next = sling(&mut town, "more work");
    std::fs::write(&flag, "").unwrap();
    let report = town.patrol(&options).unwrap();
    assert_eq!(report.redispatched.len(), 1);
    assert_eq!(report.redispatched[0].bead, next.bead.id);
    assert!(town.patrol(&options).unwrap().is_empty());
    assert_clean(&mut town);
}

/// A pass with nothing due writes nothing at all: not a page of the store.
fn nothing_due_writes_nothing(mut town: Town, clock: Clock) -> (Town, Clock) {
    batch(&mut town, &["a", "b", "c"], 1);
    sling(&mut town, "uncapped");
    idle_polecat(&mut town);
    clock.advance(5 * MINUTE);
    let before = events(&mut town);
    let report = pass(&mut town);
    assert_eq!(
        report,
        PatrolReport::default(),
        "working agents are fresh, the capped batch is at its cap"
    );
    assert_eq!(events(&mut town), before);
    (town, clock)
}

/// A dry run reports exactly what a pass would do, and changes nothing.
fn a_dry_run_changes_nothing(mut town: Town, clock: Clock) {
    let s = sling(&mut town, "work");
    let dying = sling(&mut town, "more");
    clock.advance(11 * MINUTE);
    town.heartbeat(&s.agent.name).unwrap();
    clock.advance(20 * MINUTE);
    town.heartbeat(&s.agent.name).unwrap();
    let before = events(&mut town);
    let dry = Patrol {
        dry_run: true,
        ..Patrol::default()
    };
    let preview = town.patrol(&dry).unwrap();
    assert!(preview.dry_run);
    assert_eq!(preview.dead.len(), 1);
    assert_eq!(preview.dead[0].agent, dying.agent.name);
    assert_eq!(events(&mut town), before, "a dry run writes nothing");
    assert_eq!(
        town.agent(&dying.agent.id).unwrap().status,
        AgentStatus::Working
    );
    let real = pass(&mut town);
    let what = |r: &PatrolReport| {
        let escalations: Vec<_> = r
            .escalations
            .iter()
            .map(|e| {
                (
                    e.category.clone(),
                    e.agent.clone(),
                    e.bead.clone(),
                    e.message.clone(),
                )
            })
            .collect();
        (
            r.stalled.clone(),
            r.dead.clone(),
            r.released.clone(),
            r.hooked.clone(),
            escalations,
        )
    };
    assert_eq!(what(&real), what(&preview));
    assert_clean(&mut town);
}

/// A repair found due is checked again inside its unit: a beat that lands
/// between the pass's read and its repair stops it.
fn a_repair_no_longer_due_is_skipped(mut town: Town, clock: Clock) {
    let s = sling(&mut town, "work");
    clock.advance(11 * MINUTE);
    let limits = Limits {
        now: clock.now(),
        stall_after: 10 * MINUTE,
        stall_cutoff: clock.ago(10 * MINUTE),
        dead_cutoff: clock.ago(30 * MINUTE),
        host_cutoff: clock.ago(2 * MINUTE),
        max_retries: 3,
    };
    let due = town.read(|r| find_due(r, &limits)).unwrap();
    assert_eq!(due.len(), 1);
    town.heartbeat(&s.agent.name).unwrap();
    let before = events(&mut town);
    let report = town
        .write(|unit| {
            let mut out = PatrolReport::default();
            repair(unit, &due[0], &limits, &mut out)?;
            Ok(out)
        })
        .unwrap();
    assert!(report.is_empty());
    assert_eq!(events(&mut town), before);
    assert_eq!(
        town.agent(&s.agent.id).unwrap().status,
        AgentStatus::Working
    );
}

/// A dead agent that is reset or deleted takes its escalation with it.
fn resetting_a_dead_agent_resolves_its_escalation(mut town: Town, clock: Clock) {
    let s = sling(&mut town, "work");
    let t = sling(&mut town, "other");
    clock.advance(31 * MINUTE);
    let report = pass(&mut town);
    assert_eq!(report.escalations.len(), 2);
    town.reset_agent(&s.agent.name, false).unwrap();
    town.delete_agent(&t.agent.name, false).unwrap();
    let open: Vec<_> = town
        .escalations(false)
        .unwrap()
        .into_iter()
        .map(|e| e.agent)
        .collect();
    assert_eq!(open, Vec::<Option<String>>::new());
    assert_clean(&mut town);
}

#[test]
fn thresholds_out_of_order_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut town, _) = open(dir.path().join("t.db").display().to_string(), None);
    let err = town
        .patrol(&Patrol {
            stall_after: Some(10 * MINUTE),
            dead_after: Some(5 * MINUTE),
            ..Patrol::default()
        })
        .unwrap_err();
    assert_eq!(err.code(), "usage");
    assert!(err.hint.unwrap().to_string().contains("dead_after"));
}

#[test]
fn reescalation_is_due_once_per_stall_period() {
    let start = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
    let at = |mins: u32| Limits {
        now: start + mins * MINUTE,
        stall_after: 10 * MINUTE,
        stall_cutoff: String::new(),
        dead_cutoff: String::new(),
        host_cutoff: String::new(),
        max_retries: 3,
    };
    let created = crate::clock::format(start);
    assert!(!at(9).reescalation_due(&created, 0));
    assert!(at(10).reescalation_due(&created, 0));
    assert!(!at(19).reescalation_due(&created, 1));
    assert!(at(20).reescalation_due(&created, 1));
    assert!(!at(20).reescalation_due("not a time", 0));
    assert!(!at(20).reescalation_due(&created, i64::MAX));
}

/// Instantiates every test above for one backend.
/// A host silent past `host_dead_after` is lost: its claims are released
/// in one unit (runnable again, no attempt counted), with one escalation
/// naming it and its beads; a second pass finds nothing more; a beat brings
/// it back, and a host that kept beating is left alone.
fn a_silent_host_is_lost_and_its_claims_released(mut town: Town, clock: Clock) {
    use crate::ops::host::HostBeat;
    let beat = |town: &mut Town, name: &str, running: i64| {
        town.host_beat(&HostBeat {
            name: name.into(),
            slots: 2,
            running,
            rigs: vec![],
            version: "test".into(),
            started_at: "t".into(),
        })
        .unwrap()
    };
    let b = batch(&mut town, &["one", "two", "three"], 3);
    let ids: Vec<String> = b
        .beads
        .iter()
        .map(|x| x.agent.clone().unwrap().id)
        .collect();
    beat(&mut town, "h1", 2);
    beat(&mut town, "h2", 1);
    for (agent, host) in [(&ids[0], "h1"), (&ids[1], "h1"), (&ids[2], "h2")] {
        town.claim(agent, host).unwrap().expect("runnable");
    }
    // Before any patrol, a live host that missed three beats reads silent.
    let silent = |town: &mut Town| -> Vec<(String, &'static str, bool)> {
        let hosts = town.hosts().unwrap();
        let live: Vec<_> = town
            .overview(&Default::default())
            .unwrap()
            .live_hosts
            .into_iter()
            .map(|h| (h.name, h.silent))
            .collect();
        let listed: Vec<_> = hosts
            .iter()
            .filter(|h| h.status == HostStatus::Live)
            .map(|h| (h.name.clone(), h.silent))
            .collect();
        assert_eq!(live, listed, "gt status and host list judge alike");
        let called = town.call(crate::ops::host::ListHosts {}).unwrap();
        assert_eq!(called, hosts, "the call is the list");
        hosts
            .into_iter()
            .map(|h| (h.name, h.status.as_str(), h.silent))
            .collect()
    };
    // Three beats of five seconds, as every face's doc words it.
    let quiet = crate::ops::host::SILENT_AFTER;
    assert_eq!(quiet, Duration::from_secs(15));
    clock.advance(quiet);
    assert!(
        silent(&mut town).iter().all(|h| !h.2),
        "not before three whole beats"
    );
    clock.advance(Duration::from_millis(1));
    assert_eq!(
        silent(&mut town),
        [("h1".into(), "live", true), ("h2".into(), "live", true)]
    );
    clock.advance(MINUTE - quiet);
    beat(&mut town, "h2", 1);
    assert_eq!(
        silent(&mut town),
        [("h1".into(), "live", true), ("h2".into(), "live", false)]
    );
    clock.advance(MINUTE + Duration::from_secs(1));
    // Agents beat too: only the host is silent.
    for b in &b.beads {
        town.heartbeat(&b.agent.clone().unwrap().name).unwrap();
    }
    let report = pass(&mut town);
    assert_eq!(report.lost_hosts.len(), 1, "{report:?}");
    let lost = &report.lost_hosts[0];
    assert_eq!(lost.host, "h1");
    let mut released = lost.released.clone();
    released.sort();
    let mut expected = vec![b.beads[0].bead.id.clone(), b.beads[1].bead.id.clone()];
    expected.sort();
    assert_eq!(released, expected);
    let escalations: Vec<_> = report
        .escalations
        .iter()
        .filter(|e| e.category.as_deref() == Some(crate::ops::host::HOST_LOST))
        .collect();
    assert_eq!(escalations.len(), 1);
    assert!(
        escalations[0].message.contains("host h1"),
        "{}",
        escalations[0].message
    );
    // Lost is its record now, not a judgement: no longer "silent".
    assert_eq!(
        silent(&mut town),
        [("h1".into(), "lost", false), ("h2".into(), "live", true)]
    );
    // Its beads are runnable again, at the same attempt; h2's is not.
    let runnable = town.runnable(10, &[]).unwrap();
    assert_eq!(runnable.len(), 2);
    assert!(!runnable.contains(&ids[2]));
    assert_eq!(town.agent(&ids[0]).unwrap().attempt, 0);
    assert!(town.claims_of("h1").unwrap().is_empty());
    // Lost once: the next pass has nothing to do about it.
    assert!(pass(&mut town).lost_hosts.is_empty());
    // It comes back: live, and its escalation resolved (by gt).
    let back = beat(&mut town, "h1", 0);
    assert_eq!(back.status, HostStatus::Live);
    assert!(!town.hosts().unwrap()[0].silent, "a beat ends its silence");
    let open = town.escalations(false).unwrap();
    assert!(
        open.iter()
            .all(|e| e.category.as_deref() != Some(crate::ops::host::HOST_LOST)),
        "{open:?}"
    );
    let events = town
        .events(&EventFilter {
            subject: Some(back.id.clone()),
            ..EventFilter::all()
        })
        .unwrap();
    let kinds: Vec<String> = events
        .iter()
        .map(|e| format!("{} {}", e.event_type, e.new_value))
        .collect();
    assert_eq!(
        kinds,
        [
            "created {\"name\":\"h1\",\"rigs\":[],\"slots\":2}",
            "status_changed \"lost\"",
            "status_changed \"live\""
        ]
    );
}

/// A lost host's escalation names up to twenty of the beads it released,
/// then counts the rest.
fn a_lost_hosts_escalation_names_twenty_beads(mut town: Town, clock: Clock) {
    use crate::ops::host::HostBeat;
    let titles: Vec<String> = (0..41).map(|i| format!("task {i}")).collect();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    let b = batch(&mut town, &titles, 41);
    for (host, running) in [("h20", 20), ("h21", 21)] {
        town.host_start(
            &HostBeat {
                name: host.into(),
                slots: running,
                running,
                rigs: vec![],
                version: "test".into(),
                started_at: "t".into(),
            },
            None,
        )
        .unwrap();
    }
    for (i, slung) in b.beads.iter().enumerate() {
        let host = if i < 20 { "h20" } else { "h21" };
        let agent = slung.agent.clone().unwrap();
        town.claim(&agent.id, host).unwrap().expect("runnable");
    }
    clock.advance(3 * MINUTE);
    for slung in &b.beads {
        town.heartbeat(&slung.agent.clone().unwrap().name).unwrap();
    }
    let report = pass(&mut town);
    let said = |host: &str| {
        let lost = report
            .escalations
            .iter()
            .find(|e| e.message.contains(&format!("host {host} ")))
            .unwrap_or_else(|| panic!("{host} lost: {report:?}"));
        lost.message.clone()
    };
    let (twenty, more) = (said("h20"), said("h21"));
    assert!(!twenty.contains("more"), "{twenty}");
    for slung in &b.beads[..20] {
        assert!(twenty.contains(&slung.bead.id), "{twenty}");
    }
    assert!(
        more.ends_with(" and 1 more were released to other hosts"),
        "{more}"
    );
    let named = b.beads[20..].iter().filter(|s| more.contains(&s.bead.id));
    assert_eq!(named.count(), 20, "{more}");
}

/// A host is declared lost only as the unit that loses it reads it: one
/// that beat, or stopped, since a pass found it silent is left alone.
fn a_host_that_beat_or_stopped_meanwhile_is_not_lost(mut town: Town, clock: Clock) {
    use crate::ops::host::{lose, HostBeat};
    let beat = |name: &str| HostBeat {
        name: name.into(),
        slots: 1,
        running: 0,
        rigs: vec![],
        version: "test".into(),
        started_at: "t".into(),
    };
    town.host_start(&beat("stopped"), None).unwrap();
    town.host_stopped("stopped", "t").unwrap();
    clock.advance(3 * MINUTE);
    town.host_start(&beat("beating"), None).unwrap();
    // Silent since before a cutoff between the two: the stopped host's
    // beat is old, the beating one's is not.
    let cutoff = town.clock().ago(MINUTE);
    let hosts = town.hosts().unwrap();
    for h in &hosts {
        let lost = town.write(|unit| lose(unit, &h.id, &cutoff)).unwrap();
        assert!(lost.is_none(), "{} was lost: {lost:?}", h.name);
    }
    assert_eq!(town.hosts().unwrap(), hosts, "nothing written");
}

/// Two supervisors never run one host: a start is refused while the host is
/// live with another run, unless the starter knows that run to be over (its
/// data directory's own, after a crash, or one it watched fall silent); the
/// old run's beat is then refused, so that it stops, and its clean stop
/// leaves the new run's row alone.
fn a_second_supervisor_of_a_beating_host_is_refused(mut town: Town, clock: Clock) {
    use crate::ops::host::HostBeat;
    let run = |started_at: &str| HostBeat {
        name: "h1".into(),
        slots: 2,
        running: 0,
        rigs: vec![],
        version: "test".into(),
        started_at: started_at.into(),
    };
    town.host_start(&run("a"), None).unwrap();
    clock.advance(Duration::from_secs(5));
    town.host_beat(&run("a")).unwrap();
    // Another machine (its lock records nothing, or another run): however
    // long since the last beat by this clock, no two clocks are compared.
    for previous in [None, Some("x")] {
        clock.advance(MINUTE);
        let refused = town.host_start(&run("b"), previous).unwrap_err();
        assert_eq!(refused.kind, ErrorKind::Conflict, "{refused:?}");
        assert!(
            refused.message.contains("host h1 is live"),
            "{}",
            refused.message
        );
    }
    assert_eq!(
        town.hosts().unwrap()[0].started_at,
        "a",
        "a refusal writes nothing"
    );
    // Known to be over (the same directory after a crash, or watched).
    town.host_start(&run("c"), Some("a")).unwrap();
    // The old run, had it lived on, is refused, and its beat writes nothing;
    // its clean stop leaves the new run's row live.
    let replaced = town.host_beat(&run("a")).unwrap_err();
    assert_eq!(replaced.kind, ErrorKind::Conflict);
    town.host_stopped("h1", "a").unwrap();
    let host = &town.hosts().unwrap()[0];
    assert_eq!(
        (host.started_at.as_str(), host.status),
        ("c", HostStatus::Live)
    );
    // Stopped cleanly by its own run: anyone may start it, at once.
    town.host_stopped("h1", "c").unwrap();
    town.host_start(&run("e"), None).unwrap();
}

/// A process of a run that has ended writes nothing: its host found lost,
/// the run's bead went back to the town, and the cut-off agent, back, may
/// neither beat nor report on the bead (the next run reports); while the run
/// lasted, both were taken.
fn an_ended_runs_process_writes_nothing(mut town: Town, clock: Clock) {
    use crate::ops::host::HostBeat;
    use crate::RunFence;
    let s = sling(&mut town, "cut off");
    town.host_start(
        &HostBeat {
            name: "h1".into(),
            slots: 1,
            running: 1,
            rigs: vec![],
            version: "test".into(),
            started_at: "t".into(),
        },
        None,
    )
    .unwrap();
    let claim = town.claim(&s.agent.id, "h1").unwrap().expect("runnable");
    let run = RunFence {
        agent: s.agent.name.clone(),
        host: "h1".into(),
        started_at: claim.started_at.clone(),
    };
    town.fence_run(Some(run.clone()));
    town.heartbeat(&s.agent.name).unwrap();
    town.fence_run(None);
    // Silent past host_dead_after: patrol gives the bead back to the town.
    clock.advance(3 * MINUTE);
    town.heartbeat(&s.agent.name).unwrap();
    assert_eq!(pass(&mut town).lost_hosts.len(), 1);
    let events = |town: &mut Town| town.events(&EventFilter::all()).unwrap().len();
    let before = events(&mut town);
    town.fence_run(Some(run));
    let beat = town.heartbeat(&s.agent.name).unwrap_err();
    assert_eq!(beat.kind, ErrorKind::Conflict, "{beat:?}");
    assert!(beat.message.contains("has ended"), "{}", beat.message);
    let report = town
        .update_bead(&UpdateBead {
            bead_id: s.bead.id.clone(),
            status: Some(BeadStatus::Closed),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(report.kind, ErrorKind::Conflict);
    town.fence_run(None);
    assert_eq!(events(&mut town), before, "refused writes write nothing");
    assert_eq!(
        town.bead(&s.bead.id).unwrap().status,
        BeadStatus::InProgress
    );
}

/// A failed attempt's pause is the town's: no host claims the bead before
/// it ends, whichever host ran it; then any may.
fn a_failed_attempt_pauses_on_every_host(mut town: Town, clock: Clock) {
    use crate::ops::run::RunEnd;
    let s = sling(&mut town, "flaky");
    let claim = town.claim(&s.agent.id, "h1").unwrap().expect("runnable");
    let end = RunEnd {
        agent_id: s.agent.id.clone(),
        bead_id: s.bead.id.clone(),
        host: "h1".into(),
        started_at: claim.started_at.clone(),
        outcome: "exited".into(),
        code: Some(1),
        signal: None,
        log_tail: vec![],
        counts: true,
    };
    assert_eq!(
        town.run_ended(&end, 3).unwrap(),
        crate::ops::run::Ended::Retry
    );
    assert!(town.runnable(10, &[]).unwrap().is_empty());
    assert!(town.claim(&s.agent.id, "h2").unwrap().is_none());
    clock.advance(Duration::from_millis(999));
    assert!(town.claim(&s.agent.id, "h2").unwrap().is_none());
    // The pause ends at its instant, for the claim as for the list.
    clock.advance(Duration::from_millis(1));
    assert_eq!(
        town.runnable(10, &[]).unwrap(),
        std::slice::from_ref(&s.agent.id)
    );
    let again = town
        .claim(&s.agent.id, "h2")
        .unwrap()
        .expect("runnable again");
    assert_eq!(again.run.attempt, 2);
    assert_eq!(town.agent(&s.agent.id).unwrap().retry_after, None);
}

/// The town as `actor` writes to it (a polecat reporting on its own bead).
fn as_actor(town: &Town, clock: &Clock, actor: &str) -> Town {
    reopened(town, clock, actor, None)
}

/// The town opened again by `actor`, keeping its local files in `local`.
fn reopened(town: &Town, clock: &Clock, actor: &str, local: Option<&std::path::Path>) -> Town {
    let mut other = Town::open(&OpenOptions {
        location: town.info().location,
        lock_timeout: Duration::from_secs(10),
        actor: actor.into(),
        dispatch_command: None,
        credentials: None,
        local: local.map(Into::into),
    })
    .unwrap();
    other.set_clock(clock.clone());
    other
}

/// An agent's log is its current run's, else its last run's, else the
/// newest in its folder, read on the host that keeps it; elsewhere the
/// refusal names the host that ran it.
fn an_agents_log_is_read_where_its_run_kept_it(town: Town, clock: Clock) {
    use crate::ops::run::{log_path, AgentLogs};
    let dir = tempfile::tempdir().unwrap();
    let mut town = reopened(&town, &clock, "witness", Some(dir.path()));
    let s = sling(&mut town, "logged");
    let logs = |town: &mut Town, lines: Option<u32>| {
        town.agent_logs(&AgentLogs {
            agent_id: s.agent.name.clone(),
            lines,
        })
    };
    for lines in [0, crate::ops::run::MAX_LOG_LINES + 1] {
        assert_eq!(
            logs(&mut town, Some(lines)).unwrap_err().kind,
            ErrorKind::Usage
        );
    }
    let none = logs(&mut town, None).unwrap_err();
    assert!(
        none.message.contains("has no run with a log"),
        "{}",
        none.message
    );
    let claim = town.claim(&s.agent.id, "h1").unwrap().expect("runnable");
    town.run_pid(&s.agent.id, "h1", &claim.started_at, 7)
        .unwrap();
    let elsewhere = logs(&mut town, None).unwrap_err();
    assert_eq!(elsewhere.kind, ErrorKind::NotFound);
    assert!(
        elsewhere.message.contains("run is on host h1"),
        "{}",
        elsewhere.message
    );
    let path = log_path(dir.path(), &s.agent.name, &s.bead.id, 1);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "one\ntwo\nthree\n").unwrap();
    let log = logs(&mut town, Some(2)).unwrap();
    assert_eq!(
        (
            log.bead.as_str(),
            log.attempt,
            log.running,
            log.host.as_deref()
        ),
        (s.bead.id.as_str(), 1, true, Some("h1"))
    );
    assert_eq!(log.lines, ["two", "three"]);
    assert_eq!(log.path, path.display().to_string());
    // Ended: its last run's log, no longer running.
    town.run_ended(&end_of(&claim, "exited"), 3).unwrap();
    let log = logs(&mut town, None).unwrap();
    assert_eq!((log.running, log.host), (false, None));
    assert_eq!(log.lines, ["one", "two", "three"]);
    // A log of a run the town has no record of: the newest in its folder.
    let folder = path.parent().unwrap();
    let old = folder.join("gt-old-3.log");
    std::fs::write(&old, "older\n").unwrap();
    let file = std::fs::File::options().write(true).open(&old).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    let gone = logs(&mut town, None).unwrap_err();
    assert!(
        gone.message.contains("last run was on host h1"),
        "{}",
        gone.message
    );
    let other = sling(&mut town, "no run");
    let other_folder = log_path(dir.path(), &other.agent.name, "x", 1);
    let other_folder = other_folder.parent().unwrap();
    std::fs::create_dir_all(other_folder).unwrap();
    for (name, age) in [("gt-a-1.log", 60), ("gt-b-2.log", 0), ("gt-c-1.txt", 0)] {
        std::fs::write(other_folder.join(name), format!("{name}\n")).unwrap();
        let file = std::fs::File::options()
            .write(true)
            .open(other_folder.join(name))
            .unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(age))
            .unwrap();
    }
    let newest = town
        .agent_logs(&AgentLogs {
            agent_id: other.agent.name.clone(),
            lines: None,
        })
        .unwrap();
    assert_eq!((newest.bead.as_str(), newest.attempt), ("gt-b", 2));
}

/// A log's last lines come from its last megabyte, without the piece of a
/// line cut at its start.
#[test]
fn a_logs_last_lines_leave_out_a_cut_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.log");
    let long = "x".repeat(3 << 19);
    std::fs::write(&path, format!("first\n{long}\nlast one\nlast two\n")).unwrap();
    let last = |n| crate::ops::run::last_lines(&path, n);
    assert_eq!(last(10), ["last one", "last two"]);
    assert_eq!(last(1), ["last two"]);
    assert!(crate::ops::run::last_lines(&dir.path().join("none"), 5).is_empty());
    std::fs::write(&path, "a\nb\n").unwrap();
    assert_eq!(last(10), ["a", "b"]);
}

/// A batch of `titles`, each bead's polecat's run claimed by host h1.
fn claimed(town: &mut Town, titles: &[&str]) -> Vec<crate::ops::run::Claim> {
    let b = batch(town, titles, titles.len() as u32);
    b.beads
        .iter()
        .map(|x| {
            let agent = x.agent.clone().unwrap();
            town.claim(&agent.id, "h1").unwrap().expect("runnable")
        })
        .collect()
}

/// How the run of a claim ends: `outcome` with its exit code or signal.
fn end_of(claim: &crate::ops::run::Claim, outcome: &str) -> crate::ops::run::RunEnd {
    crate::ops::run::RunEnd {
        agent_id: claim.agent.id.clone(),
        bead_id: claim.bead.id.clone(),
        host: claim.run.host.clone(),
        started_at: claim.started_at.clone(),
        outcome: outcome.into(),
        code: None,
        signal: None,
        log_tail: vec![],
        counts: true,
    }
}

/// A claim is its host's alone: another host, a dead polecat or an agent
/// that is no polecat gets none; only the claim's own run records its
/// process, and its host lists it.
fn a_claim_is_its_runs_alone(mut town: Town, _clock: Clock) {
    let s = sling(&mut town, "one");
    assert!(town.claims_of("h1").unwrap().is_empty());
    let claim = town.claim(&s.agent.id, "h1").unwrap().expect("runnable");
    assert!(town.claim(&s.agent.id, "h2").unwrap().is_none());
    let ids = |town: &mut Town, host: &str| -> Vec<String> {
        town.claims_of(host)
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect()
    };
    assert_eq!(ids(&mut town, "h1"), std::slice::from_ref(&s.agent.id));
    assert!(ids(&mut town, "h2").is_empty());
    // Another run's process (same host, another start; another host) is
    // not recorded; the claim's own is.
    let pid = |town: &mut Town| town.agent(&s.agent.id).unwrap().pid;
    town.run_pid(&s.agent.id, "h1", "2000-01-01T00:00:00.000Z", 41)
        .unwrap();
    town.run_pid(&s.agent.id, "h2", &claim.started_at, 42)
        .unwrap();
    assert_eq!(pid(&mut town), None);
    town.run_pid(&s.agent.id, "h1", &claim.started_at, 43)
        .unwrap();
    assert_eq!(pid(&mut town), Some(43));
    // A dead polecat's hooked bead is nobody's to run.
    let dead = sling(&mut town, "two");
    town.update_agent(&crate::ops::agent::UpdateAgent {
        agent_id: dead.agent.id.clone(),
        status: Some(AgentStatus::Dead),
        pid: None,
    })
    .unwrap();
    assert_eq!(town.agent(&dead.agent.id).unwrap().hook, Some(dead.bead.id));
    assert!(town.claim(&dead.agent.id, "h1").unwrap().is_none());
    // Nor is an agent's that is no polecat (gt makes none, but a town's
    // rows may hold one).
    let witness = sling(&mut town, "three");
    town.write(|unit| {
        unit.extra(crate::store::Stmt::new(
            "UPDATE agents SET role = 'witness' WHERE id = ?1",
            vec![witness.agent.id.as_str().into()],
        ));
        Ok(())
    })
    .unwrap();
    assert_eq!(
        town.agent(&witness.agent.id).unwrap().role,
        crate::model::AgentRole::Witness
    );
    assert!(town.claim(&witness.agent.id, "h1").unwrap().is_none());
}

/// What a run is told of its work: at it, reported on it (by its own
/// agent, not by someone else), or taken from it, each way said.
fn a_run_is_told_whether_its_work_is_still_its_own(mut town: Town, clock: Clock) {
    use crate::ops::run::RunState;
    let state = |town: &mut Town, c: &crate::ops::run::Claim| {
        town.run_state(&c.agent.id, &c.bead.id, "h1", &c.started_at)
            .unwrap()
    };
    let taken = |town: &mut Town, c: &crate::ops::run::Claim| match state(town, c) {
        RunState::Taken(why) => why,
        other => panic!("{other:?}"),
    };
    let claims = claimed(&mut town, &["a", "b", "c", "d", "e", "f"]);
    assert_eq!(state(&mut town, &claims[0]), RunState::Working);
    let mut elsewhere = claims[0].clone();
    elsewhere.started_at = "2000-01-01T00:00:00.000Z".into();
    assert_eq!(taken(&mut town, &elsewhere), "its claim was released");
    // Its agent put it in review (still on its hook): reported.
    let mut agent = as_actor(&town, &clock, &claims[0].agent.name);
    set(&mut agent, &claims[0].bead.id, BeadStatus::InReview);
    assert_eq!(state(&mut town, &claims[0]), RunState::Reported);
    // Someone else closed it: taken, however it reads.
    set(&mut town, &claims[1].bead.id, BeadStatus::Closed);
    let why = taken(&mut town, &claims[1]);
    assert!(
        why.contains("was taken off") || why.contains("is closed"),
        "{why}"
    );
    set(&mut town, &claims[2].bead.id, BeadStatus::Open);
    let why = taken(&mut town, &claims[2]);
    assert!(why.ends_with("is open now"), "{why}");
    // Reassigned, deleted, its agent deleted.
    town.reassign_bead(&crate::ops::bead::ReassignBead {
        bead_id: claims[3].bead.id.clone(),
        agent_id: None,
        new: true,
    })
    .unwrap();
    let why = taken(&mut town, &claims[3]);
    assert!(why.contains(" went to "), "{why}");
    town.delete_bead(&claims[4].bead.id, true).unwrap();
    assert_eq!(
        taken(&mut town, &claims[4]),
        format!("bead {} was deleted", claims[4].bead.id)
    );
    town.delete_agent(&claims[5].agent.id, true).unwrap();
    assert_eq!(taken(&mut town, &claims[5]), "its agent was deleted");
}

/// How a run ends: reported work is done (the exit says so), work left at
/// its hook is retried, the last attempt fails the bead with an escalation
/// that says how it ended and quotes its log, and the end of a run no
/// longer its own changes nothing.
fn a_runs_end_says_what_became_of_its_bead(mut town: Town, clock: Clock) {
    use crate::ops::run::Ended;
    let claims = claimed(
        &mut town,
        &["review", "retry", "t", "l", "n", "c", "s", "x"],
    );
    let exits = |town: &mut Town, bead: &str| -> Vec<serde_json::Value> {
        town.events(&EventFilter {
            subject: Some(bead.into()),
            ..EventFilter::all()
        })
        .unwrap()
        .into_iter()
        .filter(|e| e.event_type == "exited")
        .map(|e| e.metadata)
        .collect()
    };
    // In review by its agent, still on its hook: done, reported.
    let mut agent = as_actor(&town, &clock, &claims[0].agent.name);
    set(&mut agent, &claims[0].bead.id, BeadStatus::InReview);
    let end = end_of(&claims[0], "exited");
    assert_eq!(town.run_ended(&end, 3).unwrap(), Ended::Done);
    assert_eq!(exits(&mut town, &claims[0].bead.id)[0]["reported"], true);
    let after = town.agent(&claims[0].agent.id).unwrap();
    assert_eq!((after.host, after.retry_after), (None, None));
    // Its end again: no longer its claim.
    assert_eq!(town.run_ended(&end, 3).unwrap(), Ended::NotOurs);
    // Left at work: retried, not reported.
    assert_eq!(
        town.run_ended(&end_of(&claims[1], "exited"), 3).unwrap(),
        Ended::Retry
    );
    assert_eq!(exits(&mut town, &claims[1].bead.id)[0]["reported"], false);
    // The last attempt: failed, the escalation saying how.
    let cases: [(&str, Option<i64>, Option<i64>, &str); 6] = [
        ("timeout", Some(1), None, "ran past run.timeout"),
        (
            "log_full",
            Some(1),
            None,
            "wrote more than its log may hold",
        ),
        ("not_started", None, None, "could not be started"),
        (
            "exited",
            Some(3),
            None,
            "exited with status 3 without reporting",
        ),
        (
            "exited",
            None,
            Some(9),
            "was ended by signal 9 without reporting",
        ),
        ("exited", None, None, "ended without reporting"),
    ];
    for (claim, (outcome, code, signal, how)) in claims[2..].iter().zip(cases) {
        let mut end = end_of(claim, outcome);
        end.code = code;
        end.signal = signal;
        if outcome == "exited" {
            end.log_tail = vec!["the last line".into()];
        }
        assert_eq!(town.run_ended(&end, 1).unwrap(), Ended::Failed);
        assert_eq!(
            town.bead(&claim.bead.id).unwrap().status,
            BeadStatus::Failed
        );
        let message = town
            .escalations(false)
            .unwrap()
            .into_iter()
            .find(|e| e.bead.as_deref() == Some(claim.bead.id.as_str()))
            .expect("an escalation")
            .message;
        let said = format!(
            "{} failed bead {}: attempt 1 {how}",
            claim.agent.name, claim.bead.id
        );
        let tail = if outcome == "exited" {
            "; its log ends:\nthe last line"
        } else {
            ""
        };
        assert_eq!(message, format!("{said}{tail}"));
    }
}

/// A failed attempt's pause: 1 s, doubling, at most a minute.
#[test]
fn a_retry_pause_doubles_up_to_a_minute() {
    let pauses: Vec<u64> = [-1, 0, 1, 2, 3, 6, 7, 8, i64::MAX]
        .map(|n| crate::ops::run::retry_pause(n).as_secs())
        .into();
    assert_eq!(pauses, [1, 1, 1, 2, 4, 32, 60, 60, 60]);
}

macro_rules! patrol_tests {
    ($backend:ident, $location:expr) => {
        mod $backend {
            use super::*;

            fn town() -> (Box<dyn std::any::Any>, Town, Clock) {
                let (keep, location) = $location;
                let (town, clock) = open(location, None);
                (keep, town, clock)
            }

            patrol_tests!(@each
                a_silent_agent_stalls_once_and_is_raised_again,
                a_beat_recovers_and_resolves,
                a_dead_agents_bead_is_released_within_the_cap,
                a_released_bead_waits_then_is_fed_lazily,
                a_place_a_death_frees_is_fed_in_the_same_pass,
                a_dry_run_changes_nothing,
                a_repair_no_longer_due_is_skipped,
                a_silent_host_is_lost_and_its_claims_released,
                a_lost_hosts_escalation_names_twenty_beads,
                a_host_that_beat_or_stopped_meanwhile_is_not_lost,
                a_failed_attempt_pauses_on_every_host,
                a_claim_is_its_runs_alone,
                a_run_is_told_whether_its_work_is_still_its_own,
                a_runs_end_says_what_became_of_its_bead,
                an_agents_log_is_read_where_its_run_kept_it,
                a_second_supervisor_of_a_beating_host_is_refused,
                an_ended_runs_process_writes_nothing,
                resetting_a_dead_agent_resolves_its_escalation,
            );

            #[test]
            fn nothing_due_writes_nothing() {
                let (_keep, town, clock) = town();
                super::nothing_due_writes_nothing(town, clock);
            }

            #[test]
            fn failed_dispatches_are_retried_then_escalated() {
                let (_keep, location) = $location;
                let flag = tempfile::tempdir().unwrap();
                super::failed_dispatches_are_retried_then_escalated(
                    location,
                    flag.path().join("ok"),
                );
            }
        }
    };
    (@each $($name:ident),+ $(,)?) => {
        $(
            #[test]
            fn $name() {
                let (_keep, town, clock) = town();
                super::$name(town, clock);
            }
        )+
    };
}

fn sqlite_location() -> (Box<dyn std::any::Any>, String) {
    let dir = tempfile::tempdir().unwrap();
    let location = dir.path().join("town.db").display().to_string();
    (Box::new(dir), location)
}

fn rqlite_location() -> (Box<dyn std::any::Any>, String) {
    let node = crate::testing::Node::start();
    let location = node.url();
    (Box::new(node), location)
}

patrol_tests!(sqlite, sqlite_location());
patrol_tests!(rqlite, rqlite_location());

/// On SQLite, a pass with nothing due leaves the file and its journal
/// byte for byte as they were.
#[test]
fn nothing_due_leaves_the_sqlite_file_untouched() {
    let (dir, location) = sqlite_location();
    let (town, clock) = open(location.clone(), None);
    let (mut town, _clock) = nothing_due_writes_nothing(town, clock);
    let read = || {
        let mut files: Vec<_> =
            std::fs::read_dir(dir.downcast_ref::<tempfile::TempDir>().unwrap().path())
                .unwrap()
                .map(|e| {
                    let p = e.unwrap().path();
                    (p.display().to_string(), std::fs::read(&p).unwrap())
                })
                .collect();
        files.sort();
        files
    };
    let before = read();
    assert!(pass(&mut town).is_empty());
    assert!(read() == before, "the pass changed the store's files");
}
