//! The configuration file (`--config PATH` or `KAM_CONFIG`): every setting of a deployment in one
//! TOML file, checked before anything starts. Environment variables and command-line options
//! override the file; secrets never come from it, only from the environment or from a file an
//! environment variable names (`DISCORD_TOKEN_FILE=/run/secrets/discord_token`).

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::domain::account::Role;
use crate::domain::cron::CronExpr;
use crate::domain::health::Component;
use crate::domain::jobs::Job;
pub use crate::domain::settings::Settings;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// For people: one line an event, coloured on a terminal.
    #[default]
    Text,
    /// For machines: one JSON object a line.
    Json,
}

/// The environment variables that hold secrets.
pub const SECRETS: &[&str] =
    &["DISCORD_TOKEN", "DISCORD_PUBLIC_KEY", "SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"];

/// A secret: the variable itself, else the file `<NAME>_FILE` names (container secrets), trimmed.
pub fn secret(name: &str) -> Option<String> {
    let direct = std::env::var(name).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    direct.or_else(|| {
        let path = std::env::var(format!("{name}_FILE")).ok()?;
        match std::fs::read_to_string(&path) {
            Ok(text) => Some(text.trim().to_string()).filter(|v| !v.is_empty()),
            Err(e) => {
                tracing::error!(variable = %format!("{name}_FILE"), %path, error = %e, "cannot read the secret's file");
                None
            }
        }
    })
}

/// The file as written: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    database: Option<PathBuf>,
    listen: Option<Spanned<String>>,
    answer_within_ms: Option<Spanned<u64>>,
    discord_shards: Option<Spanned<String>>,
    log: Option<String>,
    log_format: Option<LogFormat>,
    pool_size: Option<Spanned<u32>>,
    #[serde(default)]
    workspace: WorkspaceSection,
    #[serde(default)]
    schedules: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    cadence_days: CadenceSection,
    #[serde(default)]
    health_weights: BTreeMap<String, Spanned<u32>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkspaceSection {
    language: Option<Spanned<String>>,
    time_zone: Option<Spanned<String>>,
    default_role: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CadenceSection {
    strategic: Option<Spanned<i64>>,
    key: Option<Spanned<i64>>,
    maintain: Option<Spanned<i64>>,
}

/// Everything the file sets, checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    /// The file it came from.
    pub path: Option<PathBuf>,
    pub database: Option<PathBuf>,
    pub listen: Option<SocketAddr>,
    pub answer_within_ms: Option<u64>,
    /// The Discord gateway shards `serve` runs (`0-1/4`).
    pub discord_shards: Option<crate::shards::ShardRange>,
    pub log: Option<String>,
    pub log_format: Option<LogFormat>,
    pub pool_size: Option<u32>,
    pub settings: Settings,
}

/// A mistake in the file: where, and what is accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Reads and checks the file at `path`: the configuration, or every problem found.
pub fn load(path: &Path) -> Result<Config, Vec<Problem>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| vec![Problem { line: 0, message: format!("cannot read {}: {e}", path.display()) }])?;
    let mut config = parse(&text)?;
    config.path = Some(path.to_path_buf());
    Ok(config)
}

