//! The remote backend: an rqlite cluster over its HTTP API. rqlite has no
//! interactive transactions, so a write unit's reads go out at `level=strong`
//! and its batch as one `/db/execute?transaction` request whose guards fail it
//! as a whole if what the unit read has changed. No BEGIN or COMMIT is ever sent.
//!
//! A batch whose request was sent but whose answer was lost (a leader dying
//! mid-request) is resolved rather than guessed at: every batch ends by writing
//! a fresh token, and once the cluster answers a strong read again, the token is
//! there exactly when the batch was applied.

use std::time::{Duration, Instant};

use serde_json::{json, Value as Json};

use super::location::{self, redact};
use super::{Backend, Reader, Row, Stmt, StoreError, Value};
use crate::error::Error;

/// How long one HTTP request may take before the node is treated as unreachable.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);
/// How long to connect to a node.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);
/// How many leader redirects one request follows.
const MAX_REDIRECTS: u32 = 5;
/// How long to wait to learn whether a write whose answer was lost was applied.
const RESOLVE_WAIT: Duration = Duration::from_secs(30);
/// Tokens older than this are pruned by later batches.
const TOKEN_TTL: Duration = Duration::from_secs(24 * 3600);

/// Whether a batch's token was recorded (its batch applied).
pub(crate) const TOKEN_APPLIED_SQL: &str = "SELECT count(*) FROM unit_tokens WHERE token = ?1";
/// Forgets tokens older than [`TOKEN_TTL`], at the end of every batch.
pub(crate) const TOKENS_EXPIRE_SQL: &str = "DELETE FROM unit_tokens WHERE created_at < ?1";
/// Records a batch's token, last in the batch.
pub(crate) const TOKEN_RECORD_SQL: &str =
    "INSERT INTO unit_tokens (token, created_at) VALUES (?1, ?2)";

/// A town in an rqlite cluster.
pub struct Rqlite {
    agent: ureq::Agent,
    /// Base URLs (`http://host:port`) of the nodes the user named.
    nodes: Vec<String>,
    /// The node that answered last; tried first.
    current: usize,
    /// Where the town is, for messages: the location as given, its password
    /// masked.
    location: String,
    /// `Basic …` for every request, when the cluster wants a user.
    authorization: Option<String>,
    /// How long to wait for a reachable node with a leader (the lock timeout).
    wait: Duration,
    in_write: bool,
}

/// Why one request failed.
enum Failure {
    // `Retry` means nothing reached the cluster (no connection was made), so the
    // request may go to another node; `Ambiguous` means it may have been applied.
    /// The node pointed at the leader: ask there, if [`redirect_target`]
    /// allows it (the answer's `Location`).
    Redirect(String),
    /// Nothing was sent, or the node cannot serve now: try again, elsewhere.
    Retry(String),
    /// The request may have been applied, but no answer came back.
    Ambiguous(String),
    /// Trying again will not help.
    Fatal(StoreError),
}

/// A user of an rqlite cluster that has basic authentication on. The password
/// is never shown: `Debug` masks it.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Credentials {{ user: {:?}, password: \"***\" }}",
            self.user
        )
    }
}

impl Credentials {
    /// The `Authorization` header's value (`Basic …`).
    pub fn authorization(&self) -> String {
        format!(
            "Basic {}",
            base64(format!("{}:{}", self.user, self.password).as_bytes())
        )
    }
}

/// Standard base64 with padding (RFC 4648), for the `Authorization` header.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The credentials a location names, if any.
pub fn credentials_in(location: &str) -> Option<Credentials> {
    parse_nodes(location).ok().and_then(|(_, c)| c)
}

/// Parses `http://h:p`, `https://h:p`, `rqlite://h:p`, with several comma-separated
/// nodes allowed (`http://h1:p1,h2:p2`), into base URLs. A `user:password@`
/// right after the scheme gives the credentials of every node; it is taken off
/// (up to the last `@`) before the nodes are split, so a password may hold
/// commas, colons and `@`, and is percent-decoded (`%2C` for a comma).
pub fn parse_location(location: &str) -> Result<Vec<String>, StoreError> {
    parse_nodes(location).map(|(nodes, _)| nodes)
}

