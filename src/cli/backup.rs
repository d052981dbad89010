//! `kam-bot backup FILE` and `kam-bot restore FILE`: a consistent copy of the live database, and
//! putting one back after checking it.

use crate::i18n::CliMsg;
use crate::i18n::Translate;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::i18n::{Locale, Msg};
use crate::lifecycle::ServeLock;
use crate::store::Store;
use crate::store::backup::check;

/// `path` with `suffix` added to its file name.
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

pub async fn backup(store: &Store, file: &Path, force: bool) -> anyhow::Result<ExitCode> {
    let locale = Locale::default();
    if file.exists() && !force {
        eprintln!("{}", locale.t(Msg::Cli(CliMsg::CliBackupExists { path: file.display().to_string() })));
        return Ok(ExitCode::from(2));
    }
    // Written beside the target, then renamed over it: a reader never sees half a backup.
    let partial = beside(file, ".partial");
    let _ = std::fs::remove_file(&partial);
    let started = Instant::now();
    store.backup_into(&partial).await?;
    std::fs::rename(&partial, file).map_err(|e| anyhow::anyhow!("moving the backup to {}: {e}", file.display()))?;
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let took_ms = started.elapsed().as_millis() as u64;
    println!("{}", locale.t(Msg::Cli(CliMsg::CliBackupWritten { path: file.display().to_string(), bytes, took_ms })));
    Ok(ExitCode::SUCCESS)
}

pub async fn restore(file: &Path, db: &Path) -> anyhow::Result<ExitCode> {
    let locale = Locale::default();
    if !file.is_file() {
        eprintln!("{}", locale.t(Msg::Cli(CliMsg::CliRestoreNoFile { path: file.display().to_string() })));
        return Ok(ExitCode::from(2));
    }
    let checked = check(file).await?;
    if !checked.is_restorable() {
        let reason = if checked.integrity != "ok" {
            Msg::Cli(CliMsg::CliRestoreDamaged {
                detail: checked.integrity.lines().next().unwrap_or_default().to_string(),
            })
        } else if checked.applied.is_empty() {
            Msg::Cli(CliMsg::CliRestoreNotOurs)
        } else {
            Msg::Cli(CliMsg::CliRestoreNewer {
                versions: checked.unknown.iter().map(i64::to_string).collect::<Vec<_>>().join(", "),
            })
        };
        eprintln!(
            "{}",
            locale
                .t(Msg::Cli(CliMsg::CliRestoreRefused { path: file.display().to_string(), reason: locale.t(reason) }))
        );
        return Ok(ExitCode::from(2));
    }
    // Through a symlink, the file it points to is what is replaced (the link stays a link).
    let resolved = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
    let db = resolved.as_path();
    // Held while the files move: `serve` cannot start on a database half replaced.
    let Some(_lock) = ServeLock::take(db)? else {
        eprintln!("{}", locale.t(Msg::Cli(CliMsg::CliRestoreWhileServing { db: db.display().to_string() })));
        return Ok(ExitCode::from(2));
    };
    // The copy is brought up to this build's migrations before it replaces anything.
    let incoming = beside(db, ".restoring");
    for stale in [incoming.clone(), beside(&incoming, "-wal"), beside(&incoming, "-shm")] {
        let _ = std::fs::remove_file(stale);
    }
    std::fs::copy(file, &incoming).map_err(|e| anyhow::anyhow!("copying {}: {e}", file.display()))?;
    // The file passed the full check; the copy, once migrated, gets the quick one.
    let store = Store::open(&incoming).await?;
    let integrity = store.quick_check().await?;
    store.close().await;
    if integrity != "ok" {
        let _ = std::fs::remove_file(&incoming);
        anyhow::bail!("the restored copy failed its integrity check: {integrity}");
    }
    // The swap is one rename, and each step before it leaves the database whole, so a crash at
    // any point leaves either the old database or the new one, and restore can simply run again:
    // 1. the old database's log is emptied into its file (nothing is left only in `-wal`);
    // 2. the old file is kept under a new name by a hard link (an earlier kept copy is never
    //    overwritten: the next free `.before-restore`, `.before-restore.2`…);
    // 3. the emptied log files go, and the restored copy is renamed over the database.
    crate::store::backup::checkpoint(db).await?;
    let kept = (1..)
        .map(|n| if n == 1 { beside(db, ".before-restore") } else { beside(db, &format!(".before-restore.{n}")) })
        .find(|p| !p.exists() && !beside(p, "-wal").exists())
        .unwrap_or_else(|| beside(db, ".before-restore"));
    let kept_any = db.metadata().is_ok_and(|m| m.len() > 0);
    if kept_any {
        std::fs::hard_link(db, &kept)
            .or_else(|_| std::fs::copy(db, &kept).map(|_| ()))
            .map_err(|e| anyhow::anyhow!("keeping {} as {}: {e}", db.display(), kept.display()))?;
    }
    for log in [beside(db, "-wal"), beside(db, "-shm"), beside(&incoming, "-wal"), beside(&incoming, "-shm")] {
        match std::fs::remove_file(&log) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => anyhow::bail!("removing {}: {e}", log.display()),
        }
    }
    std::fs::rename(&incoming, db).map_err(|e| anyhow::anyhow!("moving the restored copy into place: {e}"))?;
    println!(
        "{}",
        locale.t(Msg::Cli(CliMsg::CliRestored {
            path: file.display().to_string(),
            db: db.display().to_string(),
            migrations: checked.missing.len(),
            kept: kept_any.then(|| kept.display().to_string()),
        }))
    );
    Ok(ExitCode::SUCCESS)
}
