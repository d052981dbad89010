//! `/digest [--team NAME] [--full]`: a manager's weekly portfolio digest, on demand (yours without
//! --team); `--full` adds every account's detail.

use crate::i18n::{HelpMsg};
use serde::Serialize;

use crate::core::catalog::{ArgType, CommandSpec, leaf, option};
use crate::i18n::Msg;
use crate::core::Command;
use crate::core::parse::Args;
use crate::core::context::Context;
use crate::core::digest::Detail;
use crate::core::error::CommandError;
use crate::core::reply::Reply;
use crate::core::resolve::require_person;
use crate::store::{Addressee, Store};

pub static SPEC: CommandSpec = leaf!(
    "digest",
    "digest",
    Msg::Help(HelpMsg::CmdDigest),
    &[option("team", ArgType::Person, Msg::Help(HelpMsg::ArgTeam)), option("full", ArgType::Switch, Msg::Help(HelpMsg::ArgDigestFull))],
    "/digest --team \"Marina Costa\" --full",
    build,
);

/// A manager's portfolio digest, on demand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Digest {
    pub team: Option<String>,
    /// Every account's detail, not only the one screen sent each week.
    pub full: bool,
}

impl Digest {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        run(store, ctx, self.team.as_deref(), self.full).await
    }
}

fn build(args: &Args) -> Result<Command, Msg> {
    Ok(Digest { team: args.text("team"), full: args.switch("full") }.into())
}

async fn run(store: &Store, ctx: &Context, team: Option<&str>, full: bool) -> Result<Reply, CommandError> {
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
