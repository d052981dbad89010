//! Portfolio-wide reads at 100 000 synthetic accounts (50 reps of about 2 000 accounts each):
//! autocomplete of a 3-letter prefix, `/digest` for a manager of one rep (about 2 000 accounts,
//! the target is given for 1 000), and every weekly digest of the workspace (ten managers of
//! five reps each, 100 000 accounts in all). Prints the median and 99th percentile of each.
//!
//! Uses the database of the `account_lookup` benchmark (`target/bench/lookup-N.db`), copied, and
//! builds it if it is missing. `KAM_BENCH_ACCOUNTS` changes the size, `KAM_BENCH_ITERATIONS` the
//! samples.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use kam_bot::core::catalog::ArgType;
use kam_bot::core::{Core, Invocation, Platform};
use kam_bot::seed::synthetic::seed_synthetic;
use kam_bot::store::{NewPerson, Store};

const WORKSPACE: &str = "bench";
const MANAGERS: usize = 10;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[(((sorted.len() - 1) as f64) * p).round() as usize]
}

fn report(what: &str, mut samples: Vec<Duration>) {
    samples.sort();
    println!(
        "{what:<44} median {:>8.3} ms   p99 {:>8.3} ms",
        percentile(&samples, 0.5).as_secs_f64() * 1e3,
        percentile(&samples, 0.99).as_secs_f64() * 1e3
    );
}

fn main() -> anyhow::Result<()> {
    let quick = !std::env::args().any(|a| a == "--bench");
    let accounts = env_usize("KAM_BENCH_ACCOUNTS", if quick { 300 } else { 100_000 });
    let iterations = env_usize("KAM_BENCH_ITERATIONS", if quick { 3 } else { 1_000 });
    tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(run(accounts, iterations))
}

async fn run(accounts: usize, iterations: usize) -> anyhow::Result<()> {
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).single().ok_or_else(|| anyhow::anyhow!("bad instant"))?;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("bench");
    std::fs::create_dir_all(&dir)?;
    let master = dir.join(format!("lookup-{accounts}.db"));
    {
        let store = Store::open(&master).await?;
        let ws = store.ensure_workspace(WORKSPACE, now).await?;
        if store.counts(ws.id).await?.accounts != accounts as i64 {
            anyhow::ensure!(store.counts(ws.id).await?.accounts == 0, "{} holds another portfolio", master.display());
            let started = Instant::now();
            seed_synthetic(&store, WORKSPACE, accounts, now).await?;
            eprintln!("seeded {accounts} accounts in {:.1} s", started.elapsed().as_secs_f64());
        }
        store.close().await;
    }
    let work = dir.join(format!("portfolio-{accounts}.work.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", work.display()));
    }
    std::fs::copy(&master, &work)?;
    let store = Store::open(&work).await?;
    let ws = store.find_workspace(WORKSPACE).await?.ok_or_else(|| anyhow::anyhow!("no bench workspace"))?;

    // Ten managers, five reps each.
    let reps: Vec<_> = store
        .people(ws.id)
        .await?
        .into_iter()
        .filter(|p| p.role == kam_bot::domain::account::Role::Rep && p.platform_user_id.starts_with("synthetic."))
        .collect();
    let mut tx = store.write().await?;
    let mut managers = Vec::new();
    for m in 0..MANAGERS {
        let name = format!("Manager {m}");
        let id = tx
            .insert_person(
                ws.id,
                &NewPerson {
                    platform: "terminal",
                    platform_user_id: &format!("manager.{m}"),
                    display_name: &name,
                    role: kam_bot::domain::account::Role::Manager,
                    manager_id: None,
                    language: None,
                    created_at: now,
                },
            )
            .await?;
        managers.push((id, name));
    }
    for (i, rep) in reps.iter().enumerate() {
        tx.set_manager(ws.id, rep.id, Some(managers[i % MANAGERS].0)).await?;
    }
    tx.commit().await?;

    let core = Core::new(store.clone());
    let invocation = |user: &str| Invocation {
        workspace: WORKSPACE.to_string(),
        platform: Platform::Terminal,
        user_id: user.to_string(),
        display_name: user.to_string(),
        name_is_handle: false,
        locale: None,
        workspace_locale: None,
        now,
        source_id: None,
    };
    println!("{accounts} accounts, {} reps, {MANAGERS} managers", reps.len());

    // Autocomplete: the 3-letter prefixes of the synthetic names' words, in turn.
    let prefixes = ["met", "min", "qui", "tex", "ene", "pap", "log", "ali", "hor", "atl", "par", "ser", "sul", "nor"];
    let mut samples = Vec::with_capacity(iterations);
    for i in 0..iterations.max(1) {
        let started = Instant::now();
        let found = core.suggest(WORKSPACE, ArgType::Account, prefixes[i % prefixes.len()], 25).await;
        samples.push(started.elapsed());
        anyhow::ensure!(!found.is_empty(), "no suggestion for {}", prefixes[i % prefixes.len()]);
    }
    report("autocomplete, 3-letter prefix", samples);

    // /digest on demand for a manager whose one rep owns about 2 000 accounts.
    let mut tx = store.write().await?;
    let lone = tx
        .insert_person(
            ws.id,
            &NewPerson {
                platform: "terminal",
                platform_user_id: "manager.lone",
                display_name: "Lone Manager",
                role: kam_bot::domain::account::Role::Manager,
                manager_id: None,
                language: None,
                created_at: now,
            },
        )
        .await?;
    tx.set_manager(ws.id, reps[0].id, Some(lone)).await?;
    tx.commit().await?;
    let owned = store.portfolio(ws.id, None, Some(reps[0].id)).await?.len();
    let mut samples = Vec::new();
    for _ in 0..(iterations / 50).max(3) {
        let started = Instant::now();
        let reply = core.run_line(&invocation("manager.lone"), "/digest").await;
        samples.push(started.elapsed());
        anyhow::ensure!(!reply.is_error(), "digest failed: {:?}", reply.lines);
    }
    report(&format!("/digest, a manager of {owned} accounts"), samples);

    // Its chart drawn as a PNG (the 20 largest accounts), as each platform's notifier does.
    let reply = core.run_line(&invocation("manager.lone"), "/digest").await;
    let chart = reply.chart.ok_or_else(|| anyhow::anyhow!("the digest has no chart"))?;
    let mut samples = Vec::new();
    for _ in 0..20 {
        let started = Instant::now();
        let png = kam_bot::chart::png(&chart)?;
        samples.push(started.elapsed());
        anyhow::ensure!(png.len() > 1000, "a PNG of {} bytes", png.len());
    }
    report(&format!("the digest's chart, {} accounts drawn", chart.accounts.len()), samples);

    // Every weekly digest of the workspace, one manager after another.
    let mut samples = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        for m in 0..MANAGERS {
            let reply = core.run_line(&invocation(&format!("manager.{m}")), "/digest").await;
            anyhow::ensure!(!reply.is_error(), "digest failed: {:?}", reply.lines);
        }
        samples.push(started.elapsed());
    }
    report(&format!("all {MANAGERS} weekly digests, {accounts} accounts"), samples);
    store.close().await;
    Ok(())
}
