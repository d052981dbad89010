//! The scheduler with a fake clock: a simulated quarter on a small portfolio, a restart, an
//! outage, daylight-saving changes, and a notifier that fails.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Datelike, Duration, TimeZone, Timelike, Utc, Weekday};
use kam_bot::core::{Core, Invocation, Platform, Reply};
use kam_bot::domain::account::Tier;
use kam_bot::notify::{AcceptingNotifier, Delivery, Notifier, Recipient, Undelivered};
use kam_bot::scheduler::{Notifiers, Scheduler};
use kam_bot::store::{NewAccount, NewPerson};

use crate::helpers::{TestApp, spawn_app};

/// A message delivered: when, to whom, what.
type Sent = (DateTime<Utc>, String, Reply);

/// Remembers every message it is given.
#[derive(Default, Clone)]
struct Recording {
    sent: Arc<Mutex<Vec<Sent>>>,
    now: Arc<Mutex<DateTime<Utc>>>,
}

impl Notifier for Recording {
    fn deliver<'a>(&'a self, to: &'a Recipient, reply: &'a Reply) -> Delivery<'a> {
        let who = match to {
            Recipient::Person(id) | Recipient::Channel(id) => id.clone(),
        };
        let at = *self.now.lock().unwrap();
        self.sent.lock().unwrap().push((at, who, reply.clone()));
        Box::pin(async { Ok(()) })
    }
}

impl Recording {
    fn notifiers(&self) -> Notifiers {
        Notifiers::only(Arc::new(self.clone()))
    }

    fn to(&self, who: &str) -> Vec<(DateTime<Utc>, Reply)> {
        self.sent.lock().unwrap().iter().filter(|(_, w, _)| w == who).map(|(at, _, r)| (*at, r.clone())).collect()
    }

    fn titled(&self, who: &str, title: &str) -> Vec<(DateTime<Utc>, Reply)> {
        self.to(who).into_iter().filter(|(_, r)| r.title.as_deref().is_some_and(|t| t.starts_with(title))).collect()
    }
}

fn sp(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::America::Sao_Paulo.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap().with_timezone(&Utc)
}

fn local_date(t: DateTime<Utc>) -> String {
    t.with_timezone(&chrono_tz::America::Sao_Paulo).format("%Y-%m-%d").to_string()
}

/// A manager, a rep, and two accounts whose clocks are set so that, from Monday 2027-01-04:
/// Alfa's planning meeting (cadence 90) falls due on Thursday 2027-01-14 with no contact ever;
/// Beta's yearly review is on Wednesday 2027-02-10, and nothing else is due in the quarter.
async fn small_portfolio(app: &TestApp) {
    let ws = app.workspace_id("local").await;
    let mut tx = app.store.write().await.unwrap();
    let at = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
    let person = |id: &'static str, name: &'static str, role: &'static str, manager| NewPerson {
        platform: "terminal",
        platform_user_id: id,
        display_name: name,
        role: kam_bot::domain::account::Role::from_code(role).expect("a role code"),
        manager_id: manager,
        language: Some("en"),
        created_at: at,
    };
    let manager = tx.insert_person(ws, &person("mia", "Mia Manager", "manager", None)).await.unwrap();
    let rep = tx.insert_person(ws, &person("rui", "Rui Rep", "rep", Some(manager))).await.unwrap();
    let mut alfa = NewAccount::new("Alfa", Tier::Strategic, Utc.with_ymd_and_hms(2026, 10, 16, 12, 0, 0).unwrap());
    alfa.owner_id = Some(rep);
    alfa.planning_cadence_days = 90;
    alfa.wallet_minor = 100_000_00;
    alfa.revenue_12m_minor = 20_000_00;
    tx.insert_account(ws, &alfa).await.unwrap();
    let mut beta = NewAccount::new("Beta", Tier::Key, sp(2027, 1, 4, 0, 0));
    beta.owner_id = Some(rep);
    beta.planning_cadence_days = 120;
    beta.yearly_review_on = chrono::NaiveDate::from_ymd_opt(2027, 2, 10);
    tx.insert_account(ws, &beta).await.unwrap();
    tx.commit().await.unwrap();
}

async fn tick_and_deliver(scheduler: &Scheduler, rec: &Recording, now: DateTime<Utc>) {
    *rec.now.lock().unwrap() = now;
    scheduler.tick(now).await.unwrap();
    scheduler.deliver(now, &rec.notifiers()).await.unwrap();
}

