//! Integration tests: the core through its public API on fresh migrated databases, and the binary
//! through stdin. One test binary; `helpers` gives each test its own database (`tests/pg` runs
//! most of these files again with every app on PostgreSQL).

/// The apps of this binary are on SQLite, unless `KAM_TEST_BACKEND=postgres`.
pub const ON_POSTGRES: bool = false;

mod account;
mod accounts;
mod backup;
mod bad_input;
mod binary;
mod capture;
mod capture_corpus;
mod commitments;
mod concurrency;
mod config;
mod crm_exports;
mod dates_corpus;
mod deploy;
mod depth;
mod discord;
mod discord_notifier;
mod discord_support;
mod help;
mod helpers;
mod history;
mod http_limits;
mod import;
mod isolation;
mod jobs_cli;
mod language;
mod layers;
mod lifecycle;
mod limits;
mod log;
mod merge;
mod numbers;
mod observability;
mod onboarding;
mod people;
mod planning;
mod postgres;
mod postgres_support;
mod privacy;
mod query_plans;
mod readme;
mod replays;
mod replica_roles;
mod replicas;
mod robustness;
mod scheduler;
mod serve;
mod slack;
mod slack_notifier;
mod slack_support;
mod trust;
