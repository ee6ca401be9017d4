//! Every statement gt runs, named in one place, and the test that proves each
//! one's plan follows its result, not the size of the town.
//!
//! [`catalogue`] builds each statement from the same constants and builders the
//! code runs (every filter combination of the list commands included), and
//! [`audit::Audited`] fails any gt-core test that runs a statement missing from
//! it. The test in `tests.rs` seeds a town shaped like a real one and, for each
//! statement, snapshots its `EXPLAIN QUERY PLAN` and checks what running it
//! costs in SQLite's own counters (deterministic, unlike timings).

pub mod audit;
#[cfg(test)]
mod tests;

use crate::entity::{version_guard, Entity};
use crate::model::{Agent, AgentRole, AgentStatus, Bead, BeadStatus, Convoy, ConvoyStatus};
use crate::model::{Escalation, Mail, Priority, Rig};
use crate::query::{self, AgentFilter, BeadFilter, ConvoyFilter, EventFilter};
use crate::store::Value;

/// The IDs and values of a seeded town that statements are run with.
#[derive(Debug, Clone, Default)]
pub struct Fixture {
    pub rig: String,
    /// The newest capped convoy: most of its beads wait, unassigned.
    pub convoy: String,
    /// A hooked bead of that convoy, and its agent.
    pub hooked_bead: String,
    /// A bead that others wait for.
    pub blocker: String,
    pub agent_id: String,
    pub agent_name: String,
    pub escalation: String,
    /// A message to the agent, read.
    pub mail: String,
    pub actor: String,
    pub label: String,
    /// A time after most events, and the id of a recent event.
    pub since: String,
    pub recent_event: i64,
}

/// How a statement's cost may grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// It reads and writes only what it returns or changes (plus index probes).
    Result,
    /// Like `Result`, but it sorts what it returns (a temporary B-tree over the
    /// result, never over more).
    SortedResult,
    /// A listing of a whole table or command (for example `bead list` with no
    /// filter): its cost is the town's by design.
    Listing,
    /// An `INSERT … VALUES` of one whole row: one row and its index entries.
    Insert,
}

/// One statement of the catalogue.
pub struct Statement {
    pub name: String,
    pub sql: String,
    pub params: Vec<Value>,
    pub scope: Scope,
    /// The statement whose rows bound this one's cost, where it is not its
    /// own: a list with several filters reads the range of its leading one and
    /// checks the others per row.
    pub basis: Option<String>,
}

fn stmt(
    name: impl Into<String>,
    sql: impl Into<String>,
    params: Vec<Value>,
    scope: Scope,
) -> Statement {
    Statement {
        name: name.into(),
        sql: sql.into(),
        params,
        scope,
        basis: None,
    }
}

fn select<T: Entity>(where_sql: &str) -> String {
    format!("{} WHERE {where_sql}", T::SELECT)
}

/// Every subset of `n` filters, as bit masks.
fn subsets(n: u32) -> impl Iterator<Item = u32> {
    0..(1u32 << n)
}

