//! The HTTP server of `kam-bot serve --listen`: a health check and the platform endpoints that are
//! configured, until the process is asked to stop (see [`crate::lifecycle`]).

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Utc};
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

/// What `/healthz` and `/metrics` read.
#[derive(Clone)]
pub struct Observed {
    pub store: crate::store::Store,
    /// When the process started (the wall clock): before its first tick, the scheduler is young.
    pub started: DateTime<Utc>,
    /// How often the scheduler ticks; three intervals without a tick is a stalled scheduler.
    pub tick_every: Duration,
}

/// The routes every server has: `GET /healthz` (200 when the database answers and the scheduler
/// ticked within three intervals, else 503, with what is wrong) and `GET /metrics`.
pub fn base_routes(observed: Observed) -> Router {
    Router::new().route("/healthz", get(healthz)).route("/metrics", get(metrics)).with_state(observed)
}

async fn healthz(State(o): State<Observed>) -> Response {
    let database = o.store.answers().await;
    let last_tick = crate::metrics::global().last_tick();
    let stale_after = o.tick_every * 3;
    let age = (Utc::now() - last_tick.unwrap_or(o.started)).to_std().unwrap_or_default();
    let scheduler = age <= stale_after;
    let body = serde_json::json!({
        "status": if database && scheduler { "ok" } else { "unavailable" },
        "database": if database { "ok" } else { "not answering" },
        "scheduler": {
            "status": if scheduler { "ok" } else { "stalled" },
            "last_tick": last_tick.map(|t| t.to_rfc3339()),
            "stalled_after_seconds": stale_after.as_secs(),
        },
    });
    let status = if database && scheduler { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, axum::Json(body)).into_response()
}

async fn metrics(State(o): State<Observed>) -> Response {
    match crate::metrics::global().render(&o.store).await {
        // prometheus-client writes the OpenMetrics text format, which Prometheus reads.
        Ok(text) => {
            ([("content-type", "application/openmetrics-text; version=1.0.0; charset=utf-8")], text).into_response()
        }
        Err(e) => {
            tracing::error!(error = ?e, "metrics cannot be read");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
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
