//! Times of day inside a date phrase, as people say them: `14h`, `14:30`, `2pm`, `às 3`,
//! `às tres e meia da tarde`, `15 horas`, `6 da manhã`, `meio-dia`, `de manhã`, `tonight`.

use chrono::NaiveTime;

/// A time of day read from words, and how sure it is of the half of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub hour: u32,
    pub minute: u32,
    /// `às 3`, `3:30`: 3 or 15, whichever comes first (Duckling's reading); `15h`, `3pm`, `3 da
    /// tarde` are sure.
    pub ambiguous: bool,
    /// Midnight said as such (`meia-noite`): the start of the next day.
    pub midnight: bool,
}

impl Clock {
    fn sure(hour: u32, minute: u32) -> Option<Clock> {
        (hour < 24 && minute < 60).then_some(Clock { hour, minute, ambiguous: false, midnight: false })
    }

    /// The time, with `pm` chosen for an ambiguous hour.
    pub fn time(&self, pm: bool) -> Option<NaiveTime> {
        let hour = if self.ambiguous && pm && self.hour < 12 { self.hour + 12 } else { self.hour };
        NaiveTime::from_hms_opt(hour, self.minute, 0)
    }
}

/// A part of the day said without an hour (`amanhã de manhã`, `hoje à tarde`): a time inside it.
fn part_of_day(word: &str) -> Option<Clock> {
    let hour = match word {
        "manha" | "morning" => 9,
        "tarde" | "afternoon" => 14,
        "noite" | "evening" | "tonight" => 19,
        _ => return None,
    };
    Clock::sure(hour, 0)
}

/// Hours and minutes said in words.
fn number(word: &str) -> Option<u32> {
    if !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok();
    }
    Some(match word {
        "uma" | "one" => 1,
        "duas" | "dois" | "two" => 2,
        "tres" | "three" => 3,
        "quatro" | "four" => 4,
        "cinco" | "five" => 5,
        "seis" | "six" => 6,
        "sete" | "seven" => 7,
        "oito" | "eight" => 8,
        "nove" | "nine" => 9,
        "dez" | "ten" => 10,
        "onze" | "eleven" => 11,
        "doze" | "twelve" => 12,
        "treze" => 13,
        "quatorze" | "catorze" => 14,
        "quinze" => 15,
        "dezesseis" => 16,
        "dezessete" => 17,
        "dezoito" => 18,
        "dezenove" => 19,
        "vinte" => 20,
        "trinta" => 30,
        _ => return None,
    })
}

/// `14:30`, `9:05`, `14h`, `14h30`, `15hs`, `2pm`, `2:30pm`, `11am`, `3p`: one word.
pub fn clock_word(word: &str) -> Option<Clock> {
    let t = word.trim().to_ascii_lowercase();
    let t = t.trim_end_matches('.');
    let (t, half) = if let Some(rest) = t.strip_suffix("am").or_else(|| t.strip_suffix('a')) {
        (rest.trim_end(), Some(false))
    } else if let Some(rest) = t.strip_suffix("pm").or_else(|| t.strip_suffix('p')) {
        (rest.trim_end(), Some(true))
    } else {
        (t, None)
    };
    let digits = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
    let (h, m, sure) = if let Some((h, m)) = t.split_once(':') {
        (h, m, false)
    } else if let Some((h, m)) = t.split_once('h') {
        let m = m.trim_end_matches(['s', 'r']);
        (h, if m.is_empty() { "0" } else { m }, true)
    } else if half.is_some() {
        (t, "0", true)
    } else {
        return None;
    };
    if !digits(h, 2) || !digits(m, 2) {
        return None;
    }
    let (hour, minute): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let hour = match half {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(false) => hour % 12,
        Some(true) => hour % 12 + 12,
    };
    let mut clock = Clock::sure(hour, minute)?;
    // `3:30` alone may be either half of the day; `15:30`, `0:30` and `3h30` may not.
    clock.ambiguous = !sure && half.is_none() && (1..=12).contains(&hour);
    Some(clock)
}

/// Words that begin a time but are not one (`às 25`, `9:75`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotATime;

/// The word at `i`, or nothing past the end.
fn w(words: &[String], i: usize) -> &str {
    words.get(i).map(String::as_str).unwrap_or("")
}

