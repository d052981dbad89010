//! Discord's logging form: Edit under a preview opens a modal (response type 9) with the draft's
//! fields as text inputs, and its submission (interaction type 5) is logged through the core or
//! refused, privately, naming each field that is wrong. Discord's modals hold at most five
//! inputs and cannot mark a field, so when, tone and summary stay as the draft has them.

use crate::i18n::Translate;
use serenity::builder::{CreateActionRow, CreateInputText, CreateInteractionResponse, CreateModal};
use serenity::model::application::{ActionRowComponent, InputTextStyle, ModalInteraction};

use crate::core::catalog::{MAX_NAME_CHARS, MAX_NEXT_STEP_CHARS};
use crate::core::form::{FormFields, FormView, MAX_FORM_CONTACTS};
use crate::core::{Core, Invocation, Reply};
use crate::domain::text::truncate;
use crate::i18n::{CaptureMsg, Msg};

/// The modal's custom id is `form:<draft number>`.
const PREFIX: &str = "form:";

/// Discord's limits: a modal's title and an input's label (45), a placeholder (100), what an
/// input holds (4 000), inputs in a modal (5).
const TITLE: usize = 45;
const LABEL: usize = 45;
const PLACEHOLDER: usize = 100;
const CONTACTS_CHARS: usize = 1000;

/// The draft a press of Edit stands for (`run:/edit --draft 12`).
pub fn edits(custom_id: &str) -> Option<i64> {
    custom_id.strip_prefix("run:/edit --draft ")?.trim().parse().ok()
}

/// The draft a submitted modal was opened for.
pub fn submits(custom_id: &str) -> Option<i64> {
    custom_id.strip_prefix(PREFIX)?.parse().ok().filter(|n: &i64| *n > 0)
}

fn input(
    id: &str,
    label: String,
    value: Option<&str>,
    max: usize,
    required: bool,
    hint: Option<String>,
) -> CreateActionRow {
    let style = if id == "next" { InputTextStyle::Paragraph } else { InputTextStyle::Short };
    let mut text = CreateInputText::new(style, truncate(&label, LABEL), id)
        .required(required)
        .max_length(u16::try_from(max).unwrap_or(4000));
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        text = text.value(truncate(value, max));
    }
    if let Some(hint) = hint {
        text = text.placeholder(truncate(&hint, PLACEHOLDER));
    }
    CreateActionRow::InputText(text)
}

/// The modal filled from a draft: account, kind, contacts, next step, its due date.
pub fn modal(view: &FormView) -> CreateModal {
    let t = |m: CaptureMsg| view.locale.t(Msg::Capture(m));
    let f = &view.fields;
    let kind = f.kind.as_deref().and_then(|k| view.kinds.iter().find(|(code, _)| *code == k)).map(|(_, w)| w.as_str());
    let contacts = f.contacts.as_ref().map(|c| c.join(", "));
    CreateModal::new(format!("{PREFIX}{}", view.draft.unwrap_or_default()), truncate(&t(CaptureMsg::FormTitle), TITLE))
        .components(vec![
            input("account", t(CaptureMsg::LabelAccount), f.account.as_deref(), MAX_NAME_CHARS, true, None),
            input("kind", t(CaptureMsg::LabelKind), kind, 60, true, None),
            input("contacts", t(CaptureMsg::LabelContacts), contacts.as_deref(), CONTACTS_CHARS, false, None),
            input("next", t(CaptureMsg::LabelNext), f.next.as_deref(), MAX_NEXT_STEP_CHARS, false, None),
            input("due", t(CaptureMsg::LabelDue), f.due.as_deref(), 40, false, Some(t(CaptureMsg::FormDateHint))),
        ])
}

/// The response to Edit: the modal, or the refusal (a draft not the presser's, expired), private.
pub async fn open(core: &Core, invocation: &Invocation, draft: i64) -> CreateInteractionResponse {
    match core.form(invocation, Some(draft)).await {
        Ok(view) => CreateInteractionResponse::Modal(modal(&view)),
        Err(refused) => CreateInteractionResponse::Message(super::render::response_message(&refused.ephemeral())),
    }
}

/// The fields of a submitted modal; an input left empty clears the draft's value.
pub fn fields_of(modal: &ModalInteraction) -> FormFields {
    let mut fields = FormFields::default();
    for component in modal.data.components.iter().flat_map(|row| row.components.iter()).take(5) {
        let ActionRowComponent::InputText(input) = component else { continue };
        let value = input.value.clone().unwrap_or_default();
        match input.custom_id.as_str() {
            "account" => fields.account = Some(value),
            "kind" => fields.kind = Some(value),
            "contacts" => {
                let names = value.split([',', ';', '\n']).map(str::trim).filter(|n| !n.is_empty());
                fields.contacts = Some(names.take(MAX_FORM_CONTACTS + 1).map(str::to_string).collect());
            }
            "next" => fields.next = Some(value),
            "due" => fields.due = Some(value),
            _ => {}
        }
    }
    fields
}

/// Logs a submitted modal, or says privately which fields are wrong (Discord cannot mark them).
pub async fn submitted(core: &Core, invocation: &Invocation, modal: &ModalInteraction) -> Reply {
    let locale = invocation.locale.unwrap_or_default();
    // A modal of another app or an older form: nothing to log.
    let Some(draft) = submits(&modal.data.custom_id) else {
        return Reply::error(locale.t(Msg::Capture(CaptureMsg::NoOpenDraft)));
    };
    let reply = core.submit_form(invocation, Some(draft), fields_of(modal)).await;
    if reply.invalid.is_empty() {
        return reply;
    }
    let label = |field: &str| match field {
        "account" => CaptureMsg::LabelAccount,
        "kind" => CaptureMsg::LabelKind,
        "contacts" => CaptureMsg::LabelContacts,
        "next" => CaptureMsg::LabelNext,
        _ => CaptureMsg::LabelDue,
    };
    let mut shown = Reply::error(reply.locale.t(Msg::Capture(CaptureMsg::FormNotLogged))).in_locale(reply.locale);
    for (field, why) in &reply.invalid {
        shown = shown.line(format!("• {}: {why}", reply.locale.t(Msg::Capture(label(field)))));
    }
    shown.line(reply.locale.t(Msg::Capture(CaptureMsg::FormKept)))
}
