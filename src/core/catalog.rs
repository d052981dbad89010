//! What a command is: its name, arguments, types and help texts. Every command's file declares its
//! own [`CommandSpec`]; the catalog is their list ([`CATALOG`], kept in `commands`), from which
//! help, the text parser, Discord registration and Slack parsing all derive.

use super::command::Command;
use super::parse::Args;
use crate::domain::vocabulary::Vocabulary;
use crate::i18n::Translate;
use crate::i18n::{ArgWords, CommandWords, Locale, Msg};
use crate::i18n::{HelpMsg, InputMsg};

pub use super::commands::CATALOG;

/// The type of an argument, which says what is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgType {
    /// Free text of at most this many characters.
    Text { max_chars: usize },
    /// An account name, alias or prefix (autocompleted where the platform can).
    Account,
    /// A person of the workspace.
    Person,
    /// A kind of interaction.
    Kind,
    /// A date: ISO, Brazilian or a relative word.
    Date,
    /// A whole number in a range.
    Integer { min: i64, max: i64 },
    /// A language the bot speaks: `en` or `pt-BR`.
    Language,
    /// The name of a command of this catalog.
    CommandName,
    /// One word of a fixed list of names (jobs, fields, components): the same in both languages.
    Choice(&'static [&'static str]),
    /// One value of a list of domain words, typed in English or Portuguese; read as its code.
    Words(&'static Vocabulary),
    /// An option without a value: present or not (`--mine`).
    Switch,
    /// A day with an optional time: `2026-12-10 14:00`, `10/12/2026 14h30`, `tomorrow 9:00`.
    DateTime,
    /// A chat user: a Discord user option, a Slack mention `<@U…>`, or a platform user id.
    User,
    /// A file attached to the command (Discord); typed lines cannot carry one.
    Attachment,
}

/// One argument of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgSpec {
    /// The name: the flag (`--due`) for options, the placeholder (`ACCOUNT`) for positionals.
    pub name: &'static str,
    pub ty: ArgType,
    pub required: bool,
    /// Given as `--name VALUE` rather than by position.
    pub flag: bool,
    /// A positional that takes every remaining word (`/account Companhia Vale do Rio Doce`).
    pub greedy: bool,
    pub help: Msg,
    /// In typed lines, a quoted word right after this option's value fills that option too:
    /// `--reason potential "Offshore spend grows"` sets `--reason` and `--why`.
    pub then: Option<&'static str>,
}

/// How a command's typed request is built from its checked arguments.
pub type Build = fn(&Args) -> Result<Command, Msg>;

