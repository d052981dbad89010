//! The store's hot reads use the indexes meant for them, on a migrated SQLite file without
//! statistics (as a team's file is): a plan that scans a whole table passes every test on a small
//! team and costs seconds on a large one. The SQL is the store's own, from the committed `.sqlx/`.

use std::path::PathBuf;

/// The SQLite text of the one store query containing every one of `marks`.
fn store_query(marks: &[&str]) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".sqlx");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).expect(".sqlx/") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("query data");
        let data: serde_json::Value = serde_json::from_str(&text).expect("json");
        let query = data["query"].as_str().unwrap_or_default();
        if data["db_name"] == "SQLite" && marks.iter().all(|m| query.contains(m)) {
            found.push(query.to_string());
        }
    }
    assert_eq!(found.len(), 1, "{} store queries contain {marks:?}", found.len());
    found.remove(0)
}

/// SQLite's plan of `sql` on the database at `path`, a step a line.
fn plan(db: &rusqlite::Connection, sql: &str) -> String {
    let mut stmt = db.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).expect("prepare");
    let mut rows = stmt.raw_query();
    let mut steps = Vec::new();
    while let Some(row) = rows.next().expect("step") {
        steps.push(row.get::<_, String>(3).expect("detail"));
    }
    steps.join("\n")
}

/// A freshly migrated database (kept while its directory lives), as rusqlite sees it.
async fn migrated() -> (tempfile::TempDir, rusqlite::Connection) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plans.db");
    kam_bot::store::Store::open(&path).await.expect("open").close().await;
    let db = rusqlite::Connection::open(&path).expect("rusqlite");
    (dir, db)
}

#[tokio::test]
async fn a_persons_accounts_in_order_and_a_name_typed_whole_are_read_through_their_indexes() {
    let (_dir, db) = migrated().await;

    // A digest reads each person's accounts, tier then name: one owner's rows, already in order.
    let owner =
        plan(&db, &store_query(&["FROM accounts WHERE workspace_id = ? AND owner_id = ? AND status = 'active'"]));
    assert!(owner.contains("SEARCH accounts USING INDEX accounts_by_owner (workspace_id=? AND owner_id=?)"), "{owner}");
    assert!(!owner.contains("TEMP B-TREE"), "sorted apart: {owner}");
    assert!(!owner.contains("SCAN accounts"), "every account scanned: {owner}");

    // `/account NAME`: the name's term finds the account inside the facts read.
    let named = plan(&db, &store_query(&["a.id IN (SELECT value FROM json_each(?2)", "t.term = ?10"]));
    assert!(named.contains("SEARCH t USING COVERING INDEX account_name_terms (workspace_id=? AND term=?"), "{named}");
    assert!(named.contains("SEARCH a USING INDEX"), "{named}");
    let scans_accounts =
        |step: &str| step == "SCAN a" || step.starts_with("SCAN a ") || step.starts_with("SCAN accounts");
    assert!(!named.lines().any(scans_accounts), "every account scanned: {named}");
}

#[tokio::test]
async fn counting_one_accounts_rows_reads_that_accounts_index_entries_only() {
    let (_dir, db) = migrated().await;

    // `/history`'s count, and what a merge would move (read inside its write transaction): the
    // workspace's own indexes would count every row of the workspace.
    for sql in [
        store_query(&["COUNT(*) AS \"n!: i64\" FROM interactions", "WHERE workspace_id = ?1 AND account_id = ?2"]),
        store_query(&["AS \"contacts!: i64\"", "AS \"plans!: i64\""]),
    ] {
        let steps = plan(&db, &sql);
        for step in steps.lines() {
            assert!(!step.ends_with("(workspace_id=?)"), "a whole workspace read: {step}\n{steps}");
        }
        assert!(steps.contains("INDEX interactions_by_account (account_id=?)"), "{steps}");
    }
}

/// SQLite is built as `.cargo/config.toml` says: without its allocator's usage counters (with
/// them, each allocation takes a lock that a connection's thread and the task reading its rows
/// wait on), and with plans that never depend on bound values (without it, every statement with
/// `LIMIT ?` is prepared again each time it runs).
#[tokio::test]
async fn sqlite_is_built_to_allocate_without_a_lock_and_keep_its_plans() {
    let (_dir, db) = migrated().await;
    let mut stmt = db.prepare("PRAGMA compile_options").expect("prepare");
    let options: Vec<String> =
        stmt.query_map([], |row| row.get::<_, String>(0)).expect("query").map(|o| o.expect("option")).collect();
    assert!(options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"), "{options:?}");
    assert!(options.iter().any(|o| o == "ENABLE_QPSG"), "{options:?}");
}
