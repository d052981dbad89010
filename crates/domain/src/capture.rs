//! Reading a salesperson's free sentence into the parts of an interaction, without I/O: its words,
//! the kind, when it happened, the next steps it commits to (with due day and owner), the tone
//! and an amount. Accounts and contacts are matched against the workspace's by the core, on the
//! word n-grams this reader offers ([`Sentence::ngrams`]).
//!
//! Chat writing is informal: lower case, missing accents, abbreviations (`vc`, `pq`, `pra`, `hj`),
//! English and Portuguese mixed. Every word is folded (lower case, no accents) and abbreviations
//! are read as their words before anything is matched.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::{Lean, read_date};
use crate::kind::InteractionKind;
use crate::text::fold;

/// The longest sentence read, in characters; a longer one is refused before it is read.
pub const MAX_SENTENCE_CHARS: usize = 2000;
/// At most this many words are read: a sentence is a message, not a document.
pub const MAX_WORDS: usize = 300;
/// At most this many next steps are taken from one sentence.
pub const MAX_STEPS: usize = 5;

/// One word of the sentence: as written (its punctuation taken off) and folded for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub folded: String,
    /// Written with a capital first letter (a name, most likely).
    pub capital: bool,
    /// Followed by `,`, `;`, `.`, `!`, `?`, `:` or a dash: a clause ends here.
    pub ends_clause: bool,
}

/// The words of a sentence, with what the reader found among them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub words: Vec<Word>,
}

/// Who a next step is for: the person writing, or the customer (one of their people, or unnamed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "who", content = "name")]
pub enum Owner {
    Me,
    Customer(Option<String>),
}

/// A next step the sentence commits to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub text: String,
    pub due: Option<NaiveDate>,
    /// The words the due day was read from (`até sexta`).
    pub due_words: Option<String>,
    pub owner: Owner,
    /// The words the step was read from, as written.
    pub words: String,
}

/// An amount named in the sentence, in minor units (centavos, cents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    pub minor: i64,
    pub currency: String,
    pub words: String,
}

/// What the reader found, besides the account and the contacts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub kind: Option<(InteractionKind, String)>,
    /// The day it happened and the words it was read from; `None` means today.
    pub day: Option<(NaiveDate, String)>,
    /// A day named outside any next step that lies ahead: a meeting to book, not one held.
    pub future: Option<(NaiveDate, String)>,
    pub steps: Vec<Step>,
    /// -1 negative, 1 positive, with the words.
    pub tone: Option<(i64, String)>,
    pub amount: Option<Amount>,
    /// Which words are parts of a next step (by index): contacts named there are not participants.
    pub in_step: Vec<bool>,
    /// Which words were read as a date, a kind or an amount: they name no account or contact.
    pub taken: Vec<bool>,
}

/// Abbreviations of chat writing, read as the words they stand for.
fn expand(folded: &str) -> &str {
    match folded {
        "vc" | "vcs" => "voce",
        "pq" => "porque",
        "qdo" | "qnd" | "qndo" => "quando",
        "tb" | "tbm" => "tambem",
        "msg" | "msgs" => "mensagem",
        "pra" | "pro" | "p" => "para",
        "hj" => "hoje",
        "amnh" | "amn" => "amanha",
        "q" => "que",
        "n" => "nao",
        "dps" => "depois",
        "prox" => "proxima",
        "cli" => "cliente",
        "reuni" => "reuniao",
        "lig" => "ligacao",
        "zap" | "wpp" | "whats" | "wa" => "whatsapp",
        "ctt" => "contato",
        "c" => "com",
        other => other,
    }
}

