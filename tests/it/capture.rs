//! Capture end to end through the core: a sentence becomes a preview, `/confirm` logs it once,
//! `/cancel` and expiry write nothing, and only its author can act on a draft.

use kam_bot::core::Tone;

use crate::helpers::{WS, demo_app};

const SENTENCE: &str = "reunião com João na Vale hoje, ficou de mandar proposta até sexta";

fn draft_number(reply: &kam_bot::core::Reply) -> i64 {
    let id = reply.actions.iter().find_map(|a| a.id.strip_prefix("run:/cancel ")).expect("a cancel button");
    id.parse().expect("a draft number")
}

#[tokio::test]
async fn a_sentence_is_a_preview_and_confirm_logs_it_once() {
    let app = demo_app().await;
    let before = app.counts(WS).await;
    let preview = app.say_pt(SENTENCE).await;
    let text = preview.to_text();
    assert_ne!(preview.tone, Tone::Error, "{text}");
    for expected in ["Vale", "Reunião", "João Ferreira", "27/11/2026", "mandar proposta", "sex 27/11/2026"] {
        assert!(text.to_lowercase().contains(&expected.to_lowercase()), "{expected} missing from:\n{text}");
    }
    let ids: Vec<&str> = preview.actions.iter().map(|a| a.id.as_str()).collect();
    let n = draft_number(&preview);
    assert!(ids.contains(&format!("run:/confirm {n}").as_str()), "{ids:?}");
    // A preview writes no interaction.
    assert_eq!(app.counts(WS).await.interactions, before.interactions);

    for _ in 0..5 {
        let confirmed = app.say_pt(&format!("/confirm {n}")).await;
        assert_ne!(confirmed.tone, Tone::Error, "{}", confirmed.to_text());
    }
    assert_eq!(app.counts(WS).await.interactions, before.interactions + 1, "pressed five times, logged once");
    let history = app.say("/history Vale").await.to_text();
    assert!(history.contains("mandar proposta"), "{history}");
    assert!(history.contains(SENTENCE), "{history}");
}

#[tokio::test]
async fn cancel_and_expiry_write_nothing() {
    let mut app = demo_app().await;
    let before = app.counts(WS).await.interactions;
    let n = draft_number(&app.say(SENTENCE).await);
    let cancelled = app.say(&format!("/cancel {n}")).await;
    assert_ne!(cancelled.tone, Tone::Error, "{}", cancelled.to_text());
    let after_cancel = app.say(&format!("/confirm {n}")).await;
    assert_eq!(after_cancel.tone, Tone::Error);
    assert!(after_cancel.to_text().contains("cancelled"), "{}", after_cancel.to_text());

    let m = draft_number(&app.say(SENTENCE).await);
    app.now += chrono::Duration::minutes(31);
    let late = app.say(&format!("/confirm {m}")).await;
    assert_eq!(late.tone, Tone::Error);
    assert!(late.to_text().contains("expired"), "{}", late.to_text());
    assert_eq!(app.counts(WS).await.interactions, before);
}

#[tokio::test]
async fn only_the_author_acts_on_a_draft() {
    let app = demo_app().await;
    let before = app.counts(WS).await.interactions;
    let n = draft_number(&app.say(SENTENCE).await);
    for line in [format!("/confirm {n}"), format!("/cancel {n}"), format!("/edit kind call --draft {n}")] {
        let other = app.core.run_line(&app.invocation(WS, "someone-else"), &line).await;
        assert_eq!(other.tone, Tone::Error, "{line}");
        assert!(other.to_text().contains("someone else"), "{}", other.to_text());
    }
    assert_eq!(app.counts(WS).await.interactions, before);
    // Without a number, `/confirm` is the author's own latest draft: the other person has none.
    let theirs = app.core.run_line(&app.invocation(WS, "someone-else"), "/confirm").await;
    assert!(theirs.to_text().contains("no open draft"), "{}", theirs.to_text());
}

