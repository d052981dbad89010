//! Direct messages (open the conversation, then post) and channel posts through Slack's Web API
//! with the bot token. A 429 is waited out as its `Retry-After` says; server errors and network
//! failures are tried again with a growing pause; what still fails is reported, never dropped.
//! A reply with a chart (the weekly digest) is followed by the chart, uploaded into the same
//! conversation the way `files.uploadV2` does it: `files.getUploadURLExternal`, the bytes to the
//! URL given, then `files.completeUploadExternal`.

use std::sync::Arc;
use std::time::Duration;

use slack_morphism::errors::SlackClientError;
use slack_morphism::prelude::*;

use super::blocks;
use crate::core::Reply;
use crate::notify::{Delivery, Failure, Notifier, Recipient, RetryPolicy, with_retries};

/// Slack API errors that pass if tried again.
const TRANSIENT_CODES: [&str; 5] =
    ["ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"];

/// The body of `conversations.open` for a direct message.
#[derive(serde::Serialize)]
struct OpenDirect<'a> {
    users: &'a str,
}

pub struct SlackNotifier {
    client: Arc<SlackHyperClient>,
    token: SlackApiToken,
    policy: RetryPolicy,
}

/// A Web API client; `api_url` replaces `https://slack.com/api` (a proxy or a stand-in).
pub fn client(api_url: Option<&str>) -> anyhow::Result<Arc<SlackHyperClient>> {
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_native_roots()
        .map_err(|e| anyhow::anyhow!("cannot load the system's root certificates: {e}"))?
        .https_or_http()
        .enable_http1()
        .enable_http2()
        .build();
    let mut connector = SlackClientHyperConnector::with_connector(https);
    if let Some(url) = api_url {
        connector = connector.with_slack_api_url(url.trim_end_matches('/'));
    }
    Ok(Arc::new(SlackClient::new(connector)))
}

fn failure(error: SlackClientError) -> Failure {
    match error {
        SlackClientError::RateLimitError(e) => {
            Failure::RateLimited(e.retry_after.unwrap_or(Duration::from_secs(1)), "429 rate limited".to_string())
        }
        SlackClientError::ApiError(e) if TRANSIENT_CODES.contains(&e.code.as_str()) => Failure::Transient(e.code),
        SlackClientError::ApiError(e) => Failure::Permanent(e.code),
        SlackClientError::HttpError(e) if e.status_code.is_server_error() => Failure::Transient(e.to_string()),
        SlackClientError::HttpError(e) => Failure::Permanent(e.to_string()),
        other => Failure::Transient(other.to_string()),
    }
}

impl SlackNotifier {
    pub fn new(client: Arc<SlackHyperClient>, bot_token: &str, policy: RetryPolicy) -> SlackNotifier {
        SlackNotifier { client, token: SlackApiToken::new(bot_token.into()), policy }
    }

    async fn attempt(&self, to: &Recipient, reply: &Reply) -> Result<(), Failure> {
        let session = self.client.open_session(&self.token);
        let channel = match to {
            Recipient::Person(user) => {
                // `users` as Slack documents it, a comma-separated string (the client's own
                // request sends an array).
                let open = OpenDirect { users: user };
                let opened: SlackApiConversationsOpenResponse<SlackBasicChannelInfo> = session
                    .http_session_api
                    .http_post("conversations.open", &open, Some(&SLACK_TIER3_METHOD_CONFIG))
                    .await
                    .map_err(failure)?;
                opened.channel.id
            }
            Recipient::Channel(channel) => SlackChannelId::new(channel.clone()),
        };
        let post = SlackApiChatPostMessageRequest::new(channel.clone(), blocks::content(reply));
        session.chat_post_message(&post).await.map_err(failure)?;
        // The message is delivered: a picture that fails is logged, not sent again with the text.
        if let Some(chart) = &reply.chart
            && let Err(e) = self.upload_chart(&session, channel, chart).await
        {
            tracing::warn!(error = %e, "the digest's chart was not uploaded to Slack");
        }
        Ok(())
    }

    async fn upload_chart(
        &self,
        session: &SlackClientSession<'_, SlackClientHyperHttpsConnector>,
        channel: SlackChannelId,
        chart: &crate::chart::PortfolioChart,
    ) -> anyhow::Result<()> {
        let png = crate::chart::png(chart)?;
        let name = crate::chart::FILE_NAME.to_string();
        let url =
            session.get_upload_url_external(&SlackApiFilesGetUploadUrlExternalRequest::new(name, png.len())).await?;
        let upload = SlackApiFilesUploadViaUrlRequest::new(url.upload_url, png, "image/png".to_string());
        session.files_upload_via_url(&upload).await?;
        let file = SlackApiFilesComplete::new(url.file_id).with_title(chart.title.clone());
        let complete = SlackApiFilesCompleteUploadExternalRequest::new(vec![file]).with_channel_id(channel);
        session.files_complete_upload_external(&complete).await?;
        Ok(())
    }
}

impl SlackNotifier {
    /// Answers something written to the bot where it was written: in a direct message as a
    /// message, in a channel as a message only `user` sees (`chat.postEphemeral`).
    pub async fn answer_in(&self, channel: &str, user: Option<&str>, reply: &Reply) -> anyhow::Result<()> {
        let session = self.client.open_session(&self.token);
        let channel = SlackChannelId::new(channel.to_string());
        match user {
            Some(user) => {
                let post = SlackApiChatPostEphemeralRequest::new(
                    channel,
                    SlackUserId::new(user.to_string()),
                    blocks::content(reply),
                );
                session.chat_post_ephemeral(&post).await?;
            }
            None => {
                session
                    .chat_post_message(&SlackApiChatPostMessageRequest::new(channel, blocks::content(reply)))
                    .await?;
            }
        }
        Ok(())
    }
}

impl SlackNotifier {
    /// Opens a modal (`views.open`) for the request whose `trigger_id` is given. The view is read
    /// into slack-morphism's types first: a view they cannot hold is not sent.
    pub async fn open_view(&self, trigger_id: &str, view: serde_json::Value) -> anyhow::Result<()> {
        let view: SlackView = serde_json::from_value(view)?;
        let session = self.client.open_session(&self.token);
        session.views_open(&SlackApiViewsOpenRequest::new(SlackTriggerId::new(trigger_id.to_string()), view)).await?;
        Ok(())
    }
}

impl Notifier for SlackNotifier {
    fn deliver<'a>(&'a self, to: &'a Recipient, reply: &'a Reply) -> Delivery<'a> {
        Box::pin(with_retries(&self.policy, to, move || self.attempt(to, reply)))
    }
}
