//! Changing key accounts: the whole editable record of an account read and written as one value,
//! whichever path changes it (a chat command or an import), with its name index rewritten in the
//! same transaction.

use chrono::{DateTime, NaiveDate, Utc};

use super::{NewAccount, Store, StoreError, WriteTx};

/// An account whose name or alias is the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameClash {
    pub account_id: i64,
    pub name: String,
}

impl Store {
    /// The accounts (archived ones too) whose name or alias folds to `folded`.
    pub async fn accounts_named(&self, workspace_id: i64, folded: &str) -> Result<Vec<NameClash>, StoreError> {
        sqlx::query_as!(
            NameClash,
            r#"SELECT DISTINCT t.account_id AS "account_id!", a.name
               FROM account_terms t JOIN accounts a ON a.id = t.account_id
               WHERE t.workspace_id = ? AND t.term = ? AND t.kind IN ('name', 'alias')"#,
            workspace_id,
            folded
        )
        .fetch_all(&self.pool)
        .await
    }

    /// The editable record of an account, with its aliases and reasons.
    pub async fn account_record(&self, workspace_id: i64, account_id: i64) -> Result<Option<NewAccount>, StoreError> {
        let Some(row) = sqlx::query!(
            r#"SELECT name, segment, tier, owner_id, technical_manager_id, currency, wallet_minor, revenue_12m_minor,
                      share_ceiling_bp, margin_bp, planning_cadence_days,
                      yearly_review_on AS "yearly_review_on?: NaiveDate", status, external_id,
                      created_at AS "created_at!: DateTime<Utc>"
               FROM accounts WHERE workspace_id = ? AND id = ?"#,
            workspace_id,
            account_id
        )
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let aliases = self.account_aliases(workspace_id, account_id).await?;
        let reasons = self.account_reasons(workspace_id, account_id).await?;
        Ok(Some(NewAccount {
            name: row.name,
            aliases,
            segment: row.segment,
            tier: row.tier,
            reasons,
            owner_id: row.owner_id,
            technical_manager_id: row.technical_manager_id,
            currency: row.currency,
            wallet_minor: row.wallet_minor,
            revenue_12m_minor: row.revenue_12m_minor,
            share_ceiling_bp: row.share_ceiling_bp,
            margin_bp: row.margin_bp,
            planning_cadence_days: row.planning_cadence_days,
            yearly_review_on: row.yearly_review_on,
            status: row.status,
            external_id: row.external_id,
            created_at: row.created_at,
        }))
    }

    /// Every account of the workspace (archived ones too) as (id, external id, folded name), for
    /// matching imported rows.
    pub async fn account_keys(&self, workspace_id: i64) -> Result<Vec<(i64, Option<String>, String)>, StoreError> {
        let rows = sqlx::query!(
            r#"SELECT a.id AS "id!", a.external_id, t.term AS "term!"
               FROM accounts a JOIN account_terms t ON t.account_id = a.id AND t.kind = 'name'
               WHERE a.workspace_id = ? ORDER BY a.id"#,
            workspace_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (r.id, r.external_id, r.term)).collect())
    }

    /// Whether the workspace holds any account at all, archived ones included.
    pub async fn has_any_account(&self, workspace_id: i64) -> Result<bool, StoreError> {
        sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM accounts WHERE workspace_id = ?) AS "found!: bool""#,
            workspace_id
        )
        .fetch_one(&self.pool)
        .await
    }

    /// The ids of every account of the workspace, archived ones too, in creation order.
    pub async fn account_ids(&self, workspace_id: i64) -> Result<Vec<i64>, StoreError> {
        sqlx::query_scalar!(r#"SELECT id AS "id!" FROM accounts WHERE workspace_id = ? ORDER BY id"#, workspace_id)
            .fetch_all(&self.pool)
            .await
    }
}

impl WriteTx {
    /// Writes every editable field of an account, its aliases and reasons, and rewrites its name
    /// index. A new cadence moves the dates the planning clock keeps on the row by the difference.
    pub async fn update_account(&mut self, workspace_id: i64, id: i64, a: &NewAccount) -> Result<(), StoreError> {
        sqlx::query!(
            "UPDATE accounts SET
                 contact_due_on = date(contact_due_on, (?12 - planning_cadence_days) || ' days'),
                 next_planning_due = date(next_planning_due, (?12 - planning_cadence_days) || ' days'),
                 name = ?3, segment = ?4, tier = ?5, owner_id = ?6, technical_manager_id = ?7, currency = ?8,
                 wallet_minor = ?9, revenue_12m_minor = ?10, share_ceiling_bp = ?11, margin_bp = ?13,
                 planning_cadence_days = ?12, yearly_review_on = ?14, status = ?15, external_id = ?16
             WHERE workspace_id = ?1 AND id = ?2",
            workspace_id,
            id,
            a.name,
            a.segment,
            a.tier,
            a.owner_id,
            a.technical_manager_id,
            a.currency,
            a.wallet_minor,
            a.revenue_12m_minor,
            a.share_ceiling_bp,
            a.planning_cadence_days,
            a.margin_bp,
            a.yearly_review_on,
            a.status,
            a.external_id
        )
        .execute(&mut *self.tx)
        .await?;
        sqlx::query!("DELETE FROM account_aliases WHERE account_id = ?", id).execute(&mut *self.tx).await?;
        sqlx::query!("DELETE FROM account_reasons WHERE account_id = ?", id).execute(&mut *self.tx).await?;
        sqlx::query!("DELETE FROM account_terms WHERE workspace_id = ? AND account_id = ?", workspace_id, id)
            .execute(&mut *self.tx)
            .await?;
        self.write_names_and_reasons(workspace_id, id, a).await
    }

    /// Whether another account's name or alias folds to `folded` (inside the transaction).
    pub async fn name_taken(
        &mut self,
        workspace_id: i64,
        folded: &str,
        except: i64,
    ) -> Result<Option<String>, StoreError> {
        sqlx::query_scalar!(
            "SELECT a.name FROM account_terms t JOIN accounts a ON a.id = t.account_id
             WHERE t.workspace_id = ? AND t.term = ? AND t.kind IN ('name', 'alias') AND t.account_id <> ? LIMIT 1",
            workspace_id,
            folded,
            except
        )
        .fetch_optional(&mut *self.tx)
        .await
    }
}
