//! Calendar dates typed by people: ISO (`2026-12-10`), Brazilian (`10/12/2026`) and relative words.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::clock;

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
    // A time said with the day is allowed (`sexta às 14h`), the day is what is kept; a time
    // alone is not a day.
    if input.chars().count() > MAX_CHARS {
        return Err(DateError::Malformed);
    }
    let mut words = words_of(input);
    if clock::take_clock(&mut words).is_ok_and(|c| c.is_some()) && words.is_empty() {
        return Err(DateError::Malformed);
    }
    read_when(input, today.and_time(NaiveTime::MIN), lean).map(|(day, _)| day)
}

/// [`read_date`] leaning towards the future, as most dates typed are (due dates, meetings).
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    read_date(input, today, Lean::Future)
}

/// Reads a day and, when one was said, a time of day, relative to `now` (the asker's local time):
/// everything [`read_date`] reads, with a time before or after it (`sexta às 14h`, `amanhã às
/// 18`, `3pm tomorrow`, `10/12 às 14h`, `amanhã de manhã`), or a time alone (`15h`, `às 3`): its
/// next occurrence. An hour that may be either half of the day (`às 3`, `3:30`) is the first one
/// to come after `now` when no day is said (Duckling's reading); with a day, hours 1 to 6 are the
/// afternoon's (nobody books a meeting at 3 in the morning) and 7 to 12 the morning's.
pub fn read_when(input: &str, now: NaiveDateTime, lean: Lean) -> Result<(NaiveDate, Option<NaiveTime>), DateError> {
    let input = input.trim();
    if input.is_empty() || input.chars().count() > MAX_CHARS {
        return Err(DateError::Malformed);
    }
    let today = now.date();
    // `2026-12-10T14:00`.
    if let Some((d, t)) =
        input.split_once('T').filter(|(d, _)| d.len() == 10 && d.starts_with(|c: char| c.is_ascii_digit()))
    {
        let day = written_date(d, today, lean).and_then(in_range)?;
        let time = clock::clock_word(t).and_then(|c| c.time(false)).ok_or(DateError::Malformed)?;
        return Ok((day, Some(time)));
    }
    let mut words = words_of(input);
    let clock = clock::take_clock(&mut words).map_err(|_| DateError::Malformed)?;
    let Some(clock) = clock else {
        return day_of(&words, today, lean).and_then(in_range).map(|d| (d, None));
    };
    if words.is_empty() {
        // A time alone: its next occurrence.
        let candidates: Vec<NaiveTime> = if clock.midnight {
            vec![NaiveTime::MIN]
        } else if clock.ambiguous {
            [clock.time(false), clock.time(true)].into_iter().flatten().collect()
        } else {
            clock.time(false).into_iter().collect()
        };
        let next = [today, today.succ_opt().unwrap_or(today)]
            .into_iter()
            .flat_map(|d| candidates.iter().map(move |t| d.and_time(*t)))
            .filter(|at| *at > now || (clock.midnight && at.date() > today))
            .min()
            .ok_or(DateError::Malformed)?;
        return Ok((in_range(next.date())?, Some(next.time())));
    }
    let mut day = day_of(&words, today, lean).and_then(in_range)?;
    if clock.midnight {
        day = day.succ_opt().ok_or(DateError::OutOfRange)?;
    }
    let time = clock.time(clock.ambiguous && (1..=6).contains(&clock.hour)).ok_or(DateError::Malformed)?;
    Ok((in_range(day)?, Some(time)))
}

/// The longest phrase read, in characters: a date is a few words.
const MAX_CHARS: usize = 120;