/// Finds the time of day in a phrase's words and takes its words out: what is left is the day.
/// `None` when the words hold no time; an error when they hold one that is not a time.
pub fn take_clock(words: &mut Vec<String>) -> Result<Option<Clock>, NotATime> {
    for i in 0..words.len() {
        let first = w(words, i).to_string();
        let first = first.as_str();
        // One word: `14h`, `14:30`, `2pm`, and `2 pm`.
        if first.starts_with(|c: char| c.is_ascii_digit()) && !first.contains(['/', '-']) {
            let with_half = matches!(w(words, i + 1), "am" | "pm" | "a" | "p")
                .then(|| clock_word(&format!("{first}{}", w(words, i + 1))))
                .flatten();
            if let Some(clock) = with_half {
                let start = if i > 0 && matches!(w(words, i - 1), "as" | "at" | "a") { i - 1 } else { i };
                words.drain(start..i + 2);
                return Ok(Some(clock));
            }
            if first.contains([':', 'h']) || first.ends_with("am") || first.ends_with("pm") {
                if let Some(clock) = clock_word(first) {
                    let start = if i > 0 && matches!(w(words, i - 1), "as" | "at" | "a") { i - 1 } else { i };
                    words.drain(start..=i);
                    return Ok(Some(clock));
                }
                if first.contains(':') {
                    return Err(NotATime);
                }
            }
        }
        // `meio-dia`, `meia-noite`, `noon`, `midnight`.
        let noon = match (first, w(words, i + 1)) {
            ("meio", "dia") | ("meiodia", _) | ("noon", _) | ("midday", _) => {
                Some((false, if first == "meio" { 2 } else { 1 }))
            }
            ("meia", "noite") | ("meianoite", _) | ("midnight", _) => Some((true, if first == "meia" { 2 } else { 1 })),
            _ => None,
        };
        if let Some((midnight, len)) = noon {
            let start = if i > 0 && matches!(w(words, i - 1), "ao" | "a" | "as" | "at") { i - 1 } else { i };
            words.drain(start..i + len);
            let hour = if midnight { 0 } else { 12 };
            return Ok(Some(Clock { hour, minute: 0, ambiguous: false, midnight }));
        }
        // `às 3`, `as tres e meia da tarde`, `às 15 horas`, `at 3`, `15 horas`, `6 da manhã`.
        let spoken_start = matches!(first, "as" | "at") && number(w(words, i + 1)).is_some();
        // `em 2 horas` is a span, not a time of day.
        let span = i > 0 && matches!(w(words, i - 1), "em" | "in" | "daqui" | "faz" | "fazem" | "ha");
        let hour_words =
            !span && number(first).is_some() && matches!(w(words, i + 1), "horas" | "hora" | "h" | "hs" | "hrs");
        let part_after = number(first).is_some()
            && matches!(w(words, i + 1), "da" | "de" | "pela" | "in" | "this")
            && part_of_day(w(words, i + 2)).is_some();
        if spoken_start || hour_words || part_after {
            let mut at = if spoken_start { i + 1 } else { i };
            let hour = number(w(words, at)).ok_or(NotATime)?;
            at += 1;
            if matches!(w(words, at), "horas" | "hora" | "h" | "hs" | "hrs") {
                at += 1;
            }
            let mut minute = 0;
            if w(words, at) == "e" {
                minute = match w(words, at + 1) {
                    "meia" => 30,
                    m => number(m).filter(|m| *m < 60).ok_or(NotATime)?,
                };
                at += 2;
            }
            let mut half = None;
            match (w(words, at), w(words, at + 1)) {
                ("da" | "de" | "pela" | "in" | "this", p) if part_of_day(p).is_some() => {
                    half = Some(p != "manha" && p != "morning");
                    at += 2;
                }
                ("am", _) => (half, at) = (Some(false), at + 1),
                ("pm", _) => (half, at) = (Some(true), at + 1),
                _ => {}
            }
            if hour > 24 {
                return Err(NotATime);
            }
            let clock = match half {
                Some(pm) if (1..=12).contains(&hour) => {
                    let h = match (pm, hour) {
                        (true, 12) => 12,
                        (true, h) => h + 12,
                        (false, 12) => 0,
                        (false, h) => h,
                    };
                    Clock::sure(h, minute)
                }
                Some(_) => Clock::sure(hour, minute),
                None => Clock::sure(hour % 24, minute).map(|mut c| {
                    c.ambiguous = (1..=12).contains(&hour);
                    c
                }),
            }
            .ok_or(NotATime)?;
            words.drain(i..at);
            return Ok(Some(clock));
        }
    }
    // A part of the day alone: `de manhã`, `à tarde`, `pela manhã`, `esta noite`, `tonight`.
    for i in 0..words.len() {
        if let Some(clock) = part_of_day(&words[i]) {
            let lead = i > 0
                && matches!(
                    words[i - 1].as_str(),
                    "de" | "da" | "a" | "pela" | "na" | "in" | "this" | "esta" | "essa" | "nesta"
                );
            if lead || words[i] == "tonight" {
                let start = if lead { i - 1 } else { i };
                let today = lead && matches!(words[i - 1].as_str(), "this" | "esta" | "essa" | "nesta");
                words.drain(start..=i);
                if today || words.is_empty() {
                    words.insert(start.min(words.len()), "hoje".into());
                }
                return Ok(Some(clock));
            }
        }
    }
    Ok(None)
}
