//! The reminder jobs: planning meetings coming or overdue, yearly reviews coming (with the four
//! questions), and accounts without contact. Each reminder is marked when given, so a restart, a
//! second tick or a catch-up after downtime never gives it twice; each person gets one message per
//! run, whatever the number of accounts.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::core::{Reply, Tone};
use crate::domain::calendar::Calendar;
use crate::i18n::{Locale, MeetingBrief, Msg};
use crate::store::{StoreError, WriteTx};

/// Lines for each person, in the order given.
#[derive(Debug, Default)]
pub struct Bundles {
    lines: BTreeMap<i64, Vec<Msg>>,
}

impl Bundles {
    fn add(&mut self, person: i64, line: Msg) {
        self.lines.entry(person).or_default().push(line);
    }

    pub fn into_inner(self) -> BTreeMap<i64, Vec<Msg>> {
        self.lines
    }
}

fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// Which step of the back-off an overdue reminder is at: days 1, 3 and 7, then every week. Each
/// step is reminded once; a run between steps gives nothing, so a reminder never becomes noise.
pub fn backoff_step(overdue_days: i64) -> Option<i64> {
    match overdue_days {
        ..=0 => None,
        1..=2 => Some(1),
        3..=6 => Some(3),
        d => Some(d / 7 * 7),
    }
}

/// How long after a booked meeting its owner is asked how it went, if nothing was logged.
const FOLLOW_UP_DAYS: i64 = 14;
/// Next steps overdue longer than this are no longer reminded.
const STEP_DAYS: u64 = 90;

/// The planning loop of a working day, for each owner:
/// - planning meetings due within 7 days (told at 7 days and at 1 day) and not booked, or overdue
///   (told on days 1, 3, 7 and then weekly; not while a meeting of the last two weeks waits for
///   its follow-up);
/// - each booked meeting on the working day before it, with its brief;
/// - each booked meeting that has passed with nothing logged since: how did it go?
/// - next steps due (today, or before the next working day) and overdue (backing off).
pub async fn planning(
    tx: &mut WriteTx,
    ws: i64,
    at: DateTime<Utc>,
    tz: Tz,
    calendar: &Calendar,
) -> Result<Bundles, StoreError> {
    let today = at.with_timezone(&tz).date_naive();
    let local = |t: DateTime<Utc>| t.with_timezone(&tz);
    let start = |day: NaiveDate| crate::core::standing::start_of(day, tz).unwrap_or(at);
    let horizon = today.checked_add_days(Days::new(7)).unwrap_or(today);
    let next_working = calendar.next_working_day(today);
    let mut due_now: Vec<((i64, String), (i64, Msg))> = Vec::new();

    // A meeting booked, or held lately without being logged (its follow-up asks about it), stands
    // for the planning meeting.
    let booked_from = start(today) - Duration::days(FOLLOW_UP_DAYS);
    for a in tx.planning_due(ws, horizon, booked_from).await? {
        let Some(due) = a.next_planning_due else { continue };
        let left = days(today, due);
        let (mark, line) = if left < 0 {
            let Some(step) = backoff_step(-left) else { continue };
            (
                format!("planning:{due}:overdue:{step}"),
                Msg::RemindPlanningOverdue {
                    account: a.name.clone(),
                    due,
                    days: -left,
                    last_contact: a.last_contact_on,
                },
            )
        } else if left <= 1 {
            (format!("planning:{due}:1d"), Msg::RemindPlanningDue { account: a.name.clone(), due, days: left })
        } else {
            (format!("planning:{due}:7d"), Msg::RemindPlanningDue { account: a.name.clone(), due, days: left })
        };
        due_now.push(((a.id, mark), (a.owner_id, line)));
    }

    // Meetings up to the next working day, told the working day before.
    let tomorrow = today.checked_add_days(Days::new(1)).unwrap_or(today);
    let after_next = next_working.checked_add_days(Days::new(1)).unwrap_or(next_working);
    for m in tx.meetings_to_remind(ws, start(tomorrow), start(after_next)).await? {
        let when = local(m.starts_at);
        let line = Msg::RemindMeetingBefore(Box::new(MeetingBrief {
            account: m.account_name.clone(),
            kind: m.kind.clone(),
            day: when.date_naive(),
            time: when.format("%H:%M").to_string(),
            with: m.with_contacts.clone(),
            last_on: m.last_logged_at.map(|t| local(t).date_naive()),
            last_by: m.last_author.clone(),
            step: m.next_step.clone(),
            step_due: m.next_step_due,
        }));
        due_now.push(((m.account_id, format!("meeting:{}:before", m.id)), (m.owner_id.unwrap_or(m.created_by), line)));
    }

    // Meetings that have passed with nothing logged on the account since their day.
    for m in tx.meetings_to_remind(ws, at - Duration::days(FOLLOW_UP_DAYS), at).await? {
        let day = local(m.starts_at).date_naive();
        if m.last_logged_at.is_some_and(|t| local(t).date_naive() >= day) {
            continue;
        }
        let line = Msg::RemindMeetingFollowUp { account: m.account_name.clone(), kind: m.kind.clone(), day };
        due_now
            .push(((m.account_id, format!("meeting:{}:followup", m.id)), (m.owner_id.unwrap_or(m.created_by), line)));
    }

    // Next steps: due before the next working day, or overdue (backing off).
    let oldest = today.checked_sub_days(Days::new(STEP_DAYS)).unwrap_or(today);
    let last_due = next_working.pred_opt().unwrap_or(today);
    for step in tx.steps_to_remind(ws, oldest, last_due).await? {
        let over = days(step.due, today);
        let mark = match backoff_step(over) {
            Some(stage) => format!("step:{}:overdue:{stage}", step.interaction_id),
            None if over > 0 => continue,
            None => format!("step:{}:due", step.interaction_id),
        };
        let line =
            Msg::RemindStep { account: step.account_name.clone(), step: step.next_step, due: step.due, days: over };
        due_now.push(((step.account_id, mark), (step.owner_id, line)));
    }

    let marks: Vec<(i64, String)> = due_now.iter().map(|(m, _)| m.clone()).collect();
    let new = tx.mark_reminders(ws, &marks, at).await?;
    let mut bundles = Bundles::default();
    for (mark, (owner, line)) in due_now {
        if new.contains(&mark) {
            bundles.add(owner, line);
        }
    }
    Ok(bundles)
}

