//! What the scheduler reads and writes: schedules, recorded occurrences, the accounts that are due
//! (found through the clock indexes), reminder marks, the outbox, meetings and digest snapshots.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, StoreError, WriteTx};
use crate::domain::jobs::{Effective, Own, effective};
use crate::domain::settings::Settings;

/// The effective schedules from a workspace's own rows and the deployment's settings.
fn effective_of(own: &[JobSchedule], settings: &Settings) -> Vec<Effective> {
    let row = |job: crate::domain::jobs::Job| {
        own.iter().find(|r| r.job == job.name()).map(|r| Own {
            cron: &r.cron,
            enabled: r.enabled,
            grace_minutes: r.grace_minutes,
        })
    };
    effective(row, |job| settings.cron(job))
}

impl WriteTx {
    /// [`Store::schedules`], read inside a write transaction that decides on them.
    pub async fn schedules(&mut self, workspace_id: i64, settings: &Settings) -> Result<Vec<Effective>, StoreError> {
        let own = sqlx::query_as!(
            JobSchedule,
            r#"SELECT job, cron, enabled AS "enabled!: bool", grace_minutes FROM job_schedules WHERE workspace_id = ?"#,
            workspace_id
        )
        .fetch_all(&mut *self.tx)
        .await?;
        Ok(effective_of(&own, settings))
    }
}

/// A workspace's own schedule for a job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobSchedule {
    pub job: String,
    pub cron: String,
    pub enabled: bool,
    pub grace_minutes: i64,
}

/// An account whose clock says something is due, with its owner and the owner's manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueAccount {
    pub id: i64,
    pub name: String,
    pub tier: i64,
    pub planning_cadence_days: i64,
    pub next_planning_due: Option<NaiveDate>,
    pub contact_due_on: Option<NaiveDate>,
    pub last_contact_on: Option<NaiveDate>,
    pub yearly_review_on: Option<NaiveDate>,
    pub owner_id: i64,
    pub owner_manager_id: Option<i64>,
}

/// A booked meeting a reminder is about: before it (with its brief) or after it (how did it go?).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingToRemind {
    pub id: i64,
    pub number: i64,
    pub account_id: i64,
    pub account_name: String,
    pub owner_id: Option<i64>,
    pub created_by: i64,
    pub kind: String,
    pub starts_at: DateTime<Utc>,
    pub with_contacts: String,
    /// When the account's newest interaction happened.
    pub last_logged_at: Option<DateTime<Utc>>,
    pub last_summary: Option<String>,
    pub last_author: Option<String>,
    /// The next step of the account's newest interaction, and its due day.
    pub next_step: Option<String>,
    pub next_step_due: Option<NaiveDate>,
}

/// A next step with a due day, still open: its interaction is the account's newest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepToRemind {
    pub interaction_id: i64,
    pub account_id: i64,
    pub account_name: String,
    pub owner_id: i64,
    pub next_step: String,
    pub due: NaiveDate,
}

/// A person a message can be sent to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressee {
    pub id: i64,
    pub display_name: String,
    pub platform: String,
    pub platform_user_id: String,
    pub language: Option<String>,
    pub role: crate::domain::account::Role,
    pub manager_id: Option<i64>,
}

impl Addressee {
    pub fn of(p: &crate::store::Person) -> Addressee {
        Addressee {
            id: p.id,
            display_name: p.display_name.clone(),
            platform: p.platform.clone(),
            platform_user_id: p.platform_user_id.clone(),
            language: p.language.clone(),
            role: p.role,
            manager_id: p.manager_id,
        }
    }
}

/// A message waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxItem {
    pub id: i64,
    pub workspace_id: i64,
    pub person_id: i64,
    pub platform: String,
    pub platform_user_id: String,
    pub payload: String,
    pub attempts: i64,
    pub expires_at: DateTime<Utc>,
}

/// Counts of the outbox by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OutboxCounts {
    pub pending: i64,
    pub delivered: i64,
    pub failed: i64,
}

/// An upcoming meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRow {
    pub id: i64,
    pub account_name: String,
    pub owner_id: Option<i64>,
    pub kind: String,
    pub starts_at: DateTime<Utc>,
    pub with_contacts: String,
}

