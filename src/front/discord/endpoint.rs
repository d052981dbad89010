//! The HTTP interactions endpoint: `POST /discord/interactions` verifies Discord's Ed25519
//! signature before anything else, then answers with the interaction response JSON.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serenity::http::Http;
use serenity::interactions_endpoint::Verifier;
use serenity::model::application::Interaction;
use tracing::debug;

use super::interaction;
use crate::clock::Clock;
use crate::core::Core;

/// What the endpoint needs.
#[derive(Clone)]
pub struct DiscordEndpoint {
    pub core: Core,
    pub verifier: Arc<Verifier>,
    /// For editing deferred responses.
    pub http: Arc<Http>,
    pub clock: Arc<dyn Clock>,
    /// The real time the signature timestamps are checked against (the core's `clock` may be a
    /// pretended instant); a system clock in `serve`.
    pub wall_clock: Arc<dyn Clock>,
    pub defer_after: Duration,
}

/// A signed request older than this is a replay: refused.
pub const MAX_AGE_SECONDS: i64 = 300;
/// A signed request this far ahead of our clock is refused too.
pub const MAX_AHEAD_SECONDS: i64 = 60;

/// Whether a signature timestamp (Unix seconds) is fresh at `now`.
pub fn fresh(timestamp: &str, now: chrono::DateTime<chrono::Utc>) -> bool {
    crate::server::canonical_timestamp(timestamp)
        && timestamp.parse::<i64>().is_ok_and(|t| {
            let age = now.timestamp() - t;
            (-MAX_AHEAD_SECONDS..=MAX_AGE_SECONDS).contains(&age)
        })
}

/// Reads the application's public key (64 hex digits).
pub fn verifier(public_key_hex: &str) -> anyhow::Result<Verifier> {
    let hex = public_key_hex.trim();
    let bad = || anyhow::anyhow!("DISCORD_PUBLIC_KEY must be the application's public key: 64 hexadecimal digits");
    if hex.len() != 64 || !hex.is_ascii() {
        return Err(bad());
    }
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
    }
    Verifier::try_new(key).map_err(|_| bad())
}

pub fn routes(endpoint: DiscordEndpoint) -> Router {
    const SIGNED: &[&str] = &["x-signature-ed25519", "x-signature-timestamp"];
    Router::new()
        .route("/discord/interactions", post(interactions))
        .route_layer(axum::middleware::from_fn(|r, n| crate::server::require_headers(SIGNED, r, n)))
        .with_state(endpoint)
}

async fn interactions(State(endpoint): State<DiscordEndpoint>, headers: HeaderMap, body: Bytes) -> Response {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let (Some(signature), Some(timestamp)) = (header("x-signature-ed25519"), header("x-signature-timestamp")) else {
        debug!("interaction without signature headers");
        return (StatusCode::UNAUTHORIZED, "missing request signature").into_response();
    };
    if endpoint.verifier.verify(signature, timestamp, &body).is_err() {
        debug!("interaction with a bad signature");
        return (StatusCode::UNAUTHORIZED, "invalid request signature").into_response();
    }
    // The signature covers the timestamp; an old one is a replay of a request seen before.
    if !fresh(timestamp, endpoint.wall_clock.now()) {
        debug!(timestamp, "interaction signed too long ago or ahead of our clock");
        return (StatusCode::UNAUTHORIZED, "stale request signature").into_response();
    }
    let interaction: Interaction = match serde_json::from_slice(&body) {
        Ok(interaction) => interaction,
        Err(e) => {
            debug!(error = %e, "signed interaction that does not parse");
            return (StatusCode::BAD_REQUEST, "unreadable interaction").into_response();
        }
    };
    let response = interaction::respond(
        &endpoint.core,
        interaction,
        endpoint.clock.now(),
        endpoint.http.clone(),
        endpoint.defer_after,
    )
    .await;
    match response {
        // Exactly `{"type": 1}`, as Discord's endpoint check expects.
        serenity::builder::CreateInteractionResponse::Pong => {
            axum::Json(serde_json::json!({ "type": 1 })).into_response()
        }
        response => axum::Json(response).into_response(),
    }
}
