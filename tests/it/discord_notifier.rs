//! The Discord notifier against a local stand-in for Discord's REST API.

use std::time::{Duration, Instant};

use kam_bot::core::Reply;
use kam_bot::front::discord::notifier::DiscordNotifier;
use kam_bot::notify::{Notifier, Recipient, RetryPolicy};
use serde_json::json;

use crate::discord_support::StandIn;

const MESSAGES: &str = "/api/v10/channels/1500000000000000000/messages";

fn quick() -> RetryPolicy {
    RetryPolicy { attempts: 3, first_backoff: Duration::from_millis(10), max_backoff: Duration::from_millis(50) }
}

fn reminder() -> Reply {
    Reply::titled("Planning meeting due").line("Vale: in 7 days @everyone")
}

fn bodies_mention_nobody(rest: &StandIn) {
    for seen in rest.seen().iter().filter(|s| s.path.ends_with("/messages")) {
        assert_eq!(seen.body["allowed_mentions"]["parse"], json!([]), "{}", seen.body);
    }
}

#[tokio::test]
async fn a_direct_message_opens_the_conversation_then_posts() {
    let rest = StandIn::spawn().await;
    let notifier = DiscordNotifier::new(rest.config().http(), quick());
    notifier.deliver(&Recipient::Person("4242".into()), &reminder()).await.expect("delivered");
    let seen = rest.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].path, "/api/v10/users/@me/channels");
    assert_eq!(seen[0].body["recipient_id"], "4242");
    assert_eq!(seen[1].path, MESSAGES);
    assert_eq!(seen[1].body["embeds"][0]["title"], "Planning meeting due");
    assert_eq!(seen[1].body["embeds"][0]["description"], "Vale: in 7 days \\@everyone");
    bodies_mention_nobody(&rest);
}

#[tokio::test]
async fn a_channel_post() {
    let rest = StandIn::spawn().await;
    let notifier = DiscordNotifier::new(rest.config().http(), quick());
    notifier.deliver(&Recipient::Channel("1600000000000000000".into()), &reminder()).await.expect("delivered");
    let seen = rest.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].path, "/api/v10/channels/1600000000000000000/messages");
    bodies_mention_nobody(&rest);
}

#[tokio::test]
async fn a_rate_limit_is_waited_out_as_discord_says() {
    let rest = StandIn::spawn().await;
    rest.script(
        MESSAGES,
        429,
        vec![("retry-after", "0.3".into()), ("x-ratelimit-scope", "user".into())],
        json!({"message": "You are being rate limited.", "retry_after": 0.3, "global": false}),
    );
    let notifier = DiscordNotifier::new(rest.config().http(), quick());
    let started = Instant::now();
    notifier.deliver(&Recipient::Person("4242".into()), &reminder()).await.expect("delivered after the wait");
    let posts: Vec<_> = rest.seen().into_iter().filter(|s| s.path == MESSAGES).collect();
    assert_eq!(posts.len(), 2);
    assert!(posts[1].at - posts[0].at >= Duration::from_millis(300), "waited {:?}", posts[1].at - posts[0].at);
    assert!(started.elapsed() >= Duration::from_millis(300));
    bodies_mention_nobody(&rest);
}

#[tokio::test]
async fn a_server_error_is_tried_again() {
    let rest = StandIn::spawn().await;
    rest.script(MESSAGES, 500, vec![], json!({"message": "500: Internal Server Error", "code": 0}));
    let notifier = DiscordNotifier::new(rest.config().http(), quick());
    notifier.deliver(&Recipient::Person("4242".into()), &reminder()).await.expect("delivered on the second try");
    assert_eq!(rest.seen().iter().filter(|s| s.path == MESSAGES).count(), 2);
    bodies_mention_nobody(&rest);
}

#[tokio::test]
async fn a_permanent_failure_is_reported_not_dropped() {
    let rest = StandIn::spawn().await;
    rest.script(MESSAGES, 403, vec![], json!({"message": "Cannot send messages to this user", "code": 50007}));
    let notifier = DiscordNotifier::new(rest.config().http(), quick());
    let failed = notifier.deliver(&Recipient::Person("4242".into()), &reminder()).await.expect_err("refused");
    assert!(failed.permanent);
    assert_eq!(failed.attempts, 1, "a refusal is not retried");
    assert_eq!(failed.recipient, Recipient::Person("4242".into()));
    assert!(failed.reason.contains("Cannot send messages to this user"), "{}", failed.reason);
}