impl Sentence {
    /// Splits a sentence into words. Bounded: at most [`MAX_WORDS`] words are kept.
    pub fn new(text: &str) -> Sentence {
        let mut words = Vec::new();
        for raw in text.split_whitespace().take(MAX_WORDS) {
            let ends_clause = raw.ends_with([',', ';', '.', '!', '?', ':']) || matches!(raw, "-" | "–" | "—");
            // "R$2,5" and "10/12" keep their inner marks; outer punctuation goes.
            let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '$');
            if trimmed.is_empty() {
                if ends_clause && let Some(last) = words.last_mut() {
                    let last: &mut Word = last;
                    last.ends_clause = true;
                }
                continue;
            }
            // Dates written out keep their marks ("25/11", "10.12.2026"); other words are folded.
            let written_date = trimmed.starts_with(|c: char| c.is_ascii_digit())
                && trimmed.contains(['/', '-', '.'])
                && trimmed.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'/' | b'-' | b'.'));
            let folded = if written_date { trimmed.to_string() } else { fold(trimmed) };
            // "e-mail" folds to two words; "I'll" to "i ll": kept as one word of the sentence.
            let folded = match folded.as_str() {
                "e mail" => "email".to_string(),
                "i ll" => "ill".to_string(),
                "we ll" => "well".to_string(),
                other if written_date => other.to_string(),
                other => expand(&other.replace(' ', "")).to_string(),
            };
            let capital = trimmed.chars().next().is_some_and(char::is_uppercase);
            words.push(Word { text: trimmed.to_string(), folded, capital, ends_clause });
        }
        Sentence { words }
    }

    /// The folded word n-grams of up to `max` words, with where each starts and how long it is:
    /// what account names and aliases are looked up by. Words read as something else are skipped.
    pub fn ngrams(&self, max: usize, taken: &[bool]) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        for start in 0..self.words.len() {
            for len in 1..=max {
                let end = start + len;
                if end > self.words.len() || (start..end).any(|i| taken.get(i).copied().unwrap_or(false)) {
                    break;
                }
                if len == 1 && STOP.contains(&self.words[start].folded.as_str()) {
                    continue;
                }
                let gram: Vec<&str> = self.words[start..end].iter().map(|w| w.folded.as_str()).collect();
                out.push((start, len, gram.join(" ")));
                if self.words[end - 1].ends_clause {
                    break;
                }
            }
        }
        out
    }

    /// The words from `start` for `len`, as written.
    pub fn written(&self, start: usize, len: usize) -> String {
        self.words[start..(start + len).min(self.words.len())]
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn folded(&self, i: usize) -> &str {
        self.words.get(i).map(|w| w.folded.as_str()).unwrap_or("")
    }
}

/// Words that name nothing by themselves: never an account or a contact alone.
pub const STOP: &[&str] = &[
    "a", "o", "as", "os", "e", "de", "da", "do", "das", "dos", "na", "no", "nas", "nos", "em", "com", "para", "por",
    "pela", "pelo", "um", "uma", "que", "se", "ele", "ela", "eles", "elas", "eu", "nos", "voce", "me", "mais", "mas",
    "ja", "hoje", "ontem", "amanha", "foi", "ser", "ter", "tem", "vai", "vou", "sobre", "cliente", "the", "an", "and",
    "of", "to", "at", "with", "on", "in", "for", "is", "we", "i", "he", "she", "they", "it", "our", "their", "nao",
    "sim", "ok", "bem", "muito", "tudo", "isso", "esse", "essa", "este", "esta", "la", "aqui", "ai", "gente", "ficou",
    "vamos", "preciso", "reuniao", "ligacao", "visita", "email", "proposta", "pedido", "semana", "mes", "dia",
];

