//! The typed form of a command, parsed without I/O: `/log Vale meeting "Plano 2027" --due 2026-12-10`.
//!
//! Grammar: an optional `/`, the command name, then words. A word that begins with `"`, `“` or `'`
//! runs to the matching close quote (inside double quotes `\"` and `\\` escape). An unquoted word
//! beginning with `--` (or a dash that a phone made of it, `—`) names an option; its value is the
//! next word or follows `=`. Other words fill the positional arguments in order; a greedy last
//! positional takes all that remain, joined by single spaces. A command with subcommands reads its
//! first unquoted word as the subcommand (`/opp add …`), or means its default one without it.

use crate::i18n::{Arg, Usage};
use crate::i18n::{InputMsg, PeopleMsg};
use std::collections::BTreeMap;

use super::catalog::{self, ArgSpec, ArgType, CommandSpec};
use crate::i18n::{Locale, Msg};

/// One word of the typed line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub quoted: bool,
}

/// The raw values of a command's arguments, checked for presence, length and range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub spec: &'static CommandSpec,
    values: BTreeMap<&'static str, String>,
}

impl Args {
    pub fn new(spec: &'static CommandSpec) -> Args {
        Args { spec, values: BTreeMap::new() }
    }

    /// Sets an argument, checking what can be checked without the database: length and range.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), Msg> {
        let spec = self.spec;
        let arg = spec.arg(name).ok_or_else(|| {
            Msg::Input(InputMsg::UnknownOption {
                command: spec.path,
                option: name.to_string(),
                accepted: spec.flag_list(),
            })
        })?;
        // The one door every argument comes through, typed or sent by a platform: no control
        // character gets in.
        let cleaned = crate::domain::text::without_controls(value);
        let value = cleaned.trim();
        if value.is_empty() {
            return Err(Msg::Input(InputMsg::MissingArgument {
                command: spec.path,
                arg: arg.name,
                usage: Usage(spec),
            }));
        }
        match arg.ty {
            ArgType::Text { max_chars } => check_length(arg, value, max_chars)?,
            ArgType::Account | ArgType::Person | ArgType::CommandName | ArgType::User | ArgType::Attachment => {
                check_length(arg, value, catalog::MAX_NAME_CHARS)?
            }
            ArgType::Kind | ArgType::Date | ArgType::Words(_) => check_length(arg, value, 40)?,
            ArgType::Switch => {
                if !matches!(value.to_ascii_lowercase().as_str(), "true" | "false") {
                    return Err(Msg::Input(InputMsg::BadChoice {
                        arg: Arg(arg),
                        value: shorten(value),
                        accepted: "true, false".to_string(),
                    }));
                }
            }
            ArgType::DateTime => check_length(arg, value, 40)?,
            ArgType::Choice(words) => {
                if !words.iter().any(|w| w.eq_ignore_ascii_case(value)) {
                    return Err(Msg::Input(InputMsg::BadChoice {
                        arg: Arg(arg),
                        value: shorten(value),
                        accepted: words.join(", "),
                    }));
                }
            }
            ArgType::Language => {
                if Locale::parse(value).is_none() {
                    return Err(Msg::People(PeopleMsg::UnknownLanguage { value: shorten(value) }));
                }
            }
            ArgType::Integer { min, max } => match value.parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => {}
                _ => {
                    return Err(Msg::Input(InputMsg::BadInteger { arg: Arg(arg), value: shorten(value), min, max }));
                }
            },
        }
        let value = match arg.ty {
            ArgType::Words(list) => match list.read(value) {
                Some(word) => word.code,
                None => return Err(Msg::Input(InputMsg::BadWord { arg: Arg(arg), value: shorten(value), list })),
            },
            _ => value,
        };
        self.values.insert(arg.name, value.to_string());
        Ok(())
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// A text argument, if given.
    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(str::to_string)
    }

    /// A text argument, in lower case (codes and choices).
    pub fn lower(&self, name: &str) -> Option<String> {
        self.get(name).map(str::to_ascii_lowercase)
    }

    /// A whole-number argument, if given (the parser has checked its range).
    pub fn number(&self, name: &str) -> Option<i64> {
        self.get(name).and_then(|v| v.parse::<i64>().ok())
    }

    /// Whether a switch (`--mine`) was given.
    pub fn switch(&self, name: &str) -> bool {
        self.get(name).is_some_and(|v| v.eq_ignore_ascii_case("true"))
    }

    /// A required argument; "missing X" without it.
    pub fn required(&self, name: &'static str) -> Result<String, Msg> {
        self.text(name).ok_or_else(|| self.missing(name))
    }

    /// "missing X, usage: …" for this command.
    pub fn missing(&self, name: &'static str) -> Msg {
        Msg::Input(InputMsg::MissingArgument { command: self.spec.path, arg: name, usage: Usage(self.spec) })
    }

    /// Fails with "missing X" for a required argument that was not given.
    pub fn check_required(&self) -> Result<(), Msg> {
        match self.spec.args.iter().find(|a| a.required && !self.values.contains_key(a.name)) {
            Some(arg) => Err(Msg::Input(InputMsg::MissingArgument {
                command: self.spec.path,
                arg: arg.name,
                usage: Usage(self.spec),
            })),
            None => Ok(()),
        }
    }

    /// The values as a JSON object, for the audit log.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.values).unwrap_or_else(|_| "{}".to_string())
    }
}

