//! The lists commands print: convoys, beads, agents, escalations, events,
//! each with its request (the filter) and the statement it runs.

use super::*;

request! {
    /// Convoys: active ones, unless `all` or a `status` is given.
    pub struct ListConvoys {
        /// Every status, not only active convoys.
        #[serde(default)]
        pub all: bool,
        pub status: Option<ConvoyStatus>,
        /// The rig (name or ID).
        #[serde(rename = "rig_id")]
        pub rig: Option<String>,
    }
}

/// Which convoys `convoy list` shows: the request itself.
pub type ConvoyFilter = ListConvoys;

pub fn convoys(r: &mut dyn Reader, filter: &ConvoyFilter) -> Result<Vec<Convoy>> {
    let (sql, params) = convoys_where(filter);
    fetch_select(r, crate::entity::CONVOY_LIST_SELECT, &sql, &params)
}

/// The `WHERE` clause (and its parameters) of [`convoys`].
pub(crate) fn convoys_where(filter: &ConvoyFilter) -> (String, Vec<Value>) {
    let mut clauses = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    match (filter.status, filter.all) {
        (Some(s), _) => {
            params.push(s.as_str().into());
            clauses.push(format!("c.status = ?{}", params.len()));
        }
        (None, false) => clauses.push("c.status = 'active'".to_string()),
        (None, true) => {}
    }
    if let Some(rig) = &filter.rig {
        params.push(rig.as_str().into());
        clauses.push(format!("c.rig = ?{}", params.len()));
    }
    clauses.push("1 ORDER BY c.created_at, c.id".to_string());
    (clauses.join(" AND "), params)
}

request! {
    /// Beads, filtered; all filters combine.
    pub struct ListBeads {
        pub status: Option<BeadStatus>,
        /// The rig (name or ID).
        #[serde(rename = "rig_id")]
        pub rig: Option<String>,
        pub convoy_id: Option<String>,
        /// An agent's name.
        pub assignee: Option<String>,
        pub priority: Option<Priority>,
        pub label: Option<String>,
        /// Open work only (not closed or failed).
        #[serde(default, rename = "open")]
        pub open_only: bool,
        /// Only beads whose title or body contains this text (3 characters or
        /// more, any case).
        pub search: Option<String>,
        /// Only beads that wait for this bead: its dependents, in any convoy.
        #[serde(rename = "depends_on")]
        pub dependent_of: Option<String>,
        pub limit: Option<u32>,
    }
}

/// Which beads `bead list` shows: the request itself.
pub type BeadFilter = ListBeads;

/// The shortest text `bead list --search` looks for: its index holds
/// every three characters of a title or body.
pub const MIN_SEARCH: usize = 3;

/// The beads whose title or body holds a phrase (an FTS5 query, `?`), by
/// the trigram index `beads_text`.
const SEARCH_SQL: &str = "b.rowid IN (SELECT rowid FROM beads_text WHERE beads_text MATCH ?)";

/// `text` as an FTS5 phrase: quoted, so that nothing in it is query syntax.
pub(crate) fn search_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

pub fn beads(r: &mut dyn Reader, filter: &BeadFilter) -> Result<Vec<Bead>> {
    let (sql, params) = beads_where(filter);
    fetch_where(r, &sql, &params)
}

/// Which filter of a bead list leads: the one whose index range is read (the
/// others are checked on each of its rows), most selective first.
pub(crate) fn bead_lead(filter: &BeadFilter) -> &'static str {
    if filter.assignee.is_some() {
        "assignee"
    } else if filter.dependent_of.is_some() {
        "dependent"
    } else if filter.convoy_id.is_some() {
        "convoy"
    } else if filter.search.is_some() {
        "search"
    } else if filter.label.is_some() {
        "label"
    } else if filter.rig.is_some() {
        "rig"
    } else if filter.status.is_some() {
        "status"
    } else if filter.priority.is_some() {
        "priority"
    } else if filter.open_only {
        "open"
    } else {
        ""
    }
}