/// Rui logs the planning meeting with Alfa on Wednesday 2027-01-20 at 10:00.
async fn hold_planning_meeting(core: &Core, now: DateTime<Utc>) {
    let inv = Invocation {
        workspace: "local".into(),
        platform: Platform::Terminal,
        user_id: "rui".into(),
        display_name: "Rui Rep".into(),
        name_is_handle: false,
        locale: None,
        workspace_locale: None,
        now,
        source_id: None,
    };
    let reply = core.run_line(&inv, "/log Alfa planning \"Plano 2027 com a Alfa\"").await;
    assert!(!reply.is_error(), "{}", reply.to_text());
}

async fn simulate_quarter(app: &TestApp, restart_at: Option<DateTime<Utc>>) -> Recording {
    let rec = Recording::default();
    let start = sp(2027, 1, 4, 0, 0);
    let end = start + Duration::days(90);
    let meeting = sp(2027, 1, 20, 10, 0);
    let mut store = app.store.clone();
    let mut scheduler = Scheduler::new(store.clone());
    let mut now = start;
    while now < end {
        if restart_at.is_some_and(|r| r == now) {
            // A new process on the same database.
            store.close().await;
            store = app.reopen().await;
            scheduler = Scheduler::new(store.clone());
        }
        if now == meeting {
            hold_planning_meeting(&Core::new(store.clone()), now).await;
        }
        tick_and_deliver(&scheduler, &rec, now).await;
        // Ticking twice at the same instant changes nothing.
        tick_and_deliver(&scheduler, &rec, now).await;
        now += Duration::hours(1);
    }
    rec
}

fn assert_quarter(rec: &Recording) {
    // Planning meeting: 7 days ahead, 1 day ahead, then overdue on days 1, 3, 7 and weekly (the
    // weekend moves day 3 to Monday, day 4), until held on day 6.
    let planning = rec.titled("rui", "Planning and follow-ups");
    let days: Vec<String> = planning.iter().map(|(at, _)| local_date(*at)).collect();
    assert_eq!(days, ["2027-01-07", "2027-01-13", "2027-01-15", "2027-01-18"]);
    assert_eq!(planning[0].1.lines, ["• Alfa: planning meeting due 2027-01-14 (in 7 days)"]);
    assert_eq!(planning[1].1.lines, ["• Alfa: planning meeting due tomorrow (2027-01-14)"]);
    assert_eq!(
        planning[3].1.lines,
        ["• Alfa: planning meeting OVERDUE since 2027-01-14 (4 days) · /meeting Alfa DATE books it"]
    );
    assert!(planning.iter().all(|(at, _)| at.with_timezone(&chrono_tz::America::Sao_Paulo).hour() == 8));

    // No contact for longer than the cadence: the owner once; never long enough to escalate.
    let stale = rec.titled("rui", "Key accounts without recent contact");
    assert_eq!(stale.len(), 1);
    assert_eq!(local_date(stale[0].0), "2027-01-15");
    assert_eq!(stale[0].1.lines, ["• Alfa: never contacted (cadence 90 days)"]);
    assert!(rec.titled("mia", "Key accounts without recent contact").is_empty());

    // Yearly review: 30, 7 and 1 days ahead, to the owner and the manager, with the four
    // questions. The day before is Carnival (Tuesday 2027-02-09, a holiday): no reminders run, and
    // the last one comes on the day itself.
    for who in ["rui", "mia"] {
        let reviews = rec.titled(who, "Yearly account-plan reviews coming");
        let days: Vec<String> = reviews.iter().take(3).map(|(at, _)| local_date(*at)).collect();
        assert_eq!(days, ["2027-01-11", "2027-02-03", "2027-02-10"], "{who}");
        assert_eq!(reviews[0].1.lines[0], "• Beta: yearly review on 2027-02-10 (in 30 days)");
        assert_eq!(reviews[2].1.lines[0], "• Beta: yearly review today (2027-02-10)");
        let text = reviews[0].1.to_text();
        for q in ["long-term objectives", "demonstrating the value", "change next year", "deeply embedded"] {
            assert!(text.contains(q), "{q}");
        }
    }

    // The weekly digest: Mondays 08:00, the manager only.
    let digests = rec.titled("mia", "Weekly portfolio digest");
    assert_eq!(digests.len(), 13);
    assert!(digests.iter().all(|(at, _)| {
        let local = at.with_timezone(&chrono_tz::America::Sao_Paulo);
        local.weekday() == Weekday::Mon && local.hour() == 8
    }));
    assert!(rec.titled("rui", "Weekly portfolio digest").is_empty());
    assert!(rec.to("rui").iter().chain(rec.to("mia").iter()).all(|(at, _)| {
        let day = local_date(*at);
        day != "2027-02-09" || at.with_timezone(&chrono_tz::America::Sao_Paulo).weekday() == Weekday::Mon
    }));

    // Never recorded, the review stays with its owner, backing off: days 1, 3 (a Monday: 5), 7,
    // then weekly.
    let overdue: Vec<String> =
        rec.titled("rui", "Yearly account-plan reviews coming").iter().skip(3).map(|(at, _)| local_date(*at)).collect();
    assert_eq!(
        overdue,
        [
            "2027-02-11",
            "2027-02-15",
            "2027-02-17",
            "2027-02-24",
            "2027-03-03",
            "2027-03-10",
            "2027-03-17",
            "2027-03-24",
            "2027-03-31"
        ]
    );
    assert_eq!(rec.titled("mia", "Yearly account-plan reviews coming").len(), 3, "the manager sees it in the digest");
    let third = digests[2].1.to_text();
    assert!(third.contains("Planning meetings: 0 held this week, 1 overdue"), "{third}");
    assert!(third.contains("• Alfa 34/100 · never contacted → /prep Alfa"), "{third}");
    assert!(third.contains("What changed since 2027-01-11  nothing: a quiet week"), "{third}");
    let fourth = digests[3].1.to_text();
    assert!(fourth.contains("share 20.0% (unchanged since 2027-01-18)"), "{fourth}");
    assert!(fourth.contains("Planning meetings: 1 held this week, 0 overdue"), "{fourth}");
    assert!(fourth.contains("• Health: Alfa 34→53\n"), "the meeting logged that week: {fourth}");
    assert!(fourth.contains("• Planning meetings held: Alfa\n"), "{fourth}");
    for (_, digest) in &digests {
        assert!(digest.to_text().lines().count() <= 25, "{}", digest.to_text());
    }

    // Nothing else, and nothing twice.
    assert_eq!(rec.sent.lock().unwrap().len(), 4 + 1 + 12 + 3 + 13);
}

