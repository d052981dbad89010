//! Socket Mode: for deployments without a public URL, the bot opens a websocket to Slack with the
//! app token (`SLACK_APP_TOKEN`) and receives slash commands there, answered by the same handler.

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

/// Listens for slash commands over Socket Mode until the process is asked to stop.
pub async fn run(core: Core, client: Arc<SlackHyperClient>, app_token: &str) -> anyhow::Result<()> {
    let callbacks = SlackSocketModeListenerCallbacks::new().with_command_events(on_command);
    let environment = Arc::new(SlackClientEventsListenerEnvironment::new(client).with_user_state(core));
    let listener = SlackClientSocketModeListener::new(&SlackClientSocketModeConfig::new(), environment, callbacks);
    listener.listen_for(&SlackApiToken::new(app_token.into())).await?;
    info!("listening for Slack commands over Socket Mode");
    listener.serve().await;
    Ok(())
}
