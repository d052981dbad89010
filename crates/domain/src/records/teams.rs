//! What the store's `teams` queries take and hand out, the same on SQLite and PostgreSQL.

use chrono::{DateTime, NaiveDate, Utc};

/// What a manager's last digest showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestSnapshot {
    pub taken_at: DateTime<Utc>,
    pub at_risk: String,
    pub revenue_minor: i64,
    pub wallet_minor: i64,
    /// Each account's state (JSON, by account id), to say what changed by the next digest.
    pub accounts: String,
}

/// One account of a team's portfolio, for the digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamAccount {
    pub id: i64,
    pub name: String,
    pub tier: crate::account::Tier,
    pub owner_id: i64,
    pub wallet_minor: i64,
    pub revenue_12m_minor: i64,
    pub share_ceiling_bp: i64,
    pub currency: crate::money::Currency,
    pub next_planning_due: Option<NaiveDate>,
    pub contact_due_on: Option<NaiveDate>,
    pub yearly_review_on: Option<NaiveDate>,
}
