//! Slash-command definitions derived from the catalog, with descriptions in English and
//! Brazilian Portuguese, and their registration in a guild or globally.

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

/// Every command of the catalog as Discord registers it.
pub fn definitions() -> Vec<CreateCommand> {
    CATALOG.iter().map(definition).collect()
}

fn definition(spec: &CommandSpec) -> CreateCommand {
    let (en, pt) = described(spec.summary.clone());
    let mut command = CreateCommand::new(spec.name).description(en).description_localized("pt-BR", pt);
    for arg in spec.args {
        command = command.add_option(option(arg));
    }
    command
}

fn option(arg: &ArgSpec) -> CreateCommandOption {
    let (en, pt) = described(arg.help.clone());
    let kind = match arg.ty {
        ArgType::Integer { .. } => CommandOptionType::Integer,
        ArgType::Switch => CommandOptionType::Boolean,
        _ => CommandOptionType::String,
    };
    let option = CreateCommandOption::new(kind, arg.name, en).description_localized("pt-BR", pt).required(arg.required);
    match arg.ty {
        ArgType::Account | ArgType::Person => {
            option.set_autocomplete(true).max_length(crate::core::catalog::MAX_NAME_CHARS as u16)
        }
        ArgType::Text { max_chars } => option.max_length(max_chars.min(6000) as u16),
        ArgType::Date | ArgType::DateTime => option.max_length(40),
        ArgType::Switch => option,
        ArgType::Integer { min, max } => option.min_int_value(min.max(0) as u64).max_int_value(max.max(0) as u64),
        ArgType::Kind => InteractionKind::ALL.into_iter().fold(option, |o, kind| {
            let en = Locale::En.t(Msg::KindName(kind));
            let pt = Locale::PtBr.t(Msg::KindName(kind));
            o.add_string_choice_localized(en, kind.keyword(), [("pt-BR", pt)])
        }),
        ArgType::Language => option
            .add_string_choice("English", Locale::En.tag())
            .add_string_choice("Português (Brasil)", Locale::PtBr.tag()),
        ArgType::Choice(words) => words.iter().fold(option, |o, w| o.add_string_choice(*w, *w)),
        ArgType::CommandName => CATALOG.iter().fold(option, |o, c| o.add_string_choice(format!("/{}", c.name), c.name)),
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

    #[test]
    fn every_command_is_defined_with_both_languages() {
        let json: serde_json::Value = serde_json::from_str(&definitions_json().unwrap()).unwrap();
        let commands = json.as_array().unwrap();
        assert_eq!(commands.len(), CATALOG.len());
        for (command, spec) in commands.iter().zip(CATALOG) {
            assert_eq!(command["name"], spec.name);
            let description = command["description"].as_str().unwrap();
            assert!(!description.is_empty() && description.chars().count() <= 100);
            assert!(command["description_localizations"]["pt-BR"].as_str().is_some_and(|d| d != description));
            let options = command["options"].as_array().map(Vec::len).unwrap_or(0);
            assert_eq!(options, spec.args.len(), "/{}", spec.name);
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
