use clap::Args;
use gt_core::model::MergeMode;
use gt_core::Result;

use crate::commands::parse_enum;
use crate::context::Ctx;
use gt_core::calls::UpdateConvoy;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt convoy update cv-7hd2a --merge-mode review-and-merge\n",
    "  gt convoy update cv-7hd2a --feature-branch feat/sessions\n",
    "  gt convoy update cv-7hd2a --feature-branch \"\"      # clear it\n",
    "  gt convoy update cv-7hd2a --max-polecats 6",
))]
pub struct ConvoyUpdateArgs {
    /// The convoy's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    pub id: String,

    /// review-then-land or review-and-merge
    #[arg(long, value_parser = parse_enum::<MergeMode>)]
    pub merge_mode: Option<MergeMode>,

    /// The branch its work is merged into ("" clears it)
    #[arg(long, value_name = "BRANCH")]
    pub feature_branch: Option<String>,

    /// A new title
    #[arg(long)]
    pub title: Option<String>,

    /// How many polecats may work on it at once (at least 1)
    #[arg(long, value_name = "N")]
    pub max_polecats: Option<u32>,
}

pub fn run(ctx: &mut Ctx, args: ConvoyUpdateArgs) -> Result<()> {
    let convoy = ctx.town()?.call(UpdateConvoy {
        convoy_id: args.id,
        merge_mode: args.merge_mode,
        feature_branch: args.feature_branch,
        title: args.title,
        max_polecats: args.max_polecats,
    })?;
    ctx.emit(&convoy)
}