/// The kinds of interaction and the words that name them. Several words are one kind
/// (`almoço` is a meeting, `WhatsApp` a written message, `videochamada` a call).
const KINDS: &[(&[&str], InteractionKind)] = &[
    (&["revisao", "anual"], InteractionKind::YearlyReview),
    (&["yearly", "review"], InteractionKind::YearlyReview),
    (&["annual", "review"], InteractionKind::YearlyReview),
    (&["reuniao", "de", "planejamento"], InteractionKind::PlanningMeeting),
    (&["planejamento"], InteractionKind::PlanningMeeting),
    (&["planning"], InteractionKind::PlanningMeeting),
    (&["reuniao"], InteractionKind::Meeting),
    (&["reunioes"], InteractionKind::Meeting),
    (&["reunimos"], InteractionKind::Meeting),
    (&["meeting"], InteractionKind::Meeting),
    (&["met"], InteractionKind::Meeting),
    (&["almoco"], InteractionKind::Lunch),
    (&["almocei"], InteractionKind::Lunch),
    (&["almocamos"], InteractionKind::Lunch),
    (&["lunch"], InteractionKind::Lunch),
    (&["jantar"], InteractionKind::Lunch),
    (&["jantei"], InteractionKind::Lunch),
    (&["dinner"], InteractionKind::Lunch),
    (&["cafe"], InteractionKind::Lunch),
    (&["coffee"], InteractionKind::Lunch),
    (&["encontro"], InteractionKind::Meeting),
    (&["evento"], InteractionKind::Event),
    (&["event"], InteractionKind::Event),
    (&["feira"], InteractionKind::Event),
    (&["videochamada"], InteractionKind::VideoCall),
    (&["video", "chamada"], InteractionKind::VideoCall),
    (&["videoconferencia"], InteractionKind::VideoCall),
    (&["video", "call"], InteractionKind::VideoCall),
    (&["teams"], InteractionKind::VideoCall),
    (&["zoom"], InteractionKind::VideoCall),
    (&["ligacao"], InteractionKind::Call),
    (&["liguei"], InteractionKind::Call),
    (&["ligou"], InteractionKind::Call),
    (&["ligamos"], InteractionKind::Call),
    (&["telefonei"], InteractionKind::Call),
    (&["telefonema"], InteractionKind::Call),
    (&["telefone"], InteractionKind::Call),
    (&["chamada"], InteractionKind::Call),
    (&["call"], InteractionKind::Call),
    (&["called"], InteractionKind::Call),
    (&["phone"], InteractionKind::Call),
    (&["visita"], InteractionKind::Visit),
    (&["visitei"], InteractionKind::Visit),
    (&["visitamos"], InteractionKind::Visit),
    (&["visit"], InteractionKind::Visit),
    (&["visited"], InteractionKind::Visit),
    (&["email"], InteractionKind::Email),
    (&["emails"], InteractionKind::Email),
    (&["emailed"], InteractionKind::Email),
    (&["whatsapp"], InteractionKind::WhatsApp),
    (&["zap"], InteractionKind::WhatsApp),
    (&["wpp"], InteractionKind::WhatsApp),
    (&["mensagem"], InteractionKind::Email),
    (&["message"], InteractionKind::Email),
    (&["nota"], InteractionKind::Note),
    (&["note"], InteractionKind::Note),
];

/// Words that carry the tone of an interaction; a `não` just before turns them round.
const NEGATIVE: &[&str] = &[
    "reclamou",
    "reclamaram",
    "reclamacao",
    "reclamando",
    "irritado",
    "irritada",
    "chateado",
    "chateada",
    "bravo",
    "brava",
    "insatisfeito",
    "insatisfeita",
    "furioso",
    "furiosa",
    "frustrado",
    "frustrada",
    "ameacou",
    "complained",
    "angry",
    "upset",
    "unhappy",
    "frustrated",
    "annoyed",
    "pessima",
    "pessimo",
    "tenso",
    "tensa",
];
const POSITIVE: &[&str] = &[
    "elogiou",
    "elogiaram",
    "elogio",
    "satisfeito",
    "satisfeita",
    "gostou",
    "gostaram",
    "adorou",
    "adoraram",
    "feliz",
    "animado",
    "animada",
    "empolgado",
    "empolgada",
    "praised",
    "happy",
    "pleased",
    "loved",
    "excited",
    "otima",
    "otimo",
    "excelente",
    "great",
];
const NEGATIONS: &[&str] = &["nao", "not", "nem", "never", "nunca", "didnt"];

