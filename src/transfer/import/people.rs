//! Importing people: each row matched by external id, else by email or name; managers may be
//! named by later rows of the file, and a manager that would close a circle is refused.

use crate::domain::account::Role;
use std::collections::{HashMap, HashSet};

use crate::domain::import_errors::Problem;
use crate::domain::text::{fold, truncate};
use crate::store::{NamedPerson, Store, StoreError};
use crate::transfer::values;

use super::*;

/// One person row, planned: the person (existing or new), and their manager as written.
struct PersonPlan {
    line: usize,
    id: Option<i64>,
    name: String,
    role: Role,
    email: Option<String>,
    external_id: Option<String>,
    manager: Option<String>,
    title: Option<String>,
}

pub(super) async fn people(
    store: &Store,
    cells: &Cells<'_>,
    o: &Options<'_>,
    report: &mut Report,
) -> Result<(), StoreError> {
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
            title: cells.get(row, "title").map(|t| truncate(t, 100)),
        });
    }
    // The team tree as it will be: every person's manager, by folded name.
    let mut manager_of: HashMap<String, Option<String>> =
        existing.iter().map(|p| (fold(&p.name), p.manager.as_deref().map(fold))).collect();
    let known: HashSet<String> =
        existing.iter().map(|p| fold(&p.name)).chain(plans.iter().map(|p| fold(&p.name))).collect();
    // A manager named by e-mail (a team file's `E-mail do gestor`) is the person with that e-mail,
    // in the workspace or the file.
    let by_email: HashMap<String, String> = existing
        .iter()
        .filter_map(|p| Some((p.email.as_deref()?.to_lowercase(), fold(&p.name))))
        .chain(plans.iter().filter_map(|p| Some((p.email.as_deref()?.to_lowercase(), fold(&p.name)))))
        .collect();
    for plan in plans.iter_mut() {
        if let Some(name) =
            plan.manager.as_deref().filter(|m| m.contains('@')).and_then(|m| by_email.get(&m.trim().to_lowercase()))
        {
            plan.manager = Some(name.clone());
        }
    }
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
                    ("title", plan.title.as_ref().is_some_and(|t| *t != old.title)),
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
            title: plan.title.as_deref(),
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
