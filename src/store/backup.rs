//! Backups: a consistent copy of the live database (`VACUUM INTO`, which reads one snapshot while
//! writers go on), and the checks a copy must pass before it replaces a database.

use std::path::Path;

use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

use super::{Store, StoreError};

/// What a backup file holds, as far as restoring it is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupCheck {
    /// `PRAGMA integrity_check`: `ok` when sound.
    pub integrity: String,
    /// The migrations applied to it.
    pub applied: Vec<i64>,
    /// Migrations applied to it that this build does not know (it came from a newer kam-bot).
    pub unknown: Vec<i64>,
    /// Migrations of this build it lacks (applied when it is restored).
    pub missing: Vec<i64>,
}

impl BackupCheck {
    pub fn is_restorable(&self) -> bool {
        self.integrity == "ok" && self.unknown.is_empty() && !self.applied.is_empty()
    }
}

impl Store {
    /// Writes a consistent copy of the database to `to` (which must not exist): one read
    /// transaction's snapshot, taken while others keep writing.
    pub async fn backup_into(&self, to: &Path) -> Result<(), StoreError> {
        let to = to.to_string_lossy().to_string();
        sqlx::query!("VACUUM INTO ?", to).execute(pool!(self)).await?;
        Ok(())
    }
}

/// Moves everything a database's write-ahead log holds into the database file and empties the
/// log, without migrating it: afterwards the file alone is the whole database. `Ok(false)` when
/// there is no database there to checkpoint (not a database, or none).
pub async fn checkpoint(path: &Path) -> anyhow::Result<bool> {
    if !path.is_file() {
        return Ok(false);
    }
    let options = SqliteConnectOptions::new().filename(path).create_if_missing(false);
    let Ok(pool) = SqlitePoolOptions::new().max_connections(1).connect_with(options).await else {
        return Ok(false);
    };
    let done = sqlx::query_scalar::<_, i64>("PRAGMA wal_checkpoint(TRUNCATE)").fetch_one(&pool).await;
    pool.close().await;
    Ok(done.is_ok_and(|busy| busy == 0))
}

/// Opens `path` read-only, without migrating it, and checks it.
pub async fn check(path: &Path) -> anyhow::Result<BackupCheck> {
    let options = SqliteConnectOptions::new().filename(path).read_only(true).create_if_missing(false);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()))?;
    let integrity = sqlx::query_scalar::<_, String>("PRAGMA integrity_check").fetch_one(&pool).await;
    let applied =
        sqlx::query_scalar!(r#"SELECT version AS "version!" FROM _sqlx_migrations WHERE success ORDER BY version"#)
            .fetch_all(&pool)
            .await;
    pool.close().await;
    // A file that is not a database fails the integrity check; one without our migrations table is
    // not a kam-bot database.
    let integrity = integrity.unwrap_or_else(|e| e.to_string());
    let applied = applied.unwrap_or_default();
    let known: Vec<i64> = sqlx::migrate!("./migrations").iter().map(|m| m.version).collect();
    Ok(BackupCheck {
        integrity,
        unknown: applied.iter().copied().filter(|v| !known.contains(v)).collect(),
        missing: known.iter().copied().filter(|v| !applied.contains(v)).collect(),
        applied,
    })
}
