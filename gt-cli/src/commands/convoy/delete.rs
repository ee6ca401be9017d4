use clap::Args;
use gt_core::Result;

use crate::context::Ctx;
use gt_core::calls::DeleteConvoy;

/// Delete a convoy: its beads stay, no longer in any convoy
///
/// Each bead's change and the convoy's deletion are recorded; the convoy's
/// history stays in `gt events --subject ID`.
///
/// Example:
///   gt convoy delete cv-7hd2a
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ConvoyDeleteArgs {
    /// The convoy's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    pub id: String,
}

pub fn run(ctx: &mut Ctx, args: ConvoyDeleteArgs) -> Result<()> {
    let deleted = ctx.town()?.call(DeleteConvoy { convoy_id: args.id })?;
    ctx.emit(&deleted)
}
