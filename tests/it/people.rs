//! `/people`: who is in the workspace; only admins give roles.

use crate::helpers::{WS, demo_app};

#[tokio::test]
async fn lists_people_with_their_roles() {
    let app = demo_app().await;
    let reply = app.say("/people").await;
    assert_eq!(reply.title.as_deref(), Some("People: 6 people"));
    assert!(reply.lines.contains(&"Marina Costa · manager".to_string()), "{:?}", reply.lines);
    assert!(reply.lines.contains(&"Tester tester · rep".to_string()));
    let pt = app.say_pt("/people list").await;
    assert!(pt.lines.contains(&"Marina Costa · gestão".to_string()));
}

#[tokio::test]
async fn only_an_admin_gives_roles() {
    let app = demo_app().await;
    let before = app.counts(WS).await;
    let refused = app.say("/people role \"Juliana Pereira\" manager").await;
    assert_eq!(refused.lines, ["Only an admin of this workspace can change roles."]);
    assert_eq!(app.counts(WS).await, before);

    let ws = app.workspace_id(WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    let done = app.say("/people role juliana manager").await;
    assert_eq!(done.title.as_deref(), Some("Juliana Pereira is now manager."), "{}", done.to_text());
    assert_eq!(app.counts(WS).await.audit_entries, before.audit_entries + 1);
    let people = app.say("/people").await.lines;
    assert!(people.iter().any(|l| l.starts_with("Juliana Pereira · manager")), "{people:?}");

    let own = app.say("/people role tester rep").await;
    assert_eq!(own.lines, ["You cannot change your own role: ask another admin."]);
    let bad = app.say("/people role juliana owner").await;
    assert_eq!(bad.lines, ["ROLE must be one of admin, manager, rep, not “owner”."]);
    let missing = app.say("/people role juliana").await;
    assert!(missing.lines[0].starts_with("Missing ROLE."), "{:?}", missing.lines);
    let nobody = app.say("/people role Zé admin").await;
    assert_eq!(nobody.lines, ["Nobody called “Zé” in this workspace."]);
}

#[tokio::test]
async fn newcomers_take_the_workspace_default_role() {
    let app = demo_app().await;
    let ws = app.workspace_id(WS).await;
    app.store.update_workspace(ws, None, None, Some("manager")).await.unwrap();
    app.core.run_line(&app.invocation(WS, "newcomer"), "/help").await;
    let newcomer = app.store.find_person(ws, "terminal", "newcomer").await.unwrap().unwrap();
    assert_eq!(newcomer.role, kam_bot::domain::account::Role::Manager);
    let earlier = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    assert_eq!(earlier.role, kam_bot::domain::account::Role::Rep, "people already there keep their role");
}
