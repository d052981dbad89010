//! What the store's `privacy` queries take and hand out, the same on SQLite and PostgreSQL.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// What stands where an erased person's name was.
pub const ERASED_NAME: &str = "erased contact";

/// What stands where an erased email or phone was.
pub const ERASED: &str = "[erased]";

/// Everything held about a contact.
#[derive(Debug, Clone, Serialize)]
pub struct PersonalData {
    pub contact: ContactData,
    pub interactions: Vec<InteractionData>,
    pub meetings: Vec<MeetingData>,
    pub audit_entries: Vec<AuditData>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactData {
    pub account: String,
    pub name: String,
    pub title: String,
    pub department: String,
    pub decision_role: Option<String>,
    pub stance: Option<String>,
    pub strength: Option<i64>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InteractionData {
    pub occurred_at: DateTime<Utc>,
    pub kind: String,
    pub summary: String,
    pub next_step: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingData {
    pub starts_at: DateTime<Utc>,
    pub kind: String,
    pub with_contacts: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditData {
    pub at: DateTime<Utc>,
    pub command: String,
    pub arguments: String,
}
