//! Socket Mode: for deployments without a public URL, the bot opens a websocket to Slack with the
//! app token (`SLACK_APP_TOKEN`) and receives slash commands and button presses there, answered
//! by the same handlers as over HTTP.

use std::sync::Arc;

use chrono::Utc;
use slack_morphism::prelude::*;
use tracing::{error, info};

use super::commands;
use crate::core::Core;

async fn on_command(
    event: SlackCommandEvent,
    _client: Arc<SlackHyperClient>,
    state: SlackClientEventsUserState,
) -> UserCallbackResult<SlackCommandEventResponse> {
    let core = state.read().await.get_user_state::<Core>().cloned();
    let Some(core) = core else {
        error!("Socket Mode without the core");
        return Err("kam-bot is not ready".into());
    };
    Ok(commands::respond(&core, event, None, Utc::now(), commands::ANSWER_WITHIN, reqwest::Client::new()).await)
}

/// A button pressed under a reminder: carried out like one pressed over HTTP.
async fn on_interaction(
    event: SlackInteractionEvent,
    _client: Arc<SlackHyperClient>,
    state: SlackClientEventsUserState,
) -> UserCallbackResult<()> {
    let core = state.read().await.get_user_state::<Core>().cloned();
    let Some(core) = core else {
        error!("Socket Mode without the core");
        return Err("kam-bot is not ready".into());
    };
    let press = serde_json::to_value(&event).ok().as_ref().and_then(commands::Press::of);
    if let Some(press) = press {
        tokio::spawn(async move { commands::answer_press(&core, press, Utc::now(), reqwest::Client::new()).await });
    }
    Ok(())
}

/// Listens for slash commands and button presses over Socket Mode until the process is asked to
/// stop.
pub async fn run(core: Core, client: Arc<SlackHyperClient>, app_token: &str) -> anyhow::Result<()> {
    let callbacks =
        SlackSocketModeListenerCallbacks::new().with_command_events(on_command).with_interaction_events(on_interaction);
    let environment = Arc::new(SlackClientEventsListenerEnvironment::new(client).with_user_state(core));
    let listener = SlackClientSocketModeListener::new(&SlackClientSocketModeConfig::new(), environment, callbacks);
    listener.listen_for(&SlackApiToken::new(app_token.into())).await?;
    info!("listening for Slack commands over Socket Mode");
    listener.serve().await;
    Ok(())
}
