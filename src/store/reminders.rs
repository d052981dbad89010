//! What reminders are about: the accounts whose clocks say something is due (found through the
//! clock indexes), snoozes and the marks that keep a reminder from repeating.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, StoreError, WriteTx};
pub use crate::domain::records::reminders::DueAccount;

impl WriteTx {
    /// Marks reminders as given, (account, mark) pairs in one write; the pairs that had not been
    /// marked before (those to give now).
    pub async fn mark_reminders(
        &mut self,
        workspace_id: i64,
        marks: &[(i64, String)],
        at: DateTime<Utc>,
    ) -> Result<std::collections::HashSet<(i64, String)>, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.mark_reminders(workspace_id, marks, at).await;
        }
        if marks.is_empty() {
            return Ok(Default::default());
        }
        let json = serde_json::to_string(marks).unwrap_or_else(|_| "[]".to_string());
        let rows = sqlx::query!(
            r#"INSERT INTO reminder_marks (workspace_id, account_id, mark, created_at)
               SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]'), ?3 FROM json_each(?2) WHERE true
               ON CONFLICT DO NOTHING
               RETURNING account_id AS "account_id!: i64", mark AS "mark!: String""#,
            workspace_id,
            json,
            at
        )
        .fetch_all(lite!(self))
        .await?;
        Ok(rows.into_iter().map(|r| (r.account_id, r.mark)).collect())
    }
}

impl WriteTx {
    /// Snoozes an account's reminders until `until` (inclusive); `false` when it already was
    /// snoozed at least that long (nothing changes).
    pub async fn snooze(
        &mut self,
        workspace_id: i64,
        account_id: i64,
        until: NaiveDate,
        by: i64,
    ) -> Result<bool, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.snooze(workspace_id, account_id, until, by).await;
        }
        let done = sqlx::query!(
            "INSERT INTO account_snoozes (workspace_id, account_id, until, snoozed_by) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (account_id) DO UPDATE SET until = ?3, snoozed_by = ?4 WHERE until < ?3",
            workspace_id,
            account_id,
            until,
            by
        )
        .execute(lite!(self))
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

impl Store {
    /// Until when an account's reminders are snoozed, if they are.
    pub async fn snoozed_until(&self, workspace_id: i64, account_id: i64) -> Result<Option<NaiveDate>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.snoozed_until(workspace_id, account_id).await;
        }
        sqlx::query_scalar!(
            r#"SELECT until AS "until: NaiveDate" FROM account_snoozes WHERE workspace_id = ? AND account_id = ?"#,
            workspace_id,
            account_id
        )
        .fetch_optional(pool!(self))
        .await
    }
}

