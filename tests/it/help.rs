//! `/help`: generated from the catalog, in both languages.

use kam_bot::core::catalog::CATALOG;

use crate::helpers::{demo_app, text};

#[tokio::test]
async fn lists_every_command_of_the_catalog() {
    let app = demo_app().await;
    let reply = app.say("/help").await;
    assert_eq!(reply.lines.len(), CATALOG.len());
    for spec in CATALOG {
        assert!(text(&reply).contains(&format!("/{}", spec.name)), "/{} missing", spec.name);
    }
}

#[tokio::test]
async fn explains_one_command() {
    let app = demo_app().await;
    let reply = app.say("/help log").await;
    assert_eq!(
        reply.title.as_deref(),
        Some(
            "/log ACCOUNT KIND SUMMARY [--contact NAME] [--next TEXT] [--due DATE] [--when DATE] [--tone positive|neutral|negative]"
        )
    );
    let all = text(&reply);
    assert!(all.contains("--due DATE (optional)"));
    assert!(all.contains("Kinds: meeting, call"));
    assert!(all.contains("Example: /log Vale meeting"));

    let pt = app.say_pt("/help log").await;
    assert!(pt.title.as_deref().is_some_and(|t| t.starts_with("/log CONTA TIPO RESUMO")));
    assert!(text(&pt).contains("Tipos: reunião"));
}
