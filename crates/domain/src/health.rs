//! The health score of a key account, 0 to 100, and every component behind it with its value
//! and its reason. Components whose data is not tracked for the account are left out and the
//! others weigh in proportion, so a score never rests on made-up values. A few conditions are
//! serious on their own whatever the rest looks like (an overdue yearly review, a share above
//! the ceiling, repeated bad conversations): each caps the score (see [`Flag::cap`]).

/// A part of the health score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter, Default))]
pub enum Component {
    /// Days since the last contact, against the planning cadence.
    #[cfg_attr(any(test, feature = "review"), default)]
    ContactRecency,
    /// The planning meeting held on time, or how late it is.
    PlanningCadence,
    /// People and departments reached in 90 days, and a decision maker among them.
    Stakeholders,
    /// The yearly review held on time.
    YearlyReview,
    /// This year's account plan written, and kept up to date.
    PlanFreshness,
    /// Opportunities in progress, and a recent win.
    OpportunityMomentum,
    /// Our share of wallet rising or falling.
    ShareTrend,
    /// The tone of recent interactions, as the people who logged them saw it.
    Tone,
    /// The strongest competitor threat in the account.
    CompetitorThreat,
}

impl Component {
    pub const ALL: [Component; 9] = [
        Component::ContactRecency,
        Component::PlanningCadence,
        Component::Stakeholders,
        Component::YearlyReview,
        Component::PlanFreshness,
        Component::OpportunityMomentum,
        Component::ShareTrend,
        Component::Tone,
        Component::CompetitorThreat,
    ];

    /// The name used in commands and storage.
    pub fn code(self) -> &'static str {
        match self {
            Component::ContactRecency => "recency",
            Component::PlanningCadence => "planning",
            Component::Stakeholders => "stakeholders",
            Component::YearlyReview => "review",
            Component::PlanFreshness => "plan",
            Component::OpportunityMomentum => "momentum",
            Component::ShareTrend => "share",
            Component::Tone => "tone",
            Component::CompetitorThreat => "competitors",
        }
    }

    pub fn from_code(code: &str) -> Option<Component> {
        Component::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The default weight, out of 100 for all components together.
    pub fn default_weight(self) -> u32 {
        match self {
            Component::ContactRecency => 15,
            Component::PlanningCadence => 15,
            Component::Stakeholders => 15,
            Component::YearlyReview => 5,
            Component::PlanFreshness => 10,
            Component::OpportunityMomentum => 10,
            Component::ShareTrend => 10,
            Component::Tone => 10,
            Component::CompetitorThreat => 10,
        }
    }
}

/// Below this score an account is at risk.
pub const AT_RISK: u32 = 60;
/// From this score up an account is healthy; between [`AT_RISK`] and this, it is watched.
pub const HEALTHY: u32 = 75;
/// This many interactions logged as negative within [`NEGATIVE_DAYS`] is a pattern.
pub const NEGATIVE_PATTERN: i64 = 3;
pub const NEGATIVE_DAYS: i64 = 30;
/// No contact for this many planning cadences is silence.
pub const SILENT_CADENCES: i64 = 2;

/// A condition serious enough on its own to name, and the highest score an account with it
/// can have. The card, `/health`, `/risks` and the digest name the same flags.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter, Default))]
pub enum Flag {
    /// Three or more interactions logged as negative within 30 days.
    NegativeTone { count: i64 },
    /// No contact for two planning cadences or more (`days` is `None`: never).
    Silent { days: Option<i64>, cadence: i64 },
    /// The yearly review's day has passed without it.
    ReviewOverdue { days: i64 },
    /// Our share above the account's ceiling: the customer depends on us more than it wants to.
    OverCeiling { share_bp: i64, ceiling_bp: i64 },
    /// A competitor holds more of the customer's spend than we do.
    CompetitorAhead { name: String, share_bp: i64, ours_bp: i64 },
    /// Reached through one person or none in 90 days.
    #[cfg_attr(any(test, feature = "review"), default)]
    SingleThreaded,
    /// More suppliers than the customer keeps: one of them will be cut.
    TooManySuppliers { count: i64, kept: i64 },
    /// We are the only supplier recorded: the customer will look for a second.
    SoleSupplier,
    /// Commitments to the customer past their day and still open: promises not kept.
    LateCommitments { count: i64 },
}

