//! Contacts: the people of the customer organisation, by department and role in the decision.

use super::{Store, StoreError, WriteTx};
pub use crate::domain::records::StakeholderRow;
pub use crate::domain::records::contacts::{ContactChanges, ContactRow, NewContact};
use crate::domain::text::{fold, prefix_upper_bound};

impl Store {
    /// The account's contacts whose name is, or starts with, `name` (folded); exact matches first.
    pub async fn find_contacts(
        &self,
        workspace_id: i64,
        account_id: i64,
        name: &str,
    ) -> Result<Vec<ContactRow>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.find_contacts(workspace_id, account_id, name).await;
        }
        let folded = fold(name);
        let upper = prefix_upper_bound(&folded);
        sqlx::query_as!(
            ContactRow,
            r#"SELECT id AS "id!", name, title, department, decision_role, strength FROM contacts
               WHERE workspace_id = ? AND account_id = ? AND folded_name >= ? AND folded_name < ?
               ORDER BY folded_name <> ?, folded_name LIMIT 10"#,
            workspace_id,
            account_id,
            folded,
            upper,
            folded
        )
        .fetch_all(pool!(self))
        .await
    }

    pub async fn contact_names(&self, workspace_id: i64, account_id: i64) -> Result<Vec<String>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.contact_names(workspace_id, account_id).await;
        }
        sqlx::query_scalar!(
            "SELECT name FROM contacts WHERE workspace_id = ? AND account_id = ? ORDER BY folded_name",
            workspace_id,
            account_id
        )
        .fetch_all(pool!(self))
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
        if let super::WriteTx::Postgres(pg) = self {
            return pg.update_contact(workspace_id, contact_id, c).await;
        }
        sqlx::query!(
            "UPDATE contacts SET title = COALESCE(?, title), department = COALESCE(?, department),
                 decision_role = COALESCE(?, decision_role), stance = COALESCE(?, stance), strength = COALESCE(?, strength),
                 email = COALESCE(?, email), phone = COALESCE(?, phone)
             WHERE workspace_id = ? AND id = ?",
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
        .execute(lite!(self))
        .await?;
        Ok(())
    }

    pub async fn insert_contact(&mut self, workspace_id: i64, c: &NewContact<'_>) -> Result<i64, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.insert_contact(workspace_id, c).await;
        }
        let folded = fold(c.name);
        sqlx::query_scalar!(
            r#"INSERT INTO contacts (workspace_id, account_id, name, folded_name, title, department, decision_role,
                   stance, strength, email, phone, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id AS "id!""#,
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
        .fetch_one(lite!(self))
        .await
    }
}
