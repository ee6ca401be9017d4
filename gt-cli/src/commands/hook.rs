use clap::Args;
use gt_core::{Error, Result};

use crate::context::Ctx;
use gt_core::calls::ShowHook;

/// Show what is on an agent's hook: for a polecat, "what do I do now"
///
/// The dispatch command runs with GT_AGENT set, so a polecat can simply run
/// `gt hook`.
///
/// Examples:
///   gt hook --agent Toast
///   GT_AGENT=Toast gt --json hook
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
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
