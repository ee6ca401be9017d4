//! Reads: resolving what a user typed to one ID, and the lists and views that
//! commands print. Reads decide nothing, so they take no guards.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::entity::Entity;
use crate::error::{either, Candidate, Error, Hint, Result};
use crate::id::{normalize_prefix, prefix_range, IdKind};
use crate::model::{
    Agent, AgentRole, AgentStatus, AttentionReason, Bead, BeadState, BeadStatus, Convoy,
    ConvoyStatus, Escalation, Event, Priority, Rig,
};
use crate::store::{Reader, Row, StoreError, Value};

/// How many candidates an ambiguous prefix lists.
const MAX_CANDIDATES: usize = 5;

/// Every row of `T` matching `where_sql`.
pub fn fetch_where<T: Entity>(
    r: &mut dyn Reader,
    where_sql: &str,
    params: &[Value],
) -> Result<Vec<T>> {
    fetch_select(r, T::SELECT, where_sql, params)
}

/// Like [`fetch_where`], with another `SELECT` of the same columns.
fn fetch_select<T: Entity>(
    r: &mut dyn Reader,
    select: &str,
    where_sql: &str,
    params: &[Value],
) -> Result<Vec<T>> {
    let sql = format!("{select} WHERE {where_sql}");
    let rows = r.query(&sql, params)?;
    rows.into_iter()
        .map(|row| T::from_row(row).map(|(v, _)| v).map_err(Into::into))
        .collect()
}

/// The row `id` exactly, if it exists.
pub fn fetch<T: Entity>(r: &mut dyn Reader, id: &str) -> Result<Option<T>> {
    let alias = &T::TABLE[..1];
    Ok(fetch_where(r, &format!("{alias}.id = ?1"), &[id.into()])?
        .into_iter()
        .next())
}

/// The row `id`, or a not-found error.
pub fn must<T: Entity>(r: &mut dyn Reader, id: &str) -> Result<T> {
    fetch(r, id)?.ok_or_else(|| Error::not_found(format!("no {} '{id}'", T::KIND.noun())))
}

/// Resolves a full ID or any unique prefix of one (the type prefix may be left
/// off) to the ID it names.
pub fn resolve<T: Entity>(r: &mut dyn Reader, input: &str) -> Result<String> {
    resolve_id(r, T::KIND, T::TABLE, input)
}

fn resolve_id(r: &mut dyn Reader, kind: IdKind, table: &str, input: &str) -> Result<String> {
    let noun = kind.noun();
    let typed = input.trim().to_ascii_lowercase();
    if typed.is_empty() {
        return Err(
            Error::usage(format!("an empty {noun} ID")).with_hint(format!(
                "give a {noun} ID such as {}k3x9q, or a prefix of one",
                kind.prefix()
            )),
        );
    }
    // Without its type prefix, a short word is more likely a name or a typo
    // than an ID: `s` would match whichever IDs happen to start with it.
    let bare = !typed.starts_with(kind.prefix()) && !kind.prefix().starts_with(typed.as_str());
    if bare && typed.chars().count() < MIN_BARE_PREFIX {
        return Err(Error::usage(format!(
            "'{input}' is too short for a {noun} ID: without '{}' a prefix needs at least \
             {MIN_BARE_PREFIX} characters",
            kind.prefix()
        ))
        .with_hint(format!("type more of it, or {}{typed}", kind.prefix())));
    }
    let prefix = normalize_prefix(kind, input);
    let (lo, hi) = prefix_range(&prefix);
    let rows = r.query(
        &prefix_sql(table),
        &[lo.into(), hi.into(), ((MAX_CANDIDATES + 1) as i64).into()],
    )?;
    let found = candidates(kind, &rows)?;
    if let Some(exact) = found.iter().find(|c| c.id == prefix) {
        return Ok(exact.id.clone());
    }
    match found.len() {
        0 => {
            let error = Error::not_found(format!("no {noun} matches '{input}'"));
            let near = near_ids(r, kind, table, &prefix)?;
            if near.is_empty() {
                return Err(error.with_hint(Hint::call("list them with", list_call(kind), &[])));
            }
            let shown: Vec<String> = near.iter().map(|c| c.id.clone()).collect();
            Err(error
                .with_hint(format!("did you mean {}?", either(&shown)))
                .with_candidates(near))
        }
        1 => Ok(found.into_iter().next().expect("one element").id),
        _ => Err(ambiguous(input, found, "type more of the ID")),
    }
}

