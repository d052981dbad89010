//! What changed in a team's portfolio between two digests: each digest records the state of every
//! account it covered, and the next one compares the accounts' state now with it.

pub use crate::domain::change::ChangeKind;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::pipeline::Stage;
use crate::store::AccountFacts;

/// A health move this large (either way) is worth telling.
pub const HEALTH_MOVE: i64 = 10;

/// One account as a digest saw it. Short keys keep a team of thousands of accounts small.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AccountState {
    #[serde(rename = "h")]
    pub health: u32,
    /// Our share of the customer's spend, in basis points, when the spend is known.
    #[serde(rename = "s", default)]
    pub share_bp: Option<i64>,
    /// Opportunities by number, with their stage.
    #[serde(rename = "o", default)]
    pub opportunities: BTreeMap<i64, Stage>,
    /// Contacts reached within [`crate::core::standing::REACHED_DAYS`], by id.
    #[serde(rename = "r", default)]
    pub reached: BTreeSet<i64>,
    /// Competitors by name, with their share in basis points when known.
    #[serde(rename = "k", default)]
    pub competitors: BTreeMap<String, Option<i64>>,
    /// The last planning meeting or yearly review held.
    #[serde(rename = "p", default)]
    pub last_planning: Option<DateTime<Utc>>,
}

/// Every account of a team as a digest saw it, by account id.
pub type PortfolioState = BTreeMap<i64, AccountState>;

impl AccountState {
    pub fn of(facts: &AccountFacts, health: u32, now: DateTime<Utc>) -> AccountState {
        let since = now - Duration::days(crate::core::standing::REACHED_DAYS);
        AccountState {
            health,
            share_bp: crate::domain::money::ratio_bp(facts.account.revenue_12m_minor, facts.account.wallet_minor),
            opportunities: facts.opportunities.iter().map(|o| (o.number, o.stage)).collect(),
            reached: facts
                .contacts
                .iter()
                .filter(|c| c.last_contact.is_some_and(|t| t >= since))
                .map(|c| c.id)
                .collect(),
            competitors: facts.competitors.iter().map(|c| (c.name.clone(), c.share_bp)).collect(),
            last_planning: facts.last_planning,
        }
    }
}

/// One thing that changed at an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Health {
        from: u32,
        to: u32,
    },
    Won {
        number: i64,
        title: String,
        value_minor: i64,
    },
    Lost {
        number: i64,
        title: String,
        value_minor: i64,
    },
    Opened {
        number: i64,
        title: String,
        value_minor: i64,
    },
    /// A planning meeting or yearly review held.
    Held,
    /// A contact reached who had not been within the window.
    Reached {
        contact: String,
    },
    /// A competitor's share moved, or a competitor came or went (`None`: absent; `Some(None)`:
    /// present with no share known).
    Competitor {
        name: String,
        from: Option<Option<i64>>,
        to: Option<Option<i64>>,
    },
}

impl Change {
    pub fn kind(&self) -> ChangeKind {
        match self {
            Change::Health { .. } => ChangeKind::Health,
            Change::Won { .. } => ChangeKind::Won,
            Change::Lost { .. } => ChangeKind::Lost,
            Change::Opened { .. } => ChangeKind::Opened,
            Change::Held => ChangeKind::Held,
            Change::Reached { .. } => ChangeKind::Reached,
            Change::Competitor { .. } => ChangeKind::Competitor,
        }
    }
}