/// Every statement gt runs, with parameters from `f`.
pub fn catalogue_for(f: &Fixture) -> Vec<Statement> {
    use Scope::*;
    let t = |s: &str| Value::from(s);
    let mut out = Vec::new();

    // One row by ID, and the IDs of a prefix, for every entity.
    macro_rules! by_id {
        ($t:ty, $id:expr) => {{
            let alias = &<$t>::TABLE[..1];
            out.push(stmt(
                format!("{} by id", <$t>::TABLE),
                select::<$t>(&format!("{alias}.id = ?1")),
                vec![t($id)],
                Result,
            ));
            out.push(stmt(
                format!("{} by prefix", <$t>::TABLE),
                query::prefix_sql(<$t>::TABLE),
                vec![
                    t(&$id[..4]),
                    t(&format!("{}~", &$id[..4])),
                    Value::Integer(6),
                ],
                Result,
            ));
            // The prefixes one typo from a mistyped ID: a few hundred
            // (as many as "typo variants" lists), however big the town;
            // each one index range.
            let typos = serde_json::to_string(&crate::id::one_edit_away(
                <$t>::KIND,
                &format!("{}z", &$id[..$id.len() - 1]),
                3,
            ))
            .unwrap();
            if !out.iter().any(|s| s.name == "typo variants") {
                out.push(stmt(
                    "typo variants",
                    "SELECT value FROM json_each(?1)",
                    vec![t(&typos)],
                    Result,
                ));
            }
            let mut near = stmt(
                format!("{} one typo away", <$t>::TABLE),
                query::near_sql(<$t>::TABLE),
                vec![t(&typos), Value::Integer(5)],
                SortedResult,
            );
            near.basis = Some("typo variants".into());
            out.push(near);
            out.push(stmt(
                format!("{} population", <$t>::TABLE),
                format!("SELECT coalesce(max(rowid), 0) FROM {}", <$t>::TABLE),
                vec![],
                Result,
            ));
            out.push(stmt(
                format!("{} version guard", <$t>::TABLE),
                version_guard(<$t>::TABLE, $id, 0).sql.into_owned(),
                version_guard(<$t>::TABLE, $id, 0).params,
                Result,
            ));
            out.push(stmt(
                format!("{} update", <$t>::TABLE),
                format!("UPDATE {} SET version = ?2 + 1 WHERE id = ?1", <$t>::TABLE),
                vec![t($id), Value::Integer(0)],
                Result,
            ));
        }};
    }
    by_id!(Bead, &f.hooked_bead);
    by_id!(Agent, &f.agent_id);
    by_id!(Convoy, &f.convoy);
    by_id!(Escalation, &f.escalation);
    by_id!(Rig, "rg-00000");
    by_id!(Mail, &f.mail);

    // Names.
    out.push(stmt(
        "agents by name prefix",
        query::AGENT_NAME_PREFIX_SQL,
        vec![t("To"), t("To\u{10FFFF}"), Value::Integer(6)],
        Result,
    ));
    out.push(stmt(
        "agent id by name",
        query::AGENT_BY_NAME_SQL,
        vec![t(&f.agent_name)],
        Result,
    ));
    out.push(stmt(
        "agent by name",
        select::<Agent>("a.name = ?1"),
        vec![t(&f.agent_name)],
        Result,
    ));
    out.push(stmt(
        "rig by name",
        select::<Rig>("r.name = ?1"),
        vec![t(&f.rig)],
        Result,
    ));
    out.push(stmt(
        "rig list",
        select::<Rig>("1 ORDER BY r.name"),
        vec![],
        Listing,
    ));
    out.push(stmt(
        "names taken",
        crate::rules::NAMES_TAKEN_SQL,
        vec![t(r#"["Toast","Polecat-21","Polecat-99999"]"#)],
        Result,
    ));

    // The rules.
    use crate::rules::{CONVOY_CAP_SQL, DEPENDENTS_SQL, IDLE_POLECATS_SQL, WAITING_BEADS_SQL};
    for (name, sql, param) in [
        (
            "hooked beads of a convoy",
            query::HOOKED_COUNT_SQL,
            &f.convoy,
        ),
        ("dependents", DEPENDENTS_SQL, &f.hooked_bead),
        ("idle polecats", IDLE_POLECATS_SQL, &f.rig),
        ("convoy cap", CONVOY_CAP_SQL, &f.convoy),
        ("waiting beads", WAITING_BEADS_SQL, &f.convoy),
        (
            "a bead's convoy",
            crate::unit::BEAD_CONVOY_SQL,
            &f.hooked_bead,
        ),
        (
            "a convoy's counts, to settle it",
            crate::unit::CONVOY_SETTLE_READ_SQL,
            &f.convoy,
        ),
        (
            "a convoy's newest events",
            crate::unit::CONVOY_LAST_EVENTS_SQL,
            &f.convoy,
        ),
    ] {
        out.push(stmt(name, sql, vec![t(param)], Result));
    }
    use crate::ops::patrol;
    let stalled = || vec![t(&f.agent_name), t(crate::rules::recovery::STALLED_AGENT)];
    for (name, sql, params) in [
        (
            "patrol: silent agents",
            patrol::SILENT_AGENTS_SQL,
            vec![t("working"), t(&f.since)],
        ),
        (
            "patrol: escalations of an agent",
            patrol::AGENT_ESCALATIONS_SQL,
            stalled(),
        ),
        (
            "patrol: escalations of an agent, loaded",
            &*select::<Escalation>(crate::rules::recovery::AGENT_ESCALATIONS_WHERE),
            stalled(),
        ),
        (
            "patrol: an idle polecat",
            query::ANY_IDLE_POLECAT_SQL,
            vec![t(&f.rig)],
        ),
        (
            "patrol: cap guard",
            crate::rules::recovery::CAP_GUARD_SQL,
            vec![t("cap"), t(&f.convoy), Value::Integer(4)],
        ),
        (
            "patrol: record a failed dispatch",
            crate::rules::recovery::DISPATCH_FAILURE_UPSERT_SQL,
            vec![t(&f.hooked_bead), t(&f.agent_name), t("exit 1"), t("t")],
        ),
        (
            "patrol: forget a failed dispatch",
            crate::rules::recovery::DISPATCH_FAILURE_DELETE_SQL,
            vec![t(&f.hooked_bead)],
        ),
        (
            "patrol: count a retry",
            patrol::DISPATCH_RETRY_SQL,
            vec![t(&f.hooked_bead)],
        ),
        (
            "patrol: retry guard",
            patrol::DISPATCH_RETRY_GUARD_SQL,
            vec![t("x"), t(&f.hooked_bead), Value::Integer(0)],
        ),
    ] {
        out.push(stmt(name, sql, params, Result));
    }
    // `gt run`: the work waiting for a process (read from the hooked agents
    // no host runs, sorted: as many as there are polecats at work, never the
    // town), a host's claims, and who last moved a bead's status.
    use crate::ops::run;
    out.push(stmt(
        "run: runnable beads",
        run::RUNNABLE_SQL,
        vec![Value::Integer(4), t("[]"), t(&f.since)],
        SortedResult,
    ));
    out.push(stmt(
        "run: runnable beads of some rigs",
        run::RUNNABLE_SQL,
        vec![
            Value::Integer(4),
            t(&format!("[\"{}\"]", f.rig)),
            t(&f.since),
        ],
        SortedResult,
    ));
    // Hosts (SPEC §12): the live ones gone silent, by the index of their
    // beats; the list, which is the town's machines.
    {
        use crate::model::Host;
        use crate::ops::host;
        by_id!(Host, "hs-00000");
        out.push(stmt(
            "host by name",
            select::<Host>("h.name = ?1"),
            vec![t("box-1")],
            Result,
        ));
        out.push(stmt(
            "hosts and the rigs they serve",
            crate::query::HOSTS_SERVED_SQL,
            vec![],
            Listing,
        ));
        out.push(stmt(
            "a lost host's open escalations",
            select::<Escalation>(host::LOST_ESCALATIONS_WHERE),
            vec![t(host::HOST_LOST), t("host box-1 went silent")],
            Listing,
        ));
        out.push(stmt(
            "silent hosts",
            host::SILENT_HOSTS_SQL,
            vec![t(&f.since)],
            Result,
        ));
        out.push(stmt(
            "host list",
            select::<Host>(host::HOSTS_WHERE),
            vec![],
            Listing,
        ));
        out.push(stmt(
            "status: agents by status",
            crate::ops::overview::AGENT_COUNTS_SQL,
            vec![],
            Listing,
        ));
        out.push(stmt(
            "host insert",
            crate::entity::HOSTS_INSERT_SQL,
            vec![],
            Insert,
        ));
    }
    out.push(stmt(
        "run: a host's claims",
        select::<Agent>(run::CLAIMS_WHERE),
        vec![t("host-1")],
        Result,
    ));
    out.push(stmt(
        "run: the runs of a bead",
        select::<Agent>(run::RUNS_OF_BEAD_WHERE),
        vec![t(&f.hooked_bead)],
        Result,
    ));
    out.push(stmt(
        "run: an agent's newest updates",
        format!(
            "SELECT {} FROM events {}",
            query::EVENT_COLUMNS,
            run::LAST_UPDATES_WHERE
        ),
        vec![t(&f.agent_id)],
        Result,
    ));
    out.push(stmt(
        "run: who last moved a bead's status",
        run::LAST_STATUS_BY_SQL,
        vec![t(&f.hooked_bead)],
        Result,
    ));
    // Small by design: the failures not yet retried or escalated, and the rigs.
    out.push(stmt(
        "patrol: failed dispatches",
        patrol::DISPATCH_FAILURES_SQL,
        vec![],
        Listing,
    ));
    out.push(stmt("patrol: rigs", patrol::RIG_NAMES_SQL, vec![], Listing));
    // Every active convoy, each judged by index probes: `convoy list`'s cost.
    out.push(stmt(
        "patrol: convoys that need a person",
        crate::entity::STUCK_CONVOYS_SQL,
        vec![],
        Listing,
    ));
    // A rig's open work, read only when the rig has an idle polecat.
    out.push(stmt(
        "patrol: convoys with waiting beads of a rig",
        patrol::WAITING_CONVOYS_OF_RIG_SQL,
        vec![t(&f.rig)],
        Listing,
    ));
    use crate::ops::doctor;
    for (name, sql) in [
        ("doctor: counts", doctor::COUNTS_SQL),
        ("doctor: one-sided hooks", doctor::ONE_SIDED_HOOKS_SQL),
        (
            "doctor: one-sided assignees",
            doctor::ONE_SIDED_ASSIGNEES_SQL,
        ),
        ("doctor: dangling edges", doctor::DANGLING_EDGES_SQL),
        ("doctor: integrity", doctor::INTEGRITY_SQL),
    ] {
        out.push(stmt(name, sql, vec![], Listing));
    }
    out.push(stmt(
        "beads of a convoy",
        select::<Bead>(crate::ops::convoy::TRACKED_WHERE),
        vec![t(&f.convoy)],
        Result,
    ));
    // A recount returns one row, but reads the convoy's beads.
    let mut recount = stmt(
        "doctor: recount",
        doctor::RECOUNT_SQL,
        vec![t(&f.convoy)],
        Result,
    );
    recount.basis = Some("beads of a convoy".into());
    out.push(recount);
    out.push(stmt(
        "unfinished beads of a convoy",
        select::<Bead>(crate::ops::convoy::UNFINISHED_WHERE),
        vec![t(&f.convoy)],
        Result,
    ));
    out.push(stmt(
        "agents hooked in a convoy",
        select::<Agent>(crate::ops::sling::HOOKED_IN_CONVOY_WHERE),
        vec![t(&f.convoy)],
        SortedResult,
    ));
    out.push(stmt(
        "convoy by idempotency key",
        "SELECT id, fingerprint FROM convoys WHERE idempotency_key = ?1",
        vec![t("key-1")],
        Result,
    ));

    // Lists, with every combination of their filters.
    for mask in subsets(3) {
        let filter = ConvoyFilter {
            all: mask & 1 != 0,
            status: (mask & 2 != 0).then_some(ConvoyStatus::Active),
            rig: (mask & 4 != 0).then(|| f.rig.clone()),
        };
        let (sql, params) = query::convoys_where(&filter);
        let sql = format!("{} WHERE {sql}", crate::entity::CONVOY_LIST_SELECT);
        out.push(stmt(
            format!("convoy list {filter:?}"),
            sql,
            params,
            Listing,
        ));
    }
    // Every combination of the filters, and a search with each one alone (a
    // search leads unless an assignee or a convoy does).
    let searches = [0, 1, 2, 3, 4, 8, 32, 64, 128].map(|m| m | 256);
    // And the dependents of a bead, alone and with each other filter (they
    // lead unless an assignee does).
    let dependents = [0, 1, 2, 4, 8, 16, 32, 64, 128, 256].map(|m| m | 512);
    for mask in subsets(8).chain(searches).chain(dependents) {
        let filter = BeadFilter {
            status: (mask & 1 != 0).then_some(BeadStatus::Open),
            rig: (mask & 2 != 0).then(|| f.rig.clone()),
            convoy_id: (mask & 4 != 0).then(|| f.convoy.clone()),
            assignee: (mask & 8 != 0).then(|| f.agent_name.clone()),
            priority: (mask & 16 != 0).then_some(Priority::Critical),
            label: (mask & 32 != 0).then(|| f.label.clone()),
            open_only: mask & 64 != 0,
            search: (mask & 256 != 0).then(|| "task 1.1".to_string()),
            dependent_of: (mask & 512 != 0).then(|| f.blocker.clone()),
            limit: (mask & 128 != 0).then_some(50),
        };
        let (sql, params) = query::beads_where(&filter);
        let lead = query::bead_lead(&filter);
        // Only a list with no filter at all lists the town; a lead that spans
        // several index ranges (a status in each rig, a label) sorts its rows.
        let scope = match lead {
            "" => Listing,
            "status" | "open" | "label" | "dependent" => SortedResult,
            _ => Result,
        };
        let mut s = stmt(
            format!("bead list {}", describe(&filter)),
            select::<Bead>(&sql),
            params,
            scope,
        );
        let alone = BeadFilter {
            status: filter.status.filter(|_| lead == "status" || lead == "rig"),
            rig: filter.rig.clone().filter(|_| lead == "rig"),
            convoy_id: filter.convoy_id.clone().filter(|_| lead == "convoy"),
            assignee: filter.assignee.clone().filter(|_| lead == "assignee"),
            priority: filter.priority.filter(|_| lead == "priority"),
            label: filter.label.clone().filter(|_| lead == "label"),
            open_only: filter.open_only && lead == "open",
            search: filter.search.clone().filter(|_| lead == "search"),
            dependent_of: filter.dependent_of.clone().filter(|_| lead == "dependent"),
            // A limit cuts the range short only when the other filters match.
            limit: None,
        };
        s.basis = Some(format!("bead list {}", describe(&alone)));
        out.push(s);
    }
    out.push(stmt(
        "newest open beads of a rig",
        select::<Bead>(query::NEWEST_BEADS_WHERE),
        vec![t(&f.rig), t("open"), Value::Integer(200)],
        Result,
    ));
    for mask in subsets(5) {
        let filter = AgentFilter {
            rig: (mask & 1 != 0).then(|| f.rig.clone()),
            status: (mask & 2 != 0).then_some(AgentStatus::Idle),
            role: (mask & 4 != 0).then_some(AgentRole::Polecat),
            free: false,
            limit: (mask & 8 != 0).then_some(200),
            after: (mask & 16 != 0).then(|| f.agent_id.clone()),
        };
        let (sql, params) = query::agents_where(&filter);
        // Nearly every agent is a polecat: a role alone lists the agents. With
        // a limit it is a walk in creation order that stops there (no sort,
        // as the snapshot shows), a listing like `bead list --limit`; after an
        // agent, the same walk starts there (the next page).
        let scope = match mask & 3 {
            0 if mask & 24 == 24 => Result,
            0 => Listing,
            _ => SortedResult,
        };
        let mut s = stmt(agent_list(&filter), select::<Agent>(&sql), params, scope);
        // With a rig or a status, the page is checked on each agent of that
        // range (no index holds a rig or status in creation order).
        if mask & 3 != 0 && filter.after.is_some() {
            let whole = AgentFilter {
                after: None,
                ..filter.clone()
            };
            s.basis = Some(agent_list(&whole));
        }
        out.push(s);
    }
    for rig in [None, Some(f.rig.clone())] {
        let filter = AgentFilter {
            rig,
            free: true,
            ..Default::default()
        };
        let (sql, params) = query::agents_where(&filter);
        out.push(stmt(
            agent_list(&filter),
            select::<Agent>(&sql),
            params,
            SortedResult,
        ));
    }
    for all in [false, true] {
        out.push(stmt(
            format!("escalation list all={all}"),
            select::<Escalation>(query::escalations_where(all)),
            vec![],
            if all { Listing } else { SortedResult },
        ));
    }
    // Mail: an inbox is a range of each partial index, its unread part then
    // its read part (with a convoy, checked per message of the range); every
    // inbox's is a walk of the mail, or (with a convoy) that convoy's range.
    {
        use crate::ops::mail::{self, inbox_where};
        out.push(stmt(
            "mail of a convoy",
            "SELECT count(*) FROM mail WHERE convoy_id = ?1",
            vec![t(&f.convoy)],
            Result,
        ));
        for mask in subsets(4) {
            let who = (mask & 1 != 0).then_some(f.agent_name.as_str());
            let unread = mask & 2 != 0;
            let convoy = (mask & 4 != 0).then_some(f.convoy.as_str());
            let limit = if mask & 8 != 0 { 50 } else { -1 };
            let parts = inbox_where(who, unread, convoy, limit);
            for (i, (sql, params)) in parts.into_iter().enumerate() {
                let name = |convoy: bool| {
                    let on = [
                        (who.is_some(), "WHO"),
                        (convoy, "--convoy"),
                        (limit > 0, "--limit"),
                    ];
                    let part = if i == 0 { "unread" } else { "read" };
                    format!("mail inbox {part} {}", flags(&on))
                };
                let scope = match (who, convoy) {
                    (None, None) => Listing,
                    _ => Result,
                };
                let mut s = stmt(name(convoy.is_some()), select::<Mail>(&sql), params, scope);
                s.basis = match (who, convoy) {
                    (Some(_), Some(_)) => Some(name(false)),
                    (None, Some(_)) => Some("mail of a convoy".into()),
                    _ => None,
                };
                out.push(s);
            }
        }
        out.push(stmt(
            "unread mail of an inbox",
            mail::UNREAD_COUNT_SQL,
            vec![t(&f.agent_name)],
            Result,
        ));
        out.push(stmt(
            "an inbox holds mail",
            mail::INBOX_ANY_SQL,
            vec![t(&f.agent_name)],
            Result,
        ));
        out.push(stmt(
            "polecats holding a convoy's beads",
            mail::CONVOY_HOLDERS_SQL,
            vec![t(&f.convoy)],
            SortedResult,
        ));
        out.push(stmt(
            "polecats of a rig",
            mail::RIG_POLECATS_SQL,
            vec![t(&f.rig)],
            SortedResult,
        ));
    }
    for mask in subsets(7) {
        let filter = EventFilter {
            subject: (mask & 1 != 0).then(|| f.hooked_bead.clone()),
            convoy: (mask & 2 != 0).then(|| f.convoy.clone()),
            actor: (mask & 4 != 0).then(|| f.actor.clone()),
            since: (mask & 8 != 0).then(|| f.since.clone()),
            after_id: (mask & 16 != 0).then_some(f.recent_event),
            before_id: (mask & 64 != 0).then_some(f.recent_event + 5),
            limit: Some(if mask & 32 != 0 { 50 } else { 0 }),
        };
        let (sql, params) = query::events_sql(&filter);
        // With no filter (or only a limit), `events` is the feed itself; the
        // actor alone is every event of that actor. A convoy's events come
        // from several ranges (its own, each bead's), sorted.
        let scope = match mask & 31 {
            0 | 4 => Listing,
            m if m & 3 == 2 => SortedResult,
            _ => Result,
        };
        let alone = EventFilter {
            subject: filter.subject.clone(),
            convoy: filter.convoy.clone().filter(|_| filter.subject.is_none()),
            since: filter.since.clone().filter(|_| mask & 3 == 0),
            after_id: filter.after_id.filter(|_| mask & 11 == 0),
            before_id: filter.before_id.filter(|_| mask & 11 == 0),
            ..EventFilter::all()
        };
        let mut s = stmt(
            format!("events {}", describe_events(&filter)),
            sql,
            params,
            scope,
        );
        s.basis = Some(format!("events {}", describe_events(&alone)));
        out.push(s);
    }
    out.push(stmt(
        "first subject of a prefix",
        crate::ops::events::FIRST_SUBJECT_SQL,
        vec![t("gt-"), t("gt.")],
        Result,
    ));
    out.push(stmt(
        "next subject of a prefix",
        crate::ops::events::NEXT_SUBJECT_SQL,
        vec![t(&f.hooked_bead), t("gt.")],
        Result,
    ));
    out.push(stmt(
        "convoy status",
        query::CONVOY_STATUS_SQL,
        vec![t(&f.convoy)],
        Result,
    ));

    // Writes (other than the per-table ones above).
    use crate::entity::{
        AGENTS_INSERT_SQL, AGENT_RELEASE_SQL, BEADS_DELETE_SQL, BEADS_INSERT_SQL,
        BEAD_DEPS_DELETE_ALL_SQL, BEAD_DEPS_DELETE_SQL, BEAD_DEPS_INSERT_SQL,
        BEAD_LABELS_DELETE_ALL_SQL, BEAD_LABELS_DELETE_SQL, BEAD_LABELS_INSERT_SQL,
        BEAD_RELEASE_SQL, BEAD_TEXT_DELETE_SQL, BEAD_TEXT_INSERT_SQL, CONVOYS_INSERT_SQL,
        CONVOY_COUNTS_UPDATE_SQL, ESCALATIONS_INSERT_SQL, RIGS_INSERT_SQL, SETTLE_EVENT_INSERT_SQL,
        SETTLE_UPDATE_SQL,
    };
    let (bead, convoy) = (t(&f.hooked_bead), t(&f.convoy));
    let ids = t(&format!("[\"{}\"]", f.hooked_bead));
    let writes: [(&str, &str, Vec<Value>); 14] = [
        ("bead release", BEAD_RELEASE_SQL, vec![bead.clone()]),
        ("agent release", AGENT_RELEASE_SQL, vec![t(&f.agent_id)]),
        (
            "bead edges delete",
            BEAD_DEPS_DELETE_ALL_SQL,
            vec![bead.clone()],
        ),
        (
            "bead labels delete",
            BEAD_LABELS_DELETE_ALL_SQL,
            vec![bead.clone()],
        ),
        ("bead delete", BEADS_DELETE_SQL, vec![bead.clone()]),
        (
            "edge insert",
            BEAD_DEPS_INSERT_SQL,
            vec![bead.clone(), t("gt-zzzzz")],
        ),
        (
            "edge delete",
            BEAD_DEPS_DELETE_SQL,
            vec![bead.clone(), t("gt-zzzzz")],
        ),
        (
            "label insert",
            BEAD_LABELS_INSERT_SQL,
            vec![t(&f.label), bead.clone()],
        ),
        (
            "label delete",
            BEAD_LABELS_DELETE_SQL,
            vec![t(&f.label), bead.clone()],
        ),
        (
            "convoy counts",
            CONVOY_COUNTS_UPDATE_SQL,
            vec![
                convoy.clone(),
                Value::Integer(0),
                Value::Integer(1),
                Value::Integer(0),
            ],
        ),
        ("settle", SETTLE_UPDATE_SQL, vec![convoy.clone(), t("t")]),
        (
            "settle event",
            SETTLE_EVENT_INSERT_SQL,
            vec![convoy.clone(), t("a"), t("t"), t("x"), t("y")],
        ),
        (
            "token record",
            crate::store::rqlite::TOKEN_RECORD_SQL,
            vec![t("tok"), t("t")],
        ),
        (
            "event insert",
            crate::unit::EVENT_INSERT_SQL,
            vec![
                bead.clone(),
                t("x"),
                t("a"),
                Value::Null,
                Value::Null,
                Value::Null,
                t("t"),
                convoy.clone(),
            ],
        ),
    ];
    for (name, sql, params) in writes {
        out.push(stmt(name, sql, params, Result));
    }
    // The search index, told of a batch's beads in rowid order (a sort of
    // the batch's own beads). The delete first: the index must hold what it
    // is told to remove.
    for (name, sql) in [
        ("bead words out", BEAD_TEXT_DELETE_SQL),
        ("bead words in", BEAD_TEXT_INSERT_SQL),
    ] {
        out.push(stmt(name, sql, vec![ids.clone()], SortedResult));
    }
    // Inserts of whole rows: fixed cost, nothing to plan.
    for (name, sql) in [
        ("bead insert", BEADS_INSERT_SQL),
        ("convoy insert", CONVOYS_INSERT_SQL),
        ("agent insert", AGENTS_INSERT_SQL),
        ("escalation insert", ESCALATIONS_INSERT_SQL),
        ("rig insert", RIGS_INSERT_SQL),
        ("mail insert", crate::entity::MAIL_INSERT_SQL),
    ] {
        out.push(stmt(name, sql, vec![], Insert));
    }
    for table in ["agents", "convoys", "escalations", "rigs"] {
        out.push(stmt(
            format!("{table} delete"),
            format!("DELETE FROM {table} WHERE id = ?1"),
            vec![t("none")],
            Result,
        ));
    }

    // The store's own.
    out.push(stmt(
        "schema version",
        "SELECT value FROM meta WHERE key = 'schema_version'",
        vec![],
        Result,
    ));
    out.push(stmt(
        "token applied",
        crate::store::rqlite::TOKEN_APPLIED_SQL,
        vec![t("x")],
        Result,
    ));
    out.push(stmt(
        "tokens expire",
        crate::store::rqlite::TOKENS_EXPIRE_SQL,
        vec![t("2000-01-01T00:00:00.000Z")],
        Result,
    ));
    // Filter combinations that build the same statement are planned once.
    let mut seen = std::collections::HashSet::new();
    out.retain(|s| seen.insert(s.sql.clone()));
    out
}

/// The flags that are on, as a command line would name them.
fn flags(list: &[(bool, &str)]) -> String {
    let on: Vec<&str> = list.iter().filter(|(on, _)| *on).map(|(_, f)| *f).collect();
    on.join(" ")
}

fn describe(f: &BeadFilter) -> String {
    flags(&[
        (f.status.is_some(), "--status"),
        (f.rig.is_some(), "--rig"),
        (f.convoy_id.is_some(), "--convoy"),
        (f.assignee.is_some(), "--assignee"),
        (f.priority.is_some(), "--priority"),
        (f.label.is_some(), "--label"),
        (f.open_only, "--open"),
        (f.search.is_some(), "--search"),
        (f.dependent_of.is_some(), "--depends-on"),
        (f.limit.is_some(), "--limit"),
    ])
}

/// An agent list's name: its filter, the agent a page starts after named by
/// a placeholder (its ID differs in every seeded town).
fn agent_list(f: &AgentFilter) -> String {
    let f = AgentFilter {
        after: f.after.as_ref().map(|_| "AGENT".to_string()),
        ..f.clone()
    };
    format!("agent list {f:?}")
}

fn describe_events(f: &EventFilter) -> String {
    flags(&[
        (f.subject.is_some(), "--subject"),
        (f.convoy.is_some(), "--convoy"),
        (f.actor.is_some(), "--actor"),
        (f.since.is_some(), "--since"),
        (f.after_id.is_some(), "--after"),
        (f.before_id.is_some(), "--before"),
        (f.most().is_some(), "--limit"),
    ])
}

/// The catalogue's statements with placeholder values, for [`audit`].
pub fn catalogue() -> Vec<Statement> {
    catalogue_for(&Fixture {
        rig: "alpha".into(),
        convoy: "cv-00000".into(),
        hooked_bead: "gt-00000".into(),
        blocker: "gt-00001".into(),
        agent_id: "ag-00000".into(),
        agent_name: "Toast".into(),
        escalation: "es-00000".into(),
        mail: "ml-00000".into(),
        actor: "mayor".into(),
        label: "l".into(),
        since: "2000-01-01T00:00:00.000Z".into(),
        recent_event: 1,
    })
}
