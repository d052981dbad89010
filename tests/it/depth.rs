//! Key-account depth: the stakeholder map, competitors and share of wallet over time, with who
//! may change them.

use crate::helpers::{WS, demo_app, field};

#[tokio::test]
async fn the_stakeholder_map_groups_by_department_and_flags_thin_coverage() {
    let app = demo_app().await;
    let vale = app.say("/contacts Vale").await;
    assert_eq!(vale.title.as_deref(), Some("Vale: 6 contacts"));
    assert!(vale.lines.is_empty(), "Vale is well covered: {:?}", vale.lines);
    let procurement = field(&vale, "Suprimentos");
    assert!(
        procurement.contains("Beatriz Almeida · Diretora de Suprimentos · decision maker · neutral · strength 4/5"),
        "{procurement}"
    );
    assert!(procurement.contains("João Ferreira"));

    let embraer = app.say("/contacts embraer").await;
    assert_eq!(
        embraer.lines,
        [
            "⚠ Single-threaded: 1 contact reached in the last 90 days, no decision maker among them. Widen the relationship.",
            "⚠ Kept for its technological leadership, yet no technical manager of ours is assigned."
        ]
    );
    let card = app.say("/account embraer").await;
    assert!(field(&card, "Contacts").contains("⚠ Single-threaded"));
}

#[tokio::test]
async fn contacts_are_added_and_changed_by_those_responsible_only() {
    let app = demo_app().await;
    let before = app.counts(WS).await;
    // The tester is a rep with no tie to Vale: reading is fine, writing is not.
    let refused = app.say("/contact add Vale \"Marcos Lima\" --department Engenharia").await;
    assert_eq!(refused.lines, ["Only Vale's owner, its technical manager, their managers and admins can change it."]);
    assert_eq!(app.counts(WS).await, before);

    // The owner adds; the technical manager and the owner's manager change.
    let added = app.say_as("ana.souza",
        "/contact add Vale \"Marcos Lima\" --department Engenharia --role influencer --stance supporter --strength 3",
    )
    .await;
    assert_eq!(
        added.title.as_deref(),
        Some("Marcos Lima agora é contato da conta Vale"),
        "Ana reads Portuguese: {}",
        added.to_text()
    );
    let by_tech = app.say_as("carlos.mendes", "/contact set Vale marcos --stance champion").await;
    assert_eq!(by_tech.title.as_deref(), Some("Updated Marcos Lima at Vale"));
    let by_manager = app.say_as("marina.costa", "/contact set Vale \"Marcos Lima\" --title \"Engenheiro Chefe\"").await;
    assert!(!by_manager.is_error());
    let map = app.say("/contacts Vale").await;
    assert!(
        field(&map, "Engenharia")
            .contains("Marcos Lima · Engenheiro Chefe · influencer · champion of ours · strength 3/5 · never reached")
    );
    // Another rep (Rafael owns Petrobrás, not Vale) may not.
    let other = app.say_as("rafael.lima", "/contact set Vale marcos --stance detractor").await;
    assert!(other.is_error());

    let before = app.counts(WS).await;
    for (line, expected) in [
        (
            "/contact add Vale \"Marcos Lima\"",
            "Vale already has a contact “Marcos Lima”: use /contact set to change it.",
        ),
        (
            "/contact set Vale Zé --stance neutral",
            "Vale has no contact “Zé”. Contacts: Beatriz Almeida, Fernanda Dias, João Ferreira, Luiz Carvalho, Marcos Lima, Patrícia Rocha, Ricardo Nunes.",
        ),
        (
            "/contact add Vale Ana --stance fan",
            "--stance must be one of champion, supporter, neutral, detractor, not “fan”.",
        ),
        ("/contact add Vale Ana --strength 7", "--strength must be a whole number from 1 to 5, not “7”."),
        ("/contact remove Vale Ana", "Say what /contact should do: add, set. /help contact shows how."),
    ] {
        let reply = app.say_as("carlos.mendes", line).await;
        assert_eq!(reply.lines, [expected], "{line}");
    }
    assert_eq!(app.counts(WS).await, before, "bad input wrote nothing");
}