fn check_length(arg: &'static ArgSpec, value: &str, max: usize) -> Result<(), Msg> {
    if value.chars().count() > max {
        return Err(Msg::Input(InputMsg::TooLong { arg: Arg(arg), max }));
    }
    Ok(())
}

/// A value quoted back in an error, cut short.
fn shorten(value: &str) -> String {
    crate::domain::text::truncate(value, 40)
}

/// Parses one typed line into a command's arguments.
pub fn parse_line(line: &str) -> Result<Args, Msg> {
    let tokens = tokenize(line)?;
    let Some((first, rest)) = tokens.split_first() else {
        return Err(Msg::Input(InputMsg::EmptyCommand));
    };
    let name = first.text.strip_prefix('/').unwrap_or(&first.text);
    if name.is_empty() {
        return Err(Msg::Input(InputMsg::EmptyCommand));
    }
    let spec = catalog::find(name).ok_or_else(|| catalog::unknown_command(name))?;
    bind_line(spec, rest)
}

/// Fills the arguments of a command, or of the subcommand its first word names.
pub fn bind_line(spec: &'static CommandSpec, tokens: &[Token]) -> Result<Args, Msg> {
    let first = tokens.first().filter(|t| !t.quoted).map(|t| t.text.as_str());
    if let (Some((other, words)), Some(word)) = (spec.borrows, first)
        && words.iter().any(|w| super::option_words::names_subcommand(w, word))
        && let Some(sub) = catalog::find(other).and_then(|o| o.subcommand(word))
    {
        return bind(sub, &tokens[1..]);
    }
    if spec.subcommands.is_empty() {
        return bind(spec, tokens);
    }
    if let Some(sub) = first.and_then(|word| spec.subcommand(word)) {
        return bind(sub, &tokens[1..]);
    }
    match spec.default_subcommand.and_then(|name| spec.subcommand(name)) {
        Some(sub) => bind(sub, tokens),
        None => Err(Msg::Onb(crate::i18n::Onb::MissingSubcommand { usage: Usage(spec) })),
    }
}

