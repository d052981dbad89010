//! Importing accounts: each row matched by external id, else by name or alias, then created or
//! changed; a row naming a taken name, an unknown owner or a bad value is refused.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::domain::account::{Reason, Tier};
use crate::domain::cnpj::Cnpj;
use crate::domain::import_errors::Problem;
use crate::domain::text::{fold, truncate};
use crate::store::{ImportedCommitment, ImportedInteraction, NewAccount, Store, StoreError};
use crate::transfer::values;
use chrono::NaiveDate;

use super::matching::{AccountIndex, LOOK_ALIKES, alike_keys, company_key};
use super::*;

/// One account row, planned.
struct AccountPlan {
    id: Option<i64>,
    /// Whether an existing account changes (new ones always do).
    changed: bool,
    record: NewAccount,
    owner: Option<PersonRef>,
    tech: Option<PersonRef>,
    wallet: bool,
    /// The organisation's last activity, when the account has no contact since: recorded as one.
    last_activity: Option<NaiveDate>,
    /// Its next activity, when not yet a commitment: one of the owner's, due that day.
    next_activity: Option<NaiveDate>,
}

pub(super) async fn accounts(
    store: &Store,
    cells: &Cells<'_>,
    o: &Options<'_>,
    report: &mut Report,
) -> Result<(), StoreError> {
    let ws = o.workspace_id;
    let terms = store.account_name_terms(ws).await?;
    let by_external: HashMap<String, i64> =
        store.account_external_ids(ws).await?.into_iter().map(|(id, e)| (e, id)).collect();
    let by_cnpj: HashMap<String, i64> = store.account_cnpjs(ws).await?.into_iter().map(|(id, c)| (c, id)).collect();
    // Which row took a CNPJ, and for which account, so no two accounts share one.
    let mut cnpj_rows: HashMap<String, (usize, i64)> = HashMap::new();
    let by_name: HashMap<&str, i64> =
        terms.iter().filter(|t| !t.is_alias).map(|t| (t.term.as_str(), t.account_id)).collect();
    let by_alias: HashMap<&str, i64> =
        terms.iter().filter(|t| t.is_alias).map(|t| (t.term.as_str(), t.account_id)).collect();
    let mut term_owner: HashMap<String, i64> = terms.iter().map(|t| (t.term.clone(), t.account_id)).collect();
    let mut people = PeopleIndex::load(store, ws).await?;
    let index = AccountIndex::load(store, ws).await?;
    // New accounts of the file by company key, to flag two rows that look alike.
    let mut new_keys: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let last_contact: HashMap<i64, NaiveDate> = store.last_contact_days(ws).await?.into_iter().collect();
    let committed: HashSet<(i64, String, Option<NaiveDate>)> = store.commitment_keys(ws).await?.into_iter().collect();
    let next_text = next_activity_text(o);
    let today = o.now.with_timezone(&o.tz).date_naive();
    let records: HashMap<i64, NewAccount> = store.account_records(ws).await?.into_iter().collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut plans = Vec::new();
    // A placeholder id for accounts the file creates, so two new rows cannot take one name.
    let mut next_new = -1;
    let mut new_names: HashMap<i64, String> = HashMap::new();
    for row in &cells.table.rows {
        tick(o);
        let before = report.rejected.len();
        let Some(name) = cells.get(row, "name") else {
            cells.reject(report, row, Some("name"), Problem::Missing { field: "name" });
            continue;
        };
        let external = cells.get(row, "external_id").map(|e| truncate(e, 100));
        let key = external.clone().map(|e| format!("id:{e}")).unwrap_or_else(|| format!("name:{}", fold(name)));
        if let Some(&first_line) = seen.get(&key) {
            cells.reject(report, row, None, Problem::Duplicate { first_line });
            continue;
        }
        seen.insert(key, row.line);
        let cnpj = match cells.parse(report, row, "cnpj", Cnpj::parse) {
            Some(None) => continue,
            Some(Some(cnpj)) => Some(cnpj),
            None => None,
        };
        let by_id = external.as_ref().and_then(|e| by_external.get(e)).copied();
        let by_number = cnpj.as_ref().and_then(|c| by_cnpj.get(c.digits())).copied().filter(|_| by_id.is_none());
        let by_own_name = by_name.get(fold(name).as_str()).copied();
        // A name that is an account's alias ("Vale S.A." for Vale) is that account.
        let by_alias = by_alias
            .get(fold(name).as_str())
            .copied()
            .filter(|_| by_id.is_none() && by_number.is_none() && by_own_name.is_none());
        let id = by_id.or(by_number).or(by_own_name).or(by_alias);
        let mut record = match id {
            Some(id) => records.get(&id).cloned().ok_or(StoreError::RowNotFound)?,
            None => {
                let mut new = NewAccount::new(name.trim(), Tier::Key, o.now);
                new.planning_cadence_days = store.settings().cadence(new.tier.number());
                new
            }
        };
        let original = id.map(|_| record.clone());
        // A name that is one of the account's aliases keeps the account's name too.
        let an_alias = record.aliases.iter().any(|a| fold(a) == fold(name));
        if by_number.is_some() || by_alias.is_some() || an_alias {
            // Found by its CNPJ or an alias, under another name (another CRM's, a legal name): the
            // account keeps its name and id, and the file's name is one of its aliases.
            let written = truncate(name.trim(), 100);
            if fold(&written) != fold(&record.name) && !record.aliases.iter().any(|a| fold(a) == fold(&written)) {
                record.aliases.push(written);
                record.aliases.sort();
            }
            if record.external_id.is_none() {
                record.external_id = external;
            }
        } else {
            record.name = truncate(name.trim(), 100);
            if external.is_some() {
                record.external_id = external;
            }
        }
        if let Some(cnpj) = cnpj {
            // A CNPJ belongs to one account: another row of the file, or another account, has it.
            let own = id.unwrap_or(next_new);
            let holder = by_cnpj.get(cnpj.digits()).copied().filter(|&other| other != own);
            if let Some(&(first_line, _)) = cnpj_rows.get(cnpj.digits()).filter(|(_, holder)| *holder != own) {
                cells.reject(report, row, Some("cnpj"), Problem::Duplicate { first_line });
            } else if let Some(other) = holder {
                let existing = records.get(&other).map(|r| r.name.clone()).unwrap_or_default();
                cells.reject(report, row, Some("cnpj"), Problem::CnpjTaken { cnpj: cnpj.to_string(), existing });
            }
            cnpj_rows.insert(cnpj.digits().to_string(), (row.line, own));
            record.cnpj = Some(cnpj);
        }
        if let Some(Some(tier)) = cells.parse(report, row, "tier", values::tier) {
            // An account still on its tier's cadence follows the new tier's.
            if store.settings().cadence(record.tier.number()) == record.planning_cadence_days {
                record.planning_cadence_days = store.settings().cadence(tier.number());
            }
            record.tier = tier;
        }
        if let Some(segment) = cells.get(row, "segment") {
            record.segment = truncate(segment, 100);
        }
        let mut wallet = false;
        if let Some(Some(spend)) = cells.parse(report, row, "spend", values::money) {
            wallet |= record.wallet_minor != spend;
            record.wallet_minor = spend;
        }
        if let Some(Some(revenue)) = cells.parse(report, row, "revenue", values::money) {
            wallet |= record.revenue_12m_minor != revenue;
            record.revenue_12m_minor = revenue;
        }
        if let Some(Some(margin)) = cells.parse(report, row, "margin", values::percent) {
            record.margin_bp = Some(margin);
        }
        if let Some(Some(ceiling)) = cells.parse(report, row, "ceiling", values::percent) {
            record.share_ceiling_bp = ceiling;
        }
        if let Some(Some(suppliers)) = cells.parse(report, row, "suppliers", |t| values::whole(t, 1, 20)) {
            record.suppliers_kept = suppliers;
        }
        if let Some(Some(cadence)) = cells.parse(report, row, "cadence", |t| values::whole(t, 1, 730)) {
            record.planning_cadence_days = cadence;
        }
        if let Some(Some(review)) = cells.parse(report, row, "review", values::date) {
            record.yearly_review_on = Some(review);
        }
        if let Some(Some(status)) = cells.parse(report, row, "status", values::status) {
            record.status = status;
        }
        if let Some(Some(reasons)) = cells.parse(report, row, "reasons", parse_reasons) {
            record.reasons = reasons;
        }
        if let Some(aliases) = cells.get(row, "aliases") {
            // As the store keeps them: sorted, once each whatever the case and accents.
            let mut list: Vec<String> = values::list(aliases).into_iter().map(|a| truncate(&a, 100)).collect();
            list.sort();
            let mut seen_alias = HashSet::new();
            list.retain(|a| seen_alias.insert(fold(a)));
            record.aliases = list;
        }
        // An organisation export's last and next activity, where no history says more.
        let last_activity = cells
            .parse(report, row, "last_activity", values::date)
            .flatten()
            .map(|day| day.min(today))
            .filter(|day| id.and_then(|id| last_contact.get(&id)).is_none_or(|known| known < day));
        let next_activity = cells
            .parse(report, row, "next_activity", values::date)
            .flatten()
            .filter(|day| id.is_none_or(|id| !committed.contains(&(id, next_text.clone(), Some(*day)))));
        let owner = cells.get(row, "owner").map(|o| people.resolve(o));
        let tech = cells.get(row, "tech").map(|t| people.resolve(t));
        // No other account, in the workspace or the file, may have this name or one of these aliases.
        let own = id.unwrap_or(next_new);
        for term in std::iter::once(&record.name).chain(&record.aliases) {
            let folded = fold(term);
            match term_owner.get(&folded) {
                Some(&other) if other != own => {
                    let existing = terms
                        .iter()
                        .find(|t| t.account_id == other)
                        .map(|t| t.name.clone())
                        .or_else(|| new_names.get(&other).cloned())
                        .unwrap_or_else(|| folded.clone());
                    let field = if *term == record.name { "name" } else { "aliases" };
                    cells.reject(report, row, Some(field), Problem::NameTaken { name: truncate(term, 60), existing });
                }
                _ => {
                    term_owner.insert(folded, own);
                }
            }
        }
        if id.is_none() {
            new_names.insert(next_new, record.name.clone());
            next_new -= 1;
        }
        if report.rejected.len() > before {
            continue;
        }
        if id.is_none() {
            let mut existing = index.look_alikes(&record.name);
            let key = company_key(&fold(&record.name));
            for other in alike_keys(&new_keys, &key).into_iter().flatten() {
                if !existing.contains(other) {
                    existing.push(other.clone());
                }
            }
            existing.truncate(LOOK_ALIKES);
            if !existing.is_empty() {
                report.look_alikes.push(LookAlike { line: row.line, name: record.name.clone(), existing });
            }
            new_keys.entry(key).or_default().push(record.name.clone());
        }
        let mut plan = AccountPlan { id, changed: true, record, owner, tech, wallet, last_activity, next_activity };
        plan.changed = classify_account(report, &plan, original.as_ref());
        if plan.changed {
            plans.push(plan);
        }
    }
    report.new_people = people.new.iter().map(|(_, n)| n.clone()).collect();
    if !report.rejected.is_empty() || o.dry_run {
        return Ok(());
    }
    let mut tx = store.write().await?;
    let new_ids = people.create(&mut tx, o).await?;
    let year = o.year.to_string();
    let (mut creates, mut create_wallets, mut create_activities) = (Vec::new(), Vec::new(), Vec::new());
    let mut activities = Vec::new();
    for mut plan in plans {
        tick(o);
        if plan.owner.is_some() {
            plan.record.owner_id = id_of(&plan.owner, &new_ids);
        }
        if plan.tech.is_some() {
            plan.record.technical_manager_id = id_of(&plan.tech, &new_ids);
        }
        match plan.id {
            Some(id) => {
                tx.update_account(ws, id, &plan.record).await?;
                activities.push((id, plan.record.owner_id, plan.last_activity, plan.next_activity));
                if plan.wallet {
                    tx.record_wallet(
                        ws,
                        id,
                        &year,
                        plan.record.wallet_minor,
                        plan.record.revenue_12m_minor,
                        o.year,
                        o.now,
                    )
                    .await?;
                }
            }
            None => {
                create_activities.push((plan.record.owner_id, plan.last_activity, plan.next_activity));
                creates.push(plan.record);
                create_wallets.push(plan.wallet);
            }
        }
    }
    let ids = tx.insert_accounts(ws, &creates, &create_wallets, &year, o.now).await?;
    activities.extend(ids.into_iter().zip(create_activities).map(|(id, (owner, last, next))| (id, owner, last, next)));
    activities.retain(|(_, _, last, next)| last.is_some() || next.is_some());
    if !activities.is_empty() {
        let operator = operator(&mut tx, o).await?;
        // Decided again in the write: a contact logged since the file was read wins.
        let known: HashMap<i64, NaiveDate> = tx.last_contact_days(ws).await?.into_iter().collect();
        let summary = crate::i18n::Msg::Import(ImportMsg::LastActivityFromCrm).render(o.locale);
        let (mut logged, mut committed) = (Vec::new(), Vec::new());
        let mut next_days = HashSet::new();
        for (id, owner, last, next) in activities {
            let author = owner.unwrap_or(operator);
            if let Some(day) = last.filter(|day| known.get(&id).is_none_or(|known| known < day)) {
                logged.push(ImportedInteraction {
                    account_id: id,
                    contact_id: None,
                    author_id: author,
                    kind: crate::domain::kind::InteractionKind::Note,
                    occurred_at: instant(o, day, None),
                    occurred_on: day,
                    summary: summary.clone(),
                    source_id: format!("last-activity:{id}:{day}"),
                });
            }
            // Two rows found as one account (by name and by CNPJ) commit to its next activity once.
            if let Some(day) = next.filter(|day| next_days.insert((id, *day))) {
                committed.push(ImportedCommitment {
                    account_id: id,
                    owner_id: author,
                    text: next_text.clone(),
                    due_on: Some(day),
                });
            }
        }
        // Each skipped in its statement when the workspace holds it already.
        tx.insert_imported_interactions(ws, super::SOURCE, &logged, o.now).await?;
        tx.insert_imported_commitments(ws, &committed, o.now).await?;
    }
    finish(tx, o, "import accounts", report).await
}

