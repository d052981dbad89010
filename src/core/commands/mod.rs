//! One module per command of the catalog.

pub mod account;
pub mod account_admin;
pub mod accounts;
pub mod competitors;
pub mod digest;
pub mod followup;
pub mod health;
pub mod help;
pub mod history;
pub mod import;
pub mod language;
pub mod log;
pub mod meetings;
pub mod opp;
pub mod people;
pub mod plan;
pub mod prep;
pub mod privacy;
pub mod qualify;
pub mod review;
pub mod schedule;
pub mod stakeholders;
pub mod wallet;
