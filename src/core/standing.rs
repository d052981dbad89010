//! Where an account stands, computed from its facts without touching the store: its planning
//! clock, who was reached lately, its coverage, its health score and whether it is at risk, why,
//! and what to do. The card, `/health`, `/contacts`, `/risks` and the digest all read these, so
//! each rule and constant lives here once.

use crate::i18n::CardMsg;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::domain::pipeline::Stage;

use super::context::Context;
use super::error::CommandError;
use crate::domain::account::{PlanningClock, Reason};
use crate::domain::health::{
    Component, Flag, HealthInputs, NEGATIVE_DAYS, Part, Signals, capped, default_weights, flags, score,
};
use crate::domain::money::ratio_bp;
use crate::domain::stakeholders::Coverage;
use crate::i18n::Msg;
use crate::store::{AccountFacts, FactsWindow, Store};

/// A contact with an interaction within this many days counts as reached.
pub const REACHED_DAYS: i64 = 90;
/// How far back the tones of interactions count for the health score (the newest
/// [`crate::store::RECENT_TONES`] of them).
pub const TONE_DAYS: i64 = 180;
/// A health snapshot must be at least this old to compare with.
pub const TREND_DAYS: i64 = 6;
pub use crate::domain::health::AT_RISK;
/// A drop of this many points since the last snapshot puts an account on /risks.
pub const FALLING: i64 = 10;

/// How many accounts' facts a list reads at once (bounded, so that memory stays flat).
pub const FACTS_A_READ: usize = 500;

/// The windows of time the facts are read for, as of `now` in the time zone `tz`.
pub fn window(now: DateTime<Utc>, tz: Tz) -> FactsWindow {
    let today = now.with_timezone(&tz).date_naive();
    FactsWindow {
        tones_since: now - Duration::days(TONE_DAYS),
        plan_year: i64::from(today.year()),
        plan_carried_from: NaiveDate::from_ymd_opt(today.year() - 1, 10, 1)
            .and_then(|october| start_of(october, tz))
            .unwrap_or(now),
        trend_before: today - Duration::days(TREND_DAYS),
        booked_from: start_of(today, tz).unwrap_or(now),
        negatives_since: now - Duration::days(NEGATIVE_DAYS),
        today,
    }
}

// A bulk connection buffers a whole read, so that the read ahead is not held up by its caller.
const _: () = assert!(crate::store::BULK_ROWS_BUFFERED >= FACTS_A_READ);

/// How many of those reads are under way at once: while the caller works through one chunk, the
/// next is read on another connection ([`Store::bulk`] holds two).
pub const READS_AHEAD: usize = 2;

/// The facts of many accounts of the workspace, [`FACTS_A_READ`] at a time, in the order of
/// `ids` chunk by chunk (within a chunk, as the store returns them), read through
/// [`Store::bulk`] with [`READS_AHEAD`] reads under way.
pub fn facts_of_many<'a>(
    store: &Store,
    workspace_id: i64,
    ids: &'a [i64],
    window: FactsWindow,
) -> impl futures_util::Stream<Item = Result<Vec<AccountFacts>, crate::store::StoreError>> + 'a {
    use futures_util::StreamExt;
    let reader = store.bulk();
    futures_util::stream::iter(ids.chunks(FACTS_A_READ))
        .map(move |chunk| {
            let reader = reader.clone();
            async move { reader.accounts_facts(workspace_id, chunk, window).await }
        })
        .buffered(READS_AHEAD)
}

/// The facts of an account the command has found (it exists: it was just looked up).
pub async fn facts(store: &Store, ctx: &Context, account_id: i64) -> Result<AccountFacts, CommandError> {
    let window = window(ctx.now, ctx.tz);
    let facts = store.account_facts(ctx.workspace.id, account_id, window).await?;
    Ok(facts.ok_or_else(|| anyhow::anyhow!("account {account_id} was found but cannot be read"))?)
}