/// Who takes a next step, by the words that open it.
const MARKERS: &[(&[&str], Mark)] = &[
    (&["me", "comprometi", "a"], Mark::Me),
    (&["me", "comprometi", "de"], Mark::Me),
    (&["proximo", "passo"], Mark::Me),
    (&["proximos", "passos"], Mark::Me),
    (&["next", "step"], Mark::Me),
    (&["next", "steps"], Mark::Me),
    (&["tenho", "que"], Mark::Me),
    (&["tenho", "de"], Mark::Me),
    (&["temos", "que"], Mark::Me),
    (&["temos", "de"], Mark::Me),
    (&["preciso", "de"], Mark::Me),
    (&["precisamos", "de"], Mark::Me),
    (&["fiquei", "de"], Mark::Me),
    (&["ficamos", "de"], Mark::Me),
    (&["combinamos", "de"], Mark::Me),
    (&["combinei", "de"], Mark::Me),
    (&["lembrar", "de"], Mark::Me),
    (&["need", "to"], Mark::Me),
    (&["have", "to"], Mark::Me),
    (&["we", "will"], Mark::Me),
    (&["i", "will"], Mark::Me),
    (&["ill"], Mark::Me),
    (&["well"], Mark::Me),
    (&["preciso"], Mark::Me),
    (&["precisamos"], Mark::Me),
    (&["vou"], Mark::Me),
    (&["vamos"], Mark::Me),
    (&["devo"], Mark::Me),
    (&["ficou", "de"], Mark::Them),
    (&["ficaram", "de"], Mark::Them),
    (&["prometeu"], Mark::Them),
    (&["prometeram"], Mark::Them),
    (&["promised", "to"], Mark::Them),
    (&["is", "going", "to"], Mark::Them),
    (&["will"], Mark::Them),
    (&["vai"], Mark::Them),
    (&["vao"], Mark::Them),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Me,
    Them,
}

fn matches_at(sentence: &Sentence, at: usize, words: &[&str]) -> bool {
    words.iter().enumerate().all(|(k, w)| sentence.folded(at + k) == *w)
        && (0..words.len().saturating_sub(1)).all(|k| !sentence.words[at + k].ends_clause)
}

/// Abbreviated weekdays that are common words too (`ter` is "to have"): a date only after
/// `na`, `no`, `até`, `dia` or `próxima`.
const SHORT_WEEKDAYS: &[&str] = &["ter", "qua", "qui", "sex", "seg", "sab", "dom", "sun", "sat", "wed"];
/// Words a date phrase may start with besides the date words themselves.
const DATE_LEADS: &[&str] = &["na", "no", "ate", "dia", "para", "em", "on", "by", "until", "next", "last", "this"];

/// The date phrase starting at `at`, if any: (length in words, day).
fn date_at(sentence: &Sentence, at: usize, today: NaiveDate, lean: Lean) -> Option<(usize, NaiveDate)> {
    let first = sentence.folded(at);
    let starts_like_a_date = DATE_LEADS.contains(&first)
        || first.starts_with(|c: char| c.is_ascii_digit())
        || read_date(first, today, lean).is_ok()
        || matches!(
            first,
            "semana"
                | "mes"
                | "fim"
                | "final"
                | "daqui"
                | "depois"
                | "proxima"
                | "proximo"
                | "ha"
                | "esta"
                | "essa"
                | "nesta"
                | "nessa"
        );
    if !starts_like_a_date {
        return None;
    }
    for len in (1..=5).rev() {
        if at + len > sentence.words.len() || (at..at + len - 1).any(|i| sentence.words[i].ends_clause) {
            continue;
        }
        let words: Vec<&str> = (at..at + len).map(|i| sentence.folded(i)).collect();
        // The last word must carry the date, not a filler the next phrase begins with.
        let last = *words.last()?;
        if DATE_LEADS.contains(&last) || matches!(last, "de" | "do" | "da" | "a" | "o") {
            continue;
        }
        // A bare number is a day of the month only after `dia` (`dia 10`), never alone (`3 caminhões`).
        let numbers_only = words.iter().all(|w| DATE_LEADS.contains(w) || w.bytes().all(|b| b.is_ascii_digit()));
        if numbers_only && !words.contains(&"dia") {
            continue;
        }
        if SHORT_WEEKDAYS.contains(&last) && words.len() == 1 {
            continue;
        }
        // Money is not a date: `R$ 10.000`, `2.5`.
        if words.iter().any(|w| w.contains('$')) {
            continue;
        }
        if let Ok(day) = read_date(&words.join(" "), today, lean) {
            return Some((len, day));
        }
    }
    None
}

