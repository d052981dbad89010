//! Commands as typed values, built from checked arguments whatever the platform they came from.

use crate::domain::account::Role;
use crate::domain::pipeline::Stage;
use serde::Serialize;

use super::catalog::{self, CommandSpec};
use super::parse::Args;
use crate::domain::kind::InteractionKind;
use crate::i18n::Msg;

/// A request the core can carry out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    Account {
        query: String,
    },
    Accounts {
        tier: Option<i64>,
        owner: Option<String>,
        /// Which page of the list (1 when not given).
        page: i64,
    },
    /// Adds a key account (managers and admins).
    AccountAdd(AccountRequest),
    /// Changes one field of an account.
    AccountSet {
        account: String,
        field: String,
        value: String,
    },
    /// Archives an account (`archive: true`) or brings it back (managers and admins).
    AccountArchive {
        account: String,
        archive: bool,
    },
    Log(LogRequest),
    History {
        account: String,
        count: i64,
        page: i64,
    },
    /// The health score of an account, component by component.
    Health {
        account: String,
    },
    /// The accounts whose health is lowest.
    Risks {
        page: i64,
    },
    /// Shows, or (admins) sets, the weights of the health score.
    Weights {
        component: Option<String>,
        weight: Option<i64>,
    },
    /// Lists, adds or moves opportunities.
    Opp(OppRequest),
    /// Qualifies an account, shows its qualification, or (without one) lists the re-tiering.
    Qualify {
        account: Option<String>,
        scores: [Option<i64>; 5],
        /// Sets the suggested tier.
        apply: bool,
    },
    /// Records the yearly review of an account plan.
    Review(ReviewRequest),
    /// Shows an account's last yearly review, or the one of a year.
    ReviewShow {
        account: String,
        year: Option<i64>,
    },
    /// Shows or edits an account plan.
    Plan(PlanRequest),
    /// The stakeholder map of an account.
    Contacts {
        account: String,
        page: i64,
    },
    /// Adds a contact to an account, or changes one.
    Contact(ContactRequest),
    /// Marks an account's open next step as done.
    Done {
        account: String,
        /// A booked meeting (its number) that was held, rather than the open next step.
        meeting: Option<i64>,
    },
    /// Quiets an account's reminders for some days.
    Snooze {
        account: String,
        days: Option<i64>,
    },
    /// The brief for the next meeting with an account.
    Prep {
        account: String,
    },
    /// The competitors in an account.
    Competitors {
        account: String,
    },
    /// Adds or updates a competitor in an account.
    Competitor {
        account: String,
        name: String,
        share: Option<String>,
        threat: Option<String>,
        note: Option<String>,
    },
    /// Shows the share of wallet over time, or records a period.
    Wallet {
        account: String,
        spend: Option<String>,
        revenue: Option<String>,
        period: Option<i64>,
        /// A period to remove.
        remove: Option<i64>,
    },
    /// Schedules a meeting with an account.
    Meeting {
        account: String,
        when: String,
        kind: String,
        with: Option<String>,
    },
    /// Lists the meetings to come.
    Meetings {
        mine: bool,
        days: i64,
        page: i64,
    },
    /// A manager's portfolio digest, on demand.
    Digest {
        team: Option<String>,
        /// Every account's detail, not only the one screen sent each week.
        full: bool,
    },
    /// Shows the job schedules, or (admins) sets one, or the workspace's time zone.
    Schedule {
        job: Option<String>,
        value: Option<String>,
    },
    /// Lists the people of the workspace, or (admins) gives one a role.
    People {
        action: PeopleAction,
    },
    /// Everything held about a contact (`erase: false`), or its erasure (admins).
    Privacy {
        erase: bool,
        account: String,
        contact: String,
    },
    /// Checks a file of accounts, contacts or people and offers to import it (admins).
    Import(ImportRequest),
    /// Imports a file checked before, when its admin presses the button (not typed).
    ImportConfirm {
        pending: i64,
    },
    /// Shows, or with a value sets, the language the bot answers the person in.
    Language {
        language: Option<String>,
    },
    Help {
        topic: Option<String>,
    },
}

