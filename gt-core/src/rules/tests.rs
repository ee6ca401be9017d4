//! The rules of SPEC §2 exercised through the public operations, one function per
//! rule. `rule_tests!` instantiates every one of them for a backend.

use serde_json::json;

use crate::model::{AgentStatus, Bead, BeadStatus, ConvoyStatus};
use crate::ops::bead::UpdateBead;
use crate::ops::rig::AddRig;
use crate::ops::sling::{Sling, SlingBatch, SlungBatch};
use crate::query::{BeadFilter, ConvoyFilter, EventFilter};
use crate::tasks::{TaskInput, TaskRef};
use crate::{event_type as ev, Town};

/// A town with the rigs `alpha` and `beta`.
pub(crate) fn with_rigs(mut town: Town) -> Town {
    for name in ["alpha", "beta"] {
        town.add_rig(&AddRig {
            name: name.into(),
            ..Default::default()
        })
        .unwrap();
    }
    town
}

/// Slings a batch on `alpha`: each task is (title, indices it depends on).
fn batch(town: &mut Town, tasks: &[(&str, &[usize])], cap: Option<u32>) -> SlungBatch {
    let tasks = tasks
        .iter()
        .map(|(title, deps)| TaskInput {
            depends_on: deps.iter().map(|&d| TaskRef::Index(d as i64)).collect(),
            ..TaskInput::titled(*title)
        })
        .collect();
    town.sling_batch(&SlingBatch {
        rig_id: "alpha".into(),
        convoy_title: "batch".into(),
        tasks,
        max_polecats: cap,
        ..Default::default()
    })
    .unwrap()
}

/// Slings one bead titled `title` on `rig`.
fn sling_on(town: &mut Town, rig: &str, title: &str) -> crate::ops::sling::Slung {
    town.sling(&Sling {
        rig_id: rig.into(),
        title: title.into(),
        ..Default::default()
    })
    .unwrap()
}

fn set(town: &mut Town, id: &str, status: BeadStatus) -> Bead {
    town.update_bead(&UpdateBead {
        bead_id: id.to_string(),
        status: Some(status),
        ..Default::default()
    })
    .unwrap()
}

fn status_of(town: &mut Town, id: &str) -> BeadStatus {
    town.bead(id).unwrap().status
}

fn progress(town: &mut Town, convoy: &str) -> (i64, i64, ConvoyStatus) {
    let c = town.convoy(convoy).unwrap();
    (c.closed_beads, c.total_beads, c.status)
}

fn count_events(town: &mut Town, subject: &str, event_type: &str) -> usize {
    town.events(&EventFilter {
        subject: Some(subject.into()),
        ..EventFilter::all()
    })
    .unwrap()
    .iter()
    .filter(|e| e.event_type == event_type)
    .count()
}