/// Words between two steps that belong to neither: the `e` and the next one's subject
/// (`… e o André vai validar`, `… e eu vou ligar`).
const JOINS: &[&str] = &[
    "e", "and", "eu", "i", "we", "mas", "but", "ele", "ela", "eles", "elas", "o", "a", "os", "as", "cliente", "he",
    "she", "they", "the", "client", "customer", "gente", "nos",
];

/// A Portuguese verb in the infinitive (`ligar`, `fazer`, `abrir`): `… amanhã e ligar pra Camila`
/// opens a second step with the same owner.
fn infinitive(word: &str) -> bool {
    word.chars().count() >= 4 && (word.ends_with("ar") || word.ends_with("er") || word.ends_with("ir"))
}

/// Where the step opened at `from` ends (exclusive), and whether it ended at `e` and another verb
/// of the same owner: at a clause's end, or where the next step's marker and subject begin.
fn step_end(sentence: &Sentence, from: usize) -> (usize, bool) {
    let mut i = from;
    while i < sentence.words.len() {
        if i > from && marker_at(sentence, i).is_some() {
            // Back over the next step's subject, up to the word that joins the two.
            let mut j = i;
            for _ in 0..4 {
                if j <= from + 1 {
                    break;
                }
                let word = sentence.folded(j - 1);
                if matches!(word, "e" | "and" | "mas" | "but") {
                    j -= 1;
                    break;
                }
                if !(JOINS.contains(&word) || sentence.words[j - 1].capital) {
                    break;
                }
                j -= 1;
            }
            return (j, false);
        }
        if i > from + 1
            && matches!(sentence.folded(i), "e" | "and")
            && !sentence.words[i].ends_clause
            && infinitive(sentence.folded(i + 1))
        {
            return (i + 1, true);
        }
        if sentence.words[i].ends_clause {
            return (i + 1, false);
        }
        i += 1;
    }
    (i, false)
}

fn marker_at(sentence: &Sentence, at: usize) -> Option<(usize, Mark)> {
    MARKERS.iter().find(|(words, _)| matches_at(sentence, at, words)).map(|(words, mark)| (words.len(), *mark))
}

