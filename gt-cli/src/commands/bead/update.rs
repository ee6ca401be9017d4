use clap::Args;
use gt_core::calls::UpdateBeadCall;
use gt_core::model::{BeadStatus, Priority};
use gt_core::ops::bead::parse_meta;
use gt_core::Result;

use crate::commands::parse_enum;
use crate::context::Ctx;
use crate::output::emit;

/// Change some fields of a bead; the others stay as they are
///
/// Closing a bead frees its polecat, dispatches the beads waiting on it, and may
/// land its convoy. Moving a bead out of closed or failed reopens it (and a landed
/// convoy it belongs to). Every change is recorded in the event log.
///
/// Examples:
///   gt bead update gt-k3x9q --status closed
///   gt bead update gt-k3x9q --priority high --add-label urgent
///   gt bead update gt-k3x9q --meta pr=1234 --unset-meta draft
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
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
    let bead = ctx.town()?.call(UpdateBeadCall {
        bead_id: args.id,
        status: args.status,
        title: args.title,
        body: args.body,
        priority: args.priority,
        labels: (!args.labels.is_empty()).then_some(args.labels),
        add_labels: args.add_labels,
        remove_labels: args.remove_labels,
        metadata: (!metadata.is_empty()).then_some(metadata),
    })?;
    emit(&ctx.style, &bead)
}
