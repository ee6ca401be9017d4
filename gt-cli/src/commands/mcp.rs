use clap::Args;
use gt_core::Result;

use crate::context::Ctx;

/// Serve gt's calls as MCP tools on stdin and stdout (for agent hosts)
///
/// The Mayor's tools (gt_sling_batch, gt_convoy_status, gt_bead_update, …),
/// one per command, over the same rules as the command line: each tool's
/// result is the command's --json document. Logs go to stderr; the server
/// ends when stdin closes. The actor is --actor, else GT_ACTOR, else mayor.
///
/// Examples:
///   claude mcp add gt -- gt mcp
///   gt mcp --read-only
///   gt --actor Toast mcp --polecat Toast
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct McpArgs {
    /// Serve only the tools that read
    #[arg(long, conflicts_with = "polecat")]
    pub read_only: bool,

    /// Serve one polecat its own tools: its hook, its bead, heartbeats, escalations
    #[arg(long, value_name = "AGENT")]
    pub polecat: Option<String>,

    /// Which tools to serve: all of them, or the Mayor's everyday set (core:
    /// slinging, convoys, bead update and reassign, agent reset, escalations,
    /// events) for hosts that count context
    #[arg(long, value_name = "SET", default_value = "all", value_parser = ["all", "core"],
          conflicts_with = "polecat")]
    pub tools: String,

    /// Declare each tool's output schema too (for hosts that validate
    /// structured results; the schemas are most of the tool list's size)
    #[arg(long)]
    pub output_schemas: bool,
}

pub fn run(ctx: &mut Ctx, args: McpArgs) -> Result<()> {
    let mut open = ctx.open_options()?;
    // Without --actor or GT_ACTOR, the Mayor is the one calling.
    let actor_source = ctx
        .settings
        .report
        .settings
        .get("actor")
        .map(|a| a.source.clone())
        .unwrap_or_default();
    if actor_source.starts_with("default") {
        open.actor = match &args.polecat {
            Some(agent) => agent.clone(),
            None => "mayor".into(),
        };
    }
    let mode = crate::mcp::Mode {
        read_only: args.read_only,
        polecat: args.polecat,
        core: args.tools == "core",
        output_schemas: args.output_schemas,
    };
    // The town is opened once up front, so a bad location fails here.
    gt_core::Town::open(&open)?;
    crate::mcp::serve(open, mode)
}
