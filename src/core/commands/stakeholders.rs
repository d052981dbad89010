//! `/contacts ACCOUNT [--page P]`: the stakeholder map, by department, with the coverage warnings;
//! `/contact add|set ACCOUNT NAME [...]` edits it.

use crate::core::command::ContactRequest;
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::Page;
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{require_account, require_contact};
use crate::core::standing;
use crate::i18n::{Msg, format_date};
use crate::store::{ContactChanges, NewContact, StakeholderRow, Store};

pub async fn map(store: &Store, ctx: &Context, account: &str, page: i64) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let facts = standing::facts(store, ctx, account.id).await?;
    let reach = standing::reach(&facts, ctx.now);
    let coverage = standing::coverage(&facts, &reach);
    let (contacts, reached, decision_maker) = (&facts.contacts, reach.reached, reach.decision_maker_reached);

    let mut reply = Reply::titled(ctx.t(Msg::ContactsTitle { account: account.name.clone(), count: contacts.len() }));
    if coverage.single_threaded {
        reply = reply.line(ctx.t(Msg::SingleThreaded { reached, decision_maker }));
    }
    if coverage.missing_technical_manager {
        reply = reply.line(ctx.t(Msg::MissingTechnicalManager));
    }
    // A page of contacts in department order, then grouped as the map shows them.
    let mut ordered: Vec<&StakeholderRow> = contacts.iter().collect();
    ordered.sort_by(|a, b| (a.department.is_empty(), &a.department).cmp(&(b.department.is_empty(), &b.department)));
    let page = Page::of(ordered.len(), page);
    if let Some(footer) = page.footer(ctx, &format!("/contacts {}", account.name)) {
        reply = reply.footer(footer);
    }
    let mut departments: Vec<(String, Vec<String>)> = Vec::new();
    for c in page.slice(ordered) {
        let mut parts = vec![c.name.clone()];
        if !c.title.is_empty() {
            parts.push(c.title.clone());
        }
        if let Some(role) = &c.decision_role {
            parts.push(ctx.t(Msg::DecisionRole(role.clone())));
        }
        if let Some(stance) = &c.stance {
            parts.push(ctx.t(Msg::StanceName(stance.clone())));
        }
        if let Some(strength) = c.strength {
            parts.push(ctx.t(Msg::Strength { strength }));
        }
        parts.push(match c.last_contact {
            Some(t) => ctx.t(Msg::LastContactOn { date: format_date(ctx.local_date(t), ctx.locale) }),
            None => ctx.t(Msg::NeverReached),
        });
        let department = if c.department.is_empty() { ctx.t(Msg::NoDepartment) } else { c.department.clone() };
        match departments.last_mut() {
            Some((last, people)) if *last == department => people.push(parts.join(" · ")),
            _ => departments.push((department, vec![parts.join(" · ")])),
        }
    }
    for (department, people) in departments {
        reply = reply.field(department, people.join("\n"));
    }
    if contacts.is_empty() {
        reply = reply.line(ctx.t(Msg::NoContactsYet { account: account.name.clone() }));
    }
    let tone = if coverage.single_threaded || coverage.missing_technical_manager { Tone::Warning } else { Tone::Good };
    Ok(reply.tone(tone))
}

pub async fn edit(store: &Store, ctx: &Context, r: &ContactRequest) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, &r.account).await?;
    require_write(store, ctx, &account).await?;
    let mut tx;
    let name;
    if r.add {
        let existing = store.find_contacts(ctx.workspace.id, account.id, &r.name).await?;
        let folded = crate::domain::text::fold(&r.name);
        if existing.iter().any(|c| crate::domain::text::fold(&c.name) == folded) {
            return Err(Msg::ContactExists { name: r.name.clone(), account: account.name }.into());
        }
        tx = store.write().await?;
        tx.insert_contact(
            ctx.workspace.id,
            &NewContact {
                account_id: account.id,
                name: &r.name,
                title: r.title.as_deref().unwrap_or(""),
                department: r.department.as_deref().unwrap_or(""),
                decision_role: r.role.as_deref(),
                stance: r.stance.as_deref(),
                strength: r.strength,
                email: r.email.as_deref(),
                phone: r.phone.as_deref(),
                created_at: ctx.now,
            },
        )
        .await?;
        name = r.name.clone();
    } else {
        let contact = require_contact(store, ctx, &account, &r.name).await?;
        tx = store.write().await?;
        tx.update_contact(
            ctx.workspace.id,
            contact.id,
            &ContactChanges {
                title: r.title.as_deref(),
                department: r.department.as_deref(),
                decision_role: r.role.as_deref(),
                stance: r.stance.as_deref(),
                strength: r.strength,
                email: r.email.as_deref(),
                phone: r.phone.as_deref(),
            },
        )
        .await?;
        name = contact.name;
    }
    let arguments = serde_json::to_string(r).unwrap_or_default();
    tx.audit(ctx.workspace.id, ctx.person.id, "contact", &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    let title = if r.add {
        Msg::ContactAdded { name, account: account.name }
    } else {
        Msg::ContactChanged { name, account: account.name }
    };
    Ok(Reply::titled(ctx.t(title)).tone(Tone::Good))
}
