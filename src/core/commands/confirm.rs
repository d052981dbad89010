//! `/confirm [DRAFT]`: logs a draft (the author's latest open one without a number), once:
//! pressed again or delivered twice, it answers with the interaction already logged. A submitted
//! form confirms too: its fields applied to the draft (or to an empty one), checked field by field.

use serde::Serialize;

use crate::core::capture::{Draft, commitments, missing, next_step, occurred_at, usable};
use crate::core::form::{self, FormFields};
use crate::core::catalog::{ArgType, CommandSpec, leaf, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::i18n::{CaptureMsg, LogMsg, Msg, TaskMsg, format_day};
use crate::store::{InsertOutcome, NewInteraction, Store, WriteTx};

pub static SPEC: CommandSpec = leaf!(
    "confirm",
    "confirm",
    Msg::Capture(CaptureMsg::CmdConfirm),
    &[positional("draft", ArgType::Integer { min: 1, max: 1_000_000_000 }, false, false, Msg::Capture(CaptureMsg::ArgDraft))],
    "/confirm",
    |args| Ok(Confirm { number: args.number("draft"), form: None }.into()),
);

/// Logs a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Confirm {
    pub number: Option<i64>,
    /// A submitted form: its fields change the draft before it is logged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<FormFields>,
}

impl Confirm {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        if let Some(form) = &self.form {
            return submit(store, ctx, self.number, form).await;
        }
        let ws = ctx.workspace.id;
        // Everything the log depends on is read inside its write: the draft's state above all.
        let mut tx = ctx.write(store).await?;
        let row = tx.draft(ws, self.number, ctx.person.id).await?.ok_or_else(|| missing(self.number))?;
        let number = row.number;
        let draft = match settled(ctx, &row)? {
            Ok(draft) => draft,
            Err(reply) => return Ok(reply),
        };
        log(tx, ctx, &draft, Some((row.id, number)), None).await
    }
}

/// The draft a row holds, or the answer when it was logged already (pressed again: the
/// interaction it logged, not an error).
fn settled(ctx: &Context, row: &crate::store::DraftRow) -> Result<Result<Draft, Reply>, CommandError> {
    match usable(ctx, row) {
        Ok(draft) => Ok(Ok(draft)),
        Err(CommandError::User(Msg::Capture(CaptureMsg::DraftAlreadyLogged { interaction, .. }))) => {
            let line = ctx.t(Msg::Capture(CaptureMsg::DraftAlreadyLogged { number: row.number, interaction }));
            Ok(Err(Reply::default().line(line).tone(Tone::Neutral).ephemeral()))
        }
        Err(refused) => Err(refused),
    }
}

/// A submitted form: applied to the draft numbered (or to an empty one), then logged, or sent
/// back with what is wrong with each field and nothing written.
async fn submit(store: &Store, ctx: &Context, number: Option<i64>, form: &FormFields) -> Result<Reply, CommandError> {
    let ws = ctx.workspace.id;
    let (row, mut draft) = if form.new {
        (None, form::blank(ctx))
    } else {
        let row = store.open_draft(ws, number, ctx.person.id).await?.ok_or_else(|| missing(number))?;
        let draft = match settled(ctx, &row)? {
            Ok(draft) => draft,
            Err(reply) => return Ok(reply),
        };
        (Some(row), draft)
    };
    let invalid = form::fill(store, ctx, &mut draft, form).await?;
    if !invalid.is_empty() {
        let mut reply = Reply::error(ctx.t(Msg::Capture(CaptureMsg::FormInvalid)));
        for (field, text) in invalid {
            reply = reply.invalid_field(field, text);
        }
        return Ok(reply);
    }
    let mut tx = ctx.write(store).await?;
    let Some(row) = row else {
        // A form opened empty is its own request: the platform's id of it keeps it from logging twice.
        let source_id = ctx.source_id.clone();
        return log(tx, ctx, &draft, None, source_id).await;
    };
    // Logged only if the draft is still what the form was filled from.
    let now = tx.draft(ws, Some(row.number), ctx.person.id).await?.ok_or_else(|| missing(Some(row.number)))?;
    if let Err(reply) = settled(ctx, &now)? {
        return Ok(reply);
    }
    if now.body != row.body {
        return Err(Msg::Capture(CaptureMsg::DraftChanged { number: row.number }).into());
    }
    log(tx, ctx, &draft, Some((row.id, row.number)), None).await
}

