//! Merging one account into another of the same workspace: everything of the first (contacts,
//! interactions, commitments, meetings, plans and their goals, reviews, opportunities, wallet
//! periods, competitors, qualification, health history, snoozes, open drafts) moves to the second,
//! in one transaction; where both hold the same thing (a plan of the same year, a wallet period,
//! a competitor) the kept account's stays.

use super::{StoreError, WriteTx};
pub use crate::domain::records::merge::MergeCounts;

impl WriteTx {
    /// What a merge of `from` would move, read in the transaction that merges.
    pub async fn merge_counts(&mut self, workspace_id: i64, from: i64) -> Result<MergeCounts, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.merge_counts(workspace_id, from).await;
        }
        // The indexes are named: without statistics SQLite would count through the workspace's
        // own indexes, every row of the workspace, while this transaction holds the write lock.
        let row = sqlx::query!(
            r#"SELECT
                 (SELECT COUNT(*) FROM contacts WHERE workspace_id = ?1 AND account_id = ?2) AS "contacts!: i64",
                 (SELECT COUNT(*) FROM interactions INDEXED BY interactions_by_account WHERE workspace_id = ?1 AND account_id = ?2) AS "interactions!: i64",
                 (SELECT COUNT(*) FROM commitments INDEXED BY commitments_by_account WHERE workspace_id = ?1 AND account_id = ?2) AS "commitments!: i64",
                 (SELECT COUNT(*) FROM opportunities WHERE workspace_id = ?1 AND account_id = ?2) AS "opportunities!: i64",
                 (SELECT COUNT(*) FROM meetings INDEXED BY meetings_by_account WHERE workspace_id = ?1 AND account_id = ?2) AS "meetings!: i64",
                 (SELECT COUNT(*) FROM account_plans INDEXED BY sqlite_autoindex_account_plans_1 WHERE workspace_id = ?1 AND account_id = ?2) AS "plans!: i64",
                 (SELECT COUNT(*) FROM wallet_periods WHERE workspace_id = ?1 AND account_id = ?2) AS "wallet_periods!: i64",
                 (SELECT COUNT(*) FROM competitors WHERE workspace_id = ?1 AND account_id = ?2) AS "competitors!: i64""#,
            workspace_id,
            from
        )
        .fetch_one(lite!(self))
        .await?;
        Ok(MergeCounts {
            contacts: row.contacts,
            interactions: row.interactions,
            commitments: row.commitments,
            opportunities: row.opportunities,
            meetings: row.meetings,
            plans: row.plans,
            wallet_periods: row.wallet_periods,
            competitors: row.competitors,
        })
    }

    /// Moves everything of account `from` to account `into` and deletes `from`, both of the
    /// workspace (a `from` or `into` of another workspace moves nothing and deletes nothing). The
    /// caller rewrites `into`'s record (its aliases now holding `from`'s name) afterwards.
    pub async fn merge_account_rows(&mut self, workspace_id: i64, from: i64, into: i64) -> Result<(), StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.merge_account_rows(workspace_id, from, into).await;
        }
        let tx = lite!(self);
        // One compile-time checked statement of the merge, on the workspace and both accounts.
        macro_rules! run {
            ($sql:literal) => {
                sqlx::query!($sql, workspace_id, from, into).execute(&mut *tx).await?
            };
        }
        // Rows that cannot clash move as they are.
        run!("UPDATE contacts SET account_id = ?3 WHERE workspace_id = ?1 AND account_id = ?2");
        run!("UPDATE interactions SET account_id = ?3 WHERE workspace_id = ?1 AND account_id = ?2");
        run!("UPDATE commitments SET account_id = ?3 WHERE workspace_id = ?1 AND account_id = ?2");
        run!("UPDATE opportunities SET account_id = ?3 WHERE workspace_id = ?1 AND account_id = ?2");
        run!("UPDATE meetings SET account_id = ?3 WHERE workspace_id = ?1 AND account_id = ?2");
        run!("UPDATE yearly_reviews SET account_id = ?3 WHERE workspace_id = ?1 AND account_id = ?2");
        // A plan of a year both have: its goals join the kept plan.
        run!(
            "UPDATE plan_goals SET plan_id = (
                 SELECT kept.id FROM account_plans kept JOIN account_plans gone ON gone.year = kept.year
                 WHERE gone.id = plan_goals.plan_id AND kept.workspace_id = ?1 AND kept.account_id = ?3)
             WHERE workspace_id = ?1 AND plan_id IN (
                 SELECT gone.id FROM account_plans gone JOIN account_plans kept ON kept.year = gone.year
                 WHERE gone.workspace_id = ?1 AND gone.account_id = ?2 AND kept.account_id = ?3)"
        );
        // What both may hold once (a plan of a year, a wallet period, a competitor, the
        // qualification, a day's health, a snooze, a reminder sent) moves where the kept account
        // has none; the rest of the duplicate's goes.
        run!("UPDATE OR IGNORE account_plans SET account_id = ?3 WHERE workspace_id = ?1 AND account_id = ?2");
        run!("DELETE FROM account_plans WHERE workspace_id = ?1 AND account_id = ?2 AND account_id <> ?3");
        run!("UPDATE OR IGNORE wallet_periods SET account_id = ?3 WHERE workspace_id = ?1 AND account_id = ?2");
        run!("DELETE FROM wallet_periods WHERE workspace_id = ?1 AND account_id = ?2 AND account_id <> ?3");
        run!("UPDATE OR IGNORE competitors SET account_id = ?3 WHERE workspace_id = ?1 AND account_id = ?2");
        run!("DELETE FROM competitors WHERE workspace_id = ?1 AND account_id = ?2 AND account_id <> ?3");
        run!("UPDATE OR IGNORE qualifications SET account_id = ?3 WHERE workspace_id = ?1 AND account_id = ?2");
        run!("DELETE FROM qualifications WHERE workspace_id = ?1 AND account_id = ?2 AND account_id <> ?3");
        run!("UPDATE OR IGNORE health_snapshots SET account_id = ?3 WHERE workspace_id = ?1 AND account_id = ?2");
        run!("DELETE FROM health_snapshots WHERE workspace_id = ?1 AND account_id = ?2 AND account_id <> ?3");
        run!("UPDATE OR IGNORE account_snoozes SET account_id = ?3 WHERE workspace_id = ?1 AND account_id = ?2");
        run!("DELETE FROM account_snoozes WHERE workspace_id = ?1 AND account_id = ?2 AND account_id <> ?3");
        run!("UPDATE OR IGNORE reminder_marks SET account_id = ?3 WHERE workspace_id = ?1 AND account_id = ?2");
        run!("DELETE FROM reminder_marks WHERE workspace_id = ?1 AND account_id = ?2 AND account_id <> ?3");
        // An open draft about the merged account is about the kept one now.
        run!(
            "UPDATE drafts SET body = json_set(body, '$.account.id', ?3)
             WHERE workspace_id = ?1 AND state = 'open' AND json_extract(body, '$.account.id') = ?2"
        );
        // Likewise where a draft offers it among several accounts.
        run!(
            "UPDATE drafts SET body = json_set(body, '$.account_choices', (
                 SELECT json_group_array(CASE WHEN c.value ->> 'id' = ?2 THEN json_set(c.value, '$.id', ?3)
                                              ELSE json(c.value) END)
                 FROM json_each(drafts.body, '$.account_choices') c))
             WHERE workspace_id = ?1 AND state = 'open' AND EXISTS (
                 SELECT 1 FROM json_each(drafts.body, '$.account_choices') c WHERE c.value ->> 'id' = ?2)"
        );
        // The kept account's clock: the later of both last contacts and planning dates.
        run!(
            "WITH pair (last_contact, next_planning) AS (
                 SELECT NULLIF(MAX(COALESCE(a.last_contact_on, ''), COALESCE(b.last_contact_on, '')), ''),
                        MAX(a.next_planning_due, b.next_planning_due)
                 FROM accounts a, accounts b
                 WHERE a.workspace_id = ?1 AND a.id = ?3 AND b.workspace_id = ?1 AND b.id = ?2)
             UPDATE accounts SET
                 last_contact_on = (SELECT last_contact FROM pair),
                 contact_due_on = COALESCE(
                     (SELECT date(last_contact, '+' || accounts.planning_cadence_days || ' days') FROM pair),
                     contact_due_on),
                 next_planning_due = (SELECT next_planning FROM pair)
             WHERE workspace_id = ?1 AND id = ?3 AND EXISTS (SELECT 1 FROM pair)"
        );
        run!("DELETE FROM accounts WHERE workspace_id = ?1 AND id = ?2 AND id <> ?3");
        Ok(())
    }
}
