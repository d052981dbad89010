//! The integration suite again, every test app on PostgreSQL: the same test files as `tests/it`,
//! each app on a database of its own on the server `KAM_TEST_POSTGRES_URL` names (the local one by
//! default). Where no server answers, one line says so and the apps run on SQLite; with
//! `KAM_REQUIRE_POSTGRES=1` (as CI sets) that is a failure. The files that do not depend on the
//! database (the README, the layers, the corpora) and the PostgreSQL-only ones run in `tests/it` only.

// Some helpers serve only the files this binary leaves out.
#![allow(dead_code)]

/// Every app of this binary is on PostgreSQL.
pub const ON_POSTGRES: bool = true;

#[path = "../it/account.rs"]
mod account;
#[path = "../it/accounts.rs"]
mod accounts;
#[path = "../it/backup.rs"]
mod backup;
#[path = "../it/bad_input.rs"]
mod bad_input;
#[path = "../it/binary.rs"]
mod binary;
#[path = "../it/capture.rs"]
mod capture;
#[path = "../it/commitments.rs"]
mod commitments;
#[path = "../it/concurrency.rs"]
mod concurrency;
#[path = "../it/crm_exports.rs"]
mod crm_exports;
#[path = "../it/depth.rs"]
mod depth;
#[path = "../it/discord.rs"]
mod discord;
#[path = "../it/discord_notifier.rs"]
mod discord_notifier;
#[path = "../it/discord_support.rs"]
mod discord_support;
#[path = "../it/helpers.rs"]
mod helpers;
#[path = "../it/history.rs"]
mod history;
#[path = "../it/http_limits.rs"]
mod http_limits;
#[path = "../it/import.rs"]
mod import;
#[path = "../it/isolation.rs"]
mod isolation;
#[path = "../it/jobs_cli.rs"]
mod jobs_cli;
#[path = "../it/language.rs"]
mod language;
#[path = "../it/lifecycle.rs"]
mod lifecycle;
#[path = "../it/limits.rs"]
mod limits;
#[path = "../it/log.rs"]
mod log;
#[path = "../it/merge.rs"]
mod merge;
#[path = "../it/numbers.rs"]
mod numbers;
#[path = "../it/observability.rs"]
mod observability;
#[path = "../it/onboarding.rs"]
mod onboarding;
#[path = "../it/people.rs"]
mod people;
#[path = "../it/planning.rs"]
mod planning;
#[path = "../it/postgres_support.rs"]
mod postgres_support;
#[path = "../it/privacy.rs"]
mod privacy;
#[path = "../it/replays.rs"]
mod replays;
#[path = "../it/robustness.rs"]
mod robustness;
#[path = "../it/scheduler.rs"]
mod scheduler;
#[path = "../it/serve.rs"]
mod serve;
#[path = "../it/slack.rs"]
mod slack;
#[path = "../it/slack_notifier.rs"]
mod slack_notifier;
#[path = "../it/slack_support.rs"]
mod slack_support;
#[path = "../it/trust.rs"]
mod trust;
