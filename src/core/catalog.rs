//! The one description of every command: names, arguments, types and help texts. Help, the text
//! parser, Discord registration and Slack parsing all derive from it.

use crate::domain::vocabulary::{self, Vocabulary};
use crate::i18n::{Locale, Msg, Onb};

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

/// One command of the bot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandSpec {
    pub name: &'static str,
    pub summary: Msg,
    pub args: &'static [ArgSpec],
    /// A typical use, shown by help.
    pub example: &'static str,
    /// The full name as typed: `accounts add` for a subcommand, the name itself otherwise.
    pub path: &'static str,
    /// The subcommands of a command whose first word chooses what it does (`/opp add`, `/opp move`);
    /// on Discord they are real subcommands with their own typed options.
    pub subcommands: &'static [CommandSpec],
    /// The subcommand a typed line without a subcommand word means (`/opp Vale` is `/opp list Vale`).
    pub default_subcommand: Option<&'static str>,
    /// In typed lines only (terminal, Slack): first words that name a subcommand of another
    /// command, so `/account add Gerdau` is `/accounts add Gerdau`. Discord cannot give a command
    /// both options and subcommands, so there the forms live under the other command only.
    pub borrows: Option<(&'static str, &'static [&'static str])>,
}

pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_SUMMARY_CHARS: usize = 2000;
pub const MAX_NEXT_STEP_CHARS: usize = 500;
pub const MAX_HISTORY: i64 = 50;

const fn positional(name: &'static str, ty: ArgType, required: bool, greedy: bool, help: Msg) -> ArgSpec {
    ArgSpec { name, ty, required, flag: false, greedy, help, then: None }
}

const fn option(name: &'static str, ty: ArgType, help: Msg) -> ArgSpec {
    ArgSpec { name, ty, required: false, flag: true, greedy: false, help, then: None }
}

const fn required_option(name: &'static str, ty: ArgType, help: Msg) -> ArgSpec {
    ArgSpec { name, ty, required: true, flag: true, greedy: false, help, then: None }
}

/// An option whose value may be followed, in typed lines, by a quoted companion value.
/// `--page N`: which page of a long list.
const PAGE_OPTION: ArgSpec = option("page", ArgType::Integer { min: 1, max: 100_000 }, Msg::Onb(Onb::ArgPage));

const fn option_then(name: &'static str, ty: ArgType, help: Msg, then: &'static str) -> ArgSpec {
    ArgSpec { name, ty, required: false, flag: true, greedy: false, help, then: Some(then) }
}

/// A command without subcommands (or a subcommand: then the path is `parent name`).
macro_rules! command {
    ($name:expr, $path:expr, $summary:expr, $args:expr, $example:expr $(,)?) => {
        CommandSpec {
            name: $name,
            summary: $summary,
            args: $args,
            example: $example,
            path: $path,
            subcommands: &[],
            default_subcommand: None,
            borrows: None,
        }
    };
}

/// A command whose first word chooses a subcommand; `default` is the one a line without it means.
macro_rules! group {
    ($name:expr, $summary:expr, $subcommands:expr, $default:expr, $example:expr $(,)?) => {
        CommandSpec {
            name: $name,
            summary: $summary,
            args: &[],
            example: $example,
            path: $name,
            subcommands: $subcommands,
            default_subcommand: $default,
            borrows: None,
        }
    };
}

const NAME: ArgType = ArgType::Text { max_chars: MAX_NAME_CHARS };

/// `/contact add` and `/contact set` take the same arguments.
const CONTACT_ARGS: &[ArgSpec] = &[
    positional("account", ArgType::Account, true, false, Msg::ArgAccount),
    positional("name", NAME, true, true, Msg::ArgContactName),
    option("title", ArgType::Text { max_chars: 100 }, Msg::ArgTitle),
    option("department", ArgType::Text { max_chars: 100 }, Msg::ArgDepartment),
    option("role", ArgType::Words(&vocabulary::DECISION_ROLES), Msg::ArgDecisionRole),
    option("stance", ArgType::Words(&vocabulary::STANCES), Msg::ArgStance),
    option("strength", ArgType::Integer { min: 1, max: 5 }, Msg::ArgStrength),
    option("email", ArgType::Text { max_chars: 200 }, Msg::ArgEmail),
    option("phone", ArgType::Text { max_chars: 50 }, Msg::ArgPhone),
];

/// The fields `/account set` changes.
pub const ACCOUNT_FIELDS: &[&str] = &[
    "name",
    "tier",
    "owner",
    "tech",
    "segment",
    "spend",
    "revenue",
    "margin",
    "ceiling",
    "suppliers",
    "cadence",
    "review",
    "alias",
    "reason",
];

/// What a file can hold.
pub const IMPORT_KINDS: &[&str] = &["accounts", "contacts", "people"];

const MONEY: ArgType = ArgType::Text { max_chars: 30 };
const PERCENT: ArgType = ArgType::Text { max_chars: 10 };

/// The options an account is created with; `/account set` changes the same fields one at a time.
const ACCOUNT_ADD_ARGS: &[ArgSpec] = &[
    positional("name", NAME, true, true, Msg::Onb(Onb::ArgNewAccountName)),
    option("tier", ArgType::Integer { min: 1, max: 3 }, Msg::Onb(Onb::ArgTierSet)),
    option("owner", ArgType::Person, Msg::Onb(Onb::ArgOwnerSet)),
    option("tech", ArgType::Person, Msg::Onb(Onb::ArgTech)),
    option("segment", ArgType::Text { max_chars: 100 }, Msg::Onb(Onb::ArgSegment)),
    option("spend", MONEY, Msg::Onb(Onb::ArgSpendSet)),
    option("revenue", MONEY, Msg::Onb(Onb::ArgRevenueSet)),
    option("margin", PERCENT, Msg::Onb(Onb::ArgMargin)),
    option("ceiling", PERCENT, Msg::Onb(Onb::ArgCeiling)),
    option("cadence", ArgType::Integer { min: 1, max: 730 }, Msg::Onb(Onb::ArgCadence)),
    option("review", ArgType::Date, Msg::Onb(Onb::ArgReviewDate)),
    option_then("reason", ArgType::Words(&vocabulary::REASONS), Msg::Onb(Onb::ArgReason), "why"),
    option("why", ArgType::Text { max_chars: 300 }, Msg::Onb(Onb::ArgWhy)),
    option("alias", ArgType::Text { max_chars: MAX_NAME_CHARS }, Msg::Onb(Onb::ArgAlias)),
];

/// `/accounts` and its subcommands (also typed as `/account add|set|archive|restore`).
static ACCOUNTS_SUBCOMMANDS: &[CommandSpec] = &[
    command!(
        "list",
        "accounts list",
        Msg::CmdAccounts,
        &[
            option("tier", ArgType::Integer { min: 1, max: 3 }, Msg::ArgTier),
            option("owner", ArgType::Person, Msg::ArgOwner),
            PAGE_OPTION,
        ],
        "/accounts --tier 1",
    ),
    command!(
        "add",
        "accounts add",
        Msg::Onb(Onb::CmdAccountAdd),
        ACCOUNT_ADD_ARGS,
        "/account add Gerdau --tier 2 --owner \"Rafael Lima\" --spend 40M --reason potential \"New mill in Ouro Branco\"",
    ),
    command!(
        "set",
        "accounts set",
        Msg::Onb(Onb::CmdAccountSet),
        &[
            positional("account", ArgType::Account, true, false, Msg::ArgAccount),
            positional("field", ArgType::Choice(ACCOUNT_FIELDS), true, false, Msg::Onb(Onb::ArgField)),
            positional("value", ArgType::Text { max_chars: 400 }, true, true, Msg::Onb(Onb::ArgValue)),
        ],
        "/account set Gerdau tier 1",
    ),
    command!(
        "archive",
        "accounts archive",
        Msg::Onb(Onb::CmdAccountArchive),
        &[positional("account", ArgType::Account, true, true, Msg::ArgAccount)],
        "/account archive CSN",
    ),
    command!(
        "restore",
        "accounts restore",
        Msg::Onb(Onb::CmdAccountRestore),
        &[positional("account", ArgType::Account, true, true, Msg::ArgAccount)],
        "/account restore CSN",
    ),
];

static OPP_SUBCOMMANDS: &[CommandSpec] = &[
    command!(
        "list",
        "opp list",
        Msg::Onb(Onb::CmdOppList),
        &[positional("account", ArgType::Account, true, true, Msg::ArgAccount), PAGE_OPTION],
        "/opp Vale",
    ),
    command!(
        "add",
        "opp add",
        Msg::Onb(Onb::CmdOppAdd),
        &[
            positional("account", ArgType::Account, true, false, Msg::ArgAccount),
            positional("title", ArgType::Text { max_chars: 200 }, true, false, Msg::Onb(Onb::ArgOppTitle)),
            positional("value", MONEY, true, false, Msg::Onb(Onb::ArgOppValue)),
            option("close", ArgType::Date, Msg::ArgOppClose),
        ],
        "/opp add Vale \"Liners for S11D\" 2,5M --close 2027-03-31",
    ),
    command!(
        "move",
        "opp move",
        Msg::Onb(Onb::CmdOppMove),
        &[
            positional("id", ArgType::Text { max_chars: 20 }, true, false, Msg::Onb(Onb::ArgOppId)),
            positional("stage", ArgType::Words(&vocabulary::STAGES), true, false, Msg::Onb(Onb::ArgStage)),
            option("reason", ArgType::Text { max_chars: 300 }, Msg::ArgOppReason),
        ],
        "/opp move 3 negotiation",
    ),
];

static PEOPLE_SUBCOMMANDS: &[CommandSpec] = &[
    command!("list", "people list", Msg::Onb(Onb::CmdPeopleList), &[PAGE_OPTION], "/people",),
    command!(
        "add",
        "people add",
        Msg::Onb(Onb::CmdPeopleAdd),
        &[
            positional("name", NAME, true, true, Msg::Onb(Onb::ArgPersonName)),
            required_option("role", ArgType::Words(&vocabulary::ROLES), Msg::ArgRole),
            option("manager", ArgType::Person, Msg::Onb(Onb::ArgManager)),
        ],
        "/people add \"Paula Nunes\" --role rep --manager \"Marina Costa\"",
    ),
    command!(
        "set",
        "people set",
        Msg::Onb(Onb::CmdPeopleSet),
        &[
            positional("person", ArgType::Person, true, true, Msg::ArgPerson),
            option("role", ArgType::Words(&vocabulary::ROLES), Msg::ArgRole),
            option("manager", ArgType::Person, Msg::Onb(Onb::ArgManagerSet)),
            option("name", NAME, Msg::Onb(Onb::ArgPersonNewName)),
        ],
        "/people set \"Paula Nunes\" --manager \"Ana Souza\"",
    ),
    command!(
        "role",
        "people role",
        Msg::Onb(Onb::CmdPeopleRole),
        &[
            positional("person", ArgType::Person, true, false, Msg::ArgPerson),
            positional("role", ArgType::Words(&vocabulary::ROLES), true, false, Msg::ArgRole),
        ],
        "/people role \"Ana Souza\" manager",
    ),
    command!(
        "remove",
        "people remove",
        Msg::Onb(Onb::CmdPeopleRemove),
        &[
            positional("person", ArgType::Person, true, true, Msg::ArgPerson),
            required_option("to", ArgType::Person, Msg::Onb(Onb::ArgHandTo)),
        ],
        "/people remove \"Paula Nunes\" --to \"Ana Souza\"",
    ),
    command!(
        "link",
        "people link",
        Msg::Onb(Onb::CmdPeopleLink),
        &[
            positional("person", ArgType::Person, true, false, Msg::ArgPerson),
            positional("user", ArgType::User, true, false, Msg::Onb(Onb::ArgUser)),
        ],
        "/people link \"Paula Nunes\" <@U024BE7LH>",
    ),
];

/// `/privacy export|erase ACCOUNT CONTACT`.
const PRIVACY_ARGS: &[ArgSpec] = &[
    positional("account", ArgType::Account, true, false, Msg::ArgAccount),
    positional("name", NAME, true, true, Msg::ArgContactName),
];

static PRIVACY_SUBCOMMANDS: &[CommandSpec] = &[
    command!(
        "export",
        "privacy export",
        Msg::Onb(Onb::CmdPrivacyExport),
        PRIVACY_ARGS,
        "/privacy export Vale \"Marcos Lima\""
    ),
    command!(
        "erase",
        "privacy erase",
        Msg::Onb(Onb::CmdPrivacyErase),
        PRIVACY_ARGS,
        "/privacy erase Vale \"Marcos Lima\""
    ),
];

static CONTACT_SUBCOMMANDS: &[CommandSpec] = &[
    command!(
        "add",
        "contact add",
        Msg::Onb(Onb::CmdContactAdd),
        CONTACT_ARGS,
        "/contact add Vale \"Marcos Lima\" --department Engenharia --role influencer --stance supporter",
    ),
    command!(
        "set",
        "contact set",
        Msg::Onb(Onb::CmdContactSet),
        CONTACT_ARGS,
        "/contact set Vale \"Marcos Lima\" --stance champion",
    ),
];

/// Every command, in the order help lists them.
pub static CATALOG: &[CommandSpec] = &[
    CommandSpec {
        name: "account",
        summary: Msg::CmdAccount,
        args: &[positional("name", ArgType::Account, true, true, Msg::ArgAccountName)],
        example: "/account Vale",
        path: "account",
        subcommands: &[],
        default_subcommand: None,
        borrows: Some(("accounts", &["add", "set", "archive", "restore"])),
    },
    group!("accounts", Msg::Onb(Onb::CmdAccountsGroup), ACCOUNTS_SUBCOMMANDS, Some("list"), "/accounts --tier 1"),
    command!(
        "log",
        "log",
        Msg::CmdLog,
        &[
            positional("account", ArgType::Account, true, false, Msg::ArgAccount),
            positional("kind", ArgType::Kind, true, false, Msg::ArgKind),
            positional("summary", ArgType::Text { max_chars: MAX_SUMMARY_CHARS }, true, true, Msg::ArgSummary),
            option("contact", ArgType::Text { max_chars: 300 }, Msg::ArgContact),
            option("next", ArgType::Text { max_chars: MAX_NEXT_STEP_CHARS }, Msg::ArgNext),
            option("due", ArgType::Date, Msg::ArgDue),
            option("when", ArgType::Date, Msg::ArgWhen),
            option("tone", ArgType::Words(&vocabulary::TONES), Msg::ArgTone),
        ],
        "/log Vale meeting \"Discussed the 2027 plan\" --next \"Send proposal\" --due 2026-12-10",
    ),
    command!(
        "history",
        "history",
        Msg::CmdHistory,
        &[
            positional("account", ArgType::Account, true, false, Msg::ArgAccount),
            positional("count", ArgType::Integer { min: 1, max: MAX_HISTORY }, false, false, Msg::ArgCount),
            PAGE_OPTION,
        ],
        "/history Vale 5",
    ),
    command!(
        "review",
        "review",
        Msg::CmdReview,
        &[
            positional("account", ArgType::Account, true, true, Msg::ArgAccount),
            option("objectives", ArgType::Text { max_chars: 1000 }, Msg::ArgReviewObjectives),
            option("value", ArgType::Text { max_chars: 1000 }, Msg::ArgReviewValue),
            option("changes", ArgType::Text { max_chars: 1000 }, Msg::ArgReviewChanges),
            option("depth", ArgType::Text { max_chars: 1000 }, Msg::ArgReviewDepth),
            option("rating", ArgType::Integer { min: 1, max: 5 }, Msg::ArgRating),
            option("next", ArgType::Text { max_chars: 1000 }, Msg::ArgNextObjectives),
            option("year", ArgType::Integer { min: 2000, max: 2100 }, Msg::ArgReviewYear),
        ],
        "/review Vale --objectives \"Keep S11D\" --value \"Yes, downtime down 14%\" --changes \"Quarterly reviews\" --depth \"Thin in operations\" --rating 4",
    ),
    command!(
        "qualify",
        "qualify",
        Msg::CmdQualify,
        &[
            positional("account", ArgType::Account, false, true, Msg::ArgQualifyAccount),
            option("potential", ArgType::Integer { min: 1, max: 5 }, Msg::ArgPotential),
            option("leadership", ArgType::Integer { min: 1, max: 5 }, Msg::ArgLeadership),
            option("profitability", ArgType::Integer { min: 1, max: 5 }, Msg::ArgProfitability),
            option("fit", ArgType::Integer { min: 1, max: 5 }, Msg::ArgFit),
            option("strength", ArgType::Integer { min: 1, max: 5 }, Msg::ArgOurStrength),
            option("apply", ArgType::Switch, Msg::Onb(Onb::ArgApply)),
        ],
        "/qualify Vale --potential 5 --leadership 4 --profitability 3 --fit 4 --strength 3",
    ),
    command!(
        "health",
        "health",
        Msg::CmdHealth,
        &[positional("account", ArgType::Account, true, true, Msg::ArgAccount)],
        "/health Vale",
    ),
    command!(
        "weights",
        "weights",
        Msg::CmdWeights,
        &[
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
        "/weights tone 20",
    ),
    command!("risks", "risks", Msg::CmdRisks, &[PAGE_OPTION], "/risks"),
    group!(
        "opp",
        Msg::CmdOpp,
        OPP_SUBCOMMANDS,
        Some("list"),
        "/opp add Vale \"Liners for S11D\" 2,5M --close 2027-03-31"
    ),
    command!(
        "plan",
        "plan",
        Msg::CmdPlan,
        &[
            positional("account", ArgType::Account, true, false, Msg::ArgAccount),
            positional("action", ArgType::Words(&vocabulary::PLAN_ACTIONS), false, false, Msg::ArgPlanAction),
            positional("what", ArgType::Text { max_chars: 20 }, false, false, Msg::ArgPlanWhat),
            positional("text", ArgType::Text { max_chars: 2000 }, false, true, Msg::ArgPlanText),
            option("owner", ArgType::Person, Msg::ArgGoalOwner),
            option("due", ArgType::Date, Msg::ArgGoalDue),
            option("year", ArgType::Integer { min: 2000, max: 2100 }, Msg::ArgPlanYear),
        ],
        "/plan Vale set objectives \"Become the reference supplier for Carajás\"",
    ),
    command!(
        "contacts",
        "contacts",
        Msg::CmdContacts,
        &[positional("account", ArgType::Account, true, true, Msg::ArgAccount), PAGE_OPTION],
        "/contacts Vale",
    ),
    group!(
        "contact",
        Msg::CmdContact,
        CONTACT_SUBCOMMANDS,
        None,
        "/contact add Vale \"Marcos Lima\" --department Engenharia --role influencer --stance supporter",
    ),
    command!(
        "done",
        "done",
        Msg::CmdDone,
        &[
            positional("account", ArgType::Account, true, true, Msg::ArgAccount),
            option("meeting", ArgType::Integer { min: 1, max: i64::MAX }, Msg::ArgDoneMeeting),
        ],
        "/done Gerdau",
    ),
    command!(
        "snooze",
        "snooze",
        Msg::CmdSnooze,
        &[
            positional("account", ArgType::Account, true, true, Msg::ArgAccount),
            option("days", ArgType::Integer { min: 1, max: 90 }, Msg::ArgSnoozeDays),
        ],
        "/snooze Gerdau --days 14",
    ),
    command!(
        "prep",
        "prep",
        Msg::CmdPrep,
        &[positional("account", ArgType::Account, true, true, Msg::ArgAccount)],
        "/prep Gerdau",
    ),
    command!(
        "competitors",
        "competitors",
        Msg::CmdCompetitors,
        &[positional("account", ArgType::Account, true, true, Msg::ArgAccount)],
        "/competitors Vale",
    ),
    command!(
        "competitor",
        "competitor",
        Msg::CmdCompetitor,
        &[
            positional("account", ArgType::Account, true, false, Msg::ArgAccount),
            positional("name", NAME, true, true, Msg::ArgCompetitorName),
            option("share", ArgType::Text { max_chars: 10 }, Msg::ArgShare),
            option("threat", ArgType::Words(&vocabulary::THREATS), Msg::ArgThreat),
            option("note", ArgType::Text { max_chars: 300 }, Msg::ArgNote),
        ],
        "/competitor Vale Metso --share 30 --threat high --note \"Lower price on liners\"",
    ),
    command!(
        "wallet",
        "wallet",
        Msg::CmdWallet,
        &[
            positional("account", ArgType::Account, true, true, Msg::ArgAccount),
            option("spend", ArgType::Text { max_chars: 30 }, Msg::ArgSpend),
            option("revenue", ArgType::Text { max_chars: 30 }, Msg::ArgRevenue),
            option("period", ArgType::Integer { min: 2000, max: 2100 }, Msg::ArgPeriod),
            option("remove", ArgType::Integer { min: 2000, max: 2100 }, Msg::ArgWalletRemove),
        ],
        "/wallet Vale --spend 180M --revenue 32,4M --period 2026",
    ),
    command!(
        "meeting",
        "meeting",
        Msg::CmdMeeting,
        &[
            positional("account", ArgType::Account, true, false, Msg::ArgAccount),
            positional("when", ArgType::DateTime, true, true, Msg::ArgMeetingWhen),
            option("kind", ArgType::Words(&vocabulary::MEETING_KINDS), Msg::ArgMeetingKind),
            option("with", ArgType::Text { max_chars: 300 }, Msg::ArgWith),
        ],
        "/meeting Vale 2026-12-10 14:00 --kind planning --with \"Beatriz Almeida, João Ferreira\"",
    ),
    command!(
        "meetings",
        "meetings",
        Msg::CmdMeetings,
        &[
            option("mine", ArgType::Switch, Msg::ArgMine),
            option("days", ArgType::Integer { min: 1, max: 365 }, Msg::ArgDays),
            PAGE_OPTION,
        ],
        "/meetings --mine --days 30",
    ),
    command!(
        "digest",
        "digest",
        Msg::CmdDigest,
        &[option("team", ArgType::Person, Msg::ArgTeam), option("full", ArgType::Switch, Msg::ArgDigestFull)],
        "/digest --team \"Marina Costa\" --full",
    ),
    command!(
        "schedule",
        "schedule",
        Msg::CmdSchedule,
        &[
            positional(
                "job",
                ArgType::Choice(&[
                    "planning_reminders",
                    "yearly_review",
                    "stale_contact",
                    "weekly_digest",
                    "retiering",
                    "timezone",
                    "holiday",
                ]),
                false,
                false,
                Msg::ArgJob,
            ),
            positional("value", ArgType::Text { max_chars: 100 }, false, true, Msg::ArgScheduleValue),
        ],
        "/schedule weekly_digest 0 9 * * 1",
    ),
    group!("people", Msg::CmdPeople, PEOPLE_SUBCOMMANDS, Some("list"), "/people add \"Paula Nunes\" --role rep"),
    group!("privacy", Msg::Onb(Onb::CmdPrivacy), PRIVACY_SUBCOMMANDS, None, "/privacy export Vale \"Marcos Lima\""),
    command!(
        "import",
        "import",
        Msg::Onb(Onb::CmdImport),
        &[
            positional("kind", ArgType::Choice(IMPORT_KINDS), true, false, Msg::Onb(Onb::ArgImportKind)),
            positional("file", ArgType::Attachment, true, false, Msg::Onb(Onb::ArgImportFile)),
        ],
        "/import accounts carteira.csv",
    ),
    command!(
        "language",
        "language",
        Msg::CmdLanguage,
        &[positional("language", ArgType::Language, false, false, Msg::ArgLanguage)],
        "/language pt-BR",
    ),
    command!(
        "help",
        "help",
        Msg::CmdHelp,
        &[positional("command", ArgType::CommandName, false, false, Msg::ArgCommand)],
        "/help log",
    ),
];
/// The command of this name (case-insensitive, with or without the slash).
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    let name = name.trim().trim_start_matches('/');
    CATALOG.iter().find(|c| c.name.eq_ignore_ascii_case(name))
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
    CATALOG.iter().flat_map(|c| if c.subcommands.is_empty() { std::slice::from_ref(c) } else { c.subcommands })
}

/// `/account`, `/accounts`, ...: the names, for "accepted" lists.
pub fn command_list() -> String {
    CATALOG.iter().map(|c| format!("/{}", c.name)).collect::<Vec<_>>().join(", ")
}

impl CommandSpec {
    pub fn arg(&self, name: &str) -> Option<&'static ArgSpec> {
        self.args.iter().find(|a| a.name == name)
    }

    /// The subcommand of this name (case-insensitive).
    pub fn subcommand(&self, name: &str) -> Option<&'static CommandSpec> {
        self.subcommands.iter().find(|c| c.name.eq_ignore_ascii_case(name))
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

/// The examples of help in Brazilian Portuguese, where the English one has words to translate.
const EXAMPLES_PT: &[(&str, &str)] = &[
    (
        "accounts add",
        "/account add Gerdau --tier 2 --owner \"Rafael Lima\" --spend 40M --reason potencial \"Nova usina em Ouro Branco\"",
    ),
    ("opp add", "/opp add Vale \"Revestimentos para o S11D\" 2,5M --close 31/03/2027"),
    ("opp", "/opp add Vale \"Revestimentos para o S11D\" 2,5M --close 31/03/2027"),
    ("opp move", "/opp move 3 negociação"),
    ("people add", "/people add \"Paula Nunes\" --role vendedor --manager \"Marina Costa\""),
    ("people", "/people add \"Paula Nunes\" --role vendedor"),
    ("people role", "/people role \"Ana Souza\" gestor"),
    ("contact add", "/contact add Vale \"Marcos Lima\" --department Engenharia --role influenciador --stance apoiador"),
    ("contact", "/contact add Vale \"Marcos Lima\" --department Engenharia --role influenciador --stance apoiador"),
    ("contact set", "/contact set Vale \"Marcos Lima\" --stance defensor"),
    ("log", "/log Vale reunião \"Discutimos o plano 2027\" --next \"Enviar proposta\" --due sexta"),
    (
        "review",
        "/review Vale --objectives \"Manter o S11D\" --value \"Sim, paradas 14% menores\" --changes \"Revisões trimestrais\" --depth \"Fracos em operações\" --rating 4",
    ),
    ("plan", "/plan Vale set objectives \"Ser o fornecedor de referência em Carajás\""),
    ("competitor", "/competitor Vale Metso --share 30 --threat alta --note \"Preço menor nos revestimentos\""),
    ("meeting", "/meeting Vale \"10/12 14h\" --kind planejamento --with \"Beatriz Almeida, João Ferreira\""),
];

impl CommandSpec {
    /// The typical use shown by help, in the reader's language.
    pub fn example(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::PtBr => EXAMPLES_PT.iter().find(|(path, _)| *path == self.path).map_or(self.example, |(_, e)| *e),
            Locale::En => self.example,
        }
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
            ArgType::Words(list) => return list.listed(locale, "|"),
            ArgType::Switch => return String::new(),
            ArgType::DateTime => Msg::PhWhen,
            ArgType::User => Msg::Onb(Onb::PhUser),
            ArgType::Attachment => Msg::Onb(Onb::PhFile),
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
        for c in CATALOG.iter().chain(CATALOG.iter().flat_map(|c| c.subcommands)) {
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
        for c in CATALOG.iter().chain(leaves()) {
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
            "/log CONTA TIPO RESUMO [--contact NOME] [--next TEXTO] [--due DATA] [--when DATA] [--tone positivo|neutro|negativo]"
        );
        assert_eq!(find("/HISTORY").map(|c| c.name), Some("history"));
        assert!(find("nope").is_none());
    }
}
