//! `/digest [--team NAME]`: a manager's weekly portfolio digest, on demand (yours without --team).

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::Reply;
use crate::core::resolve::require_person;
use crate::store::{Addressee, Store};

pub async fn run(store: &Store, ctx: &Context, team: Option<&str>) -> Result<Reply, CommandError> {
    let manager = match team {
        Some(name) => require_person(store, ctx, name).await?,
        None => ctx.person.clone(),
    };
    let addressee = Addressee {
        id: manager.id,
        display_name: manager.display_name,
        platform: manager.platform,
        platform_user_id: manager.platform_user_id,
        language: manager.language,
        role: manager.role,
        manager_id: manager.manager_id,
    };
    let (reply, _, _) =
        crate::core::digest::build(store, &ctx.workspace, ctx.workspace_tz(), &addressee, ctx.now, ctx.locale).await?;
    Ok(reply)
}
