//! The reminder jobs: planning meetings coming or overdue, yearly reviews coming (with the four
//! questions), and accounts without contact. Each reminder is marked when given, so a restart, a
//! second tick or a catch-up after downtime never gives it twice; each person gets one message per
//! run, whatever the number of accounts. What is due is read outside any write transaction; only
//! the marking, which decides what is given, happens inside the one that queues the messages.

use crate::i18n::ReminderMsg;
use crate::i18n::Translate;
use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::core::{Reply, Tone};
use crate::domain::calendar::Calendar;
use crate::domain::text::quoted;
use crate::i18n::{Locale, MeetingBrief, Msg, TaskMsg};
use crate::store::{Store, StoreError};

/// One reminder line about an account, and what its "Done" button runs, if it has one.
#[derive(Debug, Clone)]
pub struct Reminder {
    pub account_id: i64,
    pub account: String,
    pub line: Msg,
    /// The command that carries out what the line asks (closing a next step, logging a meeting).
    pub done: Option<String>,
    /// The label of the button that runs `done`, when it is not "ACCOUNT: done".
    pub done_label: Option<Msg>,
}

impl Reminder {
    fn new(account_id: i64, account: &str, line: Msg) -> Reminder {
        Reminder { account_id, account: account.to_string(), line, done: None, done_label: None }
    }

    fn labelled(mut self, label: Msg) -> Reminder {
        self.done_label = Some(label);
        self
    }

    fn done(mut self, command: String) -> Reminder {
        self.done = Some(command);
        self
    }
}

/// Reminders that are due, each with its mark: given only if the mark is new when the run
/// queues its messages.
#[derive(Debug, Default)]
pub struct Candidates {
    due: Vec<((i64, String), i64, Reminder)>,
}

impl Candidates {
    fn add(&mut self, mark: (i64, String), person: i64, reminder: Reminder) {
        self.due.push((mark, person, reminder));
    }

    /// Every (account, mark) pair, once each.
    pub fn marks(&self) -> Vec<(i64, String)> {
        let mut marks: Vec<(i64, String)> = Vec::new();
        for (mark, _, _) in &self.due {
            if !marks.contains(mark) {
                marks.push(mark.clone());
            }
        }
        marks
    }

    /// The people the reminders are for.
    pub fn people(&self) -> std::collections::BTreeSet<i64> {
        self.due.iter().map(|(_, person, _)| *person).collect()
    }

    /// The reminders whose mark is in `new`, by person.
    pub fn keep(self, new: &HashSet<(i64, String)>) -> Bundles {
        let mut bundles = Bundles::default();
        for (mark, person, reminder) in self.due {
            if new.contains(&mark) {
                bundles.lines.entry(person).or_default().push(reminder);
            }
        }
        bundles
    }
}

/// Lines for each person, in the order given.
#[derive(Debug, Default)]
pub struct Bundles {
    lines: BTreeMap<i64, Vec<Reminder>>,
}

