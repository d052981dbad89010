//! `/digest [--team NAME] [--full]`: a manager's weekly portfolio digest, on demand (yours without
//! --team); `--full` adds every account's detail.

use crate::core::context::Context;
use crate::core::digest::Detail;
use crate::core::error::CommandError;
use crate::core::reply::Reply;
use crate::core::resolve::require_person;
use crate::store::{Addressee, Store};

pub async fn run(store: &Store, ctx: &Context, team: Option<&str>, full: bool) -> Result<Reply, CommandError> {
    let manager = match team {
        Some(name) => require_person(store, ctx, name).await?,
        None => ctx.person.clone(),
    };
    let addressee = Addressee::of(&manager);
    let team_arg = team.map(|_| addressee.display_name.clone());
    let detail = if full { Detail::Full } else { Detail::Summary };
    let digest = crate::core::digest::build(
        store,
        &ctx.workspace,
        ctx.workspace_tz(),
        &addressee,
        ctx.now,
        ctx.locale,
        detail,
        team_arg.as_deref(),
    )
    .await?;
    Ok(digest.reply)
}
