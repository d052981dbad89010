//! A contact's personal data (LGPD, articles 18 and 19): everything held about one person, and
//! its erasure everywhere it was written, the audit log included.

use chrono::{DateTime, Utc};

use crate::{Store, StoreError, WriteTx};
pub use kam_domain::records::privacy::{
    AuditData, ContactData, ERASED, ERASED_NAME, InteractionData, MeetingData, PersonalData,
};

/// `%text%` for LIKE, or a pattern that matches nothing when there is no text.
fn like(text: Option<&str>) -> Option<String> {
    // No pattern (NULL) matches nothing.
    text.filter(|t| !t.is_empty())
        .map(|t| format!("%{}%", t.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")))
}

impl Store {
    /// Everything held about contact `id` of the workspace.
    pub async fn personal_data(&self, workspace_id: i64, id: i64) -> Result<Option<PersonalData>, StoreError> {
        let Some(contact) = sqlx::query_as!(
            ContactData,
            r#"SELECT a.name AS account, c.name, c.title, c.department, c.decision_role, c.stance, c.strength, c.email,
                      c.phone, c.created_at AS "created_at!: DateTime<Utc>"
               FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.workspace_id = $1 AND c.id = $2"#,
            workspace_id,
            id
        )
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let name = like(Some(&contact.name));
        let interactions = sqlx::query_as!(
            InteractionData,
            r#"SELECT occurred_at AS "occurred_at!: DateTime<Utc>", kind, summary, next_step FROM interactions
               WHERE workspace_id = $1 AND (contact_id = $2 OR summary ILIKE $3 ESCAPE '\' OR next_step ILIKE $3 ESCAPE '\'
                      OR id IN (SELECT interaction_id FROM interaction_contacts WHERE contact_id = $2))
               ORDER BY occurred_at"#,
            workspace_id,
            id,
            name
        )
        .fetch_all(&self.pool)
        .await?;
        let meetings = sqlx::query_as!(
            MeetingData,
            r#"SELECT starts_at AS "starts_at!: DateTime<Utc>", kind, with_contacts FROM meetings
               WHERE workspace_id = $1 AND with_contacts ILIKE $2 ESCAPE '\' ORDER BY starts_at"#,
            workspace_id,
            name
        )
        .fetch_all(&self.pool)
        .await?;
        let (email, phone) = (like(contact.email.as_deref()), like(contact.phone.as_deref()));
        let audit_entries = sqlx::query_as!(
            AuditData,
            r#"SELECT at AS "at!: DateTime<Utc>", command, arguments FROM audit_log
               WHERE workspace_id = $1 AND (arguments ILIKE $2 ESCAPE '\' OR arguments ILIKE $3 ESCAPE '\'
                                            OR arguments ILIKE $4 ESCAPE '\')
               ORDER BY at"#,
            workspace_id,
            name,
            email,
            phone
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(PersonalData { contact, interactions, meetings, audit_entries }))
    }

    /// Vacuums the tables an erasure rewrites, so that the earlier versions of its rows (dead
    /// tuples) are reclaimed now rather than whenever autovacuum comes. Their bytes stay in free
    /// space until overwritten, and in the server's WAL archive and backups until those expire:
    /// the README says so.
    pub async fn checkpoint(&self) -> Result<(), StoreError> {
        sqlx::query(
            "VACUUM contacts, interactions, commitments, meetings, audit_log, outbox, handled_requests, account_plans,
                    yearly_reviews, plan_goals, drafts",
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

impl WriteTx {
    /// Erases a contact's name, email, phone and title everywhere they were written: the contact
    /// becomes "erased contact", free text and the audit log lose every occurrence, and what the
    /// bot queued or kept for replays is rewritten too. The history stays, with the contact erased.
    pub async fn erase_contact(
        &mut self,
        workspace_id: i64,
        id: i64,
        name: &str,
        email: Option<&str>,
        phone: Option<&str>,
        title: &str,
    ) -> Result<(), StoreError> {
        let ws = workspace_id;
        let erased_name = format!("{ERASED_NAME} #{id}");
        let folded = kam_domain::text::fold(&erased_name);
        sqlx::query!(
            "UPDATE contacts SET name = $1, folded_name = $2, title = '', email = NULL, phone = NULL, external_id = NULL
             WHERE workspace_id = $3 AND id = $4",
            erased_name,
            folded,
            ws,
            id
        )
        .execute(&mut *self.tx)
        .await?;
        let pairs: Vec<(&str, &str)> = std::iter::once((name, ERASED_NAME))
            .chain(email.filter(|e| !e.is_empty()).map(|e| (e, ERASED)))
            .chain(phone.filter(|p| !p.is_empty()).map(|p| (p, ERASED)))
            .chain(Some(title).filter(|t| t.chars().count() >= 4).map(|t| (t, ERASED)))
            .collect();
        for (from, to) in pairs {
            sqlx::query!(
                "UPDATE interactions SET summary = REPLACE(summary, $1, $2), next_step = REPLACE(next_step, $1, $2)
                 WHERE workspace_id = $3 AND (strpos(summary, $1) > 0 OR strpos(next_step, $1) > 0)",
                from,
                to,
                ws
            )
            .execute(&mut *self.tx)
            .await?;
            sqlx::query!(
                "UPDATE commitments SET text = REPLACE(text, $1, $2) WHERE workspace_id = $3 AND strpos(text, $1) > 0",
                from,
                to,
                ws
            )
            .execute(&mut *self.tx)
            .await?;
            sqlx::query!(
                "UPDATE meetings SET with_contacts = REPLACE(with_contacts, $1, $2) WHERE workspace_id = $3 AND strpos(with_contacts, $1) > 0",
                from,
                to,
                ws
            )
            .execute(&mut *self.tx)
            .await?;
            sqlx::query!(
                "UPDATE audit_log SET arguments = REPLACE(arguments, $1, $2) WHERE workspace_id = $3 AND strpos(arguments, $1) > 0",
                from,
                to,
                ws
            )
            .execute(&mut *self.tx)
            .await?;
            sqlx::query!(
                "UPDATE outbox SET payload = REPLACE(payload, $1, $2) WHERE workspace_id = $3 AND strpos(payload, $1) > 0",
                from,
                to,
                ws
            )
            .execute(&mut *self.tx)
            .await?;
            sqlx::query!(
                "UPDATE handled_requests SET reply = REPLACE(reply, $1, $2) WHERE workspace_id = $3 AND strpos(reply, $1) > 0",
                from,
                to,
                ws
            )
            .execute(&mut *self.tx)
            .await?;
            sqlx::query!(
                "UPDATE account_plans SET objectives = REPLACE(objectives, $1, $2), value_delivered = REPLACE(value_delivered, $1, $2),
                     value_evidence = REPLACE(value_evidence, $1, $2), changes = REPLACE(changes, $1, $2),
                     depth = REPLACE(depth, $1, $2), resources = REPLACE(resources, $1, $2)
                 WHERE workspace_id = $3
                   AND strpos(objectives || value_delivered || value_evidence || changes || depth || resources, $1) > 0",
                from,
                to,
                ws
            )
            .execute(&mut *self.tx)
            .await?;
            sqlx::query!(
                "UPDATE yearly_reviews SET objectives = REPLACE(objectives, $1, $2), value = REPLACE(value, $1, $2),
                     changes = REPLACE(changes, $1, $2), depth = REPLACE(depth, $1, $2),
                     next_objectives = REPLACE(next_objectives, $1, $2)
                 WHERE workspace_id = $3 AND strpos(objectives || value || changes || depth || next_objectives, $1) > 0",
                from,
                to,
                ws
            )
            .execute(&mut *self.tx)
            .await?;
            sqlx::query!(
                "UPDATE plan_goals SET title = REPLACE(title, $1, $2) WHERE workspace_id = $3 AND strpos(title, $1) > 0",
                from,
                to,
                ws
            )
            .execute(&mut *self.tx)
            .await?;
        }
        // A checked file waiting for its Import button may list the person: it goes.
        sqlx::query!("DELETE FROM pending_imports WHERE workspace_id = $1", ws).execute(&mut *self.tx).await?;
        Ok(())
    }
}
