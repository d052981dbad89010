//! Integration tests: the core through its public API on fresh migrated databases, and the binary
//! through stdin. One test binary; `helpers` gives each test its own database.

mod account;
mod accounts;
mod backup;
mod bad_input;
mod binary;
mod concurrency;
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
mod lifecycle;
mod limits;
mod log;
mod numbers;
mod observability;
mod onboarding;
mod people;
mod planning;
mod privacy;
mod readme;
mod robustness;
mod scheduler;
mod serve;
mod slack;
mod slack_notifier;
mod slack_support;
