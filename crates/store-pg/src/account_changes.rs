//! Changing key accounts: the whole editable record of an account read and written as one value,
//! whichever path changes it (a chat command or an import), with its name index rewritten in the
//! same transaction.

use chrono::{DateTime, NaiveDate, Utc};

use crate::{NewAccount, Store, StoreError, WriteTx};
pub use kam_domain::records::account_changes::NameClash;

impl Store {
    /// The accounts (archived ones too) whose name or alias folds to `folded`.
    pub async fn accounts_named(&self, workspace_id: i64, folded: &str) -> Result<Vec<NameClash>, StoreError> {
        sqlx::query_as!(
            NameClash,
            r#"SELECT DISTINCT t.account_id AS "account_id!", a.name
               FROM account_terms t JOIN accounts a ON a.id = t.account_id
               WHERE t.workspace_id = $1 AND t.term = $2 AND t.kind IN ('name', 'alias')"#,
            workspace_id,
            folded
        )
        .fetch_all(&self.pool)
        .await
    }

    /// The editable record of an account, with its aliases and reasons.
    pub async fn account_record(&self, workspace_id: i64, account_id: i64) -> Result<Option<NewAccount>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        Ok(records(&mut conn, workspace_id, Some(account_id)).await?.pop().map(|(_, record)| record))
    }

    /// The editable record of every account of the workspace (archived ones too), in three
    /// queries however many there are.
    pub async fn account_records(&self, workspace_id: i64) -> Result<Vec<(i64, NewAccount)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        records(&mut conn, workspace_id, None).await
    }

    /// Whether the workspace holds any account at all, archived ones included.
    pub async fn has_any_account(&self, workspace_id: i64) -> Result<bool, StoreError> {
        sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM accounts WHERE workspace_id = $1) AS "found!: bool""#,
            workspace_id
        )
        .fetch_one(&self.pool)
        .await
    }

    /// The ids of every account of the workspace, archived ones too, in creation order.
    pub async fn account_ids(&self, workspace_id: i64) -> Result<Vec<i64>, StoreError> {
        sqlx::query_scalar!(r#"SELECT id AS "id!" FROM accounts WHERE workspace_id = $1 ORDER BY id"#, workspace_id)
            .fetch_all(&self.pool)
            .await
    }
}

impl WriteTx {
    /// The editable record of an account, read in the write that changes it.
    pub async fn account_record(
        &mut self,
        workspace_id: i64,
        account_id: i64,
    ) -> Result<Option<NewAccount>, StoreError> {
        Ok(records(&mut self.tx, workspace_id, Some(account_id)).await?.pop().map(|(_, record)| record))
    }

