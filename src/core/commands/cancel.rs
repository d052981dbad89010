//! `/cancel [DRAFT]`: drops a draft (the author's latest open one without a number); nothing is logged.

use serde::Serialize;

use crate::core::capture::{missing, usable};
use crate::core::catalog::{ArgType, CommandSpec, leaf, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::i18n::{CaptureMsg, Msg};
use crate::store::Store;

pub static SPEC: CommandSpec = leaf!(
    "cancel",
    "cancel",
    Msg::Capture(CaptureMsg::CmdCancel),
    &[positional("draft", ArgType::Integer { min: 1, max: 1_000_000_000 }, false, false, Msg::Capture(CaptureMsg::ArgDraft))],
    "/cancel",
    |args| Ok(Cancel { number: args.number("draft") }.into()),
);

/// Drops a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cancel {
    pub number: Option<i64>,
}

impl Cancel {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        let mut tx = ctx.write(store).await?;
        let row = tx.draft(ctx.workspace.id, self.number, ctx.person.id).await?.ok_or_else(|| missing(self.number))?;
        let number = row.number;
        match usable(ctx, &row) {
            // Cancelled twice: the same answer, nothing more.
            Err(CommandError::User(Msg::Capture(CaptureMsg::DraftWasCancelled { .. }))) => {}
            Err(refused) => return Err(refused),
            Ok(_) => {
                tx.settle_draft(ctx.workspace.id, row.id, None, ctx.now).await?;
                tx.commit().await?;
            }
        }
        Ok(Reply::default().line(ctx.t(Msg::Capture(CaptureMsg::Cancelled { number }))).tone(Tone::Neutral).ephemeral())
    }
}
