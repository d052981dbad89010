//! The one handler both Discord paths share: an interaction in, the response out. Commands become
//! core invocations (workspace `discord:<guild id>`, the person from the user id, the language from
//! the interaction's locale); a slow command is deferred and its response edited when ready.

use crate::i18n::ChatMsg;
use crate::i18n::ImportMsg;
use crate::i18n::Translate;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serenity::builder::{CreateAutocompleteResponse, CreateInteractionResponse, CreateInteractionResponseMessage};
use serenity::http::Http;
use serenity::model::application::{
    CommandDataOption, CommandDataOptionValue, CommandInteraction, ComponentInteraction, Interaction, ModalInteraction,
};
use serenity::model::guild::Member;
use serenity::model::id::AttachmentId;
use serenity::model::user::User;
use tracing::{error, warn};

use super::render;
use crate::core::catalog::{self, ArgType};
use crate::core::commands::import::{Import, ImportRequest};
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

/// How to send an answer once it is ready, after the interaction was deferred.
type Edit = Box<dyn FnOnce(Reply) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> + Send>;

/// The work an interaction asks for, started: its task, the language of a failure, whether it
/// answers a button by replacing its message, and how its answer is sent if deferred.
struct Started {
    task: tokio::task::JoinHandle<Reply>,
    locale: Locale,
    update: bool,
    edit: Edit,
    /// The interaction as Discord sends it, written only if the answer is deferred.
    record: Box<dyn FnOnce() -> Option<String> + Send>,
}

/// Turns an interaction into its response, deferring a command that takes longer than `budget`
/// and editing the original response through `http` when it is ready. A deferred answer is owed
/// in the database until it is sent, so that another process answers it if this one dies.
pub async fn respond(
    core: &Core,
    interaction: Interaction,
    now: DateTime<Utc>,
    http: Arc<Http>,
    budget: Duration,
) -> CreateInteractionResponse {
    // Edit under a preview: the form, filled from the draft (only a modal can answer it).
    if let Interaction::Component(press) = &interaction
        && let (Some(draft), Some(invocation)) =
            (super::forms::edits(&press.data.custom_id), press_invocation(press, now))
    {
        return super::forms::open(core, &invocation, draft).await;
    }
    match interaction {
        Interaction::Ping(_) => CreateInteractionResponse::Pong,
        Interaction::Autocomplete(ac) => CreateInteractionResponse::Autocomplete(autocomplete(core, &ac).await),
        interaction => {
            match start(core, interaction, now, http) {
                Some(started) => within(core.store(), started, budget, now).await,
                // Menus are not used by kam-bot.
                None => CreateInteractionResponse::Acknowledge,
            }
        }
    }
}

/// Answers an interaction another process deferred and did not answer (it died): its work done
/// again at the instant it came, its answer sent as the deferred answer.
pub async fn answer_owed(core: &Core, interaction: Interaction, now: DateTime<Utc>, http: Arc<Http>) {
    if let Some(started) = start(core, interaction, now, http) {
        let locale = started.locale;
        let reply = started.task.await.unwrap_or_else(|e| failed(e, locale));
        (started.edit)(reply).await;
    }
}

/// Answers the interactions other processes deferred and did not answer.
pub struct Owed {
    pub core: Core,
    pub http: Arc<Http>,
}

impl crate::front::pending::Resume for Owed {
    fn platform(&self) -> &'static str {
        "discord"
    }

    fn resume<'a>(
        &'a self,
        owed: &'a crate::store::PendingAnswer,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send + 'a>> {
        Box::pin(async move {
            match serde_json::from_str::<Interaction>(&owed.payload) {
                Ok(interaction) => answer_owed(&self.core, interaction, owed.received_at, self.http.clone()).await,
                Err(e) => error!(error = %e, id = owed.id, "an owed interaction's record does not read"),
            }
        })
    }
}

