//! The one handler both Discord paths share: an interaction in, the response out. Commands become
//! core invocations (workspace `discord:<guild id>`, the person from the user id, the language from
//! the interaction's locale); a slow command is deferred and its response edited when ready.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serenity::builder::{CreateAutocompleteResponse, CreateInteractionResponse, CreateInteractionResponseMessage};
use serenity::http::Http;
use serenity::model::application::{CommandDataOption, CommandDataOptionValue, CommandInteraction, Interaction};
use tracing::{error, warn};

use super::render;
use crate::core::catalog::{self, ArgType};
use crate::core::parse::Args;
use crate::core::{Command, Core, Invocation, Platform, Reply};
use crate::domain::text::truncate;
use crate::i18n::{Locale, Msg};

/// Discord shows at most 25 autocomplete choices, each at most 100 characters.
const MAX_CHOICES: usize = 25;
const MAX_CHOICE: usize = 100;

/// How long a command may take before its answer is deferred (Discord waits 3 s for a response).
pub const DEFER_AFTER: Duration = Duration::from_millis(2000);

/// The workspace of a guild.
pub fn workspace_key(guild_id: u64) -> String {
    format!("discord:{guild_id}")
}

/// Turns an interaction into its response, deferring a command that takes longer than `budget`
/// and editing the original response through `http` when it is ready.
pub async fn respond(
    core: &Core,
    interaction: Interaction,
    now: DateTime<Utc>,
    http: Arc<Http>,
    budget: Duration,
) -> CreateInteractionResponse {
    match interaction {
        Interaction::Ping(_) => CreateInteractionResponse::Pong,
        Interaction::Autocomplete(ac) => CreateInteractionResponse::Autocomplete(autocomplete(core, &ac).await),
        Interaction::Command(command) => {
            let task_core = core.clone();
            let task_command = command.clone();
            let mut task = tokio::spawn(async move { run_command(&task_core, &task_command, now).await });
            match tokio::time::timeout(budget, &mut task).await {
                Ok(Ok(reply)) => CreateInteractionResponse::Message(render::response_message(&reply)),
                Ok(Err(e)) => {
                    error!(error = ?e, "a command task failed");
                    CreateInteractionResponse::Message(render::response_message(&Reply::error(
                        Locale::parse(&command.locale).unwrap_or_default().t(Msg::Internal),
                    )))
                }
                Err(_) => {
                    tokio::spawn(async move {
                        let reply = match task.await {
                            Ok(reply) => reply,
                            Err(e) => {
                                error!(error = ?e, "a deferred command task failed");
                                Reply::error(Locale::parse(&command.locale).unwrap_or_default().t(Msg::Internal))
                            }
                        };
                        if let Err(e) = command.edit_response(&http, render::edit_response(&reply)).await {
                            warn!(error = %e, interaction = %command.id, "cannot edit a deferred response");
                        }
                    });
                    CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new())
                }
            }
        }
        // Buttons, menus and modals are not used by kam-bot.
        _ => CreateInteractionResponse::Acknowledge,
    }
}

/// The invocation of a command interaction, or `None` outside a guild.
fn invocation(command: &CommandInteraction, now: DateTime<Utc>) -> Option<Invocation> {
    let guild = command.guild_id?;
    let display_name = command
        .member
        .as_ref()
        .and_then(|m| m.nick.clone())
        .or_else(|| command.user.global_name.clone())
        .unwrap_or_else(|| command.user.name.clone());
    Some(Invocation {
        workspace: workspace_key(guild.get()),
        platform: Platform::Discord,
        user_id: command.user.id.get().to_string(),
        display_name,
        locale: Locale::parse(&command.locale),
        now,
        source_id: Some(command.id.get().to_string()),
    })
}

/// Carries out a slash command through the core.
pub async fn run_command(core: &Core, command: &CommandInteraction, now: DateTime<Utc>) -> Reply {
    let Some(invocation) = invocation(command, now) else {
        return Reply::error(Locale::parse(&command.locale).unwrap_or_default().t(Msg::DiscordNeedsGuild));
    };
    core.run(&invocation, to_command(command)).await
}

/// The catalog entry a slash command names, down to its subcommand, with that entry's options.
fn leaf<'a>(
    name: &str,
    options: &'a [CommandDataOption],
) -> Result<(&'static catalog::CommandSpec, &'a [CommandDataOption]), Msg> {
    let spec = catalog::find(name).ok_or_else(|| Msg::UnknownCommand { name: truncate(name, 40) })?;
    if spec.subcommands.is_empty() {
        return Ok((spec, options));
    }
    for option in options {
        if let CommandDataOptionValue::SubCommand(inner) = &option.value
            && let Some(sub) = spec.subcommand(&option.name)
        {
            return Ok((sub, inner));
        }
    }
    Err(Msg::Onb(crate::i18n::Onb::MissingSubcommand { usage: spec }))
}

/// The core command of a slash command, checked like a typed one.
fn to_command(command: &CommandInteraction) -> Result<Command, Msg> {
    let (spec, options) = leaf(&command.data.name, &command.data.options)?;
    let mut args = Args::new(spec);
    for option in options {
        let value = match &option.value {
            CommandDataOptionValue::String(s) => s.clone(),
            CommandDataOptionValue::Integer(i) => i.to_string(),
            CommandDataOptionValue::Number(n) => n.to_string(),
            CommandDataOptionValue::Boolean(b) => b.to_string(),
            CommandDataOptionValue::User(user) => user.get().to_string(),
            _ => continue,
        };
        args.set(&option.name, &value)?;
    }
    Command::from_args(&args)
}

/// Choices for the option being typed: accounts ranked like `/account`, or people.
async fn autocomplete(core: &Core, ac: &CommandInteraction) -> CreateAutocompleteResponse {
    let mut response = CreateAutocompleteResponse::new();
    let (Some(guild), Some(focused)) = (ac.guild_id, ac.data.autocomplete()) else {
        return response;
    };
    let ty = leaf(&ac.data.name, &ac.data.options).ok().and_then(|(spec, _)| spec.arg(focused.name)).map(|arg| arg.ty);
    let Some(ty @ (ArgType::Account | ArgType::Person | ArgType::CommandName)) = ty else {
        return response;
    };
    let typed = truncate(focused.value, catalog::MAX_NAME_CHARS);
    for name in core.suggest(&workspace_key(guild.get()), ty, &typed, MAX_CHOICES).await {
        let name = truncate(&name, MAX_CHOICE);
        response = response.add_string_choice(name.clone(), name);
    }
    response
}
