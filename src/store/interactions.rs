//! Interactions: what happened with a key account, when, with whom, and what comes next.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, StoreError, WriteTx};
use crate::domain::kind::InteractionKind;
pub use crate::domain::records::interactions::{InsertOutcome, InteractionRow, NewInteraction};

impl Store {
    /// The account's last `limit` interactions, newest first.
    pub async fn history(
        &self,
        workspace_id: i64,
        account_id: i64,
        limit: i64,
    ) -> Result<Vec<InteractionRow>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.history(workspace_id, account_id, limit).await;
        }
        self.history_page(workspace_id, account_id, limit, 0).await
    }

    /// How many interactions an account has.
    pub async fn interaction_count(&self, workspace_id: i64, account_id: i64) -> Result<i64, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.interaction_count(workspace_id, account_id).await;
        }
        sqlx::query_scalar!(
            // Named: without statistics SQLite would pick (workspace_id, number) and count every
            // interaction of the workspace (a second at 2 million) to keep one account's.
            r#"SELECT COUNT(*) AS "n!: i64" FROM interactions INDEXED BY interactions_by_account
               WHERE workspace_id = ?1 AND account_id = ?2"#,
            workspace_id,
            account_id
        )
        .fetch_one(pool!(self))
        .await
    }

    /// `limit` interactions of an account, newest first, after the `offset` newest.
    pub async fn history_page(
        &self,
        workspace_id: i64,
        account_id: i64,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<InteractionRow>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.history_page(workspace_id, account_id, limit, offset).await;
        }
        sqlx::query_as!(
            InteractionRow,
            r#"SELECT i.id AS "id!", i.kind AS "kind: InteractionKind", i.occurred_at AS "occurred_at!: DateTime<Utc>", i.summary, i.next_step,
                      i.next_step_due AS "next_step_due?: NaiveDate", p.display_name AS author_name,
                      c.name AS "contact_name?", c.department AS "contact_department?"
               FROM interactions i
               JOIN people p ON p.id = i.author_id
               LEFT JOIN contacts c ON c.id = i.contact_id
               WHERE i.workspace_id = ?1 AND i.account_id = ?2
               ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?3 OFFSET ?4"#,
            workspace_id,
            account_id,
            limit,
            offset
        )
        .fetch_all(pool!(self))
        .await
    }
}

impl WriteTx {
    /// The account's newest interaction (when, and its next step), read inside a write so that
    /// what is decided from it cannot be changed by another writer meanwhile.
    pub async fn newest_interaction(
        &mut self,
        workspace_id: i64,
        account_id: i64,
    ) -> Result<Option<(DateTime<Utc>, Option<String>)>, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.newest_interaction(workspace_id, account_id).await;
        }
        let row = sqlx::query!(
            r#"SELECT occurred_at AS "occurred_at!: DateTime<Utc>", next_step FROM interactions
               WHERE workspace_id = ? AND account_id = ? ORDER BY occurred_at DESC, id DESC LIMIT 1"#,
            workspace_id,
            account_id
        )
        .fetch_optional(lite!(self))
        .await?;
        Ok(row.map(|r| (r.occurred_at, r.next_step)))
    }

    /// Logs an interaction once: a second delivery with the same source id returns the first.
    pub async fn insert_interaction(
        &mut self,
        workspace_id: i64,
        i: &NewInteraction<'_>,
    ) -> Result<InsertOutcome, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.insert_interaction(workspace_id, i).await;
        }
        Ok(self.log_interaction(workspace_id, i).await?.0)
    }

    /// Logs an interaction and its commitments; the numbers the commitments were given (none when
    /// the interaction had been logged before).
    pub async fn log_interaction(
        &mut self,
        workspace_id: i64,
        i: &NewInteraction<'_>,
    ) -> Result<(InsertOutcome, Vec<i64>), StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.log_interaction(workspace_id, i).await;
        }
        if let Some(source_id) = i.source_id {
            let existing = sqlx::query_scalar!(
                r#"SELECT number AS "number!" FROM interactions WHERE workspace_id = ? AND source = ? AND source_id = ?"#,
                workspace_id,
                i.source,
                source_id
            )
            .fetch_optional(lite!(self))
            .await?;
            if let Some(id) = existing {
                return Ok((InsertOutcome::AlreadyLogged(id), Vec::new()));
            }
        }
        let row = sqlx::query!(
            r#"INSERT INTO interactions (workspace_id, account_id, contact_id, author_id, kind, occurred_at, summary,
                   next_step, next_step_due, source, source_id, tone, created_at, number)
               VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
                       (SELECT COALESCE(MAX(number), 0) + 1 FROM interactions WHERE workspace_id = ?1))
               RETURNING id AS "id!", number AS "number!""#,
            workspace_id,
            i.account_id,
            i.contact_id,
            i.author_id,
            i.kind,
            i.occurred_at,
            i.summary,
            i.next_step,
            i.next_step_due,
            i.source,
            i.source_id,
            i.tone,
            i.created_at
        )
        .fetch_one(lite!(self))
        .await?;
        for contact in i.also_contacts {
            sqlx::query!(
                "INSERT INTO interaction_contacts (workspace_id, interaction_id, contact_id) VALUES (?, ?, ?)
                 ON CONFLICT DO NOTHING",
                workspace_id,
                row.id,
                contact
            )
            .execute(lite!(self))
            .await?;
        }
        let commitments =
            self.insert_commitments(workspace_id, i.account_id, Some(row.id), i.commitments, i.created_at).await?;
        // The account's clock: last contact, when contact goes stale, and (for a planning meeting
        // or a yearly review) when the next planning meeting is due.
        let planning = i.kind.is_planning();
        sqlx::query!(
            "UPDATE accounts SET
                 last_contact_on = MAX(COALESCE(last_contact_on, ''), ?1),
                 contact_due_on = date(MAX(COALESCE(last_contact_on, ''), ?1), '+' || planning_cadence_days || ' days'),
                 next_planning_due = CASE WHEN ?2
                     THEN MAX(COALESCE(next_planning_due, ''), date(?1, '+' || planning_cadence_days || ' days'))
                     ELSE next_planning_due END
             WHERE workspace_id = ?3 AND id = ?4",
            i.occurred_on,
            planning,
            workspace_id,
            i.account_id
        )
        .execute(lite!(self))
        .await?;
        Ok((InsertOutcome::Inserted(row.number), commitments))
    }
}
