//! The roles replicas on one PostgreSQL hand each other: the Discord gateway runs in one process
//! at a time (the scheduler's leader, or each shard range in the holder of its leases) and passes
//! on when that process dies; a job run a dead leader left unfinished is finished by the next.

use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::helpers::kam_bot;
use crate::postgres_support::test_pg;

/// A stand-in for Discord's gateway that records each session's identify (its `shard`), answers
/// it with READY for that shard and acknowledges heartbeats. Returns its address and the record.
async fn gateway() -> (String, Arc<Mutex<Vec<Value>>>) {
    let ws = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("ws://{}", ws.local_addr().unwrap());
    let identified: Arc<Mutex<Vec<Value>>> = Arc::default();
    let (record, resume) = (identified.clone(), url.clone());
    tokio::spawn(async move {
        while let Ok((stream, _)) = ws.accept().await {
            let (record, resume) = (record.clone(), resume.clone());
            tokio::spawn(async move {
                let Ok(mut socket) = tokio_tungstenite::accept_async(stream).await else { return };
                let send = |v: Value| Message::Text(v.to_string());
                let hello = json!({"op": 10, "d": {"heartbeat_interval": 41250}, "s": null, "t": null});
                let _ = socket.send(send(hello)).await;
                while let Some(Ok(message)) = socket.next().await {
                    let Message::Text(text) = message else { continue };
                    let frame: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                    match frame["op"].as_u64() {
                        Some(2) => {
                            let shard = frame["d"]["shard"].clone();
                            record.lock().unwrap().push(shard.clone());
                            let ready = json!({"op": 0, "s": 1, "t": "READY", "d": {
                                "v": 10, "session_id": "session-1", "resume_gateway_url": resume,
                                "shard": shard, "guilds": [],
                                "application": {"id": "1200000000000000000", "flags": 0},
                                "user": {"id": "1200000000000000000", "username": "kam-bot", "discriminator": "0",
                                         "global_name": null, "avatar": null, "bot": true, "verified": true,
                                         "mfa_enabled": false, "flags": 0}}});
                            let _ = socket.send(send(ready)).await;
                        }
                        Some(1) => {
                            let _ = socket.send(send(json!({"op": 11}))).await;
                        }
                        _ => {}
                    }
                }
            });
        }
    });
    (url, identified)
}

