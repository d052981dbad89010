//! The PostgreSQL backend against a real server: its schema is SQLite's, table for table and
//! column for column, and `kam-bot db copy` moves the demo team to PostgreSQL and back with every
//! row and every card the same.

use futures_util::TryStreamExt;
use kam_bot::store::Store;
use kam_bot::store::copy::{Cell, ColumnType};
use kam_store_pg::PgStore;

use crate::helpers::{demo_app_on_sqlite, kam_bot, run_with_stdin};
use crate::postgres_support::test_pg;

/// Every row of every table, each table's rows sorted, as a copy should keep them.
async fn contents(store: &Store) -> Vec<(String, Vec<Vec<Cell>>)> {
    let mut out = Vec::new();
    for table in store.copy_tables().await.unwrap() {
        let mut rows: Vec<Vec<Cell>> = store.copy_rows(&table).try_collect().await.unwrap();
        rows.sort_by_key(|r| format!("{r:?}"));
        out.push((table.name, rows));
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_postgres_schema_is_the_sqlite_schema() {
    let Some(pg) = test_pg("schema").await else { return };
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Store::open(&dir.path().join("kam.db")).await.unwrap();
    let postgres = PgStore::connect(&pg.url, 2, Default::default()).await.unwrap();
    let (lite, post) = (sqlite.copy_tables().await.unwrap(), postgres.tables().await.unwrap());
    let names = |t: &[kam_bot::store::copy::Table]| t.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&lite), names(&post));
    for (l, p) in lite.iter().zip(&post) {
        let columns = |t: &kam_bot::store::copy::Table| t.columns.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(columns(l), columns(p), "the columns of {}", l.name);
        for ((name, lt), (_, pt)) in l.columns.iter().zip(&p.columns) {
            let same = match lt {
                ColumnType::Integer => *pt == ColumnType::Integer,
                ColumnType::Bytes => *pt == ColumnType::Bytes,
                _ => matches!(pt, ColumnType::Text | ColumnType::Day | ColumnType::Instant),
            };
            assert!(same, "{}.{name}: {lt:?} on SQLite, {pt:?} on PostgreSQL", l.name);
        }
    }
    postgres.close().await;
    pg.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_team_goes_to_postgres_and_back_unchanged() {
    let Some(pg) = test_pg("round_trip").await else { return };
    let app = demo_app_on_sqlite().await;
    app.say("/log Vale call \"Pricing review with procurement\" --next \"send the proposal\" --due 2026-12-20").await;
    app.store.close().await;
    let source = app.db_path.clone();
    let out = kam_bot(&source).args(["db", "copy"]).arg(&source).arg(&pg.url).output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.starts_with("Copied to postgres://"), "{stdout}");
    assert!(stdout.contains("account cards read the same on both"), "{stdout}");

    // Into a database that holds data: refused, and nothing changes.
    let again = kam_bot(&source).args(["db", "copy"]).arg(&source).arg(&pg.url).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("is not empty"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );

    // And back into a new file: every row of every table as it was.
    let dir = tempfile::tempdir().unwrap();
    let back = dir.path().join("back.db");
    let out = kam_bot(&back).args(["db", "copy"]).arg(&pg.url).arg(&back).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (before, after) = (Store::open(&source).await.unwrap(), Store::open(&back).await.unwrap());
    let (rows_before, rows_after) = (contents(&before).await, contents(&after).await);
    assert!(rows_before.iter().map(|(_, r)| r.len()).sum::<usize>() > 100);
    for ((table, b), (_, a)) in rows_before.iter().zip(&rows_after) {
        assert_eq!(b, a, "the rows of {table}");
    }
    before.close().await;
    after.close().await;

    // The chat shows the same card on the copy.
    let card = |db: &std::path::Path| {
        let mut cmd = kam_bot(db);
        cmd.args(["chat", "--lang", "en"]);
        let out = run_with_stdin(cmd, "/account Vale\n");
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let (original, copied) = (card(&source), card(&back));
    assert!(original.contains("Vale"), "{original}");
    assert_eq!(original, copied);
    pg.drop_db().await;
}

/// A team written at the clock's own instants (nanoseconds, on SQLite) copies to PostgreSQL,
/// which keeps microseconds: the copy's check compares instants to the microsecond, and says
/// nothing else differs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_team_written_at_the_clocks_own_instants_copies_and_checks() {
    let Some(pg) = test_pg("nanoseconds").await else { return };
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("now.db");
    let seeded = kam_bot(&source).args(["seed", "--demo"]).output().unwrap();
    assert!(seeded.status.success(), "{}", String::from_utf8_lossy(&seeded.stderr));
    let store = Store::open(&source).await.unwrap();
    let created: Vec<String> = contents(&store)
        .await
        .into_iter()
        .filter(|(table, _)| table == "accounts")
        .flat_map(|(_, rows)| rows.into_iter().flatten().map(|cell| format!("{cell:?}")))
        .collect();
    store.close().await;
    assert!(
        created
            .iter()
            .any(|c| c.split('.').nth(1).is_some_and(|f| f.chars().take_while(char::is_ascii_digit).count() > 6)),
        "the seed wrote no instant finer than a microsecond, so this proves nothing: {created:?}"
    );
    let out = kam_bot(&source).args(["db", "copy"]).arg(&source).arg(&pg.url).output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success() && stdout.contains("account cards read the same on both"), "{stdout}{stderr}");
    // And back: the microseconds PostgreSQL kept come back with them.
    let back = dir.path().join("back.db");
    let out = kam_bot(&back).args(["db", "copy"]).arg(&pg.url).arg(&back).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = Store::open(&back).await.unwrap();
    let rows = contents(&store).await;
    store.close().await;
    let fractions = rows
        .iter()
        .filter(|(table, _)| table == "accounts")
        .flat_map(|(_, rows)| rows.iter().flatten())
        .filter(|cell| matches!(cell, Cell::Text(t) if t.len() == "2025-11-02T22:36:32.159841+00:00".len()))
        .count();
    assert!(fractions > 0, "the instants came back without their fractions: {rows:?}");
    pg.drop_db().await;
}

