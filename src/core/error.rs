//! The two kinds of failure: a person's mistake, shown as one clear line, and an internal
//! failure, logged with its cause and shown as a short apology.

use crate::i18n::Msg;

#[derive(Debug)]
pub enum CommandError {
    /// What was wrong with the request and what is accepted.
    User(Msg),
    /// Anything else: never shown as is.
    Internal(anyhow::Error),
    /// The platform delivered this request before and its write was made then: the first
    /// answer (as JSON), or `None` while the first delivery is still being carried out.
    Replayed(Option<String>),
}

impl From<Msg> for CommandError {
    fn from(msg: Msg) -> Self {
        CommandError::User(msg)
    }
}

impl From<sqlx::Error> for CommandError {
    fn from(e: sqlx::Error) -> Self {
        CommandError::Internal(e.into())
    }
}

impl From<anyhow::Error> for CommandError {
    fn from(e: anyhow::Error) -> Self {
        CommandError::Internal(e)
    }
}
