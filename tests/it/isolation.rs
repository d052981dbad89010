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

/// The numbers people see count within their workspace: a new team's first account, opportunity,
/// interaction and meeting are #1, however much other workspaces hold.
#[tokio::test]
async fn numbers_count_within_each_workspace() {
    let app = demo_app().await;
    let other = "discord:333";
    app.say_in(other, "/help").await;
    let ws = app.workspace_id(other).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    app.say_in(other, "/account add Usiminas --tier 1").await;
    let card = app.say_in(other, "/account Usiminas").await;
    assert!(card.footer.as_deref().unwrap_or("").starts_with("Account #1 "), "{}", text(&card));
    let logged = app.say_in(other, "/log Usiminas call \"First call\"").await;
    assert_eq!(logged.footer.as_deref(), Some("Interaction #1"));
    let opp = app.say_in(other, "/opp add Usiminas \"Rolls\" 1M").await;
    assert_eq!(opp.footer.as_deref(), Some("Opportunity #1 added"), "{}", text(&opp));
    let meeting = app.say_in(other, "/meeting Usiminas 2027-01-10 10:00").await;
    assert_eq!(meeting.footer.as_deref(), Some("Meeting #1"), "{}", text(&meeting));
    // The number moves the opportunity of this workspace, not #1 of the demo.
    let moved = app.say_in(other, "/opp move 1 qualified").await;
    assert!(text(&moved).contains("Rolls"), "{}", text(&moved));
    assert!(text(&app.say("/opp Vale").await).contains("#1 "), "the demo keeps its own #1");
}

/// An account's facts, read in one query, come only from its own workspace: the same account id
/// asked for in another workspace is nothing, and the lists are the account's own.
#[tokio::test]
async fn account_facts_stay_in_their_workspace() {
    let app = demo_app().await;
    kam_bot::seed::demo::seed_demo(&app.store, "slack:T1", app.now).await.unwrap().unwrap();
    let local = app.workspace_id("local").await;
    let slack = app.workspace_id("slack:T1").await;
    let window = kam_bot::core::standing::window(app.now, chrono_tz::America::Sao_Paulo);
    let portfolio = app.store.portfolio(local, None, None).await.unwrap();
    let vale = portfolio.iter().find(|a| a.name == "Vale").unwrap().id;
    let facts = app.store.account_facts(local, vale, window).await.unwrap().unwrap();
    assert_eq!(facts.account.name, "Vale");
    assert!(app.store.account_facts(slack, vale, window).await.unwrap().is_none());
    // Something added in the other workspace's Vale is not in these facts.
    app.say_in("slack:T1", "/contact add Vale \"Only In Slack\"").await;
    let again = app.store.account_facts(local, vale, window).await.unwrap().unwrap();
    assert_eq!(again.contacts, facts.contacts);
    assert!(again.contacts.iter().all(|c| c.name != "Only In Slack"));
    assert!(!facts.contacts.is_empty() && !facts.reasons.is_empty() && !facts.wallet.is_empty());
    assert!(facts.last_interaction.is_some() && facts.last_planning.is_some());
}