/// Starts the work of a command, a button's command or a form's submission.
fn start(core: &Core, interaction: Interaction, now: DateTime<Utc>, http: Arc<Http>) -> Option<Started> {
    match interaction {
        Interaction::Command(command) => {
            // A deferred answer is edited through the application's webhook: its id comes with
            // every interaction, so none needs configuring.
            if http.application_id().is_none() {
                http.set_application_id(command.application_id);
            }
            // Shared by the task, the deferred edit and the record, never copied.
            let command = Arc::new(command);
            let (task_core, task_command) = (core.clone(), command.clone());
            let record = recording(2, command.clone());
            let locale = Locale::parse(&command.locale).unwrap_or_default();
            let task = crate::lifecycle::spawn(async move { run_command(&task_core, &task_command, now).await });
            // The deferral is private, since the answer may be (a refusal, an import's dry run).
            // A private answer is edited into it; a public one is posted as a follow-up and the
            // private placeholder deleted, so nothing private ever shows in the channel.
            let edit: Edit = Box::new(move |reply: Reply| {
                Box::pin(async move {
                    if reply.visibility == crate::core::Visibility::Ephemeral {
                        if let Err(e) = command.edit_response(&http, render::edit_response(&reply)).await {
                            warn!(error = %e, interaction = %command.id, "cannot edit a deferred response");
                        }
                        return;
                    }
                    if let Err(e) = command.create_followup(&http, render::followup(&reply)).await {
                        warn!(error = %e, interaction = %command.id, "cannot post a deferred answer");
                        return;
                    }
                    if let Err(e) = command.delete_response(&http).await {
                        warn!(error = %e, interaction = %command.id, "cannot delete a deferred placeholder");
                    }
                })
            });
            Some(Started { task, locale, update: false, edit, record })
        }
        // A button under an answer: an import's confirmation becomes the answer on its own message;
        // a reminder's button (a command to run) answers with a new message.
        Interaction::Component(press) => {
            let update = !press.data.custom_id.starts_with("run:");
            if http.application_id().is_none() {
                http.set_application_id(press.application_id);
            }
            let press = Arc::new(press);
            let (task_core, task_press) = (core.clone(), press.clone());
            let record = recording(3, press.clone());
            let locale = Locale::parse(&press.locale).unwrap_or_default();
            let task = crate::lifecycle::spawn(async move { run_button(&task_core, &task_press, now).await });
            let edit: Edit = Box::new(move |reply: Reply| {
                Box::pin(async move {
                    if let Err(e) = press.edit_response(&http, render::edit_response(&reply)).await {
                        warn!(error = %e, interaction = %press.id, "cannot edit a deferred update");
                    }
                })
            });
            Some(Started { task, locale, update, edit, record })
        }
        // The form submitted: logged, or refused naming the fields, privately.
        Interaction::Modal(submit) => {
            if http.application_id().is_none() {
                http.set_application_id(submit.application_id);
            }
            let locale = Locale::parse(&submit.locale).unwrap_or_default();
            let submit = Arc::new(submit);
            let (task_core, task_submit) = (core.clone(), submit.clone());
            let record = recording(5, submit.clone());
            let task = crate::lifecycle::spawn(async move {
                let Some(invocation) = modal_invocation(&task_submit, now) else {
                    return Reply::error(locale.t(Msg::Chat(ChatMsg::DiscordNeedsGuild)));
                };
                super::forms::submitted(&task_core, &invocation, &task_submit).await
            });
            let edit: Edit = Box::new(move |reply: Reply| {
                Box::pin(async move {
                    if let Err(e) = submit.edit_response(&http, render::edit_response(&reply)).await {
                        warn!(error = %e, interaction = %submit.id, "cannot edit a deferred form answer");
                    }
                })
            });
            Some(Started { task, locale, update: false, edit, record })
        }
        _ => None,
    }
}

