//! Task files for `sling-batch --tasks-file`: a JSON array or JSON Lines of task
//! objects. Every fault is found before anything is written, and named by line
//! (and, for JSON, column).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::error::{Error, Result};
use crate::model::Priority;

/// One task of a batch as its write reads it: a [`TaskInput`] checked, its
/// priority filled in and its blockers resolved to indices into the batch.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaskSpec {
    pub title: String,
    pub body: Option<String>,
    pub priority: Priority,
    pub labels: Vec<String>,
    /// Indices of the tasks this one waits for.
    pub depends_on: Vec<usize>,
    pub key: Option<String>,
}

/// A dependency of a task: the index of another task (from 0), or its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum TaskRef {
    Index(i64),
    Key(String),
}

/// One task of a batch: an object of a task file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    pub title: String,
    pub body: Option<String>,
    pub priority: Option<Priority>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    /// Tasks this one waits for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<TaskRef>,
    /// A name other tasks can depend on.
    pub key: Option<String>,
}

impl TaskInput {
    /// A task with only a title, as `--task TITLE` gives.
    pub fn titled(title: impl Into<String>) -> Self {
        TaskInput {
            title: title.into(),
            ..TaskInput::default()
        }
    }
}

/// A request's tasks, checked and resolved (keys to indices), with the same
/// checks and messages as a task file's.
pub fn check(tasks: &[TaskInput]) -> Result<Vec<TaskSpec>> {
    if tasks.is_empty() {
        return Err(Error::usage("tasks: there are no tasks")
            .with_hint("give at least one task with a \"title\""));
    }
    resolve("tasks", tasks.iter().map(|t| (Place::VALUE, t)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTask {
    title: Option<String>,
    body: Option<String>,
    priority: Option<String>,
    #[serde(default)]
    labels: Vec<String>,
    #[serde(default)]
    depends_on: Vec<TaskRef>,
    key: Option<String>,
}

/// Where a task stands in its file, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    line: usize,
    column: Option<usize>,
}

impl Place {
    /// A task given as a value (a tool's argument), not on a line of a file.
    const VALUE: Place = Place {
        line: 0,
        column: None,
    };

    fn describe(self, source: &str) -> String {
        if self == Place::VALUE {
            return source.to_string();
        }
        match self.column {
            Some(c) => format!("{source}: line {}, column {c}", self.line),
            None => format!("{source}: line {}", self.line),
        }
    }
}

fn fault(source: &str, place: Place, what: impl std::fmt::Display) -> Error {
    let hint = if place == Place::VALUE {
        "fix the tasks; nothing was written"
    } else {
        "fix the task file; nothing was written"
    };
    Error::usage(format!("{}: {what}", place.describe(source))).with_hint(hint)
}

/// The complaint about `value` if it holds a NUL character.
pub(crate) fn nul_free(what: &str, value: &str) -> Option<String> {
    value
        .contains('\0')
        .then(|| format!("the {what} contains a NUL character"))
}

/// Parses and checks a task file: its tasks as a request carries them, each
/// fault named by its place in the file. `source` names it in messages.
pub fn parse(source: &str, bytes: &[u8]) -> Result<Vec<TaskInput>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = good.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        fault(
            source,
            Place {
                line,
                column: Some(column),
            },
            "the file is not valid UTF-8",
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    let raw = if trimmed.starts_with('[') {
        parse_array(source, text)?
    } else {
        parse_lines(source, text)?
    };
    if raw.is_empty() {
        return Err(
            Error::usage(format!("{source}: the task file has no tasks"))
                .with_hint("give a JSON array of objects with a \"title\", or one object per line"),
        );
    }
    let places: Vec<Place> = raw.iter().map(|(place, _)| *place).collect();
    let tasks = raw
        .into_iter()
        .enumerate()
        .map(|(i, (place, value))| decode(source, place, i, value))
        .collect::<Result<Vec<_>>>()?;
    resolve(source, places.iter().copied().zip(&tasks))?;
    Ok(tasks)
}

fn parse_array(source: &str, text: &str) -> Result<Vec<(Place, Json)>> {
    let doc: Json = serde_json::from_str(text).map_err(|e| syntax(source, &e))?;
    let Json::Array(items) = doc else {
        unreachable!("text starting with '[' parses to an array or fails");
    };
    let starts = element_starts(text);
    Ok(items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let place = starts.get(i).copied().unwrap_or(Place {
                line: 1,
                column: Some(1),
            });
            (place, item)
        })
        .collect())
}

