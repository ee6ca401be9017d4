//! The call catalogue: every operation of gt as a self-contained typed request
//! (IDs inside it, unknown fields refused) with a typed result. Each call
//! ([`Call`]: its request, its spec naming its command line path, MCP tool
//! and HTTP route, and how it runs) lives beside its operation in `ops`;
//! this module lists them, once each, and runs them for the faces that pick
//! calls by name. The faces only translate: the command line builds requests
//! from its arguments, the MCP server and the HTTP API deserialize them from
//! JSON, and all three print the same result documents, because they are the
//! same values.
//!
//! With the `schema` feature each request and result has a JSON Schema
//! (`schemars`), which the MCP server declares as its tools' schemas.

use serde_json::{Map, Value as Json};

pub use crate::call::{Call, CallSpec, Effect};
use crate::error::{Error, Result};
pub use crate::ops::agent::{DeleteAgent, Heartbeat, ResetAgent, ShowAgent, ShowHook, UpdateAgent};
pub use crate::ops::bead::{CreateBead, DeleteBead, ReassignBead, ShowBead, UpdateBead};
pub use crate::ops::convoy::{
    AddConvoyBeads, CloseConvoy, DeleteConvoy, RemoveConvoyBeads, ReopenConvoy, ShowConvoy,
    UpdateConvoy,
};
pub use crate::ops::doctor::Doctor;
pub use crate::ops::escalation::{
    AckEscalation, ListEscalations, RaiseEscalation, ResolveEscalation,
};
pub use crate::ops::host::ListHosts;
pub use crate::ops::mail::{ListMail, ReadMail, SendMail};
pub use crate::ops::overview::TownStatus;
pub use crate::ops::patrol::Patrol;
pub use crate::ops::rig::{AddRig, ListRigs};
pub use crate::ops::run::AgentLogs;
pub use crate::ops::sling::{Sling, SlingBatch};
pub use crate::query::{ListAgents, ListBeads, ListConvoys, ListEvents};
pub use crate::tasks::{TaskInput, TaskRef};
use crate::town::Town;

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
    /// What the call does, in a line, in the words of `names`' face.
    pub fn summary(&self, names: &dyn crate::error::Names) -> String {
        let text = crate::doc::summary(self.spec.doc);
        crate::doc::render(text, Some(self.spec.cli), names)
    }

    /// What else its doc says, in the words of `names`' face.
    pub fn details(&self, names: &dyn crate::error::Names) -> Option<String> {
        let text = crate::doc::details(self.spec.doc)?;
        Some(crate::doc::render(text, Some(self.spec.cli), names))
    }

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
    fn call(&self, call: &str, args: &[(&str, String)]) -> String {
        let tool = tool_of(call);
        format!("{tool} {}", crate::error::arguments_json(args))
    }

    fn doc_call(&self, call: &str, args: &[(&str, String)]) -> String {
        match args {
            [] => format!("`{}`", tool_of(call)),
            args => format!("`{}`", self.call(call, args)),
        }
    }

    fn field(&self, _call: &str, field: &str) -> Vec<String> {
        vec![field.to_string()]
    }
}

/// The tool of the call at `path` (the path itself where there is none).
fn tool_of(path: &str) -> String {
    catalogue()
        .into_iter()
        .find(|e| e.spec.cli == path)
        .map_or(path.to_string(), |e| e.spec.tool.to_string())
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

/// Every call, in the order the faces list them.
pub fn catalogue() -> Vec<Entry> {
    vec![
        entry::<TownStatus>(),
        entry::<ListRigs>(),
        entry::<AddRig>(),
        entry::<Sling>(),
        entry::<SlingBatch>(),
        entry::<ListConvoys>(),
        entry::<ShowConvoy>(),
        entry::<CloseConvoy>(),
        entry::<ReopenConvoy>(),
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
        entry::<ListHosts>(),
        entry::<Heartbeat>(),
        entry::<ShowHook>(),
        entry::<ListEscalations>(),
        entry::<RaiseEscalation>(),
        entry::<AckEscalation>(),
        entry::<ResolveEscalation>(),
        entry::<SendMail>(),
        entry::<ListMail>(),
        entry::<ReadMail>(),
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
