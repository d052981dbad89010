//! `/account`: the card, and matching by name, alias, prefix and word, whatever the case and accents.

use kam_bot::core::{Tone, Visibility};
use kam_bot::domain::account::Tier;
use kam_bot::store::NewAccount;

use crate::helpers::{demo_app, field, text};

#[tokio::test]
async fn the_vale_card_holds_what_matters() {
    let app = demo_app().await;
    let card = app.say("/account Vale").await;
    assert!(!card.is_error(), "{}", text(&card));
    assert_eq!(card.title.as_deref(), Some("Vale"));
    assert_eq!(card.visibility, Visibility::Public);
    assert!(text(&card).contains("Tier 1 (strategic) · Mineração"));
    assert!(field(&card, "Why key").contains("Purchase potential"));
    assert!(field(&card, "Why key").contains("Technological leadership"));
    assert_eq!(field(&card, "Owner"), "Ana Souza");
    assert_eq!(field(&card, "Technical manager"), "Carlos Mendes");
    // R$ 32.4 M of R$ 180 M = 18 %; headroom = 70 % × 180 M − 32.4 M = R$ 93.6 M.
    assert_eq!(field(&card, "Share of wallet"), "18.0% of R$ 180,000,000.00 a year (ceiling 70.0%)");
    assert_eq!(field(&card, "Headroom"), "R$ 93,600,000.00 before the ceiling");
    assert_eq!(field(&card, "Margin"), "12.5%");
    assert!(field(&card, "Last contact").contains("(cadence 30 days)"));
    // Last planning meeting 18 days ago with a 30-day cadence: due in 12 days.
    assert_eq!(field(&card, "Next planning meeting"), "2026-12-09 (in 12 days)");
    assert_eq!(field(&card, "Yearly review"), "2026-12-21 (in 24 days)");
    assert!(field(&card, "Contacts").starts_with("6 contacts in 5 departments"));
    assert!(field(&card, "Also known as").contains("Companhia Vale do Rio Doce"));
    assert!(
        field(&card, "Last interaction").contains("Ana Souza")
            || field(&card, "Last interaction").contains("Carlos Mendes")
    );
    assert_eq!(card.tone, Tone::Warning, "a review within 30 days is flagged");
}

#[tokio::test]
async fn overdue_planning_and_ceiling_are_said_plainly() {
    let app = demo_app().await;
    let petro = app.say("/account Petrobrás").await;
    assert!(field(&petro, "Next planning meeting").starts_with("OVERDUE since 2026-11-10 (17 days)"));
    assert_eq!(petro.tone, Tone::Danger);

    let gerdau = app.say("/account gerdau").await;
    assert!(field(&gerdau, "Last contact").contains("OVERDUE by 14 days"), "{}", text(&gerdau));
    assert!(field(&gerdau, "Yearly review").contains("OVERDUE by 9 days"));

    // Alcoa: R$ 44.4 M of R$ 60 M = 74 %, R$ 2.4 M above the 70 % ceiling.
    let alcoa = app.say("/account alcoa").await;
    assert!(field(&alcoa, "Share of wallet").starts_with("74.0%"));
    assert!(field(&alcoa, "Headroom").starts_with("none: R$ 2,400,000.00 above the ceiling"));
}

#[tokio::test]
async fn matching_ignores_case_and_accents() {
    let app = demo_app().await;
    for query in ["petrobras", "PETROBRAS", "Petrobrás", "PETROBRÁS", "petróleo brasileiro", "Petro", "petr"] {
        let card = app.say(&format!("/account {query}")).await;
        assert_eq!(card.title.as_deref(), Some("Petrobrás"), "{query}: {}", text(&card));
    }
}

#[tokio::test]
async fn aliases_prefixes_and_words_find_the_account() {
    let app = demo_app().await;
    for (query, expected) in [
        ("CVRD", "Vale"),
        ("vale s.a.", "Vale"),
        ("rio doce", "Vale"),
        ("Companhia Vale", "Vale"),
        ("emb", "Embraer"),
        ("papel e celulose", "Suzano"),
        ("weg", "WEG"),
        ("\"Alcoa Alumínio\"", "Alcoa"),
    ] {
        let card = app.say(&format!("/account {query}")).await;
        assert_eq!(card.title.as_deref(), Some(expected), "{query}: {}", text(&card));
    }
}

