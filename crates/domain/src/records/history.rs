//! What the store's `history` queries take and hand out, the same on SQLite and PostgreSQL.

use crate::kind::InteractionKind;
use chrono::{DateTime, NaiveDate, Utc};

/// A done activity, to log as an interaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedInteraction {
    pub account_id: i64,
    pub contact_id: Option<i64>,
    pub author_id: i64,
    pub kind: InteractionKind,
    pub occurred_at: DateTime<Utc>,
    /// The day it happened in the workspace's zone: it moves the account's clock.
    pub occurred_on: NaiveDate,
    pub summary: String,
    /// The key a second import finds it by.
    pub source_id: String,
}

/// An open activity, to keep as a commitment of its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedCommitment {
    pub account_id: i64,
    pub owner_id: i64,
    pub text: String,
    pub due_on: Option<NaiveDate>,
}
