//! `kam-bot db copy FROM TO`: a whole database moved between a SQLite file and PostgreSQL, into an
//! empty target, in one transaction, then checked: row counts table by table, and the same card
//! facts for a sample of accounts read back through each backend's own store.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::{DateTime, Datelike, Duration, Utc};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kam_store_pg::PgStore;
use kam_store_pg::copy::{CopyReader, CopyWriter};

use crate::domain::records::{AccountFacts, FactsWindow};
use crate::domain::settings::Settings;
use crate::i18n::{CliMsg, Locale, Msg, Translate};
use crate::store::copy::{Cell, ROWS_A_BATCH, SqliteCopyWriter, Table};
use crate::store::{Store, StoreError};

/// How many accounts the check compares, spread over the whole table.
pub const SAMPLE: usize = 25;

/// Where a database is: a SQLite file, or a PostgreSQL URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Place {
    /// A `postgres://` or `postgresql://` URL, or a file path; another scheme is refused with
    /// the scheme it had.
    pub fn read(text: &str) -> Result<Place, String> {
        match text.split_once("://") {
            Some(("postgres" | "postgresql", _)) => Ok(Place::Postgres(text.to_string())),
            Some((scheme, _)) => Err(scheme.chars().take(20).collect()),
            None => Ok(Place::Sqlite(PathBuf::from(text))),
        }
    }

    /// How it is named to a person: a URL without its password.
    pub fn shown(&self) -> String {
        match self {
            Place::Sqlite(path) => path.display().to_string(),
            Place::Postgres(url) => redacted(url),
        }
    }
}

/// A URL without the password of its user part.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let (authority, tail) = rest.split_once('/').map_or((rest, ""), |(a, t)| (a, t));
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => format!("{}@{host}", user.split_once(':').map_or(user, |(u, _)| u)),
        None => authority.to_string(),
    };
    let tail = tail.split_once('?').map_or(tail, |(t, _)| t);
    format!("{scheme}://{authority}/{tail}")
}

/// One side of the copy, opened (and migrated) through its own store.
enum Side {
    Sqlite(Store),
    Postgres(PgStore),
}

impl Side {
    async fn open(place: &Place, settings: &Settings) -> anyhow::Result<Side> {
        Ok(match place {
            Place::Sqlite(path) => Side::Sqlite(Store::open_with(path, 2, settings.clone()).await?),
            Place::Postgres(url) => Side::Postgres(PgStore::connect(url, 2, settings.clone()).await?),
        })
    }

    async fn tables(&self) -> Result<Vec<Table>, StoreError> {
        match self {
            Side::Sqlite(s) => s.copy_tables().await,
            Side::Postgres(p) => p.tables().await,
        }
    }

    async fn count(&self, table: &Table) -> Result<i64, StoreError> {
        match self {
            Side::Sqlite(s) => s.copy_count(table).await,
            Side::Postgres(p) => p.count(table).await,
        }
    }

    async fn facts(
        &self,
        workspace_id: i64,
        ids: &[i64],
        window: FactsWindow,
    ) -> Result<Vec<AccountFacts>, StoreError> {
        let mut facts = match self {
            Side::Sqlite(s) => s.accounts_facts(workspace_id, ids, window).await?,
            Side::Postgres(p) => p.accounts_facts(workspace_id, ids, window).await?,
        };
        facts.sort_by_key(|f| f.account.id);
        Ok(facts)
    }

    async fn close(&self) {
        match self {
            Side::Sqlite(s) => s.close().await,
            Side::Postgres(p) => p.close().await,
        }
    }
}

enum Rows<'a> {
    Sqlite(BoxStream<'a, Result<Vec<Cell>, StoreError>>),
    Postgres(CopyReader),
}

impl Rows<'_> {
    async fn next_batch(&mut self) -> Result<Vec<Vec<Cell>>, StoreError> {
        match self {
            Rows::Sqlite(stream) => {
                let mut out = Vec::with_capacity(ROWS_A_BATCH);
                while out.len() < ROWS_A_BATCH {
                    match stream.next().await {
                        Some(row) => out.push(row?),
                        None => break,
                    }
                }
                Ok(out)
            }
            Rows::Postgres(reader) => reader.next_batch(ROWS_A_BATCH).await,
        }
    }
}

enum Writer {
    Sqlite(SqliteCopyWriter),
    Postgres(CopyWriter),
}

/// The window the sample's facts are read for: any fixed one does, both sides read the same.
fn window(now: DateTime<Utc>) -> FactsWindow {
    let today = now.date_naive();
    FactsWindow {
        tones_since: now - Duration::days(90),
        plan_year: i64::from(now.year()),
        plan_carried_from: now - Duration::days(90),
        trend_before: today - Duration::days(7),
        booked_from: now,
        negatives_since: now - Duration::days(30),
        today,
    }
}

/// Up to [`SAMPLE`] of these (workspace, account) pairs, spread evenly.
fn sample(accounts: &[(i64, i64)]) -> Vec<(i64, i64)> {
    if accounts.len() <= SAMPLE {
        return accounts.to_vec();
    }
    (0..SAMPLE).map(|k| accounts[k * accounts.len() / SAMPLE]).collect()
}

