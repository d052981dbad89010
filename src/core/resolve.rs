//! Finding the account, contact or person a command names, from what a person typed.

use crate::i18n::{CardMsg, CliMsg, InputMsg};
use std::collections::HashSet;

use super::catalog::ArgType;
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
    // Names and aliases that start with the query, the query itself among them: an exact name or
    // alias wins; otherwise every account whose name or alias starts so.
    let prefixed = store.account_names_with_prefix(workspace_id, &folded, 50).await?;
    let (exact, prefixed): (Vec<TermHit>, Vec<TermHit>) = prefixed.into_iter().partition(|h| h.term == folded);
    let exact =
        matching::rank(candidates(exact, |h| name_or_alias(h, MatchKind::ExactName, MatchKind::ExactAlias)).collect());
    match exact.len() {
        0 => {}
        1 => return Ok(Lookup::One(exact[0].account_id)),
        _ => return Ok(Lookup::Many(exact)),
    }
    // Only when no name or alias starts with the query: those with a word starting with each of
    // its words.
    let mut found: Vec<Candidate> =
        candidates(prefixed, |h| name_or_alias(h, MatchKind::NamePrefix, MatchKind::AliasPrefix)).collect();
    let query_words: Vec<&str> = words(&folded).collect();
    if found.is_empty() {
        found.extend(candidates(word_prefix_matches(store, workspace_id, &query_words).await?, |_| {
            MatchKind::WordPrefix
        }));
    }
    let ranked = matching::rank(found);
    match ranked.len() {
        0 => {}
        1 => return Ok(Lookup::One(ranked[0].account_id)),
        _ => return Ok(Lookup::Many(ranked)),
    }

    let closest = closest_accounts(store, workspace_id, &folded, 3).await?;
    Ok(Lookup::None(closest.into_iter().map(|(_, name)| name).collect()))
}

/// The `n` accounts whose names are closest to the folded query, best first, with their ids:
/// the names next to the query in sort order (all of them in a portfolio of a few dozen) and the
/// names having a word that shares a query word's first letters, compared with it. One read.
pub async fn closest_accounts(
    store: &Store,
    workspace_id: i64,
    folded: &str,
    n: usize,
) -> Result<Vec<(i64, String)>, StoreError> {
    let heads: Vec<String> = words(folded).take(3).map(|w| w.chars().take(2).collect()).collect();
    let head = |i: usize| heads.get(i).map(String::as_str);
    let mut pool = store.closest_pool(workspace_id, folded, [head(0), head(1), head(2)]).await?;
    let mut seen = HashSet::new();
    pool.retain(|h| seen.insert(h.account_id));
    let names = matching::closest(folded, pool.iter().map(|h| h.name.as_str()), n);
    Ok(names
        .into_iter()
        .filter_map(|name| pool.iter().find(|h| h.name == name).map(|h| (h.account_id, name)))
        .collect())
}

/// Accounts with, for every word of the query, a word starting with it. The rarest word leads
/// the index scan; a word that starts nothing ends the search at once.
async fn word_prefix_matches(
    store: &Store,
    workspace_id: i64,
    query_words: &[&str],
) -> Result<Vec<TermHit>, StoreError> {
    let mut counted: Vec<(i64, &str)> = Vec::with_capacity(query_words.len());
    // Three words a read.
    for three in query_words.chunks(3) {
        let given = [three.first().copied(), three.get(1).copied(), three.get(2).copied()];
        let counts = store.count_words_with_prefixes(workspace_id, given).await?;
        for (word, n) in three.iter().zip(counts) {
            if n == 0 {
                return Ok(Vec::new());
            }
            counted.push((n, word));
        }
    }
    // Rarest first; of the rest, the longest (most selective) three filter.
    counted.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
    let Some(&(_, lead)) = counted.first() else { return Ok(Vec::new()) };
    let mut others = counted[1..].iter().map(|(_, w)| *w).collect::<Vec<_>>();
    others.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let others = [others.first().copied(), others.get(1).copied(), others.get(2).copied()];
    store.accounts_with_word_prefixes(workspace_id, lead, others, 50).await
}

/// Names to offer for a partly typed argument, best first.
pub async fn suggest(
    store: &Store,
    workspace_id: i64,
    ty: ArgType,
    typed: &str,
    limit: usize,
) -> Result<Vec<String>, StoreError> {
    let folded = fold(typed);
    match ty {
        ArgType::Account if folded.is_empty() => {
            let rows = store.portfolio(workspace_id, None, None).await?;
            Ok(rows.into_iter().map(|r| r.name).take(limit).collect())
        }
        ArgType::Account => {
            let prefixed = store.account_names_with_prefix(workspace_id, &folded, 50).await?;
            let mut found: Vec<Candidate> = candidates(prefixed, |h| {
                if h.term == folded {
                    name_or_alias(h, MatchKind::ExactName, MatchKind::ExactAlias)
                } else {
                    name_or_alias(h, MatchKind::NamePrefix, MatchKind::AliasPrefix)
                }
            })
            .collect();
            let query_words: Vec<&str> = words(&folded).collect();
            found.extend(candidates(word_prefix_matches(store, workspace_id, &query_words).await?, |_| {
                MatchKind::WordPrefix
            }));
            let ranked = matching::rank(found);
            if !ranked.is_empty() {
                return Ok(ranked.into_iter().map(|c| c.name).take(limit).collect());
            }
            match lookup_account(store, workspace_id, typed).await? {
                Lookup::None(closest) => Ok(closest),
                _ => Ok(Vec::new()),
            }
        }
        ArgType::Person => {
            let people = if folded.is_empty() {
                store.people(workspace_id).await?
            } else {
                store.find_people_by_name(workspace_id, typed).await?
            };
            Ok(people.into_iter().map(|p| p.display_name).take(limit).collect())
        }
        ArgType::CommandName => Ok(super::catalog::CATALOG
            .iter()
            .filter(|c| c.name.starts_with(folded.trim_start_matches('/')))
            .map(|c| c.name.to_string())
            .take(limit)
            .collect()),
        _ => Ok(Vec::new()),
    }
}

/// The one account a command names, or the user error saying why there is not one.
pub async fn require_account(store: &Store, ctx: &Context, query: &str) -> Result<AccountRow, CommandError> {
    let shown = crate::domain::text::truncate(query.trim(), 60);
    match lookup_account(store, ctx.workspace.id, query).await? {
        Lookup::One(id) => store
            .account(ctx.workspace.id, id)
            .await?
            .ok_or_else(|| CommandError::Internal(anyhow::anyhow!("account {id} matched but cannot be read"))),
        Lookup::Many(list) => Err(Msg::Input(InputMsg::AccountAmbiguous {
            query: shown,
            names: list.into_iter().take(MAX_LISTED).map(|c| c.name).collect(),
        })
        .into()),
        Lookup::None(closest) => Err(Msg::Card(CardMsg::AccountNotFound { query: shown, closest }).into()),
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
            Err(Msg::Input(InputMsg::ContactNotFound {
                name: shown,
                account: account.name.clone(),
                known: known.into_iter().take(MAX_LISTED).collect(),
            })
            .into())
        }
        _ => Err(Msg::Input(InputMsg::ContactAmbiguous {
            name: shown,
            names: found.into_iter().map(|c| c.name).collect(),
        })
        .into()),
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
        0 => Err(Msg::Cli(CliMsg::PersonNotFound { name: shown }).into()),
        _ => Err(Msg::Cli(CliMsg::PersonAmbiguous {
            name: shown,
            names: found.into_iter().map(|p| p.display_name).collect(),
        })
        .into()),
    }
}
