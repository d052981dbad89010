//! Calendar dates typed by people: ISO (`2026-12-10`), Brazilian (`10/12/2026`) and relative words.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime, Weekday};

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
    if YEARS.contains(&day.year()) { Ok(day) } else { Err(DateError::OutOfRange) }
}

/// Which way an ambiguous date leans: a due date or a meeting lies ahead, an interaction behind.
/// `sexta` read towards the future is the coming Friday (today on a Friday); towards the past, the
/// last one. A day and month without a year is the next (or last) such day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    Future,
    Past,
}

/// Reads a date as people type it, in English or Portuguese, relative to `today`:
/// - written out: `2026-12-10`, `10/12/2026`, `10/12/26`, `10.12.2026`, `10/12` (no year);
/// - words: `today`, `hoje`, `amanhã`, `ontem`, `depois de amanhã`, `anteontem`;
/// - weekdays: `sexta`, `sexta-feira`, `friday`, `fri`, `next friday`, `próxima sexta`, `sexta que vem`,
///   `last friday`, `sexta passada`;
/// - spans: `in 2 weeks`, `em 2 semanas`, `daqui a 3 dias`, `3 days ago`, `há 3 dias`, `next week`,
///   `semana que vem` (its Monday), `next month` (its first day), `end of month`, `fim do mês`,
///   `end of week` (Friday), `fim do ano`.
pub fn read_date(input: &str, today: NaiveDate, lean: Lean) -> Result<NaiveDate, DateError> {
    read_any_date(input, today, lean).and_then(in_range)
}

/// [`read_date`] leaning towards the future, as most dates typed are (due dates, meetings).
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    read_date(input, today, Lean::Future)
}

fn read_any_date(input: &str, today: NaiveDate, lean: Lean) -> Result<NaiveDate, DateError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(DateError::Malformed);
    }
    if input.starts_with(|c: char| c.is_ascii_digit()) && input.contains(['-', '/', '.']) {
        return written_date(input, today, lean);
    }
    let folded = crate::domain::text::fold(input);
    let words: Vec<&str> = folded.split(' ').filter(|w| !FILLERS.contains(w)).collect();
    spoken_date(&words, today, lean).ok_or(DateError::Malformed)
}

/// Words that carry nothing about the day: `on friday`, `na sexta`, `até sexta`, `by friday`.
const FILLERS: &[&str] = &[
    "on", "the", "by", "until", "at", "na", "no", "ate", "para", "pra", "dia", "de", "do", "da", "a", "o", "as",
    "feira",
];

/// `2026-12-10`, `10/12/2026`, `10/12/26`, `10.12.2026`, or `10/12` (the year by `lean`).
fn written_date(input: &str, today: NaiveDate, lean: Lean) -> Result<NaiveDate, DateError> {
    let number = |s: &str, max_len: usize| -> Result<u32, DateError> {
        if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::Malformed);
        }
        s.parse().map_err(|_| DateError::Malformed)
    };
    if let Some((y, m, d)) = split3(input, '-') {
        if y.len() != 4 {
            return Err(DateError::Malformed);
        }
        let (year, month, day) = (number(y, 4)? as i32, number(m, 2)?, number(d, 2)?);
        return NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDay);
    }
    let separator = if input.contains('/') { '/' } else { '.' };
    if let Some((d, m, y)) = split3(input, separator) {
        let year = match y.len() {
            4 => number(y, 4)? as i32,
            2 => 2000 + number(y, 2)? as i32,
            _ => return Err(DateError::Malformed),
        };
        return NaiveDate::from_ymd_opt(year, number(m, 2)?, number(d, 2)?).ok_or(DateError::NoSuchDay);
    }
    let (d, m) = input.split_once(separator).ok_or(DateError::Malformed)?;
    let (day, month) = (number(d, 2)?, number(m, 2)?);
    // A real day in some year (29/02 is one): else it is no such day.
    NaiveDate::from_ymd_opt(2000, month, day).ok_or(DateError::NoSuchDay)?;
    let year = chrono::Datelike::year(&today);
    let candidates = match lean {
        Lean::Future => [year, year + 1, year + 2, year + 3, year + 4],
        Lean::Past => [year, year - 1, year - 2, year - 3, year - 4],
    };
    candidates
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|date| match lean {
            Lean::Future => *date >= today,
            Lean::Past => *date <= today,
        })
        .ok_or(DateError::NoSuchDay)
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" | "mon" | "segunda" | "seg" => Weekday::Mon,
        "tuesday" | "tue" | "tues" | "terca" | "ter" => Weekday::Tue,
        "wednesday" | "wed" | "quarta" | "qua" => Weekday::Wed,
        "thursday" | "thu" | "thurs" | "quinta" | "qui" => Weekday::Thu,
        "friday" | "fri" | "sexta" | "sex" => Weekday::Fri,
        "saturday" | "sat" | "sabado" | "sab" => Weekday::Sat,
        "sunday" | "sun" | "domingo" | "dom" => Weekday::Sun,
        _ => return None,
    })
}