/// The error of a prefix that matches several things, with what it matches.
pub(crate) fn ambiguous(input: &str, mut found: Vec<Candidate>, hint: &str) -> Error {
    let more = if found.len() > MAX_CANDIDATES {
        ", …"
    } else {
        ""
    };
    found.truncate(MAX_CANDIDATES);
    let shown: Vec<String> = found
        .iter()
        .map(|c| match &c.name {
            Some(name) => format!("{name} ({})", c.id),
            None => c.id.clone(),
        })
        .collect();
    Error::conflict(format!(
        "'{input}' is ambiguous: it matches {}{more}",
        shown.join(", ")
    ))
    .with_hint(hint)
    .with_candidates(found)
}

/// The IDs one typo from `prefix` (see [`crate::id::one_edit_away`]), each
/// with its name or title: one statement whatever the number of variants,
/// each an index range of the IDs that start with it.
pub(crate) fn near_ids(
    r: &mut dyn Reader,
    kind: IdKind,
    table: &str,
    prefix: &str,
) -> Result<Vec<Candidate>> {
    let variants = crate::id::one_edit_away(kind, prefix, MIN_BARE_PREFIX);
    if variants.is_empty() {
        return Ok(Vec::new());
    }
    let json = serde_json::to_string(&variants).map_err(|e| Error::internal(e.to_string()))?;
    let limit = MAX_CANDIDATES as i64;
    let rows = r.query(&near_sql(table), &[json.into(), limit.into()])?;
    candidates(kind, &rows)
}

/// Rows of an ID and its label as candidates: agents and rigs by name, the
/// rest by title (an escalation's message).
fn candidates(kind: IdKind, rows: &[Row]) -> Result<Vec<Candidate>> {
    let named = matches!(kind, IdKind::Agent | IdKind::Rig);
    rows.iter()
        .map(|row| {
            let (id, label) = (row.text(0)?, row.opt_text(1)?);
            Ok(Candidate {
                id,
                name: label.clone().filter(|_| named),
                title: label.filter(|_| !named),
            })
        })
        .collect::<Result<_, StoreError>>()
        .map_err(Into::into)
}

/// The IDs of `table` that start with any prefix of a JSON array (`?1`), at
/// most `?2`, in ID order. `CROSS JOIN` keeps the variants outside: each is
/// then one index range (the planner would rather walk the table in order).
pub(crate) fn near_sql(table: &str) -> String {
    let label = label_of(table);
    format!(
        "SELECT DISTINCT t.id, t.{label} FROM json_each(?1) v CROSS JOIN {table} t \
         WHERE t.id >= v.value AND t.id < v.value || '~' ORDER BY t.id LIMIT ?2"
    )
}

/// The column that names a row of `table` in candidates.
fn label_of(table: &str) -> &'static str {
    match table {
        "agents" | "rigs" => "name",
        "escalations" => "message",
        _ => "title",
    }
}

/// How long an ID prefix typed without its type prefix must be.
const MIN_BARE_PREFIX: usize = 3;

/// The IDs of `table` in a prefix's range, with each row's name or title.
pub(crate) fn prefix_sql(table: &str) -> String {
    let label = label_of(table);
    format!("SELECT id, {label} FROM {table} WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3")
}

/// The agent called `?1` (case-insensitive), by the unique index of names.
pub(crate) const AGENT_BY_NAME_SQL: &str = "SELECT id FROM agents WHERE name = ?1";

/// Agents whose names start with a prefix (case-insensitive: the column's
/// collation), by the same index.
pub(crate) const AGENT_NAME_PREFIX_SQL: &str =
    "SELECT id, name FROM agents WHERE name >= ?1 AND name < ?2 ORDER BY name LIMIT ?3";