/// The words of a phrase: lowercase and accent-free, `segunda-feira` as two words, `seg.` as
/// `seg`, `1º`, `1o`, `1st` and `15th` as their number; written dates and times kept whole.
fn words_of(input: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in input.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        let raw = raw.trim_end_matches(['.', ',']);
        if raw.is_empty() {
            continue;
        }
        if raw.starts_with(|c: char| c.is_ascii_digit()) {
            let lower = raw.to_lowercase();
            let number_end = lower.find(|c: char| !c.is_ascii_digit()).unwrap_or(lower.len());
            let (digits, rest) = lower.split_at(number_end);
            if matches!(rest, "º" | "°" | "o" | "st" | "nd" | "rd" | "th" | "ª") {
                out.push(digits.to_string());
            } else {
                out.push(lower);
            }
            continue;
        }
        out.extend(crate::text::fold(raw).split(' ').filter(|w| !w.is_empty()).map(str::to_string));
    }
    out
}

/// Words that carry nothing about the day: `on friday`, `na sexta`, `até sexta`, `by friday`,
/// `5 de maio`, `the 1st of march`. `dia` is one only before a number (`dia 10`, not `1 dia`).
const FILLERS: &[&str] = &[
    "on", "the", "by", "until", "at", "of", "na", "no", "ate", "para", "pra", "de", "do", "da", "a", "o", "as", "feira",
];

/// The day a phrase without its time names.
fn day_of(words: &[String], today: NaiveDate, lean: Lean) -> Result<NaiveDate, DateError> {
    let written = |w: &String| w.starts_with(|c: char| c.is_ascii_digit()) && w.contains(['-', '/', '.']);
    if let [only] = words
        && written(only)
    {
        return written_date(only, today, lean);
    }
    // `sex 04/12/2026`, as replies say a day back: the weekday must be the date's.
    if let [a, b] = words {
        let (day, date) = if written(b) { (a, b) } else { (b, a) };
        if written(date)
            && let Some(weekday) = weekday(day)
        {
            let found = written_date(date, today, lean)?;
            return if found.weekday() == weekday { Ok(found) } else { Err(DateError::NoSuchDay) };
        }
    }
    // `dia quinze`: a day said in words after `dia` is its number; `the first` is the 1st.
    let mut owned: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let after_dia = i > 0 && matches!(words[i - 1].as_str(), "dia" | "the");
        match day_number(w) {
            Some(n) if after_dia && !w.bytes().all(|b| b.is_ascii_digit()) => owned.push(n.to_string()),
            _ => owned.push(w.clone()),
        }
    }
    let mut kept: Vec<&str> = Vec::with_capacity(owned.len());
    for (i, w) in owned.iter().enumerate() {
        let next_is_number = owned.get(i + 1).is_some_and(|n| day_number(n).is_some());
        if FILLERS.contains(&w.as_str()) || (w == "dia" && next_is_number) {
            continue;
        }
        kept.push(w);
    }
    // `este fim de semana`: this week's end.
    if let [t, rest @ ..] = kept.as_slice()
        && relative(&[t]) == Some(0)
        && matches!(rest.first(), Some(&("fim" | "final" | "end")))
    {
        kept.remove(0);
    }
    // A weekday and a day of the month (`Tuesday the 19th`): the next such day (or the last).
    let pair = match kept.as_slice() {
        [a, b] if weekday(a).is_some() => Some((*a, *b)),
        [a, b] if weekday(b).is_some() => Some((*b, *a)),
        _ => None,
    };
    if let Some((d, n)) = pair
        && let Some(day) = weekday(d)
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
        && let Ok(number) = n.parse::<u32>()
    {
        let found =
            (0..24).filter_map(|k| month_start(today, if lean == Lean::Future { k } else { -k })).find_map(|m| {
                m.with_day(number)
                    .filter(|d| d.weekday() == day && if lean == Lean::Future { *d >= today } else { *d <= today })
            });
        return found.ok_or(DateError::NoSuchDay);
    }
    // A weekday beside a full date (`segunda, 18 de fevereiro`, `12 de setembro de 2014, sexta`).
    let named = match kept.as_slice() {
        [d, rest @ ..] if rest.len() >= 2 && weekday(d).is_some() => Some((weekday(d), rest.to_vec())),
        [rest @ .., d] if rest.len() >= 2 && weekday(d).is_some() && !matches!(rest[rest.len() - 1], "que") => {
            Some((weekday(d), rest.to_vec()))
        }
        _ => None,
    };
    if let Some((Some(day), rest)) = named
        && let Some(found) = month_date(&rest, today, lean, Some(day))
    {
        return Ok(found);
    }
    if let Some(found) = month_date(&kept, today, lean, None) {
        return Ok(found);
    }
    spoken_date(&kept, today, lean).ok_or(DateError::Malformed)
}

