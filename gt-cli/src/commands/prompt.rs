//! `gt prompt mayor`: the Mayor agent's guide to gt (`crate::guide`).

use clap::{Args, Subcommand};
use gt_core::Result;

use crate::context::Ctx;
use crate::output::write_stdout;

/// Print a guide to gt for an agent's prompt
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum PromptCommand {
    Mayor(MayorArgs),
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

pub fn run(_ctx: &mut Ctx, cmd: PromptCommand) -> Result<()> {
    match cmd {
        PromptCommand::Mayor(_) => {
            write_stdout(crate::guide::mayor_guide());
            Ok(())
        }
    }
}
