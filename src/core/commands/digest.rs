//! `/digest [--team NAME]`: a manager's weekly portfolio digest, on demand (yours without --team).

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::Reply;
use crate::core::resolve::require_person;
use crate::scheduler::Scheduler;
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
    let reply = Scheduler::new(store.clone()).digest_for(&ctx.workspace, &addressee, ctx.now, ctx.locale).await?;
    Ok(reply)
}
