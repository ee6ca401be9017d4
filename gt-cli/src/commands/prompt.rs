//! `gt prompt mayor` and `gt prompt polecat`: the Mayor agent's guide to gt
//! and a polecat's brief (`crate::guide`).

use clap::{Args, Subcommand};
use gt_core::Result;

use crate::context::Ctx;
use crate::output::write_stdout;

/// Print a guide to gt for an agent's prompt
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum PromptCommand {
    Mayor(MayorArgs),
    Polecat(PolecatArgs),
}

/// Print a polecat's brief: its bead, its convoy, and how to report
///
/// What `gt run` hands each agent it starts as GT_PROMPT: the bead on the
/// polecat's hook (title, body, priority, labels), the beads it waits on and
/// that wait on it, its convoy and merge mode, and how to report its work.
///
/// Example:
///   gt prompt polecat Toast
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct PolecatArgs {
    /// The polecat (name or ID) [default: GT_AGENT]
    #[arg(env = "GT_AGENT", value_name = "AGENT")]
    pub agent: String,
}

/// Print the Mayor's guide: convoys, progress, and surgical editing
///
/// Generated from gt's own command definitions, so it always matches this binary.
///
/// Example:
///   gt prompt mayor > mayor-tools.md
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct MayorArgs {}

pub fn run(ctx: &mut Ctx, cmd: PromptCommand) -> Result<()> {
    match cmd {
        PromptCommand::Mayor(_) => {
            write_stdout(crate::guide::mayor_guide());
            Ok(())
        }
        PromptCommand::Polecat(args) => {
            let workspace = std::env::var("GT_WORKSPACE")
                .ok()
                .map(|dir| crate::guide::Workspace {
                    dir: dir.into(),
                    branch: std::env::var("GT_BRANCH").unwrap_or_default(),
                    base: std::env::var("GT_BASE_BRANCH").unwrap_or_default(),
                });
            let brief = crate::guide::polecat_brief(ctx.town()?, &args.agent, workspace.as_ref())?;
            write_stdout(brief);
            Ok(())
        }
    }
}
