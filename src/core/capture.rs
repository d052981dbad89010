//! Capture: a free sentence read against the workspace's accounts and contacts into a [`Draft`],
//! the preview of it with Confirm, Edit and Cancel, and the interaction a confirmed draft logs.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, SubsecRound, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::context::Context;
use super::error::CommandError;
use super::reply::{Reply, Tone};
use crate::domain::capture::{self, Amount, Owner, Sentence, Step};
use crate::domain::kind::InteractionKind;
use crate::domain::matching;
use crate::domain::text::{fold, quoted};
use crate::i18n::{CaptureMsg, LogMsg, Msg, format_day, format_money};
use crate::store::{ContactRow, Store, StoreError};

/// How long a draft waits for its author.
pub const DRAFT_MINUTES: i64 = 30;
/// At most this many accounts or contacts are offered to choose from.
pub const MAX_CHOICES: usize = 5;

/// Something of the workspace the sentence named, and the words it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: i64,
    pub name: String,
    pub words: String,
}

/// Words that named several contacts: ask which.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub words: String,
    pub choices: Vec<Named>,
}

/// What a sentence was read as: an interaction waiting to be confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub sentence: String,
    pub account: Option<Named>,
    /// When the account is not certain: the candidates, best first.
    #[serde(default)]
    pub account_choices: Vec<Named>,
    pub kind: InteractionKind,
    pub kind_words: Option<String>,
    #[serde(default)]
    pub contacts: Vec<Named>,
    #[serde(default)]
    pub contact_question: Option<Question>,
    pub day: NaiveDate,
    pub day_words: Option<String>,
    pub future: Option<(NaiveDate, String)>,
    #[serde(default)]
    pub steps: Vec<Step>,
    pub tone: Option<i64>,
    pub tone_words: Option<String>,
    pub amount: Option<Amount>,
}

/// Reads a sentence into a draft. Nothing is written.
pub async fn read(store: &Store, ctx: &Context, text: &str) -> Result<Draft, StoreError> {
    read_for(store, ctx, text, None).await
}

/// Reads a sentence into a draft for the account given, or the one it names.
pub async fn read_for(store: &Store, ctx: &Context, text: &str, given: Option<Named>) -> Result<Draft, StoreError> {
    let today = ctx.today();
    let sentence = Sentence::new(text);
    // First pass without contacts: which words are dates, kinds, amounts and steps.
    let first = capture::read(&sentence, today, &|_| None);
    let (account, account_choices) = match given {
        Some(account) => (Some(account), Vec::new()),
        None => find_account(store, ctx.workspace.id, &sentence, &first.taken).await?,
    };

    // The account's contacts named in the sentence, then the reading again, knowing who they are.
    let mut contacts = Vec::new();
    let mut question = None;
    let mut named_at: BTreeMap<usize, String> = BTreeMap::new();
    if let Some(account) = &account {
        let known = store.contacts_of(ctx.workspace.id, account.id).await?;
        let account_words: Vec<String> = crate::domain::text::words(&fold(&account.name)).map(str::to_string).collect();
        for found in find_contacts(&sentence, &known, &first.taken, &account_words) {
            match found {
                ContactHit::One(at, named) => {
                    named_at.insert(at, named.name.clone());
                    if !first.in_step.get(at).copied().unwrap_or(false)
                        && !contacts.iter().any(|c: &Named| c.id == named.id)
                    {
                        contacts.push(named);
                    }
                }
                ContactHit::Several(words, choices) => {
                    question.get_or_insert(Question { words, choices });
                }
            }
        }
    }
    let reading = capture::read(&sentence, today, &|at| named_at.get(&at).cloned());
    let (kind, kind_words) = match reading.kind {
        Some((kind, words)) => (kind, Some(words)),
        None => (InteractionKind::Note, None),
    };
    let (day, day_words) = match reading.day {
        Some((day, words)) => (day, Some(words)),
        None => (today, None),
    };
    Ok(Draft {
        sentence: text.trim().to_string(),
        account,
        account_choices,
        kind,
        kind_words,
        contacts,
        contact_question: question,
        day,
        day_words,
        future: reading.future,
        steps: reading.steps,
        tone: reading.tone.as_ref().map(|t| t.0),
        tone_words: reading.tone.map(|t| t.1),
        amount: reading.amount,
    })
}