/// `2026-12-10`, `10/12/2026`, `10/12/26`, `10.12.2026`, `1-3-2013`, or `10/12` (the year by
/// `lean`). Two-digit years are this century's unless that is more than 50 years ahead.
fn written_date(input: &str, today: NaiveDate, lean: Lean) -> Result<NaiveDate, DateError> {
    let number = |s: &str, max_len: usize| -> Result<u32, DateError> {
        if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::Malformed);
        }
        s.parse().map_err(|_| DateError::Malformed)
    };
    let year_of = |y: &str| -> Result<i32, DateError> {
        match y.len() {
            4 => Ok(number(y, 4)? as i32),
            2 => {
                let y = 2000 + number(y, 2)? as i32;
                Ok(if y > today.year() + 50 { y - 100 } else { y })
            }
            _ => Err(DateError::Malformed),
        }
    };
    if let Some((y, m, d)) = split3(input, '-')
        && y.len() == 4
    {
        let (year, month, day) = (number(y, 4)? as i32, number(m, 2)?, number(d, 2)?);
        return NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDay);
    }
    for separator in ['/', '.', '-'] {
        if let Some((d, m, y)) = split3(input, separator) {
            if d.len() > 2 {
                return Err(DateError::Malformed);
            }
            return NaiveDate::from_ymd_opt(year_of(y)?, number(m, 2)?, number(d, 2)?).ok_or(DateError::NoSuchDay);
        }
    }
    let separator = if input.contains('/') { '/' } else { '.' };
    let (d, m) = input.split_once(separator).ok_or(DateError::Malformed)?;
    let (day, month) = (number(d, 2)?, number(m, 2)?);
    // A real day in some year (29/02 is one): else it is no such day.
    NaiveDate::from_ymd_opt(2000, month, day).ok_or(DateError::NoSuchDay)?;
    next_or_last(today, lean, month, day).ok_or(DateError::NoSuchDay)
}

/// The next (or last, leaning back) `day`/`month`, today included.
fn next_or_last(today: NaiveDate, lean: Lean, month: u32, day: u32) -> Option<NaiveDate> {
    let year = today.year();
    let candidates = match lean {
        Lean::Future => [year, year + 1, year + 2, year + 3, year + 4],
        Lean::Past => [year, year - 1, year - 2, year - 3, year - 4],
    };
    candidates.into_iter().filter_map(|y| NaiveDate::from_ymd_opt(y, month, day)).find(|date| match lean {
        Lean::Future => *date >= today,
        Lean::Past => *date <= today,
    })
}

fn month(word: &str) -> Option<u32> {
    Some(match word {
        "janeiro" | "jan" | "january" => 1,
        "fevereiro" | "fev" | "february" | "feb" => 2,
        "marco" | "mar" | "march" => 3,
        "abril" | "abr" | "april" | "apr" => 4,
        "maio" | "mai" | "may" => 5,
        "junho" | "jun" | "june" => 6,
        "julho" | "jul" | "july" => 7,
        "agosto" | "ago" | "august" | "aug" => 8,
        "setembro" | "set" | "september" | "sep" | "sept" => 9,
        "outubro" | "out" | "october" | "oct" => 10,
        "novembro" | "nov" | "november" => 11,
        "dezembro" | "dez" | "december" | "dec" => 12,
        _ => return None,
    })
}

/// A day of the month: `10`, `1`, `primeiro`, `first`, `cinco`.
fn day_number(word: &str) -> Option<u32> {
    let n = match word {
        "primeiro" | "first" | "um" | "one" => 1,
        "second" => 2,
        "third" => 3,
        w => u32::try_from(count(w)?).ok()?,
    };
    (1..=31).contains(&n).then_some(n)
}

