//! `/tasks [ACCOUNT] [--team] [--page N]`: open commitments, the soonest due first: yours, your
//! team's, or an account's.

use serde::Serialize;

use crate::core::catalog::{ArgType, CommandSpec, PAGE_OPTION, leaf, option, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::Page;
use crate::core::reply::Reply;
use crate::core::resolve::require_account;
use crate::domain::text::quoted;
use crate::i18n::{HelpMsg, Msg, TaskMsg};
use crate::store::{COMMITMENTS_PAGE_CAP, CommitmentScope, Store};

pub static SPEC: CommandSpec = leaf!(
    "tasks",
    "tasks",
    Msg::Help(HelpMsg::CmdTasks),
    &[
        positional("account", ArgType::Account, false, true, Msg::Help(HelpMsg::ArgTasksAccount)),
        option("team", ArgType::Switch, Msg::Help(HelpMsg::ArgTasksTeam)),
        PAGE_OPTION,
    ],
    "/tasks --team",
    |args| {
        Ok(Tasks { account: args.text("account"), team: args.switch("team"), page: args.number("page").unwrap_or(1) }
            .into())
    },
);

/// Lists open commitments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tasks {
    /// Only this account's.
    pub account: Option<String>,
    /// The team's rather than one's own.
    pub team: bool,
    pub page: i64,
}

/// Commitments a page: fewer than other lists, as each line is long.
const PAGE_SIZE: usize = 15;
const _: () = assert!(PAGE_SIZE as i64 <= COMMITMENTS_PAGE_CAP);

impl Tasks {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        let ws = ctx.workspace.id;
        let (scope, command, account_name) = match &self.account {
            Some(query) => {
                let account = require_account(store, ctx, query).await?;
                (CommitmentScope::Account(account.id), format!("/tasks {}", quoted(&account.name)), Some(account.name))
            }
            None if self.team => {
                if store.team(ws, ctx.person.id).await?.len() <= 1 {
                    return Ok(Reply::titled(ctx.t(Msg::Tasks(TaskMsg::NoTeam))).ephemeral());
                }
                (CommitmentScope::Team(ctx.person.id), "/tasks --team".to_string(), None)
            }
            None => (CommitmentScope::Owner(ctx.person.id), "/tasks".to_string(), None),
        };
        // The total comes with the page's rows; a page past the end is read again as the last.
        let asked = (self.page.clamp(1, 100_000) - 1) * PAGE_SIZE as i64;
        let (mut rows, mut total) = store.open_commitments(ws, scope, PAGE_SIZE as i64, asked).await?;
        if rows.is_empty() && asked > 0 {
            total = store.open_commitments(ws, scope, 1, 0).await?.1;
            let last = Page::sized(total as usize, self.page, PAGE_SIZE);
            (rows, total) = store.open_commitments(ws, scope, PAGE_SIZE as i64, last.offset() as i64).await?;
        }
        let page = Page::sized(total as usize, self.page, PAGE_SIZE);
        let title = match (&scope, &account_name) {
            (CommitmentScope::Account(_), Some(account)) => TaskMsg::AccountTitle { account: account.clone(), total },
            (CommitmentScope::Team(_), _) => TaskMsg::TeamTitle { total },
            _ => TaskMsg::MineTitle { total },
        };
        if total == 0 {
            let none = match (scope, account_name) {
                (CommitmentScope::Account(_), Some(account)) => TaskMsg::NoneAccount { account },
                (CommitmentScope::Team(_), _) => TaskMsg::NoneTeam,
                _ => TaskMsg::NoneMine,
            };
            return Ok(Reply::titled(ctx.t(Msg::Tasks(none))).ephemeral());
        }
        let mut reply = Reply::titled(ctx.t(Msg::Tasks(title)));
        for c in &rows {
            let (account, owner) = match scope {
                CommitmentScope::Owner(_) => (true, false),
                CommitmentScope::Team(_) => (true, true),
                CommitmentScope::Account(_) => (false, true),
            };
            reply = reply.line(crate::core::commitments::line(ctx, c, account, owner));
        }
        let mut footer = ctx.t(Msg::Tasks(TaskMsg::HowToClose));
        if let Some(pages) = page.footer(ctx, &command) {
            footer = format!("{pages}\n{footer}");
        }
        Ok(reply.footer(footer).ephemeral())
    }
}
