//! `/edit FIELD VALUE [--draft N]`: changes one field of a draft before it is logged (the author's
//! latest open draft without a number); without a field, says what can be changed.

use serde::Serialize;

use crate::core::capture::{self, Named, missing, preview, usable};
use crate::core::catalog::{ArgType, CommandSpec, MAX_SUMMARY_CHARS, leaf, option, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{require_account, require_contact};
use crate::domain::capture::{Owner, Step};
use crate::domain::dates::Lean;
use crate::domain::kind::InteractionKind;
use crate::domain::vocabulary::{DRAFT_FIELDS, TONES};
use crate::i18n::{CaptureMsg, LogMsg, Msg};
use crate::store::Store;

pub static SPEC: CommandSpec = leaf!(
    "edit",
    "edit",
    Msg::Capture(CaptureMsg::CmdEdit),
    &[
        positional("field", ArgType::Words(&DRAFT_FIELDS), false, false, Msg::Capture(CaptureMsg::ArgField)),
        positional("value", ArgType::Text { max_chars: MAX_SUMMARY_CHARS }, false, true, Msg::Capture(CaptureMsg::ArgValue)),
        option("draft", ArgType::Integer { min: 1, max: 1_000_000_000 }, Msg::Capture(CaptureMsg::ArgDraft)),
    ],
    "/edit due friday",
    |args| {
        let field = args.get("field").and_then(|f| DRAFT_FIELDS.read(f)).map(|w| w.code);
        if field.is_some() && args.get("value").is_none() {
            return Err(args.missing("value"));
        }
        Ok(Edit { field, value: args.text("value"), number: args.number("draft") }.into())
    },
    pt: "/edit prazo sexta",
);

/// A change to one field of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub field: Option<&'static str>,
    pub value: Option<String>,
    pub number: Option<i64>,
}

impl Edit {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        let ws = ctx.workspace.id;
        // Read first, resolve names against the workspace, then change the draft only if it is
        // still what was read.
        let row = store.open_draft(ws, self.number, ctx.person.id).await?.ok_or_else(|| missing(self.number))?;
        let mut draft = usable(ctx, &row)?;
        let (Some(field), Some(value)) = (self.field, self.value.as_deref()) else {
            return Ok(preview(ctx, row.number, &draft).line(ctx.t(Msg::Capture(CaptureMsg::EditUsage))));
        };
        apply(store, ctx, &mut draft, field, value).await?;
        let after = serde_json::to_string(&draft).map_err(|e| CommandError::Internal(e.into()))?;
        let mut tx = ctx.write(store).await?;
        if !tx.replace_draft(ws, row.id, &row.body, &after, ctx.now).await? {
            // Settled, expired or changed meanwhile: say which, as read now.
            let now = tx.draft(ws, Some(row.number), ctx.person.id).await?.ok_or_else(|| missing(Some(row.number)))?;
            usable(ctx, &now)?;
            return Err(CommandError::Internal(anyhow::anyhow!("draft {} changed while being edited", row.id)));
        }
        tx.commit().await?;
        Ok(preview(ctx, row.number, &draft).tone(Tone::Neutral))
    }
}

pub(crate) async fn apply(store: &Store, ctx: &Context, draft: &mut crate::core::capture::Draft, field: &str, value: &str) -> Result<(), CommandError> {
    match field {
        "account" => {
            let account = require_account(store, ctx, value).await?;
            let named = Named { id: account.id, name: account.name.clone(), words: value.to_string() };
            // The sentence read again for this account: its contacts and who owns each step.
            let again = capture::read_for(store, ctx, &draft.sentence, Some(named)).await?;
            draft.account = again.account;
            draft.account_choices.clear();
            draft.contacts = again.contacts;
            draft.contact_question = again.contact_question;
            if draft.steps.len() == again.steps.len() {
                draft.steps = again.steps;
            }
        }
        "kind" => {
            let kind = InteractionKind::parse(value)
                .or_else(|| crate::domain::capture::read(&crate::domain::capture::Sentence::new(value), ctx.today(), &|_| None).kind.map(|k| k.0))
                .ok_or_else(|| Msg::Log(LogMsg::UnknownKind { value: crate::domain::text::truncate(value, 40) }))?;
            draft.kind = kind;
            draft.kind_words = Some(value.to_string());
        }
        "when" => {
            let day = ctx.read_date("when", value, Lean::Past)?;
            if day > ctx.today() {
                return Err(Msg::Log(LogMsg::FutureDate { arg: "when", read_as: day }).into());
            }
            draft.day = day;
            draft.day_words = Some(value.to_string());
            draft.future = None;
        }
        "contacts" => {
            let Some(account) = &draft.account else { return Err(Msg::Capture(CaptureMsg::NeedsAccount { number: 0 }).into()) };
            let row = require_account(store, ctx, &account.name).await?;
            let mut contacts: Vec<Named> = Vec::new();
            for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()).take(20) {
                let found = require_contact(store, ctx, &row, name).await?;
                if !contacts.iter().any(|c| c.id == found.id) {
                    contacts.push(Named { id: found.id, name: found.name, words: name.to_string() });
                }
            }
            draft.contacts = contacts;
            draft.contact_question = None;
        }
        "next" => match draft.steps.first_mut() {
            Some(step) => {
                step.text = value.to_string();
                step.words = value.to_string();
            }
            None => draft.steps.push(Step { text: value.to_string(), due: None, due_words: None, owner: Owner::Me, words: value.to_string() }),
        },
        "due" => {
            let day = ctx.read_date("due", value, Lean::Future)?;
            if day < draft.day {
                return Err(Msg::Log(LogMsg::DueBeforeInteraction { read_as: day }).into());
            }
            let Some(step) = draft.steps.first_mut() else { return Err(Msg::Log(LogMsg::DueWithoutNext).into()) };
            step.due = Some(day);
            step.due_words = Some(value.to_string());
        }
        "tone" => {
            let word = TONES.read(value).ok_or_else(|| {
                Msg::Input(crate::i18n::InputMsg::BadChoice {
                    arg: crate::i18n::Arg(&SPEC.args[1]),
                    value: crate::domain::text::truncate(value, 40),
                    accepted: TONES.listed(ctx.locale, ", "),
                })
            })?;
            draft.tone = match word.code {
                "positive" => Some(1),
                "negative" => Some(-1),
                _ => None,
            };
            draft.tone_words = Some(value.to_string());
        }
        _ => draft.sentence = value.to_string(),
    }
    Ok(())
}
