//! Sending without being asked: one interface through which reminders and digests reach a person
//! or a channel, whatever the platform, and the policy for retrying what failed.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use crate::core::Reply;

/// Where a message goes, in the platform's own ids.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Recipient {
    /// A direct message to a person.
    Person(String),
    /// A post in a channel.
    Channel(String),
}

/// A message that could not be delivered, and why: kept by the caller, never dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undelivered {
    pub recipient: Recipient,
    pub reason: String,
    /// How many attempts were made.
    pub attempts: u32,
    /// `true` when trying again cannot help (an unknown user, no permission, a bad request).
    pub permanent: bool,
}

/// The future a [`Notifier`] returns.
pub type Delivery<'a> = Pin<Box<dyn Future<Output = Result<(), Undelivered>> + Send + 'a>>;

/// Delivers replies without a request to answer: direct messages and channel posts.
pub trait Notifier: Send + Sync {
    fn deliver<'a>(&'a self, to: &'a Recipient, reply: &'a Reply) -> Delivery<'a>;

    /// [`Notifier::deliver`] for a message with a key of its own (its outbox row): a platform that
    /// can make a resent message a no-op (Discord's `nonce` with `enforce_nonce`) uses it, so a
    /// delivery cut off after the platform took it and tried again after a restart is sent once.
    fn deliver_keyed<'a>(&'a self, to: &'a Recipient, reply: &'a Reply, key: &'a str) -> Delivery<'a> {
        let _ = key;
        self.deliver(to, reply)
    }
}

/// Accepts every message and does nothing: for callers that show what was delivered themselves.
#[derive(Debug, Clone, Copy, Default)]
pub struct AcceptingNotifier;

impl Notifier for AcceptingNotifier {
    fn deliver<'a>(&'a self, _to: &'a Recipient, _reply: &'a Reply) -> Delivery<'a> {
        Box::pin(async { Ok(()) })
    }
}

/// Why one delivery attempt failed.
#[derive(Debug)]
pub enum Failure {
    /// Rate limited: try again after this long.
    RateLimited(Duration, String),
    /// A server error or a network failure: worth trying again.
    Transient(String),
    /// Refused for good (an unknown user, no permission, a bad request).
    Permanent(String),
}

/// The longest rate-limit wait honoured within one delivery; a longer one is reported instead.
pub const MAX_RATE_LIMIT_WAIT: Duration = Duration::from_secs(60);

/// Tries `attempt` until it succeeds, fails for good, or the policy's attempts run out: waiting
/// as long as a rate limit says, or with a growing pause after other failures.
pub async fn with_retries<F, Fut>(policy: &RetryPolicy, to: &Recipient, mut attempt: F) -> Result<(), Undelivered>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<(), Failure>>,
{
    let mut tries = 1;
    loop {
        let failure = match attempt().await {
            Ok(()) => return Ok(()),
            Err(failure) => failure,
        };
        let (pause, reason, permanent) = match failure {
            Failure::RateLimited(wait, reason) => (wait, reason, false),
            Failure::Transient(reason) => (policy.backoff(tries + 1), reason, false),
            Failure::Permanent(reason) => (Duration::ZERO, reason, true),
        };
        if permanent || tries >= policy.attempts || pause > MAX_RATE_LIMIT_WAIT {
            tracing::warn!(?to, attempts = tries, reason, "delivery failed");
            return Err(Undelivered { recipient: to.clone(), reason, attempts: tries, permanent });
        }
        tracing::warn!(?to, attempt = tries, ?pause, reason, "delivery failed; trying again");
        tokio::time::sleep(pause).await;
        tries += 1;
    }
}

/// How often and how patiently a failed delivery is tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// The wait after the first failure; it doubles after each further one.
    pub first_backoff: Duration,
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { attempts: 5, first_backoff: Duration::from_millis(500), max_backoff: Duration::from_secs(30) }
    }
}

impl RetryPolicy {
    /// The wait before attempt `attempt` (2 for the first retry).
    pub fn backoff(&self, attempt: u32) -> Duration {
        let doublings = attempt.saturating_sub(2).min(16);
        self.first_backoff.saturating_mul(1 << doublings).min(self.max_backoff)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let p = RetryPolicy {
            attempts: 10,
            first_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(500),
        };
        let waits: Vec<u128> = (2..7).map(|a| p.backoff(a).as_millis()).collect();
        assert_eq!(waits, [100, 200, 400, 500, 500]);
    }
}
