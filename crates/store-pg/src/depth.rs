//! Key-account depth: competitors in each account, share of wallet period by period, and the
//! management chain that decides who may change an account.

use chrono::{DateTime, Utc};

use crate::{Store, StoreError, WriteTx};
pub use kam_domain::records::depth::{CompetitorChange, QualificationRow};
pub use kam_domain::records::{CompetitorRow, WalletPeriod};
use kam_domain::text::fold;

impl Store {
    /// The account's competitors, the most threatening first.
    pub async fn competitors(&self, workspace_id: i64, account_id: i64) -> Result<Vec<CompetitorRow>, StoreError> {
        sqlx::query_as!(
            CompetitorRow,
            r#"SELECT name, share_bp, threat, note, updated_at AS "updated_at!: DateTime<Utc>" FROM competitors
               WHERE workspace_id = $1 AND account_id = $2
               ORDER BY CASE threat WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, share_bp DESC, folded_name"#,
            workspace_id,
            account_id
        )
        .fetch_all(&self.pool)
        .await
    }

    /// The account's share-of-wallet periods, oldest first.
    pub async fn wallet_periods(&self, workspace_id: i64, account_id: i64) -> Result<Vec<WalletPeriod>, StoreError> {
        sqlx::query_as!(
            WalletPeriod,
            r#"SELECT period, spend_minor, revenue_minor, (plan <> 0) AS "plan!" FROM wallet_periods
               WHERE workspace_id = $1 AND account_id = $2 ORDER BY period"#,
            workspace_id,
            account_id
        )
        .fetch_all(&self.pool)
        .await
    }

    /// A person and everyone above them in the team tree.
    pub async fn manager_chain(&self, workspace_id: i64, person_id: i64) -> Result<Vec<i64>, StoreError> {
        sqlx::query_scalar!(
            r#"WITH RECURSIVE chain(id) AS (
                   SELECT $2::bigint UNION SELECT p.manager_id FROM people p JOIN chain c ON p.id = c.id
                   WHERE p.workspace_id = $1 AND p.manager_id IS NOT NULL)
               SELECT id AS "id!: i64" FROM chain"#,
            workspace_id,
            person_id
        )
        .fetch_all(&self.pool)
        .await
    }
}

