//! The `kam-bot` binary driven through stdin, as a person at a terminal or a script would.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use kam_bot::store::Store;

fn kam_bot(db: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kam-bot"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("KAM_NOW", "2026-11-27T09:00:00-03:00")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("KAM_DB")
        .env_remove("KAM_WORKSPACE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kam-bot starts");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("kam-bot ends")
}

#[tokio::test]
async fn the_piped_demo_session() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let input = "/account vale\n/account PETROBRAS\n/log Vale meeting \"Plano 2027\" --next \"Enviar proposta\" --due 2026-12-10\n/history Vale\n/account Zzyzx Unknown\n";
    let out = kam_bot(&db, &["chat", "--demo"], input);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let replies: Vec<&str> = stdout.split("\n\n").filter(|r| !r.trim().is_empty()).collect();
    assert_eq!(replies.len(), 5, "{stdout}");
    assert!(
        replies[0].contains("Vale\nTier 1 (strategic)") && replies[0].contains("Share of wallet"),
        "{}",
        replies[0]
    );
    assert!(replies[1].contains("Petrobrás\nTier 1 (strategic)"), "{}", replies[1]);
    assert!(
        replies[2].contains("Logged: meeting with Vale") && replies[2].contains("Enviar proposta · due Thu 2026-12-10")
    );
    assert!(
        replies[3].starts_with("Vale: last 10 interactions\n2026-11-27 · meeting · Local admin\n  Plano 2027"),
        "{}",
        replies[3]
    );
    assert_eq!(replies[4].trim(), "✗ No account matches “Zzyzx Unknown”. /accounts lists the portfolio.");
    assert!(String::from_utf8_lossy(&out.stderr).contains("added 10 accounts"));

    let store = Store::open(&db).await.unwrap();
    assert_eq!(store.integrity_check().await.unwrap(), "ok");
    let ws = store.find_workspace("local").await.unwrap().unwrap();
    let vale = store.account_names_with_prefix(ws.id, "vale", 1).await.unwrap()[0].account_id;
    let last = &store.history(ws.id, vale, 1).await.unwrap()[0];
    assert_eq!((last.summary.as_str(), last.author_name.as_str()), ("Plano 2027", "Local admin"));
}

#[tokio::test]
async fn chatting_as_a_person_in_their_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let seeded = kam_bot(&db, &["seed", "--demo"], "");
    assert!(seeded.status.success());
    assert!(String::from_utf8_lossy(&seeded.stdout).contains("Workspace local: added 10 accounts"));

    let out = kam_bot(&db, &["chat", "--as", "ana souza"], "/account vale\n");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Participação") && stdout.contains("R$ 180.000.000,00"), "{stdout}");

    let out = kam_bot(&db, &["chat", "--as", "Nobody"], "/account vale\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nobody called “Nobody” can chat here. People: "));

    // The demo goes only into an empty workspace.
    let again = kam_bot(&db, &["seed", "--demo"], "");
    assert_eq!(again.status.code(), Some(2));
    let other = kam_bot(&db, &["--workspace", "slack:T1", "seed", "--demo"], "");
    assert!(other.status.success());
}

#[tokio::test]
async fn comments_blank_lines_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let out = kam_bot(&db, &["chat", "--demo", "--lang", "pt-BR"], "# a comment\n\n/help\nquit\n/account vale\n");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("Comandos do kam-bot\n"), "{stdout}");
    assert!(!stdout.contains("Mineração"), "nothing after quit is answered");
}

#[test]
fn bad_command_lines_are_refused_by_clap() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let out = kam_bot(&db, &["seed"], "");
    assert_eq!(out.status.code(), Some(2));
    let out = kam_bot(&db, &["chat", "--lang", "de"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected en or pt-BR"));
}

#[tokio::test]
async fn key_account_depth_in_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let out = kam_bot(&db, &["chat", "--demo"], "/health Vale\n/plan Vale\n/contacts Vale\n/opp Vale\n/risks\n");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let replies: Vec<&str> = stdout.split("\n\n").filter(|r| !r.trim().is_empty()).collect();
    assert_eq!(replies.len(), 5, "{stdout}");
    assert!(replies[0].contains("Vale: health 70/100") && replies[0].contains("Contact recency"), "{}", replies[0]);
    assert!(
        replies[1].contains("Vale: account plan 2026") && replies[1].contains("Long-term objectives"),
        "{}",
        replies[1]
    );
    assert!(replies[2].contains("Vale: 6 contacts") && replies[2].contains("Suprimentos"), "{}", replies[2]);
    assert!(replies[3].contains("Opportunities at Vale") && replies[3].contains("Open pipeline"), "{}", replies[3]);
    assert!(replies[4].contains("Accounts at risk") && replies[4].contains("Gerdau"), "{}", replies[4]);
}

/// `kam-bot digest --png FILE`: the digest printed, its chart written as a PNG.
#[test]
fn the_digest_and_its_chart_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let png = dir.path().join("chart.png");
    let out = kam_bot(&db, &["digest", "--demo", "--lang", "en", "--png", png.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("Weekly portfolio digest · Marina Costa's team · 2026-11-27\n"), "{stdout}");
    assert!(stdout.lines().count() <= 25, "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("(1000×430 PNG)"), "{stderr}");
    let bytes = std::fs::read(&png).expect("the chart is written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&bytes[16..24], &[0, 0, 0x03, 0xe8, 0, 0, 0x01, 0xae], "1000 × 430 in the PNG header");

    // In Portuguese, for a team named by the start of the manager's name.
    let out = kam_bot(&db, &["digest", "--team", "marina", "--lang", "pt-BR"], "");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Resumo semanal da carteira · equipe de Marina Costa"));
    let out = kam_bot(&db, &["digest", "--team", "Zé"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nobody called “Zé”"));
}

/// A database URL of another engine (from `--db`, `KAM_DB` or the configuration) is one clear
/// line and exit status 2: no file named after it, and the password in it never printed. A
/// PostgreSQL URL that does not answer is one line too, its password left out.
#[test]
fn a_database_url_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let run = |url: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kam-bot"))
            .current_dir(dir.path())
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("KAM_DB", url)
            .args(["workspace", "show"])
            .output()
            .unwrap()
    };
    let out = run("mysql://kam:s3cr3t@127.0.0.1:3306/kam");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not a mysql:// address"), "{stderr}");
    assert!(!stderr.contains("s3cr3t"), "the password is not printed: {stderr}");
    // Port 9 (discard) refuses at once on loopback.
    let out = run("postgres://kam:s3cr3t@127.0.0.1:9/kam");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot open postgres://kam@127.0.0.1:9/kam"), "{stderr}");
    assert!(!stderr.contains("s3cr3t"), "the password is not printed: {stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no file was made");
}
