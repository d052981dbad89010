//! `/history`: the last interactions, newest first.

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
    kam_bot::seed::synthetic::seed_synthetic(&app.store, "other", 1, app.now).await.unwrap();
    let ws = app.workspace_id("local").await;
    let mut tx = app.store.write().await.unwrap();
    tx.insert_account(
        ws,
        &kam_bot::store::NewAccount {
            name: "Quieta".into(),
            aliases: vec![],
            segment: String::new(),
            tier: 3,
            reasons: vec![],
            owner_id: None,
            technical_manager_id: None,
            currency: "BRL".into(),
            wallet_minor: 0,
            revenue_12m_minor: 0,
            share_ceiling_bp: 7000,
            margin_bp: None,
            planning_cadence_days: 90,
            yearly_review_on: None,
            status: "active".into(),
            created_at: app.now,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let reply = app.say("/history quieta").await;
    assert_eq!(reply.lines, ["No interaction logged with Quieta yet. /log records one."]);
}