/// A meeting to schedule.
#[derive(Debug, Clone)]
pub struct NewMeeting<'a> {
    pub account_id: i64,
    pub kind: &'a str,
    pub starts_at: DateTime<Utc>,
    /// The meeting's day in the workspace's calendar, and the start of today: a planning or review
    /// meeting booked is the account's next planning meeting, unless one is booked before it.
    pub day: NaiveDate,
    pub booked_from: DateTime<Utc>,
    pub with_contacts: &'a str,
    pub created_by: i64,
    pub created_at: DateTime<Utc>,
}

/// What a manager's last digest showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestSnapshot {
    pub taken_at: DateTime<Utc>,
    pub at_risk: String,
    pub revenue_minor: i64,
    pub wallet_minor: i64,
    /// Each account's state (JSON, by account id), to say what changed by the next digest.
    pub accounts: String,
}

/// One account of a team's portfolio, for the digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamAccount {
    pub id: i64,
    pub name: String,
    pub tier: i64,
    pub owner_id: i64,
    pub wallet_minor: i64,
    pub revenue_12m_minor: i64,
    pub share_ceiling_bp: i64,
    pub next_planning_due: Option<NaiveDate>,
    pub contact_due_on: Option<NaiveDate>,
    pub yearly_review_on: Option<NaiveDate>,
}