#[tokio::test]
async fn competitors_are_listed_and_shown_on_the_card() {
    let app = demo_app().await;
    let list = app.say("/competitors Vale").await;
    assert_eq!(
        list.lines,
        ["• Metso · 30.0% · high threat · Lower price on mill liners", "• Weir Minerals · 15.0% · medium threat"]
    );
    let saved = app.say_as("carlos.mendes", "/competitor Vale \"Weir Minerals\" --share 20 --threat high").await;
    assert_eq!(saved.footer.as_deref(), Some("Weir Minerals saved"));
    assert_eq!(saved.lines[1], "• Weir Minerals · 20.0% · high threat");
    let bad = app.say_as("carlos.mendes", "/competitor Vale Metso --share lots").await;
    assert_eq!(bad.lines, ["--share must be a percentage from 0 to 100, not “lots”."]);
    let refused = app.say("/competitor Vale Metso --threat low").await;
    assert!(refused.is_error());
    let card = app.say("/account Vale").await;
    assert!(field(&card, "Competitors").starts_with("Metso · 30.0% · high threat"));
    let none = app.say("/competitors Klabin").await;
    assert_eq!(none.lines, ["None recorded. /competitor records one."]);
}

#[tokio::test]
async fn share_of_wallet_over_time() {
    let app = demo_app().await;
    let gerdau = app.say("/wallet Gerdau").await;
    assert_eq!(gerdau.lines, ["22.2% · regular supplier · -8.2 pts since 2025"]);
    assert_eq!(field(&gerdau, "2025"), "30.4%: R$ 26,000,000.00 of R$ 85,500,000.00");

    // The current year's period, corrected, moves the account's figures and the card's trend; a
    // backup supplier.
    let recorded = app.say_as("rafael.lima", "/wallet Gerdau --spend 100M --revenue 9.000.000,00 --period 2026").await;
    assert_eq!(recorded.footer.as_deref(), Some("Period 2026 recorded"));
    assert_eq!(recorded.lines, ["9.0% · backup supplier · -21.4 pts since 2025"]);
    let card = app.say("/account gerdau").await;
    assert!(field(&card, "Share of wallet").starts_with("9.0% of R$ 100,000,000.00"));
    assert_eq!(field(&card, "Share trend"), "9.0% · backup supplier · -21.4 pts since 2025");

    let before = app.counts(WS).await;
    for (line, expected) in [
        (
            "/wallet Gerdau --spend 100M",
            "Give both --spend (the customer's spend in our category) and --revenue (ours).",
        ),
        (
            "/wallet Gerdau --spend lots --revenue 1M",
            "--spend must be an amount like 120000000, 120M or 1.500.000,00, not “lots”.",
        ),
        (
            "/wallet Gerdau --spend 1M --revenue 1M --period 1999",
            "--period must be a whole number from 2000 to 2100, not “1999”.",
        ),
    ] {
        assert_eq!(app.say_as("rafael.lima", line).await.lines, [expected], "{line}");
    }
    let refused = app.say("/wallet Gerdau --spend 1M --revenue 1M").await;
    assert!(refused.is_error());
    assert_eq!(app.counts(WS).await, before);
}

#[tokio::test]
async fn health_is_explained_component_by_component() {
    let app = demo_app().await;
    let vale = app.say("/health Vale").await;
    // The components weigh 87, but Metso holds more of Vale's spend than we do: watched, held at 70.
    assert_eq!(vale.title.as_deref(), Some("Vale: health 70/100"), "{}", vale.to_text());
    assert_eq!(vale.lines, ["The components weigh 87; held at 70 by what needs attention:"]);
    assert_eq!(field(&vale, "Needs attention"), "• Metso holds 30.0%, more than our 18.0%");
    assert_eq!(vale.fields.len(), 10);
    assert_eq!(field(&vale, "Account plan"), "100 · this year's plan, changed today");
    assert_eq!(field(&vale, "Opportunity momentum"), "80 · 2 opportunities open, 0 won in the last year");
    assert_eq!(field(&vale, "Contact recency"), "100 · 3 days since the last contact (cadence 30 days)");
    assert_eq!(
        field(&vale, "Stakeholders"),
        "88 · 4 people in 3 departments reached in 90 days, a decision maker among them"
    );
    assert_eq!(field(&vale, "Competitor threat"), "25 · strongest: Metso (high threat)");
    let card = app.say("/account Vale").await;
    assert_eq!(field(&card, "Health"), "70/100 (/health for why)\n• Metso holds 30.0%, more than our 18.0%");

    let risks = app.say("/risks").await;
    assert_eq!(risks.title.as_deref(), Some("Accounts at risk: 3 with health under 60"));
    // Each with its one reason (what holds the score down, else the weakest part) and one action.
    assert_eq!(
        risks.lines,
        [
            "• Gerdau · 25/100 · yearly review overdue by 9 days → /prep Gerdau",
            "• Alcoa · 55/100 · share 74.0% above its 70.0% ceiling → /wallet Alcoa",
            "• Embraer · 56/100 · no plan for this year → /plan Embraer"
        ]
    );

    // A bad-tempered call moves the tone component.
    let before = field(&app.say("/health Vale").await, "Tone of recent interactions").to_string();
    app.say("/log Vale call \"Complaint about delays\" --tone negative").await;
    let after = field(&app.say("/health Vale").await, "Tone of recent interactions").to_string();
    assert_ne!(before, after);
    assert!(after.contains("1 negative"), "{after}");
    let bad = app.say("/log Vale call x --tone furious").await;
    assert_eq!(bad.lines, ["--tone must be one of positive, neutral, negative, not “furious”."]);
}