/// Fills a command's arguments from the words after its name.
pub fn bind(spec: &'static CommandSpec, tokens: &[Token]) -> Result<Args, Msg> {
    let mut args = Args::new(spec);
    let mut positional: Vec<&str> = Vec::new();
    let mut iter = tokens.iter().peekable();
    while let Some(token) = iter.next() {
        let Some(flag) = flag_name(token) else {
            positional.push(&token.text);
            continue;
        };
        let (name, inline_value) = match flag.split_once('=') {
            Some((name, value)) => (name, Some(value.to_string())),
            None => (flag, None),
        };
        let arg = spec.flags().find(|a| super::option_words::names(a.name, name)).ok_or_else(|| {
            Msg::Input(InputMsg::UnknownOption {
                command: spec.path,
                option: shorten(name),
                accepted: spec.flag_list(),
            })
        })?;
        if args.get(arg.name).is_some() {
            return Err(Msg::Input(InputMsg::DuplicateOption { option: arg.name }));
        }
        let value = match inline_value {
            Some(value) => value,
            // A switch stands alone: `--mine`.
            None if arg.ty == ArgType::Switch => "true".to_string(),
            None => match iter.peek() {
                Some(next) if flag_name(next).is_none() => iter.next().map(|t| t.text.clone()).unwrap_or_default(),
                _ => String::new(),
            },
        };
        if value.trim().is_empty() {
            return Err(Msg::Input(InputMsg::OptionNeedsValue { option: arg.name, placeholder: Arg(arg) }));
        }
        args.set(arg.name, &value)?;
        // `--reason potential "Offshore spend grows"`: a quoted word after the value fills its companion.
        if let Some(companion) = arg.then
            && args.get(companion).is_none()
            && let Some(next) = iter.next_if(|t| t.quoted)
        {
            args.set(companion, &next.text)?;
        }
    }
    let mut words = positional.into_iter();
    for arg in spec.positionals() {
        let value = if arg.greedy {
            words.by_ref().collect::<Vec<_>>().join(" ")
        } else {
            words.next().map(str::to_string).unwrap_or_default()
        };
        if value.trim().is_empty() {
            if arg.required {
                return Err(Msg::Input(InputMsg::MissingArgument {
                    command: spec.path,
                    arg: arg.name,
                    usage: Usage(spec),
                }));
            }
            continue;
        }
        args.set(arg.name, &value)?;
    }
    if let Some(extra) = words.next() {
        return Err(Msg::Input(InputMsg::UnexpectedArgument { value: shorten(extra), usage: Usage(spec) }));
    }
    Ok(args)
}

/// The option a token names, if it is an unquoted `--name`, `--name=value` or `—name`.
fn flag_name(token: &Token) -> Option<&str> {
    if token.quoted {
        return None;
    }
    let rest = token.text.strip_prefix("--").or_else(|| token.text.strip_prefix('—'))?;
    (!rest.is_empty()).then_some(rest)
}