/// The reads a job composes its messages from: through the pool, outside any write transaction.
impl Store {
    /// Active accounts with an owner whose next planning meeting is due by `until` and not booked
    /// (no planning or review meeting from `booked_from` on: the meeting's own reminder covers it).
    pub async fn planning_due(
        &self,
        workspace_id: i64,
        until: NaiveDate,
        booked_from: DateTime<Utc>,
    ) -> Result<Vec<DueAccount>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.planning_due(workspace_id, until, booked_from).await;
        }
        sqlx::query_as!(
            DueAccount,
            r#"SELECT a.id AS "id!", a.name, a.tier AS "tier: crate::domain::account::Tier", a.planning_cadence_days,
                      a.next_planning_due AS "next_planning_due?: NaiveDate", a.contact_due_on AS "contact_due_on?: NaiveDate",
                      a.last_contact_on AS "last_contact_on?: NaiveDate", a.yearly_review_on AS "yearly_review_on?: NaiveDate",
                      a.owner_id AS "owner_id!", o.manager_id AS owner_manager_id
               FROM accounts a JOIN people o ON o.id = a.owner_id
               WHERE a.workspace_id = ?1 AND a.status = 'active' AND a.next_planning_due <= ?2
                 AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.account_id = a.id
                                   AND m.kind IN ('planning', 'review') AND m.starts_at >= ?3)
               ORDER BY a.next_planning_due, a.name"#,
            workspace_id,
            until,
            booked_from
        )
        .fetch_all(pool!(self))
        .await
    }

    /// Active accounts with an owner whose contact went stale before `today`.
    pub async fn contact_stale(&self, workspace_id: i64, today: NaiveDate) -> Result<Vec<DueAccount>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.contact_stale(workspace_id, today).await;
        }
        sqlx::query_as!(
            DueAccount,
            r#"SELECT a.id AS "id!", a.name, a.tier AS "tier: crate::domain::account::Tier", a.planning_cadence_days,
                      a.next_planning_due AS "next_planning_due?: NaiveDate", a.contact_due_on AS "contact_due_on?: NaiveDate",
                      a.last_contact_on AS "last_contact_on?: NaiveDate", a.yearly_review_on AS "yearly_review_on?: NaiveDate",
                      a.owner_id AS "owner_id!", o.manager_id AS owner_manager_id
               FROM accounts a JOIN people o ON o.id = a.owner_id
               WHERE a.workspace_id = ? AND a.status = 'active' AND a.contact_due_on < ?
               ORDER BY a.contact_due_on, a.name"#,
            workspace_id,
            today
        )
        .fetch_all(pool!(self))
        .await
    }

    /// Active accounts with an owner whose yearly review falls from `from` to `until`.
    pub async fn reviews_due(
        &self,
        workspace_id: i64,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Result<Vec<DueAccount>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.reviews_due(workspace_id, from, until).await;
        }
        sqlx::query_as!(
            DueAccount,
            r#"SELECT a.id AS "id!", a.name, a.tier AS "tier: crate::domain::account::Tier", a.planning_cadence_days,
                      a.next_planning_due AS "next_planning_due?: NaiveDate", a.contact_due_on AS "contact_due_on?: NaiveDate",
                      a.last_contact_on AS "last_contact_on?: NaiveDate", a.yearly_review_on AS "yearly_review_on?: NaiveDate",
                      a.owner_id AS "owner_id!", o.manager_id AS owner_manager_id
               FROM accounts a JOIN people o ON o.id = a.owner_id
               WHERE a.workspace_id = ? AND a.status = 'active' AND a.yearly_review_on >= ? AND a.yearly_review_on <= ?
               ORDER BY a.yearly_review_on, a.name"#,
            workspace_id,
            from,
            until
        )
        .fetch_all(pool!(self))
        .await
    }

    /// The accounts of the workspace whose reminders are snoozed on `day`.
    pub async fn snoozed(
        &self,
        workspace_id: i64,
        day: NaiveDate,
    ) -> Result<std::collections::HashSet<i64>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.snoozed(workspace_id, day).await;
        }
        let ids = sqlx::query_scalar!(
            "SELECT account_id FROM account_snoozes WHERE workspace_id = ? AND until >= ?",
            workspace_id,
            day
        )
        .fetch_all(pool!(self))
        .await?;
        Ok(ids.into_iter().collect())
    }

    /// Which of these (account, mark) pairs were given already (a preview's view of the marks).
    pub async fn marked(
        &self,
        workspace_id: i64,
        marks: &[(i64, String)],
    ) -> Result<std::collections::HashSet<(i64, String)>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.marked(workspace_id, marks).await;
        }
        if marks.is_empty() {
            return Ok(Default::default());
        }
        let json = serde_json::to_string(marks).unwrap_or_else(|_| "[]".to_string());
        let rows = sqlx::query!(
            r#"SELECT r.account_id AS "account_id!: i64", r.mark AS "mark!: String" FROM reminder_marks r
               JOIN json_each(?2) j ON r.account_id = json_extract(j.value, '$[0]') AND r.mark = json_extract(j.value, '$[1]')
               WHERE r.workspace_id = ?1"#,
            workspace_id,
            json
        )
        .fetch_all(pool!(self))
        .await?;
        Ok(rows.into_iter().map(|r| (r.account_id, r.mark)).collect())
    }
}