/// One command of the bot.
#[derive(Debug, Clone)]
pub struct CommandSpec {
    pub name: &'static str,
    pub summary: Msg,
    pub args: &'static [ArgSpec],
    /// A typical use, shown by help.
    pub example: &'static str,
    /// The same use typed with Portuguese words, where the English one has words to translate.
    pub example_pt: Option<&'static str>,
    /// The full name as typed: `accounts add` for a subcommand, the name itself otherwise.
    pub path: &'static str,
    /// The subcommands of a command whose first word chooses what it does (`/opp add`, `/opp move`);
    /// on Discord they are real subcommands with their own typed options.
    pub subcommands: &'static [&'static CommandSpec],
    /// The subcommand a typed line without a subcommand word means (`/opp Vale` is `/opp list Vale`).
    pub default_subcommand: Option<&'static str>,
    /// In typed lines only (terminal, Slack): first words that name a subcommand of another
    /// command, so `/account add Gerdau` is `/accounts add Gerdau`. Discord cannot give a command
    /// both options and subcommands, so there the forms live under the other command only.
    pub borrows: Option<(&'static str, &'static [&'static str])>,
    /// Builds the command's request from its arguments (a group's subcommands build their own).
    pub build: Build,
}

/// Commands are told apart by their full name.
impl PartialEq for CommandSpec {
    fn eq(&self, other: &CommandSpec) -> bool {
        self.path == other.path
    }
}

impl Eq for CommandSpec {}

pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_SUMMARY_CHARS: usize = 2000;
pub const MAX_NEXT_STEP_CHARS: usize = 500;
pub const MAX_HISTORY: i64 = 50;

pub const fn positional(name: &'static str, ty: ArgType, required: bool, greedy: bool, help: Msg) -> ArgSpec {
    ArgSpec { name, ty, required, flag: false, greedy, help, then: None }
}

pub const fn option(name: &'static str, ty: ArgType, help: Msg) -> ArgSpec {
    ArgSpec { name, ty, required: false, flag: true, greedy: false, help, then: None }
}

pub const fn required_option(name: &'static str, ty: ArgType, help: Msg) -> ArgSpec {
    ArgSpec { name, ty, required: true, flag: true, greedy: false, help, then: None }
}

/// `--page N`: which page of a long list.
pub const PAGE_OPTION: ArgSpec = option("page", ArgType::Integer { min: 1, max: 100_000 }, Msg::Help(HelpMsg::ArgPage));

/// An option whose value may be followed, in typed lines, by a quoted companion value.
pub const fn option_then(name: &'static str, ty: ArgType, help: Msg, then: &'static str) -> ArgSpec {
    ArgSpec { name, ty, required: false, flag: true, greedy: false, help, then: Some(then) }
}

/// A command without subcommands (or a subcommand: then the path is `parent name`), built by
/// `$build`; `pt:` gives the example typed with Portuguese words.
macro_rules! leaf {
    ($name:expr, $path:expr, $summary:expr, $args:expr, $example:expr, $build:expr $(, pt: $pt:expr)? $(,)?) => {
        $crate::core::catalog::CommandSpec {
            name: $name,
            summary: $summary,
            args: $args,
            example: $example,
            example_pt: {
                #[allow(unused_mut, unused_assignments)]
                let mut pt: Option<&'static str> = None;
                $(pt = Some($pt);)?
                pt
            },
            path: $path,
            subcommands: &[],
            default_subcommand: None,
            borrows: None,
            build: $build,
        }
    };
}
pub(crate) use leaf;

/// A command whose first word chooses a subcommand; `default` is the one a line without it means.
macro_rules! group {
    ($name:expr, $summary:expr, $subcommands:expr, $default:expr, $example:expr $(, pt: $pt:expr)? $(,)?) => {
        $crate::core::catalog::CommandSpec {
            name: $name,
            summary: $summary,
            args: &[],
            example: $example,
            example_pt: {
                #[allow(unused_mut, unused_assignments)]
                let mut pt: Option<&'static str> = None;
                $(pt = Some($pt);)?
                pt
            },
            path: $name,
            subcommands: $subcommands,
            default_subcommand: $default,
            borrows: None,
            build: $crate::core::catalog::not_a_leaf,
        }
    };
}
pub(crate) use group;

/// What a group's own spec builds: nothing, since a line always names (or defaults to) one of
/// its subcommands.
pub fn not_a_leaf(args: &Args) -> Result<Command, Msg> {
    Err(unknown_command(args.spec.path))
}

/// A name: of an account, a contact, a person.
pub const NAME: ArgType = ArgType::Text { max_chars: MAX_NAME_CHARS };
/// An amount of money as typed (`2,5M`).
pub const MONEY: ArgType = ArgType::Text { max_chars: 30 };
/// A percentage as typed (`18,5%`).
pub const PERCENT: ArgType = ArgType::Text { max_chars: 10 };
/// `ACCOUNT`, taking every remaining word.
pub const ACCOUNT_REST: ArgSpec = positional("account", ArgType::Account, true, true, Msg::Help(HelpMsg::ArgAccount));
/// `ACCOUNT`, one word (or quoted) before others.
pub const ACCOUNT_FIRST: ArgSpec = positional("account", ArgType::Account, true, false, Msg::Help(HelpMsg::ArgAccount));

/// The command of this name, English or Portuguese (case-insensitive, with or without the
/// slash, with or without accents).
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    let name = name.trim().trim_start_matches('/');
    let name = super::option_words::command_named(name).unwrap_or(name);
    CATALOG.iter().find(|c| c.name.eq_ignore_ascii_case(name)).copied()
}

/// The command or subcommand of this full name: `account`, `accounts add`, `opp move`.
pub fn find_path(path: &str) -> Option<&'static CommandSpec> {
    let mut words = path.split_whitespace();
    let top = find(words.next()?)?;
    match words.next() {
        None => Some(top),
        Some(sub) => top.subcommand(sub).filter(|_| words.next().is_none()),
    }
}

/// Every command and subcommand that carries out something: the leaves of the catalog.
pub fn leaves() -> impl Iterator<Item = &'static CommandSpec> {
    CATALOG.iter().flat_map(|c| if c.subcommands.is_empty() { std::slice::from_ref(c) } else { c.subcommands }).copied()
}

