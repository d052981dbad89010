//! Pure key-account rules and value types: no I/O, no clock, tested beside their code.

pub mod account;
pub mod calendar;
pub mod dates;
pub mod health;
pub mod identity;
pub mod kind;
pub mod matching;
pub mod money;
pub mod pipeline;
pub mod qualification;
pub mod stakeholders;
pub mod text;
pub mod vocabulary;
