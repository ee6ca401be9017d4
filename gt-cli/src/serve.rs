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
use gt_core::calls::{self, Effect, ListEvents};
use gt_core::model::Event;
use gt_core::routes::{self, Route};
use gt_core::{Error, ErrorKind, OpenOptions, Result, Town};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use serde_json::{json, Value as Json};
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;

/// Bodies larger than this are refused (413), at once when the request
/// declares its length.
pub const BODY_LIMIT: usize = 16 << 20;

/// A client has this long to send a request's headers, counted from when the
/// connection opens or its previous answer was sent: idle and half-sent
/// connections close after it.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// A body that sends nothing for this long is cut (408).
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);

/// Request lines longer than this are refused (414) with the JSON error.
const URI_LIMIT: usize = 8 << 10;

/// What one connection may buffer of a request's head (hyper answers a head
/// larger than this by itself, 431, before gt sees it).
const HEAD_BUFFER: usize = 64 << 10;

/// The most events one stream reads from the store at once, and the most
/// `GET /api/events` answers at once.
pub const EVENT_PAGE: u32 = 500;

/// How often the one poller looks for new events.
const POLL: Duration = Duration::from_millis(100);

/// How the server was started.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub addr: SocketAddr,
    pub token: Option<String>,
    pub read_only: bool,
    /// Names the server answers to besides its address and localhost.
    pub hosts: Vec<String>,
    /// Connections open at once; past it a client gets 503 at once.
    pub max_connections: usize,
    /// Event streams open at once; past it, 503.
    pub max_streams: usize,
    /// How long SIGINT or SIGTERM waits for calls and clients to finish.
    pub shutdown_timeout: Duration,
}

impl ServeOptions {
    /// Loopback, no token, the default limits: what `gt serve` starts with.
    pub fn new(addr: SocketAddr) -> ServeOptions {
        ServeOptions {
            addr,
            token: None,
            read_only: false,
            hosts: Vec::new(),
            max_connections: 4096,
            max_streams: 64,
            shutdown_timeout: Duration::from_secs(10),
        }
    }
}

/// What every request handler shares.
struct App {
    open: OpenOptions,
    options: ServeOptions,
    /// The newest event id the poller has seen; each stream reads what is
    /// newer from the store itself, a page at a time.
    newest: watch::Receiver<i64>,
    /// Flips to true when the server is shutting down, ending the streams.
    stopping: watch::Receiver<bool>,
    /// One permit per open event stream.
    streams: Arc<Semaphore>,
    /// Whose turn it is to write: the calls that write wait here in the order
    /// they came (tokio's mutex is fair), instead of polling for SQLite's one
    /// write lock at random and by lottery.
    writes: tokio::sync::Mutex<()>,
    /// Towns the streams read their pages with, kept between pages: a few,
    /// not one per stream (each holds a connection and its cache).
    readers: std::sync::Mutex<Vec<Town>>,
}

/// How many idle towns the streams keep for their reads.
const READERS: usize = 2;

