//! `/people [list]`: who is in the workspace, their role and manager; and for admins, the team
//! itself: `/people add|set|role|remove|link`. The team tree decides digests and write rights, so
//! a circle in it is refused.

use crate::i18n::{CliMsg, HelpMsg, PeopleMsg};
use serde::Serialize;

use crate::core::catalog::{ArgType, CommandSpec, NAME, PAGE_OPTION, group, leaf, option, positional, required_option};
use crate::core::parse::Args;
use crate::domain::vocabulary;
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::Page;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_person;
use crate::domain::account::Role;
use crate::domain::text::fold;
use crate::i18n::{Msg, Onb};
use crate::store::{NamedPerson, Store};

static LIST: CommandSpec = leaf!(
    "list",
    "people list",
    Msg::Help(HelpMsg::CmdPeopleList),
    &[PAGE_OPTION],
    "/people",
    |args| Ok(PeopleAction::List { page: args.number("page").unwrap_or(1) }.into()),
);

static ADD: CommandSpec = leaf!(
    "add",
    "people add",
    Msg::Help(HelpMsg::CmdPeopleAdd),
    &[
        positional("name", NAME, true, true, Msg::Help(HelpMsg::ArgPersonName)),
        required_option("role", ArgType::Words(&vocabulary::ROLES), Msg::Help(HelpMsg::ArgRole)),
        option("manager", ArgType::Person, Msg::Help(HelpMsg::ArgManager)),
    ],
    "/people add \"Paula Nunes\" --role rep --manager \"Marina Costa\"",
    |args| {
        Ok(PeopleAction::Add { name: args.required("name")?, role: required_role(args)?, manager: args.text("manager") }
            .into())
    },
    pt: "/people add \"Paula Nunes\" --role vendedor --manager \"Marina Costa\"",
);

static SET: CommandSpec = leaf!(
    "set",
    "people set",
    Msg::Help(HelpMsg::CmdPeopleSet),
    &[
        positional("person", ArgType::Person, true, true, Msg::Help(HelpMsg::ArgPerson)),
        option("role", ArgType::Words(&vocabulary::ROLES), Msg::Help(HelpMsg::ArgRole)),
        option("manager", ArgType::Person, Msg::Help(HelpMsg::ArgManagerSet)),
        option("name", NAME, Msg::Help(HelpMsg::ArgPersonNewName)),
    ],
    "/people set \"Paula Nunes\" --manager \"Ana Souza\"",
    |args| {
        Ok(PeopleAction::Set {
            person: args.required("person")?,
            role: args.get("role").and_then(Role::read),
            manager: args.text("manager"),
            name: args.text("name"),
        }
        .into())
    },
);

static ROLE: CommandSpec = leaf!(
    "role",
    "people role",
    Msg::Help(HelpMsg::CmdPeopleRole),
    &[
        positional("person", ArgType::Person, true, false, Msg::Help(HelpMsg::ArgPerson)),
        positional("role", ArgType::Words(&vocabulary::ROLES), true, false, Msg::Help(HelpMsg::ArgRole)),
    ],
    "/people role \"Ana Souza\" manager",
    |args| Ok(PeopleAction::SetRole { person: args.required("person")?, role: required_role(args)? }.into()),
    pt: "/people role \"Ana Souza\" gestor",
);

static REMOVE: CommandSpec = leaf!(
    "remove",
    "people remove",
    Msg::Help(HelpMsg::CmdPeopleRemove),
    &[
        positional("person", ArgType::Person, true, true, Msg::Help(HelpMsg::ArgPerson)),
        required_option("to", ArgType::Person, Msg::Help(HelpMsg::ArgHandTo)),
    ],
    "/people remove \"Paula Nunes\" --to \"Ana Souza\"",
    |args| Ok(PeopleAction::Remove { person: args.required("person")?, to: args.required("to")? }.into()),
);

static LINK: CommandSpec = leaf!(
    "link",
    "people link",
    Msg::Help(HelpMsg::CmdPeopleLink),
    &[
        positional("person", ArgType::Person, true, false, Msg::Help(HelpMsg::ArgPerson)),
        positional("user", ArgType::User, true, false, Msg::Help(HelpMsg::ArgUser)),
    ],
    "/people link \"Paula Nunes\" <@U024BE7LH>",
    |args| Ok(PeopleAction::Link { person: args.required("person")?, user: args.required("user")? }.into()),
);

