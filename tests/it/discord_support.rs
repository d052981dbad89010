//! Discord as tests see it: interaction payloads shaped as Discord sends them, signed with a test
//! key; the HTTP endpoint on 127.0.0.1; and a local stand-in for Discord's REST API.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use ed25519_dalek::{Signer, SigningKey};
use kam_bot::clock::FixedClock;
use kam_bot::front::discord::DiscordConfig;
use kam_bot::front::discord::endpoint::{DiscordEndpoint, routes, verifier};
use serde_json::{Value, json};

use crate::helpers::TestApp;

pub fn signing_key() -> SigningKey {
    SigningKey::from_bytes(&[7u8; 32])
}

pub fn public_key_hex() -> String {
    hex(signing_key().verifying_key().as_bytes())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A guild member as Discord sends it inside an interaction.
fn member(user_id: u64, name: &str) -> Value {
    json!({
        "user": {"id": user_id.to_string(), "username": name.to_lowercase(), "discriminator": "0",
                 "global_name": name, "avatar": null, "public_flags": 0},
        "roles": [], "joined_at": "2025-03-01T12:00:00.000000+00:00", "deaf": false, "mute": false,
        "flags": 0, "pending": false, "permissions": "2248473465835073", "nick": null, "avatar": null,
        "premium_since": null, "communication_disabled_until": null, "unusual_dm_activity_until": null
    })
}

/// An interaction of `kind` (2 command, 4 autocomplete) as Discord sends it from a guild
/// (`None`: from a direct message).
pub fn interaction(id: u64, kind: u8, guild: Option<u64>, name: &str, options: Value, locale: &str) -> Value {
    let mut payload = json!({
        "id": id.to_string(),
        "application_id": "1200000000000000000",
        "type": kind,
        "data": {"id": "1250000000000000000", "name": name, "type": 1, "options": options},
        "channel_id": "1300000000000000000",
        "channel": {"id": "1300000000000000000", "type": 0, "name": "key-accounts", "nsfw": false,
                    "permissions": "2248473465835073", "last_message_id": null, "flags": 0},
        "token": format!("aW50ZXJhY3Rpb246{id}"),
        "version": 1,
        "app_permissions": "2248473465835073",
        "locale": locale,
        "entitlements": [],
        "authorizing_integration_owners": match guild {
            Some(g) => json!({"0": g.to_string()}),
            None => json!({"1": "4242"}),
        },
        "context": if guild.is_some() { 0 } else { 1 },
        "attachment_size_limit": 10485760
    });
    match guild {
        Some(g) => {
            payload["guild_id"] = json!(g.to_string());
            payload["guild_locale"] = json!("en-US");
            payload["guild"] = json!({"id": g.to_string(), "locale": "en-US", "features": []});
            payload["data"]["guild_id"] = json!(g.to_string());
            payload["member"] = member(4242, "Ana Souza");
        }
        None => {
            payload["user"] = member(4242, "Ana Souza")["user"].clone();
            payload["channel"] = json!({"id": "1300000000000000000", "type": 1, "last_message_id": null, "flags": 0});
        }
    }
    payload
}

pub fn command(id: u64, guild: Option<u64>, name: &str, options: Value) -> Value {
    interaction(id, 2, guild, name, options, "en-US")
}

pub fn option(name: &str, value: Value) -> Value {
    let kind = if value.is_i64() { 4 } else { 3 };
    json!({"name": name, "type": kind, "value": value})
}

/// A press of the button `custom_id` under a message of the bot, from a guild.
pub fn button_press(id: u64, guild: u64, custom_id: &str) -> Value {
    let mut payload = interaction(id, 3, Some(guild), "", json!([]), "en-US");
    payload["data"] = json!({"custom_id": custom_id, "component_type": 2});
    payload["message"] = message_json("1300000000000000000");
    payload
}

/// `/import KIND` with a file attached, as Discord sends it: the option holds the attachment's
/// id, and `resolved` describes the file and where to fetch it.
pub fn import_command(id: u64, guild: u64, kind: &str, file_name: &str, url: &str, size: usize) -> Value {
    let options = json!([option("kind", json!(kind)), {"name": "file", "type": 11, "value": "1600000000000000001"}]);
    let mut payload = command(id, Some(guild), "import", options);
    payload["data"]["resolved"] = json!({"attachments": {"1600000000000000001": {
        "id": "1600000000000000001", "filename": file_name, "size": size, "url": url, "proxy_url": url,
        "content_type": "text/csv; charset=utf-8", "ephemeral": true
    }}});
    payload
}

pub fn ping() -> Value {
    json!({"id": "1", "application_id": "1200000000000000000", "type": 1, "token": "x", "version": 1,
           "entitlements": [], "authorizing_integration_owners": {}, "attachment_size_limit": 10485760,
           "user": member(1, "discord")["user"].clone()})
}

/// The endpoint of a test app on 127.0.0.1, with deferred answers edited through `rest`.
pub struct Endpoint {
    pub url: String,
    pub client: reqwest::Client,
}

pub async fn spawn_endpoint(app: &TestApp, rest: Option<&StandIn>, defer_after: Duration) -> Endpoint {
    let config = DiscordConfig {
        token: Some("test-token".into()),
        application_id: Some(1200000000000000000),
        api_url: rest.map(|r| r.url.clone()).or(Some("http://127.0.0.1:9".into())),
        ..DiscordConfig::default()
    };
    spawn_endpoint_with(app, &config, defer_after).await
}

/// The endpoint of a test app with this Discord configuration, served as `serve` serves it.
pub async fn spawn_endpoint_with(app: &TestApp, config: &DiscordConfig, defer_after: Duration) -> Endpoint {
    spawn_limited(app, config, defer_after, kam_bot::server::Limits::default()).await
}

/// The endpoint with these request limits.
pub async fn spawn_limited(
    app: &TestApp,
    config: &DiscordConfig,
    defer_after: Duration,
    limits: kam_bot::server::Limits,
) -> Endpoint {
    let endpoint = DiscordEndpoint {
        core: app.core.clone(),
        verifier: Arc::new(verifier(&public_key_hex()).expect("test key")),
        http: config.http(),
        clock: Arc::new(FixedClock::new(app.now)),
        wall_clock: Arc::new(kam_bot::clock::SystemClock),
        defer_after,
    };
    let observed = kam_bot::server::Observed {
        store: app.store.clone(),
        started: chrono::Utc::now(),
        tick_every: kam_bot::scheduler::TICK_EVERY,
    };
    let router = kam_bot::server::base_routes(observed).merge(routes(endpoint));
    let (listener, addr) = kam_bot::server::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
    let stop = kam_bot::lifecycle::CancellationToken::new();
    tokio::spawn(async move { kam_bot::server::serve_with(listener, router, limits, stop).await });
    Endpoint { url: format!("http://{addr}"), client: reqwest::Client::new() }
}

impl Endpoint {
    /// Posts a payload signed as Discord signs it.
    pub async fn post_signed(&self, payload: &Value) -> (StatusCode, Value) {
        self.post_signed_at(payload, chrono::Utc::now().timestamp()).await
    }

    /// Posts a payload signed at the Unix time `at`.
    pub async fn post_signed_at(&self, payload: &Value, at: i64) -> (StatusCode, Value) {
        let body = serde_json::to_vec(payload).unwrap();
        let timestamp = at.to_string();
        let signature = signing_key().sign(&[timestamp.as_bytes(), &body].concat());
        self.post_raw(body, Some(&hex(&signature.to_bytes())), Some(&timestamp)).await
    }

    pub async fn post_raw(
        &self,
        body: Vec<u8>,
        signature: Option<&str>,
        timestamp: Option<&str>,
    ) -> (StatusCode, Value) {
        let mut request = self
            .client
            .post(format!("{}/discord/interactions", self.url))
            .header("content-type", "application/json")
            .body(body);
        if let Some(s) = signature {
            request = request.header("X-Signature-Ed25519", s);
        }
        if let Some(t) = timestamp {
            request = request.header("X-Signature-Timestamp", t);
        }
        let response = request.send().await.expect("endpoint answers");
        let status = StatusCode::from_u16(response.status().as_u16()).unwrap();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }
}

/// One request the stand-in received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: Method,
    pub path: String,
    pub body: Value,
    /// Files sent with a multipart message: (form field, file name, content type, bytes).
    pub files: Vec<(String, String, String, Vec<u8>)>,
    pub at: std::time::Instant,
}

