//! `/log`: records an interaction once, with what was typed, and says what was recorded.

use kam_bot::core::Tone;

use crate::helpers::{WS, demo_app, field, text};

#[tokio::test]
async fn records_and_confirms() {
    let app = demo_app().await;
    let before = app.counts(WS).await;
    let reply =
        app.say(r#"/log Vale meeting "Plano 2027" --next "Enviar proposta" --due 2026-12-10 --contact beatriz"#).await;
    assert_eq!(reply.title.as_deref(), Some("Logged: meeting with Vale"), "{}", text(&reply));
    assert_eq!(reply.tone, Tone::Good);
    assert_eq!(field(&reply, "When"), "Fri 2026-11-27");
    assert_eq!(field(&reply, "Summary"), "Plano 2027");
    assert_eq!(field(&reply, "Contact"), "Beatriz Almeida (Suprimentos)");
    assert_eq!(field(&reply, "Next step"), "#3 Enviar proposta · due Thu 2026-12-10");

    let after = app.counts(WS).await;
    assert_eq!(after.interactions, before.interactions + 1);
    assert_eq!(after.audit_entries, before.audit_entries + 1);

    let ws = app.workspace_id(WS).await;
    let vale = app.store.account_names_with_prefix(ws, "vale", 1).await.unwrap()[0].account_id;
    let last = &app.store.history(ws, vale, 1).await.unwrap()[0];
    assert_eq!(last.summary, "Plano 2027");
    assert_eq!(last.kind, kam_bot::domain::kind::InteractionKind::Meeting);
    assert_eq!(last.next_step.as_deref(), Some("Enviar proposta"));
    assert_eq!(last.next_step_due.map(|d| d.to_string()).as_deref(), Some("2026-12-10"));
    assert_eq!(last.contact_name.as_deref(), Some("Beatriz Almeida"));
    assert_eq!(last.occurred_at, app.now);
}

#[tokio::test]
async fn kinds_and_dates_in_both_forms() {
    let app = demo_app().await;
    let reply = app.say(r#"/log petrobras planejamento "Plano anual" --when 20/11/2026"#).await;
    assert_eq!(reply.title.as_deref(), Some("Logged: planning meeting with Petrobrás"), "{}", text(&reply));
    assert_eq!(field(&reply, "When"), "Fri 2026-11-20");
    // The planning clock restarts from the logged planning meeting: due 2026-12-20.
    let card = app.say("/account petrobras").await;
    assert_eq!(field(&card, "Next planning meeting"), "2026-12-20 (in 23 days)");

    let reply = app.say("/log Vale ligação \"Ligação rápida\" --when ontem").await;
    assert_eq!(field(&reply, "When"), "Thu 2026-11-26");
}

#[tokio::test]
async fn a_redelivered_message_is_logged_once() {
    let app = demo_app().await;
    let mut inv = app.invocation(WS, "tester");
    inv.source_id = Some("discord-interaction-42".into());
    let line = r#"/log Vale call "Confirmed the visit""#;
    let first = app.core.run_line(&inv, line).await;
    let before = app.counts(WS).await;
    let second = app.core.run_line(&inv, line).await;
    assert_eq!(first.tone, Tone::Good);
    assert_eq!(second, first, "the second delivery gets the first answer");
    assert_eq!(app.counts(WS).await, before, "the second delivery wrote nothing");
    // Days later the request itself is forgotten, but the interaction still knows its message id.
    let mut later = inv.clone();
    later.now += chrono::Duration::days(2);
    let third = app.core.run_line(&later, line).await;
    assert_eq!(third.title.as_deref(), Some("Already logged for Vale: this message was received before"));
    assert_eq!(first.footer, third.footer, "both point at the same interaction");
    assert_eq!(app.counts(WS).await.interactions, before.interactions);

    // Another message id is another interaction.
    inv.source_id = Some("discord-interaction-43".into());
    app.core.run_line(&inv, line).await;
    assert_eq!(app.counts(WS).await.interactions, before.interactions + 1);
}

#[tokio::test]
async fn logging_answers_in_portuguese() {
    let app = demo_app().await;
    let reply = app.say_pt(r#"/log Vale visita "Visita à mina" --next "Enviar relatório" --due amanhã"#).await;
    assert_eq!(reply.title.as_deref(), Some("Registrado: visita com Vale"));
    assert_eq!(field(&reply, "Quando"), "sex 27/11/2026");
    assert_eq!(field(&reply, "Próximo passo"), "#3 Enviar relatório · prazo amanhã, sáb 28/11/2026");
}

/// `--contact` takes several people: each counts as reached, the reply names them all, and an
/// unknown one refuses the whole line.
#[tokio::test]
async fn a_log_with_several_contacts_reaches_each() {
    let app = crate::helpers::demo_app().await;
    let logged = app
        .say("/log Vale meeting \"Revisão do plano\" --contact \"Patrícia, Fernanda, patricia\" --next \"Enviar proposta\" --due \"próxima sexta\"")
        .await;
    assert_eq!(
        crate::helpers::field(&logged, "Contact"),
        "Patrícia Rocha (Operações), Fernanda Dias (Tecnologia)",
        "{}",
        logged.to_text()
    );
    assert_eq!(crate::helpers::field(&logged, "Next step"), "#3 Enviar proposta · due Fri 2026-12-04");
    let contacts = app.say("/contacts Vale").await.to_text();
    for name in ["Patrícia Rocha", "Fernanda Dias"] {
        let line = contacts.lines().find(|l| l.contains(name)).unwrap_or_default();
        assert!(line.ends_with("last contact 2026-11-27"), "{name}: {contacts}");
    }
    let before = app.counts(crate::helpers::WS).await;
    let refused = app.say("/log Vale call x --contact \"Beatriz, Zé\"").await;
    assert!(refused.lines[0].starts_with("Vale has no contact “Zé”."), "{:?}", refused.lines);
    assert_eq!(app.counts(crate::helpers::WS).await, before);
}
