use clap::Args;
use gt_core::calls::SendMail;
use gt_core::Result;

use crate::context::Ctx;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt mail send --to Toast --subject \"Rebase on feature/sessions\" --bead gt-k3x9q\n",
    "  gt mail send --to convoy:cv-7hd2a --subject \"Freeze at five\" --body \"Land what you have.\"\n",
    "  gt --actor Toast mail send --to mayor --subject \"Which branch?\"\n",
    "  gt mail send --reply-to ml-3kq9x --body \"feature/sessions\"",
))]
pub struct MailSendArgs {
    /// Whom to: an agent (name or ID), mayor, human, convoy:ID or rig:NAME
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::recipients))]
    #[arg(long, value_name = "WHO", required_unless_present = "reply_to")]
    pub to: Option<String>,

    /// What it is about, in a line
    #[arg(long, short = 's', required_unless_present = "reply_to")]
    pub subject: Option<String>,

    /// The message itself
    #[arg(long, short = 'b')]
    pub body: Option<String>,

    /// The bead it is about
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::bead_ids))]
    #[arg(long, value_name = "BEAD")]
    pub bead: Option<String>,

    /// The convoy it is about [default: the bead's, or the group's]
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    #[arg(long, value_name = "CONVOY")]
    pub convoy: Option<String>,

    /// The message this answers
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::mail_ids))]
    #[arg(long, value_name = "ID")]
    pub reply_to: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: MailSendArgs) -> Result<()> {
    let sent = ctx.town()?.call(SendMail {
        to: args.to,
        subject: args.subject,
        body: args.body,
        bead_id: args.bead,
        convoy_id: args.convoy,
        reply_to: args.reply_to,
    })?;
    ctx.emit(&sent)
}
