//! Calendar dates typed by people: ISO (`2026-12-10`), Brazilian (`10/12/2026`) and relative words.

use chrono::{Days, NaiveDate, NaiveTime};

/// Why a typed date was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not in any accepted form.
    Malformed,
    /// In an accepted form, but no such day (`2026-02-30`).
    NoSuchDay,
    /// A real day, but outside the years anything of ours can happen in (2000 to 2100).
    OutOfRange,
}

/// The years a date of ours may fall in: anything else is a slip (`0000-01-01`, `9999-12-31`).
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Refuses a day outside [`YEARS`].
fn in_range(day: NaiveDate) -> Result<NaiveDate, DateError> {
    if YEARS.contains(&chrono::Datelike::year(&day)) { Ok(day) } else { Err(DateError::OutOfRange) }
}

/// Parses a date in ISO form (`2026-12-10`), Brazilian form (`10/12/2026`, day first), or one of the
/// words today / yesterday / tomorrow (also `hoje`, `ontem`, `amanhã`), relative to `today`.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    parse_any_date(input, today).and_then(in_range)
}

fn parse_any_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
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

/// Parses a time of day: `14:00`, `9:05`, `14h`, `14h30`.
pub fn parse_time(input: &str) -> Option<NaiveTime> {
    let t = input.trim().to_ascii_lowercase();
    let (h, m) = match (t.split_once(':'), t.split_once('h')) {
        (Some((h, m)), _) => (h, m),
        (None, Some((h, m))) => (h, if m.is_empty() { "0" } else { m }),
        _ => return None,
    };
    let digits = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h, 2) || !digits(m, 2) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Parses a day with an optional time: `2026-12-10 14:00`, `2026-12-10T14:00`, `10/12/2026 14h30`,
/// `tomorrow 9:00`, or a day alone.
pub fn parse_date_time(input: &str, today: NaiveDate) -> Result<(NaiveDate, Option<NaiveTime>), DateError> {
    let input = input.trim();
    let (day, time) = match input.split_once('T').filter(|(d, _)| d.len() == 10) {
        Some((d, t)) => (d, Some(t)),
        None => match input.rsplit_once(char::is_whitespace) {
            Some((d, t)) if parse_time(t).is_some() => (d, Some(t)),
            _ => (input, None),
        },
    };
    let date = parse_date(day, today)?;
    match time {
        None => Ok((date, None)),
        Some(t) => parse_time(t).map(|t| (date, Some(t))).ok_or(DateError::Malformed),
    }
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
    fn days_with_times() {
        let today = d(2026, 11, 27);
        let t = |h, m| Some(NaiveTime::from_hms_opt(h, m, 0).unwrap());
        for (input, expected) in [
            ("2026-12-10 14:00", (d(2026, 12, 10), t(14, 0))),
            ("2026-12-10T09:30", (d(2026, 12, 10), t(9, 30))),
            ("10/12/2026 14h30", (d(2026, 12, 10), t(14, 30))),
            ("amanhã 9h", (d(2026, 11, 28), t(9, 0))),
            ("2026-12-10", (d(2026, 12, 10), None)),
        ] {
            assert_eq!(parse_date_time(input, today), Ok(expected), "{input}");
        }
        for bad in ["2026-12-10 25:00", "2026-12-10 14:60", "2026-12-10 noon", "14:00"] {
            assert!(parse_date_time(bad, today).is_err(), "{bad}");
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