/// The account a sentence names: one name or alias found among its words is taken; several, or
/// only words of names, or a name misspelt, are offered to choose from, never picked.
async fn find_account(
    store: &Store,
    workspace_id: i64,
    sentence: &Sentence,
    taken: &[bool],
) -> Result<(Option<Named>, Vec<Named>), StoreError> {
    let grams = sentence.ngrams(5, taken);
    if grams.is_empty() {
        return Ok((None, Vec::new()));
    }
    let terms: Vec<&str> = grams.iter().map(|(_, _, g)| g.as_str()).collect();
    let json = serde_json::to_string(&terms).unwrap_or_else(|_| "[]".into());
    let hits = store.account_terms_in(workspace_id, &json, 50).await?;
    let words_of = |term: &str| -> String {
        grams.iter().find(|(_, _, g)| g == term).map(|(s, l, _)| sentence.written(*s, *l)).unwrap_or_default()
    };
    // Whole names and aliases: the longest wins where they overlap ("Vale do Rio Doce" over "Vale").
    let mut whole: Vec<(usize, Named)> = Vec::new();
    for hit in hits.iter().filter(|h| h.kind != "word") {
        if !whole.iter().any(|(_, n)| n.id == hit.account_id) {
            let len = hit.term.split(' ').count();
            whole.push((len, Named { id: hit.account_id, name: hit.name.clone(), words: words_of(&hit.term) }));
        }
    }
    whole.sort_by_key(|w| std::cmp::Reverse(w.0));
    // A name inside a longer one found is not a second account ("Vale" in "Vale Verde Ltda").
    let longest = whole.first().map(|(_, n)| fold(&n.words)).unwrap_or_default();
    let distinct: Vec<Named> = whole
        .iter()
        .filter(|(_, n)| n.words == whole[0].1.words || !longest.contains(&fold(&n.words)))
        .map(|(_, n)| n.clone())
        .collect();
    match distinct.len() {
        1 => return Ok((distinct.into_iter().next(), Vec::new())),
        0 => {}
        _ => return Ok((None, distinct.into_iter().take(MAX_CHOICES).collect())),
    }
    // Words of names only ("Horizonte" of "Metalúrgica Horizonte Sul"): offered, not taken.
    let words: Vec<&str> =
        grams.iter().filter(|(_, len, g)| *len == 1 && g.chars().count() >= 4).map(|(_, _, g)| g.as_str()).collect();
    let words_json = serde_json::to_string(&words).unwrap_or_else(|_| "[]".into());
    let word_hits = store.account_words_in(workspace_id, &words_json, MAX_CHOICES as i64 * 4).await?;
    let mut by_word: Vec<Named> = Vec::new();
    for hit in &word_hits {
        if !by_word.iter().any(|n| n.id == hit.account_id) {
            by_word.push(Named { id: hit.account_id, name: hit.name.clone(), words: words_of(&hit.term) });
        }
    }
    if !by_word.is_empty() {
        return Ok((None, by_word.into_iter().take(MAX_CHOICES).collect()));
    }
    // A contact's whole name ("Beatriz Almeida"): that person's accounts, offered.
    let people = store.accounts_of_contacts_named(workspace_id, &json, MAX_CHOICES as i64).await?;
    if !people.is_empty() {
        let mut offered: Vec<Named> = Vec::new();
        for hit in people {
            if !offered.iter().any(|n| n.id == hit.account_id) {
                offered.push(Named { id: hit.account_id, name: hit.name, words: words_of(&hit.term) });
            }
        }
        return Ok((None, offered));
    }
    // A misspelt name after "na", "no", "da", "do", "cliente", "at", "with": the closest names,
    // for the first two such words only (each is a search of its own).
    let mut offered = Vec::new();
    let mut searched = 0;
    for (i, word) in sentence.words.iter().enumerate().skip(1) {
        let before = sentence.words[i - 1].folded.as_str();
        if taken.get(i).copied().unwrap_or(false)
            || word.folded.chars().count() < 3
            || capture::STOP.contains(&word.folded.as_str())
            || !matches!(before, "na" | "no" | "da" | "do" | "cliente" | "at" | "with" | "pela" | "pelo" | "conta")
        {
            continue;
        }
        if searched == 2 {
            break;
        }
        searched += 1;
        // Only the closest names: a whole name, alias or name word in the sentence was looked
        // up above, so the exact and prefix reads of `/account` would find nothing more.
        let closest = crate::core::resolve::closest_accounts(store, workspace_id, &word.folded, MAX_CHOICES).await?;
        for (id, name) in closest {
            if matching::similarity(&word.folded, &fold(&name)) >= 0.6 && !offered.iter().any(|n: &Named| n.id == id) {
                offered.push(Named { id, name, words: word.text.clone() });
            }
        }
        if offered.len() >= MAX_CHOICES {
            break;
        }
    }
    Ok((None, offered))
}