#[tokio::test]
async fn a_simulated_quarter_sends_exactly_the_expected_messages() {
    let app = spawn_app().await;
    small_portfolio(&app).await;
    let rec = simulate_quarter(&app, None).await;
    assert_quarter(&rec);
    let counts = app.store.outbox_counts(None).await.unwrap();
    assert_eq!((counts.pending, counts.delivered, counts.failed), (0, 33, 0));
}

#[tokio::test]
async fn a_restart_in_the_middle_sends_no_duplicate() {
    let app = spawn_app().await;
    small_portfolio(&app).await;
    let rec = simulate_quarter(&app, Some(sp(2027, 1, 13, 8, 0))).await;
    assert_quarter(&rec);
}

#[tokio::test]
async fn a_three_day_outage_sends_each_missed_job_once() {
    let app = spawn_app().await;
    small_portfolio(&app).await;
    let rec = Recording::default();
    let scheduler = Scheduler::new(app.store.clone());
    tick_and_deliver(&scheduler, &rec, sp(2027, 1, 5, 9, 0)).await; // Tuesday, after 08:00
    // Down from Tuesday 09:00 to Friday 07:00: Wednesday's and Thursday's 08:00 runs were missed.
    let resumed = sp(2027, 1, 8, 7, 0);
    *rec.now.lock().unwrap() = resumed;
    let ran = scheduler.tick(resumed).await.unwrap();
    let mut jobs: Vec<&str> = ran.iter().map(|r| r.job.name()).collect();
    jobs.sort();
    assert_eq!(jobs, ["planning_reminders", "stale_contact", "yearly_review"], "each missed job once");
    assert!(ran.iter().all(|r| r.scheduled_for == sp(2027, 1, 7, 8, 0)), "the latest missed occurrence");
    scheduler.deliver(resumed, &rec.notifiers()).await.unwrap();
    // Thursday's occurrence finds Alfa 7 days from its planning meeting.
    assert_eq!(rec.titled("rui", "Planning and follow-ups").len(), 1);
    // The same instant again, and Friday's own run later, do not repeat it.
    assert!(scheduler.tick(resumed).await.unwrap().is_empty());
    let friday = scheduler.tick(sp(2027, 1, 8, 8, 0)).await.unwrap();
    assert_eq!(friday.len(), 3);
    scheduler.deliver(sp(2027, 1, 8, 8, 0), &rec.notifiers()).await.unwrap();
    assert_eq!(rec.titled("rui", "Planning and follow-ups").len(), 1, "the 7-day reminder is given once");
}

#[tokio::test]
async fn after_a_long_outage_nothing_older_than_the_grace_period_fires() {
    let app = spawn_app().await;
    small_portfolio(&app).await;
    let scheduler = Scheduler::new(app.store.clone());
    scheduler.tick(sp(2027, 1, 4, 9, 0)).await.unwrap();
    // Back on Saturday: Friday 08:00 is 25 hours old.
    let ran = scheduler.tick(sp(2027, 1, 9, 9, 0)).await.unwrap();
    assert!(ran.is_empty(), "{ran:?}");
}

