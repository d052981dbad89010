//! `kam-bot backup` and `kam-bot restore` as an operator runs them: a backup taken while writes
//! flow holds every write acknowledged before it began, and restores into a sound database; a
//! damaged file, or a restore while `serve` runs, is refused and changes nothing.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::helpers::{WS, demo_app, kam_bot};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_writing_holds_every_write_acknowledged_before_it() {
    if crate::helpers::sqlite_only("a_backup_taken_while_writing_holds_every_write_acknowledged_before_it") {
        return;
    }
    let app = Arc::new(demo_app().await);
    let acked: Arc<Mutex<Vec<String>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (app, acked, stop) = (app.clone(), acked.clone(), stop.clone());
        tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                let summary = format!("Write number {i}");
                let reply = app.say(&format!("/log Vale call \"{summary}\"")).await;
                assert!(!reply.is_error(), "{}", reply.to_text());
                acked.lock().unwrap().push(summary);
                i += 1;
            }
        })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.db");
    let before: Vec<String> = acked.lock().unwrap().clone();
    let (db, to) = (app.db_path.clone(), file.clone());
    let out = tokio::task::spawn_blocking(move || kam_bot(&db).arg("backup").arg(&to).output().unwrap()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.store(true, Ordering::Relaxed);
    writer.await.unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Backup written to "));
    let after = acked.lock().unwrap().len();
    assert!(before.len() > 5 && after > before.len(), "writes flowed before and after: {} then {after}", before.len());

    // Restored into a fresh path, it is sound and holds every write acknowledged before it began.
    let fresh = dir.path().join("restored.db");
    let out = kam_bot(&fresh).arg("restore").arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let restored = kam_bot::store::Store::open(&fresh).await.unwrap();
    assert_eq!(restored.integrity_check().await.unwrap(), "ok");
    let ws = restored.ensure_workspace(WS, app.now).await.unwrap();
    let kept: Vec<String> =
        restored.interactions_for_export(ws.id).await.unwrap().into_iter().map(|i| i.summary).collect();
    for summary in &before {
        assert!(kept.contains(summary), "{summary} was acknowledged before the backup and is missing");
    }
    restored.close().await;
}

#[tokio::test]
async fn a_damaged_file_or_a_running_bot_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    assert!(kam_bot(&db).args(["seed", "--demo"]).output().unwrap().status.success());
    let original = std::fs::read(&db).unwrap();

    let damaged = dir.path().join("damaged.db");
    std::fs::write(&damaged, b"SQLite format 3\0 but not really").unwrap();
    let out = kam_bot(&db).arg("restore").arg(&damaged).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is damaged") && stderr.contains("Nothing was changed."), "{stderr}");
    assert_eq!(std::fs::read(&db).unwrap(), original);

    // A good backup, but the bot is running on the database: refused; a second bot is too.
    let backup = dir.path().join("b.db");
    assert!(kam_bot(&db).arg("backup").arg(&backup).output().unwrap().status.success());
    let mut server = crate::helpers::serve_listening(&db).await;
    let out = kam_bot(&db).arg("restore").arg(&backup).output().unwrap();
    let second =
        kam_bot(&db).args(["serve", "--listen", "127.0.0.1:0"]).env("SLACK_SIGNING_SECRET", "x").output().unwrap();
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kam-bot serve is running on"), "{out:?}");
    assert_eq!(second.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&second.stderr).contains("Another kam-bot serve is running on"));
    // Stopped, it restores, keeping the database it replaced.
    let out = kam_bot(&db).arg("restore").arg(&backup).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.path().join("k.db.before-restore").exists());
}
