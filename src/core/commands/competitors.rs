//! `/competitors ACCOUNT`: who else sells there, with their shares, threat and notes.

use crate::i18n::{HelpMsg};
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_REST, CommandSpec, leaf};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::Reply;
use crate::i18n::Msg;
use crate::store::Store;

pub static SPEC: CommandSpec = leaf!(
    "competitors",
    "competitors",
    Msg::Help(HelpMsg::CmdCompetitors),
    &[ACCOUNT_REST],
    "/competitors Vale",
    |args| Ok(Competitors { account: args.required("account")? }.into()),
);

/// The competitors in an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Competitors {
    pub account: String,
}

impl Competitors {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        crate::core::figures::competitors(store, ctx, &self.account).await
    }
}