/// What a next activity from an organisation export becomes: a commitment with these words.
fn next_activity_text(o: &Options<'_>) -> String {
    crate::i18n::Msg::Import(ImportMsg::NextActivityFromCrm).render(o.locale)
}

/// Which fields of an account a planned row changes, into the report; whether any does.
fn classify_account(report: &mut Report, plan: &AccountPlan, original: Option<&NewAccount>) -> bool {
    let Some(old) = original else {
        report.created.push(plan.record.name.clone());
        return true;
    };
    let new = &plan.record;
    let mut changed = Vec::new();
    let owner_changed = match &plan.owner {
        Some(PersonRef::Existing(id)) => old.owner_id != Some(*id),
        Some(PersonRef::New(_)) => true,
        None => false,
    };
    let tech_changed = match &plan.tech {
        Some(PersonRef::Existing(id)) => old.technical_manager_id != Some(*id),
        Some(PersonRef::New(_)) => true,
        None => false,
    };
    for (field, differs) in [
        ("name", old.name != new.name),
        ("external_id", old.external_id != new.external_id),
        ("cnpj", old.cnpj != new.cnpj),
        ("tier", old.tier != new.tier),
        ("owner", owner_changed),
        ("tech", tech_changed),
        ("segment", old.segment != new.segment),
        ("spend", old.wallet_minor != new.wallet_minor),
        ("revenue", old.revenue_12m_minor != new.revenue_12m_minor),
        ("margin", old.margin_bp != new.margin_bp),
        ("ceiling", old.share_ceiling_bp != new.share_ceiling_bp),
        ("suppliers", old.suppliers_kept != new.suppliers_kept),
        ("cadence", old.planning_cadence_days != new.planning_cadence_days),
        ("review", old.yearly_review_on != new.yearly_review_on),
        ("reasons", old.reasons != new.reasons),
        ("aliases", old.aliases != new.aliases),
        ("status", old.status != new.status),
        ("last_activity", plan.last_activity.is_some()),
        ("next_activity", plan.next_activity.is_some()),
    ] {
        if differs {
            changed.push(field);
        }
    }
    if changed.is_empty() {
        report.unchanged += 1;
        false
    } else {
        report.updated.push((new.name.clone(), changed));
        true
    }
}

/// `potential: Offshore spend | technology` → the reasons with their notes.
fn parse_reasons(text: &str) -> Option<Vec<(String, String)>> {
    let mut reasons: Vec<(String, String)> = Vec::new();
    for part in text.split('|').map(str::trim).filter(|p| !p.is_empty()) {
        let (word, note) = part.split_once(':').unwrap_or((part, ""));
        let reason: Reason = Reason::from_word(word.trim())?;
        reasons.retain(|(code, _)| code != reason.code());
        reasons.push((reason.code().to_string(), truncate(note.trim(), 300)));
    }
    reasons.sort();
    Some(reasons)
}
