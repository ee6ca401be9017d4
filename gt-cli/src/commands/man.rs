use std::path::PathBuf;

use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use crate::generated;
use crate::output::write_stdout;

/// Print the gt(1) man page, or write every page with --out-dir
///
/// Examples:
///   gt man | man -l -
///   gt man --out-dir man
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ManArgs {
    /// Write gt.1 and one page per subcommand into this directory
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

pub fn run(_ctx: &mut Ctx, args: ManArgs) -> Result<()> {
    let pages = generated::man_pages();
    match args.out_dir {
        Some(dir) => generated::write_all(&dir, &pages),
        None => {
            let (_, page) = pages
                .into_iter()
                .find(|(name, _)| name == "gt.1")
                .expect("gt.1 is generated");
            write_stdout(&page);
            Ok(())
        }
    }
}
