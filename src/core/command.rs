//! Commands as typed values, built from checked arguments whatever the platform they came from.

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
    },
    Log(LogRequest),
    History {
        account: String,
        count: i64,
    },
    /// The health score of an account, component by component.
    Health {
        account: String,
    },
    /// The accounts whose health is lowest.
    Risks,
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
    },
    /// Records the yearly review of an account plan.
    Review(ReviewRequest),
    /// Shows or edits an account plan.
    Plan(PlanRequest),
    /// The stakeholder map of an account.
    Contacts {
        account: String,
    },
    /// Adds a contact to an account, or changes one.
    Contact(ContactRequest),
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
    },
    /// A manager's portfolio digest, on demand.
    Digest {
        team: Option<String>,
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
    List { account: String },
    Add { account: String, title: String, value: String, close: Option<String> },
    Move { id: String, stage: String, reason: Option<String> },
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
    List,
    SetRole { person: String, role: String },
}

pub const DEFAULT_HISTORY: i64 = 10;

impl Command {
    /// Builds the command from arguments already checked for presence, length and range.
    pub fn from_args(args: &Args) -> Result<Command, Msg> {
        args.check_required()?;
        let text = |name: &str| args.get(name).map(str::to_string);
        let required = |name: &'static str| {
            args.get(name).map(str::to_string).ok_or(Msg::MissingArgument {
                command: args.spec.name,
                arg: name,
                usage: args.spec,
            })
        };
        let number = |name: &str| args.get(name).and_then(|v| v.parse::<i64>().ok());
        Ok(match args.spec.name {
            "account" => Command::Account { query: required("name")? },
            "accounts" => Command::Accounts { tier: number("tier"), owner: text("owner") },
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
            "history" => {
                Command::History { account: required("account")?, count: number("count").unwrap_or(DEFAULT_HISTORY) }
            }
            "opp" => {
                let target = required("target")?;
                let missing = |part: &'static str| Msg::OppMissing { part, usage: args.spec };
                match target.to_ascii_lowercase().as_str() {
                    "add" => Command::Opp(OppRequest::Add {
                        account: text("first").ok_or_else(|| missing("account"))?,
                        title: text("second").ok_or_else(|| missing("title"))?,
                        value: text("third").ok_or_else(|| missing("value"))?,
                        close: text("close"),
                    }),
                    "move" => Command::Opp(OppRequest::Move {
                        id: text("first").ok_or_else(|| missing("id"))?,
                        stage: text("second").ok_or_else(|| missing("stage"))?.to_ascii_lowercase(),
                        reason: text("reason"),
                    }),
                    _ => {
                        // An account name of several words may come unquoted.
                        let words: Vec<String> =
                            ["target", "first", "second", "third"].iter().filter_map(|a| text(a)).collect();
                        Command::Opp(OppRequest::List { account: words.join(" ") })
                    }
                }
            }
            "qualify" => Command::Qualify {
                account: text("account"),
                scores: [
                    number("potential"),
                    number("leadership"),
                    number("profitability"),
                    number("fit"),
                    number("strength"),
                ],
            },
            "review" => Command::Review(ReviewRequest {
                account: required("account")?,
                objectives: required("objectives")?,
                value: required("value")?,
                changes: required("changes")?,
                depth: required("depth")?,
                rating: number("rating").unwrap_or(3),
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
            "risks" => Command::Risks,
            "weights" => Command::Weights {
                component: text("component").map(|c| c.to_ascii_lowercase()),
                weight: number("weight"),
            },
            "contacts" => Command::Contacts { account: required("account")? },
            "contact" => Command::Contact(ContactRequest {
                add: args.get("action").is_some_and(|a| a.eq_ignore_ascii_case("add")),
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
            },
            "meeting" => Command::Meeting {
                account: required("account")?,
                when: required("when")?,
                kind: args.get("kind").unwrap_or("planning").to_ascii_lowercase(),
                with: text("with"),
            },
            "meetings" => Command::Meetings {
                mine: args.get("mine").is_some_and(|v| v.eq_ignore_ascii_case("true")),
                days: number("days").unwrap_or(14),
            },
            "digest" => Command::Digest { team: text("team") },
            "schedule" => {
                let job = args.get("job").map(str::to_ascii_lowercase);
                Command::Schedule { job, value: text("value") }
            }
            "people" => {
                let action = args.get("action").map(str::to_ascii_lowercase);
                match action.as_deref() {
                    None | Some("list") => Command::People { action: PeopleAction::List },
                    _ => Command::People {
                        action: PeopleAction::SetRole {
                            person: required("person")?,
                            role: required("role")?.to_ascii_lowercase(),
                        },
                    },
                }
            }
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
        let name = match self {
            Command::Account { .. } => "account",
            Command::Accounts { .. } => "accounts",
            Command::Log(_) => "log",
            Command::History { .. } => "history",
            Command::Opp(_) => "opp",
            Command::Qualify { .. } => "qualify",
            Command::Review(_) => "review",
            Command::Plan(_) => "plan",
            Command::Health { .. } => "health",
            Command::Risks => "risks",
            Command::Weights { .. } => "weights",
            Command::Contacts { .. } => "contacts",
            Command::Contact(_) => "contact",
            Command::Competitors { .. } => "competitors",
            Command::Competitor { .. } => "competitor",
            Command::Wallet { .. } => "wallet",
            Command::Meeting { .. } => "meeting",
            Command::Meetings { .. } => "meetings",
            Command::Digest { .. } => "digest",
            Command::Schedule { .. } => "schedule",
            Command::People { .. } => "people",
            Command::Language { .. } => "language",
            Command::Help { .. } => "help",
        };
        // Every variant names a catalog entry; a test checks it.
        catalog::find(name).unwrap_or(&catalog::CATALOG[0])
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
                | Command::Contact(_)
                | Command::Competitor { .. }
                | Command::Wallet { spend: Some(_), .. }
                | Command::Wallet { revenue: Some(_), .. }
                | Command::Meeting { .. }
                | Command::Schedule { value: Some(_), .. }
                | Command::Language { language: Some(_) }
                | Command::People { action: PeopleAction::SetRole { .. } }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse_line;

    #[test]
    fn every_catalog_entry_builds_its_own_command() {
        for spec in catalog::CATALOG {
            let command = Command::from_args(&parse_line(spec.example).unwrap()).unwrap();
            assert_eq!(command.spec().name, spec.name);
        }
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
        assert_eq!(cmd, Command::History { account: "Vale".into(), count: DEFAULT_HISTORY });
    }

    #[test]
    fn serializes_for_the_audit_log() {
        let cmd = Command::from_args(&parse_line("/log Vale call Checked in").unwrap()).unwrap();
        let json = serde_json::to_string(&cmd).unwrap();
        assert!(json.contains(r#""command":"log""#), "{json}");
        assert!(json.contains(r#""kind":"call""#), "{json}");
    }
}