async fn new_york(app: &TestApp, job: &str, cron: &str) {
    let ws = app.workspace_id("local").await;
    let mut tx = app.store.write().await.unwrap();
    tx.set_time_zone(ws, "America/New_York").await.unwrap();
    for other in ["planning_reminders", "yearly_review", "stale_contact", "weekly_digest"] {
        tx.set_job_schedule(ws, other, cron, other == job).await.unwrap();
    }
    tx.commit().await.unwrap();
}

async fn runs_between(
    scheduler: &Scheduler,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    step: Duration,
) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    let mut now = from;
    while now <= to {
        out.extend(scheduler.tick(now).await.unwrap().into_iter().map(|r| r.scheduled_for));
        now += step;
    }
    out
}

#[tokio::test]
async fn new_york_fall_back_hour_fires_once() {
    let app = spawn_app().await;
    new_york(&app, "stale_contact", "30 1 * * *").await;
    let scheduler = Scheduler::new(app.store.clone());
    let runs = runs_between(
        &scheduler,
        Utc.with_ymd_and_hms(2026, 10, 31, 12, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2026, 11, 2, 12, 0, 0).unwrap(),
        Duration::minutes(15),
    )
    .await;
    // The first tick catches up October 31st's run (within the grace period); then 01:30 EDT on
    // November 1st (not again at 01:30 EST), then 01:30 EST on the 2nd.
    assert_eq!(
        runs,
        [
            Utc.with_ymd_and_hms(2026, 10, 31, 5, 30, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 11, 1, 5, 30, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 11, 2, 6, 30, 0).unwrap()
        ]
    );
}

#[tokio::test]
async fn new_york_spring_forward_gap_fires_right_after() {
    let app = spawn_app().await;
    new_york(&app, "stale_contact", "30 2 * * *").await;
    let scheduler = Scheduler::new(app.store.clone());
    let runs = runs_between(
        &scheduler,
        Utc.with_ymd_and_hms(2026, 3, 7, 12, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2026, 3, 9, 12, 0, 0).unwrap(),
        Duration::minutes(15),
    )
    .await;
    // After the first tick's catch-up of March 7th: 02:30 does not exist on March 8th, so it fires
    // at 03:00 EDT, once; then 02:30 EDT on the 9th.
    assert_eq!(
        runs,
        [
            Utc.with_ymd_and_hms(2026, 3, 7, 7, 30, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 3, 8, 7, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 3, 9, 6, 30, 0).unwrap()
        ]
    );
}

#[tokio::test]
async fn sao_paulo_keeps_eight_oclock_all_year() {
    let app = spawn_app().await;
    let scheduler = Scheduler::new(app.store.clone());
    app.workspace_id("local").await;
    // Across the dates the southern-hemisphere daylight saving used to start and end.
    let runs = runs_between(&scheduler, sp(2026, 10, 30, 0, 0), sp(2026, 11, 10, 0, 0), Duration::hours(1)).await;
    let digests: Vec<&DateTime<Utc>> = runs.iter().filter(|r| r.weekday() == Weekday::Mon).collect();
    assert!(!digests.is_empty());
    assert!(runs.iter().all(|r| r.hour() == 11 && r.minute() == 0), "{runs:?}");
}

/// Fails the first `fail` deliveries, for good when `permanent`.
struct Flaky {
    fail: Mutex<usize>,
    permanent: bool,
    delivered: Mutex<usize>,
}

impl Notifier for Flaky {
    fn deliver<'a>(&'a self, to: &'a Recipient, _reply: &'a Reply) -> Delivery<'a> {
        let mut fail = self.fail.lock().unwrap();
        let result = if *fail > 0 {
            *fail -= 1;
            Err(Undelivered {
                recipient: to.clone(),
                reason: "503 Service Unavailable".into(),
                attempts: 1,
                permanent: self.permanent,
            })
        } else {
            *self.delivered.lock().unwrap() += 1;
            Ok(())
        };
        Box::pin(async move { result })
    }
}

#[tokio::test]
async fn a_failing_notifier_is_retried_and_nothing_is_lost() {
    let app = spawn_app().await;
    small_portfolio(&app).await;
    let scheduler = Scheduler::new(app.store.clone());
    let monday = sp(2027, 1, 11, 8, 0);
    scheduler.tick(monday).await.unwrap();
    let queued = app.store.outbox_counts(None).await.unwrap().pending;
    assert_eq!(queued, 4, "Alfa's planning reminder to Rui, Beta's review reminder to Rui and Mia, Mia's digest");

    let flaky = Arc::new(Flaky { fail: Mutex::new(4), permanent: false, delivered: Mutex::new(0) });
    let notifiers = Notifiers::only(flaky.clone());
    let mut now = monday;
    for _ in 0..30 {
        scheduler.deliver(now, &notifiers).await.unwrap();
        now += Duration::minutes(1);
    }
    let counts = app.store.outbox_counts(None).await.unwrap();
    assert_eq!((counts.pending, counts.delivered, counts.failed), (0, 4, 0));
    assert_eq!(*flaky.delivered.lock().unwrap(), 4);
}

