use clap::Args;
use gt_core::Result;

use crate::commands::NewWorkArgs;
use crate::context::Ctx;
use crate::output::emit;
use gt_core::calls::CreateBeadCall;

/// Create a bead without hooking it (use `gt sling` to create and dispatch)
///
/// Examples:
///   gt bead create --rig app "Write the migration guide"
///   gt bead create --rig app "Ship it" --depends-on gt-k3x9q --priority high
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct BeadCreateArgs {
    #[command(flatten)]
    pub work: NewWorkArgs,

    /// A bead this one waits for (repeatable)
    #[arg(long = "depends-on", value_name = "BEAD")]
    pub depends_on: Vec<String>,
}

pub fn run(ctx: &mut Ctx, args: BeadCreateArgs) -> Result<()> {
    let w = args.work;
    let bead = ctx.town()?.call(CreateBeadCall {
        rig_id: w.rig,
        title: w.title,
        body: w.body,
        priority: Some(w.priority),
        labels: w.labels,
        depends_on: args.depends_on,
    })?;
    emit(&ctx.style, &bead)
}
