//! `/account` through the core at 100 000 accounts: exact name, accent-free name, prefix, typo and
//! miss. Prints the median, 95th and 99th percentile of each; the goal is a median of 0.3 ms
//! and a 99th percentile of 1 ms.
//!
//! The synthetic database is built once into `target/bench/` and reused by later runs.
//! `KAM_BENCH_ACCOUNTS` changes the size, `KAM_BENCH_ITERATIONS` the samples per case. With
//! `KAM_BENCH_POSTGRES_URL` the same cases run again on that PostgreSQL database (the SQLite file
//! copied there first), and the ratio of the medians is printed.

mod common;

use std::time::Instant;

use common::{WORKSPACE, bench_now, env_usize, percentile, synthetic_postgres, synthetic_store};
use kam_bot::core::{Core, Invocation};
use kam_bot::seed::synthetic::account_name;

fn main() -> anyhow::Result<()> {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing and wants a quick run.
    let quick = !std::env::args().any(|a| a == "--bench");
    let accounts = env_usize("KAM_BENCH_ACCOUNTS", if quick { 200 } else { 100_000 });
    let iterations = env_usize("KAM_BENCH_ITERATIONS", if quick { 20 } else { 2_000 });
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(run(accounts, iterations))
}

async fn run(accounts: usize, iterations: usize) -> anyhow::Result<()> {
    let now = bench_now()?;
    let store = synthetic_store(accounts, now).await?;
    let core = Core::new(store.clone());
    let invocation = common::invocation(now);

    let target = account_name(accounts / 2 + 7);
    let folded = kam_bot::domain::text::fold(&target);
    let prefix: String = target.chars().take(target.chars().count() - 2).collect();
    let typo = target.replacen("a", "e", 1);
    let cases = [
        ("exact name", format!("/account {target}")),
        ("accent-free", format!("/account {}", folded.to_uppercase())),
        ("prefix", format!("/account {prefix}")),
        ("typo (miss)", format!("/account {typo}x")),
        ("miss", "/account Zzyzx Unknown".to_string()),
    ];
    println!("/account through the core, {accounts} accounts, {iterations} lookups per case");
    let lite = cases_on(&core, &invocation, &cases, iterations).await;
    if let Some(pg) = synthetic_postgres(accounts, now).await? {
        println!("the same on PostgreSQL (loopback)");
        let post = cases_on(&Core::new(pg.clone()), &invocation, &cases, iterations).await;
        println!("{:<14} {:>10} {:>10} {:>7}", "case", "SQLite", "PostgreSQL", "ratio");
        for ((name, _), (l, p)) in cases.iter().zip(lite.iter().zip(&post)) {
            println!("{name:<14} {:>7.3} ms {:>7.3} ms {:>6.2}x", l * 1e3, p * 1e3, p / l);
        }
        pg.close().await;
    }
    if std::env::var("KAM_BENCH_PROBE").is_ok() {
        let mut samples = Vec::new();
        for _ in 0..2000 {
            let started = Instant::now();
            store.find_workspace(WORKSPACE).await?;
            samples.push(started.elapsed());
        }
        samples.sort();
        println!("one indexed query: {:.3} ms", percentile(&samples, 0.5).as_secs_f64() * 1e3);
        let ws = store.find_workspace(WORKSPACE).await?.map(|w| w.id).unwrap_or(0);
        let window = kam_bot::core::standing::window(now, chrono_tz::America::Sao_Paulo);
        let id =
            store.portfolio(ws, None, None).await?.into_iter().find(|r| r.name == target).map(|r| r.id).unwrap_or(0);
        let mut samples = Vec::new();
        for _ in 0..2000 {
            let started = Instant::now();
            store.account_facts(ws, id, window).await?;
            samples.push(started.elapsed());
        }
        samples.sort();
        println!("facts query: {:.3} ms", percentile(&samples, 0.5).as_secs_f64() * 1e3);
        let mut samples = Vec::new();
        for _ in 0..2000 {
            let started = Instant::now();
            store.account_names_with_prefix(ws, &folded, 50).await?;
            samples.push(started.elapsed());
        }
        samples.sort();
        println!("name prefix query: {:.3} ms", percentile(&samples, 0.5).as_secs_f64() * 1e3);
    }
    store.close().await;
    Ok(())
}

/// Each case's medians (seconds), printing its median, 95th and 99th percentiles.
async fn cases_on(core: &Core, invocation: &Invocation, cases: &[(&str, String)], iterations: usize) -> Vec<f64> {
    println!("{:<14} {:>10} {:>10} {:>10}  first reply line", "case", "median", "p95", "p99");
    let mut medians = Vec::new();
    for (name, line) in cases {
        for _ in 0..iterations / 10 + 1 {
            core.run_line(invocation, line).await;
        }
        let mut samples = Vec::with_capacity(iterations);
        let mut first = String::new();
        for _ in 0..iterations.max(1) {
            let started = Instant::now();
            let reply = core.run_line(invocation, line).await;
            samples.push(started.elapsed());
            if first.is_empty() {
                first = reply.title.or_else(|| reply.lines.first().cloned()).unwrap_or_default();
            }
        }
        samples.sort();
        println!(
            "{name:<14} {:>7.3} ms {:>7.3} ms {:>7.3} ms  {}",
            percentile(&samples, 0.5).as_secs_f64() * 1e3,
            percentile(&samples, 0.95).as_secs_f64() * 1e3,
            percentile(&samples, 0.99).as_secs_f64() * 1e3,
            kam_bot::domain::text::truncate(&first, 60)
        );
        medians.push(percentile(&samples, 0.5).as_secs_f64());
    }
    medians
}
