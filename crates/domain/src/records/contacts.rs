//! What the store's `contacts` queries take and hand out, the same on SQLite and PostgreSQL.

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRow {
    pub id: i64,
    pub name: String,
    pub title: String,
    pub department: String,
    pub decision_role: Option<String>,
    pub strength: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct NewContact<'a> {
    pub account_id: i64,
    pub name: &'a str,
    pub title: &'a str,
    pub department: &'a str,
    pub decision_role: Option<&'a str>,
    pub stance: Option<&'a str>,
    pub strength: Option<i64>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub created_at: DateTime<Utc>,
}

/// Changes to a contact; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ContactChanges<'a> {
    pub title: Option<&'a str>,
    pub department: Option<&'a str>,
    pub decision_role: Option<&'a str>,
    pub stance: Option<&'a str>,
    pub strength: Option<i64>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
}
