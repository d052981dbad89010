//! Importing a team's history: 100 000 activities, as Pipedrive exports them in Portuguese
//! (`Atividade - Assunto`, `Atividade - Tipo`, `Atividade - Data de vencimento`, `Atividade -
//! Feito`, `Organização - Nome`, `Atividade - Atribuído ao usuário`), four in five done and one in
//! five open, into a workspace of 5 000 accounts; then the same file again (every row unchanged).
//! The target is 10 seconds and 200 MB for the first run. Prints the time of each run and the
//! process's peak resident memory.
//!
//! `KAM_BENCH_ACTIVITIES` and `KAM_BENCH_ACCOUNTS` change the sizes (each run on a fresh database
//! under `target/bench/`).

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, TimeZone, Utc};
use kam_bot::transfer::columns::{Kind, map_columns};
use kam_bot::transfer::import::import;
use kam_bot::transfer::table::read_csv;

mod common;
use common::env_usize;

fn main() -> anyhow::Result<()> {
    let quick = !std::env::args().any(|a| a == "--bench");
    let activities = env_usize("KAM_BENCH_ACTIVITIES", if quick { 1_000 } else { 100_000 });
    let accounts = env_usize("KAM_BENCH_ACCOUNTS", if quick { 50 } else { 5_000 });
    tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(run(activities, accounts))
}

/// The portfolio the activities belong to.
fn portfolio(accounts: usize) -> String {
    let mut csv = String::from("Organização - ID;Organização - Nome;Organização - Proprietário\n");
    for i in 0..accounts {
        let _ = writeln!(csv, "{i};Empresa {i:05} Indústria Ltda;Vendedor {:02}", i % 50);
    }
    csv
}

/// A year of activities, spread over the accounts, as Pipedrive exports them.
fn activities(rows: usize, accounts: usize) -> String {
    let kinds = ["Reunião", "Chamada", "E-mail", "Almoço", "WhatsApp", "Visita", "Tarefa"];
    let start = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap_or_default();
    let mut csv = String::from(
        "Atividade - ID,Atividade - Assunto,Atividade - Tipo,Atividade - Data de vencimento,Atividade - Feito,\
         Organização - Nome,Atividade - Atribuído ao usuário,Atividade - Nota\n",
    );
    for i in 0..rows {
        let account = i % accounts;
        // Four in five of each account's activities done, in the year before; one in five open,
        // in the weeks ahead.
        let open = (i / accounts) % 5 == 4;
        let day = if open { start + Days::new(365 + (i % 60) as u64) } else { start + Days::new((i % 362) as u64) };
        let _ = writeln!(
            csv,
            "{},Contato {i} sobre o contrato,{},{} {:02}:{:02},{},Empresa {account:05} Indústria Ltda,Vendedor {:02},\"Conversa {i}: prazos, preços e próximos passos\"",
            100_000 + i,
            kinds[i % kinds.len()],
            day.format("%Y-%m-%d"),
            8 + i % 10,
            (i % 4) * 15,
            if open { 0 } else { 1 },
            account % 50,
        );
    }
    csv
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The process's peak resident memory, from `/proc/self/status` (Linux), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

async fn run(rows: usize, accounts: usize) -> anyhow::Result<()> {
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).single().ok_or_else(|| anyhow::anyhow!("instant"))?;
    let (store, ws) = common::fresh_store(&format!("history-{rows}"), now).await?;
    let options = common::import_options(ws, now);
    let load = |kind: Kind, bytes: &[u8]| {
        let table = read_csv(bytes).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let mapping = map_columns(kind, &table.headers, &[]).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        anyhow::Ok((table, mapping))
    };
    let (table, mapping) = load(Kind::Accounts, portfolio(accounts).as_bytes())?;
    let report = import(&store, Kind::Accounts, &table, &mapping, &options).await?;
    anyhow::ensure!(report.written, "the portfolio did not import: {:?}", report.rejected.first());
    drop((table, mapping));
    let rss_before = peak_rss_mb();

    let bytes = activities(rows, accounts).into_bytes();
    let mut times = Vec::new();
    let mut created = 0;
    for _ in 0..2 {
        let started = Instant::now();
        let (table, mapping) = load(Kind::Interactions, &bytes)?;
        let report = import(&store, Kind::Interactions, &table, &mapping, &options).await?;
        times.push(started.elapsed());
        anyhow::ensure!(report.rejected.is_empty(), "a row was refused: {:?}", report.rejected.first());
        created += report.created.len();
    }
    anyhow::ensure!(created == rows, "{created} activities imported of {rows}");
    let counts = store.counts(ws).await?;
    let never = store.portfolio(ws, None, None).await?.iter().filter(|r| r.last_contact.is_none()).count();
    store.close().await;
    println!(
        "{} MB file, {rows} activities into {accounts} accounts: {:.0} ms ({} interactions, the rest commitments)",
        bytes.len() / 1024 / 1024,
        ms(times[0]),
        counts.interactions
    );
    println!("the same file again (all unchanged): {:.0} ms", ms(times[1]));
    println!("accounts still never contacted: {never} of {accounts}");
    match (rss_before, peak_rss_mb()) {
        (Some(before), Some(peak)) => {
            println!("peak resident memory: {peak:.0} MB (after the portfolio, before the activities: {before:.0} MB)")
        }
        _ => println!("peak resident memory: not available on this system"),
    }
    Ok(())
}
