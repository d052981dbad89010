//! What the store hands out about accounts: the same records whichever database holds them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

use crate::account::AccountStatus;
use crate::money::Currency;

pub mod account_changes;
pub mod accounts;
pub mod audit;
pub mod commitments;
pub mod contacts;
pub mod depth;
pub mod drafts;
pub mod history;
pub mod interactions;
pub mod meetings;
pub mod merge;
pub mod opportunities;
pub mod outbox;
pub mod pending;
pub mod people;
pub mod plans;
pub mod privacy;
pub mod reminders;
pub mod requests;
pub mod schedules;
pub mod teams;
pub mod transfer;
pub mod workspaces;

pub use account_changes::*;
pub use accounts::*;
pub use audit::*;
pub use commitments::*;
pub use contacts::*;
pub use depth::*;
pub use drafts::*;
pub use history::*;
pub use interactions::*;
pub use meetings::*;
pub use merge::*;
pub use opportunities::*;
pub use outbox::*;
pub use pending::*;
pub use people::*;
pub use plans::*;
pub use privacy::*;
pub use reminders::*;
pub use requests::*;
pub use schedules::*;
pub use teams::*;
pub use transfer::*;
pub use workspaces::*;

/// An account as the card shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRow {
    pub id: i64,
    /// What people see: its number in the workspace.
    pub number: i64,
    pub name: String,
    pub segment: String,
    /// The company's CNPJ as its 14 digits.
    pub cnpj: Option<String>,
    pub tier: crate::account::Tier,
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub technical_manager_id: Option<i64>,
    pub technical_manager_name: Option<String>,
    pub currency: Currency,
    pub wallet_minor: i64,
    pub revenue_12m_minor: i64,
    pub share_ceiling_bp: i64,
    pub suppliers_kept: i64,
    pub margin_bp: Option<i64>,
    pub planning_cadence_days: i64,
    pub yearly_review_on: Option<NaiveDate>,
    pub status: AccountStatus,
    pub created_at: DateTime<Utc>,
}

/// A contact on the stakeholder map.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct StakeholderRow {
    pub id: i64,
    pub name: String,
    pub title: String,
    pub department: String,
    pub decision_role: Option<String>,
    pub stance: Option<String>,
    pub strength: Option<i64>,
    pub last_contact: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct CompetitorRow {
    pub name: String,
    pub share_bp: Option<i64>,
    pub threat: String,
    pub note: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct WalletPeriod {
    pub period: String,
    pub spend_minor: i64,
    pub revenue_minor: i64,
    /// Written before its year began, and not recorded since: a plan, not the account's figures.
    pub plan: bool,
}

/// The last interaction with an account, as the card shows it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LastInteraction {
    pub kind: crate::kind::InteractionKind,
    pub occurred_at: DateTime<Utc>,
    pub summary: String,
    pub author_name: String,
    pub contact_name: Option<String>,
    /// The next step it set: open while this interaction is the account's newest.
    #[serde(default)]
    pub next_step: Option<String>,
    #[serde(default)]
    pub next_step_due: Option<NaiveDate>,
}

/// An open commitment of the account, as its card shows it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CommitmentFact {
    pub number: i64,
    pub text: String,
    pub due_on: Option<NaiveDate>,
    pub owner_name: String,
}

/// How many open commitments the facts carry (the soonest due); [`AccountFacts::open_commitments`]
/// counts them all. Written into the query as a literal, as [`RECENT_TONES`] is.
pub const COMMITMENTS_SHOWN: usize = 5;

/// What the health score needs of an opportunity.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OpportunityFact {
    /// Its number in the workspace, as people see it.
    pub number: i64,
    pub title: String,
    pub stage: crate::pipeline::Stage,
    pub value_minor: i64,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// How many of the newest tones count for the health score. It is written into the query below
/// as a literal: a LIMIT bound as a parameter inside a subquery makes SQLite prepare the whole
/// statement again on every run (measured: 213 µs a read instead of 45 µs).
pub const RECENT_TONES: i64 = 5;

/// Which windows of time the facts are read for (they depend on the reader's today).
#[derive(Debug, Clone, Copy)]
pub struct FactsWindow {
    /// Tones of interactions since then count (the [`RECENT_TONES`] newest).
    pub tones_since: DateTime<Utc>,
    /// The year whose account plan counts.
    pub plan_year: i64,
    /// While that year has no plan, the year before's counts if it was written from this instant
    /// on (its last quarter: a plan written then is often next year's).
    pub plan_carried_from: DateTime<Utc>,
    /// The newest health snapshot taken on or before this day is the one to compare with.
    pub trend_before: NaiveDate,
    /// Planning meetings booked from this instant on (the start of today) are the next one.
    pub booked_from: DateTime<Utc>,
    /// Negative interactions since then are counted.
    pub negatives_since: DateTime<Utc>,
    /// Open commitments due before this day are late.
    pub today: NaiveDate,
}