/// `5 de maio`, `maio 5`, `5 de maio de 2013`, `march 3rd 2015`, `April 14, 2015`, with the
/// weekday it must fall on when one was said (then the year is the closest one it falls on).
fn month_date(words: &[&str], today: NaiveDate, lean: Lean, on: Option<Weekday>) -> Option<NaiveDate> {
    let (day, month, year) = match words {
        [d, m] if month(m).is_some() => (day_number(d)?, month(m)?, None),
        [m, d] if month(m).is_some() => (day_number(d)?, month(m)?, None),
        [d, m, y] if month(m).is_some() => (day_number(d)?, month(m)?, Some(*y)),
        [m, d, y] if month(m).is_some() => (day_number(d)?, month(m)?, Some(*y)),
        _ => return None,
    };
    let year = match year {
        Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => Some(y.parse::<i32>().ok()?),
        Some(_) => return None,
        None => None,
    };
    match (year, on) {
        (Some(y), None) => NaiveDate::from_ymd_opt(y, month, day),
        (Some(y), Some(w)) => NaiveDate::from_ymd_opt(y, month, day).filter(|d| d.weekday() == w),
        (None, None) => next_or_last(today, lean, month, day),
        (None, Some(w)) => (-10..=10)
            .filter_map(|k| NaiveDate::from_ymd_opt(today.year() + k, month, day))
            .filter(|d| d.weekday() == w)
            .min_by_key(|d| (*d - today).num_days().abs()),
    }
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
        "onze" | "eleven" => 11,
        "doze" | "twelve" => 12,
        "treze" => 13,
        "quatorze" | "catorze" => 14,
        "fifteen" | "quinze" => 15,
        "dezesseis" => 16,
        "dezessete" => 17,
        "dezoito" => 18,
        "dezenove" => 19,
        "vinte" | "twenty" => 20,
        "trinta" | "thirty" => 30,
        _ => return None,
    })
}

#[derive(Clone, Copy)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "day" | "days" | "dia" | "dias" => Unit::Day,
        "week" | "weeks" | "semana" | "semanas" => Unit::Week,
        "month" | "months" | "mes" | "meses" => Unit::Month,
        "year" | "years" | "yr" | "yrs" | "ano" | "anos" => Unit::Year,
        _ => return None,
    })
}

