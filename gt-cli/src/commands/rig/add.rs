use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::AddRig;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt rig add app\n",
    "  gt rig add app --git-url https://example.com/app.git --default-branch trunk",
))]
pub struct RigAddArgs {
    /// The rig's name: letters, digits, '.', '_' and '-'
    pub name: String,

    /// Where the repository is cloned from
    #[arg(long, value_name = "URL")]
    pub git_url: Option<String>,

    /// The branch work lands on [default: main]
    #[arg(long, value_name = "BRANCH")]
    pub default_branch: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: RigAddArgs) -> Result<()> {
    let rig = ctx.town()?.call(AddRig {
        name: args.name,
        git_url: args.git_url,
        default_branch: args.default_branch,
    })?;
    ctx.emit(&rig)
}
