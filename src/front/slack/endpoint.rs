//! `POST /slack/commands` and `POST /slack/interactivity`: verify Slack's signature (HMAC-SHA256
//! over `v0:timestamp:body`, compared in constant time, timestamps older than 5 minutes refused)
//! before anything else, then answer the slash command, or carry out the button pressed (its
//! answer goes to the press's `response_url`, seen by the presser only).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use slack_morphism::prelude::*;
use slack_morphism::signature_verifier::SlackEventSignatureVerifier;
use tracing::debug;

use super::people::Directory;
use super::{commands, forms};
use crate::clock::Clock;
use crate::core::Core;

#[derive(Clone)]
pub struct SlackEndpoint {
    pub core: Core,
    pub verifier: SlackEventSignatureVerifier,
    pub clock: Arc<dyn Clock>,
    pub answer_within: Duration,
    /// For answers posted to `response_url` later.
    pub http: reqwest::Client,
    /// Names the people the bot has not met (with the bot token); without it they keep their handle.
    pub directory: Option<Directory>,
    /// Answers what is written to the bot (Events API), with the bot token; without it, events
    /// are acknowledged and not read.
    pub poster: Option<Arc<super::notifier::SlackNotifier>>,
    /// The events handled lately: a retry of one (`X-Slack-Retry-Num`) is acknowledged, not answered again.
    pub recent_events: Arc<std::sync::Mutex<std::collections::VecDeque<String>>>,
}

/// How many event ids are remembered to recognise Slack's retries.
const RECENT_EVENTS: usize = 1024;

impl SlackEndpoint {
    pub fn new(core: Core, signing_secret: &str, clock: Arc<dyn Clock>) -> SlackEndpoint {
        SlackEndpoint {
            core,
            verifier: SlackEventSignatureVerifier::new(&SlackSigningSecret::new(signing_secret.to_string())),
            clock,
            answer_within: commands::ANSWER_WITHIN,
            http: reqwest::Client::new(),
            directory: None,
            poster: None,
            recent_events: Arc::default(),
        }
    }
}

pub fn routes(endpoint: SlackEndpoint) -> Router {
    const SIGNED: &[&str] = &["x-slack-signature", "x-slack-request-timestamp"];
    Router::new()
        .route("/slack/commands", post(slash_command))
        .route("/slack/interactivity", post(interactivity))
        .route("/slack/events", post(events))
        .route_layer(axum::middleware::from_fn(|r, n| crate::server::require_headers(SIGNED, r, n)))
        .with_state(endpoint)
}

/// The body of a request Slack signed, or the refusal to send back.
fn verified<'a>(
    endpoint: &SlackEndpoint,
    headers: &HeaderMap,
    body: &'a Bytes,
) -> Result<&'a str, (StatusCode, &'static str)> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let (Some(signature), Some(timestamp)) = (
        header(SlackEventSignatureVerifier::SLACK_SIGNED_HASH_HEADER),
        header(SlackEventSignatureVerifier::SLACK_SIGNED_TIMESTAMP),
    ) else {
        return Err((StatusCode::UNAUTHORIZED, "missing request signature"));
    };
    let Ok(body) = std::str::from_utf8(body) else {
        return Err((StatusCode::BAD_REQUEST, "unreadable request"));
    };
    if !crate::server::canonical_timestamp(timestamp) {
        debug!(timestamp, "Slack request with a timestamp not in its canonical form");
        return Err((StatusCode::UNAUTHORIZED, "invalid request signature"));
    }
    if let Err(e) = endpoint.verifier.verify(signature, body, timestamp) {
        debug!(error = %e, "Slack request refused");
        return Err((StatusCode::UNAUTHORIZED, "invalid request signature"));
    }
    Ok(body)
}

