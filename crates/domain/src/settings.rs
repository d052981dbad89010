//! The defaults a deployment sets for its workspaces, accounts and jobs: plain values, read from
//! the configuration file by `config` and kept by the store.

use std::collections::BTreeMap;

use super::account::{Role, Tier};
use super::jobs::Job;

/// The defaults a deployment gives every workspace, account and job, unless set in the chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub language: String,
    /// Whether the configuration chose the language: otherwise a new workspace takes the one its
    /// platform reports (a Brazilian Discord or terminal starts in Portuguese).
    pub language_configured: bool,
    pub time_zone: String,
    pub default_role: Role,
    /// Cron lines by job name, replacing the built-in ones.
    pub schedules: BTreeMap<String, String>,
    /// Planning cadence of tiers 1, 2 and 3, in days.
    pub cadence_days: [i64; 3],
    /// Health weights by component code, replacing the built-in ones.
    pub health_weights: BTreeMap<String, u32>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            language: "en".to_string(),
            language_configured: false,
            time_zone: "America/Sao_Paulo".to_string(),
            default_role: Role::Rep,
            schedules: BTreeMap::new(),
            cadence_days: [Tier::Strategic, Tier::Key, Tier::Maintain].map(Tier::default_cadence_days),
            health_weights: BTreeMap::new(),
        }
    }
}

impl Settings {
    /// The planning cadence of a tier (given as its number).
    pub fn cadence(&self, tier: i64) -> i64 {
        let built_in = Tier::from_number(tier).unwrap_or(Tier::Key).default_cadence_days();
        usize::try_from(tier - 1).ok().and_then(|i| self.cadence_days.get(i).copied()).unwrap_or(built_in)
    }

    /// The cron line of a job when its workspace set none.
    pub fn cron(&self, job: Job) -> &str {
        self.schedules.get(job.name()).map(String::as_str).unwrap_or(job.default_cron())
    }
}