fn count(word: &str) -> Option<u64> {
    if let Ok(n) = word.parse::<u64>() {
        return (n <= 3660).then_some(n);
    }
    Some(match word {
        "an" | "one" | "um" | "uma" => 1,
        "two" | "dois" | "duas" => 2,
        "three" | "tres" => 3,
        "four" | "quatro" => 4,
        "five" | "cinco" => 5,
        "six" | "seis" => 6,
        "seven" | "sete" => 7,
        "eight" | "oito" => 8,
        "nine" | "nove" => 9,
        "ten" | "dez" => 10,
        "fifteen" | "quinze" => 15,
        _ => return None,
    })
}

#[derive(Clone, Copy)]
enum Unit {
    Day,
    Week,
    Month,
}

fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "day" | "days" | "dia" | "dias" => Unit::Day,
        "week" | "weeks" | "semana" | "semanas" => Unit::Week,
        "month" | "months" | "mes" | "meses" => Unit::Month,
        _ => return None,
    })
}

/// `today` moved by `n` units, forwards or back.
fn shift(today: NaiveDate, n: u64, unit: Unit, forward: bool) -> Option<NaiveDate> {
    match (unit, forward) {
        (Unit::Day, true) => today.checked_add_days(Days::new(n)),
        (Unit::Day, false) => today.checked_sub_days(Days::new(n)),
        (Unit::Week, true) => today.checked_add_days(Days::new(n * 7)),
        (Unit::Week, false) => today.checked_sub_days(Days::new(n * 7)),
        (Unit::Month, true) => today.checked_add_months(Months::new(u32::try_from(n).ok()?)),
        (Unit::Month, false) => today.checked_sub_months(Months::new(u32::try_from(n).ok()?)),
    }
}

/// The first `day` after `from` (strictly), or on or after it when `inclusive`.
fn next_weekday(from: NaiveDate, day: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let ahead = (7 + day.num_days_from_monday() as i64 - from.weekday().num_days_from_monday() as i64) % 7;
    let ahead = if ahead == 0 && !inclusive { 7 } else { ahead };
    from.checked_add_days(Days::new(ahead as u64))
}

/// The last `day` before `from` (strictly), or on or before it when `inclusive`.
fn last_weekday(from: NaiveDate, day: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let back = (7 + from.weekday().num_days_from_monday() as i64 - day.num_days_from_monday() as i64) % 7;
    let back = if back == 0 && !inclusive { 7 } else { back };
    from.checked_sub_days(Days::new(back as u64))
}

fn monday_of(day: NaiveDate) -> Option<NaiveDate> {
    day.checked_sub_days(Days::new(day.weekday().num_days_from_monday() as u64))
}