/// `today` moved by `n` units, forwards or back.
fn shift(today: NaiveDate, n: u64, unit: Unit, forward: bool) -> Option<NaiveDate> {
    let months = |k: u64| u32::try_from(k).ok().map(Months::new);
    match (unit, forward) {
        (Unit::Day, true) => today.checked_add_days(Days::new(n)),
        (Unit::Day, false) => today.checked_sub_days(Days::new(n)),
        (Unit::Week, true) => today.checked_add_days(Days::new(n * 7)),
        (Unit::Week, false) => today.checked_sub_days(Days::new(n * 7)),
        (Unit::Month, true) => today.checked_add_months(months(n)?),
        (Unit::Month, false) => today.checked_sub_months(months(n)?),
        (Unit::Year, true) => today.checked_add_months(months(n.checked_mul(12)?)?),
        (Unit::Year, false) => today.checked_sub_months(months(n.checked_mul(12)?)?),
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

/// `day` of the week `weeks` weeks from this one (weeks begin on Monday).
fn weekday_of_week(today: NaiveDate, weeks: i64, day: Weekday) -> Option<NaiveDate> {
    let monday = monday_of(today)?;
    let offset = weeks * 7 + day.num_days_from_monday() as i64;
    if offset >= 0 {
        monday.checked_add_days(Days::new(offset as u64))
    } else {
        monday.checked_sub_days(Days::new((-offset) as u64))
    }
}

/// The first day of the month `months` from this one.
fn month_start(today: NaiveDate, months: i32) -> Option<NaiveDate> {
    let first = today.with_day(1)?;
    if months >= 0 {
        first.checked_add_months(Months::new(months as u32))
    } else {
        first.checked_sub_months(Months::new((-months) as u32))
    }
}

/// Which week, month or year words name, from this one: `que vem`, `next`, `passada`, `last`.
fn relative(words: &[&str]) -> Option<i32> {
    Some(match words {
        ["que", "vem"] | ["next"] | ["proxima" | "proximo"] | ["following"] | ["coming"] | ["after", "next"] => 1,
        ["passada" | "passado"] | ["anterior"] | ["last"] | ["previous"] | ["past"] | ["ultima" | "ultimo"] => -1,
        ["esta" | "essa" | "este" | "esse" | "desta" | "dessa" | "deste" | "desse" | "nesta" | "nessa"]
        | ["this"]
        | ["current"]
        | ["agora"] => 0,
        _ => return None,
    })
}

/// A week, month or year and which one: `semana que vem`, `próximo mês`, `last year`,
/// `passada semana`.
fn period(words: &[&str]) -> Option<(Unit, i32)> {
    let is_period = |w: &str| matches!(w, "week" | "semana" | "month" | "mes" | "year" | "yr" | "ano");
    match words {
        [p, rest @ ..] if is_period(p) && !rest.is_empty() => Some((unit(p)?, relative(rest)?)),
        [rest @ .., p] if is_period(p) && !rest.is_empty() => Some((unit(p)?, relative(rest)?)),
        _ => None,
    }
}

fn spoken_date(words: &[&str], today: NaiveDate, lean: Lean) -> Option<NaiveDate> {
    let by_lean = |day: Weekday, inclusive: bool| match lean {
        Lean::Future => next_weekday(today, day, inclusive),
        Lean::Past => last_weekday(today, day, inclusive),
    };
    match words {
        ["today" | "hoje"] => return Some(today),
        ["tomorrow" | "amanha"] => return today.succ_opt(),
        ["yesterday" | "ontem"] => return today.pred_opt(),
        ["depois", "amanha"] | ["day", "after", "tomorrow"] => return today.checked_add_days(Days::new(2)),
        ["anteontem"] | ["antes", "ontem"] | ["day", "before", "yesterday"] => {
            return today.checked_sub_days(Days::new(2));
        }
        // A weekday alone is the next one (next week's on that very day), or the last one.
        [d] if weekday(d).is_some() => return by_lean(weekday(d)?, false),
        _ => {}
    }
    // `terça que vem`, `quarta da semana que vem`, `next wednesday`, `wednesday after next`,
    // `terça desta semana`, `terça agora`, `domingo da semana passada`, `last sunday`.
    if let [d, rest @ ..] = words
        && let Some(day) = weekday(d)
        && !rest.is_empty()
    {
        return match rest {
            ["passada" | "passado"] | ["last"] => last_weekday(today, day, false),
            ["esta" | "essa" | "este" | "esse" | "this"] => by_lean(day, true),
            _ => {
                let weeks = match rest {
                    [w, r @ ..] | [r @ .., w] if unit(w).is_some_and(|u| matches!(u, Unit::Week)) => relative(r)?,
                    r => relative(r)?,
                };
                weekday_of_week(today, weeks as i64, day)
            }
        };
    }
    if let [first, d] = words
        && let Some(day) = weekday(d)
    {
        return match *first {
            "next" | "proxima" | "proximo" => weekday_of_week(today, 1, day),
            "last" | "ultima" | "ultimo" | "passada" | "passado" => last_weekday(today, day, false),
            "this" | "esta" | "essa" | "este" | "esse" | "nesta" | "nessa" => by_lean(day, true),
            _ => None,
        };
    }
    match words {
        ["end" | "fim" | "final", rest @ ..] => {
            return match rest {
                ["week" | "semana"] => next_weekday(today, Weekday::Fri, true),
                ["month" | "mes"] => month_start(today, 1)?.pred_opt(),
                ["year" | "ano"] => NaiveDate::from_ymd_opt(today.year(), 12, 31),
                r => match period(r)? {
                    (Unit::Week, k) => weekday_of_week(today, k as i64, Weekday::Fri),
                    (Unit::Month, k) => month_start(today, k + 1)?.pred_opt(),
                    (Unit::Year, k) => NaiveDate::from_ymd_opt(today.year() + k, 12, 31),
                    (Unit::Day, _) => None,
                },
            };
        }
        ["inicio" | "comeco" | "beginning" | "start", rest @ ..] => {
            return match rest {
                ["month" | "mes"] => month_start(today, 0),
                ["week" | "semana"] => monday_of(today),
                ["year" | "ano"] => NaiveDate::from_ymd_opt(today.year(), 1, 1),
                r => match period(r)? {
                    (Unit::Week, k) => weekday_of_week(today, k as i64, Weekday::Mon),
                    (Unit::Month, k) => month_start(today, k),
                    (Unit::Year, k) => NaiveDate::from_ymd_opt(today.year() + k, 1, 1),
                    (Unit::Day, _) => None,
                },
            };
        }
        ["in" | "em" | "daqui", u] => return shift(today, 1, unit(u)?, true),
        ["in" | "em" | "daqui", n, u] => return shift(today, count(n)?, unit(u)?, true),
        [u, "ago"] | [u, "from", "now"] if unit(u).is_some() => {
            return shift(today, 1, unit(u)?, words.len() == 3);
        }
        [n, u, "ago"] | ["ha" | "faz" | "fazem", n, u] | [n, u, "atras"] => {
            return shift(today, count(n)?, unit(u)?, false);
        }
        [n, u, "from", "now"] => return shift(today, count(n)?, unit(u)?, true),
        _ => {}
    }
    // `semana que vem` (its Monday), `esta semana` (its Friday ahead, Monday behind), `mês
    // passado` (its first day), `ano que vem`.
    if let Some((unit, k)) = period(words) {
        return match (unit, k, lean) {
            (Unit::Week, 0, Lean::Future) => next_weekday(today, Weekday::Fri, true)
                .filter(|d| *d - today < chrono::Duration::days(7))
                .map(|d| d.max(today)),
            (Unit::Week, 0, Lean::Past) => monday_of(today),
            (Unit::Week, k, _) => weekday_of_week(today, k as i64, Weekday::Mon),
            (Unit::Month, 0, Lean::Future) => month_start(today, 1)?.pred_opt(),
            (Unit::Month, k, _) => month_start(today, k),
            (Unit::Year, 0, Lean::Future) => NaiveDate::from_ymd_opt(today.year(), 12, 31),
            (Unit::Year, k, _) => NaiveDate::from_ymd_opt(today.year() + k, 1, 1),
            (Unit::Day, _, _) => None,
        };
    }
    // `dia 10`, `essa dia 16`, `20 of next month`, `dia 5 do mês que vem`.
    if let [n, rest @ ..] = words
        && n.len() <= 2
        && n.bytes().all(|b| b.is_ascii_digit())
    {
        let day: u32 = n.parse().ok()?;
        return match rest {
            [] => day_in_months(today, lean, day),
            r => match period(r)? {
                (Unit::Month, k) => month_start(today, k)?.with_day(day),
                _ => None,
            },
        };
    }
    if let [t, n] = words
        && relative(&[t]) == Some(0)
        && n.bytes().all(|b| b.is_ascii_digit())
    {
        return day_in_months(today, lean, n.parse().ok()?);
    }
    None
}

/// The next (or last) `day` of a month, within three months.
fn day_in_months(today: NaiveDate, lean: Lean, day: u32) -> Option<NaiveDate> {
    let months: Vec<NaiveDate> = match lean {
        Lean::Future => (0..3).filter_map(|k| month_start(today, k)).collect(),
        Lean::Past => (0..3).filter_map(|k| month_start(today, -k)).collect(),
    };
    months.into_iter().filter_map(|m| m.with_day(day)).find(|d| match lean {
        Lean::Future => *d >= today,
        Lean::Past => *d <= today,
    })
}

/// Parses a time of day: `14:00`, `9:05`, `14h`, `14h30`, `2pm`, `2:30pm`, `11am`.
pub fn parse_time(input: &str) -> Option<NaiveTime> {
    clock::clock_word(input).and_then(|c| c.time(false))
}

/// Parses a day with an optional time, leaning towards the future, from the start of `today`:
/// see [`read_when`].
pub fn parse_date_time(input: &str, today: NaiveDate) -> Result<(NaiveDate, Option<NaiveTime>), DateError> {
    read_when(input, today.and_time(NaiveTime::MIN), Lean::Future)
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
            ("sexta", F, d(2026, 12, 4)),
            ("sexta-feira", F, d(2026, 12, 4)),
            ("Friday", F, d(2026, 12, 4)),
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
            ("sexta", P, d(2026, 11, 20)),
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
            ("1-3-2027", F, d(2027, 3, 1)),
            ("próximo ano", F, d(2027, 1, 1)),
            ("1º de março", F, d(2027, 3, 1)),
            ("15 de janeiro", P, d(2026, 1, 15)),
            ("faz 3 dias", P, d(2026, 11, 24)),
            ("antes de ontem", P, d(2026, 11, 25)),
            ("fim do mês que vem", F, d(2026, 12, 31)),
            ("sexta às 9", F, d(2026, 12, 4)),
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
            ("sexta às 14h", (d(2026, 12, 4), t(14, 0))),
            ("2026-12-10 noon", (d(2026, 12, 10), t(12, 0))),
            ("14:00", (d(2026, 11, 27), t(14, 0))),
            ("amanhã às 18", (d(2026, 11, 28), t(18, 0))),
            ("sexta às 3", (d(2026, 12, 4), t(15, 0))),
            ("10/12 às 14h", (d(2026, 12, 10), t(14, 0))),
            ("amanhã de manhã", (d(2026, 11, 28), t(9, 0))),
            ("next friday 2 pm", (d(2026, 12, 4), t(14, 0))),
            ("próxima segunda 10:30", (d(2026, 11, 30), t(10, 30))),
            ("10/12 9am", (d(2026, 12, 10), t(9, 0))),
            ("2026-12-10", (d(2026, 12, 10), None)),
        ] {
            assert_eq!(parse_date_time(input, today), Ok(expected), "{input}");
        }
        for bad in ["2026-12-10 25:00", "2026-12-10 14:60", "2026-12-10 às 25", "amanhã às 9:75"] {
            assert!(parse_date_time(bad, today).is_err(), "{bad}");
        }
    }

    /// Every form the README lists is read (what each gives is in `tests/corpus/dates.txt`).
    #[test]
    fn every_form_the_readme_lists_is_read() {
        let now = d(2026, 12, 2).and_hms_opt(10, 0, 0).unwrap();
        let readme = include_str!("../../../README.md");
        let start = readme.find("**Dates as people say them**").unwrap();
        let end = start + readme[start..].find("These agree with").unwrap();
        let forms: Vec<&str> = readme[start..end].split('`').skip(1).step_by(2).collect();
        assert!(forms.len() >= 50, "{forms:?}");
        for form in forms {
            let form = form.split(" / ").next().unwrap_or(form);
            if form.starts_with("--") {
                continue;
            }
            let lean =
                if form.contains("ago") || form.contains("passad") || form.contains("faz") || form.starts_with("há") {
                    Lean::Past
                } else {
                    Lean::Future
                };
            assert!(read_when(form, now, lean).is_ok(), "{form}");
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
            ("2026/12/10", DateError::Malformed),
            ("10/12/026", DateError::Malformed),
            ("", DateError::Malformed),
            ("someday", DateError::Malformed),
            ("sextas", DateError::Malformed),
            ("next blursday", DateError::Malformed),
            ("in 2 fortnights", DateError::Malformed),
            ("dia 32", DateError::Malformed),
            ("daqui a", DateError::Malformed),
            ("14h", DateError::Malformed),
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
