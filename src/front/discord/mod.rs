//! The Discord front end: slash commands registered from the catalog, interactions answered over
//! the gateway or over a signed HTTP endpoint through one shared handler, replies rendered as
//! embeds that can mention nobody, and a notifier for direct messages and channel posts.

pub mod commands;
pub mod endpoint;
pub mod forms;
pub mod gateway;
pub mod interaction;
pub mod notifier;
pub mod render;

use std::sync::Arc;

use serenity::http::{Http, HttpBuilder};

/// The Discord settings, from the environment.
#[derive(Debug, Clone, Default)]
pub struct DiscordConfig {
    /// `DISCORD_TOKEN`: the bot token (gateway, registration, notifications, deferred answers).
    pub token: Option<String>,
    /// `DISCORD_PUBLIC_KEY`: the application's public key in hex (HTTP interactions endpoint).
    pub public_key: Option<String>,
    /// `DISCORD_APPLICATION_ID`: the application id (else asked of Discord with the token).
    pub application_id: Option<u64>,
    /// `DISCORD_GUILD_ID`: register commands in this guild only (they appear at once).
    pub guild_id: Option<u64>,
    /// `DISCORD_API_URL`: send REST calls here instead of `https://discord.com` (a proxy or a stand-in).
    pub api_url: Option<String>,
}

impl DiscordConfig {
    pub fn from_env() -> anyhow::Result<DiscordConfig> {
        let var = |name: &str| std::env::var(name).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let id = |name: &str| -> anyhow::Result<Option<u64>> {
            var(name)
                .map(|v| {
                    v.parse::<u64>().map_err(|_| anyhow::anyhow!("{name} must be a numeric Discord id, not {v:?}"))
                })
                .transpose()
        };
        Ok(DiscordConfig {
            token: crate::config::secret("DISCORD_TOKEN"),
            public_key: crate::config::secret("DISCORD_PUBLIC_KEY"),
            application_id: id("DISCORD_APPLICATION_ID")?,
            guild_id: id("DISCORD_GUILD_ID")?,
            api_url: var("DISCORD_API_URL"),
        })
    }

    /// A shared REST client with the token (empty when none) and the API address.
    pub fn http(&self) -> Arc<Http> {
        Arc::new(self.client())
    }

    /// A REST client with the token (empty when none) and the API address.
    pub fn client(&self) -> Http {
        let mut builder = HttpBuilder::new(self.token.clone().unwrap_or_default());
        if let Some(url) = &self.api_url {
            // serenity's rate limiter ignores the proxy: with one, limits are honoured by the caller.
            builder = builder.proxy(url.clone()).ratelimiter_disabled(true);
        }
        if let Some(id) = self.application_id {
            builder = builder.application_id(id.into());
        }
        builder.build()
    }
}
