//! Slack's logging form: the modal `/log` alone and a preview's Edit open (`views.open` with the
//! request's `trigger_id`), the options its account and contact pickers load (`block_suggestion`,
//! from the core's suggestions), and its submission (`view_submission`), logged through the core
//! or sent back with each field's mistake next to the field. Over HTTP and Socket Mode alike.

use crate::i18n::Translate;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use slack_morphism::prelude::SlackCommandEvent;
use tracing::{debug, warn};

use super::commands::{Press, invocation, workspace_key};
use super::notifier::SlackNotifier;
use super::people::Directory;
use crate::core::catalog::{ArgType, MAX_NEXT_STEP_CHARS, MAX_SUMMARY_CHARS};
use crate::core::form::{FormFields, FormView, MAX_FORM_CONTACTS};
use crate::core::{Core, Invocation, Reply};
use crate::domain::text::truncate;
use crate::domain::vocabulary::TONES;
use crate::i18n::{CaptureMsg, Msg};

/// The modal's `callback_id`: a submission of another view is not ours.
pub const CALLBACK_ID: &str = "kam-log";

/// Slack's limits (Block Kit reference): a modal's title, submit and close texts; an option's
/// text and value; options one menu may list; `private_metadata`; a placeholder; an input label.
const TITLE: usize = 24;
const OPTION_TEXT: usize = 75;
const OPTION_VALUE: usize = 150;
const OPTIONS: usize = 100;
const METADATA: usize = 3000;
const PLACEHOLDER: usize = 150;
const LABEL: usize = 2000;

/// What the modal carries from where it was opened to its submission.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Metadata {
    /// Where the answer is posted (seen by the person who submitted only).
    channel: Option<String>,
    /// The draft the form was filled from; none for `/log` alone.
    draft: Option<i64>,
    /// The draft's account, for the contact picker when the request carries no state (Socket
    /// Mode hands a `block_suggestion`'s view over without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    account: Option<String>,
}

fn text(value: &str, max: usize) -> Value {
    let shown = truncate(&super::blocks::escape(value), max);
    json!({"type": "plain_text", "text": if shown.trim().is_empty() { "—".to_string() } else { shown }})
}

/// An option of a menu: its text shown, its value what comes back (a name, a code).
fn option(shown: &str, value: &str) -> Value {
    json!({"text": text(shown, OPTION_TEXT), "value": truncate(value, OPTION_VALUE)})
}

fn input(block: &str, label: String, optional: bool, element: Value) -> Value {
    json!({"type": "input", "block_id": block, "optional": optional, "label": text(&label, LABEL), "element": element})
}

/// A date of the form as the date picker takes it (`YYYY-MM-DD`).
fn picked(date: Option<&str>, today: chrono::NaiveDate) -> Option<String> {
    let date = date?.trim();
    crate::domain::dates::read_date(date, today, crate::domain::dates::Lean::Past).ok().map(|d| d.to_string())
}

