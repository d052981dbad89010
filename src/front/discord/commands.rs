//! Slash-command definitions derived from the catalog, with descriptions in English and
//! Brazilian Portuguese, and their registration in a guild or globally.

use crate::i18n::ChatMsg;
use crate::i18n::Translate;
use serenity::builder::{CreateCommand, CreateCommandOption};
use serenity::http::Http;
use serenity::model::application::{Command, CommandOptionType};
use serenity::model::id::GuildId;

use crate::core::catalog::{ArgSpec, ArgType, CATALOG, CommandSpec};
use crate::domain::kind::InteractionKind;
use crate::domain::text::truncate;
use crate::i18n::{Locale, Msg};

/// Discord caps descriptions at 100 characters.
const MAX_DESCRIPTION: usize = 100;

fn described(en: Msg) -> (String, String) {
    (truncate(&Locale::En.t(en.clone()), MAX_DESCRIPTION), truncate(&Locale::PtBr.t(en), MAX_DESCRIPTION))
}

/// The message command (type 3, on any message's "Apps" menu) that reads the message into a draft.
pub const LOG_MESSAGE: &str = "Log to kam-bot";
/// Its name for Brazilian users.
pub const LOG_MESSAGE_PT: &str = "Registrar no kam-bot";

/// Every command of the catalog as Discord registers it, then the message command.
pub fn definitions() -> Vec<CreateCommand> {
    let mut all: Vec<CreateCommand> = CATALOG.iter().copied().map(definition).collect();
    all.push(
        CreateCommand::new(LOG_MESSAGE)
            .kind(serenity::model::application::CommandType::Message)
            .name_localized("pt-BR", LOG_MESSAGE_PT)
            .contexts(vec![serenity::model::application::InteractionContext::Guild]),
    );
    all
}

fn definition(spec: &CommandSpec) -> CreateCommand {
    let (en, pt) = described(spec.summary.clone());
    // Every command works in a server only (a workspace is a server): none is offered in direct
    // messages, where each would refuse.
    let mut command = CreateCommand::new(spec.name)
        .name_localized("pt-BR", crate::core::option_words::command(spec.name))
        .description(en)
        .description_localized("pt-BR", pt)
        .contexts(vec![serenity::model::application::InteractionContext::Guild]);
    for arg in spec.args {
        command = command.add_option(option(arg));
    }
    for sub in spec.subcommands {
        command = command.add_option(subcommand(sub));
    }
    command
}

/// A subcommand (`/opp add`) with its own typed options.
fn subcommand(spec: &CommandSpec) -> CreateCommandOption {
    let (en, pt) = described(spec.summary.clone());
    let mut sub = CreateCommandOption::new(CommandOptionType::SubCommand, spec.name, en)
        .name_localized("pt-BR", crate::core::option_words::subcommand(spec.name))
        .description_localized("pt-BR", pt);
    for arg in spec.args {
        sub = sub.add_sub_option(option(arg));
    }
    sub
}

fn option(arg: &ArgSpec) -> CreateCommandOption {
    let (en, pt) = described(arg.help.clone());
    let kind = match arg.ty {
        ArgType::Integer { .. } => CommandOptionType::Integer,
        ArgType::Switch => CommandOptionType::Boolean,
        ArgType::User => CommandOptionType::User,
        ArgType::Attachment => CommandOptionType::Attachment,
        _ => CommandOptionType::String,
    };
    let option = CreateCommandOption::new(kind, arg.name, en)
        .name_localized("pt-BR", crate::core::option_words::portuguese(arg.name))
        .description_localized("pt-BR", pt)
        .required(arg.required);
    match arg.ty {
        // Commands are offered as they are typed, so the catalog can outgrow Discord's 25 choices.
        ArgType::Account | ArgType::Person | ArgType::CommandName => {
            option.set_autocomplete(true).max_length(crate::core::catalog::MAX_NAME_CHARS as u16)
        }
        ArgType::User | ArgType::Attachment => option,
        ArgType::Text { max_chars } => option.max_length(max_chars.min(6000) as u16),
        ArgType::Date | ArgType::DateTime => option.max_length(40),
        ArgType::Switch => option,
        ArgType::Integer { min, max } => option.min_int_value(min.max(0) as u64).max_int_value(max.max(0) as u64),
        ArgType::Kind => InteractionKind::ALL.into_iter().fold(option, |o, kind| {
            let en = Locale::En.t(Msg::Chat(ChatMsg::KindName(kind)));
            let pt = Locale::PtBr.t(Msg::Chat(ChatMsg::KindName(kind)));
            o.add_string_choice_localized(en, kind.keyword(), [("pt-BR", pt)])
        }),
        ArgType::Language => option
            .add_string_choice("English", Locale::En.tag())
            .add_string_choice("Português (Brasil)", Locale::PtBr.tag()),
        ArgType::Choice(words) => words.iter().fold(option, |o, w| o.add_string_choice(*w, *w)),
        ArgType::Words(list) => {
            list.0.iter().fold(option, |o, w| o.add_string_choice_localized(w.en, w.code, [("pt-BR", w.pt)]))
        }
    }
}

