//! People: chat identities of a workspace, their role and their place in the team tree.

use chrono::{DateTime, Utc};

use super::{Store, StoreError, WriteTx};
use crate::domain::account::Role;
pub use crate::domain::records::people::{NamedPerson, NewPerson, Person, PersonExport};
use crate::domain::text::fold;

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
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.ensure_person(workspace_id, platform, platform_user_id, display_name, now).await;
        }
        // Read first: a known person with an unchanged name costs no write.
        if let Some(person) = self.find_person(workspace_id, platform, platform_user_id).await?
            && (person.display_name == display_name || person.name_fixed)
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
        .execute(pool!(self))
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
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.find_person(workspace_id, platform, platform_user_id).await;
        }
        sqlx::query_as!(
            Person,
            r#"SELECT id AS "id!", workspace_id, platform AS "platform: crate::domain::identity::Platform", platform_user_id, display_name, role AS "role: Role", manager_id, time_zone AS "time_zone: crate::domain::zone::Zone", language,
                      name_fixed AS "name_fixed: bool"
               FROM people WHERE workspace_id = ? AND platform = ? AND platform_user_id = ?"#,
            workspace_id,
            platform,
            platform_user_id
        )
        .fetch_optional(pool!(self))
        .await
    }

    /// The people whose name is, or starts with, the folded `name`; exact matches first.
    pub async fn find_people_by_name(&self, workspace_id: i64, name: &str) -> Result<Vec<Person>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.find_people_by_name(workspace_id, name).await;
        }
        let folded = fold(name);
        let upper = crate::domain::text::prefix_upper_bound(&folded);
        sqlx::query_as!(
            Person,
            r#"SELECT id AS "id!", workspace_id, platform AS "platform: crate::domain::identity::Platform", platform_user_id, display_name, role AS "role: Role", manager_id, time_zone AS "time_zone: crate::domain::zone::Zone", language,
                      name_fixed AS "name_fixed: bool"
               FROM people WHERE workspace_id = ? AND folded_name >= ? AND folded_name < ? AND removed_at IS NULL
               ORDER BY folded_name <> ?, folded_name LIMIT 10"#,
            workspace_id,
            folded,
            upper,
            folded
        )
        .fetch_all(pool!(self))
        .await
    }

    /// Every person of the workspace, by name.
    pub async fn people(&self, workspace_id: i64) -> Result<Vec<Person>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.people(workspace_id).await;
        }
        sqlx::query_as!(
            Person,
            r#"SELECT id AS "id!", workspace_id, platform AS "platform: crate::domain::identity::Platform", platform_user_id, display_name, role AS "role: Role", manager_id, time_zone AS "time_zone: crate::domain::zone::Zone", language,
                      name_fixed AS "name_fixed: bool"
               FROM people WHERE workspace_id = ? AND removed_at IS NULL ORDER BY folded_name"#,
            workspace_id
        )
        .fetch_all(pool!(self))
        .await
    }
}

impl WriteTx {
    pub async fn insert_person(&mut self, workspace_id: i64, p: &NewPerson<'_>) -> Result<i64, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.insert_person(workspace_id, p).await;
        }
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
        .fetch_one(lite!(self))
        .await?;
        Ok(id)
    }

    /// Gives a person of the workspace a role.
    pub async fn set_role(&mut self, workspace_id: i64, person_id: i64, role: Role) -> Result<(), StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.set_role(workspace_id, person_id, role).await;
        }
        sqlx::query!("UPDATE people SET role = ? WHERE workspace_id = ? AND id = ?", role, workspace_id, person_id)
            .execute(lite!(self))
            .await?;
        Ok(())
    }

    /// Sets the language a person is answered in.
    pub async fn set_language(&mut self, workspace_id: i64, person_id: i64, language: &str) -> Result<(), StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.set_language(workspace_id, person_id, language).await;
        }
        sqlx::query!(
            "UPDATE people SET language = ? WHERE workspace_id = ? AND id = ?",
            language,
            workspace_id,
            person_id
        )
        .execute(lite!(self))
        .await?;
        Ok(())
    }

    /// Whether the workspace holds any account yet (the demo fills only an empty one).
    pub async fn has_accounts(&mut self, workspace_id: i64) -> Result<bool, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.has_accounts(workspace_id).await;
        }
        let found = sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM accounts WHERE workspace_id = ?) AS "found!: bool""#,
            workspace_id
        )
        .fetch_one(lite!(self))
        .await?;
        Ok(found)
    }
}

