//! Key-account rules: tiers, the reasons an account is key, share of wallet against the ceiling,
//! and the planning-meeting clock.

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::money::{BasisPoints, apply_bp, ratio_bp};

/// The fields `/account set` changes.
pub const ACCOUNT_FIELDS: &[&str] = &[
    "name",
    "tier",
    "owner",
    "tech",
    "segment",
    "spend",
    "revenue",
    "margin",
    "ceiling",
    "suppliers",
    "cadence",
    "review",
    "cnpj",
    "alias",
    "reason",
];

/// The same fields as typed in either language (`/conta definir Vale nível 2`).
pub use crate::vocabulary::ACCOUNT_FIELD_WORDS;

/// How many suppliers a large buyer keeps for what we sell, unless told otherwise: the reason
/// behind the default share ceiling of 70 %.
pub const SUPPLIERS_KEPT: i64 = 3;

/// The suppliers at an account (us and the competitors recorded) against the customer's policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupplierMix {
    /// Only us: the customer depends on one supplier and will look for a second.
    Sole,
    /// Within what the customer keeps.
    WithinPolicy,
    /// More suppliers than the customer keeps: someone will be cut.
    AbovePolicy,
}

impl SupplierMix {
    /// `count` counts us; `kept` is how many the customer keeps.
    pub fn of(count: i64, kept: i64) -> SupplierMix {
        if count < 2 {
            SupplierMix::Sole
        } else if count > kept {
            SupplierMix::AbovePolicy
        } else {
            SupplierMix::WithinPolicy
        }
    }
}

/// How strategic an account is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter, Default))]
pub enum Tier {
    #[cfg_attr(any(test, feature = "review"), default)]
    Strategic = 1,
    Key = 2,
    Maintain = 3,
}

impl Tier {
    pub fn from_number(n: i64) -> Option<Tier> {
        match n {
            1 => Some(Tier::Strategic),
            2 => Some(Tier::Key),
            3 => Some(Tier::Maintain),
            _ => None,
        }
    }

    pub fn number(self) -> i64 {
        self as i64
    }

    /// The tier of a number, or why it is none: for values read back from the database.
    fn stored(n: i64) -> Result<Tier, String> {
        Tier::from_number(n).ok_or_else(|| format!("the stored tier {n} is not 1, 2 or 3"))
    }

    /// The default planning-meeting cadence for the tier, in days.
    pub fn default_cadence_days(self) -> i64 {
        match self {
            Tier::Strategic => 30,
            Tier::Key => 60,
            Tier::Maintain => 90,
        }
    }
}

/// Stored as its number; a number that is no tier is an internal error naming it.
impl<DB: sqlx::Database> sqlx::Type<DB> for Tier
where
    i64: sqlx::Type<DB>,
{
    fn type_info() -> DB::TypeInfo {
        <i64 as sqlx::Type<DB>>::type_info()
    }

    fn compatible(ty: &DB::TypeInfo) -> bool {
        <i64 as sqlx::Type<DB>>::compatible(ty)
    }
}

impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for Tier
where
    i64: sqlx::Decode<'r, DB>,
{
    fn decode(value: <DB as sqlx::Database>::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        Ok(Tier::stored(<i64 as sqlx::Decode<DB>>::decode(value)?)?)
    }
}

impl<'q, DB: sqlx::Database> sqlx::Encode<'q, DB> for Tier
where
    i64: sqlx::Encode<'q, DB>,
{
    fn encode_by_ref(
        &self,
        buf: &mut <DB as sqlx::Database>::ArgumentBuffer,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <i64 as sqlx::Encode<DB>>::encode(self.number(), buf)
    }
}

/// Why a customer is managed as a key account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter, Default))]
pub enum Reason {
    #[cfg_attr(any(test, feature = "review"), default)]
    PurchasePotential,
    TechnologicalLeadership,
    Profitability,
    Strategic,
}

impl Reason {
    pub const ALL: [Reason; 4] =
        [Reason::PurchasePotential, Reason::TechnologicalLeadership, Reason::Profitability, Reason::Strategic];

    pub fn code(self) -> &'static str {
        match self {
            Reason::PurchasePotential => "purchase_potential",
            Reason::TechnologicalLeadership => "technological_leadership",
            Reason::Profitability => "profitability",
            Reason::Strategic => "strategic",
        }
    }

    pub fn from_code(code: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The reason a person typed: `potential`, `technology`, `profitability`, `strategic`, their
    /// Portuguese words, or a code.
    pub fn from_word(word: &str) -> Option<Reason> {
        match crate::text::fold(word).as_str() {
            "potential" | "potencial" | "purchase_potential" | "potencial de compra" => Some(Reason::PurchasePotential),
            "technology" | "tecnologia" | "technological_leadership" | "lideranca tecnologica" => {
                Some(Reason::TechnologicalLeadership)
            }
            "profitability" | "rentabilidade" | "lucratividade" => Some(Reason::Profitability),
            "strategic" | "estrategica" | "estrategico" => Some(Reason::Strategic),
            _ => None,
        }
    }

    /// The word a person types for this reason.
    pub fn word(self) -> &'static str {
        match self {
            Reason::PurchasePotential => "potential",
            Reason::TechnologicalLeadership => "technology",
            Reason::Profitability => "profitability",
            Reason::Strategic => "strategic",
        }
    }
}

