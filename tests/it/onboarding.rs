//! Accounts and the team from the chat, through the core: `/account add|set|archive|restore`,
//! `/qualify --apply`, `/people add|set|remove|link`, with their bad inputs (nothing written)
//! and their permissions; and what an empty workspace says.

use kam_bot::core::{Invocation, Platform};

use crate::helpers::{TestApp, WS, demo_app, field, spawn_app, text};

const MARINA: &str = "marina.costa";

/// Marina and Ana chose Portuguese in the demo; these tests read English.
async fn in_english(app: &TestApp) {
    for who in [MARINA, "ana.souza"] {
        app.say_as(who, "/language en").await;
    }
}

#[tokio::test]
async fn a_manager_adds_an_account_with_every_field() {
    let app = demo_app().await;
    in_english(&app).await;
    let reply = app
        .say_as(
            MARINA,
            "/account add Usiminas --tier 1 --owner \"Ana Souza\" --tech carlos --segment Siderurgia --spend 90M \
         --revenue 13,5M --margin 11% --ceiling 60 --cadence 21 --review 2027-03-31 \
         --reason technology \"Lead in high-strength steel\" --alias USIM",
        )
        .await;
    assert!(!reply.is_error(), "{}", text(&reply));
    assert_eq!(reply.title.as_deref(), Some("Added Usiminas"));
    let card = app.say("/account usim").await;
    assert_eq!(card.title.as_deref(), Some("Usiminas"));
    assert!(text(&card).contains("Tier 1 (strategic) · Siderurgia"), "{}", text(&card));
    assert_eq!(field(&card, "Owner"), "Ana Souza");
    assert_eq!(field(&card, "Technical manager"), "Carlos Mendes");
    assert_eq!(field(&card, "Why key"), "Technological leadership: Lead in high-strength steel");
    assert!(
        field(&card, "Share of wallet").starts_with("15.0% of R$ 90,000,000.00 a year (ceiling 60.0%)"),
        "{}",
        text(&card)
    );
    assert_eq!(field(&card, "Margin"), "11.0%");
    assert!(field(&card, "Last contact").contains("cadence 21 days"), "{}", text(&card));
    assert!(field(&card, "Yearly review").starts_with("2027-03-31"));
    // The wallet period of this year is recorded with it, so /wallet agrees with the card.
    assert!(text(&app.say("/wallet Usiminas").await).contains("15.0%"));
    assert!(app.say("/accounts --tier 1").await.lines.iter().any(|l| l.contains("Usiminas · Ana Souza")));
}

#[tokio::test]
async fn adding_is_refused_clearly_and_writes_nothing() {
    let app = demo_app().await;
    in_english(&app).await;
    let before = app.counts(WS).await;
    for (who, line, expected) in [
        ("ana.souza", "/account add Usiminas", "Only managers and admins add, archive and restore accounts."),
        (
            MARINA,
            "/account add PETROBRAS",
            "“PETROBRAS” is already taken by the account Petrobrás (names and aliases are compared without case or accents).",
        ),
        (
            MARINA,
            "/account add Nova --alias cvrd",
            "“cvrd” is already taken by the account Vale (names and aliases are compared without case or accents).",
        ),
        (MARINA, "/account add Nova --tier 4", "--tier must be a whole number from 1 to 3, not “4”."),
        (
            MARINA,
            "/account add Nova --spend lots",
            "--spend must be an amount like 120000000, 120M or 1.500.000,00, not “lots”.",
        ),
        (MARINA, "/account add Nova --margin 120", "--margin must be a percentage from 0 to 100, not “120”."),
        (MARINA, "/account add Nova --owner Zé", "Nobody called “Zé” in this workspace."),
        (MARINA, "/account add Nova --review 2027-02-30", "--review: 2027-02-30 is not a day of the calendar."),
        (
            MARINA,
            "/account add Nova --reason loyalty",
            "--reason must be one of potential, technology, profitability, strategic, not “loyalty”.",
        ),
        (
            MARINA,
            "/account add Nova --why \"because\"",
            "--why explains a reason: give --reason potential|technology|profitability|strategic too.",
        ),
        (MARINA, "/account add \"!!!\"", "“!!!” is not a name: use letters or digits."),
    ] {
        let reply = app.say_as(who, line).await;
        assert!(reply.is_error(), "{line}");
        assert_eq!(reply.lines, [expected], "{line}");
    }
    assert_eq!(app.counts(WS).await, before, "refused requests write nothing");
}

