//! Requests already handled, by the platform's identity of them, so that a request delivered again
//! is answered as before and writes nothing.

use chrono::{DateTime, Utc};

use crate::{Store, StoreError, WriteTx};
pub use kam_domain::records::requests::Claim;

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
        sqlx::query!("DELETE FROM handled_requests WHERE handled_at < $1", forget_before)
            .execute(&mut *self.tx)
            .await?;
        let inserted = sqlx::query!(
            "INSERT INTO handled_requests (workspace_id, source, source_id, handled_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
            workspace_id,
            source,
            source_id,
            now
        )
        .execute(&mut *self.tx)
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(Claim::New);
        }
        let reply = sqlx::query_scalar!(
            "SELECT reply FROM handled_requests WHERE workspace_id = $1 AND source = $2 AND source_id = $3",
            workspace_id,
            source,
            source_id
        )
        .fetch_optional(&mut *self.tx)
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
        sqlx::query!(
            "UPDATE handled_requests SET reply = $1 WHERE workspace_id = $2 AND source = $3 AND source_id = $4",
            reply_json,
            workspace_id,
            source,
            source_id
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Lets a request that failed on our side be tried again.
    pub async fn release_request(&self, workspace_id: i64, source: &str, source_id: &str) -> Result<(), StoreError> {
        sqlx::query!(
            "DELETE FROM handled_requests WHERE workspace_id = $1 AND source = $2 AND source_id = $3",
            workspace_id,
            source,
            source_id
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
