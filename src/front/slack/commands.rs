//! The one handler every Slack path shares: a slash command in, the Block Kit answer out. Each
//! catalog command is its own slash command (`/account Vale`) and a word of the umbrella command
//! (`/kam account Vale`); the text is read by the core's parser. An answer that would miss Slack's
//! 3 seconds is acknowledged at once and posted to the command's `response_url` when ready.

use crate::i18n::ChatMsg;
use crate::i18n::Translate;
use std::time::Duration;

use chrono::{DateTime, Utc};
use slack_morphism::prelude::*;
use tracing::{error, warn};

use super::blocks;
use super::people::{self, Directory};
use crate::core::{Core, Invocation, Platform, Reply};
use crate::i18n::{Locale, Msg};

/// The umbrella slash command.
pub const UMBRELLA: &str = "kam";

/// How long a command may take before it is acknowledged and answered later.
pub const ANSWER_WITHIN: Duration = Duration::from_millis(2500);

/// The workspace of a Slack team.
pub fn workspace_key(team_id: &str) -> String {
    format!("slack:{team_id}")
}

/// The typed line of a slash command: `/account` + `Vale`, or `/kam` + `account Vale`.
pub fn line_of(command: &str, text: &str) -> String {
    let name = command.trim().trim_start_matches('/');
    if name.eq_ignore_ascii_case(UMBRELLA) {
        let text = text.trim();
        if text.is_empty() { "/help".to_string() } else { format!("/{text}") }
    } else {
        format!("/{name} {text}")
    }
}

/// Carries out a slash command through the core. Slack's `user_name` is the handle ("ana"): it
/// never renames anyone, and someone new is named from the directory when there is one.
pub async fn run(
    core: &Core,
    directory: Option<&Directory>,
    event: &SlackCommandEvent,
    user_name: Option<&str>,
    now: DateTime<Utc>,
) -> Reply {
    let naming = people::naming(core, directory, event.team_id.as_ref(), event.user_id.as_ref(), user_name).await;
    let invocation = Invocation {
        workspace: workspace_key(event.team_id.as_ref()),
        platform: Platform::Slack,
        user_id: event.user_id.to_string(),
        display_name: naming.display_name,
        name_is_handle: naming.name_is_handle,
        locale: naming.locale,
        workspace_locale: None,
        now,
        source_id: Some(event.trigger_id.to_string()),
    };
    core.run_line(&invocation, &line_of(event.command.as_ref(), event.text.as_deref().unwrap_or(""))).await
}

/// The invocation of a person on Slack, named as [`people::naming`] says.
pub async fn invocation(
    core: &Core,
    directory: Option<&Directory>,
    team_id: &str,
    user_id: &str,
    user_name: Option<&str>,
    now: DateTime<Utc>,
    source_id: String,
) -> Invocation {
    let naming = people::naming(core, directory, team_id, user_id, user_name).await;
    Invocation {
        workspace: workspace_key(team_id),
        platform: Platform::Slack,
        user_id: user_id.to_string(),
        display_name: naming.display_name,
        name_is_handle: naming.name_is_handle,
        locale: naming.locale,
        workspace_locale: None,
        now,
        source_id: Some(source_id),
    }
}

/// `/log` with nothing after it (or `/kam log`): on Slack, the form opens.
pub fn opens_form(event: &SlackCommandEvent) -> bool {
    line_of(event.command.as_ref(), event.text.as_deref().unwrap_or("")).trim() == "/log"
}

/// A button pressed in Slack: who, where, what it runs, and where the answer goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Press {
    pub team_id: String,
    pub user_id: String,
    pub user_name: Option<String>,
    /// The button's value: what it stands for (`run:/snooze Vale`).
    pub value: String,
    /// The same press delivered again carries the same action timestamp.
    pub action_ts: String,
    pub response_url: String,
    /// Opens a form within 3 seconds of the press.
    pub trigger_id: Option<String>,
    /// The conversation of the message pressed.
    pub channel: Option<String>,
}