#[tokio::test]
async fn every_field_changes_and_the_name_index_follows() {
    let app = demo_app().await;
    in_english(&app).await;
    // Rafael owns Gerdau: Juliana, who neither owns it nor manages anyone, may not change it.
    let refused = app.say_as("juliana.pereira", "/account set Gerdau tier 1").await;
    assert_eq!(refused.lines, ["Only Gerdau's owner, its technical manager, their managers and admins can change it."]);
    let rafael = |line: &'static str| {
        let app = &app;
        async move { app.say_as("rafael.lima", line).await }
    };
    assert!(!rafael("/account set Gerdau tier 1").await.is_error());
    let card = app.say("/account Gerdau").await;
    assert!(text(&card).contains("Tier 1 (strategic)"));
    assert!(
        field(&card, "Last contact").contains("cadence 30 days"),
        "a tier cadence follows the tier: {}",
        text(&card)
    );
    assert!(!rafael("/account set Gerdau cadence 45").await.is_error());
    assert!(!rafael("/account set Gerdau tier 2").await.is_error());
    assert!(
        field(&app.say("/account Gerdau").await, "Last contact").contains("cadence 45 days"),
        "a chosen cadence stays"
    );

    assert!(!rafael("/account set Gerdau alias add Aços Longos").await.is_error());
    assert_eq!(app.say("/account acos longos").await.title.as_deref(), Some("Gerdau"));
    assert!(!rafael("/account set Gerdau alias remove aços longos").await.is_error());
    assert!(app.say("/account acos longos").await.is_error());
    let no_alias = rafael("/account set Gerdau alias remove Nada").await;
    assert_eq!(no_alias.lines, ["Gerdau has no alias “Nada”."]);

    assert!(!rafael("/account set Gerdau name Gerdau Aços").await.is_error());
    assert_eq!(app.say("/account gerdau acos").await.title.as_deref(), Some("Gerdau Aços"));
    assert_eq!(app.say("/account \"Gerdau\"").await.title.as_deref(), Some("Gerdau Aços"), "a prefix still finds it");
    let taken = rafael("/account set \"Gerdau Aços\" name Vale").await;
    assert!(taken.lines[0].starts_with("“Vale” is already taken by the account Vale"), "{:?}", taken.lines);

    assert!(!rafael("/account set \"Gerdau Aços\" reason add profitability Premium pricing").await.is_error());
    assert!(field(&app.say("/account gerdau acos").await, "Why key").contains("Profitability: Premium pricing"));
    assert!(!rafael("/account set \"Gerdau Aços\" reason remove profitability").await.is_error());
    assert!(!field(&app.say("/account gerdau acos").await, "Why key").contains("Profitability"));

    assert!(!rafael("/account set \"Gerdau Aços\" tech none").await.is_error());
    assert_eq!(field(&app.say("/account gerdau acos").await, "Technical manager"), "not assigned");
    assert!(!rafael("/account set \"Gerdau Aços\" spend 50M").await.is_error());
    assert!(field(&app.say("/account gerdau acos").await, "Share of wallet").contains("R$ 50,000,000.00"));
    assert!(!rafael("/account set \"Gerdau Aços\" review 15/06/2027").await.is_error());
    assert!(field(&app.say("/account gerdau acos").await, "Yearly review").starts_with("2027-06-15"));

    // The CNPJ: any way it is written, its check digits verified, shown formatted on the card.
    assert!(!rafael("/account set \"Gerdau Aços\" cnpj 33611500000119").await.is_error());
    let card = app.say("/account gerdau acos").await;
    assert!(card.lines[0].ends_with("· CNPJ 33.611.500/0001-19"), "{}", text(&card));
    assert!(!app.say_as("ana.souza", "/account set Vale cnpj 33.592.510/0001-54").await.is_error());
    let taken = rafael("/account set \"Gerdau Aços\" cnpj 33.592.510/0001-54").await;
    assert_eq!(taken.lines, ["The CNPJ 33.592.510/0001-54 is already the account Vale's."]);

    let before = app.counts(WS).await;
    for (line, expected) in [
        (
            "/account set \"Gerdau Aços\" cnpj 33.611.500/0001-18",
            "“33.611.500/0001-18” is not a valid cnpj: use a CNPJ with valid check digits, like 33.592.510/0001-54 or 33592510000154.",
        ),
        ("/account set \"Gerdau Aços\" tier 9", "“9” is not a valid tier: use 1, 2 or 3."),
        ("/account set \"Gerdau Aços\" cadence 0", "“0” is not a valid cadence: use a number of days from 1 to 730."),
        ("/account set \"Gerdau Aços\" alias rename X", "Say alias add NAME or alias remove NAME."),
        (
            "/account set \"Gerdau Aços\" reason add loyalty",
            "“loyalty” is not a reason: use potential, technology, profitability or strategic.",
        ),
        (
            "/account set \"Gerdau Aços\" colour blue",
            "FIELD must be one of name, tier, owner, tech, segment, spend, revenue, margin, ceiling, suppliers, cadence, review, cnpj, alias, reason, not “colour”.",
        ),
        ("/account set \"Gerdau Aços\" owner Zé", "Nobody called “Zé” in this workspace."),
    ] {
        assert_eq!(rafael(line).await.lines, [expected], "{line}");
    }
    assert_eq!(app.counts(WS).await, before, "refused changes write nothing");
}

