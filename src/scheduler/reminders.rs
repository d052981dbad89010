//! The reminder jobs: planning meetings coming or overdue, yearly reviews coming (with the four
//! questions), and accounts without contact. Each reminder is marked when given, so a restart, a
//! second tick or a catch-up after downtime never gives it twice; each person gets one message per
//! run, whatever the number of accounts.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::core::{Reply, Tone};
use crate::i18n::{Locale, Msg};
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

/// Planning meetings due within 7 days (told at 7 days and at 1 day) or overdue (told every run).
pub async fn planning(tx: &mut WriteTx, ws: i64, today: NaiveDate, at: DateTime<Utc>) -> Result<Bundles, StoreError> {
    let mut bundles = Bundles::default();
    let horizon = today.checked_add_days(Days::new(7)).unwrap_or(today);
    let mut due_now = Vec::new();
    for a in tx.planning_due(ws, horizon).await? {
        let Some(due) = a.next_planning_due else { continue };
        let left = days(today, due);
        let (mark, line) = if left < 0 {
            (
                format!("planning:{due}:overdue:{today}"),
                Msg::RemindPlanningOverdue { account: a.name.clone(), due, days: -left },
            )
        } else if left <= 1 {
            (format!("planning:{due}:1d"), Msg::RemindPlanningDue { account: a.name.clone(), due, days: left })
        } else {
            (format!("planning:{due}:7d"), Msg::RemindPlanningDue { account: a.name.clone(), due, days: left })
        };
        due_now.push(((a.id, mark), (a.owner_id, line)));
    }
    let marks: Vec<(i64, String)> = due_now.iter().map(|(m, _)| m.clone()).collect();
    let new = tx.mark_reminders(ws, &marks, at).await?;
    for (mark, (owner, line)) in due_now {
        if new.contains(&mark) {
            bundles.add(owner, line);
        }
    }
    Ok(bundles)
}

/// Yearly reviews 30, 7 and 1 days ahead, to the owner and the owner's manager.
pub async fn reviews(tx: &mut WriteTx, ws: i64, today: NaiveDate, at: DateTime<Utc>) -> Result<Bundles, StoreError> {
    let mut bundles = Bundles::default();
    let horizon = today.checked_add_days(Days::new(30)).unwrap_or(today);
    let due = tx.reviews_due(ws, today, horizon).await?;
    let mark_of = |date: NaiveDate| {
        let stage = match days(today, date) {
            ..=1 => "1d",
            2..=7 => "7d",
            _ => "30d",
        };
        format!("review:{date}:{stage}")
    };
    let marks: Vec<(i64, String)> = due.iter().filter_map(|a| Some((a.id, mark_of(a.yearly_review_on?)))).collect();
    let new = tx.mark_reminders(ws, &marks, at).await?;
    for a in due {
        let Some(date) = a.yearly_review_on else { continue };
        let left = days(today, date);
        if !new.contains(&(a.id, mark_of(date))) {
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
