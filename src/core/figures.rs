//! What several commands and the digest show alike about an account's figures: the share of
//! wallet's trend, and its competitors.

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::domain::account::Band;
use crate::domain::money::ratio_bp;
use crate::i18n::CardMsg;
use crate::i18n::Translate;
use crate::i18n::{Locale, Msg, format_bp};
use crate::store::{CompetitorRow, Store, WalletPeriod};

/// `18.0% · core supplier · +2.8 pts since 2025`: the share of the newest period that is not a
/// plan (the account's own figures, on every date), its band and its trend.
pub fn trend(locale: Locale, periods: &[WalletPeriod]) -> Option<String> {
    let shares = shares(periods);
    let (_, last) = shares.last()?;
    let band = locale.t(Msg::Card(CardMsg::BandName(Band::of(*last))));
    let mut text = format!("{} · {band}", format_bp(*last, locale));
    if let Some((period, before)) = shares.len().checked_sub(2).and_then(|i| shares.get(i)) {
        text.push_str(" · ");
        text.push_str(&locale.t(Msg::Card(CardMsg::ShareTrend { delta_bp: last - before, since: period.clone() })));
    }
    Some(text)
}

/// Each period's share that is not a plan, oldest first: what the card, `/wallet`, the digest and
/// health all read.
pub fn shares(periods: &[WalletPeriod]) -> Vec<(String, i64)> {
    periods
        .iter()
        .filter(|p| !p.plan)
        .filter_map(|p| Some((p.period.clone(), ratio_bp(p.revenue_minor, p.spend_minor)?)))
        .collect()
}

/// One competitor in a line: `Metso 30.0% · high threat · Lower price on liners`.
pub fn line(ctx: &Context, c: &CompetitorRow) -> String {
    let mut parts = vec![c.name.clone()];
    if let Some(bp) = c.share_bp {
        parts.push(format_bp(bp, ctx.locale));
    }
    parts.push(ctx.t(Msg::Card(CardMsg::Threat(c.threat.clone()))));
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
        ctx.t(Msg::Card(CardMsg::SharesPastWhole {
            account: account.to_string(),
            total: format_bp(ours + others, ctx.locale),
            ours: format_bp(ours, ctx.locale),
            others: format_bp(others, ctx.locale),
        }))
    })
}

/// The competitors in an account, with the warning when the shares pass the whole spend.
pub async fn competitors(store: &Store, ctx: &Context, account: &str) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let competitors = store.competitors(ctx.workspace.id, account.id).await?;
    let mut reply = Reply::titled(ctx.t(Msg::Card(CardMsg::CompetitorsTitle { account: account.name.clone() })));
    if competitors.is_empty() {
        return Ok(reply.line(ctx.t(Msg::Card(CardMsg::NoCompetitors))));
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
