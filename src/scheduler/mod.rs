//! Proactive planning: jobs on cron schedules per workspace, run once per occurrence, their
//! messages written to an outbox in the same transaction, and delivered with retries until
//! delivered or expired. Time always comes from the caller, so every rule is testable.
//!
//! One [`Scheduler::tick`] runs, for each workspace and job, the latest occurrence due since the
//! last one it ran (at most one, and none older than the grace period); [`Scheduler::deliver`]
//! sends what the outbox holds.

use crate::i18n::Translate;
pub mod reminders;

use crate::i18n::{PlanMsg, ReminderMsg};
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use tracing::{error, info, warn};

use crate::core::{Reply, Tone};
use crate::domain::calendar::Calendar;
use crate::domain::jobs::Job;
use crate::i18n::{Locale, Msg};
use crate::notify::{Notifier, Recipient};
use crate::store::{Addressee, Store, Workspace};

/// How often `serve` runs the scheduler (a tick, then delivery).
pub const TICK_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Connections of the scheduler's own pool in `serve`.
pub const POOL_SIZE: u32 = 2;

/// How many accounts' health scores one transaction of a digest run writes (7.6–8.8 ms of the
/// write lock on SQLite at 100 000 accounts, measured; BENCHMARKS.md).
const HEALTHS_A_WRITE: usize = 1_000;

/// How long an undelivered message is kept trying.
pub const OUTBOX_TTL: Duration = Duration::days(3);

/// A job occurrence that ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ran {
    pub workspace: String,
    pub job: Job,
    pub scheduled_for: DateTime<Utc>,
    /// Earlier occurrences missed during downtime and not run.
    pub skipped: i64,
    pub messages: usize,
}

/// What an occurrence would send.
#[derive(Debug, Clone)]
pub struct Preview {
    pub workspace: String,
    pub job: Job,
    pub at: DateTime<Utc>,
    /// The workspace's time zone, in which `at` is shown.
    pub tz: chrono_tz::Tz,
    pub messages: Vec<(String, Reply)>,
}

/// A message that was delivered.
#[derive(Debug, Clone)]
pub struct Delivered {
    pub to: String,
    pub platform: String,
    pub reply: Reply,
    /// Who it went to: the workspace and the person.
    pub workspace_id: i64,
    pub person_id: i64,
}

/// What one delivery pass did.
#[derive(Debug, Default)]
pub struct DeliveryReport {
    pub delivered: Vec<Delivered>,
    /// Failed this time, to be tried again later.
    pub retrying: usize,
    /// Given up: (recipient, reason).
    pub failed: Vec<(String, String)>,
}

/// The notifier of each platform; messages for a platform without one go to `fallback`.
#[derive(Clone)]
pub struct Notifiers {
    pub discord: Option<Arc<dyn Notifier>>,
    pub slack: Option<Arc<dyn Notifier>>,
    pub fallback: Arc<dyn Notifier>,
}

impl Notifiers {
    /// Everything to one notifier.
    pub fn only(notifier: Arc<dyn Notifier>) -> Notifiers {
        Notifiers { discord: None, slack: None, fallback: notifier }
    }

