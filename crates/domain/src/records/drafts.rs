//! What the store's `drafts` queries take and hand out, the same on SQLite and PostgreSQL.

use chrono::{DateTime, Utc};

/// A draft as stored: its body is the JSON of what was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRow {
    pub id: i64,
    pub number: i64,
    pub author_id: i64,
    pub body: String,
    pub state: String,
    pub expires_at: DateTime<Utc>,
    pub interaction: Option<i64>,
}
