//! What the store's `meetings` queries take and hand out, the same on SQLite and PostgreSQL.

use chrono::{DateTime, NaiveDate, Utc};

/// A booked meeting a reminder is about: before it (with its brief) or after it (how did it go?).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingToRemind {
    pub id: i64,
    pub number: i64,
    pub account_id: i64,
    pub account_name: String,
    pub owner_id: Option<i64>,
    pub created_by: i64,
    pub kind: crate::kind::MeetingKind,
    pub starts_at: DateTime<Utc>,
    pub with_contacts: String,
    /// When the account's newest interaction happened.
    pub last_logged_at: Option<DateTime<Utc>>,
    pub last_summary: Option<String>,
    pub last_author: Option<String>,
    /// The account's soonest-due open commitment, and its due day.
    pub next_step: Option<String>,
    pub next_step_due: Option<NaiveDate>,
}

/// An upcoming meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRow {
    pub id: i64,
    pub account_name: String,
    pub owner_id: Option<i64>,
    pub kind: crate::kind::MeetingKind,
    pub starts_at: DateTime<Utc>,
    pub with_contacts: String,
}

/// A meeting to schedule.
#[derive(Debug, Clone)]
pub struct NewMeeting<'a> {
    pub account_id: i64,
    pub kind: crate::kind::MeetingKind,
    pub starts_at: DateTime<Utc>,
    /// The meeting's day in the workspace's calendar, and the start of today: a planning or review
    /// meeting booked is the account's next planning meeting, unless one is booked before it.
    pub day: NaiveDate,
    pub booked_from: DateTime<Utc>,
    pub with_contacts: &'a str,
    pub created_by: i64,
    pub created_at: DateTime<Utc>,
}
