//! Merging one account into another of the same workspace: everything of the first (contacts,
//! interactions, commitments, meetings, plans and their goals, reviews, opportunities, wallet
//! periods, competitors, qualification, health history, snoozes, open drafts) moves to the second,
//! in one transaction; where both hold the same thing (a plan of the same year, a wallet period,
//! a competitor) the kept account's stays.

use crate::{StoreError, WriteTx};
pub use kam_domain::records::merge::MergeCounts;

impl WriteTx {
    /// What a merge of `from` would move, read in the transaction that merges.
    pub async fn merge_counts(&mut self, workspace_id: i64, from: i64) -> Result<MergeCounts, StoreError> {
        let row = sqlx::query!(
            r#"SELECT
                 (SELECT COUNT(*) FROM contacts WHERE workspace_id = $1 AND account_id = $2) AS "contacts!: i64",
                 (SELECT COUNT(*) FROM interactions WHERE workspace_id = $1 AND account_id = $2) AS "interactions!: i64",
                 (SELECT COUNT(*) FROM commitments WHERE workspace_id = $1 AND account_id = $2) AS "commitments!: i64",
                 (SELECT COUNT(*) FROM opportunities WHERE workspace_id = $1 AND account_id = $2) AS "opportunities!: i64",
                 (SELECT COUNT(*) FROM meetings WHERE workspace_id = $1 AND account_id = $2) AS "meetings!: i64",
                 (SELECT COUNT(*) FROM account_plans WHERE workspace_id = $1 AND account_id = $2) AS "plans!: i64",
                 (SELECT COUNT(*) FROM wallet_periods WHERE workspace_id = $1 AND account_id = $2) AS "wallet_periods!: i64",
                 (SELECT COUNT(*) FROM competitors WHERE workspace_id = $1 AND account_id = $2) AS "competitors!: i64""#,
            workspace_id,
            from
        )
        .fetch_one(&mut *self.tx)
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
        let tx = &mut self.tx;
        // One compile-time checked statement of the merge, on the workspace and both accounts.
        macro_rules! run {
            ($sql:literal) => {
                sqlx::query!($sql, workspace_id, from, into).execute(&mut **tx).await?
            };
        }
        // Rows that cannot clash move as they are.
        run!("UPDATE contacts SET account_id = $3 WHERE workspace_id = $1 AND account_id = $2");
        run!("UPDATE interactions SET account_id = $3 WHERE workspace_id = $1 AND account_id = $2");
        run!("UPDATE commitments SET account_id = $3 WHERE workspace_id = $1 AND account_id = $2");
        run!("UPDATE opportunities SET account_id = $3 WHERE workspace_id = $1 AND account_id = $2");
        run!("UPDATE meetings SET account_id = $3 WHERE workspace_id = $1 AND account_id = $2");
        run!("UPDATE yearly_reviews SET account_id = $3 WHERE workspace_id = $1 AND account_id = $2");
        // A plan of a year both have: its goals join the kept plan.
        run!(
            "UPDATE plan_goals SET plan_id = (
                 SELECT kept.id FROM account_plans kept JOIN account_plans gone ON gone.year = kept.year
                 WHERE gone.id = plan_goals.plan_id AND kept.workspace_id = $1 AND kept.account_id = $3)
             WHERE workspace_id = $1 AND plan_id IN (
                 SELECT gone.id FROM account_plans gone JOIN account_plans kept ON kept.year = gone.year
                 WHERE gone.workspace_id = $1 AND gone.account_id = $2 AND kept.account_id = $3)"
        );
        // What both may hold once (a plan of a year, a wallet period, a competitor, the
        // qualification, a day's health, a snooze, a reminder sent) moves where the kept account
        // has none; the rest of the duplicate's goes.
        run!(
            "UPDATE account_plans r SET account_id = $3 WHERE r.workspace_id = $1 AND r.account_id = $2
               AND NOT EXISTS (SELECT 1 FROM account_plans k WHERE k.account_id = $3 AND k.year = r.year)"
        );
        run!("DELETE FROM account_plans WHERE workspace_id = $1 AND account_id = $2 AND account_id <> $3");
        run!(
            "UPDATE wallet_periods r SET account_id = $3 WHERE r.workspace_id = $1 AND r.account_id = $2
               AND NOT EXISTS (SELECT 1 FROM wallet_periods k WHERE k.account_id = $3 AND k.period = r.period)"
        );
        run!("DELETE FROM wallet_periods WHERE workspace_id = $1 AND account_id = $2 AND account_id <> $3");
        run!(
            "UPDATE competitors r SET account_id = $3 WHERE r.workspace_id = $1 AND r.account_id = $2
               AND NOT EXISTS (SELECT 1 FROM competitors k WHERE k.account_id = $3 AND k.folded_name = r.folded_name)"
        );
        run!("DELETE FROM competitors WHERE workspace_id = $1 AND account_id = $2 AND account_id <> $3");
        run!(
            "UPDATE qualifications r SET account_id = $3 WHERE r.workspace_id = $1 AND r.account_id = $2
               AND NOT EXISTS (SELECT 1 FROM qualifications k WHERE k.account_id = $3)"
        );
        run!("DELETE FROM qualifications WHERE workspace_id = $1 AND account_id = $2 AND account_id <> $3");
        run!(
            "UPDATE health_snapshots r SET account_id = $3 WHERE r.workspace_id = $1 AND r.account_id = $2
               AND NOT EXISTS (SELECT 1 FROM health_snapshots k WHERE k.account_id = $3 AND k.taken_on = r.taken_on)"
        );
        run!("DELETE FROM health_snapshots WHERE workspace_id = $1 AND account_id = $2 AND account_id <> $3");
        run!(
            "UPDATE account_snoozes r SET account_id = $3 WHERE r.workspace_id = $1 AND r.account_id = $2
               AND NOT EXISTS (SELECT 1 FROM account_snoozes k WHERE k.account_id = $3)"
        );
        run!("DELETE FROM account_snoozes WHERE workspace_id = $1 AND account_id = $2 AND account_id <> $3");
        run!(
            "UPDATE reminder_marks r SET account_id = $3 WHERE r.workspace_id = $1 AND r.account_id = $2
               AND NOT EXISTS (SELECT 1 FROM reminder_marks k WHERE k.account_id = $3 AND k.mark = r.mark)"
        );
        run!("DELETE FROM reminder_marks WHERE workspace_id = $1 AND account_id = $2 AND account_id <> $3");
        // An open draft about the merged account is about the kept one now (a draft's body is
        // JSON text; jsonb rewrites it, the same value).
        run!(
            "UPDATE drafts SET body = jsonb_set(body::jsonb, '{account,id}', to_jsonb($3::bigint))::text
             WHERE workspace_id = $1 AND state = 'open' AND (body::jsonb #>> '{account,id}') = $2::bigint::text"
        );
        // Likewise where a draft offers it among several accounts.
        run!(
            "UPDATE drafts SET body = jsonb_set(body::jsonb, '{account_choices}', (
                 SELECT jsonb_agg(CASE WHEN c.value ->> 'id' = $2::bigint::text THEN jsonb_set(c.value, '{id}', to_jsonb($3::bigint))
                                       ELSE c.value END ORDER BY c.ord)
                 FROM jsonb_array_elements(drafts.body::jsonb -> 'account_choices') WITH ORDINALITY c(value, ord)))::text
             WHERE workspace_id = $1 AND state = 'open' AND jsonb_typeof(body::jsonb -> 'account_choices') = 'array'
               AND jsonb_path_exists(body::jsonb, '$.account_choices[*] ? (@.id == $from)', jsonb_build_object('from', $2::bigint))"
        );
        // The kept account's clock: the later of both last contacts and planning dates (the
        // planning date none where either has none, as on SQLite).
        run!(
            "WITH pair (last_contact, next_planning) AS (
                 SELECT GREATEST(a.last_contact_on, b.last_contact_on),
                        CASE WHEN a.next_planning_due IS NULL OR b.next_planning_due IS NULL THEN NULL
                             ELSE GREATEST(a.next_planning_due, b.next_planning_due) END
                 FROM accounts a, accounts b
                 WHERE a.workspace_id = $1 AND a.id = $3 AND b.workspace_id = $1 AND b.id = $2)
             UPDATE accounts SET
                 last_contact_on = (SELECT last_contact FROM pair),
                 contact_due_on = COALESCE(
                     (SELECT last_contact + accounts.planning_cadence_days::int FROM pair),
                     contact_due_on),
                 next_planning_due = (SELECT next_planning FROM pair)
             WHERE workspace_id = $1 AND id = $3 AND EXISTS (SELECT 1 FROM pair)"
        );
        run!("DELETE FROM accounts WHERE workspace_id = $1 AND id = $2 AND id <> $3");
        Ok(())
    }
}
