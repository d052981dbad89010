//! The outbox: messages sent without being asked, to whom, and how their delivery went.

use chrono::{DateTime, Utc};

use crate::{Store, StoreError, WriteTx};
pub use kam_domain::records::outbox::{Addressee, OutboxCounts, OutboxItem};

impl Store {
    /// Messages waiting for delivery whose time has come, oldest first.
    /// Claims up to `limit` messages due at `now`, oldest first, holding each until `until`; rows
    /// another replica is claiming are skipped (`FOR UPDATE SKIP LOCKED`), not waited for.
    pub async fn outbox_claim(
        &self,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        let mut items = sqlx::query_as!(
            OutboxItem,
            r#"UPDATE outbox SET next_attempt_at = $2
               WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1
                            ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
               RETURNING id AS "id!", workspace_id, person_id, platform AS "platform: kam_domain::identity::Platform",
                         platform_user_id, payload, attempts, expires_at AS "expires_at!: DateTime<Utc>""#,
            now,
            until,
            limit
        )
        .fetch_all(&self.pool)
        .await?;
        items.sort_by_key(|i| i.id);
        Ok(items)
    }

    pub async fn outbox_delivered(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query!(
            "UPDATE outbox SET status = 'delivered', delivered_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2",
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
                    "UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE id = $3",
                    error,
                    at,
                    id
                )
                .execute(&self.pool)
                .await?
            }
            None => {
                sqlx::query!(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = $1, status = 'failed' WHERE id = $2",
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
            r#"SELECT COUNT(*) FILTER (WHERE status = 'pending') AS "pending!: i64",
                      COUNT(*) FILTER (WHERE status = 'delivered') AS "delivered!: i64",
                      COUNT(*) FILTER (WHERE status = 'failed') AS "failed!: i64"
               FROM outbox WHERE $1::bigint IS NULL OR workspace_id = $1"#,
            workspace_id
        )
        .fetch_one(&self.pool)
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
        sqlx::query_scalar!(
            r#"INSERT INTO outbox (workspace_id, job_run_id, person_id, platform, platform_user_id, payload, next_attempt_at,
                   created_at, expires_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) RETURNING id AS "id!""#,
            workspace_id,
            job_run_id,
            to.id,
            to.platform as _,
            to.platform_user_id,
            payload,
            now,
            expires_at
        )
        .fetch_one(&mut *self.tx)
        .await
    }
}

/// The reads a job composes its messages from: through the pool, outside any write transaction.
impl Store {
    pub async fn addressee(&self, workspace_id: i64, person_id: i64) -> Result<Option<Addressee>, StoreError> {
        sqlx::query_as!(
            Addressee,
            r#"SELECT id AS "id!", display_name, platform AS "platform: kam_domain::identity::Platform", platform_user_id, language, role AS "role: kam_domain::account::Role", manager_id
               FROM people WHERE workspace_id = $1 AND id = $2"#,
            workspace_id,
            person_id
        )
        .fetch_optional(&self.pool)
        .await
    }
}
