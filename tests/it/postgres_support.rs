//! A PostgreSQL database of its own for each test, on the server `KAM_TEST_POSTGRES_URL` names
//! (the local one by default). Where no server answers the test says so in one line and passes,
//! unless `KAM_REQUIRE_POSTGRES=1` (as CI sets), where it fails.

use sqlx::{AssertSqlSafe, Connection, PgConnection};

/// The server tests use unless `KAM_TEST_POSTGRES_URL` says another.
pub const DEFAULT_SERVER: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A database created for one test; [`TestPg::drop_db`] removes it.
pub struct TestPg {
    /// Its URL.
    pub url: String,
    server: String,
    name: String,
}

fn server() -> String {
    std::env::var("KAM_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty()).unwrap_or_else(|| DEFAULT_SERVER.to_string())
}

/// The server URL with another database.
fn with_database(server: &str, name: &str) -> String {
    let (base, query) = server.split_once('?').map_or((server, None), |(b, q)| (b, Some(q)));
    let root = base.rsplit_once('/').map_or(base, |(root, _)| root);
    match query {
        Some(q) => format!("{root}/{name}?{q}"),
        None => format!("{root}/{name}"),
    }
}

/// A new empty database named after the test, or `None` (with a line saying why) where no
/// server answers and none is required.
pub async fn test_pg(test: &str) -> Option<TestPg> {
    let server = server();
    let mut admin = match PgConnection::connect(&server).await {
        Ok(c) => c,
        Err(e) => {
            if std::env::var("KAM_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
                panic!("KAM_REQUIRE_POSTGRES=1 but no PostgreSQL answers at {server}: {e}");
            }
            eprintln!("skipped {test}: no PostgreSQL answers at {server} ({e}); set KAM_TEST_POSTGRES_URL");
            return None;
        }
    };
    let name = format!("kam_test_{test}_{}", std::process::id());
    // A database left by an earlier, killed run of this test goes first.
    for old in sqlx::query_scalar::<_, String>("SELECT datname FROM pg_database WHERE datname LIKE $1")
        .bind(format!("kam\\_test\\_{test}\\_%"))
        .fetch_all(&mut admin)
        .await
        .unwrap()
    {
        sqlx::query(AssertSqlSafe(format!("DROP DATABASE IF EXISTS \"{old}\" WITH (FORCE)")))
            .execute(&mut admin)
            .await
            .unwrap();
    }
    sqlx::query(AssertSqlSafe(format!("CREATE DATABASE \"{name}\""))).execute(&mut admin).await.unwrap();
    admin.close().await.ok();
    Some(TestPg { url: with_database(&server, &name), server, name })
}

/// Whether the server answers (asked once a process). Where it does not, one line says so, and the
/// apps of a PostgreSQL run are on SQLite; unless `KAM_REQUIRE_POSTGRES=1` or
/// `KAM_TEST_BACKEND=postgres` asked for PostgreSQL, where that is a failure.
pub fn server_answers() -> bool {
    static ANSWERS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ANSWERS.get_or_init(|| {
        let server = server();
        let answers = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async { PgConnection::connect(&server).await.map(|_| ()).map_err(|e| e.to_string()) })
        })
        .join()
        .unwrap();
        match answers {
            Ok(()) => true,
            Err(e) => {
                let required = std::env::var("KAM_REQUIRE_POSTGRES").is_ok_and(|v| v == "1")
                    || std::env::var("KAM_TEST_BACKEND").is_ok_and(|b| b == "postgres");
                assert!(!required, "PostgreSQL is required but does not answer at {}: {e}", server_shown());
                eprintln!("no PostgreSQL answers at {} ({e}): the PostgreSQL run's apps are on SQLite", server_shown());
                false
            }
        }
    })
}

fn server_shown() -> String {
    kam_bot::cli::db::redacted(&server())
}

/// A new empty database for one app of a run on PostgreSQL (`KAM_TEST_BACKEND=postgres`); no
/// server there is a failure, not a skip.
pub async fn test_pg_app() -> TestPg {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let server = server();
    let mut admin = PgConnection::connect(&server)
        .await
        .unwrap_or_else(|e| panic!("KAM_TEST_BACKEND=postgres but no PostgreSQL answers at {server}: {e}"));
    let name = format!("kam_test_app_{}_{n}", std::process::id());
    sqlx::query(AssertSqlSafe(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")))
        .execute(&mut admin)
        .await
        .unwrap();
    sqlx::query(AssertSqlSafe(format!("CREATE DATABASE \"{name}\""))).execute(&mut admin).await.unwrap();
    admin.close().await.ok();
    TestPg { url: with_database(&server, &name), server, name }
}

impl TestPg {
    /// [`TestPg::drop_db`] from synchronous code (a `Drop`): on a thread of its own.
    pub fn drop_blocking(self) {
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(self.drop_db());
        })
        .join()
        .ok();
    }

    /// Drops the database (its connections closed by force).
    pub async fn drop_db(self) {
        let mut admin = PgConnection::connect(&self.server).await.unwrap();
        sqlx::query(AssertSqlSafe(format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name)))
            .execute(&mut admin)
            .await
            .unwrap();
    }
}

#[test]
fn a_test_database_keeps_the_server_and_its_options() {
    assert_eq!(with_database("postgres://u@h:5432/postgres", "x"), "postgres://u@h:5432/x");
    assert_eq!(with_database("postgres://u@h/postgres?sslmode=require", "x"), "postgres://u@h/x?sslmode=require");
}