/// An agent by name (case-insensitive), then by a unique prefix of a name,
/// then by ID prefix: `s` is Sage, Slate or Shadow, never an `ag-s…` by chance.
pub fn resolve_agent(r: &mut dyn Reader, input: &str) -> Result<String> {
    let name = input.trim();
    let rows = r.query(AGENT_BY_NAME_SQL, &[name.into()])?;
    if let Some(row) = rows.first() {
        return Ok(row.text(0)?);
    }
    if !name.is_empty()
        && !name
            .to_ascii_lowercase()
            .starts_with(IdKind::Agent.prefix())
    {
        // Every name that starts with it sorts below the prefix and the
        // highest code point (names are compared case-folded).
        let hi = format!("{name}\u{10FFFF}");
        let limit = (MAX_CANDIDATES + 1) as i64;
        let rows = r.query(
            AGENT_NAME_PREFIX_SQL,
            &[name.into(), hi.into(), limit.into()],
        )?;
        let found: Vec<Candidate> = rows
            .iter()
            .map(|row| {
                Ok(Candidate {
                    id: row.text(0)?,
                    name: Some(row.text(1)?),
                    title: None,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        match found.len() {
            0 => {}
            1 => return Ok(found.into_iter().next().expect("one element").id),
            _ => return Err(ambiguous(input, found, "type more of the name")),
        }
    }
    match resolve::<Agent>(r, input) {
        Err(e) if e.kind == crate::ErrorKind::NotFound => {
            let error = Error::not_found(format!("no agent named or matching '{input}'"));
            // A name one typo away (past its first letter), else an ID.
            let mut near = near_names(r, name)?;
            if near.is_empty() {
                near = e.candidates.map(Vec::from).unwrap_or_default();
            }
            if near.is_empty() {
                return Err(error.with_hint(Hint::call("list them with", "agent list", &[])));
            }
            let shown: Vec<String> = near
                .iter()
                .map(|c| c.name.clone().unwrap_or_else(|| c.id.clone()))
                .collect();
            Err(error
                .with_hint(format!("did you mean {}?", either(&shown)))
                .with_candidates(near))
        }
        other => other,
    }
}

/// Agents whose names are one typo from `name` (case-insensitive), among
/// the names that share its first letter (one index range, bounded).
fn near_names(r: &mut dyn Reader, name: &str) -> Result<Vec<Candidate>> {
    let Some(first) = name.chars().next() else {
        return Ok(Vec::new());
    };
    let lo = first.to_string();
    let hi = format!("{first}\u{10FFFF}");
    let rows = r.query(AGENT_NAME_PREFIX_SQL, &[lo.into(), hi.into(), 200.into()])?;
    let typed = name.to_lowercase();
    let mut near = Vec::new();
    for row in &rows {
        let other = row.text(1)?;
        if one_typo(&typed, &other.to_lowercase()) && near.len() < MAX_CANDIDATES {
            near.push(Candidate {
                id: row.text(0)?,
                name: Some(other),
                title: None,
            });
        }
    }
    Ok(near)
}

/// Whether `b` is `a` with one character changed, dropped, added, or two
/// neighbours swapped.
fn one_typo(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return false;
    }
    let start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[start..], &b[start..]);
    match ra.len() as isize - rb.len() as isize {
        0 => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        1 => ra[1..] == *rb,
        -1 => *ra == rb[1..],
        _ => false,
    }
}

/// The call that lists things of a kind.
fn list_call(kind: crate::id::IdKind) -> &'static str {
    use crate::id::IdKind;
    match kind {
        IdKind::Bead => "bead list",
        IdKind::Convoy => "convoy list",
        IdKind::Agent => "agent list",
        IdKind::Escalation => "escalation list",
        IdKind::Rig => "rig list",
    }
}

/// A rig by name, or by ID prefix.
pub fn resolve_rig(r: &mut dyn Reader, input: &str) -> Result<Rig> {
    if let Some(rig) = fetch_where::<Rig>(r, "r.name = ?1", &[input.trim().into()])?
        .into_iter()
        .next()
    {
        return Ok(rig);
    }
    match resolve::<Rig>(r, input) {
        Ok(id) => must(r, &id),
        Err(e) if e.kind == crate::ErrorKind::NotFound => Err(Error::not_found(format!(
            "no rig named '{input}'"
        ))
        .with_hint(Hint::call("add it with", "rig add", &[("name", input)]))),
        Err(e) => Err(e),
    }
}

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
/// filter given leads (an assignee, a convoy, a search, a label, a rig and
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
    }
}

