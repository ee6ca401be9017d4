use clap::Args;
use gt_core::Result;

use crate::commands::NewWorkArgs;
use crate::context::Ctx;
use gt_core::calls::CreateBead;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt bead create --rig app \"Write the migration guide\"\n",
    "  gt bead create --rig app \"Ship it\" --depends-on gt-k3x9q --priority high\n",
    "  gt bead create --rig app \"Write the migration\" --convoy cv-7hd2a",
))]
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