#[tokio::test]
async fn an_archived_account_leaves_lists_and_keeps_its_history() {
    let app = demo_app().await;
    in_english(&app).await;
    let rep = app.say_as("ana.souza", "/account archive WEG").await;
    assert_eq!(rep.lines, ["Only managers and admins add, archive and restore accounts."]);
    let history_before = app.say("/history WEG 50").await.lines.len();
    let done = app.say_as(MARINA, "/account archive WEG").await;
    assert!(done.title.as_deref().unwrap_or("").starts_with("Archived WEG"), "{}", text(&done));
    assert!(!app.say("/accounts").await.lines.iter().any(|l| l.contains("WEG")));
    let card = app.say("/account WEG").await;
    assert!(text(&card).to_lowercase().contains("archived"), "{}", text(&card));
    assert_eq!(app.say("/history WEG 50").await.lines.len(), history_before);
    assert!(app.say("/log WEG call \"x\"").await.is_error(), "an archived account takes no new interaction");
    let again = app.say_as(MARINA, "/account archive WEG").await;
    assert_eq!(again.lines, ["WEG is already archived."]);
    let back = app.say_as(MARINA, "/account restore WEG").await;
    assert_eq!(back.title.as_deref(), Some("WEG is active again."));
    assert!(app.say("/accounts").await.lines.iter().any(|l| l.contains("WEG")));
}

#[tokio::test]
async fn qualify_apply_sets_the_suggested_tier() {
    let app = demo_app().await;
    in_english(&app).await;
    // Klabin is tier 3; strong scores suggest tier 1. The tester may not change Klabin.
    let line = "/qualify Klabin --potential 5 --leadership 5 --profitability 4 --fit 5 --strength 4 --apply";
    let before = app.counts(WS).await;
    assert!(app.say(line).await.is_error());
    assert_eq!(app.counts(WS).await, before);
    let reply = app
        .say_as(MARINA, "/qualify Klabin --potential 5 --leadership 5 --profitability 4 --fit 5 --strength 4 --apply")
        .await;
    assert!(text(&reply).contains("Klabin moved from tier 3 to tier 1."), "{}", text(&reply));
    assert!(text(&app.say("/account Klabin").await).contains("Tier 1 (strategic)"));
}

