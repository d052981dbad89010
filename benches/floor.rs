//! The floor: `/account` cards through the terminal chat's path (the core, then the text the
//! terminal prints) beside the same SQL run as bare prepared statements on the same file
//! (rusqlite, values bound, statements kept prepared, every column read), over the same
//! accounts; prints both medians and their ratio, the figure the performance target is about.
//! The SQL is taken from the committed query data (`.sqlx/`), so it is the store's own: the
//! invocation's identity read, and the card's facts found by the name typed.
//!
//! `KAM_BENCH_ACCOUNTS` (default 100 000) and `KAM_BENCH_ITERATIONS` (default 2 000 cards).

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use common::{WORKSPACE, bench_now, env_usize, percentile, synthetic_store};
use kam_bot::core::Core;
use kam_bot::seed::synthetic::account_name;

fn main() -> anyhow::Result<()> {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing and wants a quick run.
    let quick = !std::env::args().any(|a| a == "--bench");
    let accounts = env_usize("KAM_BENCH_ACCOUNTS", if quick { 200 } else { 100_000 });
    let cards = env_usize("KAM_BENCH_ITERATIONS", if quick { 20 } else { 2_000 });
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(run(accounts, cards))
}

/// The SQLite text of the store's query that contains every one of `marks`.
fn store_query(marks: &[&str]) -> anyhow::Result<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".sqlx");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(entry?.path())?)?;
        let query = data["query"].as_str().unwrap_or_default();
        if data["db_name"] == "SQLite" && marks.iter().all(|m| query.contains(m)) {
            found.push(query.to_string());
        }
    }
    anyhow::ensure!(found.len() == 1, "{} store queries contain {marks:?}", found.len());
    Ok(found.remove(0))
}

/// An instant and a day as SQLite's driver binds them.
fn instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Steps through every row and touches every column, as a driver reading the rows would.
fn read_all(rows: &mut rusqlite::Rows<'_>) -> rusqlite::Result<usize> {
    let mut cells = 0;
    while let Some(row) = rows.next()? {
        for i in 0..row.as_ref().column_count() {
            if !matches!(row.get_ref(i)?, rusqlite::types::ValueRef::Null) {
                cells += 1;
            }
        }
    }
    Ok(cells)
}

async fn run(accounts: usize, cards: usize) -> anyhow::Result<()> {
    let now = bench_now()?;
    let store = synthetic_store(accounts, now).await?;
    let core = Core::new(store.clone());
    let invocation = common::invocation(now);
    // The same accounts on both sides, spread over the table.
    let names: Vec<String> = (0..cards).map(|i| account_name((i * 7919 + 13) % accounts)).collect();
    let ws = store.find_workspace(WORKSPACE).await?.ok_or_else(|| anyhow::anyhow!("no bench workspace"))?;
    let window = kam_bot::core::standing::window(now, ws.time_zone.tz());
    let identify = store_query(&["FROM workspaces w", "LEFT JOIN handled_requests h"])?;
    let facts =
        store_query(&["a.id IN (SELECT value FROM json_each(?2)", "FROM account_reasons WHERE account_id = a.id"])?;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench").join(format!("lookup-{accounts}.db"));
    let db = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    db.set_prepared_statement_cache_capacity(16);
    // Card by card, one side then the other, so that both meet the machine in the same state
    // (this VM's speed drifts within minutes). Each side reads every card twice and is timed the
    // second time: both read warm pages and run prepared statements.
    let mut through_core = Vec::with_capacity(cards);
    let mut floor = Vec::with_capacity(cards);
    let mut cells = 0;
    for round in 0..2 {
        for name in &names {
            let line = format!("/account {name}");
            let started = Instant::now();
            let reply = core.run_line(&invocation, &line).await;
            let text = kam_bot::front::terminal::render(&reply);
            if round == 1 {
                through_core.push(started.elapsed());
            }
            anyhow::ensure!(
                reply.title.as_deref() == Some(name.as_str()) && text.contains(name.as_str()),
                "not the card of {name}: {text}"
            );

            let folded = kam_bot::domain::text::fold(name);
            let started = Instant::now();
            let mut stmt = db.prepare_cached(&identify)?;
            cells += read_all(&mut stmt.query(rusqlite::params![
                WORKSPACE,
                "terminal",
                "bench",
                None::<String>,
                None::<String>
            ])?)?;
            let mut stmt = db.prepare_cached(&facts)?;
            cells += read_all(&mut stmt.query(rusqlite::params![
                ws.id,
                "[]",
                instant(window.tones_since),
                window.plan_year,
                day(window.trend_before),
                instant(window.booked_from),
                instant(window.negatives_since),
                instant(window.plan_carried_from),
                day(window.today),
                folded
            ])?)?;
            if round == 1 {
                floor.push(started.elapsed());
            }
        }
    }
    store.close().await;
    anyhow::ensure!(cells > cards * 10, "the statements read too little: {cells} cells");
    through_core.sort();
    floor.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let (core_median, floor_median) = (percentile(&through_core, 0.5), percentile(&floor, 0.5));
    println!("/account, {accounts} accounts, {cards} cards on each side");
    println!("{:<44} {:>9} {:>9}", "", "median", "p99");
    println!(
        "{:<44} {:>6.3} ms {:>6.3} ms",
        "through the core and the terminal's text",
        ms(core_median),
        ms(percentile(&through_core, 0.99))
    );
    println!(
        "{:<44} {:>6.3} ms {:>6.3} ms",
        "the same SQL as bare prepared statements",
        ms(floor_median),
        ms(percentile(&floor, 0.99))
    );
    println!("ratio (core / floor, medians): {:.2}x", core_median.as_secs_f64() / floor_median.as_secs_f64());
    Ok(())
}
