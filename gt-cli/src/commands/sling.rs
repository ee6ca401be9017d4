use clap::Args;
use gt_core::model::Priority;
use gt_core::ops::sling::Sling;
use gt_core::Result;

use crate::commands::parse_enum;
use crate::context::Ctx;
use crate::output::emit;

/// Create one bead, hook it onto a polecat, and dispatch it
///
/// An idle polecat of the rig is reused before a new one is made.
///
/// Examples:
///   gt sling --rig app "Fix the login redirect"
///   gt sling --rig app "Bump deps" --priority low --body "Keep the lockfile minimal"
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct SlingArgs {
    /// The rig the work is for
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::rig_names))]
    #[arg(long, value_name = "RIG")]
    pub rig: String,

    /// What needs doing
    pub title: String,

    /// Details for the polecat
    #[arg(long)]
    pub body: Option<String>,

    /// low, medium, high or critical
    #[arg(long, default_value = "medium", value_parser = parse_enum::<Priority>)]
    pub priority: Priority,

    /// A label (repeatable)
    #[arg(long = "label", value_name = "LABEL")]
    pub labels: Vec<String>,
}

pub fn run(ctx: &mut Ctx, args: SlingArgs) -> Result<()> {
    let slung = ctx.town()?.sling(&Sling {
        rig: args.rig,
        title: args.title,
        body: args.body,
        priority: args.priority,
        labels: args.labels,
    })?;
    emit(&ctx.style, &slung)
}
