//! Job schedules and the occurrences the scheduler ran: each workspace's own lines merged with the
//! deployment's defaults, and the claims that run an occurrence once across processes.

use chrono::{DateTime, Utc};

use super::{Store, StoreError, WriteTx};
use crate::domain::jobs::{Effective, Own, effective};
pub use crate::domain::records::schedules::JobSchedule;
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
        if let super::WriteTx::Postgres(pg) = self {
            return pg.schedules(workspace_id, settings).await;
        }
        let own = sqlx::query_as!(
            JobSchedule,
            r#"SELECT job, cron, enabled AS "enabled!: bool", grace_minutes FROM job_schedules WHERE workspace_id = ?"#,
            workspace_id
        )
        .fetch_all(lite!(self))
        .await?;
        Ok(effective_of(&own, settings))
    }
}

impl Store {
    pub async fn workspace_ids(&self) -> Result<Vec<i64>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.workspace_ids().await;
        }
        sqlx::query_scalar!(r#"SELECT id AS "id!" FROM workspaces ORDER BY id"#).fetch_all(pool!(self)).await
    }

    pub async fn workspace_by_id(&self, id: i64) -> Result<Option<super::Workspace>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.workspace_by_id(id).await;
        }
        sqlx::query_as!(
            super::Workspace,
            r#"SELECT id AS "id!", key, language, time_zone AS "time_zone: crate::domain::zone::Zone", default_role FROM workspaces WHERE id = ?"#,
            id
        )
        .fetch_optional(pool!(self))
        .await
    }

    pub async fn job_schedules(&self, workspace_id: i64) -> Result<Vec<JobSchedule>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.job_schedules(workspace_id).await;
        }
        sqlx::query_as!(
            JobSchedule,
            r#"SELECT job, cron, enabled AS "enabled!: bool", grace_minutes FROM job_schedules WHERE workspace_id = ?"#,
            workspace_id
        )
        .fetch_all(pool!(self))
        .await
    }

    /// Every job's effective schedule in a workspace: its own, else the deployment's default.
    pub async fn schedules(&self, workspace_id: i64) -> Result<Vec<Effective>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.schedules(workspace_id).await;
        }
        let own = self.job_schedules(workspace_id).await?;
        Ok(effective_of(&own, self.settings()))
    }

    /// The latest occurrence a job ran for, and when it ran.
    pub async fn last_job_run(
        &self,
        workspace_id: i64,
        job: &str,
    ) -> Result<Option<(DateTime<Utc>, DateTime<Utc>, i64)>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.last_job_run(workspace_id, job).await;
        }
        let row = sqlx::query!(
            r#"SELECT scheduled_for AS "scheduled_for!: DateTime<Utc>", ran_at AS "ran_at!: DateTime<Utc>", messages
               FROM job_runs WHERE workspace_id = ? AND job = ? AND state = 'done' ORDER BY scheduled_for DESC LIMIT 1"#,
            workspace_id,
            job
        )
        .fetch_optional(pool!(self))
        .await?;
        Ok(row.map(|r| (r.scheduled_for, r.ran_at, r.messages)))
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
        if let super::WriteTx::Postgres(pg) = self {
            return pg.set_job_schedule(workspace_id, job, cron, enabled).await;
        }
        sqlx::query!(
            "INSERT INTO job_schedules (workspace_id, job, cron, enabled) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (workspace_id, job) DO UPDATE SET cron = ?3, enabled = ?4",
            workspace_id,
            job,
            cron,
            enabled
        )
        .execute(lite!(self))
        .await?;
        Ok(())
    }

    pub async fn set_time_zone(&mut self, workspace_id: i64, tz: &str) -> Result<(), StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.set_time_zone(workspace_id, tz).await;
        }
        sqlx::query!("UPDATE workspaces SET time_zone = ? WHERE id = ?", tz, workspace_id).execute(lite!(self)).await?;
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
        if let super::WriteTx::Postgres(pg) = self {
            return pg.claim_job_run(workspace_id, job, scheduled_for, now, until, skipped).await;
        }
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
        .fetch_optional(lite!(self))
        .await
    }

    /// Marks a claimed run done with its number of messages; `false` when the claim was lost
    /// (it expired and another run took it), and then nothing of this run may be kept.
    pub async fn finish_job_run(&mut self, run_id: i64, messages: i64) -> Result<bool, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.finish_job_run(run_id, messages).await;
        }
        let done = sqlx::query!(
            "UPDATE job_runs SET state = 'done', messages = ?, claimed_until = NULL WHERE id = ? AND state = 'claimed'",
            messages,
            run_id
        )
        .execute(lite!(self))
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Ends every unexpired claim of the workspace's job runs at `now`: a process that has just
    /// come to lead the scheduler takes over the runs its predecessor left unfinished (only the
    /// leader runs jobs), instead of waiting for their claims to expire. If the predecessor is in
    /// fact still running one, whichever run finishes first keeps its messages and the other's
    /// are dropped (`finish_job_run`). How many claims were ended.
    pub async fn take_over_job_runs(&mut self, workspace_id: i64, now: DateTime<Utc>) -> Result<u64, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.take_over_job_runs(workspace_id, now).await;
        }
        let expired = now - chrono::Duration::seconds(1);
        let ended = sqlx::query!(
            "UPDATE job_runs SET claimed_until = ?1 WHERE workspace_id = ?2 AND state = 'claimed' AND claimed_until >= ?1",
            expired,
            workspace_id
        )
        .execute(lite!(self))
        .await?;
        Ok(ended.rows_affected())
    }

    /// Gives a claim up (its run failed), so that the next tick tries the occurrence again.
    pub async fn release_job_run(&mut self, run_id: i64) -> Result<(), StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.release_job_run(run_id).await;
        }
        sqlx::query!("DELETE FROM job_runs WHERE id = ? AND state = 'claimed'", run_id).execute(lite!(self)).await?;
        Ok(())
    }
}
