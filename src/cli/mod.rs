//! The command line: global options, subcommands, and the wiring from them to the core.

use crate::i18n::Translate;
mod backup;
pub mod db;
mod digest;
mod onboarding;
mod settings;

use crate::domain::account::Role;
use crate::i18n::CliMsg;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Args as ClapArgs, Parser, Subcommand};

use std::sync::Arc;

use crate::clock::{Clock, FixedClock, SystemClock};
use crate::core::Core;
use crate::front::discord::{self, DiscordConfig};
use crate::front::slack::SlackConfig;
use crate::front::terminal::{self, Session};
use crate::i18n::{Locale, Msg};
use crate::seed;
use crate::store::{Person, Store};

#[derive(Debug, Parser)]
#[command(
    name = "kam-bot",
    version,
    about = "Key account management in the chat: account cards, interaction logs and planning."
)]
pub struct Cli {
    /// The SQLite database file (created and migrated on first use), or a postgres:// URL (migrated).
    #[arg(long, global = true, env = "KAM_DB", default_value = "kam.db")]
    pub db: PathBuf,
    /// The workspace: `local`, `discord:<guild id>` or `slack:<team id>`.
    #[arg(long, global = true, env = "KAM_WORKSPACE", default_value = "local")]
    pub workspace: String,
    /// Pretend it is this instant (RFC 3339, e.g. 2026-12-07T08:00:00-03:00) instead of reading the clock.
    #[arg(long, global = true, env = "KAM_NOW", value_parser = parse_instant)]
    pub now: Option<DateTime<Utc>>,
    /// The configuration file (TOML); the environment and these options override it.
    #[arg(long, global = true, env = "KAM_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// How logs are written on standard error: text, or one JSON object a line.
    #[arg(long, global = true, env = "KAM_LOG_FORMAT", value_enum, default_value_t = crate::logging::LogFormat::Text)]
    pub log_format: crate::logging::LogFormat,
    #[command(subcommand)]
    pub command: CliCommand,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Chat with the bot in the terminal: one command a line, from the keyboard or a pipe.
    Chat(ChatArgs),
    /// Fill the workspace with data to try the bot or to benchmark it.
    Seed(SeedArgs),
    /// Run the bot: Discord (gateway, HTTP endpoint), Slack (HTTP endpoint, Socket Mode) and the scheduler.
    Serve(ServeArgs),
    /// Discord slash commands: print their definitions or register them.
    #[command(subcommand)]
    Discord(DiscordCommand),
    /// The people of the workspace: list them, add them before they use the bot, change their
    /// role or manager, and link them to their chat user.
    #[command(subcommand)]
    People(PeopleCommand),
    /// Import accounts, contacts or people from a CSV or Excel file (a CRM export or a team's
    /// spreadsheet), all or nothing.
    Import(onboarding::ImportArgs),
    /// Export accounts, contacts, people, interactions or opportunities as CSV or JSON.
    Export(onboarding::ExportArgs),
    /// A customer contact's personal data (LGPD): export it as JSON, or erase it everywhere.
    Privacy {
        /// export or erase.
        #[arg(value_parser = ["export", "erase"])]
        action: String,
        /// The account (name, alias or the start of one).
        account: String,
        /// The contact's name.
        contact: String,
    },
    /// The scheduler: reminders, yearly-review prompts and weekly digests.
    #[command(subcommand)]
    Jobs(JobsCommand),
    /// The workspace's defaults: language, time zone, and the role of newcomers.
    #[command(subcommand)]
    Workspace(WorkspaceCommand),
    /// A manager's weekly digest as it would be sent now, and its chart as a PNG file.
    Digest(digest::DigestArgs),
    /// Write a consistent copy of the database to FILE, also while `serve` runs on it.
    Backup {
        file: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Replace the database with the backup FILE, once it passes its checks (refused while
    /// `serve` runs on the database; the database replaced is kept beside it).
    Restore { file: PathBuf },
    /// The configuration file: check it and print the configuration in force.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// The database itself: move it between SQLite and PostgreSQL.
    #[command(subcommand)]
    Db(DbCommand),
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Copy a whole database from a SQLite file to an empty PostgreSQL database (a postgres://
    /// URL) or back, in one transaction, then check it: every table's row count, and the same
    /// card for a sample of accounts.
    Copy {
        /// Where the data is: kam.db, or postgres://user@host/database.
        from: String,
        /// Where it goes; must hold no data.
        to: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Check the file (`--config` or `KAM_CONFIG`): each mistake with its line; then print the
    /// effective configuration, secrets masked. Exits 2 when the file has mistakes.
    Check,
}

impl Cli {
    /// Reads the command line, then the configuration file it names: settings the command line
    /// and the environment leave at their defaults take the file's values. Mistakes in the file
    /// are returned with their lines.
    pub fn load() -> Result<(Cli, crate::config::Config), String> {
        use clap::{CommandFactory, FromArgMatches};
        let matches = Cli::command().get_matches();
        let mut cli = match Cli::from_arg_matches(&matches) {
            Ok(cli) => cli,
            Err(e) => e.exit(),
        };
        let config = match &cli.config {
            Some(path) => crate::config::load(path).map_err(|problems| {
                let lines: Vec<String> =
                    problems.iter().map(|p| format!("{}:{}: {}", path.display(), p.line, p.message)).collect();
                lines.join("\n")
            })?,
            None => crate::config::Config::default(),
        };
        let defaulted = |m: &clap::ArgMatches, id: &str| {
            m.value_source(id).is_none_or(|s| s == clap::parser::ValueSource::DefaultValue)
        };
        if let Some(db) = config.database.clone().filter(|_| defaulted(&matches, "db")) {
            cli.db = db;
        }
        if let Some(format) = config.log_format.filter(|_| defaulted(&matches, "log_format")) {
            cli.log_format = format;
        }
        if let (CliCommand::Serve(args), Some(serve)) = (&mut cli.command, matches.subcommand_matches("serve")) {
            if let Some(listen) = config.listen.filter(|_| defaulted(serve, "listen")) {
                args.listen = Some(listen);
            }
            if let Some(ms) = config.answer_within_ms.filter(|_| defaulted(serve, "answer_within")) {
                args.answer_within = ms;
            }
            if let Some(shards) = config.discord_shards.filter(|_| defaulted(serve, "discord_shards")) {
                args.discord_shards = Some(shards);
            }
        }
        Ok((cli, config))
    }
}

#[derive(Debug, Subcommand)]
pub enum WorkspaceCommand {
    /// Show the workspace's settings.
    Show,
    /// Change them.
    Set {
        /// The language of people who chose none: en or pt-BR.
        #[arg(long, value_parser = parse_locale)]
        language: Option<Locale>,
        /// The time zone of schedules and dates, e.g. America/Sao_Paulo.
        #[arg(long, value_parser = parse_time_zone)]
        time_zone: Option<chrono_tz::Tz>,
        /// The role of a person seen for the first time.
        #[arg(long)]
        default_role: Option<Role>,
    },
}

fn parse_time_zone(s: &str) -> Result<chrono_tz::Tz, String> {
    s.parse().map_err(|_| "expected a time zone name such as America/Sao_Paulo".to_string())
}

#[derive(Debug, Subcommand)]
pub enum JobsCommand {
    /// List what every occurrence between two instants would send, without sending or recording.
    Preview {
        #[arg(long, value_parser = parse_instant)]
        from: DateTime<Utc>,
        #[arg(long, value_parser = parse_instant)]
        to: DateTime<Utc>,
    },
    /// Run everything due at an instant (default: now), deliver it, and print each message.
    Run {
        #[arg(long, value_parser = parse_instant)]
        at: Option<DateTime<Utc>>,
    },
    /// The last and next run of each job, and the outbox.
    Status,
}

#[derive(Debug, ClapArgs)]
pub struct ServeArgs {
    /// Serve HTTP on this address (e.g. 127.0.0.1:8787): GET /healthz, POST /discord/interactions
    /// when DISCORD_PUBLIC_KEY is set, POST /slack/commands when SLACK_SIGNING_SECRET is set.
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<std::net::SocketAddr>,
    /// Answer over HTTP within this many milliseconds; a slower command is acknowledged at once
    /// and its answer follows (Discord: a deferred response; Slack: the response_url). Both
    /// platforms wait 3 000 ms at most.
    #[arg(long, value_name = "MS", env = "KAM_ANSWER_WITHIN_MS", default_value_t = 2000,
          value_parser = clap::value_parser!(u64).range(0..=2500))]
    pub answer_within: u64,
    /// Run these Discord gateway shards (FIRST-LAST/TOTAL, like 0-1/4) whether or not this
    /// process leads, each shard held by one process at a time. Without it, the process that
    /// leads the scheduler runs the whole gateway.
    #[arg(long, value_name = "RANGE", env = "KAM_DISCORD_SHARDS")]
    pub discord_shards: Option<crate::shards::ShardRange>,
}

#[derive(Debug, Subcommand)]
pub enum DiscordCommand {
    /// Print, as JSON, the slash-command definitions that `register` sends.
    Commands,
    /// Register the slash commands with Discord (DISCORD_TOKEN; in DISCORD_GUILD_ID only, if set).
    Register,
}

#[derive(Debug, Subcommand)]
pub enum PeopleCommand {
    /// List the people of the workspace with their platform and role.
    List,
    /// Add a person before they use the bot (link them to their chat user later).
    Add {
        /// Their full name.
        name: String,
        /// admin, manager or rep.
        #[arg(long, default_value = "rep")]
        role: Role,
        /// Their manager's name.
        #[arg(long)]
        manager: Option<String>,
    },
    /// Change a person's role, manager (`none` for nobody) or name.
    Set {
        /// The person's name (or its start).
        name: String,
        #[arg(long)]
        role: Option<Role>,
        #[arg(long)]
        manager: Option<String>,
        /// Their new name.
        #[arg(long = "name", value_name = "NEW_NAME")]
        new_name: Option<String>,
    },
    /// Tie a person to their chat user: a Discord user id, a Slack user id (U…) or a terminal name.
    Link {
        /// The person's name (or its start).
        name: String,
        #[arg(long, value_parser = ["discord", "slack", "terminal"])]
        platform: String,
        /// The user id on that platform.
        #[arg(long)]
        user: String,
    },
    /// Make a person an admin, a manager or a rep.
    SetRole {
        /// The person's display name (or its start).
        name: String,
        /// admin, manager or rep.
        role: Role,
    },
}

#[derive(Debug, ClapArgs)]
pub struct ChatArgs {
    /// Load the demo portfolio first when the workspace is empty.
    #[arg(long)]
    pub demo: bool,
    /// Chat as this person of the workspace (default: a local admin).
    #[arg(long = "as", value_name = "NAME")]
    pub as_person: Option<String>,
    /// Answer in this language when the person has chosen none: en or pt-BR.
    #[arg(long, value_parser = parse_locale)]
    pub lang: Option<Locale>,
}

#[derive(Debug, ClapArgs)]
#[group(required = true, multiple = false)]
pub struct SeedArgs {
    /// The demo portfolio: ten Brazilian key accounts with a year of history (only into an empty workspace).
    #[arg(long)]
    pub demo: bool,
    /// N synthetic accounts, each with three contacts and about twenty interactions.
    #[arg(long, value_name = "N")]
    pub synthetic: Option<usize>,
}

fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("{e}: expected RFC 3339, like 2026-12-07T08:00:00-03:00"))
}

