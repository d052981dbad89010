//! Contacts: the people of the customer organisation, by department and role in the decision.

use crate::{Store, StoreError, WriteTx};
pub use kam_domain::records::StakeholderRow;
pub use kam_domain::records::contacts::{ContactChanges, ContactRow, NewContact};
use kam_domain::text::{fold, prefix_upper_bound};

impl Store {
    /// The account's contacts whose name is, or starts with, `name` (folded); exact matches first.
    pub async fn find_contacts(
        &self,
        workspace_id: i64,
        account_id: i64,
        name: &str,
    ) -> Result<Vec<ContactRow>, StoreError> {
        let folded = fold(name);
        let upper = prefix_upper_bound(&folded);
        sqlx::query_as!(
            ContactRow,
            r#"SELECT id AS "id!", name, title, department, decision_role, strength FROM contacts
               WHERE workspace_id = $1 AND account_id = $2 AND folded_name >= $3 AND folded_name < $4
               ORDER BY folded_name <> $5, folded_name LIMIT 10"#,
            workspace_id,
            account_id,
            folded,
            upper,
            folded
        )
        .fetch_all(&self.pool)
        .await
    }

    pub async fn contact_names(&self, workspace_id: i64, account_id: i64) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar!(
            "SELECT name FROM contacts WHERE workspace_id = $1 AND account_id = $2 ORDER BY folded_name",
            workspace_id,
            account_id
        )
        .fetch_all(&self.pool)
        .await
    }
}

impl WriteTx {
    pub async fn update_contact(
        &mut self,
        workspace_id: i64,
        contact_id: i64,
        c: &ContactChanges<'_>,
    ) -> Result<(), StoreError> {
        sqlx::query!(
            "UPDATE contacts SET title = COALESCE($1, title), department = COALESCE($2, department),
                 decision_role = COALESCE($3, decision_role), stance = COALESCE($4, stance), strength = COALESCE($5, strength),
                 email = COALESCE($6, email), phone = COALESCE($7, phone)
             WHERE workspace_id = $8 AND id = $9",
            c.title,
            c.department,
            c.decision_role,
            c.stance,
            c.strength,
            c.email,
            c.phone,
            workspace_id,
            contact_id
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    pub async fn insert_contact(&mut self, workspace_id: i64, c: &NewContact<'_>) -> Result<i64, StoreError> {
        let folded = fold(c.name);
        sqlx::query_scalar!(
            r#"INSERT INTO contacts (workspace_id, account_id, name, folded_name, title, department, decision_role,
                   stance, strength, email, phone, created_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id AS "id!""#,
            workspace_id,
            c.account_id,
            c.name,
            folded,
            c.title,
            c.department,
            c.decision_role,
            c.stance,
            c.strength,
            c.email,
            c.phone,
            c.created_at
        )
        .fetch_one(&mut *self.tx)
        .await
    }
}
