//! `gt mcp`: gt-core's call catalogue served as MCP tools over stdio (SPEC §7).
//! A thin face: each tool is a catalogue entry, its schemas are the request's
//! and the result's, its result is the command's `--json` document, and each
//! call runs on a blocking thread with a `Town` of its own, exactly the
//! command line's write path. The tokio runtime starts here and nowhere else.

use std::sync::Arc;

use gt_core::calls::{self, Effect, Entry};
use gt_core::{Error, OpenOptions, Result, Town};
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, Implementation,
    InitializeResult, JsonObject, ListToolsResult, PaginatedRequestParams, ServerCapabilities,
    ServerConfig, Tool, ToolAnnotations,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData as McpError, RoleServer, ServerHandler, ServiceExt};
use serde_json::{json, Value as Json};

/// The tools a polecat is served (`--polecat AGENT`).
pub const POLECAT_TOOLS: &[&str] = &[
    "gt_hook",
    "gt_bead_update",
    "gt_escalation_raise",
    "gt_agent_heartbeat",
];

/// The bead statuses a polecat may set on its own bead.
const POLECAT_STATUSES: &[&str] = &["in_review", "closed", "failed"];

/// Which tools a server offers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mode {
    pub read_only: bool,
    /// Serve only this agent its own small set.
    pub polecat: Option<String>,
}

impl Mode {
    /// Whether the tool of `entry` is offered.
    pub fn offers(&self, entry: &Entry) -> bool {
        if self.polecat.is_some() {
            return POLECAT_TOOLS.contains(&entry.spec.tool);
        }
        !self.read_only || entry.spec.effect == Effect::Read
    }
}

/// The MCP server: the catalogue, a mode, and how to open the town.
#[derive(Clone)]
pub struct Server {
    open: Arc<OpenOptions>,
    mode: Mode,
    tools: Arc<Vec<Tool>>,
    instructions: Arc<String>,
}

impl Server {
    pub fn new(open: OpenOptions, mode: Mode) -> Server {
        let tools = tools(&mode);
        let instructions = instructions(&mode);
        Server {
            open: Arc::new(open),
            mode,
            tools: Arc::new(tools),
            instructions: Arc::new(instructions),
        }
    }

    /// Runs one call, as the command line would, and returns its result
    /// document as text (a list wrapped under its plural noun), or the error.
    pub fn run(&self, tool: &str, arguments: Json) -> Result<String> {
        let entry = calls::by_tool(tool)
            .filter(|e| self.mode.offers(e))
            .ok_or_else(|| {
                let why = match (&self.mode.polecat, self.mode.read_only) {
                    (Some(agent), _) => {
                        format!("a polecat's server ({agent}) does not serve {tool}")
                    }
                    (None, true) => format!("a read-only server does not serve {tool}"),
                    (None, false) => format!("there is no tool {tool}"),
                };
                Error::forbidden(why).with_hint("call one of the tools that tools/list names")
            })?;
        let mut town = Town::open(&self.open)?;
        let arguments = match &self.mode.polecat {
            Some(agent) => polecat_arguments(&mut town, agent, tool, arguments)?,
            None => arguments,
        };
        let document = entry.call(&mut town, arguments)?;
        Ok(match entry.spec.list {
            Some(noun) => format!("{{{}:{document}}}", json!(noun)),
            None => document,
        })
    }
}

