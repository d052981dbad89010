//! `/people [list]` and `/people role PERSON ROLE`: who is in the workspace, and (admins only)
//! who is an admin, a manager or a rep.

use crate::core::command::PeopleAction;
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_person;
use crate::i18n::Msg;
use crate::store::Store;

pub async fn run(store: &Store, ctx: &Context, action: &PeopleAction) -> Result<Reply, CommandError> {
    match action {
        PeopleAction::List => {
            let people = store.people(ctx.workspace.id).await?;
            let mut reply = Reply::titled(ctx.t(Msg::PeopleTitle { count: people.len() }));
            for p in people {
                reply = reply.line(format!("{} · {}", p.display_name, ctx.t(Msg::RoleName(p.role))));
            }
            Ok(reply.ephemeral())
        }
        PeopleAction::SetRole { person, role } => {
            if ctx.person.role != "admin" {
                return Err(Msg::OnlyAdmins.into());
            }
            let target = require_person(store, ctx, person).await?;
            if target.id == ctx.person.id {
                return Err(Msg::NotOwnRole.into());
            }
            let mut tx = store.write().await?;
            tx.set_role(ctx.workspace.id, target.id, role).await?;
            let arguments = serde_json::json!({ "person": target.display_name, "role": role }).to_string();
            tx.audit(ctx.workspace.id, ctx.person.id, "people role", &arguments, "ok", ctx.now).await?;
            tx.commit().await?;
            Ok(Reply::titled(ctx.t(Msg::RoleSet { name: target.display_name, role: role.clone() })).tone(Tone::Good))
        }
    }
}
