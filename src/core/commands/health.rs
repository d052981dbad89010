//! `/health ACCOUNT`: the health score and every component with its value and reason;
//! `/risks`: the accounts whose health is lowest, with the weakest component as the reason.

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::Page;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::core::standing;
use crate::domain::account::Role;
use crate::domain::health::Component;
use crate::i18n::Msg;
use crate::store::Store;

/// `/weights` shows the weights; `/weights COMPONENT N` sets one (admins).
pub async fn set_weights(
    store: &Store,
    ctx: &Context,
    component: Option<&str>,
    weight: Option<i64>,
) -> Result<Reply, CommandError> {
    if let (Some(code), Some(weight)) = (component, weight) {
        if ctx.person.role != Role::Admin {
            return Err(Msg::OnlyAdminsWeights.into());
        }
        let mut tx = store.write().await?;
        tx.set_health_weight(ctx.workspace.id, code, weight).await?;
        let arguments = serde_json::json!({ "component": code, "weight": weight }).to_string();
        tx.audit(ctx.workspace.id, ctx.person.id, "weights", &arguments, "ok", ctx.now).await?;
        tx.commit().await?;
    } else if component.is_some() {
        return Err(Msg::WeightNeedsNumber.into());
    }
    let weights = standing::weights(&store.weights_with_defaults(store.health_weights(ctx.workspace.id).await?));
    let mut reply = Reply::titled(ctx.t(Msg::WeightsTitle));
    for (c, w) in Component::ALL.iter().zip(weights) {
        reply = reply.field(format!("{} ({})", ctx.t(Msg::ComponentName(*c)), c.code()), w.to_string());
    }
    Ok(reply.footer(ctx.t(Msg::WeightsFooter)))
}

fn tone_of(score: u32) -> Tone {
    match score {
        s if s < standing::AT_RISK => Tone::Danger,
        s if s < crate::domain::health::HEALTHY => Tone::Warning,
        _ => Tone::Good,
    }
}

pub async fn show(store: &Store, ctx: &Context, account: &str) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let facts = standing::facts(store, ctx, account.id).await?;
    let health = standing::health(&facts, ctx.now, ctx.tz);
    let mut reply = Reply::titled(ctx.t(Msg::HealthTitle { account: account.name.clone(), score: health.score }));
    if let Some((since, b)) = health.before {
        reply = reply.line(ctx.t(Msg::HealthTrend { delta: i64::from(health.score) - b, since }));
    }
    if health.score < health.weighted {
        reply = reply.line(ctx.t(Msg::HealthCapped { weighted: health.weighted, score: health.score }));
    }
    if !health.flags.is_empty() {
        let flags: Vec<String> =
            health.flags.iter().map(|f| format!("• {}", ctx.t(Msg::FlagReason(f.clone())))).collect();
        reply = reply.field(ctx.t(Msg::LabelWatch), flags.join("\n"));
    }
    for (part, reason) in health.parts {
        let value = format!("{} · {}", part.value, ctx.t(reason));
        reply = reply.field(ctx.t(Msg::ComponentName(part.component)), value);
    }
    Ok(reply.footer(ctx.t(Msg::HealthFooter)).tone(tone_of(health.score)))
}

pub async fn risks(store: &Store, ctx: &Context, page: i64) -> Result<Reply, CommandError> {
    let mut scored = Vec::new();
    let window = standing::window(ctx.now, ctx.tz);
    let ids: Vec<i64> = store.portfolio(ctx.workspace.id, None, None).await?.into_iter().map(|r| r.id).collect();
    for chunk in ids.chunks(standing::FACTS_A_READ) {
        for facts in store.accounts_facts(ctx.workspace.id, chunk, window).await? {
            let health = standing::health(&facts, ctx.now, ctx.tz);
            if let Some(risk) = health.risk(&facts.account.name) {
                let reason = format!("{} → {}", ctx.t(risk.reason), risk.action);
                scored.push((risk.score, facts.account.name, reason));
            }
        }
    }
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut reply = Reply::titled(ctx.t(Msg::RisksTitle { count: scored.len() }));
    if scored.is_empty() {
        return Ok(reply.line(ctx.t(Msg::NoRisks)).tone(Tone::Good));
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
