//! What the store's `accounts` queries take and hand out, the same on SQLite and PostgreSQL.

use crate::account::AccountStatus;
use crate::money::Currency;
use chrono::{DateTime, NaiveDate, Utc};

/// One line of the portfolio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioRow {
    pub id: i64,
    pub name: String,
    pub tier: crate::account::Tier,
    pub owner_name: Option<String>,
    pub currency: Currency,
    pub wallet_minor: i64,
    pub revenue_12m_minor: i64,
    pub share_ceiling_bp: i64,
    pub planning_cadence_days: i64,
    pub created_at: DateTime<Utc>,
    pub last_contact: Option<DateTime<Utc>>,
    pub last_planning: Option<DateTime<Utc>>,
    /// The next planning meeting as the row keeps it (cadence day or booked day).
    pub next_planning_due: Option<NaiveDate>,
}

/// An entry of the name index that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermHit {
    pub account_id: i64,
    pub name: String,
    pub kind: String,
    pub term: String,
}

/// An account to add, or the editable record of one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub name: String,
    pub aliases: Vec<String>,
    pub segment: String,
    pub tier: crate::account::Tier,
    pub reasons: Vec<(String, String)>,
    pub owner_id: Option<i64>,
    pub technical_manager_id: Option<i64>,
    pub currency: Currency,
    pub wallet_minor: i64,
    pub revenue_12m_minor: i64,
    pub share_ceiling_bp: i64,
    /// How many suppliers the customer keeps for what we sell (its sourcing policy).
    pub suppliers_kept: i64,
    pub margin_bp: Option<i64>,
    pub planning_cadence_days: i64,
    pub yearly_review_on: Option<NaiveDate>,
    pub status: AccountStatus,
    /// The id of the account in the CRM it was imported from.
    pub external_id: Option<String>,
    /// The company's CNPJ, its 14 digits with check digits verified.
    pub cnpj: Option<crate::cnpj::Cnpj>,
    pub created_at: DateTime<Utc>,
}

impl NewAccount {
    /// An active account with the defaults of its tier: no owner, spend or reasons yet, a 70 %
    /// share ceiling, amounts in reais, and the tier's planning cadence.
    pub fn new(name: &str, tier: crate::account::Tier, created_at: DateTime<Utc>) -> NewAccount {
        NewAccount {
            name: name.to_string(),
            aliases: Vec::new(),
            segment: String::new(),
            tier,
            reasons: Vec::new(),
            owner_id: None,
            technical_manager_id: None,
            currency: Currency::BRL,
            wallet_minor: 0,
            revenue_12m_minor: 0,
            share_ceiling_bp: 7000,
            suppliers_kept: crate::account::SUPPLIERS_KEPT,
            margin_bp: None,
            planning_cadence_days: tier.default_cadence_days(),
            yearly_review_on: None,
            status: AccountStatus::Active,
            external_id: None,
            cnpj: None,
            created_at,
        }
    }
}

/// How far [`Store::count_words_with_prefixes`] counts, and how many names
/// [`Store::closest_pool`] takes on each side of the term. Both are literals in their queries: a LIMIT
/// bound as a parameter inside a subquery makes SQLite prepare the statement again on every run.
pub const WORD_COUNT_CAP: i64 = 1000;

pub const TERMS_AROUND: i64 = 25;

/// How many accounts [`Store::closest_pool`] takes for each word prefix (a literal too).
pub const WORDS_A_PREFIX: i64 = 20;