#[tokio::test]
async fn a_refused_message_is_kept_as_failed_and_reported() {
    let app = spawn_app().await;
    small_portfolio(&app).await;
    let scheduler = Scheduler::new(app.store.clone());
    let monday = sp(2027, 1, 11, 8, 0);
    scheduler.tick(monday).await.unwrap();
    let flaky = Arc::new(Flaky { fail: Mutex::new(1), permanent: true, delivered: Mutex::new(0) });
    let report = scheduler.deliver(monday, &Notifiers::only(flaky)).await.unwrap();
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.delivered.len(), 3);
    let counts = app.store.outbox_counts(None).await.unwrap();
    assert_eq!((counts.pending, counts.delivered, counts.failed), (0, 3, 1));
    // Expired messages are not sent either.
    scheduler.tick(sp(2027, 1, 12, 8, 0)).await.unwrap();
    let late = scheduler.deliver(sp(2027, 1, 20, 8, 0), &Notifiers::only(Arc::new(AcceptingNotifier))).await.unwrap();
    assert!(late.delivered.is_empty());
}

#[tokio::test]
async fn preview_shows_without_sending_or_recording() {
    let app = spawn_app().await;
    small_portfolio(&app).await;
    let scheduler = Scheduler::new(app.store.clone());
    let previews = scheduler.preview(sp(2027, 1, 6, 0, 0), sp(2027, 1, 14, 0, 0)).await.unwrap();
    let planning: Vec<_> =
        previews.iter().filter(|p| p.job.name() == "planning_reminders" && !p.messages.is_empty()).collect();
    assert_eq!(planning.len(), 2, "7 days and 1 day ahead");
    assert!(app.store.last_job_run(1, "planning_reminders").await.unwrap().is_none());
    assert_eq!(app.store.outbox_counts(None).await.unwrap().pending, 0);
    // The real run afterwards still sends them.
    let ran = scheduler.tick(sp(2027, 1, 7, 8, 0)).await.unwrap();
    assert!(ran.iter().any(|r| r.job.name() == "planning_reminders" && r.messages == 1));
}

/// Runs the scheduler at 08:00 and 12:00 of every day from `from` for `days` days, and `act` at
/// each noon before the tick.
async fn run_days(scheduler: &Scheduler, rec: &Recording, from: DateTime<Utc>, days: i64) {
    for d in 0..days {
        for hour in [8, 12] {
            tick_and_deliver(scheduler, rec, from + Duration::days(d) + Duration::hours(hour)).await;
        }
    }
}

fn rui_at(now: DateTime<Utc>) -> Invocation {
    Invocation {
        workspace: "local".into(),
        platform: Platform::Terminal,
        user_id: "rui".into(),
        display_name: "Rui Rep".into(),
        name_is_handle: false,
        locale: None,
        workspace_locale: None,
        now,
        source_id: None,
    }
}