/// What `/log` records. Dates stay as typed until the person's calendar day is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogRequest {
    pub account: String,
    #[serde(serialize_with = "kind_code")]
    pub kind: InteractionKind,
    pub summary: String,
    pub contact: Option<String>,
    pub next: Option<String>,
    pub due: Option<String>,
    pub when: Option<String>,
    /// -1 negative, 0 neutral, 1 positive.
    pub tone: Option<i64>,
}

fn kind_code<S: serde::Serializer>(kind: &InteractionKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.code())
}

/// What `/opp` does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OppRequest {
    List { account: String, page: i64 },
    Add { account: String, title: String, value: String, close: Option<String> },
    Move { id: String, stage: Stage, reason: Option<String> },
}

/// The answers of a yearly review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewRequest {
    pub account: String,
    pub objectives: String,
    pub value: String,
    pub changes: String,
    pub depth: String,
    pub rating: i64,
    pub next: Option<String>,
}

/// What `/plan` does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanRequest {
    pub account: String,
    pub action: Option<String>,
    pub what: Option<String>,
    pub text: Option<String>,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub year: Option<i64>,
}

/// What `/contact add|set` records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactRequest {
    pub add: bool,
    pub account: String,
    pub name: String,
    pub title: Option<String>,
    pub department: Option<String>,
    pub role: Option<String>,
    pub stance: Option<String>,
    pub strength: Option<i64>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// What `/people` does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeopleAction {
    List { page: i64 },
    SetRole { person: String, role: Role },
    Add { name: String, role: Role, manager: Option<String> },
    Set { person: String, role: Option<Role>, manager: Option<String>, name: Option<String> },
    Remove { person: String, to: String },
    Link { person: String, user: String },
}

/// A file to import, as a front end received it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportRequest {
    pub kind: String,
    pub file_name: String,
    /// The file's content; a typed line has none (it cannot carry a file).
    #[serde(skip)]
    pub content: Option<Vec<u8>>,
}

/// A key account to add, as typed: values are read and checked by the command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct AccountRequest {
    pub name: String,
    pub tier: Option<i64>,
    pub owner: Option<String>,
    pub tech: Option<String>,
    pub segment: Option<String>,
    pub spend: Option<String>,
    pub revenue: Option<String>,
    pub margin: Option<String>,
    pub ceiling: Option<String>,
    pub cadence: Option<i64>,
    pub review: Option<String>,
    pub reason: Option<String>,
    pub why: Option<String>,
    pub alias: Option<String>,
}

pub const DEFAULT_HISTORY: i64 = 10;