/// The first instant of a local day.
pub fn start_of(day: NaiveDate, tz: Tz) -> Option<DateTime<Utc>> {
    use chrono::TimeZone;
    tz.from_local_datetime(&day.and_hms_opt(0, 0, 0)?).earliest().map(|t| t.with_timezone(&Utc))
}

/// Where the account stands against its planning cadence: the account row's next planning day
/// (a booked planning meeting when there is one), else the last one held plus the cadence.
pub fn clock(f: &AccountFacts, today: NaiveDate, tz: Tz) -> PlanningClock {
    let date = |t: DateTime<Utc>| t.with_timezone(&tz).date_naive();
    PlanningClock::compute(
        today,
        f.account.planning_cadence_days,
        date(f.account.created_at),
        f.last_interaction.as_ref().map(|i| date(i.occurred_at)),
        f.last_planning.map(date),
    )
    .with_stored(today, f.next_planning_due, f.booked_planning.map(date))
}

/// The account's contacts, and those reached within [`REACHED_DAYS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reach {
    pub contacts: i64,
    pub departments: i64,
    pub reached: i64,
    pub reached_departments: i64,
    pub decision_maker_reached: bool,
}

pub fn reach(f: &AccountFacts, now: DateTime<Utc>) -> Reach {
    let since = now - Duration::days(REACHED_DAYS);
    let departments = |reached_only: bool| {
        let mut d: Vec<&str> = f
            .contacts
            .iter()
            .filter(|c| !reached_only || c.last_contact.is_some_and(|t| t >= since))
            .map(|c| c.department.as_str())
            .filter(|d| !d.is_empty())
            .collect();
        d.sort_unstable();
        d.dedup();
        d.len() as i64
    };
    let reached: Vec<_> = f.contacts.iter().filter(|c| c.last_contact.is_some_and(|t| t >= since)).collect();
    Reach {
        contacts: f.contacts.len() as i64,
        departments: departments(false),
        reached: reached.len() as i64,
        reached_departments: departments(true),
        decision_maker_reached: reached.iter().any(|c| c.decision_role.as_deref() == Some("decision_maker")),
    }
}

/// Whether the account depends on too few people, or lacks the technical counterpart it needs.
pub fn coverage(f: &AccountFacts, reach: &Reach) -> Coverage {
    let leadership = Reason::TechnologicalLeadership.code();
    Coverage::assess(
        reach.reached,
        reach.decision_maker_reached,
        f.reasons.iter().any(|(r, _)| r == leadership),
        f.account.technical_manager_id.is_some(),
    )
}

/// The workspace's weights: its own where set, the defaults elsewhere.
pub fn weights(own: &[(String, i64)]) -> [u32; 9] {
    let mut weights = default_weights();
    for (i, c) in Component::ALL.iter().enumerate() {
        if let Some((_, w)) = own.iter().find(|(code, _)| code == c.code()) {
            weights[i] = (*w).clamp(0, 100) as u32;
        }
    }
    weights
}

/// An account's score, its parts, and the reason of each part.
#[derive(Debug, Clone, PartialEq)]
pub struct Health {
    /// The score: the components weighed, held under the caps of the flags raised.
    pub score: u32,
    /// The components weighed, before the caps.
    pub weighted: u32,
    pub parts: Vec<(Part, Msg)>,
    /// The serious conditions found, the most serious first.
    pub flags: Vec<Flag>,
    /// The score a week or more ago, and when, from the weekly digests.
    pub before: Option<(NaiveDate, i64)>,
}

impl Health {
    /// Points lost since the snapshot compared with (0 when none or when it rose).
    pub fn drop(&self) -> i64 {
        self.before.map_or(0, |(_, b)| b - i64::from(self.score))
    }

    /// Low, or falling fast.
    pub fn at_risk(&self) -> bool {
        self.score < AT_RISK || self.drop() >= FALLING
    }

