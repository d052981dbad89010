//! `/competitors ACCOUNT` lists who else sells there; `/competitor ACCOUNT NAME [--share P]
//! [--threat low|medium|high] [--note TEXT]` adds or updates one.

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::domain::money::{parse_percent, ratio_bp};
use crate::domain::text::{fold, truncate};
use crate::i18n::{Msg, format_bp};
use crate::store::{CompetitorChange, CompetitorRow, Store};

/// One competitor in a line: `Metso 30.0% · high threat · Lower price on liners`.
pub fn line(ctx: &Context, c: &CompetitorRow) -> String {
    let mut parts = vec![c.name.clone()];
    if let Some(bp) = c.share_bp {
        parts.push(format_bp(bp, ctx.locale));
    }
    parts.push(ctx.t(Msg::Threat(c.threat.clone())));
    if !c.note.is_empty() {
        parts.push(c.note.clone());
    }
    parts.join(" · ")
}

/// The warning for shares that add up past the customer's whole spend (a won deal can take ours
/// there), or `None` while they fit.
pub fn past_whole(ctx: &Context, account: &str, ours_bp: Option<i64>, competitors: &[CompetitorRow]) -> Option<String> {
    let ours = ours_bp.unwrap_or(0);
    let others: i64 = competitors.iter().filter_map(|c| c.share_bp).sum();
    (ours + others > 10_000).then(|| {
        ctx.t(Msg::SharesPastWhole {
            account: account.to_string(),
            total: format_bp(ours + others, ctx.locale),
            ours: format_bp(ours, ctx.locale),
            others: format_bp(others, ctx.locale),
        })
    })
}

pub async fn list(store: &Store, ctx: &Context, account: &str) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let competitors = store.competitors(ctx.workspace.id, account.id).await?;
    let mut reply = Reply::titled(ctx.t(Msg::CompetitorsTitle { account: account.name.clone() }));
    if competitors.is_empty() {
        return Ok(reply.line(ctx.t(Msg::NoCompetitors)));
    }
    for c in &competitors {
        reply = reply.line(format!("• {}", line(ctx, c)));
    }
    let mut tone = if competitors.iter().any(|c| c.threat == "high") { Tone::Warning } else { Tone::Neutral };
    let ours = ratio_bp(account.revenue_12m_minor, account.wallet_minor);
    if let Some(warning) = past_whole(ctx, &account.name, ours, &competitors) {
        reply = reply.line(warning);
        tone = Tone::Warning;
    }
    Ok(reply.tone(tone))
}

pub async fn set(
    store: &Store,
    ctx: &Context,
    account: &str,
    name: &str,
    share: Option<&str>,
    threat: Option<&str>,
    note: Option<&str>,
) -> Result<Reply, CommandError> {
    let share_bp = share
        .map(|s| parse_percent(s).ok_or_else(|| Msg::BadPercent { arg: "share", value: truncate(s, 20) }))
        .transpose()?;
    let account = require_account(store, ctx, account).await?;
    require_write(store, ctx, &account).await?;
    if let Some(share_bp) = share_bp {
        // Our share and every competitor's cannot pass the customer's whole spend.
        let ours = ratio_bp(account.revenue_12m_minor, account.wallet_minor).unwrap_or(0);
        let folded = fold(name);
        let others: i64 = store
            .competitors(ctx.workspace.id, account.id)
            .await?
            .iter()
            .filter(|c| fold(&c.name) != folded)
            .filter_map(|c| c.share_bp)
            .sum();
        let total = ours + others + share_bp;
        if total > 10_000 {
            return Err(Msg::SharesOverWhole {
                total: format_bp(total, ctx.locale),
                ours: format_bp(ours, ctx.locale),
                others: format_bp(others, ctx.locale),
            }
            .into());
        }
    }
    let mut tx = store.write().await?;
    let change = CompetitorChange { account_id: account.id, name, share_bp, threat, note, at: ctx.now };
    tx.upsert_competitor(ctx.workspace.id, &change).await?;
    let arguments = serde_json::json!({ "account": account.name, "name": name, "share_bp": share_bp, "threat": threat, "note": note });
    tx.audit(ctx.workspace.id, ctx.person.id, "competitor", &arguments.to_string(), "ok", ctx.now).await?;
    tx.commit().await?;
    list(store, ctx, &account.name).await.map(|r| r.footer(ctx.t(Msg::CompetitorSaved { name: name.to_string() })))
}
