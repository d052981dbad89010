//! Building and running the bot for real: the settings of `serve` read once, then its HTTP server,
//! gateway, Socket Mode and scheduler started together and stopped together. The command line
//! only parses; this is where the parts are wired.

use crate::i18n::Translate;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use crate::clock::{Clock, SystemClock};
use crate::core::Core;
use crate::front::discord::{self, DiscordConfig};
use crate::front::slack::{self, SlackConfig};
use crate::i18n::{CliMsg, Locale, Msg};
use crate::store::Store;

/// Everything `serve` runs with, read once before anything starts.
pub struct ServeSettings {
    /// The HTTP address, if the endpoints are served.
    pub listen: Option<SocketAddr>,
    /// How long an HTTP request may wait for its answer before it is acknowledged.
    pub answer_within: Duration,
    pub discord: DiscordConfig,
    pub slack: SlackConfig,
}

impl ServeSettings {
    /// The command line's choices and the platforms' settings from the environment.
    pub fn read(listen: Option<SocketAddr>, answer_within_ms: u64) -> anyhow::Result<ServeSettings> {
        Ok(ServeSettings {
            listen,
            answer_within: Duration::from_millis(answer_within_ms),
            discord: DiscordConfig::from_env()?,
            slack: SlackConfig::from_env(),
        })
    }
}

/// The lease whose holder composes the scheduled jobs.
const SCHEDULER_LEASE: &str = "scheduler";
/// How long the lead lasts without renewal, and how often it is renewed (or tried for): a dead
/// leader's lead passes to another process within `LEASE_FOR + LEASE_RENEW`.
const LEASE_FOR: chrono::Duration = chrono::Duration::seconds(30);
const LEASE_RENEW: std::time::Duration = std::time::Duration::from_secs(10);

/// This process among those sharing the database: its host, process id and start.
fn replica_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname").map(|h| h.trim().to_string()).unwrap_or_default();
    format!("{host}:{}:{}", std::process::id(), chrono::Utc::now().timestamp_millis())
}