#[tokio::test]
async fn an_unknown_account_is_asked_never_guessed_and_edit_answers_it() {
    let app = demo_app().await;
    let before = app.counts(WS).await.interactions;
    let preview = app.say("visita na Valle com o João, preciso mandar proposta").await;
    let text = preview.to_text();
    assert!(!preview.actions.iter().any(|a| a.id.starts_with("run:/confirm")), "no confirm without an account");
    let choice = preview.actions.iter().find(|a| a.label == "Vale").unwrap_or_else(|| panic!("Vale offered:\n{text}"));
    let chosen = app.say(choice.id.strip_prefix("run:").expect("a command")).await;
    let chosen_text = chosen.to_text();
    assert!(chosen_text.contains("João Ferreira"), "the contact is read once the account is known:\n{chosen_text}");
    let n = draft_number(&chosen);
    let edited = app.say(&format!("/edit due 2026-12-10 --draft {n}")).await;
    assert!(edited.to_text().contains("10/12/2026") || edited.to_text().contains("2026-12-10"), "{}", edited.to_text());
    app.say("/confirm").await;
    assert_eq!(app.counts(WS).await.interactions, before + 1);
    let history = app.say("/history Vale").await.to_text();
    assert!(history.contains("2026-12-10"), "{history}");
}

#[tokio::test]
async fn a_replayed_sentence_gets_the_same_draft() {
    let app = demo_app().await;
    let mut inv = app.invocation(WS, "tester");
    inv.source_id = Some("event-1".into());
    let first = app.core.run_line(&inv, SENTENCE).await;
    let again = app.core.run_line(&inv, SENTENCE).await;
    assert_eq!(draft_number(&first), draft_number(&again));
    let next = app.say(SENTENCE).await;
    assert_eq!(draft_number(&next), draft_number(&first) + 1);
}

#[tokio::test]
async fn a_contact_named_without_an_account_offers_that_contacts_account() {
    let app = demo_app().await;
    let preview = app.say("call com a Beatriz Almeida hoje, elogiou o atendimento").await;
    assert!(!preview.actions.iter().any(|a| a.id.starts_with("run:/confirm")), "asked, not picked");
    assert!(preview.actions.iter().any(|a| a.label == "Vale"), "{:?}", preview.actions);
}

#[tokio::test]
async fn a_sentence_too_long_or_empty_of_meaning_writes_nothing_and_never_panics() {
    let app = demo_app().await;
    let before = app.counts(WS).await.interactions;
    let long = "reunião na Vale ".repeat(400);
    let refused = app.say(&long).await;
    assert_eq!(refused.tone, Tone::Error, "{}", refused.to_text());
    for odd in ["???", "R$", "R$ 99999999999999999999 milhões", "dia 99", "até até até", "\u{202e}Vale\u{0007}"] {
        let reply = app.say(odd).await;
        assert_ne!(reply.to_text(), "", "{odd}");
    }
    assert_eq!(app.counts(WS).await.interactions, before);
}

fn form(fields: &[(&str, &str)]) -> kam_bot::core::form::FormFields {
    let mut form = kam_bot::core::form::FormFields { new: true, ..Default::default() };
    for (field, value) in fields {
        let text = value.to_string();
        let value = Some(text.clone());
        match *field {
            "account" => form.account = value,
            "kind" => form.kind = value,
            "when" => form.when = value,
            "contacts" => form.contacts = Some(text.split(',').map(|s| s.trim().to_string()).collect()),
            "next" => form.next = value,
            "due" => form.due = value,
            "tone" => form.tone = value,
            _ => form.summary = value,
        }
    }
    form
}

#[tokio::test]
async fn an_empty_form_logs_once_under_its_request_id() {
    let app = demo_app().await;
    let before = app.counts(WS).await.interactions;
    let mut inv = app.invocation(WS, "tester");
    inv.source_id = Some("view:V1".into());
    let fields = form(&[
        ("summary", "Almoço com o diretor de compras"),
        ("account", "vale"),
        ("kind", "meeting"),
        ("when", "ontem"),
        ("contacts", "João Ferreira"),
        ("next", "mandar proposta"),
        ("due", "2026-12-04"),
        ("tone", "positive"),
    ]);
    for _ in 0..3 {
        let logged = app.core.submit_form(&inv, None, fields.clone()).await;
        assert_ne!(logged.tone, Tone::Error, "{}", logged.to_text());
        assert!(logged.invalid.is_empty(), "{:?}", logged.invalid);
    }
    assert_eq!(app.counts(WS).await.interactions, before + 1, "submitted three times, logged once");
    let history = app.say("/history Vale").await.to_text();
    for expected in ["Almoço com o diretor de compras", "mandar proposta", "João Ferreira", "2026-11-26"] {
        assert!(history.contains(expected), "{expected} missing from:\n{history}");
    }
}