/// An interaction of Discord's `kind` (2 command, 3 component, 5 form) as Discord sends it, to be
/// read again by another process: serenity writes the variant's fields without the `type` that
/// tells the variants apart, so it is put back.
fn recorded_as<T: serde::Serialize>(kind: u8, fields: &T) -> Option<String> {
    let mut fields = serde_json::to_value(fields).ok()?;
    fields.as_object_mut()?.insert("type".to_string(), serde_json::json!(kind));
    Some(fields.to_string())
}

/// Writes the interaction's record when asked, from the copy the work shares.
fn recording<T: serde::Serialize + Send + Sync + 'static>(
    kind: u8,
    fields: Arc<T>,
) -> Box<dyn FnOnce() -> Option<String> + Send> {
    Box::new(move || recorded_as(kind, &*fields))
}

fn failed(e: tokio::task::JoinError, locale: Locale) -> Reply {
    error!(error = ?e, "an interaction task failed");
    Reply::error(locale.t(Msg::Chat(ChatMsg::Internal)))
}

/// How long Discord takes a deferred answer: an interaction's token lasts 15 minutes.
const ANSWERABLE: chrono::Duration = chrono::Duration::minutes(14);

/// The response of work that answers within `budget`; slower work is deferred, its answer owed
/// (its record, as it came at `now`) until `edit` sends it. `update` answers a button by
/// replacing its message.
async fn within(
    store: &crate::store::Store,
    started: Started,
    budget: Duration,
    now: DateTime<Utc>,
) -> CreateInteractionResponse {
    let Started { mut task, locale, update, edit, record } = started;
    match tokio::time::timeout(budget, &mut task).await {
        Ok(done) => {
            let reply = done.unwrap_or_else(|e| failed(e, locale));
            let message = render::response_message(&reply);
            if update && !reply.is_error() {
                CreateInteractionResponse::UpdateMessage(message.components(render::buttons(&reply)))
            } else {
                CreateInteractionResponse::Message(message)
            }
        }
        Err(_) => {
            let id = match record() {
                Some(payload) => {
                    crate::front::pending::hold(store, "discord", "interaction", &payload, now, ANSWERABLE).await
                }
                None => {
                    error!("a deferred interaction could not be recorded; only this process can answer it");
                    None
                }
            };
            let work = async move { edit(task.await.unwrap_or_else(|e| failed(e, locale))).await };
            crate::front::pending::spawn_held(store.clone(), id, work);
            if update {
                CreateInteractionResponse::Acknowledge
            } else {
                CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true))
            }
        }
    }
}

/// Carries out the command a button stands for.
pub async fn run_button(core: &Core, press: &ComponentInteraction, now: DateTime<Utc>) -> Reply {
    let locale = Locale::parse(&press.locale).unwrap_or_default();
    let Some(invocation) = press_invocation(press, now) else {
        return Reply::error(locale.t(Msg::Chat(ChatMsg::DiscordNeedsGuild)));
    };
    core.press(&invocation, &press.data.custom_id).await
}

/// The invocation of someone in a guild: who, in which language, under which request id.
fn member_invocation(
    guild: Option<serenity::model::id::GuildId>,
    user: &User,
    member: Option<&Member>,
    (locale, guild_locale): (&str, Option<&str>),
    id: u64,
    now: DateTime<Utc>,
) -> Option<Invocation> {
    Some(Invocation {
        workspace: workspace_key(guild?.get()),
        platform: Platform::Discord,
        user_id: user.id.get().to_string(),
        display_name: display_name(member, user),
        name_is_handle: false,
        locale: Locale::parse(locale),
        workspace_locale: guild_locale.and_then(Locale::parse),
        now,
        source_id: Some(id.to_string()),
    })
}

fn press_invocation(press: &ComponentInteraction, now: DateTime<Utc>) -> Option<Invocation> {
    let locales = (press.locale.as_str(), press.guild_locale.as_deref());
    member_invocation(press.guild_id, &press.user, press.member.as_ref(), locales, press.id.get(), now)
}

