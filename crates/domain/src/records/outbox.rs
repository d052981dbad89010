//! What the store's `outbox` queries take and hand out, the same on SQLite and PostgreSQL.

use chrono::{DateTime, Utc};

/// A person a message can be sent to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressee {
    pub id: i64,
    pub display_name: String,
    pub platform: crate::identity::Platform,
    pub platform_user_id: String,
    pub language: Option<String>,
    pub role: crate::account::Role,
    pub manager_id: Option<i64>,
}

impl Addressee {
    pub fn of(p: &crate::records::people::Person) -> Addressee {
        Addressee {
            id: p.id,
            display_name: p.display_name.clone(),
            platform: p.platform,
            platform_user_id: p.platform_user_id.clone(),
            language: p.language.clone(),
            role: p.role,
            manager_id: p.manager_id,
        }
    }
}

/// A message waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxItem {
    pub id: i64,
    pub workspace_id: i64,
    pub person_id: i64,
    pub platform: crate::identity::Platform,
    pub platform_user_id: String,
    pub payload: String,
    pub attempts: i64,
    pub expires_at: DateTime<Utc>,
}

/// Counts of the outbox by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OutboxCounts {
    pub pending: i64,
    pub delivered: i64,
    pub failed: i64,
}
