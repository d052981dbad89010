//! Everything known about one account that its card, health score, risk and digest line are
//! computed from, read in one query (PostgreSQL's JSON aggregation gathers the lists). The same
//! facts, in the same order, as the SQLite store's `facts.rs`.

use kam_domain::account::{AccountStatus, Tier};
use kam_domain::money::Currency;
use kam_domain::records::{AccountFacts, FactsColumns, FactsWindow};

use crate::{PgStore, StoreError};

impl PgStore {
    /// The facts of one account of the workspace, or `None` if it has no such account.
    pub async fn account_facts(
        &self,
        workspace_id: i64,
        account_id: i64,
        window: FactsWindow,
    ) -> Result<Option<AccountFacts>, StoreError> {
        Ok(self.accounts_facts(workspace_id, &[account_id], window).await?.pop())
    }

    /// The facts of each of these accounts of the workspace (those it has), by id, in one read.
    /// Where SQLite's lists follow an index's order, these say that order in `ORDER BY`; NULLs
    /// sort first, as on SQLite.
    pub async fn accounts_facts(
        &self,
        workspace_id: i64,
        account_ids: &[i64],
        window: FactsWindow,
    ) -> Result<Vec<AccountFacts>, StoreError> {
        self.facts_where(workspace_id, account_ids, None, window).await
    }

    /// The facts of the accounts of the workspace that have this folded term as their name or as
    /// an alias, found and read in one statement.
    pub async fn facts_named(
        &self,
        workspace_id: i64,
        term: &str,
        window: FactsWindow,
    ) -> Result<Vec<AccountFacts>, StoreError> {
        self.facts_where(workspace_id, &[], Some(term), window).await
    }