/// A button pressed under a message of the bot (Block Kit `block_actions`): acknowledged at once,
/// carried out through the core as the person who pressed it, answered at `response_url`.
async fn interactivity(State(endpoint): State<SlackEndpoint>, headers: HeaderMap, body: Bytes) -> Response {
    let body = match verified(&endpoint, &headers, &body) {
        Ok(body) => body,
        Err(refused) => return refused.into_response(),
    };
    let payload = serde_urlencoded::from_str::<HashMap<String, String>>(body)
        .ok()
        .and_then(|mut form| form.remove("payload"))
        .and_then(|p| serde_json::from_str::<serde_json::Value>(&p).ok());
    let Some(payload) = payload else {
        debug!("signed Slack request that is not an interaction");
        return (StatusCode::BAD_REQUEST, "not an interaction").into_response();
    };
    if matches!(payload["type"].as_str(), Some("block_suggestion" | "view_submission")) {
        // A form's picker or its submission: answered in the response itself.
        let (core, poster) = (&endpoint.core, endpoint.poster.clone());
        let answer = forms::interact(core, endpoint.directory.as_ref(), poster, &payload, endpoint.clock.now()).await;
        return match answer {
            Some(forms::Answer::With(answer)) => axum::Json(answer).into_response(),
            Some(forms::Answer::Empty) => StatusCode::OK.into_response(),
            None => (StatusCode::BAD_REQUEST, "not a request of kam-bot's form").into_response(),
        };
    }
    if let Some((press, text)) = commands::shared_of(&payload) {
        let (core, http, now, directory) =
            (endpoint.core.clone(), endpoint.http.clone(), endpoint.clock.now(), endpoint.directory.clone());
        crate::lifecycle::spawn(async move {
            commands::answer_shared(&core, directory.as_ref(), press, text, now, http).await
        });
        return StatusCode::OK.into_response();
    }
    let Some(press) = commands::Press::of(&payload) else {
        debug!("signed Slack request that is not a button press");
        return (StatusCode::BAD_REQUEST, "not a button press").into_response();
    };
    let (core, http, now) = (endpoint.core.clone(), endpoint.http.clone(), endpoint.clock.now());
    let (directory, poster) = (endpoint.directory.clone(), endpoint.poster.clone());
    crate::lifecycle::spawn(async move {
        commands::answer_press(&core, directory.as_ref(), poster.as_deref(), press, now, http).await
    });
    StatusCode::OK.into_response()
}

async fn slash_command(State(endpoint): State<SlackEndpoint>, headers: HeaderMap, body: Bytes) -> Response {
    let body = match verified(&endpoint, &headers, &body) {
        Ok(body) => body,
        Err(refused) => return refused.into_response(),
    };
    let event: SlackCommandEvent = match serde_urlencoded::from_str(body) {
        Ok(event) => event,
        Err(e) => {
            debug!(error = %e, "signed Slack request that is not a slash command");
            return (StatusCode::BAD_REQUEST, "not a slash command").into_response();
        }
    };
    let user_name =
        serde_urlencoded::from_str::<HashMap<String, String>>(body).ok().and_then(|mut f| f.remove("user_name"));
    if let Some(poster) = &endpoint.poster {
        let (core, dir, now) = (&endpoint.core, endpoint.directory.as_ref(), endpoint.clock.now());
        match forms::open_for_command(core, dir, poster, &event, user_name.as_deref(), now).await {
            Ok(()) => return StatusCode::OK.into_response(),
            Err(Some(refused)) => return axum::Json(super::blocks::command_response(&refused)).into_response(),
            Err(None) => {}
        }
    }
    let response = commands::respond(
        &endpoint.core,
        endpoint.directory.clone(),
        event,
        user_name,
        endpoint.clock.now(),
        endpoint.answer_within,
        endpoint.http.clone(),
    )
    .await;
    axum::Json(response).into_response()
}

/// The Events API (`POST /slack/events`, signed like the rest): the URL check Slack makes when
/// the request URL is set, and `app_mention` / `message.im` events, whose text is read into a
/// draft and answered where it was written (in a channel, to its author only). Acknowledged at
/// once; a retry of an event already handled is acknowledged and not answered again.
async fn events(State(endpoint): State<SlackEndpoint>, headers: HeaderMap, body: Bytes) -> Response {
    let body = match verified(&endpoint, &headers, &body) {
        Ok(body) => body,
        Err(refused) => return refused.into_response(),
    };
    let Ok(payload) = serde_json::from_str::<serde_json::Value>(body) else {
        return (StatusCode::BAD_REQUEST, "not an event").into_response();
    };
    match payload["type"].as_str() {
        Some("url_verification") => {
            let challenge = payload["challenge"].as_str().unwrap_or_default();
            return axum::Json(serde_json::json!({ "challenge": challenge })).into_response();
        }
        Some("event_callback") => {}
        _ => return StatusCode::OK.into_response(),
    }
    let Some(written) = commands::Written::of(&payload) else { return StatusCode::OK.into_response() };
    {
        let mut recent = endpoint.recent_events.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if recent.contains(&written.event_id) {
            debug!(event = %written.event_id, "a Slack event delivered again");
            return StatusCode::OK.into_response();
        }
        if recent.len() >= RECENT_EVENTS {
            recent.pop_front();
        }
        recent.push_back(written.event_id.clone());
    }
    let Some(poster) = endpoint.poster.clone() else {
        debug!("a Slack event, but no bot token to answer it with");
        return StatusCode::OK.into_response();
    };
    let (core, directory, now) = (endpoint.core.clone(), endpoint.directory.clone(), endpoint.clock.now());
    crate::lifecycle::spawn(
        async move { commands::answer_written(&core, directory.as_ref(), &poster, written, now).await },
    );
    StatusCode::OK.into_response()
}