/// `/account`, `/accounts`, ...: the names, for "accepted" lists.
pub fn command_list() -> String {
    CATALOG.iter().map(|c| format!("/{}", c.name)).collect::<Vec<_>>().join(", ")
}

/// "Unknown command X. Commands: …", the name cut short.
pub fn unknown_command(name: &str) -> Msg {
    Msg::Input(InputMsg::UnknownCommand { name: crate::domain::text::truncate(name, 40), commands: command_list() })
}

/// How messages name a command.
impl CommandWords for CommandSpec {
    fn path(&self) -> &'static str {
        self.path
    }

    fn name(&self) -> &'static str {
        self.name
    }

    fn usage(&self, locale: Locale) -> String {
        CommandSpec::usage(self, locale)
    }

    fn subcommand_names(&self) -> Vec<&'static str> {
        self.subcommands.iter().map(|c| c.name).collect()
    }

    fn arg_label(&self, arg: &str, locale: Locale) -> Option<String> {
        self.arg(arg).map(|a| a.label(locale))
    }
}

/// How messages name an argument.
impl ArgWords for ArgSpec {
    fn name(&self) -> &'static str {
        self.name
    }

    fn label(&self, locale: Locale) -> String {
        match self.ty {
            _ if self.flag => format!("--{}", self.name),
            ArgType::Choice(_) | ArgType::Words(_) => {
                Msg::Help(HelpMsg::PhNamed(self.name)).render(locale).to_uppercase()
            }
            _ => ArgSpec::placeholder(self, locale),
        }
    }

    fn placeholder(&self, locale: Locale) -> String {
        ArgSpec::placeholder(self, locale)
    }
}

impl CommandSpec {
    pub fn arg(&self, name: &str) -> Option<&'static ArgSpec> {
        self.args.iter().find(|a| a.name == name)
    }

    /// The subcommand of this name, English or Portuguese (case-insensitive, with or without
    /// accents): `add` or `adicionar`.
    pub fn subcommand(&self, name: &str) -> Option<&'static CommandSpec> {
        self.subcommands.iter().find(|c| super::option_words::names_subcommand(c.name, name)).copied()
    }

    pub fn positionals(&self) -> impl Iterator<Item = &'static ArgSpec> {
        self.args.iter().filter(|a| !a.flag)
    }

    pub fn flags(&self) -> impl Iterator<Item = &'static ArgSpec> {
        self.args.iter().filter(|a| a.flag)
    }

    /// `/log ACCOUNT KIND SUMMARY [--contact NAME] ...`, with placeholders in the reader's language;
    /// for a command with subcommands (or that borrows some), one line a form.
    pub fn usage(&self, locale: Locale) -> String {
        if !self.subcommands.is_empty() {
            return self.subcommands.iter().map(|s| s.usage(locale)).collect::<Vec<_>>().join("\n");
        }
        let mut lines = vec![self.usage_as(self.path, locale)];
        if let Some((other, words)) = self.borrows {
            for sub in words.iter().filter_map(|w| find(other).and_then(|o| o.subcommand(w))) {
                lines.push(sub.usage_as(&format!("{} {}", self.name, sub.name), locale));
            }
        }
        lines.join("\n")
    }

    /// The usage line of this command typed as `typed`.
    fn usage_as(&self, typed: &str, locale: Locale) -> String {
        let mut out = format!("/{typed}");
        for arg in self.args {
            let part = arg.typed(locale);
            if arg.required {
                out.push(' ');
                out.push_str(&part);
            } else {
                out.push_str(&format!(" [{part}]"));
            }
        }
        out
    }

    /// `--contact, --next, --due, --when`, or an empty string.
    pub fn flag_list(&self) -> String {
        self.flags().map(|a| format!("--{}", a.name)).collect::<Vec<_>>().join(", ")
    }
}

impl CommandSpec {
    /// The typical use shown by help, in the reader's language.
    pub fn example(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::PtBr => self.example_pt.unwrap_or(self.example),
            Locale::En => self.example,
        }
    }
}

impl ArgSpec {
    /// How the argument is typed in the reader's language: `--prazo DATA`, `--minhas`, `CONTA`.
    pub fn typed(&self, locale: Locale) -> String {
        let flag = match locale {
            Locale::PtBr => super::option_words::portuguese(self.name),
            Locale::En => self.name,
        };
        match (self.flag, self.ty) {
            (true, ArgType::Switch) => format!("--{flag}"),
            (true, _) => format!("--{flag} {}", self.placeholder(locale)),
            (false, _) => self.placeholder(locale),
        }
    }

