use clap::Args;
use gt_core::calls::SendMail;
use gt_core::Result;

use crate::context::Ctx;

/// Send a message to an agent, the Mayor, a person, or a group
///
/// A group (convoy:ID, every polecat holding a bead of that convoy now;
/// rig:NAME, every polecat of that rig) gets one message per recipient, each
/// read on its own. The sender is the actor: an agent's name, mayor, or else
/// human. A reply (--reply-to) goes to the sender of the message it answers,
/// with its subject, bead and convoy, unless given.
///
/// Examples:
///   gt mail send --to Toast --subject "Rebase on feature/sessions" --bead gt-k3x9q
///   gt mail send --to convoy:cv-7hd2a --subject "Freeze at five" --body "Land what you have."
///   gt --actor Toast mail send --to mayor --subject "Which branch?"
///   gt mail send --reply-to ml-3kq9x --body "feature/sessions"
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
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
