//! The one description of every command: names, arguments, types and help texts. Help, the text
//! parser, Discord registration and Slack parsing all derive from it.

use crate::i18n::{Locale, Msg};

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
    /// One word of a fixed list.
    Choice(&'static [&'static str]),
    /// An option without a value: present or not (`--mine`).
    Switch,
    /// A day with an optional time: `2026-12-10 14:00`, `10/12/2026 14h30`, `tomorrow 9:00`.
    DateTime,
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
}

/// One command of the bot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandSpec {
    pub name: &'static str,
    pub summary: Msg,
    pub args: &'static [ArgSpec],
    /// A typical use, shown by help.
    pub example: &'static str,
    /// The forms of a command whose first word chooses what it does (shown instead of the
    /// generated usage); empty for the others.
    pub forms: &'static [&'static str],
}

pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_SUMMARY_CHARS: usize = 2000;
pub const MAX_NEXT_STEP_CHARS: usize = 500;
pub const MAX_HISTORY: i64 = 50;

const fn positional(name: &'static str, ty: ArgType, required: bool, greedy: bool, help: Msg) -> ArgSpec {
    ArgSpec { name, ty, required, flag: false, greedy, help }
}

const fn option(name: &'static str, ty: ArgType, help: Msg) -> ArgSpec {
    ArgSpec { name, ty, required: false, flag: true, greedy: false, help }
}

const fn required_option(name: &'static str, ty: ArgType, help: Msg) -> ArgSpec {
    ArgSpec { name, ty, required: true, flag: true, greedy: false, help }
}

const NAME: ArgType = ArgType::Text { max_chars: MAX_NAME_CHARS };

