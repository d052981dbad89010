//! `/accounts`: the portfolio, filtered by tier and owner.

use crate::helpers::{WS, demo_app, spawn_app, text};

#[tokio::test]
async fn lists_active_accounts_by_tier() {
    let app = demo_app().await;
    let reply = app.say("/accounts").await;
    assert_eq!(reply.title.as_deref(), Some("Portfolio: 9 key accounts"));
    assert_eq!(reply.lines.len(), 9, "the archived CSN is left out");
    assert!(reply.lines[0].starts_with("T1 · Alcoa · Ana Souza · share 74.0%"), "{}", reply.lines[0]);
    assert!(reply.lines.iter().all(|l| !l.contains("CSN")));
    let gerdau = reply.lines.iter().find(|l| l.contains("Gerdau")).expect("Gerdau listed");
    assert!(gerdau.ends_with("last contact 74 days ago · CONTACT OVERDUE, PLANNING OVERDUE"), "{gerdau}");
    let petro = reply.lines.iter().find(|l| l.contains("Petrobrás")).expect("Petrobrás listed");
    assert!(petro.ends_with("last contact 12 days ago · PLANNING OVERDUE"), "{petro}");
    let vale = reply.lines.iter().find(|l| l.contains("Vale")).expect("Vale listed");
    assert!(vale.ends_with(" ago") || vale.ends_with("today"), "nothing overdue: {vale}");
}

#[tokio::test]
async fn filters_by_tier_and_owner() {
    let app = demo_app().await;
    let tier1 = app.say("/accounts --tier 1").await;
    assert_eq!(tier1.lines.len(), 4);
    assert!(tier1.lines.iter().all(|l| l.starts_with("T1 ")));

    let ana = app.say("/accounts --owner \"ana souza\"").await;
    let names: Vec<&str> = ana.lines.iter().map(|l| l.split(" · ").nth(1).unwrap_or("")).collect();
    assert_eq!(names, ["Alcoa", "Vale", "WEG"]);

    let both = app.say("/accounts --tier 2 --owner Rafael").await;
    assert_eq!(both.lines.len(), 2, "{}", text(&both));

    let none = app.say("/accounts --owner Nobody").await;
    assert!(none.is_error());
    assert_eq!(none.lines, ["Nobody called “Nobody” in this workspace."]);
}

#[tokio::test]
async fn an_empty_portfolio_says_so() {
    let app = spawn_app().await;
    let reply = app.say("/accounts").await;
    assert!(!reply.is_error());
    // A workspace without any account says how to bring them in.
    assert!(reply.lines[0].starts_with("No accounts yet. Add one with /account add"), "{:?}", reply.lines);
    assert!(reply.lines[0].contains("kam-bot import accounts FILE"));
}

/// The counts that pick a lookup's rarest word: one for each prefix given, or nothing counted at
/// all once one of them starts no word (a mistyped word ends the search).
#[tokio::test]
async fn word_counts_stop_at_a_word_that_starts_nothing() {
    let app = demo_app().await;
    let ws = app.workspace_id(WS).await;
    let counted = app.store.count_words_with_prefixes(ws, [Some("vale"), Some("petro"), None]).await.unwrap();
    assert!(counted[0] >= 1 && counted[1] >= 1, "{counted:?}");
    assert_eq!(counted[2], 0, "a prefix not given");
    let mistyped =
        app.store.count_words_with_prefixes(ws, [Some("vale"), Some("pzetro"), Some("alcoa")]).await.unwrap();
    assert_eq!(mistyped, [0, 0, 0]);
    assert!(app.say("/account vale pzetro").await.is_error(), "no account has both words");
}
