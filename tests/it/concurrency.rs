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
            workspace_locale: None,
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

/// Capture under load: forty sentences read at once while the scheduler ticks, then each draft's
/// buttons pressed at once (Confirm three times against Cancel, or the form's submission against
/// Confirm). No request fails, no draft is written twice, and a cancelled one writes nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn drafts_confirmed_and_cancelled_at_once_while_jobs_run() {
    let app = crate::helpers::demo_app().await;
    let before = app.counts(WS).await.interactions;
    let invocation = |id: String| {
        let mut inv = app.invocation(WS, "tester");
        inv.source_id = Some(id);
        inv
    };
    let scheduler = kam_bot::scheduler::Scheduler::new(app.store.clone());
    let ticking = {
        let now = app.now;
        tokio::spawn(async move {
            for minute in 0..20 {
                scheduler.tick(now + chrono::Duration::minutes(minute)).await.expect("a tick");
            }
        })
    };
    let mut reads = tokio::task::JoinSet::new();
    for i in 0..40 {
        let (core, inv) = (app.core.clone(), invocation(format!("sentence-{i}")));
        reads.spawn(async move {
            let reply = core.capture(&inv, &format!("liguei pra Beatriz da Vale ontem, assunto {i}")).await;
            let n: i64 = reply
                .actions
                .iter()
                .find_map(|a| a.id.strip_prefix("run:/cancel "))
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("no draft: {}", reply.to_text()));
            (i, n)
        });
    }
    let drafts: Vec<(i64, i64)> = reads.join_all().await;
    let mut presses = tokio::task::JoinSet::new();
    for &(i, n) in &drafts {
        let lines: Vec<String> = if i % 2 == 0 {
            vec![format!("/confirm {n}"), format!("/cancel {n}"), format!("/confirm {n}"), format!("/confirm {n}")]
        } else {
            vec![format!("/confirm {n}"), String::new()]
        };
        for (k, line) in lines.into_iter().enumerate() {
            let (core, inv) = (app.core.clone(), invocation(format!("press-{i}-{k}")));
            presses.spawn(async move {
                let reply = if line.is_empty() {
                    core.submit_form(&inv, Some(n), kam_bot::core::form::FormFields::default()).await
                } else {
                    core.run_line(&inv, &line).await
                };
                (i, line, reply)
            });
        }
    }
    let mut cancelled = 0;
    while let Some(done) = presses.join_next().await {
        let (i, line, reply) = done.unwrap();
        let text = reply.to_text();
        assert!(!text.contains("went wrong"), "draft {i}, {line:?}: {text}");
        if line.starts_with("/cancel") && !reply.is_error() {
            cancelled += 1;
        }
        if i % 2 == 1 {
            assert!(!reply.is_error(), "a submission or a confirm of the same draft both succeed: {text}");
        }
    }
    ticking.await.unwrap();
    let logged = app.counts(WS).await.interactions - before;
    assert_eq!(logged, 40 - cancelled, "every draft not cancelled logged exactly once ({cancelled} cancelled)");
}
