//! Cron expressions as people write them: the 5-field crontab (`0 8 * * 1`, minute hour
//! day-of-month month day-of-week, with 0 or 7 = Sunday and 1 = Monday, as in Vixie cron) or the
//! same with a leading seconds field. They are translated for the `cron` crate (which wants
//! seconds and numbers weekdays from Sunday = 1) and evaluated in local time, so that a repeated
//! fall-back hour fires once and a time skipped by spring-forward fires right after the gap.

use std::collections::BTreeSet;
use std::str::FromStr;

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use cron::Schedule;

/// A checked cron expression.
#[derive(Debug, Clone)]
pub struct CronExpr {
    source: String,
    /// One schedule, or two when both day fields are restricted (Vixie fires when either matches).
    schedules: Vec<Schedule>,
}

/// Why an expression was refused, for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CronError(pub String);

const WEEKDAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// Vixie weekday field → the set of weekdays, Sunday = 0.
fn vixie_weekdays(field: &str) -> Result<BTreeSet<u32>, CronError> {
    let bad = || CronError(format!("day of week “{field}”: use 0-7 (0 or 7 = Sunday, 1 = Monday) or SUN-SAT"));
    let value = |s: &str| -> Result<u32, CronError> {
        if let Some(i) = WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(s)) {
            return Ok(i as u32);
        }
        s.parse::<u32>().ok().filter(|n| *n <= 7).ok_or_else(bad)
    };
    let mut days = BTreeSet::new();
    for part in field.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((r, s)) => (r, s.parse::<u32>().ok().filter(|s| *s > 0).ok_or_else(bad)?),
            None => (part, 1),
        };
        let (from, to) = match range {
            "*" => (0, 6),
            r => match r.split_once('-') {
                Some((a, b)) => (value(a)?, value(b)?),
                None if step > 1 => (value(r)?, 7),
                None => {
                    let v = value(r)?;
                    (v, v)
                }
            },
        };
        if from > to {
            return Err(bad());
        }
        days.extend((from..=to).step_by(step as usize).map(|d| d % 7));
    }
    Ok(days)
}

fn restricted(field: &str) -> bool {
    field != "*" && field != "?"
}

impl CronExpr {
    /// Parses a 5-field crontab line or a 6-field one with seconds first.
    pub fn parse(expression: &str) -> Result<CronExpr, CronError> {
        let fields: Vec<&str> = expression.split_whitespace().collect();
        let (seconds, rest) = match fields.len() {
            5 => ("0", &fields[..]),
            6 => (fields[0], &fields[1..]),
            n => {
                return Err(CronError(format!(
                    "“{expression}” has {n} fields: write minute hour day-of-month month day-of-week (like 0 8 * * 1), optionally with seconds first"
                )));
            }
        };
        let [minute, hour, dom, month, dow] = [rest[0], rest[1], rest[2], rest[3], rest[4]];
        let days = vixie_weekdays(dow)?;
        // The cron crate numbers weekdays 1 (Sunday) to 7 (Saturday).
        let dow_crate = if days.len() == 7 {
            "*".to_string()
        } else {
            days.iter().map(|d| (d + 1).to_string()).collect::<Vec<_>>().join(",")
        };
        let build = |dom: &str, dow: &str| -> Result<Schedule, CronError> {
            let translated = format!("{seconds} {minute} {hour} {dom} {month} {dow}");
            Schedule::from_str(&translated).map_err(|e| CronError(format!("“{expression}”: {e}")))
        };
        let schedules = if restricted(dom) && restricted(dow) {
            vec![build(dom, "*")?, build("*", &dow_crate)?]
        } else {
            vec![build(dom, &dow_crate)?]
        };
        // A line like `0 0 30 2 *` (February 30th) is well formed and never fires.
        let from = Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).single().unwrap_or(DateTime::<Utc>::MIN_UTC);
        if schedules.iter().all(|s| s.after(&from).next().is_none()) {
            return Err(CronError(format!("“{expression}” never fires: no such day exists")));
        }
        Ok(CronExpr { source: expression.split_whitespace().collect::<Vec<_>>().join(" "), schedules })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// The next local wall-clock time strictly after `after` (both naive, local).
    fn next_local(&self, after: NaiveDateTime) -> Option<NaiveDateTime> {
        let after = Utc.from_utc_datetime(&after);
        self.schedules.iter().filter_map(|s| s.after(&after).next()).min().map(|t| t.naive_utc())
    }

