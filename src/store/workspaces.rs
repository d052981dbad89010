//! Workspaces: one per Discord guild, Slack team, or the terminal.

use chrono::{DateTime, Utc};

use super::{Store, StoreError};

/// A workspace and its defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    pub id: i64,
    pub key: String,
    pub language: String,
    pub time_zone: String,
    pub default_role: String,
}

impl Store {
    /// The workspace with this key, created empty on first sight.
    pub async fn ensure_workspace(&self, key: &str, now: DateTime<Utc>) -> Result<Workspace, StoreError> {
        if let Some(ws) = self.find_workspace(key).await? {
            return Ok(ws);
        }
        sqlx::query!("INSERT INTO workspaces (key, created_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", key, now)
            .execute(&self.pool)
            .await?;
        self.find_workspace(key).await?.ok_or(StoreError::RowNotFound)
    }

    pub async fn find_workspace(&self, key: &str) -> Result<Option<Workspace>, StoreError> {
        sqlx::query_as!(
            Workspace,
            r#"SELECT id AS "id!", key, language, time_zone, default_role FROM workspaces WHERE key = ?"#,
            key
        )
        .fetch_optional(&self.pool)
        .await
    }
}

impl Store {
    /// Changes a workspace's defaults; `None` leaves a setting as it is.
    pub async fn update_workspace(
        &self,
        id: i64,
        language: Option<&str>,
        time_zone: Option<&str>,
        default_role: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query!(
            "UPDATE workspaces SET language = COALESCE(?, language), time_zone = COALESCE(?, time_zone),
                 default_role = COALESCE(?, default_role) WHERE id = ?",
            language,
            time_zone,
            default_role,
            id
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

impl Store {
    /// The workspace with this key and, if known there, the person behind a chat identity, in
    /// one read: what every command starts from.
    pub async fn identify(
        &self,
        key: &str,
        platform: &str,
        platform_user_id: &str,
    ) -> Result<Option<(Workspace, Option<super::Person>)>, StoreError> {
        let row = sqlx::query!(
            r#"SELECT w.id AS "id!", w.key, w.language, w.time_zone, w.default_role,
                      p.id AS "person_id?", p.display_name AS "display_name?", p.role AS "role?: crate::domain::account::Role",
                      p.manager_id AS "manager_id?", p.time_zone AS "person_time_zone?",
                      p.language AS "person_language?", p.name_fixed AS "name_fixed?: bool"
               FROM workspaces w
               LEFT JOIN people p ON p.workspace_id = w.id AND p.platform = ?2 AND p.platform_user_id = ?3
               WHERE w.key = ?1"#,
            key,
            platform,
            platform_user_id
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| {
            let person = match (r.person_id, r.display_name, r.role) {
                (Some(id), Some(display_name), Some(role)) => Some(super::Person {
                    id,
                    workspace_id: r.id,
                    platform: platform.to_string(),
                    platform_user_id: platform_user_id.to_string(),
                    display_name,
                    role,
                    manager_id: r.manager_id,
                    time_zone: r.person_time_zone,
                    language: r.person_language,
                    name_fixed: r.name_fixed.unwrap_or(false),
                }),
                _ => None,
            };
            let workspace = Workspace {
                id: r.id,
                key: r.key,
                language: r.language,
                time_zone: r.time_zone,
                default_role: r.default_role,
            };
            (workspace, person)
        }))
    }
}