#[tokio::test]
async fn the_account_plan_and_its_goals() {
    let app = demo_app().await;
    let plan = app.say("/plan Vale").await;
    assert_eq!(plan.title.as_deref(), Some("Vale: account plan 2026"));
    assert_eq!(
        field(&plan, "Long-term objectives"),
        "Become the reference supplier of wear parts for Carajás and S11D"
    );
    assert_eq!(plan.lines.len(), 2, "two goals: {:?}", plan.lines);
    assert!(plan.lines[0].starts_with("#1 ☐ Win the S11D liner tender · Ana Souza"));

    let before = app.counts(WS).await;
    let refused = app.say("/plan Vale set objectives \"Something else\"").await;
    assert_eq!(refused.lines, ["Only Vale's owner, its technical manager, their managers and admins can change it."]);
    for (line, expected) in [
        (
            "/plan Vale set colour red",
            "“colour” is not a part of the plan. Accepted: objectives, value, evidence, changes, depth, resources.",
        ),
        ("/plan Vale set objectives", "Say what to write after it, in quotes if it has spaces."),
        ("/plan Vale goal finish 1", "After goal comes add or done, not “finish”."),
        ("/plan Vale goal done one", "“one” is not a goal number: /plan ACCOUNT shows them (#3)."),
        ("/plan Vale goal done 99", "This plan has no open goal #99."),
        ("/plan Vale goal add \"New goal\" --due 2026-02-30", "--due: 2026-02-30 is not a day of the calendar."),
        ("/plan Vale goal add \"New goal\" --owner Nobody", "Nobody called “Nobody” in this workspace."),
    ] {
        let reply = app.say_as("carlos.mendes", line).await;
        assert_eq!(reply.lines, [expected], "{line}");
    }
    assert_eq!(app.counts(WS).await, before, "nothing was written");

    let added = app
        .say_as("carlos.mendes", "/plan Vale goal add \"Pilot the new liner at S11D\" --owner carlos --due 2027-03-31")
        .await;
    assert_eq!(added.footer.as_deref(), Some("Goal #3 added"));
    assert!(
        added.lines.iter().any(|l| l == "#3 ☐ Pilot the new liner at S11D · Carlos Mendes · 2027-03-31"),
        "{:?}",
        added.lines
    );
    let done = app.say_as("marina.costa", "/plan Vale goal done #1").await;
    assert!(done.lines.iter().any(|l| l.starts_with("#1 ☑")), "a manager above the owner may: {:?}", done.lines);
    let set = app.say_as("carlos.mendes", "/plan Petrobras set objectives \"Own the offshore valve retrofit\"").await;
    assert_eq!(field(&set, "Long-term objectives"), "Own the offshore valve retrofit");
    assert_eq!(field(&set, "Resources needed"), "not written yet");
}