fn parse_locale(s: &str) -> Result<Locale, String> {
    Locale::parse(s).ok_or_else(|| "expected en or pt-BR".to_string())
}

/// Runs the command line, returning the process exit code.
pub async fn run(cli: Cli, config: crate::config::Config) -> ExitCode {
    match dispatch(cli, config).await {
        Ok(code) => code,
        // A reader that stopped early (`| head`) is not a failure.
        Err(e) if e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::error!(error = ?e, "kam-bot failed");
            eprintln!("kam-bot: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn dispatch(cli: Cli, config: crate::config::Config) -> anyhow::Result<ExitCode> {
    let clock: Arc<dyn Clock> = match cli.now {
        Some(now) => Arc::new(FixedClock::new(now)),
        None => Arc::new(SystemClock),
    };
    if let CliCommand::Discord(DiscordCommand::Commands) = &cli.command {
        println!("{}", discord::commands::definitions_json()?);
        return Ok(ExitCode::SUCCESS);
    }
    if let CliCommand::Config(ConfigCommand::Check) = &cli.command {
        return Ok(settings::check(&cli, &config));
    }
    if let CliCommand::Db(DbCommand::Copy { from, to }) = &cli.command {
        let locale = terminal_locale().unwrap_or_default();
        return db::copy(from, to, &config.settings, clock.now(), locale).await;
    }
    // A database URL other than PostgreSQL's is not a file: say so in one line, without echoing
    // the URL, which may hold a password. PostgreSQL's has no backup or restore of ours.
    let place = match db::Place::read(&cli.db.to_string_lossy()) {
        Ok(place) => place,
        Err(scheme) => {
            let locale = terminal_locale().unwrap_or_default();
            eprintln!("{}", locale.t(Msg::Cli(CliMsg::DatabaseUrl { scheme })));
            return Ok(ExitCode::from(2));
        }
    };
    if matches!(place, db::Place::Postgres(_))
        && matches!(cli.command, CliCommand::Backup { .. } | CliCommand::Restore { .. })
    {
        let locale = terminal_locale().unwrap_or_default();
        eprintln!("{}", locale.t(Msg::Cli(CliMsg::BackupPostgres)));
        return Ok(ExitCode::from(2));
    }
    // A restore must not open (and migrate) the database it replaces.
    if let CliCommand::Restore { file } = &cli.command {
        return backup::restore(file, &cli.db).await;
    }
    let pool_size = config.pool_size.unwrap_or(crate::store::POOL_SIZE);
    let store = match &place {
        db::Place::Sqlite(path) => Store::open_with(path, pool_size, config.settings.clone()).await?,
        db::Place::Postgres(url) => Store::connect_postgres(url, pool_size, config.settings.clone())
            .await
            .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", place.shown()))?,
    };
    let lock = match &place {
        db::Place::Sqlite(path) => Some(path.as_path()),
        db::Place::Postgres(_) => None,
    };
    let code = match cli.command {
        CliCommand::Chat(args) => chat(&store, &cli.workspace, clock.as_ref(), args).await?,
        CliCommand::Seed(args) => seed_command(&store, &cli.workspace, clock.as_ref(), args).await?,
        CliCommand::Serve(args) => serve(&store, lock, clock, args).await?,
        CliCommand::Discord(DiscordCommand::Register) => crate::startup::register().await?,
        CliCommand::Discord(DiscordCommand::Commands) => ExitCode::SUCCESS,
        CliCommand::People(command) => people(&store, &cli.workspace, clock.now(), command).await?,
        CliCommand::Import(args) => onboarding::import_command(&store, &cli.workspace, clock.now(), args).await?,
        CliCommand::Export(args) => onboarding::export_command(&store, &cli.workspace, clock.now(), args).await?,
        CliCommand::Privacy { action, account, contact } => {
            let command = crate::core::Command::Privacy(crate::core::commands::privacy::Privacy {
                erase: action == "erase",
                account,
                contact,
            });
            onboarding::privacy(&store, &cli.workspace, clock.now(), command).await?
        }
        CliCommand::Jobs(command) => jobs(&store, clock.as_ref(), command).await?,
        CliCommand::Workspace(command) => workspace_command(&store, &cli.workspace, clock.now(), command).await?,
        CliCommand::Digest(args) => digest::run(&store, &cli.workspace, clock.now(), args).await?,
        CliCommand::Backup { file, force } => backup::backup(&store, &file, force).await?,
        CliCommand::Restore { .. } | CliCommand::Config(_) | CliCommand::Db(_) => ExitCode::SUCCESS,
    };
    store.close().await;
    Ok(code)
}

async fn chat(store: &Store, workspace: &str, clock: &dyn Clock, mut args: ChatArgs) -> anyhow::Result<ExitCode> {
    // The terminal's language (`LANG=pt_BR.UTF-8`) unless `--lang` says; a new workspace takes it.
    args.lang = args.lang.or_else(terminal_locale);
    store.ensure_workspace_speaking(workspace, clock.now(), args.lang).await?;
    let cli_locale = args.lang.unwrap_or_default();
    if args.demo {
        load_demo(store, workspace, clock.now(), cli_locale).await?;
    }
    let person = match &args.as_person {
        Some(name) => match chat_person(store, workspace, clock.now(), name).await? {
            Ok(person) => person,
            Err(msg) => {
                eprintln!("{}", cli_locale.t(msg));
                return Ok(ExitCode::from(2));
            }
        },
        None => local_admin(store, workspace, clock.now()).await?,
    };
    let ws = store.ensure_workspace(workspace, clock.now()).await?;
    if !store.has_any_account(ws.id).await? {
        let locale = args.lang.or_else(|| Locale::parse(&ws.language)).unwrap_or_default();
        eprintln!("{}", locale.t(Msg::Onb(crate::i18n::Onb::EmptyWorkspace)));
        eprintln!("{}", locale.t(Msg::Onb(crate::i18n::Onb::FirstRunLanguage)));
    }
    let session = Session { workspace: workspace.to_string(), person, locale: args.lang };
    let core = Core::new(store.clone());
    let mut stdout = tokio::io::stdout();
    terminal::run(&core, &session, clock, &mut stdout).await?;
    Ok(ExitCode::SUCCESS)
}

/// The language the terminal's environment names (`LC_ALL`, `LC_MESSAGES`, `LANG`), if ours.
fn terminal_locale() -> Option<Locale> {
    let value =
        ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))?;
    let lower = value.to_ascii_lowercase();
    if lower.starts_with("pt") {
        Some(Locale::PtBr)
    } else if lower.starts_with("en") {
        Some(Locale::En)
    } else {
        None
    }
}

