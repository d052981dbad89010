//! Cell values as offices write them: `R$ 1.234.567,89`, `18%`, `18,5 %`, `0.18` (a percentage
//! cell of a workbook), `10/12/2026`, `2026-12-10`, and the words of each list in both languages.

use chrono::{Datelike, NaiveDate};

use crate::domain::account::{AccountStatus, Role};
use crate::domain::money::{BasisPoints, parse_amount, parse_percent};
use crate::domain::vocabulary;

/// An amount in minor units.
pub fn money(text: &str) -> Option<i64> {
    parse_amount(text)
}

/// A percentage as basis points. A bare number between 0 and 1 (`0.18`, as a workbook stores a
/// cell formatted as 18 %) is a fraction; anything else is percent.
pub fn percent(text: &str) -> Option<BasisPoints> {
    let trimmed = text.trim();
    if !trimmed.contains('%')
        && let Ok(fraction) = trimmed.replace(',', ".").parse::<f64>()
        && fraction > 0.0
        && fraction < 1.0
    {
        return Some((fraction * 10_000.0).round() as i64);
    }
    parse_percent(trimmed)
}

/// A calendar date: `dd/mm/yyyy`, ISO, or a workbook's `2026-12-10 00:00:00`.
pub fn date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let day = text.split([' ', 'T']).next().unwrap_or(text);
    // Relative words mean nothing in a file: only written-out dates.
    crate::domain::dates::parse_date(day, NaiveDate::MIN).ok().filter(|d| d.year() > 1900)
}

/// A tier: `1`, `T1`, `Tier 2`, `Nível 3`, or a class of the ABC curve many Brazilian teams keep
/// (`A`, `Curva B`, `Classe C`: A the strategic accounts).
pub fn tier(text: &str) -> Option<crate::domain::account::Tier> {
    use crate::domain::account::Tier;
    let folded = crate::domain::text::fold(text);
    let words: Vec<&str> = folded
        .split_whitespace()
        .filter(|w| !["curva", "classe", "class", "cliente", "categoria"].contains(w))
        .collect();
    match words.as_slice() {
        ["a"] => return Some(Tier::Strategic),
        ["b"] => return Some(Tier::Key),
        ["c"] => return Some(Tier::Maintain),
        _ => {}
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    match digits.as_str() {
        "1" => Some(Tier::Strategic),
        "2" => Some(Tier::Key),
        "3" => Some(Tier::Maintain),
        _ => None,
    }
}

/// A whole number in a range.
pub fn whole(text: &str, min: i64, max: i64) -> Option<i64> {
    text.trim().trim_end_matches(".0").parse().ok().filter(|n| (min..=max).contains(n))
}

/// A person's role: `admin`, `manager`, `rep`, or their Portuguese words.
pub fn role(text: &str) -> Option<Role> {
    Role::read(text)
}

/// A contact's role in the decision.
pub fn decision_role(text: &str) -> Option<&'static str> {
    vocabulary::DECISION_ROLES.read(text).map(|w| w.code)
}

/// Where a contact stands towards us.
pub fn stance(text: &str) -> Option<&'static str> {
    vocabulary::STANCES.read(text).map(|w| w.code)
}

/// An account's status.
pub fn status(text: &str) -> Option<AccountStatus> {
    AccountStatus::read(text)
}

/// A list cell: `Petrobras; Petróleo Brasileiro` or with `|`.
pub fn list(text: &str) -> Vec<String> {
    text.split([';', '|']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::Tier;

    #[test]
    fn office_values() {
        assert_eq!(
            (tier("A"), tier("Curva B"), tier("classe c"), tier("D")),
            (Some(Tier::Strategic), Some(Tier::Key), Some(Tier::Maintain), None)
        );
        assert_eq!(money("R$ 1.234.567,89"), Some(1_234_567_89));
        assert_eq!(money("1234567.89"), Some(1_234_567_89));
        assert_eq!(percent("18%"), Some(1800));
        assert_eq!(percent("18,5 %"), Some(1850));
        assert_eq!(percent("0.18"), Some(1800));
        assert_eq!(percent("70"), Some(7000));
        assert_eq!(percent("150"), None);
        assert_eq!(date("10/12/2026"), NaiveDate::from_ymd_opt(2026, 12, 10));
        assert_eq!(date("2026-12-10 00:00:00"), NaiveDate::from_ymd_opt(2026, 12, 10));
        assert_eq!(date("today"), None);
        assert_eq!(date("31/02/2026"), None);
        assert_eq!(
            (tier("T1"), tier("Nível 3"), tier("12"), tier("")),
            (Some(Tier::Strategic), Some(Tier::Maintain), None, None)
        );
        assert_eq!((role("Gestora"), role("vendedor"), role("boss")), (Some(Role::Manager), Some(Role::Rep), None));
        assert_eq!((stance("Apoiador"), decision_role("Decision maker")), (Some("supporter"), Some("decision_maker")));
        assert_eq!(list("Petrobras; Petróleo Brasileiro |"), ["Petrobras", "Petróleo Brasileiro"]);
    }
}
