//! Importing a team's accounts, contacts or people from a file, all or nothing: every row is read
//! and checked first; a file with any bad row writes nothing and names each bad row with its line,
//! column and reason; a good file is written in one transaction. Rows match existing records by
//! external id, else by name (email too for people), so a second import of the same file changes
//! nothing.

use crate::domain::account::Role;
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Utc};
use indicatif::ProgressBar;

use super::columns::{Kind, Mapping};
use super::table::{Row, Table};
use super::values;
use crate::domain::account::{Reason, Tier};
pub use crate::domain::import_errors::Problem;
use crate::domain::text::{fold, truncate};
use crate::i18n::Onb;
use crate::store::{ContactRecord, NamedPerson, NewAccount, Store, StoreError, WriteTx};

/// A refused row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub line: usize,
    /// The header of the column at fault, as written in the file.
    pub column: Option<String>,
    pub problem: Problem,
}

/// What an import did, or would do.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    pub created: Vec<String>,
    /// Each updated record with the fields that changed.
    pub updated: Vec<(String, Vec<&'static str>)>,
    pub unchanged: usize,
    pub rejected: Vec<Rejection>,
    /// Owners (or managers) not yet in the workspace, created as people not linked to a chat user.
    pub new_people: Vec<String>,
    /// Headers of the columns that were not read.
    pub ignored_columns: Vec<String>,
    /// Whether anything was written (not on a dry run, not when a row was refused).
    pub written: bool,
}

/// How an import runs.
pub struct Options<'a> {
    pub workspace_id: i64,
    /// Who imports, for the audit log; from the command line, the workspace's local admin.
    pub person_id: Option<i64>,
    pub now: DateTime<Utc>,
    /// The calendar year a wallet period is recorded for.
    pub year: i32,
    pub dry_run: bool,
    pub progress: Option<&'a ProgressBar>,
}

/// Imports a table of this kind.
pub async fn import(
    store: &Store,
    kind: Kind,
    table: &Table,
    mapping: &Mapping,
    o: &Options<'_>,
) -> Result<Report, StoreError> {
    let mut report = Report { ignored_columns: mapping.ignored.clone(), ..Report::default() };
    let cells = Cells { table, mapping };
    match kind {
        Kind::Accounts => accounts(store, &cells, o, &mut report).await?,
        Kind::Contacts => contacts(store, &cells, o, &mut report).await?,
        Kind::People => people(store, &cells, o, &mut report).await?,
    }
    Ok(report)
}

/// Reading a row's fields by name.
struct Cells<'a> {
    table: &'a Table,
    mapping: &'a Mapping,
}

impl Cells<'_> {
    fn get<'r>(&self, row: &'r Row, field: &str) -> Option<&'r str> {
        let index = *self.mapping.columns.get(field)?;
        row.cells.get(index).map(|c| c.trim()).filter(|c| !c.is_empty())
    }

    fn header(&self, field: &str) -> Option<String> {
        self.mapping.columns.get(field).and_then(|&i| self.table.headers.get(i)).cloned()
    }

    fn reject(&self, report: &mut Report, row: &Row, field: Option<&str>, problem: Problem) {
        report.rejected.push(Rejection { line: row.line, column: field.and_then(|f| self.header(f)), problem });
    }

    /// Reads a field with `parse`, recording a rejection when it does not read.
    fn parse<T>(
        &self,
        report: &mut Report,
        row: &Row,
        field: &'static str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<Option<T>> {
        let text = self.get(row, field)?;
        match parse(text) {
            Some(value) => Some(Some(value)),
            None => {
                self.reject(report, row, Some(field), Problem::BadValue { field, value: truncate(text, 40) });
                Some(None)
            }
        }
    }
}

/// People of the workspace by folded name and by email, and those the import will create.
struct PeopleIndex {
    by_name: HashMap<String, i64>,
    by_email: HashMap<String, i64>,
    /// Folded name → name as written, of people to create.
    new: Vec<(String, String)>,
}

/// A reference to a person: one who exists, or one the import creates.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PersonRef {
    Existing(i64),
    New(String),
}

impl PeopleIndex {
    async fn load(store: &Store, workspace_id: i64) -> Result<PeopleIndex, StoreError> {
        let mut index = PeopleIndex { by_name: HashMap::new(), by_email: HashMap::new(), new: Vec::new() };
        for p in store.people_for_export(workspace_id).await? {
            index.by_name.entry(fold(&p.name)).or_insert(p.id);
            if let Some(email) = p.email {
                index.by_email.insert(email.to_lowercase(), p.id);
            }
        }
        Ok(index)
    }

