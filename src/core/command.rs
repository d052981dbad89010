//! Commands as typed values, built from checked arguments whatever the platform they came from.
//! Each command's file declares its request type and how it is read; [`Command`] gathers them.

pub use super::commands::Command;
use super::parse::Args;
use crate::i18n::Msg;

impl Command {
    /// Builds the command from arguments already checked for presence, length and range.
    pub fn from_args(args: &Args) -> Result<Command, Msg> {
        args.check_required()?;
        (args.spec.build)(args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog;
    use crate::core::commands::account::Card;
    use crate::core::commands::accounts::{AccountRequest, Accounts};
    use crate::core::commands::history::{DEFAULT_HISTORY, History};
    use crate::core::commands::opp::OppRequest;
    use crate::core::commands::people::PeopleAction;
    use crate::core::parse::parse_line;
    use crate::domain::kind::InteractionKind;
    use crate::i18n::{InputMsg, LogMsg};

    #[test]
    fn every_catalog_entry_builds_its_own_command() {
        for spec in catalog::leaves() {
            let command = Command::from_args(&parse_line(spec.example).unwrap()).unwrap();
            assert_eq!(command.spec().path, spec.path);
            // The Portuguese example means the same command, typed with Portuguese words.
            let pt = spec.example(crate::i18n::Locale::PtBr);
            let command = parse_line(pt).and_then(|args| Command::from_args(&args));
            assert_eq!(command.map(|c| c.spec().path), Ok(spec.path), "{pt}");
        }
    }

    #[test]
    fn subcommands_and_borrowed_forms() {
        let cmd = Command::from_args(&parse_line("/account add Gerdau --tier 2").unwrap()).unwrap();
        let Command::Accounts(Accounts::Add(ref add)) = cmd else { panic!("not an add") };
        assert!(matches!(**add, AccountRequest { ref name, tier: Some(2), .. } if name == "Gerdau"));
        let same = Command::from_args(&parse_line("/accounts add Gerdau --tier 2").unwrap()).unwrap();
        assert_eq!(cmd, same);
        // A quoted first word is a name, not a subcommand.
        let card = Command::from_args(&parse_line("/account \"add\"").unwrap()).unwrap();
        assert_eq!(card, Command::Account(Card { query: "add".into() }));
        let list = Command::from_args(&parse_line("/opp Vale do Rio Doce").unwrap()).unwrap();
        assert_eq!(list, Command::Opp(OppRequest::List { account: "Vale do Rio Doce".into(), page: 1 }));
        let people = Command::from_args(&parse_line("/people").unwrap()).unwrap();
        assert_eq!(people, Command::People(PeopleAction::List { page: 1 }));
        let err = parse_line("/contact Vale Marcos").unwrap_err();
        assert!(matches!(err, Msg::Onb(crate::i18n::Onb::MissingSubcommand { .. })), "{err:?}");
        let reason =
            Command::from_args(&parse_line("/account add Gerdau --reason potential \"New mill\" --tier 2").unwrap())
                .unwrap();
        let Command::Accounts(Accounts::Add(req)) = reason else { panic!("not an add") };
        assert_eq!(
            (req.reason.as_deref(), req.why.as_deref(), req.tier),
            (Some("potential"), Some("New mill"), Some(2))
        );
    }

    #[test]
    fn log_request() {
        let cmd =
            Command::from_args(&parse_line(r#"/log Vale reunião "Plano 2027" --due 10/12/2026"#).unwrap()).unwrap();
        let Command::Log(req) = cmd else { panic!("not a log") };
        assert_eq!(req.kind, InteractionKind::Meeting);
        assert_eq!(req.due.as_deref(), Some("10/12/2026"));
    }

    #[test]
    fn unknown_kind_and_help_topic() {
        let err = Command::from_args(&parse_line("/log Vale banquet fun").unwrap()).unwrap_err();
        assert!(matches!(err, Msg::Log(LogMsg::UnknownKind { .. })));
        let err = Command::from_args(&parse_line("/help frob").unwrap()).unwrap_err();
        assert!(matches!(err, Msg::Input(InputMsg::UnknownCommand { .. })));
    }

    #[test]
    fn history_defaults_to_ten() {
        let cmd = Command::from_args(&parse_line("/history Vale").unwrap()).unwrap();
        assert_eq!(cmd, Command::History(History { account: "Vale".into(), count: DEFAULT_HISTORY, page: 1 }));
    }

    #[test]
    fn serializes_for_the_audit_log() {
        let cmd = Command::from_args(&parse_line("/log Vale call Checked in").unwrap()).unwrap();
        let json = serde_json::to_string(&cmd).unwrap();
        assert!(json.contains(r#""command":"log""#), "{json}");
        assert!(json.contains(r#""kind":"call""#), "{json}");
    }
}