/// One account and everything around it.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountFacts {
    pub account: AccountRow,
    /// (reason code, note), by code.
    pub reasons: Vec<(String, String)>,
    pub aliases: Vec<String>,
    pub last_interaction: Option<LastInteraction>,
    /// The last planning meeting or yearly review held.
    pub last_planning: Option<DateTime<Utc>>,
    /// The next planning meeting as the account row keeps it (cadence day or booked day).
    pub next_planning_due: Option<NaiveDate>,
    /// The first planning or review meeting booked from [`FactsWindow::booked_from`] on.
    pub booked_planning: Option<DateTime<Utc>>,
    /// The contacts, each with their last interaction, by department then name.
    pub contacts: Vec<StakeholderRow>,
    /// The wallet periods, oldest first.
    pub wallet: Vec<WalletPeriod>,
    /// The competitors, the most threatening first.
    pub competitors: Vec<CompetitorRow>,
    /// The tones of the newest interactions within the window, newest first.
    pub tones: Vec<i64>,
    /// Interactions logged with a negative tone since [`FactsWindow::negatives_since`].
    pub recent_negatives: i64,
    /// When the plan of the window's year was last changed, if there is one.
    pub plan_updated_at: Option<DateTime<Utc>>,
    pub opportunities: Vec<OpportunityFact>,
    /// The health snapshot to compare with: (day, score).
    pub health_before: Option<(NaiveDate, i64)>,
    /// The workspace's own health weights: (component code, weight).
    pub weights: Vec<(String, i64)>,
    /// The soonest due of the open commitments (at most [`COMMITMENTS_SHOWN`]).
    pub commitments: Vec<CommitmentFact>,
    /// Open commitments in all, and those of them late (due before the window's today).
    pub open_commitments: i64,
    pub late_commitments: i64,
}

/// One account's facts as a database reads them in one query: the account's own columns, and each
/// list as a JSON array (a one-row list as a JSON value).
#[derive(Debug, Clone)]
pub struct FactsColumns {
    pub id: i64,
    pub number: i64,
    pub name: String,
    pub segment: String,
    pub cnpj: Option<String>,
    pub tier: crate::account::Tier,
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub technical_manager_id: Option<i64>,
    pub technical_manager_name: Option<String>,
    pub currency: Currency,
    pub wallet_minor: i64,
    pub revenue_12m_minor: i64,
    pub share_ceiling_bp: i64,
    pub suppliers_kept: i64,
    pub margin_bp: Option<i64>,
    pub planning_cadence_days: i64,
    pub yearly_review_on: Option<NaiveDate>,
    pub status: AccountStatus,
    pub created_at: DateTime<Utc>,
    pub reasons: String,
    pub aliases: String,
    pub last_interaction: Option<String>,
    pub last_planning: Option<DateTime<Utc>>,
    pub next_planning_due: Option<NaiveDate>,
    pub booked_planning: Option<DateTime<Utc>>,
    pub contacts: String,
    pub wallet: String,
    pub competitors: String,
    pub tones: String,
    pub recent_negatives: i64,
    pub plan_updated_at: Option<DateTime<Utc>>,
    pub opportunities: String,
    pub health_before: Option<String>,
    pub weights: String,
    pub commitments: String,
    /// `[open, late]`.
    pub commitment_counts: String,
}

fn list<T: for<'de> Deserialize<'de>>(json: &str, what: &str) -> Result<Vec<T>, String> {
    serde_json::from_str(json).map_err(|e| format!("account facts, {what}: {e}"))
}

fn one<T: for<'de> Deserialize<'de>>(json: Option<String>, what: &str) -> Result<Option<T>, String> {
    json.map(|j| serde_json::from_str(&j)).transpose().map_err(|e| format!("account facts, {what}: {e}"))
}

/// The workspace's own weights, and the deployment's for the components it did not set.
pub fn weights_with_defaults(settings: &crate::settings::Settings, mut own: Vec<(String, i64)>) -> Vec<(String, i64)> {
    for (code, weight) in &settings.health_weights {
        if !own.iter().any(|(c, _)| c == code) {
            own.push((code.clone(), i64::from(*weight)));
        }
    }
    own
}

impl FactsColumns {
    /// The facts, its lists read from their JSON; the weights the workspace did not set are the
    /// deployment's. An error names the list that could not be read.
    pub fn decode(self, settings: &crate::settings::Settings) -> Result<AccountFacts, String> {
        let counts: Vec<i64> = list(&self.commitment_counts, "commitment counts")?;
        Ok(AccountFacts {
            account: AccountRow {
                id: self.id,
                number: self.number,
                name: self.name,
                segment: self.segment,
                cnpj: self.cnpj,
                tier: self.tier,
                owner_id: self.owner_id,
                owner_name: self.owner_name,
                technical_manager_id: self.technical_manager_id,
                technical_manager_name: self.technical_manager_name,
                currency: self.currency,
                wallet_minor: self.wallet_minor,
                revenue_12m_minor: self.revenue_12m_minor,
                share_ceiling_bp: self.share_ceiling_bp,
                suppliers_kept: self.suppliers_kept,
                margin_bp: self.margin_bp,
                planning_cadence_days: self.planning_cadence_days,
                yearly_review_on: self.yearly_review_on,
                status: self.status,
                created_at: self.created_at,
            },
            reasons: list(&self.reasons, "reasons")?,
            aliases: list(&self.aliases, "aliases")?,
            last_interaction: one(self.last_interaction, "last interaction")?,
            last_planning: self.last_planning,
            next_planning_due: self.next_planning_due,
            booked_planning: self.booked_planning,
            contacts: list(&self.contacts, "contacts")?,
            wallet: list(&self.wallet, "wallet")?,
            competitors: list(&self.competitors, "competitors")?,
            tones: list(&self.tones, "tones")?,
            recent_negatives: self.recent_negatives,
            plan_updated_at: self.plan_updated_at,
            opportunities: list(&self.opportunities, "opportunities")?,
            health_before: one(self.health_before, "health before")?,
            weights: weights_with_defaults(settings, list(&self.weights, "weights")?),
            commitments: list(&self.commitments, "commitments")?,
            open_commitments: counts.first().copied().unwrap_or(0),
            late_commitments: counts.get(1).copied().unwrap_or(0),
        })
    }
}