    /// The person a cell names, by email or name; unknown names become people to create.
    fn resolve(&mut self, text: &str) -> PersonRef {
        if text.contains('@')
            && let Some(&id) = self.by_email.get(&text.to_lowercase())
        {
            return PersonRef::Existing(id);
        }
        let folded = fold(text);
        match self.by_name.get(&folded) {
            Some(&id) => PersonRef::Existing(id),
            None => {
                if !self.new.iter().any(|(f, _)| *f == folded) {
                    self.new.push((folded.clone(), truncate(text.trim(), 100)));
                }
                PersonRef::New(folded)
            }
        }
    }

    /// Creates the new people (reps without a chat user) and returns their ids by folded name.
    async fn create(&self, tx: &mut WriteTx, o: &Options<'_>) -> Result<HashMap<String, i64>, StoreError> {
        let mut ids = HashMap::new();
        for (folded, name) in &self.new {
            let person = NamedPerson {
                name,
                role: Role::Rep,
                manager_id: None,
                email: None,
                external_id: None,
                created_at: o.now,
            };
            ids.insert(folded.clone(), tx.insert_named_person(o.workspace_id, &person).await?);
        }
        Ok(ids)
    }
}

fn id_of(r: &Option<PersonRef>, new_ids: &HashMap<String, i64>) -> Option<i64> {
    match r {
        Some(PersonRef::Existing(id)) => Some(*id),
        Some(PersonRef::New(folded)) => new_ids.get(folded).copied(),
        None => None,
    }
}

fn tick(o: &Options<'_>) {
    if let Some(bar) = o.progress {
        bar.inc(1);
    }
}

/// One account row, planned.
struct AccountPlan {
    id: Option<i64>,
    /// Whether an existing account changes (new ones always do).
    changed: bool,
    record: NewAccount,
    owner: Option<PersonRef>,
    tech: Option<PersonRef>,
    wallet: bool,
}

async fn accounts(store: &Store, cells: &Cells<'_>, o: &Options<'_>, report: &mut Report) -> Result<(), StoreError> {
    let ws = o.workspace_id;
    let terms = store.account_name_terms(ws).await?;
    let by_external: HashMap<String, i64> =
        store.account_external_ids(ws).await?.into_iter().map(|(id, e)| (e, id)).collect();
    let by_name: HashMap<&str, i64> =
        terms.iter().filter(|t| !t.is_alias).map(|t| (t.term.as_str(), t.account_id)).collect();
    let mut term_owner: HashMap<String, i64> = terms.iter().map(|t| (t.term.clone(), t.account_id)).collect();
    let mut people = PeopleIndex::load(store, ws).await?;
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
        let id =
            external.as_ref().and_then(|e| by_external.get(e)).or_else(|| by_name.get(fold(name).as_str())).copied();
        let mut record = match id {
            Some(id) => records.get(&id).cloned().ok_or(StoreError::RowNotFound)?,
            None => {
                let mut new = NewAccount::new(name.trim(), Tier::Key, o.now);
                new.planning_cadence_days = store.settings().cadence(new.tier);
                new
            }
        };
        let original = id.map(|_| record.clone());
        record.name = truncate(name.trim(), 100);
        if external.is_some() {
            record.external_id = external;
        }
        if let Some(Some(tier)) = cells.parse(report, row, "tier", values::tier) {
            // An account still on its tier's cadence follows the new tier's.
            if store.settings().cadence(record.tier) == record.planning_cadence_days {
                record.planning_cadence_days = store.settings().cadence(tier);
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
        let mut plan = AccountPlan { id, changed: true, record, owner, tech, wallet };
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
    let (mut creates, mut create_wallets) = (Vec::new(), Vec::new());
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
                creates.push(plan.record);
                create_wallets.push(plan.wallet);
            }
        }
    }
    tx.insert_accounts(ws, &creates, &create_wallets, &year, o.now).await?;
    finish(tx, o, "import accounts", report).await
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

