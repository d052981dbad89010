//! Slack as tests see it: slash-command requests form-encoded and signed as Slack sends them, the
//! endpoint on 127.0.0.1, and a local stand-in for Slack's Web API and response URLs.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use kam_bot::clock::FixedClock;
use kam_bot::front::slack::endpoint::{SlackEndpoint, routes};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::helpers::TestApp;

pub const SECRET: &str = "8f742231b10e8888abcd99yyyzzz85a5";

/// A slash command as Slack posts it.
pub fn form(team: &str, command: &str, text: &str, trigger: &str, response_url: &str) -> String {
    serde_urlencoded::to_string([
        ("token", "gIkuvaNzQIHg97ATvDxqgjtO"),
        ("team_id", team),
        ("team_domain", "acme"),
        ("enterprise_id", ""),
        ("channel_id", "C2147483705"),
        ("channel_name", "key-accounts"),
        ("user_id", "U2147483697"),
        ("user_name", "ana.souza"),
        ("command", command),
        ("text", text),
        ("api_app_id", "A123456"),
        ("is_enterprise_install", "false"),
        ("response_url", response_url),
        ("trigger_id", trigger),
    ])
    .unwrap()
}

pub fn sign(timestamp: i64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(format!("v0:{timestamp}:{body}").as_bytes());
    let bytes = mac.finalize().into_bytes();
    format!("v0={}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

pub struct SlackEndpointUnderTest {
    pub url: String,
    client: reqwest::Client,
}

pub async fn spawn_slack_endpoint(app: &TestApp, answer_within: Duration) -> SlackEndpointUnderTest {
    spawn_slack_endpoint_naming(app, answer_within, None).await
}

/// The endpoint, naming new people from `directory` (Slack's `users.info`).
pub async fn spawn_slack_endpoint_naming(
    app: &TestApp,
    answer_within: Duration,
    directory: Option<kam_bot::front::slack::people::Directory>,
) -> SlackEndpointUnderTest {
    let mut endpoint = SlackEndpoint::new(app.core.clone(), SECRET, Arc::new(FixedClock::new(app.now)));
    endpoint.answer_within = answer_within;
    endpoint.directory = directory;
    let router = routes(endpoint);
    let (listener, addr) = kam_bot::server::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    SlackEndpointUnderTest { url: format!("http://{addr}"), client: reqwest::Client::new() }
}

/// The endpoint answering Events API events through `stand_in`'s Web API with a bot token.
pub async fn spawn_slack_events(app: &TestApp, stand_in: &SlackStandIn) -> SlackEndpointUnderTest {
    use kam_bot::front::slack::notifier::{SlackNotifier, client};
    let mut endpoint = SlackEndpoint::new(app.core.clone(), SECRET, Arc::new(FixedClock::new(app.now)));
    let web = client(Some(&stand_in.api())).unwrap();
    endpoint.poster = Some(Arc::new(SlackNotifier::new(web, "xoxb-test", kam_bot::notify::RetryPolicy::default())));
    let router = routes(endpoint);
    let (listener, addr) = kam_bot::server::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    SlackEndpointUnderTest { url: format!("http://{addr}"), client: reqwest::Client::new() }
}

impl SlackEndpointUnderTest {
    /// Posts an Events API body (JSON) signed now, as Slack does.
    pub async fn event_signed(&self, body: &Value) -> (StatusCode, Value) {
        let body = body.to_string();
        let ts = chrono::Utc::now().timestamp();
        self.post_to("/slack/events", &body, Some(&sign(ts, &body)), Some(&ts.to_string())).await
    }

    /// The endpoint of a server already running at `url` (such as `kam-bot serve`).
    pub fn at(url: String) -> SlackEndpointUnderTest {
        SlackEndpointUnderTest { url, client: reqwest::Client::new() }
    }

    /// Posts a body signed now, as Slack does.
    pub async fn post_signed(&self, body: &str) -> (StatusCode, Value) {
        let ts = chrono::Utc::now().timestamp();
        self.post(body, Some(&sign(ts, body)), Some(&ts.to_string())).await
    }

    pub async fn post(&self, body: &str, signature: Option<&str>, timestamp: Option<&str>) -> (StatusCode, Value) {
        self.post_to("/slack/commands", body, signature, timestamp).await
    }

    /// Posts a button press (a `block_actions` payload) signed now, as Slack does.
    pub async fn press_signed(&self, payload: &Value) -> (StatusCode, Value) {
        let body = serde_urlencoded::to_string([("payload", payload.to_string())]).unwrap();
        let ts = chrono::Utc::now().timestamp();
        self.post_to("/slack/interactivity", &body, Some(&sign(ts, &body)), Some(&ts.to_string())).await
    }

    pub async fn post_to(
        &self,
        path: &str,
        body: &str,
        signature: Option<&str>,
        timestamp: Option<&str>,
    ) -> (StatusCode, Value) {
        let mut request = self
            .client
            .post(format!("{}{path}", self.url))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_string());
        if let Some(s) = signature {
            request = request.header("X-Slack-Signature", s);
        }
        if let Some(t) = timestamp {
            request = request.header("X-Slack-Request-Timestamp", t);
        }
        let response = request.send().await.unwrap();
        let status = StatusCode::from_u16(response.status().as_u16()).unwrap();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }
}

/// A `block_actions` payload as Slack sends it when `user` presses a button whose value is `value`.
pub fn button_press(team: &str, user: &str, value: &str, action_ts: &str, response_url: &str) -> Value {
    json!({
        "type": "block_actions",
        "team": {"id": team, "domain": "acme"},
        "user": {"id": user, "username": "ana.souza", "name": "ana.souza", "team_id": team},
        "api_app_id": "A0123",
        "token": "legacy-token-unused",
        "container": {"type": "message", "message_ts": "1700000000.000100", "channel_id": "D0123456", "is_ephemeral": false},
        "trigger_id": format!("trigger-{action_ts}"),
        "channel": {"id": "D0123456", "name": "directmessage"},
        "response_url": response_url,
        "actions": [{
            "action_id": "kam-0",
            "block_id": "b1",
            "text": {"type": "plain_text", "text": "Gerdau: done", "emoji": true},
            "value": value,
            "type": "button",
            "action_ts": action_ts
        }]
    })
}

/// One request the Slack stand-in received.
#[derive(Debug, Clone)]
pub struct SlackSeen {
    pub path: String,
    pub body: Value,
    pub at: std::time::Instant,
}

type Scripted = (StatusCode, Vec<(&'static str, String)>, Value);

/// A stand-in for Slack's Web API (`/api/...`) and for response URLs (`/response/...`).
#[derive(Clone)]
pub struct SlackStandIn {
    pub url: String,
    seen: Arc<Mutex<Vec<SlackSeen>>>,
    script: Arc<Mutex<std::collections::HashMap<String, VecDeque<Scripted>>>>,
    /// Files announced with files.getUploadURLExternal, with their length.
    uploads: Arc<Mutex<std::collections::HashMap<String, usize>>>,
}

async fn handler(State(s): State<SlackStandIn>, uri: Uri, body: Bytes) -> Response {
    let path = uri.path().to_string();
    // An upload URL takes the file's bytes as they are: like Slack, it wants the length announced.
    if let Some(file_id) = path.strip_prefix("/upload/") {
        let announced = s.uploads.lock().unwrap().get(file_id).copied();
        let seen = json!({"bytes": body.len(), "png": body.starts_with(b"\x89PNG\r\n\x1a\n")});
        s.seen.lock().unwrap().push(SlackSeen { path: path.clone(), body: seen, at: std::time::Instant::now() });
        return if announced == Some(body.len()) {
            (StatusCode::OK, "OK - ".to_string() + &body.len().to_string()).into_response()
        } else {
            (StatusCode::BAD_REQUEST, "length does not match".to_string()).into_response()
        };
    }
    let text = if body.is_empty() {
        uri.query().unwrap_or_default().to_string()
    } else {
        String::from_utf8_lossy(&body).to_string()
    };
    let body = serde_json::from_str(&text)
        .or_else(|_| serde_urlencoded::from_str::<std::collections::HashMap<String, String>>(&text).map(|m| json!(m)))
        .unwrap_or(Value::Null);
    s.seen.lock().unwrap().push(SlackSeen { path: path.clone(), body: body.clone(), at: std::time::Instant::now() });
    if let Some((status, headers, json)) = s.script.lock().unwrap().get_mut(&path).and_then(VecDeque::pop_front) {
        let mut response = (status, axum::Json(json)).into_response();
        for (name, value) in headers {
            response.headers_mut().insert(name, value.parse().unwrap());
        }
        return response;
    }
    let ok = match path.as_str() {
        // Slack documents `users` as a comma-separated string of user ids.
        "/api/conversations.open" if !body["users"].is_string() => json!({"ok": false, "error": "invalid_arguments"}),
        "/api/conversations.open" => json!({"ok": true, "channel": {"id": "D0123456"}}),
        // As Slack does, the language only when asked for it (`include_locale`).
        "/api/users.info" => {
            let mut user = json!({"id": body["user"], "name": "ana.souza",
                "real_name": "Ana Souza", "profile": {"display_name": "ana", "real_name": "Ana Souza"}});
            if body["include_locale"] == "true" {
                user["locale"] = json!("en-US");
            }
            json!({"ok": true, "user": user})
        }
        "/api/chat.postEphemeral" => json!({"ok": true, "message_ts": "1700000000.000200"}),
        "/api/chat.postMessage" => json!({"ok": true, "channel": "D0123456", "ts": "1700000000.000100",
                                          "message": {"type": "message", "ts": "1700000000.000100", "text": "x"}}),
        "/api/views.open" => match modal_problem(&body) {
            None => json!({"ok": true, "view": {"id": "V0FORM1", "type": "modal", "blocks": [], "team_id": "T1",
                "state": {"values": {}}, "hash": "1", "private_metadata": body["view"]["private_metadata"],
                "callback_id": body["view"]["callback_id"], "title": body["view"]["title"]}}),
            Some(problem) => {
                json!({"ok": false, "error": "invalid_arguments", "response_metadata": {"messages": [problem]}})
            }
        },
        p if p.starts_with("/response/") => json!({"ok": true}),
        "/api/files.getUploadURLExternal" => {
            let length = body["length"].as_str().and_then(|l| l.parse::<usize>().ok()).unwrap_or(0);
            if body["filename"].as_str().unwrap_or_default().is_empty() || length == 0 {
                return axum::Json(json!({"ok": false, "error": "invalid_arguments"})).into_response();
            }
            let file_id = format!("F{:08}", s.uploads.lock().unwrap().len() + 1);
            s.uploads.lock().unwrap().insert(file_id.clone(), length);
            json!({"ok": true, "upload_url": format!("{}/upload/{file_id}", s.url), "file_id": file_id})
        }
        "/api/files.completeUploadExternal" => {
            let files = body["files"]
                .as_str()
                .and_then(|f| serde_json::from_str::<Value>(f).ok())
                .unwrap_or(body["files"].clone());
            let known = s.uploads.lock().unwrap().contains_key(files[0]["id"].as_str().unwrap_or_default());
            if !known || body["channel_id"].as_str().is_none() {
                return axum::Json(json!({"ok": false, "error": "invalid_arguments"})).into_response();
            }
            json!({"ok": true, "files": [{"id": files[0]["id"], "title": files[0]["title"]}]})
        }
        _ => {
            return (StatusCode::NOT_FOUND, axum::Json(json!({"ok": false, "error": "unknown_method"})))
                .into_response();
        }
    };
    (StatusCode::OK, axum::Json(ok)).into_response()
}

/// What Slack would refuse in a `views.open` (its Block Kit reference's limits), if anything.
fn modal_problem(body: &Value) -> Option<String> {
    let view = match &body["view"] {
        Value::String(text) => serde_json::from_str::<Value>(text).ok()?,
        other => other.clone(),
    };
    let len = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    let plain = |v: &Value, max: usize| v["type"] == "plain_text" && (1..=max).contains(&len(&v["text"]));
    if body["trigger_id"].as_str().is_none_or(str::is_empty) {
        return Some("no trigger_id".into());
    }
    if view["type"] != "modal"
        || !plain(&view["title"], 24)
        || !plain(&view["submit"], 24)
        || !plain(&view["close"], 24)
    {
        return Some("a modal needs a plain_text title, submit and close of at most 24 characters".into());
    }
    if len(&view["private_metadata"]) > 3000 || len(&view["callback_id"]) > 255 {
        return Some("private_metadata or callback_id too long".into());
    }
    let blocks = view["blocks"].as_array()?;
    if blocks.is_empty() || blocks.len() > 100 {
        return Some("a modal holds 1 to 100 blocks".into());
    }
    let mut ids = std::collections::HashSet::new();
    for block in blocks {
        let element = &block["element"];
        if block["type"] != "input" || !plain(&block["label"], 2000) || !ids.insert(block["block_id"].to_string()) {
            return Some(format!("bad input block {block}"));
        }
        if len(&element["action_id"]) > 255
            || (element.get("placeholder").is_some() && !plain(&element["placeholder"], 150))
        {
            return Some(format!("bad element {element}"));
        }
        let options = element["options"].as_array().map(Vec::as_slice).unwrap_or_default();
        let initial = element["initial_options"].as_array().map(Vec::as_slice).unwrap_or_default();
        let chosen = element.get("initial_option").into_iter();
        if options.len() > 100
            || options
                .iter()
                .chain(initial)
                .chain(chosen)
                .any(|o| !plain(&o["text"], 75) || !(1..=150).contains(&len(&o["value"])))
        {
            return Some(format!("bad options in {element}"));
        }
        let kinds = ["plain_text_input", "static_select", "external_select", "multi_external_select", "datepicker"];
        if !kinds.contains(&element["type"].as_str().unwrap_or_default()) {
            return Some(format!("unknown element {element}"));
        }
        for date in ["initial_date"] {
            if let Some(d) = element[date].as_str()
                && chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err()
            {
                return Some(format!("a date picker takes YYYY-MM-DD, not {d}"));
            }
        }
        if element["type"] == "plain_text_input" && element["max_length"].as_u64().is_some_and(|m| m > 3000) {
            return Some("a text input holds at most 3000 characters".into());
        }
    }
    None
}

/// The opened modal a `views.open` carried, as Slack keeps it.
pub fn opened_view(seen: &SlackSeen) -> Value {
    match &seen.body["view"] {
        Value::String(text) => serde_json::from_str(text).unwrap(),
        other => other.clone(),
    }
}

/// A `view_submission` of `view` as Slack posts it, with `values` (block → element value).
pub fn view_submission(team: &str, user: &str, view: &Value, values: Value) -> Value {
    json!({
        "type": "view_submission",
        "team": {"id": team, "domain": "acme"},
        "user": {"id": user, "username": "ana.souza", "name": "ana.souza", "team_id": team},
        "api_app_id": "A0123",
        "token": "legacy-token-unused",
        "trigger_id": "trigger-submit",
        "view": {
            "id": "V0FORM1", "team_id": team, "type": "modal", "blocks": view["blocks"],
            "private_metadata": view["private_metadata"], "callback_id": view["callback_id"],
            "state": {"values": values}, "hash": "156772938.1827394", "title": view["title"],
            "close": view["close"], "submit": view["submit"], "app_id": "A0123", "bot_id": "B0123"
        }
    })
}

/// A `block_suggestion` as Slack posts it while `user` types `typed` in the picker `action`.
pub fn block_suggestion(team: &str, user: &str, action: &str, typed: &str, values: Value) -> Value {
    json!({
        "type": "block_suggestion",
        "team": {"id": team, "domain": "acme"},
        "user": {"id": user, "username": "ana.souza", "name": "ana.souza", "team_id": team},
        "api_app_id": "A0123",
        "token": "legacy-token-unused",
        "container": {"type": "view", "view_id": "V0FORM1"},
        "action_id": action, "block_id": action, "value": typed,
        "view": {"id": "V0FORM1", "team_id": team, "type": "modal", "blocks": [], "private_metadata": "",
                 "callback_id": "kam-log", "state": {"values": values}, "hash": "1",
                 "title": {"type": "plain_text", "text": "x"}}
    })
}

impl SlackStandIn {
    pub async fn spawn() -> SlackStandIn {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let stand_in = SlackStandIn {
            url: format!("http://{addr}"),
            seen: Arc::default(),
            script: Arc::default(),
            uploads: Arc::default(),
        };
        let router = Router::new().fallback(handler).with_state(stand_in.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        stand_in
    }

    pub fn api(&self) -> String {
        format!("{}/api", self.url)
    }

    pub fn script(&self, path: &str, status: u16, headers: Vec<(&'static str, String)>, body: Value) {
        self.script.lock().unwrap().entry(path.to_string()).or_default().push_back((
            StatusCode::from_u16(status).unwrap(),
            headers,
            body,
        ));
    }

    pub fn seen(&self) -> Vec<SlackSeen> {
        self.seen.lock().unwrap().clone()
    }

    pub async fn wait_for(&self, path: &str) -> SlackSeen {
        for _ in 0..200 {
            if let Some(seen) = self.seen().into_iter().find(|s| s.path == path) {
                return seen;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("no request to {path}: {:?}", self.seen());
    }
}