/// Yearly reviews 30, 7 and 1 days ahead, to the owner and the owner's manager; once overdue, to
/// the owner on days 1, 3 and 7 and then weekly, until recorded (for a year at most).
pub async fn reviews(tx: &mut WriteTx, ws: i64, today: NaiveDate, at: DateTime<Utc>) -> Result<Bundles, StoreError> {
    let mut bundles = Bundles::default();
    let horizon = today.checked_add_days(Days::new(30)).unwrap_or(today);
    let oldest = today.checked_sub_days(Days::new(365)).unwrap_or(today);
    let due = tx.reviews_due(ws, oldest, horizon).await?;
    let mark_of = |date: NaiveDate| {
        let left = days(today, date);
        if left < 0 {
            return backoff_step(-left).map(|step| format!("review:{date}:overdue:{step}"));
        }
        let stage = match left {
            ..=1 => "1d",
            2..=7 => "7d",
            _ => "30d",
        };
        Some(format!("review:{date}:{stage}"))
    };
    let marks: Vec<(i64, String)> = due.iter().filter_map(|a| Some((a.id, mark_of(a.yearly_review_on?)?))).collect();
    let new = tx.mark_reminders(ws, &marks, at).await?;
    for a in due {
        let Some(date) = a.yearly_review_on else { continue };
        let left = days(today, date);
        if !mark_of(date).is_some_and(|mark| new.contains(&(a.id, mark))) {
            continue;
        }
        if left < 0 {
            bundles.add(a.owner_id, Msg::RemindReviewOverdue { account: a.name.clone(), date, days: -left });
            continue;
        }
        bundles.add(a.owner_id, Msg::RemindReviewLine { account: a.name.clone(), date, days: left });
        if let Some(manager) = a.owner_manager_id.filter(|m| *m != a.owner_id) {
            bundles.add(manager, Msg::RemindReviewLine { account: a.name.clone(), date, days: left });
        }
    }
    Ok(bundles)
}

/// Accounts whose last contact is older than their cadence (once per lapse), and, beyond twice the
/// cadence, the owner's manager too (once).
pub async fn stale(tx: &mut WriteTx, ws: i64, today: NaiveDate, at: DateTime<Utc>) -> Result<Bundles, StoreError> {
    let mut bundles = Bundles::default();
    let stale = tx.contact_stale(ws, today).await?;
    let escalated = |a: &crate::store::DueAccount, due: NaiveDate| {
        a.owner_manager_id.filter(|_| days(due, today) > a.planning_cadence_days)
    };
    let mut marks: Vec<(i64, String)> = Vec::new();
    for a in &stale {
        let Some(due) = a.contact_due_on else { continue };
        marks.push((a.id, format!("stale:{due}")));
        if escalated(a, due).is_some() {
            marks.push((a.id, format!("stale:{due}:escalated")));
        }
    }
    let new = tx.mark_reminders(ws, &marks, at).await?;
    for a in &stale {
        let Some(due) = a.contact_due_on else { continue };
        let since = a.last_contact_on.map(|d| days(d, today));
        let cadence = a.planning_cadence_days;
        if new.contains(&(a.id, format!("stale:{due}"))) {
            bundles.add(a.owner_id, Msg::RemindStaleLine { account: a.name.clone(), days: since, cadence });
        }
        if let Some(manager) = escalated(a, due)
            && new.contains(&(a.id, format!("stale:{due}:escalated")))
        {
            bundles.add(manager, Msg::RemindStaleEscalated { account: a.name.clone(), days: since, cadence });
        }
    }
    Ok(bundles)
}

/// The message of a bundle for one person.
pub fn message(title: Msg, lines: Vec<Msg>, footer: Option<Vec<Msg>>, tone: Tone, locale: Locale) -> Reply {
    let mut reply = Reply::titled(locale.t(title)).tone(tone);
    for line in lines {
        reply = reply.line(format!("• {}", locale.t(line)));
    }
    for extra in footer.unwrap_or_default() {
        reply = reply.line(locale.t(extra));
    }
    reply
}
