//! The call catalogue: every operation of gt as a self-contained typed request
//! (IDs inside it, unknown fields refused) with a typed result, and one table
//! naming each call's command line path, MCP tool and HTTP route. The faces
//! only translate: the command line builds requests from its arguments, the
//! MCP server and the HTTP API deserialize them from JSON, and all three print
//! the same result documents, because they are the same values.
//!
//! With the `schema` feature each request and result has a JSON Schema
//! (`schemars`), which the MCP server declares as its tools' schemas.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::error::{Error, Result};
use crate::model::{Agent, Bead, Convoy, Escalation, Event, Rig};
pub use crate::ops::agent::UpdateAgent;
use crate::ops::agent::{AgentDeleted, AgentReset, Heartbeat as Beat, HookView};
pub use crate::ops::bead::ReassignBead;
pub use crate::ops::bead::{CreateBead, UpdateBead};
use crate::ops::bead::{Deleted, Reassigned};
use crate::ops::convoy::ConvoyDeleted;
pub use crate::ops::convoy::{CloseConvoy, UpdateConvoy};
use crate::ops::doctor::Violation;
pub use crate::ops::escalation::RaiseEscalation;
use crate::ops::escalation::{Acknowledged, Resolved};
pub use crate::ops::patrol::Patrol;
use crate::ops::patrol::PatrolReport;
pub use crate::ops::rig::AddRig;
use crate::ops::run::AgentLog;
pub use crate::ops::run::AgentLogs;
pub use crate::ops::sling::Sling;
pub use crate::ops::sling::SlingBatch;
use crate::ops::sling::{Slung, SlungBatch};
use crate::query::ConvoyStatusView;
pub use crate::query::{ListAgents, ListBeads, ListConvoys, ListEvents};
pub use crate::tasks::{TaskInput, TaskRef};
use crate::town::Town;

/// What a call may do to the town, for the faces' annotations and modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Reads only.
    Read,
    /// Writes.
    Write,
    /// Writes something that cannot be taken back (delete, force-close, reset).
    Destructive,
}

/// A call's entry in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallSpec {
    /// The command below `gt` (`bead update`).
    pub cli: &'static str,
    /// The MCP tool (`gt_bead_update`).
    pub tool: &'static str,
    /// The HTTP route (`PATCH /api/beads/{bead_id}`), where it has one.
    pub route: Option<&'static str>,
    pub effect: Effect,
    /// Whether repeating the call changes nothing more.
    pub idempotent: bool,
    /// For a call that returns a list: the plural noun a face wraps it in
    /// (`{"convoys": […]}`) where a document must be an object.
    pub list: Option<&'static str>,
    /// Whether its success makes something new (HTTP's 201 Created, unless
    /// an idempotency key replayed an earlier call).
    pub creates: bool,
    /// Whether a polecat's MCP server serves it (its own hook, bead,
    /// heartbeats and escalations).
    pub polecat: bool,
    /// Whether it is in the Mayor's everyday set (`gt mcp --tools core`).
    pub core: bool,
    /// More routes to the call (SPEC §8's older paths): `METHOD /path`.
    pub aliases: &'static [&'static str],
    /// For a list that pages: the most items one answer may hold where a
    /// server bounds what each client holds (its `limit`, 1 to this).
    pub page: Option<u32>,
}

/// One call: a request that knows its entry and how to run.
pub trait Call: DeserializeOwned + Sized {
    type Output: Serialize;
    const SPEC: CallSpec;
    fn run(self, town: &mut Town) -> Result<Self::Output>;
}

/// A call of the catalogue, for faces that pick calls by name.
#[derive(Clone, Copy)]
pub struct Entry {
    pub spec: CallSpec,
    run: fn(&mut Town, Json) -> Result<String>,
    decode: fn(Json) -> Result<()>,
    #[cfg(feature = "schema")]
    input: fn() -> Json,
    #[cfg(feature = "schema")]
    output: fn() -> Json,
}

impl std::fmt::Debug for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Entry").field("spec", &self.spec).finish()
    }
}

