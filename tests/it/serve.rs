//! `kam-bot serve` and `kam-bot discord` as an operator runs them.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::discord_support::{Endpoint, command, option, public_key_hex};
use crate::helpers::kam_bot;

struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `kam-bot serve --listen 127.0.0.1:0` with one variable set; returns it and its address.
async fn serve_with(db: &std::path::Path, var: &str, value: &str) -> (Running, String) {
    let mut child = Running(
        kam_bot(db).args(["serve", "--listen", "127.0.0.1:0"]).env(var, value).stderr(Stdio::piped()).spawn().unwrap(),
    );
    let stderr = child.0.stderr.take().unwrap();
    let address = tokio::task::spawn_blocking(move || {
        BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .find_map(|line| line.strip_prefix("kam-bot listening on ").map(str::to_string))
    })
    .await
    .unwrap()
    .expect("the server says where it listens");
    (child, address)
}

#[tokio::test]
async fn serve_answers_a_signed_account_interaction_from_the_seeded_guild() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let seeded = kam_bot(&db).args(["--workspace", "discord:111", "seed", "--demo"]).output().unwrap();
    assert!(seeded.status.success());

    let (_server, address) = serve_with(&db, "DISCORD_PUBLIC_KEY", &public_key_hex()).await;
    let endpoint = Endpoint { url: format!("http://{address}"), client: reqwest::Client::new() };
    let (status, body) =
        endpoint.post_signed(&command(1, Some(111), "account", json!([option("name", json!("Vale"))]))).await;
    assert_eq!(status.as_u16(), 200);
    assert_eq!(body["data"]["embeds"][0]["title"], "Vale", "{body}");
    let (status, _) = endpoint.post_raw(b"{}".to_vec(), Some("00"), Some("1")).await;
    assert_eq!(status.as_u16(), 401);
    let health = reqwest::get(format!("http://{address}/healthz")).await.unwrap();
    assert_eq!(health.status().as_u16(), 200);
}

#[test]
fn the_gateway_keeps_trying_when_discord_cannot_be_reached() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut child = Running(
        kam_bot(&db)
            .arg("serve")
            .env("DISCORD_TOKEN", "MTIzNDU2Nzg5MDEyMzQ1Njc4.fake.token")
            .env("DISCORD_API_URL", "http://127.0.0.1:9")
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stderr = child.0.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let started = Instant::now();
    let mut failures = 0;
    while started.elapsed() < Duration::from_secs(4) {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(100)) {
            assert!(!line.contains("panicked"), "{line}");
            if line.contains("cannot reach the Discord gateway") || line.contains("cannot start the Discord client") {
                failures += 1;
            }
        }
    }
    assert!(child.0.try_wait().unwrap().is_none(), "serve is still running");
    assert!(failures >= 2, "it logged each failed attempt and tried again ({failures})");
}

#[test]
fn discord_commands_prints_the_definitions() {
    let dir = tempfile::tempdir().unwrap();
    let out = kam_bot(&dir.path().join("k.db")).args(["discord", "commands"]).output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = json.as_array().unwrap().iter().filter_map(|c| c["name"].as_str()).collect();
    let mut expected: Vec<&str> = kam_bot::core::catalog::CATALOG.iter().map(|c| c.name).collect();
    // Then the message command that reads a message into a draft.
    expected.push(kam_bot::front::discord::commands::LOG_MESSAGE);
    assert_eq!(names, expected);
}