/// A multipart message as Discord reads it: the message from `payload_json`, and the files.
/// Like Discord, it refuses an attachment without its file, or an embed image naming a file that
/// was not sent.
async fn read_multipart(
    content_type: &str,
    body: Bytes,
) -> Result<(Value, Vec<(String, String, String, Vec<u8>)>), String> {
    let boundary = multer::parse_boundary(content_type).map_err(|e| e.to_string())?;
    let mut form = multer::Multipart::with_reader(std::io::Cursor::new(body.to_vec()), boundary);
    let (mut payload, mut files) = (Value::Null, Vec::new());
    while let Some(field) = form.next_field().await.map_err(|e| e.to_string())? {
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let kind = field.content_type().map(|m| m.to_string()).unwrap_or_default();
        let bytes = field.bytes().await.map_err(|e| e.to_string())?;
        match (name.as_str(), file_name) {
            ("payload_json", None) => payload = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?,
            (_, Some(file)) if name.starts_with("files[") => files.push((name, file, kind, bytes.to_vec())),
            _ => return Err(format!("unexpected form field {name}")),
        }
    }
    for a in payload["attachments"].as_array().into_iter().flatten() {
        let field = format!("files[{}]", a["id"]);
        if !files.iter().any(|(f, name, _, _)| *f == field && Some(name.as_str()) == a["filename"].as_str()) {
            return Err(format!("attachment {a} has no file"));
        }
    }
    for embed in payload["embeds"].as_array().into_iter().flatten() {
        if let Some(name) = embed["image"]["url"].as_str().and_then(|u| u.strip_prefix("attachment://"))
            && !files.iter().any(|(_, file, _, _)| file == name)
        {
            return Err(format!("embed image {name} was not attached"));
        }
    }
    Ok((payload, files))
}

