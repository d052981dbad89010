//! `/health ACCOUNT`: the health score and every component with its value and reason.

use crate::i18n::{CardMsg, HealthMsg, HelpMsg};
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_REST, CommandSpec, leaf};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::core::standing;
use crate::i18n::Msg;
use crate::store::Store;

pub static SPEC: CommandSpec = leaf!(
    "health",
    "health",
    Msg::Help(HelpMsg::CmdHealth),
    &[ACCOUNT_REST],
    "/health Vale",
    |args| Ok(Health { account: args.required("account")? }.into()),
);

/// The health score of an account, component by component.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Health {
    pub account: String,
}

impl Health {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        show(store, ctx, &self.account).await
    }
}

fn tone_of(score: u32) -> Tone {
    match score {
        s if s < standing::AT_RISK => Tone::Danger,
        s if s < crate::domain::health::HEALTHY => Tone::Warning,
        _ => Tone::Good,
    }
}

async fn show(store: &Store, ctx: &Context, account: &str) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let facts = standing::facts(store, ctx, account.id).await?;
    let health = standing::health(&facts, ctx.now, ctx.tz);
    let mut reply = Reply::titled(ctx.t(Msg::Health(HealthMsg::HealthTitle { account: account.name.clone(), score: health.score })));
    if let Some((since, b)) = health.before {
        reply = reply.line(ctx.t(Msg::Card(CardMsg::HealthTrend { delta: i64::from(health.score) - b, since })));
    }
    if health.score < health.weighted {
        reply = reply.line(ctx.t(Msg::Health(HealthMsg::HealthCapped { weighted: health.weighted, score: health.score })));
    }
    if !health.flags.is_empty() {
        let flags: Vec<String> =
            health.flags.iter().map(|f| format!("• {}", ctx.t(Msg::Card(CardMsg::FlagReason(f.clone()))))).collect();
        reply = reply.field(ctx.t(Msg::Health(HealthMsg::LabelWatch)), flags.join("\n"));
    }
    for (part, reason) in health.parts {
        let value = format!("{} · {}", part.value, ctx.t(reason));
        reply = reply.field(ctx.t(Msg::Health(HealthMsg::ComponentName(part.component))), value);
    }
    Ok(reply.footer(ctx.t(Msg::Health(HealthMsg::HealthFooter))).tone(tone_of(health.score)))
}

