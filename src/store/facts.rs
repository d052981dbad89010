//! Everything known about one account that its card, health score, risk and digest line are
//! computed from, read in one query (SQLite's JSON aggregation gathers the lists).

use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, StoreError};
use crate::domain::records::FactsColumns;
pub use crate::domain::records::{
    AccountFacts, COMMITMENTS_SHOWN, CommitmentFact, FactsWindow, LastInteraction, OpportunityFact, RECENT_TONES,
};

impl Store {
    /// The workspace's own weights, and the deployment's for the components it did not set.
    pub fn weights_with_defaults(&self, own: Vec<(String, i64)>) -> Vec<(String, i64)> {
        crate::domain::records::weights_with_defaults(self.settings(), own)
    }

    /// The facts of one account of the workspace, or `None` if it has no such account.
    pub async fn account_facts(
        &self,
        workspace_id: i64,
        account_id: i64,
        window: FactsWindow,
    ) -> Result<Option<AccountFacts>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.account_facts(workspace_id, account_id, window).await;
        }
        Ok(self.accounts_facts(workspace_id, &[account_id], window).await?.pop())
    }

    /// The facts of each of these accounts of the workspace (those it has), in one read.
    pub async fn accounts_facts(
        &self,
        workspace_id: i64,
        account_ids: &[i64],
        window: FactsWindow,
    ) -> Result<Vec<AccountFacts>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.accounts_facts(workspace_id, account_ids, window).await;
        }
        let ids = serde_json::to_string(account_ids).unwrap_or_else(|_| "[]".to_string());
        self.facts_where(workspace_id, &ids, None, window).await
    }

    /// The facts of the accounts of the workspace that have this folded term as their name or as
    /// an alias: one account when a name is typed whole, found and read in one statement.
    pub async fn facts_named(
        &self,
        workspace_id: i64,
        term: &str,
        window: FactsWindow,
    ) -> Result<Vec<AccountFacts>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.facts_named(workspace_id, term, window).await;
        }
        self.facts_where(workspace_id, "[]", Some(term), window).await
    }

    /// The facts of the accounts whose ids are in the JSON array `ids` or that have `term` as a
    /// name or alias.
    async fn facts_where(
        &self,
        workspace_id: i64,
        ids: &str,
        term: Option<&str>,
        window: FactsWindow,
    ) -> Result<Vec<AccountFacts>, StoreError> {
        let rows = sqlx::query_as!(
            FactsColumns,
            r#"SELECT a.id AS "id!", a.number AS "number!", a.name, a.segment, a.cnpj, a.tier AS "tier: crate::domain::account::Tier", a.owner_id,
                      o.display_name AS "owner_name?",
                      a.technical_manager_id, t.display_name AS "technical_manager_name?", a.currency AS "currency: crate::domain::money::Currency",
                      a.wallet_minor, a.revenue_12m_minor, a.share_ceiling_bp, a.suppliers_kept, a.margin_bp, a.planning_cadence_days,
                      a.yearly_review_on AS "yearly_review_on?: NaiveDate", a.status AS "status: crate::domain::account::AccountStatus",
                      a.created_at AS "created_at!: DateTime<Utc>",
                      (SELECT json_group_array(json_array(r.reason, r.note)) FROM
                          (SELECT reason, note FROM account_reasons WHERE account_id = a.id ORDER BY reason) r)
                          AS "reasons!: String",
                      (SELECT json_group_array(l.alias) FROM
                          (SELECT alias FROM account_aliases WHERE account_id = a.id ORDER BY alias) l)
                          AS "aliases!: String",
                      (SELECT json_object('kind', i.kind, 'occurred_at', i.occurred_at, 'summary', i.summary,
                                          'author_name', p.display_name, 'contact_name', c.name,
                                          'next_step', i.next_step, 'next_step_due', i.next_step_due)
                         FROM interactions i JOIN people p ON p.id = i.author_id
                         LEFT JOIN contacts c ON c.id = i.contact_id
                        WHERE i.account_id = a.id ORDER BY i.occurred_at DESC, i.id DESC LIMIT 1)
                          AS "last_interaction?: String",
                      (SELECT MAX(occurred_at) FROM interactions
                        WHERE account_id = a.id AND kind IN ('planning_meeting', 'yearly_review'))
                          AS "last_planning?: DateTime<Utc>",
                      a.next_planning_due AS "next_planning_due?: NaiveDate",
                      (SELECT MIN(m.starts_at) FROM meetings m
                        WHERE m.account_id = a.id AND m.kind IN ('planning', 'review') AND m.starts_at >= ?6)
                          AS "booked_planning?: DateTime<Utc>",
                      (SELECT json_group_array(json_object('id', c.id, 'name', c.name, 'title', c.title,
                                  'department', c.department, 'decision_role', c.decision_role, 'stance', c.stance,
                                  'strength', c.strength, 'last_contact', c.last_contact)) FROM
                          (SELECT c.*, NULLIF(MAX(COALESCE((SELECT MAX(i.occurred_at) FROM interactions i WHERE i.contact_id = c.id), ''),
                                                      COALESCE((SELECT MAX(i.occurred_at) FROM interaction_contacts ic
                                                                  JOIN interactions i ON i.id = ic.interaction_id
                                                                 WHERE ic.contact_id = c.id), '')), '')
                                  AS last_contact
                             FROM contacts c WHERE c.workspace_id = a.workspace_id AND c.account_id = a.id
                            ORDER BY c.department COLLATE NOCASE, c.folded_name) c)
                          AS "contacts!: String",
                      (SELECT json_group_array(json_object('period', w.period, 'spend_minor', w.spend_minor,
                                                           'revenue_minor', w.revenue_minor,
                                                           'plan', json(CASE WHEN w.plan THEN 'true' ELSE 'false' END))) FROM
                          (SELECT * FROM wallet_periods WHERE account_id = a.id ORDER BY period) w)
                          AS "wallet!: String",
                      (SELECT json_group_array(json_object('name', k.name, 'share_bp', k.share_bp, 'threat', k.threat,
                                                           'note', k.note, 'updated_at', k.updated_at)) FROM
                          (SELECT * FROM competitors WHERE account_id = a.id
                            ORDER BY CASE threat WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
                                     share_bp DESC, folded_name) k)
                          AS "competitors!: String",
                      (SELECT json_group_array(n.tone) FROM
                          (SELECT tone FROM interactions
                            WHERE account_id = a.id AND tone IS NOT NULL AND occurred_at >= ?3
                            ORDER BY occurred_at DESC LIMIT 5) n)
                          AS "tones!: String",
                      (SELECT COUNT(*) FROM interactions
                        WHERE account_id = a.id AND tone = -1 AND occurred_at >= ?7)
                          AS "recent_negatives!: i64",
                      (SELECT updated_at FROM account_plans
                        WHERE account_id = a.id AND (year = ?4 OR (year = ?4 - 1 AND updated_at >= ?8))
                        ORDER BY year DESC LIMIT 1)
                          AS "plan_updated_at?: DateTime<Utc>",
                      (SELECT json_group_array(json_object('number', number, 'title', title, 'stage', stage,
                                      'value_minor', value_minor, 'created_at', created_at, 'closed_at', closed_at))
                         FROM opportunities WHERE workspace_id = a.workspace_id AND account_id = a.id)
                          AS "opportunities!: String",
                      (SELECT json_array(taken_on, score) FROM health_snapshots
                        WHERE account_id = a.id AND taken_on <= ?5 ORDER BY taken_on DESC LIMIT 1)
                          AS "health_before?: String",
                      (SELECT json_group_array(json_array(component, weight)) FROM health_weights
                        WHERE workspace_id = a.workspace_id)
                          AS "weights!: String",
                      (SELECT json_group_array(json_object('number', k.number, 'text', k.text, 'due_on', k.due_on,
                                                           'owner_name', k.owner_name)) FROM
                          (SELECT c.number, c.text, c.due_on, p.display_name AS owner_name
                             FROM commitments c JOIN people p ON p.id = c.owner_id
                            WHERE c.account_id = a.id AND c.status = 'open'
                            ORDER BY c.due_on IS NULL, c.due_on, c.number LIMIT 5) k)
                          AS "commitments!: String",
                      (SELECT json_array(COUNT(*), COALESCE(SUM(due_on < ?9), 0)) FROM commitments
                        WHERE account_id = a.id AND status = 'open')
                          AS "commitment_counts!: String"
               FROM accounts a
               LEFT JOIN people o ON o.id = a.owner_id
               LEFT JOIN people t ON t.id = a.technical_manager_id
               WHERE a.workspace_id = ?1
                 AND a.id IN (SELECT value FROM json_each(?2)
                              UNION ALL
                              SELECT t.account_id FROM account_terms t
                               WHERE t.workspace_id = ?1 AND t.term = ?10 AND t.kind IN ('name', 'alias'))"#,
            workspace_id,
            ids,
            window.tones_since,
            window.plan_year,
            window.trend_before,
            window.booked_from,
            window.negatives_since,
            window.plan_carried_from,
            window.today,
            term,
        )
        .fetch_all(pool!(self))
        .await?;
        rows.into_iter().map(|r| r.decode(self.settings()).map_err(|e| StoreError::Decode(e.into()))).collect()
    }
}

#[cfg(test)]
mod tests {
    /// The query's literal LIMIT is the constant's value.
    #[test]
    fn the_tones_limit_is_the_constant() {
        let source = include_str!("facts.rs");
        assert!(source.contains(&format!("ORDER BY occurred_at DESC LIMIT {}) n)", super::RECENT_TONES)));
        assert!(source.contains(&format!("c.number LIMIT {}) k)", super::COMMITMENTS_SHOWN)));
    }
}
