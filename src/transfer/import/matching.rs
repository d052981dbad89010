//! Which account an imported row names, found as the chat finds it: by the CRM's external id, by
//! CNPJ, by name or alias without case or accents, with or without a company suffix ("S.A.", "Ltda."),
//! or by the start of one name ("Suzano" for "Suzano Papel e Celulose"); a row that could name
//! several accounts names them instead of picking one.

use std::collections::HashMap;

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
    /// Folded name or alias → accounts.
    by_term: HashMap<String, Vec<i64>>,
    /// The same without company suffixes → accounts.
    by_key: HashMap<String, Vec<i64>>,
    /// Every term with its account, for matching the start of a name.
    terms: Vec<(String, i64)>,
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
            by_term: HashMap::new(),
            by_key: HashMap::new(),
            terms: Vec::new(),
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
            index.terms.push((folded, t.account_id));
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
        let prefix = format!("{key} ");
        let mut ids: Vec<i64> = Vec::new();
        for (term, id) in &self.terms {
            if term.starts_with(&prefix) && !ids.contains(id) {
                ids.push(*id);
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
        let mut ids: Vec<i64> = self.by_key.get(&key).cloned().unwrap_or_default();
        if key.chars().count() >= 3 {
            let prefix = format!("{key} ");
            for (term, id) in &self.terms {
                if company_key(term).starts_with(&prefix) && !ids.contains(id) {
                    ids.push(*id);
                }
            }
            // The existing name is the start of the new one.
            let words: Vec<&str> = key.split_whitespace().collect();
            for n in 1..words.len() {
                let start = words[..n].join(" ");
                if start.chars().count() < 3 {
                    continue;
                }
                for id in self.by_key.get(&start).into_iter().flatten() {
                    if !ids.contains(id) {
                        ids.push(*id);
                    }
                }
            }
        }
        let mut names: Vec<String> = ids.iter().filter_map(|id| self.names.get(id).cloned()).collect();
        names.sort();
        names.dedup();
        names
    }

    /// The name of account `id`.
    pub(super) fn name(&self, id: i64) -> String {
        self.names.get(&id).cloned().unwrap_or_default()
    }
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