/// Checks a configuration's text.
pub fn parse(text: &str) -> Result<Config, Vec<Problem>> {
    let file: File = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(0, |s| line_of(text, s.start));
        let mut message = e.message().trim().to_string();
        if SECRETS.iter().any(|s| message.contains(&format!("`{}`", s.to_lowercase()))) {
            message.push_str(" (secrets come from the environment, never from this file)");
        }
        vec![Problem { line, message }]
    })?;
    let mut problems = Vec::new();
    let mut problem = |span: std::ops::Range<usize>, message: String| {
        problems.push(Problem { line: line_of(text, span.start), message });
    };
    let mut config =
        Config { database: file.database, log: file.log, log_format: file.log_format, ..Config::default() };
    if let Some(listen) = &file.listen {
        match listen.get_ref().parse::<SocketAddr>() {
            Ok(addr) => config.listen = Some(addr),
            Err(_) => problem(
                listen.span(),
                format!("listen: “{}” is not an address; write IP:PORT, like 127.0.0.1:8787", listen.get_ref()),
            ),
        }
    }
    if let Some(ms) = &file.answer_within_ms {
        if *ms.get_ref() <= 2500 {
            config.answer_within_ms = Some(*ms.get_ref());
        } else {
            problem(ms.span(), "answer_within_ms: at most 2500 (both platforms give up after 3000)".to_string());
        }
    }
    if let Some(shards) = &file.discord_shards {
        match shards.get_ref().parse() {
            Ok(range) => config.discord_shards = Some(range),
            Err(e) => problem(shards.span(), format!("discord_shards: {e}")),
        }
    }
    if let Some(size) = &file.pool_size {
        if (1..=64).contains(size.get_ref()) {
            config.pool_size = Some(*size.get_ref());
        } else {
            problem(size.span(), "pool_size: from 1 to 64 connections".to_string());
        }
    }
    let ws = &file.workspace;
    if let Some(language) = &ws.language {
        match crate::i18n::Locale::parse(language.get_ref()) {
            Some(l) => {
                config.settings.language = l.tag().to_string();
                config.settings.language_configured = true;
            }
            None => problem(language.span(), format!("workspace.language: “{}”: use en or pt-BR", language.get_ref())),
        }
    }
    if let Some(zone) = &ws.time_zone {
        match zone.get_ref().parse::<chrono_tz::Tz>() {
            Ok(_) => config.settings.time_zone = zone.get_ref().clone(),
            Err(_) => problem(
                zone.span(),
                format!(
                    "workspace.time_zone: “{}” is not a time zone; use a name like America/Sao_Paulo",
                    zone.get_ref()
                ),
            ),
        }
    }
    if let Some(role) = &ws.default_role {
        match role.get_ref().parse::<Role>() {
            Ok(r) => config.settings.default_role = r,
            Err(_) => {
                problem(role.span(), format!("workspace.default_role: “{}”: use rep, manager or admin", role.get_ref()))
            }
        }
    }
    for (name, line) in &file.schedules {
        let names = Job::ALL.map(Job::name).join(", ");
        if Job::from_name(name).is_none() {
            problem(line.span(), format!("schedules: “{name}” is not a job; the jobs are {names}"));
        } else if let Err(e) = CronExpr::parse(line.get_ref()) {
            problem(line.span(), format!("schedules.{name}: “{}” is not a cron line: {}", line.get_ref(), e.0));
        } else {
            config.settings.schedules.insert(name.clone(), line.get_ref().clone());
        }
    }
    let cadences = [&file.cadence_days.strategic, &file.cadence_days.key, &file.cadence_days.maintain];
    for (i, days) in cadences.into_iter().enumerate() {
        if let Some(days) = days {
            if (1..=730).contains(days.get_ref()) {
                config.settings.cadence_days[i] = *days.get_ref();
            } else {
                problem(days.span(), "cadence_days: a number of days from 1 to 730".to_string());
            }
        }
    }
    for (code, weight) in &file.health_weights {
        let codes = Component::ALL.map(Component::code).join(", ");
        if Component::from_code(code).is_none() {
            problem(weight.span(), format!("health_weights: “{code}” is not a component; the components are {codes}"));
        } else if *weight.get_ref() > 100 {
            problem(weight.span(), format!("health_weights.{code}: from 0 to 100"));
        } else {
            config.settings.health_weights.insert(code.clone(), *weight.get_ref());
        }
    }
    problems.sort_by_key(|p| p.line);
    if problems.is_empty() { Ok(config) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 4), 3);
    }

    #[test]
    fn settings_fall_back_to_the_built_in_defaults() {
        let s = Settings::default();
        assert_eq!((s.cadence(1), s.cadence(2), s.cadence(3)), (30, 60, 90));
        assert_eq!(s.cron(Job::WeeklyDigest), "0 8 * * 1");
        let s = Settings { cadence_days: [21, 45, 120], ..Settings::default() };
        assert_eq!((s.cadence(1), s.cadence(3), s.cadence(9)), (21, 120, 60));
    }
}