impl Store {
    pub async fn workspace_ids(&self) -> Result<Vec<i64>, StoreError> {
        sqlx::query_scalar!(r#"SELECT id AS "id!" FROM workspaces ORDER BY id"#).fetch_all(&self.pool).await
    }

    pub async fn workspace_by_id(&self, id: i64) -> Result<Option<super::Workspace>, StoreError> {
        sqlx::query_as!(
            super::Workspace,
            r#"SELECT id AS "id!", key, language, time_zone, default_role FROM workspaces WHERE id = ?"#,
            id
        )
        .fetch_optional(&self.pool)
        .await
    }

    pub async fn job_schedules(&self, workspace_id: i64) -> Result<Vec<JobSchedule>, StoreError> {
        sqlx::query_as!(
            JobSchedule,
            r#"SELECT job, cron, enabled AS "enabled!: bool", grace_minutes FROM job_schedules WHERE workspace_id = ?"#,
            workspace_id
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Every job's effective schedule in a workspace: its own, else the deployment's default.
    pub async fn schedules(&self, workspace_id: i64) -> Result<Vec<Effective>, StoreError> {
        let own = self.job_schedules(workspace_id).await?;
        Ok(effective_of(&own, self.settings()))
    }

    /// The latest occurrence a job ran for, and when it ran.
    pub async fn last_job_run(
        &self,
        workspace_id: i64,
        job: &str,
    ) -> Result<Option<(DateTime<Utc>, DateTime<Utc>, i64)>, StoreError> {
        let row = sqlx::query!(
            r#"SELECT scheduled_for AS "scheduled_for!: DateTime<Utc>", ran_at AS "ran_at!: DateTime<Utc>", messages
               FROM job_runs WHERE workspace_id = ? AND job = ? AND state = 'done' ORDER BY scheduled_for DESC LIMIT 1"#,
            workspace_id,
            job
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| (r.scheduled_for, r.ran_at, r.messages)))
    }

    /// Messages waiting for delivery whose time has come, oldest first.
    pub async fn outbox_due(&self, now: DateTime<Utc>, limit: i64) -> Result<Vec<OutboxItem>, StoreError> {
        sqlx::query_as!(
            OutboxItem,
            r#"SELECT id AS "id!", workspace_id, person_id, platform, platform_user_id, payload, attempts,
                      expires_at AS "expires_at!: DateTime<Utc>"
               FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"#,
            now,
            limit
        )
        .fetch_all(&self.pool)
        .await
    }

    pub async fn outbox_delivered(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query!(
            "UPDATE outbox SET status = 'delivered', delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
            at,
            id
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A failed attempt: tried again at `retry_at`, or kept as failed when `None`.
    pub async fn outbox_failed(&self, id: i64, error: &str, retry_at: Option<DateTime<Utc>>) -> Result<(), StoreError> {
        match retry_at {
            Some(at) => {
                sqlx::query!(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                    error,
                    at,
                    id
                )
                .execute(&self.pool)
                .await?
            }
            None => {
                sqlx::query!(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, status = 'failed' WHERE id = ?",
                    error,
                    id
                )
                .execute(&self.pool)
                .await?
            }
        };
        Ok(())
    }

    pub async fn outbox_counts(&self, workspace_id: Option<i64>) -> Result<OutboxCounts, StoreError> {
        let row = sqlx::query!(
            r#"SELECT COALESCE(SUM(status = 'pending'), 0) AS "pending!: i64",
                      COALESCE(SUM(status = 'delivered'), 0) AS "delivered!: i64",
                      COALESCE(SUM(status = 'failed'), 0) AS "failed!: i64"
               FROM outbox WHERE ?1 IS NULL OR workspace_id = ?1"#,
            workspace_id
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(OutboxCounts { pending: row.pending, delivered: row.delivered, failed: row.failed })
    }

    /// Meetings of the workspace from `from` to `until`, soonest first.
    /// The meeting with this number in the workspace: (account, kind, when).
    pub async fn meeting_by_number(
        &self,
        workspace_id: i64,
        number: i64,
    ) -> Result<Option<(i64, String, DateTime<Utc>)>, StoreError> {
        let row = sqlx::query!(
            r#"SELECT account_id, kind, starts_at AS "starts_at!: DateTime<Utc>" FROM meetings
               WHERE workspace_id = ? AND number = ?"#,
            workspace_id,
            number
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| (r.account_id, r.kind, r.starts_at)))
    }

    /// The first meeting booked with an account from `from` on.
    pub async fn next_meeting(
        &self,
        workspace_id: i64,
        account_id: i64,
        from: DateTime<Utc>,
    ) -> Result<Option<MeetingRow>, StoreError> {
        sqlx::query_as!(
            MeetingRow,
            r#"SELECT m.id AS "id!", a.name AS account_name, a.owner_id, m.kind,
                      m.starts_at AS "starts_at!: DateTime<Utc>", m.with_contacts
               FROM meetings m JOIN accounts a ON a.id = m.account_id
               WHERE m.workspace_id = ?1 AND m.account_id = ?2 AND m.starts_at >= ?3
               ORDER BY m.starts_at LIMIT 1"#,
            workspace_id,
            account_id,
            from
        )
        .fetch_optional(&self.pool)
        .await
    }

    pub async fn meetings_between(
        &self,
        workspace_id: i64,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<MeetingRow>, StoreError> {
        sqlx::query_as!(
            MeetingRow,
            r#"SELECT m.id AS "id!", a.name AS account_name, a.owner_id, m.kind,
                      m.starts_at AS "starts_at!: DateTime<Utc>", m.with_contacts
               FROM meetings m JOIN accounts a ON a.id = m.account_id
               WHERE m.workspace_id = ? AND m.starts_at >= ? AND m.starts_at <= ? ORDER BY m.starts_at"#,
            workspace_id,
            from,
            until
        )
        .fetch_all(&self.pool)
        .await
    }
}

impl WriteTx {
    pub async fn set_job_schedule(
        &mut self,
        workspace_id: i64,
        job: &str,
        cron: &str,
        enabled: bool,
    ) -> Result<(), StoreError> {
        sqlx::query!(
            "INSERT INTO job_schedules (workspace_id, job, cron, enabled) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (workspace_id, job) DO UPDATE SET cron = ?3, enabled = ?4",
            workspace_id,
            job,
            cron,
            enabled
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    pub async fn set_time_zone(&mut self, workspace_id: i64, tz: &str) -> Result<(), StoreError> {
        sqlx::query!("UPDATE workspaces SET time_zone = ? WHERE id = ?", tz, workspace_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Claims a job's occurrence until `until`: its id, or `None` when it ran already or another
    /// run holds an unexpired claim. A claim whose holder died is taken over once it expires.
    pub async fn claim_job_run(
        &mut self,
        workspace_id: i64,
        job: &str,
        scheduled_for: DateTime<Utc>,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        skipped: i64,
    ) -> Result<Option<i64>, StoreError> {
        sqlx::query_scalar!(
            r#"INSERT INTO job_runs (workspace_id, job, scheduled_for, ran_at, skipped, state, claimed_until)
               VALUES (?1, ?2, ?3, ?4, ?5, 'claimed', ?6)
               ON CONFLICT (workspace_id, job, scheduled_for) DO UPDATE SET ran_at = ?4, claimed_until = ?6
                 WHERE state = 'claimed' AND claimed_until < ?4
               RETURNING id AS "id!""#,
            workspace_id,
            job,
            scheduled_for,
            now,
            skipped,
            until
        )
        .fetch_optional(&mut *self.tx)
        .await
    }

    /// Marks a claimed run done with its number of messages; `false` when the claim was lost
    /// (it expired and another run took it), and then nothing of this run may be kept.
    pub async fn finish_job_run(&mut self, run_id: i64, messages: i64) -> Result<bool, StoreError> {
        let done = sqlx::query!(
            "UPDATE job_runs SET state = 'done', messages = ?, claimed_until = NULL WHERE id = ? AND state = 'claimed'",
            messages,
            run_id
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Gives a claim up (its run failed), so that the next tick tries the occurrence again.
    pub async fn release_job_run(&mut self, run_id: i64) -> Result<(), StoreError> {
        sqlx::query!("DELETE FROM job_runs WHERE id = ? AND state = 'claimed'", run_id).execute(&mut *self.tx).await?;
        Ok(())
    }

    /// Marks reminders as given, (account, mark) pairs in one write; the pairs that had not been
    /// marked before (those to give now).
    pub async fn mark_reminders(
        &mut self,
        workspace_id: i64,
        marks: &[(i64, String)],
        at: DateTime<Utc>,
    ) -> Result<std::collections::HashSet<(i64, String)>, StoreError> {
        if marks.is_empty() {
            return Ok(Default::default());
        }
        let json = serde_json::to_string(marks).unwrap_or_else(|_| "[]".to_string());
        let rows = sqlx::query!(
            r#"INSERT INTO reminder_marks (workspace_id, account_id, mark, created_at)
               SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]'), ?3 FROM json_each(?2) WHERE true
               ON CONFLICT DO NOTHING
               RETURNING account_id AS "account_id!: i64", mark AS "mark!: String""#,
            workspace_id,
            json,
            at
        )
        .fetch_all(&mut *self.tx)
        .await?;
        Ok(rows.into_iter().map(|r| (r.account_id, r.mark)).collect())
    }

    pub async fn save_digest(
        &mut self,
        workspace_id: i64,
        manager_id: i64,
        s: &DigestSnapshot,
    ) -> Result<(), StoreError> {
        sqlx::query!(
            "INSERT OR REPLACE INTO digest_snapshots (workspace_id, manager_id, taken_at, at_risk, revenue_minor, wallet_minor,
                 accounts)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
            workspace_id,
            manager_id,
            s.taken_at,
            s.at_risk,
            s.revenue_minor,
            s.wallet_minor,
            s.accounts
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    pub async fn enqueue(
        &mut self,
        workspace_id: i64,
        job_run_id: Option<i64>,
        to: &Addressee,
        payload: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        sqlx::query_scalar!(
            r#"INSERT INTO outbox (workspace_id, job_run_id, person_id, platform, platform_user_id, payload, next_attempt_at,
                   created_at, expires_at)
               VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8) RETURNING id AS "id!""#,
            workspace_id,
            job_run_id,
            to.id,
            to.platform,
            to.platform_user_id,
            payload,
            now,
            expires_at
        )
        .fetch_one(&mut *self.tx)
        .await
    }

    /// Adds a meeting: its number in the workspace, or the number of the meeting already booked
    /// with the account at that time (then nothing is added).
    pub async fn insert_meeting(
        &mut self,
        workspace_id: i64,
        m: &NewMeeting<'_>,
    ) -> Result<Result<i64, i64>, StoreError> {
        let booked = sqlx::query_scalar!(
            r#"SELECT number AS "number!" FROM meetings WHERE workspace_id = ? AND account_id = ? AND starts_at = ?"#,
            workspace_id,
            m.account_id,
            m.starts_at
        )
        .fetch_optional(&mut *self.tx)
        .await?;
        if let Some(number) = booked {
            return Ok(Err(number));
        }
        let number = sqlx::query_scalar!(
            r#"INSERT INTO meetings (workspace_id, account_id, kind, starts_at, with_contacts, created_by, created_at, number)
               VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
                       (SELECT COALESCE(MAX(number), 0) + 1 FROM meetings WHERE workspace_id = ?1))
               RETURNING number AS "number!""#,
            workspace_id,
            m.account_id,
            m.kind,
            m.starts_at,
            m.with_contacts,
            m.created_by,
            m.created_at
        )
        .fetch_one(&mut *self.tx)
        .await?;
        if matches!(m.kind, "planning" | "review") {
            // The cadence's day gives way to the booked one, unless a planning meeting is booked
            // before it.
            sqlx::query!(
                "UPDATE accounts SET next_planning_due = ?2
                 WHERE workspace_id = ?3 AND id = ?4
                   AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.account_id = ?4
                                     AND m.kind IN ('planning', 'review') AND m.starts_at >= ?1 AND m.starts_at < ?5)",
                m.booked_from,
                m.day,
                workspace_id,
                m.account_id,
                m.starts_at
            )
            .execute(&mut *self.tx)
            .await?;
        }
        Ok(Ok(number))
    }
}

/// Reads for a manager's digest: through the pool, so that building a digest on demand takes no
/// write lock.
impl Store {
    /// A manager's team: the manager and everyone reporting to them, directly or not.
    /// The workspace's managers, read without a write lock.
    pub async fn managers(&self, workspace_id: i64) -> Result<Vec<Addressee>, StoreError> {
        managers_of(&self.pool, workspace_id).await
    }

    pub async fn team(&self, workspace_id: i64, manager_id: i64) -> Result<Vec<Addressee>, StoreError> {
        team_of(&self.pool, workspace_id, manager_id).await
    }

    /// The active accounts owned by one person.
    pub async fn accounts_of_owner(&self, workspace_id: i64, owner_id: i64) -> Result<Vec<TeamAccount>, StoreError> {
        sqlx::query_as!(
            TeamAccount,
            r#"SELECT id AS "id!", name, tier, owner_id AS "owner_id!", wallet_minor, revenue_12m_minor, share_ceiling_bp,
                      next_planning_due AS "next_planning_due?: NaiveDate", contact_due_on AS "contact_due_on?: NaiveDate",
                      yearly_review_on AS "yearly_review_on?: NaiveDate"
               FROM accounts WHERE workspace_id = ? AND owner_id = ? AND status = 'active' ORDER BY tier, name"#,
            workspace_id,
            owner_id
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Interactions a person logged from `from` on.
    pub async fn interactions_by(
        &self,
        workspace_id: i64,
        author_id: i64,
        from: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        sqlx::query_scalar!(
            r#"SELECT COUNT(*) AS "n!: i64" FROM interactions WHERE workspace_id = ? AND author_id = ? AND occurred_at >= ?"#,
            workspace_id,
            author_id,
            from
        )
        .fetch_one(&self.pool)
        .await
    }

    pub async fn last_digest(&self, workspace_id: i64, manager_id: i64) -> Result<Option<DigestSnapshot>, StoreError> {
        sqlx::query_as!(
            DigestSnapshot,
            r#"SELECT taken_at AS "taken_at!: DateTime<Utc>", at_risk, revenue_minor, wallet_minor, accounts FROM digest_snapshots
               WHERE workspace_id = ? AND manager_id = ? ORDER BY taken_at DESC LIMIT 1"#,
            workspace_id,
            manager_id
        )
        .fetch_optional(&self.pool)
        .await
    }
}

/// The workspace's managers (by role, or because someone reports to them), through any
/// connection (the pool, or a write transaction).
async fn managers_of<'e, E>(executor: E, workspace_id: i64) -> Result<Vec<Addressee>, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Sqlite>,
{
    sqlx::query_as!(
        Addressee,
        r#"SELECT id AS "id!", display_name, platform, platform_user_id, language, role AS "role: crate::domain::account::Role", manager_id
           FROM people p WHERE workspace_id = ?1
             AND (role = 'manager' OR EXISTS (SELECT 1 FROM people r WHERE r.manager_id = p.id))
           ORDER BY folded_name"#,
        workspace_id
    )
    .fetch_all(executor)
    .await
}

/// A manager's team, through any connection (the pool, or a write transaction).
async fn team_of<'e, E>(executor: E, workspace_id: i64, manager_id: i64) -> Result<Vec<Addressee>, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Sqlite>,
{
    sqlx::query_as!(
        Addressee,
        r#"WITH RECURSIVE team(id) AS (
               SELECT ?2 UNION SELECT p.id FROM people p JOIN team t ON p.manager_id = t.id WHERE p.workspace_id = ?1)
           SELECT p.id AS "id!", p.display_name, p.platform, p.platform_user_id, p.language, p.role AS "role: crate::domain::account::Role", p.manager_id
           FROM people p JOIN team t ON t.id = p.id WHERE p.workspace_id = ?1 ORDER BY p.folded_name"#,
        workspace_id,
        manager_id
    )
    .fetch_all(executor)
    .await
}

impl WriteTx {
    /// Snoozes an account's reminders until `until` (inclusive); `false` when it already was
    /// snoozed at least that long (nothing changes).
    pub async fn snooze(
        &mut self,
        workspace_id: i64,
        account_id: i64,
        until: NaiveDate,
        by: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query!(
            "INSERT INTO account_snoozes (workspace_id, account_id, until, snoozed_by) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (account_id) DO UPDATE SET until = ?3, snoozed_by = ?4 WHERE until < ?3",
            workspace_id,
            account_id,
            until,
            by
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

impl Store {
    /// Until when an account's reminders are snoozed, if they are.
    pub async fn snoozed_until(&self, workspace_id: i64, account_id: i64) -> Result<Option<NaiveDate>, StoreError> {
        sqlx::query_scalar!(
            r#"SELECT until AS "until: NaiveDate" FROM account_snoozes WHERE workspace_id = ? AND account_id = ?"#,
            workspace_id,
            account_id
        )
        .fetch_optional(&self.pool)
        .await
    }
}

/// The reads a job composes its messages from: through the pool, outside any write transaction.
impl Store {
    /// Active accounts with an owner whose next planning meeting is due by `until` and not booked
    /// (no planning or review meeting from `booked_from` on: the meeting's own reminder covers it).
    pub async fn planning_due(
        &self,
        workspace_id: i64,
        until: NaiveDate,
        booked_from: DateTime<Utc>,
    ) -> Result<Vec<DueAccount>, StoreError> {
        sqlx::query_as!(
            DueAccount,
            r#"SELECT a.id AS "id!", a.name, a.tier, a.planning_cadence_days,
                      a.next_planning_due AS "next_planning_due?: NaiveDate", a.contact_due_on AS "contact_due_on?: NaiveDate",
                      a.last_contact_on AS "last_contact_on?: NaiveDate", a.yearly_review_on AS "yearly_review_on?: NaiveDate",
                      a.owner_id AS "owner_id!", o.manager_id AS owner_manager_id
               FROM accounts a JOIN people o ON o.id = a.owner_id
               WHERE a.workspace_id = ?1 AND a.status = 'active' AND a.next_planning_due <= ?2
                 AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.account_id = a.id
                                   AND m.kind IN ('planning', 'review') AND m.starts_at >= ?3)
               ORDER BY a.next_planning_due, a.name"#,
            workspace_id,
            until,
            booked_from
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Meetings from `from` to `until` with active accounts, each with the account's newest
    /// interaction (its day, summary, author and next step).
    pub async fn meetings_to_remind(
        &self,
        workspace_id: i64,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<MeetingToRemind>, StoreError> {
        sqlx::query_as!(
            MeetingToRemind,
            r#"SELECT m.id AS "id!", m.number AS "number!", m.account_id, a.name AS account_name, a.owner_id,
                      m.created_by, m.kind, m.starts_at AS "starts_at!: DateTime<Utc>", m.with_contacts,
                      l.occurred_at AS "last_logged_at?: DateTime<Utc>", l.summary AS "last_summary?",
                      p.display_name AS "last_author?", l.next_step AS "next_step?",
                      l.next_step_due AS "next_step_due?: NaiveDate"
               FROM meetings m JOIN accounts a ON a.id = m.account_id
               LEFT JOIN interactions l ON l.id = (SELECT i.id FROM interactions i WHERE i.account_id = m.account_id
                                                    ORDER BY i.occurred_at DESC, i.id DESC LIMIT 1)
               LEFT JOIN people p ON p.id = l.author_id
               WHERE m.workspace_id = ?1 AND m.starts_at >= ?2 AND m.starts_at < ?3 AND a.status = 'active'
               ORDER BY m.starts_at, m.id"#,
            workspace_id,
            from,
            until
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Open next steps due from `from` to `until` on active accounts with an owner: a next step is
    /// open while its interaction is the account's newest (logging the follow-up closes it).
    pub async fn steps_to_remind(
        &self,
        workspace_id: i64,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Result<Vec<StepToRemind>, StoreError> {
        sqlx::query_as!(
            StepToRemind,
            r#"SELECT i.id AS "interaction_id!", i.account_id, a.name AS account_name, a.owner_id AS "owner_id!",
                      i.next_step AS "next_step!", i.next_step_due AS "due!: NaiveDate"
               FROM interactions i JOIN accounts a ON a.id = i.account_id
               WHERE i.workspace_id = ?1 AND i.next_step_due >= ?2 AND i.next_step_due <= ?3
                 AND i.next_step IS NOT NULL AND a.status = 'active' AND a.owner_id IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM interactions j WHERE j.account_id = i.account_id
                                   AND (j.occurred_at > i.occurred_at OR (j.occurred_at = i.occurred_at AND j.id > i.id)))
               ORDER BY i.next_step_due, a.name"#,
            workspace_id,
            from,
            until
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Active accounts with an owner whose contact went stale before `today`.
    pub async fn contact_stale(&self, workspace_id: i64, today: NaiveDate) -> Result<Vec<DueAccount>, StoreError> {
        sqlx::query_as!(
            DueAccount,
            r#"SELECT a.id AS "id!", a.name, a.tier, a.planning_cadence_days,
                      a.next_planning_due AS "next_planning_due?: NaiveDate", a.contact_due_on AS "contact_due_on?: NaiveDate",
                      a.last_contact_on AS "last_contact_on?: NaiveDate", a.yearly_review_on AS "yearly_review_on?: NaiveDate",
                      a.owner_id AS "owner_id!", o.manager_id AS owner_manager_id
               FROM accounts a JOIN people o ON o.id = a.owner_id
               WHERE a.workspace_id = ? AND a.status = 'active' AND a.contact_due_on < ?
               ORDER BY a.contact_due_on, a.name"#,
            workspace_id,
            today
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Active accounts with an owner whose yearly review falls from `from` to `until`.
    pub async fn reviews_due(
        &self,
        workspace_id: i64,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Result<Vec<DueAccount>, StoreError> {
        sqlx::query_as!(
            DueAccount,
            r#"SELECT a.id AS "id!", a.name, a.tier, a.planning_cadence_days,
                      a.next_planning_due AS "next_planning_due?: NaiveDate", a.contact_due_on AS "contact_due_on?: NaiveDate",
                      a.last_contact_on AS "last_contact_on?: NaiveDate", a.yearly_review_on AS "yearly_review_on?: NaiveDate",
                      a.owner_id AS "owner_id!", o.manager_id AS owner_manager_id
               FROM accounts a JOIN people o ON o.id = a.owner_id
               WHERE a.workspace_id = ? AND a.status = 'active' AND a.yearly_review_on >= ? AND a.yearly_review_on <= ?
               ORDER BY a.yearly_review_on, a.name"#,
            workspace_id,
            from,
            until
        )
        .fetch_all(&self.pool)
        .await
    }

    pub async fn addressee(&self, workspace_id: i64, person_id: i64) -> Result<Option<Addressee>, StoreError> {
        sqlx::query_as!(
            Addressee,
            r#"SELECT id AS "id!", display_name, platform, platform_user_id, language, role AS "role: crate::domain::account::Role", manager_id
               FROM people WHERE workspace_id = ? AND id = ?"#,
            workspace_id,
            person_id
        )
        .fetch_optional(&self.pool)
        .await
    }

    /// The accounts of the workspace whose reminders are snoozed on `day`.
    pub async fn snoozed(
        &self,
        workspace_id: i64,
        day: NaiveDate,
    ) -> Result<std::collections::HashSet<i64>, StoreError> {
        let ids = sqlx::query_scalar!(
            "SELECT account_id FROM account_snoozes WHERE workspace_id = ? AND until >= ?",
            workspace_id,
            day
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().collect())
    }

    /// Which of these (account, mark) pairs were given already (a preview's view of the marks).
    pub async fn marked(
        &self,
        workspace_id: i64,
        marks: &[(i64, String)],
    ) -> Result<std::collections::HashSet<(i64, String)>, StoreError> {
        if marks.is_empty() {
            return Ok(Default::default());
        }
        let json = serde_json::to_string(marks).unwrap_or_else(|_| "[]".to_string());
        let rows = sqlx::query!(
            r#"SELECT r.account_id AS "account_id!: i64", r.mark AS "mark!: String" FROM reminder_marks r
               JOIN json_each(?2) j ON r.account_id = json_extract(j.value, '$[0]') AND r.mark = json_extract(j.value, '$[1]')
               WHERE r.workspace_id = ?1"#,
            workspace_id,
            json
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (r.account_id, r.mark)).collect())
    }
}