    /// Why the account is at risk, and what to do about it; `None` when it is not. The one
    /// definition of risk: the most serious flag holding the score down, else a fall of
    /// [`FALLING`] points, else the weakest component.
    pub fn risk(&self, account: &str) -> Option<Risk> {
        if !self.at_risk() {
            return None;
        }
        let flag = self.flags.iter().find(|f| f.cap().is_some_and(|cap| cap < AT_RISK));
        let (reason, action) = match (flag, self.before.filter(|_| self.drop() >= FALLING)) {
            (Some(flag), _) => (Msg::Card(CardMsg::FlagReason(flag.clone())), flag_action(flag)),
            (None, Some((since, from))) => (Msg::Card(CardMsg::HealthFell { from, since }), "health"),
            (None, None) => match self.parts.iter().min_by_key(|(p, _)| p.value) {
                Some((part, reason)) => (reason.clone(), component_action(part.component)),
                None => (Msg::Card(CardMsg::HealthShort { score: self.score }), "health"),
            },
        };
        Some(Risk { score: self.score, reason, action: format!("/{action} {}", quoted(account)) })
    }
}

/// An account at risk: its score, the one reason and the one command that acts on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    pub score: u32,
    pub reason: Msg,
    pub action: String,
}

/// The name as a command argument: quoted when it has spaces.
fn quoted(name: &str) -> String {
    if name.contains(char::is_whitespace) { format!("\"{}\"", name.replace('"', "")) } else { name.to_string() }
}

/// The command that acts on a flag.
fn flag_action(flag: &Flag) -> &'static str {
    match flag {
        Flag::NegativeTone { .. } => "history",
        Flag::Silent { .. } | Flag::ReviewOverdue { .. } => "prep",
        Flag::OverCeiling { .. } => "wallet",
        Flag::CompetitorAhead { .. } | Flag::TooManySuppliers { .. } | Flag::SoleSupplier => "competitors",
        Flag::SingleThreaded => "contacts",
        Flag::LateCommitments { .. } => "tasks",
    }
}

/// The command that acts on a weak component.
fn component_action(c: Component) -> &'static str {
    match c {
        Component::ContactRecency | Component::PlanningCadence | Component::YearlyReview => "prep",
        Component::Stakeholders => "contacts",
        Component::PlanFreshness => "plan",
        Component::OpportunityMomentum => "opp",
        Component::ShareTrend => "wallet",
        Component::Tone => "history",
        Component::CompetitorThreat => "competitors",
    }
}

fn threat_level(threat: &str) -> u8 {
    match threat {
        "high" => 3,
        "medium" => 2,
        _ => 1,
    }
}

