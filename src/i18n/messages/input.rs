//! What a person is told when a typed or sent command is not one: unknown names, missing or bad values, names matching nothing or several.

use super::helpers::*;
use crate::i18n::Locale;
use crate::i18n::{Arg, Usage};

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum InputMsg {
    // Bad input.
    EmptyCommand,
    UnknownCommand {
        name: String,
        /// The commands there are: `/account, /accounts, …`.
        commands: String,
    },
    UnknownOption {
        command: &'static str,
        option: String,
        accepted: String,
    },
    MissingArgument {
        command: &'static str,
        arg: &'static str,
        usage: Usage,
    },
    UnexpectedArgument {
        value: String,
        usage: Usage,
    },
    DuplicateOption {
        option: &'static str,
    },
    OptionNeedsValue {
        option: &'static str,
        placeholder: Arg,
    },
    UnbalancedQuotes,
    TooLong {
        arg: Arg,
        max: usize,
    },
    BadInteger {
        arg: Arg,
        value: String,
        min: i64,
        max: i64,
    },
    BadDate {
        arg: &'static str,
        value: String,
    },
    NoSuchDay {
        arg: &'static str,
        value: String,
    },
    BadChoice {
        arg: Arg,
        value: String,
        accepted: String,
    },
    /// A word that is in none of a list's two languages.
    BadWord {
        arg: Arg,
        value: String,
        list: &'static crate::domain::vocabulary::Vocabulary,
    },
    AccountAmbiguous {
        query: String,
        names: Vec<String>,
    },
    ContactNotFound {
        name: String,
        account: String,
        known: Vec<String>,
    },
    ContactAmbiguous {
        name: String,
        names: Vec<String>,
    },
    NotAllowed {
        account: String,
    },
}

impl InputMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        match self {
            InputMsg::BadChoice { arg, value, accepted } => {
                let name = arg.label(l);
                p(
                    format!("{name} must be one of {accepted}, not “{value}”."),
                    format!("{name} deve ser um de {accepted}, não “{value}”."),
                )
            }
            InputMsg::BadWord { arg, value, list } => {
                let name = arg.label(l);
                let accepted = list.listed(l, ", ");
                p(
                    format!("{name} must be one of {accepted}, not “{value}”."),
                    format!("{name} deve ser um de {accepted}, não “{value}”."),
                )
            }
            InputMsg::EmptyCommand => s(
                "Type a command, for example /account Vale. /help lists them all.",
                "Digite um comando, por exemplo /account Vale. /help lista todos.",
            ),
            InputMsg::UnknownCommand { name, commands } => p(
                format!("Unknown command “{name}”. Commands: {commands}."),
                format!("Comando desconhecido “{name}”. Comandos: {commands}."),
            ),
            InputMsg::UnknownOption { command, option, accepted } => {
                if accepted.is_empty() {
                    p(
                        format!("/{command} takes no option “--{option}”."),
                        format!("/{command} não aceita a opção “--{option}”."),
                    )
                } else {
                    p(
                        format!("Unknown option “--{option}” for /{command}. Accepted: {accepted}."),
                        format!("Opção desconhecida “--{option}” para /{command}. Aceitas: {accepted}."),
                    )
                }
            }
            InputMsg::MissingArgument { command: _, arg, usage } => {
                let placeholder = usage.arg_label(arg, l).unwrap_or_else(|| arg.to_uppercase());
                p(
                    format!("Missing {placeholder}. Usage: {}", usage.usage(l)),
                    format!("Falta {placeholder}. Uso: {}", usage.usage(l)),
                )
            }
            InputMsg::UnexpectedArgument { value, usage } => p(
                format!("Unexpected “{value}” (quote text with spaces). Usage: {}", usage.usage(l)),
                format!("“{value}” sobrando (use aspas em textos com espaços). Uso: {}", usage.usage(l)),
            ),
            InputMsg::DuplicateOption { option } => {
                p(format!("--{option} was given twice."), format!("--{option} foi dado duas vezes."))
            }
            InputMsg::OptionNeedsValue { option, placeholder } => {
                let ph = placeholder.placeholder(l);
                p(
                    format!("--{option} needs a value: --{option} {ph}."),
                    format!("--{option} precisa de um valor: --{option} {ph}."),
                )
            }
            InputMsg::UnbalancedQuotes => s(
                "A quote is not closed. Put text with spaces between \"double quotes\".",
                "Uma aspa não foi fechada. Coloque textos com espaços entre \"aspas duplas\".",
            ),
            InputMsg::TooLong { arg, max } => {
                let name = arg.label(l);
                p(
                    format!("{name} is too long: at most {max} characters."),
                    format!("{name} é longo demais: no máximo {max} caracteres."),
                )
            }
            InputMsg::BadInteger { arg, value, min, max } => {
                let name = arg.label(l);
                p(
                    format!("{name} must be a whole number from {min} to {max}, not “{value}”."),
                    format!("{name} deve ser um número inteiro de {min} a {max}, não “{value}”."),
                )
            }
            InputMsg::BadDate { arg, value } => p(
                format!(
                    "“{value}” is not a date for --{arg}. Use 2026-12-10, 10/12, friday, next week, in 2 weeks, end of month or tomorrow."
                ),
                format!(
                    "“{value}” não é uma data para --{arg}. Use 10/12/2026, 10/12, sexta, semana que vem, em 2 semanas, fim do mês ou amanhã."
                ),
            ),
            InputMsg::NoSuchDay { arg, value } => p(
                format!("--{arg}: {value} is not a day of the calendar."),
                format!("--{arg}: {value} não é um dia do calendário."),
            ),
            InputMsg::AccountAmbiguous { query, names } => p(
                format!("“{query}” matches several accounts: {}. Say which.", list(&names)),
                format!("“{query}” corresponde a várias contas: {}. Diga qual.", list(&names)),
            ),
            InputMsg::ContactNotFound { name, account, known } => {
                if known.is_empty() {
                    p(
                        format!("{account} has no contacts yet, so “{name}” is unknown."),
                        format!("{account} ainda não tem contatos; “{name}” é desconhecido."),
                    )
                } else {
                    p(
                        format!("{account} has no contact “{name}”. Contacts: {}.", list(&known)),
                        format!("{account} não tem o contato “{name}”. Contatos: {}.", list(&known)),
                    )
                }
            }
            InputMsg::ContactAmbiguous { name, names } => p(
                format!("“{name}” matches several contacts: {}. Say which.", list(&names)),
                format!("“{name}” corresponde a vários contatos: {}. Diga qual.", list(&names)),
            ),
            InputMsg::NotAllowed { account } => p(
                format!("Only {account}'s owner, its technical manager, their managers and admins can change it."),
                format!(
                    "Só o responsável por {account}, o gerente técnico, os gestores deles e os administradores podem alterá-la."
                ),
            ),
        }
    }
}
