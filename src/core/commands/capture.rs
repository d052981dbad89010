//! `/capture SENTENCE`, or a sentence written without a command: reads what happened into a
//! draft and shows it; nothing is logged until its author confirms (`/confirm`).

use serde::Serialize;

use crate::core::capture::{self, expires, preview};
use crate::core::catalog::{ArgType, CommandSpec, leaf, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::Reply;
use crate::domain::capture::MAX_SENTENCE_CHARS;
use crate::i18n::{CaptureMsg, Msg};
use crate::store::Store;

pub static SPEC: CommandSpec = leaf!(
    "capture",
    "capture",
    Msg::Capture(CaptureMsg::CmdCapture),
    &[positional(
        "sentence",
        ArgType::Text { max_chars: MAX_SENTENCE_CHARS },
        true,
        true,
        Msg::Capture(CaptureMsg::ArgSentence)
    )],
    "/capture meeting with João at Vale today, he will send the proposal by friday",
    |args| Ok(Capture { text: args.required("sentence")? }.into()),
    pt: "/capture reunião com João na Vale hoje, ficou de mandar proposta até sexta",
);

/// A sentence to read into a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Capture {
    pub text: String,
}

impl Capture {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        capture::check_length(&self.text)?;
        let text = crate::domain::text::without_controls(&self.text);
        let draft = capture::read(store, ctx, &text).await?;
        let body = serde_json::to_string(&draft).map_err(|e| CommandError::Internal(e.into()))?;
        let mut tx = ctx.write(store).await?;
        let number = tx.insert_draft(ctx.workspace.id, ctx.person.id, &body, ctx.now, expires(ctx.now)).await?;
        tx.commit().await?;
        Ok(preview(ctx, number, &draft))
    }
}
