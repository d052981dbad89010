//! Answers owed after their request was acknowledged (a slow command's deferred answer): recorded
//! in the database before the acknowledgement goes, held by the process working on them while it
//! works, and answered from the record by another process sharing the database if that one dies
//! before sending. The command runs again under the request's own id and at the instant it came,
//! so a write it made already is not made twice: its answer is the one recorded.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use tracing::{error, info, warn};

use crate::store::{PendingAnswer, Store};

/// How long an owed answer stays with the process working on it without renewal.
pub const HOLD: chrono::Duration = chrono::Duration::seconds(30);
/// How often that process renews it.
const RENEW: std::time::Duration = std::time::Duration::from_secs(10);
/// How many owed answers one sweep takes on.
const SWEEP: i64 = 100;
/// How long recording one may hold up the acknowledgement (the platforms wait 3 s in all, and
/// the answer has had up to 2.5 s of them): past it, the answer is this process's alone.
const RECORD_WITHIN: std::time::Duration = std::time::Duration::from_millis(300);

/// A front end that answers a request from its record.
pub trait Resume: Send + Sync {
    /// The platform whose records it answers (`discord`, `slack`).
    fn platform(&self) -> &'static str;
    /// Answers the request recorded in `owed`.
    fn resume<'a>(&'a self, owed: &'a PendingAnswer) -> Pin<Box<dyn Future<Output = ()> + Send + 'a>>;
}

/// Records an answer owed to a request of `platform` (`kind` says which of its front end's paths
/// answers it), held by this process; the platform takes the answer for `answerable` after now.
/// `None`, the cause logged, when the database cannot record it within [`RECORD_WITHIN`]: the
/// answer is then this process's alone, as before there were replicas.
pub async fn hold(
    store: &Store,
    platform: &str,
    kind: &str,
    payload: &str,
    received_at: DateTime<Utc>,
    answerable: chrono::Duration,
) -> Option<i64> {
    let now = Utc::now();
    let (owner, platform_name, kind, payload) =
        (store.clone(), platform.to_string(), kind.to_string(), payload.to_string());
    let mut recording = tokio::spawn(async move {
        owner.hold_answer(&platform_name, &kind, &payload, received_at, now + HOLD, now + answerable).await
    });
    match tokio::time::timeout(RECORD_WITHIN, &mut recording).await {
        Ok(Ok(Ok(id))) => Some(id),
        Ok(Ok(Err(e))) => {
            error!(error = %e, platform, "an owed answer could not be recorded; only this process can send it");
            None
        }
        Ok(Err(e)) => {
            error!(error = %e, platform, "recording an owed answer failed; only this process can send it");
            None
        }
        Err(_) => {
            warn!(platform, "recording an owed answer took too long; only this process can send it");
            // The record may still be written: taken back then, so no other process sends it too.
            let store = store.clone();
            tokio::spawn(async move {
                if let Ok(Ok(id)) = recording.await
                    && let Err(e) = store.answered(id).await
                {
                    warn!(error = %e, id, "a late record of an owed answer could not be taken back");
                }
            });
            None
        }
    }
}

/// Works on an owed answer in the background (a stop waits for it): `work` runs while the hold on
/// `id` is renewed, and the record goes when it ends.
pub fn spawn_held<F>(store: Store, id: Option<i64>, work: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    crate::lifecycle::spawn(async move {
        let Some(id) = id else { return work.await };
        let mut work = std::pin::pin!(work);
        loop {
            tokio::select! {
                () = &mut work => break,
                () = tokio::time::sleep(RENEW) => {
                    if let Err(e) = store.renew_answer(id, Utc::now() + HOLD).await {
                        warn!(error = %e, id, "an owed answer's hold could not be renewed");
                    }
                }
            }
        }
        if let Err(e) = store.answered(id).await {
            warn!(error = %e, id, "an answer sent could not be marked so; another process may send it again");
        }
    });
}

/// Claims the owed answers whose holder stopped renewing them and answers each through its
/// platform's front end, in the background; how many were taken on. One this process has no
/// front end for is left to lapse again, for a process that has.
pub async fn resume_due(store: &Store, fronts: &[Arc<dyn Resume>]) -> anyhow::Result<usize> {
    let now = Utc::now();
    let owed = store.claim_answers(now, now + HOLD, SWEEP).await?;
    let taken = owed.len();
    for answer in owed {
        let Some(front) = fronts.iter().find(|f| f.platform() == answer.platform).cloned() else {
            warn!(platform = %answer.platform, id = answer.id, "an owed answer for a platform this process does not serve");
            continue;
        };
        info!(platform = %answer.platform, kind = %answer.kind, id = answer.id, "answering what another process owed");
        let id = answer.id;
        spawn_held(store.clone(), Some(id), async move { front.resume(&answer).await });
    }
    Ok(taken)
}
