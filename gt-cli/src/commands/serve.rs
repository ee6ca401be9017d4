use std::net::SocketAddr;

use clap::Args;
use gt_core::Result;

use crate::context::Ctx;

/// Serve the HTTP API over the town (JSON in, JSON out, and an event stream)
///
/// Every route is a command: the same requests as the MCP tools, the same
/// documents as --json. On a loopback address no token is needed; on any
/// other address gt refuses to start without --token (or GT_SERVE_TOKEN),
/// and every request must then send Authorization: Bearer TOKEN. A Host
/// other than the served address is refused; writes must be JSON and
/// same-origin. SIGINT or SIGTERM stops it once calls in flight finish.
///
/// Examples:
///   gt serve
///   gt serve --read-only
///   GT_SERVE_TOKEN=$(openssl rand -hex 32) gt serve --addr 0.0.0.0:7878
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ServeArgs {
    /// The address to listen on
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:7878")]
    pub addr: SocketAddr,

    /// The token every request must bring (needed off loopback)
    #[arg(
        long,
        value_name = "TOKEN",
        env = "GT_SERVE_TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,

    /// Refuse every write (403)
    #[arg(long)]
    pub read_only: bool,
}

pub fn run(ctx: &mut Ctx, args: ServeArgs) -> Result<()> {
    let options = crate::serve::ServeOptions {
        addr: args.addr,
        token: args.token.filter(|t| !t.is_empty()),
        read_only: args.read_only,
    };
    crate::serve::check(&options)?;
    let open = ctx.open_options()?;
    // The town is opened once up front, so a bad location fails here.
    gt_core::Town::open(&open)?;
    crate::serve::serve(open, options)
}
