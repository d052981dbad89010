//! What an operator watches: `/metrics` in Prometheus' format moves with commands, jobs and
//! deliveries; `/healthz` turns 503 when the scheduler stops ticking.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use kam_bot::core::Reply;
use kam_bot::notify::{Delivery, Notifier, Recipient};
use serde_json::json;

use crate::discord_support::{command, option, spawn_endpoint};
use crate::helpers::demo_app;

/// The value of one sample of the exposition (0 when absent).
fn sample(text: &str, name_and_labels: &str) -> f64 {
    text.lines().find_map(|l| l.strip_prefix(name_and_labels).and_then(|rest| rest.trim().parse().ok())).unwrap_or(0.0)
}

async fn scrape(url: &str) -> String {
    let response = reqwest::get(format!("{url}/metrics")).await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let kind = response.headers()["content-type"].to_str().unwrap().to_string();
    assert!(kind.starts_with("application/openmetrics-text"), "{kind}");
    response.text().await.unwrap()
}

struct Accepting;

impl Notifier for Accepting {
    fn deliver<'a>(&'a self, _to: &'a Recipient, _reply: &'a Reply) -> Delivery<'a> {
        Box::pin(async { Ok(()) })
    }
}

#[tokio::test]
async fn metrics_move_with_commands_jobs_and_deliveries() {
    let app = demo_app().await;
    kam_bot::seed::demo::seed_demo(&app.store, "discord:111", app.now).await.unwrap();
    let endpoint = spawn_endpoint(&app, None, Duration::from_secs(2)).await;
    let ok = r#"kam_commands_total{command="account",platform="discord",outcome="ok"}"#;
    let refused = r#"kam_commands_total{command="account",platform="discord",outcome="refused"}"#;
    let count = r#"kam_command_seconds_count{command="account"}"#;
    let digests = r#"kam_jobs_total{job="weekly_digest",outcome="ran"}"#;
    let delivered = r#"kam_deliveries_total{platform="terminal",outcome="delivered"}"#;
    let before = scrape(&endpoint.url).await;

    for (i, name) in ["Vale", "Gerdau", "Nothing Like It"].iter().enumerate() {
        let payload = command(100 + i as u64, Some(111), "account", json!([option("name", json!(name))]));
        let (status, _) = endpoint.post_signed(&payload).await;
        assert_eq!(status.as_u16(), 200);
    }
    let monday = chrono::TimeZone::with_ymd_and_hms(&chrono_tz::America::Sao_Paulo, 2026, 11, 30, 8, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let scheduler = kam_bot::scheduler::Scheduler::new(app.store.clone());
    scheduler.tick(monday).await.unwrap();
    let report = scheduler.deliver(monday, &kam_bot::scheduler::Notifiers::only(Arc::new(Accepting))).await.unwrap();
    assert!(!report.delivered.is_empty());

    let after = scrape(&endpoint.url).await;
    // Other tests of this process count too: each of ours moved the counters by at least as much.
    assert!(sample(&after, ok) - sample(&before, ok) >= 2.0, "{after}");
    assert!(sample(&after, refused) - sample(&before, refused) >= 1.0, "{after}");
    assert!(sample(&after, count) - sample(&before, count) >= 3.0, "the histogram is filled: {after}");
    assert!(after.contains(r#"kam_command_seconds_bucket{le="+Inf",command="account"}"#), "{after}");
    assert!(sample(&after, digests) - sample(&before, digests) >= 1.0, "{after}");
    assert!(sample(&after, delivered) - sample(&before, delivered) >= report.delivered.len() as f64, "{after}");
    for gauge in ["kam_outbox_pending ", "kam_outbox_failed ", "kam_db_pool_in_use ", "kam_db_pool_open "] {
        assert!(after.lines().any(|l| l.starts_with(gauge)), "{gauge} missing: {after}");
    }
    assert!(sample(&after, "kam_db_pool_open ") >= 1.0);
}

#[tokio::test]
async fn healthz_turns_503_when_the_scheduler_stops_ticking() {
    let app = demo_app().await;
    let observed = kam_bot::server::Observed {
        store: app.store.clone(),
        started: Utc::now() - chrono::Duration::seconds(1),
        tick_every: Duration::from_millis(100),
    };
    let (listener, addr) = kam_bot::server::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
    tokio::spawn(axum::serve(listener, kam_bot::server::base_routes(observed)).into_future());
    let health = || async move {
        let response = reqwest::get(format!("http://{addr}/healthz")).await.unwrap();
        (response.status().as_u16(), response.json::<serde_json::Value>().await.unwrap())
    };
    // Started a second ago, never ticked, three intervals are 0.3 s: stalled.
    let (status, body) = health().await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["scheduler"]["status"], "stalled");
    assert_eq!(body["database"], "ok");
    // A tick: healthy.
    kam_bot::metrics::global().ticked(Utc::now());
    let (status, body) = health().await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "ok");
    // No tick for three intervals: stalled again.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let (status, body) = health().await;
    assert_eq!((status, body["scheduler"]["status"].as_str()), (503, Some("stalled")));
    // The database closed: it says so.
    app.store.close().await;
    kam_bot::metrics::global().ticked(Utc::now());
    let (status, body) = health().await;
    assert_eq!((status, body["database"].as_str()), (503, Some("not answering")));
}