fn parse_nodes(location: &str) -> Result<(Vec<String>, Option<Credentials>), StoreError> {
    let bad = |why: &str| StoreError::Unavailable {
        message: format!("invalid rqlite address '{}': {why}", redact(location)),
        hint: Some(
            "use http://HOST:PORT, or several as http://HOST1:PORT1,HOST2:PORT2, \
             with USER:PASSWORD@ after the scheme if the cluster wants them"
                .into(),
        ),
    };
    let url = location::split(location).ok_or_else(|| bad("no scheme"))?;
    let scheme = match url.scheme.to_ascii_lowercase().as_str() {
        "http" | "rqlite" => "http",
        "https" => "https",
        _ => return Err(bad("the scheme must be http, https or rqlite")),
    };
    let credentials = match url.user_and_password() {
        Some((user, password)) => {
            let decode = |text: &str| {
                location::percent_decode(text)
                    .ok_or_else(|| bad("the user or password is not UTF-8 once decoded"))
            };
            Some(Credentials {
                user: decode(user)?,
                password: decode(password.unwrap_or(""))?,
            })
        }
        None => None,
    };
    let rest = url.rest.trim_end_matches('/');
    let mut nodes = Vec::new();
    for host in rest.split(',') {
        let host = host.trim();
        if host.is_empty() || host.contains('/') || host.contains(char::is_whitespace) {
            return Err(bad("each node must be HOST:PORT"));
        }
        nodes.push(format!("{scheme}://{host}"));
    }
    Ok((nodes, credentials))
}

impl Rqlite {
    /// Opens the cluster at `location`. Credentials in it win over
    /// `credentials` (from the config file or the environment).
    pub fn open(
        location: &str,
        credentials: Option<&Credentials>,
        wait: Duration,
    ) -> Result<Self, StoreError> {
        let (nodes, given) = parse_nodes(location)?;
        let authorization = given
            .as_ref()
            .or(credentials)
            .map(Credentials::authorization);
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .timeout_global(Some(REQUEST_TIMEOUT))
            .build();
        Ok(Rqlite {
            agent: config.into(),
            nodes,
            current: 0,
            location: redact(location),
            authorization,
            wait,
            in_write: false,
        })
    }

    /// One POST to one node.
    fn post_once(&self, base: &str, path: &str, body: &Json) -> Result<Json, Failure> {
        let url = format!("{base}{path}");
        let mut request = self
            .agent
            .post(&url)
            .header("Content-Type", "application/json");
        if let Some(auth) = &self.authorization {
            request = request.header("Authorization", auth);
        }
        let response = match request.send(body.to_string()) {
            Ok(r) => r,
            Err(e) => return Err(classify(&url, e)),
        };
        let status = response.status().as_u16();
        let is_rqlite = response.headers().contains_key("x-rqlite-version");
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let mut response = response;
        let text = response
            .body_mut()
            .with_config()
            .limit(1 << 30)
            .read_to_string()
            .map_err(|e| Failure::Ambiguous(format!("{url}: the answer was cut short: {e}")))?;
        if !is_rqlite {
            return Err(Failure::Fatal(StoreError::Unavailable {
                message: format!("{base} answered, but it is not an rqlite server"),
                hint: Some(
                    "point {db} at an rqlite node's HTTP address (rqlited -http-addr)".into(),
                ),
            }));
        }
        let transient = || {
            Failure::Ambiguous(format!(
                "{base} could not reach the leader: {}",
                text.trim()
            ))
        };
        match status {
            200 => {
                let answer: Json = serde_json::from_str(&text).map_err(|e| {
                    Failure::Fatal(StoreError::Backend(format!(
                        "{url}: unreadable answer: {e}"
                    )))
                })?;
                // A follower that cannot forward to a lost leader says so here.
                match answer.get("error").and_then(Json::as_str) {
                    Some(error) if is_transient(error) => Err(transient()),
                    _ => Ok(answer),
                }
            }
            301 | 302 | 307 | 308 => match location {
                Some(leader) if base_of(&leader).is_some() => Err(Failure::Redirect(leader)),
                _ => Err(Failure::Retry(format!("{base} redirected gt nowhere"))),
            },
            401 | 403 => Err(Failure::Fatal(StoreError::Unavailable {
                message: format!("{base} refused gt: not authorized ({status})"),
                hint: Some(
                    "give the cluster's user and password: GT_DB_USER and GT_DB_PASSWORD, \
                     or user and password under [rqlite] in the config file"
                        .into(),
                ),
            })),
            // A node without a leader, or one that lost leadership while the
            // request was being committed: a write may or may not have been
            // applied, so it is resolved, never guessed at; a read just retries.
            503 => Err(Failure::Ambiguous(format!(
                "{base} has no leader right now: {}",
                text.trim()
            ))),
            500 if is_transient(&text) => Err(transient()),
            _ => Err(Failure::Fatal(StoreError::Backend(format!(
                "{url} answered {status}: {}",
                text.trim()
            )))),
        }
    }

