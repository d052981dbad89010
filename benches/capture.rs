//! Reading a free sentence into a draft at 100 000 accounts (`Core::read_sentence`: the words,
//! dates and steps, the account among the n-grams, its contacts), against a floor measured in the
//! same run: the account-terms query it makes, as a bare prepared statement. The goal: a 99th
//! percentile of 2 ms.
//!
//! Uses the database of the `account_lookup` benchmark (`target/bench/lookup-N.db`), building it
//! when missing. `KAM_BENCH_ACCOUNTS` changes the size, `KAM_BENCH_ITERATIONS` the samples.

mod common;

use std::time::{Duration, Instant};

use common::{WORKSPACE, bench_now, env_usize, percentile, synthetic_store};
use kam_bot::core::Core;
use kam_bot::domain::capture::Sentence;
use kam_bot::seed::synthetic::account_name;

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    println!(
        "{name:<34} {:>7.3} ms {:>7.3} ms {:>7.3} ms",
        percentile(&samples, 0.5).as_secs_f64() * 1e3,
        percentile(&samples, 0.95).as_secs_f64() * 1e3,
        percentile(&samples, 0.99).as_secs_f64() * 1e3
    );
}

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
    let ws = store.find_workspace(WORKSPACE).await?.map(|w| w.id).ok_or_else(|| anyhow::anyhow!("no workspace"))?;
    let core = Core::new(store.clone());
    let invocation = common::invocation(now);
    let sentences: Vec<String> = (0..50)
        .map(|k| {
            let name = account_name((k * 1_997 + 11) % accounts);
            match k % 3 {
                0 => format!("reunião com o cliente na {name} hoje, ficou de mandar proposta até sexta"),
                1 => {
                    format!("liguei pro pessoal da {} ontem, vou mandar a cotação semana que vem", name.to_lowercase())
                }
                _ => format!("visita na {name} com o comprador, reclamou do prazo, preciso ligar dia 10"),
            }
        })
        .collect();
    // The floor: the one account-terms query of each sentence, as a bare prepared statement.
    let grams: Vec<String> = sentences
        .iter()
        .map(|s| {
            let sentence = Sentence::new(s);
            let taken = vec![false; sentence.words.len()];
            let terms: Vec<String> = sentence.ngrams(5, &taken).into_iter().map(|(_, _, g)| g).collect();
            serde_json::to_string(&terms).unwrap_or_default()
        })
        .collect();
    for s in sentences.iter().take(10) {
        core.read_sentence(&invocation, s).await?;
    }
    println!("reading a sentence, {accounts} accounts, {iterations} samples");
    println!("{:<34} {:>10} {:>10} {:>10}", "case", "median", "p95", "p99");
    let mut samples = Vec::with_capacity(iterations);
    let mut found = 0;
    for i in 0..iterations.max(1) {
        let started = Instant::now();
        let draft = core.read_sentence(&invocation, &sentences[i % sentences.len()]).await?;
        samples.push(started.elapsed());
        found += usize::from(draft.account.is_some());
    }
    report("read_sentence (the whole reading)", samples);
    // Sentences that name no account: every fallback runs (name words, contacts, closest names).
    let unnamed = [
        "reunião com o comprador hoje, vou mandar a proposta semana que vem".to_string(),
        format!("visita na {}x ontem, reclamou do prazo", account_name(accounts / 3).to_lowercase().replace(' ', "")),
    ];
    let mut samples = Vec::with_capacity(iterations);
    let mut asked = 0;
    for i in 0..iterations.max(1) {
        let started = Instant::now();
        let draft = core.read_sentence(&invocation, &unnamed[i % unnamed.len()]).await?;
        samples.push(started.elapsed());
        asked += usize::from(draft.account.is_none());
    }
    report("read_sentence, no account named", samples);
    println!("asked which account in {asked} of {} readings", iterations.max(1));
    let mut samples = Vec::with_capacity(iterations);
    for i in 0..iterations.max(1) {
        let started = Instant::now();
        store.account_terms_in(ws, &grams[i % grams.len()], 200).await?;
        samples.push(started.elapsed());
    }
    report("floor: the account-terms query", samples);
    println!("account found in {found} of {} readings", iterations.max(1));
    store.close().await;
    Ok(())
}
