//! `/risks`: the accounts whose health is lowest, with the weakest component as the reason.

use crate::i18n::{HealthMsg, HelpMsg};
use futures_util::StreamExt;
use serde::Serialize;

use crate::core::catalog::{CommandSpec, PAGE_OPTION, leaf};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::Page;
use crate::core::reply::{Reply, Tone};
use crate::core::standing;
use crate::i18n::Msg;
use crate::store::Store;

pub static SPEC: CommandSpec = leaf!(
    "risks",
    "risks",
    Msg::Help(HelpMsg::CmdRisks),
    &[PAGE_OPTION],
    "/risks",
    |args| Ok(Risks { page: args.number("page").unwrap_or(1) }.into()),
);

/// The accounts whose health is lowest, a page of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Risks {
    pub page: i64,
}

impl Risks {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        risks(store, ctx, self.page).await
    }
}

async fn risks(store: &Store, ctx: &Context, page: i64) -> Result<Reply, CommandError> {
    let mut scored = Vec::new();
    let window = standing::window(ctx.now, ctx.tz);
    let ids: Vec<i64> = store.portfolio(ctx.workspace.id, None, None).await?.into_iter().map(|r| r.id).collect();
    // Every account's facts: read through the connections made for reading many.
    let mut reads = std::pin::pin!(standing::facts_of_many(store, ctx.workspace.id, &ids, window));
    while let Some(read) = reads.next().await {
        for facts in read? {
            let health = standing::health(&facts, ctx.now, ctx.tz);
            if let Some(risk) = health.risk(&facts.account.name) {
                let reason = format!("{} → {}", ctx.t(risk.reason), risk.action);
                scored.push((risk.score, facts.account.name, reason));
            }
        }
    }
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut reply = Reply::titled(ctx.t(Msg::Health(HealthMsg::RisksTitle { count: scored.len() })));
    if scored.is_empty() {
        return Ok(reply.line(ctx.t(Msg::Health(HealthMsg::NoRisks))).tone(Tone::Good));
    }
    let page = Page::of(scored.len(), page);
    for (score, name, reason) in page.slice(scored) {
        reply = reply.line(format!("• {name} · {score}/100 · {reason}"));
    }
    if let Some(footer) = page.footer(ctx, "/risks") {
        reply = reply.footer(footer);
    }
    Ok(reply.tone(Tone::Warning))
}