/// The definitions as the JSON Discord receives.
pub fn definitions_json() -> serde_json::Result<String> {
    serde_json::to_string_pretty(&definitions())
}

/// Registers every command: in one guild when given (they appear at once), else globally.
pub async fn register(http: &Http, guild: Option<u64>) -> serenity::Result<usize> {
    let definitions = definitions();
    let registered = match guild {
        Some(guild) => GuildId::new(guild).set_commands(http, definitions).await?,
        None => Command::set_global_commands(http, definitions).await?,
    };
    Ok(registered.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters Discord counts towards a command's 4 000: names, descriptions and choice
    /// names and values, of the command and every option, in the longest localization.
    fn counted(value: &serde_json::Value) -> usize {
        let text = |v: &serde_json::Value| v.as_str().map(|s| s.chars().count()).unwrap_or(0);
        let localized = |v: &serde_json::Value, key: &str| {
            let base = text(&v[key]);
            let pt = text(&v[format!("{key}_localizations")]["pt-BR"]);
            base.max(pt)
        };
        let mut n = localized(value, "name") + localized(value, "description");
        for choice in value["choices"].as_array().into_iter().flatten() {
            n += localized(choice, "name") + text(&choice["value"]);
        }
        for option in value["options"].as_array().into_iter().flatten() {
            n += counted(option);
        }
        n
    }

    fn check_limits(path: &str, value: &serde_json::Value) {
        let name = value["name"].as_str().unwrap();
        assert!(
            (1..=32).contains(&name.len()) && name.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '-'),
            "{path}: name {name}"
        );
        // The pt-BR name follows the same rule (Discord's `^[-_\p{L}\p{N}]{1,32}$`, lowercase).
        if let Some(pt) = value["name_localizations"]["pt-BR"].as_str() {
            assert!(
                (1..=32).contains(&pt.chars().count())
                    && pt.chars().all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '_' || c == '-'),
                "{path}: pt-BR name {pt}"
            );
        }
        let d = value["description"].as_str().unwrap_or("");
        assert!((1..=100).contains(&d.chars().count()), "{path}: description “{d}”");
        let pt = value["description_localizations"]["pt-BR"].as_str().unwrap_or("x");
        assert!((1..=100).contains(&pt.chars().count()), "{path}: pt-BR description “{pt}”");
        let choices = value["choices"].as_array().map(Vec::len).unwrap_or(0);
        assert!(choices <= 25, "{path}: {choices} choices");
        let options = value["options"].as_array().cloned().unwrap_or_default();
        assert!(options.len() <= 25, "{path}: {} options", options.len());
        // Option names are unique within a command, in each language.
        for key in ["name", "pt-BR"] {
            let names: Vec<&str> = options
                .iter()
                .filter_map(
                    |o| if key == "name" { o["name"].as_str() } else { o["name_localizations"]["pt-BR"].as_str() },
                )
                .collect();
            let unique: std::collections::BTreeSet<&&str> = names.iter().collect();
            assert_eq!(unique.len(), names.len(), "{path}: option names repeat in {key}: {names:?}");
        }
        let mut seen_optional = false;
        for o in &options {
            let required = o["required"].as_bool().unwrap_or(false);
            assert!(!(required && seen_optional), "{path}: a required option after an optional one");
            seen_optional |= !required;
            check_limits(&format!("{path} {}", o["name"].as_str().unwrap_or("?")), o);
        }
    }

    #[test]
    fn every_command_stays_within_discords_limits() {
        let json: serde_json::Value = serde_json::from_str(&definitions_json().unwrap()).unwrap();
        let all = json.as_array().unwrap();
        // Brazilian users see the commands and their options in Portuguese.
        let account = all.iter().find(|c| c["name"] == "account").unwrap();
        assert_eq!(account["name_localizations"]["pt-BR"], "conta");
        let log = all.iter().find(|c| c["name"] == "log").unwrap();
        assert_eq!(log["name_localizations"]["pt-BR"], "registrar");
        let due = log["options"].as_array().unwrap().iter().find(|o| o["name"] == "due").unwrap();
        assert_eq!(due["name_localizations"]["pt-BR"], "prazo");
        let opp = all.iter().find(|c| c["name"] == "opp").unwrap();
        let moves = opp["options"].as_array().unwrap().iter().find(|o| o["name"] == "move").unwrap();
        assert_eq!(moves["name_localizations"]["pt-BR"], "mover");
        // discord-api-types: ApplicationCommandType.ChatInput = 1 (the default), Message = 3.
        let (messages, commands): (Vec<_>, Vec<_>) = all.iter().partition(|c| c["type"] == 3);
        assert!(commands.len() <= 100);
        // A message command: 1 to 32 characters, any case and spaces, no description or options.
        assert_eq!(messages.len(), 1);
        for m in &messages {
            for name in [&m["name"], &m["name_localizations"]["pt-BR"]] {
                let name = name.as_str().unwrap();
                assert!((1..=32).contains(&name.chars().count()), "{name}");
            }
            assert!(m["options"].as_array().is_none_or(Vec::is_empty));
            assert!(m["description"].as_str().unwrap_or("").is_empty());
        }
        for command in commands {
            let name = command["name"].as_str().unwrap();
            check_limits(name, command);
            assert!(counted(command) <= 4000, "/{name} counts {} characters", counted(command));
            // A command has either options or subcommands, never both.
            let options = command["options"].as_array().cloned().unwrap_or_default();
            let subs = options.iter().filter(|o| o["type"] == 1).count();
            assert!(subs == 0 || subs == options.len(), "/{name} mixes subcommands and options");
        }
    }

    #[test]
    fn every_command_is_offered_in_servers_only() {
        let json: serde_json::Value = serde_json::from_str(&definitions_json().unwrap()).unwrap();
        let commands = json.as_array().unwrap();
        assert!(!commands.is_empty());
        // discord-api-types: InteractionContextType.Guild = 0, BotDM = 1, PrivateChannel = 2.
        for c in commands {
            assert_eq!(c["contexts"], serde_json::json!([0]), "{}", c["name"]);
        }
    }

    #[test]
    fn administration_is_registered_as_subcommands() {
        let json: serde_json::Value = serde_json::from_str(&definitions_json().unwrap()).unwrap();
        let find = |name: &str| json.as_array().unwrap().iter().find(|c| c["name"] == name).cloned().unwrap();
        let accounts = find("accounts");
        let subs: Vec<&str> =
            accounts["options"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap()).collect();
        assert_eq!(subs, ["list", "add", "set", "archive", "restore", "merge"]);
        let add = &accounts["options"][1];
        assert_eq!(add["type"], 1);
        assert_eq!(add["options"][0]["name"], "name");
        assert_eq!(add["options"][0]["required"], true);
        let tier = add["options"].as_array().unwrap().iter().find(|o| o["name"] == "tier").unwrap();
        assert_eq!(tier["type"], 4);
        let opp = find("opp");
        let subs: Vec<&str> = opp["options"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap()).collect();
        assert_eq!(subs, ["list", "add", "move"]);
        let link = find("people")["options"].as_array().unwrap().iter().find(|o| o["name"] == "link").cloned().unwrap();
        assert_eq!(link["options"][1]["type"], 6, "a Discord user option");
        // The card stays `/account NAME`.
        assert_eq!(find("account")["options"][0]["name"], "name");
        // Help offers commands by autocomplete, not a list of choices.
        let help = find("help");
        assert_eq!(help["options"][0]["autocomplete"], true);
        assert!(help["options"][0]["choices"].as_array().is_none_or(Vec::is_empty));
    }

    #[test]
    fn every_command_is_defined_with_both_languages() {
        let json: serde_json::Value = serde_json::from_str(&definitions_json().unwrap()).unwrap();
        let commands = json.as_array().unwrap();
        // The catalog's commands, then the message command.
        assert_eq!(commands.len(), CATALOG.len() + 1);
        assert_eq!(commands[CATALOG.len()]["name"], LOG_MESSAGE);
        for (command, spec) in commands.iter().zip(CATALOG) {
            assert_eq!(command["name"], spec.name);
            let description = command["description"].as_str().unwrap();
            assert!(!description.is_empty() && description.chars().count() <= 100);
            assert!(command["description_localizations"]["pt-BR"].as_str().is_some_and(|d| d != description));
            let options = command["options"].as_array().map(Vec::len).unwrap_or(0);
            assert_eq!(options, spec.args.len() + spec.subcommands.len(), "/{}", spec.name);
        }
    }

    #[test]
    fn options_carry_types_choices_and_autocomplete() {
        let json: serde_json::Value = serde_json::from_str(&definitions_json().unwrap()).unwrap();
        let log = json.as_array().unwrap().iter().find(|c| c["name"] == "log").unwrap();
        let account = &log["options"][0];
        assert_eq!((account["name"].as_str(), account["type"].as_u64()), (Some("account"), Some(3)));
        assert_eq!(account["autocomplete"], true);
        assert_eq!(account["required"], true);
        let kind = &log["options"][1];
        assert_eq!(kind["choices"].as_array().unwrap().len(), InteractionKind::ALL.len());
        assert_eq!(kind["choices"][0]["name_localizations"]["pt-BR"], "reunião");
        let history = json.as_array().unwrap().iter().find(|c| c["name"] == "history").unwrap();
        let count = &history["options"][1];
        assert_eq!(
            (count["type"].as_u64(), count["min_value"].as_u64(), count["max_value"].as_u64()),
            (Some(4), Some(1), Some(50))
        );
        assert_eq!(count["required"], false);
    }
}