/// Which agents `agent list` shows: the request itself.
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

/// One bead of `convoy status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrackedBead {
    pub id: String,
    pub title: String,
    pub status: BeadStatus,
    pub rig: String,
    pub priority: Priority,
    pub assignee: Option<String>,
    /// The blockers of this bead that are not closed yet.
    pub blocked_by: Vec<String>,
    /// The status of the agent it is hooked to.
    pub agent_status: Option<AgentStatus>,
    /// For an open bead, why it is not at work yet.
    pub state: Option<BeadState>,
}

/// Something about one bead that needs a person (or the Mayor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Attention {
    pub bead: String,
    pub reason: AttentionReason,
    /// The agent concerned, for `agent_dead` and `agent_stalled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
}

/// One edge of a convoy's dependency graph: `bead_id` waits for `depends_on_bead_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DependencyEdge {
    pub bead_id: String,
    pub depends_on_bead_id: String,
}

/// `convoy status`: the convoy, each tracked bead, and the edges between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConvoyStatusView {
    #[serde(flatten)]
    pub convoy: Convoy,
    pub beads: Vec<TrackedBead>,
    pub dependency_edges: Vec<DependencyEdge>,
    /// What needs attention, bead by bead, in the beads' order.
    pub attention: Vec<Attention>,
}

/// Where `convoy status` is read into, in order: the convoy, each tracked bead,
/// then the edges. The owned [`ConvoyStatusView`] is one such sink; a printer
/// can be another and write each bead as it comes.
pub trait ConvoyStatusSink {
    fn convoy(&mut self, convoy: Convoy) -> Result<()>;
    /// Each bead in turn. The same value is refilled for the next bead, so
    /// reading allocates nothing per bead: keep a copy if you need one.
    fn bead(&mut self, bead: &TrackedBead) -> Result<()>;
    fn edges(&mut self, edges: Vec<DependencyEdge>) -> Result<()>;
    /// Last: what needs attention.
    fn attention(&mut self, items: Vec<Attention>) -> Result<()>;
}

impl ConvoyStatusView {
    /// An empty view, for [`convoy_status_into`] to fill.
    fn of(convoy: Convoy) -> Self {
        let beads = Vec::with_capacity(usize::try_from(convoy.total_beads).unwrap_or(0));
        ConvoyStatusView {
            convoy,
            beads,
            dependency_edges: Vec::new(),
            attention: Vec::new(),
        }
    }
}

/// Fills a [`ConvoyStatusView`]; the convoy comes first, so it is `None` before.
impl ConvoyStatusSink for Option<ConvoyStatusView> {
    fn convoy(&mut self, convoy: Convoy) -> Result<()> {
        *self = Some(ConvoyStatusView::of(convoy));
        Ok(())
    }
    fn bead(&mut self, bead: &TrackedBead) -> Result<()> {
        if let Some(view) = self {
            view.beads.push(bead.clone());
        }
        Ok(())
    }
    fn edges(&mut self, edges: Vec<DependencyEdge>) -> Result<()> {
        if let Some(view) = self {
            view.dependency_edges = edges;
        }
        Ok(())
    }
    fn attention(&mut self, items: Vec<Attention>) -> Result<()> {
        if let Some(view) = self {
            view.attention = items;
        }
        Ok(())
    }
}

pub fn convoy_status(r: &mut dyn Reader, convoy_id: &str) -> Result<ConvoyStatusView> {
    let mut view = None;
    convoy_status_into(r, convoy_id, &mut view)?;
    view.ok_or_else(|| Error::internal("convoy status read no convoy"))
}

/// Replaces the text in `s` without giving up its buffer.
fn refill(s: &mut String, text: &str) {
    s.clear();
    s.push_str(text);
}

