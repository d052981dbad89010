//! The re-tiering list: the qualified accounts whose suggested tier is not their tier. One
//! definition, which `/qualify` shows on demand and the yearly job sends each manager.

use crate::domain::qualification::Qualification;
use crate::i18n::Translate;
use crate::i18n::{Locale, Msg, PlanMsg};
use crate::store::QualificationRow;

/// The qualification a stored row holds.
pub fn qualification(row: &QualificationRow) -> Qualification {
    Qualification {
        potential: row.potential,
        leadership: row.leadership,
        profitability: row.profitability,
        fit: row.fit,
        strength: row.strength,
    }
}

/// One line for each of these accounts whose suggested tier differs from its tier, in order.
pub fn lines<'a>(rows: impl IntoIterator<Item = &'a QualificationRow>, locale: Locale) -> Vec<String> {
    rows.into_iter()
        .filter_map(|row| {
            let suggested = qualification(row).suggested_tier();
            (suggested != row.tier).then(|| {
                locale.t(Msg::Plan(PlanMsg::RetierLine {
                    account: row.account_name.clone(),
                    from: row.tier.number(),
                    to: suggested.number(),
                }))
            })
        })
        .collect()
}
