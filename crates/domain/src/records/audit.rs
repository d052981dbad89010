//! What the store's `audit` queries take and hand out, the same on SQLite and PostgreSQL.

/// Row counts of a workspace, for operators and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub people: i64,
    pub accounts: i64,
    pub contacts: i64,
    pub interactions: i64,
    pub audit_entries: i64,
}
