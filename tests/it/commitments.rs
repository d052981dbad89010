//! Commitments: every next step stays open whatever is logged after it, until `/done` closes it
//! (by number or account, done or dropped, once however often it is pressed); `/tasks` lists
//! them; the upgrade turns the next steps logged before into commitments.

use kam_bot::core::Tone;

use crate::helpers::{WS, demo_app, text};

/// The case: a call with a next step, then an email without one. The proposal is still
/// open, and `/done Embraer` closes it (logging that it was done); a second time there is nothing.
#[tokio::test]
async fn a_later_log_keeps_an_earlier_commitment_open() {
    let app = demo_app().await;
    let logged = app
        .say_as("juliana.pereira", "/log Embraer call \"Pilot\" --next \"Send pilot proposal\" --due 2026-12-04")
        .await;
    assert_eq!(logged.tone, Tone::Good, "{}", text(&logged));
    app.say_as("juliana.pereira", "/log Embraer email \"Sent the deck\"").await;

    let listed = app.say_as("juliana.pereira", "/tasks Embraer").await;
    assert_eq!(listed.title.as_deref(), Some("Embraer: open commitments (1)"), "{}", text(&listed));
    assert_eq!(listed.lines, ["#3 Send pilot proposal · due Fri 2026-12-04 · Juliana Pereira"]);
    let mine = app.say_as("juliana.pereira", "/tasks").await;
    assert_eq!(mine.lines, ["#3 Send pilot proposal · due Fri 2026-12-04 · Embraer"]);

    let before = app.counts(WS).await;
    let done = app.say_as("juliana.pereira", "/done Embraer").await;
    assert_eq!(done.title.as_deref(), Some("Done at Embraer: #3 “Send pilot proposal”"), "{}", text(&done));
    assert_eq!(app.counts(WS).await.interactions, before.interactions + 1);
    let history = app.say_as("juliana.pereira", "/history Embraer 1").await;
    assert!(text(&history).contains("Done: Send pilot proposal"), "{}", text(&history));

    let again = app.say_as("juliana.pereira", "/done Embraer").await;
    assert_eq!(again.title.as_deref(), Some("Embraer has no open commitment: nothing to mark as done."));
    let by_number = app.say_as("juliana.pereira", "/done 3").await;
    assert_eq!(by_number.title.as_deref(), Some("Commitment #3 is done already: nothing to do."));
    assert_eq!(app.counts(WS).await.interactions, before.interactions + 1, "nothing more was logged");
    let none = app.say("/done 999").await;
    assert!(none.is_error());
    assert_eq!(text(&none).trim(), "There is no commitment #999: /tasks lists the open ones.");
}

/// Dropping logs nothing but is audited; closing needs the right to change the account.
#[tokio::test]
async fn dropping_and_who_may_close() {
    let app = demo_app().await;
    app.say_as("rafael.lima", "/log Gerdau call \"Follow-up\" --next \"Mandar amostras\" --due 2026-12-09").await;
    let before = app.counts(WS).await;
    // Ana owns neither Gerdau nor manages Rafael: she may not close his account's commitments.
    let refused = app.say_as("ana.souza", "/done 3").await;
    assert!(refused.is_error(), "{}", text(&refused));
    assert_eq!(app.counts(WS).await, before);

    let dropped = app.say_as("rafael.lima", "/done 3 --drop").await;
    assert_eq!(dropped.title.as_deref(), Some("Dropped at Gerdau: #3 “Mandar amostras”"), "{}", text(&dropped));
    let after = app.counts(WS).await;
    assert_eq!(after.interactions, before.interactions, "a dropped commitment logs nothing");
    assert_eq!(after.audit_entries, before.audit_entries + 1);
    let again = app.say_as("rafael.lima", "/done 3").await;
    assert_eq!(again.title.as_deref(), Some("Commitment #3 was dropped already: nothing to do."));

    // The manager sees the team's, each with its owner (in her language).
    let team = app.say_as("marina.costa", "/tasks --team").await;
    assert_eq!(team.title.as_deref(), Some("Compromissos em aberto da sua equipe (2)"), "{}", text(&team));
    assert!(team.lines.iter().all(|l| l.ends_with("· Rafael Lima")), "{:?}", team.lines);
    let alone = app.say_as("ana.souza", "/tasks --team").await;
    assert_eq!(
        alone.title.as_deref(),
        Some("Ninguém se reporta a você: o /tasks sozinho mostra os seus compromissos.")
    );
}

/// `/done ACCOUNT` with several open asks which, a button each; in Portuguese too.
#[tokio::test]
async fn several_open_ask_which_one_in_both_languages() {
    let app = demo_app().await;
    for step in ["Mandar amostras", "Revisar contrato"] {
        app.say_as("rafael.lima", &format!("/log Gerdau call \"Follow-up\" --next \"{step}\" --due 2026-12-09")).await;
    }
    let before = app.counts(WS).await;
    let which = app.say_as("rafael.lima", "/done Gerdau").await;
    assert_eq!(
        which.title.as_deref(),
        Some("Gerdau has 3 open commitments: which one is done? /done N, with its number."),
        "{}",
        text(&which)
    );
    let ids: Vec<&str> = which.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["run:/done 2", "run:/done 3", "run:/done 4"], "the soonest due first");
    assert_eq!(app.counts(WS).await, before, "asking writes nothing");

    let pt = app.say_pt("/tasks Gerdau").await;
    assert_eq!(pt.title.as_deref(), Some("Gerdau: compromissos em aberto (3)"), "{}", text(&pt));
    assert!(pt.lines[0].contains("dias de atraso"), "{:?}", pt.lines);
    assert!(pt.lines[1].contains("prazo qua 09/12/2026"), "{:?}", pt.lines);
}