enum ContactHit {
    One(usize, Named),
    Several(String, Vec<Named>),
}

/// The account's contacts the sentence names: by full name, first and last name, first name, or
/// a surname written with a capital (a lower-case `dias` is the word, not Fernanda Dias).
fn find_contacts(
    sentence: &Sentence,
    known: &[ContactRow],
    taken: &[bool],
    account_words: &[String],
) -> Vec<ContactHit> {
    let folded: Vec<Vec<String>> =
        known.iter().map(|c| crate::domain::text::words(&fold(&c.name)).map(str::to_string).collect()).collect();
    let named = |i: usize, at: usize, len: usize| Named {
        id: known[i].id,
        name: known[i].name.clone(),
        words: sentence.written(at, len),
    };
    let mut out = Vec::new();
    let mut used = vec![false; sentence.words.len()];
    let n = sentence.words.len();
    let mut at = 0;
    while at < n {
        if taken.get(at).copied().unwrap_or(false)
            || used[at]
            || capture::STOP.contains(&sentence.words[at].folded.as_str())
        {
            at += 1;
            continue;
        }
        // The longest run of words that is a contact's whole name, or its first and last names.
        let mut best: Option<(usize, Vec<usize>)> = None;
        for len in (2..=4).rev() {
            if at + len > n {
                continue;
            }
            let run: Vec<&str> = (at..at + len).map(|k| sentence.words[k].folded.as_str()).collect();
            let fits: Vec<usize> = folded
                .iter()
                .enumerate()
                .filter(|(_, name)| {
                    name.as_slice() == run
                        || (len == 2
                            && name.len() > 2
                            && name[0] == run[0]
                            && name.last().map(String::as_str) == Some(run[1]))
                })
                .map(|(i, _)| i)
                .collect();
            if !fits.is_empty() {
                best = Some((len, fits));
                break;
            }
        }
        let word = sentence.words[at].folded.as_str();
        let (len, fits) = match best {
            Some(found) => found,
            None => {
                let capital = sentence.words[at].capital;
                let fits: Vec<usize> = folded
                    .iter()
                    .enumerate()
                    .filter(|(_, name)| {
                        name.first().map(String::as_str) == Some(word)
                            || (capital && name.len() > 1 && name.last().map(String::as_str) == Some(word))
                    })
                    .map(|(i, _)| i)
                    .collect();
                (1, fits)
            }
        };
        // A word of the account's own name is the account ("Vale"), not a contact.
        if fits.is_empty() || (len == 1 && account_words.iter().any(|w| w == word)) {
            at += 1;
            continue;
        }
        for flag in used.iter_mut().skip(at).take(len) {
            *flag = true;
        }
        if fits.len() == 1 {
            out.push(ContactHit::One(at, named(fits[0], at, len)));
        } else {
            out.push(ContactHit::Several(
                sentence.written(at, len),
                fits.iter().take(MAX_CHOICES).map(|&i| named(i, at, len)).collect(),
            ));
        }
        at += len;
    }
    out
}