#[tokio::test]
async fn the_team_is_built_from_the_chat() {
    let app = demo_app().await;
    in_english(&app).await;
    let ws = app.workspace_id(WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    let refused = app.say("/people add \"Paula Nunes\" --role rep").await;
    assert_eq!(refused.lines, ["Only an admin of this workspace can change the team."]);
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();

    let added = app.say("/people add \"Paula Nunes\" --role rep --manager Marina").await;
    assert_eq!(added.title.as_deref(), Some("Added Paula Nunes (rep)"), "{}", text(&added));
    let people = app.say("/people").await.lines;
    assert!(
        people.contains(&"Paula Nunes · rep · reports to Marina Costa · not linked to a chat user yet".to_string()),
        "{people:?}"
    );
    assert_eq!(
        app.say("/people add \"paula nunes\" --role rep").await.lines,
        ["Paula Nunes is already in the workspace: /people set changes them."]
    );

    // A circle in the team tree is refused: Marina manages Paula, so Paula cannot manage Marina.
    let before = app.counts(WS).await;
    let circle = app.say("/people set Marina --manager Paula").await;
    assert!(circle.lines[0].starts_with("That would make Marina Costa manage themselves"), "{:?}", circle.lines);
    let selfish = app.say("/people set Paula --manager Paula").await;
    assert!(selfish.is_error());
    assert_eq!(app.say("/people set Paula").await.lines, ["Say what to change: --role, --manager or --name."]);
    assert_eq!(app.counts(WS).await, before);
    let renamed = app.say("/people set Paula --role manager --name \"Paula N. Nunes\"").await;
    assert_eq!(renamed.title.as_deref(), Some("Paula N. Nunes updated"), "{}", text(&renamed));
    let people = app.say("/people").await.lines;
    assert!(people.iter().any(|l| l.starts_with("Paula N. Nunes · manager")), "{people:?}");

    // A Slack user who used the bot before being linked is merged into the person.
    let slack = Invocation {
        workspace: WS.into(),
        platform: Platform::Slack,
        user_id: "U024BE7LH".into(),
        display_name: "pnunes".into(),
        name_is_handle: false,
        locale: None,
        workspace_locale: None,
        now: app.now,
        source_id: None,
    };
    app.core.run_line(&slack, "/log Vale note \"Before being linked\"").await;
    let mut admin_on_slack = slack.clone();
    admin_on_slack.user_id = "UADMIN0001".into();
    admin_on_slack.display_name = "slack admin".into();
    // An admin on Slack (new there, so made admin from the command line first).
    app.core.run_line(&admin_on_slack, "/help").await;
    let slack_admin = app.store.find_person(ws, "slack", "UADMIN0001").await.unwrap().unwrap();
    app.store.set_role(ws, slack_admin.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    let ws_people = app.store.people(ws).await.unwrap().len();
    let bad = app.core.run_line(&admin_on_slack, "/people link \"Paula N. Nunes\" ana").await;
    assert_eq!(bad.lines, ["“ana” is not a chat user: mention them (@name) or give their user id."]);
    let linked = app.core.run_line(&admin_on_slack, "/people link \"Paula N. Nunes\" <@U024BE7LH|pnunes>").await;
    assert!(text(&linked).contains("is linked to that chat user; what they did before"), "{}", text(&linked));
    assert_eq!(app.store.people(ws).await.unwrap().len(), ws_people - 1, "the two records are one");
    let history = app.say("/history Vale 1").await;
    assert!(text(&history).contains("Paula N. Nunes"), "the earlier note is hers: {}", text(&history));
    let paula = app.core.run_line(&slack, "/people").await;
    assert!(!paula.is_error());
    assert!(
        paula.lines.iter().any(|l| l.starts_with("Paula N. Nunes · manager") && !l.contains("not linked")),
        "{:?}",
        paula.lines
    );

    // Removing a person hands their accounts over; history keeps their name.
    let removed = app.say("/people remove Rafael --to Juliana").await;
    assert!(text(&removed).contains("Removed Rafael Lima: 4 account(s)"), "{}", text(&removed));
    assert_eq!(field(&app.say("/account Gerdau").await, "Owner"), "Juliana Pereira");
    assert!(!app.say("/people").await.lines.iter().any(|l| l.starts_with("Rafael Lima")));
    assert!(text(&app.say("/history Petrobrás 10").await).contains("Rafael Lima"));
    assert_eq!(
        app.say("/people remove tester --to Juliana").await.lines,
        ["You cannot remove yourself: ask another admin."]
    );
}

#[tokio::test]
async fn an_empty_workspace_says_how_to_begin() {
    let app = spawn_app().await;
    for line in ["/accounts", "/account Vale", "/help"] {
        let reply = app.say(line).await;
        assert!(text(&reply).contains("No accounts yet. Add one with /account add NAME"), "{line}: {}", text(&reply));
    }
    let pt = app.say_pt("/accounts").await;
    assert!(text(&pt).contains("Nenhuma conta ainda."), "{}", text(&pt));
    // Once there is one, help is the plain list again.
    app.say("/people").await;
    let ws = app.workspace_id(WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Manager).await.unwrap();
    assert!(!app.say("/account add Primeira").await.is_error());
    assert!(!text(&app.say("/help").await).contains("No accounts yet"));
}

#[tokio::test]
async fn onboarding_answers_in_portuguese() {
    let app = demo_app().await;
    let mut inv = app.invocation(WS, "marina.costa");
    inv.locale = Some(kam_bot::i18n::Locale::PtBr);
    inv.display_name = "Marina Costa".into();
    let reply = app.core.run_line(&inv, "/account add Usiminas --tier 1").await;
    assert_eq!(reply.title.as_deref(), Some("Conta Usiminas adicionada"), "{}", text(&reply));
    let dup = app.core.run_line(&inv, "/account add usiminas").await;
    assert!(dup.lines[0].starts_with("“usiminas” já pertence à conta Usiminas"), "{:?}", dup.lines);
}

/// A CNPJ given when an account is added: checked, shown, and one account's only.
#[tokio::test]
async fn an_account_is_added_with_its_cnpj() {
    let app = demo_app().await;
    app.say_as("marina.costa", "/language en").await;
    let added = app.say_as("marina.costa", "/account add \"Klabin Florestal\" --cnpj 89637490000145").await;
    assert_eq!(added.lines[0], "Tier 2 (key) · CNPJ 89.637.490/0001-45", "{}", text(&added));
    let taken = app.say_as("marina.costa", "/account add Outra --cnpj 89.637.490/0001-45").await;
    assert_eq!(taken.lines, ["The CNPJ 89.637.490/0001-45 is already the account Klabin Florestal's."]);
    let bad = app.say_as("marina.costa", "/account add Outra --cnpj 123").await;
    assert!(bad.is_error() && text(&bad).contains("not a valid cnpj"), "{}", text(&bad));
    assert!(app.say("/account outra").await.is_error(), "a refused account is not added");
}
