//! Which account an imported row names, found as the chat finds it: by the CRM's external id, by
//! CNPJ, by name or alias without case or accents, with or without a company suffix ("S.A.", "Ltda."),
//! or by the start of one name ("Suzano" for "Suzano Papel e Celulose"); a row that could name
//! several accounts names them instead of picking one.

use std::collections::{BTreeMap, HashMap};

use super::{Cells, Problem, Report};
use crate::domain::cnpj::Cnpj;
use crate::domain::text::{fold, truncate};
use crate::store::{Store, StoreError};
use crate::transfer::table::Row;

/// What a cell naming an account matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Found {
    One(i64),
    /// Several accounts, by name.
    Several(Vec<String>),
    None,
}

/// The workspace's accounts by external id, name, alias and company key.
pub(super) struct AccountIndex {
    by_external: HashMap<String, i64>,
    /// CNPJ digits → account.
    by_cnpj: HashMap<String, i64>,
    /// Folded name or alias → accounts, in order: the start of a name is a range.
    by_term: BTreeMap<String, Vec<i64>>,
    /// The same without company suffixes → accounts.
    by_key: BTreeMap<String, Vec<i64>>,
    names: HashMap<i64, String>,
}

/// Words that only say what kind of company it is, dropped from the end of a folded name.
const SUFFIXES: &[&str] =
    &["sa", "ltda", "me", "epp", "eireli", "inc", "llc", "ltd", "corp", "co", "cia", "gmbh", "plc"];

/// A folded company name without its legal suffixes: `vale s a` → `vale`, `aco parana ltda` →
/// `aco parana`.
pub(crate) fn company_key(folded: &str) -> String {
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    loop {
        let n = words.len();
        if n >= 3 && words[n - 2] == "s" && matches!(words[n - 1], "a" | "a.") {
            words.truncate(n - 2);
        } else if n >= 2 && SUFFIXES.contains(&words[n - 1]) {
            words.truncate(n - 1);
        } else {
            break;
        }
    }
    words.join(" ")
}

impl AccountIndex {
    pub(super) async fn load(store: &Store, workspace_id: i64) -> Result<AccountIndex, StoreError> {
        let mut index = AccountIndex {
            by_external: store.account_external_ids(workspace_id).await?.into_iter().map(|(id, e)| (e, id)).collect(),
            by_cnpj: store.account_cnpjs(workspace_id).await?.into_iter().map(|(id, c)| (c, id)).collect(),
            by_term: BTreeMap::new(),
            by_key: BTreeMap::new(),
            names: HashMap::new(),
        };
        for t in store.account_name_terms(workspace_id).await? {
            index.names.entry(t.account_id).or_insert_with(|| t.name.clone());
            let folded = fold(&t.term);
            for (map, key) in [(&mut index.by_term, folded.clone()), (&mut index.by_key, company_key(&folded))] {
                let ids = map.entry(key).or_default();
                // A name and an alias that fold alike name the account once.
                if !ids.contains(&t.account_id) {
                    ids.push(t.account_id);
                }
            }
        }
        Ok(index)
    }

    /// The account with this external id.
    pub(super) fn by_external_id(&self, external: &str) -> Option<i64> {
        self.by_external.get(external.trim()).copied()
    }

    /// The account with this CNPJ, however it is written.
    pub(super) fn by_cnpj(&self, text: &str) -> Option<i64> {
        Cnpj::parse(text).and_then(|c| self.by_cnpj.get(c.digits()).copied())
    }

    /// The account a cell names: by name, alias, company key or the start of a name, or by the
    /// CNPJ written in its place.
    pub(super) fn find(&self, text: &str) -> Found {
        if let Some(id) = self.by_cnpj(text) {
            return Found::One(id);
        }
        let folded = fold(text);
        if folded.is_empty() {
            return Found::None;
        }
        if let Some(ids) = self.by_term.get(&folded) {
            return self.found(ids);
        }
        let key = company_key(&folded);
        if let Some(ids) = self.by_key.get(&key) {
            return self.found(ids);
        }
        // The start of a name, word by word: "suzano" is "suzano papel e celulose".
        let mut ids: Vec<i64> = Vec::new();
        for (_, found) in starting_with(&self.by_term, &format!("{key} ")) {
            for id in found {
                if !ids.contains(id) {
                    ids.push(*id);
                }
            }
        }
        if ids.is_empty() { Found::None } else { self.found(&ids) }
    }

    fn found(&self, ids: &[i64]) -> Found {
        match ids {
            [one] => Found::One(*one),
            [] => Found::None,
            several => {
                let mut names: Vec<String> = several.iter().filter_map(|id| self.names.get(id).cloned()).collect();
                names.sort();
                Found::Several(names)
            }
        }
    }