    /// What stands for the value in usage lines: `ACCOUNT`, `DATE`, `N`...
    pub fn placeholder(&self, locale: Locale) -> String {
        let word = match self.ty {
            // Two accounts of one command are told apart by their names (`/account merge FROM INTO`).
            ArgType::Account if matches!(self.name, "from" | "into") => Msg::Help(HelpMsg::PhNamed(self.name)),
            ArgType::Account => Msg::Help(HelpMsg::PhAccount),
            ArgType::Person => Msg::Help(HelpMsg::PhPerson),
            ArgType::Kind => Msg::Help(HelpMsg::PhKind),
            ArgType::Date => Msg::Help(HelpMsg::PhDate),
            ArgType::Integer { .. } => Msg::Help(HelpMsg::PhNumber),
            ArgType::Language => return "en|pt-BR".to_string(),
            ArgType::Choice(words) => return words.join("|"),
            ArgType::Words(list) => return list.listed(locale, "|"),
            ArgType::Switch => return String::new(),
            ArgType::DateTime => Msg::Help(HelpMsg::PhWhen),
            ArgType::User => Msg::Help(HelpMsg::PhUser),
            ArgType::Attachment => Msg::Help(HelpMsg::PhFile),
            ArgType::Text { .. } | ArgType::CommandName => Msg::Help(HelpMsg::PhNamed(self.name)),
        };
        locale.t(word).to_uppercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_and_lowercase() {
        let mut seen = HashSet::new();
        for c in CATALOG.iter().chain(CATALOG.iter().flat_map(|c| c.subcommands)).copied() {
            assert!(c.path.ends_with(c.name), "{} is not named by its path {}", c.name, c.path);
            assert!(seen.insert(c.path), "duplicate command {}", c.path);
            assert_eq!(c.name, c.name.to_lowercase());
            let mut args = HashSet::new();
            for a in c.args {
                assert!(args.insert(a.name), "duplicate argument {} of {}", a.name, c.name);
                assert!(!(a.flag && a.greedy), "a flag cannot be greedy");
            }
        }
    }

    #[test]
    fn only_the_last_positional_is_greedy_and_required_ones_come_first() {
        for c in leaves() {
            let positionals: Vec<_> = c.positionals().collect();
            for (i, a) in positionals.iter().enumerate() {
                if a.greedy {
                    assert_eq!(i, positionals.len() - 1, "{}: greedy {} is not last", c.name, a.name);
                }
                if a.required && i > 0 {
                    assert!(positionals[i - 1].required, "{}: required {} after an optional one", c.name, a.name);
                }
            }
        }
    }

    #[test]
    fn examples_parse() {
        for c in CATALOG.iter().copied().chain(leaves()) {
            let parsed = crate::core::parse::parse_line(c.example);
            assert!(parsed.is_ok(), "example of /{} does not parse: {:?}", c.name, parsed.err());
        }
    }

    #[test]
    fn required_arguments_come_first_as_discord_demands() {
        for c in leaves() {
            let first_optional = c.args.iter().position(|a| !a.required).unwrap_or(c.args.len());
            assert!(c.args[first_optional..].iter().all(|a| !a.required), "/{}", c.name);
        }
    }

    #[test]
    fn usage_lines() {
        let log = find("log").unwrap();
        assert_eq!(
            log.usage(Locale::En),
            "/log ACCOUNT KIND SUMMARY [--contact NAME] [--next TEXT] [--due DATE] [--when DATE] [--tone positive|neutral|negative]"
        );
        assert_eq!(
            log.usage(Locale::PtBr),
            "/log CONTA TIPO RESUMO [--contato NOME] [--proximo TEXTO] [--prazo DATA] [--quando DATA] [--tom positivo|neutro|negativo]"
        );
        assert_eq!(find("/HISTORY").map(|c| c.name), Some("history"));
        assert!(find("nope").is_none());
    }

    #[test]
    fn the_portuguese_help_examples_have_no_english_left() {
        use crate::i18n::pt_review::english_in;
        let mut specs: Vec<&CommandSpec> = CATALOG.to_vec();
        specs.extend(CATALOG.iter().flat_map(|c| c.subcommands.iter().copied()));
        for spec in specs {
            let example = spec.example(crate::i18n::Locale::PtBr);
            // Quoted texts and words typed as values count; the command and its options do not.
            assert!(english_in(example).is_empty(), "{}: {example} ({:?})", spec.path, english_in(example));
        }
    }
}
