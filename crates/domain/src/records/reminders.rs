//! What the store's `reminders` queries take and hand out, the same on SQLite and PostgreSQL.

use chrono::NaiveDate;

/// An account whose clock says something is due, with its owner and the owner's manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueAccount {
    pub id: i64,
    pub name: String,
    pub tier: crate::account::Tier,
    pub planning_cadence_days: i64,
    pub next_planning_due: Option<NaiveDate>,
    pub contact_due_on: Option<NaiveDate>,
    pub last_contact_on: Option<NaiveDate>,
    pub yearly_review_on: Option<NaiveDate>,
    pub owner_id: i64,
    pub owner_manager_id: Option<i64>,
}
