//! Opportunities: the stages of a sale, conversion rates, and the open pipeline set against the
//! headroom under the share ceiling.

use crate::money::{BasisPoints, apply_bp, ratio_bp};

/// The stages of an opportunity; won and lost are final. Stored and serialised as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type, serde::Serialize, serde::Deserialize)]
#[sqlx(rename_all = "lowercase", type_name = "text")]
#[serde(rename_all = "lowercase")]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter, Default))]
pub enum Stage {
    #[cfg_attr(any(test, feature = "review"), default)]
    Identified,
    Qualified,
    Proposal,
    Negotiation,
    Won,
    Lost,
}

impl Stage {
    pub const ALL: [Stage; 6] =
        [Stage::Identified, Stage::Qualified, Stage::Proposal, Stage::Negotiation, Stage::Won, Stage::Lost];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Identified => "identified",
            Stage::Qualified => "qualified",
            Stage::Proposal => "proposal",
            Stage::Negotiation => "negotiation",
            Stage::Won => "won",
            Stage::Lost => "lost",
        }
    }

    pub fn from_code(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The stage a person typed, in English or Portuguese (`negociação`, `ganha`).
    pub fn read(typed: &str) -> Option<Stage> {
        crate::vocabulary::STAGES.read(typed).and_then(|w| Stage::from_code(w.code))
    }

    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Won | Stage::Lost)
    }
}

/// Won over closed (won and lost), in basis points; `None` with nothing closed yet.
pub fn conversion_bp(won: i64, lost: i64) -> Option<BasisPoints> {
    ratio_bp(won, won + lost)
}

/// The revenue above the share ceiling we would reach if we won the whole open pipeline
/// (zero when it fits under the ceiling).
pub fn pipeline_over_ceiling(
    revenue_minor: i64,
    wallet_minor: i64,
    ceiling_bp: BasisPoints,
    pipeline_minor: i64,
) -> i64 {
    (revenue_minor + pipeline_minor - apply_bp(wallet_minor, ceiling_bp)).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_rates() {
        assert_eq!(conversion_bp(3, 1), Some(7500));
        assert_eq!(conversion_bp(0, 4), Some(0));
        assert_eq!(conversion_bp(2, 0), Some(10_000));
        assert_eq!(conversion_bp(0, 0), None, "nothing closed yet");
        assert_eq!(conversion_bp(1, 2), Some(3333));
    }

    #[test]
    fn pipeline_against_the_ceiling() {
        // Wallet R$ 100 M, ceiling 70 %: R$ 70 M. Revenue R$ 50 M + pipeline R$ 15 M fits.
        assert_eq!(pipeline_over_ceiling(50_000_000_00, 100_000_000_00, 7000, 15_000_000_00), 0);
        // R$ 50 M + R$ 30 M passes it by R$ 10 M.
        assert_eq!(pipeline_over_ceiling(50_000_000_00, 100_000_000_00, 7000, 30_000_000_00), 10_000_000_00);
        // Already above the ceiling, any pipeline passes it.
        assert_eq!(pipeline_over_ceiling(80_000_000_00, 100_000_000_00, 7000, 0), 10_000_000_00);
        // Unknown wallet (zero): all of it is over.
        assert_eq!(pipeline_over_ceiling(0, 0, 7000, 5_00), 5_00);
    }

    #[test]
    fn stages() {
        for s in Stage::ALL {
            assert_eq!(Stage::from_code(s.code()), Some(s));
        }
        assert!(Stage::Won.is_closed() && Stage::Lost.is_closed() && !Stage::Proposal.is_closed());
    }
}
