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
    /// A connection that has not sent a whole request head by then (a half-sent header, or a
    /// kept-alive connection idle that long) is closed.
    pub header_timeout: Duration,
    /// Connections open at once; more wait in the kernel's backlog until one closes. Well below the
    /// file limit the systemd unit sets (`LimitNOFILE=8192`), so that the database and the
    /// platforms' connections always find a descriptor.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            request_timeout: Duration::from_secs(10),
            max_body_bytes: 256 * 1024,
            concurrency: 256,
            header_timeout: Duration::from_secs(5),
            max_connections: 1024,
        }
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
    // Every signed route takes POST: another method is the wrong method, whoever signed it.
    if request.method() != axum::http::Method::POST {
        return (StatusCode::METHOD_NOT_ALLOWED, [("allow", "POST")], "method not allowed").into_response();
    }
    if names.iter().any(|name| !request.headers().contains_key(*name)) {
        debug!(path = %request.uri().path(), "request without its signature headers");
        return (StatusCode::UNAUTHORIZED, "missing request signature").into_response();
    }
    next.run(request).await
}

/// Whether a signature timestamp is written as the platforms write one: Unix seconds in decimal
/// digits, with no sign, no leading zero and no padding. Any other spelling of the same number is
/// another string, signed or not, and refused.
pub fn canonical_timestamp(timestamp: &str) -> bool {
    (1..=12).contains(&timestamp.len()) && timestamp.bytes().all(|b| b.is_ascii_digit()) && !timestamp.starts_with('0')
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
        // What this process does among those sharing the database.
        "roles": {
            "scheduler_leader": crate::metrics::global().leads(),
            "discord_shards": crate::metrics::global().gateway(),
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
    serve_with(listener, routes, Limits::default(), stop).await
}

/// [`serve`] with other limits. Each connection is HTTP/1.1 with a header-read timeout (which
/// also closes a kept-alive connection left idle), and no more than `max_connections` are open:
/// past it, connections wait to be accepted instead of taking the process's file descriptors.
pub async fn serve_with(
    listener: TcpListener,
    routes: Router,
    limits: Limits,
    stop: CancellationToken,
) -> anyhow::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    info!(address = %listener.local_addr()?, "listening");
    let app = harden(routes, limits);
    let places = std::sync::Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    loop {
        let place = tokio::select! {
            place = places.clone().acquire_owned() => place?,
            () = stop.cancelled() => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of descriptors, say: wait a moment rather than spin.
                    tracing::warn!(error = %e, "accept error");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = stop.cancelled() => break,
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout).keep_alive(true);
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                debug!(error = %e, "connection ended with an error");
            }
            drop(place);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    info!("the HTTP listener has stopped");
    Ok(())
}
