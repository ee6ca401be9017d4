//! What `gt mcp` and `gt serve` share of tokio, which they start inside
//! their own command and nowhere else: the runtime, and running a call of
//! the synchronous catalogue on a blocking thread.

use gt_core::{Error, Result};

/// A small multi-threaded runtime; `what` names the server in the error.
pub fn start(what: &str) -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::internal(format!("cannot start {what}: {e}")))
}

/// Runs `f` (a call with its own `Town`) on a blocking thread; a panic in it
/// is an internal error, not a lost server.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(Error::internal(format!("the call failed: {e}"))))
}
