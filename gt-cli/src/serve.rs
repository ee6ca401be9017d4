//! `gt serve`: gt-core's call catalogue as a JSON HTTP API (SPEC §8), with an
//! event stream. A thin face like `gt mcp`: each route is a catalogue entry
//! (its path parameters, query or JSON body are the request's fields), each
//! call runs on a blocking thread with a `Town` of its own, and the result is
//! the command's `--json` document. One guard checks every request (Host,
//! token, content type, origin, read-only) and one function maps errors to
//! status codes. The tokio runtime starts here and nowhere else.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{on, MethodFilter};
use axum::Router;
use futures_util::stream::{self, StreamExt};
use gt_core::calls::{self, ListEvents};
use gt_core::error::ToolNames;
use gt_core::model::Event;
use gt_core::routes::{self, Route};
use gt_core::{Error, ErrorKind, OpenOptions, Result, Town};
use serde_json::{json, Value as Json};
use tokio::sync::{broadcast, watch};

/// Bodies larger than this are refused (413).
pub const BODY_LIMIT: usize = 16 << 20;

/// How often the one poller looks for new events.
const POLL: Duration = Duration::from_millis(100);

/// How the server was started.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub addr: SocketAddr,
    pub token: Option<String>,
    pub read_only: bool,
}

/// What every request handler shares.
struct App {
    open: OpenOptions,
    options: ServeOptions,
    /// New events, as the poller finds them.
    events: broadcast::Sender<Event>,
    /// The newest event id the poller has seen.
    newest: watch::Receiver<i64>,
    /// Flips to true when the server is shutting down, ending the streams.
    stopping: watch::Receiver<bool>,
}

/// An error as an HTTP response: the JSON error of §4 with its status.
struct ApiError(Error);

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError(e)
    }
}

/// The server's own refusals, which gt-core has no kind for.
fn refusal(status: StatusCode, code: &str, message: impl Into<String>, hint: &str) -> Response {
    let body = json!({ "error": { "code": code, "message": message.into(), "hint": hint } });
    (status, axum::Json(body)).into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let e = self.0;
        let status = match e.kind {
            ErrorKind::Usage => StatusCode::BAD_REQUEST,
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Conflict => StatusCode::CONFLICT,
            ErrorKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Forbidden => StatusCode::FORBIDDEN,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let body = crate::output::error_json_naming(&e, &ToolNames);
        let mut response =
            (status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

/// Whether `addr` is a loopback address (no token needed there).
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// The credentials of an `Authorization: Bearer …` header; the scheme's name
/// compares without case (RFC 9110 §11.1).
fn bearer(header: &str) -> Option<&str> {
    let (scheme, credentials) = header.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| credentials.trim_start())
}

/// Compares two secrets in time that does not depend on where they differ.
/// (Only the length, which is no secret of the token's, shows in the time.)
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

/// The names a browser may use for this server (against DNS rebinding).
fn host_allowed(options: &ServeOptions, host: &str) -> bool {
    let port = options.addr.port();
    if options.addr.ip().is_unspecified() {
        // Bound to every interface (a token is required): any name of it.
        return host
            .rsplit_once(':')
            .is_some_and(|(_, p)| p == port.to_string());
    }
    let served = options.addr.to_string();
    host == served || host == format!("localhost:{port}")
}

/// The one guard: every `/api` request passes it or is refused.
async fn guard(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !host_allowed(&app.options, host) {
        return refusal(
            StatusCode::FORBIDDEN,
            "forbidden",
            format!("this server does not answer to the host '{host}'"),
            "use the address gt serve printed",
        );
    }
    let api = req.uri().path().starts_with("/api");
    if let (Some(token), true) = (&app.options.token, api) {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|h| h.to_str().ok())
            .and_then(bearer)
            .unwrap_or("");
        if !same_secret(given.as_bytes(), token.as_bytes()) {
            return refusal(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "a valid token is needed",
                "send Authorization: Bearer TOKEN (the token gt serve was started with)",
            );
        }
    }
    let write = matches!(*req.method(), Method::POST | Method::PATCH | Method::DELETE);
    if write {
        if app.options.read_only {
            return refusal(
                StatusCode::FORBIDDEN,
                "forbidden",
                "this server is read-only",
                "start gt serve without --read-only to make changes",
            );
        }
        let json = headers
            .get(header::CONTENT_TYPE)
            .and_then(|h| h.to_str().ok())
            // Media types compare without case (RFC 9110 §8.3.1).
            .is_some_and(|c| {
                let media = c.split(';').next().unwrap_or("").trim();
                media.eq_ignore_ascii_case("application/json")
            });
        if !json {
            return refusal(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "a write must be sent as application/json",
                "send Content-Type: application/json",
            );
        }
        if let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
            if origin != format!("http://{host}") {
                return refusal(
                    StatusCode::FORBIDDEN,
                    "forbidden",
                    format!("a write from {origin} is not allowed"),
                    "write from the dashboard this server serves",
                );
            }
        }
    }
    next.run(req).await
}

