//! What the store's `plans` queries take and hand out, the same on SQLite and PostgreSQL.

use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRow {
    pub id: i64,
    pub year: i64,
    pub objectives: String,
    pub value_delivered: String,
    pub value_evidence: String,
    pub changes: String,
    pub depth: String,
    pub resources: String,
    pub updated_at: DateTime<Utc>,
}

/// A yearly review as recorded: its four answers, rating, who and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    pub year: i64,
    pub objectives: String,
    pub value: String,
    pub changes: String,
    pub depth: String,
    pub rating: i64,
    pub next_objectives: String,
    pub reviewer_name: String,
    pub reviewed_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalRow {
    pub id: i64,
    pub title: String,
    pub owner_name: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub status: crate::kind::GoalStatus,
}

/// A yearly review to record.
#[derive(Debug, Clone, Copy)]
pub struct NewReview<'a> {
    pub account_id: i64,
    pub year: i64,
    pub objectives: &'a str,
    pub value: &'a str,
    pub changes: &'a str,
    pub depth: &'a str,
    pub rating: i64,
    pub next_objectives: &'a str,
    pub reviewed_by: i64,
    pub at: DateTime<Utc>,
}
