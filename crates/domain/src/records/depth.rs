//! What the store's `depth` queries take and hand out, the same on SQLite and PostgreSQL.

use chrono::{DateTime, Utc};

/// A competitor to add, or what changed about one; `None` keeps what was there.
#[derive(Debug, Clone, Copy)]
pub struct CompetitorChange<'a> {
    pub account_id: i64,
    pub name: &'a str,
    pub share_bp: Option<i64>,
    pub threat: Option<&'a str>,
    pub note: Option<&'a str>,
    pub at: DateTime<Utc>,
}

/// An account's qualification scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualificationRow {
    pub account_id: i64,
    pub account_name: String,
    pub owner_id: Option<i64>,
    pub tier: crate::account::Tier,
    pub potential: i64,
    pub leadership: i64,
    pub profitability: i64,
    pub fit: i64,
    pub strength: i64,
}
