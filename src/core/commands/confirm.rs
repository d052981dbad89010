//! `/confirm [DRAFT]`: logs a draft (the author's latest open one without a number), once:
//! pressed again or delivered twice, it answers with the interaction already logged.

use serde::Serialize;

use crate::core::capture::{missing, next_step, occurred_at, usable};
use crate::core::catalog::{ArgType, CommandSpec, leaf, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::i18n::{CaptureMsg, LogMsg, Msg, format_date};
use crate::store::{InsertOutcome, NewInteraction, Store};

pub static SPEC: CommandSpec = leaf!(
    "confirm",
    "confirm",
    Msg::Capture(CaptureMsg::CmdConfirm),
    &[positional("draft", ArgType::Integer { min: 1, max: 1_000_000_000 }, false, false, Msg::Capture(CaptureMsg::ArgDraft))],
    "/confirm",
    |args| Ok(Confirm { number: args.number("draft") }.into()),
);

/// Logs a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Confirm {
    pub number: Option<i64>,
}

impl Confirm {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        let ws = ctx.workspace.id;
        // Everything the log depends on is read inside its write: the draft's state above all.
        let mut tx = ctx.write(store).await?;
        let row = tx.draft(ws, self.number, ctx.person.id).await?.ok_or_else(|| missing(self.number))?;
        let number = row.number;
        let draft = match usable(ctx, &row) {
            Ok(draft) => draft,
            // Pressed again: the interaction it logged, not an error.
            Err(CommandError::User(Msg::Capture(CaptureMsg::DraftAlreadyLogged { interaction, .. }))) => {
                let line = ctx.t(Msg::Capture(CaptureMsg::DraftAlreadyLogged { number, interaction }));
                return Ok(Reply::default().line(line).tone(Tone::Neutral).ephemeral());
            }
            Err(refused) => return Err(refused),
        };
        let Some(account) = &draft.account else { return Err(Msg::Capture(CaptureMsg::NeedsAccount { number }).into()) };
        if draft.contact_question.is_some() {
            return Err(Msg::Capture(CaptureMsg::NeedsContact { number }).into());
        }
        if !tx.account_is_active(ws, account.id).await? {
            return Err(Msg::Log(LogMsg::AccountArchived { name: account.name.clone() }).into());
        }
        let at = occurred_at(ctx, draft.day);
        let (step, due) = next_step(ctx, &draft.steps);
        let also: Vec<i64> = draft.contacts.iter().skip(1).map(|c| c.id).collect();
        // The draft's own id is the interaction's source id: even a second confirm that got past
        // the state above could not log it twice.
        let source_id = format!("draft:{}", row.id);
        let outcome = tx
            .insert_interaction(
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
                    source: ctx.platform.code(),
                    source_id: Some(&source_id),
                    tone: draft.tone,
                    created_at: ctx.now,
                },
            )
            .await?;
        let id = match outcome {
            InsertOutcome::Inserted(id) | InsertOutcome::AlreadyLogged(id) => id,
        };
        tx.settle_draft(ws, row.id, Some(id), ctx.now).await?;
        let arguments = serde_json::json!({ "draft": number, "account": account.name, "kind": draft.kind.code() }).to_string();
        tx.audit(ws, ctx.person.id, "confirm", &arguments, "ok", ctx.now).await?;
        tx.commit().await?;

        let mut reply = Reply::titled(ctx.t(Msg::Log(LogMsg::LoggedTitle { kind: draft.kind, account: account.name.clone() })))
            .inline_field(ctx.t(Msg::Log(LogMsg::LabelWhen)), format_date(draft.day, ctx.locale));
        if !draft.contacts.is_empty() {
            let names: Vec<String> = draft.contacts.iter().map(|c| c.name.clone()).collect();
            reply = reply.inline_field(ctx.t(Msg::Log(LogMsg::LabelContact)), names.join(", "));
        }
        if let Some(step) = step {
            let text = match due {
                Some(due) => ctx.t(Msg::Log(LogMsg::NextStepDue { text: step, due })),
                None => step,
            };
            reply = reply.field(ctx.t(Msg::Log(LogMsg::LabelNextStep)), text);
        }
        Ok(reply.footer(ctx.t(Msg::Log(LogMsg::InteractionFooter { id }))).tone(Tone::Good))
    }
}