impl WriteTx {
    /// Adds a person by name, not yet tied to a chat identity.
    pub async fn insert_named_person(&mut self, workspace_id: i64, p: &NamedPerson<'_>) -> Result<i64, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.insert_named_person(workspace_id, p).await;
        }
        let folded = fold(p.name);
        sqlx::query_scalar!(
            r#"INSERT INTO people (workspace_id, platform, platform_user_id, display_name, folded_name, role, manager_id,
                   email, external_id, created_at, name_fixed, title)
               VALUES (?1, 'terminal', 'unlinked:' || (SELECT COALESCE(MAX(id), 0) + 1 FROM people), ?2, ?3, ?4, ?5,
                   ?6, ?7, ?8, 1, COALESCE(?9, ''))
               RETURNING id AS "id!""#,
            workspace_id,
            p.name,
            folded,
            p.role,
            p.manager_id,
            p.email,
            p.external_id,
            p.created_at,
            p.title
        )
        .fetch_one(lite!(self))
        .await
    }

    /// Changes a person's name, role, manager, email and external id.
    pub async fn update_person(
        &mut self,
        workspace_id: i64,
        person_id: i64,
        p: &NamedPerson<'_>,
    ) -> Result<(), StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.update_person(workspace_id, person_id, p).await;
        }
        let folded = fold(p.name);
        sqlx::query!(
            "UPDATE people SET name_fixed = name_fixed OR display_name <> ?1, display_name = ?1, folded_name = ?2,
                 role = ?3, manager_id = ?4, email = COALESCE(?5, email), external_id = COALESCE(?6, external_id),
                 title = COALESCE(?9, title)
             WHERE workspace_id = ?7 AND id = ?8",
            p.name,
            folded,
            p.role,
            p.manager_id,
            p.email,
            p.external_id,
            workspace_id,
            person_id,
            p.title
        )
        .execute(lite!(self))
        .await?;
        Ok(())
    }

    /// The terminal's administrator, who carries out what an operator does from the command
    /// line: created on first use, and an admin whatever was changed since.
    pub async fn local_admin(&mut self, workspace_id: i64, now: DateTime<Utc>) -> Result<i64, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.local_admin(workspace_id, now).await;
        }
        sqlx::query!(
            "INSERT INTO people (workspace_id, platform, platform_user_id, display_name, folded_name, role, created_at)
             VALUES (?, 'terminal', 'admin', 'Local admin', 'local admin', 'admin', ?)
             ON CONFLICT (workspace_id, platform, platform_user_id) DO UPDATE SET role = 'admin' WHERE role <> 'admin'",
            workspace_id,
            now
        )
        .execute(lite!(self))
        .await?;
        sqlx::query_scalar!(
            r#"SELECT id AS "id!" FROM people WHERE workspace_id = ? AND platform = 'terminal' AND platform_user_id = 'admin'"#,
            workspace_id
        )
        .fetch_one(lite!(self))
        .await
    }

    /// Sets (or with `None` clears) a person's manager.
    pub async fn set_manager(
        &mut self,
        workspace_id: i64,
        person_id: i64,
        manager_id: Option<i64>,
    ) -> Result<(), StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.set_manager(workspace_id, person_id, manager_id).await;
        }
        sqlx::query!(
            "UPDATE people SET manager_id = ? WHERE workspace_id = ? AND id = ?",
            manager_id,
            workspace_id,
            person_id
        )
        .execute(lite!(self))
        .await?;
        Ok(())
    }

    /// Whether making `manager_id` the manager of `person_id` would close a circle in the team tree
    /// (the person is the manager, or above the manager already).
    pub async fn would_close_circle(
        &mut self,
        workspace_id: i64,
        person_id: i64,
        manager_id: i64,
    ) -> Result<bool, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.would_close_circle(workspace_id, person_id, manager_id).await;
        }
        sqlx::query_scalar!(
            r#"WITH RECURSIVE chain(id) AS (
                   SELECT ?2 UNION SELECT p.manager_id FROM people p JOIN chain c ON p.id = c.id
                   WHERE p.workspace_id = ?1 AND p.manager_id IS NOT NULL)
               SELECT EXISTS (SELECT 1 FROM chain WHERE id = ?3) AS "found!: bool""#,
            workspace_id,
            manager_id,
            person_id
        )
        .fetch_one(lite!(self))
        .await
    }

    /// Removes a person from the team: their accounts and open opportunities go to `to`, the
    /// people they managed report to their own manager, and their chat identity is released. The
    /// record stays, so history keeps their name. Returns (accounts, opportunities) handed over.
    pub async fn remove_person(
        &mut self,
        workspace_id: i64,
        person_id: i64,
        to: i64,
        now: DateTime<Utc>,
    ) -> Result<(u64, u64), StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.remove_person(workspace_id, person_id, to, now).await;
        }
        let owned = self.hand_accounts_over(workspace_id, person_id, to).await?;
        let opportunities = sqlx::query!(
            "UPDATE opportunities SET owner_id = ?3
             WHERE workspace_id = ?1 AND owner_id = ?2 AND stage NOT IN ('won', 'lost')",
            workspace_id,
            person_id,
            to
        )
        .execute(lite!(self))
        .await?
        .rows_affected();
        sqlx::query!(
            "UPDATE people SET manager_id = (SELECT manager_id FROM people WHERE workspace_id = ?1 AND id = ?2)
             WHERE workspace_id = ?1 AND manager_id = ?2",
            workspace_id,
            person_id
        )
        .execute(lite!(self))
        .await?;
        sqlx::query!(
            "UPDATE people SET removed_at = ?3, role = 'rep', manager_id = NULL, external_id = NULL,
                 platform_user_id = 'removed:' || id || ':' || platform_user_id
             WHERE workspace_id = ?1 AND id = ?2",
            workspace_id,
            person_id,
            now
        )
        .execute(lite!(self))
        .await?;
        Ok((owned, opportunities))
    }

    /// Ties a person to a chat identity. When that identity already has a record of its own (the
    /// person used the bot before being linked), the two are merged into `person_id`: everything
    /// the other record did or owns is re-pointed, and it keeps the higher of the two roles.
    /// Returns whether a record was merged.
    pub async fn link_person(
        &mut self,
        workspace_id: i64,
        person_id: i64,
        platform: &str,
        platform_user_id: &str,
    ) -> Result<bool, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.link_person(workspace_id, person_id, platform, platform_user_id).await;
        }
        let other = sqlx::query!(
            r#"SELECT id AS "id!", role AS "role: Role" FROM people
               WHERE workspace_id = ? AND platform = ? AND platform_user_id = ? AND id <> ?"#,
            workspace_id,
            platform,
            platform_user_id,
            person_id
        )
        .fetch_optional(lite!(self))
        .await?;
        if let Some(other) = &other {
            self.merge_person(workspace_id, other.id, person_id).await?;
            if other.role == Role::Admin
                || (other.role == Role::Manager && !self.has_role(workspace_id, person_id, Role::Admin).await?)
            {
                sqlx::query!(
                    "UPDATE people SET role = ? WHERE workspace_id = ? AND id = ?",
                    other.role,
                    workspace_id,
                    person_id
                )
                .execute(lite!(self))
                .await?;
            }
        }
        sqlx::query!(
            "UPDATE people SET platform = ?, platform_user_id = ? WHERE workspace_id = ? AND id = ?",
            platform,
            platform_user_id,
            workspace_id,
            person_id
        )
        .execute(lite!(self))
        .await?;
        Ok(other.is_some())
    }

    /// Gives the accounts `from` owns or is technical manager of to `to`; how many it owned.
    async fn hand_accounts_over(&mut self, workspace_id: i64, from: i64, to: i64) -> Result<u64, StoreError> {
        let owned = sqlx::query!(
            "UPDATE accounts SET owner_id = ?3 WHERE workspace_id = ?1 AND owner_id = ?2",
            workspace_id,
            from,
            to
        )
        .execute(lite!(self))
        .await?
        .rows_affected();
        sqlx::query!(
            "UPDATE accounts SET technical_manager_id = ?3 WHERE workspace_id = ?1 AND technical_manager_id = ?2",
            workspace_id,
            from,
            to
        )
        .execute(lite!(self))
        .await?;
        Ok(owned)
    }

    async fn has_role(&mut self, workspace_id: i64, person_id: i64, role: Role) -> Result<bool, StoreError> {
        sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM people WHERE workspace_id = ? AND id = ? AND role = ?) AS "found!: bool""#,
            workspace_id,
            person_id,
            role
        )
        .fetch_one(lite!(self))
        .await
    }

    /// Re-points every reference to `from` at `into`, then deletes `from`.
    async fn merge_person(&mut self, ws: i64, from: i64, into: i64) -> Result<(), StoreError> {
        sqlx::query!("UPDATE people SET manager_id = ?3 WHERE workspace_id = ?1 AND manager_id = ?2", ws, from, into)
            .execute(lite!(self))
            .await?;
        self.hand_accounts_over(ws, from, into).await?;
        sqlx::query!(
            "UPDATE interactions SET author_id = ?3 WHERE workspace_id = ?1 AND author_id = ?2",
            ws,
            from,
            into
        )
        .execute(lite!(self))
        .await?;
        sqlx::query!("UPDATE audit_log SET person_id = ?3 WHERE workspace_id = ?1 AND person_id = ?2", ws, from, into)
            .execute(lite!(self))
            .await?;
        sqlx::query!("UPDATE outbox SET person_id = ?3 WHERE workspace_id = ?1 AND person_id = ?2", ws, from, into)
            .execute(lite!(self))
            .await?;
        sqlx::query!("UPDATE meetings SET created_by = ?3 WHERE workspace_id = ?1 AND created_by = ?2", ws, from, into)
            .execute(lite!(self))
            .await?;
        sqlx::query!(
            "UPDATE OR IGNORE digest_snapshots SET manager_id = ?3 WHERE workspace_id = ?1 AND manager_id = ?2",
            ws,
            from,
            into
        )
        .execute(lite!(self))
        .await?;
        sqlx::query!("DELETE FROM digest_snapshots WHERE workspace_id = ? AND manager_id = ?", ws, from)
            .execute(lite!(self))
            .await?;
        sqlx::query!("UPDATE plan_goals SET owner_id = ?3 WHERE workspace_id = ?1 AND owner_id = ?2", ws, from, into)
            .execute(lite!(self))
            .await?;
        sqlx::query!(
            "UPDATE yearly_reviews SET reviewed_by = ?3 WHERE workspace_id = ?1 AND reviewed_by = ?2",
            ws,
            from,
            into
        )
        .execute(lite!(self))
        .await?;
        sqlx::query!(
            "UPDATE opportunities SET owner_id = ?3 WHERE workspace_id = ?1 AND owner_id = ?2",
            ws,
            from,
            into
        )
        .execute(lite!(self))
        .await?;
        sqlx::query!(
            "UPDATE pending_imports SET person_id = ?3 WHERE workspace_id = ?1 AND person_id = ?2",
            ws,
            from,
            into
        )
        .execute(lite!(self))
        .await?;
        sqlx::query!("DELETE FROM people WHERE workspace_id = ? AND id = ?", ws, from).execute(lite!(self)).await?;
        Ok(())
    }
}