fn parse_lines(source: &str, text: &str) -> Result<Vec<(Place, Json)>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: Json = serde_json::from_str(line).map_err(|e| {
            let place = Place {
                line: i + 1,
                column: Some(e.column()),
            };
            fault(
                source,
                place,
                format!("malformed JSON: {}", strip_position(&e)),
            )
        })?;
        out.push((
            Place {
                line: i + 1,
                column: None,
            },
            value,
        ));
    }
    Ok(out)
}

fn syntax(source: &str, e: &serde_json::Error) -> Error {
    let place = Place {
        line: e.line().max(1),
        column: Some(e.column().max(1)),
    };
    fault(
        source,
        place,
        format!("malformed JSON: {}", strip_position(e)),
    )
}

/// serde_json appends " at line L column C"; the message says that itself.
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Where each element of a (valid) top-level JSON array starts.
fn element_starts(text: &str) -> Vec<Place> {
    let mut starts = Vec::new();
    let (mut depth, mut in_string, mut escaped, mut expecting) = (0usize, false, false, false);
    let (mut line, mut column) = (1usize, 0usize);
    for ch in text.chars() {
        if ch == '\n' {
            line += 1;
            column = 0;
        } else {
            column += 1;
        }
        if in_string {
            match (escaped, ch) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        let here = Place {
            line,
            column: Some(column),
        };
        match ch {
            c if c.is_whitespace() => continue,
            ',' if depth == 1 => expecting = true,
            ']' | '}' => depth -= 1,
            _ => {
                if depth == 1 && expecting {
                    starts.push(here);
                    expecting = false;
                }
                match ch {
                    '"' => in_string = true,
                    '[' | '{' => {
                        depth += 1;
                        if depth == 1 {
                            expecting = true;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    starts
}

/// A task of a file as a request carries it: an object with a title and
/// a priority gt knows.
fn decode(source: &str, place: Place, i: usize, value: Json) -> Result<TaskInput> {
    if !value.is_object() {
        return Err(fault(
            source,
            place,
            format!("task {i} is not a JSON object"),
        ));
    }
    let task: RawTask = serde_json::from_value(value)
        .map_err(|e| fault(source, place, format!("task {i}: {e}")))?;
    let Some(title) = task.title else {
        return Err(fault(source, place, format!("task {i} has no title")));
    };
    let priority = task
        .priority
        .map(|p| p.parse())
        .transpose()
        .map_err(|e: Error| fault(source, place, format!("task {i}: {}", e.message)))?;
    Ok(TaskInput {
        title,
        body: task.body,
        priority,
        labels: task.labels,
        depends_on: task.depends_on,
        key: task.key,
    })
}

/// Tasks checked and their dependencies resolved to indices; each fault is
/// named by its task's place.
fn resolve<'a>(
    source: &str,
    tasks: impl IntoIterator<Item = (Place, &'a TaskInput)>,
) -> Result<Vec<TaskSpec>> {
    let (places, parsed): (Vec<Place>, Vec<&TaskInput>) = tasks.into_iter().unzip();
    let mut keys: HashMap<&str, usize> = HashMap::new();
    for (i, task) in parsed.iter().enumerate() {
        if let Some(key) = &task.key {
            if let Some(first) = keys.insert(key, i) {
                return Err(fault(
                    source,
                    places[i],
                    format!("task {i} repeats the key '{key}' of task {first}"),
                ));
            }
        }
    }
    let n = parsed.len();
    let mut tasks = Vec::with_capacity(n);
    for (i, task) in parsed.into_iter().enumerate() {
        let place = places[i];
        if task.title.trim().is_empty() {
            return Err(fault(source, place, format!("task {i} has an empty title")));
        }
        let texts = std::iter::once(("title", &task.title))
            .chain(task.body.iter().map(|b| ("body", b)))
            .chain(task.labels.iter().map(|l| ("label", l)))
            .chain(task.key.iter().map(|k| ("key", k)));
        for (what, value) in texts {
            if let Some(why) = nul_free(what, value) {
                return Err(fault(source, place, format!("task {i}: {why}")));
            }
        }
        let mut depends_on = Vec::with_capacity(task.depends_on.len());
        for dep in &task.depends_on {
            let target = match dep {
                &TaskRef::Index(j) if j >= 0 && (j as usize) < n => j as usize,
                TaskRef::Index(j) => {
                    return Err(fault(
                        source,
                        place,
                        format!(
                            "task {i} depends on index {j}, but tasks run from 0 to {}",
                            n - 1
                        ),
                    ))
                }
                TaskRef::Key(k) => *keys.get(k.as_str()).ok_or_else(|| {
                    fault(
                        source,
                        place,
                        format!("task {i} depends on the unknown key '{k}'"),
                    )
                })?,
            };
            if target == i {
                return Err(fault(source, place, format!("task {i} depends on itself")));
            }
            if !depends_on.contains(&target) {
                depends_on.push(target);
            }
        }
        tasks.push(TaskSpec {
            title: task.title.clone(),
            body: task.body.clone(),
            priority: task.priority.unwrap_or_default(),
            labels: task.labels.clone(),
            depends_on,
            key: task.key.clone(),
        });
    }
    if let Some(cycle) = find_cycle(&tasks) {
        let path: Vec<String> = cycle.iter().map(|i| format!("task {i}")).collect();
        return Err(fault(
            source,
            places[cycle[0]],
            format!("the dependencies form a cycle: {}", path.join(" -> ")),
        ));
    }
    Ok(tasks)
}

/// A dependency cycle among `tasks`, as a path that returns to its start.
pub fn find_cycle(tasks: &[TaskSpec]) -> Option<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let mut marks = vec![Mark::New; tasks.len()];
    for root in 0..tasks.len() {
        if marks[root] != Mark::New {
            continue;
        }
        // Iterative depth-first search; `stack` holds (task, next edge to follow).
        let mut stack = vec![(root, 0usize)];
        marks[root] = Mark::Active;
        while let Some(&mut (node, ref mut edge)) = stack.last_mut() {
            if let Some(&next) = tasks[node].depends_on.get(*edge) {
                *edge += 1;
                match marks[next] {
                    Mark::New => {
                        marks[next] = Mark::Active;
                        stack.push((next, 0));
                    }
                    Mark::Active => {
                        let start = stack.iter().position(|&(n, _)| n == next).unwrap_or(0);
                        let mut path: Vec<usize> = stack[start..].iter().map(|&(n, _)| n).collect();
                        path.push(next);
                        return Some(path);
                    }
                    Mark::Done => {}
                }
            } else {
                marks[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    /// The fuzz target `task_file` starts from these: the `valid-` seeds parse
    /// and the `invalid-` ones are refused, so the corpus means what it says.
    #[test]
    fn the_fuzz_seeds_of_task_files_mean_what_they_say() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/corpus/task_file");
        let mut seen = (0, 0);
        for file in std::fs::read_dir(dir).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let parsed = super::parse(&name, &std::fs::read(&path).unwrap());
            if name.starts_with("valid-") {
                parsed.unwrap_or_else(|e| panic!("{name}: {e:?}"));
                seen.0 += 1;
            } else {
                assert_eq!(parsed.unwrap_err().code(), "usage", "{name}");
                seen.1 += 1;
            }
        }
        assert!(seen.0 >= 3 && seen.1 >= 2, "{seen:?}");
    }

    use super::*;

    /// A file's tasks, resolved as a batch resolves them.
    fn specs(source: &str, bytes: &[u8]) -> Result<Vec<TaskSpec>> {
        check(&parse(source, bytes)?)
    }

    fn err(text: &str) -> String {
        parse("t.json", text.as_bytes()).unwrap_err().message
    }

    #[test]
    fn arrays_and_lines_parse_with_keys_and_indices() {
        let array = r#"[
            {"title": "A", "key": "a"},
            {"title": "B", "depends_on": ["a"], "priority": "high"},
            {"title": "C", "depends_on": [0, 1], "labels": ["x"], "body": "do it"}
        ]"#;
        let tasks = specs("t.json", array.as_bytes()).unwrap();
        assert_eq!(tasks.len(), 3);
        assert_eq!(tasks[1].depends_on, vec![0]);
        assert_eq!(tasks[1].priority, Priority::High);
        assert_eq!(tasks[2].depends_on, vec![0, 1]);
        let lines = "{\"title\": \"A\"}\n\n{\"title\": \"B\", \"depends_on\": [0]}\n";
        let tasks = specs("t.jsonl", lines.as_bytes()).unwrap();
        assert_eq!(tasks[1].depends_on, vec![0]);
    }

    #[test]
    fn every_fault_names_its_line() {
        let cases = [
            ("[\n{\"title\": \"A\", \"depends_on\": [1]},\n{\"title\": \"B\", \"depends_on\": [0]}\n]", "line 2", "cycle"),
            ("[\n{\"title\": \"A\"},\n  {\"title\": \"B\", \"depends_on\": [1]}\n]", "line 3, column 3", "itself"),
            ("[\n{\"title\": \"A\", \"depends_on\": [7]}\n]", "line 2", "index 7"),
            ("[\n{\"title\": \"A\", \"depends_on\": [\"nope\"]}\n]", "line 2", "unknown key 'nope'"),
            ("[\n{\"title\": \"A\"},\n{\"body\": \"no title\"}\n]", "line 3", "no title"),
            ("[\n{\"title\": \"A\"},\n{\"title\": \"B\",,}\n]", "line 3, column", "malformed JSON"),
            ("{\"title\": \"A\"}\n{\"title\": }\n", "line 2, column", "malformed JSON"),
            ("{\"title\": \"A\"}\n{\"title\": \"B\", \"depends_on\": [\"x\"]}\n", "line 2", "unknown key"),
            ("[{\"title\": \"A\", \"titel\": \"typo\"}]", "line 1", "unknown field"),
            ("[{\"title\": \"A\", \"priority\": \"urgent\"}]", "line 1", "invalid priority"),
            ("[{\"title\": \"   \"}]", "line 1", "empty title"),
            ("[\"just a string\"]", "line 1", "not a JSON object"),
            ("[]", "t.json", "no tasks"),
        ];
        for (text, place, what) in cases {
            let message = err(text);
            assert!(message.contains(place), "{text:?}: {message}");
            assert!(message.contains(what), "{text:?}: {message}");
        }
    }

    #[test]
    fn invalid_utf8_is_a_usage_error_with_its_line() {
        let bytes = b"{\"title\": \"A\"}\n{\"title\": \"\xff\"}\n";
        let e = parse("t.jsonl", bytes).unwrap_err();
        assert_eq!(e.code(), "usage");
        assert!(e.message.contains("line 2"), "{}", e.message);
    }

    #[test]
    fn element_starts_skip_nested_values_and_strings() {
        let text = "[{\"a\": [1, {\"b\": \"],{\"}]},\n 2, \"x,y\"]";
        let starts = element_starts(text);
        assert_eq!(starts.len(), 3);
        assert_eq!(
            starts[1],
            Place {
                line: 2,
                column: Some(2)
            }
        );
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: std::env::var("GT_FUZZ_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2000),
            .. ProptestConfig::default()
        })]

        /// Fuzzing stand-in: arbitrary bytes never panic the parser, and every
        /// refusal is a usage error that names a place.
        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            if let Err(e) = parse("f", &bytes) {
                prop_assert_eq!(e.code(), "usage");
                prop_assert!(e.message.starts_with("f"));
            }
        }

        /// JSON-shaped input (the interesting part of the space) never panics,
        /// and whatever parses is a valid batch.
        #[test]
        fn json_shaped_input_never_panics(
            items in prop::collection::vec(
                (prop::option::of("[a-z ]{0,8}"), prop::collection::vec(prop_oneof![(-3i64..8).prop_map(|i| i.to_string()), "\"[a-c]\"".prop_map(String::from)], 0..3), prop::option::of("[a-c]"), any::<bool>()),
                0..8),
            lines in any::<bool>(),
        ) {
            let objects: Vec<String> = items.iter().map(|(title, deps, key, junk)| {
                let mut fields = Vec::new();
                if let Some(t) = title { fields.push(format!("\"title\": \"{t}\"")); }
                if !deps.is_empty() { fields.push(format!("\"depends_on\": [{}]", deps.join(", "))); }
                if let Some(k) = key { fields.push(format!("\"key\": \"{k}\"")); }
                if *junk { fields.push("\"priority\": \"urgent\"".into()); }
                format!("{{{}}}", fields.join(", "))
            }).collect();
            let text = if lines { objects.join("\n") } else { format!("[{}]", objects.join(",\n")) };
            match specs("f", text.as_bytes()) {
                Ok(tasks) => {
                    prop_assert!(find_cycle(&tasks).is_none());
                    for (i, t) in tasks.iter().enumerate() {
                        prop_assert!(!t.title.trim().is_empty());
                        prop_assert!(t.depends_on.iter().all(|&d| d < tasks.len() && d != i));
                    }
                }
                Err(e) => {
                    prop_assert_eq!(e.code(), "usage");
                    prop_assert!(e.message.contains("line") || e.message.contains("no tasks"), "{}", e.message);
                }
            }
        }
    }

    #[test]
    fn cycles_are_found_with_their_path() {
        let mut tasks: Vec<TaskSpec> = (0..4)
            .map(|i| TaskSpec {
                title: format!("t{i}"),
                ..TaskSpec::default()
            })
            .collect();
        tasks[1].depends_on = vec![0];
        tasks[2].depends_on = vec![1, 3];
        assert_eq!(find_cycle(&tasks), None);
        tasks[3].depends_on = vec![2];
        let cycle = find_cycle(&tasks).unwrap();
        assert_eq!(cycle.first(), cycle.last());
        assert!(cycle.contains(&2) && cycle.contains(&3));
    }
}