#[tokio::test]
async fn the_yearly_review_starts_next_years_plan_and_restarts_the_clock() {
    let app = demo_app().await;
    let before = app.counts(WS).await;
    let missing = app.say_as("carlos.mendes", "/review Vale --objectives x --value y --changes z --rating 4").await;
    assert!(missing.lines[0].starts_with("Missing --depth."), "{:?}", missing.lines);
    let bad =
        app.say_as("carlos.mendes", "/review Vale --objectives x --value y --changes z --depth w --rating 6").await;
    assert_eq!(bad.lines, ["--rating must be a whole number from 1 to 5, not “6”."]);
    let refused = app.say("/review Vale --objectives x --value y --changes z --depth w --rating 4").await;
    assert!(refused.is_error());
    assert_eq!(app.counts(WS).await, before);

    let reply = app.say_as("carlos.mendes",
        "/review Vale --objectives \"Keep S11D\" --value \"Yes: downtime down 14%\" --changes \"Quarterly reviews\" --depth \"Thin in operations\" --rating 4 --next \"Reference supplier for all of Carajás\"",
    )
    .await;
    assert_eq!(reply.title.as_deref(), Some("Yearly review of Vale recorded: 4/5"), "{}", reply.to_text());
    // The review was due 2026-12-21: the next one is a year on.
    assert_eq!(field(&reply, "Next review"), "Tue 2027-12-21");
    assert_eq!(app.counts(WS).await.interactions, before.interactions + 1);
    let next = app.say("/plan Vale --year 2027").await;
    assert_eq!(field(&next, "Long-term objectives"), "Reference supplier for all of Carajás");
    assert_eq!(
        field(&next, "Value we demonstrate"),
        "Fewer unplanned stops on the crushers: 14 % less downtime in 2026"
    );
    let card = app.say("/account Vale").await;
    assert_eq!(field(&card, "Yearly review"), "2027-12-21 (in 389 days)");
    assert_eq!(
        field(&card, "Next planning meeting"),
        "2026-12-27 (in 30 days)",
        "a review restarts the planning clock"
    );
    let history = app.say("/history Vale 1").await;
    assert!(history.lines[0].contains("yearly review"), "{:?}", history.lines);
}

#[tokio::test]
async fn qualification_suggests_a_tier_and_lists_the_re_tiering() {
    let app = demo_app().await;
    let vale = app.say("/qualify Vale").await;
    // (2×5 + 4 + 3 + 5) / 5 = 4.4 with strength 4: tier 1, as it is.
    assert_eq!(field(&vale, "Attractiveness"), "4.4");
    assert_eq!(field(&vale, "Suggested tier"), "Tier 1 (strategic)");
    let list = app.say("/qualify").await;
    // Embraer: (2×4 + 5 + 5 + 4) / 5 = 4.4 but strength 2: tier 2.
    assert_eq!(list.lines, ["Embraer: tier 1 → suggested tier 2"]);

    let before = app.counts(WS).await;
    let partial = app.say_as("rafael.lima", "/qualify Gerdau --potential 4").await;
    assert_eq!(
        partial.lines[0],
        "A first qualification needs all five: --potential, --leadership, --profitability, --fit and --strength (1 to 5)."
    );
    let bad = app.say_as("rafael.lima", "/qualify Gerdau --potential 6").await;
    assert_eq!(bad.lines, ["--potential must be a whole number from 1 to 5, not “6”."]);
    let refused = app.say("/qualify Gerdau --potential 2 --leadership 2 --profitability 2 --fit 2 --strength 2").await;
    assert!(refused.is_error());
    assert_eq!(app.counts(WS).await, before);

    // Gerdau: (2×2 + 2 + 3 + 2) / 5 = 2.2: tier 3 suggested for a tier-2 account.
    let gerdau = app
        .say_as("rafael.lima", "/qualify Gerdau --potential 2 --leadership 2 --profitability 3 --fit 2 --strength 2")
        .await;
    assert_eq!(field(&gerdau, "Attractiveness"), "2.2");
    assert_eq!(gerdau.lines, ["Gerdau: tier 2 → suggested tier 3"]);
    // Changing one score keeps the others.
    let strong = app.say_as("marina.costa", "/qualify Embraer --strength 4").await;
    assert!(strong.lines.is_empty(), "now tier 1 as it is: {:?}", strong.lines);
    assert_eq!(app.say("/qualify").await.lines, ["Gerdau: tier 2 → suggested tier 3"]);
}