/// The preview of a draft: each field with the words it was read from, and what to press.
pub fn preview(ctx: &Context, number: i64, draft: &Draft) -> Reply {
    let t = |m: CaptureMsg| ctx.t(Msg::Capture(m));
    let from = |value: String, words: &Option<String>| match words {
        Some(words) => t(CaptureMsg::ReadFrom { value, words: words.clone() }),
        None => t(CaptureMsg::ByDefault { value }),
    };
    let mut reply = Reply::titled(t(CaptureMsg::DraftTitle { number })).ephemeral();
    match &draft.account {
        Some(account) => {
            reply = reply
                .inline_field(t(CaptureMsg::LabelAccount), from(account.name.clone(), &Some(account.words.clone())));
        }
        None if draft.account_choices.is_empty() => reply = reply.line(t(CaptureMsg::NoAccountNamed)),
        None => reply = reply.line(t(CaptureMsg::WhichAccount)),
    }
    reply = reply.inline_field(t(CaptureMsg::LabelKind), from(t(CaptureMsg::Kind(draft.kind)), &draft.kind_words));
    reply = reply
        .inline_field(ctx.t(Msg::Log(LogMsg::LabelWhen)), from(format_day(draft.day, ctx.locale), &draft.day_words));
    if !draft.contacts.is_empty() {
        let who: Vec<String> = draft
            .contacts
            .iter()
            .map(|c| t(CaptureMsg::ReadFrom { value: c.name.clone(), words: c.words.clone() }))
            .collect();
        reply = reply.field(t(CaptureMsg::LabelContacts), who.join(", "));
    }
    if let Some(question) = &draft.contact_question {
        reply = reply.line(t(CaptureMsg::WhichContact { words: question.words.clone() }));
    }
    for step in &draft.steps {
        let owner = match &step.owner {
            Owner::Me => t(CaptureMsg::OwnerMe),
            Owner::Customer(Some(name)) => name.clone(),
            Owner::Customer(None) => t(CaptureMsg::OwnerCustomer),
        };
        let line = t(CaptureMsg::Step { text: step.text.clone(), due: step.due, owner: Some(owner) });
        let value = match &step.due_words {
            Some(words) => t(CaptureMsg::ReadFrom { value: line, words: words.clone() }),
            None => line,
        };
        reply = reply.field(ctx.t(Msg::Log(LogMsg::LabelNextStep)), value);
    }
    if draft.steps.len() > 1 {
        reply = reply.line(t(CaptureMsg::StepsJoined));
    }
    if let Some(tone) = draft.tone {
        let value = if tone < 0 { t(CaptureMsg::ToneNegative) } else { t(CaptureMsg::TonePositive) };
        reply = reply.inline_field(t(CaptureMsg::LabelTone), from(value, &draft.tone_words));
    }
    if let Some(amount) = &draft.amount
        && let Some(currency) = crate::domain::money::Currency::parse(&amount.currency)
    {
        let money = crate::domain::money::Money { minor: amount.minor, currency };
        reply = reply.inline_field(
            t(CaptureMsg::LabelAmount),
            from(format_money(money, ctx.locale), &Some(amount.words.clone())),
        );
    }
    if let Some((day, words)) = &draft.future {
        reply = reply.line(t(CaptureMsg::FutureDay { words: words.clone(), day: *day }));
    }
    reply = reply.field(ctx.t(Msg::Log(LogMsg::LabelSummary)), draft.sentence.clone());

    // Choices first, each a row of its own; then Confirm, Edit, Cancel.
    for choice in &draft.account_choices {
        reply = reply.action_in(
            1,
            format!("run:/edit account {} --draft {number}", quoted(&choice.name)),
            choice.name.clone(),
        );
    }
    if let Some(question) = &draft.contact_question {
        for choice in &question.choices {
            let mut names: Vec<String> = draft.contacts.iter().map(|c| c.name.clone()).collect();
            names.push(choice.name.clone());
            reply = reply.action_in(
                2,
                format!("run:/edit contacts {} --draft {number}", quoted(&names.join(", "))),
                choice.name.clone(),
            );
        }
    }
    if draft.account.is_some() && draft.contact_question.is_none() {
        reply = reply.action_in(3, format!("run:/confirm {number}"), t(CaptureMsg::ConfirmButton));
    }
    reply = reply.action_in(3, format!("run:/edit --draft {number}"), t(CaptureMsg::EditButton)).action_in(
        3,
        format!("run:/cancel {number}"),
        t(CaptureMsg::CancelButton),
    );
    if let (Some(account), Some(amount)) = (&draft.account, &draft.amount) {
        let value = format!("{},{:02}", amount.minor / 100, amount.minor % 100);
        let title = draft
            .steps
            .first()
            .map(|s| s.text.clone())
            .unwrap_or_else(|| crate::domain::text::truncate(&draft.sentence, 60));
        reply = reply.action_in(
            4,
            format!("run:/opp add {} {} {value}", quoted(&account.name), quoted(&title)),
            t(CaptureMsg::AmountOffer),
        );
    }
    reply.footer(t(CaptureMsg::DraftFooter { minutes: DRAFT_MINUTES })).tone(Tone::Neutral)
}