impl Entry {
    /// Runs the call with `arguments` (a JSON object; null is no arguments),
    /// returning its result document: byte for byte what the command's
    /// `--json` prints (fields in the order the result type declares them).
    pub fn call(&self, town: &mut Town, mut arguments: Json) -> Result<String> {
        let fields = self.take_fields(&mut arguments)?;
        let text = (self.run)(town, arguments)?;
        match fields {
            None => Ok(text),
            Some(fields) => {
                let list: Json = serde_json::from_str(&text)
                    .map_err(|e| Error::internal(format!("cannot read the result: {e}")))?;
                Ok(project(list, &fields, &self.item_fields())?.to_string())
            }
        }
    }

    /// A list's `fields` argument (names, or names separated by commas),
    /// taken out of `arguments`; any other call refuses it as its request
    /// refuses any field it does not have.
    fn take_fields(&self, arguments: &mut Json) -> Result<Option<Vec<String>>> {
        if self.spec.list.is_none() {
            return Ok(None);
        }
        let Some(given) = arguments.as_object_mut().and_then(|a| a.remove(FIELDS)) else {
            return Ok(None);
        };
        let names: Vec<&str> = match &given {
            Json::String(one) => vec![one.as_str()],
            Json::Array(many) => many.iter().filter_map(Json::as_str).collect(),
            _ => vec![],
        };
        let names: Vec<String> = names
            .iter()
            .flat_map(|n| n.split(','))
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() || matches!(&given, Json::Array(a) if a.iter().any(|v| !v.is_string()))
        {
            return Err(Error::usage(format!(
                "invalid arguments for {}: fields is a list of field names",
                self.spec.tool
            ))
            .with_hint("name fields the items have, such as id and title"));
        }
        Ok(Some(names))
    }

    /// The fields each item of this list call's result has (none for a call
    /// that is no list).
    pub fn item_fields(&self) -> Vec<String> {
        #[cfg(feature = "schema")]
        {
            item_fields(&self.output_schema()).unwrap_or_default()
        }
        #[cfg(not(feature = "schema"))]
        {
            Vec::new()
        }
    }

    /// Decodes `arguments` into the call's request without running it: what
    /// every face does first with what a client sent (and what the fuzz
    /// target `call_arguments` drives).
    pub fn decode(&self, mut arguments: Json) -> Result<()> {
        self.take_fields(&mut arguments)?;
        (self.decode)(arguments)
    }

    /// The JSON Schema of the request (a list's with its `fields`).
    #[cfg(feature = "schema")]
    pub fn input_schema(&self) -> Json {
        let mut schema = (self.input)();
        if self.spec.list.is_some() {
            let names = self.item_fields();
            if let Some(props) = schema.get_mut("properties").and_then(Json::as_object_mut) {
                props.insert(
                    FIELDS.into(),
                    serde_json::json!({
                        "description": "Only these fields of each item: a slim list.",
                        "type": "array",
                        "items": { "type": "string", "enum": names },
                    }),
                );
            }
        }
        schema
    }

    /// The JSON Schema of the result document.
    #[cfg(feature = "schema")]
    pub fn output_schema(&self) -> Json {
        (self.output)()
    }
}

/// Names calls by their tools and fields as they are (MCP; HTTP names routes
/// where a call has one).
pub struct ToolNames;

