//! Numbers a manager can trust: one set of figures behind the card, `/wallet`, `/health`, `/risks`
//! and the digest; serious conditions that pull an account under 60 on their own; and a weekly
//! digest that says what changed since the state the previous one recorded.

use chrono::{DateTime, Duration, TimeZone, Utc};
use kam_bot::core::Reply;

use crate::helpers::{TestApp, WS, demo_app, field};

/// Monday 2026-11-30, 08:00 in São Paulo: the weekly digest's first run after the test's now.
fn monday(weeks: i64) -> DateTime<Utc> {
    chrono_tz::America::Sao_Paulo.with_ymd_and_hms(2026, 11, 30, 8, 0, 0).unwrap().with_timezone(&Utc)
        + Duration::weeks(weeks)
}

async fn say_at(app: &TestApp, at: DateTime<Utc>, line: &str) -> Reply {
    let mut inv = app.invocation(WS, "tester");
    inv.now = at;
    app.core.run_line(&inv, line).await
}

async fn make_admin(app: &TestApp) {
    let ws = app.workspace_id(WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
}

/// Runs the scheduler at `at`: the weekly digest on a Monday records the team's state.
async fn tick(app: &TestApp, at: DateTime<Utc>) {
    kam_bot::scheduler::Scheduler::new(app.store.clone()).tick(at).await.unwrap();
}

#[tokio::test]
async fn a_won_deal_moves_the_card_the_wallet_the_health_and_the_digest_alike() {
    let app = demo_app().await;
    make_admin(&app).await;
    let digest = app.say("/digest --team \"Marina Costa\"").await;
    assert!(digest.lines[0].starts_with("Revenue R$ 181,800,000.00 a year · share 22.6%"), "{:?}", digest.lines);

    // Vale's R$ 12M negotiation is won this year.
    let won = app.say("/opp move 1 won").await;
    assert!(!won.is_error(), "{}", won.to_text());
    // 32.4M + 12M of 180M: 24.7 %, everywhere.
    let card = app.say("/account Vale").await;
    assert!(field(&card, "Share of wallet").starts_with("24.7% of R$ 180,000,000.00"), "{}", card.to_text());
    assert!(field(&card, "Share trend").starts_with("24.7%"), "{}", card.to_text());
    let wallet = app.say("/wallet Vale").await;
    assert!(wallet.to_text().contains("2026") && wallet.to_text().contains("24.7%"), "{}", wallet.to_text());
    assert!(!wallet.to_text().contains("18.0%\n"), "{}", wallet.to_text());
    let health = app.say("/health Vale").await;
    assert!(field(&health, "Share-of-wallet trend").contains("+8.6 pts since 2025"), "{}", health.to_text());
    assert!(field(&health, "Opportunity momentum").contains("1 opportunity open, 1 won"), "{}", health.to_text());
    let digest = app.say("/digest --team \"Marina Costa\"").await;
    assert_eq!(
        digest.lines[..2],
        [
            "Revenue R$ 193,800,000.00 a year · share 24.1% · R$ 372,100,000.00 of headroom",
            "Pipeline this week: 0 opened (R$ 0.00) · 1 won (R$ 12,000,000.00) · 0 lost (R$ 0.00)",
        ],
        "{}",
        digest.to_text()
    );
    let vale = digest.chart.as_ref().unwrap().accounts.iter().find(|a| a.name == "Vale").cloned().unwrap();
    assert_eq!(vale.share_bp, Some(2467), "the chart draws the same share");
}

#[tokio::test]
async fn serious_conditions_pull_an_account_under_sixty_on_their_own() {
    let app = demo_app().await;
    // Alcoa is at 74 % against a 70 % ceiling: at risk on every view, with the same reason.
    let reason = "share 74.0% above its 70.0% ceiling";
    let alcoa = app.say("/health Alcoa").await;
    assert_eq!(alcoa.title.as_deref(), Some("Alcoa: health 55/100"));
    assert_eq!(field(&alcoa, "Needs attention"), format!("• {reason}"));
    assert!(field(&app.say("/account Alcoa").await, "Health").contains(&format!("⚠ {reason} → /wallet Alcoa")));
    assert!(app.say("/risks").await.lines.iter().any(|l| l == &format!("• Alcoa · 55/100 · {reason} → /wallet Alcoa")));
    let digest = app.say("/digest --team \"Marina Costa\"").await;
    assert!(field(&digest, "Needs you this week (3)").contains(&format!("• Alcoa 55/100 · {reason} → /wallet Alcoa")));

    // Vale: three bad-tempered calls in a week and Metso rising to 45 %.
    assert_eq!(app.say("/health Vale").await.title.as_deref(), Some("Vale: health 70/100"));
    for summary in ["Ameaçou trocar de fornecedor", "Reclamou dos prazos", "Cobrou desconto"] {
        let logged = app.say(&format!("/log Vale call \"{summary}\" --tone negative")).await;
        assert!(!logged.is_error(), "{}", logged.to_text());
    }
    let vale = app.say("/health Vale").await;
    assert_eq!(vale.title.as_deref(), Some("Vale: health 45/100"), "{}", vale.to_text());
    let risks = app.say("/risks").await;
    assert!(
        risks.lines.contains(&"• Vale · 45/100 · 3 conversations logged as negative in 30 days → /history Vale".into()),
        "{:?}",
        risks.lines
    );
    let card = app.say("/account Vale").await;
    assert!(field(&card, "Health").contains("⚠ 3 conversations logged as negative in 30 days → /history Vale"));
    make_admin(&app).await;
    let moved = app.say("/competitor Vale Metso --share 45").await;
    assert!(!moved.is_error(), "{}", moved.to_text());
    let vale = app.say("/health Vale").await;
    assert_eq!(
        field(&vale, "Needs attention"),
        "• 3 conversations logged as negative in 30 days\n• Metso holds 45.0%, more than our 18.0%"
    );

    // An overdue yearly review, however good the rest: Gerdau's review passed 9 days ago.
    let gerdau = app.say("/health Gerdau").await;
    assert!(field(&gerdau, "Needs attention").contains("yearly review overdue by 9 days"), "{}", gerdau.to_text());
    assert!(gerdau.title.as_deref().is_some_and(|t| t.ends_with("25/100")));
}

#[tokio::test]
async fn suppliers_are_counted_against_the_customers_policy() {
    let app = demo_app().await;
    make_admin(&app).await;
    let card = app.say("/account Vale").await;
    assert_eq!(field(&card, "Suppliers"), "3: us and 2 competitors recorded; the customer keeps about 3");
    app.say("/competitor Vale FLSmidth --share 10").await;
    let card = app.say("/account Vale").await;
    assert_eq!(
        field(&card, "Suppliers"),
        "4: us and 3 competitors recorded; the customer keeps about 3\n4 suppliers where the customer keeps 3: one will be cut"
    );
    let set = app.say("/account set Vale suppliers 4").await;
    assert!(!set.is_error(), "{}", set.to_text());
    assert_eq!(
        field(&app.say("/account Vale").await, "Suppliers"),
        "4: us and 3 competitors recorded; the customer keeps about 4"
    );
    let refused = app.say("/account set Vale suppliers 0").await;
    assert_eq!(
        refused.lines,
        ["“0” is not a valid suppliers: use how many suppliers the customer keeps, from 1 to 20."]
    );
    let klabin = app.say("/account Klabin").await;
    assert!(
        field(&klabin, "Suppliers").ends_with("the only supplier recorded: the customer will look for a second"),
        "{}",
        klabin.to_text()
    );
}

#[tokio::test]
async fn the_digest_says_what_changed_since_the_state_it_recorded() {
    let app = demo_app().await;
    make_admin(&app).await;
    // Monday's digest records the team's state.
    tick(&app, monday(0)).await;
    // A quiet week: the next Monday's digest, asked for before anything happened, has nothing.
    let quiet = say_at(&app, monday(0) + Duration::hours(1), "/digest --team \"Marina Costa\"").await;
    assert_eq!(field(&quiet, "What changed since 2026-11-30"), "nothing: a quiet week", "{}", quiet.to_text());

    // The week: a win, a loss, a new opportunity, a planning meeting with someone not reached in
    // months, three bad calls, and a competitor's move.
    let tuesday = monday(0) + Duration::days(1);
    for line in [
        "/opp move 1 won",
        "/opp move 2 lost --reason price",
        "/opp add Suzano \"Digesters overhaul\" 4M --close 2027-06-30",
        "/log Gerdau planning \"Plano 2027\" --contact \"Paulo Henrique Costa\"",
        "/log Vale call \"Ameaçou trocar de fornecedor\" --tone negative",
        "/log Vale call \"Reclamou dos prazos\" --tone negative",
        "/log Vale call \"Cobrou desconto\" --tone negative",
        "/competitor Vale Metso --share 45",
    ] {
        let reply = say_at(&app, tuesday, line).await;
        assert!(!reply.is_error(), "{line}: {}", reply.to_text());
    }
    let digest = say_at(&app, monday(1), "/digest --team \"Marina Costa\"").await;
    let changed = field(&digest, "What changed since 2026-11-30");
    for expected in [
        "• Health: Vale 70→",
        "• Won: Vale #1 Liners for the S11D mills (R$ 12,000,000.00)",
        "• Lost: Vale #2 Crusher wear parts 2027 (R$ 8,000,000.00)",
        "• New opportunities: Suzano #",
        "• Planning meetings held: Gerdau",
        "• Newly reached: Paulo Henrique Costa (Gerdau)",
        "• Competitors: Vale: Metso 30.0%→45.0%",
    ] {
        assert!(changed.contains(expected), "{expected} missing from:\n{changed}");
    }
    assert!(digest.to_text().lines().count() <= 25, "{}", digest.to_text());
    let pt = {
        let mut inv = app.invocation(WS, "tester");
        inv.now = monday(1);
        inv.locale = Some(kam_bot::i18n::Locale::PtBr);
        app.core.run_line(&inv, "/digest --team \"Marina Costa\"").await
    };
    let changed = field(&pt, "O que mudou desde 30/11/2026");
    assert!(
        changed.contains("• Ganhas: Vale #1") && changed.contains("• Novos contatos alcançados: Paulo"),
        "{changed}"
    );
    assert!(pt.to_text().lines().count() <= 25, "{}", pt.to_text());
}

/// A digest recorded before the accounts' state was (an upgrade): the next one has nothing to
/// compare with, and says so instead of calling the week quiet; its share still moves from it.
#[tokio::test]
async fn a_digest_without_recorded_state_is_not_a_quiet_week() {
    let app = demo_app().await;
    let ws = app.workspace_id(WS).await;
    let marina = app.store.find_people_by_name(ws, "Marina Costa").await.unwrap().remove(0);
    let snapshot = kam_bot::store::DigestSnapshot {
        taken_at: monday(0),
        at_risk: "[]".to_string(),
        revenue_minor: 170_000_000_00,
        wallet_minor: 800_000_000_00,
        accounts: "{}".to_string(),
    };
    let mut tx = app.store.write().await.unwrap();
    tx.save_digest(ws, marina.id, &snapshot).await.unwrap();
    tx.commit().await.unwrap();
    let digest = say_at(&app, monday(1), "/digest --team \"Marina Costa\"").await;
    assert_eq!(field(&digest, "What changed"), "first digest: nothing to compare with yet", "{}", digest.to_text());
    assert!(digest.lines[0].contains("since 2026-11-30)"), "{:?}", digest.lines);
}

/// A figure typed in December for next year is a plan on every date, until that year's figures
/// are recorded: on 4 January the card, its trend, `/wallet` and health all read 2026's 18.0 %.
#[tokio::test]
async fn one_share_of_wallet_on_every_date() {
    let app = demo_app().await;
    make_admin(&app).await;
    let december = Utc.with_ymd_and_hms(2026, 12, 15, 13, 0, 0).unwrap();
    let january = Utc.with_ymd_and_hms(2027, 1, 4, 13, 0, 0).unwrap();
    let health_before = field(&say_at(&app, january, "/account Vale").await, "Health").to_string();
    let typed = say_at(&app, december, "/wallet Vale --spend 200M --revenue 71,2M --period 2027").await;
    assert!(!typed.is_error(), "{}", typed.to_text());
    assert!(typed.to_text().contains("2027 (plan)"), "{}", typed.to_text());

    for at in [december, january] {
        let card = say_at(&app, at, "/account Vale").await;
        assert!(field(&card, "Share of wallet").starts_with("18.0% of R$ 180,000,000.00"), "{at}: {}", card.to_text());
        assert!(field(&card, "Share trend").starts_with("18.0%"), "{at}: {}", card.to_text());
        let wallet = say_at(&app, at, "/wallet Vale").await;
        assert!(wallet.to_text().contains("2027 (plan)"), "{at}: {}", wallet.to_text());
        assert!(wallet.lines.iter().any(|l| l.starts_with("18.0%")), "{at}: {}", wallet.to_text());
        let health = say_at(&app, at, "/health Vale").await;
        assert!(!health.to_text().contains("35.6"), "{at}: a plan does not move health: {}", health.to_text());
    }
    let health_after = field(&say_at(&app, january, "/account Vale").await, "Health").to_string();
    assert_eq!(
        health_before.split('/').next(),
        health_after.split('/').next(),
        "a plan does not move January's health"
    );

    // January's actuals for 2027 make it the account's figure.
    let actual = say_at(&app, january, "/wallet Vale --spend 200M --revenue 60M --period 2027").await;
    assert!(!actual.to_text().contains("2027 (plan)"), "{}", actual.to_text());
    let card = say_at(&app, january, "/account Vale").await;
    assert!(field(&card, "Share of wallet").starts_with("30.0% of R$ 200,000,000.00"), "{}", card.to_text());
    assert!(field(&card, "Share trend").starts_with("30.0%"), "{}", card.to_text());
}

/// A won deal can take our share and the competitors' past the customer's whole spend: the card
/// and `/competitors` say so (a typed share that would do it is refused).
#[tokio::test]
async fn a_won_deal_that_takes_the_shares_past_the_whole_is_flagged() {
    let app = demo_app().await;
    make_admin(&app).await;
    // 18.0 % ours + Metso 66 % + Weir 15 %: 99 %, accepted.
    let set = app.say("/competitor Vale Metso --share 66").await;
    assert!(!set.is_error(), "{}", set.to_text());
    assert!(!set.to_text().contains("more than the whole"), "{}", set.to_text());
    assert!(!app.say("/account Vale").await.to_text().contains("more than the whole"));
    // Winning the R$ 12M negotiation takes ours to 24.7 %: 105.7 % in all.
    assert!(!app.say("/opp move 1 won").await.is_error());
    let card = app.say("/account Vale").await;
    assert!(
        card.to_text().contains("add up to 105.7% of the customer's spend, more than the whole"),
        "{}",
        card.to_text()
    );
    let listed = app.say("/competitors Vale").await;
    assert!(listed.to_text().contains("Our share (24.7%) and the competitors' (81.0%)"), "{}", listed.to_text());
    let pt = app.say_pt("/competitors Vale").await;
    assert!(pt.to_text().contains("mais que o total"), "{}", pt.to_text());
}

/// A plan written in the last quarter is often next year's: `/plan` says how to write it with
/// `--year`, and in January health reads a plan written then rather than finding none.
#[tokio::test]
async fn january_health_reads_the_plan_written_in_the_last_quarter() {
    let app = demo_app().await;
    make_admin(&app).await;
    let december = Utc.with_ymd_and_hms(2026, 12, 15, 13, 0, 0).unwrap();
    let january = Utc.with_ymd_and_hms(2027, 1, 4, 13, 0, 0).unwrap();
    let no_plan = |r: &Reply| field(r, "Account plan").contains("no plan for this year");
    assert!(no_plan(&say_at(&app, january, "/health Gerdau").await));
    let written = say_at(&app, december, "/plan Gerdau set objectives \"Voltar a ser o fornecedor principal\"").await;
    assert!(written.to_text().contains("--year 2027"), "{}", written.to_text());
    let health = say_at(&app, january, "/health Gerdau").await;
    assert!(!no_plan(&health), "{}", health.to_text());
    // Written with --year, next year's plan is read as that year's.
    assert!(no_plan(&say_at(&app, january, "/health Alcoa").await));
    let next = say_at(&app, december, "/plan Alcoa set objectives \"Crescer em laminados\" --year 2027").await;
    assert!(!next.to_text().contains("--year 2027:"), "no hint once the year is given: {}", next.to_text());
    assert!(!no_plan(&say_at(&app, january, "/health Alcoa").await));
    // A plan from before the last quarter does not carry into the new year.
    let october = Utc.with_ymd_and_hms(2026, 9, 20, 13, 0, 0).unwrap();
    say_at(&app, october, "/plan Embraer set objectives \"Manter\"").await;
    assert!(no_plan(&say_at(&app, january, "/health Embraer").await));
}

#[tokio::test]
async fn the_digest_shows_each_accounts_money_in_its_currency() {
    let app = demo_app().await;
    make_admin(&app).await;
    // A team account kept in dollars, owned by one of Marina's people.
    let ws = app.workspace_id(WS).await;
    let rafael = app.store.find_people_by_name(ws, "Rafael Lima").await.unwrap().remove(0);
    let mut acme = kam_bot::store::NewAccount::new("Acme Mining", kam_bot::domain::account::Tier::Key, app.now);
    acme.currency = kam_bot::domain::money::Currency::USD;
    acme.owner_id = Some(rafael.id);
    acme.wallet_minor = 1_000_000_00;
    acme.revenue_12m_minor = 200_000_00;
    acme.share_ceiling_bp = 5_000;
    app.add_account(WS, &acme).await;
    let opened = app.say("/opp add \"Acme Mining\" \"Chute liners\" 50000").await;
    assert!(!opened.is_error(), "{}", opened.to_text());

    let digest = app.say("/digest --team \"Marina Costa\"").await;
    // Reais and dollars apart, never added together.
    assert!(digest.lines[0].starts_with("Revenue R$ 181,800,000.00 + US$ 200,000.00 a year"), "{:?}", digest.lines);
    // Headroom under each ceiling: US$ 1M × 50 % − US$ 200k.
    assert!(digest.lines[0].ends_with("R$ 384,100,000.00 + US$ 300,000.00 of headroom"), "{:?}", digest.lines);
    assert!(digest.lines[1].starts_with("Pipeline this week: 1 opened (US$ 50,000.00)"), "{:?}", digest.lines);
}
