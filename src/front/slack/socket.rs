//! Socket Mode: for deployments without a public URL, the bot opens a websocket to Slack with the
//! app token (`SLACK_APP_TOKEN`) and receives slash commands, button presses and `events_api`
//! envelopes (a mention, a direct message) there, answered by the same handlers as over HTTP.

use std::sync::Arc;

use chrono::Utc;
use slack_morphism::prelude::*;
use tracing::{error, info};

use super::commands;
use super::people::Directory;
use crate::core::Core;
use crate::lifecycle::{self, CancellationToken, TaskTracker};

/// What the callbacks share: the core, and the work in flight (a stop waits for it).
#[derive(Clone)]
struct Listening {
    core: Core,
    directory: Option<Directory>,
    in_flight: TaskTracker,
    /// Answers what is written to the bot, with the bot token.
    poster: Option<Arc<super::notifier::SlackNotifier>>,
}

async fn listening(state: &SlackClientEventsUserState) -> Result<Listening, Box<dyn std::error::Error + Send + Sync>> {
    let listening = state.read().await.get_user_state::<Listening>().cloned();
    listening.ok_or_else(|| {
        error!("Socket Mode without the core");
        "kam-bot is not ready".into()
    })
}

async fn on_command(
    event: SlackCommandEvent,
    _client: Arc<SlackHyperClient>,
    state: SlackClientEventsUserState,
) -> UserCallbackResult<SlackCommandEventResponse> {
    let Listening { core, directory, in_flight, poster } = listening(&state).await?;
    if let Some(poster) = &poster {
        match super::forms::open_for_command(&core, directory.as_ref(), poster, &event, None, Utc::now()).await {
            Ok(()) => return Ok(SlackCommandEventResponse::new(SlackMessageContent::new())),
            Err(Some(refused)) => return Ok(super::blocks::command_response(&refused)),
            Err(None) => {}
        }
    }
    let answer =
        commands::respond(&core, directory, event, None, Utc::now(), commands::ANSWER_WITHIN, reqwest::Client::new());
    Ok(in_flight.track_future(answer).await)
}

/// A button pressed under a reminder: carried out like one pressed over HTTP. A form's picker and
/// its submission are answered in the acknowledgement, as over HTTP in the response.
async fn on_interaction(
    event: SlackInteractionEvent,
    _client: Arc<SlackHyperClient>,
    state: SlackClientEventsUserState,
) -> UserCallbackResult<SlackInteractionResponse> {
    let Listening { core, directory, in_flight, poster } = listening(&state).await?;
    let Ok(payload) = serde_json::to_value(&event) else { return Ok(SlackInteractionResponse::Empty) };
    if matches!(payload["type"].as_str(), Some("block_suggestion" | "view_submission")) {
        let answer = super::forms::interact(&core, directory.as_ref(), poster.clone(), &payload, Utc::now());
        let answer = in_flight.track_future(answer).await;
        let answer = match answer {
            Some(super::forms::Answer::With(answer)) => serde_json::from_value(answer).ok(),
            _ => None,
        };
        return Ok(answer.unwrap_or(SlackInteractionResponse::Empty));
    }
    if let Some((press, text)) = commands::shared_of(&payload) {
        in_flight.spawn(async move {
            commands::answer_shared(&core, directory.as_ref(), press, text, Utc::now(), reqwest::Client::new()).await
        });
        return Ok(SlackInteractionResponse::Empty);
    }
    if let Some(press) = commands::Press::of(&payload) {
        in_flight.spawn(async move {
            let poster = poster.as_deref();
            commands::answer_press(&core, directory.as_ref(), poster, press, Utc::now(), reqwest::Client::new()).await
        });
    }
    Ok(SlackInteractionResponse::Empty)
}

/// An `events_api` envelope: a mention or a direct message read into a draft, as over HTTP.
async fn on_push(
    event: SlackPushEventCallback,
    _client: Arc<SlackHyperClient>,
    state: SlackClientEventsUserState,
) -> UserCallbackResult<()> {
    let Listening { core, directory, in_flight, poster } = listening(&state).await?;
    let written = serde_json::to_value(&event).ok().as_ref().and_then(commands::Written::of);
    if let (Some(written), Some(poster)) = (written, poster) {
        in_flight.spawn(async move {
            commands::answer_written(&core, directory.as_ref(), &poster, written, Utc::now()).await
        });
    }
    Ok(())
}

/// Listens for slash commands and button presses over Socket Mode until `stop` is cancelled;
/// then lets the commands in flight answer over the socket, and closes it.
pub async fn run(
    core: Core,
    directory: Option<Directory>,
    client: Arc<SlackHyperClient>,
    app_token: &str,
    poster: Option<Arc<super::notifier::SlackNotifier>>,
    stop: CancellationToken,
) -> anyhow::Result<()> {
    let callbacks = SlackSocketModeListenerCallbacks::new()
        .with_command_events(on_command)
        .with_interaction_events(on_interaction)
        .with_push_events(on_push);
    let in_flight = TaskTracker::new();
    let state = Listening { core, directory, in_flight: in_flight.clone(), poster };
    let environment = Arc::new(SlackClientEventsListenerEnvironment::new(client).with_user_state(state));
    let listener = SlackClientSocketModeListener::new(&SlackClientSocketModeConfig::new(), environment, callbacks);
    listener.listen_for(&SlackApiToken::new(app_token.into())).await?;
    listener.start().await;
    info!("listening for Slack commands over Socket Mode");
    stop.cancelled().await;
    lifecycle::drain(&in_flight, "Slack Socket Mode").await;
    listener.shutdown().await;
    info!("Socket Mode has stopped");
    Ok(())
}
