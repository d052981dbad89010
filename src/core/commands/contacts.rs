//! `/contacts ACCOUNT [--page P]`: the stakeholder map, by department, with the coverage warnings.

use crate::i18n::{CardMsg, HelpMsg, PeopleMsg};
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_REST, CommandSpec, PAGE_OPTION, leaf};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::Page;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::core::standing;
use crate::i18n::{Msg, format_date};
use crate::store::{StakeholderRow, Store};

pub static SPEC: CommandSpec = leaf!(
    "contacts",
    "contacts",
    Msg::Help(HelpMsg::CmdContacts),
    &[ACCOUNT_REST, PAGE_OPTION],
    "/contacts Vale",
    |args| Ok(Contacts { account: args.required("account")?, page: args.number("page").unwrap_or(1) }.into()),
);

/// The stakeholder map of an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contacts {
    pub account: String,
    pub page: i64,
}

impl Contacts {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        map(store, ctx, &self.account, self.page).await
    }
}

async fn map(store: &Store, ctx: &Context, account: &str, page: i64) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let facts = standing::facts(store, ctx, account.id).await?;
    let reach = standing::reach(&facts, ctx.now);
    let coverage = standing::coverage(&facts, &reach);
    let (contacts, reached, decision_maker) = (&facts.contacts, reach.reached, reach.decision_maker_reached);

    let mut reply = Reply::titled(ctx.t(Msg::People(PeopleMsg::ContactsTitle { account: account.name.clone(), count: contacts.len() })));
    if coverage.single_threaded {
        reply = reply.line(ctx.t(Msg::People(PeopleMsg::SingleThreaded { reached, decision_maker })));
    }
    if coverage.missing_technical_manager {
        reply = reply.line(ctx.t(Msg::Card(CardMsg::MissingTechnicalManager)));
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
            parts.push(ctx.t(Msg::People(PeopleMsg::DecisionRole(role.clone()))));
        }
        if let Some(stance) = &c.stance {
            parts.push(ctx.t(Msg::People(PeopleMsg::StanceName(stance.clone()))));
        }
        if let Some(strength) = c.strength {
            parts.push(ctx.t(Msg::People(PeopleMsg::Strength { strength })));
        }
        parts.push(match c.last_contact {
            Some(t) => ctx.t(Msg::People(PeopleMsg::LastContactOn { date: format_date(ctx.local_date(t), ctx.locale) })),
            None => ctx.t(Msg::People(PeopleMsg::NeverReached)),
        });
        let department = if c.department.is_empty() { ctx.t(Msg::People(PeopleMsg::NoDepartment)) } else { c.department.clone() };
        match departments.last_mut() {
            Some((last, people)) if *last == department => people.push(parts.join(" · ")),
            _ => departments.push((department, vec![parts.join(" · ")])),
        }
    }
    for (department, people) in departments {
        reply = reply.field(department, people.join("\n"));
    }
    if contacts.is_empty() {
        reply = reply.line(ctx.t(Msg::People(PeopleMsg::NoContactsYet { account: account.name.clone() })));
    }
    let tone = if coverage.single_threaded || coverage.missing_technical_manager { Tone::Warning } else { Tone::Good };
    Ok(reply.tone(tone))
}