/// Every command, in the order help lists them.
pub static CATALOG: &[CommandSpec] = &[
    CommandSpec {
        name: "account",
        summary: Msg::CmdAccount,
        args: &[positional("name", ArgType::Account, true, true, Msg::ArgAccountName)],
        example: "/account Vale",
        forms: &[],
    },
    CommandSpec {
        name: "accounts",
        summary: Msg::CmdAccounts,
        args: &[
            option("tier", ArgType::Integer { min: 1, max: 3 }, Msg::ArgTier),
            option("owner", ArgType::Person, Msg::ArgOwner),
        ],
        example: "/accounts --tier 1",
        forms: &[],
    },
    CommandSpec {
        name: "log",
        summary: Msg::CmdLog,
        args: &[
            positional("account", ArgType::Account, true, false, Msg::ArgAccount),
            positional("kind", ArgType::Kind, true, false, Msg::ArgKind),
            positional("summary", ArgType::Text { max_chars: MAX_SUMMARY_CHARS }, true, true, Msg::ArgSummary),
            option("contact", NAME, Msg::ArgContact),
            option("next", ArgType::Text { max_chars: MAX_NEXT_STEP_CHARS }, Msg::ArgNext),
            option("due", ArgType::Date, Msg::ArgDue),
            option("when", ArgType::Date, Msg::ArgWhen),
            option("tone", ArgType::Choice(&["positive", "neutral", "negative"]), Msg::ArgTone),
        ],
        example: "/log Vale meeting \"Discussed the 2027 plan\" --next \"Send proposal\" --due 2026-12-10",
        forms: &[],
    },
    CommandSpec {
        name: "history",
        summary: Msg::CmdHistory,
        args: &[
            positional("account", ArgType::Account, true, false, Msg::ArgAccount),
            positional("count", ArgType::Integer { min: 1, max: MAX_HISTORY }, false, false, Msg::ArgCount),
        ],
        example: "/history Vale 5",
        forms: &[],
    },
    CommandSpec {
        name: "review",
        summary: Msg::CmdReview,
        args: &[
            positional("account", ArgType::Account, true, true, Msg::ArgAccount),
            required_option("objectives", ArgType::Text { max_chars: 1000 }, Msg::ArgReviewObjectives),
            required_option("value", ArgType::Text { max_chars: 1000 }, Msg::ArgReviewValue),
            required_option("changes", ArgType::Text { max_chars: 1000 }, Msg::ArgReviewChanges),
            required_option("depth", ArgType::Text { max_chars: 1000 }, Msg::ArgReviewDepth),
            required_option("rating", ArgType::Integer { min: 1, max: 5 }, Msg::ArgRating),
            option("next", ArgType::Text { max_chars: 1000 }, Msg::ArgNextObjectives),
        ],
        example: "/review Vale --objectives \"Keep S11D\" --value \"Yes, downtime down 14%\" --changes \"Quarterly reviews\" --depth \"Thin in operations\" --rating 4",
        forms: &[],
    },
    CommandSpec {
        name: "qualify",
        summary: Msg::CmdQualify,
        args: &[
            positional("account", ArgType::Account, false, true, Msg::ArgQualifyAccount),
            option("potential", ArgType::Integer { min: 1, max: 5 }, Msg::ArgPotential),
            option("leadership", ArgType::Integer { min: 1, max: 5 }, Msg::ArgLeadership),
            option("profitability", ArgType::Integer { min: 1, max: 5 }, Msg::ArgProfitability),
            option("fit", ArgType::Integer { min: 1, max: 5 }, Msg::ArgFit),
            option("strength", ArgType::Integer { min: 1, max: 5 }, Msg::ArgOurStrength),
        ],
        example: "/qualify Vale --potential 5 --leadership 4 --profitability 3 --fit 4 --strength 3",
        forms: &[],
    },
    CommandSpec {
        name: "health",
        summary: Msg::CmdHealth,
        args: &[positional("account", ArgType::Account, true, true, Msg::ArgAccount)],
        example: "/health Vale",
        forms: &[],
    },
    CommandSpec {
        name: "weights",
        summary: Msg::CmdWeights,
        args: &[
            positional(
                "component",
                ArgType::Choice(&[
                    "recency",
                    "planning",
                    "stakeholders",
                    "review",
                    "plan",
                    "momentum",
                    "share",
                    "tone",
                    "competitors",
                ]),
                false,
                false,
                Msg::ArgComponent,
            ),
            positional("weight", ArgType::Integer { min: 0, max: 100 }, false, false, Msg::ArgWeight),
        ],
        example: "/weights tone 20",
        forms: &[],
    },
    CommandSpec { name: "risks", summary: Msg::CmdRisks, args: &[], example: "/risks", forms: &[] },
    CommandSpec {
        name: "opp",
        summary: Msg::CmdOpp,
        args: &[
            positional("target", ArgType::Text { max_chars: MAX_NAME_CHARS }, true, false, Msg::ArgOppTarget),
            positional("first", ArgType::Text { max_chars: 200 }, false, false, Msg::ArgOppFirst),
            positional("second", ArgType::Text { max_chars: 200 }, false, false, Msg::ArgOppSecond),
            positional("third", ArgType::Text { max_chars: 40 }, false, false, Msg::ArgOppThird),
            option("close", ArgType::Date, Msg::ArgOppClose),
            option("reason", ArgType::Text { max_chars: 300 }, Msg::ArgOppReason),
        ],
        example: "/opp add Vale \"Liners for S11D\" 2,5M --close 2027-03-31",
        forms: &[
            "/opp ACCOUNT",
            "/opp add ACCOUNT TITLE VALUE [--close DATE]",
            "/opp move ID identified|qualified|proposal|negotiation|won|lost [--reason TEXT]",
        ],
    },
    CommandSpec {
        name: "plan",
        summary: Msg::CmdPlan,
        args: &[
            positional("account", ArgType::Account, true, false, Msg::ArgAccount),
            positional("action", ArgType::Choice(&["set", "goal"]), false, false, Msg::ArgPlanAction),
            positional("what", ArgType::Text { max_chars: 20 }, false, false, Msg::ArgPlanWhat),
            positional("text", ArgType::Text { max_chars: 2000 }, false, true, Msg::ArgPlanText),
            option("owner", ArgType::Person, Msg::ArgGoalOwner),
            option("due", ArgType::Date, Msg::ArgGoalDue),
            option("year", ArgType::Integer { min: 2000, max: 2100 }, Msg::ArgPlanYear),
        ],
        example: "/plan Vale set objectives \"Become the reference supplier for Carajás\"",
        forms: &[],
    },
    CommandSpec {
        name: "contacts",
        summary: Msg::CmdContacts,
        args: &[positional("account", ArgType::Account, true, true, Msg::ArgAccount)],
        example: "/contacts Vale",
        forms: &[],
    },
    CommandSpec {
        name: "contact",
        summary: Msg::CmdContact,
        args: &[
            positional("action", ArgType::Choice(&["add", "set"]), true, false, Msg::ArgContactAction),
            positional("account", ArgType::Account, true, false, Msg::ArgAccount),
            positional("name", NAME, true, true, Msg::ArgContactName),
            option("title", ArgType::Text { max_chars: 100 }, Msg::ArgTitle),
            option("department", ArgType::Text { max_chars: 100 }, Msg::ArgDepartment),
            option(
                "role",
                ArgType::Choice(&["decision_maker", "influencer", "champion", "user", "gatekeeper"]),
                Msg::ArgDecisionRole,
            ),
            option("stance", ArgType::Choice(&["champion", "supporter", "neutral", "detractor"]), Msg::ArgStance),
            option("strength", ArgType::Integer { min: 1, max: 5 }, Msg::ArgStrength),
            option("email", ArgType::Text { max_chars: 200 }, Msg::ArgEmail),
            option("phone", ArgType::Text { max_chars: 50 }, Msg::ArgPhone),
        ],
        example: "/contact add Vale \"Marcos Lima\" --department Engenharia --role influencer --stance supporter",
        forms: &[],
    },
    CommandSpec {
        name: "competitors",
        summary: Msg::CmdCompetitors,
        args: &[positional("account", ArgType::Account, true, true, Msg::ArgAccount)],
        example: "/competitors Vale",
        forms: &[],
    },
    CommandSpec {
        name: "competitor",
        summary: Msg::CmdCompetitor,
        args: &[
            positional("account", ArgType::Account, true, false, Msg::ArgAccount),
            positional("name", NAME, true, true, Msg::ArgCompetitorName),
            option("share", ArgType::Text { max_chars: 10 }, Msg::ArgShare),
            option("threat", ArgType::Choice(&["low", "medium", "high"]), Msg::ArgThreat),
            option("note", ArgType::Text { max_chars: 300 }, Msg::ArgNote),
        ],
        example: "/competitor Vale Metso --share 30 --threat high --note \"Lower price on liners\"",
        forms: &[],
    },
    CommandSpec {
        name: "wallet",
        summary: Msg::CmdWallet,
        args: &[
            positional("account", ArgType::Account, true, true, Msg::ArgAccount),
            option("spend", ArgType::Text { max_chars: 30 }, Msg::ArgSpend),
            option("revenue", ArgType::Text { max_chars: 30 }, Msg::ArgRevenue),
            option("period", ArgType::Integer { min: 2000, max: 2100 }, Msg::ArgPeriod),
        ],
        example: "/wallet Vale --spend 180M --revenue 32,4M --period 2026",
        forms: &[],
    },
    CommandSpec {
        name: "meeting",
        summary: Msg::CmdMeeting,
        args: &[
            positional("account", ArgType::Account, true, false, Msg::ArgAccount),
            positional("when", ArgType::DateTime, true, true, Msg::ArgMeetingWhen),
            option("kind", ArgType::Choice(&["planning", "review", "other"]), Msg::ArgMeetingKind),
            option("with", ArgType::Text { max_chars: 300 }, Msg::ArgWith),
        ],
        example: "/meeting Vale 2026-12-10 14:00 --kind planning --with \"Beatriz Almeida, João Ferreira\"",
        forms: &[],
    },
    CommandSpec {
        name: "meetings",
        summary: Msg::CmdMeetings,
        args: &[
            option("mine", ArgType::Switch, Msg::ArgMine),
            option("days", ArgType::Integer { min: 1, max: 365 }, Msg::ArgDays),
        ],
        example: "/meetings --mine --days 30",
        forms: &[],
    },
    CommandSpec {
        name: "digest",
        summary: Msg::CmdDigest,
        args: &[option("team", ArgType::Person, Msg::ArgTeam)],
        example: "/digest --team \"Marina Costa\"",
        forms: &[],
    },
    CommandSpec {
        name: "schedule",
        summary: Msg::CmdSchedule,
        args: &[
            positional(
                "job",
                ArgType::Choice(&[
                    "planning_reminders",
                    "yearly_review",
                    "stale_contact",
                    "weekly_digest",
                    "retiering",
                    "timezone",
                ]),
                false,
                false,
                Msg::ArgJob,
            ),
            positional("value", ArgType::Text { max_chars: 100 }, false, true, Msg::ArgScheduleValue),
        ],
        example: "/schedule weekly_digest 0 9 * * 1",
        forms: &[],
    },
    CommandSpec {
        name: "people",
        summary: Msg::CmdPeople,
        args: &[
            positional("action", ArgType::Choice(&["list", "role"]), false, false, Msg::ArgPeopleAction),
            positional("person", ArgType::Person, false, false, Msg::ArgPerson),
            positional("role", ArgType::Choice(&["admin", "manager", "rep"]), false, false, Msg::ArgRole),
        ],
        example: "/people role \"Ana Souza\" manager",
        forms: &[],
    },
    CommandSpec {
        name: "language",
        summary: Msg::CmdLanguage,
        args: &[positional("language", ArgType::Language, false, false, Msg::ArgLanguage)],
        example: "/language pt-BR",
        forms: &[],
    },
    CommandSpec {
        name: "help",
        summary: Msg::CmdHelp,
        args: &[positional("command", ArgType::CommandName, false, false, Msg::ArgCommand)],
        example: "/help log",
        forms: &[],
    },
];

