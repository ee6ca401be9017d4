use clap::Args;
use gt_core::Result;

use crate::context::Ctx;

/// Create the town database, or upgrade it to this gt's schema
///
/// Every command creates the town on first use; `init` does only that, and says
/// where the town is.
///
/// Examples:
///   gt init
///   gt --db ./town.db init
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct InitArgs {}

pub fn run(ctx: &mut Ctx, _args: InitArgs) -> Result<()> {
    // Its own report says where the town is.
    ctx.announce_new_town = false;
    let mut town = ctx.town()?.info();
    town.name.clone_from(&ctx.settings.town_name);
    ctx.emit(&town)
}