/// The request's fields from the route's path, its query and its body.
async fn arguments(route: &Route, req: Request) -> Result<Json, Response> {
    let (parts, body) = req.into_parts();
    let bytes = if parts.method == Method::GET {
        Default::default()
    } else {
        axum::body::to_bytes(body, BODY_LIMIT).await.map_err(|_| {
            refusal(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!("the body is larger than {} MiB", BODY_LIMIT >> 20),
                "send less at once",
            )
        })?
    };
    routes::arguments(route, parts.uri.path(), parts.uri.query(), &bytes)
        .map_err(|e| ApiError(e).into_response())
}

/// Runs a call of the catalogue for one request.
async fn call(app: Arc<App>, route: Route, req: Request) -> Response {
    let actor = req
        .headers()
        .get("x-gt-actor")
        .and_then(|a| a.to_str().ok())
        .map(str::to_string);
    let method = req.method().clone();
    let mut args = match arguments(&route, req).await {
        Ok(args) => args,
        Err(response) => return response,
    };
    let mut entry = route.entry;
    // `POST /api/beads` with `"sling": true` hooks and dispatches the new bead.
    if entry.spec.tool == "gt_bead_create" && args.get("sling") == Some(&json!(true)) {
        if let Some(map) = args.as_object_mut() {
            map.remove("sling");
        }
        entry = calls::by_tool("gt_sling").expect("the catalogue has gt_sling");
    } else if let Some(map) = args.as_object_mut() {
        if map.get("sling") == Some(&json!(false)) {
            map.remove("sling");
        }
    }
    let mut open = app.open.clone();
    if let Some(actor) = actor.filter(|a| !a.trim().is_empty()) {
        open.actor = actor;
    }
    let outcome = crate::runtime::blocking(move || {
        let mut town = Town::open(&open)?;
        entry.call(&mut town, args)
    })
    .await;
    match outcome {
        Ok(text) => {
            let created = method == Method::POST
                && CREATES.contains(&entry.spec.tool)
                && !text.contains("\"created\":false");
            let status = if created {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            (status, [(header::CONTENT_TYPE, "application/json")], text).into_response()
        }
        Err(e) => ApiError(e).into_response(),
    }
}

/// The calls whose success is 201 Created (unless a key replayed an earlier one).
const CREATES: &[&str] = &[
    "gt_rig_add",
    "gt_sling",
    "gt_sling_batch",
    "gt_bead_create",
    "gt_escalation_raise",
];

fn method_filter(method: &str) -> MethodFilter {
    match method {
        "GET" => MethodFilter::GET,
        "POST" => MethodFilter::POST,
        "PATCH" => MethodFilter::PATCH,
        "DELETE" => MethodFilter::DELETE,
        other => panic!("a route with the method {other}"),
    }
}

/// Every route: the catalogue's, the aliases, the town and the stream.
fn router(app: Arc<App>) -> Router {
    let mut by_path: HashMap<&'static str, Vec<Route>> = HashMap::new();
    for route in routes::all() {
        by_path.entry(route.pattern).or_default().push(route);
    }
    let mut router = Router::new();
    for (path, routes) in by_path {
        let mut method_router = axum::routing::MethodRouter::new();
        for route in routes {
            let handler = move |State(app): State<Arc<App>>, req: Request| call(app, route, req);
            method_router = method_router.merge(on(method_filter(route.method), handler));
        }
        router = router.route(path, method_router);
    }
    router
        .route("/api/town", axum::routing::get(town))
        .route(
            "/",
            axum::routing::get(|| async { page("text/html; charset=utf-8", PAGE) }),
        )
        .route(
            "/dashboard.js",
            axum::routing::get(|| async { page("text/javascript; charset=utf-8", SCRIPT) }),
        )
        .route(
            "/favicon.svg",
            axum::routing::get(|| async { page("image/svg+xml", ICON) }),
        )
        .route(
            "/dashboard.css",
            axum::routing::get(|| async { page("text/css; charset=utf-8", STYLE) }),
        )
        .route("/api/events/stream", axum::routing::get(stream_events))
        // A route that exists, asked with a method it does not take: the JSON
        // error too (axum adds the `Allow` header).
        .method_not_allowed_fallback(|| async {
            refusal(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "this route does not take that method",
                "the Allow header lists the methods it takes",
            )
        })
        .fallback(|| async {
            ApiError(Error::not_found("no such route").with_hint("see the API table in the README"))
        })
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// The dashboard, built into the binary: no build step, nothing fetched
/// from elsewhere (the policy says so to the browser).
const PAGE: &str = include_str!("dashboard/index.html");
const SCRIPT: &str = include_str!("dashboard/dashboard.js");
const STYLE: &str = include_str!("dashboard/dashboard.css");
const ICON: &str = include_str!("dashboard/favicon.svg");

fn page(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

/// `GET /api/town`: what `gt init` reports; also the health check. Its
/// `X-GT-Read-Only` header tells the page whether to show controls.
async fn town(State(app): State<Arc<App>>) -> Response {
    let open = app.open.clone();
    let outcome = crate::runtime::blocking(move || Town::open(&open).map(|t| t.info())).await;
    match outcome {
        Ok(info) => {
            let read_only = if app.options.read_only {
                "true"
            } else {
                "false"
            };
            ([("x-gt-read-only", read_only)], axum::Json(info)).into_response()
        }
        Err(e) => ApiError(e).into_response(),
    }
}

fn sse(event: &Event) -> SseEvent {
    SseEvent::default()
        .id(event.id.to_string())
        .data(serde_json::to_string(event).unwrap_or_default())
}

/// `GET /api/events/stream`: each audit event as an SSE event, from what is
/// committed after the connection, or after `Last-Event-ID` (`?after=ID`).
async fn stream_events(State(app): State<Arc<App>>, headers: HeaderMap, req: Request) -> Response {
    let resume = headers
        .get("last-event-id")
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
        .or_else(|| {
            routes::query_pairs(req.uri().query())
                .into_iter()
                .find(|(k, _)| k == "after")
                .map(|(_, v)| v)
        });
    // An empty one asks for nothing to be resumed (some clients send it so).
    let resume = resume.filter(|r| !r.trim().is_empty());
    let resume = match resume.map(|r| r.trim().parse::<i64>()) {
        Some(Ok(id)) => Some(id),
        Some(Err(_)) => {
            return ApiError(Error::usage("Last-Event-ID is not an event id")).into_response()
        }
        None => None,
    };
    // Subscribed before the replay is read, so that nothing falls between.
    let live = app.events.subscribe();
    let mut last = resume.unwrap_or(*app.newest.borrow());
    let mut missed = Vec::new();
    if resume.is_some() {
        let open = app.open.clone();
        let replay = crate::runtime::blocking(move || {
            let mut town = Town::open(&open)?;
            town.call(ListEvents {
                after: Some(last),
                limit: Some(0),
                ..Default::default()
            })
        })
        .await;
        match replay {
            Ok(events) => missed = events,
            Err(e) => return ApiError(e).into_response(),
        }
        if let Some(e) = missed.last() {
            last = e.id;
        }
    }
    let replayed = stream::iter(
        missed
            .into_iter()
            .map(|e| Ok::<_, std::convert::Infallible>(sse(&e))),
    );
    let mut stopping = app.stopping.clone();
    let live = stream::unfold((live, last), |(mut rx, last)| async move {
        loop {
            match rx.recv().await {
                Ok(e) if e.id > last => {
                    let id = e.id;
                    return Some((Ok(sse(&e)), (rx, id)));
                }
                Ok(_) => continue,
                // A slow client missed events: it ends, and resumes from its last id.
                Err(_) => return None,
            }
        }
    });
    let until_stop = async move {
        let _ = stopping.wait_for(|s| *s).await;
    };
    let events = replayed.chain(live).take_until(until_stop);
    Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

/// Opens the town and finds where its log ends (0 when it has no event yet);
/// `None` when the town cannot be read now.
fn log_end(open: &OpenOptions) -> Option<(Town, i64)> {
    let mut town = Town::open(open).ok()?;
    let newest = town
        .call(ListEvents {
            limit: Some(1),
            ..Default::default()
        })
        .ok()?;
    Some((town, newest.last().map_or(0, |e| e.id)))
}

/// The one poller: new events from any writer, shared by every stream. Idle,
/// it asks the store for events after the newest it has seen, ten times a
/// second: one index probe each. `start` is the town and where its log ended
/// when the server started, if it could be read then.
fn poll_events(
    open: OpenOptions,
    start: Option<(Town, i64)>,
    events: broadcast::Sender<Event>,
    newest: watch::Sender<i64>,
) {
    let (mut town, mut last) = match start {
        Some((town, end)) => (Some(town), Some(end)),
        None => (None, None),
    };
    loop {
        if last.is_none() {
            // The town could not be read at start: streams start after what
            // is there once it can.
            if let Some((t, end)) = log_end(&open) {
                town = Some(t);
                last = Some(end);
                let _ = newest.send(end);
            }
        } else if town.is_none() {
            town = Town::open(&open).ok();
        }
        if let (Some(t), Some(after)) = (town.as_mut(), last) {
            let request = ListEvents {
                after: Some(after),
                limit: Some(0),
                ..Default::default()
            };
            match t.call(request) {
                Ok(found) => {
                    for e in found {
                        last = Some(e.id);
                        let _ = events.send(e);
                    }
                    let _ = newest.send(last.unwrap_or(after));
                }
                // Down or busy: try again, with a fresh connection.
                Err(_) => town = None,
            }
        }
        if newest.is_closed() {
            return;
        }
        std::thread::sleep(POLL);
    }
}

/// Serves until SIGINT or SIGTERM; in-flight calls finish, streams close.
pub fn serve(open: OpenOptions, options: ServeOptions) -> Result<()> {
    let runtime = crate::runtime::start("the server")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.addr)
            .await
            .map_err(|e| {
                Error::unavailable(format!("cannot listen on {}: {e}", options.addr))
                    .with_hint("pick another address with --addr HOST:PORT")
            })?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::internal(format!("cannot read the address: {e}")))?;
        let options = ServeOptions { addr, ..options };
        let (events, _) = broadcast::channel(1024);
        // Where the log ends is read before the address is printed, so that a
        // stream opened once the server answers gets everything committed
        // after it: a poller still starting must not take a later end for it.
        let start = {
            let open = open.clone();
            crate::runtime::blocking(move || Ok(log_end(&open))).await?
        };
        let (newest_tx, newest) = watch::channel(start.as_ref().map_or(0, |(_, end)| *end));
        let (stop_tx, stopping) = watch::channel(false);
        {
            let (open, events) = (open.clone(), events.clone());
            std::thread::spawn(move || poll_events(open, start, events, newest_tx));
        }
        let app = Arc::new(App {
            open,
            options: options.clone(),
            events,
            newest,
            stopping,
        });
        eprintln!("gt serve: the dashboard is at http://{addr}/ and the API under /api");
        println!("http://{addr}/");
        let shutdown = async move {
            shutdown_signal().await;
            let _ = stop_tx.send(true);
        };
        axum::serve(listener, router(app))
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|e| Error::internal(format!("the server stopped: {e}")))
    })
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => return interrupt.await.unwrap_or(()),
            };
        tokio::select! {
            _ = interrupt => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}

/// Checks `--addr` and `--token` before anything listens.
pub fn check(options: &ServeOptions) -> Result<()> {
    if !is_loopback(&options.addr) && options.token.is_none() {
        return Err(Error::usage(format!(
            "{} is not a loopback address, and no token was given",
            options.addr
        ))
        .with_hint("give --token TOKEN (or GT_SERVE_TOKEN), or serve on 127.0.0.1"));
    }
    if let Some(token) = &options.token {
        if token.trim().len() < 16 {
            return Err(
                Error::usage("the token is shorter than 16 characters").with_hint(
                    "use a long random token, such as the output of: openssl rand -hex 32",
                ),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret(b"abcdef", b"abcdef"));
        assert!(!same_secret(b"abcdef", b"abcdeg"));
        assert!(!same_secret(b"abc", b"abcdef"));
        assert!(!same_secret(b"", b"abcdef"));
    }
}
