//! Reads and writes for imports and exports: every key an imported row can match on, read once
//! per file, and each kind of record as a flat row for export.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, StoreError, WriteTx};
pub use crate::domain::records::transfer::{
    ContactKey, ContactRecord, InteractionExport, NameTerm, OpportunityExport, PendingImport,
};
use crate::domain::text::fold;

impl Store {
    /// Every name and alias of the workspace's accounts (archived ones too).
    pub async fn account_name_terms(&self, workspace_id: i64) -> Result<Vec<NameTerm>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.account_name_terms(workspace_id).await;
        }
        let rows = sqlx::query!(
            r#"SELECT t.account_id AS "account_id!", a.name, t.kind, t.term
               FROM account_terms t JOIN accounts a ON a.id = t.account_id
               WHERE t.workspace_id = ? AND t.kind IN ('name', 'alias')"#,
            workspace_id
        )
        .fetch_all(pool!(self))
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| NameTerm { account_id: r.account_id, name: r.name, is_alias: r.kind == "alias", term: r.term })
            .collect())
    }

    /// The source ids of the interactions that came from `source` (an import's keys).
    pub async fn source_ids(&self, workspace_id: i64, source: &str) -> Result<Vec<String>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.source_ids(workspace_id, source).await;
        }
        let ids = sqlx::query_scalar!(
            r#"SELECT source_id AS "source_id!" FROM interactions
               WHERE workspace_id = ? AND source = ? AND source_id IS NOT NULL"#,
            workspace_id,
            source
        )
        .fetch_all(pool!(self))
        .await?;
        Ok(ids)
    }

    /// Every commitment of the workspace, whatever its status, as (account, text, due day): what an
    /// import of open activities matches against.
    pub async fn commitment_keys(
        &self,
        workspace_id: i64,
    ) -> Result<Vec<(i64, String, Option<NaiveDate>)>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.commitment_keys(workspace_id).await;
        }
        let rows = sqlx::query!(
            r#"SELECT account_id, text, due_on AS "due_on?: NaiveDate" FROM commitments WHERE workspace_id = ?"#,
            workspace_id
        )
        .fetch_all(pool!(self))
        .await?;
        Ok(rows.into_iter().map(|r| (r.account_id, r.text, r.due_on)).collect())
    }

    /// The external ids of the workspace's accounts that have one.
    pub async fn account_external_ids(&self, workspace_id: i64) -> Result<Vec<(i64, String)>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.account_external_ids(workspace_id).await;
        }
        let rows = sqlx::query!(
            r#"SELECT id AS "id!", external_id AS "external_id!" FROM accounts
               WHERE workspace_id = ? AND external_id IS NOT NULL"#,
            workspace_id
        )
        .fetch_all(pool!(self))
        .await?;
        Ok(rows.into_iter().map(|r| (r.id, r.external_id)).collect())
    }

    /// The day of each account's last contact, for the accounts that had one.
    pub async fn last_contact_days(&self, workspace_id: i64) -> Result<Vec<(i64, NaiveDate)>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.last_contact_days(workspace_id).await;
        }
        last_contact_days(pool!(self), workspace_id).await
    }

    /// The CNPJs of the workspace's accounts that have one, as digits.
    pub async fn account_cnpjs(&self, workspace_id: i64) -> Result<Vec<(i64, String)>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.account_cnpjs(workspace_id).await;
        }
        let rows = sqlx::query!(
            r#"SELECT id AS "id!", cnpj AS "cnpj!" FROM accounts WHERE workspace_id = ? AND cnpj IS NOT NULL"#,
            workspace_id
        )
        .fetch_all(pool!(self))
        .await?;
        Ok(rows.into_iter().map(|r| (r.id, r.cnpj)).collect())
    }

    /// Every contact's keys.
    pub async fn contact_keys(&self, workspace_id: i64) -> Result<Vec<ContactKey>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.contact_keys(workspace_id).await;
        }
        sqlx::query_as!(
            ContactKey,
            r#"SELECT id AS "id!", account_id, folded_name, external_id FROM contacts WHERE workspace_id = ? ORDER BY id"#,
            workspace_id
        )
        .fetch_all(pool!(self))
        .await
    }

    /// The editable fields of every contact of the workspace, by id.
    pub async fn contact_records(&self, workspace_id: i64) -> Result<Vec<(i64, ContactRecord)>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.contact_records(workspace_id).await;
        }
        let rows = sqlx::query!(
            r#"SELECT id AS "id!", account_id, name, title, department, decision_role, stance, strength, email, phone,
                      external_id
               FROM contacts WHERE workspace_id = ? ORDER BY id"#,
            workspace_id
        )
        .fetch_all(pool!(self))
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                (
                    r.id,
                    ContactRecord {
                        account_id: r.account_id,
                        name: r.name,
                        title: r.title,
                        department: r.department,
                        decision_role: r.decision_role,
                        stance: r.stance,
                        strength: r.strength,
                        email: r.email,
                        phone: r.phone,
                        external_id: r.external_id,
                    },
                )
            })
            .collect())
    }

    /// Every interaction of the workspace, oldest first.
    pub async fn interactions_for_export(&self, workspace_id: i64) -> Result<Vec<InteractionExport>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.interactions_for_export(workspace_id).await;
        }
        sqlx::query_as!(
            InteractionExport,
            r#"SELECT i.id AS "number!", a.name AS account, i.kind, i.occurred_at AS "occurred_at!: DateTime<Utc>",
                      p.display_name AS author, c.name AS "contact?", i.summary, i.next_step,
                      i.next_step_due AS "next_step_due?: NaiveDate", i.tone
               FROM interactions i
               JOIN accounts a ON a.id = i.account_id
               JOIN people p ON p.id = i.author_id
               LEFT JOIN contacts c ON c.id = i.contact_id
               WHERE i.workspace_id = ? ORDER BY i.occurred_at, i.id"#,
            workspace_id
        )
        .fetch_all(pool!(self))
        .await
    }

    /// Every opportunity of the workspace, by number.
    pub async fn opportunities_for_export(&self, workspace_id: i64) -> Result<Vec<OpportunityExport>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.opportunities_for_export(workspace_id).await;
        }
        sqlx::query_as!(
            OpportunityExport,
            r#"SELECT o.id AS "number!", a.name AS account, o.title, o.value_minor, a.currency, o.stage,
                      o.close_on AS "close_on?: NaiveDate", p.display_name AS owner, o.lost_reason
               FROM opportunities o
               JOIN accounts a ON a.id = o.account_id
               JOIN people p ON p.id = o.owner_id
               WHERE o.workspace_id = ? ORDER BY o.id"#,
            workspace_id
        )
        .fetch_all(pool!(self))
        .await
    }
}

