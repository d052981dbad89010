//! Pure key-account rules and value types: no I/O, no clock, tested beside their code.

pub mod account;
pub mod calendar;
pub mod capture;
pub mod change;
pub mod clock;
pub mod cnpj;
pub mod cron;
pub mod dates;
pub mod health;
pub mod identity;
pub mod import_errors;
pub mod jobs;
pub mod kind;
pub mod locale;
pub mod matching;
pub mod money;
pub mod pipeline;
pub mod qualification;
pub mod records;
pub mod settings;
pub mod stakeholders;
pub mod text;
pub mod vocabulary;
pub mod zone;