async fn contacts(store: &Store, cells: &Cells<'_>, o: &Options<'_>, report: &mut Report) -> Result<(), StoreError> {
    let ws = o.workspace_id;
    let terms = store.account_name_terms(ws).await?;
    let by_external: HashMap<String, i64> =
        store.account_external_ids(ws).await?.into_iter().map(|(id, e)| (e, id)).collect();
    let mut by_term: HashMap<&str, Vec<i64>> = HashMap::new();
    for t in &terms {
        let ids = by_term.entry(t.term.as_str()).or_default();
        // A name and an alias that fold alike name the account once.
        if !ids.contains(&t.account_id) {
            ids.push(t.account_id);
        }
    }
    let existing: HashMap<i64, ContactRecord> = store.contact_records(ws).await?.into_iter().collect();
    let keys = store.contact_keys(ws).await?;
    let contact_by_external: HashMap<&str, i64> =
        keys.iter().filter_map(|k| k.external_id.as_deref().map(|e| (e, k.id))).collect();
    let contact_by_name: HashMap<(i64, &str), i64> =
        keys.iter().map(|k| ((k.account_id, k.folded_name.as_str()), k.id)).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut plans: Vec<(Option<i64>, ContactRecord)> = Vec::new();
    for row in &cells.table.rows {
        tick(o);
        let before = report.rejected.len();
        let name = match (cells.get(row, "name"), cells.get(row, "first_name"), cells.get(row, "last_name")) {
            (Some(name), _, _) => name.to_string(),
            (None, Some(first), last) => format!("{first} {}", last.unwrap_or("")).trim().to_string(),
            (None, None, Some(last)) => last.to_string(),
            (None, None, None) => {
                cells.reject(report, row, Some("name"), Problem::Missing { field: "name" });
                continue;
            }
        };
        let account = match (cells.get(row, "account_external_id"), cells.get(row, "account")) {
            (Some(e), _) if by_external.contains_key(e) => by_external.get(e).copied(),
            (_, Some(a)) => by_term.get(fold(a).as_str()).filter(|ids| ids.len() == 1).map(|ids| ids[0]),
            _ => None,
        };
        let Some(account_id) = account else {
            let (field, value) = match cells.get(row, "account") {
                Some(a) => ("account", a),
                None => ("account_external_id", cells.get(row, "account_external_id").unwrap_or("")),
            };
            if value.is_empty() {
                cells.reject(report, row, Some("account"), Problem::Missing { field: "account" });
            } else {
                cells.reject(report, row, Some(field), Problem::UnknownAccount { value: truncate(value, 60) });
            }
            continue;
        };
        let external = cells.get(row, "external_id").map(|e| truncate(e, 100));
        let folded = fold(&name);
        let key = external.clone().map(|e| format!("id:{e}")).unwrap_or_else(|| format!("{account_id}:{folded}"));
        if let Some(&first_line) = seen.get(&key) {
            cells.reject(report, row, None, Problem::Duplicate { first_line });
            continue;
        }
        seen.insert(key, row.line);
        let id = external
            .as_deref()
            .and_then(|e| contact_by_external.get(e))
            .or_else(|| contact_by_name.get(&(account_id, folded.as_str())))
            .copied();
        let mut record = id.and_then(|id| existing.get(&id).cloned()).unwrap_or_default();
        record.account_id = account_id;
        record.name = truncate(&name, 100);
        if external.is_some() {
            record.external_id = external;
        }
        for (field, target) in [("title", &mut record.title), ("department", &mut record.department)] {
            if let Some(value) = cells.get(row, field) {
                *target = truncate(value, 100);
            }
        }
        if let Some(Some(role)) = cells.parse(report, row, "role", values::decision_role) {
            record.decision_role = Some(role.to_string());
        }
        if let Some(Some(stance)) = cells.parse(report, row, "stance", values::stance) {
            record.stance = Some(stance.to_string());
        }
        if let Some(Some(strength)) = cells.parse(report, row, "strength", |t| values::whole(t, 1, 5)) {
            record.strength = Some(strength);
        }
        if let Some(email) = cells.get(row, "email") {
            record.email = Some(truncate(email, 200));
        }
        if let Some(phone) = cells.get(row, "phone") {
            record.phone = Some(truncate(phone, 50));
        }
        if report.rejected.len() > before {
            continue;
        }
        match id.and_then(|id| existing.get(&id)) {
            None => report.created.push(record.name.clone()),
            Some(old) if *old == record => report.unchanged += 1,
            Some(old) => report.updated.push((record.name.clone(), contact_changes(old, &record))),
        }
        plans.push((id, record));
    }
    if !report.rejected.is_empty() || o.dry_run {
        return Ok(());
    }
    let mut tx = store.write().await?;
    for (id, record) in &plans {
        tick(o);
        if id.is_none() || id.and_then(|id| existing.get(&id)) != Some(record) {
            tx.write_contact(ws, *id, record, o.now).await?;
        }
    }
    finish(tx, o, "import contacts", report).await
}