/// Fifteen a page, the soonest due first; a page past the end is the last one.
#[tokio::test]
async fn long_lists_come_a_page_at_a_time() {
    let app = demo_app().await;
    for i in 1..=20 {
        let line = format!("/log Gerdau call \"Follow-up {i}\" --next \"Passo {i}\" --due 2026-12-{:02}", i + 1);
        let reply = app.say_as("rafael.lima", &line).await;
        assert_eq!(reply.tone, Tone::Good, "{}", text(&reply));
    }
    let first = app.say_as("rafael.lima", "/tasks Gerdau").await;
    assert_eq!(first.title.as_deref(), Some("Gerdau: open commitments (21)"));
    assert_eq!(first.lines.len(), 15);
    assert!(first.lines[1].starts_with("#3 Passo 1 · due Wed 2026-12-02"), "{:?}", first.lines);
    assert!(first.footer.as_deref().unwrap_or_default().contains("/tasks Gerdau --page 2"), "{:?}", first.footer);
    let last = app.say_as("rafael.lima", "/tasks Gerdau --page 9").await;
    assert_eq!(last.lines.len(), 6, "{}", text(&last));
    assert!(last.lines[5].starts_with("#22 Passo 20"), "{:?}", last.lines);
}

/// Presses of Done at the same instant, each its own request: one closes it and logs one note.
#[tokio::test]
async fn presses_at_the_same_instant_close_once() {
    let app = demo_app().await;
    let ws = app.workspace_id(WS).await;
    let me = app.store.ensure_person(ws, "terminal", "tester", "Tester", app.now).await.unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    let before = app.counts(WS).await;
    let mut presses = tokio::task::JoinSet::new();
    for i in 0..8 {
        let (core, mut inv) = (app.core.clone(), app.invocation(WS, "tester"));
        inv.source_id = Some(format!("press-{i}"));
        presses.spawn(async move { core.press(&inv, "run:/done 2").await });
    }
    let replies = presses.join_all().await;
    let done = replies.iter().filter(|r| r.title.as_deref().is_some_and(|t| t.starts_with("Done at Gerdau"))).count();
    assert_eq!(done, 1, "{:?}", replies.iter().map(text).collect::<Vec<_>>());
    assert_eq!(app.counts(WS).await.interactions, before.interactions + 1);
}

/// The upgrade: a next step logged before commitments existed is open when it was the account's
/// newest (as before) or its day has not come; a past one a later log hid is kept as dropped.
#[tokio::test]
async fn the_upgrade_turns_next_steps_into_commitments() {
    if crate::helpers::sqlite_only("the_upgrade_turns_next_steps_into_commitments") {
        return;
    }
    let app = demo_app().await;
    let ws = app.workspace_id(WS).await;
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", app.db_path.display())).await.unwrap();
    let vale: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE workspace_id = ? AND name = 'Vale'")
        .bind(ws)
        .fetch_one(&pool)
        .await
        .unwrap();
    let author: i64 =
        sqlx::query_scalar("SELECT owner_id FROM accounts WHERE id = ?").bind(vale).fetch_one(&pool).await.unwrap();
    let mut tx = app.store.write().await.unwrap();
    for (days_ago, step, due) in
        [(3, "Far ahead", "2099-01-01"), (2, "Long past", "2000-01-01"), (1, "Newest", "2000-01-02")]
    {
        let at = app.now - chrono::Duration::days(days_ago);
        let due = chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d").unwrap();
        tx.insert_interaction(
            ws,
            &kam_bot::store::NewInteraction {
                account_id: vale,
                also_contacts: &[],
                contact_id: None,
                author_id: author,
                kind: kam_bot::domain::kind::InteractionKind::Call,
                occurred_at: at,
                occurred_on: at.date_naive(),
                summary: "Before the upgrade",
                next_step: Some(step),
                next_step_due: Some(due),
                commitments: &[],
                source: "seed",
                source_id: None,
                tone: None,
                created_at: at,
            },
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    // The migration's own statement, on a database whose commitments are not there yet.
    let migration = include_str!("../../migrations/0027_commitments.sql");
    let insert = &migration[migration.find("INSERT INTO commitments").unwrap()..];
    sqlx::query("DELETE FROM commitments").execute(&pool).await.unwrap();
    sqlx::query(insert).execute(&pool).await.unwrap();
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT text, status FROM commitments WHERE account_id = ? AND text IN ('Far ahead', 'Long past', 'Newest') ORDER BY text")
            .bind(vale)
            .fetch_all(&pool)
            .await
            .unwrap();
    let rows: Vec<(&str, &str)> = rows.iter().map(|(t, s)| (t.as_str(), s.as_str())).collect();
    assert_eq!(rows, [("Far ahead", "open"), ("Long past", "dropped"), ("Newest", "open")]);
    let numbers: Vec<i64> = sqlx::query_scalar("SELECT number FROM commitments WHERE workspace_id = ? ORDER BY number")
        .bind(ws)
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(numbers, (1..=numbers.len() as i64).collect::<Vec<_>>(), "numbered one by one");
    let listed = app.say("/tasks Vale").await;
    assert!(text(&listed).contains("Far ahead") && text(&listed).contains("Newest"), "{}", text(&listed));
}