impl Store {
    /// The person with this id, removed ones included (history names them).
    pub async fn person(&self, workspace_id: i64, person_id: i64) -> Result<Option<Person>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.person(workspace_id, person_id).await;
        }
        sqlx::query_as!(
            Person,
            r#"SELECT id AS "id!", workspace_id, platform AS "platform: crate::domain::identity::Platform", platform_user_id, display_name, role AS "role: Role", manager_id, time_zone AS "time_zone: crate::domain::zone::Zone", language,
                      name_fixed AS "name_fixed: bool"
               FROM people WHERE workspace_id = ? AND id = ?"#,
            workspace_id,
            person_id
        )
        .fetch_optional(pool!(self))
        .await
    }

    /// Every person of the workspace (not removed) with their email and external id, by id.
    pub async fn people_for_export(&self, workspace_id: i64) -> Result<Vec<PersonExport>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.people_for_export(workspace_id).await;
        }
        sqlx::query_as!(
            PersonExport,
            r#"SELECT p.id AS "id!", p.display_name AS name, p.role AS "role: Role", p.manager_id, m.display_name AS "manager?", p.email,
                      p.external_id, p.title
               FROM people p LEFT JOIN people m ON m.id = p.manager_id
               WHERE p.workspace_id = ? AND p.removed_at IS NULL ORDER BY p.id"#,
            workspace_id
        )
        .fetch_all(pool!(self))
        .await
    }

    /// Gives a person of the workspace a role; `false` when there is no such person.
    pub async fn set_role(&self, workspace_id: i64, person_id: i64, role: Role) -> Result<bool, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.set_role(workspace_id, person_id, role).await;
        }
        let done =
            sqlx::query!("UPDATE people SET role = ? WHERE workspace_id = ? AND id = ?", role, workspace_id, person_id)
                .execute(pool!(self))
                .await?;
        Ok(done.rows_affected() == 1)
    }
}
