//! `/done ACCOUNT`, what a reminder's button does, also typed: closes the account's open next
//! step (it logs that it was done); `/done ACCOUNT --meeting N` logs a booked meeting as held.
//! Pressed twice, it changes nothing the second time: what it decides is read inside its write
//! transaction, so presses at the same instant write once. It changes the account, so it needs
//! the right to (its owner, technical manager, their managers, admins).

use crate::i18n::{HelpMsg, LogMsg};
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_REST, ArgType, CommandSpec, leaf, option};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::domain::account::AccountStatus;
use crate::domain::kind::InteractionKind;
use crate::domain::text::truncate;
use crate::i18n::Msg;
use crate::store::{InsertOutcome, NewInteraction, Store, WriteTx};

pub static SPEC: CommandSpec = leaf!(
    "done",
    "done",
    Msg::Help(HelpMsg::CmdDone),
    &[ACCOUNT_REST, option("meeting", ArgType::Integer { min: 1, max: i64::MAX }, Msg::Help(HelpMsg::ArgDoneMeeting))],
    "/done Gerdau",
    |args| Ok(Done { account: args.required("account")?, meeting: args.number("meeting") }.into()),
);

/// Marks an account's open next step as done, or a booked meeting as held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Done {
    pub account: String,
    /// A booked meeting (its number) that was held, rather than the open next step.
    pub meeting: Option<i64>,
}

impl Done {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        done(store, ctx, &self.account, self.meeting).await
    }
}

/// `/done ACCOUNT`: the open next step (the newest interaction's) was done; with `--meeting N`,
/// booked meeting N was held. Either is logged once: a second press finds nothing left to do.
async fn done(store: &Store, ctx: &Context, account: &str, meeting: Option<i64>) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    if account.status == AccountStatus::Archived {
        return Err(Msg::Log(LogMsg::AccountArchived { name: account.name }).into());
    }
    require_write(store, ctx, &account).await?;
    let mut tx = ctx.write(store).await?;
    let newest = tx.newest_interaction(ctx.workspace.id, account.id).await?;
    if let Some(id) = meeting {
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
        return Ok(Reply::titled(ctx.t(Msg::Log(LogMsg::MeetingHeld { id, account: account.name }))).tone(Tone::Good));
    }
    let Some(step) = newest.and_then(|(_, step)| step) else {
        return Ok(Reply::titled(ctx.t(Msg::Log(LogMsg::NoOpenStep { account: account.name }))).ephemeral());
    };
    let summary = ctx.t(Msg::Log(LogMsg::StepDoneSummary { step: truncate(&step, 400) }));
    let held =
        Held { account_id: account.id, kind: InteractionKind::Note, at: ctx.now, day: ctx.today(), summary: &summary };
    log_once(tx, ctx, &held, serde_json::json!({ "account": account.name, "step": step })).await?;
    Ok(Reply::titled(ctx.t(Msg::Log(LogMsg::StepDone { account: account.name, step }))).tone(Tone::Good))
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

