//! What the benchmarks share: their settings from the environment, percentiles, and the
//! synthetic database built once into `target/bench/` and reused.

#![allow(dead_code)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use kam_bot::seed::synthetic::seed_synthetic;
use kam_bot::store::Store;

pub const WORKSPACE: &str = "bench";

pub fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// The instant the benchmarks run at: the synthetic portfolio is dated from it.
pub fn bench_now() -> anyhow::Result<DateTime<Utc>> {
    Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).single().ok_or_else(|| anyhow::anyhow!("bad instant"))
}

/// The synthetic database of `accounts` accounts (`target/bench/lookup-N.db`), built when missing
/// or holding another number of accounts.
pub async fn synthetic_store(accounts: usize, now: DateTime<Utc>) -> anyhow::Result<Store> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("bench");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("lookup-{accounts}.db"));
    let mut store = Store::open(&path).await?;
    let ws = store.ensure_workspace(WORKSPACE, now).await?;
    if store.counts(ws.id).await?.accounts != accounts as i64 {
        store.close().await;
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        store = Store::open(&path).await?;
        let started = Instant::now();
        let report = seed_synthetic(&store, WORKSPACE, accounts, now).await?;
        eprintln!(
            "seeded {} accounts, {} interactions in {:.1} s",
            report.accounts,
            report.interactions,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(store)
}

/// The same synthetic database on PostgreSQL, when `KAM_BENCH_POSTGRES_URL` names a database: it
/// is copied there from the SQLite file (`kam-bot db copy`, checked) when it holds no account.
pub async fn synthetic_postgres(accounts: usize, now: DateTime<Utc>) -> anyhow::Result<Option<Store>> {
    let Ok(url) = std::env::var("KAM_BENCH_POSTGRES_URL") else { return Ok(None) };
    let store = Store::connect_postgres(&url, kam_bot::store::POOL_SIZE, Default::default()).await?;
    let ws = store.ensure_workspace(WORKSPACE, now).await?;
    if store.counts(ws.id).await?.accounts == accounts as i64 {
        return Ok(Some(store));
    }
    store.close().await;
    // A fresh schema, then the copy (which migrates it).
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&url).await?;
    sqlx::query("DROP SCHEMA public CASCADE").execute(&mut conn).await?;
    sqlx::query("CREATE SCHEMA public").execute(&mut conn).await?;
    drop(conn);
    let from =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("bench").join(format!("lookup-{accounts}.db"));
    let started = Instant::now();
    let code =
        kam_bot::cli::db::copy(&from.display().to_string(), &url, &Default::default(), now, Default::default()).await?;
    anyhow::ensure!(code == std::process::ExitCode::SUCCESS, "the copy to PostgreSQL failed");
    eprintln!("copied to PostgreSQL in {:.1} s", started.elapsed().as_secs_f64());
    Ok(Some(Store::connect_postgres(&url, kam_bot::store::POOL_SIZE, Default::default()).await?))
}

/// An empty database `target/bench/NAME.db`, made anew, with the bench workspace's id.
pub async fn fresh_store(name: &str, now: DateTime<Utc>) -> anyhow::Result<(Store, i64)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("bench");
    std::fs::create_dir_all(&dir)?;
    let db = dir.join(format!("{name}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let store = Store::open(&db).await?;
    let ws = store.ensure_workspace(WORKSPACE, now).await?;
    Ok((store, ws.id))
}

/// How the import benchmarks import: from the command line, in São Paulo, in Portuguese.
pub fn import_options(workspace_id: i64, now: DateTime<Utc>) -> kam_bot::transfer::import::Options<'static> {
    kam_bot::transfer::import::Options {
        workspace_id,
        person_id: None,
        now,
        year: 2026,
        tz: chrono_tz::America::Sao_Paulo,
        locale: kam_bot::domain::locale::Locale::PtBr,
        dry_run: false,
        progress: None,
    }
}

/// The bench's person at the terminal, in the bench workspace, at `now`.
pub fn invocation(now: DateTime<Utc>) -> kam_bot::core::Invocation {
    kam_bot::core::Invocation {
        workspace: WORKSPACE.to_string(),
        platform: kam_bot::core::Platform::Terminal,
        user_id: "bench".to_string(),
        display_name: "Bench".to_string(),
        name_is_handle: false,
        locale: None,
        workspace_locale: None,
        now,
        source_id: None,
    }
}
