use clap::Args;
use gt_core::calls::ListHosts;
use gt_core::Result;

use crate::context::Ctx;

/// List the town's hosts: status, slots, running agents, rigs, version and
/// last beat
///
/// A host is live while its supervisor beats (every few seconds), stopped
/// when it ended cleanly, and lost when patrol found it silent past
/// patrol.host_dead_after and gave its claims to other hosts.
///
/// Example:
///   gt host list
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct HostListArgs {}

pub fn run(ctx: &mut Ctx, _args: HostListArgs) -> Result<()> {
    let hosts = ctx.town()?.call(ListHosts {})?;
    ctx.emit(&hosts)
}