impl crate::error::Names for ToolNames {
    fn call(&self, call: &str, args: &[(&'static str, String)]) -> String {
        let tool = catalogue()
            .into_iter()
            .find(|e| e.spec.cli == call)
            .map_or(call.to_string(), |e| e.spec.tool.to_string());
        format!("{tool} {}", crate::error::arguments_json(args))
    }

    fn field(&self, _call: &str, field: &str) -> Vec<String> {
        vec![field.to_string()]
    }
}

/// The argument every list call takes, on every face, to keep only some
/// fields of each item (`--fields id,title` on the command line).
pub const FIELDS: &str = "fields";

/// The fields of the items of a list, from the list's JSON Schema.
#[cfg(feature = "schema")]
pub fn item_fields(schema: &Json) -> Option<Vec<String>> {
    let mut items = schema.get("items")?;
    if let Some(name) = items.get("$ref").and_then(Json::as_str) {
        items = schema.get("$defs")?.get(name.rsplit('/').next()?)?;
    }
    Some(
        items
            .get("properties")?
            .as_object()?
            .keys()
            .cloned()
            .collect(),
    )
}

/// Each item of `list` with only `fields` (those it has); a
/// name that is not one of `known` is refused, naming those that are.
pub fn project(list: Json, fields: &[String], known: &[String]) -> Result<Json> {
    if let Some(bad) = fields
        .iter()
        .find(|f| !known.is_empty() && !known.contains(f))
    {
        return Err(Error::usage(format!(
            "the items have no field '{bad}'; they have {}",
            known.join(", ")
        )));
    }
    let Json::Array(items) = list else {
        return Err(Error::usage(
            "only a list's items can be cut down to some fields",
        ));
    };
    let items = items
        .into_iter()
        .map(|item| match item {
            Json::Object(mut map) => Json::Object(
                fields
                    .iter()
                    .filter_map(|f| Some((f.clone(), map.remove(f)?)))
                    .collect(),
            ),
            other => other,
        })
        .collect();
    Ok(Json::Array(items))
}

/// Deserializes a request; what does not fit is a usage error naming the
/// call and what is wrong.
pub fn parse<C: Call>(arguments: Json) -> Result<C> {
    let arguments = match arguments {
        Json::Null => Json::Object(Map::new()),
        other => other,
    };
    serde_json::from_value(arguments).map_err(|e| {
        Error::usage(format!("invalid arguments for {}: {e}", C::SPEC.tool))
            .with_hint("the arguments must match the call's input schema")
    })
}

fn entry<C>() -> Entry
where
    C: Call + SchemaOf,
    C::Output: SchemaOf,
{
    Entry {
        spec: C::SPEC,
        decode: |arguments| parse::<C>(arguments).map(|_| ()),
        run: |town, arguments| {
            town.take_effects();
            let output = parse::<C>(arguments)?.run(town)?;
            crate::effects::to_document(&output, &town.take_effects())
                .map_err(|e| Error::internal(format!("cannot encode the result: {e}")))
        },
        #[cfg(feature = "schema")]
        input: <C as SchemaOf>::schema,
        #[cfg(feature = "schema")]
        output: match C::SPEC.effect {
            Effect::Read => <C::Output as SchemaOf>::schema,
            Effect::Write | Effect::Destructive => with_effects::<C::Output>,
        },
    }
}

/// The schema of a write's document: its result's, with the optional
/// `effects` of [`crate::effects::Effects`].
#[cfg(feature = "schema")]
fn with_effects<T: SchemaOf>() -> Json {
    let mut schema = T::schema();
    let mut effects = crate::effects::Effects::schema();
    if let (Some(props), Some(fields)) = (
        schema.get_mut("properties").and_then(Json::as_object_mut),
        effects.as_object_mut(),
    ) {
        fields.remove("$schema");
        // Its definitions join the document's, where `#/$defs/…` finds them.
        let defs = fields.remove("$defs");
        props.insert("effects".into(), Json::Object(fields.clone()));
        if let Some(Json::Object(defs)) = defs {
            let all = schema.as_object_mut().map(|s| {
                s.entry("$defs")
                    .or_insert_with(|| Json::Object(Default::default()))
            });
            if let Some(Json::Object(all)) = all {
                all.extend(defs);
            }
        }
    }
    schema
}

/// A type's JSON Schema, where the `schema` feature is on.
pub trait SchemaOf {
    #[cfg(feature = "schema")]
    fn schema() -> Json;
}

#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> SchemaOf for T {
    fn schema() -> Json {
        schemars::schema_for!(T).to_value()
    }
}

#[cfg(not(feature = "schema"))]
impl<T> SchemaOf for T {}

/// A call's spec: its names, effect and list noun, then any of the flags
/// `creates` (HTTP's 201), `polecat` (served to a polecat) and `core` (in
/// the Mayor's everyday set), and the fields with a value (`aliases = […]`).
macro_rules! spec {
    ($cli:literal, $tool:literal, $route:expr, $effect:ident, $idempotent:literal, $list:expr $(, $flag:ident $(= $value:expr)?)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut spec = CallSpec {
            cli: $cli,
            tool: $tool,
            route: $route,
            effect: Effect::$effect,
            idempotent: $idempotent,
            list: $list,
            creates: false,
            polecat: false,
            core: false,
            aliases: &[],
            page: None,
        };
        $( spec.$flag = spec!(@value $($value)?); )*
        spec
    }};
    (@value) => {
        true
    };
    (@value $value:expr) => {
        $value
    };
}

