//! What the store's `interactions` queries take and hand out, the same on SQLite and PostgreSQL.

use crate::kind::InteractionKind;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InteractionRow {
    pub id: i64,
    pub kind: InteractionKind,
    pub occurred_at: DateTime<Utc>,
    pub summary: String,
    pub next_step: Option<String>,
    pub next_step_due: Option<NaiveDate>,
    pub author_name: String,
    pub contact_name: Option<String>,
    pub contact_department: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewInteraction<'a> {
    pub account_id: i64,
    pub contact_id: Option<i64>,
    /// Other people of the customer who took part, besides `contact_id`.
    pub also_contacts: &'a [i64],
    pub author_id: i64,
    pub kind: InteractionKind,
    pub occurred_at: DateTime<Utc>,
    /// The calendar day it happened in the workspace's time zone: it moves the account's clock.
    pub occurred_on: NaiveDate,
    pub summary: &'a str,
    pub next_step: Option<&'a str>,
    pub next_step_due: Option<NaiveDate>,
    /// What the interaction commits to, each kept open until done or dropped.
    pub commitments: &'a [super::NewCommitment],
    pub source: &'a str,
    pub source_id: Option<&'a str>,
    /// -1 negative, 0 neutral, 1 positive, as the person logging saw it.
    pub tone: Option<i64>,
    pub created_at: DateTime<Utc>,
}

/// What logging an interaction did, with the interaction's number in the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    Inserted(i64),
    /// The platform delivered the same message again: the interaction was logged before.
    AlreadyLogged(i64),
}
