//! Ranking of account names against what a person typed: exact, prefix and word-prefix matches,
//! and the closest names when nothing matches.

use std::collections::HashMap;

use crate::text::{fold, words};

/// How a candidate matched the query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    ExactName,
    ExactAlias,
    NamePrefix,
    AliasPrefix,
    WordPrefix,
}

/// An account that matched, with how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub account_id: i64,
    pub name: String,
    pub kind: MatchKind,
}

/// Keeps each account once, with its best match, and orders them: best kind first, then shorter
/// names (a closer fit to the query), then alphabetically.
pub fn rank(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut best: HashMap<i64, Candidate> = HashMap::new();
    for c in candidates {
        match best.get(&c.account_id) {
            Some(existing) if existing.kind <= c.kind => {}
            _ => {
                best.insert(c.account_id, c);
            }
        }
    }
    let mut ranked: Vec<Candidate> = best.into_values().collect();
    ranked.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(a.name.chars().count().cmp(&b.name.chars().count()))
            .then_with(|| fold(&a.name).cmp(&fold(&b.name)))
            .then(a.account_id.cmp(&b.account_id))
    });
    ranked
}

/// How alike a folded query and a folded name are, from 0 (nothing alike) to 1 (the same):
/// the best of whole-text similarity, similarity to the name's start, and word-to-word similarity.
pub fn similarity(folded_query: &str, folded_name: &str) -> f64 {
    if folded_query.is_empty() || folded_name.is_empty() {
        return 0.0;
    }
    let whole = alike(folded_query, folded_name);
    if whole >= START_WEIGHT {
        return whole;
    }
    let query_len = folded_query.chars().count();
    let head: String = folded_name.chars().take(query_len).collect();
    // A typo in a shortened name ("petrobraz" for "petrobras distribuidora") counts, but less.
    let mut best = whole.max(START_WEIGHT * alike(folded_query, &head));
    // A word pair is only compared when it could beat the best so far: two texts of lengths m ≤ n
    // are at most m ÷ n alike.
    for q in words(folded_query).filter(|q| q.chars().count() >= 3) {
        let q_len = q.chars().count();
        for w in words(folded_name) {
            let w_len = w.chars().count();
            let bound = q_len.min(w_len) as f64 / q_len.max(w_len) as f64;
            if WORD_WEIGHT * bound > best {
                best = best.max(WORD_WEIGHT * alike(q, w));
            }
        }
    }
    best
}

/// How much a match of the name's start, or of one word, counts against the whole name.
const START_WEIGHT: f64 = 0.9;
const WORD_WEIGHT: f64 = 0.85;

/// 1 − (edit distance with transpositions) ÷ (longer length): 1 for equal texts.
fn alike(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 {
        return 1.0;
    }
    1.0 - rapidfuzz::distance::osa::distance(a.chars(), b.chars()) as f64 / longest as f64
}

/// The names most like the query, best first, at most `n`, leaving out those too unlike it.
pub fn closest<'a>(folded_query: &str, names: impl IntoIterator<Item = &'a str>, n: usize) -> Vec<String> {
    const THRESHOLD: f64 = 0.55;
    let mut scored: Vec<(f64, &str)> = names
        .into_iter()
        .map(|name| (similarity(folded_query, &fold(name)), name))
        .filter(|(score, _)| *score >= THRESHOLD)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::with_capacity(n);
    for (_, name) in scored {
        if !out.iter().any(|seen| seen == name) {
            out.push(name.to_string());
        }
        if out.len() == n {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: i64, name: &str, kind: MatchKind) -> Candidate {
        Candidate { account_id: id, name: name.to_string(), kind }
    }

    #[test]
    fn ranking_prefers_better_kinds_then_shorter_names() {
        let ranked = rank(vec![
            c(1, "Petrobras Distribuidora", MatchKind::NamePrefix),
            c(2, "PetroRio", MatchKind::NamePrefix),
            c(3, "Braskem Petroquímica", MatchKind::WordPrefix),
            c(2, "PetroRio", MatchKind::WordPrefix),
            c(4, "Petrobrás", MatchKind::AliasPrefix),
        ]);
        let ids: Vec<i64> = ranked.iter().map(|c| c.account_id).collect();
        assert_eq!(ids, [2, 1, 4, 3]);
        assert_eq!(ranked[0].kind, MatchKind::NamePrefix);
    }

    #[test]
    fn closest_names_for_typos() {
        let names = ["Vale", "Petrobrás", "Alcoa", "Embraer", "Gerdau", "Suzano"];
        assert_eq!(closest("petrobraz", names, 3), ["Petrobrás"]);
        assert_eq!(closest("embrar", names, 3), ["Embraer"]);
        assert_eq!(closest("gerdua", names, 3), ["Gerdau"]);
        assert!(closest("zzyzx unknown", names, 3).is_empty());
    }

    #[test]
    fn closest_is_ordered_and_bounded() {
        let names = ["Alcoa", "Alcoa Alumínio", "Alcan", "Alpargatas"];
        let found = closest("alcoa", names, 2);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0], "Alcoa");
    }
}
