//! The load generator: drives `kam-bot serve --listen` on 127.0.0.1 with signed Discord or Slack
//! `/account` requests for synthetic accounts (or with `GET /healthz`, the ceiling of the HTTP
//! stack) from a number of concurrent connections, and reports throughput, p50, p99 and errors.
//!
//! ```sh
//! cargo run --release --example loadgen -- public-key     # give this to serve as DISCORD_PUBLIC_KEY
//! cargo run --release --example loadgen -- run --url http://127.0.0.1:8787 --target discord \
//!     --guild 111 --accounts 100000 --concurrency 32 --seconds 10
//! ```
//!
//! Discord requests are signed with a fixed Ed25519 test key (`public-key` prints its public
//! half); Slack requests with `--slack-secret` (the server's `SLACK_SIGNING_SECRET`). Only
//! 127.0.0.1 is ever contacted.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};
use ed25519_dalek::{Signer, SigningKey};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    command: Action,
}

#[derive(Subcommand)]
enum Action {
    /// Print the public key the Discord requests are signed for.
    PublicKey,
    /// Drive a running server and report what it did.
    Run(RunArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum Target {
    Discord,
    Slack,
    /// Slack `/log ACCOUNT call "loadgen N"`: a write each.
    SlackLog,
    Healthz,
}

#[derive(clap::Args)]
struct RunArgs {
    /// The server, on 127.0.0.1.
    #[arg(long, default_value = "http://127.0.0.1:8787")]
    url: String,
    #[arg(long, value_enum, default_value = "discord")]
    target: Target,
    /// Connections sending requests one after another.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Synthetic accounts in the workspace (`kam-bot seed --synthetic N`): names are drawn from them.
    #[arg(long, default_value_t = 100_000)]
    accounts: usize,
    /// The Discord guild of the workspace (`--workspace discord:GUILD` when seeding).
    #[arg(long, default_value = "111")]
    guild: u64,
    /// The Slack team of the workspace (`--workspace slack:TEAM` when seeding).
    #[arg(long, default_value = "T1")]
    team: String,
    /// The server's SLACK_SIGNING_SECRET.
    #[arg(long, default_value = "loadgen-signing-secret")]
    slack_secret: String,
    /// Threads of the generator's own runtime (it shares the machine with the server).
    #[arg(long, default_value_t = 1)]
    threads: usize,
}

fn signing_key() -> SigningKey {
    SigningKey::from_bytes(&[42u8; 32])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `/account NAME` from a guild member, shaped as Discord sends it.
fn discord_command(id: u64, guild: u64, name: &str) -> Value {
    json!({
        "id": id.to_string(),
        "application_id": "1200000000000000000",
        "type": 2,
        "data": {"id": "1250000000000000000", "name": "account", "type": 1, "guild_id": guild.to_string(),
                 "options": [{"name": "name", "type": 3, "value": name}]},
        "guild_id": guild.to_string(),
        "guild_locale": "en-US",
        "guild": {"id": guild.to_string(), "locale": "en-US", "features": []},
        "channel_id": "1300000000000000000",
        "channel": {"id": "1300000000000000000", "type": 0, "name": "key-accounts", "nsfw": false,
                    "permissions": "2248473465835073", "last_message_id": null, "flags": 0},
        "member": {
            "user": {"id": "4242", "username": "ana.souza", "discriminator": "0", "global_name": "Ana Souza",
                     "avatar": null, "public_flags": 0},
            "roles": [], "joined_at": "2025-03-01T12:00:00.000000+00:00", "deaf": false, "mute": false,
            "flags": 0, "pending": false, "permissions": "2248473465835073", "nick": null, "avatar": null,
            "premium_since": null, "communication_disabled_until": null, "unusual_dm_activity_until": null
        },
        "token": format!("aW50ZXJhY3Rpb246{id}"),
        "version": 1,
        "app_permissions": "2248473465835073",
        "locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": guild.to_string()},
        "context": 0,
        "attachment_size_limit": 10485760
    })
}

/// `/account NAME` as Slack posts a slash command.
fn slack_form(team: &str, trigger: u64, command: &str, text: &str) -> String {
    let trigger = format!("{trigger}.1.loadgen");
    serde_urlencoded::to_string([
        ("token", "loadgen"),
        ("team_id", team),
        ("team_domain", "acme"),
        ("channel_id", "C2147483705"),
        ("channel_name", "key-accounts"),
        ("user_id", "U2147483697"),
        ("user_name", "ana.souza"),
        ("command", command),
        ("text", text),
        ("api_app_id", "A123456"),
        ("is_enterprise_install", "false"),
        ("response_url", "http://127.0.0.1:9/commands/loadgen"),
        ("trigger_id", trigger.as_str()),
    ])
    .unwrap_or_default()
}

fn slack_signature(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        Err(_) => return String::new(),
    };
    mac.update(format!("v0:{timestamp}:{body}").as_bytes());
    format!("v0={}", hex(&mac.finalize().into_bytes()))
}

/// What one connection saw.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    errors: u64,
    deferred: u64,
    first_error: Option<String>,
}