    fn for_platform(&self, platform: crate::domain::identity::Platform) -> &dyn Notifier {
        use crate::domain::identity::Platform;
        match (platform, &self.discord, &self.slack) {
            (Platform::Discord, Some(n), _) | (Platform::Slack, _, Some(n)) => n.as_ref(),
            _ => self.fallback.as_ref(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Scheduler {
    store: Store,
}

/// How long a delivery holds the messages it claimed: longer than a thousand deliveries take.
const DELIVERY_HOLD: Duration = Duration::minutes(5);

/// How long a run's claim on an occurrence holds: longer than composing the largest digest takes.
/// A run that dies leaves the claim to expire, and a later tick runs the occurrence.
const CLAIM_FOR: Duration = Duration::minutes(15);

/// Reminders composed, waiting for their marks to be checked.
struct Reminders {
    candidates: reminders::Candidates,
    title: Msg,
    footer: Option<Vec<Msg>>,
    tone: Tone,
    people: BTreeMap<i64, Addressee>,
    snoozed: HashSet<i64>,
}

/// A run's messages as composed outside the write transaction.
#[derive(Default)]
struct Draft {
    /// Messages sent whatever the marks say (digests, re-tiering).
    ready: Vec<(Addressee, Reply)>,
    /// Each manager's digest, whose state is kept when the run is queued.
    digests: Vec<(i64, crate::core::digest::Digest)>,
    reminders: Option<Reminders>,
}

impl Draft {
    fn marks(&self) -> Vec<(i64, String)> {
        self.reminders.as_ref().map(|r| r.candidates.marks()).unwrap_or_default()
    }

    /// The messages to send, given which reminder marks are new.
    fn messages(self, new: &HashSet<(i64, String)>, ws: &Workspace) -> Vec<(Addressee, Reply)> {
        let mut out = self.ready;
        let Some(r) = self.reminders else { return out };
        for (person_id, lines) in r.candidates.keep(new).into_inner(&r.snoozed) {
            let Some(person) = r.people.get(&person_id).cloned() else { continue };
            let locale = locale_of(&person, ws);
            let tone =
                if lines.iter().any(|l| matches!(l.line, Msg::Reminders(ReminderMsg::RemindPlanningOverdue { .. }))) {
                    Tone::Danger
                } else {
                    r.tone
                };
            out.push((person, reminders::message(r.title.clone(), lines, r.footer.clone(), tone, locale)));
        }
        out
    }
}

fn today_of(at: DateTime<Utc>, tz: Tz) -> chrono::NaiveDate {
    at.with_timezone(&tz).date_naive()
}

fn tz_of(ws: &Workspace) -> Tz {
    ws.time_zone.tz()
}

fn locale_of(person: &Addressee, ws: &Workspace) -> Locale {
    person.language.as_deref().and_then(Locale::parse).or_else(|| Locale::parse(&ws.language)).unwrap_or_default()
}

impl Scheduler {
    pub fn new(store: Store) -> Scheduler {
        Scheduler { store }
    }

    /// Takes over the job runs a previous leader left unfinished, for a process that has just
    /// come to lead: their claims end at `now`, so that this tick runs them. How many.
    pub async fn take_over(&self, now: DateTime<Utc>) -> anyhow::Result<u64> {
        let mut taken = 0;
        for id in self.store.workspace_ids().await? {
            let mut tx = self.store.write().await?;
            taken += tx.take_over_job_runs(id, now).await?;
            tx.commit().await?;
        }
        Ok(taken)
    }

    /// Runs every occurrence due at `now` that has not run yet: per workspace and job, the latest
    /// one since the last run and within the grace period, once.
    pub async fn tick(&self, now: DateTime<Utc>) -> anyhow::Result<Vec<Ran>> {
        let now = chrono::SubsecRound::trunc_subsecs(now, 0);
        let mut ran = Vec::new();
        for id in self.store.workspace_ids().await? {
            let Some(ws) = self.store.workspace_by_id(id).await? else { continue };
            let tz = tz_of(&ws);
            for schedule in self.store.schedules(ws.id).await?.into_iter().filter(|s| s.enabled) {
                let last = self.store.last_job_run(ws.id, schedule.job.name()).await?.map(|(at, _, _)| at);
                let from = last.map_or(now - schedule.grace, |l| l.max(now - schedule.grace));
                let due = schedule.cron.occurrences(tz, from, now, 100_000);
                let Some(&latest) = due.last() else { continue };
                let skipped = due.len() as i64 - 1;
                let run = self.run(&ws, tz, schedule.job, latest, now, skipped).await;
                if run.is_err() {
                    crate::metrics::global().job(schedule.job.name(), "failed");
                }
                if let Some(messages) = run? {
                    crate::metrics::global().job(schedule.job.name(), "ran");
                    info!(workspace = %ws.key, job = schedule.job.name(), %latest, skipped, messages, "job ran");
                    ran.push(Ran {
                        workspace: ws.key.clone(),
                        job: schedule.job,
                        scheduled_for: latest,
                        skipped,
                        messages,
                    });
                }
            }
        }
        Ok(ran)
    }

    /// Runs one occurrence: claims it, composes its messages from reads outside any write
    /// transaction, then marks its reminders, queues its messages and records it done in one short
    /// transaction. `None` when the occurrence had run already, or another run holds it.
    async fn run(
        &self,
        ws: &Workspace,
        tz: Tz,
        job: Job,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
        skipped: i64,
    ) -> anyhow::Result<Option<usize>> {
        let mut tx = self.store.write().await?;
        let claimed = tx.claim_job_run(ws.id, job.name(), at, now, now + CLAIM_FOR, skipped).await?;
        let Some(run_id) = claimed else { return Ok(None) };
        tx.commit().await?;
        let draft = match self.compose(ws, tz, job, at).await {
            Ok(draft) => draft,
            Err(e) => {
                self.release(run_id).await;
                return Err(e);
            }
        };
        match self.queue(ws, run_id, draft, at, now, today_of(at, tz)).await {
            Ok(queued) => Ok(queued),
            Err(e) => {
                self.release(run_id).await;
                Err(e)
            }
        }
    }

    /// The short transaction that ends a run: what it decides (which reminders are new, whether
    /// the claim still holds) is read inside it. A digest's health scores are written before it,
    /// in transactions of their own.
    async fn queue(
        &self,
        ws: &Workspace,
        run_id: i64,
        draft: Draft,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
        today: chrono::NaiveDate,
    ) -> anyhow::Result<Option<usize>> {
        // Today's health scores first, [`HEALTHS_A_WRITE`] a transaction, so that no transaction
        // holds the write lock for a whole workspace's accounts (100 000 take about half a
        // second). Each is an upsert of the day's score: a run that fails after them and is run
        // again writes the same rows again, and nothing decides on them.
        for (_, digest) in &draft.digests {
            for chunk in digest.scores.chunks(HEALTHS_A_WRITE) {
                let scores: Vec<(i64, i64)> = chunk.iter().map(|(a, s)| (*a, i64::from(*s))).collect();
                let mut tx = self.store.write().await?;
                tx.save_healths(ws.id, &scores, today).await?;
                tx.commit().await?;
            }
        }
        let mut tx = self.store.write().await?;
        // Marked at the occurrence, as before the run was split.
        let new = tx.mark_reminders(ws.id, &draft.marks(), at).await?;
        for (manager, digest) in &draft.digests {
            tx.save_digest(ws.id, *manager, &digest.snapshot).await?;
        }
        let messages = draft.messages(&new, ws);
        for (to, reply) in &messages {
            let payload = serde_json::to_string(&reply.clone().in_locale(locale_of(to, ws)))?;
            tx.enqueue(ws.id, Some(run_id), to, &payload, now, now + OUTBOX_TTL).await?;
        }
        if !tx.finish_job_run(run_id, messages.len() as i64).await? {
            warn!(workspace = %ws.key, run_id, "a job's claim expired before it finished; another run took it");
            return Ok(None);
        }
        tx.commit().await?;
        Ok(Some(messages.len()))
    }

    /// Gives up a claim after a failed run, so that the next tick tries again.
    async fn release(&self, run_id: i64) {
        let released = async {
            let mut tx = self.store.write().await?;
            tx.release_job_run(run_id).await?;
            tx.commit().await
        };
        if let Err(e) = released.await {
            error!(run_id, error = %e, "a failed job's claim could not be released; it expires by itself");
        }
    }

    /// What a job's occurrence at `at` would send, to whom, read through the pool without a
    /// write lock; reminders are sent only if their marks are new when the run is queued.
    async fn compose(&self, ws: &Workspace, tz: Tz, job: Job, at: DateTime<Utc>) -> anyhow::Result<Draft> {
        let today = today_of(at, tz);
        let days_off = self.store.days_off(ws.id).await?.into_iter().map(|d| d.day).collect();
        let calendar = Calendar::new(days_off);
        let mut draft = Draft::default();
        if job.on_working_days() && !calendar.is_working(today) {
            return Ok(draft);
        }
        let (candidates, title, footer, tone) = match job {
            Job::WeeklyDigest => {
                for manager in self.store.managers(ws.id).await? {
                    let locale = locale_of(&manager, ws);
                    let summary = crate::core::digest::Detail::Summary;
                    let digest =
                        crate::core::digest::build(&self.store, ws, tz, &manager, at, locale, summary, None).await?;
                    draft.ready.push((manager.clone(), digest.reply.clone()));
                    draft.digests.push((manager.id, digest));
                }
                return Ok(draft);
            }
            Job::Retiering => {
                let qualified = self.store.qualifications(ws.id).await?;
                for manager in self.store.managers(ws.id).await? {
                    let team: Vec<i64> = self.store.team(ws.id, manager.id).await?.iter().map(|p| p.id).collect();
                    let locale = locale_of(&manager, ws);
                    let of_team = qualified.iter().filter(|q| q.owner_id.is_some_and(|o| team.contains(&o)));
                    let lines = crate::core::retiering::lines(of_team, locale);
                    if !lines.is_empty() {
                        let mut reply = Reply::titled(locale.t(Msg::Plan(PlanMsg::RetierTitle))).tone(Tone::Warning);
                        for line in lines {
                            reply = reply.line(format!("• {line}"));
                        }
                        draft.ready.push((manager, reply.footer(locale.t(Msg::Reminders(ReminderMsg::RetierFooter)))));
                    }
                }
                return Ok(draft);
            }
            Job::PlanningReminders => {
                let c = reminders::planning(&self.store, ws.id, at, tz, &calendar).await?;
                (c, Msg::Reminders(ReminderMsg::RemindPlanningTitle), None, Tone::Warning)
            }
            Job::YearlyReview => {
                let c = reminders::reviews(&self.store, ws.id, today).await?;
                let questions = vec![
                    Msg::Reminders(ReminderMsg::ReviewQuestionsIntro),
                    Msg::Reminders(ReminderMsg::ReviewQuestion(1)),
                    Msg::Reminders(ReminderMsg::ReviewQuestion(2)),
                    Msg::Reminders(ReminderMsg::ReviewQuestion(3)),
                    Msg::Reminders(ReminderMsg::ReviewQuestion(4)),
                ];
                (c, Msg::Reminders(ReminderMsg::RemindReviewTitle), Some(questions), Tone::Warning)
            }
            Job::StaleContact => {
                let c = reminders::stale(&self.store, ws.id, today).await?;
                (c, Msg::Reminders(ReminderMsg::RemindStaleTitle), None, Tone::Danger)
            }
        };
        let mut people = BTreeMap::new();
        for id in candidates.people() {
            if let Some(person) = self.store.addressee(ws.id, id).await? {
                people.insert(id, person);
            }
        }
        let snoozed = self.store.snoozed(ws.id, today).await?;
        draft.reminders = Some(Reminders { candidates, title, footer, tone, people, snoozed });
        Ok(draft)
    }

    /// What every occurrence from `from` to `to` would send, without sending or recording anything.
    pub async fn preview(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> anyhow::Result<Vec<Preview>> {
        let mut out = Vec::new();
        for id in self.store.workspace_ids().await? {
            let Some(ws) = self.store.workspace_by_id(id).await? else { continue };
            let tz = tz_of(&ws);
            let mut occurrences: Vec<(DateTime<Utc>, Job)> = Vec::new();
            for schedule in self.store.schedules(ws.id).await?.into_iter().filter(|s| s.enabled) {
                occurrences
                    .extend(schedule.cron.occurrences(tz, from, to, 10_000).into_iter().map(|at| (at, schedule.job)));
            }
            occurrences.sort_by_key(|(at, job)| (*at, job.name()));
            // Marks an earlier occurrence would make hold for later ones, kept here, not written.
            let mut given: HashSet<(i64, String)> = HashSet::new();
            for (at, job) in occurrences {
                let draft = self.compose(&ws, tz, job, at).await?;
                let marks = draft.marks();
                let before = self.store.marked(ws.id, &marks).await?;
                let new: HashSet<(i64, String)> =
                    marks.into_iter().filter(|m| !before.contains(m) && !given.contains(m)).collect();
                given.extend(new.iter().cloned());
                let messages =
                    draft.messages(&new, &ws).into_iter().map(|(to, reply)| (to.display_name, reply)).collect();
                out.push(Preview { workspace: ws.key.clone(), job, at, tz, messages });
            }
        }
        Ok(out)
    }

    /// Delivers what the outbox holds for `now`: delivered, tried again later with a growing
    /// pause, or, once expired or refused for good, kept as failed.
    pub async fn deliver(&self, now: DateTime<Utc>, notifiers: &Notifiers) -> anyhow::Result<DeliveryReport> {
        let now = chrono::SubsecRound::trunc_subsecs(now, 0);
        let mut report = DeliveryReport::default();
        // Held while this process delivers them: another replica skips them, and after a crash
        // any process tries them again once the hold ends.
        for item in self.store.outbox_claim(now, now + DELIVERY_HOLD, 1000).await? {
            let to = format!("{}:{}", item.platform, item.platform_user_id);
            if now >= item.expires_at {
                self.store.outbox_failed(item.id, "expired before it could be delivered", None).await?;
                report.failed.push((to, "expired".to_string()));
                continue;
            }
            let reply: Reply = match serde_json::from_str(&item.payload) {
                Ok(reply) => reply,
                Err(e) => {
                    error!(id = item.id, error = %e, "unreadable outbox message");
                    self.store.outbox_failed(item.id, "unreadable message", None).await?;
                    report.failed.push((to, "unreadable".to_string()));
                    continue;
                }
            };
            let recipient = Recipient::Person(item.platform_user_id.clone());
            // Keyed by the outbox row: a message the platform took just before a crash is not
            // created again when the restarted bot sends it (Discord; Slack is at least once).
            let key = item.id.to_string();
            match notifiers.for_platform(item.platform).deliver_keyed(&recipient, &reply, &key).await {
                Ok(()) => {
                    crate::metrics::global().delivery(item.platform.code(), "delivered");
                    self.store.outbox_delivered(item.id, now).await?;
                    report.delivered.push(Delivered {
                        to,
                        platform: item.platform.code().to_string(),
                        reply,
                        workspace_id: item.workspace_id,
                        person_id: item.person_id,
                    });
                }
                Err(undelivered) => {
                    let pause = Duration::minutes(1 << item.attempts.clamp(0, 6));
                    let retry_at = (!undelivered.permanent && now + pause < item.expires_at).then_some(now + pause);
                    warn!(id = item.id, %to, reason = undelivered.reason, ?retry_at, "delivery failed");
                    self.store.outbox_failed(item.id, &undelivered.reason, retry_at).await?;
                    let outcome = if retry_at.is_some() { "retrying" } else { "failed" };
                    crate::metrics::global().delivery(item.platform.code(), outcome);
                    if retry_at.is_some() {
                        report.retrying += 1;
                    } else {
                        report.failed.push((to, undelivered.reason));
                    }
                }
            }
        }
        Ok(report)
    }
}