/// Reads a sentence. `today` is the writer's calendar day; `contacts_named` tells, for a word
/// index, the contact named there (so `João ficou de…` gives João the step).
pub fn read(sentence: &Sentence, today: NaiveDate, contact_at: &dyn Fn(usize) -> Option<String>) -> Reading {
    let n = sentence.words.len();
    let mut taken = vec![false; n];
    let mut in_step = vec![false; n];
    let mut steps = Vec::new();

    // Next steps first: what lies inside one is due, not when it happened.
    let mut i = 0;
    // A step that ended at "e" and a verb: the next begins there, with the same owner.
    let mut carried: Option<Mark> = None;
    let mut last_end = 0;
    while i < n && steps.len() < MAX_STEPS {
        let Some((len, mark)) = marker_at(sentence, i).or_else(|| carried.take().map(|m| (0, m))) else {
            i += 1;
            continue;
        };
        // "vai/will" after "eu" or "a gente" is the writer's own.
        let before: Vec<&str> = (i.saturating_sub(2)..i).map(|k| sentence.folded(k)).collect();
        let mark = match mark {
            Mark::Them if before.iter().any(|w| matches!(*w, "eu" | "i" | "we")) || before == ["a", "gente"] => {
                Mark::Me
            }
            other => other,
        };
        // `vai` that opens nothing (`vai ter`, a clause's last word) is no step.
        let start = i + len;
        let (end, carries) = step_end(sentence, start);
        if end <= start || (mark == Mark::Them && matches!(sentence.folded(start), "ter" | "ser" | "estar" | "be")) {
            i += 1;
            continue;
        }
        for flag in in_step.iter_mut().take(end).skip(i) {
            *flag = true;
        }
        let owner = match mark {
            Mark::Me => Owner::Me,
            // The customer's person named last before the step, since the step before it.
            Mark::Them => Owner::Customer((last_end..i).rev().find_map(contact_at)),
        };
        // The due day: a date phrase inside the step, taken out of its text.
        let mut due = None;
        let mut kept: Vec<usize> = Vec::new();
        let mut k = start;
        while k < end {
            if due.is_none()
                && let Some((dlen, day)) = date_at(sentence, k, today, Lean::Future)
            {
                due = Some((day, sentence.written(k, dlen)));
                for t in taken.iter_mut().skip(k).take(dlen) {
                    *t = true;
                }
                k += dlen;
                continue;
            }
            kept.push(k);
            k += 1;
        }
        // A step's text is its words as written, without a dangling "até", "e" or "para".
        while kept.last().is_some_and(|&k| {
            matches!(
                sentence.folded(k),
                "ate" | "e" | "para" | "by" | "until" | "and" | "no" | "na" | "dia" | "o" | "a" | "em"
            )
        }) {
            kept.pop();
        }
        let text: Vec<&str> = kept.iter().map(|&k| sentence.words[k].text.as_str()).collect();
        if !text.is_empty() {
            let (due, due_words) = match due {
                Some((d, w)) => (Some(d), Some(w)),
                None => (None, None),
            };
            steps.push(Step { text: text.join(" "), due, due_words, owner, words: sentence.written(i, end - i) });
        }
        if carries {
            carried = Some(mark);
        }
        last_end = end;
        i = end.max(i + 1);
    }

    // When it happened: a date phrase outside the steps, read towards the past.
    let mut day = None;
    let mut future = None;
    let mut k = 0;
    while k < n {
        if in_step[k] || taken[k] {
            k += 1;
            continue;
        }
        // "até terça" outside a step is a deadline, not when it happened.
        let deadline = matches!(sentence.folded(k), "ate" | "by" | "until");
        if deadline && let Some((dlen, _)) = date_at(sentence, k, today, Lean::Future) {
            k += dlen;
            continue;
        }
        if let Some((dlen, _)) = date_at(sentence, k, today, Lean::Past) {
            let words = sentence.written(k, dlen);
            let folded: Vec<&str> = (k..k + dlen).map(|i| sentence.folded(i)).collect();
            let ahead = folded
                .iter()
                .any(|w| matches!(*w, "amanha" | "tomorrow" | "vem" | "proxima" | "proximo" | "next" | "daqui"));
            let read =
                if ahead { date_at(sentence, k, today, Lean::Future) } else { date_at(sentence, k, today, Lean::Past) };
            if let Some((_, d)) = read {
                for t in taken.iter_mut().skip(k).take(dlen) {
                    *t = true;
                }
                if d > today {
                    future.get_or_insert((d, words));
                } else {
                    day.get_or_insert((d, words));
                }
            }
            k += dlen;
            continue;
        }
        k += 1;
    }

    // The kind: the first word naming one outside the steps, else inside one.
    let mut kind = None;
    for pass_in_step in [false, true] {
        if kind.is_some() {
            break;
        }
        for k in 0..n {
            if in_step[k] != pass_in_step || taken[k] {
                continue;
            }
            if let Some((words, found)) = KINDS.iter().find(|(words, _)| matches_at(sentence, k, words)) {
                // A step's `mandar email` makes the interaction an email only when nothing else names it.
                kind = Some((*found, sentence.written(k, words.len())));
                for t in taken.iter_mut().skip(k).take(words.len()) {
                    *t = true;
                }
                break;
            }
        }
    }

    // The tone.
    let mut tone = None;
    for k in 0..n {
        let w = sentence.folded(k);
        let sign = if NEGATIVE.contains(&w) {
            -1
        } else if POSITIVE.contains(&w) {
            1
        } else {
            continue;
        };
        let negated = (k.saturating_sub(2)..k).any(|j| NEGATIONS.contains(&sentence.folded(j)));
        let from = if negated {
            (k.saturating_sub(2)..k).find(|&j| NEGATIONS.contains(&sentence.folded(j))).unwrap_or(k)
        } else {
            k
        };
        tone = Some((if negated { -sign } else { sign }, sentence.written(from, k + 1 - from)));
        break;
    }

    let amount = amount(sentence, &mut taken);
    Reading { kind, day, future, steps, tone, amount, in_step, taken }
}