request! {
    /// The town's rigs.
    pub struct ListRigs {}
}

impl Call for ListRigs {
    type Output = Vec<Rig>;
    const SPEC: CallSpec = spec!(
        "rig list",
        "gt_list_rigs",
        Some("GET /api/rigs"),
        Read,
        true,
        Some("rigs")
    );
    fn run(self, town: &mut Town) -> Result<Vec<Rig>> {
        town.rigs()
    }
}

impl Call for AddRig {
    type Output = Rig;
    const SPEC: CallSpec = spec!(
        "rig add",
        "gt_rig_add",
        Some("POST /api/rigs"),
        Write,
        false,
        None,
        creates
    );
    fn run(self, town: &mut Town) -> Result<Rig> {
        town.add_rig(&self)
    }
}

impl Call for Sling {
    type Output = Slung;
    const SPEC: CallSpec = spec!("sling", "gt_sling", None, Write, false, None, creates);
    fn run(self, town: &mut Town) -> Result<Slung> {
        town.sling(&self)
    }
}

impl Call for SlingBatch {
    type Output = SlungBatch;
    const SPEC: CallSpec = spec!(
        "sling-batch",
        "gt_sling_batch",
        Some("POST /api/convoys"),
        Write,
        false,
        None,
        creates,
        core,
        aliases = &["POST /api/mayor/{town}/tools/sling-batch"]
    );
    fn run(self, town: &mut Town) -> Result<SlungBatch> {
        town.sling_batch(&self)
    }
}

impl Call for ListConvoys {
    type Output = Vec<Convoy>;
    const SPEC: CallSpec = spec!(
        "convoy list",
        "gt_list_convoys",
        Some("GET /api/convoys"),
        Read,
        true,
        Some("convoys"),
        core,
        aliases = &["GET /api/mayor/{town}/tools/convoys"]
    );
    fn run(self, town: &mut Town) -> Result<Vec<Convoy>> {
        town.convoys(&self)
    }
}

request! {
    /// A convoy, each bead it tracks (status, polecat, blockers), and its edges.
    pub struct ShowConvoy {
        pub convoy_id: String,
    }
}

impl Call for ShowConvoy {
    type Output = ConvoyStatusView;
    const SPEC: CallSpec = spec!(
        "convoy status",
        "gt_convoy_status",
        Some("GET /api/convoys/{convoy_id}"),
        Read,
        true,
        None,
        core,
        aliases = &["GET /api/mayor/{town}/tools/convoys/{convoy_id}"]
    );
    fn run(self, town: &mut Town) -> Result<ConvoyStatusView> {
        town.convoy_status(&self.convoy_id)
    }
}

impl Call for CloseConvoy {
    type Output = Convoy;
    const SPEC: CallSpec = spec!(
        "convoy close",
        "gt_convoy_close",
        Some("POST /api/convoys/{convoy_id}/close"),
        Destructive,
        true,
        None,
        core
    );
    fn run(self, town: &mut Town) -> Result<Convoy> {
        town.close_convoy(&self)
    }
}

impl Call for UpdateConvoy {
    type Output = Convoy;
    const SPEC: CallSpec = spec!(
        "convoy update",
        "gt_convoy_update",
        Some("PATCH /api/convoys/{convoy_id}"),
        Write,
        true,
        None,
        core
    );
    fn run(self, town: &mut Town) -> Result<Convoy> {
        town.update_convoy(&self)
    }
}

