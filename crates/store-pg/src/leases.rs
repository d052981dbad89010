//! Leases: a name held by one replica at a time until it lapses (the scheduler's lead). Not a
//! workspace's: the deployment's.

use chrono::{DateTime, Utc};

use crate::{Store, StoreError};

impl Store {
    /// Takes the lease `name` for `holder` until `until`, or renews it: `true` when `holder` holds
    /// it now. Two replicas asking at once: the row's lock orders them, and one of them gets it.
    pub async fn take_lease(
        &self,
        name: &str,
        holder: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let held = sqlx::query_scalar!(
            r#"INSERT INTO leases (name, holder, until) VALUES ($1, $2, $4)
               ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
                 WHERE leases.holder = excluded.holder OR leases.until < $3
               RETURNING holder AS "holder!""#,
            name,
            holder,
            now,
            until
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(held.is_some())
    }

    /// Gives the lease up if `holder` holds it.
    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<(), StoreError> {
        sqlx::query!("DELETE FROM leases WHERE name = $1 AND holder = $2", name, holder).execute(&self.pool).await?;
        Ok(())
    }
}
