//! Two `kam-bot serve` replicas on one PostgreSQL database: the Monday jobs run once and each
//! message they queue is delivered once, whichever replica delivers it; a leader killed without
//! warning hands the scheduler's lead to the other within a minute.

use std::io::Read;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::kam_bot;
use crate::postgres_support::test_pg;

/// Monday 2026-11-30, 08:01 in São Paulo: the weekly digest and the morning reminders are due.
const MONDAY: &str = "2026-11-30T11:01:00Z";

/// `serve --listen` on the database at the Monday clock, its stdout (what it delivers) piped.
async fn replica(url: &std::path::Path) -> (Child, String) {
    let child = kam_bot(url)
        .args(["serve", "--listen", "127.0.0.1:0", "--now", MONDAY])
        .env("SLACK_SIGNING_SECRET", crate::slack_support::SECRET)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start serve");
    crate::helpers::listening(child).await
}

/// Kills the replica and returns what it wrote on stdout.
fn killed(mut child: Child) -> String {
    child.kill().ok();
    child.wait().ok();
    let mut out = String::new();
    if let Some(mut stdout) = child.stdout.take() {
        stdout.read_to_string(&mut out).unwrap();
    }
    out
}

async fn healthz(address: &str) -> serde_json::Value {
    let body = reqwest::get(format!("http://{address}/healthz")).await.unwrap().text().await.unwrap();
    serde_json::from_str(&body).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_run_the_monday_jobs_once_and_deliver_each_message_once() {
    let Some(pg) = test_pg("replicas_once").await else { return };
    let url = std::path::PathBuf::from(&pg.url);
    let seeded = kam_bot(&url).args(["--now", "2026-11-27T12:00:00Z", "seed", "--demo"]).output().unwrap();
    assert!(seeded.status.success(), "{}", String::from_utf8_lossy(&seeded.stderr));
    let ((a, at_a), (b, at_b)) = (replica(&url).await, replica(&url).await);
    let pool = sqlx::PgPool::connect(&pg.url).await.unwrap();
    let count = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.unwrap() }
    };
    let started = Instant::now();
    loop {
        let digests = count("SELECT COUNT(*) FROM job_runs WHERE job = 'weekly_digest' AND state = 'done'").await;
        let pending = count("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").await;
        if digests == 1 && pending == 0 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(90), "the digest ran {digests} times, {pending} pending");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let leaders = [healthz(&at_a).await, healthz(&at_b).await]
        .iter()
        .filter(|h| h["roles"]["scheduler_leader"] == serde_json::json!(true))
        .count();
    assert_eq!(leaders, 1, "one replica leads the scheduler");
    let delivered = count("SELECT COUNT(*) FROM outbox WHERE status = 'delivered'").await;
    let sent: Vec<String> = [killed(a), killed(b)]
        .iter()
        .flat_map(|out| out.lines().filter(|l| l.starts_with("→ ")).map(str::to_string).collect::<Vec<_>>())
        .collect();
    assert!(delivered >= 3, "the managers' digests and the reminders were queued: {delivered}");
    assert_eq!(sent.len() as i64, delivered, "each queued message went out once: {sent:?}");
    // Every occurrence of every job ran once (its row is unique), and none is left claimed.
    assert_eq!(count("SELECT COUNT(*) FROM job_runs WHERE state <> 'done'").await, 0);
    pool.close().await;
    pg.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leader_killed_hands_the_lead_to_the_other_replica_within_a_minute() {
    let Some(pg) = test_pg("replicas_lead").await else { return };
    let url = std::path::PathBuf::from(&pg.url);
    let seeded = kam_bot(&url).args(["seed", "--demo"]).output().unwrap();
    assert!(seeded.status.success(), "{}", String::from_utf8_lossy(&seeded.stderr));
    let (a, at_a) = replica(&url).await;
    let (b, at_b) = replica(&url).await;
    assert_eq!(healthz(&at_a).await["roles"]["scheduler_leader"], serde_json::json!(true), "the first started leads");
    assert_eq!(healthz(&at_b).await["roles"]["scheduler_leader"], serde_json::json!(false));
    // SIGKILL: no chance to give the lease up.
    killed(a);
    let killed_at = Instant::now();
    while healthz(&at_b).await["roles"]["scheduler_leader"] != serde_json::json!(true) {
        assert!(killed_at.elapsed() < Duration::from_secs(60), "no replica leads a minute after the leader died");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    eprintln!("the other replica led {:.1} s after the leader was killed", killed_at.elapsed().as_secs_f64());
    killed(b);
    pg.drop_db().await;
}

/// A signed Slack command to one replica; `None` when the replica does not answer (killed).
async fn post(client: &reqwest::Client, address: &str, body: &str) -> Option<(u16, String)> {
    let ts = chrono::Utc::now().timestamp();
    let response = client
        .post(format!("http://{address}/slack/commands"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-slack-request-timestamp", ts.to_string())
        .header("x-slack-signature", crate::slack_support::sign(ts, body))
        .body(body.to_string())
        .send()
        .await
        .ok()?;
    let status = response.status().as_u16();
    Some((status, response.text().await.ok()?))
}

/// Writes spread over two replicas, one killed midway: what a replica that died does not answer
/// is sent again to the other, as a load balancer retries, under the same Slack trigger. Every
/// acknowledged write is there once, and no write is there twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn writes_over_two_replicas_one_killed_are_neither_lost_nor_doubled() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let Some(pg) = test_pg("replicas_writes").await else { return };
    let url = std::path::PathBuf::from(&pg.url);
    let seeded = kam_bot(&url).args(["--workspace", "slack:T1", "seed", "--demo"]).output().unwrap();
    assert!(seeded.status.success(), "{}", String::from_utf8_lossy(&seeded.stderr));
    let mut spawn = Vec::new();
    for _ in 0..2 {
        spawn.push(crate::helpers::serve_at(&url, &[]).await);
    }
    let (b, at_b) = spawn.pop().unwrap();
    let (a, at_a) = spawn.pop().unwrap();
    let a = Arc::new(std::sync::Mutex::new(Some(a)));
    let acked: Arc<std::sync::Mutex<Vec<String>>> = Arc::default();
    let answered = Arc::new(AtomicUsize::new(0));
    let mut writers = Vec::new();
    // Each of the 4 writers' writes: 150, or `KAM_REPLICA_WRITES` / 4 (BENCHMARKS.md's run: 10 000).
    let each: usize =
        std::env::var("KAM_REPLICA_WRITES").ok().and_then(|n| n.parse::<usize>().ok()).map_or(150, |n| n / 4);
    for w in 0..4 {
        let (acked, answered, a) = (acked.clone(), answered.clone(), a.clone());
        let (at_a, at_b) = (at_a.clone(), at_b.clone());
        writers.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            for i in 0..each {
                let summary = format!("writer {w} call {i}");
                let body = crate::slack_support::form(
                    "T1",
                    "/log",
                    &format!("Vale call \"{summary}\""),
                    &format!("replica.{w}.{i}"),
                    "http://127.0.0.1:9/response",
                );
                let (first, second) = if (w + i) % 2 == 0 { (&at_a, &at_b) } else { (&at_b, &at_a) };
                let answer = match post(&client, first, &body).await {
                    Some(answer) => Some(answer),
                    None => post(&client, second, &body).await,
                };
                if let Some((200, text)) = answer
                    && text.contains("Logged")
                {
                    acked.lock().unwrap().push(summary);
                }
                // A third of the way through, replica A dies without warning.
                if answered.fetch_add(1, Ordering::Relaxed) == 4 * each / 3
                    && let Some(a) = a.lock().unwrap().take()
                {
                    killed(a);
                }
            }
        }));
    }
    for w in writers {
        w.await.unwrap();
    }
    let pool = sqlx::PgPool::connect(&pg.url).await.unwrap();
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT summary, COUNT(*) FROM interactions WHERE summary LIKE 'writer % call %' GROUP BY summary",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let stored: std::collections::HashMap<String, i64> = rows.into_iter().collect();
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() > 4 * each * 9 / 10, "most writes were acknowledged: {}", acked.len());
    let lost: Vec<&String> = acked.iter().filter(|s| !stored.contains_key(*s)).collect();
    let doubled: Vec<(&String, &i64)> = stored.iter().filter(|(_, n)| **n > 1).collect();
    assert!(lost.is_empty(), "acknowledged writes lost: {lost:?}");
    assert!(doubled.is_empty(), "writes stored twice: {doubled:?}");
    eprintln!("{} writes acknowledged over two replicas, one killed midway; none lost, none doubled", acked.len());
    if let Some(a) = a.lock().unwrap().take() {
        killed(a);
    }
    killed(b);
    pool.close().await;
    pg.drop_db().await;
}
