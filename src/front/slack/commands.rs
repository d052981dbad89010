//! The one handler every Slack path shares: a slash command in, the Block Kit answer out. Each
//! catalog command is its own slash command (`/account Vale`) and a word of the umbrella command
//! (`/kam account Vale`); the text is read by the core's parser. An answer that would miss Slack's
//! 3 seconds is acknowledged at once and posted to the command's `response_url` when ready.

use std::time::Duration;

use chrono::{DateTime, Utc};
use slack_morphism::prelude::*;
use tracing::{error, warn};

use super::blocks;
use crate::core::{Core, Invocation, Platform, Reply};
use crate::i18n::{Locale, Msg};

/// The umbrella slash command.
pub const UMBRELLA: &str = "kam";

/// How long a command may take before it is acknowledged and answered later.
pub const ANSWER_WITHIN: Duration = Duration::from_millis(2500);

/// The workspace of a Slack team.
pub fn workspace_key(team_id: &str) -> String {
    format!("slack:{team_id}")
}

/// The typed line of a slash command: `/account` + `Vale`, or `/kam` + `account Vale`.
pub fn line_of(command: &str, text: &str) -> String {
    let name = command.trim().trim_start_matches('/');
    if name.eq_ignore_ascii_case(UMBRELLA) {
        let text = text.trim();
        if text.is_empty() { "/help".to_string() } else { format!("/{text}") }
    } else {
        format!("/{name} {text}")
    }
}

/// Carries out a slash command through the core.
pub async fn run(core: &Core, event: &SlackCommandEvent, user_name: Option<&str>, now: DateTime<Utc>) -> Reply {
    let invocation = Invocation {
        workspace: workspace_key(event.team_id.as_ref()),
        platform: Platform::Slack,
        user_id: event.user_id.to_string(),
        display_name: user_name.map(str::to_string).unwrap_or_else(|| event.user_id.to_string()),
        locale: None,
        now,
        source_id: Some(event.trigger_id.to_string()),
    };
    core.run_line(&invocation, &line_of(event.command.as_ref(), event.text.as_deref().unwrap_or(""))).await
}

/// Answers a slash command within `budget`, or acknowledges it and posts the answer to its
/// `response_url` when ready.
pub async fn respond(
    core: &Core,
    event: SlackCommandEvent,
    user_name: Option<String>,
    now: DateTime<Utc>,
    budget: Duration,
    http: reqwest::Client,
) -> SlackCommandEventResponse {
    let task_core = core.clone();
    let task_event = event.clone();
    let mut task = tokio::spawn(async move { run(&task_core, &task_event, user_name.as_deref(), now).await });
    match tokio::time::timeout(budget, &mut task).await {
        Ok(Ok(reply)) => blocks::command_response(&reply),
        Ok(Err(e)) => {
            error!(error = ?e, "a Slack command task failed");
            blocks::command_response(&Reply::error(Locale::default().t(Msg::Internal)))
        }
        Err(_) => {
            let url = event.response_url.0.to_string();
            tokio::spawn(async move {
                let reply = task.await.unwrap_or_else(|e| {
                    error!(error = ?e, "a deferred Slack command task failed");
                    Reply::error(Locale::default().t(Msg::Internal))
                });
                let posted = http.post(&url).json(&blocks::command_response(&reply)).send().await;
                if let Err(e) = posted.and_then(|r| r.error_for_status()) {
                    warn!(error = %e.without_url(), "cannot post a delayed Slack answer");
                }
            });
            blocks::command_response(&Reply::error(Locale::default().t(Msg::SlackWorking)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_and_umbrella_commands_make_the_same_line() {
        assert_eq!(line_of("/account", "Vale"), "/account Vale");
        assert_eq!(line_of("/kam", "account Vale"), "/account Vale");
        assert_eq!(line_of("/KAM", "  log Vale call \"x\" "), "/log Vale call \"x\"");
        assert_eq!(line_of("/kam", ""), "/help");
    }
}