#[test]
fn copying_within_one_kind_or_to_another_scheme_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kam.db");
    for (to, says) in [("other.db", "kam-bot backup"), ("mysql://h/d", "not mysql://")] {
        let out = kam_bot(&db).args(["db", "copy"]).arg(&db).arg(to).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    let out = kam_bot(&db).args(["db", "copy", "missing.db", "postgres://u:secret@127.0.0.1/none"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database at missing.db"));
}

#[test]
fn backup_on_postgres_says_pg_dump_and_never_prints_the_password() {
    let out =
        kam_bot(std::path::Path::new("postgres://kam:s3cret@127.0.0.1/kam")).args(["backup", "x.db"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("pg_dump"), "{stderr}");
    assert!(!stderr.contains("s3cret"), "{stderr}");
}

/// Both stores' query data live in the workspace's `.sqlx/`, one file a query named by the hash of
/// its text: a PostgreSQL query written exactly as a SQLite one would share its file, and one of
/// the two would build against the other database's description. So no text is the same.
#[test]
fn no_query_text_is_the_same_in_both_stores() {
    fn texts(dir: &str) -> std::collections::BTreeSet<String> {
        let mut out = std::collections::BTreeSet::new();
        let mut stack = vec![std::path::PathBuf::from(dir)];
        while let Some(path) = stack.pop() {
            for entry in std::fs::read_dir(&path).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    for piece in source.split("r#\"").skip(1) {
                        if let Some((sql, _)) = piece.split_once("\"#") {
                            out.insert(sql.to_string());
                        }
                    }
                }
            }
        }
        out
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let (lite, post) = (texts(&format!("{root}/src")), texts(&format!("{root}/crates/store-pg/src")));
    let shared: Vec<&String> =
        lite.intersection(&post).filter(|t| t.contains("SELECT") || t.contains("INSERT")).collect();
    assert!(shared.is_empty(), "the same query text in both stores: {shared:#?}");
}
