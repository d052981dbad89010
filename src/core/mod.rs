//! The command core: it knows no chat platform. A front end builds an [`Invocation`] and either a
//! typed line or a [`Command`], and renders the [`Reply`] it gets back.

pub mod catalog;
pub mod command;
pub mod error;
pub mod invocation;
pub mod parse;
pub mod reply;

pub mod commands;
mod context;
pub mod digest;
mod paging;
mod permissions;
mod resolve;
pub mod standing;

use tracing::error;

pub use command::Command;
pub use context::Context;
pub use error::CommandError;
pub use invocation::{Invocation, Platform};
pub use reply::{Action, Field, Reply, Tone, Visibility};

use crate::i18n::Msg;
use crate::store::{Claim, Store};

/// The bot's brain: parses, checks and carries out commands against the store.
#[derive(Clone, Debug)]
pub struct Core {
    store: Store,
}

impl Core {
    pub fn new(store: Store) -> Core {
        Core { store }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Parses a typed line (`/account Vale`) and carries it out.
    pub async fn run_line(&self, invocation: &Invocation, line: &str) -> Reply {
        let line = crate::domain::text::without_controls(line);
        self.run(invocation, parse::parse_line(&line).and_then(|args| Command::from_args(&args))).await
    }

    /// Carries out what a button stands for: `run:LINE` runs the command line as the person who
    /// pressed it (their rights are checked as for any command), `import:N` confirms an import.
    pub async fn press(&self, invocation: &Invocation, id: &str) -> Reply {
        if let Some(line) = id.strip_prefix("run:") {
            return self.run_line(invocation, line).await;
        }
        let command = commands::import::pending_of(id)
            .map(|pending| Command::ImportConfirm { pending })
            .ok_or_else(|| crate::i18n::Msg::UnknownCommand { name: crate::domain::text::truncate(id, 40) });
        self.run(invocation, command).await
    }

    /// Carries out a command.
    pub async fn execute(&self, invocation: &Invocation, command: Command) -> Reply {
        self.run(invocation, Ok(command)).await
    }

    /// Carries out a command, or explains in the person's language why the request was not one.
    pub async fn run(&self, invocation: &Invocation, command: Result<Command, Msg>) -> Reply {
        let ctx = match Context::resolve(&self.store, invocation).await {
            Ok(ctx) => ctx,
            Err(e) => return internal_failure(invocation, e.into()),
        };
        let reply = match command {
            Ok(command) => self.execute_in(&ctx, command).await,
            Err(msg) => {
                // Not a command at all: counted apart from the commands' own refusals.
                let zero = std::time::Duration::ZERO;
                crate::metrics::global().command("(not understood)", ctx.platform.code(), "refused", zero);
                Reply::error(ctx.t(msg))
            }
        };
        reply.in_locale(ctx.locale)
    }

    /// Names to offer while a person types an argument (autocomplete): accounts ranked like
    /// `/account`, people, or commands. Nothing is written; an unknown workspace offers nothing.
    pub async fn suggest(&self, workspace: &str, ty: catalog::ArgType, typed: &str, limit: usize) -> Vec<String> {
        let found = match self.store.find_workspace(workspace).await {
            Ok(Some(ws)) => resolve::suggest(&self.store, ws.id, ty, typed, limit).await,
            Ok(None) => return Vec::new(),
            Err(e) => Err(e),
        };
        found.unwrap_or_else(|e| {
            error!(workspace, error = ?e, "suggestions failed");
            Vec::new()
        })
    }

    /// Carries out a command for a person already resolved. A command that writes, delivered
    /// again under the same platform request id (a replay or a retry), gets the first answer and
    /// writes nothing.
    pub async fn execute_in(&self, ctx: &Context, command: Command) -> Reply {
        let Some(source_id) = ctx.source_id.as_deref().filter(|_| command.writes()) else {
            return self.carry_out(ctx, command).await.0;
        };
        let (ws, source) = (ctx.workspace.id, ctx.platform.code());
        let forget_before = ctx.now - chrono::Duration::days(1);
        match self.store.claim_request(ws, source, source_id, ctx.now, forget_before).await {
            Ok(Claim::New) => {}
            Ok(Claim::Seen(answer)) => {
                return answer
                    .and_then(|json| serde_json::from_str(&json).ok())
                    .unwrap_or_else(|| Reply::error(ctx.t(Msg::Onb(crate::i18n::Onb::RequestInProgress))));
            }
            Err(e) => {
                error!(workspace = %ctx.workspace.key, error = ?e, "cannot claim a request");
                return Reply::error(ctx.t(Msg::Internal));
            }
        }
        let (reply, internal) = self.carry_out(ctx, command).await;
        let kept = if internal {
            // Failed on our side: nothing was written, and a retry may succeed.
            self.store.release_request(ws, source, source_id).await
        } else {
            let json = serde_json::to_string(&reply).unwrap_or_default();
            self.store.answer_request(ws, source, source_id, &json).await
        };
        if let Err(e) = kept {
            error!(workspace = %ctx.workspace.key, error = ?e, "cannot record a handled request");
        }
        reply
    }

    /// The reply, and whether it is an internal failure (nothing written, worth a retry).
    async fn carry_out(&self, ctx: &Context, command: Command) -> (Reply, bool) {
        let name = command.spec().name;
        let started = std::time::Instant::now();
        let result = match command {
            Command::Account { query } => commands::account::run(&self.store, ctx, &query).await,
            Command::Accounts { tier, owner, page } => {
                commands::accounts::run(&self.store, ctx, tier, owner.as_deref(), page).await
            }
            Command::AccountAdd(request) => commands::account_admin::add(&self.store, ctx, &request).await,
            Command::AccountSet { account, field, value } => {
                commands::account_admin::set(&self.store, ctx, &account, &field, &value).await
            }
            Command::AccountArchive { account, archive } => {
                commands::account_admin::archive(&self.store, ctx, &account, archive).await
            }
            Command::Log(request) => commands::log::run(&self.store, ctx, &request).await,
            Command::History { account, count, page } => {
                commands::history::run(&self.store, ctx, &account, count, page).await
            }
            Command::Opp(request) => commands::opp::run(&self.store, ctx, &request).await,
            Command::Qualify { account, scores, apply } => {
                commands::qualify::run(&self.store, ctx, account.as_deref(), scores, apply).await
            }
            Command::Review(request) => commands::review::run(&self.store, ctx, &request).await,
            Command::ReviewShow { account, year } => commands::review::show(&self.store, ctx, &account, year).await,
            Command::Plan(request) => commands::plan::run(&self.store, ctx, &request).await,
            Command::Health { account } => commands::health::show(&self.store, ctx, &account).await,
            Command::Risks { page } => commands::health::risks(&self.store, ctx, page).await,
            Command::Weights { component, weight } => {
                commands::health::set_weights(&self.store, ctx, component.as_deref(), weight).await
            }
            Command::Contacts { account, page } => commands::stakeholders::map(&self.store, ctx, &account, page).await,
            Command::Contact(request) => commands::stakeholders::edit(&self.store, ctx, &request).await,
            Command::Competitors { account } => commands::competitors::list(&self.store, ctx, &account).await,
            Command::Prep { account } => commands::prep::run(&self.store, ctx, &account).await,
            Command::Done { account, meeting } => commands::followup::done(&self.store, ctx, &account, meeting).await,
            Command::Snooze { account, days } => commands::followup::snooze(&self.store, ctx, &account, days).await,
            Command::Competitor { account, name, share, threat, note } => {
                commands::competitors::set(
                    &self.store,
                    ctx,
                    &account,
                    &name,
                    share.as_deref(),
                    threat.as_deref(),
                    note.as_deref(),
                )
                .await
            }
            Command::Wallet { account, spend, revenue, period, remove } => {
                let (spend, revenue) = (spend.as_deref(), revenue.as_deref());
                commands::wallet::run(&self.store, ctx, &account, spend, revenue, period, remove).await
            }
            Command::Meeting { account, when, kind, with } => {
                commands::meetings::schedule(&self.store, ctx, &account, &when, &kind, with.as_deref()).await
            }
            Command::Meetings { mine, days, page } => {
                commands::meetings::list(&self.store, ctx, mine, days, page).await
            }
            Command::Digest { team, full } => commands::digest::run(&self.store, ctx, team.as_deref(), full).await,
            Command::Schedule { job, value } => {
                commands::schedule::run(&self.store, ctx, job.as_deref(), value.as_deref()).await
            }
            Command::People { action } => commands::people::run(&self.store, ctx, &action).await,
            Command::Privacy { erase, account, contact } => {
                commands::privacy::run(&self.store, ctx, erase, &account, &contact).await
            }
            Command::Import(request) => commands::import::check(&self.store, ctx, &request).await,
            Command::ImportConfirm { pending } => commands::import::confirm(&self.store, ctx, pending).await,
            Command::Language { language } => commands::language::run(&self.store, ctx, language.as_deref()).await,
            Command::Help { topic } => match self.store.has_any_account(ctx.workspace.id).await {
                Ok(any) => Ok(commands::help::run(ctx, topic.as_deref(), !any)),
                Err(e) => Err(e.into()),
            },
        };
        let (outcome, answer) = match result {
            Ok(reply) => ("ok", (reply, false)),
            Err(CommandError::User(msg)) => ("refused", (Reply::error(ctx.t(msg)), false)),
            Err(CommandError::Internal(cause)) => {
                error!(command = name, workspace = %ctx.workspace.key, person = ctx.person.id, error = ?cause, "command failed");
                ("failed", (Reply::error(ctx.t(Msg::Internal)), true))
            }
        };
        crate::metrics::global().command(name, ctx.platform.code(), outcome, started.elapsed());
        answer
    }
}

fn internal_failure(invocation: &Invocation, cause: anyhow::Error) -> Reply {
    error!(workspace = %invocation.workspace, user = %invocation.user_id, error = ?cause, "cannot resolve the workspace or person");
    let locale = invocation.locale.unwrap_or_default();
    Reply::error(locale.t(Msg::Internal)).in_locale(locale)
}
