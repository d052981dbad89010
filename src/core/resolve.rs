//! Finding the account, contact or person a command names, from what a person typed.

use std::collections::HashSet;

use super::context::Context;
use super::error::CommandError;
use crate::domain::matching::{self, Candidate, MatchKind};
use crate::domain::text::{fold, words};
use crate::i18n::Msg;
use crate::store::{AccountRow, ContactRow, Person, Store, StoreError, TermHit};

/// How many accounts a list of matches shows at most.
pub const MAX_LISTED: usize = 10;

/// What a name typed for an account found.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    One(i64),
    /// Several accounts fit, best first.
    Many(Vec<Candidate>),
    /// None fits; the closest names, best first.
    None(Vec<String>),
}

fn candidates(hits: Vec<TermHit>, kind_of: impl Fn(&TermHit) -> MatchKind) -> impl Iterator<Item = Candidate> {
    hits.into_iter().map(move |hit| Candidate { kind: kind_of(&hit), account_id: hit.account_id, name: hit.name })
}

fn name_or_alias(hit: &TermHit, name: MatchKind, alias: MatchKind) -> MatchKind {
    if hit.kind == "name" { name } else { alias }
}

/// Finds accounts by name: exact name or alias, then prefixes of names, aliases and words.
pub async fn lookup_account(store: &Store, workspace_id: i64, query: &str) -> Result<Lookup, StoreError> {
    let folded = fold(query);
    if folded.is_empty() {
        return Ok(Lookup::None(Vec::new()));
    }
    let exact = store.account_terms_equal(workspace_id, &folded).await?;
    let exact =
        matching::rank(candidates(exact, |h| name_or_alias(h, MatchKind::ExactName, MatchKind::ExactAlias)).collect());
    match exact.len() {
        0 => {}
        1 => return Ok(Lookup::One(exact[0].account_id)),
        _ => return Ok(Lookup::Many(exact)),
    }

    let mut found: Vec<Candidate> = Vec::new();
    let prefixed = store.account_terms_with_prefix(workspace_id, &folded, false, 50).await?;
    found.extend(candidates(prefixed, |h| name_or_alias(h, MatchKind::NamePrefix, MatchKind::AliasPrefix)));
    // Every word of the query must start a word of the account's name or of one of its aliases.
    let query_words: Vec<&str> = words(&folded).collect();
    let mut word_matches: Option<Vec<TermHit>> = None;
    for word in &query_words {
        let hits = store.account_terms_with_prefix(workspace_id, word, true, 500).await?;
        word_matches = Some(match word_matches {
            None => hits,
            Some(previous) => {
                let ids: HashSet<i64> = hits.iter().map(|h| h.account_id).collect();
                previous.into_iter().filter(|h| ids.contains(&h.account_id)).collect()
            }
        });
    }
    found.extend(candidates(word_matches.unwrap_or_default(), |_| MatchKind::WordPrefix));
    let ranked = matching::rank(found);
    match ranked.len() {
        0 => {}
        1 => return Ok(Lookup::One(ranked[0].account_id)),
        _ => return Ok(Lookup::Many(ranked)),
    }

    // Nothing fits: gather a bounded set of likely names and keep the most alike.
    let mut pool: Vec<TermHit> = store.account_terms_around(workspace_id, &folded, 15).await?;
    for word in &query_words {
        let head: String = word.chars().take(2).collect();
        pool.extend(store.account_terms_with_prefix(workspace_id, &head, true, 40).await?);
    }
    let mut seen = HashSet::new();
    let names: Vec<&str> = pool.iter().filter(|h| seen.insert(h.account_id)).map(|h| h.name.as_str()).collect();
    Ok(Lookup::None(matching::closest(&folded, names, 3)))
}

/// The one account a command names, or the user error saying why there is not one.
pub async fn require_account(store: &Store, ctx: &Context, query: &str) -> Result<AccountRow, CommandError> {
    let shown = crate::domain::text::truncate(query.trim(), 60);
    match lookup_account(store, ctx.workspace.id, query).await? {
        Lookup::One(id) => store
            .account(ctx.workspace.id, id)
            .await?
            .ok_or_else(|| CommandError::Internal(anyhow::anyhow!("account {id} matched but cannot be read"))),
        Lookup::Many(list) => Err(Msg::AccountAmbiguous {
            query: shown,
            names: list.into_iter().take(MAX_LISTED).map(|c| c.name).collect(),
        }
        .into()),
        Lookup::None(closest) => Err(Msg::AccountNotFound { query: shown, closest }.into()),
    }
}

/// The one contact of the account a command names.
pub async fn require_contact(
    store: &Store,
    ctx: &Context,
    account: &AccountRow,
    name: &str,
) -> Result<ContactRow, CommandError> {
    let found = store.find_contacts(ctx.workspace.id, account.id, name).await?;
    let folded = fold(name);
    if let Some(exact) = found.iter().find(|c| fold(&c.name) == folded) {
        return Ok(exact.clone());
    }
    let shown = crate::domain::text::truncate(name.trim(), 60);
    match found.len() {
        1 => Ok(found.into_iter().next().ok_or_else(|| anyhow::anyhow!("contact vanished"))?),
        0 => {
            let known = store.contact_names(ctx.workspace.id, account.id).await?;
            Err(Msg::ContactNotFound {
                name: shown,
                account: account.name.clone(),
                known: known.into_iter().take(MAX_LISTED).collect(),
            }
            .into())
        }
        _ => Err(Msg::ContactAmbiguous { name: shown, names: found.into_iter().map(|c| c.name).collect() }.into()),
    }
}

/// The one person of the workspace a command names.
pub async fn require_person(store: &Store, ctx: &Context, name: &str) -> Result<Person, CommandError> {
    let found = store.find_people_by_name(ctx.workspace.id, name).await?;
    let folded = fold(name);
    if let Some(exact) = found.iter().find(|p| fold(&p.display_name) == folded) {
        return Ok(exact.clone());
    }
    let shown = crate::domain::text::truncate(name.trim(), 60);
    match found.len() {
        1 => Ok(found.into_iter().next().ok_or_else(|| anyhow::anyhow!("person vanished"))?),
        0 => Err(Msg::PersonNotFound { name: shown }.into()),
        _ => {
            Err(Msg::PersonAmbiguous { name: shown, names: found.into_iter().map(|p| p.display_name).collect() }.into())
        }
    }
}
