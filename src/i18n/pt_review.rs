//! A review of the catalog's Brazilian Portuguese: every text of the catalog is written as a pair
//! `s("en", "pt")`, `p(format!(en), format!(pt))` or `pick(en, pt)`; this test reads each pair's
//! Portuguese half and fails on English words that have no place in it. Commands, options and
//! the identifiers people type (`/contacts`, `--kind`, `weekly_digest`) are left alone.

/// The string literals of a piece of source, in order.
fn literals(source: &str) -> Vec<String> {
    let bytes: Vec<char> = source.chars().collect();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < bytes.len() {
        if bytes[i] == '"' {
            let mut text = String::new();
            i += 1;
            while i < bytes.len() && bytes[i] != '"' {
                if bytes[i] == '\\' {
                    i += 1;
                }
                if let Some(c) = bytes.get(i) {
                    text.push(*c);
                }
                i += 1;
            }
            out.push(text);
        }
        i += 1;
    }
    out
}

/// The arguments of the call whose opening parenthesis ends at `start`, split at top-level commas.
fn arguments(source: &[char], start: usize) -> Vec<String> {
    let (mut depth, mut i, mut args, mut current) = (1, start, Vec::new(), String::new());
    while i < source.len() && depth > 0 {
        let c = source[i];
        if c == '"' {
            current.push(c);
            i += 1;
            while i < source.len() && source[i] != '"' {
                if source[i] == '\\' {
                    current.push(source[i]);
                    i += 1;
                }
                if let Some(c) = source.get(i) {
                    current.push(*c);
                }
                i += 1;
            }
            current.push('"');
            i += 1;
            continue;
        }
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
        if depth == 1 && c == ',' {
            args.push(std::mem::take(&mut current));
        } else if depth > 0 {
            current.push(c);
        }
        i += 1;
    }
    args.push(current);
    args
}

/// The Portuguese half of every pair in a catalog source file: (line, text).
fn portuguese(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    for call in ["s(", "p(", "pick("] {
        let mut from = 0;
        while let Some(at) = source[from..].find(call).map(|i| i + from) {
            from = at + call.len();
            let before = source[..at].chars().last().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' {
                continue;
            }
            let start = source[..from].chars().count();
            let args = arguments(&chars, start);
            if let Some(pt) = args.get(1) {
                let line = source[..at].matches('\n').count() + 1;
                out.push((line, literals(pt).join(" ")));
            }
        }
    }
    out
}

/// English words that would only be in Portuguese text by a slip ("for" is left out: "quando for").
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "with",
    "of",
    "to",
    "is",
    "are",
    "was",
    "not",
    "in",
    "at",
    "by",
    "from",
    "days",
    "day",
    "due",
    "overdue",
    "since",
    "next",
    "meeting",
    "meetings",
    "planning",
    "review",
    "reviews",
    "account",
    "accounts",
    "contact",
    "contacts",
    "yes",
    "today",
    "tomorrow",
    "yesterday",
    "week",
    "weeks",
    "month",
    "year",
    "share",
    "wallet",
    "owner",
    "health",
    "risk",
    "won",
    "lost",
    "open",
    "snooze",
    "page",
    "more",
    "than",
    "this",
    "that",
    "your",
    "you",
    "we",
    "our",
    "has",
    "have",
    "been",
    "only",
    "cannot",
    "must",
    "logged",
    "booked",
    "reached",
    "stage",
    "other",
    "opportunity",
    "opportunities",
    "goals",
    "plan",
    "reasons",
    "team",
    "people",
    "person",
    "manager",
    "language",
    "file",
    "files",
    "competitors",
    "competitor",
    "threat",
    "high",
    "medium",
    "low",
    "strength",
    "stance",
    "supporter",
    "neutral",
    "detractor",
    "influencer",
    "gatekeeper",
    "positive",
    "negative",
    "call",
    "visit",
    "note",
    "champion",
];

/// Words people type that the Portuguese text names as they are typed: subcommands, fields, the
/// switches of a schedule, the marker of an erased contact.
const TYPED: &[&str] = &[
    "use", "email", "on", "off", "goal", "set", "done", "add", "remove", "reason", "alias", "none", "accounts",
    "contacts", "people", "tone", "erased", "contact", "import",
];

