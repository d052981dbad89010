//! `/language`: each person chooses the language they are answered in.

use crate::helpers::{WS, demo_app};

#[tokio::test]
async fn a_person_chooses_portuguese_and_is_answered_in_it() {
    let app = demo_app().await;
    let shown = app.say("/language").await;
    assert_eq!(shown.title.as_deref(), Some("I answer you in English, the default here. /language pt-BR changes it."));

    let before = app.counts(WS).await;
    let set = app.say("/language pt-br").await;
    assert_eq!(set.title.as_deref(), Some("A partir de agora respondo a você em português."));
    assert_eq!(app.counts(WS).await.audit_entries, before.audit_entries + 1);

    // The person's choice wins over the language the platform reports (English here).
    let card = app.say("/account vale").await;
    assert!(card.to_text().contains("Nível 1 (estratégica)"), "{}", card.to_text());
    let shown = app.say("/language").await;
    assert_eq!(
        shown.title.as_deref(),
        Some("Respondo a você em português, como você escolheu. /language en muda isso.")
    );

    app.say("/language EN").await;
    assert!(app.say("/account vale").await.to_text().contains("Tier 1 (strategic)"));
}

#[tokio::test]
async fn the_choice_is_per_person() {
    let app = demo_app().await;
    app.say("/language pt-BR").await;
    let other = app.core.run_line(&app.invocation(WS, "someone-else"), "/account vale").await;
    assert!(other.to_text().contains("Tier 1 (strategic)"));
}
