//! Direct messages and channel posts through Discord's REST API, for the scheduler. A rate limit
//! (429) is waited out as long as Discord's `retry_after` says; server errors and network failures
//! are tried again with a growing pause; what still fails is reported, never dropped.
//!
//! Requests are built by serenity (its routes, authorisation and API address, a proxy included)
//! and sent here, so that the status, the `Retry-After` header and the body of a refusal are seen.
//! A reply with a chart (the weekly digest) carries it as a PNG attachment shown in its embed.

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use serenity::builder::CreateAttachment;
use serenity::http::{Http, LightMethod, Multipart, MultipartUpload, Request, Route};
use serenity::model::id::ChannelId;

use super::render;
use crate::core::Reply;
use crate::notify::{Delivery, Failure, Notifier, Recipient, RetryPolicy, Undelivered, with_retries};

pub struct DiscordNotifier {
    http: Arc<Http>,
    client: reqwest::Client,
    policy: RetryPolicy,
}

impl DiscordNotifier {
    pub fn new(http: Arc<Http>, policy: RetryPolicy) -> DiscordNotifier {
        DiscordNotifier { http, client: reqwest::Client::new(), policy }
    }

    /// One REST call with a JSON body: the JSON answer, or why it failed.
    async fn post(&self, route: Route<'_>, body: &impl Serialize) -> Result<serde_json::Value, Failure> {
        let body = serde_json::to_vec(body).map_err(|e| Failure::Permanent(e.to_string()))?;
        self.send(Request::new(route, LightMethod::Post).body(Some(body))).await
    }

    /// A message with a PNG: the file as `files[0]`, the message as `payload_json`, its first
    /// embed showing the picture (`attachment://`).
    async fn post_with_png(
        &self,
        route: Route<'_>,
        message: &impl Serialize,
        png: &[u8],
    ) -> Result<serde_json::Value, Failure> {
        let mut payload = serde_json::to_value(message).map_err(|e| Failure::Permanent(e.to_string()))?;
        if let Some(embed) = payload["embeds"].get_mut(0) {
            embed["image"] = serde_json::json!({ "url": format!("attachment://{}", crate::chart::FILE_NAME) });
        }
        payload["attachments"] = serde_json::json!([{ "id": 0, "filename": crate::chart::FILE_NAME }]);
        let multipart = Multipart {
            upload: MultipartUpload::Attachments(vec![CreateAttachment::bytes(png, crate::chart::FILE_NAME)]),
            fields: Vec::new(),
            payload_json: Some(payload.to_string()),
        };
        self.send(Request::new(route, LightMethod::Post).multipart(Some(multipart))).await
    }

    async fn send(&self, request: Request<'_>) -> Result<serde_json::Value, Failure> {
        let request = request
            .build(&self.client, self.http.token(), self.http.proxy.as_deref())
            .map_err(|e| Failure::Permanent(e.to_string()))?
            .build()
            .map_err(|e| Failure::Permanent(e.to_string()))?;
        let response = self.client.execute(request).await.map_err(|e| Failure::Transient(e.to_string()))?;
        let status = response.status();
        let retry_after_header =
            response.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<f64>().ok());
        let text = response.text().await.map_err(|e| Failure::Transient(e.to_string()))?;
        let json: serde_json::Value = serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
        if status.is_success() {
            return Ok(json);
        }
        let message = json["message"].as_str().map(str::to_string).unwrap_or_else(|| text.chars().take(200).collect());
        let reason = format!("{} {}", status.as_u16(), message);
        Err(if status.as_u16() == 429 {
            let seconds = json["retry_after"].as_f64().or(retry_after_header).unwrap_or(1.0);
            Failure::RateLimited(Duration::from_secs_f64(seconds.clamp(0.0, 3600.0)), reason)
        } else if status.is_server_error() {
            Failure::Transient(reason)
        } else {
            Failure::Permanent(reason)
        })
    }

    async fn attempt(
        &self,
        to: &Recipient,
        reply: &Reply,
        png: Option<&[u8]>,
        key: Option<&str>,
    ) -> Result<(), Failure> {
        let channel = match to {
            Recipient::Person(user) => {
                let user = parse_id(user)?;
                let dm = self
                    .post(Route::UserMeDmChannels, &serde_json::json!({ "recipient_id": user.to_string() }))
                    .await?;
                dm["id"]
                    .as_str()
                    .and_then(|id| id.parse::<u64>().ok())
                    .ok_or_else(|| Failure::Transient("no DM channel id".into()))?
            }
            Recipient::Channel(channel) => parse_id(channel)?,
        };
        let channel_id = ChannelId::new(channel);
        // A message too long for one embed goes as several, in order; the first carries the picture.
        for (i, message) in render::messages(reply).into_iter().enumerate() {
            // Each part of a keyed message has a nonce of its own (Discord takes 25 characters):
            // sent again within Discord's window, it is not created twice.
            let message = match key {
                Some(key) => message.nonce(serenity::model::channel::Nonce::String(nonce(key, i))).enforce_nonce(true),
                None => message,
            };
            let message = &message;
            let route = Route::ChannelMessages { channel_id };
            match png {
                Some(png) if i == 0 => self.post_with_png(route, message, png).await?,
                _ => self.post(route, message).await?,
            };
        }
        Ok(())
    }
}

/// The nonce of part `part` of the message keyed `key`: at most 25 characters, as Discord takes.
fn nonce(key: &str, part: usize) -> String {
    let text = format!("kam{key}p{part}");
    text.chars().take(25).collect()
}

/// A Discord id (a snowflake: a positive whole number).
fn parse_id(id: &str) -> Result<u64, Failure> {
    id.trim()
        .parse::<u64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| Failure::Permanent(format!("{id:?} is not a Discord id")))
}

impl DiscordNotifier {
    /// Every part of a reply, retried by the policy; keyed parts carry their nonce.
    async fn deliver_all(&self, to: &Recipient, reply: &Reply, key: Option<&str>) -> Result<(), Undelivered> {
        // The picture is drawn once for every attempt; one that cannot be drawn does not hold
        // the words back.
        let png = reply.chart.as_ref().and_then(|chart| {
            crate::chart::png(chart).map_err(|e| tracing::warn!(error = %e, "the chart was not drawn")).ok()
        });
        with_retries(&self.policy, to, || self.attempt(to, reply, png.as_deref(), key)).await
    }
}

impl Notifier for DiscordNotifier {
    fn deliver<'a>(&'a self, to: &'a Recipient, reply: &'a Reply) -> Delivery<'a> {
        Box::pin(self.deliver_all(to, reply, None))
    }

    fn deliver_keyed<'a>(&'a self, to: &'a Recipient, reply: &'a Reply, key: &'a str) -> Delivery<'a> {
        Box::pin(self.deliver_all(to, reply, Some(key)))
    }
}