    /// The occurrences after `after` and at or before `until`, as instants, in `tz`'s local time.
    /// A local time that happens twice (fall-back) fires at its first instant only; one that does
    /// not happen (spring-forward) fires at the first local minute after the gap.
    pub fn occurrences(&self, tz: Tz, after: DateTime<Utc>, until: DateTime<Utc>, limit: usize) -> Vec<DateTime<Utc>> {
        let mut out: Vec<DateTime<Utc>> = Vec::new();
        // Start a little before, in local time, so that a local time mapped after a gap is not lost.
        let mut cursor = after.with_timezone(&tz).naive_local() - Duration::hours(3);
        while out.len() < limit {
            let Some(local) = self.next_local(cursor) else { break };
            cursor = local;
            let Some(instant) = to_instant(tz, local) else { continue };
            if instant > until {
                break;
            }
            if instant > after && out.last().is_none_or(|last| *last < instant) {
                out.push(instant);
            }
        }
        out
    }

    /// The next `n` occurrences after `after`.
    pub fn next(&self, tz: Tz, after: DateTime<Utc>, n: usize) -> Vec<DateTime<Utc>> {
        self.occurrences(tz, after, DateTime::<Utc>::MAX_UTC, n)
    }
}

/// The instant of a local time: the first of two in a repeated hour, the first minute after the
/// gap for a skipped one.
fn to_instant(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    if let Some(t) = tz.from_local_datetime(&local).earliest() {
        return Some(t.with_timezone(&Utc));
    }
    (1..=240).find_map(|m| {
        let later = local + Duration::minutes(m);
        tz.from_local_datetime(&later).earliest().map(|t| {
            // The first valid minute, at the start of that minute.
            let start = later - Duration::seconds(i64::from(chrono::Timelike::second(&later)));
            tz.from_local_datetime(&start).earliest().unwrap_or(t).with_timezone(&Utc)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Timelike, Weekday};

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_line_that_never_fires_is_refused() {
        assert!(CronExpr::parse("0 0 30 2 *").is_err());
        assert!(CronExpr::parse("0 0 31 4 *").is_err());
        // February 29th fires every four years; with a weekday it fires every week.
        assert!(CronExpr::parse("0 0 29 2 *").is_ok());
        assert!(CronExpr::parse("0 0 30 2 1").is_ok());
    }

    #[test]
    fn weekday_numbers_follow_vixie_cron() {
        let table: [(&str, &[u32]); 9] = [
            ("1", &[1]),
            ("0", &[0]),
            ("7", &[0]),
            ("1-5", &[1, 2, 3, 4, 5]),
            ("5-7", &[0, 5, 6]),
            ("*/2", &[0, 2, 4, 6]),
            ("MON,wed,FRI", &[1, 3, 5]),
            ("*", &[0, 1, 2, 3, 4, 5, 6]),
            ("1-5/2", &[1, 3, 5]),
        ];
        for (field, days) in table {
            assert_eq!(vixie_weekdays(field).unwrap().into_iter().collect::<Vec<_>>(), days, "{field}");
        }
        for bad in ["8", "mon-", "5-1", "x", "*/0"] {
            assert!(vixie_weekdays(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn monday_eight_fires_on_mondays() {
        let cron = CronExpr::parse("0 8 * * 1").unwrap();
        let tz: Tz = "America/Sao_Paulo".parse().unwrap();
        let runs = cron.next(tz, utc("2026-11-27T12:00:00Z"), 3);
        assert_eq!(runs.len(), 3);
        for run in &runs {
            let local = run.with_timezone(&tz);
            assert_eq!((local.weekday(), local.hour(), local.minute()), (Weekday::Mon, 8, 0));
        }
        assert_eq!(runs[0], utc("2026-11-30T11:00:00Z"));
        // Sunday as 0 and as 7 are the same day.
        let sunday0 = CronExpr::parse("30 9 * * 0").unwrap().next(tz, utc("2026-11-27T12:00:00Z"), 1);
        let sunday7 = CronExpr::parse("30 9 * * 7").unwrap().next(tz, utc("2026-11-27T12:00:00Z"), 1);
        assert_eq!(sunday0, sunday7);
        assert_eq!(sunday0[0].with_timezone(&tz).weekday(), Weekday::Sun);
    }

    #[test]
    fn six_fields_carry_seconds() {
        let cron = CronExpr::parse("30 0 8 * * 1-5").unwrap();
        let tz: Tz = "UTC".parse().unwrap();
        assert_eq!(cron.next(tz, utc("2026-11-27T12:00:00Z"), 1), [utc("2026-11-30T08:00:30Z")]);
    }

    #[test]
    fn refused_expressions_say_why() {
        for bad in ["0 8 * *", "* * * * * * *", "61 8 * * 1", "0 8 * * 9", "0 25 * * *", "banana"] {
            assert!(CronExpr::parse(bad).is_err(), "{bad}");
        }
        assert!(CronExpr::parse("0 8 * *").unwrap_err().0.contains("has 4 fields"));
    }

    #[test]
    fn both_day_fields_match_either_as_in_vixie() {
        // The 1st of the month, and every Monday.
        let cron = CronExpr::parse("0 8 1 * 1").unwrap();
        let tz: Tz = "UTC".parse().unwrap();
        let runs = cron.next(tz, utc("2026-11-27T12:00:00Z"), 3);
        assert_eq!(runs, [utc("2026-11-30T08:00:00Z"), utc("2026-12-01T08:00:00Z"), utc("2026-12-07T08:00:00Z")]);
    }

    #[test]
    fn new_york_fall_back_fires_once() {
        // 2026-11-01: 01:00-02:00 happens twice in New York.
        let tz: Tz = "America/New_York".parse().unwrap();
        let cron = CronExpr::parse("30 1 * * *").unwrap();
        let runs = cron.occurrences(tz, utc("2026-10-31T12:00:00Z"), utc("2026-11-02T12:00:00Z"), 10);
        assert_eq!(runs, [utc("2026-11-01T05:30:00Z"), utc("2026-11-02T06:30:00Z")]);
        // An hourly job still fires once per distinct local hour.
        let hourly = CronExpr::parse("0 * * * *").unwrap();
        let runs = hourly.occurrences(tz, utc("2026-11-01T03:30:00Z"), utc("2026-11-01T08:30:00Z"), 10);
        let locals: Vec<u32> = runs.iter().map(|r| r.with_timezone(&tz).hour()).collect();
        assert_eq!(locals, [0, 1, 2, 3]);
    }

    #[test]
    fn new_york_spring_forward_fires_right_after_the_gap() {
        // 2026-03-08: 02:00-03:00 does not happen in New York.
        let tz: Tz = "America/New_York".parse().unwrap();
        let cron = CronExpr::parse("30 2 * * *").unwrap();
        let runs = cron.occurrences(tz, utc("2026-03-07T12:00:00Z"), utc("2026-03-09T12:00:00Z"), 10);
        assert_eq!(runs, [utc("2026-03-08T07:00:00Z"), utc("2026-03-09T06:30:00Z")]);
        assert_eq!(runs[0].with_timezone(&tz).hour(), 3);
    }

    #[test]
    fn sao_paulo_has_no_daylight_saving() {
        let tz: Tz = "America/Sao_Paulo".parse().unwrap();
        let cron = CronExpr::parse("0 8 * * *").unwrap();
        let runs = cron.occurrences(tz, utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"), 400);
        assert_eq!(runs.len(), 365);
        assert!(runs.iter().all(|r| r.with_timezone(&Utc).hour() == 11), "08:00 is always 11:00 UTC");
    }
}