request! {
    /// Adds beads to what a convoy tracks.
    pub struct AddConvoyBeads {
        pub convoy_id: String,
        pub bead_ids: Vec<String>,
    }
}

impl Call for AddConvoyBeads {
    type Output = Convoy;
    const SPEC: CallSpec = spec!(
        "convoy add",
        "gt_convoy_add_beads",
        Some("POST /api/convoys/{convoy_id}/beads"),
        Write,
        true,
        None
    );
    fn run(self, town: &mut Town) -> Result<Convoy> {
        town.add_to_convoy(&self.convoy_id, &self.bead_ids)
    }
}

request! {
    /// Removes beads from what a convoy tracks; they stay, in no convoy.
    pub struct RemoveConvoyBeads {
        pub convoy_id: String,
        pub bead_ids: Vec<String>,
    }
}

impl Call for RemoveConvoyBeads {
    type Output = Convoy;
    const SPEC: CallSpec = spec!(
        "convoy remove",
        "gt_convoy_remove_beads",
        Some("DELETE /api/convoys/{convoy_id}/beads/{bead_id}"),
        Write,
        true,
        None
    );
    fn run(self, town: &mut Town) -> Result<Convoy> {
        town.remove_from_convoy(&self.convoy_id, &self.bead_ids)
    }
}

request! {
    /// Deletes a convoy; its beads stay, unlinked, and its history stays.
    pub struct DeleteConvoy {
        pub convoy_id: String,
    }
}

impl Call for DeleteConvoy {
    type Output = ConvoyDeleted;
    const SPEC: CallSpec = spec!(
        "convoy delete",
        "gt_convoy_delete",
        Some("DELETE /api/convoys/{convoy_id}"),
        Destructive,
        false,
        None
    );
    fn run(self, town: &mut Town) -> Result<ConvoyDeleted> {
        town.delete_convoy(&self.convoy_id)
    }
}

impl Call for ListBeads {
    type Output = Vec<Bead>;
    const SPEC: CallSpec = spec!(
        "bead list",
        "gt_list_beads",
        Some("GET /api/beads"),
        Read,
        true,
        Some("beads")
    );
    fn run(self, town: &mut Town) -> Result<Vec<Bead>> {
        town.beads(&self)
    }
}

request! {
    /// One bead.
    pub struct ShowBead {
        pub bead_id: String,
    }
}

impl Call for ShowBead {
    type Output = Bead;
    const SPEC: CallSpec = spec!(
        "bead show",
        "gt_bead_show",
        Some("GET /api/beads/{bead_id}"),
        Read,
        true,
        None
    );
    fn run(self, town: &mut Town) -> Result<Bead> {
        town.bead(&self.bead_id)
    }
}

impl Call for CreateBead {
    type Output = Bead;
    const SPEC: CallSpec = spec!(
        "bead create",
        "gt_bead_create",
        Some("POST /api/beads"),
        Write,
        false,
        None,
        creates
    );
    fn run(self, town: &mut Town) -> Result<Bead> {
        town.create_bead(&self)
    }
}

impl Call for UpdateBead {
    type Output = Bead;
    const SPEC: CallSpec = spec!(
        "bead update",
        "gt_bead_update",
        Some("PATCH /api/beads/{bead_id}"),
        Write,
        true,
        None,
        polecat,
        core
    );
    fn run(self, town: &mut Town) -> Result<Bead> {
        town.update_bead(&self)
    }
}

impl Call for ReassignBead {
    type Output = Reassigned;
    const SPEC: CallSpec = spec!(
        "bead reassign",
        "gt_bead_reassign",
        Some("POST /api/beads/{bead_id}/reassign"),
        Write,
        false,
        None,
        core
    );
    fn run(self, town: &mut Town) -> Result<Reassigned> {
        town.reassign_bead(&self)
    }
}

request! {
    /// Deletes a bead (its history stays); a hooked one needs `force`.
    pub struct DeleteBead {
        pub bead_id: String,
        #[serde(default)]
        pub force: bool,
    }
}