#[tokio::test]
async fn a_form_with_wrong_fields_comes_back_field_by_field_and_writes_nothing() {
    let app = demo_app().await;
    let before = app.counts(WS).await.interactions;
    let mut inv = app.invocation(WS, "tester");
    inv.source_id = Some("view:V2".into());
    let fields = form(&[
        ("summary", "visita"),
        ("account", "Nenhuma Conta Assim"),
        ("kind", "meeting"),
        ("when", "semana que vem"),
        ("next", "mandar proposta"),
        ("due", "31/02"),
    ]);
    let refused = app.core.submit_form(&inv, None, fields).await;
    assert_eq!(refused.tone, Tone::Error);
    let fields: Vec<&str> = refused.invalid.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["account", "when", "due"], "{:?}", refused.invalid);
    assert!(refused.invalid.iter().all(|(_, text)| !text.is_empty()));
    // Required fields left empty are named too.
    let empty = app.core.submit_form(&inv, None, form(&[("summary", " "), ("kind", "")])).await;
    let fields: Vec<&str> = empty.invalid.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["summary", "account", "kind"], "{:?}", empty.invalid);
    assert_eq!(app.counts(WS).await.interactions, before);
    // Refused, the request was not claimed: the same form, corrected, logs.
    let fixed = form(&[("summary", "visita"), ("account", "Vale"), ("kind", "visita")]);
    let logged = app.core.submit_form(&inv, None, fixed).await;
    assert_ne!(logged.tone, Tone::Error, "{}", logged.to_text());
    assert_eq!(app.counts(WS).await.interactions, before + 1);
}

#[tokio::test]
async fn a_form_filled_from_a_draft_changes_it_then_logs_it_and_only_its_author_may() {
    let app = demo_app().await;
    let before = app.counts(WS).await.interactions;
    let n = draft_number(&app.say_pt(SENTENCE).await);
    let inv = app.invocation(WS, "tester");
    let view = app.core.form(&inv, Some(n)).await.expect("the draft's form");
    assert_eq!(view.fields.account.as_deref(), Some("Vale"));
    assert_eq!(view.fields.kind.as_deref(), Some("meeting"));
    assert_eq!(view.fields.contacts.as_deref(), Some(&["João Ferreira".to_string()][..]));
    assert_eq!(view.fields.next.as_deref(), Some("mandar proposta"));
    assert_eq!(view.fields.due.as_deref(), Some("2026-12-04"));
    assert!(view.kinds.iter().any(|(code, _)| *code == "call"));
    // Another person can neither open nor submit it.
    let other = app.invocation(WS, "someone-else");
    assert!(app.core.form(&other, Some(n)).await.is_err());
    let mut fields = view.fields.clone();
    fields.kind = Some("call".into());
    fields.due = Some("".into());
    let theirs = app.core.submit_form(&other, Some(n), fields.clone()).await;
    assert_eq!(theirs.tone, Tone::Error);
    assert_eq!(app.counts(WS).await.interactions, before);

    let logged = app.core.submit_form(&inv, Some(n), fields).await;
    assert_ne!(logged.tone, Tone::Error, "{}", logged.to_text());
    assert_eq!(app.counts(WS).await.interactions, before + 1);
    let history = app.say("/history Vale").await.to_text();
    assert!(history.contains("mandar proposta"), "{history}");
    // Logged: the draft cannot be submitted or confirmed into a second interaction.
    let again = app.say(&format!("/confirm {n}")).await;
    assert!(again.to_text().contains("already logged"), "{}", again.to_text());
    assert_eq!(app.counts(WS).await.interactions, before + 1);
}

#[tokio::test]
async fn a_form_with_too_many_contacts_says_how_many_are_allowed() {
    let app = demo_app().await;
    let mut fields = form(&[("summary", "visita"), ("account", "Vale"), ("kind", "visit")]);
    fields.contacts = Some((0..=kam_bot::core::form::MAX_FORM_CONTACTS).map(|i| format!("Contato {i}")).collect());
    let refused = app.core.submit_form(&app.invocation(WS, "tester"), None, fields).await;
    assert_eq!(refused.invalid.len(), 1, "{:?}", refused.invalid);
    assert_eq!(refused.invalid[0].0, "contacts");
    assert!(refused.invalid[0].1.contains("20 contacts"), "{:?}", refused.invalid);
}