impl Bundles {
    /// Each person's lines, without those about snoozed accounts.
    pub fn into_inner(self, snoozed: &HashSet<i64>) -> BTreeMap<i64, Vec<Reminder>> {
        self.lines
            .into_iter()
            .map(|(person, lines)| (person, lines.into_iter().filter(|r| !snoozed.contains(&r.account_id)).collect()))
            .filter(|(_, lines): &(i64, Vec<Reminder>)| !lines.is_empty())
            .collect()
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
    store: &Store,
    ws: i64,
    at: DateTime<Utc>,
    tz: Tz,
    calendar: &Calendar,
) -> Result<Candidates, StoreError> {
    let today = at.with_timezone(&tz).date_naive();
    let local = |t: DateTime<Utc>| t.with_timezone(&tz);
    let start = |day: NaiveDate| crate::core::standing::start_of(day, tz).unwrap_or(at);
    let horizon = today.checked_add_days(Days::new(7)).unwrap_or(today);
    let next_working = calendar.next_working_day(today);
    let mut due_now = Candidates::default();

    // A meeting booked, or held lately without being logged (its follow-up asks about it), stands
    // for the planning meeting.
    let booked_from = start(today) - Duration::days(FOLLOW_UP_DAYS);
    for a in store.planning_due(ws, horizon, booked_from).await? {
        let Some(due) = a.next_planning_due else { continue };
        let left = days(today, due);
        let (mark, line) = if left < 0 {
            let Some(step) = backoff_step(-left) else { continue };
            (
                format!("planning:{due}:overdue:{step}"),
                Msg::Reminders(ReminderMsg::RemindPlanningOverdue {
                    account: a.name.clone(),
                    due,
                    days: -left,
                    last_contact: a.last_contact_on,
                }),
            )
        } else if left <= 1 {
            (
                format!("planning:{due}:1d"),
                Msg::Reminders(ReminderMsg::RemindPlanningDue { account: a.name.clone(), due, days: left }),
            )
        } else {
            (
                format!("planning:{due}:7d"),
                Msg::Reminders(ReminderMsg::RemindPlanningDue { account: a.name.clone(), due, days: left }),
            )
        };
        due_now.add((a.id, mark), a.owner_id, Reminder::new(a.id, &a.name, line));
    }

    // Meetings up to the next working day, told the working day before.
    let tomorrow = today.checked_add_days(Days::new(1)).unwrap_or(today);
    let after_next = next_working.checked_add_days(Days::new(1)).unwrap_or(next_working);
    for m in store.meetings_to_remind(ws, start(tomorrow), start(after_next)).await? {
        let when = local(m.starts_at);
        let line = Msg::Reminders(ReminderMsg::RemindMeetingBefore(Box::new(MeetingBrief {
            account: m.account_name.clone(),
            kind: m.kind,
            day: when.date_naive(),
            time: when.format("%H:%M").to_string(),
            with: m.with_contacts.clone(),
            last_on: m.last_logged_at.map(|t| local(t).date_naive()),
            last_by: m.last_author.clone(),
            step: m.next_step.clone(),
            step_due: m.next_step_due,
        })));
        let reminder = Reminder::new(m.account_id, &m.account_name, line);
        due_now.add((m.account_id, format!("meeting:{}:before", m.id)), m.owner_id.unwrap_or(m.created_by), reminder);
    }

    // Meetings that have passed with nothing logged on the account since their day.
    for m in store.meetings_to_remind(ws, at - Duration::days(FOLLOW_UP_DAYS), at).await? {
        let day = local(m.starts_at).date_naive();
        if m.last_logged_at.is_some_and(|t| local(t).date_naive() >= day) {
            continue;
        }
        let line =
            Msg::Reminders(ReminderMsg::RemindMeetingFollowUp { account: m.account_name.clone(), kind: m.kind, day });
        // "Done" logs the meeting as held, once however often it is pressed.
        let done = format!("/done {} --meeting {}", quoted(&m.account_name), m.number);
        let reminder = Reminder::new(m.account_id, &m.account_name, line).done(done);
        let to = m.owner_id.unwrap_or(m.created_by);
        due_now.add((m.account_id, format!("meeting:{}:followup", m.id)), to, reminder);
    }

    // Commitments and plan goals: due by the next working day (told the day before and on the
    // day; a weekend's are told on the Friday), or overdue (backing off).
    let oldest = today.checked_sub_days(Days::new(STEP_DAYS)).unwrap_or(today);
    for goal in [false, true] {
        let rows = match goal {
            false => store.commitments_to_remind(ws, oldest, next_working).await?,
            true => store.goals_to_remind(ws, oldest, next_working).await?,
        };
        for item in rows {
            let over = days(item.due, today);
            let stage = match backoff_step(over) {
                Some(stage) => format!("overdue:{stage}"),
                None if over > 0 => continue,
                None if over == 0 => "due".to_string(),
                None => "before".to_string(),
            };
            let (mark, line, done, label) = if goal {
                let line = Msg::Reminders(ReminderMsg::RemindGoal {
                    account: item.account_name.clone(),
                    number: item.number,
                    goal: item.text,
                    due: item.due,
                    days: over,
                });
                let done = format!("/plan {} goal done {}", quoted(&item.account_name), item.number);
                (
                    format!("goal:{}:{stage}", item.id),
                    line,
                    done,
                    Msg::Tasks(TaskMsg::ButtonDone { number: item.number }),
                )
            } else {
                let line = Msg::Reminders(ReminderMsg::RemindStep {
                    account: item.account_name.clone(),
                    number: item.number,
                    step: item.text,
                    due: item.due,
                    days: over,
                });
                let done = format!("/done {}", item.number);
                (
                    format!("commitment:{}:{stage}", item.id),
                    line,
                    done,
                    Msg::Tasks(TaskMsg::ButtonDone { number: item.number }),
                )
            };
            let reminder = Reminder::new(item.account_id, &item.account_name, line).done(done).labelled(label);
            due_now.add((item.account_id, mark), item.owner_id, reminder);
        }
    }
    Ok(due_now)
}

/// Yearly reviews 30, 7 and 1 days ahead, to the owner and the owner's manager; once overdue, to
/// the owner on days 1, 3 and 7 and then weekly, until recorded (for a year at most).
pub async fn reviews(store: &Store, ws: i64, today: NaiveDate) -> Result<Candidates, StoreError> {
    let mut due_now = Candidates::default();
    let horizon = today.checked_add_days(Days::new(30)).unwrap_or(today);
    let oldest = today.checked_sub_days(Days::new(365)).unwrap_or(today);
    for a in store.reviews_due(ws, oldest, horizon).await? {
        let Some(date) = a.yearly_review_on else { continue };
        let left = days(today, date);
        if left < 0 {
            let Some(step) = backoff_step(-left) else { continue };
            let line = Msg::Reminders(ReminderMsg::RemindReviewOverdue { account: a.name.clone(), date, days: -left });
            due_now.add(
                (a.id, format!("review:{date}:overdue:{step}")),
                a.owner_id,
                Reminder::new(a.id, &a.name, line),
            );
            continue;
        }
        let stage = match left {
            ..=1 => "1d",
            2..=7 => "7d",
            _ => "30d",
        };
        let mark = (a.id, format!("review:{date}:{stage}"));
        let line = Msg::Reminders(ReminderMsg::RemindReviewLine { account: a.name.clone(), date, days: left });
        due_now.add(mark.clone(), a.owner_id, Reminder::new(a.id, &a.name, line.clone()));
        if let Some(manager) = a.owner_manager_id.filter(|m| *m != a.owner_id) {
            due_now.add(mark, manager, Reminder::new(a.id, &a.name, line));
        }
    }
    Ok(due_now)
}

/// Accounts whose last contact is older than their cadence (once per lapse), and, beyond twice the
/// cadence, the owner's manager too (once).
pub async fn stale(store: &Store, ws: i64, today: NaiveDate) -> Result<Candidates, StoreError> {
    let mut due_now = Candidates::default();
    for a in store.contact_stale(ws, today).await? {
        let Some(due) = a.contact_due_on else { continue };
        let since = a.last_contact_on.map(|d| days(d, today));
        let cadence = a.planning_cadence_days;
        let line = Msg::Reminders(ReminderMsg::RemindStaleLine { account: a.name.clone(), days: since, cadence });
        due_now.add((a.id, format!("stale:{due}")), a.owner_id, Reminder::new(a.id, &a.name, line));
        if let Some(manager) = a.owner_manager_id.filter(|_| days(due, today) > cadence) {
            let line =
                Msg::Reminders(ReminderMsg::RemindStaleEscalated { account: a.name.clone(), days: since, cadence });
            due_now.add((a.id, format!("stale:{due}:escalated")), manager, Reminder::new(a.id, &a.name, line));
        }
    }
    Ok(due_now)
}

/// How many accounts of a reminder get buttons (each a row: done, snooze, open card).
pub const BUTTON_ROWS: usize = 5;

/// A Done button: the command it runs and its own label (the account's "done" when none).
type DoneButton = (String, Option<Msg>);

/// The message of a bundle for one person, with a row of buttons for each of the first accounts.
pub fn message(title: Msg, lines: Vec<Reminder>, footer: Option<Vec<Msg>>, tone: Tone, locale: Locale) -> Reply {
    let mut reply = Reply::titled(locale.t(title)).tone(tone);
    let mut rows: Vec<(String, Vec<DoneButton>)> = Vec::new();
    for r in &lines {
        reply = reply.line(format!("• {}", locale.t(r.line.clone())));
        let done = r.done.clone().map(|d| (d, r.done_label.clone()));
        match rows.iter_mut().find(|(account, _)| *account == r.account) {
            // Buttons of their own for each thing to close (a row holds five: two stay for snooze
            // and the card).
            Some(row) => row.1.extend(done.filter(|(_, label)| label.is_some() && row.1.len() < 3)),
            None => rows.push((r.account.clone(), done.into_iter().collect())),
        }
    }
    for extra in footer.unwrap_or_default() {
        reply = reply.line(locale.t(extra));
    }
    for (group, (account, done)) in rows.into_iter().take(BUTTON_ROWS).enumerate() {
        let q = quoted(&account);
        for (done, label) in done {
            let label = label.unwrap_or_else(|| Msg::Reminders(ReminderMsg::ButtonDone { account: account.clone() }));
            reply = reply.action_in(group, format!("run:{done}"), locale.t(label));
        }
        reply = reply
            .action_in(
                group,
                format!("run:/snooze {q}"),
                locale.t(Msg::Reminders(ReminderMsg::ButtonSnooze { account: account.clone() })),
            )
            .action_in(
                group,
                format!("run:/account {q}"),
                locale.t(Msg::Reminders(ReminderMsg::ButtonCard { account })),
            );
    }
    reply
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overdue_reminders_back_off() {
        let steps: Vec<Option<i64>> = (0..=30).map(backoff_step).collect();
        let reminded: Vec<i64> =
            (0..=30).filter(|d| steps[*d as usize] != steps[(*d as usize).saturating_sub(1)] || *d == 1).collect();
        assert_eq!(reminded, [1, 3, 7, 14, 21, 28]);
        assert_eq!(backoff_step(0), None);
        assert_eq!(backoff_step(-3), None);
    }

    /// A reminder about many accounts: the first five get a row of buttons each (done where there
    /// is something to do, snooze, open card), and every button fits the platforms' limits.
    #[test]
    fn buttons_for_the_first_accounts_and_within_the_platforms_limits() {
        let lines: Vec<Reminder> = (0..8)
            .map(|i| {
                let account = format!("Metalúrgica Horizonte Sul {i}");
                let line = Msg::Reminders(ReminderMsg::RemindStep {
                    account: account.clone(),
                    number: i,
                    step: "Ligar".into(),
                    due: NaiveDate::MIN,
                    days: 0,
                });
                let r = Reminder::new(i, &account, line);
                if i % 2 == 0 { r.done(format!("/done {}", quoted(&account))) } else { r }
            })
            .collect();
        let reply = message(Msg::Reminders(ReminderMsg::RemindPlanningTitle), lines, None, Tone::Warning, Locale::PtBr);
        assert_eq!(reply.lines.len(), 8);
        let groups: std::collections::BTreeSet<usize> = reply.actions.iter().map(|a| a.group).collect();
        assert_eq!(groups.len(), BUTTON_ROWS);
        assert_eq!(reply.actions.len(), 3 + 2 + 3 + 2 + 3);
        assert_eq!(reply.actions[0].id, "run:/done \"Metalúrgica Horizonte Sul 0\"");
        assert_eq!(reply.actions[0].label, "Metalúrgica Horizonte Sul 0: feito");
        assert!(reply.actions.iter().all(|a| a.id.chars().count() <= 100 && a.label.chars().count() <= 75));
    }
}