/// The modal for a form: account, kind, summary, when, contacts, next step and its date, tone.
pub fn modal(view: &FormView, channel: Option<&str>) -> Value {
    let t = |m: Msg| view.locale.t(m);
    let today = view.today;
    let f = &view.fields;
    let mut account = json!({"type": "external_select", "action_id": "account", "min_query_length": 0,
        "placeholder": text(&t(Msg::Capture(CaptureMsg::FormAccountHint)), PLACEHOLDER)});
    if let Some(name) = f.account.as_deref().filter(|n| !n.is_empty()) {
        account["initial_option"] = option(name, name);
    }
    let kinds: Vec<Value> = view.kinds.iter().map(|(code, shown)| option(shown, code)).collect();
    let mut kind = json!({"type": "static_select", "action_id": "kind", "options": kinds});
    if let Some(chosen) = f.kind.as_deref().and_then(|k| view.kinds.iter().find(|(code, _)| *code == k)) {
        kind["initial_option"] = option(&chosen.1, chosen.0);
    }
    let mut summary = json!({"type": "plain_text_input", "action_id": "summary", "multiline": true,
        "max_length": MAX_SUMMARY_CHARS,
        "placeholder": text(&t(Msg::Capture(CaptureMsg::FormSummaryHint)), PLACEHOLDER)});
    if let Some(s) = f.summary.as_deref().filter(|s| !s.is_empty()) {
        summary["initial_value"] = json!(truncate(s, MAX_SUMMARY_CHARS));
    }
    let mut when = json!({"type": "datepicker", "action_id": "when"});
    when["initial_date"] = json!(picked(f.when.as_deref(), today).unwrap_or_else(|| today.to_string()));
    let mut contacts = json!({"type": "multi_external_select", "action_id": "contacts", "min_query_length": 0,
        "max_selected_items": MAX_FORM_CONTACTS,
        "placeholder": text(&t(Msg::Capture(CaptureMsg::FormContactsHint)), PLACEHOLDER)});
    let known: Vec<Value> = f.contacts.iter().flatten().take(MAX_FORM_CONTACTS).map(|n| option(n, n)).collect();
    if !known.is_empty() {
        contacts["initial_options"] = json!(known);
    }
    let mut next = json!({"type": "plain_text_input", "action_id": "next", "max_length": MAX_NEXT_STEP_CHARS});
    if let Some(s) = f.next.as_deref().filter(|s| !s.is_empty()) {
        next["initial_value"] = json!(truncate(s, MAX_NEXT_STEP_CHARS));
    }
    let mut due = json!({"type": "datepicker", "action_id": "due"});
    if let Some(day) = picked(f.due.as_deref(), today) {
        due["initial_date"] = json!(day);
    }
    let tones: Vec<Value> = TONES.0.iter().map(|w| option(w.shown(view.locale), w.code)).collect();
    let mut tone = json!({"type": "static_select", "action_id": "tone", "options": tones});
    if let Some(word) = f.tone.as_deref().and_then(|c| TONES.0.iter().find(|w| w.code == c)) {
        tone["initial_option"] = option(word.shown(view.locale), word.code);
    }
    let account_name = f.account.as_deref().filter(|a| !a.is_empty()).map(|a| truncate(a, OPTION_VALUE));
    let metadata = Metadata { channel: channel.map(str::to_string), draft: view.draft, account: account_name };
    let metadata = serde_json::to_string(&metadata).unwrap_or_default();
    json!({
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": text(&t(Msg::Capture(CaptureMsg::FormTitle)), TITLE),
        "submit": text(&t(Msg::Capture(CaptureMsg::FormSubmit)), TITLE),
        "close": text(&t(Msg::Capture(CaptureMsg::FormClose)), TITLE),
        "private_metadata": truncate(&metadata, METADATA),
        "blocks": [
            input("account", t(Msg::Capture(CaptureMsg::LabelAccount)), false, account),
            input("kind", t(Msg::Capture(CaptureMsg::LabelKind)), false, kind),
            input("summary", t(Msg::Capture(CaptureMsg::LabelSummary)), false, summary),
            input("when", t(Msg::Capture(CaptureMsg::LabelWhen)), false, when),
            input("contacts", t(Msg::Capture(CaptureMsg::LabelContacts)), true, contacts),
            input("next", t(Msg::Capture(CaptureMsg::LabelNext)), true, next),
            input("due", t(Msg::Capture(CaptureMsg::LabelDue)), true, due),
            input("tone", t(Msg::Capture(CaptureMsg::LabelTone)), true, tone),
        ],
    })
}

