use clap::Args;
use gt_core::calls::ReadMail;
use gt_core::Result;

use crate::context::Ctx;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Example:\n",
    "  gt mail read ml-3kq9x",
))]
pub struct MailReadArgs {
    /// The message's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::mail_ids))]
    pub id: String,
}

pub fn run(ctx: &mut Ctx, args: MailReadArgs) -> Result<()> {
    let opened = ctx.town()?.call(ReadMail { mail_id: args.id })?;
    ctx.emit(&opened)
}
