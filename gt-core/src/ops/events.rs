//! The activity feed.

use crate::call::{Call, CallSpec};
use crate::error::{Candidate, Error, Hint, Result};
use crate::id::{normalize_prefix, prefix_range, IdKind};
use crate::model::{Convoy, Event};
use crate::query::{self, EventFilter};
use crate::store::Reader;
use crate::town::Town;

impl Town {
    /// The id of the newest event (0 while the log is empty): where a reader
    /// that follows the log starts.
    pub fn last_event_id(&mut self) -> Result<i64> {
        let newest = self.events(&EventFilter {
            limit: Some(1),
            ..EventFilter::default()
        })?;
        Ok(newest.last().map_or(0, |e| e.id))
    }

    /// Events matching `filter`, oldest first. A subject may be given by ID prefix
    /// (also of a deleted subject) or, for agents, by name; `since` as any
    /// time [`crate::clock::parse_since`] reads.
    pub fn events(&mut self, filter: &EventFilter) -> Result<Vec<Event>> {
        let mut filter = filter.clone();
        filter.since = filter
            .since
            .as_deref()
            .map(crate::clock::parse_since)
            .transpose()?;
        self.read(|r| {
            if let Some(subject) = &filter.subject {
                filter.subject = Some(resolve_subject(r, subject)?);
            }
            if let Some(convoy) = &filter.convoy {
                filter.convoy = Some(query::resolve::<Convoy>(r, convoy)?);
            }
            query::events(r, &filter)
        })
    }
}

/// The one subject of the log that `input` names.
fn resolve_subject(r: &mut dyn Reader, input: &str) -> Result<String> {
    if input.trim().is_empty() {
        return Err(Error::usage("an empty subject ID"));
    }
    let named = r.query(query::AGENT_BY_NAME_SQL, &[input.trim().into()])?;
    if let Some(row) = named.first() {
        return Ok(row.text(0)?);
    }
    let prefix = normalize_prefix(IdKind::Bead, input);
    let lowered = input.trim().to_ascii_lowercase();
    // A subject of any kind: try the prefix as typed, then as a bead's.
    for candidate in [lowered, prefix] {
        let ids = subjects_in_range(r, &candidate)?;
        if ids.contains(&candidate) {
            return Ok(candidate);
        }
        match ids.len() {
            0 => continue,
            1 => return Ok(ids.into_iter().next().expect("one")),
            // The same error as every other ambiguous prefix, candidates
            // included (SPEC §4).
            _ => {
                let found = ids
                    .into_iter()
                    .map(|id| Candidate {
                        id,
                        name: None,
                        title: None,
                    })
                    .collect();
                return Err(query::ambiguous(input, found, "type more of the ID"));
            }
        }
    }
    Err(
        Error::not_found(format!("nothing in the log matches '{input}'")).with_hint(Hint::call(
            "list recent activity with",
            "events",
            &[],
        )),
    )
}

/// The first subject of the log at or after `?1` and before `?2`.
pub(crate) const FIRST_SUBJECT_SQL: &str = "SELECT subject_id FROM events \
     WHERE subject_id >= ?1 AND subject_id < ?2 ORDER BY subject_id LIMIT 1";

/// The next subject after `?1`, before `?2`.
pub(crate) const NEXT_SUBJECT_SQL: &str = "SELECT subject_id FROM events \
     WHERE subject_id > ?1 AND subject_id < ?2 ORDER BY subject_id LIMIT 1";

/// Up to 6 distinct subjects that start with `prefix`, each found by one index
/// probe: a `DISTINCT` over the range walked every event of every match (a
/// convoy has thousands).
fn subjects_in_range(r: &mut dyn Reader, prefix: &str) -> Result<Vec<String>> {
    let (lo, hi) = prefix_range(prefix);
    let mut ids: Vec<String> = Vec::new();
    while ids.len() < 6 {
        let rows = match ids.last() {
            None => r.query(FIRST_SUBJECT_SQL, &[lo.as_str().into(), hi.as_str().into()])?,
            Some(last) => r.query(
                NEXT_SUBJECT_SQL,
                &[last.as_str().into(), hi.as_str().into()],
            )?,
        };
        match rows.first() {
            Some(row) => ids.push(row.text(0)?),
            None => break,
        }
    }
    Ok(ids)
}

impl Call for crate::query::ListEvents {
    type Output = Vec<Event>;
    const SPEC: CallSpec = spec!(
        "events",
        "gt_events",
        Some("GET /api/events"),
        Read,
        true,
        Some("events"),
        core,
        page = Some(500),
        doc = "Show the activity feed, newest last\n\n\
               Every change gt makes is recorded with who made it, when, and the old \
               and new values. Events outlive their subjects: a deleted bead keeps its \
               history."
    );
    fn run(self, town: &mut Town) -> Result<Vec<Event>> {
        town.events(&self)
    }
}
