//! What the store's `merge` queries take and hand out, the same on SQLite and PostgreSQL.

/// How much of an account a merge moves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct MergeCounts {
    pub contacts: i64,
    pub interactions: i64,
    pub commitments: i64,
    pub opportunities: i64,
    pub meetings: i64,
    pub plans: i64,
    pub wallet_periods: i64,
    pub competitors: i64,
}