#[tokio::test]
async fn opportunities_move_through_the_stages() {
    let app = demo_app().await;
    let vale = app.say("/opp Vale").await;
    assert_eq!(vale.title.as_deref(), Some("Opportunities at Vale"));
    assert_eq!(vale.lines.len(), 3);
    assert_eq!(field(&vale, "Open pipeline"), "R$ 20,000,000.00");
    assert_eq!(field(&vale, "Conversion (account)"), "100.0%");
    // Rafael lost at Petrobrás and at Gerdau: 0 of 2.
    let petro = app.say("/opp Petrobrás").await;
    assert_eq!(field(&petro, "Conversion (Rafael Lima)"), "0.0%");

    let before = app.counts(WS).await;
    for (who, line, expected) in [
        (
            "carlos.mendes",
            "/opp add Vale Liners lots",
            "--value must be an amount like 120000000, 120M or 1.500.000,00, not “lots”.",
        ),
        ("carlos.mendes", "/opp add Vale", "Missing TITLE. Usage: /opp add ACCOUNT TITLE VALUE [--close DATE]"),
        (
            "carlos.mendes",
            "/opp move 1 signed",
            "STAGE must be one of identified, qualified, proposal, negotiation, won, lost, not “signed”.",
        ),
        ("carlos.mendes", "/opp move 1 lost", "A lost opportunity needs --reason: why was it lost?"),
        ("carlos.mendes", "/opp move 99 won", "There is no opportunity #99 here."),
        ("carlos.mendes", "/opp move 3 lost --reason x", "Opportunity #3 is closed (WON) and cannot move."),
        (
            "tester",
            "/opp move 1 won",
            "Only Vale's owner, its technical manager, their managers and admins can change it.",
        ),
    ] {
        let reply = if who == "tester" { app.say(line).await } else { app.say_as(who, line).await };
        assert_eq!(reply.lines, [expected], "{line}");
    }
    assert_eq!(app.counts(WS).await, before, "nothing was written");

    // Winning the negotiation adds its value to Vale's revenue: R$ 32.4 M + 12 M of 180 M. The
    // stage may be typed in Portuguese.
    let won = app.say_as("carlos.mendes", "/opp move #1 ganha").await;
    assert_eq!(won.footer.as_deref(), Some("Opportunity #1 moved to WON"));
    let card = app.say("/account Vale").await;
    assert!(field(&card, "Share of wallet").starts_with("24.7% of R$ 180,000,000.00"), "{}", card.to_text());
    // One truth: the win is in this year's wallet period, so /wallet, the card's trend and the
    // share agree.
    let wallet = app.say("/wallet Vale").await;
    assert_eq!(field(&wallet, "2026"), "24.7%: R$ 44,400,000.00 of R$ 180,000,000.00", "{}", wallet.to_text());
    assert!(field(&card, "Share trend").starts_with("24.7%"), "{}", card.to_text());
    assert!(wallet.lines[0].starts_with("24.7%"), "{:?}", wallet.lines);

    // A pipeline that would pass the ceiling is flagged: 44.4 M + 90 M > 70 % × 180 M = 126 M.
    let big = app.say_as("carlos.mendes", "/opp add Vale \"All of Carajás\" 90M --close 2027-06-30").await;
    assert_eq!(big.footer.as_deref(), Some("Opportunity #8 added"));
    assert!(
        big.lines.contains(
            &"⚠ Winning the whole open pipeline would pass the share ceiling by R$ 16,400,000.00.".to_string()
        ),
        "{:?}",
        big.lines
    );
    let lost = app.say_as("carlos.mendes", "/opp move 2 lost --reason \"Price\"").await;
    assert_eq!(field(&lost, "Conversion (account)"), "66.7%");
}

