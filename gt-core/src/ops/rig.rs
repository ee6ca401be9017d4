//! Rigs: the repositories a town works on.

use serde::{Deserialize, Serialize};

use crate::call::{Call, CallSpec};
use crate::change::Created;
use crate::error::{Error, Result};
use crate::id::{self, IdKind};
use crate::model::Rig;
use crate::query;
use crate::town::Town;

request! {
    /// Adds a rig: a repository the town works on.
    pub struct AddRig {
        pub name: String,
        pub git_url: Option<String>,
        pub default_branch: Option<String>,
    }
}

/// What `gt rig add` did: the rig, and whether it is new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RigAdded {
    #[serde(flatten)]
    pub rig: Rig,
    /// False when the rig existed with these settings (nothing was written).
    pub created: bool,
}

/// Whether `name` can name a rig: letters, digits, `.`, `_`, `-`, at most 64.
pub fn valid_rig_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('-')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

impl Town {
    /// Adds a rig. Adding one that exists with the same settings changes nothing
    /// and returns it, so setup scripts can run again; different settings are a
    /// conflict.
    pub fn add_rig(&mut self, req: &AddRig) -> Result<Rig> {
        self.add_rig_saying(req).map(|added| added.rig)
    }

    /// [`Town::add_rig`], saying whether the rig is new.
    pub fn add_rig_saying(&mut self, req: &AddRig) -> Result<RigAdded> {
        if !valid_rig_name(&req.name) {
            return Err(Error::usage(format!("invalid rig name '{}'", req.name))
                .with_hint("use letters, digits, '.', '_' and '-' (at most 64 characters)"));
        }
        super::texts("git URL", &req.git_url)?;
        super::texts("branch", &req.default_branch)?;
        let branch = req
            .default_branch
            .clone()
            .unwrap_or_else(|| "main".to_string());
        super::required("default branch", &branch)?;
        self.write(|unit| {
            let existing =
                query::fetch_where::<Rig>(unit, "r.name = ?1", &[req.name.as_str().into()])?;
            if let Some(rig) = existing.into_iter().next() {
                let same_url = req.git_url.is_none() || req.git_url == rig.git_url;
                let same_branch = req.default_branch.is_none() || rig.default_branch == branch;
                if same_url && same_branch {
                    return Ok(RigAdded {
                        rig,
                        created: false,
                    });
                }
                return Err(Error::conflict(format!(
                    "rig '{}' already exists with other settings",
                    rig.name
                ))
                .with_hint("choose another name; rigs are not edited in place"));
            }
            let population = unit.population("rigs")?;
            let rig = Rig {
                id: id::generate(IdKind::Rig, population),
                name: req.name.clone(),
                git_url: req.git_url.clone(),
                default_branch: branch.clone(),
                created_at: unit.now.clone(),
            };
            let created = Created::Rig {
                name: rig.name.clone(),
                git_url: rig.git_url.clone(),
                default_branch: rig.default_branch.clone(),
            };
            unit.create_logged(rig.clone(), created);
            Ok(RigAdded { rig, created: true })
        })
    }

    pub fn rigs(&mut self) -> Result<Vec<Rig>> {
        self.read(|r| query::fetch_where(r, "1 ORDER BY r.name", &[]))
    }
}

request! {
    /// The town's rigs.
    pub struct ListRigs {}
}

impl Call for ListRigs {
    type Output = Vec<Rig>;
    const SPEC: CallSpec = spec!(
        "rig list",
        "gt_list_rigs",
        Some("GET /api/rigs"),
        Read,
        true,
        Some("rigs"),
        doc = "List the town's rigs"
    );
    fn run(self, town: &mut Town) -> Result<Vec<Rig>> {
        town.rigs()
    }
}

impl Call for AddRig {
    type Output = RigAdded;
    const SPEC: CallSpec = spec!(
        "rig add",
        "gt_rig_add",
        Some("POST /api/rigs"),
        Write,
        false,
        None,
        creates,
        doc = "Add a rig (adding one that exists with the same settings changes \
               nothing)"
    );
    fn run(self, town: &mut Town) -> Result<RigAdded> {
        town.add_rig_saying(&self)
    }
}
