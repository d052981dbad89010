//! Leases: a name held by one process at a time until it lapses (the scheduler's lead among the
//! processes sharing a database). Not a workspace's: the deployment's.

use chrono::{DateTime, Utc};

use super::{Store, StoreError};

impl Store {
    /// Takes the lease `name` for `holder` until `until`, or renews it: `true` when `holder` holds
    /// it now (it was free, lapsed before `now`, or already `holder`'s), in one statement.
    pub async fn take_lease(
        &self,
        name: &str,
        holder: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.take_lease(name, holder, now, until).await;
        }
        let held = sqlx::query_scalar!(
            r#"INSERT INTO leases (name, holder, until) VALUES (?1, ?2, ?4)
               ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
                 WHERE leases.holder = excluded.holder OR leases.until < ?3
               RETURNING holder AS "holder!""#,
            name,
            holder,
            now,
            until
        )
        .fetch_optional(pool!(self))
        .await?;
        Ok(held.is_some())
    }

    /// Gives the lease up if `holder` holds it (a process stopping cleanly), so that another
    /// takes it at once rather than when it lapses.
    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<(), StoreError> {
        if let super::Backend::Postgres(pg) = &self.backend {
            return pg.release_lease(name, holder).await;
        }
        sqlx::query!("DELETE FROM leases WHERE name = ?1 AND holder = ?2", name, holder).execute(pool!(self)).await?;
        Ok(())
    }
}
