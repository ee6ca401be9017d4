use clap::Args;
use gt_core::model::ConvoyStatus;
use gt_core::Result;

use crate::commands::parse_enum;
use crate::context::Ctx;
use gt_core::calls::ListConvoys;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt convoy list\n",
    "  gt convoy list --all --rig app\n",
    "  gt convoy list --status landed",
))]
pub struct ConvoyListArgs {
    /// Include landed, closed and failed convoys
    #[arg(long)]
    pub all: bool,

    /// Only convoys in this status (active, landed, closed, failed)
    #[arg(long, value_parser = parse_enum::<ConvoyStatus>)]
    pub status: Option<ConvoyStatus>,

    /// Only convoys of this rig
    #[arg(long, value_name = "RIG")]
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::rig_names))]
    pub rig: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: ConvoyListArgs) -> Result<()> {
    let convoys = ctx.town()?.call(ListConvoys {
        all: args.all,
        status: args.status,
        rig: args.rig,
    })?;
    ctx.emit(&convoys)
}
