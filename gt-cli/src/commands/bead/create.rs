use clap::Args;
use gt_core::Result;

use crate::commands::NewWorkArgs;
use crate::context::Ctx;
use gt_core::calls::CreateBead;

/// Create a bead, on its own or in a convoy
///
/// On its own the bead is hooked to no one (use `gt sling` to create and
/// dispatch one). With --convoy it joins that convoy's work: hooked to a
/// polecat (within the convoy's cap, else it waits for the next polecat the
/// convoy frees) and dispatched once its blockers close.
///
/// Examples:
///   gt bead create --rig app "Write the migration guide"
///   gt bead create --rig app "Ship it" --depends-on gt-k3x9q --priority high
///   gt bead create --rig app "Write the migration" --convoy cv-7hd2a
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct BeadCreateArgs {
    #[command(flatten)]
    pub work: NewWorkArgs,

    /// A bead this one waits for (repeatable)
    #[arg(long = "depends-on", value_name = "BEAD")]
    pub depends_on: Vec<String>,

    /// A convoy to track it and put it to work
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    #[arg(long, value_name = "CONVOY")]
    pub convoy: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: BeadCreateArgs) -> Result<()> {
    let w = args.work;
    let bead = ctx.town()?.call(CreateBead {
        rig_id: w.rig,
        title: w.title,
        body: w.body,
        priority: Some(w.priority),
        labels: w.labels,
        depends_on: args.depends_on,
        convoy_id: args.convoy,
    })?;
    ctx.emit(&bead)
}
