//! Beads: plain create, list, show, and the partial update of surgical editing.

use serde_json::{json, Value as Json};

use crate::error::{Error, Result};
use crate::event_type as ev;
use crate::model::{Bead, BeadStatus, Priority};
use crate::ops::sling::NewBead;
use crate::query::{self, BeadFilter};
use crate::town::Town;

/// `gt bead create`.
#[derive(Debug, Clone, Default)]
pub struct CreateBead {
    pub rig: String,
    pub title: String,
    pub body: Option<String>,
    pub priority: Priority,
    pub labels: Vec<String>,
    /// Beads (IDs or prefixes) the new bead waits for.
    pub depends_on: Vec<String>,
}

/// `gt bead update`: only the fields given change.
#[derive(Debug, Clone, Default)]
pub struct UpdateBead {
    pub status: Option<BeadStatus>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub priority: Option<Priority>,
    /// Replaces the whole label set.
    pub labels: Option<Vec<String>>,
    pub add_labels: Vec<String>,
    pub remove_labels: Vec<String>,
    /// Metadata keys to set.
    pub set_meta: Vec<(String, Json)>,
    /// Metadata keys to remove.
    pub unset_meta: Vec<String>,
}

impl UpdateBead {
    pub fn is_empty(&self) -> bool {
        self.status.is_none()
            && self.title.is_none()
            && self.body.is_none()
            && self.priority.is_none()
            && self.labels.is_none()
            && self.add_labels.is_empty()
            && self.remove_labels.is_empty()
            && self.set_meta.is_empty()
            && self.unset_meta.is_empty()
    }
}

impl Town {
    pub fn create_bead(&mut self, req: &CreateBead) -> Result<Bead> {
        super::required("title", &req.title)?;
        let id = self.write(|unit| {
            let rig = query::resolve_rig(unit, &req.rig)?;
            let mut depends_on = Vec::with_capacity(req.depends_on.len());
            for dep in &req.depends_on {
                let id = query::resolve::<Bead>(unit, dep)?;
                unit.must::<Bead>(&id)?;
                if !depends_on.contains(&id) {
                    depends_on.push(id);
                }
            }
            let bead = unit.create_bead(NewBead {
                id: None,
                rig: &rig.name,
                title: &req.title,
                body: req.body.as_deref(),
                priority: req.priority,
                labels: &req.labels,
                convoy_id: None,
                depends_on,
            })?;
            Ok(bead.id)
        })?;
        self.bead(&id)
    }

    /// One bead, by ID or unique prefix.
    pub fn bead(&mut self, id: &str) -> Result<Bead> {
        self.read(|r| {
            let id = query::resolve::<Bead>(r, id)?;
            query::must(r, &id)
        })
    }

    pub fn beads(&mut self, filter: &BeadFilter) -> Result<Vec<Bead>> {
        let mut filter = filter.clone();
        self.read(|r| {
            if let Some(convoy) = &filter.convoy_id {
                filter.convoy_id = Some(query::resolve::<crate::model::Convoy>(r, convoy)?);
            }
            if let Some(rig) = &filter.rig {
                filter.rig = Some(query::resolve_rig(r, rig)?.name);
            }
            query::beads(r, &filter)
        })
    }

    /// Changes the given fields of a bead, each with its event; a status change
    /// carries its consequences (R2–R8).
    pub fn update_bead(&mut self, id: &str, req: &UpdateBead) -> Result<Bead> {
        if req.is_empty() {
            return Err(Error::usage("nothing to update")
                .with_hint("give at least one of --status, --title, --body, --priority, --label, --add-label, --remove-label, --meta, --unset-meta"));
        }
        if let Some(title) = &req.title {
            super::required("title", title)?;
        }
        for (key, _) in &req.set_meta {
            super::required("metadata key", key)?;
        }
        let id = self.write(|unit| {
            let id = query::resolve::<Bead>(unit, id)?;
            let mut bead: Bead = unit.must(&id)?;
            let before = bead.clone();
            if let Some(title) = &req.title {
                bead.title = title.clone();
            }
            if let Some(body) = &req.body {
                bead.body = Some(body.clone());
            }
            if let Some(priority) = req.priority {
                bead.priority = priority;
            }
            if let Some(labels) = &req.labels {
                bead.labels.clear();
                extend_unique(&mut bead.labels, labels);
            }
            extend_unique(&mut bead.labels, &req.add_labels);
            bead.labels.retain(|l| !req.remove_labels.contains(l));
            for (key, value) in &req.set_meta {
                bead.metadata.insert(key.clone(), value.clone());
            }
            for key in &req.unset_meta {
                bead.metadata.remove(key);
            }
            let changes = field_changes(&before, &bead);
            if !changes.is_empty() {
                bead.updated_at = unit.now.clone();
                unit.put(bead);
                for (field, old, new) in changes {
                    unit.event(&id, ev::UPDATED, old, new, json!({ "field": field }));
                }
            }
            if let Some(status) = req.status {
                unit.set_bead_status(&id, status)?;
            }
            Ok(id)
        })?;
        self.read(|r| query::must(r, &id))
    }
}

fn extend_unique(labels: &mut Vec<String>, more: &[String]) {
    for l in more {
        if !labels.contains(l) {
            labels.push(l.clone());
        }
    }
}

/// The editable fields that differ between two versions of a bead.
fn field_changes(before: &Bead, after: &Bead) -> Vec<(&'static str, Json, Json)> {
    let mut out = Vec::new();
    let mut check = |field: &'static str, old: Json, new: Json| {
        if old != new {
            out.push((field, old, new));
        }
    };
    check("title", json!(before.title), json!(after.title));
    check("body", json!(before.body), json!(after.body));
    check("priority", json!(before.priority), json!(after.priority));
    check("labels", json!(before.labels), json!(after.labels));
    check(
        "metadata",
        Json::Object(before.metadata.clone()),
        Json::Object(after.metadata.clone()),
    );
    out
}

/// Parses `K=V` for `--meta`: V is taken as JSON when it is valid JSON (numbers,
/// booleans, objects, quoted strings), else as a plain string.
pub fn parse_meta(pair: &str) -> Result<(String, Json)> {
    let Some((key, value)) = pair.split_once('=') else {
        return Err(Error::usage(format!("invalid metadata '{pair}'"))
            .with_hint("write it as KEY=VALUE, e.g. --meta pr=1234"));
    };
    let key = key.trim();
    if key.is_empty() {
        return Err(Error::usage(format!(
            "invalid metadata '{pair}': the key is empty"
        )));
    }
    let value = serde_json::from_str(value).unwrap_or_else(|_| Json::String(value.to_string()));
    Ok((key.to_string(), value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_values_are_json_when_they_can_be() {
        assert_eq!(parse_meta("pr=1234").unwrap(), ("pr".into(), json!(1234)));
        assert_eq!(parse_meta("ok=true").unwrap().1, json!(true));
        assert_eq!(parse_meta("branch=feat/x").unwrap().1, json!("feat/x"));
        assert_eq!(parse_meta("eq=a=b").unwrap().1, json!("a=b"));
        assert_eq!(parse_meta("novalue").unwrap_err().code(), "usage");
        assert_eq!(parse_meta("=x").unwrap_err().code(), "usage");
    }
}