/// The `WHERE` clause (and its parameters) of [`beads`]. The most selective
/// filter given leads (an assignee, a bead depended on, a convoy, a search, a label, a rig and
/// status, a rig, a status, a priority: [`bead_lead`]), and every other one is written `+column`, so
/// that SQLite reads that filter's index range in creation order and checks the
/// rest on each row: its plan does not depend on statistics, which gt never
/// gathers. (Without that, `--status S --rig R --convoy C` walked every bead of
/// the rig in that status.)
pub(crate) fn beads_where(filter: &BeadFilter) -> (String, Vec<Value>) {
    let mut clauses = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    let mut add = |clause: String, v: Value| {
        params.push(v);
        clauses.push(clause.replace('?', &format!("?{}", params.len())));
    };
    let lead = bead_lead(filter);
    let plus = |leads: bool| if leads { "" } else { "+" };
    if let Some(d) = &filter.dependent_of {
        let sql = if lead == "dependent" {
            "b.id IN (SELECT bead_id FROM bead_deps WHERE depends_on_id = ?)"
        } else {
            "EXISTS (SELECT 1 FROM bead_deps d WHERE d.depends_on_id = ? AND d.bead_id = b.id)"
        };
        add(sql.into(), d.as_str().into());
    }
    if let Some(a) = &filter.assignee {
        add("b.assignee = ? COLLATE NOCASE".into(), a.as_str().into());
    }
    if let Some(c) = &filter.convoy_id {
        add(
            format!("{}b.convoy_id = ?", plus(lead == "convoy")),
            c.as_str().into(),
        );
    }
    if let Some(rig) = &filter.rig {
        add(
            format!("{}b.rig = ?", plus(lead == "rig")),
            rig.as_str().into(),
        );
    }
    if let Some(s) = filter.status {
        // With a rig, (rig, status) is one index range.
        let leads = lead == "status" || lead == "rig";
        add(format!("{}b.status = ?", plus(leads)), s.as_str().into());
    }
    if let Some(p) = filter.priority {
        add(
            format!("{}b.priority = ?", plus(lead == "priority")),
            p.as_str().into(),
        );
    }
    if let Some(l) = &filter.label {
        let sql = if lead == "label" {
            "b.id IN (SELECT bead_id FROM bead_labels WHERE label = ?)"
        } else {
            "EXISTS (SELECT 1 FROM bead_labels l WHERE l.label = ? AND l.bead_id = b.id)"
        };
        add(sql.into(), l.as_str().into());
    }
    if let Some(text) = &filter.search {
        let sql = format!("{}{SEARCH_SQL}", plus(lead == "search"));
        add(sql, search_phrase(text).into());
    }
    if lead == "open" {
        clauses.push("b.status IN ('open', 'in_progress', 'in_review')".to_string());
    } else if filter.open_only {
        clauses.push("+b.status NOT IN ('closed', 'failed')".to_string());
    }
    if lead == "status" || lead == "open" {
        // Every bead's rig is a rig (a foreign key), so this selects nothing
        // more or less; it lets the (rig, status) index find the status in each
        // rig. A (status, rig) index of its own would cost every status change
        // two more pages written.
        clauses.push("b.rig IN (SELECT name FROM rigs)".to_string());
    }
    clauses.push("1 ORDER BY b.rowid".to_string());
    let mut sql = clauses.join(" AND ");
    if let Some(limit) = filter.limit {
        params.push(i64::from(limit).into());
        sql.push_str(&format!(" LIMIT ?{}", params.len()));
    }
    (sql, params)
}

/// The newest beads that are not done yet (for shell completion), at most
/// `limit`: each rig's newest of each open status, read from the end of its
/// (rig, status) range, so closed beads are never walked past.
pub fn newest_open_beads(r: &mut dyn Reader, limit: u32) -> Result<Vec<Bead>> {
    let rigs = fetch_where::<Rig>(r, "1 ORDER BY r.name", &[])?;
    let mut found: Vec<Bead> = Vec::new();
    for rig in &rigs {
        for status in [
            BeadStatus::Open,
            BeadStatus::InProgress,
            BeadStatus::InReview,
        ] {
            found.extend(fetch_where::<Bead>(
                r,
                NEWEST_BEADS_WHERE,
                &[
                    rig.name.as_str().into(),
                    status.as_str().into(),
                    i64::from(limit).into(),
                ],
            )?);
        }
    }
    // Newest first; a batch's beads share a time, and then any order will do.
    found.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    found.truncate(limit as usize);
    Ok(found)
}

