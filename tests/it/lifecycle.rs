//! Stopping `kam-bot serve` cleanly, as a service manager does: SIGTERM lets what is in flight
//! answer, then the process exits 0 within a bounded time, however it runs (the HTTP listener,
//! Slack Socket Mode against a local stand-in of `apps.connections.open` and its websocket, and
//! Discord's gateway against a local stand-in of `/gateway/bot` and the gateway's websocket).

use std::io::{BufRead, BufReader};
use std::process::{Child, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::post;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::helpers::kam_bot;

/// The longest a clean stop may take here (the bot allows itself 20 seconds).
const STOP_WITHIN: Duration = Duration::from_secs(15);

struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Running {
    fn sigterm(&self) {
        let sent = std::process::Command::new("kill").args(["-TERM", &self.0.id().to_string()]).status().unwrap();
        assert!(sent.success());
    }

    /// Waits for the process to end, up to `within`.
    async fn exit_within(&mut self, within: Duration) -> Option<ExitStatus> {
        let started = Instant::now();
        while started.elapsed() < within {
            if let Some(status) = self.0.try_wait().unwrap() {
                return Some(status);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        None
    }
}

/// Waits up to 20 seconds for `found` to find something.
async fn eventually<T>(what: &str, found: impl Fn() -> Option<T>) -> T {
    let started = Instant::now();
    loop {
        if let Some(it) = found() {
            return it;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "no {what} within 20 seconds");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A stand-in for Slack's Socket Mode: `apps.connections.open` gives a websocket address; the
/// websocket says hello, sends one slash command and records every acknowledgement.
struct SocketStandIn {
    api: String,
    acks: Arc<Mutex<Vec<Value>>>,
    /// The command has been sent over the socket.
    sent: Arc<std::sync::atomic::AtomicBool>,
}

async fn socket_stand_in(command: &str, text: &str, response_url: &str) -> SocketStandIn {
    let ws = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let ws_addr = ws.local_addr().unwrap();
    let acks: Arc<Mutex<Vec<Value>>> = Arc::default();
    let sent = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let envelope = json!({
        "type": "slash_commands",
        "envelope_id": "e-1",
        "accepts_response_payload": true,
        "payload": {
            "team_id": "T1", "team_domain": "acme", "channel_id": "C1", "channel_name": "vendas",
            "user_id": "U1", "user_name": "ana", "command": command, "text": text,
            "response_url": response_url, "trigger_id": "1.2.3",
            "api_app_id": "A1"
        }
    });
    let recorded = acks.clone();
    let marked = sent.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = ws.accept().await {
            let recorded = recorded.clone();
            let envelope = envelope.clone();
            let marked = marked.clone();
            tokio::spawn(async move {
                let Ok(mut socket) = tokio_tungstenite::accept_async(stream).await else { return };
                let hello = json!({"type": "hello", "num_connections": 1,
                                   "debug_info": {"host": "applink-1", "build_number": 1, "approximate_connection_time": 18060},
                                   "connection_info": {"app_id": "A1"}});
                let _ = socket.send(Message::Text(hello.to_string())).await;
                let _ = socket.send(Message::Text(envelope.to_string())).await;
                marked.store(true, std::sync::atomic::Ordering::SeqCst);
                while let Some(Ok(message)) = socket.next().await {
                    match message {
                        Message::Text(text) => {
                            recorded.lock().unwrap().push(serde_json::from_str(&text).unwrap_or(Value::Null))
                        }
                        Message::Close(_) => break,
                        _ => {}
                    }
                }
            });
        }
    });
    let url = format!("ws://{ws_addr}/link");
    let router = Router::new()
        .route("/api/apps.connections.open", post(move || async move { axum::Json(json!({"ok": true, "url": url})) }));
    let http = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let api = format!("http://{}/api", http.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(http, router).await });
    SocketStandIn { api, acks, sent }
}

/// A workspace of 2 000 synthetic accounts, where `/risks` reads every one: long enough to be in
/// flight when the signal comes.
fn seeded_large(workspace: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let out = kam_bot(&db).args(["--workspace", workspace, "seed", "--synthetic", "2000"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (dir, db)
}

/// Run with only Slack's Socket Mode, SIGTERM comes while a command that came over the socket is
/// in flight: its answer is delivered, then `serve` exits 0.
#[tokio::test]
async fn socket_mode_answers_what_is_in_flight_then_stops_on_sigterm() {
    let (_dir, db) = seeded_large("slack:T1");
    // Were the answer slow enough to be acknowledged first, it would go to this response URL.
    let later = crate::slack_support::SlackStandIn::spawn().await;
    let slack = socket_stand_in("/risks", "", &format!("{}/response/socket", later.url)).await;
    let mut server = Running(
        kam_bot(&db)
            .arg("serve")
            .env("SLACK_APP_TOKEN", "xapp-1-A1-test")
            .env("SLACK_API_URL", &slack.api)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    eventually("the command sent", || slack.sent.load(std::sync::atomic::Ordering::SeqCst).then_some(())).await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(slack.acks.lock().unwrap().is_empty(), "the command is still in flight when SIGTERM comes");
    server.sigterm();
    let status = server.exit_within(STOP_WITHIN).await.expect("serve stops on SIGTERM");
    assert_eq!(status.code(), Some(0));
    // Answered in the acknowledgement, or, had it been slower, at the response URL.
    let acks = slack.acks.lock().unwrap().clone();
    let in_ack = acks.iter().any(|a| a["envelope_id"] == "e-1" && a.to_string().contains("Accounts at risk"));
    let posted =
        later.seen().iter().any(|s| s.path == "/response/socket" && s.body.to_string().contains("Accounts at risk"));
    assert!(in_ack || posted, "the answer was lost: {acks:?}");
}

/// A stand-in for Discord's gateway: it says hello, reads the identify, sends READY and then one
/// interaction (marking `sent`), and acknowledges heartbeats. Returns its websocket address.
async fn gateway_stand_in(interaction: Value, sent: Arc<std::sync::atomic::AtomicBool>) -> String {
    gateway_stand_in_event("INTERACTION_CREATE", interaction, sent).await
}

/// The gateway stand-in, sending one event of kind `t` after READY.
async fn gateway_stand_in_event(
    t: &'static str,
    interaction: Value,
    sent: Arc<std::sync::atomic::AtomicBool>,
) -> String {
    gateway_stand_in_events(vec![(t, interaction)], sent).await
}

/// A gateway that sends each of `events` in turn after READY.
async fn gateway_stand_in_events(
    events: Vec<(&'static str, Value)>,
    sent: Arc<std::sync::atomic::AtomicBool>,
) -> String {
    let ws = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("ws://{}", ws.local_addr().unwrap());
    let resume = url.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = ws.accept().await {
            let events = events.clone();
            let resume = resume.clone();
            let sent = sent.clone();
            tokio::spawn(async move {
                let Ok(mut socket) = tokio_tungstenite::accept_async(stream).await else { return };
                let send = |v: Value| Message::Text(v.to_string());
                let _ = socket
                    .send(send(json!({"op": 10, "d": {"heartbeat_interval": 41250}, "s": null, "t": null})))
                    .await;
                while let Some(Ok(message)) = socket.next().await {
                    let Message::Text(text) = message else { continue };
                    let frame: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                    match frame["op"].as_u64() {
                        Some(2) => {
                            let ready = json!({"op": 0, "s": 1, "t": "READY", "d": {
                                "v": 10, "session_id": "session-1", "resume_gateway_url": resume,
                                "shard": [0, 1], "guilds": [{"id": "111", "unavailable": true}],
                                "application": {"id": "1200000000000000000", "flags": 0},
                                "user": {"id": "1200000000000000000", "username": "kam-bot", "discriminator": "0",
                                         "global_name": null, "avatar": null, "bot": true, "verified": true,
                                         "mfa_enabled": false, "flags": 0}}});
                            let _ = socket.send(send(ready)).await;
                            for (n, (t, d)) in events.iter().enumerate() {
                                let event = json!({"op": 0, "s": n + 2, "t": t, "d": d});
                                let _ = socket.send(send(event)).await;
                            }
                            sent.store(true, std::sync::atomic::Ordering::SeqCst);
                        }
                        Some(1) => {
                            let _ = socket.send(send(json!({"op": 11}))).await;
                        }
                        _ => {}
                    }
                }
            });
        }
    });
    url
}

/// Run with only Discord's gateway, SIGTERM comes while an interaction that came over it is in
/// flight: its answer is delivered, then `serve` closes the connection and exits 0.
#[tokio::test]
async fn the_gateway_answers_what_is_in_flight_then_stops_on_sigterm() {
    let (_dir, db) = seeded_large("discord:111");
    let interaction = crate::discord_support::command(7, Some(111), "risks", json!([]));
    let sent = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let gateway = gateway_stand_in(interaction, sent.clone()).await;
    let rest = crate::discord_support::StandIn::spawn().await;
    let session = json!({"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1});
    for _ in 0..10 {
        let bot = json!({"url": gateway, "shards": 1, "session_start_limit": session});
        rest.script("/api/v10/gateway/bot", 200, vec![], bot);
        rest.script("/api/v10/gateway", 200, vec![], json!({"url": gateway}));
    }
    let mut server = Running(
        kam_bot(&db)
            .arg("serve")
            .env("DISCORD_TOKEN", "test-token")
            .env("DISCORD_API_URL", &rest.url)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    eventually("the interaction sent", || sent.load(std::sync::atomic::Ordering::SeqCst).then_some(())).await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    let answered = |rest: &crate::discord_support::StandIn| {
        rest.seen()
            .into_iter()
            .any(|s| s.path.contains("/interactions/7/") && s.body.to_string().contains("Accounts at risk"))
            || rest
                .seen()
                .into_iter()
                .any(|s| s.path.contains("/webhooks/") && s.body.to_string().contains("Accounts at risk"))
    };
    assert!(!answered(&rest), "the interaction is still in flight when SIGTERM comes");
    server.sigterm();
    let status = server.exit_within(STOP_WITHIN).await.expect("serve stops on SIGTERM");
    assert_eq!(status.code(), Some(0));
    assert!(answered(&rest), "the answer was lost: {:?}", rest.seen());
}

/// A slow command over HTTP is in flight when SIGTERM comes: its answer is delivered, then the
/// process exits 0.
#[tokio::test]
async fn an_http_command_in_flight_is_answered_before_the_stop() {
    let (_dir, db) = seeded_large("slack:T1");
    let mut child = kam_bot(&db)
        .args(["serve", "--listen", "127.0.0.1:0", "--answer-within", "2500"])
        .env("SLACK_SIGNING_SECRET", crate::slack_support::SECRET)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut server = Running(child);
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stderr).lines().map_while(Result::ok);
        let address = lines.find_map(|line| line.strip_prefix("kam-bot listening on ").map(str::to_string));
        let _ = tx.send(address);
        for _ in lines {}
    });
    let address = rx.await.unwrap().expect("the server says where it listens");
    let slack = crate::slack_support::SlackEndpointUnderTest::at(format!("http://{address}"));
    // `/risks` reads every one of the 2 000 accounts: long enough to be in flight.
    let body = crate::slack_support::form("T1", "/risks", "", "9.9.a", "https://hooks.slack.com/commands/T1/9/x");
    let asked = tokio::spawn(async move { slack.post_signed(&body).await });
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(!asked.is_finished(), "the command is still in flight when SIGTERM comes");
    server.sigterm();
    let (status, json) = asked.await.unwrap();
    assert_eq!(status.as_u16(), 200);
    assert!(json["blocks"][0]["text"]["text"].as_str().is_some_and(|t| t.starts_with("Accounts at risk")), "{json}");
    let status = server.exit_within(STOP_WITHIN).await.expect("serve stops on SIGTERM");
    assert_eq!(status.code(), Some(0));
}

/// Over the gateway, a message that mentions the bot is read into a draft and answered under it,
/// with the preview and its buttons, mentioning no one.
#[tokio::test]
async fn a_message_mentioning_the_bot_is_answered_with_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let seeded = kam_bot(&db).args(["--workspace", "discord:111", "seed", "--demo"]).output().unwrap();
    assert!(seeded.status.success());
    let mut message = crate::discord_support::message_json("1300000000000000000");
    message["id"] = json!("1700000000000000009");
    message["guild_id"] = json!("111");
    message["author"] =
        json!({"id": "4242", "username": "ana", "discriminator": "0", "global_name": "Ana Souza", "avatar": null});
    message["content"] =
        json!("<@1200000000000000000> reunião com João na Vale hoje, ficou de mandar proposta até sexta");
    message["mentions"] = json!([{"id": "1200000000000000000", "username": "kam-bot", "discriminator": "0",
                                  "global_name": null, "avatar": null, "bot": true}]);
    let sent = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let gateway = gateway_stand_in_event("MESSAGE_CREATE", message, sent.clone()).await;
    let (rest, _server) = serve_on_gateway(&db, &gateway).await;
    let posted = eventually("the draft posted", || {
        rest.seen().into_iter().find(|s| s.path == "/api/v10/channels/1300000000000000000/messages")
    })
    .await;
    let body = posted.body.to_string();
    assert!(body.contains("Vale") && body.contains("João Ferreira") && body.contains("mandar proposta"), "{body}");
    assert!(body.contains("run:/confirm"), "{body}");
    assert_eq!(posted.body["allowed_mentions"]["parse"], json!([]));
    assert_eq!(posted.body["message_reference"]["message_id"], "1700000000000000009");
}

/// A direct message to the bot names no server: from someone who is a person of one workspace it
/// is read there into a draft; from a stranger it is answered with how to begin, and nothing kept.
#[tokio::test]
async fn a_direct_message_is_read_in_its_authors_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let seeded = kam_bot(&db).args(["--workspace", "discord:111", "seed", "--demo"]).output().unwrap();
    assert!(seeded.status.success());
    let linked = kam_bot(&db)
        .args([
            "--workspace",
            "discord:111",
            "people",
            "link",
            "Ana Souza",
            "--platform",
            "discord",
            "--user",
            "424242424242424242",
        ])
        .output()
        .unwrap();
    assert!(linked.status.success(), "{}", String::from_utf8_lossy(&linked.stderr));
    let direct = |id: &str, channel: &str, author: &str, content: &str| {
        let mut message = crate::discord_support::message_json(channel);
        message["id"] = json!(id);
        message["author"] =
            json!({"id": author, "username": "someone", "discriminator": "0", "global_name": null, "avatar": null});
        message["content"] = json!(content);
        message["mentions"] = json!([]);
        ("MESSAGE_CREATE", message)
    };
    let events = vec![
        direct("1700000000000000021", "1300000000000000021", "424242424242424242", "liguei pra Beatriz da Vale ontem"),
        direct("1700000000000000022", "1300000000000000022", "515151515151515151", "reunião com João na Vale hoje"),
    ];
    let sent = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let gateway = gateway_stand_in_events(events, sent.clone()).await;
    let (rest, _server) = serve_on_gateway(&db, &gateway).await;
    let posted_to = |channel: &'static str| {
        let rest = &rest;
        move || rest.seen().into_iter().find(|s| s.path == format!("/api/v10/channels/{channel}/messages"))
    };
    let draft = eventually("the draft posted", posted_to("1300000000000000021")).await.body.to_string();
    assert!(draft.contains("Vale") && draft.contains("Beatriz Almeida") && draft.contains("run:/confirm"), "{draft}");
    let stranger = eventually("the stranger answered", posted_to("1300000000000000022")).await;
    let text = stranger.body.to_string();
    assert!(text.contains("mention me once in your team's server") && !text.contains("run:/confirm"), "{text}");
    assert_eq!(stranger.body["allowed_mentions"]["parse"], json!([]));
}

/// `kam-bot serve` on `db` against a REST stand-in that points it at the gateway stand-in `gateway`.
async fn serve_on_gateway(db: &std::path::Path, gateway: &str) -> (crate::discord_support::StandIn, Running) {
    let rest = crate::discord_support::StandIn::spawn().await;
    let session = json!({"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1});
    for _ in 0..10 {
        rest.script(
            "/api/v10/gateway/bot",
            200,
            vec![],
            json!({"url": gateway, "shards": 1, "session_start_limit": session}),
        );
        rest.script("/api/v10/gateway", 200, vec![], json!({"url": gateway}));
    }
    let server = Running(
        kam_bot(db)
            .arg("serve")
            .env("DISCORD_TOKEN", "test-token")
            .env("DISCORD_API_URL", &rest.url)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    (rest, server)
}
