//! Reads: resolving what a user typed to one ID (`resolve`), the lists that
//! commands print (`lists`) and the convoy status view (`status`). Reads
//! decide nothing, so they take no guards.

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

mod lists;
mod resolve;
mod status;

pub use lists::*;
pub use resolve::*;
pub use status::*;

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