/// In polecat mode: the agent is implied (and no other may be named), and its
/// bead is the only one it may edit, in the ways a polecat reports its work.
fn polecat_arguments(town: &mut Town, agent: &str, tool: &str, arguments: Json) -> Result<Json> {
    let mut args = match arguments {
        Json::Null => serde_json::Map::new(),
        Json::Object(map) => map,
        _ => return Err(Error::usage("the arguments are not an object")),
    };
    let me = town.agent(agent)?;
    let forbidden = |what: String| {
        Err(Error::forbidden(what).with_hint(format!(
            "this server serves {} only its own bead and its own reports",
            me.name
        )))
    };
    match tool {
        "gt_hook" | "gt_agent_heartbeat" | "gt_escalation_raise" => {
            if let Some(named) = args.get("agent_id").and_then(Json::as_str) {
                let other = town.agent(named)?;
                if other.id != me.id {
                    return forbidden(format!("{} may not act as {}", me.name, other.name));
                }
            }
            args.insert("agent_id".into(), json!(me.id));
        }
        "gt_bead_update" => {
            let Some(hooked) = me.hook.clone() else {
                return forbidden(format!("{} holds no bead", me.name));
            };
            let bead = match args.get("bead_id").and_then(Json::as_str) {
                Some(id) => town.bead(id)?.id,
                None => hooked.clone(),
            };
            if bead != hooked {
                return forbidden(format!("{bead} is not on {}'s hook ({hooked} is)", me.name));
            }
            for key in args.keys() {
                if !["bead_id", "status", "title", "body"].contains(&key.as_str()) {
                    return forbidden(format!("a polecat may not change {key}"));
                }
            }
            if let Some(status) = args.get("status").and_then(Json::as_str) {
                if !POLECAT_STATUSES.contains(&status) {
                    return forbidden(format!(
                        "a polecat may set its bead to {} only, not {status}",
                        POLECAT_STATUSES.join(", ")
                    ));
                }
            }
            args.insert("bead_id".into(), json!(bead));
        }
        _ => {}
    }
    Ok(Json::Object(args))
}

/// The command's about text (and long help), the same words as `--help`.
fn description(root: &clap::Command, path: &str) -> String {
    let Some(cmd) = crate::names::command(root, path) else {
        return String::new();
    };
    let long = cmd.get_long_about().map(|a| a.to_string());
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    let text = long.unwrap_or(about);
    // The command line's examples are for the command line.
    let text = text.split("\nExample").next().unwrap_or(&text).trim();
    format!("{text}\n\nSame as `gt {path} --json`.")
}

/// A schema as the object MCP wants; a list result is wrapped under its noun.
fn object(schema: Json, list: Option<&str>) -> JsonObject {
    let mut schema = match schema {
        Json::Object(map) => map,
        _ => JsonObject::new(),
    };
    schema.remove("$schema");
    let Some(noun) = list else {
        return schema;
    };
    let defs = schema.remove("$defs");
    schema.remove("title");
    let mut wrapped = JsonObject::new();
    wrapped.insert("type".into(), json!("object"));
    wrapped.insert("properties".into(), json!({ noun: Json::Object(schema) }));
    wrapped.insert("required".into(), json!([noun]));
    if let Some(defs) = defs {
        wrapped.insert("$defs".into(), defs);
    }
    wrapped
}

/// Every tool this mode offers, described from the catalogue.
pub fn tools(mode: &Mode) -> Vec<Tool> {
    let root = crate::cli::command_tree();
    calls::catalogue()
        .iter()
        .filter(|e| mode.offers(e))
        .map(|e| {
            let s = &e.spec;
            let annotations = ToolAnnotations::new()
                .read_only(s.effect == Effect::Read)
                .destructive(s.effect == Effect::Destructive)
                .idempotent(s.idempotent)
                .open_world(false);
            Tool::new(
                s.tool,
                description(&root, s.cli),
                object(e.input_schema(), None),
            )
            .with_raw_output_schema(Arc::new(object(e.output_schema(), s.list)))
            .with_annotations(annotations)
        })
        .collect()
}

/// The server's instructions: the Mayor's guide, naming tools.
fn instructions(mode: &Mode) -> String {
    if let Some(agent) = &mode.polecat {
        return format!(
            "You are the polecat {agent} of a gt town. `gt_hook` shows the bead on your \
             hook: your work. Call `gt_agent_heartbeat` every minute while you work. \
             When done, set your bead's status with `gt_bead_update` (in_review, closed \
             or failed); raise `gt_escalation_raise` when you need a human. Your name is \
             implied in every call."
        );
    }
    let mut guide = crate::commands::prompt::mayor_tools_guide();
    if mode.read_only {
        guide.push_str("\n\nThis server is read-only: it serves the tools that read.\n");
    }
    guide
}