    /// The accounts a new account of this name may duplicate, by name: the same name without its
    /// company suffix ("Vale S.A." and "Vale"), or one name the start of the other ("Suzano" and
    /// "Suzano Papel e Celulose"; "Vale" and "Vale Fertilizantes"). Names shorter than three
    /// letters are compared whole only.
    pub(super) fn look_alikes(&self, name: &str) -> Vec<String> {
        let key = company_key(&fold(name));
        let ids: Vec<i64> = alike_keys(&self.by_key, &key).into_iter().flatten().copied().collect();
        let mut names: Vec<String> = ids.iter().filter_map(|id| self.names.get(id).cloned()).collect();
        names.sort();
        names.dedup();
        names.truncate(LOOK_ALIKES);
        names
    }

    /// The name of account `id`.
    pub(super) fn name(&self, id: i64) -> String {
        self.names.get(&id).cloned().unwrap_or_default()
    }
}

/// The entries whose key starts with `prefix`, in order.
fn starting_with<'a, V>(map: &'a BTreeMap<String, V>, prefix: &str) -> impl Iterator<Item = (&'a String, &'a V)> {
    let prefix = prefix.to_string();
    map.range(prefix.clone()..).take_while(move |(key, _)| key.starts_with(&prefix))
}

/// How many look-alikes a new account lists at most ("Empresa" is the start of thousands).
pub(super) const LOOK_ALIKES: usize = 5;

/// The values of the company keys alike `key`, at most [`LOOK_ALIKES`]: the same key, a key that
/// `key` is the start of word by word, or a key that is the start of `key`; the last two only for
/// keys of three letters or more. A few lookups in an ordered map, however many keys it holds.
pub(super) fn alike_keys<'a, V>(map: &'a BTreeMap<String, V>, key: &str) -> Vec<&'a V> {
    let mut out: Vec<&V> = map.get(key).into_iter().collect();
    if key.chars().count() < 3 {
        return out;
    }
    out.extend(starting_with(map, &format!("{key} ")).take(LOOK_ALIKES).map(|(_, v)| v));
    let words: Vec<&str> = key.split_whitespace().collect();
    for n in 1..words.len() {
        let start = words[..n].join(" ");
        if start.chars().count() >= 3 {
            out.extend(map.get(&start));
        }
    }
    out.truncate(LOOK_ALIKES);
    out
}

/// The account a row names, by its external id or its name; a row naming none, or several, is
/// refused with them named.
pub(super) fn account_of<'a>(
    cells: &Cells<'a>,
    accounts: &AccountIndex,
    report: &mut Report,
    row: &'a Row,
) -> Option<i64> {
    if let Some(id) = cells.get(row, "account_external_id").and_then(|e| accounts.by_external_id(e)) {
        return Some(id);
    }
    if let Some(id) = cells.get(row, "account_cnpj").and_then(|c| accounts.by_cnpj(c)) {
        return Some(id);
    }
    let Some(name) = cells.get(row, "account") else {
        let field = if cells.get(row, "account_external_id").is_some() { "account_external_id" } else { "account" };
        let problem = match cells.get(row, "account_external_id") {
            Some(e) => Problem::UnknownAccount { value: truncate(e, 60) },
            None => Problem::Missing { field: "account" },
        };
        cells.reject(report, row, Some(field), problem);
        return None;
    };
    match accounts.find(name) {
        Found::One(id) => Some(id),
        Found::Several(names) => {
            cells.reject(report, row, Some("account"), Problem::AmbiguousAccount { value: truncate(name, 60), names });
            None
        }
        Found::None => {
            cells.reject(report, row, Some("account"), Problem::UnknownAccount { value: truncate(name, 60) });
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alike_keys_by_suffix_and_by_start() {
        let map: BTreeMap<String, &str> = [
            ("vale", "Vale"),
            ("suzano papel e celulose", "Suzano Papel e Celulose"),
            ("vale fertilizantes", "Vale Fertilizantes"),
            ("valeo", "Valeo"),
            ("ab", "AB"),
            ("ab inbev", "AB InBev"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let alike = |key: &str| {
            let mut names: Vec<&str> = alike_keys(&map, key).into_iter().copied().collect();
            names.sort();
            names
        };
        assert_eq!(alike("vale"), ["Vale", "Vale Fertilizantes"], "not Valeo: words, not letters");
        assert_eq!(alike("suzano"), ["Suzano Papel e Celulose"]);
        assert_eq!(alike("vale do rio doce"), ["Vale"]);
        assert_eq!(alike("ab"), ["AB"], "a name under three letters is compared whole");
        assert!(alike("gerdau").is_empty());
    }

    #[test]
    fn company_suffixes_are_dropped() {
        assert_eq!(company_key("vale s a"), "vale");
        assert_eq!(company_key("aco parana ltda"), "aco parana");
        assert_eq!(company_key("weg sa"), "weg");
        assert_eq!(company_key("acme inc"), "acme");
        // A name that is only a suffix-like word stays.
        assert_eq!(company_key("sa"), "sa");
        assert_eq!(company_key("gerdau"), "gerdau");
    }
}