/// The planning loop over a month: a booked planning meeting is the next one (no due or overdue
/// reminders for it), its owner gets its brief the working day before, and is asked how it went
/// when nothing is logged; a next step given as "sexta" is reminded that Friday, then backs off.
#[tokio::test]
async fn a_booked_meeting_its_brief_its_follow_up_and_next_steps() {
    let app = spawn_app().await;
    small_portfolio(&app).await;
    let core = Core::new(app.store.clone());
    let rec = Recording::default();
    let scheduler = Scheduler::new(app.store.clone());

    // Monday 2027-01-04: Alfa's planning meeting falls due on 01-14; Rui books it for Wednesday
    // 01-20 (after the cadence) and logs a call with Beta whose next step is due "sexta" (01-08).
    let monday = sp(2027, 1, 4, 7, 0);
    let booked = core.run_line(&rui_at(monday), "/meeting Alfa \"20/01 10h\" --kind planejamento").await;
    assert!(!booked.is_error(), "{}", booked.to_text());
    let logged = core
        .run_line(&rui_at(monday), "/log Beta call \"Pediram proposta\" --next \"Enviar proposta\" --due sexta")
        .await;
    assert!(logged.to_text().contains("#1 Enviar proposta · due Fri 2027-01-08"), "{}", logged.to_text());
    let card = core.run_line(&rui_at(monday), "/account Alfa").await;
    assert!(card.to_text().contains("2027-01-20 (booked, in 16 days)"), "{}", card.to_text());

    run_days(&scheduler, &rec, sp(2027, 1, 4, 0, 0), 36).await;
    let loop_messages = rec.titled("rui", "Planning and follow-ups");
    let lines: Vec<(String, String)> =
        loop_messages.iter().flat_map(|(at, r)| r.lines.iter().map(move |l| (local_date(*at), l.clone()))).collect();
    let about = |account: &str| -> Vec<(String, String)> {
        lines.iter().filter(|(_, l)| l.starts_with(&format!("• {account}:"))).cloned().collect()
    };

    // Alfa: no "due" or "overdue" reminder, the brief on Tuesday 01-19, then the follow-up on
    // Thursday 01-21, once; two weeks after the meeting, still nothing logged, it is overdue.
    let alfa = about("Alfa");
    assert_eq!(alfa.len(), 3, "{alfa:?}");
    assert_eq!(alfa[0].0, "2027-01-19");
    assert_eq!(alfa[0].1, "• Alfa: planning meeting on Wed 2027-01-20 at 10:00 · /prep Alfa");
    assert_eq!(alfa[1].0, "2027-01-21");
    assert_eq!(alfa[1].1, "• Alfa: how did the planning meeting of 2027-01-20 go? /log Alfa planning \"…\" records it");
    // Its "Done" button logs the meeting as held, once however often it is pressed.
    let follow_up =
        loop_messages.iter().find(|(_, r)| r.to_text().contains("how did")).map(|(_, r)| r.clone()).unwrap();
    let done = follow_up.actions.iter().find(|a| a.id.starts_with("run:/done Alfa")).unwrap();
    assert_eq!(done.id, "run:/done Alfa --meeting 1");
    let before = app.counts("local").await.interactions;
    let first = core.press(&rui_at(sp(2027, 2, 8, 9, 0)), &done.id).await;
    assert_eq!(first.title.as_deref(), Some("Logged: meeting #1 with Alfa was held"), "{}", first.to_text());
    let second = core.press(&rui_at(sp(2027, 2, 8, 9, 1)), &done.id).await;
    assert_eq!(second.title.as_deref(), Some("Meeting #1 with Alfa is logged already: nothing to do."));
    assert_eq!(app.counts("local").await.interactions, before + 1);
    let card = core.run_line(&rui_at(sp(2027, 2, 8, 9, 2)), "/account Alfa").await;
    assert!(
        card.to_text().contains("Next planning meeting  2027-04-20"),
        "held on 01-20, cadence 90: {}",
        card.to_text()
    );
    assert_eq!(alfa[2].0, "2027-02-04");
    assert!(alfa[2].1.contains("planning meeting OVERDUE since 2027-01-20 (15 days)"), "{alfa:?}");

    // Beta's commitment: the working day before it is due (Thursday 01-07), on Friday 01-08, then
    // overdue on Monday 01-11 (day 3; day 1 was a Saturday), 01-15 (day 7), and weekly.
    let beta: Vec<String> = about("Beta").into_iter().map(|(d, _)| d).collect();
    assert_eq!(
        beta,
        ["2027-01-07", "2027-01-08", "2027-01-11", "2027-01-15", "2027-01-22", "2027-01-29", "2027-02-05"]
    );
    assert_eq!(about("Beta")[1].1, "• Beta: #1 “Enviar proposta” due today · /done 1 when it is done");
    assert!(about("Beta")[2].1.contains("OVERDUE since Fri 2027-01-08 (3 days)"), "{:?}", about("Beta"));
    assert!(loop_messages.iter().all(|(at, _)| at.with_timezone(&chrono_tz::America::Sao_Paulo).hour() == 8));
}