fn modal_invocation(submit: &ModalInteraction, now: DateTime<Utc>) -> Option<Invocation> {
    let locales = (submit.locale.as_str(), submit.guild_locale.as_deref());
    member_invocation(submit.guild_id, &submit.user, submit.member.as_ref(), locales, submit.id.get(), now)
}

fn display_name(member: Option<&Member>, user: &User) -> String {
    member.and_then(|m| m.nick.clone()).or_else(|| user.global_name.clone()).unwrap_or_else(|| user.name.clone())
}

/// The invocation of a command interaction, or `None` outside a guild.
fn invocation(command: &CommandInteraction, now: DateTime<Utc>) -> Option<Invocation> {
    member_invocation(
        command.guild_id,
        &command.user,
        command.member.as_deref(),
        (command.locale.as_str(), command.guild_locale.as_deref()),
        command.id.get(),
        now,
    )
}

/// Carries out a slash command through the core.
pub async fn run_command(core: &Core, command: &CommandInteraction, now: DateTime<Utc>) -> Reply {
    let Some(invocation) = invocation(command, now) else {
        return Reply::error(
            Locale::parse(&command.locale).unwrap_or_default().t(Msg::Chat(ChatMsg::DiscordNeedsGuild)),
        );
    };
    // "Log to kam-bot" on a message: its text read into a draft, by whoever asked.
    if command.data.kind == serenity::model::application::CommandType::Message {
        let text = command
            .data
            .target_id
            .and_then(|id| command.data.resolved.messages.get(&id.to_message_id()))
            .map(|m| m.content.clone())
            .unwrap_or_default();
        return core.capture(&invocation, &truncate(&text, crate::domain::capture::MAX_SENTENCE_CHARS)).await;
    }
    let command_value = match to_command(command) {
        Ok(Command::Import(Import::Check(request))) => {
            with_attachment(command, request).await.map(|r| Command::Import(Import::Check(r)))
        }
        other => other,
    };
    core.run(&invocation, command_value).await
}

/// The largest file `/import` takes.
const MAX_IMPORT_BYTES: u32 = 10 * 1024 * 1024;

/// The import with its attached file's name and content, downloaded from where Discord keeps it.
async fn with_attachment(command: &CommandInteraction, mut request: ImportRequest) -> Result<ImportRequest, Msg> {
    let unreadable = || Msg::Import(ImportMsg::AttachmentUnreadable);
    let id = request.file_name.parse::<u64>().map_err(|_| unreadable())?;
    let attachment = command.data.resolved.attachments.get(&AttachmentId::new(id.max(1))).ok_or_else(unreadable)?;
    if attachment.size > MAX_IMPORT_BYTES {
        return Err(Msg::Import(ImportMsg::FileTooBig { max_mb: MAX_IMPORT_BYTES / 1024 / 1024 }));
    }
    static CLIENT: std::sync::OnceLock<reqwest::Client> = std::sync::OnceLock::new();
    let client = CLIENT.get_or_init(|| {
        reqwest::Client::builder().timeout(Duration::from_secs(20)).build().unwrap_or_else(|_| reqwest::Client::new())
    });
    let response = client.get(&attachment.url).send().await.and_then(|r| r.error_for_status()).map_err(|e| {
        warn!(error = %e.without_url(), "cannot download an attached file");
        unreadable()
    })?;
    // Read chunk by chunk, stopping at the bound whatever the attachment's size said.
    let mut response = response;
    let mut content: Vec<u8> = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|_| unreadable())? {
        if content.len() + chunk.len() > MAX_IMPORT_BYTES as usize {
            return Err(Msg::Import(ImportMsg::FileTooBig { max_mb: MAX_IMPORT_BYTES / 1024 / 1024 }));
        }
        content.extend_from_slice(&chunk);
    }
    request.file_name = attachment.filename.clone();
    request.content = Some(content);
    Ok(request)
}

