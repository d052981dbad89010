//! Answers owed after their request was acknowledged (the SQLite store's `pending.rs`).

use chrono::{DateTime, Utc};

use crate::{Store, StoreError};
pub use kam_domain::records::pending::PendingAnswer;

impl Store {
    pub async fn hold_answer(
        &self,
        platform: &str,
        kind: &str,
        payload: &str,
        received_at: DateTime<Utc>,
        held_until: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        sqlx::query_scalar!(
            r#"INSERT INTO pending_answers (platform, kind, payload, received_at, held_until, expires_at)
               VALUES ($1, $2, $3, $4, $5, $6) RETURNING id AS "id!""#,
            platform,
            kind,
            payload,
            received_at,
            held_until,
            expires_at
        )
        .fetch_one(&self.pool)
        .await
    }

    pub async fn renew_answer(&self, id: i64, held_until: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query!("UPDATE pending_answers SET held_until = $1 WHERE id = $2", held_until, id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn answered(&self, id: i64) -> Result<(), StoreError> {
        sqlx::query!("DELETE FROM pending_answers WHERE id = $1", id).execute(&self.pool).await?;
        Ok(())
    }

    /// Claims answers whose holder stopped renewing them, each by one replica (`SKIP LOCKED`).
    pub async fn claim_answers(
        &self,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<PendingAnswer>, StoreError> {
        sqlx::query!("DELETE FROM pending_answers WHERE expires_at <= $1", now).execute(&self.pool).await?;
        let mut owed = sqlx::query_as!(
            PendingAnswer,
            r#"UPDATE pending_answers SET held_until = $2
               WHERE id IN (SELECT id FROM pending_answers WHERE held_until < $1 ORDER BY id LIMIT $3
                            FOR UPDATE SKIP LOCKED)
               RETURNING id AS "id!", platform, kind, payload, received_at AS "received_at!: DateTime<Utc>""#,
            now,
            until,
            limit
        )
        .fetch_all(&self.pool)
        .await?;
        owed.sort_by_key(|a| a.id);
        Ok(owed)
    }
}