/// Logging the meeting closes the loop: no follow-up, and the clock restarts from it. A later log
/// does not close a commitment: it is reminded until `/done` closes it.
#[tokio::test]
async fn holding_the_booked_meeting_restarts_the_clock_and_asks_nothing() {
    let app = spawn_app().await;
    small_portfolio(&app).await;
    let core = Core::new(app.store.clone());
    let rec = Recording::default();
    let scheduler = Scheduler::new(app.store.clone());
    let monday = sp(2027, 1, 4, 7, 0);
    core.run_line(&rui_at(monday), "/meeting Alfa \"20/01 10h\" --kind planning").await;
    core.run_line(&rui_at(monday), "/log Beta call \"Pediram proposta\" --next \"Enviar proposta\" --due sexta").await;
    run_days(&scheduler, &rec, sp(2027, 1, 4, 0, 0), 7).await;
    // Friday 01-08 noon: an email to Beta about something else; the proposal is still to send.
    core.run_line(&rui_at(sp(2027, 1, 8, 12, 30)), "/log Beta email \"Agradeci a visita\"").await;
    run_days(&scheduler, &rec, sp(2027, 1, 11, 0, 0), 1).await;
    // Monday 01-11 noon: the proposal went out, and Rui says so.
    let done = core.run_line(&rui_at(sp(2027, 1, 11, 12, 0)), "/done 1").await;
    assert_eq!(done.title.as_deref(), Some("Done at Beta: #1 “Enviar proposta”"), "{}", done.to_text());
    let again = core.run_line(&rui_at(sp(2027, 1, 11, 12, 1)), "/done 1").await;
    assert_eq!(again.title.as_deref(), Some("Commitment #1 is done already: nothing to do."));
    run_days(&scheduler, &rec, sp(2027, 1, 12, 0, 0), 8).await;
    // Wednesday 01-20 noon: the meeting was held.
    let held = core.run_line(&rui_at(sp(2027, 1, 20, 12, 30)), "/log Alfa planning \"Plano 2027\"").await;
    assert!(!held.is_error(), "{}", held.to_text());
    run_days(&scheduler, &rec, sp(2027, 1, 21, 0, 0), 14).await;
    let text: Vec<String> = rec.titled("rui", "Planning and follow-ups").iter().map(|(_, r)| r.to_text()).collect();
    assert!(!text.iter().any(|t| t.contains("how did")), "{text:?}");
    let reminded: Vec<&String> = text.iter().filter(|t| t.contains("Enviar proposta")).collect();
    assert_eq!(reminded.len(), 3, "the day before, the day, and overdue until done: {reminded:?}");
    assert!(reminded[2].contains("OVERDUE since Fri 2027-01-08 (3 days)"), "{reminded:?}");
    let card = core.run_line(&rui_at(sp(2027, 2, 4, 9, 0)), "/account Alfa").await;
    assert!(card.to_text().contains("Next planning meeting  2027-04-20 (in 75 days)"), "{}", card.to_text());
}

/// Two commitments at one account, the second logged after the first: both stay open and both
/// are reminded on their day; closing one by its number leaves the other reminded; a plan goal
/// with a due day is reminded too, with the command that marks it met.
#[tokio::test]
async fn every_commitment_and_goal_is_reminded_until_it_is_closed() {
    let app = spawn_app().await;
    small_portfolio(&app).await;
    let core = Core::new(app.store.clone());
    let rec = Recording::default();
    let scheduler = Scheduler::new(app.store.clone());
    let monday = sp(2027, 1, 4, 7, 0);
    let first = core
        .run_line(&rui_at(monday), "/log Beta call \"Piloto\" --next \"Enviar proposta do piloto\" --due sexta")
        .await;
    assert!(first.to_text().contains("#1 Enviar proposta do piloto · due Fri 2027-01-08"), "{}", first.to_text());
    let second = core
        .run_line(&rui_at(monday), "/log Beta email \"Mandei a apresentação\" --next \"Agendar visita\" --due sexta")
        .await;
    assert!(second.to_text().contains("#2 Agendar visita"), "{}", second.to_text());
    let goal = core.run_line(&rui_at(monday), "/plan Beta goal add \"Homologar a linha nova\" --due 2027-01-06").await;
    assert!(!goal.is_error(), "{}", goal.to_text());

    // `/done Beta` cannot tell which: it asks, with a button for each.
    let which = core.run_line(&rui_at(monday), "/done Beta").await;
    assert_eq!(
        which.title.as_deref(),
        Some("Beta has 2 open commitments: which one is done? /done N, with its number.")
    );
    let buttons: Vec<&str> = which.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(buttons, ["run:/done 1", "run:/done 2"]);
    let listed = core.run_line(&rui_at(monday), "/tasks").await;
    assert_eq!(listed.title.as_deref(), Some("Your open commitments (2)"), "{}", listed.to_text());

    run_days(&scheduler, &rec, sp(2027, 1, 4, 0, 0), 5).await;
    let text = |day: &str| -> String {
        rec.titled("rui", "Planning and follow-ups")
            .iter()
            .filter(|(at, _)| local_date(*at) == day)
            .map(|(_, r)| r.to_text())
            .collect::<Vec<_>>()
            .join("\n")
    };
    // The goal: the day before (Tuesday) and on its day (Wednesday).
    assert!(
        text("2027-01-05").contains("plan goal #1 “Homologar a linha nova” due tomorrow"),
        "{}",
        text("2027-01-05")
    );
    assert!(text("2027-01-06").contains("/plan Beta goal done 1 when it is met"), "{}", text("2027-01-06"));
    // Friday: both commitments, each with its own Done button.
    let friday = text("2027-01-08");
    assert!(friday.contains("#1 “Enviar proposta do piloto” due today"), "{friday}");
    assert!(friday.contains("#2 “Agendar visita” due today"), "{friday}");

    let done = core.run_line(&rui_at(sp(2027, 1, 8, 15, 0)), "/done 1").await;
    assert_eq!(done.title.as_deref(), Some("Done at Beta: #1 “Enviar proposta do piloto”"), "{}", done.to_text());
    run_days(&scheduler, &rec, sp(2027, 1, 9, 0, 0), 3).await;
    let monday_after = text("2027-01-11");
    assert!(monday_after.contains("#2 “Agendar visita” OVERDUE since Fri 2027-01-08 (3 days)"), "{monday_after}");
    assert!(!monday_after.contains("Enviar proposta do piloto"), "{monday_after}");
    let card = core.run_line(&rui_at(sp(2027, 1, 11, 15, 0)), "/account Beta").await;
    assert!(card.to_text().contains("Open commitments (1, 1 late)"), "{}", card.to_text());
}

