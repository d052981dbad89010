//! The gateway path: `kam-bot serve` with `DISCORD_TOKEN` connects through serenity's client and
//! answers interactions with the same handler as the HTTP endpoint, and reads a message that
//! mentions the bot, or a direct message to it, into a draft (a bot receives those without the
//! message-content intent). When Discord cannot be reached it logs the failure and tries again
//! with a growing pause. Asked to stop, it lets the interactions in flight answer, then closes
//! the connection.

use std::sync::Arc;
use std::time::Duration;

use serenity::all::{Context, EventHandler, GatewayIntents, Interaction, Message, Ready, UserId};
use serenity::async_trait;
use serenity::client::ClientBuilder;
use tracing::{info, warn};

use super::{DiscordConfig, interaction};
use crate::clock::Clock;
use crate::core::Core;
use crate::lifecycle::{self, CancellationToken, TaskTracker};
use crate::shards::ShardRange;
use tokio::sync::watch;

struct Handler {
    core: Core,
    clock: Arc<dyn Clock>,
    in_flight: TaskTracker,
    /// The bot's own user, known once connected: a message that mentions it is written to it.
    bot: std::sync::OnceLock<UserId>,
}

/// The text of a message without the mentions of the bot (`<@id>`, `<@!id>`).
fn without_mention(content: &str, bot: UserId) -> String {
    content.replace(&format!("<@{bot}>"), " ").replace(&format!("<@!{bot}>"), " ").trim().to_string()
}