/// Seed 000's diamond: A; B and C after A; D after B and C (R2, R3, R7).
pub(crate) fn diamond_dispatches_in_order_and_lands_once(mut town: Town) {
    let b = batch(
        &mut town,
        &[("A", &[]), ("B", &[0]), ("C", &[0]), ("D", &[1, 2])],
        None,
    );
    let ids: Vec<String> = b.beads.iter().map(|x| x.bead.id.clone()).collect();
    let cv = b.convoy.id.clone();
    assert_eq!(b.beads.len(), 4);
    assert!(b.created);
    let dispatched: Vec<bool> = b.beads.iter().map(|x| x.dispatched).collect();
    assert_eq!(dispatched, [true, false, false, false]);
    assert!(
        b.beads.iter().all(|x| x.agent.is_some()),
        "every bead is hooked"
    );
    assert_eq!(progress(&mut town, &cv), (0, 4, ConvoyStatus::Active));

    set(&mut town, &ids[0], BeadStatus::Closed);
    assert_eq!(status_of(&mut town, &ids[1]), BeadStatus::InProgress);
    assert_eq!(status_of(&mut town, &ids[2]), BeadStatus::InProgress);
    assert_eq!(status_of(&mut town, &ids[3]), BeadStatus::Open);
    assert_eq!(progress(&mut town, &cv), (1, 4, ConvoyStatus::Active));

    set(&mut town, &ids[1], BeadStatus::Closed);
    assert_eq!(
        status_of(&mut town, &ids[3]),
        BeadStatus::Open,
        "D still waits for C"
    );
    assert_eq!(progress(&mut town, &cv), (2, 4, ConvoyStatus::Active));

    set(&mut town, &ids[2], BeadStatus::Closed);
    assert_eq!(status_of(&mut town, &ids[3]), BeadStatus::InProgress);
    assert_eq!(progress(&mut town, &cv), (3, 4, ConvoyStatus::Active));

    set(&mut town, &ids[3], BeadStatus::Closed);
    let landed = town.convoy(&cv).unwrap();
    assert_eq!(landed.status, ConvoyStatus::Landed);
    assert!(landed.landed_at.is_some());
    assert_eq!(count_events(&mut town, &cv, ev::CONVOY_LANDED), 1);

    assert!(town.convoys(&ConvoyFilter::default()).unwrap().is_empty());
    let all = town
        .convoys(&ConvoyFilter {
            all: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.len(), 1);
    // Every polecat of the convoy is free again (R6).
    let agents = town.agents(&Default::default()).unwrap();
    assert!(agents
        .iter()
        .all(|a| a.hook.is_none() && a.status == AgentStatus::Idle));
}

/// R3: a convoy with zero tracked beads never lands.
pub(crate) fn an_empty_convoy_never_lands(mut town: Town) {
    let b = batch(&mut town, &[("only", &[])], None);
    let only = b.beads[0].bead.id.clone();
    town.write(|unit| unit.delete_bead(&only, true).map(|_| ()))
        .unwrap();
    assert_eq!(
        progress(&mut town, &b.convoy.id),
        (0, 0, ConvoyStatus::Active)
    );
}

/// R4: a failed bead does not land its convoy, and flags it for attention.
pub(crate) fn a_failed_bead_does_not_land_and_needs_attention(mut town: Town) {
    let b = batch(&mut town, &[("A", &[]), ("B", &[])], None);
    let (a, bb) = (b.beads[0].bead.id.clone(), b.beads[1].bead.id.clone());
    set(&mut town, &a, BeadStatus::Closed);
    assert!(!town.convoy(&b.convoy.id).unwrap().needs_attention);
    set(&mut town, &bb, BeadStatus::Failed);
    let c = town.convoy(&b.convoy.id).unwrap();
    assert_eq!(
        (c.status, c.closed_beads, c.failed_beads),
        (ConvoyStatus::Active, 1, 1)
    );
    assert!(c.needs_attention);
}

/// R4: a failed blocker keeps its dependents waiting.
pub(crate) fn a_failed_blocker_keeps_dependents_waiting(mut town: Town) {
    let b = batch(&mut town, &[("A", &[]), ("B", &[0])], None);
    let (a, dep) = (b.beads[0].bead.id.clone(), b.beads[1].bead.id.clone());
    set(&mut town, &a, BeadStatus::Failed);
    assert_eq!(status_of(&mut town, &dep), BeadStatus::Open);
    let status = town.convoy_status(&b.convoy.id).unwrap();
    assert_eq!(status.beads[1].blocked_by, vec![a.clone()]);
}

/// An update writes only the fields it changed, and every field it changed is
/// stored: what the town reads back is what the update returned.
pub(crate) fn bead_updates_store_what_they_change(mut town: Town) {
    let id = sling_on(&mut town, "alpha", "first").bead.id;
    let changed = town
        .update_bead(&UpdateBead {
            bead_id: id.clone(),
            title: Some("second".into()),
            body: Some("the body".into()),
            priority: Some(crate::model::Priority::Critical),
            labels: Some(vec!["a".into(), "b".into()]),
            metadata: Some(serde_json::Map::from_iter([("k".into(), json!({"n": 1}))])),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(town.bead(&id).unwrap(), changed);
    assert_eq!(changed.title, "second");
    let closed = town
        .update_bead(&UpdateBead {
            bead_id: id.clone(),
            status: Some(BeadStatus::Closed),
            remove_labels: vec!["a".into()],
            metadata: Some(serde_json::Map::from_iter([(
                "k".into(),
                serde_json::Value::Null,
            )])),
            ..Default::default()
        })
        .unwrap();
    let stored = town.bead(&id).unwrap();
    assert_eq!(stored, closed);
    assert_eq!(
        (stored.title.as_str(), stored.labels, stored.metadata.len()),
        ("second", vec!["b".to_string()], 0)
    );
    assert!(stored.closed_at.is_some());
}

/// `convoy status` lists every edge once, in order, and names as blockers only
/// the ones not closed yet.
pub(crate) fn convoy_status_lists_edges_and_open_blockers(mut town: Town) {
    let b = batch(
        &mut town,
        &[("A", &[]), ("B", &[]), ("C", &[0, 1]), ("D", &[])],
        None,
    );
    let ids: Vec<String> = b.beads.iter().map(|t| t.bead.id.clone()).collect();
    set(&mut town, &ids[0], BeadStatus::Closed);
    let status = town.convoy_status(&b.convoy.id).unwrap();
    let order: Vec<&str> = status.beads.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(order, ids.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(status.beads[2].blocked_by, vec![ids[1].clone()]);
    assert!(status
        .beads
        .iter()
        .enumerate()
        .all(|(i, t)| i == 2 || t.blocked_by.is_empty()));
    let mut want = vec![
        (ids[2].clone(), ids[0].clone()),
        (ids[2].clone(), ids[1].clone()),
    ];
    want.sort();
    let edges: Vec<(String, String)> = status
        .dependency_edges
        .iter()
        .map(|e| (e.bead_id.clone(), e.depends_on_bead_id.clone()))
        .collect();
    assert_eq!(edges, want);
}

/// R4: a hooked bead whose agent is dead flags its convoy.
pub(crate) fn a_dead_agent_flags_its_convoy(mut town: Town) {
    let b = batch(&mut town, &[("A", &[])], None);
    let agent = b.beads[0].agent.clone().unwrap();
    town.write(|unit| {
        unit.set_agent_status(&agent.id, AgentStatus::Dead)
            .map(|_| ())
    })
    .unwrap();
    assert!(town.convoy(&b.convoy.id).unwrap().needs_attention);
}

/// R5: reopening a bead of a landed convoy reopens the convoy.
pub(crate) fn reopening_a_bead_reopens_a_landed_convoy(mut town: Town) {
    let b = batch(&mut town, &[("A", &[])], None);
    let (a, cv) = (b.beads[0].bead.id.clone(), b.convoy.id.clone());
    set(&mut town, &a, BeadStatus::Closed);
    assert_eq!(progress(&mut town, &cv).2, ConvoyStatus::Landed);
    set(&mut town, &a, BeadStatus::Open);
    let c = town.convoy(&cv).unwrap();
    assert_eq!(
        (c.status, c.landed_at.clone(), c.closed_beads),
        (ConvoyStatus::Active, None, 0)
    );
    assert_eq!(count_events(&mut town, &cv, ev::CONVOY_REOPENED), 1);
    set(&mut town, &a, BeadStatus::Closed);
    assert_eq!(progress(&mut town, &cv).2, ConvoyStatus::Landed);
    assert_eq!(count_events(&mut town, &cv, ev::CONVOY_LANDED), 2);
}

/// R5: a bead reopened to `open` goes back to work like a new bead of its
/// convoy, with or without a cap: hooked onto the polecat its end freed, and
/// dispatched. Reopened to `in_progress` or `in_review` it takes the status
/// asked for and nothing more: no polecat is handed it.
pub(crate) fn a_bead_reopened_to_open_goes_back_to_work(mut town: Town) {
    for cap in [None, Some(1)] {
        for end in [BeadStatus::Closed, BeadStatus::Failed] {
            for reopened in [
                BeadStatus::Open,
                BeadStatus::InProgress,
                BeadStatus::InReview,
            ] {
                let case = format!("{end} → {reopened}, cap {cap:?}");
                let b = batch(&mut town, &[("A", &[])], cap);
                let a = b.beads[0].bead.id.clone();
                let polecat = b.beads[0].agent.clone().unwrap().name;
                set(&mut town, &a, end);
                set(&mut town, &a, reopened);
                let bead = town.bead(&a).unwrap();
                let agent = town.agent(&polecat).unwrap();
                let convoy = town.convoy(&b.convoy.id).unwrap();
                assert_eq!(convoy.status, ConvoyStatus::Active, "{case}");
                if reopened == BeadStatus::Open {
                    assert_eq!(bead.status, BeadStatus::InProgress, "{case}");
                    assert_eq!(bead.assignee.as_deref(), Some(polecat.as_str()), "{case}");
                    assert_eq!(agent.status, AgentStatus::Working, "{case}");
                    assert_eq!(count_events(&mut town, &a, ev::DISPATCHED), 2, "{case}");
                    // Free the polecat for the next case.
                    set(&mut town, &a, BeadStatus::Closed);
                } else {
                    assert_eq!((bead.status, bead.assignee), (reopened, None), "{case}");
                    assert_eq!(agent.status, AgentStatus::Idle, "{case}");
                    assert_eq!(count_events(&mut town, &a, ev::DISPATCHED), 1, "{case}");
                }
            }
        }
    }
    assert_eq!(town.agents(&Default::default()).unwrap().len(), 1);
}

/// R6: hooks and assignees agree both ways, and a terminal bead frees its agent.
pub(crate) fn hooks_and_assignees_agree(mut town: Town) {
    let b = batch(&mut town, &[("A", &[]), ("B", &[0])], None);
    for item in &b.beads {
        let agent = item.agent.as_ref().unwrap();
        assert_eq!(agent.hook.as_deref(), Some(item.bead.id.as_str()));
        assert_eq!(item.bead.assignee.as_deref(), Some(agent.name.as_str()));
    }
    let a = &b.beads[0];
    set(&mut town, &a.bead.id, BeadStatus::Closed);
    assert_eq!(town.bead(&a.bead.id).unwrap().assignee, None);
    let agent = town.agent(&a.agent.as_ref().unwrap().name).unwrap();
    assert_eq!((agent.hook, agent.status), (None, AgentStatus::Idle));
}

/// R8: `--max-polecats 2` on 5 tasks hooks 2 and feeds the next as each closes.
pub(crate) fn a_capped_batch_feeds_freed_polecats(mut town: Town) {
    let b = batch(
        &mut town,
        &[("1", &[]), ("2", &[]), ("3", &[]), ("4", &[]), ("5", &[])],
        Some(2),
    );
    let ids: Vec<String> = b.beads.iter().map(|x| x.bead.id.clone()).collect();
    let hooked = |b: &SlungBatch| b.beads.iter().filter(|x| x.agent.is_some()).count();
    assert_eq!(hooked(&b), 2);
    assert_eq!(town.agents(&Default::default()).unwrap().len(), 2);
    let first_agent = b.beads[0].agent.clone().unwrap();
    set(&mut town, &ids[0], BeadStatus::Closed);
    let third = town.bead(&ids[2]).unwrap();
    assert_eq!(
        third.assignee.as_deref(),
        Some(first_agent.name.as_str()),
        "the freed polecat takes the next bead"
    );
    assert_eq!(third.status, BeadStatus::InProgress);
    for id in &ids[1..] {
        set(&mut town, id, BeadStatus::Closed);
    }
    assert_eq!(
        town.agents(&Default::default()).unwrap().len(),
        2,
        "never more than the cap"
    );
    assert_eq!(
        progress(&mut town, &b.convoy.id),
        (5, 5, ConvoyStatus::Landed)
    );
}

/// R8: idle polecats are reused, but only within their own rig.
pub(crate) fn polecats_are_reused_within_their_rig(mut town: Town) {
    let first = sling_on(&mut town, "alpha", "one");
    set(&mut town, &first.bead.id, BeadStatus::Closed);
    let other_rig = sling_on(&mut town, "beta", "two");
    assert_ne!(
        other_rig.agent.id, first.agent.id,
        "an alpha polecat is not used for beta"
    );
    let same_rig = sling_on(&mut town, "alpha", "three");
    assert_eq!(
        same_rig.agent.id, first.agent.id,
        "the idle alpha polecat is reused"
    );
    let names: Vec<String> = town
        .agents(&Default::default())
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(names, ["Toast", "Maple"]);
}

/// The name pool runs Toast, Maple, Birch, … then Polecat-21.
pub(crate) fn polecat_names_follow_the_pool(mut town: Town) {
    let tasks: Vec<(&str, &[usize])> = (0..22).map(|_| ("t", &[] as &[usize])).collect();
    batch(&mut town, &tasks, None);
    let names: Vec<String> = town
        .agents(&Default::default())
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(&names[..3], ["Toast", "Maple", "Birch"]);
    assert_eq!(names[19], "Lark");
    assert_eq!(&names[20..], ["Polecat-21", "Polecat-22"]);
}

/// R8 past the pool, in a town that already holds many numbered polecats with
/// gaps: every name of the pool and `Polecat-21` to `Polecat-200` are taken but
/// for 30, 33, 34, 36, 96, 97 and 161. A new name is never a taken one. Where
/// it lands is pinned, so that a change to the search is a deliberate one: the
/// gallop probes 21, 22, 24 and 28 (taken) then 36 (free), and bisecting 28–36
/// finds 33, right after the taken 32; 30, which no probe touched, stays free
/// (the price of a few lookups instead of a read of every name). From 33 the
/// numbers are looked up 64 at a time (33–96, 97–160, 161–224): 96 is the last
/// of a chunk, 97 and 161 the first of one.
pub(crate) fn numbered_names_past_the_pool_skip_taken_ones(mut town: Town) {
    use crate::model::{Agent, AgentRole};
    let gaps = [30, 33, 34, 36, 96, 97, 161];
    let taken: Vec<String> = super::POLECAT_NAMES
        .iter()
        .map(|n| n.to_string())
        .chain(
            (21..=200)
                .filter(|n| !gaps.contains(n))
                .map(|n| format!("Polecat-{n}")),
        )
        .collect();
    town.write(|unit| {
        for (i, name) in taken.iter().enumerate() {
            unit.create(Agent {
                id: format!("ag-n{i:03}"),
                name: name.clone(),
                role: AgentRole::Polecat,
                rig: Some("alpha".into()),
                status: AgentStatus::Idle,
                hook: None,
                pid: None,
                last_activity_at: unit.now.clone(),
                created_at: unit.now.clone(),
                host: None,
                run_started_at: None,
                run_bead: None,
                attempt: 0,
                retry_after: None,
            });
        }
        Ok(())
    })
    .unwrap();
    let number = |name: &str| name.strip_prefix("polecat-")?.parse::<usize>().ok();
    let given = town
        .write(|unit| {
            let mut names = Vec::new();
            for _ in 0..8 {
                let id = unit.create_polecat("alpha")?;
                names.push(unit.must::<Agent>(&id)?.name);
                // One lookup reads one chunk: nothing past it is known yet.
                let known = unit.names_in_use.as_ref().expect("names were looked up");
                let last = known.iter().filter_map(|n| number(n)).max().unwrap();
                assert!(
                    last < unit.polecat_numbers_checked,
                    "{last} is past the chunk"
                );
                let read_to = match names.len() {
                    1..=4 => 33 + super::NAME_CHUNK,
                    5 => 97 + super::NAME_CHUNK,
                    _ => 161 + super::NAME_CHUNK,
                };
                assert_eq!(unit.polecat_numbers_checked, read_to, "after {names:?}");
            }
            Ok(names)
        })
        .unwrap();
    assert_eq!(
        given,
        [
            "Polecat-33",
            "Polecat-34",
            "Polecat-36",
            "Polecat-96",
            "Polecat-97",
            "Polecat-161",
            "Polecat-201",
            "Polecat-202"
        ]
    );
}

/// Idempotency: the same key returns the first convoy and writes nothing.
pub(crate) fn an_idempotency_key_returns_the_first_convoy(mut town: Town) {
    let req = SlingBatch {
        rig_id: "alpha".into(),
        convoy_title: "ci".into(),
        tasks: vec![TaskInput::titled("x"), TaskInput::titled("y")],
        idempotency_key: Some("build-42".into()),
        ..Default::default()
    };
    let first = town.sling_batch(&req).unwrap();
    let events_before = town.events(&EventFilter::all()).unwrap().len();
    let again = town.sling_batch(&req).unwrap();
    assert!(!again.created);
    assert_eq!(again.convoy, first.convoy);
    assert_eq!(again.beads, first.beads);
    assert_eq!(
        town.events(&EventFilter::all()).unwrap().len(),
        events_before
    );
    assert_eq!(town.beads(&BeadFilter::default()).unwrap().len(), 2);
    let different = SlingBatch {
        tasks: vec![TaskInput::titled("z")],
        ..req
    };
    assert_eq!(town.sling_batch(&different).unwrap_err().code(), "conflict");
}

/// R2: counts follow deletes, and a bead deleted from a convoy may land it (R10).
pub(crate) fn deleting_a_tracked_bead_recounts_and_may_land(mut town: Town) {
    let b = batch(&mut town, &[("A", &[]), ("B", &[0])], None);
    let (a, dep) = (b.beads[0].bead.id.clone(), b.beads[1].bead.id.clone());
    set(&mut town, &a, BeadStatus::Closed);
    town.write(|unit| unit.delete_bead(&dep, true).map(|_| ()))
        .unwrap();
    assert_eq!(
        progress(&mut town, &b.convoy.id),
        (1, 1, ConvoyStatus::Landed)
    );
    assert_eq!(count_events(&mut town, &dep, ev::DELETED), 1);
}

/// R10: deleting a blocker frees its dependents to dispatch.
pub(crate) fn deleting_a_blocker_dispatches_its_dependents(mut town: Town) {
    let b = batch(&mut town, &[("A", &[]), ("B", &[0])], None);
    let (a, dep) = (b.beads[0].bead.id.clone(), b.beads[1].bead.id.clone());
    town.write(|unit| unit.delete_bead(&a, true).map(|_| ()))
        .unwrap();
    let dependent = town.bead(&dep).unwrap();
    assert!(dependent.depends_on.is_empty());
    assert_eq!(dependent.status, BeadStatus::InProgress);
}

/// R9: a status change names the actor and both values.
pub(crate) fn status_changes_are_audited(mut town: Town) {
    let b = batch(&mut town, &[("A", &[])], None);
    let a = b.beads[0].bead.id.clone();
    set(&mut town, &a, BeadStatus::InReview);
    let events = town
        .events(&EventFilter {
            subject: Some(a.clone()),
            ..EventFilter::all()
        })
        .unwrap();
    let change = events
        .iter()
        .find(|e| e.event_type == ev::STATUS_CHANGED)
        .unwrap();
    assert_eq!(change.actor, "tester");
    assert_eq!(
        (change.old_value.clone(), change.new_value.clone()),
        (json!("in_progress"), json!("in_review"))
    );
}

/// R6: moving a hook between agents in one batch keeps it unique at every step.
pub(crate) fn reassigning_moves_the_hook_in_one_batch(mut town: Town) {
    use crate::ops::bead::ReassignBead;
    let first = sling_on(&mut town, "alpha", "one");
    let moved = town
        .reassign_bead(&ReassignBead {
            bead_id: first.bead.id.clone(),
            new: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(moved.agent.hook.as_deref(), Some(first.bead.id.as_str()));
    assert_eq!(moved.previous_agent.unwrap().hook, None);
    let back = town
        .reassign_bead(&ReassignBead {
            bead_id: first.bead.id.clone(),
            agent_id: Some(first.agent.name.clone()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(back.agent.id, first.agent.id);
    assert_eq!(
        town.bead(&first.bead.id).unwrap().assignee.as_deref(),
        Some(first.agent.name.as_str())
    );
}

/// Force-closing a convoy with its beads frees every agent and dispatches nothing.
pub(crate) fn force_closing_ends_beads_without_dispatching(mut town: Town) {
    use crate::ops::convoy::CloseConvoy;
    let b = batch(&mut town, &[("A", &[]), ("B", &[0]), ("C", &[1])], Some(1));
    let closed = town
        .close_convoy(&CloseConvoy {
            convoy_id: b.convoy.id.clone(),
            close_beads: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        (closed.status, closed.closed_beads, closed.total_beads),
        (ConvoyStatus::Closed, 3, 3)
    );
    let agents = town.agents(&Default::default()).unwrap();
    assert_eq!(agents.len(), 1);
    assert!(agents
        .iter()
        .all(|a| a.hook.is_none() && a.status == AgentStatus::Idle));
    for item in &b.beads[1..] {
        assert_eq!(count_events(&mut town, &item.bead.id, ev::DISPATCHED), 0);
    }
}

/// R6 and R8: a dead agent freed of its bead stays dead, so it gets no new work.
pub(crate) fn a_dead_agent_stays_dead_when_freed(mut town: Town) {
    let first = sling_on(&mut town, "alpha", "one");
    town.write(|unit| {
        unit.set_agent_status(&first.agent.id, AgentStatus::Dead)
            .map(|_| ())
    })
    .unwrap();
    set(&mut town, &first.bead.id, BeadStatus::Failed);
    let agent = town.agent(&first.agent.id).unwrap();
    assert_eq!((agent.status, agent.hook), (AgentStatus::Dead, None));
    let next = sling_on(&mut town, "alpha", "two");
    assert_ne!(
        next.agent.id, first.agent.id,
        "the dead polecat is not reused"
    );
}

/// R8: a polecat this unit has hooked already is not handed out again, though
/// the store still lists it among the idle ones: here one whose bead waits for
/// an open blocker, so that it stays `idle` on its hook.
pub(crate) fn a_polecat_hooked_in_the_unit_is_not_handed_out_again(mut town: Town) {
    let slung: Vec<_> = ["1", "2", "3"]
        .map(|title| sling_on(&mut town, "alpha", title))
        .into_iter()
        .collect();
    for s in &slung {
        set(&mut town, &s.bead.id, BeadStatus::Closed);
    }
    let blocker = sling_on(&mut town, "beta", "blocker").bead.id;
    let waiting = town
        .create_bead(&crate::ops::bead::CreateBead {
            rig_id: "alpha".into(),
            title: "waits".into(),
            depends_on: vec![blocker],
            ..Default::default()
        })
        .unwrap()
        .id;
    let [toast, maple, birch] = [0, 1, 2].map(|i| slung[i].agent.id.clone());
    let handed = town
        .write(|unit| {
            let first = unit.idle_polecat("alpha")?;
            unit.hook(&maple, &waiting)?;
            let next = unit.idle_polecat("alpha")?;
            Ok((first, next))
        })
        .unwrap();
    assert_eq!(handed, (Some(toast), Some(birch)));
    let maple = town.agent(&maple).unwrap();
    assert_eq!(
        (maple.status, maple.hook),
        (AgentStatus::Idle, Some(waiting))
    );
}

/// R6 and R8 in a capped batch: a dead polecat whose bead ends stays dead and
/// is not fed the convoy's next bead, which waits for a live one.
pub(crate) fn a_dead_polecat_is_not_fed_its_convoys_next_bead(mut town: Town) {
    let b = batch(&mut town, &[("A", &[]), ("B", &[])], Some(1));
    let (a, next) = (b.beads[0].bead.id.clone(), b.beads[1].bead.id.clone());
    let dead = b.beads[0].agent.clone().unwrap();
    town.write(|unit| {
        unit.set_agent_status(&dead.id, AgentStatus::Dead)
            .map(|_| ())
    })
    .unwrap();
    set(&mut town, &a, BeadStatus::Failed);
    let agent = town.agent(&dead.id).unwrap();
    assert_eq!((agent.status, agent.hook), (AgentStatus::Dead, None));
    let next = town.bead(&next).unwrap();
    assert_eq!((next.status, next.assignee), (BeadStatus::Open, None));
}

/// R8: two polecats freed in one unit are fed two different beads of their
/// convoy. The feed reads the waiting beads from the store, where the first
/// one fed is still unassigned; it must skip it. (Both wait for a bead
/// outside the convoy, so that the first stays `open` on its hook.)
pub(crate) fn two_polecats_freed_in_one_unit_are_fed_different_beads(mut town: Town) {
    let b = batch(
        &mut town,
        &[("A", &[]), ("B", &[]), ("W1", &[]), ("W2", &[])],
        Some(2),
    );
    let ids: Vec<String> = b.beads.iter().map(|x| x.bead.id.clone()).collect();
    let outside = sling_on(&mut town, "alpha", "outside").bead.id;
    for waiting in &ids[2..] {
        town.update_bead(&UpdateBead {
            bead_id: waiting.clone(),
            add_depends_on: vec![outside.clone()],
            ..Default::default()
        })
        .unwrap();
    }
    town.write(|unit| {
        unit.set_bead_status(&ids[0], BeadStatus::Closed)?;
        unit.set_bead_status(&ids[1], BeadStatus::Closed)?;
        Ok(())
    })
    .unwrap();
    let holders: Vec<Option<String>> = ids[2..]
        .iter()
        .map(|id| town.bead(id).unwrap().assignee)
        .collect();
    let agents: Vec<Option<String>> = b.beads[..2]
        .iter()
        .map(|x| x.agent.as_ref().map(|a| a.name.clone()))
        .collect();
    assert_eq!(holders, agents);
}

/// R7 and R10 within one unit: the dependents of a bead are those the store
/// holds and those this unit made, each once.
pub(crate) fn dependents_include_the_units_own_once(mut town: Town) {
    let blocker = sling_on(&mut town, "alpha", "blocker").bead.id;
    let stored = town
        .create_bead(&crate::ops::bead::CreateBead {
            rig_id: "alpha".into(),
            title: "stored".into(),
            depends_on: vec![blocker.clone()],
            ..Default::default()
        })
        .unwrap()
        .id;
    let found = town
        .write(|unit| {
            // The stored dependent's edges change in this unit (it keeps
            // the blocker), and a new one is made.
            let mut d: Bead = unit.must(&stored)?;
            d.labels.push("touched".into());
            d.depends_on.push(blocker.clone());
            d.depends_on.dedup();
            unit.put(d);
            let mut new = crate::entity::tests::bead("gt-new", BeadStatus::Open, None);
            new.rig = "alpha".into();
            new.depends_on = vec![blocker.clone()];
            unit.create(new);
            unit.dependents(&blocker)
        })
        .unwrap();
    assert_eq!(found, [stored, "gt-new".to_string()]);
}

/// R8: a waiting bead of a convoy at its cap is not hooked by a reassign; the
/// refusal says why, and offers to raise the cap by one.
pub(crate) fn a_reassign_into_a_full_cap_is_refused(mut town: Town) {
    use crate::ops::bead::ReassignBead;
    let b = batch(&mut town, &[("A", &[]), ("B", &[])], Some(1));
    let waiting = b.beads[1].bead.id.clone();
    let refused = town
        .reassign_bead(&ReassignBead {
            bead_id: waiting.clone(),
            new: true,
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(refused.code(), "conflict");
    assert!(refused.to_string().contains("its cap"), "{refused}");
    // The hint offers one more place than the cap.
    let hint = refused.hint.as_ref().unwrap().to_string();
    assert!(hint.contains(r#""max_polecats":2}"#), "{hint}");
    assert_eq!(town.bead(&waiting).unwrap().assignee, None);
}

/// R8: a convoy closed by hand takes no more work: when a bead it still has
/// on a hook ends, its polecat is not fed the convoy's waiting bead.
pub(crate) fn a_convoy_closed_by_hand_feeds_nobody(mut town: Town) {
    use crate::ops::convoy::CloseConvoy;
    let b = batch(&mut town, &[("A", &[]), ("B", &[])], Some(1));
    let (a, waiting) = (b.beads[0].bead.id.clone(), b.beads[1].bead.id.clone());
    town.close_convoy(&CloseConvoy {
        convoy_id: b.convoy.id.clone(),
        ..Default::default()
    })
    .unwrap();
    set(&mut town, &a, BeadStatus::Closed);
    let waiting = town.bead(&waiting).unwrap();
    assert_eq!((waiting.status, waiting.assignee), (BeadStatus::Open, None));
    let polecat = town.agent(&b.beads[0].agent.as_ref().unwrap().id).unwrap();
    assert_eq!((polecat.status, polecat.hook), (AgentStatus::Idle, None));
}

/// R6 within one unit: putting a bead back to work leaves it alone when this
/// unit has hooked it already (here a bead that waits for its blocker, so
/// that it stays `open` on its hook), although the store still shows it
/// waiting for a polecat.
pub(crate) fn a_bead_hooked_in_the_unit_is_not_hooked_again(mut town: Town) {
    let b = batch(&mut town, &[("A", &[]), ("B", &[0])], None);
    let waiting = b.beads[1].bead.id.clone();
    // Two idle polecats of alpha besides the batch's.
    let slung = ["1", "2"].map(|title| sling_on(&mut town, "alpha", title));
    for s in &slung {
        set(&mut town, &s.bead.id, BeadStatus::Closed);
    }
    let first = slung[0].agent.clone();
    let again = town
        .write(|unit| {
            unit.release_hook_of_bead(&waiting)?;
            unit.hook(&first.id, &waiting)?;
            unit.rehook(&waiting)
        })
        .unwrap();
    assert_eq!(again, None);
    let bead = town.bead(&waiting).unwrap();
    assert_eq!(
        (bead.status, bead.assignee),
        (BeadStatus::Open, Some(first.name))
    );
}

/// R8 within one unit: filling a convoy's places skips a waiting bead this
/// unit has hooked already (the store still shows it waiting), and hooks the
/// next one.
pub(crate) fn filling_places_skips_a_bead_the_unit_hooked(mut town: Town) {
    let b = batch(
        &mut town,
        &[("A", &[]), ("W1", &[0]), ("W2", &[0])],
        Some(1),
    );
    let ids: Vec<String> = b.beads.iter().map(|x| x.bead.id.clone()).collect();
    let idle = sling_on(&mut town, "alpha", "other");
    set(&mut town, &idle.bead.id, BeadStatus::Closed);
    let filled = town
        .write(|unit| {
            unit.hook(&idle.agent.id, &ids[1])?;
            unit.fill_places(&b.convoy.id, 3)
        })
        .unwrap();
    assert_eq!(filled, [ids[2].clone()]);
    let holder = town.bead(&ids[1]).unwrap().assignee;
    assert_eq!(holder, Some(idle.agent.name));
}

/// R5: a bead reopened in a convoy closed by hand does not go back to work:
/// the convoy takes no work.
pub(crate) fn a_bead_reopened_in_a_convoy_closed_by_hand_stays_unassigned(mut town: Town) {
    use crate::ops::convoy::CloseConvoy;
    let b = batch(&mut town, &[("A", &[])], None);
    let a = b.beads[0].bead.id.clone();
    town.close_convoy(&CloseConvoy {
        convoy_id: b.convoy.id.clone(),
        close_beads: true,
        ..Default::default()
    })
    .unwrap();
    set(&mut town, &a, BeadStatus::Open);
    let bead = town.bead(&a).unwrap();
    assert_eq!((bead.status, bead.assignee), (BeadStatus::Open, None));
    let convoy = town.convoy(&b.convoy.id).unwrap();
    assert_eq!(convoy.status, ConvoyStatus::Closed);
}

/// R6: putting to work a bead that is hooked already (here one that waits
/// for its blocker, so `open` on its hook) leaves it on its hook.
pub(crate) fn putting_a_hooked_bead_to_work_leaves_it_alone(mut town: Town) {
    let b = batch(&mut town, &[("A", &[]), ("B", &[0])], None);
    let waiting = &b.beads[1];
    let agent = town
        .write(|unit| {
            let convoy: crate::model::Convoy = unit.must(&b.convoy.id)?;
            unit.put_to_work(&waiting.bead.id, &convoy)
        })
        .unwrap();
    assert_eq!(agent, None);
    let holder = town.bead(&waiting.bead.id).unwrap().assignee;
    assert_eq!(holder, waiting.agent.as_ref().map(|a| a.name.clone()));
}

/// R10: deleting one of a bead's two blockers removes that edge only: the
/// bead still waits for the other.
pub(crate) fn deleting_one_blocker_keeps_the_others(mut town: Town) {
    let b = batch(&mut town, &[("X", &[]), ("Y", &[]), ("D", &[0, 1])], None);
    let ids: Vec<String> = b.beads.iter().map(|x| x.bead.id.clone()).collect();
    town.write(|unit| unit.delete_bead(&ids[0], true).map(|_| ()))
        .unwrap();
    let d = town.bead(&ids[2]).unwrap();
    assert_eq!(
        (d.depends_on, d.status),
        (vec![ids[1].clone()], BeadStatus::Open)
    );
}

/// Instantiates every rule test above for one backend; `$open` makes a fresh town.
macro_rules! rule_tests {
    ($backend:ident, $open:expr) => {
        mod $backend {
            use super::*;

            /// A fresh town with its rigs, and what must live as long as it.
            fn town() -> (Box<dyn std::any::Any>, Town) {
                let (keep, town) = $open;
                (keep, with_rigs(town))
            }

            rule_tests!(@each
                diamond_dispatches_in_order_and_lands_once,
                an_empty_convoy_never_lands,
                a_failed_bead_does_not_land_and_needs_attention,
                a_failed_blocker_keeps_dependents_waiting,
                convoy_status_lists_edges_and_open_blockers,
                bead_updates_store_what_they_change,
                a_dead_agent_flags_its_convoy,
                reopening_a_bead_reopens_a_landed_convoy,
                a_bead_reopened_to_open_goes_back_to_work,
                hooks_and_assignees_agree,
                a_capped_batch_feeds_freed_polecats,
                polecats_are_reused_within_their_rig,
                polecat_names_follow_the_pool,
                numbered_names_past_the_pool_skip_taken_ones,
                an_idempotency_key_returns_the_first_convoy,
                deleting_a_tracked_bead_recounts_and_may_land,
                deleting_a_blocker_dispatches_its_dependents,
                status_changes_are_audited,
                reassigning_moves_the_hook_in_one_batch,
                force_closing_ends_beads_without_dispatching,
                a_dead_agent_stays_dead_when_freed,
                a_polecat_hooked_in_the_unit_is_not_handed_out_again,
                a_dead_polecat_is_not_fed_its_convoys_next_bead,
                two_polecats_freed_in_one_unit_are_fed_different_beads,
                dependents_include_the_units_own_once,
                a_reassign_into_a_full_cap_is_refused,
                a_convoy_closed_by_hand_feeds_nobody,
                a_bead_hooked_in_the_unit_is_not_hooked_again,
                filling_places_skips_a_bead_the_unit_hooked,
                a_bead_reopened_in_a_convoy_closed_by_hand_stays_unassigned,
                putting_a_hooked_bead_to_work_leaves_it_alone,
                deleting_one_blocker_keeps_the_others,
            );
        }
    };
    (@each $($name:ident),+ $(,)?) => {
        $(
            #[test]
            fn $name() {
                let (_keep, town) = town();
                super::$name(town);
            }
        )+
    };
}

fn open(location: String) -> Town {
    Town::open(&crate::OpenOptions {
        location,
        lock_timeout: std::time::Duration::from_secs(10),
        actor: "tester".into(),
        dispatch_command: None,
        credentials: None,
        local: None,
    })
    .unwrap()
}

/// A town in a fresh temporary SQLite file.
pub(crate) fn sqlite_town() -> (Box<dyn std::any::Any>, Town) {
    let dir = tempfile::tempdir().unwrap();
    let town = open(dir.path().join("town.db").display().to_string());
    (Box::new(dir), town)
}

/// A town on a fresh single-node rqlite cluster.
pub(crate) fn rqlite_town() -> (Box<dyn std::any::Any>, Town) {
    let node = crate::testing::Node::start();
    let town = open(node.url());
    (Box::new(node), town)
}

rule_tests!(sqlite, sqlite_town());
rule_tests!(rqlite, rqlite_town());

/// R3 and R5 as [`super::settle`] states them agree with the store's SQL
/// ([`super::settles_sql`]) for every status and count, at each boundary: an
/// empty convoy, all beads closed, one short.
#[test]
fn settle_and_its_sql_agree_at_every_count() {
    use super::Settle::{Land, Reopen};
    use ConvoyStatus::{Active, Closed, Failed, Landed};
    let db = rusqlite::Connection::open_in_memory().unwrap();
    let sql = concat!(
        "SELECT ",
        super::settles_sql!(),
        " FROM (SELECT ?1 AS status, ?2 AS closed_beads, ?3 AS total_beads)"
    );
    for status in [Active, Landed, Closed, Failed] {
        for total in 0..=3 {
            for closed in 0..=total {
                let rule = super::settle(status, closed, total);
                let settles: bool = db
                    .query_row(sql, (status.as_str(), closed, total), |r| r.get(0))
                    .unwrap();
                assert_eq!(rule.is_some(), settles, "{status} {closed}/{total}");
            }
        }
    }
    assert_eq!(
        super::settle(Active, 0, 0),
        None,
        "an empty convoy never lands"
    );
    assert_eq!(super::settle(Active, 2, 2), Some(Land));
    assert_eq!(super::settle(Active, 1, 2), None);
    assert_eq!(super::settle(Landed, 2, 2), None);
    assert_eq!(super::settle(Landed, 1, 2), Some(Reopen));
    assert_eq!(super::settle(Closed, 1, 2), None, "ended by hand");
}

/// R8 on rqlite, whose reads hold no lock: a feed under a cap that another
/// writer filled between the feed's read and its commit fails on its cap
/// guard and is run again, and then takes no place. (Here the other writer
/// hooks the convoy's last waiting bead straight in the store.)
#[test]
fn the_cap_guard_fails_a_feed_overtaken_by_another_writer() {
    let node = crate::testing::Node::start();
    let mut town = with_rigs(open(node.url()));
    let b = batch(&mut town, &[("A", &[]), ("B", &[]), ("C", &[])], Some(1));
    let ids: Vec<String> = b.beads.iter().map(|x| x.bead.id.clone()).collect();
    let other = sling_on(&mut town, "alpha", "other");
    set(&mut town, &other.bead.id, BeadStatus::Closed);
    let mut attempts = 0;
    town.write(|unit| {
        attempts += 1;
        unit.set_bead_status(&ids[0], BeadStatus::Closed)?;
        if attempts == 1 {
            node.execute(&format!(
                "UPDATE beads SET assignee = '{}' WHERE id = '{}'",
                other.agent.name, ids[2]
            ));
            node.execute(&format!(
                "UPDATE agents SET hook = '{}' WHERE id = '{}'",
                ids[2], other.agent.id
            ));
        }
        Ok(())
    })
    .unwrap();
    assert_eq!(attempts, 2, "the first attempt failed on its guard");
    let holders: Vec<Option<String>> = ids
        .iter()
        .map(|id| town.bead(id).unwrap().assignee)
        .collect();
    assert_eq!(holders, [None, None, Some(other.agent.name.clone())]);
}

/// The same when the places are filled (a cap raised): the filling that
/// another writer overtook fails on its guard, and run again it finds no room.
#[test]
fn the_cap_guard_fails_a_filling_overtaken_by_another_writer() {
    let node = crate::testing::Node::start();
    let mut town = with_rigs(open(node.url()));
    let b = batch(&mut town, &[("A", &[]), ("B", &[]), ("C", &[])], Some(1));
    let ids: Vec<String> = b.beads.iter().map(|x| x.bead.id.clone()).collect();
    let others = ["1", "2"].map(|title| sling_on(&mut town, "alpha", title));
    for other in &others {
        set(&mut town, &other.bead.id, BeadStatus::Closed);
    }
    let late = others[1].agent.clone();
    let mut attempts = 0;
    let filled = town
        .write(|unit| {
            attempts += 1;
            let filled = unit.fill_places(&b.convoy.id, 2)?;
            if attempts == 1 {
                node.execute(&format!(
                    "UPDATE beads SET assignee = '{}' WHERE id = '{}'",
                    late.name, ids[2]
                ));
                node.execute(&format!(
                    "UPDATE agents SET hook = '{}' WHERE id = '{}'",
                    ids[2], late.id
                ));
            }
            Ok(filled)
        })
        .unwrap();
    assert_eq!((attempts, filled), (2, vec![]));
    let holders: Vec<Option<String>> = ids[1..]
        .iter()
        .map(|id| town.bead(id).unwrap().assignee)
        .collect();
    assert_eq!(holders, [None, Some(late.name)]);
}

/// Property tests: random sequences of operations keep every invariant.
mod properties {
    use super::*;
    use crate::model::{Agent, Convoy};
    use crate::ops::bead::ReassignBead;
    use crate::ops::convoy::CloseConvoy;
    use proptest::prelude::*;

    /// One step of a random history; indices pick among what exists.
    #[derive(Debug, Clone)]
    enum Step {
        /// A batch on `alpha` or `beta`, with a key from a small pool (a
        /// repeated key with the same tasks returns the first convoy, with
        /// others is refused).
        Batch {
            tasks: Vec<Vec<usize>>,
            cap: Option<u32>,
            beta: bool,
            key: Option<u8>,
        },
        Sling {
            beta: bool,
        },
        /// `bead create`, in a convoy or on its own.
        Create {
            convoy: Option<usize>,
            beta: bool,
        },
        AgentStatus {
            agent: usize,
            status: AgentStatus,
        },
        ConvoyUpdate {
            convoy: usize,
            review_and_merge: bool,
        },
        Status {
            bead: usize,
            status: BeadStatus,
        },
        Reassign {
            bead: usize,
            new: bool,
            agent: usize,
        },
        Reset {
            agent: usize,
        },
        Delete {
            bead: usize,
        },
        AddToConvoy {
            convoy: usize,
            bead: usize,
        },
        RemoveFromConvoy {
            convoy: usize,
            bead: usize,
        },
        Close {
            convoy: usize,
            failed: bool,
            beads: bool,
        },
        Heartbeat {
            agent: usize,
        },
        /// Time passes (minutes on the town's clock), then a patrol pass.
        Patrol {
            minutes: u64,
        },
        DeleteAgent {
            agent: usize,
            force: bool,
        },
        DeleteConvoy {
            convoy: usize,
        },
        /// `bead update --add-depends-on` or `--remove-depends-on`.
        Depend {
            bead: usize,
            on: usize,
            add: bool,
        },
    }

    fn status() -> impl Strategy<Value = BeadStatus> {
        prop_oneof![
            Just(BeadStatus::Open),
            Just(BeadStatus::InProgress),
            Just(BeadStatus::InReview),
            Just(BeadStatus::Closed),
            Just(BeadStatus::Closed),
            Just(BeadStatus::Failed),
        ]
    }

    fn step() -> impl Strategy<Value = Step> {
        let batch = (
            prop::collection::vec(prop::collection::vec(0usize..6, 0..3), 1..6),
            prop::option::of(1u32..3),
            any::<bool>(),
            prop::option::of(0u8..3),
        )
            .prop_map(|(tasks, cap, beta, key)| Step::Batch {
                tasks,
                cap,
                beta,
                key,
            });
        let agent_status = prop_oneof![
            Just(AgentStatus::Idle),
            Just(AgentStatus::Working),
            Just(AgentStatus::Stalled),
            Just(AgentStatus::Dead),
        ];
        prop_oneof![
            2 => batch,
            1 => any::<bool>().prop_map(|beta| Step::Sling { beta }),
            1 => (prop::option::of(any::<usize>()), any::<bool>()).prop_map(|(convoy, beta)| Step::Create { convoy, beta }),
            1 => (any::<usize>(), agent_status).prop_map(|(agent, status)| Step::AgentStatus { agent, status }),
            1 => (any::<usize>(), any::<bool>()).prop_map(|(convoy, review_and_merge)| Step::ConvoyUpdate { convoy, review_and_merge }),
            6 => (any::<usize>(), status()).prop_map(|(bead, status)| Step::Status { bead, status }),
            2 => (any::<usize>(), any::<bool>(), any::<usize>()).prop_map(|(bead, new, agent)| Step::Reassign { bead, new, agent }),
            1 => any::<usize>().prop_map(|agent| Step::Reset { agent }),
            1 => any::<usize>().prop_map(|bead| Step::Delete { bead }),
            3 => (any::<usize>(), any::<usize>()).prop_map(|(convoy, bead)| Step::AddToConvoy { convoy, bead }),
            1 => (any::<usize>(), any::<usize>()).prop_map(|(convoy, bead)| Step::RemoveFromConvoy { convoy, bead }),
            1 => (any::<usize>(), any::<bool>(), any::<bool>()).prop_map(|(convoy, failed, beads)| Step::Close { convoy, failed, beads }),
            2 => any::<usize>().prop_map(|agent| Step::Heartbeat { agent }),
            2 => (0u64..45).prop_map(|minutes| Step::Patrol { minutes }),
            1 => (any::<usize>(), any::<bool>()).prop_map(|(agent, force)| Step::DeleteAgent { agent, force }),
            1 => any::<usize>().prop_map(|convoy| Step::DeleteConvoy { convoy }),
            2 => (any::<usize>(), any::<usize>(), any::<bool>()).prop_map(|(bead, on, add)| Step::Depend { bead, on, add }),
        ]
    }

    fn pick<T: Clone>(items: &[T], i: usize) -> Option<T> {
        (!items.is_empty()).then(|| items[i % items.len()].clone())
    }

    /// Runs `step`; a refusal (exit 2, 3 or 4) is an `Err`, anything worse
    /// fails the property.
    fn apply(town: &mut Town, clock: &crate::clock::Clock, step: &Step) -> crate::Result<()> {
        let all = town.beads(&BeadFilter::default()).unwrap();
        let loose: Vec<String> = all
            .iter()
            .filter(|b| b.convoy_id.is_none())
            .map(|b| b.id.clone())
            .collect();
        let beads: Vec<String> = all.into_iter().map(|b| b.id).collect();
        let agents: Vec<String> = town
            .agents(&Default::default())
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect();
        let convoys: Vec<String> = town
            .convoys(&ConvoyFilter {
                all: true,
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        // Refusals (exit 2/3/4) are fine; anything else is a failed property.
        let outcome: crate::Result<()> = match step {
            Step::Batch {
                tasks,
                cap,
                beta,
                key,
            } => {
                let n = tasks.len();
                let specs = tasks
                    .iter()
                    .enumerate()
                    .map(|(i, deps)| TaskInput {
                        // Only earlier tasks, so the batch has no cycle.
                        depends_on: deps
                            .iter()
                            .filter(|&&d| d < i)
                            .map(|&d| TaskRef::Index((d % n) as i64))
                            .collect(),
                        ..TaskInput::titled(format!("t{i}"))
                    })
                    .collect();
                town.sling_batch(&SlingBatch {
                    rig_id: rig(*beta).into(),
                    convoy_title: "p".into(),
                    tasks: specs,
                    max_polecats: *cap,
                    idempotency_key: key.map(|k| format!("key-{k}")),
                    ..Default::default()
                })
                .map(|_| ())
            }
            Step::Sling { beta } => town
                .sling(&Sling {
                    rig_id: rig(*beta).into(),
                    title: "one".into(),
                    ..Default::default()
                })
                .map(|_| ()),
            Step::Create { convoy, beta } => town
                .create_bead(&crate::ops::bead::CreateBead {
                    rig_id: rig(*beta).into(),
                    title: "made".into(),
                    convoy_id: convoy.and_then(|c| pick(&convoys, c)),
                    ..Default::default()
                })
                .map(|_| ()),
            Step::AgentStatus { agent, status } => match pick(&agents, *agent) {
                Some(a) => town
                    .update_agent(&crate::ops::agent::UpdateAgent {
                        agent_id: a.clone(),
                        status: Some(*status),
                        ..Default::default()
                    })
                    .map(|_| ()),
                None => Ok(()),
            },
            Step::ConvoyUpdate {
                convoy,
                review_and_merge,
            } => match pick(&convoys, *convoy) {
                Some(c) => town
                    .update_convoy(&crate::ops::convoy::UpdateConvoy {
                        convoy_id: c.clone(),
                        merge_mode: Some(if *review_and_merge {
                            crate::model::MergeMode::ReviewAndMerge
                        } else {
                            crate::model::MergeMode::ReviewThenLand
                        }),
                        ..Default::default()
                    })
                    .map(|_| ()),
                None => Ok(()),
            },
            Step::Depend { bead, on, add } => match (pick(&beads, *bead), pick(&beads, *on)) {
                (Some(id), Some(blocker)) => {
                    let edit = if *add {
                        UpdateBead {
                            bead_id: id,
                            add_depends_on: vec![blocker],
                            ..Default::default()
                        }
                    } else {
                        UpdateBead {
                            bead_id: id,
                            remove_depends_on: vec![blocker],
                            ..Default::default()
                        }
                    };
                    town.update_bead(&edit).map(|_| ())
                }
                _ => Ok(()),
            },
            Step::Status { bead, status } => match pick(&beads, *bead) {
                Some(id) => town
                    .update_bead(&UpdateBead {
                        bead_id: id.clone(),
                        status: Some(*status),
                        ..Default::default()
                    })
                    .map(|_| ()),
                None => Ok(()),
            },
            Step::Reassign { bead, new, agent } => {
                match (pick(&beads, *bead), pick(&agents, *agent)) {
                    (Some(b), _) if *new => town
                        .reassign_bead(&ReassignBead {
                            bead_id: b,
                            new: true,
                            ..Default::default()
                        })
                        .map(|_| ()),
                    (Some(b), Some(a)) => town
                        .reassign_bead(&ReassignBead {
                            bead_id: b,
                            agent_id: Some(a),
                            ..Default::default()
                        })
                        .map(|_| ()),
                    _ => Ok(()),
                }
            }
            Step::Reset { agent } => match pick(&agents, *agent) {
                Some(a) => town.reset_agent(&a, false).map(|_| ()),
                None => Ok(()),
            },
            Step::Delete { bead } => match pick(&beads, *bead) {
                Some(b) => town.delete_bead(&b, true).map(|_| ()),
                None => Ok(()),
            },
            // Beads in no convoy first: others are refused (tried when none is loose).
            Step::AddToConvoy { convoy, bead } => {
                let pool = if loose.is_empty() { &beads } else { &loose };
                match (pick(&convoys, *convoy), pick(pool, *bead)) {
                    (Some(c), Some(b)) => town.add_to_convoy(&c, &[b]).map(|_| ()),
                    _ => Ok(()),
                }
            }
            Step::RemoveFromConvoy { convoy, bead } => {
                match (pick(&convoys, *convoy), pick(&beads, *bead)) {
                    (Some(c), Some(b)) => town.remove_from_convoy(&c, &[b]).map(|_| ()),
                    _ => Ok(()),
                }
            }
            Step::Close {
                convoy,
                failed,
                beads,
            } => match pick(&convoys, *convoy) {
                Some(c) => town
                    .close_convoy(&CloseConvoy {
                        convoy_id: c.clone(),
                        failed: *failed,
                        close_beads: *beads,
                        reason: None,
                    })
                    .map(|_| ()),
                None => Ok(()),
            },
            // A minute since the last one: polecats beat every minute.
            Step::Heartbeat { agent } => match pick(&agents, *agent) {
                Some(a) => {
                    clock.advance(std::time::Duration::from_secs(60));
                    town.heartbeat(&a).map(|_| ())
                }
                None => Ok(()),
            },
            Step::Patrol { minutes } => {
                clock.advance(std::time::Duration::from_secs(minutes * 60));
                town.patrol(&Default::default()).map(|_| ())
            }
            Step::DeleteAgent { agent, force } => match pick(&agents, *agent) {
                Some(a) => town.delete_agent(&a, *force).map(|_| ()),
                None => Ok(()),
            },
            Step::DeleteConvoy { convoy } => match pick(&convoys, *convoy) {
                Some(c) => town.delete_convoy(&c).map(|_| ()),
                None => Ok(()),
            },
        };
        if let Err(e) = &outcome {
            assert!(
                matches!(e.exit_code(), 2..=4),
                "{step:?} failed unexpectedly: {e:?}"
            );
        }
        outcome
    }

    fn rig(beta: bool) -> &'static str {
        if beta {
            "beta"
        } else {
            "alpha"
        }
    }

    /// The name of a step's kind, for the tally of steps that did something.
    fn kind(step: &Step) -> &'static str {
        match step {
            Step::Batch { .. } => "batch",
            Step::Sling { .. } => "sling",
            Step::Create { .. } => "create",
            Step::AgentStatus { .. } => "agent status",
            Step::ConvoyUpdate { .. } => "convoy update",
            Step::Status { .. } => "status",
            Step::Reassign { .. } => "reassign",
            Step::Reset { .. } => "reset",
            Step::Delete { .. } => "delete",
            Step::AddToConvoy { .. } => "convoy add",
            Step::RemoveFromConvoy { .. } => "convoy remove",
            Step::Close { .. } => "convoy close",
            Step::Heartbeat { .. } => "heartbeat",
            Step::Patrol { .. } => "patrol",
            Step::DeleteAgent { .. } => "agent delete",
            Step::DeleteConvoy { .. } => "convoy delete",
            Step::Depend { .. } => "dependency edit",
        }
    }

    /// Every invariant of SPEC §2 that can be read off the state.
    fn check(town: &mut Town) {
        let beads: Vec<Bead> = town.beads(&BeadFilter::default()).unwrap();
        let agents: Vec<Agent> = town.agents(&Default::default()).unwrap();
        let convoys: Vec<Convoy> = town
            .convoys(&ConvoyFilter {
                all: true,
                ..Default::default()
            })
            .unwrap();
        for c in &convoys {
            let mine: Vec<&Bead> = beads
                .iter()
                .filter(|b| b.convoy_id.as_deref() == Some(c.id.as_str()))
                .collect();
            let closed = mine
                .iter()
                .filter(|b| b.status == BeadStatus::Closed)
                .count() as i64;
            let failed = mine
                .iter()
                .filter(|b| b.status == BeadStatus::Failed)
                .count() as i64;
            assert_eq!(
                (c.total_beads, c.closed_beads, c.failed_beads),
                (mine.len() as i64, closed, failed),
                "R2: counts of {}",
                c.id
            );
            let all_closed = c.total_beads > 0 && closed == c.total_beads;
            match c.status {
                ConvoyStatus::Landed => assert!(
                    closed == c.total_beads,
                    "R3/R5: landed {} has unclosed beads",
                    c.id
                ),
                ConvoyStatus::Active => assert!(!all_closed, "R3: {} should have landed", c.id),
                _ => {}
            }
        }
        for a in &agents {
            if let Some(h) = &a.hook {
                let b = beads
                    .iter()
                    .find(|b| &b.id == h)
                    .unwrap_or_else(|| panic!("R6: {} hooks a missing bead", a.name));
                assert_eq!(
                    b.assignee.as_deref(),
                    Some(a.name.as_str()),
                    "R6: hook and assignee disagree"
                );
                assert!(
                    !b.status.is_terminal(),
                    "R6: {} still hooks terminal {}",
                    a.name,
                    b.id
                );
            }
        }
        for b in &beads {
            if let Some(name) = &b.assignee {
                let a = agents
                    .iter()
                    .find(|a| &a.name == name)
                    .expect("R6: assignee exists");
                assert_eq!(
                    a.hook.as_deref(),
                    Some(b.id.as_str()),
                    "R6: assignee and hook disagree"
                );
            }
            for d in &b.depends_on {
                assert!(
                    beads.iter().any(|x| &x.id == d),
                    "R10: {} depends on a deleted bead",
                    b.id
                );
            }
        }
        // Dependency edits refuse cycles: no bead waits, through its
        // blockers, for itself.
        let deps: std::collections::HashMap<&str, &Vec<String>> = beads
            .iter()
            .map(|b| (b.id.as_str(), &b.depends_on))
            .collect();
        for b in &beads {
            let (mut stack, mut seen) = (vec![b.id.as_str()], std::collections::HashSet::new());
            while let Some(at) = stack.pop() {
                for d in deps.get(at).into_iter().flat_map(|v| v.iter()) {
                    assert_ne!(d, &b.id, "a dependency cycle through {}", b.id);
                    if seen.insert(d.as_str()) {
                        stack.push(d);
                    }
                }
            }
        }
        // R4's `needs_attention` both ways, and R8's cap.
        for c in &convoys {
            let mine: Vec<&Bead> = beads
                .iter()
                .filter(|b| b.convoy_id.as_deref() == Some(c.id.as_str()))
                .collect();
            let dead_hook = mine.iter().any(|b| {
                b.assignee.as_ref().is_some_and(|name| {
                    agents
                        .iter()
                        .any(|a| &a.name == name && a.status == AgentStatus::Dead)
                })
            });
            // R4 as the spec words it: a failed bead, a dead agent's hook, or
            // an open bead nothing will pick up (unassigned, no idle polecat
            // of its rig within the cap, nothing of the convoy at work).
            let agent_of = |b: &Bead| {
                b.assignee
                    .as_ref()
                    .and_then(|name| agents.iter().find(|a| &a.name == name))
            };
            let hooked = mine.iter().filter(|b| b.assignee.is_some()).count() as i64;
            let room = c.max_polecats.is_none_or(|cap| hooked < cap);
            let at_work = mine.iter().any(|b| {
                b.assignee.is_some()
                    && b.status != BeadStatus::Open
                    && agent_of(b).is_none_or(|a| a.status != AgentStatus::Dead)
            });
            let idle_in = |rig: &str| {
                agents.iter().any(|a| {
                    a.role == crate::model::AgentRole::Polecat
                        && a.status == AgentStatus::Idle
                        && a.hook.is_none()
                        && a.rig.as_deref() == Some(rig)
                })
            };
            let stuck = |b: &&&Bead| {
                b.status == BeadStatus::Open
                    && b.assignee.is_none()
                    && !at_work
                    && !(room && idle_in(&b.rig))
            };
            let expected = c.status == ConvoyStatus::Active
                && (c.failed_beads > 0 || dead_hook || mine.iter().any(|b| stuck(&b)));
            assert_eq!(
                c.needs_attention, expected,
                "R4: needs_attention of {}",
                c.id
            );
            // `convoy status` names the beads, and agrees with the flag.
            let view = town.convoy_status(&c.id).unwrap();
            assert_eq!(
                view.convoy.needs_attention, expected,
                "R4: status of {}",
                c.id
            );
            let named: Vec<&str> = view
                .attention
                .iter()
                .filter(|a| a.reason != crate::model::AttentionReason::AgentStalled)
                .map(|a| a.bead.as_str())
                .collect();
            assert_eq!(!named.is_empty(), expected, "R4: attention of {}", c.id);
            let mut unpicked: Vec<&str> = view
                .attention
                .iter()
                .filter(|a| a.reason == crate::model::AttentionReason::UnassignedOpen)
                .map(|a| a.bead.as_str())
                .collect();
            let mut stuck_ids: Vec<&str> = if c.status == ConvoyStatus::Active {
                mine.iter()
                    .filter(|b| stuck(b))
                    .map(|b| b.id.as_str())
                    .collect()
            } else {
                Vec::new()
            };
            unpicked.sort_unstable();
            stuck_ids.sort_unstable();
            assert_eq!(unpicked, stuck_ids, "R4: unassigned_open of {}", c.id);
            if let (Some(cap), ConvoyStatus::Active) = (c.max_polecats, c.status) {
                let hooked = mine.iter().filter(|b| b.assignee.is_some()).count() as i64;
                assert!(
                    hooked <= cap,
                    "R8: {} hooks {hooked} beads, over its cap {cap}",
                    c.id
                );
            }
        }
    }

    /// After a patrol pass, every waiting bead of an active convoy with room
    /// under its cap is hooked, unless no idle polecat of its rig is left to
    /// take it (SPEC §9's lazy assignment, whatever made the bead wait).
    fn check_fed(town: &mut Town) {
        let beads: Vec<Bead> = town.beads(&BeadFilter::default()).unwrap();
        let agents: Vec<Agent> = town.agents(&Default::default()).unwrap();
        let convoys: Vec<Convoy> = town.convoys(&ConvoyFilter::default()).unwrap();
        for c in convoys.iter().filter(|c| c.status == ConvoyStatus::Active) {
            let mine = || {
                beads
                    .iter()
                    .filter(|b| b.convoy_id.as_deref() == Some(&c.id))
            };
            let hooked = mine().filter(|b| b.assignee.is_some()).count() as i64;
            if c.max_polecats.is_some_and(|cap| hooked >= cap) {
                continue;
            }
            for b in mine().filter(|b| b.status == BeadStatus::Open && b.assignee.is_none()) {
                let idle = agents.iter().find(|a| {
                    a.role == crate::model::AgentRole::Polecat
                        && a.status == AgentStatus::Idle
                        && a.hook.is_none()
                        && a.rig.as_deref() == Some(b.rig.as_str())
                });
                assert!(
                    idle.is_none(),
                    "patrol left {} of {} unfed beside idle {}",
                    b.id,
                    c.id,
                    idle.map_or("", |a| a.name.as_str())
                );
            }
        }
    }

    /// Every bead and convoy has its `created` event, and every bead's current
    /// status is the new value of its last status event (R9).
    fn check_audit(town: &mut Town) {
        let beads: Vec<Bead> = town.beads(&BeadFilter::default()).unwrap();
        for b in &beads {
            let events = town
                .events(&EventFilter {
                    subject: Some(b.id.clone()),
                    ..EventFilter::all()
                })
                .unwrap();
            assert_eq!(
                events.first().map(|e| e.event_type.as_str()),
                Some(ev::CREATED),
                "{}",
                b.id
            );
            let last = events
                .iter()
                .rev()
                .find(|e| e.event_type == ev::STATUS_CHANGED || e.event_type == ev::DISPATCHED);
            let logged = last.map(|e| e.new_value.clone()).unwrap_or(json!("open"));
            assert_eq!(
                logged,
                json!(b.status),
                "R9: the log does not end in {}'s status",
                b.id
            );
        }
    }

    /// Everything a write may change, as JSON; `timestamps: false` leaves out
    /// the times that change without an event (a heartbeat's).
    fn state(town: &mut Town, timestamps: bool) -> String {
        fn strip(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(map) => {
                    map.remove("updated_at");
                    map.remove("last_activity_at");
                    map.values_mut().for_each(strip);
                }
                serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
                _ => {}
            }
        }
        let mut all = json!([
            town.beads(&BeadFilter::default()).unwrap(),
            town.agents(&Default::default()).unwrap(),
            town.convoys(&ConvoyFilter {
                all: true,
                ..Default::default()
            })
            .unwrap(),
            town.escalations(true).unwrap(),
        ]);
        if !timestamps {
            strip(&mut all);
        }
        all.to_string()
    }

    fn event_count(town: &mut Town) -> usize {
        town.events(&EventFilter::all()).unwrap().len()
    }

    /// Runs `cases` random histories on towns from `make`, checking every
    /// invariant after every step; a failure is shrunk to a minimal history
    /// and printed. Every kind of step must have changed the town at least
    /// `min_each` times, so that refusals cannot hide a kind never tried.
    /// `deterministic`: the same histories every run (for a backend that
    /// can afford few cases, so that the tally cannot fall short by chance).
    fn random_histories(
        make: fn() -> (Box<dyn std::any::Any>, Town),
        cases: u32,
        min_each: usize,
        deterministic: bool,
    ) {
        use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};
        use std::cell::RefCell;
        use std::collections::BTreeMap;
        let changed: RefCell<BTreeMap<&'static str, usize>> = RefCell::default();
        let config = Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner = if deterministic {
            TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
        } else {
            TestRunner::new(config)
        };
        let result = runner.run(&prop::collection::vec(step(), 1..30), |steps| {
            let (_keep, town) = make();
            let mut town = with_rigs(town);
            let clock = crate::clock::Clock::manual(std::time::SystemTime::now());
            town.set_clock(clock.clone());
            for step in &steps {
                let (before, audited_before) = (state(&mut town, true), state(&mut town, false));
                let events_before = event_count(&mut town);
                let done = apply(&mut town, &clock, step).is_ok();
                if done && state(&mut town, true) != before {
                    *changed.borrow_mut().entry(kind(step)).or_default() += 1;
                }
                check(&mut town);
                if done && matches!(step, Step::Patrol { .. }) {
                    check_fed(&mut town);
                }
                // R9: a change to anything but a heartbeat's time has its events.
                if state(&mut town, false) != audited_before {
                    prop_assert!(
                        event_count(&mut town) > events_before,
                        "{step:?} changed the town without an event"
                    );
                }
                if !done {
                    prop_assert_eq!(state(&mut town, true), before, "a refused {:?} wrote", step);
                }
            }
            check_audit(&mut town);
            prop_assert_eq!(town.doctor(false).unwrap(), vec![]);
            Ok(())
        });
        if let Err(TestError::Fail(why, steps)) = &result {
            panic!("{why}\nminimal failing history:\n{steps:#?}");
        }
        result.unwrap();
        let changed = changed.into_inner();
        let kinds = [
            "batch",
            "sling",
            "create",
            "agent status",
            "convoy update",
            "status",
            "reassign",
            "reset",
            "delete",
            "convoy add",
            "convoy remove",
            "convoy close",
            "heartbeat",
            "patrol",
            "agent delete",
            "convoy delete",
            "dependency edit",
        ];
        for k in kinds {
            let n = changed.get(k).copied().unwrap_or(0);
            assert!(
                n >= min_each,
                "only {n} {k} steps changed anything: {changed:?}"
            );
        }
    }

    /// How many histories to try: `GT_PROPTEST_CASES`, else `default`.
    fn cases(default: u32) -> u32 {
        std::env::var("GT_PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(default)
    }

    #[test]
    fn random_histories_keep_the_invariants() {
        random_histories(sqlite_town, cases(256), 10, false);
    }

    /// Fewer (each history starts a cluster), and the same ones every run;
    /// the SQLite run above holds the tally of kinds.
    #[test]
    fn random_histories_keep_the_invariants_on_rqlite() {
        random_histories(rqlite_town, cases(96) / 4, 0, true);
    }
}
