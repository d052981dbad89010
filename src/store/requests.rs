//! Requests already handled, by the platform's identity of them, so that a request delivered again
//! is answered as before and writes nothing.

use chrono::{DateTime, Utc};

use super::{Store, StoreError, WriteTx};
pub use crate::domain::records::requests::Claim;

impl WriteTx {
    /// Claims a request inside the transaction that writes what it asks for, so that the claim
    /// and the write are made together or not at all; requests older than `forget_before` are
    /// forgotten first.
    pub async fn claim_request(
        &mut self,
        workspace_id: i64,
        source: &str,
        source_id: &str,
        now: DateTime<Utc>,
        forget_before: DateTime<Utc>,
    ) -> Result<Claim, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.claim_request(workspace_id, source, source_id, now, forget_before).await;
        }
        sqlx::query!("DELETE FROM handled_requests WHERE handled_at < ?", forget_before).execute(lite!(self)).await?;
        let inserted = sqlx::query!(
            "INSERT OR IGNORE INTO handled_requests (workspace_id, source, source_id, handled_at) VALUES (?, ?, ?, ?)",
            workspace_id,
            source,
            source_id,
            now
        )
        .execute(lite!(self))
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(Claim::New);
        }
        let reply = sqlx::query_scalar!(
            "SELECT reply FROM handled_requests WHERE workspace_id = ? AND source = ? AND source_id = ?",
            workspace_id,
            source,
            source_id
        )
        .fetch_optional(lite!(self))
        .await?
        .flatten();
        Ok(Claim::Seen(reply))
    }
}

impl Store {
    /// Records the answer of a claimed request.
    pub async fn answer_request(
        &self,
        workspace_id: i64,
        source: &str,
        source_id: &str,
        reply_json: &str,
    ) -> Result<(), StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.answer_request(workspace_id, source, source_id, reply_json).await;
        }
        sqlx::query!(
            "UPDATE handled_requests SET reply = ? WHERE workspace_id = ? AND source = ? AND source_id = ?",
            reply_json,
            workspace_id,
            source,
            source_id
        )
        .execute(pool!(self))
        .await?;
        Ok(())
    }

    /// Lets a request that failed on our side be tried again.
    pub async fn release_request(&self, workspace_id: i64, source: &str, source_id: &str) -> Result<(), StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.release_request(workspace_id, source, source_id).await;
        }
        sqlx::query!(
            "DELETE FROM handled_requests WHERE workspace_id = ? AND source = ? AND source_id = ?",
            workspace_id,
            source,
            source_id
        )
        .execute(pool!(self))
        .await?;
        Ok(())
    }
}
