//! The gateway path: `kam-bot serve` with `DISCORD_TOKEN` connects through serenity's client and
//! answers interactions with the same handler as the HTTP endpoint. When Discord cannot be reached
//! it logs the failure and tries again with a growing pause.

use std::sync::Arc;
use std::time::Duration;

use serenity::all::{Context, EventHandler, GatewayIntents, Interaction, Ready};
use serenity::async_trait;
use serenity::client::ClientBuilder;
use tracing::{info, warn};

use super::{DiscordConfig, interaction};
use crate::clock::Clock;
use crate::core::Core;

struct Handler {
    core: Core,
    clock: Arc<dyn Clock>,
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, _ctx: Context, ready: Ready) {
        info!(user = %ready.user.name, guilds = ready.guilds.len(), "connected to the Discord gateway");
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let answer = |response| {
            let http = ctx.http.clone();
            let interaction = interaction.clone();
            async move {
                let sent = match &interaction {
                    Interaction::Command(c) | Interaction::Autocomplete(c) => c.create_response(&http, response).await,
                    Interaction::Component(c) => c.create_response(&http, response).await,
                    _ => Ok(()),
                };
                if let Err(e) = sent {
                    warn!(error = %e, "cannot answer an interaction");
                }
            }
        };
        let response = interaction::respond(
            &self.core,
            interaction.clone(),
            self.clock.now(),
            ctx.http.clone(),
            interaction::DEFER_AFTER,
        )
        .await;
        answer(response).await;
    }
}

/// Connects and stays connected, reconnecting after any failure; returns only if the token is
/// missing.
pub async fn run(core: Core, config: DiscordConfig, clock: Arc<dyn Clock>) -> anyhow::Result<()> {
    if config.token.is_none() {
        anyhow::bail!("DISCORD_TOKEN is not set");
    }
    let mut pause = Duration::from_secs(1);
    loop {
        let started = std::time::Instant::now();
        // Ask for the gateway first: serenity would otherwise fall back to a default address and
        // keep retrying out of sight.
        match config.http().get_bot_gateway().await {
            Err(e) => warn!(error = %e, retry_in = ?pause, "cannot reach the Discord gateway"),
            Ok(_) => {
                let handler = Handler { core: core.clone(), clock: clock.clone() };
                match ClientBuilder::new_with_http(config.client(), GatewayIntents::GUILDS).event_handler(handler).await
                {
                    Ok(mut client) => match client.start().await {
                        Ok(()) => warn!(retry_in = ?pause, "the Discord gateway connection ended"),
                        Err(e) => warn!(error = %e, retry_in = ?pause, "cannot reach the Discord gateway"),
                    },
                    Err(e) => warn!(error = %e, retry_in = ?pause, "cannot start the Discord client"),
                }
            }
        }
        if started.elapsed() > Duration::from_secs(300) {
            pause = Duration::from_secs(1);
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_secs(300));
    }
}
