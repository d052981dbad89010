//! kam-bot: a chat-ops bot for key account management teams.
//!
//! Layout:
//! - [`core`]: the platform-free command core: the catalog of commands, the text parser, typed
//!   commands, `execute(invocation, command) -> Reply`, and one module per command.
//! - [`domain`]: pure rules and value types (text folding, dates, money, share of wallet, the
//!   planning clock, name ranking, stakeholder coverage, pipeline, qualification, the health
//!   score), tested beside their code.
//! - [`i18n`]: every text the bot says, in English and Brazilian Portuguese, and locale formats.
//! - [`store`]: the SQLite store; all SQL lives here, every query scoped to a workspace.
//! - [`front`]: front ends that translate between a platform and the core: the terminal chat,
//!   Discord (gateway and signed HTTP endpoint) and Slack (signed HTTP endpoint and Socket Mode).
//! - [`scheduler`]: cron schedules in local time, reminders and digests, run once per occurrence
//!   through an outbox; [`notify`]: how messages reach people without being asked.
//! - [`server`]: the HTTP server of `serve --listen`.
//! - [`seed`]: the demo portfolio and synthetic portfolios for benchmarks.
//! - [`transfer`]: importing accounts, contacts and people from CSV and Excel files (CRM exports),
//!   and exporting a workspace in the same shape.
//! - [`clock`]: where "now" comes from; [`cli`]: the command line that wires it all together;
//!   [`logging`]: logs with every secret taken out.

pub mod chart;
pub mod cli;
pub mod clock;
pub mod config;
pub mod core;
pub mod domain;
pub mod front;
pub mod i18n;
pub mod lifecycle;
pub mod logging;
pub mod metrics;
pub mod notify;
pub mod scheduler;
pub mod seed;
pub mod server;
pub mod startup;
pub mod store;
pub mod transfer;