impl WriteTx {
    /// Adds a competitor to an account, or updates the one of that name.
    pub async fn upsert_competitor(&mut self, workspace_id: i64, c: &CompetitorChange<'_>) -> Result<(), StoreError> {
        let CompetitorChange { account_id, name, share_bp, threat, note, at } = *c;
        let folded = fold(name);
        sqlx::query!(
            "INSERT INTO competitors (workspace_id, account_id, name, folded_name, share_bp, threat, note, updated_at)
             VALUES ($1, $2, $3, $4, $5, COALESCE($6, 'medium'), COALESCE($7, ''), $8)
             ON CONFLICT (account_id, folded_name) DO UPDATE SET
                 name = excluded.name, share_bp = COALESCE($5, competitors.share_bp),
                 threat = COALESCE($6, competitors.threat), note = COALESCE($7, competitors.note), updated_at = $8",
            workspace_id,
            account_id,
            name,
            folded,
            share_bp,
            threat,
            note,
            at
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    /// Records a period's spend and revenue, `this_year` being the workspace's year at `at`: a
    /// later period is a plan, and a plan becomes figures when its year's are recorded. The newest
    /// period that is not a plan is the account's wallet and revenue.
    #[allow(clippy::too_many_arguments)]
    pub async fn record_wallet(
        &mut self,
        workspace_id: i64,
        account_id: i64,
        period: &str,
        spend_minor: i64,
        revenue_minor: i64,
        this_year: i32,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let plan = period.parse::<i32>().is_ok_and(|year| year > this_year);
        sqlx::query!(
            "INSERT INTO wallet_periods (workspace_id, account_id, period, spend_minor, revenue_minor, recorded_at, plan)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (account_id, period) DO UPDATE SET spend_minor = $4, revenue_minor = $5, recorded_at = $6,
                 plan = $7",
            workspace_id,
            account_id,
            period,
            spend_minor,
            revenue_minor,
            at,
            i64::from(plan)
        )
        .execute(&mut *self.tx)
        .await?;
        self.current_wallet(workspace_id, account_id).await
    }

    /// Removes one wallet period; `false` when the account had none for it.
    pub async fn remove_wallet_period(
        &mut self,
        workspace_id: i64,
        account_id: i64,
        period: &str,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query!(
            "DELETE FROM wallet_periods WHERE workspace_id = $1 AND account_id = $2 AND period = $3",
            workspace_id,
            account_id,
            period
        )
        .execute(&mut *self.tx)
        .await?;
        self.current_wallet(workspace_id, account_id).await?;
        Ok(done.rows_affected() == 1)
    }

    /// The account's spend and revenue are those of its newest period that is not a plan, on
    /// every date: a plan becomes the figures only when its year's are recorded.
    pub(super) async fn current_wallet(&mut self, workspace_id: i64, account_id: i64) -> Result<(), StoreError> {
        sqlx::query!(
            "UPDATE accounts SET wallet_minor = w.spend_minor, revenue_12m_minor = w.revenue_minor
             FROM (SELECT spend_minor, revenue_minor FROM wallet_periods
                    WHERE account_id = $2 AND plan = 0 ORDER BY period DESC LIMIT 1) AS w
             WHERE accounts.workspace_id = $1 AND accounts.id = $2",
            workspace_id,
            account_id
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }
}

impl Store {
    /// The qualification of every active account qualified so far, by name.
    pub async fn qualifications(&self, workspace_id: i64) -> Result<Vec<QualificationRow>, StoreError> {
        sqlx::query_as!(
            QualificationRow,
            r#"SELECT q.account_id AS "account_id!", a.name AS account_name, a.owner_id, a.tier AS "tier: kam_domain::account::Tier", q.potential, q.leadership,
                      q.profitability, q.fit, q.strength
               FROM qualifications q JOIN accounts a ON a.id = q.account_id
               WHERE q.workspace_id = $1 AND a.status = 'active' ORDER BY lower(a.name)"#,
            workspace_id
        )
        .fetch_all(&self.pool)
        .await
    }
}

impl WriteTx {
    pub async fn set_qualification(
        &mut self,
        workspace_id: i64,
        account_id: i64,
        q: &kam_domain::qualification::Qualification,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query!(
            "INSERT INTO qualifications (workspace_id, account_id, potential, leadership, profitability, fit, strength, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (account_id) DO UPDATE SET potential = $3, leadership = $4, profitability = $5, fit = $6,
                 strength = $7, updated_at = $8",
            workspace_id,
            account_id,
            q.potential,
            q.leadership,
            q.profitability,
            q.fit,
            q.strength,
            at
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }
}

impl Store {
    /// The workspace's own health weights, as (component, weight).
    pub async fn health_weights(&self, workspace_id: i64) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = sqlx::query!("SELECT component, weight FROM health_weights WHERE workspace_id = $1", workspace_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|r| (r.component, r.weight)).collect())
    }
}

impl WriteTx {
    pub async fn set_health_weight(
        &mut self,
        workspace_id: i64,
        component: &str,
        weight: i64,
    ) -> Result<(), StoreError> {
        sqlx::query!(
            "INSERT INTO health_weights (workspace_id, component, weight) VALUES ($1, $2, $3)
             ON CONFLICT (workspace_id, component) DO UPDATE SET weight = $3",
            workspace_id,
            component,
            weight
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }
}

impl WriteTx {
    /// The health scores of many accounts on one day, (account, score) pairs, in one write.
    pub async fn save_healths(
        &mut self,
        workspace_id: i64,
        scores: &[(i64, i64)],
        day: chrono::NaiveDate,
    ) -> Result<(), StoreError> {
        if scores.is_empty() {
            return Ok(());
        }
        let json = serde_json::to_string(scores).unwrap_or_else(|_| "[]".to_string());
        sqlx::query!(
            "INSERT INTO health_snapshots (workspace_id, account_id, taken_on, score)
             SELECT $1, (value ->> 0)::bigint, $3, (value ->> 1)::bigint FROM json_array_elements($2::text::json)
             ON CONFLICT (account_id, taken_on) DO UPDATE SET score = excluded.score",
            workspace_id,
            json,
            day
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }
}