#[tokio::test]
async fn admins_weigh_the_health_score() {
    let app = demo_app().await;
    let shown = app.say("/weights").await;
    assert_eq!(field(&shown, "Tone of recent interactions (tone)"), "10");
    let refused = app.say("/weights competitors 0").await;
    assert_eq!(refused.lines, ["Only an admin of this workspace can change the weights."]);
    let ws = app.workspace_id(WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    assert_eq!(app.say("/weights competitors").await.lines, ["Give the weight too: /weights tone 20."]);
    assert!(app.say("/weights luck 5").await.is_error());
    // Vale without the competitor threat (25 × 10): 8410 over 90 → 93, still held at 70 while
    // Metso holds more of its spend than we do.
    let set = app.say("/weights competitors 0").await;
    assert_eq!(field(&set, "Competitor threat (competitors)"), "0");
    let vale = app.say("/health Vale").await;
    assert_eq!(vale.title.as_deref(), Some("Vale: health 70/100"));
    assert_eq!(vale.lines, ["The components weigh 93; held at 70 by what needs attention:"]);
    assert_eq!(app.say_in("discord:9", "/weights").await.fields[8].value, "10", "other workspaces keep the defaults");
}

#[tokio::test]
async fn the_weekly_digest_keeps_scores_for_the_trend() {
    let app = demo_app().await;
    // No digest yet: no trend.
    assert!(!app.say("/health Vale").await.lines.iter().any(|l| l.contains("since")));
    // Monday's digest records every team account's score.
    let monday = chrono::TimeZone::with_ymd_and_hms(&chrono_tz::America::Sao_Paulo, 2026, 11, 30, 8, 0, 0)
        .unwrap()
        .with_timezone(&chrono::Utc);
    kam_bot::scheduler::Scheduler::new(app.store.clone()).tick(monday).await.unwrap();
    // A week later, with no contact since, Vale's score has moved and says so.
    let mut inv = app.invocation(WS, "tester");
    inv.now = monday + chrono::Duration::days(7);
    let health = app.core.run_line(&inv, "/health Vale").await;
    assert!(health.lines[0].ends_with("since 2026-11-30"), "{:?}", health.lines);
    let card = app.core.run_line(&inv, "/account Vale").await;
    assert!(field(&card, "Health").contains("since 2026-11-30"), "{}", card.to_text());
}

/// Revenue above the customer's spend is a typing slip: refused, naming both amounts, in /wallet,
/// /account add and /account set; nothing is written.
#[tokio::test]
async fn revenue_over_the_customers_spend_is_refused() {
    let app = crate::helpers::demo_app().await;
    let ws = app.workspace_id(crate::helpers::WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    let before = app.counts(crate::helpers::WS).await;
    let refused = app.say("/wallet Vale --spend 50M --revenue 60M").await;
    assert_eq!(
        refused.lines,
        [
            "Our revenue (R$ 60,000,000.00) cannot pass the customer's spend in our category (R$ 50,000,000.00): the share of wallet would be over 100%. Check both amounts."
        ]
    );
    let added = app.say("/account add Usiminas --spend 10M --revenue 12M").await;
    assert!(added.is_error(), "{}", added.to_text());
    let set = app.say("/account set Vale revenue 900M").await;
    assert!(set.lines[0].starts_with("Our revenue (R$ 900,000,000.00) cannot pass"), "{:?}", set.lines);
    assert_eq!(app.counts(crate::helpers::WS).await, before, "nothing was written");
    let pt = app.say_pt("/wallet Vale --spend 50M --revenue 60M").await;
    assert!(pt.lines[0].starts_with("Nossa receita (R$ 60.000.000,00) não pode passar"), "{:?}", pt.lines);
    let fine = app.say("/wallet Vale --spend 60M --revenue 60M --period 2025").await;
    assert!(!fine.is_error(), "100 % is possible: {}", fine.to_text());
}

/// Competitors' shares and ours cannot add up to more than the customer's whole spend; updating
/// a competitor replaces its own share in the sum.
#[tokio::test]
async fn competitor_shares_cannot_pass_the_whole() {
    let app = crate::helpers::demo_app().await;
    let ws = app.workspace_id(crate::helpers::WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    // Vale: ours 18.0 %, Metso 30 %, Weir Minerals 15 %.
    let before = app.counts(crate::helpers::WS).await;
    let refused = app.say("/competitor Vale FLSmidth --share 40").await;
    assert_eq!(
        refused.lines,
        [
            "The shares would add up to 103.0% of the customer's spend (ours 18.0%, the other competitors 45.0%): at most 100%. Correct this share or another one."
        ]
    );
    assert_eq!(app.counts(crate::helpers::WS).await, before);
    let updated = app.say("/competitor Vale metso --share 60").await;
    assert!(!updated.is_error(), "Metso's own 30 % is replaced: {}", updated.to_text());
}

/// A future period is a plan: it does not become the card's share; a period recorded by mistake
/// can be removed.
#[tokio::test]
async fn a_future_period_is_a_plan_and_a_period_can_be_removed() {
    let app = crate::helpers::demo_app().await;
    let ws = app.workspace_id(crate::helpers::WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    let card = app.say("/account Vale").await;
    let share = crate::helpers::field(&card, "Share of wallet");
    let planned = app.say("/wallet Vale --spend 200M --revenue 80M --period 2027").await;
    assert_eq!(
        crate::helpers::field(&planned, "2027 (plan)"),
        "40.0%: R$ 80,000,000.00 of R$ 200,000,000.00",
        "{}",
        planned.to_text()
    );
    let after = app.say("/account Vale").await;
    assert_eq!(crate::helpers::field(&after, "Share of wallet"), share, "the plan is not the current share");
    assert!(!crate::helpers::field(&after, "Share trend").starts_with("40.0%"));
    let removed = app.say("/wallet Vale --remove 2027").await;
    assert_eq!(removed.footer.as_deref(), Some("Period 2027 removed"));
    assert!(removed.fields.iter().all(|f| !f.label.starts_with("2027")));
    let again = app.say("/wallet Vale --remove 2027").await;
    assert_eq!(again.lines, ["Vale has no wallet period 2027: /wallet Vale lists them."]);
}
