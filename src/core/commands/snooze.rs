//! `/snooze ACCOUNT [--days N]`: quiets the account's reminders for a while. Pressed twice, it
//! changes nothing the second time: what it decides is read inside its write transaction. It
//! changes the account, so it needs the right to (its owner, technical manager, their managers,
//! admins).

use crate::i18n::{HelpMsg, LogMsg};
use chrono::Days;
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_REST, ArgType, CommandSpec, leaf, option};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::i18n::Msg;
use crate::store::Store;

/// Days a reminder is snoozed when no number is given: a week.
pub const SNOOZE_DAYS: i64 = 7;

pub static SPEC: CommandSpec = leaf!(
    "snooze",
    "snooze",
    Msg::Help(HelpMsg::CmdSnooze),
    &[ACCOUNT_REST, option("days", ArgType::Integer { min: 1, max: 90 }, Msg::Help(HelpMsg::ArgSnoozeDays))],
    "/snooze Gerdau --days 14",
    |args| Ok(Snooze { account: args.required("account")?, days: args.number("days") }.into()),
);

/// Quiets an account's reminders for some days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snooze {
    pub account: String,
    pub days: Option<i64>,
}

impl Snooze {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        snooze(store, ctx, &self.account, self.days).await
    }
}

/// `/snooze ACCOUNT [DAYS]`: no reminders about the account for that many days.
async fn snooze(store: &Store, ctx: &Context, account: &str, days: Option<i64>) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    require_write(store, ctx, &account).await?;
    let days = days.unwrap_or(SNOOZE_DAYS);
    let until = ctx.today().checked_add_days(Days::new(days.max(1) as u64)).unwrap_or(ctx.today());
    let mut tx = ctx.write(store).await?;
    let changed = tx.snooze(ctx.workspace.id, account.id, until, ctx.person.id).await?;
    if changed {
        let arguments = serde_json::json!({ "account": account.name, "until": until }).to_string();
        tx.audit(ctx.workspace.id, ctx.person.id, "snooze", &arguments, "ok", ctx.now).await?;
    }
    tx.commit().await?;
    if !changed {
        let until = store.snoozed_until(ctx.workspace.id, account.id).await?.unwrap_or(until);
        return Ok(Reply::titled(ctx.t(Msg::Log(LogMsg::AlreadySnoozed { account: account.name, until }))).ephemeral());
    }
    Ok(Reply::titled(ctx.t(Msg::Log(LogMsg::Snoozed { account: account.name, until }))).tone(Tone::Good))
}
