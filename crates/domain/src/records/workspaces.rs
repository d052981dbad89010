//! What the store's `workspaces` queries take and hand out, the same on SQLite and PostgreSQL.

use chrono::NaiveDate;

/// A workspace and its defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    pub id: i64,
    pub key: String,
    pub language: String,
    pub time_zone: crate::zone::Zone,
    pub default_role: String,
}

/// What [`Store::identify_request`] found.
#[derive(Debug, Clone)]
pub struct Identified {
    pub workspace: Workspace,
    pub person: Option<super::Person>,
    /// The request handled before: its answer, or `None` while its first delivery runs.
    pub handled: Option<Option<String>>,
}

/// One of a workspace's own days off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayOffRow {
    pub day: NaiveDate,
    pub name: String,
}
