//! `kam-bot config check`: the configuration file checked, and the configuration in force printed
//! as a file could hold it, with what the environment overrides and the secrets masked.

use std::process::ExitCode;

use super::Cli;
use crate::config::{Config, SECRETS, secret};
use crate::domain::health::Component;
use crate::domain::jobs::Job;

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The configuration in force. The file was checked on loading: a file with mistakes never gets
/// here (they are printed with their lines and the exit status is 2).
pub fn check(cli: &Cli, config: &Config) -> ExitCode {
    let s = &config.settings;
    let mut out = Vec::new();
    out.push(match &config.path {
        Some(path) => format!("# {}: no mistakes. The configuration in force:", path.display()),
        None => "# No configuration file (--config or KAM_CONFIG): the built-in defaults.".to_string(),
    });
    // A URL's password is never printed.
    out.push(format!("database = {}", quoted(&super::db::redacted(&cli.db.display().to_string()))));
    match config.listen {
        Some(addr) => out.push(format!("listen = {}", quoted(&addr.to_string()))),
        None => out.push("# listen: not set (serve --listen ADDR)".to_string()),
    }
    let answer = std::env::var("KAM_ANSWER_WITHIN_MS").ok().and_then(|v| v.parse::<u64>().ok());
    out.push(format!("answer_within_ms = {}", answer.or(config.answer_within_ms).unwrap_or(2000)));
    let shards = std::env::var("KAM_DISCORD_SHARDS").ok().and_then(|v| v.parse().ok()).or(config.discord_shards);
    match shards {
        Some(range) => out.push(format!("discord_shards = {}", quoted(&range.to_string()))),
        None => out.push("# discord_shards: not set (the scheduler's leader runs the whole gateway)".to_string()),
    }
    let log = std::env::var("KAM_LOG").ok().or_else(|| config.log.clone()).unwrap_or_else(|| "warn".to_string());
    out.push(format!("log = {}", quoted(&log)));
    let format = match cli.log_format {
        crate::logging::LogFormat::Text => "text",
        crate::logging::LogFormat::Json => "json",
    };
    out.push(format!("log_format = {}", quoted(format)));
    out.push(format!("pool_size = {}", config.pool_size.unwrap_or(crate::store::POOL_SIZE)));
    out.push(String::new());
    out.push("[workspace]".to_string());
    out.push(format!("language = {}", quoted(&s.language)));
    out.push(format!("time_zone = {}", quoted(&s.time_zone)));
    out.push(format!("default_role = {}", quoted(s.default_role.code())));
    out.push(String::new());
    out.push("[schedules]".to_string());
    for job in Job::ALL {
        out.push(format!("{} = {}", job.name(), quoted(s.cron(job))));
    }
    out.push(String::new());
    out.push("[cadence_days]".to_string());
    for (i, tier) in ["strategic", "key", "maintain"].iter().enumerate() {
        out.push(format!("{tier} = {}", s.cadence_days[i]));
    }
    out.push(String::new());
    out.push("[health_weights]".to_string());
    for c in Component::ALL {
        let weight = s.health_weights.get(c.code()).copied().unwrap_or(c.default_weight());
        out.push(format!("{} = {weight}", c.code()));
    }
    out.push(String::new());
    out.push("# Secrets, from the environment (or the file NAME_FILE names):".to_string());
    for name in SECRETS {
        let state = match secret(name) {
            Some(_) if std::env::var(name).is_ok() => "set (********)".to_string(),
            Some(_) => format!("set from {name}_FILE (********)"),
            None => "not set".to_string(),
        };
        out.push(format!("# {name}: {state}"));
    }
    println!("{}", out.join("\n"));
    ExitCode::SUCCESS
}
