//! `/history`: the last interactions, newest first.

use kam_bot::domain::account::Tier;
use kam_bot::store::NewAccount;

use crate::helpers::{demo_app, spawn_app, text};

#[tokio::test]
async fn newest_first_and_bounded() {
    let app = demo_app().await;
    app.say("/log Vale call \"Checked the shipment\"").await;
    let reply = app.say("/history Vale 3").await;
    assert_eq!(reply.title.as_deref(), Some("Vale: last 3 interactions"));
    assert!(reply.lines[0].starts_with("2026-11-27 · call · Tester tester"), "{}", text(&reply));
    assert_eq!(reply.lines[1], "  Checked the shipment");
    let dates: Vec<&str> = reply.lines.iter().filter(|l| !l.starts_with(' ')).map(|l| &l[..10]).collect();
    assert_eq!(dates.len(), 3);
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");

    let default = app.say("/history vale").await;
    assert_eq!(default.title.as_deref(), Some("Vale: last 10 interactions"));
}

#[tokio::test]
async fn an_account_without_interactions() {
    let app = spawn_app().await;
    app.add_account("local", &NewAccount::new("Quieta", Tier::Maintain, app.now)).await;
    let reply = app.say("/history quieta").await;
    assert_eq!(reply.lines, ["No interaction logged with Quieta yet. /log records one."]);
}