/// The command of this name (case-insensitive, with or without the slash).
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    let name = name.trim().trim_start_matches('/');
    CATALOG.iter().find(|c| c.name.eq_ignore_ascii_case(name))
}

/// `/account`, `/accounts`, ...: the names, for "accepted" lists.
pub fn command_list() -> String {
    CATALOG.iter().map(|c| format!("/{}", c.name)).collect::<Vec<_>>().join(", ")
}

impl CommandSpec {
    pub fn arg(&self, name: &str) -> Option<&'static ArgSpec> {
        self.args.iter().find(|a| a.name == name)
    }

    pub fn positionals(&self) -> impl Iterator<Item = &'static ArgSpec> {
        self.args.iter().filter(|a| !a.flag)
    }

    pub fn flags(&self) -> impl Iterator<Item = &'static ArgSpec> {
        self.args.iter().filter(|a| a.flag)
    }

    /// `/log ACCOUNT KIND SUMMARY [--contact NAME] ...`, with placeholders in the reader's language;
    /// the forms, one a line, for a command that has them.
    pub fn usage(&self, locale: Locale) -> String {
        if !self.forms.is_empty() {
            return self.forms.join("\n");
        }
        let mut out = format!("/{}", self.name);
        for arg in self.args {
            let placeholder = arg.placeholder(locale);
            let part = match (arg.flag, arg.ty) {
                (true, ArgType::Switch) => format!("--{}", arg.name),
                (true, _) => format!("--{} {placeholder}", arg.name),
                (false, _) => placeholder,
            };
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

impl ArgSpec {
    /// What stands for the value in usage lines: `ACCOUNT`, `DATE`, `N`...
    pub fn placeholder(&self, locale: Locale) -> String {
        let word = match self.ty {
            ArgType::Account => Msg::PhAccount,
            ArgType::Person => Msg::PhPerson,
            ArgType::Kind => Msg::PhKind,
            ArgType::Date => Msg::PhDate,
            ArgType::Integer { .. } => Msg::PhNumber,
            ArgType::Language => return "en|pt-BR".to_string(),
            ArgType::Choice(words) => return words.join("|"),
            ArgType::Switch => return String::new(),
            ArgType::DateTime => Msg::PhWhen,
            ArgType::Text { .. } | ArgType::CommandName => Msg::PhNamed(self.name),
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
        for c in CATALOG {
            assert!(seen.insert(c.name), "duplicate command {}", c.name);
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
        for c in CATALOG {
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
        for c in CATALOG {
            let parsed = crate::core::parse::parse_line(c.example);
            assert!(parsed.is_ok(), "example of /{} does not parse: {:?}", c.name, parsed.err());
        }
    }

    #[test]
    fn required_arguments_come_first_as_discord_demands() {
        for c in CATALOG {
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
            "/log CONTA TIPO RESUMO [--contact NOME] [--next TEXTO] [--due DATA] [--when DATA] [--tone positive|neutral|negative]"
        );
        assert_eq!(find("/HISTORY").map(|c| c.name), Some("history"));
        assert!(find("nope").is_none());
    }
}