    /// The facts of the accounts with these ids or with `term` as a name or alias.
    async fn facts_where(
        &self,
        workspace_id: i64,
        account_ids: &[i64],
        term: Option<&str>,
        window: FactsWindow,
    ) -> Result<Vec<AccountFacts>, StoreError> {
        let rows = sqlx::query_as!(
            FactsColumns,
            r#"SELECT a.id, a.number AS "number!", a.name, a.segment, a.cnpj, a.tier AS "tier: Tier", a.owner_id,
                      o.display_name AS "owner_name?",
                      a.technical_manager_id, t.display_name AS "technical_manager_name?", a.currency AS "currency: Currency",
                      a.wallet_minor, a.revenue_12m_minor, a.share_ceiling_bp, a.suppliers_kept, a.margin_bp, a.planning_cadence_days,
                      a.yearly_review_on, a.status AS "status: AccountStatus", a.created_at,
                      (SELECT COALESCE(json_agg(json_build_array(r.reason, r.note) ORDER BY r.reason), '[]')
                         FROM account_reasons r WHERE r.account_id = a.id)::text AS "reasons!",
                      (SELECT COALESCE(json_agg(l.alias ORDER BY l.alias), '[]')
                         FROM account_aliases l WHERE l.account_id = a.id)::text AS "aliases!",
                      (SELECT json_build_object('kind', i.kind, 'occurred_at', i.occurred_at, 'summary', i.summary,
                                                'author_name', p.display_name, 'contact_name', c.name,
                                                'next_step', i.next_step, 'next_step_due', i.next_step_due)::text
                         FROM interactions i JOIN people p ON p.id = i.author_id
                         LEFT JOIN contacts c ON c.id = i.contact_id
                        WHERE i.account_id = a.id ORDER BY i.occurred_at DESC, i.id DESC LIMIT 1)
                          AS "last_interaction?",
                      (SELECT MAX(occurred_at) FROM interactions
                        WHERE account_id = a.id AND kind IN ('planning_meeting', 'yearly_review'))
                          AS "last_planning?",
                      a.next_planning_due AS "next_planning_due?",
                      (SELECT MIN(m.starts_at) FROM meetings m
                        WHERE m.account_id = a.id AND m.kind IN ('planning', 'review') AND m.starts_at >= $6)
                          AS "booked_planning?",
                      (SELECT COALESCE(json_agg(json_build_object('id', c.id, 'name', c.name, 'title', c.title,
                                  'department', c.department, 'decision_role', c.decision_role, 'stance', c.stance,
                                  'strength', c.strength, 'last_contact', c.last_contact)
                                  ORDER BY lower(c.department), c.folded_name), '[]') FROM
                          (SELECT c.*, GREATEST(
                                      (SELECT MAX(i.occurred_at) FROM interactions i WHERE i.contact_id = c.id),
                                      (SELECT MAX(i.occurred_at) FROM interaction_contacts ic
                                         JOIN interactions i ON i.id = ic.interaction_id
                                        WHERE ic.contact_id = c.id)) AS last_contact
                             FROM contacts c WHERE c.workspace_id = a.workspace_id AND c.account_id = a.id) c)::text
                          AS "contacts!",
                      (SELECT COALESCE(json_agg(json_build_object('period', w.period, 'spend_minor', w.spend_minor,
                                                'revenue_minor', w.revenue_minor, 'plan', w.plan <> 0)
                                                ORDER BY w.period), '[]')
                         FROM wallet_periods w WHERE w.account_id = a.id)::text
                          AS "wallet!",
                      (SELECT COALESCE(json_agg(json_build_object('name', k.name, 'share_bp', k.share_bp, 'threat', k.threat,
                                                'note', k.note, 'updated_at', k.updated_at)
                                                ORDER BY CASE k.threat WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
                                                         k.share_bp DESC NULLS LAST, k.folded_name), '[]')
                         FROM competitors k WHERE k.account_id = a.id)::text
                          AS "competitors!",
                      (SELECT COALESCE(json_agg(n.tone ORDER BY n.occurred_at DESC), '[]') FROM
                          (SELECT tone, occurred_at FROM interactions
                            WHERE account_id = a.id AND tone IS NOT NULL AND occurred_at >= $3
                            ORDER BY occurred_at DESC LIMIT 5) n)::text
                          AS "tones!",
                      (SELECT COUNT(*) FROM interactions
                        WHERE account_id = a.id AND tone = -1 AND occurred_at >= $7)
                          AS "recent_negatives!",
                      (SELECT updated_at FROM account_plans
                        WHERE account_id = a.id AND (year = $4 OR (year = $4 - 1 AND updated_at >= $8))
                        ORDER BY year DESC LIMIT 1)
                          AS "plan_updated_at?",
                      (SELECT COALESCE(json_agg(json_build_object('number', number, 'title', title, 'stage', stage,
                                      'value_minor', value_minor, 'created_at', created_at, 'closed_at', closed_at)
                                      ORDER BY stage, id), '[]')
                         FROM opportunities WHERE workspace_id = a.workspace_id AND account_id = a.id)::text
                          AS "opportunities!",
                      (SELECT json_build_array(taken_on, score)::text FROM health_snapshots
                        WHERE account_id = a.id AND taken_on <= $5 ORDER BY taken_on DESC LIMIT 1)
                          AS "health_before?",
                      (SELECT COALESCE(json_agg(json_build_array(component, weight) ORDER BY component), '[]')
                         FROM health_weights WHERE workspace_id = a.workspace_id)::text
                          AS "weights!",
                      (SELECT COALESCE(json_agg(json_build_object('number', k.number, 'text', k.text, 'due_on', k.due_on,
                                                'owner_name', k.owner_name)
                                                ORDER BY k.due_on IS NULL, k.due_on, k.number), '[]') FROM
                          (SELECT c.number, c.text, c.due_on, p.display_name AS owner_name
                             FROM commitments c JOIN people p ON p.id = c.owner_id
                            WHERE c.account_id = a.id AND c.status = 'open'
                            ORDER BY c.due_on IS NULL, c.due_on, c.number LIMIT 5) k)::text
                          AS "commitments!",
                      (SELECT json_build_array(COUNT(*), COUNT(*) FILTER (WHERE due_on < $9))::text FROM commitments
                        WHERE account_id = a.id AND status = 'open')
                          AS "commitment_counts!"
               FROM accounts a
               LEFT JOIN people o ON o.id = a.owner_id
               LEFT JOIN people t ON t.id = a.technical_manager_id
               WHERE a.workspace_id = $1
                 AND a.id = ANY($2 || ARRAY(SELECT t.account_id FROM account_terms t
                                             WHERE t.workspace_id = $1 AND t.term = $10
                                               AND t.kind IN ('name', 'alias')))
               ORDER BY a.id"#,
            workspace_id,
            account_ids,
            window.tones_since,
            window.plan_year,
            window.trend_before,
            window.booked_from,
            window.negatives_since,
            window.plan_carried_from,
            window.today,
            term,
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|r| r.decode(&self.settings).map_err(|e| StoreError::Decode(e.into()))).collect()
    }
}
