//! The Slack slash-command endpoint, driven with signed form posts on 127.0.0.1.

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::spawn_app;
use crate::slack_support::{SlackStandIn, button_press, form, sign, spawn_slack_endpoint};

const SLOW: Duration = Duration::from_secs(30);
const RESPONSE_URL: &str = "https://hooks.slack.com/commands/T1/1/abc";

async fn demo_in_team_t1() -> crate::helpers::TestApp {
    let app = spawn_app().await;
    kam_bot::seed::demo::seed_demo(&app.store, "slack:T1", app.now).await.unwrap().unwrap();
    app
}

fn blocks(body: &Value) -> &Vec<Value> {
    body["blocks"].as_array().unwrap_or_else(|| panic!("no blocks in {body}"))
}

fn field_texts(body: &Value) -> Vec<String> {
    blocks(body)
        .iter()
        .filter_map(|b| b["fields"].as_array())
        .flatten()
        .filter_map(|f| f["text"].as_str().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn account_vale_returns_the_card_in_block_kit() {
    let app = demo_in_team_t1().await;
    let endpoint = spawn_slack_endpoint(&app, SLOW).await;
    let (status, body) = endpoint.post_signed(&form("T1", "/account", "vale", "1.1.a", RESPONSE_URL)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["response_type"], "in_channel");
    assert_eq!(body["text"], "Vale", "the notification text is the title, not the card again");
    assert!(body.get("attachments").is_none());
    assert_eq!(blocks(&body)[0]["type"], "header");
    assert_eq!(blocks(&body)[0]["text"]["text"], "Vale");
    assert!(field_texts(&body).contains(&"Owner\nAna Souza".to_string()), "{body}");
    // The umbrella command gives the same card.
    let (_, umbrella) = endpoint.post_signed(&form("T1", "/kam", "account vale", "1.1.b", RESPONSE_URL)).await;
    assert_eq!(blocks(&umbrella)[0]["text"]["text"], "Vale");
}

#[tokio::test]
async fn kam_log_records_once() {
    let app = demo_in_team_t1().await;
    let endpoint = spawn_slack_endpoint(&app, SLOW).await;
    let body = form(
        "T1",
        "/kam",
        "log Vale meeting \"Plano 2027\" --next \"Enviar proposta\" --due 10/12/2026",
        "2.2.a",
        RESPONSE_URL,
    );
    let before = app.counts("slack:T1").await;
    let (_, first) = endpoint.post_signed(&body).await;
    assert_eq!(blocks(&first)[0]["text"]["text"], "Logged: meeting with Vale", "{first}");
    assert_eq!(app.counts("slack:T1").await.interactions, before.interactions + 1);
    // The same request again (same trigger id) is not logged twice: it gets the first answer.
    let (_, second) = endpoint.post_signed(&body).await;
    assert_eq!(second, first);
    assert_eq!(app.counts("slack:T1").await.interactions, before.interactions + 1);
    let ws = app.workspace_id("slack:T1").await;
    let person = app.store.find_person(ws, "slack", "U2147483697").await.unwrap().unwrap();
    assert_eq!((person.display_name.as_str(), person.role.code()), ("ana.souza", "rep"));
}

#[tokio::test]
async fn unverified_requests_are_refused_and_write_nothing() {
    let app = demo_in_team_t1().await;
    let endpoint = spawn_slack_endpoint(&app, SLOW).await;
    let body = form("T1", "/log", "Vale call forged", "3.3.a", RESPONSE_URL);
    let now = chrono::Utc::now().timestamp();
    let before = app.counts("slack:T1").await;
    // Wrong signature, another secret's signature, a tampered body, a stale timestamp, none at all.
    assert_eq!(endpoint.post(&body, Some("v0=deadbeef"), Some(&now.to_string())).await.0, StatusCode::UNAUTHORIZED);
    let good = sign(now, &body);
    let tampered = body.replace("forged", "Forged");
    assert_eq!(endpoint.post(&tampered, Some(&good), Some(&now.to_string())).await.0, StatusCode::UNAUTHORIZED);
    let stale = now - 6 * 60;
    assert_eq!(
        endpoint.post(&body, Some(&sign(stale, &body)), Some(&stale.to_string())).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(endpoint.post(&body, None, None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(endpoint.post(&body, Some(&good), None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(app.counts("slack:T1").await, before, "nothing was written");
    // Signed now, it is accepted.
    let (status, _) = endpoint.post(&body, Some(&good), Some(&now.to_string())).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(app.counts("slack:T1").await.interactions, before.interactions + 1);
}

#[tokio::test]
async fn team_a_never_sees_team_b() {
    let app = demo_in_team_t1().await;
    let endpoint = spawn_slack_endpoint(&app, SLOW).await;
    let (_, body) = endpoint.post_signed(&form("T2", "/account", "Vale", "4.4.a", RESPONSE_URL)).await;
    assert_eq!(body["response_type"], "ephemeral");
    assert!(body["text"].as_str().unwrap().starts_with("No accounts yet."), "{body}");
    let (_, list) = endpoint.post_signed(&form("T2", "/kam", "accounts", "4.4.b", RESPONSE_URL)).await;
    assert!(list.to_string().contains("No accounts yet."), "{list}");
}

#[tokio::test]
async fn text_from_the_database_cannot_mention_anyone() {
    let app = demo_in_team_t1().await;
    let endpoint = spawn_slack_endpoint(&app, SLOW).await;
    let (_, logged) =
        endpoint.post_signed(&form("T1", "/log", "Vale note \"ping <!channel> & <@U1>\"", "5.5.a", RESPONSE_URL)).await;
    assert!(!logged.to_string().contains("<!channel>"), "{logged}");
    let (_, history) = endpoint.post_signed(&form("T1", "/history", "Vale 1", "5.5.b", RESPONSE_URL)).await;
    let text = history.to_string();
    assert!(text.contains("ping &lt;!channel&gt; &amp; &lt;@U1&gt;"), "{text}");
    assert!(!text.contains("<!channel>") && !text.contains("<@U1>"));
}

#[tokio::test]
async fn a_slow_answer_is_acknowledged_then_posted_to_the_response_url() {
    let app = demo_in_team_t1().await;
    let hooks = SlackStandIn::spawn().await;
    let endpoint = spawn_slack_endpoint(&app, Duration::ZERO).await;
    let response_url = format!("{}/response/T1/1/abc", hooks.url);
    let (status, body) = endpoint.post_signed(&form("T1", "/account", "Alcoa", "6.6.a", &response_url)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["response_type"], "ephemeral");
    assert_eq!(body["text"], "Working on it: the answer follows in a moment.");
    let posted = hooks.wait_for("/response/T1/1/abc").await;
    assert_eq!(posted.body["response_type"], "in_channel");
    assert_eq!(posted.body["blocks"][0]["text"]["text"], "Alcoa");
}

/// Slack may deliver a command again (a retry, or a replay within its five minutes): every
/// command that writes is carried out once, and the repeat gets the first answer.
#[tokio::test]
async fn a_replayed_command_writes_once() {
    let app = demo_in_team_t1().await;
    let endpoint = spawn_slack_endpoint(&app, SLOW).await;
    let ws = app.workspace_id("slack:T1").await;
    endpoint.post_signed(&form("T1", "/help", "", "7.7.help", RESPONSE_URL)).await;
    let me = app.store.find_person(ws, "slack", "U2147483697").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    let opp = form("T1", "/opp", "add Vale \"Liners for S11D\" 2,5M", "7.7.replayed", RESPONSE_URL);
    let (_, first) = endpoint.post_signed(&opp).await;
    let count = |store: kam_bot::store::Store| async move {
        let vale = store.accounts_named(ws, "vale").await.unwrap()[0].account_id;
        store.opportunities(ws, vale).await.unwrap().len()
    };
    let after_first = count(app.store.clone()).await;
    assert!(first.to_string().contains("Liners for S11D"), "{first}");
    let (_, again) = endpoint.post_signed(&opp).await;
    assert_eq!(count(app.store.clone()).await, after_first, "the replay added nothing");
    assert_eq!(again, first, "the replay gets the first answer");
    let meeting = form("T1", "/meeting", "Vale 2027-01-20 10:00", "7.7.meeting", RESPONSE_URL);
    let (_, m1) = endpoint.post_signed(&meeting).await;
    let before = app.store.meetings_between(ws, app.now, app.now + chrono::Duration::days(90)).await.unwrap();
    let (_, m2) = endpoint.post_signed(&meeting).await;
    let after = app.store.meetings_between(ws, app.now, app.now + chrono::Duration::days(90)).await.unwrap();
    assert_eq!(m1, m2);
    let (before, after) = (before.len(), after.len());
    assert_eq!(after, before, "one meeting, however often it is delivered");
    // A new trigger is a new request.
    let other = form("T1", "/opp", "add Vale \"Liners for S11D\" 2,5M", "7.7.other", RESPONSE_URL);
    let (_, third) = endpoint.post_signed(&other).await;
    assert_eq!(count(app.store.clone()).await, after_first + 1, "{third}");
}

/// A reminder's buttons through Slack's signed interactivity payload: the press is carried out as
/// the person who pressed it, answered at its response URL for them only, and a second press
/// changes nothing.
#[tokio::test]
async fn reminder_buttons_are_signed_presses_and_idempotent() {
    let app = demo_in_team_t1().await;
    let hooks = SlackStandIn::spawn().await;
    let endpoint = spawn_slack_endpoint(&app, Duration::from_secs(2)).await;
    let url = |n: u32| format!("{}/response/T1/{n}/press", hooks.url);

    // Unsigned: refused before anything else, nothing carried out.
    let body = serde_urlencoded::to_string([(
        "payload",
        button_press("T1", "U1", "run:/done Gerdau", "1.1", &url(0)).to_string(),
    )])
    .unwrap();
    let (status, _) = endpoint.post_to("/slack/interactivity", &body, None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = endpoint
        .post_to("/slack/interactivity", &body, Some("v0=00"), Some(&chrono::Utc::now().timestamp().to_string()))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The presser may change Gerdau (closing its step needs that right): an admin here.
    let ws = app.workspace_id("slack:T1").await;
    let ana = app.store.ensure_person(ws, "slack", "U1", "Ana Souza", app.now).await.unwrap();
    app.store.set_role(ws, ana.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    let before = app.counts("slack:T1").await;
    let (status, _) = endpoint.press_signed(&button_press("T1", "U1", "run:/done Gerdau", "1.2", &url(1))).await;
    assert_eq!(status, StatusCode::OK);
    let answer = hooks.wait_for("/response/T1/1/press").await.body;
    assert_eq!(answer["response_type"], "ephemeral", "{answer}");
    assert_eq!(answer["replace_original"], false, "{answer}");
    assert!(answer.to_string().contains("Done at Gerdau: #2 “Confirmar prazo de entrega com a fábrica”"), "{answer}");
    assert_eq!(app.counts("slack:T1").await.interactions, before.interactions + 1);

    // Pressed again (a new press): the step is closed, nothing more is logged.
    endpoint.press_signed(&button_press("T1", "U1", "run:/done Gerdau", "1.3", &url(2))).await;
    let again = hooks.wait_for("/response/T1/2/press").await.body;
    assert!(again.to_string().contains("Gerdau has no open commitment"), "{again}");
    assert_eq!(app.counts("slack:T1").await.interactions, before.interactions + 1);

    // Snooze twice: the second says it already is.
    endpoint.press_signed(&button_press("T1", "U1", "run:/snooze Gerdau", "1.4", &url(3))).await;
    let snoozed = hooks.wait_for("/response/T1/3/press").await.body;
    assert!(snoozed.to_string().contains("No reminders about Gerdau until Fri 2026-12-04."), "{snoozed}");
    endpoint.press_signed(&button_press("T1", "U1", "run:/snooze Gerdau", "1.5", &url(4))).await;
    let already = hooks.wait_for("/response/T1/4/press").await.body;
    assert!(already.to_string().contains("already quiet until Fri 2026-12-04"), "{already}");

    // A payload that is not a button press is refused.
    let (status, _) =
        endpoint.press_signed(&serde_json::json!({"type": "view_submission", "team": {"id": "T1"}})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

/// An `app_mention` as the Events API delivers it.
fn mention(event_id: &str, user: &str, text: &str) -> Value {
    serde_json::json!({
        "token": "unused", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
        "event_id": event_id, "event_time": 1_764_244_800,
        "event": {"type": "app_mention", "user": user, "text": text, "ts": "1764244800.000100",
                  "channel": "C1", "event_ts": "1764244800.000100"}
    })
}

fn values(blocks: &Value) -> Vec<String> {
    let blocks = blocks.as_str().and_then(|b| serde_json::from_str(b).ok()).unwrap_or(blocks.clone());
    blocks
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|b| b["elements"].as_array().cloned().unwrap_or_default())
        .filter_map(|e| e["value"].as_str().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn the_events_url_is_verified_and_unsigned_events_are_refused() {
    let app = spawn_app().await;
    let stand_in = SlackStandIn::spawn().await;
    let endpoint = crate::slack_support::spawn_slack_events(&app, &stand_in).await;
    let (status, body) =
        endpoint.event_signed(&serde_json::json!({"type": "url_verification", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["challenge"], "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    let forged = mention("Ev0", "U1", "<@UBOT> reunião na Vale").to_string();
    let (status, _) = endpoint.post_to("/slack/events", &forged, Some("v0=00"), Some("1764244800")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(stand_in.seen().is_empty());
}

/// A mention of the bot is read into a draft shown to its author only; Confirm logs it once,
/// another person's press is refused, and a retried delivery is not answered twice.
#[tokio::test]
async fn a_mention_becomes_a_private_preview_confirmed_once() {
    let app = spawn_app().await;
    kam_bot::seed::demo::seed_demo(&app.store, "slack:T1", app.now).await.unwrap().unwrap();
    let stand_in = SlackStandIn::spawn().await;
    let endpoint = crate::slack_support::spawn_slack_events(&app, &stand_in).await;
    let event = mention("Ev1", "U1", "<@U0BOT> reunião com João na Vale hoje, ficou de mandar proposta até sexta");
    let (status, _) = endpoint.event_signed(&event).await;
    assert_eq!(status, StatusCode::OK);
    let posted = stand_in.wait_for("/api/chat.postEphemeral").await;
    assert_eq!(posted.body["user"], "U1");
    assert_eq!(posted.body["channel"], "C1");
    let text = posted.body.to_string();
    assert!(text.contains("Vale") && text.contains("João Ferreira") && text.contains("mandar proposta"), "{text}");
    let buttons = values(&posted.body["blocks"]);
    let confirm =
        buttons.iter().find(|v| v.starts_with("run:/confirm")).unwrap_or_else(|| panic!("{buttons:?}")).clone();

    // Delivered again (Slack retries what it thinks was not acknowledged): not answered twice.
    endpoint.event_signed(&event).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(stand_in.seen().iter().filter(|s| s.path == "/api/chat.postEphemeral").count(), 1);

    let before = app.counts("slack:T1").await.interactions;
    let response = format!("{}/response/stranger", stand_in.url);
    endpoint.press_signed(&button_press("T1", "U2", &confirm, "1764244801.000001", &response)).await;
    let refused = stand_in.wait_for("/response/stranger").await;
    assert!(refused.body.to_string().contains("someone else"), "{}", refused.body);
    for i in 0..5 {
        let response = format!("{}/response/{i}", stand_in.url);
        endpoint.press_signed(&button_press("T1", "U1", &confirm, &format!("1764244802.00000{i}"), &response)).await;
        stand_in.wait_for(&format!("/response/{i}")).await;
    }
    assert_eq!(app.counts("slack:T1").await.interactions, before + 1, "pressed five times, logged once");
}

/// `/log` alone opens the logging form (a stand-in of `views.open`, checked against Slack's
/// limits); its pickers load the workspace's accounts and the chosen account's contacts; a wrong
/// field comes back next to the field; a forged submission is refused; a good one logs once and
/// is answered in the channel to its author only.
#[tokio::test]
async fn log_alone_opens_a_form_whose_submission_logs_once() {
    use crate::slack_support::{block_suggestion, opened_view, view_submission};
    let app = spawn_app().await;
    kam_bot::seed::demo::seed_demo(&app.store, "slack:T1", app.now).await.unwrap().unwrap();
    let stand_in = SlackStandIn::spawn().await;
    let endpoint = crate::slack_support::spawn_slack_events(&app, &stand_in).await;
    let response = format!("{}/response/log", stand_in.url);
    let (status, body) = endpoint.post_signed(&form("T1", "/log", "", "trigger-log-1", &response)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let opened = stand_in.wait_for("/api/views.open").await;
    assert_eq!(opened.body["trigger_id"], "trigger-log-1");
    let view = opened_view(&opened);
    let blocks: Vec<&str> =
        view["blocks"].as_array().unwrap().iter().map(|b| b["block_id"].as_str().unwrap()).collect();
    assert_eq!(blocks, ["account", "kind", "summary", "when", "contacts", "next", "due", "tone"]);
    assert!(!view.to_string().contains("invalid"), "{view}");
    // Slack said yes: the stand-in refuses what Slack's limits refuse.
    assert!(
        stand_in
            .seen()
            .iter()
            .all(|s| s.path != "/api/views.open" || !s.body.to_string().contains("invalid_arguments"))
    );

    let (_, accounts) = endpoint.press_signed(&block_suggestion("T1", "U2147483697", "account", "va", json!({}))).await;
    let names: Vec<&str> =
        accounts["options"].as_array().unwrap().iter().map(|o| o["value"].as_str().unwrap()).collect();
    assert!(names.contains(&"Vale"), "{accounts}");
    let chosen = json!({"account": {"account": {"type": "external_select", "selected_option": {"text": {"type": "plain_text", "text": "Vale"}, "value": "Vale"}}}});
    let (_, contacts) = endpoint.press_signed(&block_suggestion("T1", "U2147483697", "contacts", "jo", chosen)).await;
    assert!(contacts.to_string().contains("João Ferreira"), "{contacts}");

    let values = |due: &str| {
        json!({
            "account": {"account": {"type": "external_select", "selected_option": {"text": {"type": "plain_text", "text": "Vale"}, "value": "Vale"}}},
            "kind": {"kind": {"type": "static_select", "selected_option": {"text": {"type": "plain_text", "text": "Reunião"}, "value": "meeting"}}},
            "summary": {"summary": {"type": "plain_text_input", "value": "Reunião com João, ficou de mandar proposta"}},
            "when": {"when": {"type": "datepicker", "selected_date": "2026-11-26"}},
            "contacts": {"contacts": {"type": "multi_external_select", "selected_options": [{"text": {"type": "plain_text", "text": "João Ferreira"}, "value": "João Ferreira"}]}},
            "next": {"next": {"type": "plain_text_input", "value": "mandar proposta"}},
            "due": {"due": {"type": "datepicker", "selected_date": due}},
            "tone": {"tone": {"type": "static_select", "selected_option": null}}
        })
    };
    let before = app.counts("slack:T1").await.interactions;
    // A due date before the interaction: sent back on the form, next to the due date.
    let (status, errors) =
        endpoint.press_signed(&view_submission("T1", "U2147483697", &view, values("2026-11-01"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(errors["response_action"], "errors", "{errors}");
    assert!(errors["errors"]["due"].is_string() && errors["errors"].as_object().unwrap().len() == 1, "{errors}");
    // Forged: refused before anything is read.
    let forged = serde_urlencoded::to_string([(
        "payload",
        view_submission("T1", "U2147483697", &view, values("2026-12-04")).to_string(),
    )])
    .unwrap();
    let (status, _) = endpoint
        .post_to("/slack/interactivity", &forged, Some("v0=00"), Some(&chrono::Utc::now().timestamp().to_string()))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.counts("slack:T1").await.interactions, before);

    for _ in 0..2 {
        let (status, body) =
            endpoint.press_signed(&view_submission("T1", "U2147483697", &view, values("2026-12-04"))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.as_str().is_some_and(str::is_empty), "a good submission closes the form: {body}");
    }
    assert_eq!(app.counts("slack:T1").await.interactions, before + 1, "submitted twice, logged once");
    let said = stand_in.wait_for("/api/chat.postEphemeral").await;
    assert_eq!((said.body["channel"].as_str(), said.body["user"].as_str()), (Some("C2147483705"), Some("U2147483697")));
    assert!(said.body.to_string().contains("mandar proposta"), "{}", said.body);
}

/// Edit under a preview opens the same form, filled in from the draft.
#[tokio::test]
async fn edit_on_a_preview_opens_the_form_filled_in() {
    use crate::slack_support::opened_view;
    let app = spawn_app().await;
    kam_bot::seed::demo::seed_demo(&app.store, "slack:T1", app.now).await.unwrap().unwrap();
    let stand_in = SlackStandIn::spawn().await;
    let endpoint = crate::slack_support::spawn_slack_events(&app, &stand_in).await;
    let event = mention("Ev9", "U1", "<@U0BOT> reunião com João na Vale hoje, ficou de mandar proposta até sexta");
    endpoint.event_signed(&event).await;
    let posted = stand_in.wait_for("/api/chat.postEphemeral").await;
    let buttons = values(&posted.body["blocks"]);
    let edit =
        buttons.iter().find(|v| v.starts_with("run:/edit --draft")).unwrap_or_else(|| panic!("{buttons:?}")).clone();
    let response = format!("{}/response/edit", stand_in.url);
    endpoint.press_signed(&button_press("T1", "U1", &edit, "1764244803.000001", &response)).await;
    let view = opened_view(&stand_in.wait_for("/api/views.open").await);
    let element = |i: usize| &view["blocks"][i]["element"];
    assert_eq!(element(0)["initial_option"]["value"], "Vale", "{view}");
    assert_eq!(element(1)["initial_option"]["value"], "meeting", "{view}");
    assert_eq!(element(4)["initial_options"][0]["value"], "João Ferreira", "{view}");
    assert_eq!(element(5)["initial_value"], "mandar proposta", "{view}");
    assert_eq!(element(6)["initial_date"], "2026-12-04", "{view}");
    assert!(view["private_metadata"].as_str().unwrap().contains("\"draft\""), "{}", view["private_metadata"]);
    // Someone else pressing it gets a refusal, not the form.
    let stranger = format!("{}/response/stranger", stand_in.url);
    endpoint.press_signed(&button_press("T1", "U2", &edit, "1764244803.000002", &stranger)).await;
    let refused = stand_in.wait_for("/response/stranger").await;
    assert!(
        refused.body.to_string().contains("someone else") || refused.body.to_string().contains("outra pessoa"),
        "{}",
        refused.body
    );
    assert_eq!(stand_in.seen().iter().filter(|s| s.path == "/api/views.open").count(), 1);
}

/// The message shortcut on someone's message reads its text into a draft for the person who
/// chose it, answered to them only; Confirm then logs it.
#[tokio::test]
async fn a_message_shortcut_reads_the_message_into_a_preview() {
    let app = spawn_app().await;
    kam_bot::seed::demo::seed_demo(&app.store, "slack:T1", app.now).await.unwrap().unwrap();
    let stand_in = SlackStandIn::spawn().await;
    let endpoint = crate::slack_support::spawn_slack_events(&app, &stand_in).await;
    let response = format!("{}/response/shortcut", stand_in.url);
    let shortcut = json!({
        "type": "message_action", "token": "unused", "action_ts": "1764244900.000100",
        "team": {"id": "T1", "domain": "acme"}, "user": {"id": "U1", "username": "ana", "team_id": "T1", "name": "ana"},
        "channel": {"id": "C1", "name": "key-accounts"}, "is_enterprise_install": false,
        "callback_id": "kam-capture", "trigger_id": "1.2.shortcut", "response_url": response,
        "message_ts": "1764244800.000100",
        "message": {"type": "message", "user": "U9", "ts": "1764244800.000100",
                    "text": "reunião com João na Vale hoje, ficou de mandar proposta até sexta"}
    });
    let (status, _) = endpoint.press_signed(&shortcut).await;
    assert_eq!(status, StatusCode::OK);
    let preview = stand_in.wait_for("/response/shortcut").await;
    assert_eq!(preview.body["response_type"], "ephemeral", "{}", preview.body);
    let text = preview.body.to_string();
    assert!(text.contains("Vale") && text.contains("João Ferreira") && text.contains("mandar proposta"), "{text}");
    let confirm = values(&preview.body["blocks"]).into_iter().find(|v| v.starts_with("run:/confirm")).expect("Confirm");
    let before = app.counts("slack:T1").await.interactions;
    let done = format!("{}/response/done", stand_in.url);
    endpoint.press_signed(&button_press("T1", "U1", &confirm, "1764244901.000001", &done)).await;
    stand_in.wait_for("/response/done").await;
    assert_eq!(app.counts("slack:T1").await.interactions, before + 1);
}