impl WriteTx {
    /// The day of each account's last contact, read in the write that would add earlier ones.
    pub async fn last_contact_days(&mut self, workspace_id: i64) -> Result<Vec<(i64, NaiveDate)>, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.last_contact_days(workspace_id).await;
        }
        last_contact_days(lite!(self), workspace_id).await
    }
}

/// The day of each account's last contact, for the accounts of the workspace that had one.
async fn last_contact_days<'e, E: sqlx::SqliteExecutor<'e>>(
    executor: E,
    workspace_id: i64,
) -> Result<Vec<(i64, NaiveDate)>, StoreError> {
    let rows = sqlx::query!(
        r#"SELECT id AS "id!", last_contact_on AS "day!: NaiveDate" FROM accounts
           WHERE workspace_id = ? AND last_contact_on IS NOT NULL"#,
        workspace_id
    )
    .fetch_all(executor)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.day)).collect())
}

impl WriteTx {
    /// Adds a contact with every field, or (with `id`) replaces one's fields.
    pub async fn write_contact(
        &mut self,
        workspace_id: i64,
        id: Option<i64>,
        c: &ContactRecord,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.write_contact(workspace_id, id, c, now).await;
        }
        let folded = fold(&c.name);
        match id {
            Some(id) => {
                sqlx::query!(
                    "UPDATE contacts SET account_id = ?, name = ?, folded_name = ?, title = ?, department = ?,
                         decision_role = ?, stance = ?, strength = ?, email = ?, phone = ?, external_id = ?
                     WHERE workspace_id = ? AND id = ?",
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
                    c.external_id,
                    workspace_id,
                    id
                )
                .execute(lite!(self))
                .await?;
                Ok(id)
            }
            None => sqlx::query_scalar!(
                r#"INSERT INTO contacts (workspace_id, account_id, name, folded_name, title, department, decision_role,
                           stance, strength, email, phone, external_id, created_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id AS "id!""#,
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
                c.external_id,
                now
            )
            .fetch_one(lite!(self))
            .await,
        }
    }
}

impl Store {
    /// The pending import of this workspace with this id.
    pub async fn pending_import(&self, workspace_id: i64, id: i64) -> Result<Option<PendingImport>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.pending_import(workspace_id, id).await;
        }
        sqlx::query_as!(
            PendingImport,
            r#"SELECT id AS "id!", person_id, kind, file_name, content, created_at AS "created_at!: DateTime<Utc>"
               FROM pending_imports WHERE workspace_id = ? AND id = ?"#,
            workspace_id,
            id
        )
        .fetch_optional(pool!(self))
        .await
    }
}

impl WriteTx {
    /// Forgets the files checked before `before` and never confirmed.
    pub async fn purge_pending_imports(&mut self, before: DateTime<Utc>) -> Result<(), StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.purge_pending_imports(before).await;
        }
        sqlx::query!("DELETE FROM pending_imports WHERE created_at < ?", before).execute(lite!(self)).await?;
        Ok(())
    }

    /// Keeps a checked file until its admin confirms it.
    pub async fn insert_pending_import(
        &mut self,
        workspace_id: i64,
        person_id: i64,
        kind: &str,
        file_name: &str,
        content: &[u8],
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.insert_pending_import(workspace_id, person_id, kind, file_name, content, now).await;
        }
        sqlx::query_scalar!(
            r#"INSERT INTO pending_imports (workspace_id, person_id, kind, file_name, content, created_at)
               VALUES (?, ?, ?, ?, ?, ?) RETURNING id AS "id!""#,
            workspace_id,
            person_id,
            kind,
            file_name,
            content,
            now
        )
        .fetch_one(lite!(self))
        .await
    }

    /// Takes a pending import away; `false` when it was taken already (a second press).
    pub async fn claim_pending_import(&mut self, workspace_id: i64, id: i64) -> Result<bool, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.claim_pending_import(workspace_id, id).await;
        }
        let done = sqlx::query!("DELETE FROM pending_imports WHERE workspace_id = ? AND id = ?", workspace_id, id)
            .execute(lite!(self))
            .await?;
        Ok(done.rows_affected() == 1)
    }
}
