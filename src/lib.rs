//! kam-bot: a chat-ops bot for key account management teams.
//!
//! Layout, from the centre out (imports point inward only; `tests/it/layers.rs` checks it):
//! - [`domain`]: pure rules and value types (text folding, dates, money and currencies, time
//!   zones, locales, share of wallet, the planning clock, name ranking, stakeholder coverage,
//!   pipeline, qualification, the health score, cron lines and jobs, settings), tested beside
//!   their code.
//! - [`i18n`]: every text the bot says, in English and Brazilian Portuguese, one file an area, and
//!   locale formats; the catalog reaches it as descriptions, so it knows nothing of the core.
//! - [`store`]: the SQLite store; all SQL lives here, every query scoped to a workspace, every
//!   stored value typed once.
//! - [`transfer`]: importing accounts, contacts and people from CSV and Excel files (CRM exports),
//!   and exporting a workspace in the same shape.
//! - [`core`]: the platform-free command core: the catalog, the text parser,
//!   `execute(invocation, command) -> Reply`, and one file a command (its catalog entry, typed
//!   request, parsing and handler) listed once in `core::commands`.
//! - [`scheduler`]: reminders and digests on cron schedules in local time, run once per
//!   occurrence through an outbox; [`notify`]: how messages reach people without being asked.
//! - [`front`]: front ends that translate between a platform and the core: the terminal chat,
//!   Discord (gateway and signed HTTP endpoint) and Slack (signed HTTP endpoint and Socket Mode).
//! - [`server`]: the HTTP server of `serve --listen`; [`startup`]: `serve` built and run.
//! - [`seed`]: the demo portfolio and synthetic portfolios for benchmarks.
//! - [`clock`]: where "now" comes from; [`cli`]: the command line, parsed and dispatched;
//!   [`config`]: the configuration file; [`logging`]: logs with every secret taken out.

pub mod chart;
pub mod cli;
pub mod clock;
pub mod config;
pub mod core;
pub use kam_domain as domain;
pub mod front;
pub mod i18n;
pub mod lifecycle;
pub mod logging;
pub mod metrics;
pub mod notify;
pub mod roles;
pub mod scheduler;
pub mod seed;
pub mod server;
pub mod shards;
pub mod startup;
pub mod store;
pub mod transfer;