fn spoken_date(words: &[&str], today: NaiveDate, lean: Lean) -> Option<NaiveDate> {
    const NEXT: &[&str] = &["next", "proxima", "proximo"];
    const LAST: &[&str] = &["last", "ultima", "ultimo", "passada", "passado"];
    const THIS: &[&str] = &["this", "esta", "essa", "este", "esse", "nesta", "nessa"];
    let by_lean = |day: Weekday| match lean {
        Lean::Future => next_weekday(today, day, true),
        Lean::Past => last_weekday(today, day, true),
    };
    match words {
        ["today" | "hoje"] => Some(today),
        ["tomorrow" | "amanha"] => today.checked_add_days(Days::new(1)),
        ["yesterday" | "ontem"] => today.checked_sub_days(Days::new(1)),
        ["depois", "amanha"] | ["day", "after", "tomorrow"] => today.checked_add_days(Days::new(2)),
        ["anteontem"] | ["day", "before", "yesterday"] => today.checked_sub_days(Days::new(2)),
        ["next", "week"] | ["semana", "que", "vem"] | ["proxima", "semana"] => {
            monday_of(today)?.checked_add_days(Days::new(7))
        }
        ["last", "week"] | ["semana", "passada"] => monday_of(today)?.checked_sub_days(Days::new(7)),
        ["next", "month"] | ["mes", "que", "vem"] | ["proximo", "mes"] => {
            today.with_day(1)?.checked_add_months(Months::new(1))
        }
        ["end", "of", "month"] | ["end", "month"] | ["fim", "mes"] | ["final", "mes"] => {
            today.with_day(1)?.checked_add_months(Months::new(1))?.pred_opt()
        }
        ["end", "of", "week"] | ["end", "week"] | ["fim", "semana"] | ["final", "semana"] => {
            next_weekday(today, Weekday::Fri, true)
        }
        ["end", "of", "year"] | ["end", "year"] | ["fim", "ano"] | ["final", "ano"] => {
            NaiveDate::from_ymd_opt(today.year(), 12, 31)
        }
        ["in" | "em" | "daqui", u] => shift(today, 1, unit(u)?, true),
        ["in" | "em" | "daqui", n, u] => shift(today, count(n)?, unit(u)?, true),
        [n, u, "ago"] | ["ha", n, u] => shift(today, count(n)?, unit(u)?, false),
        [n, u, "from", "now"] => shift(today, count(n)?, unit(u)?, true),
        [d] if weekday(d).is_some() => by_lean(weekday(d)?),
        [t, d] if THIS.contains(t) => by_lean(weekday(d)?),
        [n, d] if NEXT.contains(n) => next_weekday(today, weekday(d)?, false),
        [d, "que", "vem"] => next_weekday(today, weekday(d)?, false),
        [l, d] | [d, l] if LAST.contains(l) && weekday(d).is_some() => last_weekday(today, weekday(d)?, false),
        // `dia 10`: the next (or last) 10th of a month.
        [n] if n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) => {
            let day: u32 = n.parse().ok()?;
            let this_month = today.with_day(1)?;
            let months: Vec<NaiveDate> = match lean {
                Lean::Future => (0..3).filter_map(|k| this_month.checked_add_months(Months::new(k))).collect(),
                Lean::Past => (0..3).filter_map(|k| this_month.checked_sub_months(Months::new(k))).collect(),
            };
            months.into_iter().filter_map(|m| m.with_day(day)).find(|d| match lean {
                Lean::Future => *d >= today,
                Lean::Past => *d <= today,
            })
        }
        _ => None,
    }
}

/// Parses a time of day: `14:00`, `9:05`, `14h`, `14h30`, `2pm`, `2:30pm`, `11am`.
pub fn parse_time(input: &str) -> Option<NaiveTime> {
    let t = input.trim().to_ascii_lowercase();
    let (t, half) = match (t.strip_suffix("am"), t.strip_suffix("pm")) {
        (Some(rest), _) => (rest.trim_end().to_string(), Some(false)),
        (None, Some(rest)) => (rest.trim_end().to_string(), Some(true)),
        _ => (t, None),
    };
    let (h, m) = match (t.split_once(':'), t.split_once('h'), half) {
        (Some((h, m)), _, _) => (h, m),
        (None, Some((h, m)), None) => (h, if m.is_empty() { "0" } else { m }),
        (None, None, Some(_)) => (t.as_str(), "0"),
        _ => return None,
    };
    let digits = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h, 2) || !digits(m, 2) {
        return None;
    }
    let hour: u32 = h.parse().ok()?;
    let hour = match half {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(false) => hour % 12,
        Some(true) => hour % 12 + 12,
    };
    NaiveTime::from_hms_opt(hour, m.parse().ok()?, 0)
}

