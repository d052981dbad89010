//! Test helpers: an app on its own fresh database, with or without the demo portfolio.

use chrono::{DateTime, TimeZone, Utc};
use kam_bot::core::{Core, Invocation, Platform, Reply};
use kam_bot::i18n::Locale;
use kam_bot::store::{Counts, Store};
use tempfile::TempDir;

pub const WS: &str = "local";

/// The instant every test runs at: Friday 2026-11-27, 09:00 in São Paulo.
pub fn test_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).single().expect("valid instant")
}

pub struct TestApp {
    pub core: Core,
    pub store: Store,
    pub now: DateTime<Utc>,
    /// The database: a SQLite file, or with `KAM_TEST_BACKEND=postgres` a PostgreSQL URL (what
    /// `--db` takes either way).
    pub db_path: std::path::PathBuf,
    _dir: TempDir,
    pg: Option<crate::postgres_support::TestPg>,
}

/// Whether this run puts every app on PostgreSQL (the `tests/pg` binary, or
/// `KAM_TEST_BACKEND=postgres`) and a server answers.
pub fn on_postgres() -> bool {
    (crate::ON_POSTGRES || std::env::var("KAM_TEST_BACKEND").is_ok_and(|b| b == "postgres"))
        && crate::postgres_support::server_answers()
}

/// An app on an empty, migrated database: a SQLite file, or a PostgreSQL database of its own
/// where `KAM_TEST_BACKEND=postgres`.
pub async fn spawn_app() -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    if on_postgres() {
        let pg = crate::postgres_support::test_pg_app().await;
        let store = Store::connect_postgres(&pg.url, 8, Default::default()).await.expect("connect");
        let db_path = std::path::PathBuf::from(&pg.url);
        return TestApp { core: Core::new(store.clone()), store, now: test_now(), db_path, _dir: dir, pg: Some(pg) };
    }
    spawn_sqlite_app_in(dir).await
}

/// An app on an empty SQLite file, whatever the run's backend.
pub async fn spawn_sqlite_app() -> TestApp {
    spawn_sqlite_app_in(tempfile::tempdir().expect("temp dir")).await
}

async fn spawn_sqlite_app_in(dir: TempDir) -> TestApp {
    let db_path = dir.path().join("kam.db");
    let store = Store::open(&db_path).await.expect("open store");
    TestApp { core: Core::new(store.clone()), store, now: test_now(), db_path, _dir: dir, pg: None }
}

/// On a run on PostgreSQL, says that this test reads or writes the SQLite file itself (its bytes,
/// its raw tables, its backups) and returns `true`: the test stops there.
pub fn sqlite_only(test: &str) -> bool {
    if on_postgres() {
        eprintln!("{test}: not on PostgreSQL, it reads or writes the SQLite file itself");
    }
    on_postgres()
}

impl TestApp {
    /// The same database opened anew, as a new process would.
    pub async fn reopen(&self) -> Store {
        if self.pg.is_some() {
            Store::connect_postgres(&self.db_path.to_string_lossy(), 8, Default::default()).await.expect("connect")
        } else {
            Store::open(&self.db_path).await.expect("open store")
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(pg) = self.pg.take() {
            pg.drop_blocking();
        }
    }
}

/// An app whose `local` workspace holds the demo portfolio.
pub async fn demo_app() -> TestApp {
    with_demo(spawn_app().await).await
}

/// [`demo_app`] on a SQLite file, whatever the run's backend.
pub async fn demo_app_on_sqlite() -> TestApp {
    with_demo(spawn_sqlite_app().await).await
}

async fn with_demo(app: TestApp) -> TestApp {
    kam_bot::seed::demo::seed_demo(&app.store, WS, app.now).await.expect("seed").expect("empty workspace");
    // The asking person joins before any test counts rows.
    app.say("/help").await;
    app
}

impl TestApp {
    pub fn invocation(&self, workspace: &str, user: &str) -> Invocation {
        Invocation {
            workspace: workspace.to_string(),
            platform: Platform::Terminal,
            user_id: user.to_string(),
            display_name: format!("Tester {user}"),
            name_is_handle: false,
            locale: Some(Locale::En),
            workspace_locale: None,
            now: self.now,
            source_id: None,
        }
    }

    /// Says a line in the `local` workspace as the test user, in English.
    pub async fn say(&self, line: &str) -> Reply {
        self.core.run_line(&self.invocation(WS, "tester"), line).await
    }

