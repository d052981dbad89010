//! kam-bot's store on PostgreSQL: connecting and migrating, and the store's queries written for
//! PostgreSQL, checked at compile time against it (this crate's `sqlx.toml` names
//! `KAM_PG_DATABASE_URL`; its `.sqlx/` holds the offline data).

mod account_changes;
mod accounts;
mod audit;
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

use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{Postgres, Transaction};

pub use account_changes::NameClash;
pub use accounts::{AccountRow, NewAccount, PortfolioRow, TERMS_AROUND, TermHit, WORD_COUNT_CAP, WORDS_A_PREFIX};
pub use audit::Counts;
pub use commitments::{CommitmentRow, CommitmentScope, DueToRemind, NewCommitment, PAGE_CAP as COMMITMENTS_PAGE_CAP};
pub use contacts::{ContactChanges, ContactRow, NewContact, StakeholderRow};
pub use depth::{CompetitorChange, CompetitorRow, QualificationRow, WalletPeriod};
pub use drafts::DraftRow;
pub use history::{ImportedCommitment, ImportedInteraction};
pub use interactions::{InsertOutcome, InteractionRow, NewInteraction};
pub use kam_domain::records::{
    AccountFacts, COMMITMENTS_SHOWN, CommitmentFact, FactsWindow, LastInteraction, OpportunityFact, RECENT_TONES,
};
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

/// The store's modules mirror the SQLite store's, method for method: there it is `Store`.
pub type Store = PgStore;

/// The advisory lock every write transaction takes first: writes that read to decide are
/// serialised, as SQLite's `BEGIN IMMEDIATE` serialises them.
const WRITE_LOCK: i64 = 0x6b61_6d00;

/// A write transaction holding [`WRITE_LOCK`]. Dropped without [`WriteTx::commit`], it rolls back.
pub struct WriteTx {
    tx: Transaction<'static, Postgres>,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await
    }
}

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
        // Every statement is kept prepared per connection; with the default plan cache mode a
        // statement as large as the card's facts is planned again at each run (measured: 2.2 ms a
        // card, of which 0.45 ms is running it). Its generic plan serves every account alike.
        let options = options.options([("plan_cache_mode", "force_generic_plan")]);
        let pool = PgPoolOptions::new()
            .max_connections(pool_size.max(1))
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options.application_name("kam-bot"))
            .await?;
        sqlx::migrate!("../../migrations/postgres").run(&pool).await?;
        Ok(PgStore { pool, settings: std::sync::Arc::new(settings) })
    }

    /// Begins a write transaction, after every write begun before it has ended.
    pub async fn write(&self) -> Result<WriteTx, StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query!("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK).execute(&mut *tx).await?;
        Ok(WriteTx { tx })
    }

    /// The deployment's defaults.
    pub fn settings(&self) -> &kam_domain::settings::Settings {
        &self.settings
    }

    /// The same database through a pool of its own of `size` connections, opened as needed.
    pub fn own_pool(&self, size: u32) -> PgStore {
        let options = (*self.pool.connect_options()).clone();
        let pool = PgPoolOptions::new()
            .max_connections(size.max(1))
            .acquire_timeout(Duration::from_secs(10))
            .connect_lazy_with(options);
        PgStore { pool, settings: self.settings.clone() }
    }

    /// Connections open, and of those, idle.
    pub fn pool_state(&self) -> (u32, usize) {
        (self.pool.size(), self.pool.num_idle())
    }

    /// `ok` when the server answers and every constraint is valid (PostgreSQL checks its own
    /// pages; a constraint left unvalidated is what could be wrong).
    pub async fn check(&self) -> Result<String, StoreError> {
        let unchecked = sqlx::query_scalar!(
            r#"SELECT COUNT(*) AS "n!" FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
               WHERE n.nspname = current_schema() AND NOT c.convalidated"#
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(if unchecked == 0 { "ok".to_string() } else { format!("{unchecked} constraints not validated") })
    }

    /// Refreshes the planner's statistics of every table (after a bulk load such as `db copy`).
    pub async fn analyze(&self) -> Result<(), StoreError> {
        sqlx::query("ANALYZE").execute(&self.pool).await?;
        Ok(())
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
