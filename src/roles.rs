//! The roles a replica holds among the processes sharing one database (the scheduler's lead, the
//! Discord gateway's shards): each kept by leases in the database, renewed while the process
//! lives, taken over by another within `LEASE_FOR + LEASE_RENEW` when it dies, given up at once
//! when it stops cleanly.

use std::future::Future;

use chrono::{DateTime, Utc};
use tokio::sync::watch;

use crate::lifecycle::CancellationToken;
use crate::store::{Store, StoreError};

/// How long a lease lasts without renewal.
pub const LEASE_FOR: chrono::Duration = chrono::Duration::seconds(30);
/// How often a held lease is renewed, and a wanted one tried for.
pub const LEASE_RENEW: std::time::Duration = std::time::Duration::from_secs(10);

/// This process among those sharing the database: its host, process id and start.
pub fn replica_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname").map(|h| h.trim().to_string()).unwrap_or_default();
    format!("{host}:{}:{}", std::process::id(), Utc::now().timestamp_millis())
}

/// A role: the leases it needs, all of them or none.
#[derive(Clone)]
pub struct Role {
    store: Store,
    /// What the logs call it.
    pub what: &'static str,
    names: Vec<String>,
    replica: String,
}

impl Role {
    pub fn new(store: Store, what: &'static str, names: Vec<String>, replica: &str) -> Role {
        Role { store, what, names, replica: replica.to_string() }
    }

    /// Takes or renews every lease until `now + LEASE_FOR`, in the order given: `true` when this
    /// process holds them all. When one is held by another, those taken on the way are given up,
    /// so that two processes wanting overlapping sets never each keep a part.
    pub async fn take(&self, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let until = now + LEASE_FOR;
        for (n, name) in self.names.iter().enumerate() {
            if !self.store.take_lease(name, &self.replica, now, until).await? {
                for taken in &self.names[..n] {
                    self.store.release_lease(taken, &self.replica).await?;
                }
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Gives every lease up (this process stops cleanly): another takes them at once.
    pub async fn release(&self) {
        for name in &self.names {
            if let Err(e) = self.store.release_lease(name, &self.replica).await {
                tracing::warn!(lease = %name, error = %e, "a lease could not be given up; it lapses by itself");
            }
        }
    }

    /// Takes the role once, then keeps it until `stop`: whether this process holds it, as it
    /// changes, and the task that renews it (to be run until it ends, then it gives the role up).
    /// The wall clock: a lease is about processes, not about the bot's (perhaps fixed) now.
    pub async fn keep(
        self,
        stop: CancellationToken,
    ) -> (watch::Receiver<bool>, impl Future<Output = anyhow::Result<()>> + Send + 'static) {
        let first = self.take(Utc::now()).await.unwrap_or_else(|e| {
            tracing::error!(role = self.what, error = %e, "a lease could not be taken");
            false
        });
        if first {
            tracing::info!(role = self.what, replica = %self.replica, "this process holds the role");
        }
        let (held, watching) = watch::channel(first);
        let renew = async move {
            while !stop.is_cancelled() {
                tokio::select! {
                    () = tokio::time::sleep(LEASE_RENEW) => {},
                    () = stop.cancelled() => break,
                }
                let holds = match self.take(Utc::now()).await {
                    Ok(holds) => holds,
                    Err(e) => {
                        tracing::error!(role = self.what, error = %e, "a lease could not be renewed");
                        false
                    }
                };
                if held.send_replace(holds) != holds {
                    tracing::info!(role = self.what, replica = %self.replica, holds, "the role changed hands");
                }
            }
            if *held.borrow() {
                held.send_replace(false);
                self.release().await;
            }
            Ok(())
        };
        (watching, renew)
    }
}
