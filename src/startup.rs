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
use crate::shards::ShardRange;
use crate::store::Store;

/// Everything `serve` runs with, read once before anything starts.
pub struct ServeSettings {
    /// The HTTP address, if the endpoints are served.
    pub listen: Option<SocketAddr>,
    /// How long an HTTP request may wait for its answer before it is acknowledged.
    pub answer_within: Duration,
    pub discord: DiscordConfig,
    /// The Discord gateway shards this process runs whether or not it leads; `None`: the whole
    /// gateway, in the process that leads the scheduler.
    pub discord_shards: Option<ShardRange>,
    pub slack: SlackConfig,
}

impl ServeSettings {
    /// The command line's choices and the platforms' settings from the environment.
    pub fn read(listen: Option<SocketAddr>, answer_within_ms: u64) -> anyhow::Result<ServeSettings> {
        Ok(ServeSettings {
            listen,
            answer_within: Duration::from_millis(answer_within_ms),
            discord: DiscordConfig::from_env()?,
            discord_shards: None,
            slack: SlackConfig::from_env(),
        })
    }
}

/// The lease whose holder composes the scheduled jobs (and, unless shards are given, runs the
/// Discord gateway).
const SCHEDULER_LEASE: &str = "scheduler";

/// Serves until SIGTERM or Ctrl-C: the HTTP endpoints, the Discord gateway and Slack's Socket
/// Mode as configured, and the scheduler.
pub async fn serve(
    store: &Store,
    db: Option<&std::path::Path>,
    clock: Arc<dyn Clock>,
    settings: ServeSettings,
) -> anyhow::Result<ExitCode> {
    let locale = Locale::default();
    let ServeSettings { listen, answer_within, discord: config, discord_shards, slack } = settings;
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
    if tasks.is_empty() && config.token.is_none() && slack.app_token.is_none() {
        eprintln!("{}", locale.t(Msg::Cli(CliMsg::CliNothingToServe)));
        return Ok(ExitCode::from(2));
    }
    // One process at a time composes the jobs (the lease's holder); every process delivers, each
    // message claimed by one of them.
    let replica = crate::roles::replica_name();
    let lead = crate::roles::Role::new(store.clone(), "scheduler", vec![SCHEDULER_LEASE.to_string()], &replica);
    let (leading, renew) = lead.keep(stop.clone()).await;
    tasks.spawn(renew);
    let mut lead_seen = leading.clone();
    crate::metrics::global().set_leader(*lead_seen.borrow_and_update());
    tasks.spawn(async move {
        while lead_seen.changed().await.is_ok() {
            crate::metrics::global().set_leader(*lead_seen.borrow_and_update());
        }
        Ok(())
    });
    if config.token.is_some() {
        // The gateway's shards, each in one process at a time: the leader's, or the range given
        // with its own leases.
        let (shards, allowed) = match discord_shards {
            None => (ShardRange::WHOLE, leading.clone()),
            Some(range) => {
                let role = crate::roles::Role::new(store.clone(), "discord gateway", range.lease_names(), &replica);
                let (allowed, renew) = role.keep(stop.clone()).await;
                tasks.spawn(renew);
                (range, allowed)
            }
        };
        tasks.spawn(discord::gateway::run(core.clone(), config.clone(), clock.clone(), stop.clone(), shards, allowed));
    }
    if let Some(app_token) = slack.app_token.clone() {
        let client = slack::notifier::client(slack.api_url.as_deref())?;
        let core = core.clone();
        let stop = stop.clone();
        let directory = slack_directory.clone();
        let poster = slack_poster.clone();
        tasks.spawn(async move { slack::socket::run(core, directory, client, &app_token, poster, stop).await });
    }
    // The scheduler reads and writes through connections of its own: people's writes waiting for
    // the write lock on every connection of the main pool cannot keep a job from running.
    let scheduler = crate::scheduler::Scheduler::new(store.own_pool(crate::scheduler::POOL_SIZE));
    let notifiers = notifiers(&config, &slack, Arc::new(crate::front::terminal::StdoutNotifier))?;
    // Answers owed by a process that died: each front end served here answers its own.
    let mut fronts: Vec<Arc<dyn crate::front::pending::Resume>> = Vec::new();
    if config.public_key.is_some() || config.token.is_some() {
        fronts.push(Arc::new(discord::interaction::Owed { core: core.clone(), http: config.http() }));
    }
    if slack.signing_secret.is_some() || slack.app_token.is_some() {
        let http = reqwest::Client::new();
        fronts.push(Arc::new(slack::commands::Owed { core: core.clone(), directory: slack_directory.clone(), http }));
    }
    let owing_store = store.clone();
    let tick_clock = clock.clone();
    let scheduler_stop = stop.clone();
    tasks.spawn(async move {
        // A tick and its deliveries run to their end; the stop is heard between ticks.
        let (mut leading, mut led) = (leading, false);
        while !scheduler_stop.is_cancelled() {
            let now = tick_clock.now();
            let leads = *leading.borrow();
            // Just come to lead: the claims of occurrences the last leader did not finish are its
            // (only a leader runs jobs), and this one runs them now rather than when they expire.
            if leads && !led {
                match scheduler.take_over(now).await {
                    Ok(0) => {}
                    Ok(taken) => tracing::info!(taken, "the last leader's unfinished job runs are taken over"),
                    Err(e) => tracing::error!(error = ?e, "the last leader's job runs could not be taken over"),
                }
            }
            led = leads;
            if leads && let Err(e) = scheduler.tick(now).await {
                tracing::error!(error = ?e, "scheduler tick failed");
            }
            crate::metrics::global().ticked(chrono::Utc::now());
            if let Err(e) = scheduler.deliver(now, &notifiers).await {
                tracing::error!(error = ?e, "delivery failed");
            }
            if let Err(e) = crate::front::pending::resume_due(&owing_store, &fronts).await {
                tracing::error!(error = ?e, "the answers other processes owed could not be taken on");
            }
            // A process that comes to lead ticks at once.
            tokio::select! {
                () = tokio::time::sleep(crate::scheduler::TICK_EVERY) => {},
                () = scheduler_stop.cancelled() => {},
                _ = async { leading.wait_for(|leads| *leads && !led).await.is_ok() } => {},
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
