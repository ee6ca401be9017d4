//! `gt serve`: gt-core's call catalogue as a JSON HTTP API (SPEC §8), with an
//! event stream. A thin face like `gt mcp`: each route is a catalogue entry
//! (its path parameters, query or JSON body are the request's fields), each
//! call runs on a blocking thread with a `Town` of its own, and the result is
//! the command's `--json` document. One guard checks every request (Host,
//! token, content type, origin, read-only: `guard`) and one function maps
//! errors to status codes; the event stream is `events`, the dashboard's
//! files `assets`. The tokio runtime starts here and nowhere else.

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
use gt_core::calls::{self, Effect, ListEvents};
use gt_core::model::Event;
use gt_core::routes::{self, Route};
use gt_core::{Error, OpenOptions, Result, Town};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use serde_json::{json, Value as Json};
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;

mod assets;
mod events;
mod guard;

use assets::{page, ICON, PAGE, SCRIPT, STYLE};
use events::{log_end, poll_events, stream_events};
use guard::guard;
pub use guard::is_loopback;

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

/// The most events one stream reads from the store at once: the page of
/// `GET /api/events`.
pub const EVENT_PAGE: u32 = match <ListEvents as calls::Call>::SPEC.page {
    Some(n) => n,
    None => 500,
};

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
    /// What people call the town (`town.name`), for the page's header.
    pub town_name: Option<String>,
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
            town_name: None,
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
        error_response(self.0, &crate::names::HttpNames)
    }
}

/// An error's answer: its status, and its document with the hint worded by
/// `names`.
fn error_response(e: Error, names: &dyn gt_core::error::Names) -> Response {
    let status = StatusCode::from_u16(crate::names::http_status(e.kind))
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = crate::output::error_json_naming(&e, names);
    let mut response = (status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    response
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
    // The page asks for hints in a person's words.
    let plain = req
        .headers()
        .get("x-gt-words")
        .is_some_and(|w| w.as_bytes() == b"plain");
    let mut args = match arguments(&route, req).await {
        Ok(args) => args,
        Err(response) => return response,
    };
    let mut entry = route.entry;
    // A whole list in one answer is for the command line; here a list that
    // pages comes in pages.
    if let Some(page) = entry.spec.page {
        let limit = args.get("limit").and_then(Json::as_u64);
        if limit.is_some_and(|n| n == 0 || n > u64::from(page)) {
            return ApiError(
                Error::usage(format!("limit must be 1 to {page} here")).with_hint(
                    "page on with after=ID (the last id of the previous page), or back with \
                     before=ID (the first id of the next)",
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
            let created =
                method == Method::POST && entry.spec.creates && !text.contains("\"created\":false");
            let status = if created {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            (status, [(header::CONTENT_TYPE, "application/json")], text).into_response()
        }
        Err(e) if plain => error_response(e, &crate::names::PlainWords),
        Err(e) => ApiError(e).into_response(),
    }
}

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
        .route("/api", axum::routing::get(|| async { axum::Json(index()) }))
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
            ApiError(Error::not_found("no such route").with_hint("GET /api lists every route"))
        })
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .layer(RequestBodyTimeoutLayer::new(BODY_TIMEOUT))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(middleware::map_response(json_refusals))
        .with_state(app)
}

/// `GET /api`: every route of the catalogue with what its call does, in
/// the API's words (fields and routes), and its older paths.
pub(crate) fn index() -> serde_json::Value {
    let names = crate::names::HttpNames;
    let routes: Vec<serde_json::Value> = gt_core::calls::catalogue()
        .iter()
        .filter_map(|e| {
            let route = e.spec.route?;
            let mut item = json!({ "route": route, "summary": e.summary(&names) });
            if let Some(details) = e.details(&names) {
                item["details"] = json!(details);
            }
            if !e.spec.aliases.is_empty() {
                item["aliases"] = json!(e.spec.aliases);
            }
            Some(item)
        })
        .collect();
    json!({
        "routes": routes,
        "also": [
            "GET /api/town: the town's name and store (also the health check)",
            "GET /api/events/stream: new events as server-sent events",
        ],
    })
}

/// `GET /api/town`: what `gt init` reports; also the health check. Its
/// `X-GT-Read-Only` header tells the page whether to show controls.
async fn town(State(app): State<Arc<App>>) -> Response {
    let open = app.open.clone();
    let outcome = crate::runtime::blocking(move || Town::open(&open).map(|t| t.info())).await;
    match outcome {
        Ok(mut info) => {
            info.name.clone_from(&app.options.town_name);
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
}