impl Call for DeleteBead {
    type Output = Deleted;
    const SPEC: CallSpec = spec!(
        "bead delete",
        "gt_bead_delete",
        Some("DELETE /api/beads/{bead_id}"),
        Destructive,
        false,
        None
    );
    fn run(self, town: &mut Town) -> Result<Deleted> {
        town.delete_bead(&self.bead_id, self.force)
    }
}

impl Call for ListAgents {
    type Output = Vec<Agent>;
    const SPEC: CallSpec = spec!(
        "agent list",
        "gt_list_agents",
        Some("GET /api/agents"),
        Read,
        true,
        Some("agents")
    );
    fn run(self, town: &mut Town) -> Result<Vec<Agent>> {
        town.agents(&self)
    }
}

request! {
    /// One agent.
    pub struct ShowAgent {
        /// The agent (name or ID).
        pub agent_id: String,
    }
}

impl Call for ShowAgent {
    type Output = Agent;
    const SPEC: CallSpec = spec!(
        "agent show",
        "gt_agent_show",
        Some("GET /api/agents/{agent_id}"),
        Read,
        true,
        None
    );
    fn run(self, town: &mut Town) -> Result<Agent> {
        town.agent(&self.agent_id)
    }
}

impl Call for UpdateAgent {
    type Output = Agent;
    const SPEC: CallSpec = spec!(
        "agent update",
        "gt_agent_update",
        Some("PATCH /api/agents/{agent_id}"),
        Write,
        true,
        None,
        aliases = &["PATCH /api/agents/{agent_id}/status"]
    );
    fn run(self, town: &mut Town) -> Result<Agent> {
        town.update_agent(&self)
    }
}

request! {
    /// Idle and unhooked; its bead back to open. `stop` also signals its process.
    pub struct ResetAgent {
        /// The agent (name or ID).
        pub agent_id: String,
        #[serde(default)]
        pub stop: bool,
    }
}

impl Call for ResetAgent {
    type Output = AgentReset;
    const SPEC: CallSpec = spec!(
        "agent reset",
        "gt_agent_reset",
        Some("POST /api/agents/{agent_id}/reset"),
        Destructive,
        false,
        None,
        core,
        aliases = &["DELETE /api/agents/{agent_id}/hook"]
    );
    fn run(self, town: &mut Town) -> Result<AgentReset> {
        town.reset_agent(&self.agent_id, self.stop)
    }
}

request! {
    /// Deletes an agent (its history stays); a hooked one needs `force`, which
    /// releases its bead to an idle polecat.
    pub struct DeleteAgent {
        /// The agent (name or ID).
        pub agent_id: String,
        #[serde(default)]
        pub force: bool,
    }
}

impl Call for DeleteAgent {
    type Output = AgentDeleted;
    const SPEC: CallSpec = spec!(
        "agent delete",
        "gt_agent_delete",
        Some("DELETE /api/agents/{agent_id}"),
        Destructive,
        false,
        None
    );
    fn run(self, town: &mut Town) -> Result<AgentDeleted> {
        town.delete_agent(&self.agent_id, self.force)
    }
}

impl Call for AgentLogs {
    type Output = AgentLog;
    const SPEC: CallSpec = spec!(
        "agent logs",
        "gt_agent_logs",
        Some("GET /api/agents/{agent_id}/logs"),
        Read,
        true,
        None
    );
    fn run(self, town: &mut Town) -> Result<AgentLog> {
        town.agent_logs(&self)
    }
}

request! {
    /// An agent reports it is alive.
    pub struct Heartbeat {
        /// The agent (name or ID).
        pub agent_id: String,
    }
}

impl Call for Heartbeat {
    type Output = Beat;
    const SPEC: CallSpec = spec!(
        "agent heartbeat",
        "gt_agent_heartbeat",
        Some("POST /api/agents/{agent_id}/heartbeat"),
        Write,
        true,
        None,
        polecat
    );
    fn run(self, town: &mut Town) -> Result<Beat> {
        town.heartbeat(&self.agent_id)
    }
}

