//! Many requests at once from two workspaces: on-demand digests only read, so they never hold the
//! write lock while writers in another workspace wait, and no request fails or loses its write.

use kam_bot::core::{Invocation, Platform};

use crate::helpers::{WS, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn digests_and_logs_from_two_workspaces_all_succeed() {
    let app = spawn_app().await;
    let other = "discord:555";
    for ws in [WS, other] {
        kam_bot::seed::demo::seed_demo(&app.store, ws, app.now).await.unwrap().unwrap();
    }
    let before = [app.counts(WS).await.interactions, app.counts(other).await.interactions];
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..32 {
        let core = app.core.clone();
        let ws = if i % 2 == 0 { WS } else { other };
        let (user, line) = if i % 4 < 2 {
            ("marina.costa".to_string(), "/digest".to_string())
        } else {
            ("ana.souza".to_string(), format!("/log Vale call \"Concurrent call {i}\""))
        };
        let inv = Invocation {
            workspace: ws.to_string(),
            platform: Platform::Terminal,
            user_id: user,
            display_name: "someone".into(),
            name_is_handle: false,
            locale: Some(kam_bot::i18n::Locale::En),
            now: app.now,
            source_id: Some(format!("request-{i}")),
        };
        tasks.spawn(async move { (line.clone(), core.run_line(&inv, &line).await) });
    }
    let mut failed = Vec::new();
    while let Some(done) = tasks.join_next().await {
        let (line, reply) = done.unwrap();
        if reply.is_error() {
            failed.push(format!("{line}: {}", reply.to_text()));
        }
    }
    assert!(failed.is_empty(), "failed requests: {failed:?}");
    let after = [app.counts(WS).await.interactions, app.counts(other).await.interactions];
    assert_eq!(after, [before[0] + 8, before[1] + 8], "every logged call was written once");
}
