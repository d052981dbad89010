//! A team's history written in bulk, as an import brings it: done activities as interactions and
//! open ones as commitments, a thousand rows a statement, numbered in the workspace in file
//! order, each skipped when the workspace already holds it (decided in the statement that writes
//! it), and the accounts' contact clocks moved once a chunk.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::{StoreError, WriteTx};
pub use kam_domain::records::history::{ImportedCommitment, ImportedInteraction};

/// How many rows one statement writes.
const CHUNK: usize = 1000;

impl WriteTx {
    /// Logs the interactions not yet logged from `source` (by source id); returns how many were.
    pub async fn insert_imported_interactions(
        &mut self,
        workspace_id: i64,
        source: &str,
        rows: &[ImportedInteraction],
        at: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let mut written = 0;
        for chunk in rows.chunks(CHUNK) {
            let values: Vec<serde_json::Value> = chunk
                .iter()
                .map(|i| {
                    serde_json::json!([
                        i.account_id,
                        i.contact_id,
                        i.author_id,
                        i.kind.code(),
                        i.occurred_at.to_rfc3339_opts(SecondsFormat::AutoSi, false),
                        i.summary,
                        i.source_id,
                        i.occurred_on,
                        i.kind.is_planning(),
                    ])
                })
                .collect();
            let values = serde_json::Value::Array(values).to_string();
            written += sqlx::query!(
                "INSERT INTO interactions (workspace_id, account_id, contact_id, author_id, kind, occurred_at, summary,
                     source, source_id, created_at, number)
                 SELECT $1, (v.value ->> 0)::bigint, (v.value ->> 1)::bigint, (v.value ->> 2)::bigint, v.value ->> 3,
                     (v.value ->> 4)::timestamptz, v.value ->> 5, $2, v.value ->> 6, $3,
                     (SELECT COALESCE(MAX(number), 0) FROM interactions WHERE workspace_id = $1)
                         + ROW_NUMBER() OVER (ORDER BY v.key)
                 FROM json_array_elements($4::text::json) WITH ORDINALITY v(value, key)
                 WHERE NOT EXISTS (SELECT 1 FROM interactions i
                                   WHERE i.workspace_id = $1 AND i.source = $2 AND i.source_id = v.value ->> 6)",
                workspace_id,
                source,
                at,
                values
            )
            .execute(&mut *self.tx)
            .await?
            .rows_affected();
            // Each account's clock, as logging moves it: its last contact, when contact goes stale,
            // and after a planning meeting when the next one is due.
            sqlx::query!(
                "UPDATE accounts SET
                     last_contact_on = GREATEST(last_contact_on, d.last_day),
                     contact_due_on = GREATEST(last_contact_on, d.last_day) + planning_cadence_days::int,
                     next_planning_due = CASE WHEN d.planning_day IS NULL THEN next_planning_due
                         ELSE GREATEST(next_planning_due, d.planning_day + planning_cadence_days::int) END
                 FROM (SELECT (v.value ->> 0)::bigint AS account_id, MAX((v.value ->> 7)::date) AS last_day,
                              MAX(CASE WHEN (v.value ->> 8)::boolean THEN (v.value ->> 7)::date END) AS planning_day
                       FROM json_array_elements($2::text::json) v GROUP BY 1) d
                 WHERE accounts.workspace_id = $1 AND accounts.id = d.account_id",
                workspace_id,
                values
            )
            .execute(&mut *self.tx)
            .await?;
        }
        Ok(written)
    }

    /// Adds the commitments the workspace does not hold yet (an account's commitment with the same
    /// text and day, whatever its status); returns how many were added.
    pub async fn insert_imported_commitments(
        &mut self,
        workspace_id: i64,
        rows: &[ImportedCommitment],
        at: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let mut written = 0;
        for chunk in rows.chunks(CHUNK) {
            let values: Vec<serde_json::Value> =
                chunk.iter().map(|c| serde_json::json!([c.account_id, c.owner_id, c.text, c.due_on])).collect();
            let values = serde_json::Value::Array(values).to_string();
            written += sqlx::query!(
                "INSERT INTO commitments (workspace_id, number, account_id, owner_id, text, due_on, created_at)
                 SELECT $1,
                     (SELECT COALESCE(MAX(number), 0) FROM commitments WHERE workspace_id = $1)
                         + ROW_NUMBER() OVER (ORDER BY v.key),
                     (v.value ->> 0)::bigint, (v.value ->> 1)::bigint, v.value ->> 2, (v.value ->> 3)::date, $2
                 FROM json_array_elements($3::text::json) WITH ORDINALITY v(value, key)
                 WHERE NOT EXISTS (SELECT 1 FROM commitments c
                                   WHERE c.workspace_id = $1 AND c.account_id = (v.value ->> 0)::bigint
                                     AND c.text = v.value ->> 2 AND c.due_on IS NOT DISTINCT FROM (v.value ->> 3)::date)",
                workspace_id,
                at,
                values
            )
            .execute(&mut *self.tx)
            .await?
            .rows_affected();
        }
        Ok(written)
    }
}
