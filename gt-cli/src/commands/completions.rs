use std::path::PathBuf;

use clap::Args;
use clap_complete::Shell;
use gt_core::{Error, Result};

use crate::context::Ctx;
use crate::generated::{self, SHELLS};
use crate::output::write_stdout;

/// Print a shell completion script (bash, zsh, fish, elvish, powershell)
///
/// These scripts complete commands and options. For completion of live IDs (convoys,
/// beads, agents, rigs) too, let gt complete itself instead:
///   source <(COMPLETE=bash gt)            # bash; zsh, fish and elvish alike
///
/// Examples:
///   gt completions bash > ~/.local/share/bash-completion/completions/gt
///   gt completions zsh > ~/.zfunc/_gt
///   gt completions --out-dir completions
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct CompletionsArgs {
    /// The shell to print the script for
    #[arg(required_unless_present = "out_dir")]
    pub shell: Option<Shell>,

    /// Write the scripts for every shell into this directory instead
    #[arg(long, value_name = "DIR", conflicts_with = "shell")]
    pub out_dir: Option<PathBuf>,
}

pub fn run(_ctx: &mut Ctx, args: CompletionsArgs) -> Result<()> {
    match (args.shell, args.out_dir) {
        (_, Some(dir)) => {
            let files: Vec<_> = SHELLS.iter().map(|&s| generated::completion(s)).collect();
            generated::write_all(&dir, &files)
        }
        (Some(shell), None) => {
            let (_, script) = generated::completion(shell);
            write_stdout(&script);
            Ok(())
        }
        (None, None) => {
            Err(Error::usage("which shell?")
                .with_hint("give bash, zsh, fish, elvish or powershell"))
        }
    }
}