/// Logs a draft inside the write that read it: the interaction, the draft settled, the audit.
async fn log(
    mut tx: WriteTx,
    ctx: &Context,
    draft: &Draft,
    row: Option<(i64, i64)>,
    request: Option<String>,
) -> Result<Reply, CommandError> {
    let ws = ctx.workspace.id;
    let number = row.map(|(_, number)| number);
    let Some(account) = &draft.account else {
        return Err(Msg::Capture(CaptureMsg::NeedsAccount { number: number.unwrap_or_default() }).into());
    };
    if draft.contact_question.is_some() {
        return Err(Msg::Capture(CaptureMsg::NeedsContact { number: number.unwrap_or_default() }).into());
    }
    if !tx.account_is_active(ws, account.id).await? {
        return Err(Msg::Log(LogMsg::AccountArchived { name: account.name.clone() }).into());
    }
        let at = occurred_at(ctx, draft.day);
        let (step, due) = next_step(ctx, &draft.steps);
        let commitments = commitments(&draft.steps, ctx.person.id);
        let also: Vec<i64> = draft.contacts.iter().skip(1).map(|c| c.id).collect();
        // The draft's own id is the interaction's source id: even a second confirm that got past
        // the state above could not log it twice.
        let source_id = match row {
            Some((id, _)) => Some(format!("draft:{id}")),
            None => request.map(|r| format!("form:{r}")),
        };
        let (outcome, numbers) = tx
            .log_interaction(
                ws,
                &NewInteraction {
                    account_id: account.id,
                    also_contacts: &also,
                    contact_id: draft.contacts.first().map(|c| c.id),
                    author_id: ctx.person.id,
                    kind: draft.kind,
                    occurred_at: at,
                    occurred_on: ctx.local_date(at),
                    summary: &draft.sentence,
                    next_step: step.as_deref(),
                    next_step_due: due,
                    commitments: &commitments,
                    source: ctx.platform.code(),
                    source_id: source_id.as_deref(),
                    tone: draft.tone,
                    created_at: ctx.now,
                },
            )
            .await?;
        let id = match outcome {
            InsertOutcome::Inserted(id) | InsertOutcome::AlreadyLogged(id) => id,
        };
        if let Some((draft_id, _)) = row {
            tx.settle_draft(ws, draft_id, Some(id), ctx.now).await?;
        }
        let arguments = serde_json::json!({ "draft": number, "account": account.name, "kind": draft.kind.code() }).to_string();
        tx.audit(ws, ctx.person.id, "confirm", &arguments, "ok", ctx.now).await?;
        tx.commit().await?;

        let mut reply = Reply::titled(ctx.t(Msg::Log(LogMsg::LoggedTitle { kind: draft.kind, account: account.name.clone() })))
            .inline_field(ctx.t(Msg::Log(LogMsg::LabelWhen)), format_day(draft.day, ctx.locale));
        if !draft.contacts.is_empty() {
            let names: Vec<String> = draft.contacts.iter().map(|c| c.name.clone()).collect();
            reply = reply.inline_field(ctx.t(Msg::Log(LogMsg::LabelContact)), names.join(", "));
        }
        if numbers.len() == commitments.len() && !numbers.is_empty() {
            let today = ctx.today();
            let lines: Vec<String> = numbers
                .iter()
                .zip(commitments)
                .map(|(number, c)| {
                    let (number, text, due) = (*number, c.text, c.due_on);
                    ctx.t(Msg::Tasks(TaskMsg::Line { number, text, due, today, account: None, owner: None }))
                })
                .collect();
            reply = reply.field(ctx.t(Msg::Log(LogMsg::LabelNextStep)), lines.join("\n"));
        } else if let Some(step) = step {
            let text = match due {
                Some(due) => ctx.t(Msg::Log(LogMsg::NextStepDue { text: step, due })),
                None => step,
            };
            reply = reply.field(ctx.t(Msg::Log(LogMsg::LabelNextStep)), text);
        }
        Ok(reply.footer(ctx.t(Msg::Log(LogMsg::InteractionFooter { id }))).tone(Tone::Good))
}