impl App {
    /// The page of events after `last` (the first `EVENT_PAGE` of them), read
    /// with one of the kept towns (or a new one while all are busy).
    fn page_after(&self, last: i64) -> Result<Vec<Event>> {
        let kept = self.readers.lock().ok().and_then(|mut r| r.pop());
        let mut town = match kept {
            Some(t) => t,
            None => Town::open(&self.open)?,
        };
        let page = town.call(ListEvents {
            after: Some(last),
            limit: Some(EVENT_PAGE),
            ..Default::default()
        })?;
        if let Ok(mut readers) = self.readers.lock() {
            if readers.len() < READERS {
                readers.push(town);
            }
        }
        Ok(page)
    }
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
        let body = crate::output::error_json_naming(&e, &crate::names::HttpNames);
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

/// A `Host` header's name and port (80 when it names none, as browsers and
/// curl send it for the default port); `None` when it is no host.
fn split_host(host: &str) -> Option<(&str, u16)> {
    let (name, port) = match host.strip_prefix('[') {
        // An IPv6 literal: [::1]:7878
        Some(rest) => {
            let (inside, after) = rest.split_once(']')?;
            let port = match after {
                "" => None,
                p => Some(p.strip_prefix(':')?),
            };
            (&host[..inside.len() + 2], port)
        }
        None => match host.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    let port = match port {
        Some(p) => p.parse().ok()?,
        None => 80,
    };
    (!name.is_empty()).then_some((name, port))
}

/// The names a browser may use for this server (against DNS rebinding): its
/// address, localhost and the names given with `--host`; on every interface
/// without `--host`, any name (the token is the guard, as said on start).
fn host_allowed(options: &ServeOptions, host: &str) -> bool {
    let Some((name, port)) = split_host(host) else {
        return false;
    };
    if port != options.addr.port() {
        return false;
    }
    let ip = options.addr.ip();
    if ip.is_unspecified() && options.hosts.is_empty() {
        return true;
    }
    let served = match ip {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => format!("[{v6}]"),
    };
    name == served
        || name.eq_ignore_ascii_case("localhost")
        || options.hosts.iter().any(|h| h.eq_ignore_ascii_case(name))
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
    if req.uri().to_string().len() > URI_LIMIT {
        return refusal(
            StatusCode::URI_TOO_LONG,
            "too_large",
            format!("the request line is longer than {} KiB", URI_LIMIT >> 10),
            "send long values in a JSON body",
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
        axum::body::to_bytes(body, BODY_LIMIT)
            .await
            .map_err(|e| body_refusal(&e))?
    };
    routes::arguments(route, parts.uri.path(), parts.uri.query(), &bytes)
        .map_err(|e| ApiError(e).into_response())
}

/// Why a body could not be read, as the JSON error: too large (413), too
/// slow (408), or cut off (400).
fn body_refusal(e: &axum::Error) -> Response {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if c.is::<tower_http::timeout::TimeoutError>() {
            return refusal(
                StatusCode::REQUEST_TIMEOUT,
                "timeout",
                format!("the body stalled for {} s", BODY_TIMEOUT.as_secs()),
                "send the whole body at once",
            );
        }
        if c.is::<http_body_util::LengthLimitError>() {
            return too_large();
        }
        cause = c.source();
    }
    refusal(
        StatusCode::BAD_REQUEST,
        "usage",
        format!("the body could not be read: {e}"),
        "send the whole body, as its Content-Length says",
    )
}

fn too_large() -> Response {
    refusal(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        format!("the body is larger than {} MiB", BODY_LIMIT >> 20),
        "send less at once",
    )
}

/// tower-http's own refusals (a declared length over the limit) are plain
/// text: the JSON error instead, as every refusal on this server.
async fn json_refusals(response: Response) -> Response {
    let plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_none_or(|c| c.as_bytes().starts_with(b"text/plain"));
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE && plain {
        return too_large();
    }
    response
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
    // The whole log in one answer is for the command line; here it comes in
    // pages.
    if entry.spec.tool == "gt_events" {
        let limit = args.get("limit").and_then(Json::as_u64);
        if limit.is_some_and(|n| n == 0 || n > u64::from(EVENT_PAGE)) {
            return ApiError(
                Error::usage(format!("limit must be 1 to {EVENT_PAGE} here")).with_hint(
                    "page on with after=ID, the id of the last event of the previous page",
                ),
            )
            .into_response();
        }
    }
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
    let _turn = match entry.spec.effect {
        Effect::Read => None,
        _ => Some(app.writes.lock().await),
    };
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
        .layer(RequestBodyTimeoutLayer::new(BODY_TIMEOUT))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(middleware::map_response(json_refusals))
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

/// The id to resume after: `Last-Event-ID`, else the last `after` of the
/// query (the last, as everywhere a query repeats a field); `None` for a
/// fresh start.
fn resume_after(headers: &HeaderMap, query: Option<&str>) -> Result<Option<i64>> {
    let resume = headers
        .get("last-event-id")
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
        .or_else(|| {
            routes::query_pairs(query)
                .into_iter()
                .rev()
                .find(|(k, _)| k == "after")
                .map(|(_, v)| v)
        });
    // An empty one asks for nothing to be resumed (some clients send it so).
    match resume.filter(|r| !r.trim().is_empty()) {
        None => Ok(None),
        Some(r) => r
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| Error::usage("Last-Event-ID is not an event id")),
    }
}

/// Where a stream is: the last event it sent.
struct Cursor {
    app: Arc<App>,
    last: i64,
    newest: watch::Receiver<i64>,
    _permit: OwnedSemaphorePermit,
}

impl Cursor {
    /// The next page of events after `last`, once there is one. The page is
    /// read only when the client has taken the previous one, so a stream
    /// holds one page at most however slowly its client reads; `None` when
    /// the store cannot be read (the client resumes from its last id).
    async fn next_page(mut self) -> Option<(Vec<Event>, Cursor)> {
        loop {
            if *self.newest.borrow_and_update() > self.last {
                let (app, last) = (self.app.clone(), self.last);
                let page = crate::runtime::blocking(move || app.page_after(last))
                    .await
                    .ok()?;
                if let Some(e) = page.last() {
                    self.last = e.id;
                    return Some((page, self));
                }
            }
            // Nothing newer yet: wait for the poller.
            self.newest.changed().await.ok()?;
        }
    }
}

/// `GET /api/events/stream`: each audit event as an SSE event, from what is
/// committed after the connection, or after `Last-Event-ID` (`?after=ID`).
/// Replay and live events are the same pages read from the store, so a
/// stream resumed from the start of a long log, or behind a big batch, holds
/// one page at a time and misses nothing.
async fn stream_events(State(app): State<Arc<App>>, headers: HeaderMap, req: Request) -> Response {
    let resume = match resume_after(&headers, req.uri().query()) {
        Ok(resume) => resume,
        Err(e) => return ApiError(e).into_response(),
    };
    let Ok(permit) = app.streams.clone().try_acquire_owned() else {
        return ApiError(
            Error::unavailable(format!(
                "{} event streams are open, the most this server keeps",
                app.options.max_streams
            ))
            .with_hint("close a dashboard, or try again shortly"),
        )
        .into_response();
    };
    let mut newest = app.newest.clone();
    let last = resume.unwrap_or_else(|| *newest.borrow_and_update());
    let cursor = Cursor {
        app: app.clone(),
        last,
        newest,
        _permit: permit,
    };
    let mut stopping = app.stopping.clone();
    let until_stop = async move {
        let _ = stopping.wait_for(|s| *s).await;
    };
    let events = stream::unfold(cursor, Cursor::next_page)
        .flat_map(|page| {
            stream::iter(
                page.into_iter()
                    .map(|e| Ok::<_, std::convert::Infallible>(sse(&e))),
            )
        })
        .take_until(until_stop);
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

/// The one poller: where the log ends, whoever wrote to it, shared by every
/// stream. It asks the store for its newest event ten times a second: one
/// index probe each. `start` is the town and where its log ended when the
/// server started, if it could be read then.
fn poll_events(open: OpenOptions, start: Option<(Town, i64)>, newest: watch::Sender<i64>) {
    let mut town = start.map(|(town, _)| town);
    loop {
        if town.is_none() {
            town = Town::open(&open).ok();
        }
        if let Some(t) = town.as_mut() {
            let end = t.call(ListEvents {
                limit: Some(1),
                ..Default::default()
            });
            match end {
                Ok(end) => {
                    let end = end.last().map_or(0, |e| e.id);
                    newest.send_if_modified(|seen| std::mem::replace(seen, end) != end);
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

/// Lets the process hold as many open files as it may (the soft limit up to
/// the hard one), so that the connection cap, not the file limit, is what
/// refuses clients; the cap is lowered to fit if the limit is lower still.
fn fit_file_limit(max_connections: usize) -> usize {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit and setrlimit only read and write `limit`.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
                return max_connections;
            }
            if limit.rlim_cur < limit.rlim_max {
                let raised = libc::rlimit {
                    rlim_cur: limit.rlim_max,
                    rlim_max: limit.rlim_max,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                    limit = raised;
                }
            }
        }
        // Room for the store, the listener and the refusals past the cap.
        let room = usize::try_from(limit.rlim_cur)
            .unwrap_or(usize::MAX)
            .saturating_sub(128);
        max_connections.min(room.max(16))
    }
    #[cfg(not(unix))]
    {
        max_connections
    }
}

/// The answer to a connection past the cap, written whole and closed.
const TOO_MANY: &str = concat!(
    "HTTP/1.1 503 Service Unavailable\r\n",
    "content-type: application/json\r\n",
    "retry-after: 1\r\n",
    "connection: close\r\n",
    "content-length: 123\r\n\r\n",
    r#"{"error":{"code":"unavailable","message":"this server has as many connections as it keeps","hint":"try again in a moment"}}"#,
);

/// Serves until SIGINT or SIGTERM; in-flight calls finish, streams close,
/// and whatever is still open after `--shutdown-timeout` is cut.
pub fn serve(open: OpenOptions, options: ServeOptions) -> Result<()> {
    let runtime = crate::runtime::start("the server")?;
    let outcome = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.addr)
            .await
            .map_err(|e| {
                Error::unavailable(format!("cannot listen on {}: {e}", options.addr))
                    .with_hint("pick another address with --addr HOST:PORT")
            })?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::internal(format!("cannot read the address: {e}")))?;
        let max_connections = fit_file_limit(options.max_connections);
        let options = ServeOptions {
            addr,
            max_connections,
            ..options
        };
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
            let open = open.clone();
            std::thread::spawn(move || poll_events(open, start, newest_tx));
        }
        let app = Arc::new(App {
            open,
            options: options.clone(),
            newest,
            stopping,
            streams: Arc::new(Semaphore::new(options.max_streams)),
            readers: std::sync::Mutex::new(Vec::new()),
            writes: tokio::sync::Mutex::new(()),
        });
        eprintln!("gt serve: the dashboard is at http://{addr}/ and the API under /api");
        if addr.ip().is_unspecified() && options.hosts.is_empty() {
            eprintln!(
                "gt serve: on every interface any Host name is answered; the token is the \
                 only guard (name the hosts with --host NAME)"
            );
        }
        println!("http://{addr}/");
        accept(listener, router(app), &options, stop_tx).await;
        Ok(())
    });
    // Calls still running on blocking threads are not waited for past the
    // deadline (a write's transaction commits whole or not at all).
    runtime.shutdown_timeout(Duration::from_millis(200));
    outcome
}

