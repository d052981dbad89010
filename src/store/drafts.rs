//! Drafts: free sentences read into interactions, waiting for their author's confirmation; and
//! the lookups the reader makes (account names among a sentence's words, an account's contacts).

use chrono::{DateTime, Utc};

use super::{ContactRow, Store, StoreError, TermHit, WriteTx};
pub use crate::domain::records::drafts::DraftRow;

impl Store {
    /// Account names and aliases equal to one of the folded terms (a JSON array of strings): the
    /// accounts a sentence names. Each term is one probe of the name index; at most `limit` rows.
    pub async fn account_terms_in(
        &self,
        workspace_id: i64,
        terms_json: &str,
        limit: i64,
    ) -> Result<Vec<TermHit>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.account_terms_in(workspace_id, terms_json, limit).await;
        }
        sqlx::query_as!(
            TermHit,
            r#"SELECT t.account_id AS "account_id!", a.name, t.kind, t.term
               FROM account_terms t JOIN accounts a ON a.id = t.account_id
               WHERE t.workspace_id = ?1 AND t.kind IN ('name', 'alias')
                 AND t.term IN (SELECT value FROM json_each(?2))
               LIMIT ?3"#,
            workspace_id,
            terms_json,
            limit
        )
        .fetch_all(pool!(self))
        .await
    }

    /// Accounts with a name word equal to one of the folded terms, the first `limit` found (a word
    /// shared by thousands of names stops the scan at once): candidates to offer, never to pick.
    pub async fn account_words_in(
        &self,
        workspace_id: i64,
        terms_json: &str,
        limit: i64,
    ) -> Result<Vec<TermHit>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.account_words_in(workspace_id, terms_json, limit).await;
        }
        sqlx::query_as!(
            TermHit,
            r#"SELECT t.account_id AS "account_id!", a.name, t.kind, t.term
               FROM account_terms t JOIN accounts a ON a.id = t.account_id
               WHERE t.workspace_id = ?1 AND t.kind = 'word'
                 AND t.term IN (SELECT value FROM json_each(?2))
               LIMIT ?3"#,
            workspace_id,
            terms_json,
            limit
        )
        .fetch_all(pool!(self))
        .await
    }

    /// The accounts of contacts whose whole folded name is one of the terms (a JSON array): the
    /// accounts to offer when a sentence names a person but no account. At most `limit` rows. The
    /// index is named: the planner would otherwise scan the workspace's contacts by account.
    pub async fn accounts_of_contacts_named(
        &self,
        workspace_id: i64,
        terms_json: &str,
        limit: i64,
    ) -> Result<Vec<TermHit>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.accounts_of_contacts_named(workspace_id, terms_json, limit).await;
        }
        sqlx::query_as!(
            TermHit,
            r#"SELECT c.account_id AS "account_id!", a.name, 'contact' AS "kind!: String", c.folded_name AS term
               FROM contacts c INDEXED BY contacts_by_folded_name JOIN accounts a ON a.id = c.account_id
               WHERE c.workspace_id = ?1 AND c.folded_name IN (SELECT value FROM json_each(?2)) AND a.status = 'active'
               ORDER BY a.name LIMIT ?3"#,
            workspace_id,
            terms_json,
            limit
        )
        .fetch_all(pool!(self))
        .await
    }

    /// The contacts of an account, at most 200, by name.
    pub async fn contacts_of(&self, workspace_id: i64, account_id: i64) -> Result<Vec<ContactRow>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.contacts_of(workspace_id, account_id).await;
        }
        sqlx::query_as!(
            ContactRow,
            r#"SELECT id AS "id!", name, title, department, decision_role, strength FROM contacts
               WHERE workspace_id = ? AND account_id = ? ORDER BY folded_name LIMIT 200"#,
            workspace_id,
            account_id
        )
        .fetch_all(pool!(self))
        .await
    }
}