fn contact_changes(old: &ContactRecord, new: &ContactRecord) -> Vec<&'static str> {
    [
        ("account", old.account_id != new.account_id),
        ("name", old.name != new.name),
        ("external_id", old.external_id != new.external_id),
        ("title", old.title != new.title),
        ("department", old.department != new.department),
        ("role", old.decision_role != new.decision_role),
        ("stance", old.stance != new.stance),
        ("strength", old.strength != new.strength),
        ("email", old.email != new.email),
        ("phone", old.phone != new.phone),
    ]
    .into_iter()
    .filter_map(|(field, differs)| differs.then_some(field))
    .collect()
}

/// One person row, planned: the person (existing or new), and their manager as written.
struct PersonPlan {
    line: usize,
    id: Option<i64>,
    name: String,
    role: Role,
    email: Option<String>,
    external_id: Option<String>,
    manager: Option<String>,
}

async fn people(store: &Store, cells: &Cells<'_>, o: &Options<'_>, report: &mut Report) -> Result<(), StoreError> {
    let ws = o.workspace_id;
    let existing = store.people_for_export(ws).await?;
    let mut plans: Vec<PersonPlan> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in &cells.table.rows {
        tick(o);
        let before = report.rejected.len();
        let Some(name) = cells.get(row, "name") else {
            cells.reject(report, row, Some("name"), Problem::Missing { field: "name" });
            continue;
        };
        let external = cells.get(row, "external_id").map(|e| truncate(e, 100));
        let email = cells.get(row, "email").map(|e| truncate(e, 200));
        let key = format!("name:{}", fold(name));
        if let Some(&first_line) = seen.get(&key) {
            cells.reject(report, row, None, Problem::Duplicate { first_line });
            continue;
        }
        seen.insert(key, row.line);
        let found = existing.iter().find(|p| {
            (external.is_some() && p.external_id == external)
                || (email.is_some()
                    && p.email.as_deref().map(str::to_lowercase) == email.as_deref().map(str::to_lowercase))
                || fold(&p.name) == fold(name)
        });
        let role = match cells.parse(report, row, "role", values::role) {
            Some(Some(role)) => role,
            // The row is rejected: the role is never used.
            Some(None) => Role::Rep,
            None => found.map_or(Role::Rep, |p| p.role),
        };
        if report.rejected.len() > before {
            continue;
        }
        plans.push(PersonPlan {
            line: row.line,
            id: found.map(|p| p.id),
            name: truncate(name, 100),
            role,
            email: email.or_else(|| found.and_then(|p| p.email.clone())),
            external_id: external.or_else(|| found.and_then(|p| p.external_id.clone())),
            manager: cells.get(row, "manager").map(str::to_string),
        });
    }
    // The team tree as it will be: every person's manager, by folded name.
    let mut manager_of: HashMap<String, Option<String>> =
        existing.iter().map(|p| (fold(&p.name), p.manager.as_deref().map(fold))).collect();
    let known: HashSet<String> =
        existing.iter().map(|p| fold(&p.name)).chain(plans.iter().map(|p| fold(&p.name))).collect();
    for plan in &plans {
        if let Some(manager) = &plan.manager {
            if !known.contains(&fold(manager)) {
                report.rejected.push(Rejection {
                    line: plan.line,
                    column: cells.header("manager"),
                    problem: Problem::UnknownManager { value: truncate(manager, 60) },
                });
                continue;
            }
            manager_of.insert(fold(&plan.name), Some(fold(manager)));
        }
    }
    for plan in &plans {
        let start = fold(&plan.name);
        let mut at = manager_of.get(&start).cloned().flatten();
        let mut steps = 0;
        while let Some(m) = at {
            if m == start || steps > manager_of.len() {
                report.rejected.push(Rejection {
                    line: plan.line,
                    column: cells.header("manager"),
                    problem: Problem::Circle { name: plan.name.clone() },
                });
                break;
            }
            at = manager_of.get(&m).cloned().flatten();
            steps += 1;
        }
    }
    for plan in &plans {
        match plan.id.and_then(|id| existing.iter().find(|p| p.id == id)) {
            None => report.created.push(plan.name.clone()),
            Some(old) => {
                let changes: Vec<&'static str> = [
                    ("name", old.name != plan.name),
                    ("role", old.role != plan.role),
                    (
                        "manager",
                        plan.manager.is_some() && old.manager.as_deref().map(fold) != plan.manager.as_deref().map(fold),
                    ),
                    ("email", old.email != plan.email),
                    ("external_id", old.external_id != plan.external_id),
                ]
                .into_iter()
                .filter_map(|(f, d)| d.then_some(f))
                .collect();
                if changes.is_empty() {
                    report.unchanged += 1;
                } else {
                    report.updated.push((plan.name.clone(), changes));
                }
            }
        }
    }
    if !report.rejected.is_empty() || o.dry_run {
        return Ok(());
    }
    let mut tx = store.write().await?;
    let mut ids: HashMap<String, i64> = existing.iter().map(|p| (fold(&p.name), p.id)).collect();
    for plan in &plans {
        tick(o);
        let old_manager = plan.id.and_then(|id| existing.iter().find(|p| p.id == id)).and_then(|p| p.manager_id);
        let person = NamedPerson {
            name: &plan.name,
            role: plan.role,
            manager_id: old_manager,
            email: plan.email.as_deref(),
            external_id: plan.external_id.as_deref(),
            created_at: o.now,
        };
        let id = match plan.id {
            Some(id) => {
                tx.update_person(ws, id, &person).await?;
                id
            }
            None => tx.insert_named_person(ws, &person).await?,
        };
        ids.insert(fold(&plan.name), id);
    }
    for plan in &plans {
        let (Some(manager), Some(&id)) = (&plan.manager, ids.get(&fold(&plan.name))) else { continue };
        let Some(&manager_id) = ids.get(&fold(manager)) else { continue };
        tx.set_manager(ws, id, Some(manager_id)).await?;
    }
    finish(tx, o, "import people", report).await
}