/// The English words left in a Portuguese text, once commands, options, placeholders and
/// identifiers are taken out.
pub(crate) fn english_in(text: &str) -> Vec<String> {
    let mut kept = String::new();
    let mut skip_word = false;
    for (i, c) in text.char_indices() {
        let starts_word = i == 0 || !text[..i].chars().last().is_some_and(|p| p.is_alphanumeric() || p == '_');
        if starts_word && (c == '/' || (c == '-' && text[i..].starts_with("--"))) {
            skip_word = true;
        }
        if c.is_whitespace() || c == ')' || c == ',' {
            skip_word = false;
        }
        kept.push(if skip_word { ' ' } else { c });
    }
    let mut out = Vec::new();
    let mut placeholder = false;
    let mut word = String::new();
    for c in kept.chars().chain([' ']) {
        match c {
            '{' => placeholder = true,
            '}' => placeholder = false,
            c if (c.is_alphanumeric() || c == '_' || c == '\'') && !placeholder => word.push(c),
            _ => {
                let w = std::mem::take(&mut word);
                let lower = w.to_lowercase();
                let identifier = w.contains('_') || w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
                if !identifier && ENGLISH.contains(&lower.as_str()) && !TYPED.contains(&lower.as_str()) {
                    out.push(w);
                }
            }
        }
    }
    out
}

#[test]
fn the_portuguese_catalog_has_no_english_left() {
    let mut slips = Vec::new();
    let mut pairs = 0;
    let sources = [
        ("messages/help.rs", include_str!("messages/help.rs")),
        ("messages/import.rs", include_str!("messages/import.rs")),
        ("messages/input.rs", include_str!("messages/input.rs")),
        ("messages/capture.rs", include_str!("messages/capture.rs")),
        ("messages/card.rs", include_str!("messages/card.rs")),
        ("messages/log.rs", include_str!("messages/log.rs")),
        ("messages/plan.rs", include_str!("messages/plan.rs")),
        ("messages/deals.rs", include_str!("messages/deals.rs")),
        ("messages/health.rs", include_str!("messages/health.rs")),
        ("messages/meetings.rs", include_str!("messages/meetings.rs")),
        ("messages/digest.rs", include_str!("messages/digest.rs")),
        ("messages/reminders.rs", include_str!("messages/reminders.rs")),
        ("messages/tasks.rs", include_str!("messages/tasks.rs")),
        ("messages/people.rs", include_str!("messages/people.rs")),
        ("messages/cli.rs", include_str!("messages/cli.rs")),
        ("messages/chat.rs", include_str!("messages/chat.rs")),
        ("messages/helpers.rs", include_str!("messages/helpers.rs")),
        ("onboarding.rs", include_str!("onboarding.rs")),
    ];
    for (file, source) in sources {
        let texts = portuguese(source);
        assert!(!texts.is_empty(), "{file}: the pairs were not found");
        pairs += texts.len();
        for (line, text) in texts {
            let english = english_in(&text);
            if !english.is_empty() {
                slips.push(format!("{file}:{line}: {english:?} in “{text}”"));
            }
        }
    }
    // Every area's pairs were read (the catalog holds some seven hundred).
    assert!(pairs > 650, "the pairs were not found ({pairs})");
    assert!(slips.is_empty(), "English in the Portuguese catalog:\n{}", slips.join("\n"));
}

#[test]
fn the_review_finds_what_it_should() {
    assert_eq!(english_in("Reunião de planning com {account} (in 3 days)"), ["planning", "in", "days"]);
    assert!(english_in("Use /contacts Vale --kind planejamento ou weekly_digest; DATA {days}").is_empty());
    assert_eq!(portuguese(r#"x => s("Hello", "Olá the"),"#), [(1, "Olá the".to_string())]);
    let log = "/log Vale meeting \"Discussed the 2027 plan\" --next \"Send proposal\"";
    assert!(!english_in(log).is_empty(), "the English example would be caught: {log}");
    assert_eq!(portuguese("p(format!(\"a {x}\", x), format!(\"b {y}\"))"), [(1, "b {y}".to_string())]);
}
