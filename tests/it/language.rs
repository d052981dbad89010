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

/// Options, commands and their help in Portuguese: `/registrar … --proximo … --prazo …
/// --contato …` logs as `/log … --next … --due … --contact …` does, accents or not.
#[tokio::test]
async fn commands_and_options_take_their_portuguese_words() {
    let app = crate::helpers::demo_app().await;
    let logged = app
        .say_pt("/registrar Vale reunião \"Plano 2027\" --próximo \"Enviar proposta\" --prazo 10/12 --contato beatriz --quando ontem")
        .await;
    assert_eq!(logged.title.as_deref(), Some("Registrado: reunião com Vale"), "{}", logged.to_text());
    assert_eq!(crate::helpers::field(&logged, "Contato"), "Beatriz Almeida (Suprimentos)");
    assert_eq!(crate::helpers::field(&logged, "Quando"), "qui 26/11/2026");
    assert!(crate::helpers::field(&logged, "Próximo passo").contains("Enviar proposta · prazo qui 10/12/2026"));
    let tasks = app.say_pt("/pendências Vale").await;
    assert!(tasks.to_text().contains("Enviar proposta"), "{}", tasks.to_text());
    let help = app.say_pt("/ajuda registrar").await.to_text();
    for word in ["--proximo", "--prazo", "--contato", "--quando"] {
        assert!(help.contains(word), "{word}: {help}");
    }
    let unknown = app.say_pt("/log Vale reunião \"x\" --depois amanhã").await;
    assert!(unknown.is_error(), "{}", unknown.to_text());
}