#[tokio::test]
async fn several_candidates_give_a_list_to_choose_from() {
    let app = demo_app().await;
    // "companhia" starts an alias of Vale and one of CSN.
    let reply = app.say("/account companhia").await;
    assert!(!reply.is_error());
    assert_eq!(reply.title.as_deref(), Some("“companhia” matches 2 accounts"));
    assert_eq!(reply.lines, ["• CSN", "• Vale"]);
    assert_eq!(reply.visibility, Visibility::Ephemeral);
}

#[tokio::test]
async fn no_match_names_the_closest_accounts() {
    let app = demo_app().await;
    let reply = app.say("/account Embrear").await;
    assert!(reply.is_error());
    assert_eq!(reply.lines, ["No account matches “Embrear”. Closest: Embraer."]);

    let reply = app.say("/account Zzyzx Unknown").await;
    assert_eq!(reply.lines, ["No account matches “Zzyzx Unknown”. /accounts lists the portfolio."]);
}

#[tokio::test]
async fn an_archived_account_says_so() {
    let app = demo_app().await;
    let card = app.say("/account Companhia Siderúrgica Nacional").await;
    assert_eq!(card.title.as_deref(), Some("CSN"));
    assert!(text(&card).contains("ARCHIVED"));
    assert_eq!(card.tone, Tone::Neutral);
}

#[tokio::test]
async fn the_card_speaks_portuguese() {
    let app = demo_app().await;
    let card = app.say_pt("/account vale").await;
    assert!(text(&card).contains("Nível 1 (estratégica)"));
    assert_eq!(field(&card, "Participação"), "18,0% de R$ 180.000.000,00 por ano (teto 70,0%)");
    assert_eq!(field(&card, "Próxima reunião de planejamento"), "09/12/2026 (em 12 dias)");
    assert_eq!(field(&card, "Responsável"), "Ana Souza");
}

#[tokio::test]
async fn a_new_account_without_spend_or_contact() {
    let app = crate::helpers::spawn_app().await;
    let mut nova = NewAccount::new("Nova Conta", Tier::Key, app.now);
    nova.currency = kam_bot::domain::money::Currency::USD;
    nova.revenue_12m_minor = 12_345;
    app.add_account("local", &nova).await;
    let card = app.say("/account nova").await;
    assert_eq!(
        field(&card, "Share of wallet"),
        "unknown: the customer's spend is not recorded (our revenue: US$ 123.45)"
    );
    assert_eq!(field(&card, "Owner"), "not assigned");
    assert_eq!(field(&card, "Why key"), "no reason recorded");
    assert_eq!(field(&card, "Last interaction"), "none logged yet");
    assert!(field(&card, "Last contact").starts_with("never"));
    assert_eq!(field(&card, "Next planning meeting"), "2027-01-26 (in 60 days)");
    assert_eq!(field(&card, "Yearly review"), "no date set");
    assert!(field(&card, "Contacts").starts_with("0 contacts in 0 departments"));
    assert_eq!(card.tone, Tone::Danger, "never contacted");
}

#[tokio::test]
async fn a_name_another_account_has_as_alias_gives_both_to_choose_from() {
    let app = demo_app().await;
    // The commands refuse a name or alias another account has; data brought in before that rule
    // (or written straight to the store, as here) can still hold one.
    let mut verde = NewAccount::new("Vale Verde Logística", Tier::Maintain, app.now);
    verde.aliases = vec!["Vale".to_string()];
    app.add_account("local", &verde).await;
    // Typed whole, the name is one account's and the other's alias: both are offered, the name first.
    let reply = app.say("/account vale").await;
    assert_eq!(reply.title.as_deref(), Some("“vale” matches 2 accounts"), "{}", text(&reply));
    assert_eq!(reply.lines, ["• Vale", "• Vale Verde Logística"]);
    // A name or alias only one account has is still its card at once, accents and case aside.
    for (query, expected) in [("cvrd", "Vale"), ("vale verde logistica", "Vale Verde Logística"), ("CSN", "CSN")] {
        let card = app.say(&format!("/account {query}")).await;
        assert_eq!(card.title.as_deref(), Some(expected), "{query}: {}", text(&card));
    }
}
