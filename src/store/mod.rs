//! The SQLite store: opening and migrating the database, and every query the bot runs.
//! Each query is scoped to one workspace; callers get plain values, never SQL.

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
mod meetings;
mod merge;
mod opportunities;
mod outbox;
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
    pool: SqlitePool,
    /// The deployment's defaults (from the configuration file): new workspaces, accounts and
    /// jobs take them.
    settings: std::sync::Arc<crate::domain::settings::Settings>,
}

/// How many connections the pool holds unless configured.
pub const POOL_SIZE: u32 = 8;

/// A write transaction begun with `BEGIN IMMEDIATE`, so that reads made inside it to decide what to
/// write cannot be invalidated by another writer. Dropped without [`WriteTx::commit`], it rolls back.
pub struct WriteTx {
    tx: Transaction<'static, Sqlite>,
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
            .connect_with(options)
            .await
            .map_err(|e| anyhow::anyhow!("cannot open the database {}: {e}", path.display()))?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Store { pool, settings: std::sync::Arc::new(settings) })
    }

    /// The same database through a pool of its own of `size` connections, opened as needed: the
    /// scheduler reads through one, so that writers waiting for the write lock with every
    /// connection of the main pool cannot keep a job from composing its messages.
    pub fn own_pool(&self, size: u32) -> Store {
        let options = (*self.pool.connect_options()).clone();
        let pool =
            SqlitePoolOptions::new().max_connections(size.max(1)).test_before_acquire(false).connect_lazy_with(options);
        Store { pool, settings: self.settings.clone() }
    }

    /// The deployment's defaults.
    pub fn settings(&self) -> &crate::domain::settings::Settings {
        &self.settings
    }

    /// Begins a write transaction (`BEGIN IMMEDIATE`).
    pub async fn write(&self) -> Result<WriteTx, StoreError> {
        let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        Ok(WriteTx { tx })
    }

    /// `PRAGMA integrity_check`: `ok` when the database is sound.
    pub async fn integrity_check(&self) -> Result<String, StoreError> {
        // A pragma has no result type sqlx can check at compile time; its one column is text.
        sqlx::query_scalar::<_, String>("PRAGMA integrity_check").fetch_one(&self.pool).await
    }

    /// `PRAGMA quick_check`: most of `integrity_check` (not the indexes' contents), in a fraction
    /// of its time.
    pub async fn quick_check(&self) -> Result<String, StoreError> {
        sqlx::query_scalar::<_, String>("PRAGMA quick_check").fetch_one(&self.pool).await
    }

    /// Connections open, and of those, idle.
    pub fn pool_state(&self) -> (u32, usize) {
        (self.pool.size(), self.pool.num_idle())
    }

    /// Whether the database answers a query.
    pub async fn answers(&self) -> bool {
        sqlx::query_scalar!(r#"SELECT 1 AS "one!: i64""#).fetch_one(&self.pool).await.is_ok()
    }

    /// Closes every connection, checkpointing the WAL.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await
    }
}
