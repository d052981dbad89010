//! The HTTP server of `kam-bot serve --listen`: a health check and the platform endpoints that are
//! configured, until the process is asked to stop (see [`crate::lifecycle`]).

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;
use tower::limit::ConcurrencyLimitLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tracing::{debug, info};

use crate::lifecycle::CancellationToken;

/// What one request may take: time, body size, and how many run at once.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// A request not answered by then (a body that trickles in, say) gets 408 and its connection
    /// is freed. Platforms give up after 3 seconds anyway.
    pub request_timeout: Duration,
    /// Larger bodies get 413 unread; interactions and slash commands are a few kilobytes.
    pub max_body_bytes: usize,
    /// Requests beyond this wait for a place.
    pub concurrency: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { request_timeout: Duration::from_secs(10), max_body_bytes: 256 * 1024, concurrency: 256 }
    }
}

/// The routes with the limits applied.
pub fn harden(routes: Router, limits: Limits) -> Router {
    routes
        .layer(RequestBodyLimitLayer::new(limits.max_body_bytes))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.request_timeout))
        .layer(ConcurrencyLimitLayer::new(limits.concurrency))
}

/// A middleware for a platform's endpoint: a request without the signature headers gets 401
/// before its body is read.
pub async fn require_headers(names: &'static [&'static str], request: Request, next: Next) -> Response {
    if names.iter().any(|name| !request.headers().contains_key(*name)) {
        debug!(path = %request.uri().path(), "request without its signature headers");
        return (StatusCode::UNAUTHORIZED, "missing request signature").into_response();
    }
    next.run(request).await
}

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

/// Serves the routes until `stop` is cancelled; then stops accepting and lets the requests in
/// flight answer.
pub async fn serve(listener: TcpListener, routes: Router, stop: CancellationToken) -> anyhow::Result<()> {
    info!(address = %listener.local_addr()?, "listening");
    axum::serve(listener, harden(routes, Limits::default())).with_graceful_shutdown(stop.cancelled_owned()).await?;
    info!("the HTTP listener has stopped");
    Ok(())
}
