//! Text folding for matching: case- and accent-insensitive forms of names and queries.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A value as it is typed back into a command: in double quotes when it has a space or a quote.
pub fn quoted(value: &str) -> String {
    if value.chars().any(|c| c.is_whitespace() || c == '"' || c == '\'') {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        value.to_string()
    }
}

/// Folds text for matching: lower case, accents removed, punctuation turned into spaces,
/// runs of white space collapsed. `"  PETROBRÁS S.A. "` becomes `"petrobras s a"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        let replacement = match c {
            'ß' => Some("ss"),
            'æ' | 'Æ' => Some("ae"),
            'ø' | 'Ø' => Some("o"),
            'đ' | 'Đ' => Some("d"),
            'ł' | 'Ł' => Some("l"),
            _ => None,
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            match replacement {
                Some(text) => out.push_str(text),
                None => out.extend(c.to_lowercase()),
            }
        } else if c == '&' {
            // "Procter & Gamble" and "Procter and Gamble" stay distinct but searchable.
            if !out.is_empty() {
                out.push(' ');
            }
            out.push('&');
            pending_space = true;
        } else {
            pending_space = true;
        }
    }
    out
}

/// The words of a folded text.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(' ').filter(|w| !w.is_empty())
}

/// The smallest string greater than every string that starts with `prefix`, for index range scans.
pub fn prefix_upper_bound(prefix: &str) -> String {
    let mut bound = String::with_capacity(prefix.len() + 4);
    bound.push_str(prefix);
    bound.push(char::MAX);
    bound
}

/// Cuts `text` to at most `max` characters, marking the cut with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Whether a character changes how text around it is shown rather than being shown itself: the
/// bidirectional marks, embeddings, overrides and isolates (U+202E can make one name read as
/// another) and the byte-order mark.
fn is_format_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Text without control characters (escape sequences, bells, NUL, bidirectional overrides...):
/// what a person typed or a file held, safe to store and to print. Line breaks stay; tabs become
/// spaces.
pub fn without_controls(text: &str) -> String {
    if !text.chars().any(|c| c.is_control() || is_format_control(c)) {
        return text.to_string();
    }
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() || is_format_control(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Text of several lines cut to `max` characters at a line's end, the last line saying how many
/// were left out (`more(n)`, such as "… and 12 more"); a first line too long alone is truncated.
pub fn cut_lines(text: &str, max: usize, more: impl Fn(usize) -> String) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut kept = String::new();
    for (i, line) in lines.iter().enumerate() {
        let note = more(lines.len() - i);
        let with_line = kept.chars().count() + line.chars().count() + 1;
        // Keep the line only if the note of what follows still fits after it.
        let rest_note = more(lines.len() - i - 1);
        if with_line + rest_note.chars().count() + 1 > max {
            if kept.is_empty() {
                return truncate(text, max);
            }
            kept.push('\n');
            kept.push_str(&note);
            return kept;
        }
        if !kept.is_empty() {
            kept.push('\n');
        }
        kept.push_str(line);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(without_controls("Vale\u{1b}[31m red\u{7}\u{0}"), "Vale[31m red");
        assert_eq!(without_controls("a\tb\nc\r"), "a b\nc");
        assert_eq!(without_controls("Petrobrás · ok"), "Petrobrás · ok");
        // A right-to-left override would show "Vale\u{202E}lirb" as "Valebril": it is dropped, as
        // are the other bidirectional controls and a stray byte-order mark.
        assert_eq!(without_controls("Vale\u{202E}lirb"), "Valelirb");
        assert_eq!(without_controls("\u{2066}Raízen\u{2069}\u{200F}\u{FEFF}"), "Raízen");
    }

    #[test]
    fn long_lists_are_cut_at_a_line_and_say_so() {
        let text = (0..100).map(|i| format!("• line {i:03}")).collect::<Vec<_>>().join("\n");
        let cut = cut_lines(&text, 120, |n| format!("… and {n} more"));
        assert!(cut.chars().count() <= 120, "{cut}");
        assert!(cut.starts_with("• line 000\n• line 001"));
        let kept = cut.lines().filter(|l| l.starts_with('•')).count();
        assert_eq!(cut.lines().last(), Some(format!("… and {} more", 100 - kept).as_str()));
        assert_eq!(cut_lines("short", 120, |n| n.to_string()), "short");
        assert_eq!(cut_lines(&"x".repeat(200), 10, |n| n.to_string()).chars().count(), 10);
    }

    #[test]
    fn folds_case_accents_and_punctuation() {
        for (input, expected) in [
            ("Petrobrás", "petrobras"),
            ("PETROBRÁS", "petrobras"),
            ("petrobras", "petrobras"),
            ("  Companhia   Vale do Rio Doce ", "companhia vale do rio doce"),
            ("Gerdau S.A.", "gerdau s a"),
            ("São João-d'El-Rei", "sao joao d el rei"),
            ("Ação", "acao"),
            ("Straße", "strasse"),
            ("Procter & Gamble", "procter & gamble"),
            ("", ""),
            ("...", ""),
        ] {
            assert_eq!(fold(input), expected, "fold({input:?})");
        }
    }

    #[test]
    fn words_skip_empty() {
        assert_eq!(words("vale do rio").collect::<Vec<_>>(), ["vale", "do", "rio"]);
        assert_eq!(words("").count(), 0);
    }

    #[test]
    fn upper_bound_sorts_after_every_extension() {
        let bound = prefix_upper_bound("petro");
        assert!("petro" < bound.as_str());
        assert!("petrobras" < bound.as_str());
        assert!("petroz\u{10FFFE}" < bound.as_str());
        assert!("petrp" > bound.as_str());
    }

    #[test]
    fn truncates_on_characters_not_bytes() {
        assert_eq!(truncate("ação", 10), "ação");
        assert_eq!(truncate("ação comercial", 5), "ação…");
    }
}
