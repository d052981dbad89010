//! Booked meetings: scheduled, listed, numbered, and the ones a reminder is about.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, StoreError, WriteTx};
pub use crate::domain::records::meetings::{MeetingRow, MeetingToRemind, NewMeeting};

impl Store {
    /// The first meeting booked with an account from `from` on.
    pub async fn next_meeting(
        &self,
        workspace_id: i64,
        account_id: i64,
        from: DateTime<Utc>,
    ) -> Result<Option<MeetingRow>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.next_meeting(workspace_id, account_id, from).await;
        }
        sqlx::query_as!(
            MeetingRow,
            r#"SELECT m.id AS "id!", a.name AS account_name, a.owner_id, m.kind AS "kind: crate::domain::kind::MeetingKind",
                      m.starts_at AS "starts_at!: DateTime<Utc>", m.with_contacts
               FROM meetings m JOIN accounts a ON a.id = m.account_id
               WHERE m.workspace_id = ?1 AND m.account_id = ?2 AND m.starts_at >= ?3
               ORDER BY m.starts_at LIMIT 1"#,
            workspace_id,
            account_id,
            from
        )
        .fetch_optional(pool!(self))
        .await
    }

    /// Meetings of the workspace from `from` to `until`, soonest first.
    pub async fn meetings_between(
        &self,
        workspace_id: i64,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<MeetingRow>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.meetings_between(workspace_id, from, until).await;
        }
        sqlx::query_as!(
            MeetingRow,
            r#"SELECT m.id AS "id!", a.name AS account_name, a.owner_id, m.kind AS "kind: crate::domain::kind::MeetingKind",
                      m.starts_at AS "starts_at!: DateTime<Utc>", m.with_contacts
               FROM meetings m JOIN accounts a ON a.id = m.account_id
               WHERE m.workspace_id = ? AND m.starts_at >= ? AND m.starts_at <= ? ORDER BY m.starts_at"#,
            workspace_id,
            from,
            until
        )
        .fetch_all(pool!(self))
        .await
    }
}

impl WriteTx {
    /// Adds a meeting: its number in the workspace, or the number of the meeting already booked
    /// with the account at that time (then nothing is added).
    pub async fn insert_meeting(
        &mut self,
        workspace_id: i64,
        m: &NewMeeting<'_>,
    ) -> Result<Result<i64, i64>, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.insert_meeting(workspace_id, m).await;
        }
        let booked = sqlx::query_scalar!(
            r#"SELECT number AS "number!" FROM meetings WHERE workspace_id = ? AND account_id = ? AND starts_at = ?"#,
            workspace_id,
            m.account_id,
            m.starts_at
        )
        .fetch_optional(lite!(self))
        .await?;
        if let Some(number) = booked {
            return Ok(Err(number));
        }
        let number = sqlx::query_scalar!(
            r#"INSERT INTO meetings (workspace_id, account_id, kind, starts_at, with_contacts, created_by, created_at, number)
               VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
                       (SELECT COALESCE(MAX(number), 0) + 1 FROM meetings WHERE workspace_id = ?1))
               RETURNING number AS "number!""#,
            workspace_id,
            m.account_id,
            m.kind,
            m.starts_at,
            m.with_contacts,
            m.created_by,
            m.created_at
        )
        .fetch_one(lite!(self))
        .await?;
        if m.kind.plans() {
            // The cadence's day gives way to the booked one, unless a planning meeting is booked
            // before it.
            sqlx::query!(
                "UPDATE accounts SET next_planning_due = ?2
                 WHERE workspace_id = ?3 AND id = ?4
                   AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.account_id = ?4
                                     AND m.kind IN ('planning', 'review') AND m.starts_at >= ?1 AND m.starts_at < ?5)",
                m.booked_from,
                m.day,
                workspace_id,
                m.account_id,
                m.starts_at
            )
            .execute(lite!(self))
            .await?;
        }
        Ok(Ok(number))
    }
}

/// The reads a job composes its messages from: through the pool, outside any write transaction.
impl Store {
    /// Meetings from `from` to `until` with active accounts, each with the account's newest
    /// interaction (its day, summary, author) and its soonest-due open commitment.
    pub async fn meetings_to_remind(
        &self,
        workspace_id: i64,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<MeetingToRemind>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.meetings_to_remind(workspace_id, from, until).await;
        }
        sqlx::query_as!(
            MeetingToRemind,
            r#"SELECT m.id AS "id!", m.number AS "number!", m.account_id, a.name AS account_name, a.owner_id,
                      m.created_by, m.kind AS "kind: crate::domain::kind::MeetingKind", m.starts_at AS "starts_at!: DateTime<Utc>", m.with_contacts,
                      l.occurred_at AS "last_logged_at?: DateTime<Utc>", l.summary AS "last_summary?",
                      p.display_name AS "last_author?", k.text AS "next_step?",
                      k.due_on AS "next_step_due?: NaiveDate"
               FROM meetings m JOIN accounts a ON a.id = m.account_id
               LEFT JOIN interactions l ON l.id = (SELECT i.id FROM interactions i WHERE i.account_id = m.account_id
                                                    ORDER BY i.occurred_at DESC, i.id DESC LIMIT 1)
               LEFT JOIN people p ON p.id = l.author_id
               LEFT JOIN commitments k ON k.id = (SELECT c.id FROM commitments c
                                                   WHERE c.account_id = m.account_id AND c.status = 'open'
                                                   ORDER BY c.due_on IS NULL, c.due_on, c.number LIMIT 1)
               WHERE m.workspace_id = ?1 AND m.starts_at >= ?2 AND m.starts_at < ?3 AND a.status = 'active'
               ORDER BY m.starts_at, m.id"#,
            workspace_id,
            from,
            until
        )
        .fetch_all(pool!(self))
        .await
    }
}

impl WriteTx {
    /// The meeting with this number in the workspace: (account, kind, when), read inside the
    /// write transaction that decides on it.
    pub async fn meeting_by_number(
        &mut self,
        workspace_id: i64,
        number: i64,
    ) -> Result<Option<(i64, crate::domain::kind::MeetingKind, DateTime<Utc>)>, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.meeting_by_number(workspace_id, number).await;
        }
        let row = sqlx::query!(
            r#"SELECT account_id, kind AS "kind: crate::domain::kind::MeetingKind", starts_at AS "starts_at!: DateTime<Utc>" FROM meetings
               WHERE workspace_id = ? AND number = ?"#,
            workspace_id,
            number
        )
        .fetch_optional(lite!(self))
        .await?;
        Ok(row.map(|r| (r.account_id, r.kind, r.starts_at)))
    }
}
