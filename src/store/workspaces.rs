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