/// The fields a submitted modal holds (`view.state.values`): every field shown, so an empty one
/// clears what the draft had.
pub fn fields_of(state: &Value, new: bool) -> FormFields {
    let element = |block: &str| &state["values"][block][block];
    let typed = |block: &str| Some(element(block)["value"].as_str().unwrap_or_default().to_string());
    let chosen =
        |block: &str| Some(element(block)["selected_option"]["value"].as_str().unwrap_or_default().to_string());
    let date = |block: &str| Some(element(block)["selected_date"].as_str().unwrap_or_default().to_string());
    let contacts = element("contacts")["selected_options"]
        .as_array()
        .map(|options| {
            options.iter().take(MAX_FORM_CONTACTS + 1).filter_map(|o| o["value"].as_str().map(str::to_string)).collect()
        })
        .unwrap_or_default();
    FormFields {
        new,
        account: chosen("account"),
        kind: chosen("kind"),
        when: date("when"),
        contacts: Some(contacts),
        next: typed("next"),
        due: date("due"),
        tone: chosen("tone"),
        summary: typed("summary"),
    }
}

/// Opens the form with `views.open` (the trigger is good for 3 seconds). `Err(Some(reply))`:
/// the form cannot be opened for this person (a draft not theirs, expired), answer that instead;
/// `Err(None)`: Slack refused to open it (logged), answer as without forms.
pub async fn open(
    core: &Core,
    poster: &SlackNotifier,
    invocation: &Invocation,
    trigger_id: &str,
    draft: Option<i64>,
    channel: Option<&str>,
) -> Result<(), Option<Reply>> {
    let view = core.form(invocation, draft).await.map_err(Some)?;
    let modal = modal(&view, channel);
    poster.open_view(trigger_id, modal).await.map_err(|e| {
        warn!(error = %e, "Slack would not open the logging form");
        None
    })
}

/// `/log` alone (or `/kam log`) opens the form while the command's trigger is fresh. `Err(None)`:
/// not that command, or Slack would not open it: answer the command as usual.
pub async fn open_for_command(
    core: &Core,
    directory: Option<&Directory>,
    poster: &SlackNotifier,
    event: &SlackCommandEvent,
    user_name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), Option<Reply>> {
    if !super::commands::opens_form(event) {
        return Err(None);
    }
    let source = format!("command:{}", event.trigger_id);
    let inv = invocation(core, directory, event.team_id.as_ref(), event.user_id.as_ref(), user_name, now, source).await;
    let channel = event.channel_id.to_string();
    open(core, poster, &inv, event.trigger_id.as_ref(), None, Some(&channel)).await
}

/// The draft a press of Edit stands for (`run:/edit --draft 12`): the form opens instead.
pub fn edits(press: &Press) -> Option<i64> {
    press.value.strip_prefix("run:/edit --draft ")?.trim().parse().ok()
}

/// What the view carries from where it was opened.
fn metadata_of(view: &Value) -> Metadata {
    let metadata = view["private_metadata"].as_str().filter(|m| m.len() <= METADATA);
    metadata.and_then(|m| serde_json::from_str(m).ok()).unwrap_or_default()
}

/// What a form's request is answered with.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The options of a picker, or the fields sent back with what is wrong.
    With(Value),
    /// Done: the form closes.
    Empty,
}