/// How many of a convoy's beads are hooked (its partial index of hooked beads).
pub(crate) const HOOKED_COUNT_SQL: &str = "SELECT count(*) FROM beads INDEXED BY beads_hooked \
     WHERE convoy_id = ?1 AND assignee IS NOT NULL";

/// Whether a rig has an idle, unhooked polecat (see `rules::IDLE_POLECATS_SQL`).
pub(crate) const ANY_IDLE_POLECAT_SQL: &str =
    "SELECT 1 FROM agents WHERE rig = ?1 AND role = 'polecat' AND status = 'idle' \
     AND +hook IS NULL LIMIT 1";

/// How many of a convoy's beads are hooked: the places its cap counts (R8).
pub(crate) fn hooked_count(r: &mut dyn Reader, convoy_id: &str) -> Result<i64> {
    let rows = r.query(HOOKED_COUNT_SQL, &[convoy_id.into()])?;
    Ok(rows.first().map(|row| row.int(0)).transpose()?.unwrap_or(0))
}

/// Whether an idle, unhooked polecat of `rig` is there to take work.
pub(crate) fn any_idle_polecat(r: &mut dyn Reader, rig: &str) -> Result<bool> {
    Ok(!r.query(ANY_IDLE_POLECAT_SQL, &[rig.into()])?.is_empty())
}

/// Each bead of a convoy with its agent's status, then one row more per edge
/// it has (the same bead columns again) with its blocker's status.
pub(crate) const CONVOY_STATUS_SQL: &str = "SELECT b.id, b.title, b.status, b.rig, b.priority, \
     b.assignee, d.depends_on_id, blocker.status, a.status FROM beads b \
     LEFT JOIN agents a ON a.name = b.assignee \
     LEFT JOIN bead_deps d ON d.bead_id = b.id \
     LEFT JOIN beads blocker ON blocker.id = d.depends_on_id \
     WHERE b.convoy_id = ?1 ORDER BY b.rowid, d.depends_on_id";

/// What `convoy status` learns of a convoy as it reads its beads, to say
/// which of them need attention (R4, the rule `needs_attention_sql!` states
/// for lists): a waiting bead needs a person only when nothing will pick it up.
struct Watch {
    active: bool,
    /// Its cap is full: a waiting bead is `queued` for the next place.
    full: bool,
    /// A dispatched bead on a live agent: when it ends, its polecat is freed
    /// and takes the next waiting bead (R8).
    at_work: bool,
    /// Each bead needing attention, in the beads' order, and for the open,
    /// unassigned ones their rig: those are decided once every bead is read.
    found: Vec<(Attention, Option<String>)>,
}

impl Watch {
    /// Sets an open bead's `state` once all its rows are read, and notes what
    /// about it needs attention.
    fn settle(&mut self, bead: &mut TrackedBead) {
        let waiting = bead.status == BeadStatus::Open && bead.assignee.is_none();
        bead.state = match bead.status {
            BeadStatus::Open if !bead.blocked_by.is_empty() => Some(BeadState::Blocked),
            BeadStatus::Open if waiting && self.full => Some(BeadState::Queued),
            BeadStatus::Open if waiting => Some(BeadState::Unassigned),
            _ => None,
        };
        // A dead agent's hook needs attention on its own (as in the SQL).
        let live = bead.agent_status != Some(AgentStatus::Dead);
        if bead.assignee.is_some() && bead.status != BeadStatus::Open && live {
            self.at_work = true;
        }
        // A convoy ended by hand needs nobody: its beads are as it was left.
        let reason = match (bead.status, bead.agent_status) {
            _ if !self.active => None,
            (BeadStatus::Failed, _) => Some(AttentionReason::BeadFailed),
            (_, Some(AgentStatus::Dead)) => Some(AttentionReason::AgentDead),
            (_, Some(AgentStatus::Stalled)) => Some(AttentionReason::AgentStalled),
            _ if waiting => Some(AttentionReason::UnassignedOpen),
            _ => None,
        };
        if let Some(reason) = reason {
            let about_agent = matches!(
                reason,
                AttentionReason::AgentDead | AttentionReason::AgentStalled
            );
            let rig = (reason == AttentionReason::UnassignedOpen).then(|| bead.rig.clone());
            let item = Attention {
                bead: bead.id.clone(),
                reason,
                agent: bead.assignee.clone().filter(|_| about_agent),
            };
            self.found.push((item, rig));
        }
    }