    pub async fn say_in(&self, workspace: &str, line: &str) -> Reply {
        self.core.run_line(&self.invocation(workspace, "tester"), line).await
    }

    pub async fn say_pt(&self, line: &str) -> Reply {
        let mut inv = self.invocation(WS, "tester");
        inv.locale = Some(Locale::PtBr);
        self.core.run_line(&inv, line).await
    }

    pub async fn counts(&self, workspace: &str) -> Counts {
        let ws = self.store.ensure_workspace(workspace, self.now).await.expect("workspace");
        self.store.counts(ws.id).await.expect("counts")
    }

    /// Adds an account to a workspace directly through the store.
    pub async fn add_account(&self, workspace: &str, account: &kam_bot::store::NewAccount) -> i64 {
        let ws = self.workspace_id(workspace).await;
        let mut tx = self.store.write().await.expect("write");
        let id = tx.insert_account(ws, account).await.expect("insert account");
        tx.commit().await.expect("commit");
        id
    }

    /// Says a line in the `local` workspace as a terminal person of it (a demo person), in English
    /// unless the person chose a language.
    pub async fn say_as(&self, who: &str, line: &str) -> Reply {
        let ws = self.workspace_id(WS).await;
        let person = self.store.find_person(ws, "terminal", who).await.expect("read").expect("a demo person");
        let mut inv = self.invocation(WS, who);
        inv.display_name = person.display_name;
        self.core.run_line(&inv, line).await
    }

    pub async fn workspace_id(&self, workspace: &str) -> i64 {
        self.store.ensure_workspace(workspace, self.now).await.expect("workspace").id
    }
}

/// The text of a reply, for `contains` checks.
pub fn text(reply: &Reply) -> String {
    reply.to_text()
}

/// The value of a field of a card.
pub fn field<'a>(reply: &'a Reply, label: &str) -> &'a str {
    reply
        .fields
        .iter()
        .find(|f| f.label == label)
        .map(|f| f.value.as_str())
        .unwrap_or_else(|| panic!("no field {label:?} in {}", reply.to_text()))
}

/// Runs a command with `stdin`, gathering its output.
pub fn run_with_stdin(mut cmd: std::process::Command, stdin: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

/// The `kam-bot` binary on a database, with none of the environment's settings.
pub fn kam_bot(db: &std::path::Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kam-bot"));
    cmd.arg("--db").arg(db).env("LANG", "C.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    for var in [
        "KAM_DB",
        "KAM_WORKSPACE",
        "KAM_NOW",
        "DISCORD_TOKEN",
        "DISCORD_PUBLIC_KEY",
        "DISCORD_GUILD_ID",
        "DISCORD_APPLICATION_ID",
        "DISCORD_API_URL",
        "SLACK_SIGNING_SECRET",
        "SLACK_BOT_TOKEN",
        "SLACK_APP_TOKEN",
        "SLACK_API_URL",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// `kam-bot serve --listen 127.0.0.1:0` on `db` (Slack's endpoint configured), once it listens.
pub async fn serve_listening(db: &std::path::Path) -> std::process::Child {
    serve_at(db, &[]).await.0
}

/// `kam-bot serve` on 127.0.0.1 with the Slack endpoint and `args` more, once it listens, and its
/// address.
pub async fn serve_at(db: &std::path::Path, args: &[&str]) -> (std::process::Child, String) {
    let server = kam_bot(db)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(args)
        .env("SLACK_SIGNING_SECRET", crate::slack_support::SECRET)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start serve");
    listening(server).await
}

/// A `serve --listen` process started with its stderr piped, once it listens: the process and its
/// address. The rest of its log is drained, so that it never blocks on a full pipe.
pub async fn listening(mut server: std::process::Child) -> (std::process::Child, String) {
    let stderr = server.stderr.take().expect("its stderr");
    let address = tokio::task::spawn_blocking(move || {
        use std::io::BufRead;
        let mut lines = std::io::BufReader::new(stderr).lines().map_while(Result::ok);
        let address = lines.find_map(|l| l.strip_prefix("kam-bot listening on ").map(str::to_string));
        std::thread::spawn(move || lines.for_each(drop));
        address
    })
    .await
    .expect("read its stderr");
    (server, address.expect("serve did not start"))
}