/// Whether an account is managed now; an archived one keeps its history but takes no new records
/// and is left out of reminders, lists and digests.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, sqlx::Type, serde::Serialize, serde::Deserialize,
)]
#[sqlx(rename_all = "lowercase", type_name = "text")]
#[serde(rename_all = "lowercase")]
pub enum AccountStatus {
    Active,
    Archived,
}

impl AccountStatus {
    pub fn code(self) -> &'static str {
        match self {
            AccountStatus::Active => "active",
            AccountStatus::Archived => "archived",
        }
    }

    /// A status as written in a file, in English or Portuguese.
    pub fn read(typed: &str) -> Option<AccountStatus> {
        match crate::text::fold(typed).as_str() {
            "active" | "ativo" | "ativa" => Some(AccountStatus::Active),
            "archived" | "arquivado" | "arquivada" | "inactive" | "inativo" | "inativa" => {
                Some(AccountStatus::Archived)
            }
            _ => None,
        }
    }
}

/// What a person may do in a workspace; stored as its code.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, sqlx::Type, serde::Serialize, serde::Deserialize,
)]
#[sqlx(rename_all = "lowercase", type_name = "text")]
#[serde(rename_all = "lowercase")]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter, Default))]
pub enum Role {
    #[cfg_attr(any(test, feature = "review"), default)]
    Admin,
    Manager,
    Rep,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Rep => "rep",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        [Role::Admin, Role::Manager, Role::Rep].into_iter().find(|r| r.code() == code)
    }

    /// The role a person typed, in English or Portuguese (`gestora`, `vendedor`).
    pub fn read(typed: &str) -> Option<Role> {
        crate::vocabulary::ROLES.read(typed).and_then(|w| Role::from_code(w.code))
    }

    /// The role's name for a reader of this language.
    pub fn shown(self, locale: crate::locale::Locale) -> String {
        crate::vocabulary::ROLES.shown(self.code(), locale)
    }

    /// Whether the person may manage accounts (admins and managers).
    pub fn manages(self) -> bool {
        matches!(self, Role::Admin | Role::Manager)
    }
}

impl std::str::FromStr for Role {
    type Err = String;

    /// A role in either language: what the command line and typed commands accept.
    fn from_str(typed: &str) -> Result<Role, String> {
        Role::read(typed).ok_or_else(|| {
            format!("“{typed}” is not a role: {}", crate::vocabulary::ROLES.listed(crate::locale::Locale::En, ", "))
        })
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Our share of the customer's spend in our category, set against the share ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareOfWallet {
    /// Our revenue over the customer's category spend.
    pub share_bp: BasisPoints,
    pub ceiling_bp: BasisPoints,
    /// Revenue still available under the ceiling (zero when at or above it).
    pub headroom_minor: i64,
    /// Revenue above the ceiling (zero when under it).
    pub above_ceiling_minor: i64,
}

/// Our revenue at a customer cannot pass what the customer spends in our category (a share of
/// wallet over 100 % is a typing slip). An unknown spend (zero) accepts any revenue.
pub fn revenue_fits_spend(revenue_minor: i64, spend_minor: i64) -> bool {
    spend_minor == 0 || revenue_minor <= spend_minor
}

impl ShareOfWallet {
    /// `None` when the customer's spend is unknown (zero).
    pub fn compute(revenue_minor: i64, wallet_minor: i64, ceiling_bp: BasisPoints) -> Option<ShareOfWallet> {
        let share_bp = ratio_bp(revenue_minor, wallet_minor)?;
        let ceiling_minor = apply_bp(wallet_minor, ceiling_bp);
        Some(ShareOfWallet {
            share_bp,
            ceiling_bp,
            headroom_minor: (ceiling_minor - revenue_minor).max(0),
            above_ceiling_minor: (revenue_minor - ceiling_minor).max(0),
        })
    }
}

/// What our share of the customer's spend makes us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter, Default))]
pub enum Band {
    /// Under 10 %: a backup supplier.
    #[cfg_attr(any(test, feature = "review"), default)]
    Backup,
    /// From 10 % to 60 %.
    Core,
    /// Over 60 %: a strategic partner.
    StrategicPartner,
}

impl Band {
    pub fn of(share_bp: BasisPoints) -> Band {
        match share_bp {
            ..1000 => Band::Backup,
            1000..=6000 => Band::Core,
            _ => Band::StrategicPartner,
        }
    }
}

/// Where an account stands against its planning-meeting cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanningClock {
    /// Whole days since the last interaction of any kind, if there was one.
    pub days_since_contact: Option<i64>,
    /// When the next planning meeting is due: the last one plus the cadence, or, with none held,
    /// the day the account was created plus the cadence.
    pub next_planning_due: NaiveDate,
    /// Days the planning meeting is overdue (positive) or still ahead (negative or zero).
    pub planning_overdue_days: i64,
    /// Days the contact is overdue against the cadence (positive), if there was contact.
    pub contact_overdue_days: Option<i64>,
    /// The day of the planning meeting booked with the account, when one is: it is then the next
    /// planning meeting.
    pub booked: Option<NaiveDate>,
}

