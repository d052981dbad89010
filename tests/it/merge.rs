//! `/account merge FROM INTO`: a duplicate account's contacts, interactions, commitments, plans,
//! opportunities, wallet periods and competitors move to the account that stays, once, audited;
//! its name becomes an alias; managers and admins only, within one workspace.

use crate::helpers::{WS, demo_app, text};

#[tokio::test]
async fn everything_moves_once_and_is_audited() {
    let app = demo_app().await;
    // A duplicate of Vale, as an import from another CRM would make it, with a bit of everything.
    for line in [
        "/account add \"Vale Mineração\" --tier 1 --owner \"Ana Souza\" --spend 10M --revenue 1M",
        "/contact add \"Vale Mineração\" \"Paulo Teixeira\" --department Compras",
        "/log \"Vale Mineração\" call \"Paulo asked for the 2027 price list\" --next \"Send the price list\" --due 2026-12-10",
        "/opp add \"Vale Mineração\" \"Chutes for Itabira\" 2M",
        "/competitor \"Vale Mineração\" Metso --share 20",
    ] {
        let reply = app.say_as("marina.costa", line).await;
        assert!(!reply.is_error(), "{line}: {}", text(&reply));
    }
    app.say_as("marina.costa", "/language en").await;
    // A sentence about the duplicate waits as a draft while the accounts are merged.
    let draft = app.say_as("marina.costa", "call with Paulo Teixeira at Vale Mineração today about the liners").await;
    assert!(draft.to_text().contains("Vale Mineração"), "{}", draft.to_text());
    let before = app.counts(WS).await;

    // A rep may not merge.
    let refused = app.say_as("juliana.pereira", "/account merge \"Vale Mineração\" Vale").await;
    assert_eq!(refused.lines, ["Only managers and admins merge accounts."]);
    // Without --confirm: what would move, and nothing moves.
    let preview = app.say_as("marina.costa", "/account merge \"Vale Mineração\" Vale").await;
    assert_eq!(preview.title.as_deref(), Some("Merge Vale Mineração into Vale?"));
    assert!(
        text(&preview).contains(
            "Moves 1 contact · 1 interaction · 1 commitment · 1 opportunity · 1 wallet period · 1 competitor."
        ),
        "{}",
        text(&preview)
    );
    assert!(text(&preview).contains("/account merge \"Vale Mineração\" Vale --confirm"));
    assert_eq!(app.counts(WS).await, before);

    let merged = app.say_as("marina.costa", "/account merge \"Vale Mineração\" Vale --confirm").await;
    assert_eq!(merged.title.as_deref(), Some("Vale Mineração merged into Vale"), "{}", text(&merged));
    let after = app.counts(WS).await;
    assert_eq!(after.accounts, before.accounts - 1);
    assert_eq!((after.contacts, after.interactions), (before.contacts, before.interactions), "moved, not copied");
    assert_eq!(after.audit_entries, before.audit_entries + 1, "one audit entry");

    // The merged name finds Vale; Vale holds what the duplicate held.
    assert_eq!(app.say("/account vale mineracao").await.title.as_deref(), Some("Vale"));
    assert!(text(&app.say("/contacts vale").await).contains("Paulo Teixeira"));
    assert!(text(&app.say("/history vale").await).contains("2027 price list"));
    assert!(text(&app.say("/tasks vale").await).contains("Send the price list"));
    assert!(text(&app.say("/opp vale").await).contains("Chutes for Itabira"));
    assert!(text(&app.say("/competitors vale").await).contains("Metso"));

    // The draft about the duplicate logs on Vale.
    let confirmed = app.say_as("marina.costa", "/confirm").await;
    assert!(!confirmed.is_error(), "{}", confirmed.to_text());
    assert!(text(&app.say("/history vale").await).contains("liners"));
    let after = app.counts(WS).await;

    // Once: the duplicate is Vale now, so a second merge names one account.
    let again = app.say_as("marina.costa", "/account merge \"Vale Mineração\" Vale --confirm").await;
    assert!(again.is_error());
    assert!(text(&again).contains("Vale is one account"), "{}", text(&again));
    assert_eq!(app.counts(WS).await, after);
}

#[tokio::test]
async fn another_workspaces_account_cannot_be_named_nor_touched() {
    let app = demo_app().await;
    let other = "discord:222";
    let reply = app.say_in(other, "/account merge Vale Petrobras --confirm").await;
    assert!(reply.is_error(), "{}", text(&reply));
    // The store itself scopes a merge to the workspace it is given: naming another workspace's
    // accounts moves nothing and deletes nothing.
    let local = app.workspace_id(WS).await;
    let vale = app.store.accounts_named(local, "vale").await.unwrap()[0].account_id;
    let petrobras = app.store.accounts_named(local, "petrobras").await.unwrap()[0].account_id;
    let before = app.counts(WS).await;
    let elsewhere = app.workspace_id(other).await;
    let mut tx = app.store.write().await.unwrap();
    tx.merge_account_rows(elsewhere, petrobras, vale).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(app.counts(WS).await, before);
    assert!(!app.say("/account petrobras").await.is_error());
}

#[tokio::test]
async fn merging_is_said_in_portuguese() {
    let app = demo_app().await;
    let marina_pt = |line: &'static str| {
        let app = &app;
        async move {
            let mut inv = app.invocation(WS, "marina.costa");
            inv.locale = Some(kam_bot::i18n::Locale::PtBr);
            app.core.run_line(&inv, line).await
        }
    };
    marina_pt("/conta adicionar \"Gerdau Aços Longos\"").await;
    let preview = marina_pt("/conta juntar \"Gerdau Aços Longos\" Gerdau").await;
    assert_eq!(preview.title.as_deref(), Some("Juntar Gerdau Aços Longos a Gerdau?"), "{}", text(&preview));
    assert!(text(&preview).contains("Nada a transferir além do nome."), "{}", text(&preview));
    let done = marina_pt("/conta juntar \"Gerdau Aços Longos\" Gerdau --confirmar").await;
    assert_eq!(done.title.as_deref(), Some("Gerdau Aços Longos juntada a Gerdau"), "{}", text(&done));
}
