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

/// The bead statuses a polecat may set on its own bead.
const POLECAT_STATUSES: &[&str] = &["in_review", "closed", "failed"];

/// Which tools a server offers, and how it describes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mode {
    pub read_only: bool,
    /// Serve only this agent its own small set.
    pub polecat: Option<String>,
    /// Serve the Mayor's everyday tools only.
    pub core: bool,
    /// Declare each tool's output schema (for hosts that validate results).
    pub output_schemas: bool,
}

impl Mode {
    /// Whether the tool of `entry` is offered.
    pub fn offers(&self, entry: &Entry) -> bool {
        if self.polecat.is_some() {
            return entry.spec.polecat;
        }
        if self.core && !entry.spec.core {
            return false;
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
        // A polecat's server, started by its run, writes only while that run
        // lasts (`gt run` names the run in the server's environment).
        town.fence_run(gt_core::RunFence::from_env());
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
/// A reference to anything else is `forbidden` whether it names something or
/// not, with no candidates, names or titles: a polecat learns nothing of the
/// town but its own records.
fn polecat_arguments(town: &mut Town, agent: &str, tool: &str, arguments: Json) -> Result<Json> {
    let mut args = match arguments {
        Json::Null => serde_json::Map::new(),
        Json::Object(map) => map,
        _ => return Err(Error::usage("the arguments are not an object")),
    };
    let me = town.agent(agent)?;
    // Checked again inside each write unit (a reassignment may come between).
    town.serve_only(&me.id);
    let forbidden = |what: String| {
        Err(Error::forbidden(what).with_hint(format!(
            "this server serves {} only its own bead and its own reports",
            me.name
        )))
    };
    // Whether a reference names this record: read, but never shown.
    let names_me = |found: Result<String>, mine: &str| found.is_ok_and(|id| id == mine);
    if let Some(named) = args.get("agent_id").and_then(Json::as_str) {
        if !names_me(town.agent(named).map(|a| a.id), &me.id) {
            return forbidden(format!("{} may act only as itself", me.name));
        }
    }
    let given = |key: &str| args.get(key).and_then(Json::as_str).map(str::to_string);
    match tool {
        "gt_hook" | "gt_agent_heartbeat" => {
            args.insert("agent_id".into(), json!(me.id));
        }
        "gt_escalation_raise" => {
            if let Some(bead) = given("bead_id") {
                let own = me.hook.as_deref().unwrap_or_default();
                if !names_me(town.bead(&bead).map(|b| b.id), own) {
                    return forbidden(format!(
                        "an escalation of {} may name its own bead only",
                        me.name
                    ));
                }
            }
            if let Some(rig) = given("rig_id") {
                // Its rig by name or ID, exactly.
                let own = town
                    .rigs()?
                    .into_iter()
                    .find(|r| Some(&r.name) == me.rig.as_ref())
                    .is_some_and(|r| rig == r.name || rig == r.id);
                if !own {
                    return forbidden(format!(
                        "an escalation of {} may name its own rig only",
                        me.name
                    ));
                }
            }
            args.insert("agent_id".into(), json!(me.id));
        }
        "gt_bead_update" => {
            let Some(hooked) = me.hook.clone() else {
                return forbidden(format!("{} holds no bead", me.name));
            };
            if let Some(bead) = given("bead_id") {
                if !names_me(town.bead(&bead).map(|b| b.id), &hooked) {
                    return forbidden(format!(
                        "{} may change only the bead on its hook ({hooked})",
                        me.name
                    ));
                }
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
            args.insert("bead_id".into(), json!(hooked));
        }
        _ => {}
    }
    Ok(Json::Object(args))
}

/// What the tool does, in a line: its call's summary in the tools' words
/// (its schema describes each argument, and the server's instructions how
/// the tools fit together).
fn description(entry: &gt_core::calls::Entry) -> String {
    format!("{}.", entry.summary(&gt_core::calls::ToolNames))
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
            let tool = Tool::new(s.tool, description(e), object(e.input_schema(), None))
                .with_annotations(annotations);
            if mode.output_schemas {
                tool.with_raw_output_schema(Arc::new(object(e.output_schema(), s.list)))
            } else {
                tool
            }
        })
        .collect()
}

/// The server's instructions: the Mayor's guide, naming tools.
pub(crate) fn instructions(mode: &Mode) -> String {
    if let Some(agent) = &mode.polecat {
        return format!(
            "You are the polecat {agent} of a gt town. `gt_hook` shows the bead on your \
             hook: your work. Call `gt_agent_heartbeat` every minute while you work. \
             When done, set your bead's status with `gt_bead_update` (in_review, closed \
             or failed); raise `gt_escalation_raise` when you need a human. Read your \
             mail with `gt_mail_inbox` and `gt_mail_read`; ask or answer the Mayor, a \
             person (`human`) or an agent of your convoy with `gt_mail_send`. Your name \
             is implied in every call."
        );
    }
    let mut guide = crate::guide::mayor_tools_guide();
    if mode.core {
        guide.push_str(
            "\n\nThis server serves the Mayor's everyday tools; the guide names others, \
             which a full gt MCP server serves.\n",
        );
    }
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
            let doc = crate::output::error_document(&e, &gt_core::calls::ToolNames);
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
            // The client's text, escaped for the terminal as the CLI does.
            eprintln!(
                "gt mcp: {}: {}: {}",
                crate::output::sanitize(&request.name),
                e.code(),
                crate::output::sanitize(&e.message)
            );
        }
        Ok(result(outcome).into())
    }
}