    /// POSTs to the cluster, moving between nodes and waiting (up to the lock
    /// timeout) while none can serve. A request that may have been applied
    /// without an answer is repeated only when `idempotent`; otherwise the
    /// ambiguity goes back to the caller to resolve.
    fn post(&mut self, path: &str, body: &Json, idempotent: bool) -> Result<Json, Failure> {
        let deadline = Instant::now() + self.wait;
        let mut last = String::new();
        let mut round = 0u32;
        let mut redirects = 0;
        'rounds: loop {
            for step in 0..self.nodes.len() {
                let i = (self.current + step) % self.nodes.len();
                let base = self.nodes[i].clone();
                match self.post_once(&base, path, body) {
                    Ok(v) => {
                        self.current = i;
                        return Ok(v);
                    }
                    Err(Failure::Retry(why)) => last = why,
                    Err(Failure::Ambiguous(why)) if idempotent => last = why,
                    Err(Failure::Redirect(target)) => {
                        // Follow it now, to a node of the cluster only:
                        // remember the leader and start there.
                        let credentials = self.authorization.is_some();
                        match redirect_target(&self.nodes, &base, &target, credentials) {
                            Ok(j) => self.current = j,
                            Err(refused) => {
                                self.current = i;
                                return Err(Failure::Fatal(refused));
                            }
                        }
                        last = format!("{base} redirected to {}", self.nodes[self.current]);
                        redirects += 1;
                        if redirects <= MAX_REDIRECTS {
                            continue 'rounds;
                        }
                    }
                    Err(other) => {
                        self.current = i;
                        return Err(other);
                    }
                }
            }
            if Instant::now() >= deadline {
                return Err(Failure::Fatal(StoreError::Unavailable {
                    message: format!(
                        "cannot reach a leader of the rqlite cluster at {} (waited {}): {last}",
                        self.location,
                        humantime::format_duration(self.wait)
                    ),
                    hint: Some(
                        "check that rqlited is running and has a leader, or raise {lock_timeout}"
                            .into(),
                    ),
                }));
            }
            round += 1;
            let nap = Duration::from_millis((50 * u64::from(round)).min(500));
            std::thread::sleep(nap.min(deadline.saturating_duration_since(Instant::now())));
        }
    }

    fn read(&mut self, sql: &str, params: &[Value], level: &str) -> Result<Vec<Row>, StoreError> {
        let body = Json::Array(vec![statement(sql, params)]);
        let path = format!("/db/query?level={level}");
        let answer = match self.post(&path, &body, true) {
            Ok(v) => v,
            Err(Failure::Ambiguous(why) | Failure::Retry(why) | Failure::Redirect(why)) => {
                return Err(StoreError::Backend(why))
            }
            Err(Failure::Fatal(e)) => return Err(e),
        };
        let result = first_result(&answer)?;
        if let Some(error) = result.get("error").and_then(Json::as_str) {
            return Err(StoreError::Backend(error.to_string()));
        }
        let rows = result.get("values").and_then(Json::as_array);
        Ok(rows
            .map(|rows| {
                rows.iter()
                    .map(|row| {
                        Row(row
                            .as_array()
                            .map(|cells| cells.iter().map(from_json).collect())
                            .unwrap_or_default())
                    })
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Whether the batch that wrote `token` was applied, asked once the cluster
    /// serves strong reads again (which orders the question after every entry
    /// the leader will ever commit from before).
    fn was_applied(&mut self, token: &str) -> Result<bool, StoreError> {
        match self.read(TOKEN_APPLIED_SQL, &[token.into()], "strong") {
            Ok(rows) => Ok(rows.first().map(|r| r.int(0)).transpose()?.unwrap_or(0) > 0),
            // The batch that would have created the table did not happen either.
            Err(StoreError::Backend(msg)) if msg.contains("no such table") => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// `scheme://host:port` of a URL such as a redirect's `Location`, its
/// userinfo (if any) left out.
fn base_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

/// The scheme (lower case), host (lower case) and port of a base URL, the
/// port defaulted by the scheme; `None` unless it is http or https.
fn endpoint(base: &str) -> Option<(String, String, u16)> {
    let (scheme, host) = base.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    let (host, port) = match host.strip_prefix('[') {
        // [v6]:port
        Some(v6) => {
            let (addr, after) = v6.split_once(']')?;
            let port = match after.strip_prefix(':') {
                Some(p) => p.parse().ok()?,
                None if after.is_empty() => default,
                None => return None,
            };
            (format!("[{addr}]"), port)
        }
        None => match host.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), p.parse().ok()?),
            None => (host.to_string(), default),
        },
    };
    (!host.is_empty()).then(|| (scheme, host.to_ascii_lowercase(), port))
}

/// Whether a redirect from node `from` to `target` (its `Location`) may be
/// followed, and to which of `nodes` (the cluster as the location names it):
/// only to a node of that cluster, by host and port, so that the credentials
/// never go to a host the user did not name; and never from https to http
/// while credentials go with every request. The node is then asked at its
/// configured address. A refusal is `unavailable`, naming the target.
fn redirect_target(
    nodes: &[String],
    from: &str,
    target: &str,
    credentials: bool,
) -> Result<usize, StoreError> {
    let shown = redact(&base_of(target).unwrap_or_else(|| target.to_string()));
    let to = base_of(target).as_deref().and_then(endpoint);
    let found = to.as_ref().and_then(|(_, host, port)| {
        nodes
            .iter()
            .position(|node| endpoint(node).is_some_and(|(_, h, p)| (&h, p) == (host, *port)))
    });
    let Some(j) = found else {
        return Err(StoreError::Unavailable {
            message: format!(
                "{from} redirected gt to {shown}, which is not a node of the cluster the town's \
                 location names; gt does not follow it"
            ),
            hint: Some(
                "name every node in {db} as the cluster advertises it \
                 (http://HOST1:PORT1,HOST2:PORT2; rqlited -http-adv-addr)"
                    .into(),
            ),
        });
    };
    let downgrade = from.to_ascii_lowercase().starts_with("https://")
        && to.is_some_and(|(scheme, _, _)| scheme == "http");
    if downgrade && credentials {
        return Err(StoreError::Unavailable {
            message: format!(
                "{from} redirected gt from https to {shown}; gt does not send the cluster's \
                 password over plain http"
            ),
            hint: Some(
                "serve every node over https (rqlited -http-cert and -http-key), \
                 so that the leader is advertised with https"
                    .into(),
            ),
        });
    }
    Ok(j)
}

fn statement(sql: &str, params: &[Value]) -> Json {
    let mut parts = Vec::with_capacity(params.len() + 1);
    parts.push(Json::String(sql.to_string()));
    parts.extend(params.iter().map(to_json));
    Json::Array(parts)
}

fn to_json(v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Integer(n) => json!(n),
        Value::Real(f) => json!(f),
        Value::Text(s) => Json::String(s.clone()),
    }
}

fn from_json(v: &Json) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}

fn first_result(answer: &Json) -> Result<&Json, StoreError> {
    if let Some(error) = answer.get("error").and_then(Json::as_str) {
        return Err(StoreError::Backend(error.to_string()));
    }
    answer
        .get("results")
        .and_then(Json::as_array)
        .and_then(|r| r.first())
        .ok_or_else(|| StoreError::Backend(format!("rqlite answered without results: {answer}")))
}

/// Sorts a transport failure: did the request possibly reach the server?
fn classify(url: &str, e: ureq::Error) -> Failure {
    use ureq::Error as E;
    match e {
        E::ConnectionFailed | E::HostNotFound => Failure::Retry(format!("{url}: cannot connect")),
        E::Io(io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::AddrNotAvailable
            ) =>
        {
            Failure::Retry(format!("{url}: {io}"))
        }
        E::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => {
            Failure::Retry(format!("{url}: timed out connecting"))
        }
        E::BadUri(why) => Failure::Fatal(StoreError::Unavailable {
            message: format!("invalid rqlite address {url}: {why}"),
            hint: None,
        }),
        other => Failure::Ambiguous(format!("{url}: {other}")),
    }
}

/// Whether an error from rqlite is about the cluster (no leader, a leader that
/// cannot be reached) rather than about the request.
fn is_transient(message: &str) -> bool {
    const SIGNS: [&str; 9] = [
        "leadership lost",
        "not leader",
        "no leader",
        "remote node",
        "connection refused",
        "broken pipe",
        "i/o timeout",
        "EOF",
        "context deadline exceeded",
    ];
    SIGNS.iter().any(|s| message.contains(s))
}

/// What a failed statement of a batch means: a guard, or a race on a unique key
/// (another writer got there first), is stale; anything else is an error.
fn statement_error(message: &str) -> StoreError {
    let raced = message.contains("stale_read")
        || message.contains("UNIQUE constraint failed")
        || message.contains("already exists")
        || message.contains("FOREIGN KEY constraint failed");
    if raced {
        StoreError::Stale(message.to_string())
    } else {
        StoreError::Backend(message.to_string())
    }
}

fn new_token() -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..20)
        .map(|_| ALPHABET[fastrand::usize(..ALPHABET.len())] as char)
        .collect()
}