impl Press {
    /// The first action of a `block_actions` payload.
    pub fn of(payload: &serde_json::Value) -> Option<Press> {
        if payload["type"].as_str()? != "block_actions" {
            return None;
        }
        let action = payload["actions"].get(0)?;
        let text = |v: &serde_json::Value| v.as_str().map(str::to_string);
        Some(Press {
            team_id: text(&payload["team"]["id"]).or_else(|| text(&payload["user"]["team_id"]))?,
            user_id: text(&payload["user"]["id"])?,
            user_name: text(&payload["user"]["name"]).or_else(|| text(&payload["user"]["username"])),
            value: text(&action["value"])?,
            action_ts: text(&action["action_ts"]).unwrap_or_default(),
            response_url: text(&payload["response_url"])?,
            trigger_id: text(&payload["trigger_id"]),
            channel: text(&payload["channel"]["id"]).or_else(|| text(&payload["container"]["channel_id"])),
        })
    }
}

/// A message shortcut (`message_action`, "Log to kam-bot") on someone's message: its text is
/// read into a draft for the person who chose it, answered at the payload's `response_url`.
pub fn shared_of(payload: &serde_json::Value) -> Option<(Press, String)> {
    if payload["type"].as_str()? != "message_action" {
        return None;
    }
    let text = |v: &serde_json::Value| v.as_str().map(str::to_string);
    let message = text(&payload["message"]["text"])?;
    let press = Press {
        team_id: text(&payload["team"]["id"]).or_else(|| text(&payload["user"]["team_id"]))?,
        user_id: text(&payload["user"]["id"])?,
        user_name: text(&payload["user"]["name"]).or_else(|| text(&payload["user"]["username"])),
        value: String::new(),
        // Each shortcut has its own trigger (slack-morphism keeps no `action_ts` of a shortcut).
        action_ts: text(&payload["trigger_id"])?,
        response_url: text(&payload["response_url"])?,
        trigger_id: text(&payload["trigger_id"]),
        channel: text(&payload["channel"]["id"]),
    };
    let message =
        without_mentions(&crate::domain::text::truncate(&message, crate::domain::capture::MAX_SENTENCE_CHARS * 2));
    Some((press, message))
}

/// Reads a shared message into a draft and posts the preview, seen by the person only.
pub async fn answer_shared(
    core: &Core,
    directory: Option<&Directory>,
    press: Press,
    text: String,
    now: DateTime<Utc>,
    http: reqwest::Client,
) {
    let source = format!("shortcut:{}:{}", press.user_id, press.action_ts);
    let invocation =
        invocation(core, directory, &press.team_id, &press.user_id, press.user_name.as_deref(), now, source).await;
    let reply = core.capture(&invocation, &text).await.ephemeral();
    answer_at(&http, &press.response_url, &reply).await;
}

/// Posts an answer, seen by its asker only, to a `response_url`, leaving the message it came from.
async fn answer_at(http: &reqwest::Client, response_url: &str, reply: &Reply) {
    let mut body = serde_json::to_value(blocks::command_response(reply)).unwrap_or_default();
    body["replace_original"] = serde_json::Value::Bool(false);
    let posted = http.post(response_url).json(&body).send().await;
    if let Err(e) = posted.and_then(|r| r.error_for_status()) {
        warn!(error = %e.without_url(), "cannot post an answer to a Slack response URL");
    }
}

/// Something written to the bot: a mention in a channel (`app_mention`) or a direct message
/// (`message` in an `im`), from an Events API `event_callback` or a Socket Mode `events_api` envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub team_id: String,
    pub user_id: String,
    pub channel: String,
    /// In a channel the answer is seen by its author only.
    pub in_channel: bool,
    pub text: String,
    pub event_id: String,
}

