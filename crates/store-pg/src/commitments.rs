//! Commitments: each next step someone took on, open until it is done or dropped, whatever is
//! logged after it; and the reads that list and remind them (plan goals with a due day too).

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Store, StoreError, WriteTx};
use kam_domain::kind::CommitmentStatus;
pub use kam_domain::records::commitments::{CommitmentRow, CommitmentScope, DueToRemind, NewCommitment, PAGE_CAP};

impl WriteTx {
    /// Records the commitments said in interaction `interaction_id`, each with the next number of
    /// the workspace.
    pub async fn insert_commitments(
        &mut self,
        workspace_id: i64,
        account_id: i64,
        interaction_id: Option<i64>,
        commitments: &[NewCommitment],
        at: DateTime<Utc>,
    ) -> Result<Vec<i64>, StoreError> {
        let mut numbers = Vec::with_capacity(commitments.len());
        for c in commitments {
            let number = sqlx::query_scalar!(
                r#"INSERT INTO commitments (workspace_id, number, account_id, interaction_id, owner_id, text, due_on, created_at)
                   VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM commitments WHERE workspace_id = $1),
                           $2, $3, $4, $5, $6, $7)
                   RETURNING number AS "number!""#,
                workspace_id,
                account_id,
                interaction_id,
                c.owner_id,
                c.text,
                c.due_on,
                at
            )
            .fetch_one(&mut *self.tx)
            .await?;
            numbers.push(number);
        }
        Ok(numbers)
    }

    /// Commitment `number` of the workspace, whatever its status, read in the write.
    pub async fn commitment_by_number(
        &mut self,
        workspace_id: i64,
        number: i64,
    ) -> Result<Option<CommitmentRow>, StoreError> {
        by_number(&mut *self.tx, workspace_id, number).await
    }

    /// The account's open commitments, the soonest due first (at most [`PAGE_CAP`]).
    pub async fn open_commitments_of(
        &mut self,
        workspace_id: i64,
        account_id: i64,
    ) -> Result<Vec<CommitmentRow>, StoreError> {
        sqlx::query_as!(
            CommitmentRow,
            r#"SELECT c.id AS "id!", c.number, c.account_id, a.name AS account_name, c.owner_id,
                      p.display_name AS owner_name, c.text, c.due_on AS "due_on?: NaiveDate",
                      c.status AS "status: CommitmentStatus", c.created_at AS "created_at!: DateTime<Utc>"
               FROM commitments c JOIN accounts a ON a.id = c.account_id JOIN people p ON p.id = c.owner_id
               WHERE c.workspace_id = $1 AND c.account_id = $2 AND c.status = 'open'
               ORDER BY c.due_on IS NULL, c.due_on, c.number LIMIT 50"#,
            workspace_id,
            account_id
        )
        .fetch_all(&mut *self.tx)
        .await
    }

    /// Closes an open commitment as done or dropped; `false` when it was no longer open.
    pub async fn close_commitment(
        &mut self,
        workspace_id: i64,
        id: i64,
        status: CommitmentStatus,
        by: i64,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query!(
            "UPDATE commitments SET status = $1, closed_by = $2, closed_at = $3
             WHERE workspace_id = $4 AND id = $5 AND status = 'open'",
            status as _,
            by,
            at,
            workspace_id,
            id
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

impl Store {
    /// Commitment `number` of the workspace, whatever its status.
    pub async fn commitment(&self, workspace_id: i64, number: i64) -> Result<Option<CommitmentRow>, StoreError> {
        by_number(&self.pool, workspace_id, number).await
    }

    /// A page of open commitments in `scope`, the soonest due first (undated last), and how many
    /// there are in all.
    pub async fn open_commitments(
        &self,
        workspace_id: i64,
        scope: CommitmentScope,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<CommitmentRow>, i64), StoreError> {
        let (owner, team, account) = match scope {
            CommitmentScope::Owner(id) => (Some(id), None, None),
            CommitmentScope::Team(id) => (None, Some(id), None),
            CommitmentScope::Account(id) => (None, None, Some(id)),
        };
        let limit = limit.clamp(1, PAGE_CAP);
        let rows = sqlx::query!(
            r#"WITH RECURSIVE team(id) AS (
                   SELECT $3::bigint WHERE $3::bigint IS NOT NULL
                   UNION SELECT p.id FROM people p JOIN team t ON p.manager_id = t.id WHERE p.workspace_id = $1)
               SELECT c.id AS "id!", c.number, c.account_id, a.name AS account_name, c.owner_id,
                      p.display_name AS owner_name, c.text, c.due_on AS "due_on?: NaiveDate",
                      c.status AS "status: CommitmentStatus", c.created_at AS "created_at!: DateTime<Utc>",
                      COUNT(*) OVER () AS "total!: i64"
               FROM commitments c JOIN accounts a ON a.id = c.account_id JOIN people p ON p.id = c.owner_id
               WHERE c.workspace_id = $1 AND c.status = 'open'
                 AND ($2::bigint IS NULL OR c.owner_id = $2)
                 AND ($3::bigint IS NULL OR c.owner_id IN (SELECT id FROM team))
                 AND ($4::bigint IS NULL OR c.account_id = $4)
               ORDER BY c.due_on IS NULL, c.due_on, a.name, c.number
               LIMIT $5 OFFSET $6"#,
            workspace_id,
            owner,
            team,
            account,
            limit,
            offset
        )
        .fetch_all(&self.pool)
        .await?;
        let total = rows.first().map_or(0, |r| r.total);
        let rows = rows
            .into_iter()
            .map(|r| CommitmentRow {
                id: r.id,
                number: r.number,
                account_id: r.account_id,
                account_name: r.account_name,
                owner_id: r.owner_id,
                owner_name: r.owner_name,
                text: r.text,
                due_on: r.due_on,
                status: r.status,
                created_at: r.created_at,
            })
            .collect();
        Ok((rows, total))
    }

    /// How many open commitments each person of `manager`'s team has past their day (due before
    /// `today`), the most first; people with none are left out.
    pub async fn late_commitments_by_owner(
        &self,
        workspace_id: i64,
        manager_id: i64,
        today: NaiveDate,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = sqlx::query!(
            r#"WITH RECURSIVE team(id) AS (
                   SELECT $2::bigint UNION SELECT p.id FROM people p JOIN team t ON p.manager_id = t.id WHERE p.workspace_id = $1)
               SELECT p.display_name AS "name!", COUNT(*) AS "late!: i64"
               FROM commitments c JOIN team t ON t.id = c.owner_id JOIN people p ON p.id = c.owner_id
               JOIN accounts a ON a.id = c.account_id
               WHERE c.workspace_id = $1 AND c.status = 'open' AND c.due_on < $3 AND a.status = 'active'
               GROUP BY c.owner_id, p.display_name, p.folded_name ORDER BY COUNT(*) DESC, p.folded_name"#,
            workspace_id,
            manager_id,
            today
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (r.name, r.late)).collect())
    }

    /// Open commitments due from `from` to `until` on active accounts, to remind their owners of.
    pub async fn commitments_to_remind(
        &self,
        workspace_id: i64,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Result<Vec<DueToRemind>, StoreError> {
        sqlx::query_as!(
            DueToRemind,
            r#"SELECT c.id AS "id!", c.number, c.account_id, a.name AS account_name, c.owner_id,
                      c.text, c.due_on AS "due!: NaiveDate"
               FROM commitments c JOIN accounts a ON a.id = c.account_id
               WHERE c.workspace_id = $1 AND c.status = 'open' AND c.due_on >= $2 AND c.due_on <= $3
                 AND a.status = 'active'
               ORDER BY c.due_on, a.name, c.number"#,
            workspace_id,
            from,
            until
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Open goals of account plans due from `from` to `until` on active accounts, to remind their
    /// owners of (the account's owner when the goal names none).
    pub async fn goals_to_remind(
        &self,
        workspace_id: i64,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Result<Vec<DueToRemind>, StoreError> {
        sqlx::query_as!(
            DueToRemind,
            r#"SELECT g.id AS "id!", g.id AS "number!", a.id AS "account_id!", a.name AS account_name,
                      COALESCE(g.owner_id, a.owner_id) AS "owner_id!: i64", g.title AS text, g.due_on AS "due!: NaiveDate"
               FROM plan_goals g JOIN account_plans pl ON pl.id = g.plan_id JOIN accounts a ON a.id = pl.account_id
               WHERE g.workspace_id = $1 AND g.status = 'open' AND g.due_on >= $2 AND g.due_on <= $3
                 AND a.status = 'active' AND COALESCE(g.owner_id, a.owner_id) IS NOT NULL
               ORDER BY g.due_on, a.name, g.id"#,
            workspace_id,
            from,
            until
        )
        .fetch_all(&self.pool)
        .await
    }
}

/// Commitment `number` of the workspace, in a write or not.
async fn by_number<'e, E: sqlx::PgExecutor<'e>>(
    executor: E,
    workspace_id: i64,
    number: i64,
) -> Result<Option<CommitmentRow>, StoreError> {
    sqlx::query_as!(
        CommitmentRow,
        r#"SELECT c.id AS "id!", c.number, c.account_id, a.name AS account_name, c.owner_id,
                  p.display_name AS owner_name, c.text, c.due_on AS "due_on?: NaiveDate",
                  c.status AS "status: CommitmentStatus", c.created_at AS "created_at!: DateTime<Utc>"
           FROM commitments c JOIN accounts a ON a.id = c.account_id JOIN people p ON p.id = c.owner_id
           WHERE c.workspace_id = $1 AND c.number = $2"#,
        workspace_id,
        number
    )
    .fetch_optional(executor)
    .await
}
