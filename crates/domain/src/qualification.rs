//! Account qualification: how attractive an account is against how strong we are there, and the
//! tier that suggests.

use crate::account::Tier;

/// Scores from 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Qualification {
    pub potential: i64,
    pub leadership: i64,
    pub profitability: i64,
    pub fit: i64,
    /// Our strength in the account.
    pub strength: i64,
}

impl Qualification {
    /// Attractiveness, in tenths (10 to 50): purchase potential counts double, then technological
    /// leadership, profitability and strategic fit once each, over five.
    pub fn attractiveness_tenths(&self) -> i64 {
        let sum = 2 * self.potential + self.leadership + self.profitability + self.fit;
        (sum * 10 + 2) / 5 // rounded to the nearest tenth
    }

    /// Tier 1 for an attractive account where we are strong enough to win (attractiveness 4.0+
    /// and strength 3+); tier 2 for an attractive one where we are weak, or a fairly attractive
    /// one (3.0+); tier 3 otherwise.
    pub fn suggested_tier(&self) -> Tier {
        let a = self.attractiveness_tenths();
        match (a, self.strength) {
            (40.., 3..) => Tier::Strategic,
            (30.., _) => Tier::Key,
            _ => Tier::Maintain,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(potential: i64, leadership: i64, profitability: i64, fit: i64, strength: i64) -> Qualification {
        Qualification { potential, leadership, profitability, fit, strength }
    }

    #[test]
    fn attractiveness_weighs_potential_double() {
        // (2×5 + 4 + 3 + 4) / 5 = 4.2
        assert_eq!(q(5, 4, 3, 4, 3).attractiveness_tenths(), 42);
        // (2×1 + 1 + 1 + 1) / 5 = 1.0, the floor; (2×5 + 5 + 5 + 5) / 5 = 5.0, the ceiling.
        assert_eq!(q(1, 1, 1, 1, 1).attractiveness_tenths(), 10);
        assert_eq!(q(5, 5, 5, 5, 5).attractiveness_tenths(), 50);
        // (2×3 + 2 + 4 + 3) / 5 = 3.0
        assert_eq!(q(3, 2, 4, 3, 1).attractiveness_tenths(), 30);
        // (2×2 + 3 + 3 + 3) / 5 = 2.6
        assert_eq!(q(2, 3, 3, 3, 5).attractiveness_tenths(), 26);
    }

    #[test]
    fn tiers_follow_attractiveness_and_strength() {
        assert_eq!(q(5, 4, 3, 4, 3).suggested_tier(), Tier::Strategic);
        assert_eq!(q(5, 4, 3, 4, 2).suggested_tier(), Tier::Key, "attractive but we are weak");
        assert_eq!(q(3, 2, 4, 3, 5).suggested_tier(), Tier::Key, "exactly 3.0");
        assert_eq!(q(2, 3, 3, 3, 5).suggested_tier(), Tier::Maintain, "2.6 however strong we are");
        assert_eq!(q(4, 4, 4, 4, 3).suggested_tier(), Tier::Strategic, "exactly 4.0 and 3");
    }
}
