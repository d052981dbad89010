//! Who a Slack user is: someone the bot has not met is named from `users.info` (their real name,
//! else their display name), never from the handle a slash command carries, and their Slack
//! language is read there too (so a new workspace first met through a Brazilian speaks
//! Portuguese); a known person keeps the name they have.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use slack_morphism::prelude::*;
use tracing::warn;

use super::commands::workspace_key;
use crate::core::{Core, Platform};
use crate::i18n::Locale;

/// How long a command waits for Slack to say who someone is before it goes on with the handle.
pub const LOOKUP_WITHIN: Duration = Duration::from_millis(1500);

/// Errors that say the bot may not read the directory at all: asking again will not help.
const REFUSED_CODES: [&str; 5] = ["missing_scope", "not_authed", "invalid_auth", "account_inactive", "token_revoked"];

/// Slack's directory of people, read with the bot token (scope `users:read`).
#[derive(Clone)]
pub struct Directory {
    client: Arc<SlackHyperClient>,
    token: SlackApiToken,
    /// Set when Slack refuses the token the directory: it is not asked again until a restart.
    refused: Arc<AtomicBool>,
}

impl Directory {
    pub fn new(client: Arc<SlackHyperClient>, bot_token: &str) -> Directory {
        Directory { client, token: SlackApiToken::new(bot_token.into()), refused: Arc::default() }
    }

    /// What Slack says of `user` (their name and language), or `None` when it does not say in time.
    pub async fn profile_of(&self, user: &str) -> Option<Profile> {
        if self.refused.load(Ordering::Relaxed) {
            return None;
        }
        let session = self.client.open_session(&self.token);
        let request = SlackApiUsersInfoRequest::new(SlackUserId::new(user.into())).with_include_locale(true);
        match tokio::time::timeout(LOOKUP_WITHIN, session.users_info(&request)).await {
            Ok(Ok(found)) => Some(Profile { name: name_in(&found.user), locale: locale_in(&found.user) }),
            Ok(Err(slack_morphism::errors::SlackClientError::ApiError(e)))
                if REFUSED_CODES.contains(&e.code.as_str()) =>
            {
                self.refused.store(true, Ordering::Relaxed);
                warn!(error = %e.code, "Slack refuses users.info to this token (scope users:read?): new people keep their handle until a restart");
                None
            }
            Ok(Err(e)) => {
                warn!(error = %e, "Slack's users.info did not say who a new person is; the handle is kept");
                None
            }
            Err(_) => {
                warn!("Slack's users.info did not answer in time; the handle is kept");
                None
            }
        }
    }
}

/// What Slack's directory says of a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub name: Option<String>,
    /// Their Slack language (`pt-BR`), where it is one the bot speaks.
    pub locale: Option<Locale>,
}

/// A person's Slack language (`locale`, given with `include_locale`), where the bot speaks it.
fn locale_in(user: &SlackUser) -> Option<Locale> {
    user.locale.as_ref().and_then(|l| Locale::parse(&l.0))
}

/// A person's name as Slack holds it: the real name, else the display name.
fn name_in(user: &SlackUser) -> Option<String> {
    let profile = user.profile.as_ref();
    [
        user.real_name.as_deref(),
        profile.and_then(|p| p.real_name.as_deref()),
        profile.and_then(|p| p.display_name.as_deref()),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .find(|name| !name.is_empty())
    .map(str::to_string)
}

/// Who an invocation of a Slack user is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Naming {
    pub display_name: String,
    /// Whether the name is only the handle (which never renames anyone).
    pub name_is_handle: bool,
    /// The language Slack reports for someone new.
    pub locale: Option<Locale>,
}

/// The name an invocation of `user` carries, and whether it is only a handle (which never renames
/// anyone): for a person the bot knows, the handle (the core keeps their name); for someone new,
/// or someone first met by their handle alone, the name and language Slack gives them.
pub async fn naming(
    core: &Core,
    directory: Option<&Directory>,
    team: &str,
    user: &str,
    handle: Option<&str>,
) -> Naming {
    let handle = handle.filter(|h| !h.trim().is_empty()).unwrap_or(user).to_string();
    let by_handle = |locale| Naming { display_name: handle.clone(), name_is_handle: true, locale };
    let Some(directory) = directory else { return by_handle(None) };
    match core.store().identify(&workspace_key(team), Platform::Slack, user).await {
        Ok(Some((_, Some(person)))) if person.name_fixed || person.display_name != handle => by_handle(None),
        Err(e) => {
            warn!(error = %e, "cannot tell whether a Slack user is known");
            by_handle(None)
        }
        _ => match directory.profile_of(user).await {
            Some(Profile { name: Some(name), locale }) => Naming { display_name: name, name_is_handle: false, locale },
            Some(Profile { name: None, locale }) => by_handle(locale),
            None => by_handle(None),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(json: serde_json::Value) -> SlackUser {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn the_real_name_comes_before_the_display_name_and_blanks_are_skipped() {
        let both = user(serde_json::json!({"id": "U1", "real_name": "Ana Souza",
            "profile": {"display_name": "ana", "real_name": "Ana Souza"}}));
        assert_eq!(name_in(&both).as_deref(), Some("Ana Souza"));
        let display_only = user(serde_json::json!({"id": "U1", "real_name": " ",
            "profile": {"display_name": "Aninha", "real_name": ""}}));
        assert_eq!(name_in(&display_only).as_deref(), Some("Aninha"));
        assert_eq!(name_in(&user(serde_json::json!({"id": "U1"}))), None);
    }

    #[test]
    fn the_language_is_read_where_the_bot_speaks_it() {
        assert_eq!(locale_in(&user(serde_json::json!({"id": "U1", "locale": "pt-BR"}))), Some(Locale::PtBr));
        assert_eq!(locale_in(&user(serde_json::json!({"id": "U1", "locale": "en-US"}))), Some(Locale::En));
        assert_eq!(locale_in(&user(serde_json::json!({"id": "U1", "locale": "ja-JP"}))), None);
        assert_eq!(locale_in(&user(serde_json::json!({"id": "U1"}))), None);
    }
}