    /// The attention list: the waiting beads kept are those nothing will
    /// pick up (nothing at work, and a full cap or no idle polecat of their rig).
    fn attention(self, r: &mut dyn Reader) -> Result<Vec<Attention>> {
        let mut idle: HashMap<String, bool> = HashMap::new();
        let mut out = Vec::with_capacity(self.found.len());
        for (item, rig) in self.found {
            if let Some(rig) = rig {
                if self.at_work {
                    continue;
                }
                if !self.full {
                    let free = match idle.get(&rig) {
                        Some(free) => *free,
                        None => {
                            let free = any_idle_polecat(r, &rig)?;
                            idle.insert(rig, free);
                            free
                        }
                    };
                    if free {
                        continue;
                    }
                }
            }
            out.push(item);
        }
        Ok(out)
    }
}

/// Reads `convoy status` into `sink`, one bead at a time.
pub fn convoy_status_into(
    r: &mut dyn Reader,
    convoy_id: &str,
    sink: &mut dyn ConvoyStatusSink,
) -> Result<()> {
    let convoy: Convoy = must(r, convoy_id)?;
    let full = match convoy.max_polecats {
        Some(cap) => hooked_count(r, convoy_id)? >= cap,
        None => false,
    };
    let mut watch = Watch {
        active: convoy.status == ConvoyStatus::Active,
        full,
        at_work: false,
        found: Vec::new(),
    };
    sink.convoy(convoy)?;
    let mut dependency_edges = Vec::new();
    // The bead being read; handed to the sink once its last row is read.
    let mut current: Option<TrackedBead> = None;
    // The sink's own error, kept whole while the read is stopped.
    let mut refused: Option<Error> = None;
    // One pass: each bead, then one row more per edge it has (the same bead
    // columns again), so the beads are read once and their edges found by key.
    let read = r.each_row(CONVOY_STATUS_SQL, &[convoy_id.into()], &mut |row| {
        let id = row.text(0)?;
        if current.as_ref().is_none_or(|b| b.id != id) {
            if let Some(bead) = &mut current {
                watch.settle(bead);
                if let Err(e) = sink.bead(bead) {
                    refused = Some(e);
                    return Err(StoreError::Backend("the reader stopped".into()));
                }
            }
            let (title, rig) = (row.text(1)?, row.text(3)?);
            let (status, priority) = (row.parsed(2)?, row.parsed(4)?);
            let assignee = row.opt_text(5)?;
            let agent_status = match row.opt_text(8)? {
                Some(_) => Some(row.parsed(8)?),
                None => None,
            };
            match &mut current {
                Some(b) => {
                    refill(&mut b.id, &id);
                    refill(&mut b.title, &title);
                    refill(&mut b.rig, &rig);
                    match (&mut b.assignee, assignee) {
                        (Some(a), Some(new)) => refill(a, &new),
                        (a, new) => *a = new.map(Into::into),
                    }
                    (b.status, b.priority) = (status, priority);
                    b.agent_status = agent_status;
                    b.blocked_by.clear();
                }
                None => {
                    current = Some(TrackedBead {
                        id: id.to_string(),
                        title: title.into_owned(),
                        status,
                        rig: rig.into_owned(),
                        priority,
                        assignee: assignee.map(Into::into),
                        blocked_by: Vec::new(),
                        agent_status,
                        state: None,
                    })
                }
            }
        }
        // No edge (or, as with an inner join, none whose blocker exists).
        if row.opt_text(7)?.is_none() {
            return Ok(());
        }
        let blocker = row.text(6)?.into_owned();
        if row.parsed::<BeadStatus>(7)? != BeadStatus::Closed {
            if let Some(bead) = &mut current {
                bead.blocked_by.push(blocker.clone());
            }
        }
        dependency_edges.push(DependencyEdge {
            bead_id: id.into_owned(),
            depends_on_bead_id: blocker,
        });
        Ok(())
    });
    if let Some(e) = refused {
        return Err(e);
    }
    read?;
    if let Some(bead) = &mut current {
        watch.settle(bead);
        sink.bead(bead)?;
    }
    sink.edges(dependency_edges)?;
    sink.attention(watch.attention(r)?)
}