/// The health score of the account as of `now`.
pub fn health(f: &AccountFacts, now: DateTime<Utc>, tz: Tz) -> Health {
    let a = &f.account;
    let today = now.with_timezone(&tz).date_naive();
    let clock = clock(f, today, tz);
    let reach = reach(f, now);
    let shares = crate::core::figures::shares(&f.wallet);
    let share_change = match shares.as_slice() {
        [.., (since, before), (_, after)] => Some((after - before, since.clone())),
        _ => None,
    };
    let strongest = f.competitors.iter().max_by_key(|c| threat_level(&c.threat));
    let plan_age = f.plan_updated_at.map(|t| (today - t.with_timezone(&tz).date_naive()).num_days());
    let open_opps = f.opportunities.iter().filter(|o| !o.stage.is_closed()).count() as i64;
    let year_ago = now - Duration::days(365);
    let won_last_year =
        f.opportunities.iter().filter(|o| o.stage == Stage::Won && o.closed_at.is_some_and(|t| t >= year_ago)).count()
            as i64;
    let inputs = HealthInputs {
        cadence_days: a.planning_cadence_days,
        days_since_contact: clock.days_since_contact,
        planning_overdue_days: clock.planning_overdue_days,
        contacts_reached: reach.reached,
        departments_reached: reach.reached_departments,
        decision_maker_reached: reach.decision_maker_reached,
        review_overdue_days: a.yearly_review_on.map(|d| (today - d).num_days()),
        plan_age_days: plan_age,
        open_opportunities: open_opps,
        won_last_year,
        share_change_bp: share_change.as_ref().map(|(c, _)| *c),
        tones: f.tones.clone(),
        max_threat: strongest.map_or(0, |c| threat_level(&c.threat)),
    };
    let our_share = ratio_bp(a.revenue_12m_minor, a.wallet_minor);
    let leading = f.competitors.iter().max_by_key(|c| c.share_bp.unwrap_or(0));
    let signals = Signals {
        share_bp: our_share,
        ceiling_bp: a.share_ceiling_bp,
        recent_negatives: f.recent_negatives,
        leading_competitor: leading.and_then(|c| Some((c.name.clone(), c.share_bp?))),
        single_threaded: coverage(f, &reach).single_threaded,
        suppliers: f.competitors.len() as i64 + 1,
        suppliers_kept: a.suppliers_kept,
        late_commitments: f.late_commitments,
    };
    let raised = flags(&inputs, &signals);
    let (weighted, parts) = score(&inputs, &weights(&f.weights));
    let tones = &f.tones;
    let reason = |c: Component| -> Msg {
        match c {
            Component::ContactRecency => {
                Msg::Card(CardMsg::HealthRecency { days: clock.days_since_contact, cadence: a.planning_cadence_days })
            }
            Component::PlanningCadence => Msg::Card(CardMsg::HealthPlanning {
                due: clock.next_planning_due,
                overdue: clock.planning_overdue_days,
            }),
            Component::Stakeholders => Msg::Card(CardMsg::HealthStakeholders {
                people: reach.reached,
                departments: reach.reached_departments,
                decision_maker: reach.decision_maker_reached,
            }),
            Component::YearlyReview => Msg::Card(CardMsg::HealthReview { date: a.yearly_review_on, today }),
            Component::PlanFreshness => Msg::Card(CardMsg::HealthPlan { age_days: plan_age }),
            Component::OpportunityMomentum => Msg::Card(CardMsg::HealthMomentum { open: open_opps, won_last_year }),
            Component::ShareTrend => Msg::Card(CardMsg::HealthShare {
                delta_bp: share_change.as_ref().map_or(0, |(c, _)| *c),
                since: share_change.as_ref().map(|(_, s)| s.clone()).unwrap_or_default(),
            }),
            Component::Tone => Msg::Card(CardMsg::HealthTone {
                positive: tones.iter().filter(|t| **t > 0).count(),
                neutral: tones.iter().filter(|t| **t == 0).count(),
                negative: tones.iter().filter(|t| **t < 0).count(),
            }),
            Component::CompetitorThreat => {
                Msg::Card(CardMsg::HealthThreat { strongest: strongest.map(|c| (c.name.clone(), c.threat.clone())) })
            }
        }
    };
    Health {
        score: capped(weighted, &raised),
        weighted,
        parts: parts.into_iter().map(|p| (p, reason(p.component))).collect(),
        flags: raised,
        before: f.health_before,
    }
}

