//! What the store's `pending_answers` queries hand out, the same on SQLite and PostgreSQL.

use chrono::{DateTime, Utc};

/// An answer owed to a request already acknowledged, claimed by the replica that will send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingAnswer {
    pub id: i64,
    /// The front end that resumes it (`discord`, `slack`).
    pub platform: String,
    /// What the front end resumes (`interaction`, `command`).
    pub kind: String,
    /// The request as it came.
    pub payload: String,
    /// The bot's now when it came: the command runs at that instant again.
    pub received_at: DateTime<Utc>,
}
