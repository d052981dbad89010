//! `/meeting`, `/meetings`, `/digest` and `/schedule`: proactive planning from the chat.

use crate::helpers::{WS, demo_app, field};

async fn make_admin(app: &crate::helpers::TestApp) {
    let ws = app.workspace_id(WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
}

#[tokio::test]
async fn meetings_are_scheduled_and_listed() {
    let app = demo_app().await;
    let reply = app.say(r#"/meeting Vale 2026-12-10 14:00 --kind planning --with "beatriz, joão""#).await;
    assert_eq!(reply.title.as_deref(), Some("Scheduled: planning meeting with Vale"), "{}", reply.to_text());
    assert_eq!(field(&reply, "When"), "Thu 2026-12-10 at 14:00");
    assert_eq!(field(&reply, "With"), "Beatriz Almeida, João Ferreira");
    app.say("/meeting Alcoa 10/12/2026 --kind review").await;

    let list = app.say("/meetings").await;
    assert_eq!(list.title.as_deref(), Some("Meetings in the next 14 days"));
    assert_eq!(
        list.lines,
        [
            "Thu 2026-12-10 at 09:00 · yearly review · Alcoa",
            "Thu 2026-12-10 at 14:00 · planning · Vale · Beatriz Almeida, João Ferreira"
        ]
    );
    let mine = app.say("/meetings --mine").await;
    assert_eq!(mine.lines, ["None scheduled. /meeting schedules one."], "the tester owns no account");
    let soon = app.say("/meetings --days 3").await;
    assert_eq!(soon.lines, ["None scheduled. /meeting schedules one."]);
    let pt = app.say_pt("/meetings").await;
    assert_eq!(pt.lines[1], "qui 10/12/2026 às 14h · planejamento · Vale · Beatriz Almeida, João Ferreira");
}

/// Dates as people say them book the day they mean, in either language; booking the same account
/// at the same time twice is refused and names the first meeting.
#[tokio::test]
async fn meetings_booked_in_words_and_once() {
    let app = demo_app().await;
    // Today is Friday 2026-11-27.
    let booked = app.say("/meeting Gerdau \"próxima terça 14h\" --kind planejamento").await;
    assert_eq!(booked.title.as_deref(), Some("Scheduled: planning meeting with Gerdau"), "{}", booked.to_text());
    assert_eq!(field(&booked, "When"), "Tue 2026-12-01 at 14:00");
    let english = app.say("/meeting Alcoa \"next friday 2 pm\" --kind revisão").await;
    assert_eq!(english.title.as_deref(), Some("Scheduled: yearly review meeting with Alcoa"), "{}", english.to_text());
    assert_eq!(field(&english, "When"), "Fri 2026-12-04 at 14:00");

    let before = app.counts(WS).await;
    let again = app.say("/meeting Gerdau 01/12 14:00").await;
    assert_eq!(again.lines, ["Gerdau already has meeting #1 on Tue 2026-12-01 at 14:00: /meetings lists it."]);
    let pt = app.say_pt("/meeting Gerdau \"terça que vem 14h\"").await;
    assert_eq!(
        pt.lines,
        ["A conta Gerdau já tem a reunião #1 marcada para ter 01/12/2026 às 14h: /meetings mostra a agenda."]
    );
    assert_eq!(app.counts(WS).await, before, "nothing was booked twice");
}

#[tokio::test]
async fn bad_meetings_write_nothing() {
    let app = demo_app().await;
    let before = app.counts(WS).await;
    for (line, expected) in [
        (
            "/meeting Vale 2026-11-01 10:00",
            "Read as Sun 2026-11-01, and that time has passed: schedule meetings to come (log past ones with /log).",
        ),
        (
            "/meeting Vale some day soon",
            "“some day soon” is not a day and time. Use 2026-12-10 14:00, friday 2pm or tomorrow 9:00.",
        ),
        (
            "/meeting Vale 2026-12-10 25:00",
            "“2026-12-10 25:00” is not a day and time. Use 2026-12-10 14:00, friday 2pm or tomorrow 9:00.",
        ),
        ("/meeting Vale 2026-12-10 --kind lunch", "--kind must be one of planning, review, other, not “lunch”."),
        (
            "/meeting Vale 2026-12-10 --with Zé",
            "Vale has no contact “Zé”. Contacts: Beatriz Almeida, Fernanda Dias, João Ferreira, Luiz Carvalho, Patrícia Rocha, Ricardo Nunes.",
        ),
        ("/meeting CSN 2026-12-10", "CSN is archived: nothing can be logged on it."),
    ] {
        let reply = app.say(line).await;
        assert_eq!(reply.lines, [expected], "{line}");
    }
    assert_eq!(app.counts(WS).await, before);
}

#[tokio::test]
async fn the_digest_on_demand() {
    let app = demo_app().await;
    let digest = app.say("/digest --team \"Marina Costa\"").await;
    assert_eq!(digest.title.as_deref(), Some("Weekly portfolio digest · Marina Costa's team · 2026-11-27"));
    // The week in numbers first.
    assert_eq!(
        digest.lines,
        [
            "Revenue R$ 181,800,000.00 a year · share 22.6% · R$ 384,100,000.00 of headroom",
            "Pipeline this week: 0 opened (R$ 0.00) · 0 won (R$ 0.00) · 0 lost (R$ 0.00)",
            "Planning meetings: 0 held this week, 2 overdue · commitments late: 1",
            "Late commitments by person: Rafael Lima 1",
        ],
        "{}",
        digest.to_text()
    );
    // The accounts that need the manager, each with its reason and the action.
    assert_eq!(
        field(&digest, "Needs you this week (3)"),
        "• Gerdau 25/100 · yearly review overdue by 9 days → /prep Gerdau\n\
         • Alcoa 55/100 · share 74.0% above its 70.0% ceiling → /wallet Alcoa\n\
         • Embraer 56/100 · no plan for this year → /plan Embraer"
    );
    assert_eq!(field(&digest, "What changed"), "first digest: nothing to compare with yet");
    assert_eq!(
        digest.footer.as_deref(),
        Some("9 accounts in the team · every account in detail: /digest --team \"Marina Costa\" --full")
    );
    assert_eq!(digest.actions[0].id, "run:/digest --team \"Marina Costa\" --full");
    // The message sent fits one screen and one Discord embed, in both languages.
    for sent in [&digest, &app.say_pt("/digest --team \"Marina Costa\"").await] {
        assert!(sent.to_text().lines().count() <= 25, "{}", sent.to_text());
        assert_eq!(kam_bot::front::discord::render::messages(sent).len(), 1, "{}", sent.to_text());
        let json = serde_json::to_value(kam_bot::front::discord::render::message(sent)).unwrap();
        assert_eq!(json["embeds"].as_array().map(Vec::len), Some(1));
    }
    let chart = digest.chart.as_ref().expect("the digest carries its chart");
    assert_eq!(chart.accounts.len(), 9);
    assert_eq!(chart.accounts[0].name, "Petrobrás", "the largest customer spend first");

    // The detail, on request: the button runs the same command.
    let full = app.say("/digest --team \"Marina Costa\" --full").await;
    assert_eq!(full.lines, digest.lines);
    assert_eq!(field(&full, "Accounts by tier"), "strategic 4 · key 4 · maintain 1");
    assert!(field(&full, "Next two weeks").contains("2026-12-09: planning meeting due with Vale"));
    let shares = field(&full, "Share of wallet by account");
    assert!(shares.contains("• Alcoa: 74.0% · strategic partner · "), "{shares}");
    assert!(shares.contains("• Gerdau: 22.2% · regular supplier · -8.2 pts since 2025"), "{shares}");
    // On demand, nothing is recorded: asking again still has nothing to compare with.
    let again = app.say("/digest --team marina").await;
    assert_eq!(field(&again, "What changed"), "first digest: nothing to compare with yet");
    let mine = app.say("/digest").await;
    assert_eq!(mine.footer.as_deref(), Some("0 accounts in the team · every account in detail: /digest --full"));
}

#[tokio::test]
async fn schedules_are_shown_and_changed_by_admins() {
    let app = demo_app().await;
    let shown = app.say("/schedule").await;
    assert_eq!(shown.lines, ["Time zone: America/Sao_Paulo"]);
    assert_eq!(
        field(&shown, "weekly_digest"),
        "0 8 * * 1 · next: 2026-11-30 08:00, 2026-12-07 08:00, 2026-12-14 08:00"
    );
    assert_eq!(
        field(&shown, "planning_reminders"),
        "0 8 * * 1-5 · next: 2026-11-30 08:00, 2026-12-01 08:00, 2026-12-02 08:00"
    );

    let before = app.counts(WS).await;
    let refused = app.say("/schedule weekly_digest 0 9 * * 1").await;
    assert_eq!(refused.lines, ["Only an admin of this workspace can change schedules."]);
    assert_eq!(app.counts(WS).await, before);

    make_admin(&app).await;
    let changed = app.say("/schedule weekly_digest 0 9 * * 5").await;
    assert_eq!(changed.title.as_deref(), Some("Schedule changed"));
    assert_eq!(
        field(&changed, "weekly_digest"),
        "0 9 * * 5 · next: 2026-12-04 09:00, 2026-12-11 09:00, 2026-12-18 09:00"
    );
    let bad = app.say("/schedule weekly_digest every monday").await;
    assert!(bad.lines[0].starts_with("“every monday” is not a schedule"), "{:?}", bad.lines);
    let off = app.say("/schedule stale_contact off").await;
    assert_eq!(field(&off, "stale_contact"), "0 8 * * 1-5 · off");
    let tz = app.say("/schedule timezone America/New_York").await;
    assert_eq!(tz.lines, ["Time zone: America/New_York"]);
    let bad_tz = app.say("/schedule timezone Mars/Olympus").await;
    assert!(bad_tz.lines[0].starts_with("Unknown time zone “Mars/Olympus”"));
    let unknown = app.say("/schedule lunch 0 12 * * *").await;
    assert!(unknown.lines[0].starts_with("JOB must be one of planning_reminders"), "{:?}", unknown.lines);
}

#[tokio::test]
async fn managers_get_the_yearly_re_tiering_list() {
    let app = demo_app().await;
    let sp = |d: u32, h: u32| {
        chrono::TimeZone::with_ymd_and_hms(&chrono_tz::America::Sao_Paulo, 2027, 1, d, h, 0, 0)
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let previews = kam_bot::scheduler::Scheduler::new(app.store.clone()).preview(sp(2, 7), sp(2, 9)).await.unwrap();
    let retiering = previews.iter().find(|p| p.job.name() == "retiering").expect("the job runs on January 2nd");
    assert_eq!(retiering.messages.len(), 1, "Marina, the one manager");
    let (to, reply) = &retiering.messages[0];
    assert_eq!(to, "Marina Costa");
    assert_eq!(reply.lines, ["• Embraer: nível 1 → nível sugerido 2"], "Marina reads Portuguese");
}

/// The yearly review as a living record: shown with its answers, rating, who and when; recording
/// one carries its answers and the open goals into next year's plan.
#[tokio::test]
async fn the_yearly_review_is_shown_and_carried_into_next_years_plan() {
    let app = demo_app().await;
    make_admin(&app).await;
    let none = app.say("/review Vale").await;
    assert!(
        none.title
            .as_deref()
            .unwrap_or_default()
            .starts_with("No yearly review of Vale recorded yet. Next review: 2026-12-21."),
        "{}",
        none.to_text()
    );
    let recorded = app
        .say("/review Vale --objectives \"Keep S11D\" --value \"Downtime -14%\" --changes \"Quarterly reviews\" --depth \"Thin in operations\" --rating 4")
        .await;
    assert!(!recorded.is_error(), "{}", recorded.to_text());
    let shown = app.say("/review Vale").await;
    assert_eq!(shown.title.as_deref(), Some("Yearly review of Vale, 2026 · rating 4/5"));
    assert_eq!(field(&shown, "3. What should we change next year to improve the relationship?"), "Quarterly reviews");
    assert_eq!(shown.footer.as_deref(), Some("By Tester tester on 2026-11-27 · next review 2027-12-21"));
    let earlier = app.say("/review Vale --year 2025").await;
    assert!(earlier.title.as_deref().unwrap_or_default().starts_with("No yearly review of Vale for 2025."));
    let plan = app.say("/plan Vale --year 2027").await;
    assert_eq!(field(&plan, "Changes for next year"), "Quarterly reviews");
    assert_eq!(field(&plan, "Depth in the account"), "Thin in operations");
    let goals: Vec<&String> = plan.lines.iter().filter(|l| l.contains('☐')).collect();
    assert_eq!(goals.len(), 2, "this year's open goals carried over: {:?}", plan.lines);
    // Recording it again does not carry the goals twice.
    app.say("/review Vale --objectives a --value b --changes c --depth d --rating 3").await;
    let plan = app.say("/plan Vale --year 2027").await;
    assert_eq!(plan.lines.iter().filter(|l| l.contains('☐')).count(), 2);
    let partial = app.say("/review Vale --objectives x").await;
    assert!(partial.lines[0].starts_with("Missing --value."), "{:?}", partial.lines);
}
