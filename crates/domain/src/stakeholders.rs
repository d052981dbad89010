//! The stakeholder map: where each contact stands, and whether the account depends on too few
//! people (single-threaded) or lacks the technical counterpart its reason for being key demands.

/// Where a contact stands towards us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stance {
    Champion,
    Supporter,
    Neutral,
    Detractor,
}

impl Stance {
    pub const ALL: [Stance; 4] = [Stance::Champion, Stance::Supporter, Stance::Neutral, Stance::Detractor];

    pub fn code(self) -> &'static str {
        match self {
            Stance::Champion => "champion",
            Stance::Supporter => "supporter",
            Stance::Neutral => "neutral",
            Stance::Detractor => "detractor",
        }
    }

    pub fn from_code(code: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The roles a contact plays in the buying decision.
pub const DECISION_ROLES: [&str; 5] = ["decision_maker", "influencer", "champion", "user", "gatekeeper"];

/// Fewer contacts reached in the last 90 days than this makes an account single-threaded.
pub const MIN_REACHED: i64 = 3;

/// Why an account's coverage is thin, if it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// Fewer than three contacts reached in the last 90 days, or no decision maker reached.
    pub single_threaded: bool,
    /// Kept for its technological leadership, yet no technical manager of ours is assigned.
    pub missing_technical_manager: bool,
}

impl Coverage {
    pub fn assess(
        reached: i64,
        decision_maker_reached: bool,
        tech_leadership: bool,
        has_technical_manager: bool,
    ) -> Coverage {
        Coverage {
            single_threaded: reached < MIN_REACHED || !decision_maker_reached,
            missing_technical_manager: tech_leadership && !has_technical_manager,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_rules() {
        assert_eq!(
            Coverage::assess(3, true, false, false),
            Coverage { single_threaded: false, missing_technical_manager: false }
        );
        assert!(Coverage::assess(2, true, false, false).single_threaded, "two contacts reached");
        assert!(Coverage::assess(5, false, false, false).single_threaded, "no decision maker reached");
        assert!(Coverage::assess(0, false, false, false).single_threaded, "no contacts at all");
        assert!(Coverage::assess(4, true, true, false).missing_technical_manager);
        assert!(!Coverage::assess(4, true, true, true).missing_technical_manager);
    }

    #[test]
    fn stances_round_trip() {
        for s in Stance::ALL {
            assert_eq!(Stance::from_code(s.code()), Some(s));
        }
        assert_eq!(Stance::from_code("fan"), None);
    }
}
