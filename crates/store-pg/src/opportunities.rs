//! Opportunities with key accounts.

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Store, StoreError, WriteTx};
use kam_domain::pipeline::Stage;
pub use kam_domain::records::opportunities::{Closed, NewOpportunity, OpportunityRow};

impl Store {
    /// The account's opportunities, open ones first by stage, then closed ones.
    pub async fn opportunities(&self, workspace_id: i64, account_id: i64) -> Result<Vec<OpportunityRow>, StoreError> {
        sqlx::query_as!(
            OpportunityRow,
            r#"SELECT o.id AS "id!", o.number AS "number!", o.account_id, o.title, o.value_minor, o.stage AS "stage: Stage", o.close_on AS "close_on?: NaiveDate",
                      o.lost_reason, o.owner_id, p.display_name AS owner_name,
                      o.closed_at AS "closed_at?: DateTime<Utc>"
               FROM opportunities o JOIN people p ON p.id = o.owner_id
               WHERE o.workspace_id = $1 AND o.account_id = $2
               ORDER BY o.stage IN ('won', 'lost'), CASE o.stage WHEN 'negotiation' THEN 0 WHEN 'proposal' THEN 1
                        WHEN 'qualified' THEN 2 WHEN 'identified' THEN 3 ELSE 4 END, o.id"#,
            workspace_id,
            account_id
        )
        .fetch_all(&self.pool)
        .await
    }

    /// The opportunity of this number in the workspace.
    pub async fn opportunity(&self, workspace_id: i64, number: i64) -> Result<Option<OpportunityRow>, StoreError> {
        sqlx::query_as!(
            OpportunityRow,
            r#"SELECT o.id AS "id!", o.number AS "number!", o.account_id, o.title, o.value_minor, o.stage AS "stage: Stage", o.close_on AS "close_on?: NaiveDate",
                      o.lost_reason, o.owner_id, p.display_name AS owner_name,
                      o.closed_at AS "closed_at?: DateTime<Utc>"
               FROM opportunities o JOIN people p ON p.id = o.owner_id WHERE o.workspace_id = $1 AND o.number = $2"#,
            workspace_id,
            number
        )
        .fetch_optional(&self.pool)
        .await
    }

    /// A rep's won and lost opportunities, all accounts together.
    pub async fn closed_by_owner(&self, workspace_id: i64, owner_id: i64) -> Result<Closed, StoreError> {
        let row = sqlx::query!(
            r#"SELECT COUNT(*) FILTER (WHERE stage = 'won') AS "won!: i64", COUNT(*) FILTER (WHERE stage = 'lost') AS "lost!: i64"
               FROM opportunities WHERE workspace_id = $1 AND owner_id = $2"#,
            workspace_id,
            owner_id
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(Closed { won: row.won, lost: row.lost })
    }
}

impl WriteTx {
    /// Adds an opportunity; its number in the workspace.
    pub async fn insert_opportunity(&mut self, workspace_id: i64, o: &NewOpportunity<'_>) -> Result<i64, StoreError> {
        let NewOpportunity { account_id, title, value_minor, stage, lost_reason, close_on, owner_id, at } = *o;
        sqlx::query_scalar!(
            r#"INSERT INTO opportunities (workspace_id, account_id, title, value_minor, stage, lost_reason, close_on, owner_id,
                   created_at, closed_at, number)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $5 IN ('won', 'lost') THEN $9::timestamptz END,
                       (SELECT COALESCE(MAX(number), 0) + 1 FROM opportunities WHERE workspace_id = $1))
               RETURNING number AS "number!""#,
            workspace_id,
            account_id,
            title,
            value_minor,
            stage as _,
            lost_reason,
            close_on,
            owner_id,
            at
        )
        .fetch_one(&mut *self.tx)
        .await
    }

    /// Moves an opportunity to a stage; a won one adds its value to the revenue of `year` (the
    /// workspace's year at `at`), and so to the account's unless that year's figures are a plan.
    pub async fn move_opportunity(
        &mut self,
        workspace_id: i64,
        id: i64,
        stage: Stage,
        lost_reason: Option<&str>,
        at: DateTime<Utc>,
        year: &str,
    ) -> Result<(), StoreError> {
        sqlx::query!(
            "UPDATE opportunities SET stage = $1, lost_reason = $2,
                 closed_at = CASE WHEN $1 IN ('won', 'lost') THEN $3::timestamptz ELSE NULL END
             WHERE workspace_id = $4 AND id = $5",
            stage as _,
            lost_reason,
            at,
            workspace_id,
            id
        )
        .execute(&mut *self.tx)
        .await?;
        if stage == Stage::Won {
            // The wallet periods are the one source of share of wallet: a win adds its value to
            // the period of the year it closes in (started from the account's figures when that
            // year has none), and the account's figures follow.
            let won = sqlx::query!(
                r#"INSERT INTO wallet_periods (workspace_id, account_id, period, spend_minor, revenue_minor, recorded_at)
                   SELECT $1, o.account_id, $4, a.wallet_minor, a.revenue_12m_minor + o.value_minor, $3
                     FROM opportunities o JOIN accounts a ON a.id = o.account_id
                    WHERE o.workspace_id = $1 AND o.id = $2
                   ON CONFLICT (account_id, period) DO UPDATE SET
                       revenue_minor = wallet_periods.revenue_minor + (SELECT value_minor FROM opportunities WHERE id = $2),
                       recorded_at = $3
                   RETURNING account_id AS "account_id!: i64""#,
                workspace_id,
                id,
                at,
                year
            )
            .fetch_optional(&mut *self.tx)
            .await?;
            if let Some(won) = won {
                self.current_wallet(workspace_id, won.account_id).await?;
            }
        }
        Ok(())
    }
}
