//! The SQLite store: opening and migrating the database, and every query the bot runs.
//! Each query is scoped to one workspace; callers get plain values, never SQL.

// The macros first: the modules below use them.
/// The SQLite pool of a store whose method has already handed PostgreSQL's calls over.
macro_rules! pool {
    ($store:expr) => {
        match &$store.backend {
            $crate::store::Backend::Sqlite(pool) => pool,
            $crate::store::Backend::Postgres(_) => return Err($crate::store::not_sqlite()),
        }
    };
}

/// The SQLite transaction of a write whose method has already handed PostgreSQL's calls over.
macro_rules! lite {
    ($tx:expr) => {
        match $tx {
            $crate::store::WriteTx::Sqlite(tx) => &mut **tx,
            $crate::store::WriteTx::Postgres(_) => return Err($crate::store::not_sqlite()),
        }
    };
}

mod account_changes;
mod accounts;
mod audit;
pub mod backup;
mod commitments;
mod contacts;
pub mod copy;
mod depth;
mod drafts;
mod facts;
mod history;
mod interactions;
mod leases;
mod meetings;
mod merge;
mod opportunities;
mod outbox;
mod pending;
mod people;
mod plans;
mod privacy;
mod reminders;
mod requests;
mod schedules;
mod teams;
mod transfer;
mod workspaces;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, Transaction};

pub use account_changes::NameClash;
pub use accounts::{AccountRow, NewAccount, PortfolioRow, TERMS_AROUND, TermHit, WORD_COUNT_CAP, WORDS_A_PREFIX};
pub use audit::Counts;
pub use commitments::{CommitmentRow, CommitmentScope, DueToRemind, NewCommitment, PAGE_CAP as COMMITMENTS_PAGE_CAP};
pub use contacts::{ContactChanges, ContactRow, NewContact, StakeholderRow};
pub use depth::{CompetitorChange, CompetitorRow, QualificationRow, WalletPeriod};
pub use drafts::DraftRow;
pub use facts::{
    AccountFacts, COMMITMENTS_SHOWN, CommitmentFact, FactsWindow, LastInteraction, OpportunityFact, RECENT_TONES,
};
pub use history::{ImportedCommitment, ImportedInteraction};
pub use interactions::{InsertOutcome, InteractionRow, NewInteraction};
pub use meetings::{MeetingRow, MeetingToRemind, NewMeeting};
pub use merge::MergeCounts;
pub use opportunities::{Closed, NewOpportunity, OpportunityRow};
pub use outbox::{Addressee, OutboxCounts, OutboxItem};
pub use pending::PendingAnswer;
pub use people::{NamedPerson, NewPerson, Person, PersonExport};
pub use plans::{GoalRow, NewReview, PlanRow, ReviewRow};
pub use privacy::{ERASED, ERASED_NAME, PersonalData};
pub use reminders::DueAccount;
pub use requests::Claim;
pub use schedules::JobSchedule;
pub use teams::{DigestSnapshot, TeamAccount};
pub use transfer::{ContactKey, ContactRecord, InteractionExport, NameTerm, OpportunityExport, PendingImport};
pub use workspaces::{DayOffRow, Identified, Workspace};

/// Errors of the store: always internal (a person never caused them).
pub type StoreError = sqlx::Error;

/// A handle on the database, cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    backend: Backend,
    /// The deployment's defaults (from the configuration file): new workspaces, accounts and
    /// jobs take them.
    settings: std::sync::Arc<crate::domain::settings::Settings>,
    /// SQLite: the pool of [`Store::bulk`], opened on first use.
    bulk: Option<SqlitePool>,
}

/// Where the data is: a SQLite file (the queries of this module), or PostgreSQL (the same
/// queries written for it, in `kam_store_pg`). Every public method of [`Store`] and [`WriteTx`]
/// hands a PostgreSQL store's call over first (a test reads this module to check that each does).
#[derive(Clone, Debug)]
enum Backend {
    Sqlite(SqlitePool),
    Postgres(kam_store_pg::Store),
}

/// What a SQLite statement reached on a PostgreSQL store returns (never, as every method hands
/// PostgreSQL's calls over first): an internal error, not a panic.
fn not_sqlite() -> StoreError {
    StoreError::Configuration("a SQLite statement reached a PostgreSQL store".into())
}

/// How many connections the pool holds unless configured.
pub const POOL_SIZE: u32 = 8;

