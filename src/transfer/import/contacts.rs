//! Importing contacts: each row matched within its account by external id, else by email or name.

use std::collections::HashMap;

use crate::domain::import_errors::Problem;
use crate::domain::text::{fold, truncate};
use crate::store::{ContactRecord, Store, StoreError};
use crate::transfer::values;

use super::matching::{AccountIndex, account_of};
use super::*;

pub(super) async fn contacts(
    store: &Store,
    cells: &Cells<'_>,
    o: &Options<'_>,
    report: &mut Report,
) -> Result<(), StoreError> {
    let ws = o.workspace_id;
    let accounts = AccountIndex::load(store, ws).await?;
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
        // The account as the chat finds it; a row that could be several accounts names them.
        let Some(account_id) = account_of(cells, &accounts, report, row) else { continue };
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
