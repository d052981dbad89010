//! Key accounts: the account record, its reasons and aliases, the portfolio list, and the name
//! index that finds an account from what a person typed.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, StoreError, WriteTx};
use crate::domain::account::AccountStatus;
use crate::domain::money::Currency;
pub use crate::domain::records::AccountRow;
pub use crate::domain::records::accounts::{
    NewAccount, PortfolioRow, TERMS_AROUND, TermHit, WORD_COUNT_CAP, WORDS_A_PREFIX,
};
use crate::domain::text::{fold, words};

impl Store {
    pub async fn account(&self, workspace_id: i64, account_id: i64) -> Result<Option<AccountRow>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.account(workspace_id, account_id).await;
        }
        sqlx::query_as!(
            AccountRow,
            r#"SELECT a.id AS "id!", a.number AS "number!", a.name, a.segment, a.cnpj, a.tier AS "tier: crate::domain::account::Tier", a.owner_id,
                      o.display_name AS "owner_name?",
                      a.technical_manager_id, t.display_name AS "technical_manager_name?", a.currency AS "currency: Currency",
                      a.wallet_minor, a.revenue_12m_minor, a.share_ceiling_bp, a.suppliers_kept, a.margin_bp,
                      a.planning_cadence_days, a.yearly_review_on AS "yearly_review_on?: NaiveDate",
                      a.status AS "status: AccountStatus",
                      a.created_at AS "created_at!: DateTime<Utc>"
               FROM accounts a
               LEFT JOIN people o ON o.id = a.owner_id
               LEFT JOIN people t ON t.id = a.technical_manager_id
               WHERE a.workspace_id = ? AND a.id = ?"#,
            workspace_id,
            account_id
        )
        .fetch_optional(pool!(self))
        .await
    }

    /// Names and aliases starting with the folded prefix.
    pub async fn account_names_with_prefix(
        &self,
        workspace_id: i64,
        prefix: &str,
        limit: i64,
    ) -> Result<Vec<TermHit>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.account_names_with_prefix(workspace_id, prefix, limit).await;
        }
        let upper = crate::domain::text::prefix_upper_bound(prefix);
        sqlx::query_as!(
            TermHit,
            r#"SELECT t.account_id AS "account_id!", a.name, t.kind, t.term
               FROM account_terms t JOIN accounts a ON a.id = t.account_id
               WHERE t.workspace_id = ? AND t.term >= ? AND t.term < ? AND t.kind IN ('name', 'alias')
               ORDER BY t.term LIMIT ?"#,
            workspace_id,
            prefix,
            upper,
            limit
        )
        .fetch_all(pool!(self))
        .await
    }

    /// The "did you mean" candidates, in one read: the names and aliases next to the folded term
    /// in sort order ([`TERMS_AROUND`] on each side), and the accounts with a word starting with
    /// one of up to three folded prefixes ([`WORDS_A_PREFIX`] for each).
    pub async fn closest_pool(
        &self,
        workspace_id: i64,
        term: &str,
        prefixes: [Option<&str>; 3],
    ) -> Result<Vec<TermHit>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.closest_pool(workspace_id, term, prefixes).await;
        }
        let [p1, p2, p3] = prefixes;
        let [u1, u2, u3] = prefixes.map(|p| p.map(crate::domain::text::prefix_upper_bound));
        sqlx::query_as!(
            TermHit,
            r#"SELECT account_id AS "account_id!", name AS "name!", kind AS "kind!", term AS "term!" FROM (
                   SELECT t.account_id, a.name, t.kind, t.term
                   FROM account_terms t JOIN accounts a ON a.id = t.account_id
                   WHERE t.workspace_id = ?1 AND t.term < ?8 AND t.kind IN ('name', 'alias')
                   ORDER BY t.term DESC LIMIT 25)
               UNION ALL
               SELECT account_id, name, kind, term FROM (
                   SELECT t.account_id, a.name, t.kind, t.term
                   FROM account_terms t JOIN accounts a ON a.id = t.account_id
                   WHERE t.workspace_id = ?1 AND t.term >= ?8 AND t.kind IN ('name', 'alias')
                   ORDER BY t.term LIMIT 25)
               UNION ALL
               SELECT account_id, name, kind, term FROM (
                   SELECT t.account_id, a.name, t.kind, t.term
                   FROM account_terms t JOIN accounts a ON a.id = t.account_id
                   WHERE ?2 IS NOT NULL AND t.workspace_id = ?1 AND t.term >= ?2 AND t.term < ?3 AND t.kind = 'word'
                   ORDER BY t.term LIMIT 20)
               UNION ALL
               SELECT account_id, name, kind, term FROM (
                   SELECT t.account_id, a.name, t.kind, t.term
                   FROM account_terms t JOIN accounts a ON a.id = t.account_id
                   WHERE ?4 IS NOT NULL AND t.workspace_id = ?1 AND t.term >= ?4 AND t.term < ?5 AND t.kind = 'word'
                   ORDER BY t.term LIMIT 20)
               UNION ALL
               SELECT account_id, name, kind, term FROM (
                   SELECT t.account_id, a.name, t.kind, t.term
                   FROM account_terms t JOIN accounts a ON a.id = t.account_id
                   WHERE ?6 IS NOT NULL AND t.workspace_id = ?1 AND t.term >= ?6 AND t.term < ?7 AND t.kind = 'word'
                   ORDER BY t.term LIMIT 20)"#,
            workspace_id,
            p1,
            u1,
            p2,
            u2,
            p3,
            u3,
            term
        )
        .fetch_all(pool!(self))
        .await
    }

    /// How many index words start with each of up to three folded prefixes, counting no further
    /// than [`WORD_COUNT_CAP`], in one read (0 for a prefix not given). When a prefix given
    /// starts no word, nothing is counted and every count is 0: a word mistyped ends the search
    /// at the cost of looking it up, not of counting the others.
    pub async fn count_words_with_prefixes(
        &self,
        workspace_id: i64,
        prefixes: [Option<&str>; 3],
    ) -> Result<[i64; 3], StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.count_words_with_prefixes(workspace_id, prefixes).await;
        }
        let [p1, p2, p3] = prefixes;
        let [u1, u2, u3] = prefixes.map(|p| p.map(crate::domain::text::prefix_upper_bound));
        let row = sqlx::query!(
            r#"SELECT
                 CASE WHEN every THEN (SELECT COUNT(*) FROM (SELECT 1 FROM account_terms WHERE ?2 IS NOT NULL
                     AND workspace_id = ?1 AND term >= ?2 AND term < ?3 AND kind = 'word' LIMIT 1000)) ELSE 0 END
                     AS "first!: i64",
                 CASE WHEN every THEN (SELECT COUNT(*) FROM (SELECT 1 FROM account_terms WHERE ?4 IS NOT NULL
                     AND workspace_id = ?1 AND term >= ?4 AND term < ?5 AND kind = 'word' LIMIT 1000)) ELSE 0 END
                     AS "second!: i64",
                 CASE WHEN every THEN (SELECT COUNT(*) FROM (SELECT 1 FROM account_terms WHERE ?6 IS NOT NULL
                     AND workspace_id = ?1 AND term >= ?6 AND term < ?7 AND kind = 'word' LIMIT 1000)) ELSE 0 END
                     AS "third!: i64"
               FROM (SELECT
                   (?2 IS NULL OR EXISTS (SELECT 1 FROM account_terms WHERE workspace_id = ?1
                       AND term >= ?2 AND term < ?3 AND kind = 'word'))
                   AND (?4 IS NULL OR EXISTS (SELECT 1 FROM account_terms WHERE workspace_id = ?1
                       AND term >= ?4 AND term < ?5 AND kind = 'word'))
                   AND (?6 IS NULL OR EXISTS (SELECT 1 FROM account_terms WHERE workspace_id = ?1
                       AND term >= ?6 AND term < ?7 AND kind = 'word')) AS every)"#,
            workspace_id,
            p1,
            u1,
            p2,
            u2,
            p3,
            u3
        )
        .fetch_one(pool!(self))
        .await?;
        Ok([row.first, row.second, row.third])
    }

    /// Accounts with a word starting with `lead` and, for each other prefix given (up to three),
    /// a word starting with it too: `["rio", "doce"]` finds "Companhia Vale do Rio Doce".
    pub async fn accounts_with_word_prefixes(
        &self,
        workspace_id: i64,
        lead: &str,
        others: [Option<&str>; 3],
        limit: i64,
    ) -> Result<Vec<TermHit>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.accounts_with_word_prefixes(workspace_id, lead, others, limit).await;
        }
        let lead_upper = crate::domain::text::prefix_upper_bound(lead);
        let [p2, p3, p4] = others;
        let [u2, u3, u4] = others.map(|p| p.map(crate::domain::text::prefix_upper_bound));
        sqlx::query_as!(
            TermHit,
            r#"SELECT DISTINCT t.account_id AS "account_id!", a.name, t.kind, t.term
               FROM account_terms t JOIN accounts a ON a.id = t.account_id
               WHERE t.workspace_id = ?1 AND t.term >= ?2 AND t.term < ?3 AND t.kind = 'word'
                 AND (?4 IS NULL OR EXISTS (SELECT 1 FROM account_terms o WHERE o.account_id = t.account_id
                        AND o.kind = 'word' AND o.term >= ?4 AND o.term < ?5))
                 AND (?6 IS NULL OR EXISTS (SELECT 1 FROM account_terms o WHERE o.account_id = t.account_id
                        AND o.kind = 'word' AND o.term >= ?6 AND o.term < ?7))
                 AND (?8 IS NULL OR EXISTS (SELECT 1 FROM account_terms o WHERE o.account_id = t.account_id
                        AND o.kind = 'word' AND o.term >= ?8 AND o.term < ?9))
               ORDER BY t.term LIMIT ?10"#,
            workspace_id,
            lead,
            lead_upper,
            p2,
            u2,
            p3,
            u3,
            p4,
            u4,
            limit
        )
        .fetch_all(pool!(self))
        .await
    }

    /// The active accounts of the workspace, optionally of one tier and one owner, by tier then name.
    pub async fn portfolio(
        &self,
        workspace_id: i64,
        tier: Option<i64>,
        owner_id: Option<i64>,
    ) -> Result<Vec<PortfolioRow>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.portfolio(workspace_id, tier, owner_id).await;
        }
        sqlx::query_as!(
            PortfolioRow,
            r#"SELECT a.id AS "id!", a.name, a.tier AS "tier: crate::domain::account::Tier", o.display_name AS "owner_name?", a.currency AS "currency: Currency", a.wallet_minor,
                      a.revenue_12m_minor, a.share_ceiling_bp, a.planning_cadence_days,
                      a.created_at AS "created_at!: DateTime<Utc>",
                      (SELECT MAX(i.occurred_at) FROM interactions i WHERE i.account_id = a.id)
                          AS "last_contact?: DateTime<Utc>",
                      (SELECT MAX(i.occurred_at) FROM interactions i
                        WHERE i.account_id = a.id AND i.kind IN ('planning_meeting', 'yearly_review'))
                          AS "last_planning?: DateTime<Utc>",
                      a.next_planning_due AS "next_planning_due?: NaiveDate"
               FROM accounts a LEFT JOIN people o ON o.id = a.owner_id
               WHERE a.workspace_id = ?1 AND a.status = 'active'
                 AND (?2 IS NULL OR a.tier = ?2) AND (?3 IS NULL OR a.owner_id = ?3)
               ORDER BY a.tier, a.name COLLATE NOCASE"#,
            workspace_id,
            tier,
            owner_id
        )
        .fetch_all(pool!(self))
        .await
    }
}