impl Flag {
    /// The highest score an account with this flag can have; `None` for flags that only inform.
    pub fn cap(&self) -> Option<u32> {
        match self {
            Flag::NegativeTone { .. } => Some(45),
            Flag::Silent { .. } => Some(50),
            Flag::ReviewOverdue { .. } | Flag::OverCeiling { .. } => Some(55),
            Flag::LateCommitments { .. } => Some(65),
            Flag::CompetitorAhead { .. } => Some(70),
            Flag::SingleThreaded | Flag::TooManySuppliers { .. } => Some(74),
            Flag::SoleSupplier => None,
        }
    }
}

/// What the flags are read from, beside the components' inputs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Signals {
    /// Our share of the customer's spend, and the account's ceiling.
    pub share_bp: Option<i64>,
    pub ceiling_bp: i64,
    /// Interactions logged as negative within [`NEGATIVE_DAYS`].
    pub recent_negatives: i64,
    /// The competitor with the largest share, and that share.
    pub leading_competitor: Option<(String, i64)>,
    pub single_threaded: bool,
    /// Suppliers recorded (us included), and how many the customer keeps.
    pub suppliers: i64,
    pub suppliers_kept: i64,
    /// Open commitments past their due day.
    pub late_commitments: i64,
}

/// The flags raised, the most serious (lowest cap) first.
pub fn flags(i: &HealthInputs, s: &Signals) -> Vec<Flag> {
    let mut out = Vec::new();
    if s.recent_negatives >= NEGATIVE_PATTERN {
        out.push(Flag::NegativeTone { count: s.recent_negatives });
    }
    let cadence = i.cadence_days.max(1);
    match i.days_since_contact {
        None => out.push(Flag::Silent { days: None, cadence }),
        Some(days) if days >= SILENT_CADENCES * cadence => out.push(Flag::Silent { days: Some(days), cadence }),
        Some(_) => {}
    }
    if let Some(days) = i.review_overdue_days.filter(|d| *d > 0) {
        out.push(Flag::ReviewOverdue { days });
    }
    if let Some(share) = s.share_bp.filter(|share| *share > s.ceiling_bp) {
        out.push(Flag::OverCeiling { share_bp: share, ceiling_bp: s.ceiling_bp });
    }
    if let (Some((name, theirs)), Some(ours)) = (&s.leading_competitor, s.share_bp)
        && *theirs > ours
    {
        out.push(Flag::CompetitorAhead { name: name.clone(), share_bp: *theirs, ours_bp: ours });
    }
    if s.late_commitments > 0 {
        out.push(Flag::LateCommitments { count: s.late_commitments });
    }
    if s.single_threaded {
        out.push(Flag::SingleThreaded);
    }
    if s.suppliers > s.suppliers_kept {
        out.push(Flag::TooManySuppliers { count: s.suppliers, kept: s.suppliers_kept });
    } else if s.suppliers < 2 {
        out.push(Flag::SoleSupplier);
    }
    out.sort_by_key(|f| f.cap().unwrap_or(u32::MAX));
    out
}

/// The weighted score held under the lowest cap of the flags raised.
pub fn capped(weighted: u32, flags: &[Flag]) -> u32 {
    flags.iter().filter_map(Flag::cap).fold(weighted, u32::min)
}

/// What the score is computed from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HealthInputs {
    pub cadence_days: i64,
    pub days_since_contact: Option<i64>,
    /// Positive when the planning meeting is overdue.
    pub planning_overdue_days: i64,
    pub contacts_reached: i64,
    pub departments_reached: i64,
    pub decision_maker_reached: bool,
    /// `None` without a review date; positive when the review is overdue.
    pub review_overdue_days: Option<i64>,
    /// Days since this year's plan was last changed; `None` without a plan for this year.
    pub plan_age_days: Option<i64>,
    /// Opportunities open now, and won in the last year.
    pub open_opportunities: i64,
    pub won_last_year: i64,
    /// Change of our share between the last two periods, in basis points.
    pub share_change_bp: Option<i64>,
    /// Tones of recent interactions: -1 negative, 0 neutral, 1 positive.
    pub tones: Vec<i64>,
    /// The strongest threat: 0 none, 1 low, 2 medium, 3 high.
    pub max_threat: u8,
}

/// One component's value, 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub component: Component,
    pub value: u32,
    pub weight: u32,
}

fn clamp(v: f64) -> u32 {
    v.round().clamp(0.0, 100.0) as u32
}

