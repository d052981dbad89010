//! No input can make a reply path panic: thousands of random and hostile lines, each answered.

use kam_bot::seed::Rng;

use crate::helpers::{WS, demo_app};

const PIECES: &[&str] = &[
    "/account",
    "/accounts",
    "/log",
    "/history",
    "/help",
    "account",
    "Vale",
    "vale",
    "Petrobrás",
    "PETRO",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "\\",
    "--",
    "--due",
    "--due=",
    "--when",
    "--next",
    "--contact",
    "--tier",
    "--owner",
    "—due",
    "2026-12-10",
    "10/12/2026",
    "31/02/2026",
    "9999-99-99",
    "-1",
    "0",
    "51",
    "18446744073709551616",
    "meeting",
    "reunião",
    "planejamento",
    "note",
    "x",
    " ",
    "  ",
    "\t",
    "é",
    "ç",
    "😀",
    "\u{0}",
    "\u{202e}",
    "<@everyone>",
    "@here",
    "*bold*",
    "'; DROP TABLE accounts; --",
    "%",
    "_",
    "\u{10FFFF}",
    "a\u{301}",
    "ẞ",
    "/",
    "//",
    "=",
    "==",
    "today",
];

#[tokio::test]
async fn random_lines_never_panic_and_errors_are_one_line() {
    let app = demo_app().await;
    let mut rng = Rng::new(7);
    for _ in 0..1500 {
        let n = 1 + rng.below(8);
        let mut line = String::new();
        for i in 0..n {
            if i > 0 && rng.below(3) > 0 {
                line.push(' ');
            }
            line.push_str(rng.pick(PIECES));
        }
        let reply = app.say(&line).await;
        if reply.is_error() {
            assert_eq!(reply.lines.len(), 1, "{line:?} -> {:?}", reply.lines);
            assert!(!reply.lines[0].contains("error returned from database"), "{line:?}");
        }
    }
    // The database is still sound and every account still there.
    assert_eq!(app.store.integrity_check().await.unwrap(), "ok");
    assert_eq!(app.counts(WS).await.accounts, 10);
}

#[tokio::test]
async fn pathological_names_are_looked_up_safely() {
    let app = demo_app().await;
    for query in ["%", "_", "'", "\u{10FFFF}", "vale\u{0}", &"a".repeat(100), "   ", "...", "é"] {
        let reply = app.say(&format!("/account {query}")).await;
        assert!(reply.lines.len() <= 10, "{query:?}");
    }
}

/// A stored value that does not read (a time zone, a currency) is an internal failure with its
/// cause, never a silent default: the person is told something went wrong and nothing is written.
#[tokio::test]
async fn a_bad_stored_time_zone_or_currency_is_an_internal_error_not_a_default() {
    if crate::helpers::sqlite_only("a_bad_stored_time_zone_or_currency_is_an_internal_error_not_a_default") {
        return;
    }
    let app = demo_app().await;
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", app.db_path.display())).await.unwrap();
    sqlx::query("UPDATE accounts SET currency = 'R$$' WHERE name = 'Vale'").execute(&pool).await.unwrap();
    let card = app.say("/account Vale").await;
    assert!(card.is_error() && card.to_text().contains("something went wrong on our side"), "{}", card.to_text());
    // Other accounts still read.
    assert!(!app.say("/account Gerdau").await.is_error());

    let before = app.counts(WS).await;
    sqlx::query("UPDATE workspaces SET time_zone = 'Mars/Olympus_Mons'").execute(&pool).await.unwrap();
    let reply = app.say("/log Gerdau call \"Checked in\"").await;
    assert!(reply.is_error() && reply.to_text().contains("something went wrong on our side"), "{}", reply.to_text());
    sqlx::query("UPDATE workspaces SET time_zone = 'America/Sao_Paulo'").execute(&pool).await.unwrap();
    assert_eq!(app.counts(WS).await, before, "nothing was written");
}
