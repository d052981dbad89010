//! kam-bot's store on PostgreSQL: connecting and migrating, and the store's queries written for
//! PostgreSQL, checked at compile time against it (this crate's `sqlx.toml` names
//! `KAM_PG_DATABASE_URL`; its `.sqlx/` holds the offline data).

pub mod copy;
mod facts;

use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};

/// Errors of the store: always internal (a person never caused them).
pub type StoreError = sqlx::Error;

/// A handle on a PostgreSQL database, cheap to clone.
#[derive(Clone, Debug)]
pub struct PgStore {
    pool: PgPool,
    settings: std::sync::Arc<kam_domain::settings::Settings>,
}

impl PgStore {
    /// Connects to the database at `url` with a pool of `pool_size` connections and applies any
    /// pending migration (sqlx holds an advisory lock meanwhile, so replicas starting together
    /// migrate once).
    pub async fn connect(
        url: &str,
        pool_size: u32,
        settings: kam_domain::settings::Settings,
    ) -> Result<PgStore, StoreError> {
        let options: PgConnectOptions = url.parse()?;
        let pool = PgPoolOptions::new()
            .max_connections(pool_size.max(1))
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options.application_name("kam-bot"))
            .await?;
        sqlx::migrate!("../../migrations/postgres").run(&pool).await?;
        Ok(PgStore { pool, settings: std::sync::Arc::new(settings) })
    }

    /// The deployment's defaults.
    pub fn settings(&self) -> &kam_domain::settings::Settings {
        &self.settings
    }

    /// Whether the database answers a query.
    pub async fn answers(&self) -> bool {
        sqlx::query_scalar!(r#"SELECT 1 AS "one!""#).fetch_one(&self.pool).await.is_ok()
    }

    /// Closes every connection.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