/// Serves MCP on stdin and stdout until stdin closes.
pub fn serve(open: OpenOptions, mode: Mode) -> Result<()> {
    let runtime = crate::runtime::start("the MCP server")?;
    let served = runtime.block_on(async move {
        let service = Server::new(open, mode)
            .serve(Lines::stdio())
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

/// The most one message may hold (a longer line is refused, -32600).
const MAX_LINE: usize = 16 << 20;

/// Newline-delimited JSON-RPC on stdio that answers what it cannot take as
/// JSON-RPC says (rmcp's own stdio transport skips such lines in silence):
/// a line that is not JSON is -32700, JSON that is no request -32600, and a
/// `tools/call` whose arguments are not an object -32602, each answered in
/// turn with the responses, and the next line read as usual.
///
/// One task writes stdout, a whole line at a time, from a bounded queue that
/// both the responses and these answers join: no half line, however a
/// cancelled read or send falls.
struct Lines<R> {
    reader: tokio::io::BufReader<R>,
    out: Option<tokio::sync::mpsc::Sender<Vec<u8>>>,
    writer: Option<tokio::task::JoinHandle<()>>,
    /// The line read so far (kept across a cancelled `receive`).
    line: Vec<u8>,
    /// Whether the rest of an over-long line is being skipped.
    skipping: bool,
    /// An answer not yet queued (kept across a cancelled `receive`).
    answer: Option<Vec<u8>>,
}

impl Lines<tokio::io::Stdin> {
    fn stdio() -> Self {
        Lines::new(tokio::io::stdin(), tokio::io::stdout())
    }
}

/// What a line of input is.
enum Line {
    Message(Box<rmcp::service::RxJsonRpcMessage<RoleServer>>),
    /// Answered by the transport: the error response to write.
    Refused(Json),
    Blank,
}

/// A JSON-RPC error response (`id` is null when the request's is unknown).
fn rpc_error(id: Json, code: i32, message: String) -> Json {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } })
}

/// One message as a line of output.
fn line_of(message: &impl serde::Serialize) -> Vec<u8> {
    let mut text = serde_json::to_vec(message).unwrap_or_default();
    text.push(b'\n');
    text
}

/// Reads one line as JSON-RPC, or the error that answers it.
fn read_line(line: &[u8]) -> Line {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return Line::Blank;
    }
    let value: Json = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(e) => return Line::Refused(rpc_error(Json::Null, -32700, format!("Parse error: {e}"))),
    };
    let id = value.get("id").cloned().unwrap_or(Json::Null);
    let arguments = value
        .get("params")
        .and_then(|p| p.get("arguments"))
        .filter(|a| !a.is_null());
    if value.get("method").and_then(Json::as_str) == Some("tools/call")
        && arguments.is_some_and(|a| !a.is_object())
    {
        return Line::Refused(rpc_error(
            id,
            -32602,
            "Invalid params: a tool's arguments are an object".into(),
        ));
    }
    match serde_json::from_value(value) {
        Ok(message) => Line::Message(Box::new(message)),
        Err(e) => Line::Refused(rpc_error(id, -32600, format!("Invalid Request: {e}"))),
    }
}

