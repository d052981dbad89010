//! `/wallet ACCOUNT` shows the share of wallet period by period, with its trend and band;
//! `/wallet ACCOUNT --spend X --revenue Y [--period 2026]` records a period.

use crate::i18n::{CardMsg, DealMsg, HelpMsg};
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_REST, ArgType, CommandSpec, MONEY, leaf, option};
use crate::core::Command;
use crate::core::parse::Args;
use chrono::Datelike;

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::domain::account::{ShareOfWallet, revenue_fits_spend};
use crate::domain::money::{Money, parse_amount};
use crate::domain::text::truncate;
use crate::i18n::{Msg, format_bp, format_money};
use crate::store::{AccountRow, Store};

pub static SPEC: CommandSpec = leaf!(
    "wallet",
    "wallet",
    Msg::Help(HelpMsg::CmdWallet),
    &[
        ACCOUNT_REST,
        option("spend", MONEY, Msg::Help(HelpMsg::ArgSpend)),
        option("revenue", MONEY, Msg::Help(HelpMsg::ArgRevenue)),
        option("period", ArgType::Integer { min: 2000, max: 2100 }, Msg::Help(HelpMsg::ArgPeriod)),
        option("remove", ArgType::Integer { min: 2000, max: 2100 }, Msg::Help(HelpMsg::ArgWalletRemove)),
    ],
    "/wallet Vale --spend 180M --revenue 32,4M --period 2026",
    build,
);

/// Shows the share of wallet over time, or records (or removes) a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Wallet {
    pub account: String,
    pub spend: Option<String>,
    pub revenue: Option<String>,
    pub period: Option<i64>,
    /// A period to remove.
    pub remove: Option<i64>,
}

impl Wallet {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        let (spend, revenue) = (self.spend.as_deref(), self.revenue.as_deref());
        run(store, ctx, &self.account, spend, revenue, self.period, self.remove).await
    }
}

fn build(args: &Args) -> Result<Command, Msg> {
    Ok(Wallet { account: args.required("account")?, spend: args.text("spend"), revenue: args.text("revenue"), period: args.number("period"), remove: args.number("remove") }.into())
}

fn money(ctx: &Context, account: &AccountRow, minor: i64) -> String {
    format_money(Money::new(minor, account.currency), ctx.locale)
}

async fn run(
    store: &Store,
    ctx: &Context,
    account: &str,
    spend: Option<&str>,
    revenue: Option<&str>,
    period: Option<i64>,
    remove: Option<i64>,
) -> Result<Reply, CommandError> {
    let amount =
        |arg: &'static str, v: &str| parse_amount(v).ok_or_else(|| Msg::Deals(DealMsg::BadAmount { arg, value: truncate(v, 30) }));
    let changes = match (spend, revenue) {
        (None, None) => None,
        (Some(s), Some(r)) => Some((amount("spend", s)?, amount("revenue", r)?)),
        _ => return Err(Msg::Deals(DealMsg::WalletNeedsBoth).into()),
    };
    let account = require_account(store, ctx, account).await?;
    if let Some((spend, revenue)) = changes.filter(|(s, r)| !revenue_fits_spend(*r, *s)) {
        let (revenue, spend) = (money(ctx, &account, revenue), money(ctx, &account, spend));
        return Err(Msg::Card(CardMsg::RevenueOverSpend { revenue, spend }).into());
    }
    let mut saved = None;
    if let Some(year) = remove {
        require_write(store, ctx, &account).await?;
        let period = year.to_string();
        let mut tx = ctx.write(store).await?;
        if !tx.remove_wallet_period(ctx.workspace.id, account.id, &period).await? {
            return Err(Msg::Deals(DealMsg::NoWalletPeriod { account: account.name, period }).into());
        }
        let arguments = serde_json::json!({ "account": account.name, "removed": period });
        tx.audit(ctx.workspace.id, ctx.person.id, "wallet", &arguments.to_string(), "ok", ctx.now).await?;
        tx.commit().await?;
        saved = Some(Msg::Deals(DealMsg::WalletRemoved { period }));
    }
    if let Some((spend, revenue)) = changes {
        require_write(store, ctx, &account).await?;
        let period = period.map(|p| p.to_string()).unwrap_or_else(|| ctx.today().year().to_string());
        let mut tx = ctx.write(store).await?;
        tx.record_wallet(ctx.workspace.id, account.id, &period, spend, revenue, ctx.today().year(), ctx.now).await?;
        let arguments = serde_json::json!({ "account": account.name, "period": period, "spend_minor": spend, "revenue_minor": revenue });
        tx.audit(ctx.workspace.id, ctx.person.id, "wallet", &arguments.to_string(), "ok", ctx.now).await?;
        tx.commit().await?;
        saved = Some(Msg::Deals(DealMsg::WalletSaved { period }));
    }
    let periods = store.wallet_periods(ctx.workspace.id, account.id).await?;
    let mut reply = Reply::titled(ctx.t(Msg::Deals(DealMsg::WalletTitle { account: account.name.clone() })));
    if periods.is_empty() {
        reply = reply.line(ctx.t(Msg::Deals(DealMsg::NoWalletPeriods)));
    }
    // Newest first: a long history cut to fit a platform keeps the years that matter.
    for p in periods.iter().rev() {
        let share = ShareOfWallet::compute(p.revenue_minor, p.spend_minor, account.share_ceiling_bp);
        let value = match share {
            Some(s) => ctx.t(Msg::Deals(DealMsg::WalletPeriodLine {
                share: format_bp(s.share_bp, ctx.locale),
                revenue: money(ctx, &account, p.revenue_minor),
                spend: money(ctx, &account, p.spend_minor),
            })),
            None => ctx.t(Msg::Card(CardMsg::ShareUnknown { revenue: money(ctx, &account, p.revenue_minor) })),
        };
        let label = if p.plan { ctx.t(Msg::Deals(DealMsg::WalletPlanPeriod { period: p.period.clone() })) } else { p.period.clone() };
        reply = reply.field(label, value);
    }
    if let Some(text) = crate::core::figures::trend(ctx.locale, &periods) {
        reply = reply.line(text);
    }
    let mut tone = Tone::Neutral;
    if let Some(done) = saved {
        reply = reply.footer(ctx.t(done));
        tone = Tone::Good;
    }
    Ok(reply.tone(tone))
}