/// Accepts connections until a signal, each served with the header and body
/// timeouts, at most `max_connections` at once; then ends the streams (by
/// `stop`) and lets the calls in flight finish within the shutdown timeout.
async fn accept(
    listener: tokio::net::TcpListener,
    router: Router,
    options: &ServeOptions,
    stop: watch::Sender<bool>,
) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_buf_size(HEAD_BUFFER);
    let service = TowerToHyperService::new(router);
    let graceful = GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(options.max_connections));
    let signal = shutdown_signal();
    tokio::pin!(signal);
    let mut told_full = false;
    loop {
        let (socket, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of files (or a connection reset before it was taken):
                // the open ones go on; accept again shortly.
                Err(e) => {
                    if !told_full {
                        eprintln!("gt serve: cannot accept a connection: {e}");
                        told_full = true;
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut signal => break,
        };
        let _ = socket.set_nodelay(true);
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            tokio::spawn(async move {
                use tokio::io::{AsyncReadExt, AsyncWriteExt};
                let mut socket = socket;
                let refuse = async {
                    socket.write_all(TOO_MANY.as_bytes()).await?;
                    socket.shutdown().await?;
                    // What the client sent is read before the close, or the
                    // close would be a reset that can discard the answer.
                    let mut sink = [0u8; 1024];
                    while socket.read(&mut sink).await? > 0 {}
                    Ok::<_, std::io::Error>(())
                };
                let _ = tokio::time::timeout(Duration::from_secs(1), refuse).await;
            });
            continue;
        };
        let connection = http.serve_connection(TokioIo::new(socket), service.clone());
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    let _ = stop.send(true);
    if tokio::time::timeout(options.shutdown_timeout, graceful.shutdown())
        .await
        .is_err()
    {
        eprintln!(
            "gt serve: clients still connected after {} s are cut off",
            options.shutdown_timeout.as_secs_f64()
        );
    }
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
    fn the_refusal_past_the_cap_is_whole() {
        let (head, body) = TOO_MANY.split_once("\r\n\r\n").unwrap();
        assert!(head.ends_with(&format!("content-length: {}", body.len())));
        let error: Json = serde_json::from_str(body).unwrap();
        assert_eq!(error["error"]["code"], "unavailable");
    }

    #[test]
    fn hosts_are_the_address_localhost_and_the_names_given() {
        let on = |addr: &str, hosts: &[&str]| ServeOptions {
            hosts: hosts.iter().map(|h| h.to_string()).collect(),
            ..ServeOptions::new(addr.parse().unwrap())
        };
        let table: &[(ServeOptions, &str, bool)] = &[
            (on("127.0.0.1:7878", &[]), "127.0.0.1:7878", true),
            (on("127.0.0.1:7878", &[]), "localhost:7878", true),
            (on("127.0.0.1:7878", &[]), "LocalHost:7878", true),
            (on("127.0.0.1:7878", &[]), "localhost", false),
            (on("127.0.0.1:7878", &[]), "evil.example:7878", false),
            (on("127.0.0.1:7878", &[]), "127.0.0.1:7879", false),
            (on("127.0.0.1:7878", &[]), "", false),
            (on("127.0.0.1:7878", &[]), "localhost:", false),
            // Port 80 is what browsers and curl leave out.
            (on("127.0.0.1:80", &[]), "localhost", true),
            (on("127.0.0.1:80", &[]), "127.0.0.1", true),
            (on("127.0.0.1:80", &[]), "127.0.0.1:80", true),
            (on("[::1]:7878", &[]), "[::1]:7878", true),
            (on("[::1]:7878", &[]), "[::1]", false),
            (on("[::1]:80", &[]), "[::1]", true),
            (on("[::1]:7878", &[]), "[::1]x:7878", false),
            // Every interface, no names: any name (the token guards).
            (on("0.0.0.0:7878", &[]), "anything.example:7878", true),
            (on("0.0.0.0:7878", &[]), "anything.example:7879", false),
            // Every interface, with names: those only.
            (on("0.0.0.0:7878", &["gt.example"]), "gt.example:7878", true),
            (on("0.0.0.0:7878", &["gt.example"]), "GT.example:7878", true),
            (
                on("0.0.0.0:7878", &["gt.example"]),
                "evil.example:7878",
                false,
            ),
            (on("0.0.0.0:7878", &["gt.example"]), "localhost:7878", true),
        ];
        for (options, host, allowed) in table {
            assert_eq!(
                host_allowed(options, host),
                *allowed,
                "{host} on {}",
                options.addr
            );
        }
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret(b"abcdef", b"abcdef"));
        assert!(!same_secret(b"abcdef", b"abcdeg"));
        assert!(!same_secret(b"abc", b"abcdef"));
        assert!(!same_secret(b"", b"abcdef"));
    }
}