/// Which events `gt events` shows.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub subject: Option<String>,
    /// A convoy: the events recorded as concerning it (its own, its beads'
    /// while they were tracked, deleted ones' included, and its escalations'
    /// and polecats').
    pub convoy: Option<String>,
    pub actor: Option<String>,
    /// Canonical RFC 3339 time; events at or after it.
    pub since: Option<String>,
    /// Only events after this ID (for following).
    pub after_id: Option<i64>,
    /// The newest N (still printed oldest first).
    pub limit: Option<u32>,
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
    clauses.push("1".into());
    // After an id, the first events after it (so that a reader pages on);
    // otherwise the newest.
    let order = if filter.after_id.is_some() {
        "ASC"
    } else {
        "DESC"
    };
    let mut sql = format!(
        "SELECT id, subject_id, event_type, actor, old_value, new_value, metadata, created_at, \
         convoy_id FROM events WHERE {} ORDER BY id {order}",
        clauses.join(" AND ")
    );
    if let Some(n) = filter.limit {
        params.push(i64::from(n).into());
        sql.push_str(&format!(" LIMIT ?{}", params.len()));
    }
    (sql, params)
}

pub fn events(r: &mut dyn Reader, filter: &EventFilter) -> Result<Vec<Event>> {
    let (sql, params) = events_sql(filter);
    let rows = r.query(&sql, &params)?;
    let mut out = rows
        .iter()
        .map(|row| -> Result<Event> {
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
        })
        .collect::<Result<Vec<_>>>()?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bead;
    use crate::store::sqlite::Sqlite;
    use proptest::prelude::*;

    fn town_with_beads() -> (tempfile::TempDir, Sqlite) {
        use crate::store::sqlite::tests::{bead, exec, RIG};
        let dir = tempfile::tempdir().unwrap();
        let mut db =
            Sqlite::open(&dir.path().join("t.db"), std::time::Duration::from_secs(5)).unwrap();
        crate::store::schema::ensure(&mut db).unwrap();
        let beads = ["gt-abc12", "gt-abd34", "gt-x0000"].map(|id| bead(id, "open", "NULL"));
        let mut batch = vec![RIG];
        batch.extend(beads.iter().map(String::as_str));
        exec(&mut db, &batch);
        (dir, db)
    }

    #[test]
    fn an_unknown_id_one_typo_from_a_real_one_names_it() {
        let (_dir, mut db) = town_with_beads();
        for typed in ["gt-abc13", "gt-acb12", "abc1x", "gt-ab12", "gt-abcc12"] {
            let e = resolve::<Bead>(&mut db, typed).unwrap_err();
            assert_eq!(e.kind, crate::ErrorKind::NotFound, "{typed}");
            let ids: Vec<String> = e.candidates.unwrap().iter().map(|c| c.id.clone()).collect();
            assert!(ids.contains(&"gt-abc12".to_string()), "{typed}: {ids:?}");
            assert!(!ids.contains(&"gt-x0000".to_string()), "{typed}: {ids:?}");
        }
        let far = resolve::<Bead>(&mut db, "gt-zzzzz").unwrap_err();
        assert!(far.candidates.is_none(), "{far:?}");
    }

    #[test]
    fn one_typo_is_one_edit() {
        for (a, b) in [
            ("toast", "tost"),
            ("toast", "toasts"),
            ("birch", "birhc"),
            ("sage", "sake"),
        ] {
            assert!(one_typo(a, b) && one_typo(b, a), "{a} {b}");
        }
        for (a, b) in [("toast", "toast"), ("toast", "ts"), ("birch", "brich x")] {
            assert!(!one_typo(a, b), "{a} {b}");
        }
    }

    /// What SQLite plans for `bead list` with `filter`: one line per step.
    fn bead_list_plan(db: &mut Sqlite, filter: &BeadFilter) -> Vec<String> {
        let (where_sql, params) = beads_where(filter);
        let sql = format!("EXPLAIN QUERY PLAN {} WHERE {where_sql}", Bead::SELECT);
        db.query(&sql, &params)
            .unwrap()
            .iter()
            .map(|row| row.text(3).unwrap())
            .collect()
    }

    #[test]
    fn bead_lists_that_filter_find_their_beads_through_an_index() {
        let (_dir, mut db) = town_with_beads();
        let filters = [
            BeadFilter {
                status: Some(BeadStatus::Open),
                ..Default::default()
            },
            BeadFilter {
                rig: Some("r".into()),
                ..Default::default()
            },
            BeadFilter {
                status: Some(BeadStatus::Closed),
                rig: Some("r".into()),
                ..Default::default()
            },
            BeadFilter {
                convoy_id: Some("cv-1".into()),
                ..Default::default()
            },
            BeadFilter {
                status: Some(BeadStatus::Closed),
                convoy_id: Some("cv-1".into()),
                ..Default::default()
            },
            BeadFilter {
                status: Some(BeadStatus::InProgress),
                assignee: Some("Polecat-1".into()),
                ..Default::default()
            },
        ];
        for filter in filters {
            let plan = bead_list_plan(&mut db, &filter);
            let beads = plan
                .iter()
                .find(|step| step.contains(" b ") || step.ends_with(" b"))
                .unwrap_or_else(|| panic!("{filter:?}: no step reads beads: {plan:?}"));
            assert!(
                beads.starts_with("SEARCH b USING INDEX"),
                "{filter:?} reads beads by {beads:?}: {plan:?}"
            );
        }
        // The status-only list still returns exactly the beads of that status.
        let open = beads(
            &mut db,
            &BeadFilter {
                status: Some(BeadStatus::Open),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(open.len(), 3);
    }

    #[test]
    fn prefixes_resolve_uniquely_or_say_why_not() {
        let (_dir, mut db) = town_with_beads();
        assert_eq!(resolve::<Bead>(&mut db, "gt-abc").unwrap(), "gt-abc12");
        assert_eq!(resolve::<Bead>(&mut db, "X00").unwrap(), "gt-x0000");
        assert_eq!(resolve::<Bead>(&mut db, "gt-x").unwrap(), "gt-x0000");
        // Without the type prefix, two characters are too few to be an ID.
        assert_eq!(resolve::<Bead>(&mut db, "X0").unwrap_err().code(), "usage");
        let e = resolve::<Bead>(&mut db, "gt-ab").unwrap_err();
        assert_eq!(e.code(), "conflict");
        let ids: Vec<&str> = e.candidates().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["gt-abc12", "gt-abd34"]);
        assert!(e
            .candidates()
            .iter()
            .all(|c| c.title.is_some() && c.name.is_none()));
        assert_eq!(
            resolve::<Bead>(&mut db, "gt-zz").unwrap_err().code(),
            "not_found"
        );
        assert_eq!(resolve::<Bead>(&mut db, " ").unwrap_err().code(), "usage");
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: std::env::var("GT_FUZZ_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2000),
            .. ProptestConfig::default()
        })]

        /// Fuzzing stand-in for the ID resolver: any input resolves to an ID
        /// that starts with what was typed, or fails with a typed error.
        #[test]
        fn any_input_resolves_or_fails_cleanly(input in "\\PC{0,12}|[gt\\-a-z0-9%_~]{0,10}") {
            thread_local! {
                static DB: std::cell::RefCell<(tempfile::TempDir, Sqlite)> = std::cell::RefCell::new(town_with_beads());
            }
            let outcome = DB.with(|db| resolve::<Bead>(&mut db.borrow_mut().1, &input));
            match outcome {
                Ok(id) => prop_assert!(id.starts_with(&crate::id::normalize_prefix(crate::id::IdKind::Bead, &input))),
                Err(e) => prop_assert!(["usage", "not_found", "conflict"].contains(&e.code()), "{:?}", e),
            }
        }
    }
}