impl Command {
    /// Builds the command from arguments already checked for presence, length and range.
    pub fn from_args(args: &Args) -> Result<Command, Msg> {
        args.check_required()?;
        let text = |name: &str| args.get(name).map(str::to_string);
        let required = |name: &'static str| {
            args.get(name).map(str::to_string).ok_or(Msg::MissingArgument {
                command: args.spec.path,
                arg: name,
                usage: args.spec,
            })
        };
        let number = |name: &str| args.get(name).and_then(|v| v.parse::<i64>().ok());
        let switch = |name: &str| args.get(name).is_some_and(|v| v.eq_ignore_ascii_case("true"));
        let lower = |name: &str| args.get(name).map(str::to_ascii_lowercase);
        // The parser has read the word into its code already.
        let required_role = || {
            required("role")?.parse::<Role>().map_err(|_| Msg::MissingArgument {
                command: args.spec.path,
                arg: "role",
                usage: args.spec,
            })
        };
        Ok(match args.spec.path {
            "account" => Command::Account { query: required("name")? },
            "accounts list" => {
                Command::Accounts { tier: number("tier"), owner: text("owner"), page: number("page").unwrap_or(1) }
            }
            "accounts add" => Command::AccountAdd(AccountRequest {
                name: required("name")?,
                tier: number("tier"),
                owner: text("owner"),
                tech: text("tech"),
                segment: text("segment"),
                spend: text("spend"),
                revenue: text("revenue"),
                margin: text("margin"),
                ceiling: text("ceiling"),
                cadence: number("cadence"),
                review: text("review"),
                reason: lower("reason"),
                why: text("why"),
                alias: text("alias"),
            }),
            "accounts set" => Command::AccountSet {
                account: required("account")?,
                field: required("field")?.to_ascii_lowercase(),
                value: required("value")?,
            },
            "accounts archive" => Command::AccountArchive { account: required("account")?, archive: true },
            "accounts restore" => Command::AccountArchive { account: required("account")?, archive: false },
            "log" => {
                let kind_text = required("kind")?;
                let kind = InteractionKind::parse(&kind_text)
                    .ok_or_else(|| Msg::UnknownKind { value: crate::domain::text::truncate(&kind_text, 40) })?;
                Command::Log(LogRequest {
                    account: required("account")?,
                    kind,
                    summary: required("summary")?,
                    contact: text("contact"),
                    next: text("next"),
                    due: text("due"),
                    when: text("when"),
                    tone: args.get("tone").map(|t| match t.to_ascii_lowercase().as_str() {
                        "positive" => 1,
                        "negative" => -1,
                        _ => 0,
                    }),
                })
            }
            "history" => Command::History {
                account: required("account")?,
                count: number("count").unwrap_or(DEFAULT_HISTORY),
                page: number("page").unwrap_or(1),
            },
            "opp list" => {
                Command::Opp(OppRequest::List { account: required("account")?, page: number("page").unwrap_or(1) })
            }
            "opp add" => Command::Opp(OppRequest::Add {
                account: required("account")?,
                title: required("title")?,
                value: required("value")?,
                close: text("close"),
            }),
            "opp move" => Command::Opp(OppRequest::Move {
                id: required("id")?,
                stage: Stage::read(&required("stage")?).ok_or(Msg::MissingArgument {
                    command: args.spec.path,
                    arg: "stage",
                    usage: args.spec,
                })?,
                reason: text("reason"),
            }),
            "qualify" => Command::Qualify {
                account: text("account"),
                scores: [
                    number("potential"),
                    number("leadership"),
                    number("profitability"),
                    number("fit"),
                    number("strength"),
                ],
                apply: switch("apply"),
            },
            // With none of the four answers, the review is shown; with some, all are needed.
            "review" if ["objectives", "value", "changes", "depth", "rating"].iter().all(|a| args.get(a).is_none()) => {
                Command::ReviewShow { account: required("account")?, year: number("year") }
            }
            "review" => Command::Review(ReviewRequest {
                account: required("account")?,
                objectives: required("objectives")?,
                value: required("value")?,
                changes: required("changes")?,
                depth: required("depth")?,
                rating: number("rating").ok_or(Msg::MissingArgument {
                    command: args.spec.path,
                    arg: "rating",
                    usage: args.spec,
                })?,
                next: text("next"),
            }),
            "plan" => Command::Plan(PlanRequest {
                account: required("account")?,
                action: text("action").map(|a| a.to_ascii_lowercase()),
                what: text("what").map(|w| w.to_ascii_lowercase()),
                text: text("text"),
                owner: text("owner"),
                due: text("due"),
                year: number("year"),
            }),
            "health" => Command::Health { account: required("account")? },
            "risks" => Command::Risks { page: number("page").unwrap_or(1) },
            "weights" => Command::Weights {
                component: text("component").map(|c| c.to_ascii_lowercase()),
                weight: number("weight"),
            },
            "contacts" => Command::Contacts { account: required("account")?, page: number("page").unwrap_or(1) },
            "contact add" | "contact set" => Command::Contact(ContactRequest {
                add: args.spec.name == "add",
                account: required("account")?,
                name: required("name")?,
                title: text("title"),
                department: text("department"),
                role: text("role").map(|r| r.to_ascii_lowercase()),
                stance: text("stance").map(|s| s.to_ascii_lowercase()),
                strength: number("strength"),
                email: text("email"),
                phone: text("phone"),
            }),
            "competitors" => Command::Competitors { account: required("account")? },
            "prep" => Command::Prep { account: required("account")? },
            "done" => Command::Done { account: required("account")?, meeting: number("meeting") },
            "snooze" => Command::Snooze { account: required("account")?, days: number("days") },
            "competitor" => Command::Competitor {
                account: required("account")?,
                name: required("name")?,
                share: text("share"),
                threat: text("threat").map(|t| t.to_ascii_lowercase()),
                note: text("note"),
            },
            "wallet" => Command::Wallet {
                account: required("account")?,
                spend: text("spend"),
                revenue: text("revenue"),
                period: number("period"),
                remove: number("remove"),
            },
            "meeting" => Command::Meeting {
                account: required("account")?,
                when: required("when")?,
                kind: args.get("kind").unwrap_or("planning").to_ascii_lowercase(),
                with: text("with"),
            },
            "meetings" => Command::Meetings {
                mine: switch("mine"),
                days: number("days").unwrap_or(14),
                page: number("page").unwrap_or(1),
            },
            "digest" => Command::Digest { team: text("team"), full: switch("full") },
            "schedule" => {
                let job = args.get("job").map(str::to_ascii_lowercase);
                Command::Schedule { job, value: text("value") }
            }
            "people list" => Command::People { action: PeopleAction::List { page: number("page").unwrap_or(1) } },
            "people role" => Command::People {
                action: PeopleAction::SetRole { person: required("person")?, role: required_role()? },
            },
            "people add" => Command::People {
                action: PeopleAction::Add { name: required("name")?, role: required_role()?, manager: text("manager") },
            },
            "people set" => Command::People {
                action: PeopleAction::Set {
                    person: required("person")?,
                    role: args.get("role").and_then(Role::read),
                    manager: text("manager"),
                    name: text("name"),
                },
            },
            "people remove" => {
                Command::People { action: PeopleAction::Remove { person: required("person")?, to: required("to")? } }
            }
            "people link" => {
                Command::People { action: PeopleAction::Link { person: required("person")?, user: required("user")? } }
            }
            "privacy export" | "privacy erase" => Command::Privacy {
                erase: args.spec.name == "erase",
                account: required("account")?,
                contact: required("name")?,
            },
            "import" => Command::Import(ImportRequest {
                kind: required("kind")?.to_ascii_lowercase(),
                file_name: required("file")?,
                content: None,
            }),
            "language" => Command::Language { language: text("language") },
            "help" => {
                let command = text("command");
                if let Some(name) = command.as_deref().filter(|name| catalog::find(name).is_none()) {
                    return Err(Msg::UnknownCommand { name: crate::domain::text::truncate(name, 40) });
                }
                Command::Help { topic: command }
            }
            other => return Err(Msg::UnknownCommand { name: other.to_string() }),
        })
    }

    /// The catalog entry of this command.
    pub fn spec(&self) -> &'static CommandSpec {
        let path = match self {
            Command::Account { .. } => "account",
            Command::Accounts { .. } => "accounts list",
            Command::AccountAdd(_) => "accounts add",
            Command::AccountSet { .. } => "accounts set",
            Command::AccountArchive { archive: true, .. } => "accounts archive",
            Command::AccountArchive { archive: false, .. } => "accounts restore",
            Command::Log(_) => "log",
            Command::History { .. } => "history",
            Command::Opp(OppRequest::List { .. }) => "opp list",
            Command::Opp(OppRequest::Add { .. }) => "opp add",
            Command::Opp(OppRequest::Move { .. }) => "opp move",
            Command::Qualify { .. } => "qualify",
            Command::Review(_) | Command::ReviewShow { .. } => "review",
            Command::Plan(_) => "plan",
            Command::Health { .. } => "health",
            Command::Risks { .. } => "risks",
            Command::Weights { .. } => "weights",
            Command::Contacts { .. } => "contacts",
            Command::Contact(ContactRequest { add: true, .. }) => "contact add",
            Command::Contact(_) => "contact set",
            Command::Competitors { .. } => "competitors",
            Command::Prep { .. } => "prep",
            Command::Done { .. } => "done",
            Command::Snooze { .. } => "snooze",
            Command::Competitor { .. } => "competitor",
            Command::Wallet { .. } => "wallet",
            Command::Meeting { .. } => "meeting",
            Command::Meetings { .. } => "meetings",
            Command::Digest { .. } => "digest",
            Command::Schedule { .. } => "schedule",
            Command::People { action: PeopleAction::List { .. } } => "people list",
            Command::People { action: PeopleAction::SetRole { .. } } => "people role",
            Command::People { action: PeopleAction::Add { .. } } => "people add",
            Command::People { action: PeopleAction::Set { .. } } => "people set",
            Command::People { action: PeopleAction::Remove { .. } } => "people remove",
            Command::People { action: PeopleAction::Link { .. } } => "people link",
            Command::Import(_) | Command::ImportConfirm { .. } => "import",
            Command::Privacy { erase: false, .. } => "privacy export",
            Command::Privacy { erase: true, .. } => "privacy erase",
            Command::Language { .. } => "language",
            Command::Help { .. } => "help",
        };
        // Every variant names a catalog entry; a test checks it.
        catalog::find_path(path).unwrap_or(&catalog::CATALOG[0])
    }

    /// Whether the command changes data (and so is audited).
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Command::Log(_)
                | Command::Plan(PlanRequest { action: Some(_), .. })
                | Command::Review(_)
                | Command::Weights { weight: Some(_), .. }
                | Command::Opp(OppRequest::Add { .. } | OppRequest::Move { .. })
                | Command::Qualify { scores: [Some(_), ..], .. }
                | Command::Qualify { apply: true, .. }
                | Command::AccountAdd(_)
                | Command::ImportConfirm { .. }
                | Command::Privacy { erase: true, .. }
                | Command::AccountSet { .. }
                | Command::AccountArchive { .. }
                | Command::Contact(_)
                | Command::Competitor { .. }
                | Command::Wallet { spend: Some(_), .. }
                | Command::Wallet { revenue: Some(_), .. }
                | Command::Meeting { .. }
                | Command::Schedule { value: Some(_), .. }
                | Command::Language { language: Some(_) }
                | Command::People {
                    action: PeopleAction::SetRole { .. }
                        | PeopleAction::Add { .. }
                        | PeopleAction::Set { .. }
                        | PeopleAction::Remove { .. }
                        | PeopleAction::Link { .. }
                }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse_line;

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
        assert!(matches!(cmd, Command::AccountAdd(AccountRequest { ref name, tier: Some(2), .. }) if name == "Gerdau"));
        let same = Command::from_args(&parse_line("/accounts add Gerdau --tier 2").unwrap()).unwrap();
        assert_eq!(cmd, same);
        // A quoted first word is a name, not a subcommand.
        let card = Command::from_args(&parse_line("/account \"add\"").unwrap()).unwrap();
        assert_eq!(card, Command::Account { query: "add".into() });
        let list = Command::from_args(&parse_line("/opp Vale do Rio Doce").unwrap()).unwrap();
        assert_eq!(list, Command::Opp(OppRequest::List { account: "Vale do Rio Doce".into(), page: 1 }));
        let people = Command::from_args(&parse_line("/people").unwrap()).unwrap();
        assert_eq!(people, Command::People { action: PeopleAction::List { page: 1 } });
        let err = parse_line("/contact Vale Marcos").unwrap_err();
        assert!(matches!(err, Msg::Onb(crate::i18n::Onb::MissingSubcommand { .. })), "{err:?}");
        let reason =
            Command::from_args(&parse_line("/account add Gerdau --reason potential \"New mill\" --tier 2").unwrap())
                .unwrap();
        let Command::AccountAdd(req) = reason else { panic!("not an add") };
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
        assert!(Command::Log(req).writes());
    }

    #[test]
    fn unknown_kind_and_help_topic() {
        let err = Command::from_args(&parse_line("/log Vale lunch fun").unwrap()).unwrap_err();
        assert!(matches!(err, Msg::UnknownKind { .. }));
        let err = Command::from_args(&parse_line("/help frob").unwrap()).unwrap_err();
        assert!(matches!(err, Msg::UnknownCommand { .. }));
    }

    #[test]
    fn history_defaults_to_ten() {
        let cmd = Command::from_args(&parse_line("/history Vale").unwrap()).unwrap();
        assert_eq!(cmd, Command::History { account: "Vale".into(), count: DEFAULT_HISTORY, page: 1 });
    }

    #[test]
    fn serializes_for_the_audit_log() {
        let cmd = Command::from_args(&parse_line("/log Vale call Checked in").unwrap()).unwrap();
        let json = serde_json::to_string(&cmd).unwrap();
        assert!(json.contains(r#""command":"log""#), "{json}");
        assert!(json.contains(r#""kind":"call""#), "{json}");
    }
}
