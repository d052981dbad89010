//! Teams and digests: the managers, each one's team and its accounts, and what the last digest
//! showed.

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Addressee, Store, StoreError, WriteTx};
pub use kam_domain::records::teams::{DigestSnapshot, TeamAccount};

impl WriteTx {
    pub async fn save_digest(
        &mut self,
        workspace_id: i64,
        manager_id: i64,
        s: &DigestSnapshot,
    ) -> Result<(), StoreError> {
        sqlx::query!(
            "INSERT INTO digest_snapshots (workspace_id, manager_id, taken_at, at_risk, revenue_minor, wallet_minor,
                 accounts)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (manager_id, taken_at) DO UPDATE SET workspace_id = excluded.workspace_id,
                 at_risk = excluded.at_risk, revenue_minor = excluded.revenue_minor,
                 wallet_minor = excluded.wallet_minor, accounts = excluded.accounts",
            workspace_id,
            manager_id,
            s.taken_at,
            s.at_risk,
            s.revenue_minor,
            s.wallet_minor,
            s.accounts
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }
}

/// Reads for a manager's digest: through the pool, so that building a digest on demand takes no
/// write lock.
impl Store {
    /// The workspace's managers, read without a write lock.
    pub async fn managers(&self, workspace_id: i64) -> Result<Vec<Addressee>, StoreError> {
        managers_of(&self.pool, workspace_id).await
    }

    /// A manager's team: the manager and everyone reporting to them, directly or not.
    pub async fn team(&self, workspace_id: i64, manager_id: i64) -> Result<Vec<Addressee>, StoreError> {
        team_of(&self.pool, workspace_id, manager_id).await
    }

    /// The active accounts owned by one person.
    pub async fn accounts_of_owner(&self, workspace_id: i64, owner_id: i64) -> Result<Vec<TeamAccount>, StoreError> {
        sqlx::query_as!(
            TeamAccount,
            r#"SELECT id AS "id!", name, tier AS "tier: kam_domain::account::Tier", owner_id AS "owner_id!", wallet_minor, revenue_12m_minor, share_ceiling_bp,
                      currency AS "currency: kam_domain::money::Currency", next_planning_due AS "next_planning_due?: NaiveDate", contact_due_on AS "contact_due_on?: NaiveDate",
                      yearly_review_on AS "yearly_review_on?: NaiveDate"
               FROM accounts WHERE workspace_id = $1 AND owner_id = $2 AND status = 'active' ORDER BY tier, name"#,
            workspace_id,
            owner_id
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Interactions a person logged from `from` on.
    pub async fn interactions_by(
        &self,
        workspace_id: i64,
        author_id: i64,
        from: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        sqlx::query_scalar!(
            r#"SELECT COUNT(*) AS "n!: i64" FROM interactions WHERE workspace_id = $1 AND author_id = $2 AND occurred_at >= $3"#,
            workspace_id,
            author_id,
            from
        )
        .fetch_one(&self.pool)
        .await
    }

    pub async fn last_digest(&self, workspace_id: i64, manager_id: i64) -> Result<Option<DigestSnapshot>, StoreError> {
        sqlx::query_as!(
            DigestSnapshot,
            r#"SELECT taken_at AS "taken_at!: DateTime<Utc>", at_risk, revenue_minor, wallet_minor, accounts FROM digest_snapshots
               WHERE workspace_id = $1 AND manager_id = $2 ORDER BY taken_at DESC LIMIT 1"#,
            workspace_id,
            manager_id
        )
        .fetch_optional(&self.pool)
        .await
    }
}

/// The workspace's managers (by role, or because someone reports to them), through any
/// connection (the pool, or a write transaction).
async fn managers_of<'e, E>(executor: E, workspace_id: i64) -> Result<Vec<Addressee>, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Postgres>,
{
    sqlx::query_as!(
        Addressee,
        r#"SELECT id AS "id!", display_name, platform AS "platform: kam_domain::identity::Platform", platform_user_id, language, role AS "role: kam_domain::account::Role", manager_id
           FROM people p WHERE workspace_id = $1
             AND (role = 'manager' OR EXISTS (SELECT 1 FROM people r WHERE r.manager_id = p.id))
           ORDER BY folded_name"#,
        workspace_id
    )
    .fetch_all(executor)
    .await
}

/// A manager's team, through any connection (the pool, or a write transaction).
async fn team_of<'e, E>(executor: E, workspace_id: i64, manager_id: i64) -> Result<Vec<Addressee>, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Postgres>,
{
    sqlx::query_as!(
        Addressee,
        r#"WITH RECURSIVE team(id) AS (
               SELECT $2::bigint UNION SELECT p.id FROM people p JOIN team t ON p.manager_id = t.id WHERE p.workspace_id = $1)
           SELECT p.id AS "id!", p.display_name, p.platform AS "platform: kam_domain::identity::Platform", p.platform_user_id, p.language, p.role AS "role: kam_domain::account::Role", p.manager_id
           FROM people p JOIN team t ON t.id = p.id WHERE p.workspace_id = $1 ORDER BY p.folded_name"#,
        workspace_id,
        manager_id
    )
    .fetch_all(executor)
    .await
}
