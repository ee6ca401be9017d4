//! Resolving what a user typed (an ID, a prefix, a name) to one thing, or
//! a typed error naming what it could mean.

use super::*;

/// Resolves a full ID or any unique prefix of one (the type prefix may be left
/// off) to the ID it names.
pub fn resolve<T: Entity>(r: &mut dyn Reader, input: &str) -> Result<String> {
    resolve_id(r, T::KIND, T::TABLE, input)
}

fn resolve_id(r: &mut dyn Reader, kind: IdKind, table: &str, input: &str) -> Result<String> {
    let noun = kind.noun();
    let a = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    let typed = input.trim().to_ascii_lowercase();
    if typed.is_empty() {
        return Err(
            Error::usage(format!("an empty {noun} ID")).with_hint(format!(
                "give {a} {noun} ID such as {}k3x9q, or a prefix of one",
                kind.prefix()
            )),
        );
    }
    // Without its type prefix, a short word is more likely a name or a typo
    // than an ID: `s` would match whichever IDs happen to start with it.
    let bare = !typed.starts_with(kind.prefix()) && !kind.prefix().starts_with(typed.as_str());
    if bare && typed.chars().count() < MIN_BARE_PREFIX {
        return Err(Error::usage(format!(
            "'{input}' is too short for {a} {noun} ID: without '{}' a prefix needs at least \
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
    let named = matches!(kind, IdKind::Agent | IdKind::Rig | IdKind::Host);
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
        "agents" | "rigs" | "hosts" => "name",
        "escalations" => "message",
        "mail" => "subject",
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
pub(super) fn one_typo(a: &str, b: &str) -> bool {
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
        IdKind::Mail => "mail inbox",
        IdKind::Host => "host list",
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
