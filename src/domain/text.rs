//! Text folding for matching: case- and accent-insensitive forms of names and queries.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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

#[cfg(test)]
mod tests {
    use super::*;

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