/// Discord's REST API pointing every session at the gateway stand-in.
async fn rest(gateway: &str, shards: u32) -> crate::discord_support::StandIn {
    let rest = crate::discord_support::StandIn::spawn().await;
    let session = json!({"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1});
    for _ in 0..100 {
        let bot = json!({"url": gateway, "shards": shards, "session_start_limit": session});
        rest.script("/api/v10/gateway/bot", 200, vec![], bot);
        rest.script("/api/v10/gateway", 200, vec![], json!({"url": gateway}));
    }
    rest
}

/// `serve --listen` with the gateway's token (and `args`), its address once it listens.
async fn replica(db: &std::path::Path, rest: &str, args: &[&str]) -> (Child, String) {
    let child = kam_bot(db)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(args)
        .env("DISCORD_TOKEN", "test-token")
        .env("DISCORD_API_URL", rest)
        .env("SLACK_SIGNING_SECRET", crate::slack_support::SECRET)
        .env("KAM_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start serve");
    crate::helpers::listening(child).await
}

fn killed(mut child: Child) {
    child.kill().ok();
    child.wait().ok();
}

async fn roles(address: &str) -> Value {
    let body = reqwest::get(format!("http://{address}/healthz")).await.unwrap().text().await.unwrap();
    serde_json::from_str::<Value>(&body).unwrap()["roles"].clone()
}

/// Waits until `check` holds, at most `within`; how long it took.
async fn until<F: AsyncFnMut() -> bool>(what: &str, within: Duration, mut check: F) -> Duration {
    let from = Instant::now();
    while !check().await {
        assert!(from.elapsed() < within, "{what}: not within {within:?}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    from.elapsed()
}

fn seeded(pg: &crate::postgres_support::TestPg) -> std::path::PathBuf {
    let url = std::path::PathBuf::from(&pg.url);
    let out = kam_bot(&url).args(["seed", "--demo"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    url
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gateway_runs_in_the_leader_alone_and_passes_on_when_it_dies() {
    let Some(pg) = test_pg("roles_gateway").await else { return };
    let url = seeded(&pg);
    let (ws, identified) = gateway().await;
    let rest = rest(&ws, 1).await;
    let (a, at_a) = replica(&url, &rest.url, &[]).await;
    let (b, at_b) = replica(&url, &rest.url, &[]).await;
    until("the leader's gateway connects", Duration::from_secs(20), async || !identified.lock().unwrap().is_empty())
        .await;
    // Long enough for the other replica to have connected too, were it going to.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(*identified.lock().unwrap(), [json!([0, 1])], "one session on the one shard");
    let (roles_a, roles_b) = (roles(&at_a).await, roles(&at_b).await);
    assert_eq!(roles_a, json!({"scheduler_leader": true, "discord_shards": "0/1"}));
    assert_eq!(roles_b, json!({"scheduler_leader": false, "discord_shards": null}));
    // Without warning: its leases lapse rather than being given up.
    killed(a);
    let took = until("the other replica's gateway connects", Duration::from_secs(60), async || {
        identified.lock().unwrap().len() == 2
    })
    .await;
    eprintln!("the gateway passed to the other replica {:.1} s after the leader was killed", took.as_secs_f64());
    assert_eq!(roles(&at_b).await, json!({"scheduler_leader": true, "discord_shards": "0/1"}));
    killed(b);
    pg.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shard_ranges_split_the_gateway_and_a_standby_takes_a_dead_replicas_shards() {
    let Some(pg) = test_pg("roles_shards").await else { return };
    let url = seeded(&pg);
    let (ws, identified) = gateway().await;
    let rest = rest(&ws, 2).await;
    let (a, at_a) = replica(&url, &rest.url, &["--discord-shards", "0/2"]).await;
    let (b, at_b) = replica(&url, &rest.url, &["--discord-shards", "1/2"]).await;
    // A standby for shard 0, and one asking for both, whose shard 1 is B's: neither may connect.
    let (c, at_c) = replica(&url, &rest.url, &["--discord-shards", "0/2"]).await;
    let (d, at_d) = replica(&url, &rest.url, &["--discord-shards", "0-1/2"]).await;
    until("both shards connect", Duration::from_secs(20), async || identified.lock().unwrap().len() >= 2).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let mut sessions = identified.lock().unwrap().clone();
    sessions.sort_by_key(|s| s[0].as_u64());
    assert_eq!(sessions, [json!([0, 2]), json!([1, 2])], "one session on each shard");
    assert_eq!(roles(&at_a).await["discord_shards"], json!("0/2"));
    assert_eq!(roles(&at_b).await["discord_shards"], json!("1/2"));
    assert_eq!(roles(&at_c).await["discord_shards"], Value::Null);
    assert_eq!(roles(&at_d).await["discord_shards"], Value::Null);
    killed(a);
    let took =
        until("a standby runs shard 0", Duration::from_secs(60), async || identified.lock().unwrap().len() == 3).await;
    eprintln!("shard 0 passed to the standby {:.1} s after its replica was killed", took.as_secs_f64());
    tokio::time::sleep(Duration::from_secs(3)).await;
    let sessions = identified.lock().unwrap().clone();
    assert_eq!(sessions.len(), 3, "shard 1 stays with B, and shard 0 has one session: {sessions:?}");
    assert_eq!(sessions[2], json!([0, 2]));
    let holders = [roles(&at_c).await["discord_shards"].clone(), roles(&at_d).await["discord_shards"].clone()];
    assert!(holders.contains(&json!("0/2")) && holders.contains(&Value::Null), "{holders:?}");
    for child in [b, c, d] {
        killed(child);
    }
    pg.drop_db().await;
}

/// A leader killed while it composed a job leaves its lease and its claim on the occurrence (for
/// 15 minutes) as they were: the next leader finishes the run once the lease lapses, without
/// waiting for the claim, and its messages go once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_left_by_a_dead_leader_is_finished_by_the_next_after_the_lease() {
    let Some(pg) = test_pg("roles_takeover").await else { return };
    let url = std::path::PathBuf::from(&pg.url);
    let out = kam_bot(&url).args(["--now", "2026-11-27T12:00:00Z", "seed", "--demo"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pool = sqlx::PgPool::connect(&pg.url).await.unwrap();
    // What a leader killed on Monday 2026-11-30 at 08:01 in São Paulo, composing the weekly digest,
    // leaves: its lease, 20 s to run, and its claim on the occurrence, 15 minutes to run.
    let monday = "2026-11-30T11:01:00Z";
    sqlx::query(
        "INSERT INTO leases (name, holder, until) VALUES ('scheduler', 'dead-host:1:1', now() + interval '20 seconds')",
    )
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO job_runs (workspace_id, job, scheduled_for, ran_at, skipped, state, claimed_until)
         SELECT id, 'weekly_digest', '2026-11-30T11:00:00Z', $1::timestamptz, 0, 'claimed', $1::timestamptz + interval '15 minutes'
         FROM workspaces",
    )
    .bind(monday)
    .execute(&pool)
    .await
    .unwrap();
    let mut next = kam_bot(&url)
        .args(["serve", "--listen", "127.0.0.1:0", "--now", monday])
        .env("SLACK_SIGNING_SECRET", crate::slack_support::SECRET)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let done = async || {
        let state: Option<String> = sqlx::query_scalar("SELECT state FROM job_runs WHERE job = 'weekly_digest'")
            .fetch_optional(&pool)
            .await
            .unwrap();
        state.as_deref() == Some("done")
    };
    let took = until("the next leader finishes the run", Duration::from_secs(60), done).await;
    assert!(took >= Duration::from_secs(15), "the run was taken while the dead leader's lease held: {took:?}");
    eprintln!(
        "the dead leader's run was finished {:.1} s after the next replica started",
        started.elapsed().as_secs_f64()
    );
    // Each manager's digest is queued once, and delivered.
    let queued: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT o.person_id, COUNT(*) FROM outbox o JOIN job_runs r ON r.id = o.job_run_id
         WHERE r.job = 'weekly_digest' GROUP BY o.person_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(!queued.is_empty() && queued.iter().all(|(_, n)| *n == 1), "{queued:?}");
    let delivered = async || {
        let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE status <> 'delivered'")
            .fetch_one(&pool)
            .await
            .unwrap();
        pending == 0
    };
    until("the digests are delivered", Duration::from_secs(30), delivered).await;
    next.kill().ok();
    next.wait().ok();
    pool.close().await;
    pg.drop_db().await;
}

/// A stand-in for Discord's REST API whose first webhook call (the deferred answer's edit) never
/// returns, as if the replica sending it died then; it records every webhook call.
async fn hanging_rest() -> (String, Arc<Mutex<Vec<(String, Value)>>>) {
    use axum::extract::Request;
    let seen: Arc<Mutex<Vec<(String, Value)>>> = Arc::default();
    let record = seen.clone();
    let handler = move |request: Request| {
        let record = record.clone();
        async move {
            let path = request.uri().path().to_string();
            let body = axum::body::to_bytes(request.into_body(), 1 << 20).await.unwrap_or_default();
            let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
            let first = {
                let mut seen = record.lock().unwrap();
                seen.push((path.clone(), body));
                seen.len() == 1
            };
            if first {
                std::future::pending::<()>().await;
            }
            axum::Json(crate::discord_support::message_json("1300000000000000000"))
        }
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let router = axum::Router::new().fallback(handler);
    tokio::spawn(async move { axum::serve(listener, router).await });
    (url, seen)
}

/// A replica that acknowledged a slow command (deferred it) and died before sending its answer:
/// another replica sends it, from the record the first left in the database.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_a_dead_replica_owed_is_sent_by_another() {
    let Some(pg) = test_pg("roles_owed").await else { return };
    let url = std::path::PathBuf::from(&pg.url);
    let out = kam_bot(&url).args(["--workspace", "discord:111", "seed", "--demo"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (rest, seen) = hanging_rest().await;
    let spawn = || {
        kam_bot(&url)
            // Every command is deferred.
            .args(["serve", "--listen", "127.0.0.1:0", "--answer-within", "0"])
            .env("DISCORD_PUBLIC_KEY", crate::discord_support::public_key_hex())
            .env("DISCORD_API_URL", &rest)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, at_a) = crate::helpers::listening(spawn()).await;
    let (b, _) = crate::helpers::listening(spawn()).await;
    let endpoint = crate::discord_support::Endpoint { url: format!("http://{at_a}"), client: reqwest::Client::new() };
    let account = crate::discord_support::command(
        7001,
        Some(111),
        "account",
        json!([crate::discord_support::option("name", json!("Vale"))]),
    );
    let (status, body) = endpoint.post_signed(&account).await;
    assert_eq!((status.as_u16(), body["type"].clone()), (200, json!(5)), "deferred: {body}");
    until("replica A starts sending the answer", Duration::from_secs(10), async || !seen.lock().unwrap().is_empty())
        .await;
    killed(a);
    let cards = || {
        let calls = seen.lock().unwrap().clone();
        calls.into_iter().skip(1).filter(|(_, body)| body["embeds"][0]["title"] == json!("Vale")).count()
    };
    let took = until("replica B sends the answer A owed", Duration::from_secs(90), async || cards() > 0).await;
    eprintln!("the answer a killed replica owed was sent by the other {:.1} s after", took.as_secs_f64());
    let (path, first) = seen.lock().unwrap()[0].clone();
    assert!(path.contains("/webhooks/"), "{path}");
    assert_eq!(first["embeds"][0]["title"], json!("Vale"), "A was sending the card: {first}");
    // Once more, not again at every sweep.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(cards(), 1, "{:?}", seen.lock().unwrap());
    let pool = sqlx::PgPool::connect(&pg.url).await.unwrap();
    let owed = async || {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pending_answers").fetch_one(&pool).await.unwrap();
        n == 0
    };
    until("nothing is owed any more", Duration::from_secs(10), owed).await;
    killed(b);
    pool.close().await;
    pg.drop_db().await;
}