#[test]
fn serve_with_nothing_configured_says_what_to_set() {
    let dir = tempfile::tempdir().unwrap();
    let out = kam_bot(&dir.path().join("k.db")).arg("serve").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("set DISCORD_TOKEN for the gateway, SLACK_APP_TOKEN for Socket Mode")
    );
    let out = kam_bot(&dir.path().join("k.db")).args(["serve", "--listen", "127.0.0.1:0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("DISCORD_PUBLIC_KEY"));
    let out = kam_bot(&dir.path().join("k.db"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("DISCORD_PUBLIC_KEY", "xyz")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("64 hexadecimal digits"));
}

#[test]
fn people_set_role_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    assert!(kam_bot(&db).args(["seed", "--demo"]).output().unwrap().status.success());
    let out = kam_bot(&db).args(["people", "set-role", "juliana", "manager"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "Juliana Pereira is now manager.");
    let list = kam_bot(&db).args(["people", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&list.stdout).contains("Juliana Pereira\tmanager\tterminal:juliana.pereira"));
    let out = kam_bot(&db).args(["people", "set-role", "Nobody", "admin"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = kam_bot(&db).args(["people", "set-role", "juliana", "owner"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "clap refuses an unknown role");
}

#[tokio::test]
async fn serve_answers_a_signed_slack_command_from_the_seeded_team() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let seeded = kam_bot(&db).args(["--workspace", "slack:T1", "seed", "--demo"]).output().unwrap();
    assert!(seeded.status.success());
    let (_server, address) = serve_with(&db, "SLACK_SIGNING_SECRET", crate::slack_support::SECRET).await;
    let body = crate::slack_support::form("T1", "/account", "Vale", "9.9.a", "https://hooks.slack.com/commands/T1/9/x");
    let slack = crate::slack_support::SlackEndpointUnderTest::at(format!("http://{address}"));
    let (status, json) = slack.post_signed(&body).await;
    assert_eq!(status.as_u16(), 200);
    assert_eq!(json["blocks"][0]["text"]["text"], "Vale", "{json}");
}

/// At the most verbose level, the logs of `serve` hold no secret: not the bot token, not the
/// signing secret, not an interaction token, not a Slack response_url, also when an answer that
/// had to wait cannot be delivered (every answer waits here: `KAM_ANSWER_WITHIN_MS=0`).
#[tokio::test]
async fn the_most_verbose_logs_hold_no_secret() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    assert!(kam_bot(&db).args(["--workspace", "discord:111", "seed", "--demo"]).output().unwrap().status.success());
    let bot_token = "MTIwMDAwMDAwMDAwMDAwMDAwMA.secret-bot-token-value";
    let mut child = Running(
        kam_bot(&db)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .env("KAM_LOG", "trace")
            .env("KAM_ANSWER_WITHIN_MS", "0")
            .env("DISCORD_PUBLIC_KEY", public_key_hex())
            .env("DISCORD_TOKEN", bot_token)
            .env("DISCORD_API_URL", "http://127.0.0.1:9")
            .env("SLACK_SIGNING_SECRET", crate::slack_support::SECRET)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stderr = child.0.stderr.take().unwrap();
    let (address_tx, address_rx) = tokio::sync::oneshot::channel();
    let (undelivered_tx, undelivered_rx) = tokio::sync::oneshot::channel();
    let reader = std::thread::spawn(move || {
        let mut address_tx = Some(address_tx);
        let mut undelivered_tx = Some(undelivered_tx);
        let mut all = String::new();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(address) = line.strip_prefix("kam-bot listening on ")
                && let Some(tx) = address_tx.take()
            {
                let _ = tx.send(address.to_string());
            }
            all.push_str(&line);
            all.push('\n');
            if all.contains("cannot post a deferred answer")
                && all.contains("cannot post a delayed Slack answer")
                && let Some(tx) = undelivered_tx.take()
            {
                let _ = tx.send(());
            }
        }
        all
    });
    let address = address_rx.await.unwrap();
    let endpoint = Endpoint { url: format!("http://{address}"), client: reqwest::Client::new() };
    let (status, _) =
        endpoint.post_signed(&command(77, Some(111), "account", json!([option("name", json!("Vale"))]))).await;
    assert_eq!(status.as_u16(), 200);
    endpoint.post_raw(b"{\"token\":\"aW50ZXJhY3Rpb2467\"}".to_vec(), Some("00"), Some("1")).await;
    // Nothing listens there: the delayed answer cannot be posted.
    let response_url = "http://127.0.0.1:9/commands/T1/9/secret-response-path";
    let body = crate::slack_support::form("T1", "/account", "Vale", "9.9.secret", response_url);
    crate::slack_support::SlackEndpointUnderTest::at(format!("http://{address}")).post_signed(&body).await;
    let undelivered = tokio::time::timeout(std::time::Duration::from_secs(20), undelivered_rx).await;
    drop(child);
    let logs = reader.join().unwrap();
    assert!(undelivered.is_ok(), "both undelivered answers are logged with their cause:\n{logs}");
    assert!(logs.lines().count() > 3, "trace logging is on: {logs}");
    for secret in
        [bot_token, crate::slack_support::SECRET, "aW50ZXJhY3Rpb24677", "aW50ZXJhY3Rpb2467", "secret-response-path"]
    {
        assert!(!logs.contains(secret), "{secret} in the logs:\n{logs}");
    }
}
