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

/// A new workspace speaks the language its platform reports for the first person seen there (a
/// Brazilian Discord client, a `LANG=pt_BR` terminal), unless the configuration chose one; later
/// people do not change it.
#[tokio::test]
async fn a_new_workspace_takes_the_platforms_language() {
    let app = crate::helpers::spawn_app().await;
    let mut first = app.invocation("discord:77", "u1");
    first.platform = kam_bot::core::Platform::Discord;
    first.locale = Some(kam_bot::i18n::Locale::PtBr);
    app.core.run_line(&first, "/help").await;
    let mut later = app.invocation("discord:77", "u2");
    later.platform = kam_bot::core::Platform::Discord;
    app.core.run_line(&later, "/help").await;
    let ws = app.store.find_workspace("discord:77").await.unwrap().unwrap();
    assert_eq!(ws.language, "pt-BR");
    let mut english = app.invocation("discord:78", "u3");
    english.platform = kam_bot::core::Platform::Discord;
    app.core.run_line(&english, "/help").await;
    assert_eq!(app.store.find_workspace("discord:78").await.unwrap().unwrap().language, "en");
}

#[test]
fn a_brazilian_terminal_starts_in_portuguese() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut cmd = crate::helpers::kam_bot(&db);
    cmd.args(["chat"]).env("LANG", "pt_BR.UTF-8");
    let out = crate::helpers::run_with_stdin(cmd, "/help\n");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Comandos"), "{}", String::from_utf8_lossy(&out.stdout));
    let show = crate::helpers::kam_bot(&db).args(["workspace", "show"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&show.stdout).contains("language      pt-BR"),
        "{}",
        String::from_utf8_lossy(&show.stdout)
    );
    // An English terminal on the same database keeps the workspace's language; --lang answers in English.
    let mut cmd = crate::helpers::kam_bot(&db);
    cmd.args(["chat", "--lang", "en"]);
    let out = crate::helpers::run_with_stdin(cmd, "/help\n");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("kam-bot commands"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Subcommands, plan parts, goal actions and account fields take their Portuguese words:
/// `/plano Vale definir objetivos`, `meta adicionar`, `meta concluir 1`, `/conta definir Vale
/// nível 2`, `/contas adicionar`, `/oportunidade mover`.
#[tokio::test]
async fn subcommands_plan_parts_and_fields_take_their_portuguese_words() {
    let app = crate::helpers::demo_app().await;
    let me = app.workspace_id(WS).await;
    let tester = app.store.find_person(me, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(me, tester.id, kam_bot::domain::account::Role::Admin).await.unwrap();

    let set = app.say_pt("/plano Vale definir objetivos \"Ser a referência em Carajás\"").await;
    assert!(!set.is_error(), "{}", set.to_text());
    assert_eq!(crate::helpers::field(&set, "Objetivos de longo prazo"), "Ser a referência em Carajás");
    let same = app.say_pt("/plano Vale definir Evidências \"KPIs mensais\"").await;
    assert_eq!(crate::helpers::field(&same, "Evidências desse valor"), "KPIs mensais");

    let added = app.say_pt("/plano Vale meta adicionar \"Ganhar a licitação\" --prazo 20/12/2026").await;
    assert!(added.to_text().contains("Ganhar a licitação"), "{}", added.to_text());
    let number = added
        .to_text()
        .lines()
        .find(|l| l.contains("Ganhar a licitação"))
        .and_then(|l| l.trim_start_matches('#').split_whitespace().next().map(str::to_string))
        .unwrap();
    let done = app.say_pt(&format!("/plano Vale meta concluir {number}")).await;
    assert!(done.to_text().contains(&format!("Meta #{number} concluída")), "{}", done.to_text());

    let wrong = app.say_pt("/plano Vale definir sonhos \"x\"").await;
    assert!(wrong.is_error());
    assert!(wrong.to_text().contains("objetivos, valor, evidências"), "{}", wrong.to_text());
    let wrong = app.say_pt("/plano Vale meta apagar 1").await;
    assert!(wrong.to_text().contains("Depois de meta vem adicionar ou concluir"), "{}", wrong.to_text());

    let tier = app.say_pt("/conta definir Vale nível 2").await;
    assert_eq!(tier.title.as_deref(), Some("Vale: campo nível alterado"), "{}", tier.to_text());
    let bad = app.say_pt("/conta definir Vale nivel X").await;
    assert!(bad.to_text().contains("não é um valor válido para o campo nível"), "{}", bad.to_text());

    let added = app.say_pt("/contas adicionar Gerdau Aços Longos --nivel 2").await;
    assert!(!added.is_error(), "{}", added.to_text());
    assert!(app.say_pt("/contas listar --nivel 2").await.to_text().contains("Gerdau Aços Longos"));
    let moved = app.say_pt("/oportunidade mover 1 ganha").await;
    assert!(!moved.is_error(), "{}", moved.to_text());

    // Help names the Portuguese subcommands and options.
    let help = app.say_pt("/ajuda contas").await.to_text();
    assert!(help.contains("adicionar (add)") && help.contains("--responsavel"), "{help}");
}

/// Lists of people and contacts say what a person does, the same for everyone, never a word
/// that agrees with one gender (vendedor, decisor).
#[tokio::test]
async fn portuguese_lists_do_not_guess_anyones_gender() {
    let app = crate::helpers::demo_app().await;
    let contacts = app.say_pt("/contatos Vale").await.to_text();
    assert!(contacts.contains("decide a compra") && !contacts.contains("· decisor"), "{contacts}");
    let people = app.say_pt("/pessoas").await.to_text();
    assert!(people.contains("· vendas") && !people.contains("vendedor"), "{people}");
    let list = app.say_pt("/contas").await.to_text();
    assert!(list.contains("Nível 1 · Vale") && list.contains("dias"), "{list}");
}