impl<R: tokio::io::AsyncRead + Unpin + Send> Lines<R> {
    fn new<W: tokio::io::AsyncWrite + Unpin + Send + 'static>(reader: R, mut writer: W) -> Self {
        use tokio::io::AsyncWriteExt;
        let (out, mut queue) = tokio::sync::mpsc::channel::<Vec<u8>>(64);
        let writer = tokio::spawn(async move {
            while let Some(line) = queue.recv().await {
                if writer.write_all(&line).await.is_err() || writer.flush().await.is_err() {
                    return;
                }
            }
        });
        Lines {
            reader: tokio::io::BufReader::new(reader),
            out: Some(out),
            writer: Some(writer),
            line: Vec::new(),
            skipping: false,
            answer: None,
        }
    }

    /// The next whole line; `None` at the end of input. Safe to cancel: what
    /// was read stays in `self.line` (nothing is consumed across an await).
    /// An over-long line comes back as `Some(false)`.
    async fn next_line(&mut self) -> Option<bool> {
        use tokio::io::AsyncBufReadExt;
        loop {
            let buf = self.reader.fill_buf().await.ok()?;
            if buf.is_empty() {
                return None;
            }
            let (taken, end) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            if !self.skipping {
                self.line.extend_from_slice(&buf[..taken]);
                if self.line.len() > MAX_LINE {
                    self.line.clear();
                    self.skipping = true;
                }
            }
            self.reader.consume(taken);
            if end {
                return Some(!std::mem::take(&mut self.skipping));
            }
        }
    }
}

impl<R: tokio::io::AsyncRead + Unpin + Send> rmcp::transport::Transport<RoleServer> for Lines<R> {
    type Error = std::io::Error;

    fn send(
        &mut self,
        item: rmcp::service::TxJsonRpcMessage<RoleServer>,
    ) -> impl std::future::Future<Output = std::io::Result<()>> + Send + 'static {
        let out = self.out.clone();
        let line = line_of(&item);
        async move {
            match out {
                Some(out) => out.send(line).await.map_err(|_| closed()),
                None => Err(closed()),
            }
        }
    }

    async fn receive(&mut self) -> Option<rmcp::service::RxJsonRpcMessage<RoleServer>> {
        loop {
            if let Some(answer) = self.answer.take() {
                let out = self.out.as_ref()?;
                // Queued whole or, if cancelled here, kept for the next call.
                match out.reserve().await {
                    Ok(slot) => slot.send(answer),
                    Err(_) => return None,
                }
            }
            let whole = self.next_line().await?;
            let line = std::mem::take(&mut self.line);
            let read = if whole {
                read_line(&line)
            } else {
                Line::Refused(rpc_error(
                    Json::Null,
                    -32600,
                    format!("Invalid Request: a message over {} MiB", MAX_LINE >> 20),
                ))
            };
            match read {
                Line::Message(message) => return Some(*message),
                Line::Blank => {}
                Line::Refused(error) => self.answer = Some(line_of(&error)),
            }
        }
    }

    async fn close(&mut self) -> std::io::Result<()> {
        // What is queued is written before the server ends.
        drop(self.out.take());
        if let Some(writer) = self.writer.take() {
            let _ = writer.await;
        }
        Ok(())
    }
}

fn closed() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::BrokenPipe, "stdout is closed")
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
        for path in crate::guide::leaf_commands() {
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
            polecat: Some("Toast".into()),
            ..Mode::default()
        });
        let names: Vec<&str> = tools.iter().map(|t| t.name.as_ref()).collect();
        let mut names = names;
        names.sort();
        assert_eq!(
            names,
            [
                "gt_agent_heartbeat",
                "gt_bead_update",
                "gt_escalation_raise",
                "gt_hook",
                "gt_mail_inbox",
                "gt_mail_read",
                "gt_mail_send"
            ]
        );
    }

    /// Any change to a tool's name, schema, annotations or description
    /// shows here, in review.
    #[test]
    fn tools_list_snapshot() {
        let full = Mode {
            output_schemas: true,
            ..Mode::default()
        };
        let tools = serde_json::to_value(tools(&full)).unwrap();
        insta::assert_json_snapshot!("tools_list", tools);
    }

    /// What every Mayor conversation pays for the tools: at most 40% of the
    /// 102 858 bytes `tools/list` was before its descriptions were shortened
    /// and its output schemas made opt-in; the core set less still.
    #[test]
    fn the_tool_list_is_lean() {
        let bytes = |mode: &Mode| serde_json::to_string(&tools(mode)).unwrap().len();
        let all = bytes(&Mode::default());
        let core = bytes(&Mode {
            core: true,
            ..Mode::default()
        });
        assert!(all * 100 <= 102_858 * 40, "tools/list is {all} bytes");
        assert!(core < all / 2, "the core set is {core} bytes of {all}");
        let with_schemas = bytes(&Mode {
            output_schemas: true,
            ..Mode::default()
        });
        assert!(with_schemas > all, "output schemas are declared on request");
    }
}