/// How much of a SQLite file a [`Store::bulk`] connection maps into memory (SQLite caps it at
/// about 2 GB).
const BULK_MAP_BYTES: u64 = 2 << 30;
/// How many rows a [`Store::bulk`] connection's thread reads ahead of its caller: one read of
/// [`crate::core::standing::FACTS_A_READ`] accounts.
pub const BULK_ROWS_BUFFERED: usize = 500;
/// A [`Store::bulk`] connection closes after this long unused, and its mapping with it.
const BULK_IDLE: Duration = Duration::from_secs(60);

/// A write transaction begun with `BEGIN IMMEDIATE` (on PostgreSQL, after taking the store's write
/// lock), so that reads made inside it to decide what to write cannot be invalidated by another
/// writer. Dropped without [`WriteTx::commit`], it rolls back.
pub enum WriteTx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(kam_store_pg::WriteTx),
}

impl Store {
    /// Opens (creating if needed) the database at `path`, with WAL, foreign keys and a busy
    /// timeout, and applies any pending migration.
    pub async fn open(path: &Path) -> anyhow::Result<Store> {
        Store::open_with(path, POOL_SIZE, crate::domain::settings::Settings::default()).await
    }

    /// [`Store::open`] with a pool of `pool_size` connections and the deployment's settings.
    pub async fn open_with(
        path: &Path,
        pool_size: u32,
        settings: crate::domain::settings::Settings,
    ) -> anyhow::Result<Store> {
        let url = format!("sqlite://{}", path.display());
        let options = SqliteConnectOptions::from_str(&url)?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            // Deleted and overwritten content is zeroed on disk, so that an erased person is gone
            // from the file, not just from the tables.
            .pragma("secure_delete", "ON")
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(pool_size.max(1))
            // A local file needs no liveness ping before each use; skipping it halves a short query's cost.
            .test_before_acquire(false)
            .connect_with(options.clone())
            .await
            .map_err(|e| anyhow::anyhow!("cannot open the database {}: {e}", path.display()))?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        let bulk = SqlitePoolOptions::new()
            .max_connections(2)
            .min_connections(0)
            .idle_timeout(BULK_IDLE)
            .test_before_acquire(false)
            .connect_lazy_with(
                options
                    .pragma("mmap_size", BULK_MAP_BYTES.to_string())
                    .pragma("query_only", "ON")
                    // A whole read's rows are buffered, so that its connection's thread reads on
                    // while the caller works through the read before it.
                    .row_buffer_size(BULK_ROWS_BUFFERED),
            );
        Ok(Store { backend: Backend::Sqlite(pool), settings: std::sync::Arc::new(settings), bulk: Some(bulk) })
    }

    /// Connects to the PostgreSQL database at `url` (`postgres://…`) with a pool of `pool_size`
    /// connections and applies any pending migration of `migrations/postgres`.
    pub async fn connect_postgres(
        url: &str,
        pool_size: u32,
        settings: crate::domain::settings::Settings,
    ) -> anyhow::Result<Store> {
        let pg = kam_store_pg::Store::connect(url, pool_size, settings.clone()).await?;
        Ok(Store { backend: Backend::Postgres(pg), settings: std::sync::Arc::new(settings), bulk: None })
    }