/// Christmas 2026 and a workspace day off: reminders skip them and come on the next working day.
#[tokio::test]
async fn reminders_skip_christmas_and_the_workspaces_own_days_off() {
    let app = spawn_app().await;
    small_portfolio(&app).await;
    let core = Core::new(app.store.clone());
    let ws = app.workspace_id("local").await;
    app.store
        .set_role(
            ws,
            app.store.find_person(ws, "terminal", "mia").await.unwrap().unwrap().id,
            kam_bot::domain::account::Role::Admin,
        )
        .await
        .unwrap();
    let mia =
        Invocation { user_id: "mia".into(), display_name: "Mia Manager".into(), ..rui_at(sp(2026, 12, 21, 9, 0)) };
    let added = core.run_line(&mia, "/schedule holiday add 24/12 Véspera de Natal").await;
    assert_eq!(added.title.as_deref(), Some("Thu 2026-12-24 is a day off: no reminders are sent that day."));
    let listed = core.run_line(&mia, "/schedule holiday").await;
    assert!(listed.to_text().contains("Thu 2026-12-24 Véspera de Natal"), "{}", listed.to_text());
    let flagged = core.run_line(&mia, "/meeting Alfa \"25/12 10h\"").await;
    assert!(flagged.to_text().contains("⚠ Fri 2026-12-25 is a holiday (Christmas)."), "{}", flagged.to_text());
    core.run_line(&rui_at(sp(2026, 12, 21, 9, 0)), "/log Beta call \"x\" --next \"Ligar de novo\" --due 24/12").await;

    let scheduler = Scheduler::new(app.store.clone());
    let rec = Recording::default();
    run_days(&scheduler, &rec, sp(2026, 12, 21, 0, 0), 12).await;
    let days: BTreeSet<String> = rec.to("rui").iter().map(|(at, _)| local_date(*at)).collect();
    for off in ["2026-12-24", "2026-12-25", "2026-12-26", "2026-12-27", "2027-01-01"] {
        assert!(!days.contains(off), "{off}: {days:?}");
    }
    // The next step due on the 24th is told on the 23rd (the working day before it is not one).
    let step: Vec<String> = rec
        .titled("rui", "Planning and follow-ups")
        .iter()
        .filter(|(_, r)| r.to_text().contains("Ligar de novo"))
        .map(|(at, _)| local_date(*at))
        .collect();
    assert_eq!(step.first().map(String::as_str), Some("2026-12-23"), "{step:?}");
}

/// "Snooze 1 week": no reminders about the account until the day it ends, then they resume.
#[tokio::test]
async fn a_snoozed_account_is_quiet_for_the_week() {
    let app = spawn_app().await;
    small_portfolio(&app).await;
    let core = Core::new(app.store.clone());
    let monday = sp(2027, 1, 4, 7, 0);
    core.run_line(&rui_at(monday), "/log Beta call \"Pediram proposta\" --next \"Enviar proposta\" --due sexta").await;
    let snoozed = core.run_line(&rui_at(monday), "/snooze Beta").await;
    assert_eq!(snoozed.title.as_deref(), Some("No reminders about Beta until Mon 2027-01-11."));
    let again = core.run_line(&rui_at(monday), "/snooze Beta").await;
    assert_eq!(again.title.as_deref(), Some("Reminders about Beta are already quiet until Mon 2027-01-11."));
    let scheduler = Scheduler::new(app.store.clone());
    let rec = Recording::default();
    run_days(&scheduler, &rec, sp(2027, 1, 4, 0, 0), 14).await;
    let beta: Vec<String> = rec
        .titled("rui", "Planning and follow-ups")
        .iter()
        .filter(|(_, r)| r.to_text().contains("Beta:"))
        .map(|(at, _)| local_date(*at))
        .collect();
    // Due Friday 01-08 (quiet), overdue day 3 on Monday 01-11 (still quiet: the snooze ends that
    // day), then day 7 on Friday 01-15.
    assert_eq!(beta, ["2027-01-15"], "{beta:?}");
}
