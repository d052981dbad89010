//! Account plans, one per account and year, and their goals.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, StoreError, WriteTx};
pub use crate::domain::records::plans::{GoalRow, NewReview, PlanRow, ReviewRow};

impl Store {
    /// An account's yearly reviews, the newest first.
    pub async fn reviews(&self, workspace_id: i64, account_id: i64) -> Result<Vec<ReviewRow>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.reviews(workspace_id, account_id).await;
        }
        sqlx::query_as!(
            ReviewRow,
            r#"SELECT r.year, r.objectives, r.value, r.changes, r.depth, r.rating, r.next_objectives,
                      p.display_name AS reviewer_name, r.reviewed_at AS "reviewed_at!: DateTime<Utc>"
               FROM yearly_reviews r JOIN people p ON p.id = r.reviewed_by
               WHERE r.workspace_id = ? AND r.account_id = ? ORDER BY r.reviewed_at DESC, r.id DESC"#,
            workspace_id,
            account_id
        )
        .fetch_all(pool!(self))
        .await
    }

    /// The account's plan for a year.
    pub async fn plan(&self, workspace_id: i64, account_id: i64, year: i64) -> Result<Option<PlanRow>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.plan(workspace_id, account_id, year).await;
        }
        sqlx::query_as!(
            PlanRow,
            r#"SELECT id AS "id!", year, objectives, value_delivered, value_evidence, changes, depth, resources,
                      updated_at AS "updated_at!: DateTime<Utc>"
               FROM account_plans WHERE workspace_id = ? AND account_id = ? AND year = ?"#,
            workspace_id,
            account_id,
            year
        )
        .fetch_optional(pool!(self))
        .await
    }

    /// A plan's goals, open ones first, in the order they were set.
    pub async fn goals(&self, workspace_id: i64, plan_id: i64) -> Result<Vec<GoalRow>, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.goals(workspace_id, plan_id).await;
        }
        sqlx::query_as!(
            GoalRow,
            r#"SELECT g.id AS "id!", g.title, p.display_name AS "owner_name?", g.due_on AS "due_on?: NaiveDate", g.status AS "status: crate::domain::kind::GoalStatus"
               FROM plan_goals g LEFT JOIN people p ON p.id = g.owner_id
               WHERE g.workspace_id = ? AND g.plan_id = ? ORDER BY g.status = 'done', g.id"#,
            workspace_id,
            plan_id
        )
        .fetch_all(pool!(self))
        .await
    }
}