    /// Whether the data is on PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        matches!(self.backend, Backend::Postgres(_))
    }

    /// The same database through a pool of its own of `size` connections, opened as needed: the
    /// scheduler reads through one, so that writers waiting for the write lock with every
    /// connection of the main pool cannot keep a job from composing its messages.
    pub fn own_pool(&self, size: u32) -> Store {
        let backend = match &self.backend {
            Backend::Sqlite(pool) => {
                let options = (*pool.connect_options()).clone();
                Backend::Sqlite(
                    SqlitePoolOptions::new()
                        .max_connections(size.max(1))
                        .test_before_acquire(false)
                        .connect_lazy_with(options),
                )
            }
            Backend::Postgres(pg) => Backend::Postgres(pg.own_pool(size)),
        };
        Store { backend, settings: self.settings.clone(), bulk: self.bulk.clone() }
    }

    /// The same database for reading many accounts at once (a team's digest): on SQLite, through
    /// up to two read-only connections of their own that map the file into memory, so that the
    /// pages a team's facts lie on, scattered over the file, are read from the system's cache in
    /// place rather than copied one system call at a time into a 2 MB page cache. The mapped
    /// pages are the system's file cache, not the process's own memory; they are unmapped when
    /// the connection closes, a minute after its last use. On PostgreSQL, the store itself.
    pub fn bulk(&self) -> Store {
        match (&self.backend, &self.bulk) {
            (Backend::Sqlite(_), Some(bulk)) => Store {
                backend: Backend::Sqlite(bulk.clone()),
                settings: self.settings.clone(),
                bulk: Some(bulk.clone()),
            },
            _ => self.clone(),
        }
    }

    /// The deployment's defaults.
    pub fn settings(&self) -> &crate::domain::settings::Settings {
        &self.settings
    }

    /// Begins a write transaction (`BEGIN IMMEDIATE`).
    pub async fn write(&self) -> Result<WriteTx, StoreError> {
        match &self.backend {
            Backend::Sqlite(pool) => Ok(WriteTx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?)),
            Backend::Postgres(pg) => Ok(WriteTx::Postgres(pg.write().await?)),
        }
    }

    /// `PRAGMA integrity_check`: `ok` when the database is sound.
    pub async fn integrity_check(&self) -> Result<String, StoreError> {
        if let Backend::Postgres(pg) = &self.backend {
            return pg.check().await;
        }
        // A pragma has no result type sqlx can check at compile time; its one column is text.
        sqlx::query_scalar::<_, String>("PRAGMA integrity_check").fetch_one(pool!(self)).await
    }

    /// `PRAGMA quick_check`: most of `integrity_check` (not the indexes' contents), in a fraction
    /// of its time.
    pub async fn quick_check(&self) -> Result<String, StoreError> {
        if let Backend::Postgres(pg) = &self.backend {
            return pg.check().await;
        }
        sqlx::query_scalar::<_, String>("PRAGMA quick_check").fetch_one(pool!(self)).await
    }

    /// Connections open, and of those, idle.
    pub fn pool_state(&self) -> (u32, usize) {
        match &self.backend {
            Backend::Sqlite(pool) => (pool.size(), pool.num_idle()),
            Backend::Postgres(pg) => pg.pool_state(),
        }
    }

    /// Whether the database answers a query.
    pub async fn answers(&self) -> bool {
        match &self.backend {
            Backend::Sqlite(pool) => sqlx::query_scalar!(r#"SELECT 1 AS "one!: i64""#).fetch_one(pool).await.is_ok(),
            Backend::Postgres(pg) => pg.answers().await,
        }
    }

    /// Closes every connection, checkpointing the WAL.
    pub async fn close(&self) {
        match &self.backend {
            Backend::Postgres(pg) => pg.close().await,
            Backend::Sqlite(pool) => {
                if let Some(bulk) = &self.bulk {
                    bulk.close().await;
                }
                pool.close().await
            }
        }
    }
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), StoreError> {
        match self {
            WriteTx::Sqlite(tx) => tx.commit().await,
            WriteTx::Postgres(pg) => pg.commit().await,
        }
    }
}

#[cfg(test)]
mod hand_over {
    /// Every public async method of the store hands a PostgreSQL store's call over before any
    /// SQLite statement: its body names the PostgreSQL backend first thing.
    #[test]
    fn every_public_method_hands_postgres_over_first() {
        let mut missing = Vec::new();
        let mut seen = 0;
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/store")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name == "copy.rs" || name == "backup.rs" {
                // The SQLite side of `db copy` and of backups: the PostgreSQL side has its own.
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            let source = source.split("#[cfg(test)]").next().unwrap();
            for piece in source.split("    pub async fn ").skip(1) {
                seen += 1;
                let fn_name = piece.split(['(', '<']).next().unwrap().to_string();
                let body = piece.split_once(" {\n").map(|(_, b)| b).unwrap_or("");
                let first: String = body.lines().take(3).collect::<Vec<_>>().join("\n");
                // The constructors choose the backend.
                let constructor = matches!(fn_name.as_str(), "open" | "open_with" | "connect_postgres");
                if !constructor && !first.contains("Postgres(") {
                    missing.push(format!("{name}: {fn_name}"));
                }
            }
        }
        assert!(seen > 150, "only {seen} methods found");
        assert!(missing.is_empty(), "these do not hand PostgreSQL over first: {missing:#?}");
    }
}