/// A tool's outcome as MCP carries it: the document as structured content and
/// as text; a refused call as an error result holding the JSON error of §4.
pub fn result(outcome: Result<String>) -> CallToolResult {
    match outcome {
        Ok(text) => {
            let document: Json = serde_json::from_str(&text).unwrap_or(Json::Null);
            let mut r = CallToolResult::success(vec![ContentBlock::text(text)]);
            r.structured_content = Some(document);
            r
        }
        Err(e) => {
            let doc = crate::output::error_document(&e, &gt_core::error::ToolNames);
            let mut r = CallToolResult::error(vec![ContentBlock::text(doc.to_string())]);
            r.structured_content = Some(doc);
            r
        }
    }
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        InitializeResult::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new("gt", env!("CARGO_PKG_VERSION")))
            .with_instructions(self.instructions.as_str())
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> std::result::Result<ListToolsResult, McpError> {
        Ok(ListToolsResult::with_all_items(self.tools.as_ref().clone()))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> std::result::Result<CallToolResponse, McpError> {
        let known = calls::by_tool(&request.name).is_some();
        if !known {
            return Err(McpError::invalid_params(
                format!("unknown tool: {}", request.name),
                None,
            ));
        }
        let server = self.clone();
        let name = request.name.to_string();
        let arguments = request.arguments.map_or(Json::Null, Json::Object);
        let outcome = crate::runtime::blocking(move || server.run(&name, arguments)).await;
        if let Err(e) = &outcome {
            eprintln!("gt mcp: {}: {}: {}", request.name, e.code(), e.message);
        }
        Ok(result(outcome).into())
    }
}

/// Serves MCP on stdin and stdout until stdin closes.
pub fn serve(open: OpenOptions, mode: Mode) -> Result<()> {
    let runtime = crate::runtime::start("the MCP server")?;
    let served = runtime.block_on(async move {
        let service = Server::new(open, mode)
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|e| Error::internal(format!("the MCP handshake failed: {e}")))?;
        service
            .waiting()
            .await
            .map_err(|e| Error::internal(format!("the MCP server stopped: {e}")))?;
        Ok(())
    });
    // A pending read of stdin must not hold the process.
    runtime.shutdown_background();
    served
}

#[cfg(test)]
mod tests {
    use super::*;

    fn command<'a>(root: &'a clap::Command, path: &str) -> &'a clap::Command {
        crate::names::command(root, path).expect("a command")
    }

    #[test]
    fn every_command_has_its_tool_or_is_cli_only() {
        let entries = calls::catalogue();
        for path in crate::commands::prompt::leaf_commands() {
            let called = entries.iter().any(|e| e.spec.cli == path);
            assert!(
                called || crate::names::NOT_CALLS.contains(&path.as_str()),
                "`gt {path}` has no call in gt_core::calls (or list it as CLI-only)"
            );
        }
        let root = crate::cli::command_tree();
        for e in &entries {
            command(&root, e.spec.cli);
        }
    }

    #[test]
    fn every_argument_of_a_command_is_a_property_of_its_request() {
        use crate::names::{gives, CLI_ONLY_ARGS};
        let root = crate::cli::command_tree();
        for e in calls::catalogue() {
            let path = e.spec.cli;
            let schema = e.input_schema();
            let props = schema["properties"]
                .as_object()
                .cloned()
                .unwrap_or_default();
            for arg in command(&root, path).get_arguments() {
                let id = arg.get_id().as_str();
                if arg.is_global_set() || CLI_ONLY_ARGS.contains(&(path, id)) {
                    continue;
                }
                assert!(
                    props.keys().any(|p| gives(path, id, p)),
                    "`gt {path}` takes {id}, which {} does not ({:?})",
                    e.spec.tool,
                    props.keys().collect::<Vec<_>>()
                );
            }
        }
    }

    #[test]
    fn polecat_tools_exist() {
        let tools = tools(&Mode {
            read_only: false,
            polecat: Some("Toast".into()),
        });
        let names: Vec<&str> = tools.iter().map(|t| t.name.as_ref()).collect();
        assert_eq!(names.len(), POLECAT_TOOLS.len());
        assert!(POLECAT_TOOLS.iter().all(|t| names.contains(t)));
    }

    /// Any change to a tool's name, schema, annotations or description
    /// shows here, in review.
    #[test]
    fn tools_list_snapshot() {
        let tools = serde_json::to_value(tools(&Mode::default())).unwrap();
        insta::assert_json_snapshot!("tools_list", tools);
    }
}