pub static SPEC: CommandSpec = group!(
    "people",
    Msg::Help(HelpMsg::CmdPeople),
    &[&LIST, &ADD, &SET, &ROLE, &REMOVE, &LINK],
    Some("list"),
    "/people add \"Paula Nunes\" --role rep",
    pt: "/people add \"Paula Nunes\" --role vendedor",
);

/// What `/people` does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeopleAction {
    List { page: i64 },
    SetRole { person: String, role: Role },
    Add { name: String, role: Role, manager: Option<String> },
    Set { person: String, role: Option<Role>, manager: Option<String>, name: Option<String> },
    Remove { person: String, to: String },
    Link { person: String, user: String },
}

/// The catalog's name for the request of `/people`.
pub type People = PeopleAction;

/// The role, which the parser has read into its code already.
fn required_role(args: &Args) -> Result<Role, Msg> {
    args.required("role")?.parse::<Role>().map_err(|_| args.missing("role"))
}

impl PeopleAction {
    pub fn spec(&self) -> &'static CommandSpec {
        match self {
            PeopleAction::List { .. } => &LIST,
            PeopleAction::SetRole { .. } => &ROLE,
            PeopleAction::Add { .. } => &ADD,
            PeopleAction::Set { .. } => &SET,
            PeopleAction::Remove { .. } => &REMOVE,
            PeopleAction::Link { .. } => &LINK,
        }
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        run(store, ctx, &self).await
    }
}

fn require_admin(ctx: &Context) -> Result<(), Msg> {
    if ctx.person.role == Role::Admin { Ok(()) } else { Err(Msg::Onb(Onb::OnlyAdminsTeam)) }
}

