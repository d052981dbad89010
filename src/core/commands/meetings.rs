//! `/meetings [--mine] [--days N] [--page P]`: the meetings to come.

use crate::i18n::{HelpMsg, MeetingMsg};
use chrono::Duration;
use serde::Serialize;

use crate::core::catalog::{ArgType, CommandSpec, PAGE_OPTION, leaf, option};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::Page;
use crate::core::reply::Reply;
use crate::i18n::Msg;
use crate::store::Store;

pub static SPEC: CommandSpec = leaf!(
    "meetings",
    "meetings",
    Msg::Help(HelpMsg::CmdMeetings),
    &[
        option("mine", ArgType::Switch, Msg::Help(HelpMsg::ArgMine)),
        option("days", ArgType::Integer { min: 1, max: 365 }, Msg::Help(HelpMsg::ArgDays)),
        PAGE_OPTION,
    ],
    "/meetings --mine --days 30",
    |args| {
        Ok(Meetings {
            mine: args.switch("mine"),
            days: args.number("days").unwrap_or(14),
            page: args.number("page").unwrap_or(1),
        }
        .into())
    },
);

/// Lists the meetings to come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meetings {
    pub mine: bool,
    pub days: i64,
    pub page: i64,
}

impl Meetings {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        list(store, ctx, self.mine, self.days, self.page).await
    }
}

async fn list(store: &Store, ctx: &Context, mine: bool, days: i64, page: i64) -> Result<Reply, CommandError> {
    let until = ctx.now + Duration::days(days);
    let meetings: Vec<_> = store
        .meetings_between(ctx.workspace.id, ctx.now, until)
        .await?
        .into_iter()
        .filter(|m| !mine || m.owner_id == Some(ctx.person.id))
        .collect();
    if meetings.is_empty() {
        return Ok(Reply::titled(ctx.t(Msg::Meetings(MeetingMsg::MeetingsTitle { days }))).line(ctx.t(Msg::Meetings(MeetingMsg::MeetingsNone))));
    }
    let mut reply = Reply::titled(ctx.t(Msg::Meetings(MeetingMsg::MeetingsTitle { days })));
    let page = Page::of(meetings.len(), page);
    let command = format!("/meetings{} --days {days}", if mine { " --mine" } else { "" });
    if let Some(footer) = page.footer(ctx, &command) {
        reply = reply.footer(footer);
    }
    for m in page.slice(meetings) {
        let mut line =
            format!("{} · {} · {}", super::meeting::when_text(ctx, m.starts_at), ctx.t(Msg::Meetings(MeetingMsg::MeetingKind(m.kind))), m.account_name);
        if !m.with_contacts.is_empty() {
            line.push_str(&format!(" · {}", m.with_contacts));
        }
        reply = reply.line(line);
    }
    Ok(reply)
}
