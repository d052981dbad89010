//! The audit log: who changed what, through which command, in which workspace, when.

use chrono::{DateTime, Utc};

use crate::{Store, StoreError, WriteTx};
pub use kam_domain::records::audit::Counts;

impl WriteTx {
    pub async fn audit(
        &mut self,
        workspace_id: i64,
        person_id: i64,
        command: &str,
        arguments_json: &str,
        outcome: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query!(
            "INSERT INTO audit_log (workspace_id, person_id, command, arguments, outcome, at) VALUES ($1, $2, $3, $4, $5, $6)",
            workspace_id,
            person_id,
            command,
            arguments_json,
            outcome,
            at
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }
}

impl Store {
    pub async fn counts(&self, workspace_id: i64) -> Result<Counts, StoreError> {
        let row = sqlx::query!(
            r#"SELECT
                 (SELECT COUNT(*) FROM people WHERE workspace_id = $1) AS "people!: i64",
                 (SELECT COUNT(*) FROM accounts WHERE workspace_id = $1) AS "accounts!: i64",
                 (SELECT COUNT(*) FROM contacts WHERE workspace_id = $1) AS "contacts!: i64",
                 (SELECT COUNT(*) FROM interactions WHERE workspace_id = $1) AS "interactions!: i64",
                 (SELECT COUNT(*) FROM audit_log WHERE workspace_id = $1) AS "audit_entries!: i64""#,
            workspace_id
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(Counts {
            people: row.people,
            accounts: row.accounts,
            contacts: row.contacts,
            interactions: row.interactions,
            audit_entries: row.audit_entries,
        })
    }
}
