use clap::Args;
use gt_core::calls::UpdateBead;
use gt_core::model::{BeadStatus, Priority};
use gt_core::{Error, Result};
use serde_json::Value as Json;

use crate::commands::parse_enum;
use crate::context::Ctx;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt bead update gt-k3x9q --status closed\n",
    "  gt bead update gt-k3x9q --priority high --add-label urgent\n",
    "  gt bead update gt-k3x9q --meta pr=1234 --unset-meta draft\n",
    "  gt bead update gt-api --add-depends-on gt-migration",
))]
pub struct BeadUpdateArgs {
    /// The bead's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::bead_ids))]
    pub id: String,

    /// open, in_progress, in_review, closed or failed
    #[arg(long, value_parser = parse_enum::<BeadStatus>)]
    pub status: Option<BeadStatus>,

    /// A new title
    #[arg(long)]
    pub title: Option<String>,

    /// A new body
    #[arg(long)]
    pub body: Option<String>,

    /// low, medium, high or critical
    #[arg(long, value_parser = parse_enum::<Priority>)]
    pub priority: Option<Priority>,

    /// Replace all labels with these (repeatable)
    #[arg(long = "label", value_name = "LABEL")]
    pub labels: Vec<String>,

    /// Add a label (repeatable)
    #[arg(long = "add-label", value_name = "LABEL")]
    pub add_labels: Vec<String>,

    /// Remove a label (repeatable)
    #[arg(long = "remove-label", value_name = "LABEL")]
    pub remove_labels: Vec<String>,

    /// Set a metadata key; VALUE is JSON when it parses as JSON (repeatable)
    #[arg(long = "meta", value_name = "KEY=VALUE")]
    pub meta: Vec<String>,

    /// Remove a metadata key (repeatable)
    #[arg(long = "unset-meta", value_name = "KEY")]
    pub unset_meta: Vec<String>,

    /// Make it wait for this bead too (repeatable; a cycle is refused)
    #[arg(long = "add-depends-on", value_name = "BEAD")]
    pub add_depends_on: Vec<String>,

    /// Stop it waiting for this bead (repeatable; it may then dispatch)
    #[arg(long = "remove-depends-on", value_name = "BEAD")]
    pub remove_depends_on: Vec<String>,
}

pub fn run(ctx: &mut Ctx, args: BeadUpdateArgs) -> Result<()> {
    let set_meta = args
        .meta
        .iter()
        .map(|m| parse_meta(m))
        .collect::<Result<Vec<_>>>()?;
    // One map of changes: a key set to a value, or to null to remove it.
    let mut metadata = serde_json::Map::new();
    for (key, value) in set_meta {
        metadata.insert(key, value);
    }
    for key in args.unset_meta {
        metadata.insert(key, serde_json::Value::Null);
    }
    let bead = ctx.town()?.call(UpdateBead {
        bead_id: args.id,
        status: args.status,
        title: args.title,
        body: args.body,
        priority: args.priority,
        labels: (!args.labels.is_empty()).then_some(args.labels),
        add_labels: args.add_labels,
        remove_labels: args.remove_labels,
        metadata: (!metadata.is_empty()).then_some(metadata),
        add_depends_on: args.add_depends_on,
        remove_depends_on: args.remove_depends_on,
    })?;
    ctx.emit(&bead)
}

/// Parses `K=V` for `--meta`: V is taken as JSON when it is valid JSON (numbers,
/// booleans, objects, quoted strings), else as a plain string.
fn parse_meta(pair: &str) -> Result<(String, Json)> {
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
    use serde_json::json;

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