impl WriteTx {
    /// Records a yearly review, starts next year's plan from this year's (with the new
    /// objectives when given), and moves the account's review date a year on.
    pub async fn record_review(
        &mut self,
        workspace_id: i64,
        r: &NewReview<'_>,
        next_review: NaiveDate,
    ) -> Result<i64, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.record_review(workspace_id, r, next_review).await;
        }
        let id = sqlx::query_scalar!(
            r#"INSERT INTO yearly_reviews (workspace_id, account_id, year, objectives, value, changes, depth, rating,
                   next_objectives, reviewed_by, reviewed_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id AS "id!""#,
            workspace_id,
            r.account_id,
            r.year,
            r.objectives,
            r.value,
            r.changes,
            r.depth,
            r.rating,
            r.next_objectives,
            r.reviewed_by,
            r.at
        )
        .fetch_one(lite!(self))
        .await?;
        let next_year = r.year + 1;
        sqlx::query!(
            "INSERT INTO account_plans (workspace_id, account_id, year, objectives, value_delivered, value_evidence, changes,
                 depth, resources, updated_at)
             SELECT ?1, ?2, ?3, CASE WHEN ?4 = '' THEN COALESCE(p.objectives, '') ELSE ?4 END,
                 COALESCE(p.value_delivered, ''), COALESCE(p.value_evidence, ''), ?7, ?8,
                 COALESCE(p.resources, ''), ?5
             FROM (SELECT 1) LEFT JOIN account_plans p ON p.account_id = ?2 AND p.year = ?6
             WHERE true
             ON CONFLICT (account_id, year) DO UPDATE SET
                 objectives = CASE WHEN ?4 = '' THEN objectives ELSE ?4 END, changes = ?7, depth = ?8, updated_at = ?5",
            workspace_id,
            r.account_id,
            next_year,
            r.next_objectives,
            r.at,
            r.year,
            r.changes,
            r.depth
        )
        .execute(lite!(self))
        .await?;
        // The goals still open this year carry over to next year's plan (once).
        sqlx::query!(
            "INSERT INTO plan_goals (workspace_id, plan_id, title, owner_id, due_on, status, created_at)
             SELECT g.workspace_id, n.id, g.title, g.owner_id, g.due_on, 'open', ?4
               FROM plan_goals g
               JOIN account_plans p ON p.id = g.plan_id AND p.account_id = ?2 AND p.year = ?3
               JOIN account_plans n ON n.account_id = ?2 AND n.year = ?3 + 1
              WHERE g.workspace_id = ?1 AND g.status = 'open'
                AND NOT EXISTS (SELECT 1 FROM plan_goals x WHERE x.plan_id = n.id AND x.title = g.title)",
            workspace_id,
            r.account_id,
            r.year,
            r.at
        )
        .execute(lite!(self))
        .await?;
        sqlx::query!(
            "UPDATE accounts SET yearly_review_on = ? WHERE workspace_id = ? AND id = ?",
            next_review,
            workspace_id,
            r.account_id
        )
        .execute(lite!(self))
        .await?;
        Ok(id)
    }

    /// The account's plan for a year, created empty when there is none yet.
    pub async fn ensure_plan(
        &mut self,
        workspace_id: i64,
        account_id: i64,
        year: i64,
        at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.ensure_plan(workspace_id, account_id, year, at).await;
        }
        sqlx::query!(
            "INSERT INTO account_plans (workspace_id, account_id, year, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (account_id, year) DO NOTHING",
            workspace_id,
            account_id,
            year,
            at
        )
        .execute(lite!(self))
        .await?;
        sqlx::query_scalar!(
            r#"SELECT id AS "id!" FROM account_plans WHERE workspace_id = ? AND account_id = ? AND year = ?"#,
            workspace_id,
            account_id,
            year
        )
        .fetch_one(lite!(self))
        .await
    }

    /// Sets one field of a plan: objectives, value, evidence, changes, depth or resources.
    pub async fn set_plan_field(
        &mut self,
        plan_id: i64,
        field: &str,
        text: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.set_plan_field(plan_id, field, text, at).await;
        }
        sqlx::query!(
            "UPDATE account_plans SET
                 objectives = CASE WHEN ?1 = 'objectives' THEN ?2 ELSE objectives END,
                 value_delivered = CASE WHEN ?1 = 'value' THEN ?2 ELSE value_delivered END,
                 value_evidence = CASE WHEN ?1 = 'evidence' THEN ?2 ELSE value_evidence END,
                 changes = CASE WHEN ?1 = 'changes' THEN ?2 ELSE changes END,
                 depth = CASE WHEN ?1 = 'depth' THEN ?2 ELSE depth END,
                 resources = CASE WHEN ?1 = 'resources' THEN ?2 ELSE resources END,
                 updated_at = ?3
             WHERE id = ?4",
            field,
            text,
            at,
            plan_id
        )
        .execute(lite!(self))
        .await?;
        Ok(())
    }

    pub async fn add_goal(
        &mut self,
        workspace_id: i64,
        plan_id: i64,
        title: &str,
        owner_id: Option<i64>,
        due_on: Option<NaiveDate>,
        at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.add_goal(workspace_id, plan_id, title, owner_id, due_on, at).await;
        }
        sqlx::query_scalar!(
            r#"INSERT INTO plan_goals (workspace_id, plan_id, title, owner_id, due_on, created_at)
               VALUES (?, ?, ?, ?, ?, ?) RETURNING id AS "id!""#,
            workspace_id,
            plan_id,
            title,
            owner_id,
            due_on,
            at
        )
        .fetch_one(lite!(self))
        .await
    }

    /// Marks a goal of the plan done; `false` when the plan has no such open goal.
    pub async fn finish_goal(
        &mut self,
        workspace_id: i64,
        plan_id: i64,
        goal_id: i64,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        if let super::WriteTx::Postgres(pg) = self {
            return pg.finish_goal(workspace_id, plan_id, goal_id, at).await;
        }
        let done = sqlx::query!(
            "UPDATE plan_goals SET status = 'done', done_at = ? WHERE workspace_id = ? AND plan_id = ? AND id = ? AND status = 'open'",
            at,
            workspace_id,
            plan_id,
            goal_id
        )
        .execute(lite!(self))
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