/// The catalog entry a slash command names, down to its subcommand, with that entry's options.
fn leaf<'a>(
    name: &str,
    options: &'a [CommandDataOption],
) -> Result<(&'static catalog::CommandSpec, &'a [CommandDataOption]), Msg> {
    let spec = catalog::find(name).ok_or_else(|| catalog::unknown_command(name))?;
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
    Err(Msg::Onb(crate::i18n::Onb::MissingSubcommand { usage: crate::i18n::Usage(spec) }))
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
            CommandDataOptionValue::Attachment(file) => file.get().to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What `within` records for an interaction it defers.
    fn recorded(interaction: &Interaction) -> Option<String> {
        match interaction {
            Interaction::Command(command) => recorded_as(2, command),
            Interaction::Component(press) => recorded_as(3, press),
            Interaction::Modal(submit) => recorded_as(5, submit),
            _ => None,
        }
    }

    /// A command and a button press from a guild, as Discord sends them.
    fn sent(kind: u8) -> serde_json::Value {
        let mut payload = serde_json::json!({
            "id": "7001", "application_id": "1200000000000000000", "type": kind, "token": "dG9rZW4",
            "version": 1, "locale": "pt-BR", "guild_id": "111", "guild_locale": "pt-BR",
            "channel_id": "1300000000000000000", "app_permissions": "0", "entitlements": [],
            "authorizing_integration_owners": {"0": "111"}, "context": 0, "attachment_size_limit": 10485760,
            "member": {"user": {"id": "4242", "username": "ana", "discriminator": "0", "global_name": "Ana Souza",
                                "avatar": null},
                       "roles": [], "joined_at": "2024-01-01T00:00:00Z", "deaf": false, "mute": false,
                       "flags": 0, "permissions": "0"},
            "data": {"id": "1250000000000000000", "name": "account", "type": 1,
                     "options": [{"name": "name", "type": 3, "value": "Vale"}]}
        });
        if kind == 3 {
            payload["data"] = serde_json::json!({"custom_id": "run:/account Vale", "component_type": 2});
            payload["message"] = serde_json::json!({
                "id": "1400000000000000000", "channel_id": "1300000000000000000", "content": "", "tts": false,
                "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
                "pinned": false, "type": 0, "timestamp": "2026-12-07T12:00:00Z", "edited_timestamp": null,
                "author": {"id": "1200000000000000000", "username": "kam-bot", "discriminator": "0", "avatar": null}});
        }
        payload
    }

    #[test]
    fn a_recorded_interaction_reads_back_as_it_came() {
        for kind in [2, 3] {
            let interaction: Interaction = serde_json::from_value(sent(kind)).expect("serenity reads it");
            let record = recorded(&interaction).expect("recorded");
            let again: Interaction = serde_json::from_str(&record).expect("the record reads back");
            assert_eq!(recorded(&again), Some(record), "kind {kind}");
            match (&interaction, &again) {
                (Interaction::Command(a), Interaction::Command(b)) => {
                    assert_eq!((a.id, &a.token, &a.data.options), (b.id, &b.token, &b.data.options));
                }
                (Interaction::Component(a), Interaction::Component(b)) => {
                    assert_eq!((a.id, &a.token, &a.data.custom_id), (b.id, &b.token, &b.data.custom_id));
                }
                other => panic!("read back as another kind: {other:?}"),
            }
        }
        assert_eq!(
            recorded(
                &serde_json::from_value(serde_json::json!({"id": "1", "application_id": "1",
            "type": 1, "token": "x", "version": 1, "entitlements": [], "authorizing_integration_owners": {},
            "attachment_size_limit": 1, "user": {"id": "1", "username": "d", "discriminator": "0", "avatar": null}}))
                .unwrap()
            ),
            None,
            "a ping is answered at once, never owed"
        );
    }
}
