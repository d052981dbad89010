//! `kam-bot jobs` as an operator runs it, on the demo data.

use std::process::Command;

use crate::helpers::kam_bot;

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn jobs_run_delivers_once_and_says_how_many() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    stdout(kam_bot(&db).args(["--now", "2026-11-27T09:00:00-03:00", "seed", "--demo"]));

    let preview = stdout(kam_bot(&db).args([
        "jobs",
        "preview",
        "--from",
        "2026-12-06T00:00:00-03:00",
        "--to",
        "2026-12-07T23:00:00-03:00",
    ]));
    assert!(preview.contains("weekly_digest") && preview.trim_end().ends_with("would send 10 messages"), "{preview}");
    // Times in the workspace's zone, as its people read them.
    assert!(preview.contains("2026-12-07 08:00 America/Sao_Paulo · local · weekly_digest"), "{preview}");

    let first = stdout(kam_bot(&db).args(["jobs", "run", "--at", "2026-12-07T08:00:00-03:00"]));
    assert!(first.contains("Resumo semanal da carteira · equipe de Marina Costa · 07/12/2026"), "{first}");
    assert!(first.contains("→ Rafael Lima (terminal:rafael.lima)"), "{first}");
    assert!(first.contains("Gerdau: no contact for 84 days (cadence 60 days)"));
    let last = first.trim_end().lines().last().unwrap();
    assert_eq!(last, "sent 10 messages");

    let again = stdout(kam_bot(&db).args(["jobs", "run", "--at", "2026-12-07T08:00:00-03:00"]));
    assert_eq!(again.trim_end(), "sent 0 messages");

    let status = stdout(kam_bot(&db).args(["--now", "2026-12-07T09:00:00-03:00", "jobs", "status"]));
    assert!(
        status
            .contains("weekly_digest        0 8 * * 1      last 2026-12-07 08:00 (1 message) · next 2026-12-14 08:00"),
        "{status}"
    );
    assert!(status.contains("outbox: 0 pending, 10 delivered, 0 failed"), "{status}");

    // A Brazilian terminal reads the same in Portuguese.
    let status =
        stdout(kam_bot(&db).args(["--now", "2026-12-07T09:00:00-03:00", "jobs", "status"]).env("LANG", "pt_BR.UTF-8"));
    assert!(status.contains("última 2026-12-07 08:00 (1 mensagem) · próxima 2026-12-14 08:00"), "{status}");
    assert!(status.contains("fila de envio: 0 pendentes, 10 entregues, 0 com falha"), "{status}");
    let again =
        stdout(kam_bot(&db).args(["jobs", "run", "--at", "2026-12-07T08:00:00-03:00"]).env("LANG", "pt_BR.UTF-8"));
    assert_eq!(again.trim_end(), "0 mensagens enviadas");
}

#[test]
fn workspace_defaults_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let shown = stdout(kam_bot(&db).args(["--workspace", "discord:111", "workspace", "show"]));
    assert!(shown.contains("language      en") && shown.contains("default role  rep"), "{shown}");
    let set = stdout(kam_bot(&db).args([
        "--workspace",
        "discord:111",
        "workspace",
        "set",
        "--language",
        "pt-BR",
        "--time-zone",
        "America/New_York",
        "--default-role",
        "manager",
    ]));
    assert!(
        set.contains("language      pt-BR")
            && set.contains("time zone     America/New_York")
            && set.contains("default role  manager"),
        "{set}"
    );
    let bad = kam_bot(&db).args(["workspace", "set", "--time-zone", "Mars/Olympus"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
