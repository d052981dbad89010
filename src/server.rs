//! The HTTP server of `kam-bot serve --listen`: a health check and the platform endpoints that are
//! configured, until Ctrl-C or SIGTERM.

use std::net::SocketAddr;

use axum::Router;
use axum::routing::get;
use tokio::net::TcpListener;
use tracing::info;

/// The routes every server has: `GET /healthz`.
pub fn base_routes() -> Router {
    Router::new().route("/healthz", get(|| async { "ok" }))
}

/// Binds the address (port 0 picks a free one) and returns the listener and the bound address.
pub async fn bind(addr: SocketAddr) -> anyhow::Result<(TcpListener, SocketAddr)> {
    let listener = TcpListener::bind(addr).await.map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    let bound = listener.local_addr()?;
    Ok((listener, bound))
}

/// Serves the routes until the process is asked to stop.
pub async fn serve(listener: TcpListener, routes: Router) -> anyhow::Result<()> {
    info!(address = %listener.local_addr()?, "listening");
    axum::serve(listener, routes).with_graceful_shutdown(shutdown()).await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    info!("stopping");
}