    /// Adds many accounts at once, all created at `at`, in a few statements a thousand accounts:
    /// their rows, reasons, aliases, name index, and (where `wallet[i]`) a wallet period for
    /// `period` with their spend and revenue. Returns their ids, in order. The ids are taken after
    /// the largest in use, which `BEGIN IMMEDIATE` keeps stable until the commit.
    pub async fn insert_accounts(
        &mut self,
        workspace_id: i64,
        accounts: &[NewAccount],
        wallet: &[bool],
        period: &str,
        at: DateTime<Utc>,
    ) -> Result<Vec<i64>, StoreError> {
        let first: i64 = sqlx::query_scalar!(r#"SELECT COALESCE(MAX(a.id), 0) + 1 AS "id!: i64" FROM accounts a"#)
            .fetch_one(&mut *self.tx)
            .await?;
        // Numbers count within the workspace.
        let first_number: i64 = sqlx::query_scalar!(
            r#"SELECT COALESCE(MAX(number), 0) + 1 AS "n!: i64" FROM accounts WHERE workspace_id = $1"#,
            workspace_id
        )
        .fetch_one(&mut *self.tx)
        .await?;
        let ids: Vec<i64> = (0..accounts.len() as i64).map(|i| first + i).collect();
        for (chunk, (records, wallet)) in ids.chunks(1000).zip(accounts.chunks(1000).zip(wallet.chunks(1000))) {
            let rows: Vec<serde_json::Value> = chunk
                .iter()
                .zip(records)
                .map(|(id, a)| {
                    serde_json::json!([
                        id,
                        first_number + (id - first),
                        a.name,
                        a.segment,
                        a.tier.number(),
                        a.owner_id,
                        a.technical_manager_id,
                        a.currency.code(),
                        a.wallet_minor,
                        a.revenue_12m_minor,
                        a.share_ceiling_bp,
                        a.margin_bp,
                        a.planning_cadence_days,
                        a.yearly_review_on,
                        a.status,
                        a.external_id,
                        a.suppliers_kept,
                        a.cnpj.as_ref().map(|c| c.digits())
                    ])
                })
                .collect();
            let rows = serde_json::Value::Array(rows).to_string();
            sqlx::query!(
                "INSERT INTO accounts (id, number, workspace_id, name, segment, tier, owner_id, technical_manager_id,
                     currency, wallet_minor, revenue_12m_minor, share_ceiling_bp, margin_bp, planning_cadence_days,
                     yearly_review_on, status, external_id, suppliers_kept, cnpj, created_at, contact_due_on, next_planning_due)
                 SELECT (v ->> 0)::bigint, (v ->> 1)::bigint, $1, v ->> 2, v ->> 3, (v ->> 4)::bigint, (v ->> 5)::bigint,
                     (v ->> 6)::bigint, v ->> 7, (v ->> 8)::bigint, (v ->> 9)::bigint, (v ->> 10)::bigint,
                     (v ->> 11)::bigint, (v ->> 12)::bigint, (v ->> 13)::date, v ->> 14, v ->> 15, (v ->> 16)::bigint,
                     v ->> 17, $2,
                     ($2 AT TIME ZONE 'UTC')::date + (v ->> 12)::int, ($2 AT TIME ZONE 'UTC')::date + (v ->> 12)::int
                 FROM json_array_elements($3::text::json) v",
                workspace_id,
                at,
                rows
            )
            .execute(&mut *self.tx)
            .await?;
            let mut reasons = Vec::new();
            let mut aliases = Vec::new();
            let mut terms = Vec::new();
            let mut periods = Vec::new();
            for ((id, a), with_wallet) in chunk.iter().zip(records).zip(wallet) {
                reasons.extend(a.reasons.iter().map(|(r, n)| serde_json::json!([id, r, n])));
                aliases.extend(a.aliases.iter().map(|alias| serde_json::json!([id, alias])));
                terms.extend(
                    crate::accounts::index_terms(&a.name, &a.aliases)
                        .into_iter()
                        .map(|(t, k)| serde_json::json!([id, t, k])),
                );
                if *with_wallet {
                    periods.push(serde_json::json!([id, a.wallet_minor, a.revenue_12m_minor]));
                }
            }
            let [reasons, aliases, terms, periods] =
                [reasons, aliases, terms, periods].map(|v| serde_json::Value::Array(v).to_string());
            sqlx::query!(
                "INSERT INTO account_reasons (account_id, reason, note)
                 SELECT (value ->> 0)::bigint, value ->> 1, value ->> 2 FROM json_array_elements($1::text::json)",
                reasons
            )
            .execute(&mut *self.tx)
            .await?;
            sqlx::query!(
                "INSERT INTO account_aliases (account_id, alias) SELECT (value ->> 0)::bigint, value ->> 1 FROM json_array_elements($1::text::json)
                 ON CONFLICT DO NOTHING",
                aliases
            )
            .execute(&mut *self.tx)
            .await?;
            sqlx::query!(
                "INSERT INTO account_terms (workspace_id, account_id, term, kind)
                 SELECT $1, (value ->> 0)::bigint, value ->> 1, value ->> 2 FROM json_array_elements($2::text::json)
                 ON CONFLICT DO NOTHING",
                workspace_id,
                terms
            )
            .execute(&mut *self.tx)
            .await?;
            sqlx::query!(
                "INSERT INTO wallet_periods (workspace_id, account_id, period, spend_minor, revenue_minor, recorded_at)
                 SELECT $1, (value ->> 0)::bigint, $2, (value ->> 1)::bigint, (value ->> 2)::bigint, $3
                 FROM json_array_elements($4::text::json)",
                workspace_id,
                period,
                at,
                periods
            )
            .execute(&mut *self.tx)
            .await?;
        }
        Ok(ids)
    }

    /// Writes every editable field of an account, its aliases and reasons, and rewrites its name
    /// index. A new cadence moves the dates the planning clock keeps on the row by the difference.
    pub async fn update_account(&mut self, workspace_id: i64, id: i64, a: &NewAccount) -> Result<(), StoreError> {
        let cnpj = a.cnpj.as_ref().map(|c| c.digits());
        sqlx::query!(
            "UPDATE accounts SET
                 contact_due_on = contact_due_on + ($12 - planning_cadence_days)::int,
                 next_planning_due = next_planning_due + ($12 - planning_cadence_days)::int,
                 name = $3, segment = $4, tier = $5, owner_id = $6, technical_manager_id = $7, currency = $8,
                 wallet_minor = $9, revenue_12m_minor = $10, share_ceiling_bp = $11, margin_bp = $13,
                 planning_cadence_days = $12, yearly_review_on = $14, status = $15, external_id = $16,
                 suppliers_kept = $17, cnpj = $18
             WHERE workspace_id = $1 AND id = $2",
            workspace_id,
            id,
            a.name,
            a.segment,
            a.tier as _,
            a.owner_id,
            a.technical_manager_id,
            a.currency as _,
            a.wallet_minor,
            a.revenue_12m_minor,
            a.share_ceiling_bp,
            a.planning_cadence_days,
            a.margin_bp,
            a.yearly_review_on,
            a.status as _,
            a.external_id,
            a.suppliers_kept,
            cnpj
        )
        .execute(&mut *self.tx)
        .await?;
        sqlx::query!("DELETE FROM account_aliases WHERE account_id = $1", id).execute(&mut *self.tx).await?;
        sqlx::query!("DELETE FROM account_reasons WHERE account_id = $1", id).execute(&mut *self.tx).await?;
        sqlx::query!("DELETE FROM account_terms WHERE workspace_id = $1 AND account_id = $2", workspace_id, id)
            .execute(&mut *self.tx)
            .await?;
        self.write_names_and_reasons(workspace_id, id, a).await
    }

