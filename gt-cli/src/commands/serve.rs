use std::net::SocketAddr;
use std::time::Duration;

use clap::Args;
use gt_core::Result;

use crate::cli::parse_duration;
use crate::context::Ctx;

/// Serve the live dashboard and the HTTP API over the town
///
/// Open the address in a browser for the dashboard: the town at a glance, its
/// convoys, beads, agents and mail, live, with controls to repair them. The
/// API is JSON in, JSON out, and an event stream: every route is a command,
/// the same requests as the MCP tools, the same documents as --json, and
/// GET /api lists every route with what it does. On a loopback address no token
/// is needed; on any other address gt refuses to start without --token (or
/// GT_SERVE_TOKEN), and every request must then send Authorization: Bearer
/// TOKEN. A Host other than the served address is refused; writes must be
/// JSON and same-origin. Idle or stalled clients are cut off (10 s to send a
/// head or the next piece of a body), and SIGINT or SIGTERM stops it once
/// calls in flight finish, or after --shutdown-timeout.
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

    /// A name the server answers to besides its address and localhost
    /// (repeatable); on 0.0.0.0 without it, any name is answered
    #[arg(long = "host", value_name = "NAME")]
    pub hosts: Vec<String>,

    /// How many connections may be open at once (past it: 503)
    #[arg(long, value_name = "N", default_value_t = 4096,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,

    /// How many event streams may be open at once (past it: 503)
    #[arg(long, value_name = "N", default_value_t = 64,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub max_streams: u32,

    /// How long SIGINT or SIGTERM waits for calls and clients before
    /// cutting them off
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = parse_duration)]
    pub shutdown_timeout: Duration,
}

pub fn run(ctx: &mut Ctx, args: ServeArgs) -> Result<()> {
    let options = crate::serve::ServeOptions {
        token: args.token.filter(|t| !t.is_empty()),
        read_only: args.read_only,
        hosts: args.hosts,
        max_connections: args.max_connections as usize,
        max_streams: args.max_streams as usize,
        shutdown_timeout: args.shutdown_timeout,
        town_name: ctx.settings.town_name.clone(),
        ..crate::serve::ServeOptions::new(args.addr)
    };
    crate::serve::check(&options)?;
    let open = ctx.open_options()?;
    // The town is opened once up front, so a bad location fails here.
    gt_core::Town::open(&open)?;
    crate::serve::serve(open, options)
}