/// Serves until SIGTERM or Ctrl-C: the HTTP endpoints, the Discord gateway and Slack's Socket
/// Mode as configured, and the scheduler.
pub async fn serve(
    store: &Store,
    db: Option<&std::path::Path>,
    clock: Arc<dyn Clock>,
    settings: ServeSettings,
) -> anyhow::Result<ExitCode> {
    let locale = Locale::default();
    let ServeSettings { listen, answer_within, discord: config, slack } = settings;
    // On a SQLite file, held until `serve` returns: a restore waits for the bot to stop, a second
    // bot does not start. PostgreSQL has no file to lock.
    let _running = match db {
        Some(db) => match crate::lifecycle::ServeLock::take(db)? {
            Some(lock) => Some(lock),
            None => {
                eprintln!("{}", locale.t(Msg::Cli(CliMsg::CliAlreadyServing { db: db.display().to_string() })));
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };
    // With the bot token, people the bot has not met take the name Slack gives them.
    let slack_directory = match &slack.bot_token {
        Some(token) => Some(slack::people::Directory::new(slack::notifier::client(slack.api_url.as_deref())?, token)),
        None => None,
    };
    // With the bot token, what is written to the bot (a mention, a direct message) is answered.
    let slack_poster = match &slack.bot_token {
        Some(token) => {
            let client = slack::notifier::client(slack.api_url.as_deref())?;
            let policy = crate::notify::RetryPolicy::default();
            Some(Arc::new(slack::notifier::SlackNotifier::new(client, token, policy)))
        }
        None => None,
    };
    let core = Core::new(store.clone());
    let stop = crate::lifecycle::on_signal();
    let mut tasks = tokio::task::JoinSet::new();
    if let Some(addr) = listen {
        if config.public_key.is_none() && slack.signing_secret.is_none() {
            eprintln!("{}", locale.t(Msg::Cli(CliMsg::CliListenWithoutEndpoint)));
            return Ok(ExitCode::from(2));
        }
        let observed = crate::server::Observed {
            store: store.clone(),
            started: chrono::Utc::now(),
            tick_every: crate::scheduler::TICK_EVERY,
        };
        let mut routes = crate::server::base_routes(observed);
        if let Some(key) = &config.public_key {
            let endpoint = discord::endpoint::DiscordEndpoint {
                core: core.clone(),
                verifier: Arc::new(discord::endpoint::verifier(key)?),
                http: config.http(),
                clock: clock.clone(),
                wall_clock: Arc::new(SystemClock),
                defer_after: answer_within,
            };
            routes = routes.merge(discord::endpoint::routes(endpoint));
        }
        if let Some(secret) = &slack.signing_secret {
            let mut endpoint = slack::endpoint::SlackEndpoint::new(core.clone(), secret, clock.clone());
            endpoint.answer_within = answer_within;
            endpoint.directory = slack_directory.clone();
            endpoint.poster = slack_poster.clone();
            routes = routes.merge(slack::endpoint::routes(endpoint));
        }
        let (listener, bound) = crate::server::bind(addr).await?;
        eprintln!("{}", locale.t(Msg::Cli(CliMsg::CliListening { address: bound.to_string() })));
        tasks.spawn(crate::server::serve(listener, routes, stop.clone()));
    }
    if config.token.is_some() {
        tasks.spawn(discord::gateway::run(core.clone(), config.clone(), clock.clone(), stop.clone()));
    }
    if let Some(app_token) = slack.app_token.clone() {
        let client = slack::notifier::client(slack.api_url.as_deref())?;
        let core = core.clone();
        let stop = stop.clone();
        let directory = slack_directory.clone();
        let poster = slack_poster.clone();
        tasks.spawn(async move { slack::socket::run(core, directory, client, &app_token, poster, stop).await });
    }
    if tasks.is_empty() {
        eprintln!("{}", locale.t(Msg::Cli(CliMsg::CliNothingToServe)));
        return Ok(ExitCode::from(2));
    }
    // The scheduler reads and writes through connections of its own: people's writes waiting for
    // the write lock on every connection of the main pool cannot keep a job from running.
    let scheduler = crate::scheduler::Scheduler::new(store.own_pool(crate::scheduler::POOL_SIZE));
    let notifiers = notifiers(&config, &slack, Arc::new(crate::front::terminal::StdoutNotifier))?;
    // One process at a time composes the jobs (the lease's holder); every process delivers, each
    // message claimed by one of them.
    // The wall clock: a lease is about processes, not about the bot's (perhaps fixed) now.
    let replica = replica_name();
    let now = chrono::Utc::now();
    let first = store.take_lease(SCHEDULER_LEASE, &replica, now, now + LEASE_FOR).await.unwrap_or(false);
    crate::metrics::global().set_leader(first);
    let leading = Arc::new(std::sync::atomic::AtomicBool::new(first));
    let lease_store = store.clone();
    let (lease_leading, lease_stop, lease_replica) = (leading.clone(), stop.clone(), replica.clone());
    tasks.spawn(async move {
        while !lease_stop.is_cancelled() {
            tokio::select! {
                () = tokio::time::sleep(LEASE_RENEW) => {},
                () = lease_stop.cancelled() => break,
            }
            let now = chrono::Utc::now();
            let held = match lease_store.take_lease(SCHEDULER_LEASE, &lease_replica, now, now + LEASE_FOR).await {
                Ok(held) => held,
                Err(e) => {
                    tracing::error!(error = ?e, "the scheduler's lease could not be renewed");
                    false
                }
            };
            if held != lease_leading.swap(held, std::sync::atomic::Ordering::Relaxed) {
                tracing::info!(replica = %lease_replica, leads = held, "the scheduler's lead changed");
            }
            crate::metrics::global().set_leader(held);
        }
        if lease_leading.load(std::sync::atomic::Ordering::Relaxed) {
            // Stopping cleanly: another process leads at once.
            lease_store.release_lease(SCHEDULER_LEASE, &lease_replica).await.ok();
        }
        Ok(())
    });
    let tick_clock = clock.clone();
    let scheduler_stop = stop.clone();
    tasks.spawn(async move {
        // A tick and its deliveries run to their end; the stop is heard between ticks.
        while !scheduler_stop.is_cancelled() {
            let now = tick_clock.now();
            if leading.load(std::sync::atomic::Ordering::Relaxed)
                && let Err(e) = scheduler.tick(now).await
            {
                tracing::error!(error = ?e, "scheduler tick failed");
            }
            crate::metrics::global().ticked(chrono::Utc::now());
            if let Err(e) = scheduler.deliver(now, &notifiers).await {
                tracing::error!(error = ?e, "delivery failed");
            }
            tokio::select! {
                () = tokio::time::sleep(crate::scheduler::TICK_EVERY) => {},
                () = scheduler_stop.cancelled() => {},
            }
        }
        tracing::info!("the scheduler has stopped");
        Ok(())
    });
    // Everything runs until SIGTERM or Ctrl-C; then each part finishes what is in flight. A part
    // that fails stops the others.
    let mut failed = None;
    let stopping = async {
        while let Some(ended) = tasks.join_next().await {
            let ended = ended.map_err(anyhow::Error::from).and_then(|r| r);
            if let Err(e) = ended {
                stop.cancel();
                failed.get_or_insert(e);
            }
        }
        // Answers that had to wait, sent after their request was acknowledged.
        crate::lifecycle::drain(crate::lifecycle::in_flight(), "answers that had to wait").await;
    };
    let grace = crate::lifecycle::GRACE + std::time::Duration::from_secs(5);
    let finished = async {
        stop.cancelled().await;
        tokio::time::sleep(grace).await;
    };
    tokio::select! {
        () = stopping => {},
        () = finished => tracing::warn!("stopping without waiting longer for what is in flight"),
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// `discord register`: the catalog's commands sent to Discord.
pub async fn register() -> anyhow::Result<ExitCode> {
    let locale = Locale::default();
    let config = DiscordConfig::from_env()?;
    if config.token.is_none() {
        eprintln!("{}", locale.t(Msg::Cli(CliMsg::CliNeedsToken)));
        return Ok(ExitCode::from(2));
    }
    let http = config.http();
    if config.application_id.is_none() {
        let application = http.get_current_application_info().await?;
        http.set_application_id(application.id);
    }
    let count = discord::commands::register(&http, config.guild_id).await?;
    println!("{}", locale.t(Msg::Cli(CliMsg::CliRegistered { count, guild: config.guild_id })));
    Ok(ExitCode::SUCCESS)
}

/// The notifier of each configured platform; everything else goes to `fallback`.
pub fn notifiers(
    discord_config: &DiscordConfig,
    slack_config: &SlackConfig,
    fallback: Arc<dyn crate::notify::Notifier>,
) -> anyhow::Result<crate::scheduler::Notifiers> {
    let policy = crate::notify::RetryPolicy::default();
    let discord = discord_config.token.as_ref().map(|_| {
        Arc::new(discord::notifier::DiscordNotifier::new(discord_config.http(), policy))
            as Arc<dyn crate::notify::Notifier>
    });
    let slack = match &slack_config.bot_token {
        Some(token) => {
            let client = slack::notifier::client(slack_config.api_url.as_deref())?;
            Some(Arc::new(slack::notifier::SlackNotifier::new(client, token, policy))
                as Arc<dyn crate::notify::Notifier>)
        }
        None => None,
    };
    Ok(crate::scheduler::Notifiers { discord, slack, fallback })
}