/// The table's columns in `order`'s column order, each as `table` types it.
fn ordered(table: &Table, order: &Table) -> Option<Table> {
    let columns = order
        .columns
        .iter()
        .map(|(name, _)| table.columns.iter().find(|(n, _)| n == name).cloned())
        .collect::<Option<Vec<_>>>()?;
    (columns.len() == table.columns.len()).then(|| Table { name: table.name.clone(), columns })
}

/// Runs `kam-bot db copy FROM TO`.
pub async fn copy(
    from: &str,
    to: &str,
    settings: &Settings,
    now: DateTime<Utc>,
    locale: Locale,
) -> anyhow::Result<ExitCode> {
    let say = |msg: CliMsg| locale.t(Msg::Cli(msg));
    let refuse = |msg: CliMsg| {
        eprintln!("{}", say(msg));
        Ok(ExitCode::from(2))
    };
    let (source, target) = match (Place::read(from), Place::read(to)) {
        (Ok(s), Ok(t)) => (s, t),
        (Err(scheme), _) | (_, Err(scheme)) => return refuse(CliMsg::DbCopyScheme { scheme }),
    };
    if matches!((&source, &target), (Place::Sqlite(_), Place::Sqlite(_)) | (Place::Postgres(_), Place::Postgres(_))) {
        return refuse(CliMsg::DbCopySameKind);
    }
    if let Place::Sqlite(path) = &source
        && !path.is_file()
    {
        return refuse(CliMsg::DbCopyNoSource { path: path.display().to_string() });
    }
    let started = Instant::now();
    let source_side = match Side::open(&source, settings).await {
        Ok(side) => side,
        Err(e) => return refuse(CliMsg::DbCopyCannotOpen { place: source.shown(), reason: e.to_string() }),
    };
    let target_side = match Side::open(&target, settings).await {
        Ok(side) => side,
        Err(e) => return refuse(CliMsg::DbCopyCannotOpen { place: target.shown(), reason: e.to_string() }),
    };
    let code = run(&source, &target, &source_side, &target_side, now, say, started).await;
    source_side.close().await;
    target_side.close().await;
    code
}

