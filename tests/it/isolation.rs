//! Workspaces never see each other's data: not by name, not in suggestions, not in lists.

use crate::helpers::{demo_app, text};

#[tokio::test]
async fn another_workspace_sees_nothing_of_the_demo() {
    let app = demo_app().await;
    let other = "discord:222";
    let reply = app.say_in(other, "/account Vale").await;
    assert!(reply.is_error());
    assert!(reply.lines[0].starts_with("No accounts yet."), "{:?}", reply.lines);
    // Not even as a "closest" suggestion.
    let reply = app.say_in(other, "/account Vael").await;
    assert!(!text(&reply).contains("Vale ") && !text(&reply).contains("Closest"), "{}", text(&reply));

    let list = app.say_in(other, "/accounts").await;
    assert!(list.lines[0].starts_with("No accounts yet."), "{:?}", list.lines);
    let owner = app.say_in(other, "/accounts --owner Ana").await;
    assert!(owner.is_error(), "people of another workspace are invisible too");

    let before = app.counts("local").await;
    let log = app.say_in(other, "/log Vale note \"should go nowhere\"").await;
    assert!(log.is_error());
    assert_eq!(app.counts("local").await, before);
    assert_eq!(app.counts(other).await.interactions, 0);
}

#[tokio::test]
async fn same_names_in_two_workspaces_stay_apart() {
    let app = demo_app().await;
    kam_bot::seed::demo::seed_demo(&app.store, "slack:T1", app.now).await.unwrap().unwrap();
    app.say_in("slack:T1", "/log Vale note \"Only in Slack\"").await;
    let local = app.say("/history Vale 1").await;
    assert!(!text(&local).contains("Only in Slack"));
    let slack = app.say_in("slack:T1", "/history Vale 1").await;
    assert!(text(&slack).contains("Only in Slack"));
}
