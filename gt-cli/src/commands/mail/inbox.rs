use clap::Args;
use gt_core::calls::ListMail;
use gt_core::Result;

use crate::context::Ctx;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt mail inbox\n",
    "  gt mail inbox Toast --unread\n",
    "  gt mail inbox --all --convoy cv-7hd2a",
))]
pub struct MailInboxArgs {
    /// Whose inbox: an agent (name or ID), mayor or human
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::inboxes))]
    #[arg(conflicts_with = "all")]
    pub who: Option<String>,

    /// Only unread messages
    #[arg(long)]
    pub unread: bool,

    /// Every inbox's messages
    #[arg(long)]
    pub all: bool,

    /// Only messages about this convoy
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    #[arg(long, value_name = "CONVOY")]
    pub convoy: Option<String>,

    /// Show at most N messages, unread ones first (0 for all)
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: u32,
}

pub fn run(ctx: &mut Ctx, args: MailInboxArgs) -> Result<()> {
    let list = ctx.town()?.call(ListMail {
        who: args.who,
        unread: args.unread,
        all: args.all,
        convoy_id: args.convoy,
        limit: Some(args.limit),
    })?;
    ctx.emit(&list)
}
