//! What the store's `opportunities` queries take and hand out, the same on SQLite and PostgreSQL.

use crate::pipeline::Stage;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpportunityRow {
    pub id: i64,
    /// What people see and type: its number in the workspace.
    pub number: i64,
    pub account_id: i64,
    pub title: String,
    pub value_minor: i64,
    pub stage: Stage,
    pub close_on: Option<NaiveDate>,
    pub lost_reason: Option<String>,
    pub owner_id: i64,
    pub owner_name: String,
    pub closed_at: Option<DateTime<Utc>>,
}

/// An opportunity to add.
#[derive(Debug, Clone, Copy)]
pub struct NewOpportunity<'a> {
    pub account_id: i64,
    pub title: &'a str,
    pub value_minor: i64,
    /// `identified` for a new one; a closed stage records history (its value is not added again).
    pub stage: Stage,
    pub lost_reason: Option<&'a str>,
    pub close_on: Option<NaiveDate>,
    pub owner_id: i64,
    pub at: DateTime<Utc>,
}

/// Won and lost opportunities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Closed {
    pub won: i64,
    pub lost: i64,
}
