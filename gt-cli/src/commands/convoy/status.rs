use clap::Args;
use gt_core::model::Convoy;
use gt_core::query::{Attention, ConvoyStatusSink, DependencyEdge, TrackedBead};
use gt_core::{Error, Result};

use crate::context::Ctx;
use crate::output::write_stdout;
use gt_core::calls::ShowConvoy;

#[derive(Debug, Args)]
#[command(after_long_help = concat!(
    "Examples:\n",
    "  gt convoy status cv-7hd2a\n",
    "  gt convoy status 7hd          # any unique prefix will do\n",
    "  gt --json convoy status cv-7hd2a",
))]
pub struct ConvoyStatusArgs {
    /// The convoy's ID, or a unique prefix of it
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::live::convoy_ids))]
    pub id: String,
}

pub fn run(ctx: &mut Ctx, args: ConvoyStatusArgs) -> Result<()> {
    // Machines read big convoys in tight loops: compact JSON is written as the
    // beads are read, without building the view first.
    if ctx.style.json && !ctx.style.json_pretty && ctx.style.fields.is_empty() {
        let mut doc = CompactJson::default();
        ctx.town()?.convoy_status_into(&args.id, &mut doc)?;
        write_stdout(doc.0);
        return Ok(());
    }
    let view = ctx.town()?.call(ShowConvoy { convoy_id: args.id })?;
    ctx.emit(&view)
}

/// The `ConvoyStatusView` document, compact, written as it is read. It is
/// printed only once whole, so a failed read prints nothing on stdout.
#[derive(Default)]
struct CompactJson(Vec<u8>);

impl CompactJson {
    fn encode(&mut self, value: &impl serde::Serialize) -> Result<()> {
        serde_json::to_writer(&mut self.0, value)
            .map_err(|e| Error::internal(format!("cannot encode the output: {e}")))
    }
}

impl ConvoyStatusSink for CompactJson {
    fn convoy(&mut self, convoy: Convoy) -> Result<()> {
        // Room for the beads to come, at their usual size.
        let beads = usize::try_from(convoy.total_beads).unwrap_or(0);
        self.0.reserve(1024 + beads.saturating_mul(192));
        // The convoy's fields are the view's first ones (it is flattened in):
        // its object is left open for the beads to follow.
        self.encode(&convoy)?;
        if self.0.pop() != Some(b'}') {
            return Err(Error::internal("a convoy did not encode as an object"));
        }
        self.0.extend_from_slice(b",\"beads\":[");
        Ok(())
    }

    /// Written by hand: this is the hot loop of the command, and most of its
    /// strings need no escaping. The test below holds it to the derived encoding.
    fn bead(&mut self, bead: &TrackedBead) -> Result<()> {
        let out = &mut self.0;
        if out.last() == Some(&b'}') {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"id\":");
        json_str(out, &bead.id);
        out.extend_from_slice(b",\"title\":");
        json_str(out, &bead.title);
        out.extend_from_slice(b",\"status\":");
        json_str(out, bead.status.as_str());
        out.extend_from_slice(b",\"rig\":");
        json_str(out, &bead.rig);
        out.extend_from_slice(b",\"priority\":");
        json_str(out, bead.priority.as_str());
        out.extend_from_slice(b",\"assignee\":");
        json_opt_str(out, bead.assignee.as_deref());
        out.extend_from_slice(b",\"blocked_by\":[");
        for (i, blocker) in bead.blocked_by.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            json_str(out, blocker);
        }
        out.extend_from_slice(b"],\"agent_status\":");
        json_opt_str(out, bead.agent_status.map(|s| s.as_str()));
        out.extend_from_slice(b",\"state\":");
        json_opt_str(out, bead.state.map(|s| s.as_str()));
        out.push(b'}');
        Ok(())
    }

    fn edges(&mut self, edges: Vec<DependencyEdge>) -> Result<()> {
        self.0.extend_from_slice(b"],\"dependency_edges\":");
        self.encode(&edges)
    }

    fn attention(&mut self, items: Vec<Attention>) -> Result<()> {
        self.0.extend_from_slice(b",\"attention\":");
        self.encode(&items)?;
        self.0.extend_from_slice(b"}\n");
        Ok(())
    }
}

