//! One scheduler tick over 100 000 synthetic accounts, about 1 % of them due (a planning meeting
//! within a week or overdue, or a yearly review within 30 days). The jobs are put on a schedule of
//! every 3 minutes and each sample is the next tick on the morning the portfolio was made (a
//! working day: reminders run on working days only), so every tick finds the same 1 % through the
//! indexes: the first one gives the reminders, the later ones find them given.
//!
//! The database is built once into `target/bench/` and copied before each run.
//! `KAM_BENCH_ACCOUNTS` changes the size, `KAM_BENCH_ITERATIONS` the number of ticks.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Timelike, Utc};
use kam_bot::domain::jobs::Job;
use kam_bot::scheduler::Scheduler;
use kam_bot::seed::synthetic::seed_synthetic;
use kam_bot::store::Store;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() -> anyhow::Result<()> {
    let quick = !std::env::args().any(|a| a == "--bench");
    let accounts = env_usize("KAM_BENCH_ACCOUNTS", if quick { 300 } else { 100_000 });
    let iterations = env_usize("KAM_BENCH_ITERATIONS", if quick { 3 } else { 20 });
    tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(run(accounts, iterations))
}

async fn run(accounts: usize, iterations: usize) -> anyhow::Result<()> {
    // Friday 2026-11-27, 09:00 in São Paulo.
    let seeded_at = Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).single().ok_or_else(|| anyhow::anyhow!("instant"))?;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("bench");
    std::fs::create_dir_all(&dir)?;
    let master = dir.join(format!("tick-{accounts}.db"));
    if !master.exists() {
        let building = dir.join(format!("tick-{accounts}.building.db"));
        let _ = std::fs::remove_file(&building);
        let store = Store::open(&building).await?;
        let started = Instant::now();
        let report = seed_synthetic(&store, "bench", accounts, seeded_at).await?;
        store.close().await;
        eprintln!("seeded {} accounts in {:.1} s", report.accounts, started.elapsed().as_secs_f64());
        std::fs::rename(&building, &master)?;
    }
    let work = dir.join(format!("tick-{accounts}.work.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", work.display()));
    }
    std::fs::copy(&master, &work)?;
    let store = Store::open(&work).await?;
    let scheduler = Scheduler::new(store.clone());

    let ws = store.find_workspace("bench").await?.ok_or_else(|| anyhow::anyhow!("no bench workspace"))?;
    let mut tx = store.write().await?;
    for job in Job::ALL {
        tx.set_job_schedule(ws.id, job.name(), "*/3 * * * *", true).await?;
    }
    tx.commit().await?;

    let mut samples: Vec<(Duration, usize)> = Vec::new();
    for tick in 1..=iterations as i64 {
        let at =
            seeded_at + chrono::Duration::minutes(3 * tick) - chrono::Duration::minutes(i64::from(seeded_at.minute()));
        let started = Instant::now();
        let ran = scheduler.tick(at).await?;
        samples.push((started.elapsed(), ran.iter().map(|r| r.messages).sum()));
    }
    let mut times: Vec<Duration> = samples.iter().map(|s| s.0).collect();
    times.sort();
    let median = times[times.len() / 2];
    let worst = times[times.len() - 1];
    let messages: usize = samples.iter().map(|s| s.1).sum();
    println!("scheduler tick, {accounts} accounts, {iterations} ticks 3 minutes apart on a working morning");
    println!("first tick {:.1} ms ({} messages queued)", samples[0].0.as_secs_f64() * 1e3, samples[0].1);
    println!(
        "median {:.1} ms · slowest {:.1} ms · {messages} messages queued in all",
        median.as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3
    );
    store.close().await;
    Ok(())
}
