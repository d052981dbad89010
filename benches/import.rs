//! Importing a team's portfolio: a 50 000-row Brazilian CSV (Windows-1252 would read the same;
//! `;`, decimal commas, `R$` amounts, dd/mm/yyyy dates, aliases and reasons, 200 owners who are
//! not yet people) into an empty workspace, then the same file again (every row unchanged). The
//! goal is a few seconds for each.
//!
//! `KAM_BENCH_ROWS` changes the size, `KAM_BENCH_ITERATIONS` the number of runs (each on a fresh
//! database under `target/bench/`).

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use kam_bot::transfer::columns::{Kind, map_columns};
use kam_bot::transfer::import::import;
use kam_bot::transfer::table::read_csv;

mod common;
use common::env_usize;

fn main() -> anyhow::Result<()> {
    let quick = !std::env::args().any(|a| a == "--bench");
    let rows = env_usize("KAM_BENCH_ROWS", if quick { 500 } else { 50_000 });
    let iterations = env_usize("KAM_BENCH_ITERATIONS", if quick { 1 } else { 3 });
    tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(run(rows, iterations))
}

/// A portfolio file as a Brazilian office saves it.
fn portfolio(rows: usize) -> String {
    let segments = ["Mineração", "Siderurgia", "Óleo e gás", "Papel e celulose", "Química", "Alimentos"];
    let mut csv = String::from(
        "Código;Nome da empresa;Responsável;Setor;Nível;Gasto anual;Receita 12 meses;Margem;Revisão anual;Apelidos;Motivos\n",
    );
    for i in 0..rows {
        let _ = writeln!(
            csv,
            "C{i:06};Empresa {i:05} Indústria Ltda;Vendedor {:03};{};{};\"R$ {}.{:03}.000,00\";{}0000,00;{},5%;{:02}/{:02}/2027;EMP{i};potential: cresce | technology",
            i % 200,
            segments[i % segments.len()],
            i % 3 + 1,
            i % 900 + 1,
            i % 1000,
            i % 90 + 1,
            i % 25 + 5,
            i % 28 + 1,
            i % 12 + 1,
        );
    }
    csv
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn run(rows: usize, iterations: usize) -> anyhow::Result<()> {
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).single().ok_or_else(|| anyhow::anyhow!("instant"))?;
    let bytes = portfolio(rows).into_bytes();
    let (mut first, mut again) = (Vec::new(), Vec::new());
    for _ in 0..iterations {
        let (store, ws) = common::fresh_store(&format!("import-{rows}"), now).await?;
        let options = common::import_options(ws, now);
        for times in [&mut first, &mut again] {
            let started = Instant::now();
            let table = read_csv(&bytes).map_err(|e| anyhow::anyhow!("{e:?}"))?;
            let mapping = map_columns(Kind::Accounts, &table.headers, &[]).map_err(|e| anyhow::anyhow!("{e:?}"))?;
            let report = import(&store, Kind::Accounts, &table, &mapping, &options).await?;
            times.push(started.elapsed());
            anyhow::ensure!(
                report.rejected.is_empty() && report.written,
                "the import failed: {:?}",
                report.rejected.first()
            );
        }
        let counts = store.counts(ws).await?;
        anyhow::ensure!(counts.accounts as usize == rows, "{} accounts imported of {rows}", counts.accounts);
        store.close().await;
    }
    first.sort();
    again.sort();
    println!(
        "import of {rows} rows into an empty workspace: median {:.0} ms, slowest {:.0} ms",
        ms(first[first.len() / 2]),
        ms(first[first.len() - 1])
    );
    println!(
        "the same file again (all unchanged):       median {:.0} ms, slowest {:.0} ms",
        ms(again[again.len() / 2]),
        ms(again[again.len() - 1])
    );
    Ok(())
}
