//! The event stream: one poller finds where the log ends, and each stream
//! reads the pages after its last event from the store, as its client takes
//! them.

use super::*;
use futures_util::stream::{self, StreamExt};

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
            after_id: Some(last),
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
pub(super) async fn stream_events(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    req: Request,
) -> Response {
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
pub(super) fn log_end(open: &OpenOptions) -> Option<(Town, i64)> {
    let mut town = Town::open(open).ok()?;
    let end = town.last_event_id().ok()?;
    Some((town, end))
}

/// The one poller: where the log ends, whoever wrote to it, shared by every
/// stream. It asks the store for its newest event ten times a second: one
/// index probe each. `start` is the town and where its log ended when the
/// server started, if it could be read then.
pub(super) fn poll_events(
    open: OpenOptions,
    start: Option<(Town, i64)>,
    newest: watch::Sender<i64>,
) {
    let mut town = start.map(|(town, _)| town);
    loop {
        if town.is_none() {
            town = Town::open(&open).ok();
        }
        if let Some(t) = town.as_mut() {
            match t.last_event_id() {
                Ok(end) => {
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
