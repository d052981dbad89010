//! `/opp ACCOUNT` lists an account's opportunities with the conversion rates and the open pipeline
//! against the headroom under the share ceiling; `/opp add ACCOUNT TITLE VALUE [--close DATE]`
//! adds one; `/opp move ID STAGE [--reason TEXT]` moves one (a loss needs a reason; a win adds its
//! value to the account's revenue).

use crate::i18n::{DealMsg, HelpMsg, LogMsg};
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_FIRST, ACCOUNT_REST, ArgType, CommandSpec, MONEY, PAGE_OPTION, group, leaf, option, positional};
use crate::domain::vocabulary;
use chrono::Datelike;

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::{Page, quoted};
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::domain::account::AccountStatus;
use crate::domain::dates::Lean;
use crate::domain::money::{Money, parse_amount};
use crate::domain::pipeline::{Stage, conversion_bp, pipeline_over_ceiling};
use crate::domain::text::truncate;
use crate::i18n::{Msg, format_bp, format_date, format_money};
use crate::store::{AccountRow, NewOpportunity, Store};

static LIST: CommandSpec = leaf!(
    "list",
    "opp list",
    Msg::Help(HelpMsg::CmdOppList),
    &[ACCOUNT_REST, PAGE_OPTION],
    "/opp Vale",
    |args| Ok(OppRequest::List { account: args.required("account")?, page: args.number("page").unwrap_or(1) }.into()),
);

static ADD: CommandSpec = leaf!(
    "add",
    "opp add",
    Msg::Help(HelpMsg::CmdOppAdd),
    &[
        ACCOUNT_FIRST,
        positional("title", ArgType::Text { max_chars: 200 }, true, false, Msg::Help(HelpMsg::ArgOppTitle)),
        positional("value", MONEY, true, false, Msg::Help(HelpMsg::ArgOppValue)),
        option("close", ArgType::Date, Msg::Help(HelpMsg::ArgOppClose)),
    ],
    "/opp add Vale \"Liners for S11D\" 2,5M --close 2027-03-31",
    |args| {
        Ok(OppRequest::Add {
            account: args.required("account")?,
            title: args.required("title")?,
            value: args.required("value")?,
            close: args.text("close"),
        }
        .into())
    },
    pt: "/opp add Vale \"Revestimentos para o S11D\" 2,5M --close 31/03/2027",
);

static MOVE: CommandSpec = leaf!(
    "move",
    "opp move",
    Msg::Help(HelpMsg::CmdOppMove),
    &[
        positional("id", ArgType::Text { max_chars: 20 }, true, false, Msg::Help(HelpMsg::ArgOppId)),
        positional("stage", ArgType::Words(&vocabulary::STAGES), true, false, Msg::Help(HelpMsg::ArgStage)),
        option("reason", ArgType::Text { max_chars: 300 }, Msg::Help(HelpMsg::ArgOppReason)),
    ],
    "/opp move 3 negotiation",
    |args| {
        Ok(OppRequest::Move {
            id: args.required("id")?,
            stage: Stage::read(&args.required("stage")?).ok_or_else(|| args.missing("stage"))?,
            reason: args.text("reason"),
        }
        .into())
    },
    pt: "/opp move 3 negociação",
);

pub static SPEC: CommandSpec = group!(
    "opp",
    Msg::Help(HelpMsg::CmdOpp),
    &[&LIST, &ADD, &MOVE],
    Some("list"),
    "/opp add Vale \"Liners for S11D\" 2,5M --close 2027-03-31",
    pt: "/opp add Vale \"Revestimentos para o S11D\" 2,5M --close 31/03/2027",
);

/// What `/opp` does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OppRequest {
    List { account: String, page: i64 },
    Add { account: String, title: String, value: String, close: Option<String> },
    Move { id: String, stage: Stage, reason: Option<String> },
}

impl OppRequest {
    pub fn spec(&self) -> &'static CommandSpec {
        match self {
            OppRequest::List { .. } => &LIST,
            OppRequest::Add { .. } => &ADD,
            OppRequest::Move { .. } => &MOVE,
        }
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        run(store, ctx, &self).await
    }
}

fn money(ctx: &Context, account: &AccountRow, minor: i64) -> String {
    format_money(Money::new(minor, account.currency), ctx.locale)
}

