use clap::Args;
use gt_core::calls::ReadMail;
use gt_core::Result;

use crate::context::Ctx;

/// Show a message and mark it read (a second read changes nothing)
///
/// Example:
///   gt mail read ml-3kq9x
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct MailReadArgs {
    /// The message's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::mail_ids))]
    pub id: String,
}

pub fn run(ctx: &mut Ctx, args: MailReadArgs) -> Result<()> {
    let opened = ctx.town()?.call(ReadMail { mail_id: args.id })?;
    ctx.emit(&opened)
}
