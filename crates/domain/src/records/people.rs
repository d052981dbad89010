//! What the store's `people` queries take and hand out, the same on SQLite and PostgreSQL.

use crate::account::Role;
use chrono::{DateTime, Utc};

/// The platform user id of a person added by name who has not used the bot yet.
pub const UNLINKED: &str = "unlinked:";

/// A person of a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub workspace_id: i64,
    pub platform: crate::identity::Platform,
    pub platform_user_id: String,
    pub display_name: String,
    pub role: Role,
    pub manager_id: Option<i64>,
    pub time_zone: Option<crate::zone::Zone>,
    pub language: Option<String>,
    /// An admin gave this name: the chat's display name does not replace it.
    pub name_fixed: bool,
}

impl Person {
    /// Whether the person is tied to a chat identity (people added by name or imported are not
    /// until an admin links them).
    pub fn is_linked(&self) -> bool {
        !self.platform_user_id.starts_with(UNLINKED)
    }
}

/// A person added by name, before they ever use the bot.
#[derive(Debug, Clone)]
pub struct NamedPerson<'a> {
    pub name: &'a str,
    pub role: Role,
    pub manager_id: Option<i64>,
    pub email: Option<&'a str>,
    pub external_id: Option<&'a str>,
    /// Their job title; `None` keeps the one they have.
    pub title: Option<&'a str>,
    pub created_at: DateTime<Utc>,
}

/// A person to add.
#[derive(Debug, Clone)]
pub struct NewPerson<'a> {
    pub platform: &'a str,
    pub platform_user_id: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub manager_id: Option<i64>,
    pub language: Option<&'a str>,
    pub created_at: DateTime<Utc>,
}

/// A person as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonExport {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub manager_id: Option<i64>,
    pub manager: Option<String>,
    pub email: Option<String>,
    pub external_id: Option<String>,
    /// Their job title ("" when none is known).
    pub title: String,
}
