use clap::Args;
use gt_core::{Error, Result};

use crate::context::Ctx;
use gt_core::calls::ShowHook;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "The dispatch command runs with GT_AGENT set, so a polecat can simply run `gt\n",
    "hook`.\n",
    "\n",
    "Examples:\n",
    "  gt hook --agent Toast\n",
    "  GT_AGENT=Toast gt --json hook",
))]
pub struct HookArgs {
    /// The agent's name or ID
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::agent_names))]
    #[arg(long, env = "GT_AGENT", value_name = "AGENT")]
    pub agent: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: HookArgs) -> Result<()> {
    let agent = args.agent.ok_or_else(|| {
        Error::usage("which agent's hook?").with_hint("pass --agent NAME or set GT_AGENT")
    })?;
    let view = ctx.town()?.call(ShowHook { agent_id: agent })?;
    ctx.emit(&view)
}
