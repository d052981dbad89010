//! Front ends: each translates a platform's input into core invocations and renders replies.

pub mod discord;
pub mod pending;
pub mod slack;
pub mod terminal;