async fn run(store: &Store, ctx: &Context, action: &PeopleAction) -> Result<Reply, CommandError> {
    match action {
        PeopleAction::List { page } => {
            let people = store.people(ctx.workspace.id).await?;
            let titles: std::collections::HashMap<i64, String> = store
                .people_for_export(ctx.workspace.id)
                .await?
                .into_iter()
                .filter(|p| !p.title.is_empty())
                .map(|p| (p.id, p.title))
                .collect();
            let mut reply = Reply::titled(ctx.t(Msg::People(PeopleMsg::PeopleTitle { count: people.len() })));
            let page = Page::of(people.len(), *page);
            for p in page.slice(people.iter().collect()) {
                let manager =
                    p.manager_id.and_then(|m| people.iter().find(|o| o.id == m)).map(|m| m.display_name.clone());
                reply = reply.line(ctx.t(Msg::Onb(Onb::PersonLine {
                    name: p.display_name.clone(),
                    title: titles.get(&p.id).cloned(),
                    role: p.role,
                    manager,
                    linked: p.is_linked(),
                })));
            }
            if let Some(footer) = page.footer(ctx, "/people") {
                reply = reply.footer(footer);
            }
            Ok(reply.ephemeral())
        }
        PeopleAction::Add { name, role, manager } => {
            require_admin(ctx)?;
            let name = name.trim();
            if fold(name).is_empty() {
                return Err(Msg::Onb(Onb::BadPersonName).into());
            }
            if let Some(existing) = store
                .find_people_by_name(ctx.workspace.id, name)
                .await?
                .into_iter()
                .find(|p| fold(&p.display_name) == fold(name))
            {
                return Err(Msg::Onb(Onb::PersonExists { name: existing.display_name }).into());
            }
            let manager = match manager {
                Some(m) => Some(require_person(store, ctx, m).await?),
                None => None,
            };
            let mut tx = ctx.write(store).await?;
            let new = NamedPerson {
                name,
                role: *role,
                manager_id: manager.as_ref().map(|m| m.id),
                email: None,
                external_id: None,
                title: None,
                created_at: ctx.now,
            };
            tx.insert_named_person(ctx.workspace.id, &new).await?;
            let arguments =
                serde_json::json!({ "name": name, "role": role, "manager": manager.as_ref().map(|m| &m.display_name) })
                    .to_string();
            tx.audit(ctx.workspace.id, ctx.person.id, "people add", &arguments, "ok", ctx.now).await?;
            tx.commit().await?;
            Ok(Reply::titled(ctx.t(Msg::Onb(Onb::PersonAdded { name: name.to_string(), role: *role })))
                .line(ctx.t(Msg::Onb(Onb::LinkHint { name: name.to_string() })))
                .tone(Tone::Good))
        }
        PeopleAction::Set { person, role, manager, name } => {
            require_admin(ctx)?;
            if role.is_none() && manager.is_none() && name.is_none() {
                return Err(Msg::Onb(Onb::PeopleSetNothing).into());
            }
            let target = require_person(store, ctx, person).await?;
            if role.is_some() && target.id == ctx.person.id {
                return Err(Msg::People(PeopleMsg::NotOwnRole).into());
            }
            let new_name = name.as_deref().map(str::trim).unwrap_or(&target.display_name).to_string();
            if fold(&new_name).is_empty() {
                return Err(Msg::Onb(Onb::BadPersonName).into());
            }
            let clears = manager.as_deref().is_some_and(|m| ["none", "nenhum", "-"].contains(&fold(m).as_str()));
            let manager_id = match manager {
                _ if clears => None,
                Some(m) => Some(require_person(store, ctx, m).await?.id),
                None => target.manager_id,
            };
            let mut tx = ctx.write(store).await?;
            if let Some(m) = manager_id
                && manager.is_some()
                && tx.would_close_circle(ctx.workspace.id, target.id, m).await?
            {
                return Err(Msg::Onb(Onb::TeamCircle { person: target.display_name }).into());
            }
            let role = role.unwrap_or(target.role);
            let change =
                NamedPerson {
                    name: &new_name,
                    role,
                    manager_id,
                    email: None,
                    external_id: None,
                    title: None,
                    created_at: ctx.now,
                };
            tx.update_person(ctx.workspace.id, target.id, &change).await?;
            let arguments = serde_json::json!({ "person": target.display_name, "role": role, "manager_id": manager_id, "name": new_name }).to_string();
            tx.audit(ctx.workspace.id, ctx.person.id, "people set", &arguments, "ok", ctx.now).await?;
            tx.commit().await?;
            Ok(Reply::titled(ctx.t(Msg::Onb(Onb::PersonChanged { name: new_name }))).tone(Tone::Good))
        }
        PeopleAction::Remove { person, to } => {
            require_admin(ctx)?;
            let target = require_person(store, ctx, person).await?;
            let heir = require_person(store, ctx, to).await?;
            if target.id == ctx.person.id {
                return Err(Msg::Onb(Onb::NotRemoveSelf).into());
            }
            if heir.id == target.id {
                return Err(Msg::Onb(Onb::HandToSomeoneElse).into());
            }
            let mut tx = ctx.write(store).await?;
            let (accounts, opportunities) = tx.remove_person(ctx.workspace.id, target.id, heir.id, ctx.now).await?;
            let arguments = serde_json::json!({ "person": target.display_name, "to": heir.display_name }).to_string();
            tx.audit(ctx.workspace.id, ctx.person.id, "people remove", &arguments, "ok", ctx.now).await?;
            tx.commit().await?;
            Ok(Reply::titled(ctx.t(Msg::Onb(Onb::PersonRemoved {
                name: target.display_name,
                to: heir.display_name,
                accounts,
                opportunities,
            })))
            .tone(Tone::Good))
        }
        PeopleAction::Link { person, user } => {
            require_admin(ctx)?;
            let target = require_person(store, ctx, person).await?;
            let Some(user_id) = crate::domain::identity::user_ref(ctx.platform.code(), user) else {
                return Err(Msg::Onb(Onb::BadUser { value: crate::domain::text::truncate(user, 40) }).into());
            };
            let mut tx = ctx.write(store).await?;
            let merged = tx.link_person(ctx.workspace.id, target.id, ctx.platform.code(), &user_id).await?;
            let arguments = serde_json::json!({ "person": target.display_name, "user": user_id }).to_string();
            tx.audit(ctx.workspace.id, ctx.person.id, "people link", &arguments, "ok", ctx.now).await?;
            tx.commit().await?;
            Ok(Reply::titled(ctx.t(Msg::Onb(Onb::PersonLinked { name: target.display_name, merged }))).tone(Tone::Good))
        }
        PeopleAction::SetRole { person, role } => {
            if ctx.person.role != Role::Admin {
                return Err(Msg::People(PeopleMsg::OnlyAdmins).into());
            }
            let target = require_person(store, ctx, person).await?;
            if target.id == ctx.person.id {
                return Err(Msg::People(PeopleMsg::NotOwnRole).into());
            }
            let mut tx = ctx.write(store).await?;
            tx.set_role(ctx.workspace.id, target.id, *role).await?;
            let arguments = serde_json::json!({ "person": target.display_name, "role": role }).to_string();
            tx.audit(ctx.workspace.id, ctx.person.id, "people role", &arguments, "ok", ctx.now).await?;
            tx.commit().await?;
            Ok(Reply::titled(ctx.t(Msg::Cli(CliMsg::RoleSet { name: target.display_name, role: *role }))).tone(Tone::Good))
        }
    }
}
