//! `/done N`, what a reminder's button does, also typed: closes commitment N (it logs that it was
//! done; `--drop` drops it instead, logging nothing); `/done ACCOUNT` closes the account's one open
//! commitment, or asks which when there are several; `/done ACCOUNT --meeting N` logs a booked
//! meeting as held. Pressed twice, it changes nothing the second time: what it decides is read
//! inside its write transaction, so presses at the same instant write once. It changes the
//! account, so it needs the right to (its owner, technical manager, their managers, admins).

use crate::i18n::{HelpMsg, LogMsg, TaskMsg};
use serde::Serialize;

use crate::core::catalog::{ArgType, CommandSpec, leaf, option, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::domain::account::AccountStatus;
use crate::store::AccountRow;
use crate::domain::kind::{CommitmentStatus, InteractionKind};
use crate::domain::text::truncate;
use crate::i18n::Msg;
use crate::store::{CommitmentRow, InsertOutcome, NewInteraction, Store, WriteTx};

pub static SPEC: CommandSpec = leaf!(
    "done",
    "done",
    Msg::Help(HelpMsg::CmdDone),
    &[
        positional("account", ArgType::Account, true, true, Msg::Help(HelpMsg::ArgDoneTarget)),
        option("drop", ArgType::Switch, Msg::Help(HelpMsg::ArgDoneDrop)),
        option("meeting", ArgType::Integer { min: 1, max: i64::MAX }, Msg::Help(HelpMsg::ArgDoneMeeting)),
    ],
    "/done 2",
    |args| {
        Ok(Done { target: args.required("account")?, drop: args.switch("drop"), meeting: args.number("meeting") }
            .into())
    },
);

/// Closes a commitment (done or dropped), or marks a booked meeting as held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Done {
    /// A commitment's number, or an account.
    pub target: String,
    /// Dropped rather than done.
    pub drop: bool,
    /// A booked meeting (its number) of the account that was held, rather than a commitment.
    pub meeting: Option<i64>,
}

impl Done {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        let status = if self.drop { CommitmentStatus::Dropped } else { CommitmentStatus::Done };
        let target = self.target.trim().trim_start_matches('#');
        if self.meeting.is_none()
            && let Ok(number) = target.parse::<i64>()
        {
            return close_numbered(store, ctx, number, status).await;
        }
        let account = require_account(store, ctx, &self.target).await?;
        if account.status == AccountStatus::Archived {
            return Err(Msg::Log(LogMsg::AccountArchived { name: account.name }).into());
        }
        require_write(store, ctx, &account).await?;
        match self.meeting {
            Some(id) => held(store, ctx, account, id).await,
            None => close_of_account(store, ctx, account, status).await,
        }
    }
}

/// `/done N`: commitment N, if it is still open.
async fn close_numbered(
    store: &Store,
    ctx: &Context,
    number: i64,
    status: CommitmentStatus,
) -> Result<Reply, CommandError> {
    // Who may close it depends on its account: read outside, then decided again inside the write.
    let Some(found) = store.commitment(ctx.workspace.id, number).await? else {
        return Err(Msg::Tasks(TaskMsg::NoSuch { number }).into());
    };
    if let Some(reply) = closed_already(ctx, &found) {
        return Ok(reply);
    }
    let Some(account) = store.account(ctx.workspace.id, found.account_id).await? else {
        return Err(Msg::Tasks(TaskMsg::NoSuch { number }).into());
    };
    if account.status == AccountStatus::Archived {
        return Err(Msg::Log(LogMsg::AccountArchived { name: account.name }).into());
    }
    require_write(store, ctx, &account).await?;
    let mut tx = ctx.write(store).await?;
    let Some(row) = tx.commitment_by_number(ctx.workspace.id, number).await? else {
        return Err(Msg::Tasks(TaskMsg::NoSuch { number }).into());
    };
    if let Some(reply) = closed_already(ctx, &row) {
        return Ok(reply);
    }
    close(tx, ctx, &row, status).await
}

/// `/done ACCOUNT`: the account's one open commitment; with several, which one.
async fn close_of_account(
    store: &Store,
    ctx: &Context,
    account: AccountRow,
    status: CommitmentStatus,
) -> Result<Reply, CommandError> {
    let mut tx = ctx.write(store).await?;
    let mut open = tx.open_commitments_of(ctx.workspace.id, account.id).await?;
    match open.len() {
        0 => Ok(Reply::titled(ctx.t(Msg::Tasks(TaskMsg::NothingToClose { account: account.name }))).ephemeral()),
        1 => {
            let row = open.remove(0);
            close(tx, ctx, &row, status).await
        }
        total => {
            drop(tx);
            let mut reply = Reply::titled(ctx.t(Msg::Tasks(TaskMsg::WhichOne { account: account.name, total })));
            for (i, c) in open.iter().enumerate() {
                reply = reply.line(crate::core::commitments::line(ctx, c, false, true));
                if i < MAX_BUTTONS {
                    let command = match status {
                        CommitmentStatus::Dropped => format!("run:/done {} --drop", c.number),
                        _ => format!("run:/done {}", c.number),
                    };
                    reply = reply.action(command, ctx.t(Msg::Tasks(TaskMsg::ButtonDone { number: c.number })));
                }
            }
            Ok(reply.ephemeral())
        }
    }
}