async fn list(
    store: &Store,
    ctx: &Context,
    account: &AccountRow,
    footer: Option<Msg>,
    page: i64,
) -> Result<Reply, CommandError> {
    let opps = store.opportunities(ctx.workspace.id, account.id).await?;
    let mut reply = Reply::titled(ctx.t(Msg::Deals(DealMsg::OppTitle { account: account.name.clone() })));
    if opps.is_empty() {
        reply = reply.line(ctx.t(Msg::Deals(DealMsg::NoOpps { account: account.name.clone() })));
    }
    let page = Page::of(opps.len(), page);
    for o in page.slice(opps.iter().collect()) {
        let stage = o.stage;
        let mut line = format!(
            "#{} · {} · {} · {}",
            o.number,
            o.title,
            money(ctx, account, o.value_minor),
            ctx.t(Msg::Deals(DealMsg::StageName(stage)))
        );
        if let Some(close) = o.close_on.filter(|_| !stage.is_closed()) {
            line.push_str(&format!(" · {}", ctx.t(Msg::Deals(DealMsg::ClosesOn { date: format_date(close, ctx.locale) }))));
        }
        if let Some(reason) = &o.lost_reason {
            line.push_str(&format!(" · {reason}"));
        }
        line.push_str(&format!(" · {}", o.owner_name));
        reply = reply.line(line);
    }
    let open: i64 = opps.iter().filter(|o| !o.stage.is_closed()).map(|o| o.value_minor).sum();
    let won = opps.iter().filter(|o| o.stage == Stage::Won).count() as i64;
    let lost = opps.iter().filter(|o| o.stage == Stage::Lost).count() as i64;
    let rate = |r: Option<i64>| r.map_or_else(|| ctx.t(Msg::Deals(DealMsg::NothingClosed)), |bp| format_bp(bp, ctx.locale));
    reply = reply.inline_field(ctx.t(Msg::Deals(DealMsg::LabelPipeline)), money(ctx, account, open));
    reply = reply.inline_field(ctx.t(Msg::Deals(DealMsg::LabelConversionAccount)), rate(conversion_bp(won, lost)));
    if let (Some(owner_id), Some(owner)) = (account.owner_id, account.owner_name.clone()) {
        let closed = store.closed_by_owner(ctx.workspace.id, owner_id).await?;
        reply = reply
            .inline_field(ctx.t(Msg::Deals(DealMsg::LabelConversionRep { rep: owner })), rate(conversion_bp(closed.won, closed.lost)));
    }
    let over = pipeline_over_ceiling(account.revenue_12m_minor, account.wallet_minor, account.share_ceiling_bp, open);
    let mut tone = Tone::Neutral;
    if open > 0 && over > 0 {
        reply = reply.line(ctx.t(Msg::Deals(DealMsg::PipelineOverCeiling { amount: money(ctx, account, over) })));
        tone = Tone::Warning;
    }
    let pages = page.footer(ctx, &format!("/opp {}", quoted(&account.name)));
    match (footer, pages) {
        (Some(footer), pages) => {
            if let Some(pages) = pages {
                reply = reply.line(pages);
            }
            reply = reply.footer(ctx.t(footer));
            tone = Tone::Good;
        }
        (None, Some(pages)) => reply = reply.footer(pages),
        (None, None) => {}
    }
    Ok(reply.tone(tone))
}

async fn run(store: &Store, ctx: &Context, r: &OppRequest) -> Result<Reply, CommandError> {
    match r {
        OppRequest::List { account, page } => {
            let account = require_account(store, ctx, account).await?;
            list(store, ctx, &account, None, *page).await
        }
        OppRequest::Add { account, title, value, close } => {
            let value_minor =
                parse_amount(value).ok_or_else(|| Msg::Deals(DealMsg::BadAmount { arg: "value", value: truncate(value, 30) }))?;
            let close_on = close.as_deref().map(|d| ctx.read_date("close", d, Lean::Future)).transpose()?;
            let account = require_account(store, ctx, account).await?;
            if account.status == AccountStatus::Archived {
                return Err(Msg::Log(LogMsg::AccountArchived { name: account.name }).into());
            }
            require_write(store, ctx, &account).await?;
            let mut tx = ctx.write(store).await?;
            let new = NewOpportunity {
                account_id: account.id,
                title,
                value_minor,
                stage: Stage::Identified,
                lost_reason: None,
                close_on,
                owner_id: ctx.person.id,
                at: ctx.now,
            };
            let id = tx.insert_opportunity(ctx.workspace.id, &new).await?;
            tx.audit(
                ctx.workspace.id,
                ctx.person.id,
                "opp add",
                &serde_json::to_string(r).unwrap_or_default(),
                "ok",
                ctx.now,
            )
            .await?;
            tx.commit().await?;
            list(store, ctx, &account, Some(Msg::Deals(DealMsg::OppAdded { id })), 1).await
        }
        OppRequest::Move { id, stage, reason } => {
            let id_number =
                id.trim_start_matches('#').parse::<i64>().map_err(|_| Msg::Deals(DealMsg::BadOppNumber { value: truncate(id, 20) }))?;
            let target = *stage;
            if target == Stage::Lost && reason.is_none() {
                return Err(Msg::Deals(DealMsg::LossNeedsReason).into());
            }
            let opp = store.opportunity(ctx.workspace.id, id_number).await?.ok_or(Msg::Deals(DealMsg::NoSuchOpp { id: id_number }))?;
            let current = opp.stage;
            if current.is_closed() {
                return Err(Msg::Deals(DealMsg::OppClosed { id: id_number, stage: current }).into());
            }
            let account = store
                .account(ctx.workspace.id, opp.account_id)
                .await?
                .ok_or_else(|| anyhow::anyhow!("opportunity {id_number} without its account"))?;
            require_write(store, ctx, &account).await?;
            let mut tx = ctx.write(store).await?;
            let reason = reason.as_deref().filter(|_| target == Stage::Lost);
            tx.move_opportunity(ctx.workspace.id, opp.id, target, reason, ctx.now, &ctx.today().year().to_string())
                .await?;
            tx.audit(
                ctx.workspace.id,
                ctx.person.id,
                "opp move",
                &serde_json::to_string(r).unwrap_or_default(),
                "ok",
                ctx.now,
            )
            .await?;
            tx.commit().await?;
            let account = store.account(ctx.workspace.id, account.id).await?.unwrap_or(account);
            list(store, ctx, &account, Some(Msg::Deals(DealMsg::OppMoved { id: id_number, stage: target })), 1).await
        }
    }
}