request! {
    /// What is on an agent's hook.
    pub struct ShowHook {
        /// The agent (name or ID).
        pub agent_id: String,
    }
}

impl Call for ShowHook {
    type Output = HookView;
    const SPEC: CallSpec = spec!(
        "hook",
        "gt_hook",
        Some("GET /api/agents/{agent_id}/hook"),
        Read,
        true,
        None,
        polecat
    );
    fn run(self, town: &mut Town) -> Result<HookView> {
        town.hook_of(&self.agent_id)
    }
}

request! {
    /// Open escalations, or all of them.
    pub struct ListEscalations {
        #[serde(default)]
        pub all: bool,
    }
}

impl Call for ListEscalations {
    type Output = Vec<Escalation>;
    const SPEC: CallSpec = spec!(
        "escalation list",
        "gt_list_escalations",
        Some("GET /api/escalations"),
        Read,
        true,
        Some("escalations"),
        core
    );
    fn run(self, town: &mut Town) -> Result<Vec<Escalation>> {
        town.escalations(self.all)
    }
}

impl Call for RaiseEscalation {
    type Output = Escalation;
    const SPEC: CallSpec = spec!(
        "escalation raise",
        "gt_escalation_raise",
        Some("POST /api/escalations"),
        Write,
        false,
        None,
        creates,
        polecat
    );
    fn run(self, town: &mut Town) -> Result<Escalation> {
        town.raise_escalation(&self)
    }
}

request! {
    /// Acknowledges an escalation; a second ack changes nothing.
    pub struct AckEscalation {
        pub escalation_id: String,
    }
}

impl Call for AckEscalation {
    type Output = Acknowledged;
    const SPEC: CallSpec = spec!(
        "escalation ack",
        "gt_escalation_acknowledge",
        Some("POST /api/escalations/{escalation_id}/ack"),
        Write,
        true,
        None,
        core
    );
    fn run(self, town: &mut Town) -> Result<Acknowledged> {
        town.ack_escalation(&self.escalation_id)
    }
}

request! {
    /// Resolves an escalation, with an optional note; a second resolve changes nothing.
    pub struct ResolveEscalation {
        pub escalation_id: String,
        pub note: Option<String>,
    }
}

impl Call for ResolveEscalation {
    type Output = Resolved;
    const SPEC: CallSpec = spec!(
        "escalation resolve",
        "gt_escalation_resolve",
        Some("POST /api/escalations/{escalation_id}/resolve"),
        Write,
        true,
        None,
        core
    );
    fn run(self, town: &mut Town) -> Result<Resolved> {
        town.resolve_escalation(&self.escalation_id, self.note.as_deref())
    }
}

impl Call for ListEvents {
    type Output = Vec<Event>;
    const SPEC: CallSpec = spec!(
        "events",
        "gt_events",
        Some("GET /api/events"),
        Read,
        true,
        Some("events"),
        core,
        page = Some(500)
    );
    fn run(self, town: &mut Town) -> Result<Vec<Event>> {
        town.events(&self)
    }
}

impl Call for Patrol {
    type Output = PatrolReport;
    const SPEC: CallSpec = spec!(
        "patrol",
        "gt_patrol",
        Some("POST /api/patrol"),
        Write,
        false,
        None
    );
    fn run(self, town: &mut Town) -> Result<PatrolReport> {
        town.patrol(&self)
    }
}

request! {
    /// Checks every invariant; `fix` repairs counts, landings, hooks and edges.
    pub struct Doctor {
        #[serde(default)]
        pub fix: bool,
    }
}

impl Call for Doctor {
    type Output = Vec<Violation>;
    const SPEC: CallSpec = spec!(
        "doctor",
        "gt_doctor",
        Some("POST /api/doctor"),
        Write,
        false,
        Some("violations")
    );
    fn run(self, town: &mut Town) -> Result<Vec<Violation>> {
        town.doctor(self.fix)
    }
}