/// An amount: `R$ 2,5 milhões`, `R$300 mil`, `R$ 1.200.000`, `US$ 50k`, `USD 2M`.
fn amount(sentence: &Sentence, taken: &mut [bool]) -> Option<Amount> {
    let n = sentence.words.len();
    for k in 0..n {
        let w = &sentence.words[k];
        let lower = w.text.to_lowercase();
        let (currency, rest) = if let Some(rest) = lower.strip_prefix("r$") {
            ("BRL", rest)
        } else if let Some(rest) = lower.strip_prefix("us$").or_else(|| lower.strip_prefix('$')) {
            ("USD", rest)
        } else if lower == "usd" || lower == "brl" || lower == "eur" {
            (
                if lower == "usd" {
                    "USD"
                } else if lower == "eur" {
                    "EUR"
                } else {
                    "BRL"
                },
                "",
            )
        } else {
            continue;
        };
        let (number_at, number) = if rest.is_empty() {
            (k + 1, sentence.words.get(k + 1).map(|w| w.text.to_lowercase())?)
        } else {
            (k, rest.to_string())
        };
        // "2,5mi", "50k": a scale written onto the number.
        let (digits, attached) = split_scale(&number);
        let Some(value) = brazilian_number(digits, currency) else { continue };
        let scale_word = sentence.words.get(number_at + 1).map(|w| w.folded.as_str()).unwrap_or("");
        let (scale, used) = match attached.or_else(|| scale_of(scale_word)) {
            Some(s) if attached.is_some() => (s, 0),
            Some(s) => (s, 1),
            None => (1.0, 0),
        };
        let minor = value * scale * 100.0;
        if !minor.is_finite() || minor <= 0.0 || minor > 1e17 {
            continue;
        }
        let end = number_at + 1 + used;
        for t in taken.iter_mut().take(end).skip(k) {
            *t = true;
        }
        return Some(Amount {
            minor: minor.round() as i64,
            currency: currency.to_string(),
            words: sentence.written(k, end - k),
        });
    }
    None
}

fn scale_of(word: &str) -> Option<f64> {
    match word {
        "mil" | "k" | "thousand" => Some(1e3),
        "milhao" | "milhoes" | "mi" | "mm" | "m" | "million" | "millions" => Some(1e6),
        "bilhao" | "bilhoes" | "bi" | "billion" => Some(1e9),
        _ => None,
    }
}

fn split_scale(number: &str) -> (&str, Option<f64>) {
    let cut = number.find(|c: char| c.is_alphabetic()).unwrap_or(number.len());
    let (digits, suffix) = number.split_at(cut);
    (digits, if suffix.is_empty() { None } else { scale_of(&fold(suffix)) })
}

