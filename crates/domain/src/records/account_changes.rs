//! What the store's `account_changes` queries take and hand out, the same on SQLite and PostgreSQL.

/// An account whose name or alias is the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameClash {
    pub account_id: i64,
    pub name: String,
}