/// The value of each component that has data (0 to 100).
pub fn component(c: Component, i: &HealthInputs) -> Option<u32> {
    let cadence = i.cadence_days.max(1) as f64;
    Some(match c {
        Component::ContactRecency => match i.days_since_contact {
            None => 0,
            Some(days) => {
                let r = days.max(0) as f64 / cadence;
                clamp(if r <= 0.5 {
                    100.0
                } else if r <= 1.0 {
                    100.0 - (r - 0.5) * 80.0
                } else {
                    60.0 - (r - 1.0) * 60.0
                })
            }
        },
        Component::PlanningCadence => clamp(100.0 - i.planning_overdue_days.max(0) as f64 / cadence * 100.0),
        Component::Stakeholders => {
            let people = i.contacts_reached.clamp(0, 5) as f64 / 5.0 * 60.0;
            let departments = i.departments_reached.clamp(0, 3) as f64 / 3.0 * 25.0;
            clamp(people + departments + if i.decision_maker_reached { 15.0 } else { 0.0 })
        }
        Component::YearlyReview => match i.review_overdue_days {
            None => 50,
            Some(days) if days <= 0 => 100,
            Some(days) => clamp(100.0 - days as f64 * 2.0),
        },
        Component::PlanFreshness => match i.plan_age_days {
            None => 0,
            Some(days) if days <= 90 => 100,
            // Fading from 100 at 90 days to 0 at a year.
            Some(days) => clamp(100.0 - (days - 90) as f64 / 275.0 * 100.0),
        },
        Component::OpportunityMomentum => {
            clamp(40.0 * i.open_opportunities.clamp(0, 2) as f64 + if i.won_last_year > 0 { 20.0 } else { 0.0 })
        }
        Component::ShareTrend => {
            let change = i.share_change_bp? as f64;
            // -5 points or worse: 0; +2 points or better: 100; linear between.
            clamp((change + 500.0) / 700.0 * 100.0)
        }
        Component::Tone => {
            if i.tones.is_empty() {
                return None;
            }
            let mean = i.tones.iter().sum::<i64>() as f64 / i.tones.len() as f64;
            clamp((mean + 1.0) * 50.0)
        }
        Component::CompetitorThreat => match i.max_threat {
            0 => 100,
            1 => 80,
            2 => 55,
            _ => 25,
        },
    })
}

/// The score and its parts, with `weights` (one per component, in [`Component::ALL`] order).
pub fn score(i: &HealthInputs, weights: &[u32; 9]) -> (u32, Vec<Part>) {
    let parts: Vec<Part> = Component::ALL
        .iter()
        .zip(weights)
        .filter_map(|(c, w)| component(*c, i).map(|value| Part { component: *c, value, weight: *w }))
        .collect();
    let total_weight: u32 = parts.iter().map(|p| p.weight).sum();
    if total_weight == 0 {
        return (0, parts);
    }
    let weighted: u32 = parts.iter().map(|p| p.value * p.weight).sum();
    let score = (f64::from(weighted) / f64::from(total_weight)).round() as u32;
    (score, parts)
}

