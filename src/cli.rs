//! The command line: global options, subcommands, and the wiring from them to the core.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Args as ClapArgs, Parser, Subcommand};

use crate::clock::{Clock, FixedClock, SystemClock};
use crate::core::Core;
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
    /// The SQLite database file (created and migrated on first use).
    #[arg(long, global = true, env = "KAM_DB", default_value = "kam.db")]
    pub db: PathBuf,
    /// The workspace: `local`, `discord:<guild id>` or `slack:<team id>`.
    #[arg(long, global = true, env = "KAM_WORKSPACE", default_value = "local")]
    pub workspace: String,
    /// Pretend it is this instant (RFC 3339, e.g. 2026-12-07T08:00:00-03:00) instead of reading the clock.
    #[arg(long, global = true, env = "KAM_NOW", value_parser = parse_instant)]
    pub now: Option<DateTime<Utc>>,
    #[command(subcommand)]
    pub command: CliCommand,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Chat with the bot in the terminal: one command a line, from the keyboard or a pipe.
    Chat(ChatArgs),
    /// Fill the workspace with data to try the bot or to benchmark it.
    Seed(SeedArgs),
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
pub async fn run(cli: Cli) -> ExitCode {
    match dispatch(cli).await {
        Ok(code) => code,
        Err(e) => {
            tracing::error!(error = ?e, "kam-bot failed");
            eprintln!("kam-bot: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let clock: Box<dyn Clock> = match cli.now {
        Some(now) => Box::new(FixedClock::new(now)),
        None => Box::new(SystemClock),
    };
    let store = Store::open(&cli.db).await?;
    let code = match cli.command {
        CliCommand::Chat(args) => chat(&store, &cli.workspace, clock.as_ref(), args).await?,
        CliCommand::Seed(args) => seed_command(&store, &cli.workspace, clock.as_ref(), args).await?,
    };
    store.close().await;
    Ok(code)
}

async fn chat(store: &Store, workspace: &str, clock: &dyn Clock, args: ChatArgs) -> anyhow::Result<ExitCode> {
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
    let session = Session { workspace: workspace.to_string(), person, locale: args.lang };
    let core = Core::new(store.clone());
    let mut stdout = tokio::io::stdout();
    terminal::run(&core, &session, clock, &mut stdout).await?;
    Ok(ExitCode::SUCCESS)
}

async fn load_demo(store: &Store, workspace: &str, now: DateTime<Utc>, locale: Locale) -> anyhow::Result<()> {
    if let Some(report) = seed::demo::seed_demo(store, workspace, now).await? {
        eprintln!(
            "{}",
            locale.t(Msg::CliSeeded {
                workspace: workspace.to_string(),
                accounts: report.accounts,
                contacts: report.contacts,
                interactions: report.interactions,
            })
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
    let found: Vec<Person> =
        store.find_people_by_name(ws.id, name).await?.into_iter().filter(|p| p.platform == "terminal").collect();
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
                .filter(|p| p.platform == "terminal")
                .map(|p| p.display_name)
                .collect();
            Err(Msg::CliNoSuchPerson { name: name.to_string(), known })
        }
        _ => Err(Msg::PersonAmbiguous {
            name: name.to_string(),
            names: found.into_iter().map(|p| p.display_name).collect(),
        }),
    })
}

/// The terminal's own administrator, created on first use.
async fn local_admin(store: &Store, workspace: &str, now: DateTime<Utc>) -> anyhow::Result<Person> {
    let ws = store.ensure_workspace(workspace, now).await?;
    let mut person = store.ensure_person(ws.id, "terminal", "admin", "Local admin", now).await?;
    if person.role != "admin" {
        store.set_role(ws.id, person.id, "admin").await?;
        person.role = "admin".to_string();
    }
    Ok(person)
}

async fn seed_command(store: &Store, workspace: &str, clock: &dyn Clock, args: SeedArgs) -> anyhow::Result<ExitCode> {
    let locale = Locale::default();
    let now = clock.now();
    if args.demo {
        match seed::demo::seed_demo(store, workspace, now).await? {
            Some(report) => println!(
                "{}",
                locale.t(Msg::CliSeeded {
                    workspace: workspace.to_string(),
                    accounts: report.accounts,
                    contacts: report.contacts,
                    interactions: report.interactions,
                })
            ),
            None => {
                eprintln!("{}", locale.t(Msg::CliNotEmpty { workspace: workspace.to_string() }));
                return Ok(ExitCode::from(2));
            }
        }
    }
    if let Some(n) = args.synthetic {
        let started = std::time::Instant::now();
        let report = seed::synthetic::seed_synthetic(store, workspace, n, now).await?;
        println!(
            "{} ({:.1} s)",
            locale.t(Msg::CliSeeded {
                workspace: workspace.to_string(),
                accounts: report.accounts,
                contacts: report.contacts,
                interactions: report.interactions,
            }),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}