async fn load_demo(store: &Store, workspace: &str, now: DateTime<Utc>, locale: Locale) -> anyhow::Result<()> {
    if let Some(report) = seed::demo::seed_demo(store, workspace, now).await? {
        eprintln!(
            "{}",
            locale.t(Msg::Cli(CliMsg::CliSeeded {
                workspace: workspace.to_string(),
                accounts: report.accounts,
                contacts: report.contacts,
                interactions: report.interactions,
            }))
        );
    }
    Ok(())
}

/// The terminal person named NAME, or the message saying why there is none.
async fn chat_person(
    store: &Store,
    workspace: &str,
    now: DateTime<Utc>,
    name: &str,
) -> anyhow::Result<Result<Person, Msg>> {
    let ws = store.ensure_workspace(workspace, now).await?;
    let found: Vec<Person> = store
        .find_people_by_name(ws.id, name)
        .await?
        .into_iter()
        .filter(|p| p.platform == crate::domain::identity::Platform::Terminal)
        .collect();
    let folded = crate::domain::text::fold(name);
    if let Some(exact) = found.iter().find(|p| crate::domain::text::fold(&p.display_name) == folded) {
        return Ok(Ok(exact.clone()));
    }
    Ok(match found.len() {
        1 => Ok(found[0].clone()),
        0 => {
            let known: Vec<String> = store
                .people(ws.id)
                .await?
                .into_iter()
                .filter(|p| p.platform == crate::domain::identity::Platform::Terminal)
                .map(|p| p.display_name)
                .collect();
            Err(Msg::Cli(CliMsg::CliNoSuchPerson { name: name.to_string(), known }))
        }
        _ => Err(Msg::Cli(CliMsg::PersonAmbiguous {
            name: name.to_string(),
            names: found.into_iter().map(|p| p.display_name).collect(),
        })),
    })
}

