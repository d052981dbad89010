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
