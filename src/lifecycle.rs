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