/// The terminal's own administrator, created on first use.
async fn local_admin(store: &Store, workspace: &str, now: DateTime<Utc>) -> anyhow::Result<Person> {
    let ws = store.ensure_workspace(workspace, now).await?;
    let mut tx = store.write().await?;
    let id = tx.local_admin(ws.id, now).await?;
    tx.commit().await?;
    store.person(ws.id, id).await?.ok_or_else(|| anyhow::anyhow!("the local admin vanished"))
}

async fn seed_command(store: &Store, workspace: &str, clock: &dyn Clock, args: SeedArgs) -> anyhow::Result<ExitCode> {
    let locale = Locale::default();
    let now = clock.now();
    if args.demo {
        match seed::demo::seed_demo(store, workspace, now).await? {
            Some(report) => println!(
                "{}",
                locale.t(Msg::Cli(CliMsg::CliSeeded {
                    workspace: workspace.to_string(),
                    accounts: report.accounts,
                    contacts: report.contacts,
                    interactions: report.interactions,
                }))
            ),
            None => {
                eprintln!("{}", locale.t(Msg::Cli(CliMsg::CliNotEmpty { workspace: workspace.to_string() })));
                return Ok(ExitCode::from(2));
            }
        }
    }
    if let Some(n) = args.synthetic {
        let started = std::time::Instant::now();
        let report = seed::synthetic::seed_synthetic(store, workspace, n, now).await?;
        println!(
            "{} ({:.1} s)",
            locale.t(Msg::Cli(CliMsg::CliSeeded {
                workspace: workspace.to_string(),
                accounts: report.accounts,
                contacts: report.contacts,
                interactions: report.interactions,
            })),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `serve`: the settings read once, then the server built and run.
async fn serve(
    store: &Store,
    db: Option<&std::path::Path>,
    clock: Arc<dyn Clock>,
    args: ServeArgs,
) -> anyhow::Result<ExitCode> {
    let mut settings = crate::startup::ServeSettings::read(args.listen, args.answer_within)?;
    settings.discord_shards = args.discord_shards;
    crate::startup::serve(store, db, clock, settings).await
}

async fn people(
    store: &Store,
    workspace: &str,
    now: DateTime<Utc>,
    command: PeopleCommand,
) -> anyhow::Result<ExitCode> {
    let locale = Locale::default();
    let ws = store.ensure_workspace(workspace, now).await?;
    match command {
        PeopleCommand::List => {
            for p in store.people(ws.id).await? {
                let identity =
                    if p.is_linked() { format!("{}:{}", p.platform, p.platform_user_id) } else { "-".to_string() };
                println!("{}\t{}\t{identity}", p.display_name, p.role);
            }
        }
        PeopleCommand::Add { name, role, manager } => {
            let action = crate::core::commands::people::PeopleAction::Add { name, role, manager };
            return onboarding::people_change(store, workspace, now, action).await;
        }
        PeopleCommand::Set { name, role, manager, new_name } => {
            let action =
                crate::core::commands::people::PeopleAction::Set { person: name, role, manager, name: new_name };
            return onboarding::people_change(store, workspace, now, action).await;
        }
        PeopleCommand::Link { name, platform, user } => {
            return onboarding::people_link(store, workspace, now, &name, &platform, &user).await;
        }
        PeopleCommand::SetRole { name, role } => {
            let person = match person_named(store, ws.id, &name).await? {
                Ok(person) => person,
                Err(msg) => {
                    eprintln!("{}", locale.t(msg));
                    return Ok(ExitCode::from(2));
                }
            };
            store.set_role(ws.id, person.id, role).await?;
            println!("{}", locale.t(Msg::Cli(CliMsg::RoleSet { name: person.display_name.clone(), role })));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The one person of the workspace a name (or its start) names, or why there is not one.
async fn person_named(store: &Store, workspace_id: i64, name: &str) -> anyhow::Result<Result<Person, Msg>> {
    let found = store.find_people_by_name(workspace_id, name).await?;
    let folded = crate::domain::text::fold(name);
    let exact: Vec<&Person> = found.iter().filter(|p| crate::domain::text::fold(&p.display_name) == folded).collect();
    Ok(match (exact.as_slice(), found.as_slice()) {
        ([one], _) => Ok((*one).clone()),
        ([], [one]) => Ok(one.clone()),
        ([], []) => Err(Msg::Cli(CliMsg::PersonNotFound { name: name.to_string() })),
        _ => Err(Msg::Cli(CliMsg::PersonAmbiguous {
            name: name.to_string(),
            names: found.iter().map(|p| p.display_name.clone()).collect(),
        })),
    })
}

async fn jobs(store: &Store, clock: &dyn Clock, command: JobsCommand) -> anyhow::Result<ExitCode> {
    let locale = terminal_locale().unwrap_or_default();
    let scheduler = crate::scheduler::Scheduler::new(store.clone());
    match command {
        JobsCommand::Preview { from, to } => {
            let previews = scheduler.preview(from, to).await?;
            let mut total = 0;
            for p in previews {
                let local = p.at.with_timezone(&p.tz);
                println!("{} {} · {} · {}", local.format("%Y-%m-%d %H:%M"), p.tz.name(), p.workspace, p.job.name());
                for (to, reply) in &p.messages {
                    println!("→ {to}\n{}", terminal::render(reply));
                }
                total += p.messages.len();
            }
            println!("{}", locale.t(Msg::Cli(CliMsg::CliWouldSend { count: total })));
        }
        JobsCommand::Run { at } => {
            let at = at.unwrap_or_else(|| clock.now());
            scheduler.tick(at).await?;
            let config = DiscordConfig::from_env()?;
            let notifiers = crate::startup::notifiers(
                &config,
                &SlackConfig::from_env(),
                Arc::new(crate::notify::AcceptingNotifier),
            )?;
            let report = scheduler.deliver(at, &notifiers).await?;
            // Named as `jobs preview` names them, the platform's address beside the name; each
            // person read once however many messages they get.
            let mut names: std::collections::HashMap<(i64, i64), Option<String>> = std::collections::HashMap::new();
            for d in &report.delivered {
                let key = (d.workspace_id, d.person_id);
                if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(key) {
                    slot.insert(store.person(d.workspace_id, d.person_id).await?.map(|p| p.display_name));
                }
                let name = names.get(&key).cloned().flatten();
                match name {
                    Some(name) => println!("→ {name} ({})\n{}", d.to, terminal::render(&d.reply)),
                    None => println!("→ {}\n{}", d.to, terminal::render(&d.reply)),
                }
            }
            for (to, reason) in &report.failed {
                eprintln!("{}", locale.t(Msg::Cli(CliMsg::CliUndelivered { to: to.clone(), reason: reason.clone() })));
            }
            if report.retrying > 0 {
                eprintln!("{}", locale.t(Msg::Cli(CliMsg::CliRetrying { count: report.retrying })));
            }
            println!("{}", locale.t(Msg::Cli(CliMsg::CliSent { count: report.delivered.len() })));
        }
        JobsCommand::Status => {
            let now = clock.now();
            for id in store.workspace_ids().await? {
                let Some(ws) = store.workspace_by_id(id).await? else { continue };
                let tz: chrono_tz::Tz = ws.time_zone.tz();
                println!("{} ({})", ws.key, ws.time_zone);
                for s in store.schedules(ws.id).await? {
                    let last = store.last_job_run(ws.id, s.job.name()).await?;
                    let last = last.map(|(at, _, n)| (at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(), n));
                    let next = s
                        .cron
                        .next(tz, now, 1)
                        .first()
                        .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string());
                    println!(
                        "{}",
                        locale.t(Msg::Cli(CliMsg::CliJobStatus {
                            job: s.job.name().to_string(),
                            cron: s.cron.source().to_string(),
                            last,
                            next,
                            enabled: s.enabled,
                        }))
                    );
                }
                let o = store.outbox_counts(Some(ws.id)).await?;
                let (pending, delivered, failed) = (o.pending, o.delivered, o.failed);
                println!("{}", locale.t(Msg::Cli(CliMsg::CliOutboxCounts { pending, delivered, failed })));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn workspace_command(
    store: &Store,
    key: &str,
    now: DateTime<Utc>,
    command: WorkspaceCommand,
) -> anyhow::Result<ExitCode> {
    let ws = store.ensure_workspace(key, now).await?;
    if let WorkspaceCommand::Set { language, time_zone, default_role } = &command {
        store
            .update_workspace(
                ws.id,
                language.map(Locale::tag),
                time_zone.map(|tz| tz.name()),
                default_role.map(Role::code),
            )
            .await?;
    }
    let ws = store.ensure_workspace(key, now).await?;
    println!(
        "workspace     {}\nlanguage      {}\ntime zone     {}\ndefault role  {}",
        ws.key, ws.language, ws.time_zone, ws.default_role
    );
    Ok(ExitCode::SUCCESS)
}
