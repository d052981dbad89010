//! The command core: it knows no chat platform. A front end builds an [`Invocation`] and either a
//! typed line or a [`Command`], and renders the [`Reply`] it gets back.

use crate::i18n::Translate;
pub mod capture;
pub mod catalog;
pub mod command;
pub mod error;
pub mod form;
pub mod invocation;
pub mod option_words;
pub mod parse;
pub mod reply;
pub mod retiering;

mod account_edit;
mod calendar;
pub mod commands;
mod commitments;
mod context;
pub mod digest;
mod figures;
#[cfg(test)]
mod message_review;
mod paging;
mod permissions;
mod resolve;
pub mod standing;

use crate::i18n::{ChatMsg, Locale};
use tracing::error;

pub use command::Command;
pub use context::Context;
pub use error::CommandError;
pub use invocation::{Invocation, Platform};
pub use reply::{Action, Field, Reply, Tone, Visibility};

use crate::i18n::Msg;
use crate::store::Store;

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

    /// Parses a typed line (`/account Vale`) and carries it out. A line that does not start with
    /// `/` is a sentence: it is read into a draft to confirm (`/capture`).
    pub async fn run_line(&self, invocation: &Invocation, line: &str) -> Reply {
        let line = crate::domain::text::without_controls(line);
        if !line.trim_start().starts_with('/') && !line.trim().is_empty() {
            return self.capture(invocation, &line).await;
        }
        self.run(invocation, parse::parse_line(&line).and_then(|args| Command::from_args(&args))).await
    }

    /// Reads a sentence as `/capture` does, keeping nothing: what the capture corpus and the
    /// benchmark measure.
    pub async fn read_sentence(&self, invocation: &Invocation, text: &str) -> anyhow::Result<capture::Draft> {
        let ctx = Context::resolve(&self.store, invocation).await?;
        Ok(capture::read(&self.store, &ctx, text).await?)
    }

    /// Reads free text (a sentence written to the bot, a mention, a shared message) into a draft.
    pub async fn capture(&self, invocation: &Invocation, text: &str) -> Reply {
        let text = crate::domain::text::without_controls(text);
        let command = commands::capture::Capture { text: text.trim().to_string() };
        self.run(invocation, Ok(command.into())).await
    }

    /// Carries out what a button stands for: `run:LINE` runs the command line as the person who
    /// pressed it (their rights are checked as for any command), `import:N` confirms an import.
    pub async fn press(&self, invocation: &Invocation, id: &str) -> Reply {
        if let Some(line) = id.strip_prefix("run:") {
            return self.run_line(invocation, line).await;
        }
        let command = commands::import::pending_of(id)
            .map(|pending| Command::Import(commands::import::Import::Confirm { pending }))
            .ok_or_else(|| catalog::unknown_command(id));
        self.run(invocation, command).await
    }

    /// The form for logging: empty without a draft number, else filled from the author's draft
    /// (refused, as one line, when the draft is not theirs to change or not open any more).
    pub async fn form(&self, invocation: &Invocation, draft: Option<i64>) -> Result<form::FormView, Reply> {
        let ctx = match Context::resolve(&self.store, invocation).await {
            Ok(ctx) => ctx,
            Err(e) => return Err(internal_failure(invocation, e.into())),
        };
        let fields = match draft {
            None => form::FormFields { new: true, ..form::FormFields::default() },
            Some(number) => {
                let found = self.store.open_draft(ctx.workspace.id, Some(number), ctx.person.id).await;
                let draft = match found {
                    Ok(Some(row)) => capture::usable(&ctx, &row),
                    Ok(None) => Err(capture::missing(Some(number))),
                    Err(e) => Err(CommandError::Internal(e.into())),
                };
                match draft {
                    Ok(draft) => form::FormFields::of(&ctx, &draft),
                    Err(CommandError::User(msg)) => return Err(Reply::error(ctx.t(msg)).in_locale(ctx.locale)),
                    Err(e) => {
                        error!(workspace = %ctx.workspace.key, error = ?e, "cannot fill a form from a draft");
                        return Err(Reply::error(ctx.t(Msg::Chat(ChatMsg::Internal))).in_locale(ctx.locale));
                    }
                }
            }
        };
        Ok(form::FormView { draft, kinds: form::kinds(&ctx), locale: ctx.locale, today: ctx.today(), fields })
    }

    /// Logs what a submitted form says (`/confirm` with the form): the interaction, or the reply
    /// naming each field that is wrong ([`Reply::invalid`]).
    pub async fn submit_form(&self, invocation: &Invocation, draft: Option<i64>, fields: form::FormFields) -> Reply {
        let command = commands::confirm::Confirm { number: draft, form: Some(fields) };
        self.run(invocation, Ok(command.into())).await
    }

    /// Where a direct message belongs, which names no server or team: the one workspace its
    /// author is a person of. `Err` is the line to answer when they are in none, or in several.
    pub async fn home_of(&self, platform: Platform, user_id: &str, locale: Locale) -> Result<String, Reply> {
        match self.store.workspaces_of_user(platform.code(), user_id, 2).await {
            Ok(mut keys) if keys.len() == 1 => Ok(keys.remove(0)),
            Ok(keys) if keys.is_empty() => Err(Reply::error(locale.t(Msg::Chat(ChatMsg::DirectMessageStranger)))),
            Ok(_) => Err(Reply::error(locale.t(Msg::Chat(ChatMsg::DirectMessageSeveral)))),
            Err(e) => {
                error!(platform = platform.code(), error = ?e, "cannot find the workspace of a direct message");
                Err(Reply::error(locale.t(Msg::Chat(ChatMsg::Internal))))
            }
        }
    }

    /// The contacts of an account (named as `/account` finds it) whose names hold what was typed:
    /// what a form's contact picker offers. Nothing is written.
    pub async fn suggest_contacts(&self, workspace: &str, account: &str, typed: &str, limit: usize) -> Vec<String> {
        let found = async {
            let Some(ws) = self.store.find_workspace(workspace).await? else { return Ok(Vec::new()) };
            let resolve::Lookup::One(account_id) = resolve::lookup_account(&self.store, ws.id, account).await? else {
                return Ok(Vec::new());
            };
            let typed = crate::domain::text::fold(typed);
            let contacts = self.store.contacts_of(ws.id, account_id).await?;
            Ok::<_, crate::store::StoreError>(
                contacts
                    .into_iter()
                    .filter(|c| crate::domain::text::fold(&c.name).contains(&typed))
                    .map(|c| c.name)
                    .take(limit)
                    .collect(),
            )
        };
        found.await.unwrap_or_else(|e| {
            error!(workspace, error = ?e, "contact suggestions failed");
            Vec::new()
        })
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

    /// Carries out a command for a person already resolved. A command that writes claims the
    /// platform's request id inside its write transaction ([`Context::write`]): delivered again
    /// under the same id (a replay or a retry), it gets the first answer and writes nothing.
    pub async fn execute_in(&self, ctx: &Context, command: Command) -> Reply {
        let name = command.spec().name;
        let started = std::time::Instant::now();
        // A request handled before is answered as then (read with the workspace and the person).
        let result = match ctx.replayed.clone() {
            Some(answer) => Err(CommandError::Replayed(answer)),
            None => command.run(&self.store, ctx).await,
        };
        let (outcome, reply, internal) = match result {
            Ok(reply) => ("ok", reply, false),
            Err(CommandError::User(msg)) => ("refused", Reply::error(ctx.t(msg)), false),
            Err(CommandError::Internal(cause)) => {
                error!(command = name, workspace = %ctx.workspace.key, person = ctx.person.id, error = ?cause, "command failed");
                ("failed", Reply::error(ctx.t(Msg::Chat(ChatMsg::Internal))), true)
            }
            Err(CommandError::Replayed(answer)) => {
                let first = answer
                    .and_then(|json| serde_json::from_str(&json).ok())
                    .unwrap_or_else(|| Reply::error(ctx.t(Msg::Onb(crate::i18n::Onb::RequestInProgress))));
                crate::metrics::global().command(name, ctx.platform.code(), "replayed", started.elapsed());
                return first;
            }
        };
        crate::metrics::global().command(name, ctx.platform.code(), outcome, started.elapsed());
        if let (true, Some(source_id)) = (ctx.claimed(), ctx.source_id.as_deref()) {
            let (ws, source) = (ctx.workspace.id, ctx.platform.code());
            let kept = if internal {
                // Failed on our side after a write committed: a retry may succeed.
                self.store.release_request(ws, source, source_id).await
            } else {
                let json = serde_json::to_string(&reply).unwrap_or_default();
                self.store.answer_request(ws, source, source_id, &json).await
            };
            if let Err(e) = kept {
                error!(workspace = %ctx.workspace.key, error = ?e, "cannot record a handled request");
            }
        }
        reply
    }
}

fn internal_failure(invocation: &Invocation, cause: anyhow::Error) -> Reply {
    error!(workspace = %invocation.workspace, user = %invocation.user_id, error = ?cause, "cannot resolve the workspace or person");
    let locale = invocation.locale.unwrap_or_default();
    Reply::error(locale.t(Msg::Chat(ChatMsg::Internal))).in_locale(locale)
}
