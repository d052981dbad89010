//! The date reader against Duckling's own time corpora (`tests/corpus/dates.txt`): every example
//! of the classes we read agrees with Duckling's answer, or is refused by design.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use kam_bot::domain::dates::{DateError, Lean, read_when};

const CORPUS: &str = include_str!("../corpus/dates.txt");

/// Whether what we read agrees with Duckling's answer.
fn agrees(expected: &str, got: &Result<(NaiveDate, Option<NaiveTime>), DateError>) -> bool {
    let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").ok();
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    if expected == "refused" {
        return matches!(got, Err(DateError::OutOfRange));
    }
    let Ok((d, t)) = got else { return false };
    if let Some(rest) = expected.strip_prefix("week ") {
        return day(rest).is_some_and(|monday| *d >= monday && (*d - monday).num_days() < 7);
    }
    if let Some(rest) = expected.strip_prefix("month ") {
        return format!("{:04}-{:02}", d.year(), d.month()) == rest;
    }
    if let Some(rest) = expected.strip_prefix("year ") {
        return d.year().to_string() == rest;
    }
    if let Some(rest) = expected.strip_prefix("from ") {
        let Some((from, to)) = rest.split_once(" to ").and_then(|(a, b)| Some((at(a)?, at(b)?))) else { return false };
        return *d == from.date() && t.is_none_or(|t| (from..to).contains(&d.and_time(t)));
    }
    if let Some(expected) = at(expected) {
        return *d == expected.date() && *t == Some(expected.time());
    }
    day(expected) == Some(*d)
}

#[test]
fn the_date_reader_agrees_with_duckling() {
    let mut now = None;
    let (mut total, mut by_lang) = (0, std::collections::BTreeMap::<&str, (usize, usize)>::new());
    let mut wrong = Vec::new();
    for line in CORPUS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some(reference) = line.strip_prefix("@ ") {
            now = Some(NaiveDateTime::parse_from_str(reference, "%Y-%m-%d %H:%M").expect("a reference instant"));
            continue;
        }
        let parts: Vec<&str> = line.split(" | ").map(str::trim).collect();
        let [lang, phrase, expected] = parts[..] else { panic!("a bad line: {line}") };
        let got = read_when(phrase, now.expect("a reference before the examples"), Lean::Future);
        let ok = agrees(expected, &got);
        total += 1;
        let entry = by_lang.entry(lang).or_default();
        entry.1 += 1;
        if ok {
            entry.0 += 1;
        } else {
            wrong.push(format!("{lang} “{phrase}”: Duckling {expected}, we {got:?}"));
        }
    }
    for (lang, (ok, all)) in &by_lang {
        println!("{lang}: {ok} of {all} agree");
    }
    println!("in all: {} of {total} agree", total - wrong.len());
    assert!(total >= 300, "the corpus was not read ({total})");
    assert!(wrong.is_empty(), "{} disagree:\n{}", wrong.len(), wrong.join("\n"));
}
