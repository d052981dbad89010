//! What several areas' texts share: lists, plurals, days ahead, how a meeting and an argument are
//! named, and the facts of a meeting's reminder.

use chrono::NaiveDate;

use crate::domain::kind::MeetingKind;
use crate::i18n::Locale;

/// Joins names as a readable list: `A, B, C`.
pub(super) fn list(names: &[String]) -> String {
    names.join(", ")
}

/// What the reminder before a booked meeting says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(Default))]
pub struct MeetingBrief {
    pub account: String,
    pub kind: MeetingKind,
    pub day: NaiveDate,
    pub time: String,
    pub with: String,
    pub last_on: Option<NaiveDate>,
    pub last_by: Option<String>,
    pub step: Option<String>,
    pub step_due: Option<NaiveDate>,
}

/// A booked meeting named by its kind: `planning meeting`, `reunião de planejamento`.
pub(super) fn meeting_phrase(kind: MeetingKind, l: Locale) -> String {
    match kind {
        MeetingKind::Planning => l.pick("planning meeting", "reunião de planejamento"),
        MeetingKind::Review => l.pick("yearly review meeting", "reunião de revisão anual"),
        MeetingKind::Other => l.pick("meeting", "reunião"),
    }
    .to_string()
}

pub(super) fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 { format!("{n} {one}") } else { format!("{n} {many}") }
}

/// How far ahead a day is: `today`, `tomorrow`, `in 3 days`.
pub(super) fn in_days(days: i64, l: Locale) -> String {
    match days {
        0 => l.pick("today", "hoje").to_string(),
        1 => l.pick("tomorrow", "amanhã").to_string(),
        n => l.pick(format!("in {n} days"), format!("em {n} dias")),
    }
}