impl Written {
    /// The text a person wrote to the bot; `None` for other events, the bot's own messages and
    /// edits.
    pub fn of(payload: &serde_json::Value) -> Option<Written> {
        let event = &payload["event"];
        if event.get("bot_id").is_some_and(|b| !b.is_null()) || event.get("subtype").is_some_and(|s| !s.is_null()) {
            return None;
        }
        let in_channel = match (event["type"].as_str()?, event["channel_type"].as_str()) {
            ("app_mention", _) => true,
            ("message", Some("im")) => false,
            _ => return None,
        };
        let text = |v: &serde_json::Value| v.as_str().map(str::to_string);
        let raw = text(&event["text"])?;
        Some(Written {
            team_id: text(&payload["team_id"]).or_else(|| text(&event["team"]))?,
            user_id: text(&event["user"])?,
            channel: text(&event["channel"])?,
            in_channel,
            text: without_mentions(&crate::domain::text::truncate(
                &raw,
                crate::domain::capture::MAX_SENTENCE_CHARS * 2,
            )),
            event_id: text(&payload["event_id"]).unwrap_or_else(|| text(&event["ts"]).unwrap_or_default()),
        })
    }
}

/// The text without Slack's mention tokens (`<@U0123>`), with `&amp;`, `&lt;` and `&gt;` read back.
fn without_mentions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<@") {
        out.push_str(&rest[..start]);
        match rest[start..].find('>') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").trim().to_string()
}

/// Reads what was written to the bot into a draft and answers where it was written.
pub async fn answer_written(
    core: &Core,
    directory: Option<&Directory>,
    poster: &super::notifier::SlackNotifier,
    written: Written,
    now: DateTime<Utc>,
) {
    let source = format!("event:{}", written.event_id);
    let invocation = invocation(core, directory, &written.team_id, &written.user_id, None, now, source).await;
    let reply = if written.text.is_empty() {
        core.run_line(&invocation, "/help").await
    } else {
        core.capture(&invocation, &written.text).await
    };
    let user = written.in_channel.then_some(written.user_id.as_str());
    if let Err(e) = poster.answer_in(&written.channel, user, &reply).await {
        warn!(error = %e, "cannot answer a message written to the bot on Slack");
    }
}

/// Carries out a press through the core and posts the answer, seen by the presser only, to the
/// press's `response_url`. Edit under a preview opens the form instead, with the bot token.
pub async fn answer_press(
    core: &Core,
    directory: Option<&Directory>,
    poster: Option<&super::notifier::SlackNotifier>,
    press: Press,
    now: DateTime<Utc>,
    http: reqwest::Client,
) {
    let source = format!("press:{}:{}", press.user_id, press.action_ts);
    let invocation =
        invocation(core, directory, &press.team_id, &press.user_id, press.user_name.as_deref(), now, source).await;
    let opened = match (poster, press.trigger_id.as_deref(), super::forms::edits(&press)) {
        (Some(poster), Some(trigger), Some(draft)) => {
            super::forms::open(core, poster, &invocation, trigger, Some(draft), press.channel.as_deref()).await
        }
        _ => Err(None),
    };
    let reply = match opened {
        Ok(()) => return,
        Err(Some(refused)) => refused,
        Err(None) => core.press(&invocation, &press.value).await,
    }
    .ephemeral();
    answer_at(&http, &press.response_url, &reply).await;
}

/// Answers a slash command within `budget`, or acknowledges it and posts the answer to its
/// `response_url` when ready.
pub async fn respond(
    core: &Core,
    directory: Option<Directory>,
    event: SlackCommandEvent,
    user_name: Option<String>,
    now: DateTime<Utc>,
    budget: Duration,
    http: reqwest::Client,
) -> SlackCommandEventResponse {
    let task_core = core.clone();
    let (task_event, task_user_name) = (event.clone(), user_name.clone());
    let mut task = crate::lifecycle::spawn(async move {
        run(&task_core, directory.as_ref(), &task_event, task_user_name.as_deref(), now).await
    });
    match tokio::time::timeout(budget, &mut task).await {
        Ok(Ok(reply)) => blocks::command_response(&reply),
        Ok(Err(e)) => {
            error!(error = ?e, "a Slack command task failed");
            blocks::command_response(&Reply::error(Locale::default().t(Msg::Chat(ChatMsg::Internal))))
        }
        Err(_) => {
            // Owed until posted: another process answers it if this one dies first.
            let record = recorded(&event, user_name.as_deref());
            let id = crate::front::pending::hold(core.store(), "slack", "command", &record, now, ANSWERABLE).await;
            let url = event.response_url.0.to_string();
            let work = async move {
                let reply = task.await.unwrap_or_else(|e| {
                    error!(error = ?e, "a deferred Slack command task failed");
                    Reply::error(Locale::default().t(Msg::Chat(ChatMsg::Internal)))
                });
                post_later(&http, &url, &reply).await;
            };
            crate::front::pending::spawn_held(core.store().clone(), id, work);
            blocks::command_response(&Reply::error(Locale::default().t(Msg::Chat(ChatMsg::SlackWorking))))
        }
    }
}