/// Splits a line into words, honouring quotes.
pub fn tokenize(line: &str) -> Result<Vec<Token>, Msg> {
    let mut tokens = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let Some(&first) = chars.peek() else { break };
        let close: Option<&[char]> = match first {
            '"' => Some(&['"']),
            '“' => Some(&['”', '"']),
            '\'' => Some(&['\'']),
            '‘' => Some(&['’', '\'']),
            _ => None,
        };
        let mut text = String::new();
        match close {
            Some(close) => {
                chars.next();
                let escapes = first != '\'' && first != '‘';
                let mut closed = false;
                while let Some(c) = chars.next() {
                    if escapes && c == '\\' && matches!(chars.peek(), Some('"' | '\\')) {
                        text.extend(chars.next());
                    } else if close.contains(&c) && chars.peek().is_none_or(|n| n.is_whitespace()) {
                        closed = true;
                        break;
                    } else {
                        text.push(c);
                    }
                }
                if !closed {
                    return Err(Msg::Input(InputMsg::UnbalancedQuotes));
                }
                tokens.push(Token { text, quoted: true });
            }
            None => {
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() {
                        break;
                    }
                    text.push(c);
                    chars.next();
                }
                tokens.push(Token { text, quoted: false });
            }
        }
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        tokenize(line).unwrap().into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokenizer_table() {
        for (line, expected) in [
            ("/account Vale", vec!["/account", "Vale"]),
            ("  /log   Vale  meeting ", vec!["/log", "Vale", "meeting"]),
            (r#"/log Vale meeting "Plano 2027""#, vec!["/log", "Vale", "meeting", "Plano 2027"]),
            ("/log Vale note “Visita técnica”", vec!["/log", "Vale", "note", "Visita técnica"]),
            ("/log Vale note 'Cliente pediu'", vec!["/log", "Vale", "note", "Cliente pediu"]),
            ("/log Vale note Client didn't sign", vec!["/log", "Vale", "note", "Client", "didn't", "sign"]),
            (r#"/log Vale note "say \"hi\" \\ bye""#, vec!["/log", "Vale", "note", r#"say "hi" \ bye"#]),
            (r#"/log Vale note "a"b""#, vec!["/log", "Vale", "note", "a\"b"]),
            ("", vec![]),
        ] {
            assert_eq!(words(line), expected, "{line}");
        }
    }

    #[test]
    fn unbalanced_quotes_are_refused() {
        for line in [r#"/log Vale note "unfinished"#, "/log Vale note 'open", "/log “Vale note", r#"/log "a\""#] {
            assert_eq!(tokenize(line), Err(Msg::Input(InputMsg::UnbalancedQuotes)), "{line}");
        }
    }

    #[test]
    fn binds_positionals_and_flags() {
        let args = parse_line(r#"/log Vale meeting "Plano 2027" --next "Enviar proposta" --due=2026-12-10"#).unwrap();
        assert_eq!(args.spec.name, "log");
        assert_eq!(args.get("account"), Some("Vale"));
        assert_eq!(args.get("kind"), Some("meeting"));
        assert_eq!(args.get("summary"), Some("Plano 2027"));
        assert_eq!(args.get("next"), Some("Enviar proposta"));
        assert_eq!(args.get("due"), Some("2026-12-10"));
        assert_eq!(args.get("when"), None);
    }

    #[test]
    fn greedy_positionals_join_words() {
        let args = parse_line("account Companhia Vale do Rio Doce").unwrap();
        assert_eq!(args.get("name"), Some("Companhia Vale do Rio Doce"));
        let args = parse_line("/log Vale note Client asked for a visit --when yesterday").unwrap();
        assert_eq!(args.get("summary"), Some("Client asked for a visit"));
        assert_eq!(args.get("when"), Some("yesterday"));
        let args = parse_line("/log Vale note —next call").unwrap_err();
        assert!(matches!(args, Msg::Input(InputMsg::MissingArgument { arg: "summary", .. })));
    }

    #[test]
    fn bad_input_table() {
        type Check = fn(&Msg) -> bool;
        let cases: Vec<(&str, Check)> = vec![
            ("", |m| matches!(m, Msg::Input(InputMsg::EmptyCommand))),
            ("/frobnicate", |m| matches!(m, Msg::Input(InputMsg::UnknownCommand { .. }))),
            ("/account", |m| matches!(m, Msg::Input(InputMsg::MissingArgument { arg: "name", .. }))),
            ("/log Vale", |m| matches!(m, Msg::Input(InputMsg::MissingArgument { arg: "kind", .. }))),
            ("/log Vale meeting", |m| matches!(m, Msg::Input(InputMsg::MissingArgument { arg: "summary", .. }))),
            ("/log Vale meeting x --colour red", |m| matches!(m, Msg::Input(InputMsg::UnknownOption { .. }))),
            ("/log Vale meeting x --due", |m| {
                matches!(m, Msg::Input(InputMsg::OptionNeedsValue { option: "due", .. }))
            }),
            ("/log Vale meeting x --due --next y", |m| {
                matches!(m, Msg::Input(InputMsg::OptionNeedsValue { option: "due", .. }))
            }),
            ("/log Vale meeting x --next a --next b", |m| {
                matches!(m, Msg::Input(InputMsg::DuplicateOption { option: "next" }))
            }),
            ("/history Vale 5 6", |m| matches!(m, Msg::Input(InputMsg::UnexpectedArgument { .. }))),
            ("/history Vale 0", |m| matches!(m, Msg::Input(InputMsg::BadInteger { .. }))),
            ("/history Vale many", |m| matches!(m, Msg::Input(InputMsg::BadInteger { .. }))),
            ("/history Vale 99999999999999999999", |m| matches!(m, Msg::Input(InputMsg::BadInteger { .. }))),
            ("/accounts --tier 4", |m| matches!(m, Msg::Input(InputMsg::BadInteger { .. }))),
            ("/log Vale meeting \"x", |m| matches!(m, Msg::Input(InputMsg::UnbalancedQuotes))),
            ("/log Vale meeting \"\"", |m| matches!(m, Msg::Input(InputMsg::MissingArgument { arg: "summary", .. }))),
        ];
        for (line, check) in cases {
            let err = parse_line(line).expect_err(line);
            assert!(check(&err), "{line}: {err:?}");
        }
    }

    #[test]
    fn length_limits() {
        let long = "x".repeat(catalog::MAX_SUMMARY_CHARS + 1);
        let err = parse_line(&format!("/log Vale note {long}")).unwrap_err();
        assert!(matches!(err, Msg::Input(InputMsg::TooLong { arg, .. }) if arg.name() == "summary"));
        let ok = "ç".repeat(catalog::MAX_SUMMARY_CHARS);
        assert!(parse_line(&format!("/log Vale note {ok}")).is_ok());
        let err = parse_line(&format!("/account {}", "a".repeat(101))).unwrap_err();
        assert!(matches!(err, Msg::Input(InputMsg::TooLong { arg, .. }) if arg.name() == "name"));
    }

    #[test]
    fn switches_take_no_value() {
        let args = parse_line("/meetings --mine --days 7").unwrap();
        assert_eq!((args.get("mine"), args.get("days")), (Some("true"), Some("7")));
        let args = parse_line("/meetings --days 7 --mine").unwrap();
        assert_eq!(args.get("mine"), Some("true"));
    }

    #[test]
    fn quoted_dashes_are_text() {
        let args = parse_line(r#"/log Vale note "--not a flag""#).unwrap();
        assert_eq!(args.get("summary"), Some("--not a flag"));
    }
}

/// Property tests: whatever is typed or sent, the parser and every command's argument handling
/// answer with a command or a message, never a panic. `PROPTEST_CASES` bounds the run (CI sets it).
#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::core::Command;

    /// Words a person might type: command names, flags, quotes, numbers, dates, accents, junk.
    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(catalog::leaves().map(|c| c.name).collect::<Vec<_>>()).prop_map(str::to_string),
            proptest::sample::select(
                catalog::leaves().flat_map(|c| c.args.iter().map(|a| format!("--{}", a.name))).collect::<Vec<_>>()
            ),
            "[a-zA-Z0-9çãéú]{1,12}",
            "\"[^\"]{0,20}\"",
            "[0-9]{1,4}(/[0-9]{1,2}){0,2}",
            "-?[0-9]{1,25}",
            "\\PC{0,15}",
            Just("—".to_string()),
            Just("'".to_string()),
            Just("“".to_string()),
        ]
    }

    proptest! {
        #[test]
        fn any_line_parses_or_is_refused(line in any::<String>()) {
            if let Ok(args) = parse_line(&line) {
                let _ = Command::from_args(&args);
            }
        }

        #[test]
        fn any_sequence_of_words_after_any_command(
            command in proptest::sample::select(catalog::CATALOG.iter().map(|c| c.name).collect::<Vec<_>>()),
            words in proptest::collection::vec(word(), 0..12),
        ) {
            let line = format!("/{command} {}", words.join(" "));
            match parse_line(&line) {
                Ok(args) => {
                    let built = Command::from_args(&args);
                    if let Ok(cmd) = built {
                        // A command built from a typed line names a catalog entry of that command.
                        prop_assert!(cmd.spec().path.starts_with(command) || cmd.spec().path.starts_with("accounts"));
                    }
                }
                Err(msg) => {
                    // A refusal renders in both languages.
                    for locale in Locale::ALL {
                        prop_assert!(!msg.clone().render(locale).is_empty());
                    }
                }
            }
        }

        #[test]
        fn any_value_for_any_argument(
            leaf in proptest::sample::select(catalog::leaves().collect::<Vec<_>>()),
            values in proptest::collection::vec("\\PC{0,60}", 0..10),
        ) {
            let mut args = Args::new(leaf);
            for (arg, value) in leaf.args.iter().zip(values.iter()) {
                let _ = args.set(arg.name, value);
            }
            let _ = Command::from_args(&args);
        }
    }
}