impl WriteTx {
    /// Keeps a draft; its number in the workspace.
    pub async fn insert_draft(
        &mut self,
        workspace_id: i64,
        author_id: i64,
        body: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.insert_draft(workspace_id, author_id, body, now, expires_at).await;
        }
        sqlx::query_scalar!(
            r#"INSERT INTO drafts (workspace_id, number, author_id, body, created_at, expires_at)
               VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM drafts WHERE workspace_id = ?1), ?2, ?3, ?4, ?5)
               RETURNING number AS "number!""#,
            workspace_id,
            author_id,
            body,
            now,
            expires_at
        )
        .fetch_one(lite!(self))
        .await
    }

    /// The draft with this number, or (without one) the author's newest open draft, read inside
    /// the write that decides on it.
    pub async fn draft(
        &mut self,
        workspace_id: i64,
        number: Option<i64>,
        author_id: i64,
    ) -> Result<Option<DraftRow>, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.draft(workspace_id, number, author_id).await;
        }
        draft_row(lite!(self), workspace_id, number, author_id).await
    }

    /// Ends an open draft as confirmed (with the interaction it logged) or cancelled.
    pub async fn settle_draft(
        &mut self,
        workspace_id: i64,
        id: i64,
        confirmed: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.settle_draft(workspace_id, id, confirmed, now).await;
        }
        let state = if confirmed.is_some() { "confirmed" } else { "cancelled" };
        let done = sqlx::query!(
            "UPDATE drafts SET state = ?, interaction = ?, settled_at = ? WHERE workspace_id = ? AND id = ? AND state = 'open'",
            state,
            confirmed,
            now,
            workspace_id,
            id
        )
        .execute(lite!(self))
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Whether an account can still be logged on (it exists and is not archived).
    pub async fn account_is_active(&mut self, workspace_id: i64, account_id: i64) -> Result<bool, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.account_is_active(workspace_id, account_id).await;
        }
        let status = sqlx::query_scalar!(
            "SELECT status FROM accounts WHERE workspace_id = ? AND id = ?",
            workspace_id,
            account_id
        )
        .fetch_optional(lite!(self))
        .await?;
        Ok(status.as_deref() == Some("active"))
    }
}

impl Store {
    /// The draft with this number, or the author's newest open one, read before a change is
    /// resolved; the change itself is made with [`WriteTx::replace_draft`], only if it is unchanged.
    pub async fn open_draft(
        &self,
        workspace_id: i64,
        number: Option<i64>,
        author_id: i64,
    ) -> Result<Option<DraftRow>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.open_draft(workspace_id, number, author_id).await;
        }
        draft_row(pool!(self), workspace_id, number, author_id).await
    }
}

/// The one query both read a draft with, through the pool or inside a write.
async fn draft_row<'e, E: sqlx::SqliteExecutor<'e>>(
    executor: E,
    workspace_id: i64,
    number: Option<i64>,
    author_id: i64,
) -> Result<Option<DraftRow>, StoreError> {
    sqlx::query_as!(
        DraftRow,
        r#"SELECT id AS "id!", number, author_id, body, state, expires_at AS "expires_at!: DateTime<Utc>", interaction
           FROM drafts
           WHERE workspace_id = ?1 AND ((?2 IS NOT NULL AND number = ?2)
                 OR (?2 IS NULL AND author_id = ?3 AND state = 'open'))
           ORDER BY created_at DESC, id DESC LIMIT 1"#,
        workspace_id,
        number,
        author_id
    )
    .fetch_optional(executor)
    .await
}

impl WriteTx {
    /// Replaces an open, fresh draft's body if it still holds `before`: whether it did.
    pub async fn replace_draft(
        &mut self,
        workspace_id: i64,
        id: i64,
        before: &str,
        after: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.replace_draft(workspace_id, id, before, after, now).await;
        }
        let done = sqlx::query!(
            "UPDATE drafts SET body = ? WHERE workspace_id = ? AND id = ? AND body = ? AND state = 'open' AND expires_at > ?",
            after,
            workspace_id,
            id,
            before,
            now
        )
        .execute(lite!(self))
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
