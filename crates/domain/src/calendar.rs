//! Working days: weekends, Brazil's national holidays (the fixed ones and those that move with
//! Easter) and a workspace's own days off. Reminders run on working days only, and a meeting or a
//! due date on a day off is accepted but flagged.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of a year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Which of Brazil's national days off a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    NewYear,
    /// Carnival Monday and Tuesday (ponto facultativo nationally, a day off in practice).
    Carnival,
    GoodFriday,
    Tiradentes,
    Labour,
    CorpusChristi,
    Independence,
    Aparecida,
    AllSouls,
    Republic,
    BlackConsciousness,
    Christmas,
}

impl Holiday {
    /// The holiday's name in English and Brazilian Portuguese.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Holiday::NewYear => ("New Year's Day", "Confraternização Universal"),
            Holiday::Carnival => ("Carnival", "Carnaval"),
            Holiday::GoodFriday => ("Good Friday", "Sexta-feira Santa"),
            Holiday::Tiradentes => ("Tiradentes", "Tiradentes"),
            Holiday::Labour => ("Labour Day", "Dia do Trabalho"),
            Holiday::CorpusChristi => ("Corpus Christi", "Corpus Christi"),
            Holiday::Independence => ("Independence Day", "Independência do Brasil"),
            Holiday::Aparecida => ("Our Lady of Aparecida", "Nossa Senhora Aparecida"),
            Holiday::AllSouls => ("All Souls' Day", "Finados"),
            Holiday::Republic => ("Republic Day", "Proclamação da República"),
            Holiday::BlackConsciousness => ("Black Consciousness Day", "Dia da Consciência Negra"),
            Holiday::Christmas => ("Christmas", "Natal"),
        }
    }
}

/// The national holiday on `day`, if it is one.
pub fn national_holiday(day: NaiveDate) -> Option<Holiday> {
    let fixed = match (day.month(), day.day()) {
        (1, 1) => Some(Holiday::NewYear),
        (4, 21) => Some(Holiday::Tiradentes),
        (5, 1) => Some(Holiday::Labour),
        (9, 7) => Some(Holiday::Independence),
        (10, 12) => Some(Holiday::Aparecida),
        (11, 2) => Some(Holiday::AllSouls),
        (11, 15) => Some(Holiday::Republic),
        // A national holiday since 2024 (Lei 14.759/2023).
        (11, 20) if day.year() >= 2024 => Some(Holiday::BlackConsciousness),
        (12, 25) => Some(Holiday::Christmas),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    let easter = easter(day.year())?;
    let offset = (day - easter).num_days();
    match offset {
        -48 | -47 => Some(Holiday::Carnival),
        -2 => Some(Holiday::GoodFriday),
        60 => Some(Holiday::CorpusChristi),
        _ => None,
    }
}

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOff {
    Weekend,
    National(Holiday),
    /// One of the workspace's own days off.
    Workspace,
}

/// The working calendar of a workspace: national holidays plus its own days off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    /// The workspace's own days off, sorted.
    pub own: Vec<NaiveDate>,
}

impl Calendar {
    pub fn new(mut own: Vec<NaiveDate>) -> Calendar {
        own.sort_unstable();
        own.dedup();
        Calendar { own }
    }

    /// Why `day` is a day off, or `None` for a working day.
    pub fn day_off(&self, day: NaiveDate) -> Option<DayOff> {
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            return Some(DayOff::Weekend);
        }
        if let Some(h) = national_holiday(day) {
            return Some(DayOff::National(h));
        }
        self.own.binary_search(&day).is_ok().then_some(DayOff::Workspace)
    }

    /// Why `day` is a holiday (not a weekend), for flagging a meeting or a due date.
    pub fn holiday(&self, day: NaiveDate) -> Option<DayOff> {
        self.day_off(day).filter(|d| *d != DayOff::Weekend)
    }

    pub fn is_working(&self, day: NaiveDate) -> bool {
        self.day_off(day).is_none()
    }

    /// The first working day after `day`.
    pub fn next_working_day(&self, day: NaiveDate) -> NaiveDate {
        let mut next = day;
        for _ in 0..60 {
            next = next.checked_add_days(Days::new(1)).unwrap_or(next);
            if self.is_working(next) {
                return next;
            }
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_sundays() {
        for (year, m, day) in [(2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2028, 4, 16), (2038, 4, 25)]
        {
            assert_eq!(easter(year), Some(d(year, m, day)), "{year}");
        }
    }

    #[test]
    fn national_holidays_fixed_and_moving() {
        // Carnival 2027: Monday 8 and Tuesday 9 February; Good Friday 26 March; Corpus Christi 27 May.
        assert_eq!(national_holiday(d(2027, 2, 8)), Some(Holiday::Carnival));
        assert_eq!(national_holiday(d(2027, 2, 9)), Some(Holiday::Carnival));
        assert_eq!(national_holiday(d(2027, 2, 10)), None, "Ash Wednesday is a working day from noon");
        assert_eq!(national_holiday(d(2027, 3, 26)), Some(Holiday::GoodFriday));
        assert_eq!(national_holiday(d(2027, 5, 27)), Some(Holiday::CorpusChristi));
        assert_eq!(national_holiday(d(2026, 12, 25)), Some(Holiday::Christmas));
        assert_eq!(national_holiday(d(2027, 1, 1)), Some(Holiday::NewYear));
        assert_eq!(national_holiday(d(2026, 11, 20)), Some(Holiday::BlackConsciousness));
        assert_eq!(national_holiday(d(2023, 11, 20)), None);
        assert_eq!(national_holiday(d(2026, 12, 24)), None);
    }

    #[test]
    fn working_days_around_christmas_and_carnival() {
        let cal = Calendar::new(vec![d(2026, 12, 24), d(2026, 12, 31)]);
        assert_eq!(cal.day_off(d(2026, 12, 24)), Some(DayOff::Workspace));
        assert_eq!(cal.day_off(d(2026, 12, 25)), Some(DayOff::National(Holiday::Christmas)));
        assert_eq!(cal.day_off(d(2026, 12, 26)), Some(DayOff::Weekend));
        assert_eq!(cal.next_working_day(d(2026, 12, 23)), d(2026, 12, 28));
        assert_eq!(cal.next_working_day(d(2026, 12, 30)), d(2027, 1, 4));
        // Friday 5 February 2027, then the weekend and Carnival: Ash Wednesday.
        assert_eq!(cal.next_working_day(d(2027, 2, 5)), d(2027, 2, 10));
        assert!(cal.is_working(d(2026, 12, 28)));
        assert_eq!(cal.holiday(d(2026, 12, 26)), None, "a weekend is not flagged as a holiday");
    }
}