pub fn default_weights() -> [u32; 9] {
    Component::ALL.map(Component::default_weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn healthy() -> HealthInputs {
        HealthInputs {
            cadence_days: 30,
            days_since_contact: Some(3),
            planning_overdue_days: -12,
            contacts_reached: 4,
            departments_reached: 3,
            decision_maker_reached: true,
            review_overdue_days: Some(-24),
            plan_age_days: Some(10),
            open_opportunities: 2,
            won_last_year: 0,
            share_change_bp: Some(190),
            tones: vec![1, 1, 0],
            max_threat: 3,
        }
    }

    #[test]
    fn contact_recency_against_the_cadence() {
        let at = |days| {
            component(
                Component::ContactRecency,
                &HealthInputs { cadence_days: 30, days_since_contact: days, ..Default::default() },
            )
        };
        assert_eq!(at(None), Some(0), "never contacted");
        assert_eq!(at(Some(0)), Some(100));
        assert_eq!(at(Some(15)), Some(100), "half the cadence");
        assert_eq!(at(Some(30)), Some(60), "a full cadence: 100 - 0.5 × 80");
        assert_eq!(at(Some(45)), Some(30), "1.5 cadences: 60 - 0.5 × 60");
        assert_eq!(at(Some(60)), Some(0));
        assert_eq!(at(Some(400)), Some(0));
    }

    #[test]
    fn planning_review_stakeholders_share_tone_threat() {
        let i = |f: fn(&mut HealthInputs)| {
            let mut i = HealthInputs { cadence_days: 30, ..Default::default() };
            f(&mut i);
            i
        };
        assert_eq!(component(Component::PlanningCadence, &i(|i| i.planning_overdue_days = -5)), Some(100));
        assert_eq!(component(Component::PlanningCadence, &i(|i| i.planning_overdue_days = 15)), Some(50));
        assert_eq!(component(Component::PlanningCadence, &i(|i| i.planning_overdue_days = 45)), Some(0));
        // 4 of 5 people (48) + 3 of 3 departments (25) + a decision maker (15) = 88.
        let s = i(|i| {
            i.contacts_reached = 4;
            i.departments_reached = 3;
            i.decision_maker_reached = true;
        });
        assert_eq!(component(Component::Stakeholders, &s), Some(88));
        assert_eq!(component(Component::Stakeholders, &i(|_| {})), Some(0), "no contacts");
        assert_eq!(component(Component::YearlyReview, &i(|i| i.review_overdue_days = None)), Some(50));
        assert_eq!(component(Component::YearlyReview, &i(|i| i.review_overdue_days = Some(9))), Some(82));
        assert_eq!(component(Component::ShareTrend, &i(|_| {})), None, "no history: left out");
        assert_eq!(component(Component::ShareTrend, &i(|i| i.share_change_bp = Some(-500))), Some(0));
        assert_eq!(component(Component::ShareTrend, &i(|i| i.share_change_bp = Some(200))), Some(100));
        assert_eq!(component(Component::ShareTrend, &i(|i| i.share_change_bp = Some(0))), Some(71));
        assert_eq!(component(Component::Tone, &i(|_| {})), None, "no tone given: left out");
        assert_eq!(component(Component::Tone, &i(|i| i.tones = vec![1, 0, -1, 1])), Some(63));
        assert_eq!(component(Component::CompetitorThreat, &i(|i| i.max_threat = 3)), Some(25));
        assert_eq!(component(Component::CompetitorThreat, &i(|_| {})), Some(100));
        assert_eq!(component(Component::PlanFreshness, &i(|_| {})), Some(0), "no plan this year");
        assert_eq!(component(Component::PlanFreshness, &i(|i| i.plan_age_days = Some(90))), Some(100));
        assert_eq!(
            component(Component::PlanFreshness, &i(|i| i.plan_age_days = Some(227))),
            Some(50),
            "(227-90)/275 ≈ half"
        );
        assert_eq!(component(Component::PlanFreshness, &i(|i| i.plan_age_days = Some(400))), Some(0));
        assert_eq!(component(Component::OpportunityMomentum, &i(|_| {})), Some(0), "nothing in progress");
        assert_eq!(component(Component::OpportunityMomentum, &i(|i| i.open_opportunities = 1)), Some(40));
        let busy = i(|i| {
            i.open_opportunities = 5;
            i.won_last_year = 1;
        });
        assert_eq!(component(Component::OpportunityMomentum, &busy), Some(100));
    }

    /// A healthy key account: contacted lately, planning on time, four people reached with a
    /// decision maker, the review ahead, a fresh plan, deals in progress, share rising, a low threat.
    fn reference() -> (HealthInputs, Signals) {
        let inputs = HealthInputs { max_threat: 1, ..healthy() };
        let signals = Signals {
            share_bp: Some(2500),
            ceiling_bp: 7000,
            recent_negatives: 0,
            leading_competitor: Some(("Metso".into(), 1500)),
            single_threaded: false,
            suppliers: 3,
            suppliers_kept: 3,
            late_commitments: 0,
        };
        (inputs, signals)
    }

    fn assess(inputs: &HealthInputs, signals: &Signals) -> u32 {
        capped(score(inputs, &default_weights()).0, &flags(inputs, signals))
    }

    /// The scenarios the README lists, each in the band a key-account manager would put it in:
    /// healthy 75-100, watch 60-74, at risk under 60.
    #[test]
    fn the_calibration_scenarios_land_in_their_bands() {
        type Scenario = (&'static str, fn(&mut HealthInputs, &mut Signals), std::ops::RangeInclusive<u32>);
        let scenarios: [Scenario; 9] = [
            ("a healthy reference account", |_, _| {}, 80..=100),
            ("its share above its ceiling", |_, s| s.share_bp = Some(7400), 40..=59),
            ("its yearly review overdue by 10 days", |i, _| i.review_overdue_days = Some(10), 40..=59),
            (
                "three negative conversations in a month",
                |i, s| {
                    s.recent_negatives = 3;
                    i.tones = vec![-1, -1, -1, 1, 1];
                },
                30..=59,
            ),
            ("no contact for twice the cadence", |i, _| i.days_since_contact = Some(60), 30..=59),
            (
                "a competitor holding more than we do",
                |i, s| {
                    s.leading_competitor = Some(("Metso".into(), 4500));
                    i.max_threat = 3;
                },
                60..=74,
            ),
            (
                "single-threaded",
                |i, s| {
                    s.single_threaded = true;
                    i.contacts_reached = 1;
                    i.decision_maker_reached = false;
                },
                60..=74,
            ),
            ("more suppliers than the customer keeps", |_, s| s.suppliers = 5, 60..=74),
            ("the only supplier recorded", |_, s| s.suppliers = 1, 80..=100),
        ];
        for (name, change, band) in scenarios {
            let (mut inputs, mut signals) = reference();
            change(&mut inputs, &mut signals);
            let got = assess(&inputs, &signals);
            assert!(band.contains(&got), "{name}: {got}, expected {band:?}");
        }
        // Each serious condition is enough on its own, whatever the rest: even a perfect account.
        let perfect = HealthInputs {
            review_overdue_days: Some(-100),
            won_last_year: 1,
            tones: vec![1; 5],
            max_threat: 0,
            contacts_reached: 5,
            share_change_bp: Some(300),
            ..healthy()
        };
        assert_eq!(score(&perfect, &default_weights()).0, 100);
        let over = Signals { share_bp: Some(7100), ..reference().1 };
        assert!(assess(&perfect, &over) < AT_RISK);
        let bad_calls = Signals { recent_negatives: 3, ..reference().1 };
        assert!(assess(&perfect, &bad_calls) < AT_RISK);
        assert!(assess(&HealthInputs { review_overdue_days: Some(1), ..perfect.clone() }, &reference().1) < AT_RISK);
        assert!(assess(&perfect, &Signals { recent_negatives: 2, ..reference().1 }) >= HEALTHY, "two is not a pattern");
    }

    #[test]
    fn flags_come_most_serious_first() {
        let (mut inputs, mut signals) = reference();
        inputs.review_overdue_days = Some(3);
        signals.recent_negatives = 4;
        signals.suppliers = 1;
        assert_eq!(
            flags(&inputs, &signals),
            [Flag::NegativeTone { count: 4 }, Flag::ReviewOverdue { days: 3 }, Flag::SoleSupplier]
        );
        assert_eq!(capped(90, &flags(&inputs, &signals)), 45);
        assert_eq!(capped(30, &flags(&inputs, &signals)), 30, "a cap never raises a score");
    }

    #[test]
    fn component_codes_round_trip() {
        for c in Component::ALL {
            assert_eq!(Component::from_code(c.code()), Some(c));
        }
        assert_eq!(default_weights().iter().sum::<u32>(), 100);
    }

    #[test]
    fn the_total_weighs_the_components_present() {
        // recency 100×15 + planning 100×15 + stakeholders 88×15 + review 100×5 + plan 100×10
        // + momentum 80×10 + share (190 bp → 98.6 → 99)×10 + tone (mean 0.67 → 83)×10 + threat 25×10
        // = 1500 + 1500 + 1320 + 500 + 1000 + 800 + 990 + 830 + 250 = 8690 over 100 → 87.
        let (total, parts) = score(&healthy(), &default_weights());
        assert_eq!(parts.len(), 9);
        assert_eq!(total, 87);
        // Without share history or tones, the other seven weigh 80:
        // (1500 + 1500 + 1320 + 500 + 1000 + 800 + 250) / 80 = 86.1 → 86.
        let mut thin = healthy();
        thin.share_change_bp = None;
        thin.tones.clear();
        let (total, parts) = score(&thin, &default_weights());
        assert_eq!(parts.len(), 7);
        assert_eq!(total, 86);
        assert_eq!(score(&HealthInputs::default(), &[0; 9]).0, 0, "no weight at all");
    }
}