async fn one_request(client: &reqwest::Client, args: &RunArgs, key: &SigningKey, n: u64) -> Result<bool, String> {
    let name = kam_bot::seed::synthetic::account_name((n as usize).wrapping_mul(7919) % args.accounts.max(1));
    let now = chrono::Utc::now().timestamp();
    let response = match args.target {
        Target::Healthz => client.get(format!("{}/healthz", args.url)).send().await,
        Target::Discord => {
            let body = serde_json::to_vec(&discord_command(1_400_000_000_000_000_000 + n, args.guild, &name))
                .map_err(|e| e.to_string())?;
            let timestamp = now.to_string();
            let signature = key.sign(&[timestamp.as_bytes(), &body].concat());
            client
                .post(format!("{}/discord/interactions", args.url))
                .header("content-type", "application/json")
                .header("X-Signature-Ed25519", hex(&signature.to_bytes()))
                .header("X-Signature-Timestamp", timestamp)
                .body(body)
                .send()
                .await
        }
        Target::Slack | Target::SlackLog => {
            let body = match args.target {
                Target::SlackLog => slack_form(&args.team, n, "/log", &format!("\"{name}\" call \"loadgen {n}\"")),
                _ => slack_form(&args.team, n, "/account", &name),
            };
            client
                .post(format!("{}/slack/commands", args.url))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("X-Slack-Signature", slack_signature(&args.slack_secret, now, &body))
                .header("X-Slack-Request-Timestamp", now.to_string())
                .body(body)
                .send()
                .await
        }
    };
    let response = response.map_err(|e| e.to_string())?;
    let status = response.status();
    let text = response.text().await.map_err(|e| e.to_string())?;
    if !status.is_success() {
        return Err(format!("{status}: {}", text.chars().take(200).collect::<String>()));
    }
    match args.target {
        Target::Healthz => Ok(false),
        // 4: the answer itself; 5: deferred (the answer follows as an edit).
        Target::Discord => match serde_json::from_str::<Value>(&text).map(|v| v["type"].as_i64()) {
            Ok(Some(4)) if text.contains(&name) => Ok(false),
            Ok(Some(5)) => Ok(true),
            _ => Err(format!("unexpected answer: {}", text.chars().take(200).collect::<String>())),
        },
        Target::Slack if text.contains("\"blocks\"") && text.contains(&name) => Ok(false),
        Target::SlackLog if text.contains("\"blocks\"") && text.contains("Logged") => Ok(false),
        Target::Slack | Target::SlackLog => {
            Err(format!("unexpected answer: {}", text.chars().take(200).collect::<String>()))
        }
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[(((sorted.len() - 1) as f64) * p).round() as usize]
}

async fn run(args: RunArgs) -> anyhow::Result<()> {
    let host = args.url.trim_start_matches("http://").split(['/', ':']).next().unwrap_or("");
    anyhow::ensure!(host == "127.0.0.1" || host == "localhost", "the load generator only drives 127.0.0.1");
    let args = Arc::new(args);
    let client =
        reqwest::Client::builder().pool_max_idle_per_host(args.concurrency).timeout(Duration::from_secs(10)).build()?;
    let key = Arc::new(signing_key());
    let counter = Arc::new(AtomicU64::new(0));
    // Warm up: the person is registered and every connection opened.
    for _ in 0..args.concurrency {
        one_request(&client, &args, &key, counter.fetch_add(1, Ordering::Relaxed))
            .await
            .map_err(|e| anyhow::anyhow!("the server does not answer as expected: {e}"))?;
    }
    let started = Instant::now();
    let deadline = started + Duration::from_secs(args.seconds);
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..args.concurrency {
        let (client, args, key, counter) = (client.clone(), args.clone(), key.clone(), counter.clone());
        workers.spawn(async move {
            let mut tally = Tally::default();
            while Instant::now() < deadline {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                let sent = Instant::now();
                match one_request(&client, &args, &key, n).await {
                    Ok(deferred) => {
                        tally.latencies.push(sent.elapsed());
                        tally.deferred += u64::from(deferred);
                    }
                    Err(e) => {
                        tally.errors += 1;
                        tally.first_error.get_or_insert(e);
                    }
                }
            }
            tally
        });
    }
    let mut all = Tally::default();
    while let Some(tally) = workers.join_next().await {
        let tally = tally?;
        all.latencies.extend(tally.latencies);
        all.errors += tally.errors;
        all.deferred += tally.deferred;
        if all.first_error.is_none() {
            all.first_error = tally.first_error;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.latencies.sort();
    let target = match args.target {
        Target::Discord => "signed Discord /account",
        Target::Slack => "signed Slack /account",
        Target::SlackLog => "signed Slack /log (a write each)",
        Target::Healthz => "GET /healthz",
    };
    println!(
        "{target}, {} connections, {:.1} s: {:.0} requests/s, p50 {:.2} ms, p99 {:.2} ms, {} errors, {} deferred",
        args.concurrency,
        elapsed,
        all.latencies.len() as f64 / elapsed,
        percentile(&all.latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&all.latencies, 0.99).as_secs_f64() * 1e3,
        all.errors,
        all.deferred
    );
    if let Some(e) = all.first_error {
        println!("first error: {e}");
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    match Args::parse().command {
        Action::PublicKey => {
            println!("{}", hex(signing_key().verifying_key().as_bytes()));
            Ok(())
        }
        Action::Run(args) => {
            let runtime =
                tokio::runtime::Builder::new_multi_thread().worker_threads(args.threads.max(1)).enable_all().build()?;
            runtime.block_on(run(args))
        }
    }
}