/// How long Slack takes an answer at a command's `response_url`: 30 minutes.
const ANSWERABLE: chrono::Duration = chrono::Duration::minutes(29);

/// Posts a command's answer to its `response_url`.
async fn post_later(http: &reqwest::Client, url: &str, reply: &Reply) {
    let posted = http.post(url).json(&blocks::command_response(reply)).send().await;
    if let Err(e) = posted.and_then(|r| r.error_for_status()) {
        warn!(error = %e.without_url(), "cannot post a delayed Slack answer");
    }
}

/// A slash command as it came, to be answered by another process.
fn recorded(event: &SlackCommandEvent, user_name: Option<&str>) -> String {
    serde_json::json!({"event": event, "user_name": user_name}).to_string()
}

/// A slash command's record read back.
fn read_record(record: &str) -> Option<(SlackCommandEvent, Option<String>)> {
    #[derive(serde::Deserialize)]
    struct Record {
        event: SlackCommandEvent,
        user_name: Option<String>,
    }
    let record: Record = serde_json::from_str(record).ok()?;
    Some((record.event, record.user_name))
}

/// Answers the slash commands other processes acknowledged and did not answer (they died).
pub struct Owed {
    pub core: Core,
    pub directory: Option<Directory>,
    pub http: reqwest::Client,
}

