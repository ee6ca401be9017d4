use clap::Args;
use gt_core::model::Priority;
use gt_core::ops::bead::CreateBead;
use gt_core::Result;

use crate::commands::parse_enum;
use crate::context::Ctx;
use crate::output::emit;

/// Create a bead without hooking it (use `gt sling` to create and dispatch)
///
/// Examples:
///   gt bead create --rig app "Write the migration guide"
///   gt bead create --rig app "Ship it" --depends-on gt-k3x9q --priority high
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct BeadCreateArgs {
    /// The rig the work is for
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::rig_names))]
    #[arg(long, value_name = "RIG")]
    pub rig: String,

    /// What needs doing
    pub title: String,

    /// Details
    #[arg(long)]
    pub body: Option<String>,

    /// low, medium, high or critical
    #[arg(long, default_value = "medium", value_parser = parse_enum::<Priority>)]
    pub priority: Priority,

    /// A label (repeatable)
    #[arg(long = "label", value_name = "LABEL")]
    pub labels: Vec<String>,

    /// A bead this one waits for (repeatable)
    #[arg(long = "depends-on", value_name = "BEAD")]
    pub depends_on: Vec<String>,
}

pub fn run(ctx: &mut Ctx, args: BeadCreateArgs) -> Result<()> {
    let bead = ctx.town()?.create_bead(&CreateBead {
        rig: args.rig,
        title: args.title,
        body: args.body,
        priority: args.priority,
        labels: args.labels,
        depends_on: args.depends_on,
    })?;
    emit(&ctx.style, &bead)
}
