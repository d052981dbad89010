//! Workspaces: one per Discord guild, Slack team, or the terminal.

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Store, StoreError, WriteTx};
pub use kam_domain::records::workspaces::{DayOffRow, Identified, Workspace};
use kam_domain::zone::Zone;

impl Store {
    /// The workspace with this key, created empty on first sight.
    pub async fn ensure_workspace(&self, key: &str, now: DateTime<Utc>) -> Result<Workspace, StoreError> {
        self.ensure_workspace_speaking(key, now, None).await
    }

    /// The workspace of `key`, created on first sight in the language its platform reports
    /// (`reported`) unless the configuration chose one.
    pub async fn ensure_workspace_speaking(
        &self,
        key: &str,
        now: DateTime<Utc>,
        reported: Option<kam_domain::locale::Locale>,
    ) -> Result<Workspace, StoreError> {
        if let Some(ws) = self.find_workspace(key).await? {
            return Ok(ws);
        }
        let s = &self.settings;
        let language = match reported {
            Some(locale) if !s.language_configured => locale.tag(),
            _ => s.language.as_str(),
        };
        let role = s.default_role.code();
        sqlx::query!(
            "INSERT INTO workspaces (key, language, time_zone, default_role, created_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (key) DO NOTHING",
            key,
            language,
            s.time_zone,
            role,
            now
        )
        .execute(&self.pool)
        .await?;
        self.find_workspace(key).await?.ok_or(StoreError::RowNotFound)
    }

    pub async fn find_workspace(&self, key: &str) -> Result<Option<Workspace>, StoreError> {
        sqlx::query_as!(
            Workspace,
            r#"SELECT id AS "id!", key, language, time_zone AS "time_zone: Zone", default_role FROM workspaces WHERE key = $1"#,
            key
        )
        .fetch_optional(&self.pool)
        .await
    }

    /// The keys of the workspaces (at most `limit`, by key) where this platform user is a person:
    /// where a direct message, which names no server, belongs. The one lookup not scoped to a
    /// workspace, as [`Store::find_workspace`] is not: it finds the workspace.
    pub async fn workspaces_of_user(
        &self,
        platform: &str,
        platform_user_id: &str,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar!(
            r#"SELECT w.key FROM people p JOIN workspaces w ON w.id = p.workspace_id
               WHERE p.platform = $1 AND p.platform_user_id = $2 ORDER BY w.key LIMIT $3"#,
            platform,
            platform_user_id,
            limit
        )
        .fetch_all(&self.pool)
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
            "UPDATE workspaces SET language = COALESCE($1, language), time_zone = COALESCE($2, time_zone),
                 default_role = COALESCE($3, default_role) WHERE id = $4",
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
        platform: kam_domain::identity::Platform,
        platform_user_id: &str,
    ) -> Result<Option<(Workspace, Option<crate::Person>)>, StoreError> {
        Ok(self.identify_request(key, platform, platform_user_id, None).await?.map(|i| (i.workspace, i.person)))
    }

    /// [`Store::identify`], and in the same read whether the platform's request `(id, handled
    /// since)` was handled before (with its answer, `None` while the first delivery runs).
    pub async fn identify_request(
        &self,
        key: &str,
        platform: kam_domain::identity::Platform,
        platform_user_id: &str,
        request: Option<(&str, DateTime<Utc>)>,
    ) -> Result<Option<Identified>, StoreError> {
        let code = platform.code();
        let (request_id, since) = request.map_or((None, None), |(id, since)| (Some(id), Some(since)));
        let row = sqlx::query!(
            r#"SELECT w.id AS "id!", w.key, w.language, w.time_zone AS "time_zone: Zone", w.default_role,
                      p.id AS "person_id?", p.display_name AS "display_name?", p.role AS "role?: kam_domain::account::Role",
                      p.manager_id AS "manager_id?", p.time_zone AS "person_time_zone?: Zone",
                      p.language AS "person_language?", (p.name_fixed <> 0) AS "name_fixed?",
                      h.source_id AS "handled_id?", h.reply AS "handled_reply?"
               FROM workspaces w
               LEFT JOIN people p ON p.workspace_id = w.id AND p.platform = $2 AND p.platform_user_id = $3
               LEFT JOIN handled_requests h ON h.workspace_id = w.id AND h.source = $2 AND h.source_id = $4
                    AND h.handled_at >= $5
               WHERE w.key = $1"#,
            key,
            code,
            platform_user_id,
            request_id,
            since
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| {
            let person = match (r.person_id, r.display_name, r.role) {
                (Some(id), Some(display_name), Some(role)) => Some(crate::Person {
                    id,
                    workspace_id: r.id,
                    platform,
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
            Identified { workspace, person, handled: r.handled_id.map(|_| r.handled_reply) }
        }))
    }
}

impl Store {
    /// The workspace's own days off, by day.
    pub async fn days_off(&self, workspace_id: i64) -> Result<Vec<DayOffRow>, StoreError> {
        sqlx::query_as!(
            DayOffRow,
            r#"SELECT day AS "day!: NaiveDate", name FROM workspace_holidays WHERE workspace_id = $1 ORDER BY day"#,
            workspace_id
        )
        .fetch_all(&self.pool)
        .await
    }
}

impl WriteTx {
    /// Adds (or renames) a day off; `false` when it was there already under the same name.
    pub async fn add_day_off(&mut self, workspace_id: i64, day: NaiveDate, name: &str) -> Result<bool, StoreError> {
        let done = sqlx::query!(
            "INSERT INTO workspace_holidays (workspace_id, day, name) VALUES ($1, $2, $3)
             ON CONFLICT (workspace_id, day) DO UPDATE SET name = $3 WHERE workspace_holidays.name <> $3",
            workspace_id,
            day,
            name
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Removes a day off; `false` when there was none that day.
    pub async fn remove_day_off(&mut self, workspace_id: i64, day: NaiveDate) -> Result<bool, StoreError> {
        let done =
            sqlx::query!("DELETE FROM workspace_holidays WHERE workspace_id = $1 AND day = $2", workspace_id, day)
                .execute(&mut *self.tx)
                .await?;
        Ok(done.rows_affected() == 1)
    }
}
