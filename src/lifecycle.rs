//! Stopping cleanly. SIGTERM or SIGINT (Ctrl-C) cancels one token that every part of `serve`
//! watches: the HTTP listener stops accepting and lets the requests in flight answer, the Discord
//! gateway and Slack's Socket Mode let the commands in flight answer before closing, the scheduler
//! finishes its tick. Then the database is closed and the process exits 0.

use std::time::Duration;

pub use tokio_util::sync::CancellationToken;
pub use tokio_util::task::TaskTracker;

/// How long the parts of `serve` have, after the signal, to finish what is in flight.
pub const GRACE: Duration = Duration::from_secs(20);

/// A token cancelled on the first SIGTERM or SIGINT.
pub fn on_signal() -> CancellationToken {
    let token = CancellationToken::new();
    let cancel = token.clone();
    tokio::spawn(async move {
        signal().await;
        tracing::info!("stopping: finishing what is in flight");
        cancel.cancel();
    });
    token
}

async fn signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// The work that answers a request after the request itself has been acknowledged (an answer
/// that had to wait, a button's follow-up): a stop waits for it too.
pub fn in_flight() -> &'static TaskTracker {
    static IN_FLIGHT: std::sync::LazyLock<TaskTracker> = std::sync::LazyLock::new(TaskTracker::new);
    &IN_FLIGHT
}

/// Spawns such work, followed by [`in_flight`].
pub fn spawn<F>(work: F) -> tokio::task::JoinHandle<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    in_flight().spawn(work)
}

/// Waits for the work `tracker` follows to finish, up to [`GRACE`]; says whether it did.
pub async fn drain(tracker: &TaskTracker, what: &str) -> bool {
    tracker.close();
    match tokio::time::timeout(GRACE, tracker.wait()).await {
        Ok(()) => true,
        Err(_) => {
            tracing::warn!(what, in_flight = tracker.len(), "stopping with work still in flight");
            false
        }
    }
}

/// The mark of a `serve` running on a database: an exclusive advisory lock (`flock`) on the
/// database file itself, so that the same file reached by another path (a symlink, a hard link,
/// a relative path) is the same lock. Held for as long as the process runs (the system releases it
/// if the process dies). A restore refuses to replace a database while it is held, and a second
/// `serve` refuses to start. SQLite's own locks are `fcntl` locks, which `flock` does not touch.
#[derive(Debug)]
pub struct ServeLock {
    _file: std::fs::File,
}

impl ServeLock {
    /// Takes the lock; `Ok(None)` when another process holds it. A database that does not exist
    /// yet is created empty (SQLite takes an empty file as a new database).
    pub fn take(database: &std::path::Path) -> std::io::Result<Option<ServeLock>> {
        let file = std::fs::OpenOptions::new().create(true).truncate(false).read(true).write(true).open(database)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(ServeLock { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }
}
