use clap::Args;
use gt_core::Result;

use crate::commands::NewWorkArgs;
use crate::context::Ctx;
use gt_core::calls::Sling;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt sling --rig app \"Fix the login redirect\"\n",
    "  gt sling --rig app \"Bump deps\" --priority low --body \"Keep the lockfile minimal\"\n",
    "  gt sling --rig app \"Hotfix the header\" --convoy cv-7hd2a",
))]
pub struct SlingArgs {
    #[command(flatten)]
    pub work: NewWorkArgs,
    /// A convoy to track the bead
    #[arg(long, value_name = "CONVOY")]
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    pub convoy: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: SlingArgs) -> Result<()> {
    let w = args.work;
    let slung = ctx.town()?.call(Sling {
        rig_id: w.rig,
        title: w.title,
        body: w.body,
        priority: Some(w.priority),
        labels: w.labels,
        convoy_id: args.convoy,
    })?;
    ctx.emit(&slung)
}