/// Audits the import and commits it.
async fn finish(mut tx: WriteTx, o: &Options<'_>, command: &str, report: &mut Report) -> Result<(), StoreError> {
    let arguments = serde_json::json!({
        "created": report.created.len(),
        "updated": report.updated.len(),
        "unchanged": report.unchanged,
        "new_people": report.new_people,
    })
    .to_string();
    // An operator imports from the command line: the audit names the workspace's local admin.
    let operator = match o.person_id {
        Some(id) => id,
        None => tx.local_admin(o.workspace_id, o.now).await?,
    };
    tx.audit(o.workspace_id, operator, command, &arguments, "ok", o.now).await?;
    tx.commit().await?;
    report.written = true;
    Ok(())
}

/// The report as messages, in reading order: refused rows (or, when none, what is created and
/// updated, at most `listed` of each, and the new people), the columns not read, the summary, and
/// what to do next.
pub fn report_messages(report: &Report, kind: Kind, dry_run: bool, listed: usize) -> Vec<Onb> {
    let mut out = Vec::new();
    for r in report.rejected.iter().take(listed) {
        out.push(Onb::ImportProblem { line: r.line, column: r.column.clone(), problem: r.problem.clone() });
    }
    if report.rejected.len() > listed {
        out.push(Onb::AndMore { count: report.rejected.len() - listed });
    }
    if report.rejected.is_empty() {
        out.extend(report.created.iter().take(listed).map(|name| Onb::ImportCreated { name: name.clone() }));
        if report.created.len() > listed {
            out.push(Onb::AndMore { count: report.created.len() - listed });
        }
        out.extend(
            report
                .updated
                .iter()
                .take(listed)
                .map(|(name, fields)| Onb::ImportUpdated { name: name.clone(), fields: fields.clone() }),
        );
        if report.updated.len() > listed {
            out.push(Onb::AndMore { count: report.updated.len() - listed });
        }
        if !report.new_people.is_empty() {
            let names = report.new_people.iter().take(listed).cloned().collect();
            out.push(Onb::ImportNewPeople { names, more: report.new_people.len().saturating_sub(listed) });
        }
    }
    if !report.ignored_columns.is_empty() {
        out.push(Onb::ImportIgnored { columns: report.ignored_columns.clone() });
    }
    out.push(Onb::ImportSummary {
        kind: kind.name(),
        created: report.created.len(),
        updated: report.updated.len(),
        unchanged: report.unchanged,
        rejected: report.rejected.len(),
        dry_run,
        written: report.written,
    });
    if !report.rejected.is_empty() {
        out.push(Onb::ImportNothingWritten { rejected: report.rejected.len() });
    } else if report.created.is_empty() && report.updated.is_empty() && !dry_run {
        out.push(Onb::ImportSecondRun);
    }
    out
}

/// The calendar year of an instant in a time zone, for the wallet period an import records.
pub fn year_in(now: DateTime<Utc>, tz: chrono_tz::Tz) -> i32 {
    now.with_timezone(&tz).year()
}