/// When a draft expires.
pub fn expires(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::minutes(DRAFT_MINUTES)
}

/// The instant an interaction of that day is logged at: now for today, midday local time before.
pub fn occurred_at(ctx: &Context, day: NaiveDate) -> DateTime<Utc> {
    let now = ctx.now.trunc_subsecs(0);
    if day == ctx.today() {
        return now;
    }
    let noon = day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN));
    ctx.tz.from_local_datetime(&noon).earliest().map(|t| t.with_timezone(&Utc)).unwrap_or(noon.and_utc())
}

/// The interaction's one next step: the steps together, each with its owner and day, due on the
/// earliest day.
pub fn next_step(ctx: &Context, steps: &[Step]) -> (Option<String>, Option<NaiveDate>) {
    let due = steps.iter().filter_map(|s| s.due).min();
    let text: Vec<String> = steps
        .iter()
        .map(|s| {
            let text = match &s.owner {
                Owner::Customer(Some(name)) => format!("{name}: {}", s.text),
                _ => s.text.clone(),
            };
            match s.due {
                Some(d) if steps.len() > 1 => ctx.t(Msg::Capture(CaptureMsg::Step { text, due: Some(d), owner: None })),
                _ => text,
            }
        })
        .collect();
    let text = crate::domain::text::truncate(&text.join("; "), crate::core::catalog::MAX_NEXT_STEP_CHARS);
    (if steps.is_empty() { None } else { Some(text) }, due)
}

/// The commitments a draft's steps become, each with its own day, held by the author (a step the
/// customer took on names them and is the author's to follow up).
pub fn commitments(steps: &[Step], author: i64) -> Vec<crate::store::NewCommitment> {
    steps
        .iter()
        .map(|s| {
            let text = match &s.owner {
                Owner::Customer(Some(name)) => format!("{name}: {}", s.text),
                _ => s.text.clone(),
            };
            let text = crate::domain::text::truncate(&text, crate::core::catalog::MAX_NEXT_STEP_CHARS);
            crate::store::NewCommitment { text, due_on: s.due, owner_id: author }
        })
        .collect()
}

/// Refuses a sentence too long to read.
pub fn check_length(text: &str) -> Result<(), CommandError> {
    if text.chars().count() > capture::MAX_SENTENCE_CHARS {
        return Err(Msg::Capture(CaptureMsg::SentenceTooLong { max: capture::MAX_SENTENCE_CHARS }).into());
    }
    Ok(())
}

/// Why a draft cannot be acted on now, if it cannot: another person's, settled or expired.
pub fn usable(ctx: &Context, row: &crate::store::DraftRow) -> Result<Draft, CommandError> {
    let number = row.number;
    if row.author_id != ctx.person.id {
        return Err(Msg::Capture(CaptureMsg::NotYourDraft { number }).into());
    }
    match row.state.as_str() {
        "confirmed" => {
            let interaction = row.interaction.unwrap_or_default();
            return Err(Msg::Capture(CaptureMsg::DraftAlreadyLogged { number, interaction }).into());
        }
        "cancelled" => return Err(Msg::Capture(CaptureMsg::DraftWasCancelled { number }).into()),
        _ => {}
    }
    if row.expires_at <= ctx.now {
        return Err(Msg::Capture(CaptureMsg::DraftExpired { number }).into());
    }
    serde_json::from_str(&row.body)
        .map_err(|e| CommandError::Internal(anyhow::anyhow!("draft {} cannot be read back: {e}", row.id)))
}

/// The refusal when no draft answers to the number (or the person has none open).
pub fn missing(number: Option<i64>) -> CommandError {
    match number {
        Some(number) => Msg::Capture(CaptureMsg::NoSuchDraft { number }).into(),
        None => Msg::Capture(CaptureMsg::NoOpenDraft).into(),
    }
}