/// Parses a day with an optional time, leaning towards the future: `2026-12-10 14:00`,
/// `2026-12-10T14:00`, `10/12/2026 14h30`, `tomorrow 9:00`, `sexta às 14h`, `next friday 2 pm`, or a
/// day alone.
pub fn parse_date_time(input: &str, today: NaiveDate) -> Result<(NaiveDate, Option<NaiveTime>), DateError> {
    let input = input.trim();
    let (day, time) = match input.split_once('T').filter(|(d, _)| d.len() == 10) {
        Some((d, t)) => (d, Some(t.to_string())),
        None => match input.rsplit_once(char::is_whitespace) {
            // `2 pm`: the time is the last two words.
            Some((rest, half)) if matches!(half.to_ascii_lowercase().as_str(), "am" | "pm") => {
                match rest.trim_end().rsplit_once(char::is_whitespace) {
                    Some((d, h)) => (d, Some(format!("{h}{half}"))),
                    None => return Err(DateError::Malformed),
                }
            }
            Some((d, t)) if parse_time(t).is_some() => (d, Some(t.to_string())),
            _ => (input, None),
        },
    };
    let date = parse_date(day, today)?;
    match time {
        None => Ok((date, None)),
        Some(t) => parse_time(&t).map(|t| (date, Some(t))).ok_or(DateError::Malformed),
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

    /// The date reader against a fixed today, Friday 27 November 2026: (typed, lean, read as).
    #[test]
    fn dates_as_people_type_them() {
        use Lean::{Future as F, Past as P};
        let today = d(2026, 11, 27);
        let table: &[(&str, Lean, NaiveDate)] = &[
            // Written out.
            ("2026-12-10", F, d(2026, 12, 10)),
            ("10/12/2026", F, d(2026, 12, 10)),
            ("1/2/2027", F, d(2027, 2, 1)),
            (" 2026-1-5 ", F, d(2026, 1, 5)),
            ("10/12/26", F, d(2026, 12, 10)),
            ("10.12.2026", F, d(2026, 12, 10)),
            ("29/02/2028", F, d(2028, 2, 29)),
            // Day and month without a year: the next such day, or the last one.
            ("10/12", F, d(2026, 12, 10)),
            ("10/01", F, d(2027, 1, 10)),
            ("27/11", F, d(2026, 11, 27)),
            ("26/11", F, d(2027, 11, 26)),
            ("29/02", F, d(2028, 2, 29)),
            ("10/12", P, d(2025, 12, 10)),
            ("20/11", P, d(2026, 11, 20)),
            // Words.
            ("today", F, today),
            ("Hoje", F, today),
            ("tomorrow", F, d(2026, 11, 28)),
            ("amanhã", F, d(2026, 11, 28)),
            ("depois de amanhã", F, d(2026, 11, 29)),
            ("day after tomorrow", F, d(2026, 11, 29)),
            ("yesterday", P, d(2026, 11, 26)),
            ("ontem", P, d(2026, 11, 26)),
            ("anteontem", P, d(2026, 11, 25)),
            // Weekdays: the coming one (today on a Friday), or the last one.
            ("sexta", F, today),
            ("sexta-feira", F, today),
            ("Friday", F, today),
            ("next friday", F, d(2026, 12, 4)),
            ("próxima sexta", F, d(2026, 12, 4)),
            ("sexta que vem", F, d(2026, 12, 4)),
            ("segunda", F, d(2026, 11, 30)),
            ("segunda-feira", F, d(2026, 11, 30)),
            ("monday", F, d(2026, 11, 30)),
            ("mon", F, d(2026, 11, 30)),
            ("terça", F, d(2026, 12, 1)),
            ("quarta-feira", F, d(2026, 12, 2)),
            ("quinta", F, d(2026, 12, 3)),
            ("sábado", F, d(2026, 11, 28)),
            ("domingo", F, d(2026, 11, 29)),
            ("na segunda", F, d(2026, 11, 30)),
            ("on Monday", F, d(2026, 11, 30)),
            ("até quinta", F, d(2026, 12, 3)),
            ("by thursday", F, d(2026, 12, 3)),
            ("this wednesday", F, d(2026, 12, 2)),
            ("esta quarta", F, d(2026, 12, 2)),
            ("sexta", P, today),
            ("segunda", P, d(2026, 11, 23)),
            ("last monday", P, d(2026, 11, 23)),
            ("segunda passada", P, d(2026, 11, 23)),
            ("sexta passada", P, d(2026, 11, 20)),
            ("last friday", P, d(2026, 11, 20)),
            // Spans.
            ("em 2 semanas", F, d(2026, 12, 11)),
            ("in 2 weeks", F, d(2026, 12, 11)),
            ("em duas semanas", F, d(2026, 12, 11)),
            ("in two weeks", F, d(2026, 12, 11)),
            ("daqui a 3 dias", F, d(2026, 11, 30)),
            ("in 3 days", F, d(2026, 11, 30)),
            ("3 days from now", F, d(2026, 11, 30)),
            ("em 0 dias", F, today),
            ("in a week", F, d(2026, 12, 4)),
            ("em uma semana", F, d(2026, 12, 4)),
            ("em 1 mês", F, d(2026, 12, 27)),
            ("in 2 months", F, d(2027, 1, 27)),
            ("há 3 dias", P, d(2026, 11, 24)),
            ("3 days ago", P, d(2026, 11, 24)),
            ("há 2 semanas", P, d(2026, 11, 13)),
            ("semana que vem", F, d(2026, 11, 30)),
            ("next week", F, d(2026, 11, 30)),
            ("próxima semana", F, d(2026, 11, 30)),
            ("semana passada", P, d(2026, 11, 16)),
            ("last week", P, d(2026, 11, 16)),
            ("mês que vem", F, d(2026, 12, 1)),
            ("next month", F, d(2026, 12, 1)),
            ("fim do mês", F, d(2026, 11, 30)),
            ("end of the month", F, d(2026, 11, 30)),
            ("fim da semana", F, today),
            ("end of week", F, today),
            ("fim do ano", F, d(2026, 12, 31)),
            ("dia 10", F, d(2026, 12, 10)),
            ("dia 30", F, d(2026, 11, 30)),
            ("dia 30", P, d(2026, 10, 30)),
        ];
        assert!(table.len() >= 60);
        for (typed, lean, expected) in table {
            assert_eq!(read_date(typed, today, *lean), Ok(*expected), "{typed} ({lean:?})");
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
            ("sexta às 14h", (d(2026, 11, 27), t(14, 0))),
            ("next friday 2 pm", (d(2026, 12, 4), t(14, 0))),
            ("próxima segunda 10:30", (d(2026, 11, 30), t(10, 30))),
            ("10/12 9am", (d(2026, 12, 10), t(9, 0))),
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
            ("31/02", DateError::NoSuchDay),
            ("0/12", DateError::NoSuchDay),
            ("2026-13-01", DateError::NoSuchDay),
            ("1/1/1999", DateError::OutOfRange),
            ("10/12/2026/1", DateError::Malformed),
            ("26-12-10", DateError::Malformed),
            ("2026/12/10", DateError::Malformed),
            ("10/12/026", DateError::Malformed),
            ("", DateError::Malformed),
            ("someday", DateError::Malformed),
            ("sextas", DateError::Malformed),
            ("next blursday", DateError::Malformed),
            ("in 2 fortnights", DateError::Malformed),
            ("dia 32", DateError::Malformed),
            ("próximo ano", DateError::Malformed),
            ("2026-12-10-1", DateError::Malformed),
            ("+2026-12-10", DateError::Malformed),
            ("2026-+1-10", DateError::Malformed),
            ("99999999999/1/2026", DateError::Malformed),
        ] {
            assert_eq!(parse_date(input, today), Err(expected), "{input}");
        }
    }

    #[test]
    fn times_as_people_type_them() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        for (typed, expected) in [
            ("14:00", t(14, 0)),
            ("9:05", t(9, 5)),
            ("14h", t(14, 0)),
            ("14h30", t(14, 30)),
            ("2pm", t(14, 0)),
            ("2:30pm", t(14, 30)),
            ("11am", t(11, 0)),
            ("12pm", t(12, 0)),
            ("12am", t(0, 0)),
            ("13pm", None),
            ("0am", None),
            ("25:00", None),
            ("noon", None),
        ] {
            assert_eq!(parse_time(typed), expected, "{typed}");
        }
    }
}