/// `s` as a JSON string, or `null`.
fn json_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// `s` as a JSON string. Copied whole when nothing in it needs escaping (the
/// check runs over many bytes at a time); otherwise serde_json escapes it.
fn json_str(out: &mut Vec<u8>, s: &str) {
    let plain = s.bytes().fold(true, |plain, b| {
        plain & (b >= 0x20 && b != b'"' && b != b'\\')
    });
    if plain {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        // Writing to memory cannot fail.
        let _ = serde_json::to_writer(out, s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gt_core::model::{AgentStatus, AttentionReason, BeadState, BeadStatus, Priority};
    use gt_core::query::ConvoyStatusView;

    fn bead(id: &str, title: &str, blocked_by: &[&str]) -> TrackedBead {
        TrackedBead {
            id: id.into(),
            title: title.into(),
            status: BeadStatus::Open,
            rig: "app".into(),
            priority: Priority::High,
            assignee: (id == "gt-b").then(|| "toast".into()),
            blocked_by: blocked_by.iter().map(|s| s.to_string()).collect(),
            agent_status: (id == "gt-b").then_some(AgentStatus::Dead),
            state: blocked_by.is_empty().then_some(BeadState::Queued),
        }
    }

    /// The streamed document is byte for byte the view's own encoding.
    #[test]
    fn streamed_json_is_the_view_encoded() {
        let convoy: Convoy = serde_json::from_value(serde_json::json!({
            "id": "cv-1", "title": "T \"q\" \u{1}\n é", "status": "active", "rig": "app",
            "total_beads": 2, "closed_beads": 0, "failed_beads": 0, "merge_mode": "review-then-land",
            "feature_branch": null, "max_polecats": null, "idempotency_key": null, "created_by": "me", "created_at": "2026-11-22T00:00:00.000Z",
            "updated_at": "2026-11-22T00:00:00.000Z", "landed_at": null, "closed_reason": null,
            "needs_attention": false
        }))
        .expect("a convoy");
        let edge = DependencyEdge {
            bead_id: "gt-b".into(),
            depends_on_bead_id: "gt-a".into(),
        };
        for beads in [
            vec![],
            vec![bead("gt-a", "first \\ \"one\"", &[])],
            vec![
                bead("gt-a", "a\u{7f} ü 日本 \u{1f600}", &[]),
                bead("gt-b", "b\tc\r\u{1b}[31m", &["gt-a", "gt-c\"x"]),
            ],
            // Every status and priority, as the enums spell them.
            BeadStatus::ALL
                .iter()
                .zip(Priority::ALL.iter().cycle())
                .map(|(&status, &priority)| TrackedBead {
                    status,
                    priority,
                    ..bead("gt-x", "x", &[])
                })
                .collect(),
        ] {
            let edges = if beads.len() == 2 {
                vec![edge.clone()]
            } else {
                vec![]
            };
            let mut doc = CompactJson::default();
            doc.convoy(convoy.clone()).unwrap();
            for b in &beads {
                doc.bead(b).unwrap();
            }
            doc.edges(edges.clone()).unwrap();
            let attention: Vec<Attention> = beads
                .iter()
                .filter(|b| b.agent_status.is_some())
                .map(|b| Attention {
                    bead: b.id.clone(),
                    reason: AttentionReason::AgentDead,
                    agent: b.assignee.clone(),
                })
                .collect();
            doc.attention(attention.clone()).unwrap();
            let view = ConvoyStatusView {
                convoy: convoy.clone(),
                beads,
                dependency_edges: edges,
                attention,
            };
            let expected = format!("{}\n", serde_json::to_string(&view).unwrap());
            assert_eq!(String::from_utf8(doc.0).unwrap(), expected);
        }
    }
}