    /// The name of another account with this CNPJ (inside the transaction).
    pub async fn cnpj_taken(
        &mut self,
        workspace_id: i64,
        digits: &str,
        except: i64,
    ) -> Result<Option<String>, StoreError> {
        sqlx::query_scalar!(
            "SELECT name FROM accounts WHERE workspace_id = $1 AND cnpj = $2 AND id <> $3 LIMIT 1",
            workspace_id,
            digits,
            except
        )
        .fetch_optional(&mut *self.tx)
        .await
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
             WHERE t.workspace_id = $1 AND t.term = $2 AND t.kind IN ('name', 'alias') AND t.account_id <> $3 LIMIT 1",
            workspace_id,
            folded,
            except
        )
        .fetch_optional(&mut *self.tx)
        .await
    }
}

/// The records of every account of the workspace, or only of `only`, on one connection: the
/// pool's, or a write's.
async fn records(
    conn: &mut sqlx::PgConnection,
    workspace_id: i64,
    only: Option<i64>,
) -> Result<Vec<(i64, NewAccount)>, StoreError> {
    let rows = sqlx::query!(
        r#"SELECT id AS "id!", name, segment, tier AS "tier: kam_domain::account::Tier", owner_id, technical_manager_id, currency AS "currency: kam_domain::money::Currency", wallet_minor,
                  revenue_12m_minor, share_ceiling_bp, suppliers_kept, margin_bp, planning_cadence_days,
                  yearly_review_on AS "yearly_review_on?: NaiveDate", status AS "status: kam_domain::account::AccountStatus", external_id,
                  cnpj, created_at AS "created_at!: DateTime<Utc>"
           FROM accounts WHERE workspace_id = $1 AND ($2::bigint IS NULL OR id = $2) ORDER BY id"#,
        workspace_id,
        only
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut aliases: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
    for r in sqlx::query!(
        "SELECT l.account_id, l.alias FROM account_aliases l JOIN accounts a ON a.id = l.account_id
         WHERE a.workspace_id = $1 AND ($2::bigint IS NULL OR a.id = $2) ORDER BY l.alias",
        workspace_id,
        only
    )
    .fetch_all(&mut *conn)
    .await?
    {
        aliases.entry(r.account_id).or_default().push(r.alias);
    }
    let mut reasons: std::collections::HashMap<i64, Vec<(String, String)>> = std::collections::HashMap::new();
    for r in sqlx::query!(
        "SELECT r.account_id, r.reason, r.note FROM account_reasons r JOIN accounts a ON a.id = r.account_id
         WHERE a.workspace_id = $1 AND ($2::bigint IS NULL OR a.id = $2) ORDER BY r.reason",
        workspace_id,
        only
    )
    .fetch_all(&mut *conn)
    .await?
    {
        reasons.entry(r.account_id).or_default().push((r.reason, r.note));
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let record = NewAccount {
                name: row.name,
                aliases: aliases.remove(&row.id).unwrap_or_default(),
                segment: row.segment,
                tier: row.tier,
                reasons: reasons.remove(&row.id).unwrap_or_default(),
                owner_id: row.owner_id,
                technical_manager_id: row.technical_manager_id,
                currency: row.currency,
                wallet_minor: row.wallet_minor,
                revenue_12m_minor: row.revenue_12m_minor,
                share_ceiling_bp: row.share_ceiling_bp,
                suppliers_kept: row.suppliers_kept,
                margin_bp: row.margin_bp,
                planning_cadence_days: row.planning_cadence_days,
                yearly_review_on: row.yearly_review_on,
                status: row.status,
                external_id: row.external_id,
                cnpj: row.cnpj.as_deref().map(kam_domain::cnpj::Cnpj::from_stored),
                created_at: row.created_at,
            };
            (row.id, record)
        })
        .collect())
}