/// `1.200.000`, `2,5`, `1.200,50` (Brazilian) or `1,200.50` (in dollars): a number.
fn brazilian_number(text: &str, currency: &str) -> Option<f64> {
    if text.is_empty() || text.len() > 20 || !text.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
        return None;
    }
    let (thousands, decimal) = if currency == "BRL" { ('.', ',') } else { (',', '.') };
    let cleaned: String =
        text.chars().filter(|c| *c != thousands).map(|c| if c == decimal { '.' } else { c }).collect();
    cleaned.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        // A Friday.
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    fn reading(text: &str) -> Reading {
        read(&Sentence::new(text), today(), &|_| None)
    }

    #[test]
    fn a_meeting_with_a_commitment() {
        let r = reading("reunião com João na Vale hoje, ficou de mandar proposta até sexta");
        assert_eq!(r.kind.map(|k| k.0), Some(InteractionKind::Meeting));
        assert_eq!(r.day, Some((today(), "hoje".to_string())));
        assert_eq!(r.steps.len(), 1);
        assert_eq!(r.steps[0].text, "mandar proposta");
        // Said on a Friday, "até sexta" is next week's Friday (as Duckling reads a bare weekday).
        assert_eq!(r.steps[0].due, NaiveDate::from_ymd_opt(2026, 12, 4));
        assert_eq!(r.steps[0].owner, Owner::Customer(None));
    }

    #[test]
    fn two_commitments_and_informal_writing() {
        let r = reading("liguei pro joao ontem, ele vai mandar o pedido dia 10 e eu vou passar la semana q vem");
        assert_eq!(r.kind.map(|k| k.0), Some(InteractionKind::Call));
        assert_eq!(r.day.map(|d| d.0), NaiveDate::from_ymd_opt(2026, 11, 26));
        assert_eq!(r.steps.len(), 2, "{:?}", r.steps);
        assert_eq!(r.steps[0].text, "mandar o pedido");
        assert_eq!(r.steps[0].due, NaiveDate::from_ymd_opt(2026, 12, 10));
        assert_eq!(r.steps[1].text, "passar la");
        assert_eq!(r.steps[1].owner, Owner::Me);
        assert_eq!(r.steps[1].due, NaiveDate::from_ymd_opt(2026, 11, 30));
    }

    #[test]
    fn tone_and_its_negation() {
        assert_eq!(reading("cliente reclamou do prazo").tone.map(|t| t.0), Some(-1));
        assert_eq!(reading("ele não ficou satisfeito com o prazo").tone.map(|t| t.0), Some(-1));
        assert_eq!(reading("elogiou o atendimento").tone.map(|t| t.0), Some(1));
        assert_eq!(reading("reunião normal").tone, None);
    }

    #[test]
    fn amounts_in_both_ways_of_writing() {
        assert_eq!(reading("proposta de R$ 2,5 milhões").amount.map(|a| a.minor), Some(250_000_000));
        assert_eq!(reading("pedido de R$300 mil").amount.map(|a| a.minor), Some(30_000_000));
        assert_eq!(reading("R$ 1.200.000 em jogo").amount.map(|a| a.minor), Some(120_000_000));
        assert_eq!(reading("deal of US$ 50k").amount.map(|a| (a.minor, a.currency)), Some((5_000_000, "USD".into())));
        assert_eq!(reading("3 caminhões parados").amount, None);
    }

    #[test]
    fn a_bare_number_or_a_common_word_is_no_date() {
        let r = reading("visita com 3 engenheiros, vai ter nova rodada");
        assert_eq!(r.day, None);
        assert!(r.steps.is_empty(), "{:?}", r.steps);
    }

    #[test]
    fn a_day_ahead_outside_a_step_is_a_meeting_to_book() {
        let r = reading("reunião com a Beatriz amanhã");
        assert_eq!(r.day, None);
        assert_eq!(r.future.map(|f| f.0), NaiveDate::from_ymd_opt(2026, 11, 28));
    }

    #[test]
    fn bounded() {
        let long = "palavra ".repeat(10_000);
        assert_eq!(Sentence::new(&long).words.len(), MAX_WORDS);
    }
}
