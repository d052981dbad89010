//! The Slack front end: every command of the catalog as its own slash command and through the
//! umbrella `/kam`, over signed HTTP requests or Socket Mode, answered with Block Kit that can
//! mention nobody; and a notifier for direct messages and channel posts through the Web API.

pub mod blocks;
pub mod commands;
pub mod endpoint;
pub mod forms;
pub mod notifier;
pub mod people;
pub mod socket;

/// The Slack settings, from the environment.
#[derive(Debug, Clone, Default)]
pub struct SlackConfig {
    /// `SLACK_SIGNING_SECRET`: verifies requests to `POST /slack/commands`.
    pub signing_secret: Option<String>,
    /// `SLACK_BOT_TOKEN` (`xoxb-…`): direct messages and channel posts.
    pub bot_token: Option<String>,
    /// `SLACK_APP_TOKEN` (`xapp-…`): Socket Mode, for deployments without a public URL.
    pub app_token: Option<String>,
    /// `SLACK_API_URL`: another address for Slack's Web API (default `https://slack.com/api`).
    pub api_url: Option<String>,
}

impl SlackConfig {
    pub fn from_env() -> SlackConfig {
        let var = |name: &str| std::env::var(name).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        SlackConfig {
            signing_secret: crate::config::secret("SLACK_SIGNING_SECRET"),
            bot_token: crate::config::secret("SLACK_BOT_TOKEN"),
            app_token: crate::config::secret("SLACK_APP_TOKEN"),
            api_url: var("SLACK_API_URL"),
        }
    }
}
