//! What the store's `requests` queries take and hand out, the same on SQLite and PostgreSQL.

/// What claiming a request found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// First time: carry it out.
    New,
    /// Handled before: its answer (JSON), or `None` while the first delivery is still running.
    Seen(Option<String>),
}
