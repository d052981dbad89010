//! The outbox: messages sent without being asked, to whom, and how their delivery went.

use chrono::{DateTime, Utc};

use super::{Store, StoreError, WriteTx};
pub use crate::domain::records::outbox::{Addressee, OutboxCounts, OutboxItem};

impl Store {
    /// Messages waiting for delivery whose time has come, oldest first.
    /// Claims up to `limit` messages due at `now`, oldest first: each is held until `until` (its
    /// next attempt moved there in the same statement), so that another process delivering the same
    /// outbox skips it, and a delivery cut short by a crash is tried again once the hold ends.
    pub async fn outbox_claim(
        &self,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.outbox_claim(now, until, limit).await;
        }
        let mut items = sqlx::query_as!(
            OutboxItem,
            r#"UPDATE outbox SET next_attempt_at = ?2
               WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?1
                            ORDER BY next_attempt_at, id LIMIT ?3)
               RETURNING id AS "id!", workspace_id, person_id, platform AS "platform: crate::domain::identity::Platform",
                         platform_user_id, payload, attempts, expires_at AS "expires_at!: DateTime<Utc>""#,
            now,
            until,
            limit
        )
        .fetch_all(pool!(self))
        .await?;
        items.sort_by_key(|i| i.id);
        Ok(items)
    }

    pub async fn outbox_delivered(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.outbox_delivered(id, at).await;
        }
        sqlx::query!(
            "UPDATE outbox SET status = 'delivered', delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
            at,
            id
        )
        .execute(pool!(self))
        .await?;
        Ok(())
    }

    /// A failed attempt: tried again at `retry_at`, or kept as failed when `None`.
    pub async fn outbox_failed(&self, id: i64, error: &str, retry_at: Option<DateTime<Utc>>) -> Result<(), StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.outbox_failed(id, error, retry_at).await;
        }
        match retry_at {
            Some(at) => {
                sqlx::query!(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                    error,
                    at,
                    id
                )
                .execute(pool!(self))
                .await?
            }
            None => {
                sqlx::query!(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, status = 'failed' WHERE id = ?",
                    error,
                    id
                )
                .execute(pool!(self))
                .await?
            }
        };
        Ok(())
    }

    pub async fn outbox_counts(&self, workspace_id: Option<i64>) -> Result<OutboxCounts, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.outbox_counts(workspace_id).await;
        }
        let row = sqlx::query!(
            r#"SELECT COALESCE(SUM(status = 'pending'), 0) AS "pending!: i64",
                      COALESCE(SUM(status = 'delivered'), 0) AS "delivered!: i64",
                      COALESCE(SUM(status = 'failed'), 0) AS "failed!: i64"
               FROM outbox WHERE ?1 IS NULL OR workspace_id = ?1"#,
            workspace_id
        )
        .fetch_one(pool!(self))
        .await?;
        Ok(OutboxCounts { pending: row.pending, delivered: row.delivered, failed: row.failed })
    }
}

impl WriteTx {
    pub async fn enqueue(
        &mut self,
        workspace_id: i64,
        job_run_id: Option<i64>,
        to: &Addressee,
        payload: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.enqueue(workspace_id, job_run_id, to, payload, now, expires_at).await;
        }
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
        .fetch_one(lite!(self))
        .await
    }
}

/// The reads a job composes its messages from: through the pool, outside any write transaction.
impl Store {
    pub async fn addressee(&self, workspace_id: i64, person_id: i64) -> Result<Option<Addressee>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.addressee(workspace_id, person_id).await;
        }
        sqlx::query_as!(
            Addressee,
            r#"SELECT id AS "id!", display_name, platform AS "platform: crate::domain::identity::Platform", platform_user_id, language, role AS "role: crate::domain::account::Role", manager_id
               FROM people WHERE workspace_id = ? AND id = ?"#,
            workspace_id,
            person_id
        )
        .fetch_optional(pool!(self))
        .await
    }
}