/// What changed at an account from `before` to `now` (its facts give names and values).
pub fn between(before: &AccountState, now: &AccountState, facts: &AccountFacts) -> Vec<Change> {
    let mut out = Vec::new();
    if (i64::from(now.health) - i64::from(before.health)).abs() >= HEALTH_MOVE {
        out.push(Change::Health { from: before.health, to: now.health });
    }
    for o in &facts.opportunities {
        let (number, title, value_minor) = (o.number, o.title.clone(), o.value_minor);
        match (before.opportunities.get(&o.number), o.stage) {
            (Some(was), Stage::Won) if *was != Stage::Won => out.push(Change::Won { number, title, value_minor }),
            (Some(was), Stage::Lost) if *was != Stage::Lost => out.push(Change::Lost { number, title, value_minor }),
            (None, Stage::Won) => {
                out.push(Change::Opened { number, title: title.clone(), value_minor });
                out.push(Change::Won { number, title, value_minor });
            }
            (None, Stage::Lost) => {
                out.push(Change::Opened { number, title: title.clone(), value_minor });
                out.push(Change::Lost { number, title, value_minor });
            }
            (None, _) => out.push(Change::Opened { number, title, value_minor }),
            _ => {}
        }
    }
    if now.last_planning.is_some() && now.last_planning != before.last_planning {
        out.push(Change::Held);
    }
    for c in &facts.contacts {
        if now.reached.contains(&c.id) && !before.reached.contains(&c.id) {
            out.push(Change::Reached { contact: c.name.clone() });
        }
    }
    let names: BTreeSet<&String> = before.competitors.keys().chain(now.competitors.keys()).collect();
    for name in names {
        let (from, to) = (before.competitors.get(name).copied(), now.competitors.get(name).copied());
        if from != to {
            out.push(Change::Competitor { name: name.clone(), from, to });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{CompetitorRow, OpportunityFact, StakeholderRow};
    use chrono::TimeZone;

    fn at(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, 12, 0, 0).single().unwrap()
    }

    fn facts() -> AccountFacts {
        crate::core::standing::tests_support::facts()
    }

    fn opp(number: i64, stage: Stage) -> OpportunityFact {
        OpportunityFact {
            number,
            title: format!("deal {number}"),
            stage,
            value_minor: 100,
            created_at: at(1),
            closed_at: None,
        }
    }

    #[test]
    fn a_quiet_week_changes_nothing() {
        let mut f = facts();
        f.opportunities = vec![opp(1, Stage::Proposal)];
        f.last_planning = Some(at(2));
        let state = AccountState::of(&f, 70, at(20));
        assert!(between(&state, &AccountState::of(&f, 75, at(27)), &f).is_empty(), "a move of 5 points is not told");
    }

    #[test]
    fn each_kind_of_change_is_found() {
        let mut f = facts();
        f.opportunities = vec![opp(1, Stage::Proposal), opp(2, Stage::Negotiation)];
        f.contacts = vec![StakeholderRow {
            id: 7,
            name: "Paulo".into(),
            title: String::new(),
            department: String::new(),
            decision_role: None,
            stance: None,
            strength: None,
            last_contact: Some(at(1) - Duration::days(200)),
        }];
        f.competitors = vec![CompetitorRow {
            name: "Sandvik".into(),
            share_bp: Some(3000),
            threat: "medium".into(),
            note: String::new(),
            updated_at: at(1),
        }];
        let before = AccountState::of(&f, 80, at(20));

        f.opportunities[0].stage = Stage::Won;
        f.opportunities[1].stage = Stage::Lost;
        f.opportunities.push(opp(3, Stage::Identified));
        f.contacts[0].last_contact = Some(at(25));
        f.competitors[0].share_bp = Some(4500);
        f.last_planning = Some(at(24));
        let now = AccountState::of(&f, 55, at(27));
        let kinds: Vec<ChangeKind> = between(&before, &now, &f).iter().map(Change::kind).collect();
        assert_eq!(
            kinds,
            vec![
                ChangeKind::Health,
                ChangeKind::Won,
                ChangeKind::Lost,
                ChangeKind::Opened,
                ChangeKind::Held,
                ChangeKind::Reached,
                ChangeKind::Competitor
            ]
        );
        let json = serde_json::to_string(&now).unwrap();
        assert_eq!(serde_json::from_str::<AccountState>(&json).unwrap(), now, "the recorded state reads back");
    }
}
