//! Answers owed after their request was acknowledged: held by the replica working on one, taken
//! over by another when that one dies. Not a workspace's: a request's, before it is read.

use chrono::{DateTime, Utc};

use super::{Store, StoreError};
pub use crate::domain::records::pending::PendingAnswer;

impl Store {
    /// Records an answer owed, held by this process until `held_until`; its id.
    pub async fn hold_answer(
        &self,
        platform: &str,
        kind: &str,
        payload: &str,
        received_at: DateTime<Utc>,
        held_until: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.hold_answer(platform, kind, payload, received_at, held_until, expires_at).await;
        }
        sqlx::query_scalar!(
            r#"INSERT INTO pending_answers (platform, kind, payload, received_at, held_until, expires_at)
               VALUES (?, ?, ?, ?, ?, ?) RETURNING id AS "id!""#,
            platform,
            kind,
            payload,
            received_at,
            held_until,
            expires_at
        )
        .fetch_one(pool!(self))
        .await
    }

    /// Keeps holding an answer still being worked on.
    pub async fn renew_answer(&self, id: i64, held_until: DateTime<Utc>) -> Result<(), StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.renew_answer(id, held_until).await;
        }
        sqlx::query!("UPDATE pending_answers SET held_until = ? WHERE id = ?", held_until, id)
            .execute(pool!(self))
            .await?;
        Ok(())
    }

    /// The answer was sent (or cannot be): nothing is owed any more.
    pub async fn answered(&self, id: i64) -> Result<(), StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.answered(id).await;
        }
        sqlx::query!("DELETE FROM pending_answers WHERE id = ?", id).execute(pool!(self)).await?;
        Ok(())
    }

    /// Claims up to `limit` answers whose holder stopped renewing them before `now`, holding them
    /// until `until`; those the platform no longer takes are forgotten first.
    pub async fn claim_answers(
        &self,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<PendingAnswer>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.claim_answers(now, until, limit).await;
        }
        sqlx::query!("DELETE FROM pending_answers WHERE expires_at <= ?", now).execute(pool!(self)).await?;
        let mut owed = sqlx::query_as!(
            PendingAnswer,
            r#"UPDATE pending_answers SET held_until = ?2
               WHERE id IN (SELECT id FROM pending_answers WHERE held_until < ?1 ORDER BY id LIMIT ?3)
               RETURNING id AS "id!", platform, kind, payload, received_at AS "received_at!: DateTime<Utc>""#,
            now,
            until,
            limit
        )
        .fetch_all(pool!(self))
        .await?;
        owed.sort_by_key(|a| a.id);
        Ok(owed)
    }
}