/// Answers what a form sends: the options a picker loads (`block_suggestion`) and a submission
/// (`view_submission`). `None`: not a request of a form that can be read.
pub async fn interact(
    core: &Core,
    directory: Option<&Directory>,
    poster: Option<Arc<SlackNotifier>>,
    payload: &Value,
    now: DateTime<Utc>,
) -> Option<Answer> {
    let str_of = |v: &Value| v.as_str().map(str::to_string);
    let team = str_of(&payload["team"]["id"]).or_else(|| str_of(&payload["user"]["team_id"]))?;
    let user = str_of(&payload["user"]["id"])?;
    match payload["type"].as_str()? {
        "block_suggestion" => {
            let typed = truncate(payload["value"].as_str().unwrap_or_default(), 100);
            let workspace = workspace_key(&team);
            let names = match payload["action_id"].as_str()? {
                "account" => core.suggest(&workspace, ArgType::Account, &typed, OPTIONS).await,
                "contacts" => {
                    let state = &payload["view"]["state"]["values"]["account"]["account"];
                    let opened_with = metadata_of(&payload["view"]).account.unwrap_or_default();
                    let account = state["selected_option"]["value"].as_str().unwrap_or(&opened_with);
                    if account.is_empty() {
                        Vec::new()
                    } else {
                        core.suggest_contacts(&workspace, account, &typed, OPTIONS).await
                    }
                }
                _ => Vec::new(),
            };
            let options: Vec<Value> = names.iter().take(OPTIONS).map(|n| option(n, n)).collect();
            Some(Answer::With(json!({ "options": options })))
        }
        "view_submission" => {
            let view = &payload["view"];
            if view["callback_id"].as_str() != Some(CALLBACK_ID) {
                return None;
            }
            let metadata = metadata_of(view);
            let source = format!("view:{}", view["id"].as_str().unwrap_or_default());
            let user_name = str_of(&payload["user"]["name"]).or_else(|| str_of(&payload["user"]["username"]));
            let inv = invocation(core, directory, &team, &user, user_name.as_deref(), now, source).await;
            let fields = fields_of(&view["state"], metadata.draft.is_none());
            let reply = core.submit_form(&inv, metadata.draft, fields).await;
            if !reply.invalid.is_empty() {
                let errors: serde_json::Map<String, Value> = reply
                    .invalid
                    .iter()
                    .map(|(field, why)| (field.clone(), json!(truncate(why, PLACEHOLDER))))
                    .collect();
                return Some(Answer::With(json!({"response_action": "errors", "errors": errors})));
            }
            if reply.is_error() {
                // Refused as a whole (a draft gone meanwhile): shown on the form's first field.
                let why = reply.lines.first().cloned().unwrap_or_default();
                let errors = json!({"account": truncate(&why, PLACEHOLDER)});
                return Some(Answer::With(json!({"response_action": "errors", "errors": errors})));
            }
            // Logged: said where the form was opened, to its author, after Slack has its answer.
            match (poster, metadata.channel) {
                (Some(poster), Some(channel)) => {
                    crate::lifecycle::spawn(async move {
                        if let Err(e) = poster.answer_in(&channel, Some(&user), &reply).await {
                            warn!(error = %e, "cannot answer a submitted Slack form");
                        }
                    });
                }
                _ => debug!("a Slack form submitted with nowhere to answer"),
            }
            Some(Answer::Empty)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use slack_morphism::prelude::*;

    fn submission() -> Value {
        json!({
            "type": "view_submission",
            "team": {"id": "T1", "domain": "acme"},
            "user": {"id": "U1", "username": "ana", "name": "ana", "team_id": "T1"},
            "api_app_id": "A1", "token": "unused", "trigger_id": "1.2.3",
            "view": {
                "id": "V1", "team_id": "T1", "type": "modal", "blocks": [], "callback_id": CALLBACK_ID,
                "private_metadata": "{\"channel\":\"C1\",\"draft\":7}", "hash": "1",
                "title": {"type": "plain_text", "text": "Log"},
                "state": {"values": {
                    "account": {"account": {"type": "external_select", "selected_option": {"text": {"type": "plain_text", "text": "Vale"}, "value": "Vale"}}},
                    "kind": {"kind": {"type": "static_select", "selected_option": {"text": {"type": "plain_text", "text": "Call"}, "value": "call"}}},
                    "summary": {"summary": {"type": "plain_text_input", "value": "ligação"}},
                    "when": {"when": {"type": "datepicker", "selected_date": "2026-11-26"}},
                    "contacts": {"contacts": {"type": "multi_external_select", "selected_options": [
                        {"text": {"type": "plain_text", "text": "João Ferreira"}, "value": "João Ferreira"}]}},
                    "next": {"next": {"type": "plain_text_input", "value": null}},
                    "due": {"due": {"type": "datepicker", "selected_date": null}},
                    "tone": {"tone": {"type": "static_select", "selected_option": null}}
                }}
            }
        })
    }

    /// What Socket Mode hands over went through slack-morphism's types: a submission reads the same.
    #[test]
    fn a_submission_reads_the_same_over_http_and_socket_mode() {
        let payload = submission();
        let over_http = fields_of(&payload["view"]["state"], false);
        assert_eq!(over_http.account.as_deref(), Some("Vale"));
        assert_eq!(over_http.kind.as_deref(), Some("call"));
        assert_eq!(over_http.contacts, Some(vec!["João Ferreira".to_string()]));
        // Empty fields clear what the draft had.
        assert_eq!(
            (over_http.next.as_deref(), over_http.due.as_deref(), over_http.tone.as_deref()),
            (Some(""), Some(""), Some(""))
        );
        let typed: SlackInteractionEvent = serde_json::from_value(payload.clone()).expect("slack-morphism reads it");
        let back = serde_json::to_value(&typed).unwrap();
        assert_eq!(fields_of(&back["view"]["state"], false), over_http);
        assert_eq!(back["view"]["private_metadata"], payload["view"]["private_metadata"]);
        assert_eq!(back["view"]["callback_id"], CALLBACK_ID);
        assert_eq!(back["view"]["id"], "V1");
    }

    /// The answers a form gets are ones slack-morphism can send back over Socket Mode unchanged.
    #[test]
    fn form_answers_fit_socket_modes_acknowledgement() {
        for answer in [
            json!({"response_action": "errors", "errors": {"due": "Too early."}}),
            json!({"options": [{"text": {"type": "plain_text", "text": "Vale"}, "value": "Vale"}]}),
        ] {
            let typed: SlackInteractionResponse = serde_json::from_value(answer.clone()).expect("a known answer");
            assert_eq!(serde_json::to_value(&typed).unwrap(), answer);
        }
    }

    /// The modal in both languages is a view slack-morphism holds, within Slack's limits.
    #[test]
    fn the_modal_is_a_slack_view_in_both_languages() {
        for locale in [crate::i18n::Locale::En, crate::i18n::Locale::PtBr] {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
            let fields = FormFields {
                account: Some("A".repeat(300)),
                contacts: Some((0..40).map(|i| format!("Contato {i}")).collect()),
                due: Some("31/12/2026".into()),
                tone: Some("negative".into()),
                kind: Some("call".into()),
                ..FormFields::default()
            };
            let kinds =
                crate::domain::kind::InteractionKind::ALL.iter().map(|k| (k.code(), k.code().to_string())).collect();
            let view = FormView { draft: Some(3), fields, kinds, locale, today };
            let modal = modal(&view, Some("C1"));
            let _: SlackView = serde_json::from_value(modal.clone()).expect("slack-morphism holds it");
            for key in ["title", "submit", "close"] {
                assert!(modal[key]["text"].as_str().unwrap().chars().count() <= TITLE, "{key}: {}", modal[key]);
            }
            let account = &modal["blocks"][0]["element"]["initial_option"];
            assert!(account["text"]["text"].as_str().unwrap().chars().count() <= OPTION_TEXT);
            assert!(account["value"].as_str().unwrap().chars().count() <= OPTION_VALUE);
            assert_eq!(modal["blocks"][4]["element"]["initial_options"].as_array().unwrap().len(), MAX_FORM_CONTACTS);
            assert_eq!(modal["blocks"][6]["element"]["initial_date"], "2026-12-31");
            assert_eq!(modal["blocks"][7]["element"]["initial_option"]["value"], "negative");
            assert_eq!(modal["blocks"][3]["element"]["initial_date"], "2026-11-27", "an empty date is today");
        }
    }
}