impl crate::front::pending::Resume for Owed {
    fn platform(&self) -> &'static str {
        "slack"
    }

    fn resume<'a>(
        &'a self,
        owed: &'a crate::store::PendingAnswer,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send + 'a>> {
        Box::pin(async move {
            let Some((event, user_name)) = read_record(&owed.payload) else {
                return error!(id = owed.id, "an owed Slack command's record does not read");
            };
            let reply = run(&self.core, self.directory.as_ref(), &event, user_name.as_deref(), owed.received_at).await;
            post_later(&self.http, event.response_url.0.as_str(), &reply).await;
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_recorded_command_reads_back_as_it_came() {
        let form = "token=t&team_id=T1&team_domain=acme&channel_id=C1&channel_name=vendas&user_id=U1&\
                    user_name=ana&command=%2Flog&text=Vale+call+%22caf%C3%A9%22&api_app_id=A1&\
                    response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1%2F2%2F3&trigger_id=1.2.3";
        let event: super::SlackCommandEvent = serde_urlencoded::from_str(form).expect("a slash command");
        let record = super::recorded(&event, Some("ana"));
        let (again, user_name) = super::read_record(&record).expect("it reads back");
        assert_eq!(user_name.as_deref(), Some("ana"));
        assert_eq!(super::recorded(&again, Some("ana")), record);
        assert_eq!(again.text.as_deref(), Some("Vale call \"café\""));
        assert_eq!(again.response_url.0.as_str(), "https://hooks.slack.com/commands/1/2/3");
        assert_eq!(super::read_record("{}"), None);
    }

    #[test]
    fn a_mention_reads_the_same_from_the_events_api_and_from_socket_mode() {
        // An `app_mention` as the Events API and a Socket Mode `events_api` envelope carry it.
        let payload = serde_json::json!({
            "token": "unused", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
            "event_id": "Ev1", "event_time": 1764244800,
            "event": {"type": "app_mention", "user": "U1", "text": "<@U0BOT> reunião na Vale &amp; café",
                      "ts": "1764244800.000100", "channel": "C1", "event_ts": "1764244800.000100"}
        });
        let direct = Written::of(&payload).expect("a mention");
        assert_eq!(direct.text, "reunião na Vale & café");
        assert!(direct.in_channel);
        // Socket Mode hands slack-morphism's typed callback; what it serialises back reads alike.
        let typed: SlackPushEventCallback = serde_json::from_value(payload.clone()).expect("slack-morphism reads it");
        let through_socket = Written::of(&serde_json::to_value(&typed).unwrap()).expect("a mention");
        assert_eq!(through_socket, direct);
        // The bot's own messages and edits are not read.
        let mut own = payload.clone();
        own["event"]["bot_id"] = serde_json::json!("B1");
        assert_eq!(Written::of(&own), None);
        let mut im = payload;
        im["event"]["type"] = serde_json::json!("message");
        im["event"]["channel_type"] = serde_json::json!("im");
        assert!(!Written::of(&im).expect("a direct message").in_channel);
    }

    use super::*;

    #[test]
    fn own_and_umbrella_commands_make_the_same_line() {
        assert_eq!(line_of("/account", "Vale"), "/account Vale");
        assert_eq!(line_of("/kam", "account Vale"), "/account Vale");
        assert_eq!(line_of("/KAM", "  log Vale call \"x\" "), "/log Vale call \"x\"");
        assert_eq!(line_of("/kam", ""), "/help");
    }

    /// A press read from the payload Slack posts over HTTP and from the event Socket Mode hands
    /// over (the same payload, read by slack-morphism) is the same press.
    #[test]
    fn a_press_reads_the_same_over_http_and_socket_mode() {
        let payload = serde_json::json!({
            "type": "block_actions",
            "team": {"id": "T1", "domain": "acme"},
            "user": {"id": "U1", "username": "ana.souza", "name": "ana.souza", "team_id": "T1"},
            "api_app_id": "A0123",
            "container": {"type": "message", "message_ts": "1700000000.000100", "channel_id": "D0123456", "is_ephemeral": false},
            "trigger_id": "123.456.abc",
            "channel": {"id": "D0123456", "name": "directmessage"},
            "response_url": "https://hooks.slack.com/actions/T1/1/x",
            "actions": [{"action_id": "kam-0", "block_id": "b1", "type": "button", "value": "run:/snooze Vale",
                         "action_ts": "1700000001.000200", "text": {"type": "plain_text", "text": "Vale: snooze"}}]
        });
        let over_http = Press::of(&payload).expect("a press");
        assert_eq!(
            (over_http.value.as_str(), over_http.team_id.as_str(), over_http.user_id.as_str()),
            ("run:/snooze Vale", "T1", "U1")
        );
        let event: SlackInteractionEvent = serde_json::from_value(payload).expect("slack-morphism reads it");
        let over_socket = Press::of(&serde_json::to_value(&event).unwrap()).expect("a press");
        assert_eq!(over_socket, over_http);
        assert_eq!(Press::of(&serde_json::json!({"type": "view_closed"})), None);
        assert_eq!(over_http.trigger_id.as_deref(), Some("123.456.abc"));
        assert_eq!(over_http.channel.as_deref(), Some("D0123456"));
    }

    /// A message shortcut reads the same from the HTTP payload and from slack-morphism's event.
    #[test]
    fn a_message_shortcut_reads_the_same_over_http_and_socket_mode() {
        let payload = serde_json::json!({
            "type": "message_action", "action_ts": "1.2", "callback_id": "kam-capture", "trigger_id": "1.2.3",
            "team": {"id": "T1", "domain": "acme"}, "user": {"id": "U1", "username": "ana", "team_id": "T1"},
            "channel": {"id": "C1", "name": "x"}, "response_url": "https://hooks.slack.com/app/x",
            "message_ts": "1.1", "message": {"type": "message", "ts": "1.1", "user": "U9", "text": "visita na <@U2> Vale &amp; cia"}
        });
        let (press, text) = shared_of(&payload).expect("a shortcut");
        assert_eq!(
            (text.as_str(), press.user_id.as_str(), press.channel.as_deref()),
            ("visita na  Vale & cia", "U1", Some("C1"))
        );
        let event: SlackInteractionEvent = serde_json::from_value(payload).expect("slack-morphism reads it");
        let back = shared_of(&serde_json::to_value(&event).unwrap()).expect("a shortcut");
        assert_eq!(back, (press, text));
    }
}
