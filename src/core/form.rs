//! The form a front end shows for logging (a Slack modal, a Discord modal): its fields filled
//! from a draft, and a submitted form applied to a draft with the rules `/edit` and `/log` use,
//! each field's mistake kept apart so it can be shown next to the field.

use serde::{Deserialize, Serialize};

use super::capture::Draft;
use super::commands::edit;
use super::context::Context;
use super::error::CommandError;
use crate::core::catalog::MAX_SUMMARY_CHARS;
use crate::domain::kind::InteractionKind;
use crate::i18n::{CaptureMsg, Msg};
use crate::store::Store;

/// The fields of a submitted form. `None` keeps the draft's value (the front end did not show
/// the field); `Some("")` clears it, where clearing means something.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormFields {
    /// A form opened empty (`/log` alone), not from a draft.
    pub new: bool,
    pub account: Option<String>,
    /// A kind's code (`meeting`) or a word for it in either language.
    pub kind: Option<String>,
    pub when: Option<String>,
    pub contacts: Option<Vec<String>>,
    pub next: Option<String>,
    pub due: Option<String>,
    /// `positive`, `neutral`, `negative` (or their words).
    pub tone: Option<String>,
    pub summary: Option<String>,
}

/// What a front end needs to show the form: the fields, the kinds to offer, the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormView {
    /// The draft the form was filled from.
    pub draft: Option<i64>,
    pub fields: FormFields,
    pub kinds: Vec<(&'static str, String)>,
    pub locale: crate::i18n::Locale,
    /// The reader's today, where dates left empty start.
    pub today: chrono::NaiveDate,
}

/// The order fields are applied in: the summary first (the account re-reads it), the account
/// before its contacts, the next step before its due date.
const ORDER: [&str; 8] = ["summary", "account", "kind", "when", "contacts", "next", "due", "tone"];

/// At most this many contacts in one form.
pub const MAX_FORM_CONTACTS: usize = 20;

impl FormFields {
    fn value(&self, field: &str) -> Option<String> {
        match field {
            "summary" => self.summary.clone(),
            "account" => self.account.clone(),
            "kind" => self.kind.clone(),
            "when" => self.when.clone(),
            "contacts" => self.contacts.as_ref().map(|names| names.join(", ")),
            "next" => self.next.clone(),
            "due" => self.due.clone(),
            "tone" => self.tone.clone(),
            _ => None,
        }
    }

    /// The form showing a draft: names, codes and dates as a person would type them.
    /// Dates as the reader writes them (`27/11/2026`, `2026-11-27`), which `read_date` reads back.
    pub fn of(ctx: &Context, draft: &Draft) -> FormFields {
        let pattern = if ctx.locale == crate::i18n::Locale::En { "%Y-%m-%d" } else { "%d/%m/%Y" };
        let date = |d: chrono::NaiveDate| d.format(pattern).to_string();
        let step = draft.steps.first();
        FormFields {
            new: false,
            account: draft.account.as_ref().map(|a| a.name.clone()),
            kind: Some(draft.kind.code().to_string()),
            when: Some(date(draft.day)),
            contacts: Some(draft.contacts.iter().map(|c| c.name.clone()).collect()),
            next: step.map(|s| s.text.clone()),
            due: step.and_then(|s| s.due).map(date),
            tone: draft.tone.map(|t| if t < 0 { "negative" } else { "positive" }.to_string()),
            summary: Some(draft.sentence.clone()),
        }
    }
}

/// A draft with nothing read yet, for a form opened empty.
pub fn blank(ctx: &Context) -> Draft {
    Draft {
        sentence: String::new(),
        account: None,
        account_choices: Vec::new(),
        kind: InteractionKind::Note,
        kind_words: None,
        contacts: Vec::new(),
        contact_question: None,
        day: ctx.today(),
        day_words: None,
        future: None,
        steps: Vec::new(),
        tone: None,
        tone_words: None,
        amount: None,
    }
}

/// Applies a submitted form to a draft. What is wrong comes back field by field (the field's
/// code and the line saying why), in the order of the form; a store failure is an error.
pub async fn fill(
    store: &Store,
    ctx: &Context,
    draft: &mut Draft,
    form: &FormFields,
) -> Result<Vec<(String, String)>, CommandError> {
    let mut invalid: Vec<(String, String)> = Vec::new();
    let mut refuse = |field: &str, msg: Msg| invalid.push((field.to_string(), ctx.t(msg)));
    let mut account_failed = false;
    for field in ORDER {
        let Some(value) = form.value(field) else { continue };
        let value = value.trim().to_string();
        if field == "contacts" && form.contacts.as_ref().is_some_and(|c| c.len() > MAX_FORM_CONTACTS) {
            refuse(field, Msg::Capture(CaptureMsg::FormTooMany { max: MAX_FORM_CONTACTS }));
            continue;
        }
        if value.chars().count() > MAX_SUMMARY_CHARS {
            refuse(field, Msg::Capture(CaptureMsg::FormTooLong { max: MAX_SUMMARY_CHARS }));
            account_failed |= field == "account";
            continue;
        }
        if value.is_empty() {
            match field {
                "summary" | "account" | "kind" => {
                    refuse(field, Msg::Capture(CaptureMsg::FormRequired));
                    account_failed |= field == "account";
                }
                "when" => {
                    draft.day = ctx.today();
                    draft.day_words = None;
                    draft.future = None;
                }
                "contacts" => {
                    draft.contacts.clear();
                    draft.contact_question = None;
                }
                "next" => draft.steps.clear(),
                "due" => {
                    if let Some(step) = draft.steps.first_mut() {
                        step.due = None;
                        step.due_words = None;
                    }
                }
                _ => {
                    draft.tone = None;
                    draft.tone_words = None;
                }
            }
            continue;
        }
        if field == "contacts" && account_failed {
            continue;
        }
        // Unchanged values are not read again: a name or a date shown on the form stays as read.
        if field == "account" && draft.account.as_ref().is_some_and(|a| a.name == value) {
            continue;
        }
        let kind = if field == "kind" { InteractionKind::from_code(&value) } else { None };
        let outcome = match kind {
            Some(kind) => {
                draft.kind = kind;
                draft.kind_words = None;
                Ok(())
            }
            None => edit::apply(store, ctx, draft, field, &value).await,
        };
        match outcome {
            Ok(()) => {}
            Err(CommandError::User(msg)) => {
                refuse(field, msg);
                account_failed |= field == "account";
            }
            Err(other) => return Err(other),
        }
    }
    // What a log cannot go without, when the form left it out.
    for (field, missing) in [("summary", draft.sentence.trim().is_empty()), ("account", draft.account.is_none())] {
        if missing && !invalid.iter().any(|(f, _)| f == field) {
            invalid.push((field.to_string(), ctx.t(Msg::Capture(CaptureMsg::FormRequired))));
        }
    }
    invalid.sort_by_key(|(field, _)| ORDER.iter().position(|f| f == field));
    Ok(invalid)
}

/// The kinds a form offers, as (code, the reader's word).
pub fn kinds(ctx: &Context) -> Vec<(&'static str, String)> {
    InteractionKind::ALL.iter().map(|k| (k.code(), ctx.t(Msg::Capture(CaptureMsg::Kind(*k))))).collect()
}
