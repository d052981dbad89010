//! `/history ACCOUNT [N] [--page P]`: the last interactions, newest first, N a page.

use crate::i18n::{ChatMsg, HelpMsg, LogMsg};
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_FIRST, ArgType, CommandSpec, MAX_HISTORY, PAGE_OPTION, leaf, positional};
use crate::core::Command;
use crate::core::parse::Args;
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::{Page, quoted};
use crate::core::reply::Reply;
use crate::core::resolve::require_account;
use crate::i18n::{Msg, format_date};
use crate::store::Store;

/// Interactions `/history` shows when no number is given.
pub const DEFAULT_HISTORY: i64 = 10;

pub static SPEC: CommandSpec = leaf!(
    "history",
    "history",
    Msg::Help(HelpMsg::CmdHistory),
    &[
        ACCOUNT_FIRST,
        positional("count", ArgType::Integer { min: 1, max: MAX_HISTORY }, false, false, Msg::Help(HelpMsg::ArgCount)),
        PAGE_OPTION,
    ],
    "/history Vale 5",
    build,
);

/// `/history ACCOUNT [N]`: the interactions to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct History {
    pub account: String,
    pub count: i64,
    pub page: i64,
}

impl History {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        run(store, ctx, &self.account, self.count, self.page).await
    }
}

fn build(args: &Args) -> Result<Command, Msg> {
    Ok(History { account: args.required("account")?, count: args.number("count").unwrap_or(DEFAULT_HISTORY), page: args.number("page").unwrap_or(1) }.into())
}

async fn run(store: &Store, ctx: &Context, account: &str, count: i64, page: i64) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let total = store.interaction_count(ctx.workspace.id, account.id).await?;
    let page = Page::sized(total.max(0) as usize, page, count.max(1) as usize);
    let rows = store.history_page(ctx.workspace.id, account.id, count, page.offset() as i64).await?;
    if rows.is_empty() {
        return Ok(Reply::titled(account.name.clone()).line(ctx.t(Msg::Log(LogMsg::HistoryEmpty { account: account.name }))));
    }
    let mut reply = Reply::titled(ctx.t(Msg::Log(LogMsg::HistoryTitle { account: account.name.clone(), count: rows.len() })));
    if let Some(footer) = page.footer(ctx, &format!("/history {} {count}", quoted(&account.name))) {
        reply = reply.footer(footer);
    }
    for row in rows {
        let kind = row.kind;
        let mut head = format!(
            "{} · {} · {}",
            format_date(ctx.local_date(row.occurred_at), ctx.locale),
            ctx.t(Msg::Chat(ChatMsg::KindName(kind))),
            row.author_name
        );
        if let Some(contact) = &row.contact_name {
            head.push_str(" · ");
            head.push_str(contact);
            if let Some(dept) = row.contact_department.as_deref().filter(|d| !d.is_empty()) {
                head.push_str(&format!(" ({dept})"));
            }
        }
        reply = reply.line(head).line(format!("  {}", row.summary));
        if let Some(next) = row.next_step {
            reply = reply.line(format!("  {}", ctx.t(Msg::Log(LogMsg::HistoryNext { text: next, due: row.next_step_due }))));
        }
    }
    Ok(reply)
}
