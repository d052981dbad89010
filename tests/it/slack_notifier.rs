//! The Slack notifier against a local stand-in for Slack's Web API.

use std::time::{Duration, Instant};

use kam_bot::core::Reply;
use kam_bot::front::slack::notifier::{SlackNotifier, client};
use kam_bot::notify::{Notifier, Recipient, RetryPolicy};
use serde_json::json;

use crate::slack_support::SlackStandIn;

fn notifier(stand_in: &SlackStandIn) -> SlackNotifier {
    let policy =
        RetryPolicy { attempts: 3, first_backoff: Duration::from_millis(10), max_backoff: Duration::from_millis(50) };
    SlackNotifier::new(client(Some(&stand_in.api())).unwrap(), "xoxb-test-token", policy)
}

fn reminder() -> Reply {
    Reply::titled("Planning meeting due").line("Vale: in 7 days <!channel>")
}

#[tokio::test]
async fn a_direct_message_opens_the_conversation_then_posts() {
    let slack = SlackStandIn::spawn().await;
    notifier(&slack).deliver(&Recipient::Person("U2147483697".into()), &reminder()).await.expect("delivered");
    let seen = slack.seen();
    assert_eq!(
        seen.iter().map(|s| s.path.as_str()).collect::<Vec<_>>(),
        ["/api/conversations.open", "/api/chat.postMessage"]
    );
    assert_eq!(seen[0].body["users"], "U2147483697", "a comma-separated string, as Slack documents");
    let post = &seen[1].body;
    assert_eq!(post["channel"], "D0123456");
    assert_eq!(post["blocks"][0]["text"]["text"], "Planning meeting due");
    assert!(post.to_string().contains("&lt;!channel&gt;") && !post.to_string().contains("<!channel>"), "{post}");
}

#[tokio::test]
async fn a_channel_post() {
    let slack = SlackStandIn::spawn().await;
    notifier(&slack).deliver(&Recipient::Channel("C0KEYACCTS".into()), &reminder()).await.expect("delivered");
    let seen = slack.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].path, "/api/chat.postMessage");
    assert_eq!(seen[0].body["channel"], "C0KEYACCTS");
}

#[tokio::test]
async fn a_rate_limit_is_waited_out_as_retry_after_says() {
    let slack = SlackStandIn::spawn().await;
    slack.script(
        "/api/chat.postMessage",
        429,
        vec![("retry-after", "1".into())],
        json!({"ok": false, "error": "ratelimited"}),
    );
    let started = Instant::now();
    notifier(&slack)
        .deliver(&Recipient::Channel("C0KEYACCTS".into()), &reminder())
        .await
        .expect("delivered after the wait");
    let posts: Vec<_> = slack.seen().into_iter().filter(|s| s.path == "/api/chat.postMessage").collect();
    assert_eq!(posts.len(), 2);
    assert!(posts[1].at - posts[0].at >= Duration::from_secs(1));
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[tokio::test]
async fn a_permanent_failure_is_reported() {
    let slack = SlackStandIn::spawn().await;
    slack.script("/api/conversations.open", 200, vec![], json!({"ok": false, "error": "user_not_found"}));
    let failed = notifier(&slack).deliver(&Recipient::Person("U0GONE".into()), &reminder()).await.expect_err("refused");
    assert!(failed.permanent);
    assert_eq!(failed.attempts, 1);
    assert_eq!(failed.reason, "user_not_found");
    assert!(slack.seen().iter().all(|s| s.path != "/api/chat.postMessage"));
}

#[tokio::test]
async fn a_server_error_is_tried_again() {
    let slack = SlackStandIn::spawn().await;
    slack.script("/api/chat.postMessage", 503, vec![], json!({"ok": false, "error": "service_unavailable"}));
    notifier(&slack).deliver(&Recipient::Channel("C0KEYACCTS".into()), &reminder()).await.expect("delivered");
    assert_eq!(slack.seen().iter().filter(|s| s.path == "/api/chat.postMessage").count(), 2);
}

/// The weekly digest is posted, then its chart is uploaded into the same conversation as
/// files.uploadV2 does it: an upload URL for the announced length, the bytes, then the completion
/// naming the file and the channel.
#[tokio::test]
async fn the_digest_is_followed_by_its_chart() {
    let app = crate::helpers::demo_app().await;
    let digest = app.say("/digest --team \"Marina Costa\"").await;
    assert!(digest.chart.is_some());
    let stand_in = SlackStandIn::spawn().await;
    notifier(&stand_in).deliver(&Recipient::Person("U0MARINA".into()), &digest).await.expect("delivered");
    let seen = stand_in.seen();
    let paths: Vec<&str> = seen.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/api/conversations.open",
            "/api/chat.postMessage",
            "/api/files.getUploadURLExternal",
            "/upload/F00000001",
            "/api/files.completeUploadExternal"
        ]
    );
    assert_eq!(seen[2].body["filename"], "portfolio.png");
    assert_eq!(seen[3].body["png"], true, "the bytes are a PNG");
    assert_eq!(
        seen[3].body["bytes"].as_u64().map(|n| n.to_string()),
        seen[2].body["length"].as_str().map(String::from)
    );
    assert_eq!(seen[4].body["channel_id"], "D0123456", "into the conversation the digest went to");
}
