//! Calendar dates typed by people: ISO (`2026-12-10`), Brazilian (`10/12/2026`) and relative words.

use chrono::{Days, NaiveDate};

/// Why a typed date was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not in any accepted form.
    Malformed,
    /// In an accepted form, but no such day (`2026-02-30`).
    NoSuchDay,
}

/// Parses a date in ISO form (`2026-12-10`), Brazilian form (`10/12/2026`, day first), or one of the
/// words today / yesterday / tomorrow (also `hoje`, `ontem`, `amanhã`), relative to `today`.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let input = input.trim();
    match crate::domain::text::fold(input).as_str() {
        "today" | "hoje" => return Ok(today),
        "yesterday" | "ontem" => return today.checked_sub_days(Days::new(1)).ok_or(DateError::NoSuchDay),
        "tomorrow" | "amanha" => return today.checked_add_days(Days::new(1)).ok_or(DateError::NoSuchDay),
        _ => {}
    }
    let (year, month, day) = if let Some(parts) = split3(input, '-') {
        let (y, m, d) = parts;
        if y.len() != 4 {
            return Err(DateError::Malformed);
        }
        (y, m, d)
    } else if let Some((d, m, y)) = split3(input, '/') {
        if y.len() != 4 {
            return Err(DateError::Malformed);
        }
        (y, m, d)
    } else {
        return Err(DateError::Malformed);
    };
    let number = |s: &str, max_len: usize| -> Result<u32, DateError> {
        if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::Malformed);
        }
        s.parse().map_err(|_| DateError::Malformed)
    };
    let year = number(year, 4)? as i32;
    let month = number(month, 2)?;
    let day = number(day, 2)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDay)
}

fn split3(input: &str, separator: char) -> Option<(&str, &str, &str)> {
    let mut parts = input.split(separator);
    let triple = (parts.next()?, parts.next()?, parts.next()?);
    parts.next().is_none().then_some(triple)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn accepted_forms() {
        let today = d(2026, 11, 27);
        for (input, expected) in [
            ("2026-12-10", d(2026, 12, 10)),
            ("10/12/2026", d(2026, 12, 10)),
            ("1/2/2027", d(2027, 2, 1)),
            (" 2026-1-5 ", d(2026, 1, 5)),
            ("today", today),
            ("Hoje", today),
            ("yesterday", d(2026, 11, 26)),
            ("ontem", d(2026, 11, 26)),
            ("tomorrow", d(2026, 11, 28)),
            ("amanhã", d(2026, 11, 28)),
            ("29/02/2028", d(2028, 2, 29)),
        ] {
            assert_eq!(parse_date(input, today), Ok(expected), "{input}");
        }
    }

    #[test]
    fn refused_forms() {
        let today = d(2026, 11, 27);
        for (input, expected) in [
            ("2026-02-30", DateError::NoSuchDay),
            ("31/04/2026", DateError::NoSuchDay),
            ("29/02/2027", DateError::NoSuchDay),
            ("2026-13-01", DateError::NoSuchDay),
            ("10/12/26", DateError::Malformed),
            ("26-12-10", DateError::Malformed),
            ("2026/12/10", DateError::Malformed),
            ("next week", DateError::Malformed),
            ("", DateError::Malformed),
            ("2026-12-10-1", DateError::Malformed),
            ("+2026-12-10", DateError::Malformed),
            ("2026-+1-10", DateError::Malformed),
            ("99999999999/1/2026", DateError::Malformed),
        ] {
            assert_eq!(parse_date(input, today), Err(expected), "{input}");
        }
    }
}
