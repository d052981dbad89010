//! What the store's `commitments` queries take and hand out, the same on SQLite and PostgreSQL.

use crate::kind::CommitmentStatus;
use chrono::{DateTime, NaiveDate, Utc};

/// A commitment to record with the interaction it was said in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCommitment {
    pub text: String,
    pub due_on: Option<NaiveDate>,
    /// Who is reminded of it.
    pub owner_id: i64,
}

/// A commitment as lists and `/done` see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentRow {
    pub id: i64,
    /// Its number in the workspace, as people see and type it.
    pub number: i64,
    pub account_id: i64,
    pub account_name: String,
    pub owner_id: i64,
    pub owner_name: String,
    pub text: String,
    pub due_on: Option<NaiveDate>,
    pub status: CommitmentStatus,
    pub created_at: DateTime<Utc>,
}

/// Whose open commitments a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitmentScope {
    /// One person's.
    Owner(i64),
    /// A manager's and everyone's reporting to them, directly or not.
    Team(i64),
    /// One account's, whoever holds them.
    Account(i64),
}

/// An open commitment or plan goal with a due day, to remind its owner of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueToRemind {
    /// The commitment's or goal's own id (what its reminder marks are keyed by).
    pub id: i64,
    /// The number typed to close it: the commitment's number, or the goal's.
    pub number: i64,
    pub account_id: i64,
    pub account_name: String,
    pub owner_id: i64,
    pub text: String,
    pub due: NaiveDate,
}

/// The most commitments one list reads at once.
pub const PAGE_CAP: i64 = 50;