type Scripted = (StatusCode, Vec<(&'static str, String)>, Value);

/// A local stand-in for Discord's REST API: records every request and answers from a script per
/// path, then with a plausible success.
#[derive(Clone)]
pub struct StandIn {
    pub url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    script: Arc<Mutex<HashMap<String, VecDeque<Scripted>>>>,
    /// Files served as they are, like Discord's attachment store.
    files: Arc<Mutex<HashMap<String, Vec<u8>>>>,
}

pub fn message_json(channel: &str) -> Value {
    json!({"id": "1400000000000000000", "channel_id": channel,
           "author": {"id": "1200000000000000000", "username": "kam-bot", "discriminator": "0", "global_name": null,
                      "avatar": null, "bot": true},
           "content": "", "timestamp": "2026-11-27T12:00:00.000000+00:00", "edited_timestamp": null, "tts": false,
           "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
           "pinned": false, "type": 0, "flags": 0, "components": []})
}

/// What Discord would refuse in a message body, as it documents its limits: more than 6 000
/// characters in an embed, more than 25 fields, a field over 1 024 or empty, a description over
/// 4 096, a title over 256, content over 2 000.
pub fn discord_refuses(body: &Value) -> Option<String> {
    let chars = |v: &Value| v.as_str().map(|s| s.chars().count()).unwrap_or(0);
    if chars(&body["content"]) > 2000 {
        return Some("content over 2000".into());
    }
    for embed in body["embeds"].as_array().into_iter().flatten() {
        let fields = embed["fields"].as_array().cloned().unwrap_or_default();
        if fields.len() > 25 {
            return Some(format!("{} fields", fields.len()));
        }
        if chars(&embed["title"]) > 256 || chars(&embed["description"]) > 4096 {
            return Some("title or description too long".into());
        }
        let mut total = chars(&embed["title"]) + chars(&embed["description"]) + chars(&embed["footer"]["text"]);
        for f in &fields {
            let value = f["value"].as_str().unwrap_or("");
            if value.trim().is_empty() || value.chars().count() > 1024 || chars(&f["name"]) > 256 {
                return Some(format!("field {} refused", f["name"]));
            }
            total += chars(&f["name"]) + value.chars().count();
        }
        if total > 6000 {
            return Some(format!("embed of {total} characters"));
        }
    }
    None
}

async fn stand_in_handler(
    State(s): State<StandIn>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_string();
    let content_type = headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    let (body, files) = if content_type.starts_with("multipart/form-data") {
        match read_multipart(&content_type, body).await {
            Ok(read) => read,
            Err(why) => {
                let error = json!({"code": 50035, "message": format!("Invalid Form Body: {why}")});
                return (StatusCode::BAD_REQUEST, axum::Json(error)).into_response();
            }
        }
    } else {
        (serde_json::from_slice(&body).unwrap_or(Value::Null), Vec::new())
    };
    // Like Discord, refuse a message that breaks its limits.
    if let Some(why) = discord_refuses(&body) {
        s.seen.lock().unwrap().push(Seen { method, path, body, files, at: std::time::Instant::now() });
        let error = json!({"code": 50035, "message": format!("Invalid Form Body: {why}")});
        return (StatusCode::BAD_REQUEST, axum::Json(error)).into_response();
    }
    s.seen.lock().unwrap().push(Seen {
        method: method.clone(),
        path: path.clone(),
        body,
        files,
        at: std::time::Instant::now(),
    });
    if let Some(file) = s.files.lock().unwrap().get(&path).cloned() {
        return (StatusCode::OK, file).into_response();
    }
    if let Some((status, headers, json)) = s.script.lock().unwrap().get_mut(&path).and_then(VecDeque::pop_front) {
        let mut response = (status, axum::Json(json)).into_response();
        for (name, value) in headers {
            response.headers_mut().insert(name, value.parse().unwrap());
        }
        return response;
    }
    let ok = if path.ends_with("/users/@me/channels") {
        json!({"id": "1500000000000000000", "type": 1, "last_message_id": null,
               "recipients": [{"id": "4242", "username": "ana", "discriminator": "0", "global_name": "Ana", "avatar": null}]})
    } else if let Some(channel) = path.strip_prefix("/api/v10/channels/").and_then(|p| p.strip_suffix("/messages")) {
        message_json(channel)
    } else if path.contains("/webhooks/") {
        message_json("1300000000000000000")
    } else if path.starts_with("/api/v10/interactions/") && path.ends_with("/callback") {
        return StatusCode::NO_CONTENT.into_response();
    } else {
        return (StatusCode::NOT_FOUND, axum::Json(json!({"message": "404: Not Found", "code": 0}))).into_response();
    };
    (StatusCode::OK, axum::Json(ok)).into_response()
}

impl StandIn {
    pub async fn spawn() -> StandIn {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        let stand_in = StandIn {
            url: format!("http://{addr}"),
            seen: Arc::default(),
            script: Arc::default(),
            files: Arc::default(),
        };
        let router = Router::new().fallback(stand_in_handler).with_state(stand_in.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        stand_in
    }

    /// Answers the next request to `path` so.
    pub fn script(&self, path: &str, status: u16, headers: Vec<(&'static str, String)>, body: Value) {
        self.script.lock().unwrap().entry(path.to_string()).or_default().push_back((
            StatusCode::from_u16(status).unwrap(),
            headers,
            body,
        ));
    }

    /// Serves `bytes` at `path`, returning the file's address.
    pub fn serve_file(&self, path: &str, bytes: &[u8]) -> String {
        self.files.lock().unwrap().insert(path.to_string(), bytes.to_vec());
        format!("{}{path}", self.url)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// Waits until a request to a path containing `fragment` arrives.
    pub async fn wait_for(&self, fragment: &str) -> Seen {
        for _ in 0..200 {
            if let Some(seen) = self.seen().into_iter().find(|s| s.path.contains(fragment)) {
                return seen;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("no request to {fragment}: {:?}", self.seen());
    }

    pub fn config(&self) -> DiscordConfig {
        DiscordConfig {
            token: Some("test-token".into()),
            application_id: Some(1200000000000000000),
            api_url: Some(self.url.clone()),
            ..DiscordConfig::default()
        }
    }
}
