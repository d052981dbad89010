//! `/contacts ACCOUNT [--page P]`: the stakeholder map, by department, with the coverage warnings;
//! `/contact add|set ACCOUNT NAME [...]` edits it.

use chrono::Duration;

use crate::core::command::ContactRequest;
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::Page;
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{require_account, require_contact};
use crate::domain::stakeholders::Coverage;
use crate::i18n::{Msg, format_date};
use crate::store::{AccountRow, ContactChanges, NewContact, StakeholderRow, Store};

/// Contacts reached within this many days count for coverage.
const REACHED_DAYS: i64 = 90;

/// How widely an account is covered, from its contacts and their last interactions.
fn assess(
    ctx: &Context,
    account: &AccountRow,
    contacts: &[StakeholderRow],
    reasons: &[(String, String)],
) -> (Coverage, i64, bool) {
    let since = ctx.now - Duration::days(REACHED_DAYS);
    let reached: Vec<_> = contacts.iter().filter(|c| c.last_contact.is_some_and(|t| t >= since)).collect();
    let decision_maker = reached.iter().any(|c| c.decision_role.as_deref() == Some("decision_maker"));
    let coverage = Coverage::assess(
        reached.len() as i64,
        decision_maker,
        reasons.iter().any(|(r, _)| r == "technological_leadership"),
        account.technical_manager_id.is_some(),
    );
    (coverage, reached.len() as i64, decision_maker)
}

/// The coverage of an account, for its card.
pub async fn coverage(store: &Store, ctx: &Context, account: &AccountRow) -> Result<Coverage, CommandError> {
    let contacts = store.stakeholders(ctx.workspace.id, account.id).await?;
    let reasons = store.account_reasons(ctx.workspace.id, account.id).await?;
    Ok(assess(ctx, account, &contacts, &reasons).0)
}

pub async fn map(store: &Store, ctx: &Context, account: &str, page: i64) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let contacts = store.stakeholders(ctx.workspace.id, account.id).await?;
    let reasons = store.account_reasons(ctx.workspace.id, account.id).await?;
    let (coverage, reached, decision_maker) = assess(ctx, &account, &contacts, &reasons);

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