/// One rig's newest beads of one status.
pub(crate) const NEWEST_BEADS_WHERE: &str =
    "b.rig = ?1 AND b.status = ?2 ORDER BY b.rowid DESC LIMIT ?3";

request! {
    /// The town's agents, filtered.
    pub struct ListAgents {
        /// The rig (name or ID).
        #[serde(rename = "rig_id")]
        pub rig: Option<String>,
        pub status: Option<AgentStatus>,
        pub role: Option<AgentRole>,
        /// Only polecats free to take work: idle, with nothing on their hook.
        #[serde(default)]
        pub free: bool,
        /// The first N, oldest first (the dashboard draws 200; 0 is all).
        pub limit: Option<u32>,
        /// Only agents made after this one (name or ID), so that a reader
        /// pages on from the last agent it got.
        pub after: Option<String>,
    }
}

/// Which agents `agent list` shows: the request itself, its `after` made
/// an agent's ID by [`crate::town::Town::agents`].
pub type AgentFilter = ListAgents;

pub fn agents(r: &mut dyn Reader, filter: &AgentFilter) -> Result<Vec<Agent>> {
    let (sql, params) = agents_where(filter);
    fetch_where(r, &sql, &params)
}

/// The `WHERE` clause (and its parameters) of [`agents`].
pub(crate) fn agents_where(filter: &AgentFilter) -> (String, Vec<Value>) {
    let mut clauses = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    let mut filter = filter.clone();
    if filter.free {
        // `+hook`: the unique index of hooks would walk every unhooked agent.
        clauses.push("+a.hook IS NULL".to_string());
        filter.status = Some(AgentStatus::Idle);
        filter.role = Some(AgentRole::Polecat);
    }
    if let Some(rig) = &filter.rig {
        params.push(rig.as_str().into());
        clauses.push(format!("a.rig = ?{}", params.len()));
    }
    if let Some(s) = filter.status {
        params.push(s.as_str().into());
        clauses.push(format!("a.status = ?{}", params.len()));
    }
    if let Some(role) = filter.role {
        params.push(role.as_str().into());
        clauses.push(format!("a.role = ?{}", params.len()));
    }
    if let Some(id) = &filter.after {
        // The list's own order, resumed past that agent.
        params.push(id.as_str().into());
        let n = params.len();
        clauses.push(format!(
            "(a.created_at, a.rowid) > (SELECT created_at, rowid FROM agents WHERE id = ?{n})"
        ));
    }
    let mut order = "1 ORDER BY a.created_at, a.rowid".to_string();
    if let Some(n) = filter.limit {
        params.push(i64::from(n).into());
        order.push_str(&format!(" LIMIT ?{}", params.len()));
    }
    clauses.push(order);
    (clauses.join(" AND "), params)
}

pub fn escalations(r: &mut dyn Reader, all: bool) -> Result<Vec<Escalation>> {
    fetch_where(r, escalations_where(all), &[])
}

/// The `WHERE` clause of [`escalations`].
pub(crate) fn escalations_where(all: bool) -> &'static str {
    if all {
        "1 ORDER BY e.created_at, e.rowid"
    } else {
        "e.status = 'open' ORDER BY e.created_at, e.rowid"
    }
}

request! {
    /// The audit log, newest last.
    pub struct ListEvents {
        /// A bead, convoy, agent (name or ID) or escalation.
        #[serde(rename = "subject_id")]
        pub subject: Option<String>,
        /// A convoy: the events recorded as concerning it (its own, its beads'
        /// while they were tracked, deleted ones' included, and its
        /// escalations' and polecats').
        #[serde(rename = "convoy_id")]
        pub convoy: Option<String>,
        pub actor: Option<String>,
        /// A time (RFC 3339), a date, today, yesterday, or an age (10m, 2h).
        pub since: Option<String>,
        /// The newest N (0 for all; default 50); with `after`, the first N
        /// after it, so that a reader pages on from the last id it got.
        pub limit: Option<u32>,
        /// Only events with a greater id.
        #[serde(rename = "after")]
        pub after_id: Option<i64>,
        /// Only events with a smaller id: the newest N before it, so that a
        /// reader pages back from the oldest id it got.
        #[serde(rename = "before")]
        pub before_id: Option<i64>,
    }
}

