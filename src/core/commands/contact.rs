//! `/contact add|set ACCOUNT NAME [...]`: adds a stakeholder to an account's map, or changes one.

use crate::i18n::{HelpMsg, PeopleMsg};
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_FIRST, ArgSpec, ArgType, CommandSpec, NAME, group, leaf, option, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{require_account, require_contact};
use crate::domain::vocabulary;
use crate::i18n::Msg;
use crate::store::{ContactChanges, NewContact, Store};

/// `/contact add` and `/contact set` take the same arguments.
const CONTACT_ARGS: &[ArgSpec] = &[
    ACCOUNT_FIRST,
    positional("name", NAME, true, true, Msg::Help(HelpMsg::ArgContactName)),
    option("title", ArgType::Text { max_chars: 100 }, Msg::Help(HelpMsg::ArgTitle)),
    option("department", ArgType::Text { max_chars: 100 }, Msg::Help(HelpMsg::ArgDepartment)),
    option("role", ArgType::Words(&vocabulary::DECISION_ROLES), Msg::Help(HelpMsg::ArgDecisionRole)),
    option("stance", ArgType::Words(&vocabulary::STANCES), Msg::Help(HelpMsg::ArgStance)),
    option("strength", ArgType::Integer { min: 1, max: 5 }, Msg::Help(HelpMsg::ArgStrength)),
    option("email", ArgType::Text { max_chars: 200 }, Msg::Help(HelpMsg::ArgEmail)),
    option("phone", ArgType::Text { max_chars: 50 }, Msg::Help(HelpMsg::ArgPhone)),
];

static ADD: CommandSpec = leaf!(
    "add",
    "contact add",
    Msg::Help(HelpMsg::CmdContactAdd),
    CONTACT_ARGS,
    "/contact add Vale \"Marcos Lima\" --department Engenharia --role influencer --stance supporter",
    |args| build(args, true),
    pt: "/contact add Vale \"Marcos Lima\" --department Engenharia --role influenciador --stance apoiador",
);

static SET: CommandSpec = leaf!(
    "set",
    "contact set",
    Msg::Help(HelpMsg::CmdContactSet),
    CONTACT_ARGS,
    "/contact set Vale \"Marcos Lima\" --stance champion",
    |args| build(args, false),
    pt: "/contact set Vale \"Marcos Lima\" --stance defensor",
);

pub static SPEC: CommandSpec = group!(
    "contact",
    Msg::Help(HelpMsg::CmdContact),
    &[&ADD, &SET],
    None,
    "/contact add Vale \"Marcos Lima\" --department Engenharia --role influencer --stance supporter",
    pt: "/contact add Vale \"Marcos Lima\" --department Engenharia --role influenciador --stance apoiador",
);

/// What `/contact add|set` records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactRequest {
    pub add: bool,
    pub account: String,
    pub name: String,
    pub title: Option<String>,
    pub department: Option<String>,
    pub role: Option<String>,
    pub stance: Option<String>,
    pub strength: Option<i64>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

fn build(args: &crate::core::parse::Args, add: bool) -> Result<crate::core::Command, Msg> {
    Ok(ContactRequest {
        add,
        account: args.required("account")?,
        name: args.required("name")?,
        title: args.text("title"),
        department: args.text("department"),
        role: args.lower("role"),
        stance: args.lower("stance"),
        strength: args.number("strength"),
        email: args.text("email"),
        phone: args.text("phone"),
    }
    .into())
}

impl ContactRequest {
    pub fn spec(&self) -> &'static CommandSpec {
        if self.add { &ADD } else { &SET }
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        edit(store, ctx, &self).await
    }
}

async fn edit(store: &Store, ctx: &Context, r: &ContactRequest) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, &r.account).await?;
    require_write(store, ctx, &account).await?;
    let mut tx;
    let name;
    if r.add {
        let existing = store.find_contacts(ctx.workspace.id, account.id, &r.name).await?;
        let folded = crate::domain::text::fold(&r.name);
        if existing.iter().any(|c| crate::domain::text::fold(&c.name) == folded) {
            return Err(Msg::People(PeopleMsg::ContactExists { name: r.name.clone(), account: account.name }).into());
        }
        tx = ctx.write(store).await?;
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
        tx = ctx.write(store).await?;
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
        Msg::People(PeopleMsg::ContactAdded { name, account: account.name })
    } else {
        Msg::People(PeopleMsg::ContactChanged { name, account: account.name })
    };
    Ok(Reply::titled(ctx.t(title)).tone(Tone::Good))
}