impl Handler {
    /// The reply to a message written to the bot in `workspace`: its text read into a draft, or
    /// the help when it says nothing but the mention.
    async fn answer(&self, msg: &Message, workspace: String, text: &str) -> crate::core::Reply {
        let invocation = crate::core::Invocation {
            workspace,
            platform: crate::core::Platform::Discord,
            user_id: msg.author.id.get().to_string(),
            display_name: msg
                .member
                .as_ref()
                .and_then(|m| m.nick.clone())
                .or_else(|| msg.author.global_name.clone())
                .unwrap_or_else(|| msg.author.name.clone()),
            name_is_handle: false,
            locale: None,
            workspace_locale: None,
            now: self.clock.now(),
            source_id: Some(format!("message:{}", msg.id.get())),
        };
        if text.is_empty() {
            self.core.run_line(&invocation, "/help").await
        } else {
            self.core.capture(&invocation, text).await
        }
    }
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, _ctx: Context, ready: Ready) {
        let _ = self.bot.set(ready.user.id);
        info!(user = %ready.user.name, guilds = ready.guilds.len(), "connected to the Discord gateway");
    }

    /// A message in a server that mentions the bot, or a direct message to it: its text read into
    /// a draft, answered under it with Confirm, Edit and Cancel (only its author may press them).
    /// A direct message names no server: it belongs to the one workspace its author is in.
    async fn message(&self, ctx: Context, msg: Message) {
        let _in_flight = self.in_flight.token();
        let Some(bot) = self.bot.get().copied() else { return };
        if msg.author.bot
            || msg.author.id == bot
            || (msg.guild_id.is_some() && !msg.mentions.iter().any(|u| u.id == bot))
        {
            return;
        }
        let text = without_mention(
            &crate::domain::text::truncate(&msg.content, crate::domain::capture::MAX_SENTENCE_CHARS),
            bot,
        );
        let workspace = match msg.guild_id {
            Some(guild) => Ok(interaction::workspace_key(guild.get())),
            None => {
                let user = msg.author.id.get().to_string();
                self.core.home_of(crate::core::Platform::Discord, &user, crate::i18n::Locale::default()).await
            }
        };
        let reply = match workspace {
            Ok(workspace) => self.answer(&msg, workspace, &text).await,
            Err(refusal) => refusal,
        };
        let answer = super::render::message(&reply).components(super::render::buttons(&reply)).reference_message(&msg);
        if let Err(e) = msg.channel_id.send_message(&ctx.http, answer).await {
            warn!(error = %e, "cannot answer a message written to the bot");
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        // Counted until answered: a stop waits for it.
        let _in_flight = self.in_flight.token();
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

/// Runs `shards` while `allowed` says this process holds them (the scheduler's lead, or the
/// shards' own leases), reconnecting after any failure, until `stop` is cancelled (or at once if
/// the token is missing). When the role passes to another process the shards close at once, so
/// that no two sessions ever run on one shard.
pub async fn run(
    core: Core,
    config: DiscordConfig,
    clock: Arc<dyn Clock>,
    stop: CancellationToken,
    shards: ShardRange,
    mut allowed: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    if config.token.is_none() {
        anyhow::bail!("DISCORD_TOKEN is not set");
    }
    let in_flight = TaskTracker::new();
    let mut pause = Duration::from_secs(1);
    while !stop.is_cancelled() {
        // Waiting for the role: another process runs these shards meanwhile.
        tokio::select! {
            held = async { allowed.wait_for(|held| *held).await.is_ok() } => if !held { break },
            () = stop.cancelled() => break,
        }
        let started = std::time::Instant::now();
        // Ask for the gateway first: serenity would otherwise fall back to a default address and
        // keep retrying out of sight.
        let http = config.http();
        let gateway = tokio::select! {
            found = http.get_bot_gateway() => found,
            () = stop.cancelled() => break,
        };
        match gateway {
            Err(e) => warn!(error = %e, retry_in = ?pause, "cannot reach the Discord gateway"),
            Ok(_) => {
                let handler = Handler {
                    core: core.clone(),
                    clock: clock.clone(),
                    in_flight: in_flight.clone(),
                    bot: std::sync::OnceLock::new(),
                };
                // Messages in servers (for those that mention the bot) and direct messages: neither is a
                // privileged intent, and both carry their content to the bot they are written to.
                let intents = GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES | GatewayIntents::DIRECT_MESSAGES;
                match ClientBuilder::new_with_http(config.client(), intents).event_handler(handler).await {
                    Ok(mut client) => {
                        let manager = client.shard_manager.clone();
                        info!(shards = %shards, "the Discord gateway starts");
                        crate::metrics::global().set_gateway(Some(&shards));
                        // serenity's range counts its end in: shards `first..=last`.
                        let running = client.start_shard_range(shards.first..shards.last, shards.total);
                        let ended = tokio::select! {
                            ended = running => Some(ended),
                            lost = async { allowed.wait_for(|held| !*held).await.is_ok() } => {
                                // Closed before another process may open them: its leases
                                // wait for ours to lapse.
                                if lost {
                                    info!(shards = %shards, "the gateway's shards passed to another process; closing them");
                                }
                                manager.shutdown_all().await;
                                None
                            }
                            () = stop.cancelled() => {
                                lifecycle::drain(&in_flight, "Discord gateway").await;
                                manager.shutdown_all().await;
                                crate::metrics::global().set_gateway(None);
                                break;
                            }
                        };
                        crate::metrics::global().set_gateway(None);
                        match ended {
                            Some(Ok(())) => warn!(retry_in = ?pause, "the Discord gateway connection ended"),
                            Some(Err(e)) => warn!(error = %e, retry_in = ?pause, "cannot reach the Discord gateway"),
                            // The role is gone: wait for it again, without a pause.
                            None => continue,
                        }
                    }
                    Err(e) => warn!(error = %e, retry_in = ?pause, "cannot start the Discord client"),
                }
            }
        }
        if started.elapsed() > Duration::from_secs(300) {
            pause = Duration::from_secs(1);
        }
        tokio::select! {
            () = tokio::time::sleep(pause) => {},
            () = stop.cancelled() => break,
        }
        pause = (pause * 2).min(Duration::from_secs(300));
    }
    info!("the Discord gateway has stopped");
    Ok(())
}