/// Every call, in the order the faces list them.
pub fn catalogue() -> Vec<Entry> {
    vec![
        entry::<ListRigs>(),
        entry::<AddRig>(),
        entry::<Sling>(),
        entry::<SlingBatch>(),
        entry::<ListConvoys>(),
        entry::<ShowConvoy>(),
        entry::<CloseConvoy>(),
        entry::<UpdateConvoy>(),
        entry::<AddConvoyBeads>(),
        entry::<RemoveConvoyBeads>(),
        entry::<DeleteConvoy>(),
        entry::<ListBeads>(),
        entry::<ShowBead>(),
        entry::<CreateBead>(),
        entry::<UpdateBead>(),
        entry::<ReassignBead>(),
        entry::<DeleteBead>(),
        entry::<ListAgents>(),
        entry::<ShowAgent>(),
        entry::<UpdateAgent>(),
        entry::<ResetAgent>(),
        entry::<DeleteAgent>(),
        entry::<AgentLogs>(),
        entry::<Heartbeat>(),
        entry::<ShowHook>(),
        entry::<ListEscalations>(),
        entry::<RaiseEscalation>(),
        entry::<AckEscalation>(),
        entry::<ResolveEscalation>(),
        entry::<ListEvents>(),
        entry::<Patrol>(),
        entry::<Doctor>(),
    ]
}

/// The entry of a tool, by name.
pub fn by_tool(tool: &str) -> Option<Entry> {
    catalogue().into_iter().find(|e| e.spec.tool == tool)
}

impl Town {
    /// Runs one call of the catalogue.
    pub fn call<C: Call>(&mut self, request: C) -> Result<C::Output> {
        request.run(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_follow_the_convention() {
        let entries = catalogue();
        let mut tools: Vec<&str> = entries.iter().map(|e| e.spec.tool).collect();
        let mut clis: Vec<&str> = entries.iter().map(|e| e.spec.cli).collect();
        tools.sort_unstable();
        clis.sort_unstable();
        let n = entries.len();
        tools.dedup();
        clis.dedup();
        assert_eq!((tools.len(), clis.len()), (n, n), "a name is used twice");
        for e in &entries {
            assert!(e.spec.tool.starts_with("gt_"), "{}", e.spec.tool);
            let reads = e.spec.effect == Effect::Read;
            assert!(
                !reads || e.spec.idempotent,
                "{} reads, so it is idempotent",
                e.spec.tool
            );
            if let Some(route) = e.spec.route {
                let method = route.split(' ').next().unwrap();
                assert_eq!(method == "GET", reads, "{route}");
            }
        }
    }

    /// A face may run a call on any thread.
    #[test]
    fn a_town_can_move_between_threads() {
        fn send<T: Send>() {}
        send::<Town>();
    }

    /// The fuzz target `call_arguments` starts from these: each seed named
    /// after a tool decodes for that tool (so the corpus is valid input, and
    /// the decoders accept what clients send).
    #[test]
    fn the_fuzz_seeds_of_call_arguments_decode() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/corpus/call_arguments");
        let mut seen = 0;
        for file in std::fs::read_dir(dir).unwrap() {
            let path = file.unwrap().path();
            let tool = path.file_stem().unwrap().to_str().unwrap().to_string();
            let Some(entry) = by_tool(&tool) else {
                continue;
            };
            let json: Json = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            entry
                .decode(json)
                .unwrap_or_else(|e| panic!("{tool}: {e:?}"));
            seen += 1;
        }
        assert!(seen >= 5, "{seen} seeds");
    }

    #[test]
    fn unknown_and_mistyped_arguments_are_usage_errors() {
        let e = parse::<ShowBead>(serde_json::json!({"bead_id": "gt-1", "extra": 1})).unwrap_err();
        assert_eq!(e.code(), "usage");
        assert!(e.message.contains("extra"), "{}", e.message);
        let e = parse::<UpdateBead>(serde_json::json!({"bead_id": "gt-1", "status": "done"}))
            .unwrap_err();
        assert!(e.message.contains("done"), "{}", e.message);
        assert_eq!(parse::<ListRigs>(Json::Null).unwrap(), ListRigs {});
        assert_eq!(parse::<ShowBead>(Json::Null).unwrap_err().code(), "usage");
    }
}