impl WriteTx {
    /// Adds an account with its reasons, aliases and name-index entries.
    pub async fn insert_account(&mut self, workspace_id: i64, a: &NewAccount) -> Result<i64, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.insert_account(workspace_id, a).await;
        }
        let ids = self.insert_accounts(workspace_id, std::slice::from_ref(a), &[false], "", a.created_at).await?;
        ids.first().copied().ok_or(StoreError::RowNotFound)
    }

    /// Writes an account's reasons, aliases and name-index entries (none exist yet), one
    /// statement each: an import writes tens of thousands of accounts in one transaction.
    pub(super) async fn write_names_and_reasons(
        &mut self,
        workspace_id: i64,
        id: i64,
        a: &NewAccount,
    ) -> Result<(), StoreError> {
        if !a.reasons.is_empty() {
            let reasons = serde_json::to_string(&a.reasons).unwrap_or_else(|_| "[]".to_string());
            sqlx::query!(
                "INSERT INTO account_reasons (account_id, reason, note)
                 SELECT ?1, j.value ->> 0, j.value ->> 1 FROM json_each(?2) j",
                id,
                reasons
            )
            .execute(lite!(self))
            .await?;
        }
        if !a.aliases.is_empty() {
            let aliases = serde_json::to_string(&a.aliases).unwrap_or_else(|_| "[]".to_string());
            sqlx::query!(
                "INSERT OR IGNORE INTO account_aliases (account_id, alias) SELECT ?1, j.value FROM json_each(?2) j",
                id,
                aliases
            )
            .execute(lite!(self))
            .await?;
        }
        let terms = serde_json::to_string(&index_terms(&a.name, &a.aliases)).unwrap_or_else(|_| "[]".to_string());
        sqlx::query!(
            "INSERT OR IGNORE INTO account_terms (workspace_id, term, kind, account_id)
             SELECT ?1, j.value ->> 0, j.value ->> 1, ?2 FROM json_each(?3) j",
            workspace_id,
            id,
            terms
        )
        .execute(lite!(self))
        .await?;
        Ok(())
    }
}

