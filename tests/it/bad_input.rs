//! Every class of bad input gets one clear line and writes nothing.

use kam_bot::core::Visibility;

use crate::helpers::{WS, demo_app, text};

#[tokio::test]
async fn each_bad_input_is_one_clear_line_and_writes_nothing() {
    let app = demo_app().await;
    let long = "x".repeat(2001);
    let commands = kam_bot::core::catalog::command_list();
    let unknown = |name: &str| format!("Unknown command “{name}”. Commands: {commands}.");
    let frobnicate = unknown("frobnicate");
    let frob = unknown("frob");
    let cases: Vec<(String, &str)> = vec![
        ("/frobnicate Vale".into(), &frobnicate),
        (
            "/log Vale meeting x --colour red".into(),
            "Unknown option “--colour” for /log. Accepted: --contact, --next, --due, --when, --tone.",
        ),
        ("/account Vale --tier 1".into(), "/account takes no option “--tier”."),
        (
            "/log Vale".into(),
            "Missing KIND. Usage: /log ACCOUNT KIND SUMMARY [--contact NAME] [--next TEXT] [--due DATE] [--when DATE] [--tone positive|neutral|negative]",
        ),
        ("/history".into(), "Missing ACCOUNT. Usage: /history ACCOUNT [N] [--page N]"),
        ("/log Zzyzx meeting \"x\"".into(), "No account matches “Zzyzx”. /accounts lists the portfolio."),
        ("/log Vale meeting x --due 2026-13-45".into(), "--due: 2026-13-45 is not a day of the calendar."),
        (
            "/log Vale meeting x --next y --due someday".into(),
            "“someday” is not a date for --due. Use 2026-12-10, 10/12, friday, next week, in 2 weeks, end of month or tomorrow.",
        ),
        ("/log Vale meeting x --when 31/02/2026".into(), "--when: 31/02/2026 is not a day of the calendar."),
        (
            "/log Vale meeting x --when 2027-01-01".into(),
            "--when was read as Fri 2027-01-01, in the future: log what has happened.",
        ),
        (
            "/log Vale meeting x --next y --due 2026-11-01".into(),
            "--due was read as Sun 2026-11-01, before the interaction itself: give a later day.",
        ),
        (
            "/log Vale meeting x --due 2026-12-01".into(),
            "--due is the deadline of a next step: give the step with --next.",
        ),
        (format!("/log Vale meeting {long}"), "SUMMARY is too long: at most 2000 characters."),
        (
            "/log Vale banquet \"x\"".into(),
            "Unknown kind “banquet”. Accepted: meeting, call, visit, email, note, planning, review, whatsapp, lunch, event, video.",
        ),
        (
            "/log Vale meeting \"unclosed".into(),
            "A quote is not closed. Put text with spaces between \"double quotes\".",
        ),
        ("/log Vale meeting x --next a --next b".into(), "--next was given twice."),
        ("/log Vale meeting x --next".into(), "--next needs a value: --next TEXT."),
        ("/language klingon".into(), "Unknown language “klingon”. Accepted: en, pt-BR."),
        ("/history Vale 500".into(), "N must be a whole number from 1 to 50, not “500”."),
        ("/history Vale 3 4".into(), "Unexpected “4” (quote text with spaces). Usage: /history ACCOUNT [N] [--page N]"),
        (
            "/log Vale meeting x --contact Zé".into(),
            "Vale has no contact “Zé”. Contacts: Beatriz Almeida, Fernanda Dias, João Ferreira, Luiz Carvalho, Patrícia Rocha, Ricardo Nunes.",
        ),
        ("/log companhia note x".into(), "“companhia” matches several accounts: CSN, Vale. Say which."),
        ("/log CSN note x".into(), "CSN is archived: nothing can be logged on it."),
        ("/help frob".into(), &frob),
        ("/".into(), "Type a command, for example /account Vale. /help lists them all."),
    ];
    let before = app.counts(WS).await;
    for (line, expected) in cases {
        let reply = app.say(&line).await;
        assert!(reply.is_error(), "{line}: {}", text(&reply));
        assert_eq!(reply.visibility, Visibility::Ephemeral);
        assert_eq!(reply.lines, [expected], "{line}");
        assert!(reply.title.is_none() && reply.fields.is_empty());
    }
    assert_eq!(app.counts(WS).await, before, "bad input wrote something");
}

#[tokio::test]
async fn errors_speak_portuguese() {
    let app = demo_app().await;
    let reply = app.say_pt("/log Vale").await;
    assert_eq!(
        reply.lines,
        [
            "Falta TIPO. Uso: /log CONTA TIPO RESUMO [--contato NOME] [--proximo TEXTO] [--prazo DATA] [--quando DATA] [--tom positivo|neutro|negativo]"
        ]
    );
    let reply = app.say_pt("/account Zzyzx").await;
    assert_eq!(reply.lines, ["Nenhuma conta corresponde a “Zzyzx”. /accounts lista a carteira."]);
}

#[tokio::test]
async fn an_internal_failure_is_an_apology_not_a_raw_error() {
    let app = demo_app().await;
    app.store.close().await;
    let reply = app.say("/account Vale").await;
    assert!(reply.is_error());
    assert_eq!(reply.lines, ["Sorry, something went wrong on our side. Nothing was changed; please try again."]);
}

/// Hostile input: control characters never get stored, impossible dates and schedules are refused.
#[tokio::test]
async fn control_characters_impossible_dates_and_schedules() {
    let app = demo_app().await;
    let logged = app.say("/log Vale note \"Ligação\u{1b}[2J com\u{7} o cliente\u{0}\"").await;
    assert!(!logged.is_error(), "{}", logged.to_text());
    let history = app.say("/history Vale 1").await.to_text();
    assert!(history.contains("Ligação[2J com o cliente"), "{history}");
    assert!(!history.chars().any(|c| c.is_control() && c != '\n'), "{history:?}");

    let ws = app.workspace_id(WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    let before = app.counts(WS).await;
    for (line, expected) in [
        ("/log Vale call x --when 0000-01-01", "--when: “0000-01-01” is outside the years 2000 to 2100."),
        ("/log Vale call x --next y --due 9999-12-31", "--due: “9999-12-31” is outside the years 2000 to 2100."),
        ("/opp add Vale Liners 1M --close 31/12/2999", "--close: “31/12/2999” is outside the years 2000 to 2100."),
    ] {
        assert_eq!(app.say(line).await.lines, [expected], "{line}");
    }
    assert!(app.say("/meeting Vale 9999-12-31 10:00").await.is_error());
    let never = app.say("/schedule weekly_digest 0 0 30 2 *").await;
    assert!(never.is_error(), "{}", never.to_text());
    assert_eq!(app.counts(WS).await.interactions, before.interactions);
}
