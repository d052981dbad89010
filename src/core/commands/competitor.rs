//! `/competitor ACCOUNT NAME [--share P] [--threat low|medium|high] [--note TEXT]`: adds or
//! updates a competitor in an account; the shares together cannot pass the customer's spend.

use crate::i18n::{CardMsg, DealMsg, HelpMsg};
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_FIRST, ArgType, CommandSpec, NAME, leaf, option, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::permissions::require_write;
use crate::core::reply::Reply;
use crate::core::resolve::require_account;
use crate::domain::money::{parse_percent, ratio_bp};
use crate::domain::text::{fold, truncate};
use crate::domain::vocabulary;
use crate::i18n::{Msg, format_bp};
use crate::store::{CompetitorChange, Store};

pub static SPEC: CommandSpec = leaf!(
    "competitor",
    "competitor",
    Msg::Help(HelpMsg::CmdCompetitor),
    &[
        ACCOUNT_FIRST,
        positional("name", NAME, true, true, Msg::Help(HelpMsg::ArgCompetitorName)),
        option("share", ArgType::Text { max_chars: 10 }, Msg::Help(HelpMsg::ArgShare)),
        option("threat", ArgType::Words(&vocabulary::THREATS), Msg::Help(HelpMsg::ArgThreat)),
        option("note", ArgType::Text { max_chars: 300 }, Msg::Help(HelpMsg::ArgNote)),
    ],
    "/competitor Vale Metso --share 30 --threat high --note \"Lower price on liners\"",
    |args| {
        Ok(Competitor {
            account: args.required("account")?,
            name: args.required("name")?,
            share: args.text("share"),
            threat: args.lower("threat"),
            note: args.text("note"),
        }
        .into())
    },
    pt: "/competitor Vale Metso --share 30 --threat alta --note \"Preço menor nos revestimentos\"",
);

/// Adds or updates a competitor in an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Competitor {
    pub account: String,
    pub name: String,
    pub share: Option<String>,
    pub threat: Option<String>,
    pub note: Option<String>,
}

impl Competitor {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        let (share, threat, note) = (self.share.as_deref(), self.threat.as_deref(), self.note.as_deref());
        set(store, ctx, &self.account, &self.name, share, threat, note).await
    }
}

async fn set(
    store: &Store,
    ctx: &Context,
    account: &str,
    name: &str,
    share: Option<&str>,
    threat: Option<&str>,
    note: Option<&str>,
) -> Result<Reply, CommandError> {
    let share_bp = share
        .map(|s| parse_percent(s).ok_or_else(|| Msg::Card(CardMsg::BadPercent { arg: "share", value: truncate(s, 20) })))
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
            return Err(Msg::Deals(DealMsg::SharesOverWhole {
                total: format_bp(total, ctx.locale),
                ours: format_bp(ours, ctx.locale),
                others: format_bp(others, ctx.locale),
            })
            .into());
        }
    }
    let mut tx = ctx.write(store).await?;
    let change = CompetitorChange { account_id: account.id, name, share_bp, threat, note, at: ctx.now };
    tx.upsert_competitor(ctx.workspace.id, &change).await?;
    let arguments = serde_json::json!({ "account": account.name, "name": name, "share_bp": share_bp, "threat": threat, "note": note });
    tx.audit(ctx.workspace.id, ctx.person.id, "competitor", &arguments.to_string(), "ok", ctx.now).await?;
    tx.commit().await?;
    crate::core::figures::competitors(store, ctx, &account.name).await.map(|r| r.footer(ctx.t(Msg::Deals(DealMsg::CompetitorSaved { name: name.to_string() }))))
}