/// Which events `gt events` shows: the request itself, its subject, convoy
/// and time made exact by [`crate::town::Town::events`].
pub type EventFilter = ListEvents;

/// How many events a list without a limit shows.
pub const EVENTS_SHOWN: u32 = 50;

impl ListEvents {
    /// The whole log (or all of it that the other filters keep).
    pub fn all() -> Self {
        ListEvents {
            limit: Some(0),
            ..ListEvents::default()
        }
    }

    /// The most events the list holds: none for all of them.
    pub fn most(&self) -> Option<u32> {
        match self.limit {
            None => Some(EVENTS_SHOWN),
            Some(0) => None,
            n => n,
        }
    }
}

/// The statement of [`events`]. A subject or convoy leads (its index range of
/// `events_subject`) and the actor is then checked per row (`+actor`): without
/// that, the planner walked every event of that actor. `--since` becomes an id
/// bound as well, the first event at or after the time (ids grow with time;
/// the time is still checked, for writers whose clocks disagree by a little),
/// so the newest events are one range of the table, not a scan of it.
pub(crate) fn events_sql(filter: &EventFilter) -> (String, Vec<Value>) {
    let mut clauses = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    let mut add = |clause: &str, v: Value| {
        params.push(v);
        clauses.push(clause.replace('?', &format!("?{}", params.len())));
    };
    let by_subject = filter.subject.is_some() || filter.convoy.is_some();
    if let Some(s) = &filter.subject {
        add("subject_id = ?", s.as_str().into());
    }
    if let Some(c) = &filter.convoy {
        add("convoy_id = ?", c.as_str().into());
    }
    if let Some(a) = &filter.actor {
        let clause = if by_subject {
            "+actor = ?"
        } else {
            "actor = ?"
        };
        add(clause, a.as_str().into());
    }
    if let Some(t) = &filter.since {
        add(
            "id >= (SELECT coalesce(min(id), 9223372036854775807) FROM events \
             INDEXED BY events_created WHERE created_at >= ?) AND +created_at >= ?",
            t.as_str().into(),
        );
    }
    if let Some(id) = filter.after_id {
        add("id > ?", id.into());
    }
    if let Some(id) = filter.before_id {
        add("id < ?", id.into());
    }
    clauses.push("1".into());
    // After an id, the first events after it (so that a reader pages on);
    // otherwise the newest.
    let order = if filter.after_id.is_some() {
        "ASC"
    } else {
        "DESC"
    };
    let mut sql = format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE {} ORDER BY id {order}",
        clauses.join(" AND ")
    );
    if let Some(n) = filter.most() {
        params.push(i64::from(n).into());
        sql.push_str(&format!(" LIMIT ?{}", params.len()));
    }
    (sql, params)
}

/// The columns of an event, in the order [`event_of`] reads them.
pub(crate) const EVENT_COLUMNS: &str =
    "id, subject_id, event_type, actor, old_value, new_value, metadata, created_at, convoy_id";

/// An event from a row of [`EVENT_COLUMNS`].
pub(crate) fn event_of(row: &Row) -> Result<Event> {
    Ok(Event {
        id: row.int(0)?,
        subject_id: row.text(1)?,
        event_type: row.text(2)?,
        actor: row.text(3)?,
        old_value: json_column(row, 4)?,
        new_value: json_column(row, 5)?,
        metadata: json_column(row, 6)?,
        created_at: row.text(7)?,
        convoy_id: row.cells().opt_text(8)?.map(Into::into),
    })
}

pub fn events(r: &mut dyn Reader, filter: &EventFilter) -> Result<Vec<Event>> {
    let (sql, params) = events_sql(filter);
    let rows = r.query(&sql, &params)?;
    let mut out = rows.iter().map(event_of).collect::<Result<Vec<_>>>()?;
    if filter.after_id.is_none() {
        out.reverse();
    }
    Ok(out)
}

fn json_column(row: &Row, i: usize) -> Result<serde_json::Value> {
    match row.cells().opt_text(i)? {
        None => Ok(serde_json::Value::Null),
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| Error::internal(format!("an event holds bad JSON '{text}': {e}"))),
    }
}
