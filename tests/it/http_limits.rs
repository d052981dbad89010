//! The HTTP server stands up to hostile clients: an unsigned request is refused before its body
//! is read, a body too large is refused unread, and a body that trickles in is cut off.

use std::time::{Duration, Instant};

use kam_bot::front::discord::DiscordConfig;
use kam_bot::server::Limits;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::discord_support::{command, option, spawn_limited};
use crate::helpers::spawn_app;

const LIMITS: Limits = Limits {
    request_timeout: Duration::from_millis(800),
    max_body_bytes: 64 * 1024,
    concurrency: 8,
    header_timeout: Duration::from_millis(500),
    max_connections: 8,
};

/// Sends raw bytes on a connection and reads the status line of the answer.
async fn status_of(address: &str, request: &[u8], then_wait: Duration) -> String {
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream.write_all(request).await.unwrap();
    tokio::time::sleep(then_wait).await;
    let mut answer = vec![0; 256];
    let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer)).await.unwrap().unwrap_or(0);
    String::from_utf8_lossy(&answer[..n]).lines().next().unwrap_or("").to_string()
}

#[tokio::test]
async fn hostile_requests_are_cut_short() {
    let app = spawn_app().await;
    let config = DiscordConfig { token: Some("t".into()), application_id: Some(1), ..Default::default() };
    let endpoint = spawn_limited(&app, &config, Duration::from_secs(2), LIMITS).await;
    let address = endpoint.url.trim_start_matches("http://").to_string();

    // Unsigned, the body announced but never sent: refused at once, without waiting for it.
    let started = Instant::now();
    let head = "POST /discord/interactions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 60000\r\n\r\n{";
    let status = status_of(&address, head.as_bytes(), Duration::ZERO).await;
    assert!(status.contains("401"), "{status}");
    assert!(started.elapsed() < LIMITS.request_timeout, "answered before the body could time out");
    // A 2 MB body announced: refused unread, whether signed or not.
    let head = "POST /discord/interactions HTTP/1.1\r\nhost: x\r\ncontent-length: 2000000\r\n\r\n{";
    let status = status_of(&address, head.as_bytes(), Duration::ZERO).await;
    assert!(status.contains("413"), "{status}");

    // Signed headers with a body over the limit: 413.
    let big = serde_json::to_vec(&command(
        1,
        Some(7),
        "account",
        serde_json::json!([option("name", serde_json::json!("x".repeat(100_000)))]),
    ))
    .unwrap();
    let response = endpoint
        .client
        .post(format!("{}/discord/interactions", endpoint.url))
        .header("x-signature-ed25519", "00")
        .header("x-signature-timestamp", "1")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 413);

    // A body that trickles in: cut off with 408 when the time is up.
    let started = Instant::now();
    let head = "POST /discord/interactions HTTP/1.1\r\nhost: x\r\nx-signature-ed25519: 00\r\nx-signature-timestamp: 1\r\ncontent-length: 500\r\n\r\n{\"a\":";
    let status = status_of(&address, head.as_bytes(), Duration::ZERO).await;
    assert!(status.contains("408"), "{status}");
    assert!(started.elapsed() < Duration::from_secs(3), "cut off after {:?}", started.elapsed());

    // The health check still answers.
    let ok = reqwest::get(format!("{}/healthz", endpoint.url)).await.unwrap();
    assert_eq!(ok.status().as_u16(), 200);
}

/// Connections that send half a header and wait (slowloris) are closed when the header time is
/// up, and however many there are, no more than the cap are open at once: the health check and a
/// signed request still answer, and a wrong method on a signed route is 405, not 401.
#[tokio::test]
async fn half_sent_headers_are_closed_and_cannot_lock_everyone_out() {
    let app = spawn_app().await;
    let config = DiscordConfig { token: Some("t".into()), application_id: Some(1), ..Default::default() };
    let endpoint = spawn_limited(&app, &config, Duration::from_secs(2), LIMITS).await;
    let address = endpoint.url.trim_start_matches("http://").to_string();
    let mut slow = Vec::new();
    for _ in 0..(LIMITS.max_connections * 3) {
        let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
        stream.write_all(b"GET /healthz HTTP/1.1\r\nHo").await.unwrap();
        slow.push(stream);
    }
    // Three times the cap of them: the health check waits for places, and gets one.
    let started = Instant::now();
    let ok = tokio::time::timeout(Duration::from_secs(10), reqwest::get(format!("{}/healthz", endpoint.url)))
        .await
        .expect("the health check answered while half-sent headers waited")
        .unwrap();
    assert_eq!(ok.status().as_u16(), 200);
    assert!(started.elapsed() < Duration::from_secs(5), "answered after {:?}", started.elapsed());
    // Each half-sent connection is closed by the server (an answer or the end of the stream).
    for mut stream in slow {
        let mut buf = vec![0; 256];
        let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf)).await;
        assert!(read.is_ok(), "a half-sent header kept its connection open");
    }
    // A wrong method on a signed route: 405 with the method it takes.
    let wrong = endpoint.client.get(format!("{}/discord/interactions", endpoint.url)).send().await.unwrap();
    assert_eq!(wrong.status().as_u16(), 405);
    assert_eq!(wrong.headers()["allow"], "POST");
}