/// The most buttons a "which one?" answer offers (a chat row holds five).
const MAX_BUTTONS: usize = 5;

/// The answer when the commitment is closed already: nothing to do.
fn closed_already(ctx: &Context, row: &CommitmentRow) -> Option<Reply> {
    (row.status != CommitmentStatus::Open).then(|| {
        let done = row.status == CommitmentStatus::Done;
        Reply::titled(ctx.t(Msg::Tasks(TaskMsg::AlreadyClosed { number: row.number, done }))).ephemeral()
    })
}

/// Closes `row`, read open in this transaction: done logs that it was done, dropped only audits.
async fn close(mut tx: WriteTx, ctx: &Context, row: &CommitmentRow, status: CommitmentStatus) -> Result<Reply, CommandError> {
    if !tx.close_commitment(ctx.workspace.id, row.id, status, ctx.person.id, ctx.now).await? {
        let done = status == CommitmentStatus::Done;
        return Ok(Reply::titled(ctx.t(Msg::Tasks(TaskMsg::AlreadyClosed { number: row.number, done }))).ephemeral());
    }
    let arguments = serde_json::json!({ "account": row.account_name, "commitment": row.number, "status": status });
    let (number, account, text) = (row.number, row.account_name.clone(), row.text.clone());
    if status == CommitmentStatus::Dropped {
        tx.audit(ctx.workspace.id, ctx.person.id, "done", &arguments.to_string(), "ok", ctx.now).await?;
        tx.commit().await?;
        return Ok(Reply::titled(ctx.t(Msg::Tasks(TaskMsg::Dropped { number, account, text }))));
    }
    let summary = ctx.t(Msg::Tasks(TaskMsg::DoneSummary { text: truncate(&row.text, 400) }));
    let held =
        Held { account_id: row.account_id, kind: InteractionKind::Note, at: ctx.now, day: ctx.today(), summary: &summary };
    log_once(tx, ctx, &held, arguments).await?;
    Ok(Reply::titled(ctx.t(Msg::Tasks(TaskMsg::Done { number, account, text }))).tone(Tone::Good))
}

/// `/done ACCOUNT --meeting N`: booked meeting N of the account was held, unless something was
/// logged on its day or after.
async fn held(store: &Store, ctx: &Context, account: AccountRow, id: i64) -> Result<Reply, CommandError> {
    let mut tx = ctx.write(store).await?;
    let newest = tx.newest_interaction(ctx.workspace.id, account.id).await?;
    let Some((account_id, kind, starts_at)) =
        tx.meeting_by_number(ctx.workspace.id, id).await?.filter(|(a, _, _)| *a == account.id)
    else {
        return Err(Msg::Log(LogMsg::NoSuchMeeting { id, account: account.name }).into());
    };
    if starts_at > ctx.now {
        return Err(Msg::Log(LogMsg::MeetingNotYet { id }).into());
    }
    let day = ctx.local_date(starts_at);
    if newest.is_some_and(|(at, _)| ctx.local_date(at) >= day) {
        return Ok(Reply::titled(ctx.t(Msg::Log(LogMsg::MeetingAlreadyLogged { id, account: account.name }))).ephemeral());
    }
    let kind = kind.held_as();
    let summary = ctx.t(Msg::Log(LogMsg::HeldFromReminder));
    let held = Held { account_id, kind, at: starts_at, day, summary: &summary };
    log_once(tx, ctx, &held, serde_json::json!({ "account": account.name, "meeting": id })).await?;
    Ok(Reply::titled(ctx.t(Msg::Log(LogMsg::MeetingHeld { id, account: account.name }))).tone(Tone::Good))
}

/// What `/done` logs.
struct Held<'a> {
    account_id: i64,
    kind: InteractionKind,
    at: chrono::DateTime<chrono::Utc>,
    day: chrono::NaiveDate,
    summary: &'a str,
}

/// Logs what was done, audited, once per request, in the transaction that read what it decided on.
async fn log_once(
    mut tx: WriteTx,
    ctx: &Context,
    held: &Held<'_>,
    arguments: serde_json::Value,
) -> Result<(), CommandError> {
    let outcome = tx
        .insert_interaction(
            ctx.workspace.id,
            &NewInteraction {
                account_id: held.account_id,
                also_contacts: &[],
                contact_id: None,
                author_id: ctx.person.id,
                kind: held.kind,
                occurred_at: held.at,
                occurred_on: held.day,
                summary: held.summary,
                next_step: None,
                next_step_due: None,
                commitments: &[],
                source: ctx.platform.code(),
                source_id: ctx.source_id.as_deref(),
                tone: None,
                created_at: ctx.now,
            },
        )
        .await?;
    if let InsertOutcome::Inserted(_) = outcome {
        tx.audit(ctx.workspace.id, ctx.person.id, "done", &arguments.to_string(), "ok", ctx.now).await?;
    }
    tx.commit().await?;
    Ok(())
}