/// The name-index entries of an account: its folded name and aliases, and each of their words.
pub(super) fn index_terms(name: &str, aliases: &[String]) -> Vec<(String, &'static str)> {
    let mut terms: Vec<(String, &'static str)> = vec![(fold(name), "name")];
    terms.extend(aliases.iter().map(|alias| (fold(alias), "alias")));
    let word_terms: Vec<(String, &'static str)> = terms
        .iter()
        .flat_map(|(folded, _)| words(folded).map(|w| (w.to_string(), "word")).collect::<Vec<_>>())
        .collect();
    terms.extend(word_terms);
    terms.retain(|(term, _)| !term.is_empty());
    terms
}

#[cfg(test)]
mod literal_limits {
    /// The literal LIMITs of the queries are the constants' values.
    #[test]
    fn limits_match_their_constants() {
        let source = include_str!("accounts.rs");
        assert_eq!(source.matches(&format!("kind = 'word' LIMIT {}))", super::WORD_COUNT_CAP)).count(), 3);
        assert_eq!(source.matches(&format!("LIMIT {})", super::TERMS_AROUND)).count(), 2);
        assert_eq!(
            source
                .matches(&format!("kind = 'word'\n                   ORDER BY t.term LIMIT {})", super::WORDS_A_PREFIX))
                .count(),
            3
        );
    }
}