impl PlanningClock {
    pub fn compute(
        today: NaiveDate,
        cadence_days: i64,
        created_on: NaiveDate,
        last_contact: Option<NaiveDate>,
        last_planning: Option<NaiveDate>,
    ) -> PlanningClock {
        let cadence = Days::new(cadence_days.max(1) as u64);
        let base = last_planning.unwrap_or(created_on);
        let next_planning_due = base.checked_add_days(cadence).unwrap_or(base);
        let days_since_contact = last_contact.map(|d| (today - d).num_days());
        PlanningClock {
            days_since_contact,
            next_planning_due,
            planning_overdue_days: (today - next_planning_due).num_days(),
            contact_overdue_days: days_since_contact.map(|d| d - cadence_days),
            booked: None,
        }
    }

    /// The clock as the account row keeps it: `due` is the stored next planning day (the cadence
    /// day, or a booked meeting's day, whichever the store made next), `booked` the day of a
    /// planning meeting booked from today on. The stored day wins over the computed one.
    pub fn with_stored(mut self, today: NaiveDate, due: Option<NaiveDate>, booked: Option<NaiveDate>) -> PlanningClock {
        if let Some(due) = due {
            self.next_planning_due = due;
            self.planning_overdue_days = (today - due).num_days();
        }
        self.booked = booked.filter(|b| *b == self.next_planning_due);
        self
    }
}

/// The calendar date of a UTC instant in a time zone.
pub fn local_date(instant: DateTime<Utc>, tz: chrono_tz::Tz) -> NaiveDate {
    instant.with_timezone(&tz).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn share_under_the_ceiling() {
        // R$ 18 M of a R$ 100 M wallet, ceiling 70 %: share 18 %, headroom R$ 52 M.
        let s = ShareOfWallet::compute(18_000_000_00, 100_000_000_00, 7000).unwrap();
        assert_eq!(s.share_bp, 1800);
        assert_eq!(s.headroom_minor, 52_000_000_00);
        assert_eq!(s.above_ceiling_minor, 0);
    }

    #[test]
    fn share_above_the_ceiling() {
        // R$ 80 M of R$ 100 M with a 70 % ceiling: 10 M above it, no headroom.
        let s = ShareOfWallet::compute(80_000_000_00, 100_000_000_00, 7000).unwrap();
        assert_eq!(s.share_bp, 8000);
        assert_eq!(s.headroom_minor, 0);
        assert_eq!(s.above_ceiling_minor, 10_000_000_00);
    }

    #[test]
    fn share_with_unknown_wallet() {
        assert_eq!(ShareOfWallet::compute(1_000, 0, 7000), None);
    }

    #[test]
    fn share_at_zero_revenue() {
        let s = ShareOfWallet::compute(0, 50_000_00, 7000).unwrap();
        assert_eq!(s.share_bp, 0);
        assert_eq!(s.headroom_minor, 35_000_00);
    }

    #[test]
    fn planning_clock_from_last_planning_meeting() {
        let c = PlanningClock::compute(d(2026, 11, 27), 30, d(2025, 1, 1), Some(d(2026, 11, 20)), Some(d(2026, 10, 1)));
        assert_eq!(c.next_planning_due, d(2026, 10, 31));
        assert_eq!(c.planning_overdue_days, 27);
        assert_eq!(c.days_since_contact, Some(7));
        assert_eq!(c.contact_overdue_days, Some(-23));
    }

    #[test]
    fn planning_clock_without_any_meeting_counts_from_creation() {
        let c = PlanningClock::compute(d(2026, 11, 27), 60, d(2026, 11, 1), None, None);
        assert_eq!(c.next_planning_due, d(2026, 12, 31));
        assert_eq!(c.planning_overdue_days, -34);
        assert_eq!(c.days_since_contact, None);
        assert_eq!(c.contact_overdue_days, None);
    }

    #[test]
    fn bands_of_share() {
        assert_eq!(Band::of(0), Band::Backup);
        assert_eq!(Band::of(999), Band::Backup);
        assert_eq!(Band::of(1000), Band::Core);
        assert_eq!(Band::of(6000), Band::Core);
        assert_eq!(Band::of(6001), Band::StrategicPartner);
    }

    #[test]
    fn tiers() {
        assert_eq!(Tier::from_number(1), Some(Tier::Strategic));
        assert_eq!(Tier::from_number(4), None);
        assert_eq!(Tier::Key.default_cadence_days(), 60);
        assert_eq!(Reason::from_code("profitability"), Some(Reason::Profitability));
        assert_eq!(Role::from_code("manager"), Some(Role::Manager));
    }
}
