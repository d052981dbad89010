//! People: chat identities of a workspace, their role and their place in the team tree.

use chrono::{DateTime, Utc};

use super::{Store, StoreError, WriteTx};
use crate::domain::text::fold;

/// A person of a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub workspace_id: i64,
    pub platform: String,
    pub platform_user_id: String,
    pub display_name: String,
    pub role: String,
    pub manager_id: Option<i64>,
    pub time_zone: Option<String>,
    pub language: Option<String>,
}

/// A person to add.
#[derive(Debug, Clone)]
pub struct NewPerson<'a> {
    pub platform: &'a str,
    pub platform_user_id: &'a str,
    pub display_name: &'a str,
    pub role: &'a str,
    pub manager_id: Option<i64>,
    pub language: Option<&'a str>,
    pub created_at: DateTime<Utc>,
}

impl Store {
    /// The person behind a chat identity, joining the workspace with its default role on first
    /// sight. A changed display name is brought up to date.
    pub async fn ensure_person(
        &self,
        workspace_id: i64,
        platform: &str,
        platform_user_id: &str,
        display_name: &str,
        now: DateTime<Utc>,
    ) -> Result<Person, StoreError> {
        // Read first: a known person with an unchanged name costs no write.
        if let Some(person) = self.find_person(workspace_id, platform, platform_user_id).await?
            && person.display_name == display_name
        {
            return Ok(person);
        }
        let folded = fold(display_name);
        sqlx::query!(
            "INSERT INTO people (workspace_id, platform, platform_user_id, display_name, folded_name, role, created_at)
             SELECT id, ?, ?, ?, ?, default_role, ? FROM workspaces WHERE id = ?
             ON CONFLICT (workspace_id, platform, platform_user_id) DO UPDATE
                SET display_name = excluded.display_name, folded_name = excluded.folded_name
                WHERE people.display_name <> excluded.display_name",
            platform,
            platform_user_id,
            display_name,
            folded,
            now,
            workspace_id
        )
        .execute(&self.pool)
        .await?;
        self.find_person(workspace_id, platform, platform_user_id).await?.ok_or(StoreError::RowNotFound)
    }

    /// The person behind a chat identity, if known.
    pub async fn find_person(
        &self,
        workspace_id: i64,
        platform: &str,
        platform_user_id: &str,
    ) -> Result<Option<Person>, StoreError> {
        sqlx::query_as!(
            Person,
            r#"SELECT id AS "id!", workspace_id, platform, platform_user_id, display_name, role, manager_id, time_zone, language
               FROM people WHERE workspace_id = ? AND platform = ? AND platform_user_id = ?"#,
            workspace_id,
            platform,
            platform_user_id
        )
        .fetch_optional(&self.pool)
        .await
    }

    /// The people whose name is, or starts with, the folded `name`; exact matches first.
    pub async fn find_people_by_name(&self, workspace_id: i64, name: &str) -> Result<Vec<Person>, StoreError> {
        let folded = fold(name);
        let upper = crate::domain::text::prefix_upper_bound(&folded);
        sqlx::query_as!(
            Person,
            r#"SELECT id AS "id!", workspace_id, platform, platform_user_id, display_name, role, manager_id, time_zone, language
               FROM people WHERE workspace_id = ? AND folded_name >= ? AND folded_name < ?
               ORDER BY folded_name <> ?, folded_name LIMIT 10"#,
            workspace_id,
            folded,
            upper,
            folded
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Every person of the workspace, by name.
    pub async fn people(&self, workspace_id: i64) -> Result<Vec<Person>, StoreError> {
        sqlx::query_as!(
            Person,
            r#"SELECT id AS "id!", workspace_id, platform, platform_user_id, display_name, role, manager_id, time_zone, language
               FROM people WHERE workspace_id = ? ORDER BY folded_name"#,
            workspace_id
        )
        .fetch_all(&self.pool)
        .await
    }
}

impl WriteTx {
    pub async fn insert_person(&mut self, workspace_id: i64, p: &NewPerson<'_>) -> Result<i64, StoreError> {
        let folded = fold(p.display_name);
        let id = sqlx::query_scalar!(
            r#"INSERT INTO people (workspace_id, platform, platform_user_id, display_name, folded_name, role, manager_id, language, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id AS "id!""#,
            workspace_id,
            p.platform,
            p.platform_user_id,
            p.display_name,
            folded,
            p.role,
            p.manager_id,
            p.language,
            p.created_at
        )
        .fetch_one(&mut *self.tx)
        .await?;
        Ok(id)
    }

    /// Gives a person of the workspace a role.
    pub async fn set_role(&mut self, workspace_id: i64, person_id: i64, role: &str) -> Result<(), StoreError> {
        sqlx::query!("UPDATE people SET role = ? WHERE workspace_id = ? AND id = ?", role, workspace_id, person_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Sets the language a person is answered in.
    pub async fn set_language(&mut self, workspace_id: i64, person_id: i64, language: &str) -> Result<(), StoreError> {
        sqlx::query!(
            "UPDATE people SET language = ? WHERE workspace_id = ? AND id = ?",
            language,
            workspace_id,
            person_id
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    /// Whether the workspace holds any account yet (the demo fills only an empty one).
    pub async fn has_accounts(&mut self, workspace_id: i64) -> Result<bool, StoreError> {
        let found = sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM accounts WHERE workspace_id = ?) AS "found!: bool""#,
            workspace_id
        )
        .fetch_one(&mut *self.tx)
        .await?;
        Ok(found)
    }
}

impl Store {
    /// Gives a person of the workspace a role; `false` when there is no such person.
    pub async fn set_role(&self, workspace_id: i64, person_id: i64, role: &str) -> Result<bool, StoreError> {
        let done =
            sqlx::query!("UPDATE people SET role = ? WHERE workspace_id = ? AND id = ?", role, workspace_id, person_id)
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected() == 1)
    }
}