async fn run(
    source: &Place,
    target: &Place,
    source_side: &Side,
    target_side: &Side,
    now: DateTime<Utc>,
    say: impl Fn(CliMsg) -> String,
    started: Instant,
) -> anyhow::Result<ExitCode> {
    let source_tables = source_side.tables().await?;
    let target_tables = target_side.tables().await?;
    // The same tables with the same columns, or the two are of different versions.
    let mut pairs = Vec::with_capacity(source_tables.len());
    for table in &source_tables {
        let Some(into) = target_tables.iter().find(|t| t.name == table.name) else {
            eprintln!("{}", say(CliMsg::DbCopySchemaDiffers { table: table.name.clone() }));
            return Ok(ExitCode::from(2));
        };
        let Some(read) = ordered(table, into) else {
            eprintln!("{}", say(CliMsg::DbCopySchemaDiffers { table: table.name.clone() }));
            return Ok(ExitCode::from(2));
        };
        pairs.push((read, into.clone()));
    }
    if let Some(extra) = target_tables.iter().find(|t| !source_tables.iter().any(|s| s.name == t.name)) {
        eprintln!("{}", say(CliMsg::DbCopySchemaDiffers { table: extra.name.clone() }));
        return Ok(ExitCode::from(2));
    }
    for (_, into) in &pairs {
        let rows = target_side.count(into).await?;
        if rows > 0 {
            eprintln!(
                "{}",
                say(CliMsg::DbCopyTargetNotEmpty { place: target.shown(), table: into.name.clone(), rows })
            );
            return Ok(ExitCode::from(2));
        }
    }
    let mut counts = Vec::with_capacity(pairs.len());
    for (read, _) in &pairs {
        counts.push(source_side.count(read).await?);
    }
    let total: i64 = counts.iter().sum();
    eprintln!(
        "{}",
        say(CliMsg::DbCopyStarting { from: source.shown(), to: target.shown(), rows: total, tables: pairs.len() })
    );
    let bar = ProgressBar::with_draw_target(Some(total.max(0) as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {wide_bar} {pos}/{len} · {msg} · {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut writer = match target_side {
        Side::Sqlite(s) => Writer::Sqlite(s.begin_copy().await?),
        Side::Postgres(p) => Writer::Postgres(p.begin_copy().await?),
    };
    let mut accounts: Vec<(i64, i64)> = Vec::new();
    for (read, into) in &pairs {
        bar.set_message(into.name.clone());
        let mut rows = match source_side {
            Side::Sqlite(s) => Rows::Sqlite(s.copy_rows(read)),
            Side::Postgres(p) => Rows::Postgres(p.read_rows(read).await?),
        };
        let keys = (into.name == "accounts").then(|| {
            let at = |name: &str| into.columns.iter().position(|(n, _)| n == name);
            (at("workspace_id"), at("id"))
        });
        loop {
            let batch = rows.next_batch().await?;
            if batch.is_empty() {
                break;
            }
            if let Some((Some(w), Some(i))) = keys {
                accounts.extend(batch.iter().filter_map(|row| match (&row[w], &row[i]) {
                    (Cell::Int(w), Cell::Int(i)) => Some((*w, *i)),
                    _ => None,
                }));
            }
            match &mut writer {
                Writer::Sqlite(w) => w.insert(into, &batch).await?,
                Writer::Postgres(w) => w.insert(into, &batch).await?,
            }
            bar.inc(batch.len() as u64);
        }
    }
    let targets: Vec<Table> = pairs.iter().map(|(_, t)| t.clone()).collect();
    match writer {
        Writer::Sqlite(w) => w.finish().await?,
        Writer::Postgres(w) => w.finish(&targets).await?,
    }
    // The planner's statistics of the tables just filled, before anything reads them.
    if let Side::Postgres(p) = target_side {
        p.analyze().await?;
    }
    bar.finish_and_clear();
    // The check: every table's rows, then the sample's facts through each store.
    for ((read, into), expected) in pairs.iter().zip(&counts) {
        let copied = target_side.count(into).await?;
        if copied != *expected {
            eprintln!("{}", say(CliMsg::DbCopyCountDiffers { table: read.name.clone(), expected: *expected, copied }));
            return Ok(ExitCode::FAILURE);
        }
    }
    accounts.sort_unstable();
    let chosen = sample(&accounts);
    let window = window(now);
    for (workspace_id, id) in &chosen {
        let before = source_side.facts(*workspace_id, &[*id], window).await?;
        let after = target_side.facts(*workspace_id, &[*id], window).await?;
        if to_the_microsecond(&format!("{before:?}")) != to_the_microsecond(&format!("{after:?}")) {
            eprintln!("{}", say(CliMsg::DbCopyCardDiffers { account: *id }));
            return Ok(ExitCode::FAILURE);
        }
    }
    println!(
        "{}",
        say(CliMsg::DbCopyDone {
            to: target.shown(),
            rows: total,
            tables: pairs.len(),
            cards: chosen.len(),
            took_ms: started.elapsed().as_millis() as u64,
        })
    );
    Ok(ExitCode::SUCCESS)
}

/// Facts as text with every instant cut to the microsecond, PostgreSQL's precision (an instant
/// SQLite kept with nanoseconds reads back cut on PostgreSQL): each fraction of a second before a
/// `Z` is written with exactly six digits, or none when they are all zeros.
fn to_the_microsecond(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(dot) = rest.find('.') {
        out.push_str(&rest[..dot]);
        rest = &rest[dot + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if rest[digits..].starts_with('Z') {
            let micros: String = rest[..digits].chars().chain(std::iter::repeat('0')).take(6).collect();
            if micros != "000000" {
                out.push('.');
                out.push_str(&micros);
            }
        } else {
            out.push('.');
            out.push_str(&rest[..digits]);
        }
        rest = &rest[digits..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_compare_to_the_microsecond_and_nothing_else_does() {
        use chrono::{TimeZone, Utc};
        let at = |nanos: u32| Utc.timestamp_opt(1_796_679_941, nanos).unwrap();
        for (kept, read_back) in
            [(123_456_789, 123_456_000), (120_000_789, 120_000_000), (500, 0), (0, 0), (999_999_999, 999_999_000)]
        {
            let (a, b) = (format!("{:?}", (at(kept), 1.5f64)), format!("{:?}", (at(read_back), 1.5f64)));
            assert_eq!(to_the_microsecond(&a), to_the_microsecond(&b), "{a} / {b}");
        }
        assert_ne!(to_the_microsecond(&format!("{:?}", at(1_000))), to_the_microsecond(&format!("{:?}", at(0))));
        assert_ne!(to_the_microsecond("0.1234567"), to_the_microsecond("0.1234568"), "numbers stay whole");
    }

    #[test]
    fn a_url_is_shown_without_its_password() {
        assert_eq!(
            redacted("postgres://kam:s3cret@db.example:5432/kam?sslmode=require"),
            "postgres://kam@db.example:5432/kam"
        );
        assert_eq!(redacted("postgres://127.0.0.1/kam"), "postgres://127.0.0.1/kam");
        assert_eq!(Place::read("mysql://x").unwrap_err(), "mysql");
        assert_eq!(Place::read("kam.db").unwrap(), Place::Sqlite(PathBuf::from("kam.db")));
        assert!(matches!(Place::read("postgresql://h/d").unwrap(), Place::Postgres(_)));
    }

    #[test]
    fn the_sample_spreads_over_the_accounts() {
        let all: Vec<(i64, i64)> = (0..1000).map(|i| (1, i)).collect();
        let chosen = sample(&all);
        assert_eq!(chosen.len(), SAMPLE);
        assert_eq!(chosen[0], (1, 0));
        assert!(chosen.last().unwrap().1 >= 960);
        assert_eq!(sample(&all[..3]).len(), 3);
    }
}