impl Reader for Rqlite {
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError> {
        // Reads that decide a write go through the Raft log; others read the
        // leader's copy, which has applied every acknowledged write.
        let level = if self.in_write { "strong" } else { "weak" };
        self.read(sql, params, level)
    }
}

impl Backend for Rqlite {
    fn kind(&self) -> &'static str {
        "rqlite"
    }

    fn location(&self) -> &str {
        &self.location
    }

    fn begin_write(&mut self) -> Result<(), StoreError> {
        self.in_write = true;
        Ok(())
    }

    fn commit(&mut self, batch: &[Stmt]) -> Result<(), StoreError> {
        self.in_write = false;
        if batch.is_empty() {
            return Ok(());
        }
        let token = new_token();
        let now = crate::clock::now();
        let expired = crate::clock::format(std::time::SystemTime::now() - TOKEN_TTL);
        let mut statements: Vec<Json> =
            batch.iter().map(|s| statement(&s.sql, &s.params)).collect();
        // Last, so that a batch that creates the table (the first migration) can
        // record its token too.
        statements.push(statement(TOKENS_EXPIRE_SQL, &[expired.into()]));
        statements.push(statement(
            TOKEN_RECORD_SQL,
            &[token.as_str().into(), now.into()],
        ));
        let answer = match self.post("/db/execute?transaction", &Json::Array(statements), false) {
            Ok(answer) => answer,
            Err(Failure::Ambiguous(why)) => {
                // Knowing the outcome matters more than answering fast: a
                // failure reported for a write that later turns out applied
                // would be a lie, so this waits past the lock timeout.
                let wait = self.wait;
                self.wait = wait.max(RESOLVE_WAIT);
                let applied = self.was_applied(&token);
                self.wait = wait;
                let applied = applied.map_err(|e| StoreError::Unavailable {
                    message: format!(
                        "the rqlite cluster at {} lost its answer to a write, and its outcome is unknown: {}",
                        self.location,
                        Error::from(e).message
                    ),
                    hint: Some("check with {call:events} whether the change was made before retrying".into()),
                })?;
                return if applied {
                    Ok(())
                } else {
                    Err(StoreError::Stale(format!(
                        "an interrupted write was not applied ({why})"
                    )))
                };
            }
            Err(Failure::Retry(why) | Failure::Redirect(why)) => {
                return Err(StoreError::Backend(why))
            }
            Err(Failure::Fatal(e)) => return Err(e),
        };
        if let Some(error) = answer.get("error").and_then(Json::as_str) {
            return Err(statement_error(error));
        }
        let results = answer
            .get("results")
            .and_then(Json::as_array)
            .ok_or_else(|| {
                StoreError::Backend(format!("rqlite answered without results: {answer}"))
            })?;
        for result in results {
            if let Some(error) = result.get("error").and_then(Json::as_str) {
                return Err(statement_error(error));
            }
        }
        Ok(())
    }

    fn rollback(&mut self) {
        self.in_write = false;
    }

    fn begin_read(&mut self) -> Result<(), StoreError> {
        Ok(())
    }

    fn end_read(&mut self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shape of location with a password: the masked form keeps the
    /// user and never holds the password, as given or decoded, and neither
    /// does the error of opening it; the nodes and credentials parse right.
    #[test]
    fn passwords_are_masked_and_kept_out_of_node_urls() {
        struct Case {
            location: &'static str,
            masked: &'static str,
            /// What must never be shown (the password, and its decoded form).
            secrets: &'static [&'static str],
            /// `None`: the location is refused.
            nodes: Option<&'static [&'static str]>,
            credentials: Option<(&'static str, &'static str)>,
        }
        let cases = [
            Case {
                location: "http://alice:pw@h:1",
                masked: "http://alice:***@h:1",
                secrets: &["pw"],
                nodes: Some(&["http://h:1"]),
                credentials: Some(("alice", "pw")),
            },
            Case {
                location: "http://alice:pa,ssW0rd@host:4001",
                masked: "http://alice:***@host:4001",
                secrets: &["pa,ssW0rd", "ssW0rd"],
                nodes: Some(&["http://host:4001"]),
                credentials: Some(("alice", "pa,ssW0rd")),
            },
            Case {
                location: "https://alice:a,b:c@d,e@h1:1,h2:2,h3:3/",
                masked: "https://alice:***@h1:1,h2:2,h3:3/",
                secrets: &["a,b:c@d,e", "c@d"],
                nodes: Some(&["https://h1:1", "https://h2:2", "https://h3:3"]),
                credentials: Some(("alice", "a,b:c@d,e")),
            },
            Case {
                location: "http://alice:p%40ss%2Cw%3Ard@h:1",
                masked: "http://alice:***@h:1",
                secrets: &["p%40ss%2Cw%3Ard", "p@ss,w:rd"],
                nodes: Some(&["http://h:1"]),
                credentials: Some(("alice", "p@ss,w:rd")),
            },
            Case {
                location: "rqlite://al%20ice:x%2Fy/z@h:1",
                masked: "rqlite://al%20ice:***@h:1",
                secrets: &["x%2Fy/z", "x/y/z"],
                nodes: Some(&["http://h:1"]),
                credentials: Some(("al ice", "x/y/z")),
            },
            Case {
                location: "http://alice:@h:1",
                masked: "http://alice:***@h:1",
                secrets: &[],
                nodes: Some(&["http://h:1"]),
                credentials: Some(("alice", "")),
            },
            Case {
                location: "http://alice@h:1,h:2",
                masked: "http://alice@h:1,h:2",
                secrets: &[],
                nodes: Some(&["http://h:1", "http://h:2"]),
                credentials: Some(("alice", "")),
            },
            Case {
                location: "http://h1:1,h2:2",
                masked: "http://h1:1,h2:2",
                secrets: &[],
                nodes: Some(&["http://h1:1", "http://h2:2"]),
                credentials: None,
            },
            Case {
                location: "ftp://alice:pw,1@host/x",
                masked: "ftp://alice:***@host/x",
                secrets: &["pw,1"],
                nodes: None,
                credentials: None,
            },
            Case {
                location: "postgres://bob:s3cr%21t@db.example:5432/gt",
                masked: "postgres://bob:***@db.example:5432/gt",
                secrets: &["s3cr%21t", "s3cr!t"],
                nodes: None,
                credentials: None,
            },
            Case {
                location: "x y!://eve:hunter,2@@h",
                masked: "x y!://eve:***@h",
                secrets: &["hunter,2"],
                nodes: None,
                credentials: None,
            },
            Case {
                location: "http://alice:pw@h:1/db",
                masked: "http://alice:***@h:1/db",
                secrets: &["pw"],
                nodes: None,
                credentials: None,
            },
            Case {
                location: "http://alice:pw@",
                masked: "http://alice:***@",
                secrets: &["pw"],
                nodes: None,
                credentials: None,
            },
            Case {
                location: "http://alice:p%FFw@h:1",
                masked: "http://alice:***@h:1",
                secrets: &["p%FFw"],
                nodes: None,
                credentials: None,
            },
        ];
        for case in &cases {
            let location = case.location;
            let masked = redact(location);
            assert_eq!(masked, case.masked, "{location}");
            let parsed = parse_nodes(location);
            let shown = match &parsed {
                Ok(_) => String::new(),
                Err(e) => {
                    let e = Error::from(e.clone());
                    format!("{e:?} {} {:?}", e.message, e.hint)
                }
            };
            for secret in case.secrets {
                assert!(!masked.contains(secret), "{location}: {masked}");
                assert!(!shown.contains(secret), "{location}: {shown}");
            }
            match (&parsed, case.nodes) {
                (Ok((nodes, credentials)), Some(expected)) => {
                    assert_eq!(nodes, expected, "{location}");
                    let credentials = credentials
                        .as_ref()
                        .map(|c| (c.user.as_str(), c.password.as_str()));
                    assert_eq!(credentials, case.credentials, "{location}");
                    assert_eq!(credentials_in(location).is_some(), credentials.is_some());
                }
                (Err(_), None) => assert!(shown.contains(&masked), "{location}: {shown}"),
                (parsed, _) => panic!("{location}: {parsed:?}"),
            }
        }
        let creds = credentials_in("http://alice:p:w@h:1").unwrap();
        assert!(!format!("{creds:?}").contains("p:w"));
        assert_eq!(
            creds.authorization(),
            format!("Basic {}", base64(b"alice:p:w"))
        );
        let decoded = credentials_in("http://alice:p%2Cw@h:1").unwrap();
        assert_eq!(
            decoded.authorization(),
            format!("Basic {}", base64(b"alice:p,w"))
        );
        assert_eq!(base64(b"alice:pw"), "YWxpY2U6cHc=");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
    }

    /// A redirect goes to a node of the configured cluster only (by host and
    /// port), and never from https down to http with credentials.
    #[test]
    fn redirects_stay_inside_the_configured_cluster() {
        let nodes = [
            "http://10.0.0.1:4001".to_string(),
            "http://Node-2:4001".to_string(),
        ];
        let from = "http://10.0.0.1:4001";
        let follow =
            |target: &str, credentials: bool| redirect_target(&nodes, from, target, credentials);
        assert_eq!(
            follow("http://node-2:4001/db/execute?transaction", true),
            Ok(1)
        );
        assert_eq!(follow("http://10.0.0.1:4001/db/query", true), Ok(0));
        assert_eq!(follow("https://node-2:4001/db/query", true), Ok(1));
        // Another host, another port, another scheme, userinfo or not: refused,
        // named (masked), with a hint.
        for target in [
            "http://evil.example:4001/db/execute",
            "http://node-2:4002/db/execute",
            "http://10.0.0.1/db/execute",
            "ftp://node-2:4001/",
            "http://mallory:pw,x@evil.example:4001/db",
            "http://node-2:4001@evil.example:4001/db",
        ] {
            let refused = follow(target, true).unwrap_err();
            let StoreError::Unavailable { message, hint } = refused else {
                panic!("{target}: {refused:?}")
            };
            assert!(message.contains("not a node of the cluster"), "{message}");
            assert!(!message.contains("pw,x"), "{message}");
            assert!(hint.unwrap().contains("{db}"));
            assert!(follow(target, false).is_err(), "{target}");
        }
        // https to http: never with credentials; without, the node is asked at
        // its configured (https) address.
        let tls = ["https://a:4001".to_string(), "https://b:4001".to_string()];
        let refused = redirect_target(&tls, "https://a:4001", "http://b:4001/db", true);
        let Err(StoreError::Unavailable { message, hint }) = refused else {
            panic!("{refused:?}")
        };
        assert!(
            message.contains("http://b:4001") && message.contains("plain http"),
            "{message}"
        );
        assert!(hint.unwrap().contains("https"));
        assert_eq!(
            redirect_target(&tls, "https://a:4001", "http://b:4001/db", false),
            Ok(1)
        );
        assert_eq!(
            redirect_target(&tls, "https://a:4001", "https://B:4001/db", true),
            Ok(1)
        );
        // Default ports and IPv6.
        let v6 = ["http://[::1]:4001".to_string(), "https://c".to_string()];
        assert_eq!(
            redirect_target(&v6, "http://[::1]:4001", "http://[::1]:4001/x", true),
            Ok(0)
        );
        assert_eq!(
            redirect_target(&v6, "http://[::1]:4001", "https://c:443/x", true),
            Ok(1)
        );
        assert!(redirect_target(&v6, "http://[::1]:4001", "http://[::2]:4001/x", true).is_err());
    }

    #[test]
    fn locations_name_one_or_more_nodes() {
        assert_eq!(
            parse_location("http://127.0.0.1:4001").unwrap(),
            ["http://127.0.0.1:4001"]
        );
        assert_eq!(parse_location("rqlite://h:1/").unwrap(), ["http://h:1"]);
        assert_eq!(
            parse_location("https://a:1,b:2").unwrap(),
            ["https://a:1", "https://b:2"]
        );
        assert!(parse_location("ftp://h:1").is_err());
        assert!(parse_location("http://alice:pw@h:1,bob:x@h:2").unwrap() == ["http://h:2"]);
        assert!(parse_location("http://h:1/db").is_err());
        assert!(parse_location("http://").is_err());
    }

    #[test]
    fn statement_errors_sort_races_from_bugs() {
        assert!(matches!(
            statement_error("CHECK constraint failed: stale_read"),
            StoreError::Stale(_)
        ));
        assert!(matches!(
            statement_error("UNIQUE constraint failed: agents.name"),
            StoreError::Stale(_)
        ));
        assert!(matches!(
            statement_error("no such column: x"),
            StoreError::Backend(_)
        ));
    }

    #[test]
    fn redirects_name_the_leader_base() {
        assert_eq!(
            base_of("http://10.0.0.2:4001/db/execute?transaction").as_deref(),
            Some("http://10.0.0.2:4001")
        );
        assert_eq!(base_of("nonsense"), None);
    }

    #[test]
    fn cluster_troubles_are_transient() {
        assert!(is_transient("node failed to process Query on remote node at 127.0.0.1:1: pool get: dial tcp: connect: connection refused"));
        assert!(is_transient("leadership lost while committing log"));
        assert!(!is_transient("no such table: beads"));
    }

    #[test]
    fn values_round_trip_through_json() {
        for v in [
            Value::Null,
            Value::Integer(-3),
            Value::Real(1.5),
            Value::Text("a\"b".into()),
        ] {
            assert_eq!(from_json(&to_json(&v)), v);
        }
    }
}
