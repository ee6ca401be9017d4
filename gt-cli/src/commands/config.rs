use clap::{Args, Subcommand};
use gt_core::Result;

use crate::context::Ctx;

/// Inspect gt's settings and where they come from
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ConfigCommand {
    Show(ConfigShowArgs),
}

/// Show each effective setting and where it came from
///
/// Each setting comes from the first of: a command-line flag, an environment
/// variable (GT_DB, GT_ACTOR, GT_LOCK_TIMEOUT, GT_DISPATCH_CMD, GT_COLOR), the config
/// file, the default. The config file is TOML, at $GT_CONFIG or config.toml in your
/// config directory:
///   db = "/srv/town.db"          # or "http://rqlite-1:4001,rqlite-2:4001"
///   actor = "mayor"
///   lock_timeout = "10s"
///   color = "auto"               # auto, always or never
///   [dispatch]
///   command = "start-polecat.sh"
///
/// Examples:
///   gt config show
///   gt --json config show
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ConfigShowArgs {}

pub fn run(ctx: &mut Ctx, cmd: ConfigCommand) -> Result<()> {
    match cmd {
        ConfigCommand::Show(_) => {
            crate::output::emit(&ctx.style, &ctx.settings.report, &Default::default())
        }
    }
}
