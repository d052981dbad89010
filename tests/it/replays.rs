//! Every command that writes claims its platform request inside its own write transaction: the
//! same request delivered again (a retry, a replay) writes nothing and gets the first answer. The
//! test runs every command of the catalog, so no command can write without its claim.

use crate::helpers::{TestApp, WS, demo_app};
use kam_bot::core::catalog;
use kam_bot::core::commands::import::{Import, ImportRequest};
use kam_bot::core::{Command, Invocation, Reply};

/// Every row of every table but the record of handled requests, as text: two snapshots are equal
/// when nothing was written between them.
async fn snapshot(pool: &sqlx::SqlitePool) -> Vec<(String, String)> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('handled_requests', '_sqlx_migrations')
         AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut all = Vec::new();
    for table in tables {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?)").bind(&table).fetch_all(pool).await.unwrap();
        let row = columns.iter().map(|c| format!("quote(\"{c}\")")).collect::<Vec<_>>().join(" || '|' || ");
        let sql = format!(
            "SELECT COALESCE(group_concat(r, char(10)), '') FROM (SELECT {row} AS r FROM \"{table}\" ORDER BY r)"
        );
        // Table and column names come from the database itself.
        let rows: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(pool).await.unwrap();
        all.push((table, rows));
    }
    all
}

async fn claimed(pool: &sqlx::SqlitePool, source_id: &str) -> bool {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM handled_requests WHERE source_id = ?")
        .bind(source_id)
        .fetch_one(pool)
        .await
        .unwrap();
    n == 1
}

fn delivered(app: &TestApp, source_id: &str) -> Invocation {
    let mut inv = app.invocation(WS, "tester");
    inv.source_id = Some(source_id.to_string());
    inv
}

/// Which tables a command changed.
fn changed(before: &[(String, String)], after: &[(String, String)]) -> Vec<String> {
    before.iter().zip(after).filter(|(b, a)| b != a).map(|(b, _)| b.0.clone()).collect()
}

#[tokio::test]
async fn every_command_that_writes_claims_its_request_and_a_replay_writes_nothing() {
    if crate::helpers::sqlite_only("every_command_that_writes_claims_its_request_and_a_replay_writes_nothing") {
        return;
    }
    let app = demo_app().await;
    let ws = app.workspace_id(WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", app.db_path.display())).await.unwrap();

    // Every example of the catalog, in its order, then the forms a line cannot type: a file to
    // import and the button that imports it.
    let file = b"name,tier,owner\nUsiminas,2,Rafael Lima\n".to_vec();
    let mut requests: Vec<(String, Result<Command, String>)> =
        catalog::leaves().map(|spec| (spec.path.to_string(), Err(spec.example.to_string()))).collect();
    // Where the demo's state makes an example refuse (opportunity 3 is won, CSN is archived), the
    // same command once more on something it changes.
    for (path, line) in [("opp move", "/opp move 2 negotiation"), ("accounts archive", "/account archive Alcoa")] {
        requests.push((path.into(), Err(line.into())));
    }
    let import = ImportRequest { kind: "accounts".into(), file_name: "carteira.csv".into(), content: Some(file) };
    requests.push(("import (file)".into(), Ok(Command::Import(Import::Check(import)))));

    let mut writers = Vec::new();
    let mut pending = None;
    for (n, (path, request)) in requests.into_iter().enumerate() {
        let source_id = format!("delivery-{n}");
        let inv = delivered(&app, &source_id);
        let run = |request: &Result<Command, String>| {
            let (core, inv) = (&app.core, &inv);
            let request = request.clone();
            async move {
                match request {
                    Ok(command) => core.execute(inv, command).await,
                    Err(line) => core.run_line(inv, &line).await,
                }
            }
        };
        let before = snapshot(&pool).await;
        let first: Reply = run(&request).await;
        let after_first = snapshot(&pool).await;
        let again: Reply = run(&request).await;
        let after_again = snapshot(&pool).await;
        let wrote = changed(&before, &after_first);
        assert_eq!(changed(&after_first, &after_again), Vec::<String>::new(), "{path}: the replay wrote");
        if !wrote.is_empty() {
            assert!(claimed(&pool, &source_id).await, "{path} wrote {wrote:?} without claiming its request");
            assert_eq!(again.to_text(), first.to_text(), "{path}: the replay gets the first answer");
            writers.push(path.clone());
        }
        if let Some(action) = first.actions.iter().find(|a| a.id.starts_with("import:")) {
            pending = Some(action.id.clone());
        }
    }
    // The Import button, pressed twice under one delivery.
    let button = pending.expect("the checked file offers its Import button");
    let inv = delivered(&app, "delivery-button");
    let before = snapshot(&pool).await;
    let first = app.core.press(&inv, &button).await;
    let after_first = snapshot(&pool).await;
    let again = app.core.press(&inv, &button).await;
    assert!(!changed(&before, &after_first).is_empty(), "the import wrote: {}", first.to_text());
    assert!(claimed(&pool, "delivery-button").await);
    assert_eq!(changed(&after_first, &snapshot(&pool).await), Vec::<String>::new(), "the pressed-again import wrote");
    assert_eq!(again.to_text(), first.to_text());

    println!("commands that wrote, each claimed once: {}", writers.join(", "));
    for expected in [
        "log",
        "done",
        "snooze",
        "opp add",
        "opp move",
        "plan",
        "review",
        "qualify",
        "weights",
        "contact add",
        "contact set",
        "competitor",
        "wallet",
        "meeting",
        "schedule",
        "people add",
        "people remove",
        "accounts set",
        "accounts archive",
        "accounts restore",
        "privacy erase",
        "language",
        "import (file)",
    ] {
        assert!(writers.iter().any(|w| w == expected), "/{expected} did not write here: {writers:?}");
    }
}