#[tokio::test]
async fn repeated_server_errors_give_up_after_the_policy() {
    let rest = StandIn::spawn().await;
    for _ in 0..3 {
        rest.script(MESSAGES, 502, vec![], json!({"message": "Bad Gateway", "code": 0}));
    }
    let notifier = DiscordNotifier::new(rest.config().http(), quick());
    let failed = notifier.deliver(&Recipient::Person("4242".into()), &reminder()).await.expect_err("gave up");
    assert!(!failed.permanent);
    assert_eq!(failed.attempts, 3);
    assert_eq!(rest.seen().iter().filter(|s| s.path == MESSAGES).count(), 3);
}

#[tokio::test]
async fn a_bad_recipient_id_is_a_permanent_failure() {
    let rest = StandIn::spawn().await;
    let notifier = DiscordNotifier::new(rest.config().http(), quick());
    let failed = notifier.deliver(&Recipient::Person("ana".into()), &reminder()).await.expect_err("not an id");
    assert!(failed.permanent);
    assert!(rest.seen().is_empty());
}

/// The weekly digest goes as one multipart message: the embed, and the chart as `files[0]`,
/// shown in the embed (`attachment://portfolio.png`). The stand-in reads the form as Discord does
/// and refuses an image that names a file not sent.
#[tokio::test]
async fn the_digest_carries_its_chart_as_an_attachment() {
    let app = crate::helpers::demo_app().await;
    let digest = app.say("/digest --team \"Marina Costa\"").await;
    let rest = StandIn::spawn().await;
    let notifier = DiscordNotifier::new(rest.config().http(), quick());
    notifier.deliver(&Recipient::Person("4242".into()), &digest).await.expect("delivered");
    let posted: Vec<_> = rest.seen().into_iter().filter(|s| s.path == MESSAGES).collect();
    assert_eq!(posted.len(), 1, "one message");
    let message = &posted[0];
    assert_eq!(message.body["embeds"][0]["image"]["url"], "attachment://portfolio.png");
    assert_eq!(message.body["attachments"], json!([{"id": 0, "filename": "portfolio.png"}]));
    assert_eq!(message.body["allowed_mentions"]["parse"], json!([]));
    assert_eq!(message.files.len(), 1);
    let (field, name, kind, bytes) = &message.files[0];
    assert_eq!((field.as_str(), name.as_str(), kind.as_str()), ("files[0]", "portfolio.png", "image/png"));
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    // A reply without a chart stays a plain JSON message.
    notifier.deliver(&Recipient::Person("4242".into()), &reminder()).await.expect("delivered");
    let last = rest.seen().into_iter().rfind(|s| s.path == MESSAGES).unwrap();
    assert!(last.files.is_empty(), "no file");
    assert!(last.body["attachments"].as_array().is_none_or(Vec::is_empty), "{}", last.body);
}

/// A message keyed by its outbox row carries a nonce with `enforce_nonce` (within Discord's 25
/// characters), the same on every attempt: resent after a crash, Discord creates it once.
#[tokio::test]
async fn a_keyed_message_carries_the_same_enforced_nonce_on_every_attempt() {
    let rest = StandIn::spawn().await;
    let notifier = DiscordNotifier::new(rest.config().http(), quick());
    let to = Recipient::Channel("1500000000000000000".into());
    notifier.deliver_keyed(&to, &reminder(), "1234567").await.expect("delivered");
    notifier.deliver_keyed(&to, &reminder(), "1234567").await.expect("delivered");
    let posts: Vec<_> = rest.seen().into_iter().filter(|s| s.path == MESSAGES).collect();
    assert_eq!(posts.len(), 2);
    for post in &posts {
        assert_eq!(post.body["enforce_nonce"], true, "{}", post.body);
        let nonce = post.body["nonce"].as_str().expect("a nonce");
        assert!(nonce.chars().count() <= 25, "{nonce}");
    }
    assert_eq!(posts[0].body["nonce"], posts[1].body["nonce"]);
    // Another message, another nonce.
    notifier.deliver_keyed(&to, &reminder(), "1234568").await.expect("delivered");
    let last = rest.seen().into_iter().rfind(|s| s.path == MESSAGES).unwrap();
    assert_ne!(last.body["nonce"], posts[0].body["nonce"]);
}
