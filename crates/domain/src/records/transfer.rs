//! What the store's `transfer` queries take and hand out, the same on SQLite and PostgreSQL.

use chrono::{DateTime, NaiveDate, Utc};

/// An entry of an account's name index: its name or one of its aliases, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameTerm {
    pub account_id: i64,
    /// The account's name as written.
    pub name: String,
    pub is_alias: bool,
    pub term: String,
}

/// The editable fields of a contact, as imported and exported.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContactRecord {
    pub account_id: i64,
    pub name: String,
    pub title: String,
    pub department: String,
    pub decision_role: Option<String>,
    pub stance: Option<String>,
    pub strength: Option<i64>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub external_id: Option<String>,
}

/// A contact's keys for matching an imported row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactKey {
    pub id: i64,
    pub account_id: i64,
    pub folded_name: String,
    pub external_id: Option<String>,
}

/// An interaction as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InteractionExport {
    pub number: i64,
    pub account: String,
    pub kind: String,
    pub occurred_at: DateTime<Utc>,
    pub author: String,
    pub contact: Option<String>,
    pub summary: String,
    pub next_step: Option<String>,
    pub next_step_due: Option<NaiveDate>,
    pub tone: Option<i64>,
}

/// An opportunity as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpportunityExport {
    pub number: i64,
    pub account: String,
    pub title: String,
    pub value_minor: i64,
    pub currency: String,
    pub stage: String,
    pub close_on: Option<NaiveDate>,
    pub owner: String,
    pub lost_reason: Option<String>,
}

/// A chat import waiting for its admin to confirm it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingImport {
    pub id: i64,
    pub person_id: i64,
    pub kind: String,
    pub file_name: String,
    pub content: Vec<u8>,
    pub created_at: DateTime<Utc>,
}