/// An account's facts to build tests on.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;
    use crate::store::AccountRow;
    use chrono::TimeZone;

    pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 15, 0, 0).single().unwrap()
    }

    pub fn facts() -> AccountFacts {
        AccountFacts {
            account: AccountRow {
                id: 1,
                number: 1,
                name: "Vale".into(),
                segment: String::new(),
                cnpj: None,
                tier: crate::domain::account::Tier::Strategic,
                owner_id: Some(1),
                owner_name: Some("Ana".into()),
                technical_manager_id: None,
                technical_manager_name: None,
                currency: crate::domain::money::Currency::BRL,
                wallet_minor: 0,
                revenue_12m_minor: 0,
                share_ceiling_bp: 7000,
                suppliers_kept: 3,
                margin_bp: None,
                planning_cadence_days: 30,
                yearly_review_on: None,
                status: crate::domain::account::AccountStatus::Active,
                created_at: at(2026, 1, 10),
            },
            reasons: vec![("technological_leadership".into(), String::new())],
            aliases: vec![],
            last_interaction: None,
            last_planning: None,
            next_planning_due: None,
            booked_planning: None,
            contacts: vec![],
            wallet: vec![],
            competitors: vec![],
            tones: vec![],
            recent_negatives: 0,
            plan_updated_at: None,
            opportunities: vec![],
            health_before: None,
            weights: vec![],
            commitments: vec![],
            open_commitments: 0,
            late_commitments: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::{at, facts};
    use super::*;
    use crate::store::{LastInteraction, StakeholderRow};

    const TZ: Tz = chrono_tz::America::Sao_Paulo;

    fn contact(name: &str, department: &str, role: Option<&str>, last: Option<DateTime<Utc>>) -> StakeholderRow {
        StakeholderRow {
            id: 0,
            name: name.into(),
            title: String::new(),
            department: department.into(),
            decision_role: role.map(str::to_string),
            stance: None,
            strength: None,
            last_contact: last,
        }
    }

    #[test]
    fn reached_means_an_interaction_within_ninety_days() {
        let now = at(2026, 11, 27);
        let mut f = facts();
        f.contacts = vec![
            contact("Beatriz", "Suprimentos", Some("decision_maker"), Some(now - Duration::days(REACHED_DAYS + 1))),
            contact("João", "Suprimentos", Some("influencer"), Some(now - Duration::days(10))),
            contact("Luiz", "Manutenção", None, Some(now - Duration::days(REACHED_DAYS))),
            contact("Fernanda", "", None, None),
        ];
        let r = reach(&f, now);
        assert_eq!((r.contacts, r.departments, r.reached, r.reached_departments), (4, 2, 2, 2));
        assert!(!r.decision_maker_reached, "the decision maker was last reached 91 days ago");
        let c = coverage(&f, &r);
        assert!(c.single_threaded && c.missing_technical_manager);
        f.contacts[0].last_contact = Some(now - Duration::days(1));
        f.account.technical_manager_id = Some(2);
        let r = reach(&f, now);
        assert_eq!((r.reached, r.decision_maker_reached), (3, true));
        assert_eq!(coverage(&f, &r), Coverage { single_threaded: false, missing_technical_manager: false });
    }

    #[test]
    fn the_clock_runs_from_the_last_planning_meeting_else_from_creation() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let mut f = facts();
        assert_eq!(clock(&f, today, TZ).next_planning_due, NaiveDate::from_ymd_opt(2026, 2, 9).unwrap());
        assert_eq!(clock(&f, today, TZ).days_since_contact, None);
        f.last_planning = Some(at(2026, 11, 20));
        f.last_interaction = Some(LastInteraction {
            kind: crate::domain::kind::InteractionKind::Call,
            occurred_at: at(2026, 11, 25),
            summary: String::new(),
            author_name: "Ana".into(),
            contact_name: None,
            next_step: None,
            next_step_due: None,
        });
        let c = clock(&f, today, TZ);
        assert_eq!(c.next_planning_due, NaiveDate::from_ymd_opt(2026, 12, 20).unwrap());
        assert_eq!((c.planning_overdue_days, c.days_since_contact), (-23, Some(2)));
    }

    #[test]
    fn the_workspace_weights_replace_the_defaults_they_name() {
        let own = vec![("tone".to_string(), 40), ("recency".to_string(), 500)];
        let w = weights(&own);
        let index = |c: Component| Component::ALL.iter().position(|x| *x == c).unwrap();
        assert_eq!(w[index(Component::Tone)], 40);
        assert_eq!(w[index(Component::ContactRecency)], 100, "clamped");
        assert_eq!(w[index(Component::Stakeholders)], Component::Stakeholders.default_weight());
    }

    #[test]
    fn a_fall_of_ten_points_is_a_risk_even_above_the_line() {
        let now = at(2026, 11, 27);
        let mut f = facts();
        f.health_before = Some((NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(), 100));
        let h = health(&f, now, TZ);
        assert!(h.score < 100);
        assert_eq!(h.drop(), 100 - i64::from(h.score));
        assert!(h.at_risk());
        f.health_before = Some((NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(), i64::from(h.score)));
        assert_eq!(health(&f, now, TZ).at_risk(), h.score < AT_RISK);
    }
}
