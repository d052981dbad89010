//! Importing a CRM's activities: a done activity (or one whose day has passed, when the file says
//! nothing of done) becomes an interaction with its kind read from the CRM's activity type; an
//! open one becomes a commitment of its owner, due on its day. Each row finds its account as the
//! chat does. A second import of the same file changes nothing: an interaction is keyed by the
//! activity's id (or by account, day, kind and subject), a commitment by account, text and day.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveTime};

use super::matching::{AccountIndex, account_of};
use super::*;
use crate::domain::kind::InteractionKind;
use crate::store::{ImportedCommitment, ImportedInteraction};
use crate::transfer::values;

/// The longest summary an imported interaction keeps: what `/log` takes.
const MAX_SUMMARY_CHARS: usize = 2000;

/// Where imported interactions come from, beside `terminal`, `discord` and `slack`.
pub const SOURCE: &str = "import";

/// What an activity is, as CRMs say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Done,
    Open,
    /// Cancelled or deferred: not brought in.
    Cancelled,
}

/// A CRM's word for whether an activity is done: Pipedrive's `1`/`0` and `Sim`/`Não`, HubSpot's
/// and Salesforce's `Completed`/`Not Started`, RD Station's `Concluída`/`Pendente`, Dynamics'
/// `Concluída`/`Aberta`/`Cancelada`.
fn status(text: &str) -> Option<Status> {
    let folded = fold(text);
    const DONE: &[&str] = &[
        "1",
        "x",
        "yes",
        "true",
        "sim",
        "s",
        "done",
        "feito",
        "feita",
        "concluido",
        "concluida",
        "completed",
        "complete",
        "closed",
        "fechada",
        "fechado",
        "realizada",
        "realizado",
        "finalizada",
        "finalizado",
        "held",
    ];
    const OPEN: &[&str] = &[
        "0",
        "no",
        "false",
        "nao",
        "n",
        "open",
        "nao feito",
        "nao feita",
        "not done",
        "aberta",
        "aberto",
        "pendente",
        "not started",
        "nao iniciada",
        "nao iniciado",
        "in progress",
        "em andamento",
        "waiting on someone else",
        "aguardando",
        "aguardando outra pessoa",
        "aguardando entrada",
        "nao concluida",
        "nao concluido",
        "agendada",
        "agendado",
        "planned",
        "scheduled",
        "to do",
        "a fazer",
        "atrasada",
        "overdue",
    ];
    const CANCELLED: &[&str] = &["cancelled", "canceled", "cancelada", "cancelado", "deferred", "adiada", "adiado"];
    if DONE.contains(&folded.as_str()) {
        Some(Status::Done)
    } else if OPEN.contains(&folded.as_str()) {
        Some(Status::Open)
    } else if CANCELLED.contains(&folded.as_str()) {
        Some(Status::Cancelled)
    } else {
        None
    }
}

/// The kind of an interaction from a CRM's activity type: ours, and the types Pipedrive,
/// HubSpot, Salesforce, RD Station and Dynamics ship with. A type of the team's own becomes a
/// note (the summary keeps what was done).
fn kind_of(text: &str) -> InteractionKind {
    if let Some(kind) = InteractionKind::parse(text) {
        return kind;
    }
    match fold(text).as_str() {
        "chamada" | "ligacao telefonica" | "phone call" | "telefonema" | "chamada telefonica" | "call log" => {
            InteractionKind::Call
        }
        "appointment" | "compromisso" | "reuniao presencial" | "meeting request" => InteractionKind::Meeting,
        "visita tecnica" | "visita comercial" | "site visit" => InteractionKind::Visit,
        "almoco de negocios" | "business lunch" => InteractionKind::Lunch,
        "email enviado" | "sent email" | "send email" | "enviar email" | "enviar e mail" => InteractionKind::Email,
        "teams" | "zoom" | "google meet" | "meet" | "video conference" => InteractionKind::VideoCall,
        _ => InteractionKind::Note,
    }
}

/// A day and, when the cell gives one, its time (`10/12/2026 14:30`, `2026-12-10T14:30:00`).
fn when(text: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let day = values::date(text)?;
    let rest = text.trim().split([' ', 'T']).nth(1).unwrap_or("");
    let time = ["%H:%M:%S", "%H:%M"].iter().find_map(|f| NaiveTime::parse_from_str(rest.trim_end_matches('Z'), f).ok());
    Some((day, time))
}

/// A time of day: `14:30`, `14:30:00`, `14h30`, `9h`.
fn clock_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim().to_lowercase().replace('h', ":");
    let text = text.trim_end_matches(':');
    let text = if text.chars().all(|c| c.is_ascii_digit()) { format!("{text}:00") } else { text.to_string() };
    ["%H:%M:%S", "%H:%M"].iter().find_map(|f| NaiveTime::parse_from_str(&text, f).ok())
}

/// One row read and checked.
struct Activity {
    account_id: i64,
    contact_id: Option<i64>,
    owner: Option<PersonRef>,
    kind: InteractionKind,
    day: NaiveDate,
    time: Option<NaiveTime>,
    subject: String,
    summary: String,
    status: Status,
    key: String,
    label: String,
}

pub(super) async fn interactions(
    store: &Store,
    cells: &Cells<'_>,
    o: &Options<'_>,
    report: &mut Report,
) -> Result<(), StoreError> {
    let ws = o.workspace_id;
    let accounts = AccountIndex::load(store, ws).await?;
    let mut people = PeopleIndex::load(store, ws).await?;
    let contacts: HashMap<(i64, String), i64> =
        store.contact_keys(ws).await?.into_iter().map(|k| ((k.account_id, k.folded_name), k.id)).collect();
    let today = o.now.with_timezone(&o.tz).date_naive();
    // What earlier imports (or people) already hold: logged interactions by source id, open
    // commitments by account, text and day.
    let logged: HashSet<String> = store.source_ids(ws, SOURCE).await?.into_iter().collect();
    let committed: HashSet<(i64, String, Option<NaiveDate>)> = store.commitment_keys(ws).await?.into_iter().collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut plans: Vec<Activity> = Vec::new();
    for row in &cells.table.rows {
        tick(o);
        let before = report.rejected.len();
        let account_id = match account_of(cells, &accounts, report, row) {
            Some(id) => id,
            None => continue,
        };
        let Some(date_text) = cells.get(row, "date") else {
            cells.reject(report, row, Some("date"), Problem::Missing { field: "date" });
            continue;
        };
        // An instant with its offset (an export's `occurred_at`) is read in the workspace's zone.
        let instant = chrono::DateTime::parse_from_rfc3339(date_text.trim()).ok().map(|t| t.with_timezone(&o.tz));
        let Some((day, time)) = instant.map(|t| (t.date_naive(), Some(t.time()))).or_else(|| when(date_text)) else {
            cells.reject(
                report,
                row,
                Some("date"),
                Problem::BadValue { field: "date", value: truncate(date_text, 40) },
            );
            continue;
        };
        // A time of its own column (RD Station's `Hora`) when the date gave none.
        let time = time.or_else(|| cells.get(row, "time").and_then(clock_time));
        let subject = cells.get(row, "subject").map(|s| truncate(s, 300));
        let note = cells.get(row, "note");
        let kind = cells.get(row, "kind").map(kind_of).unwrap_or(InteractionKind::Note);
        let Some(subject) = subject.or_else(|| note.map(|n| truncate(n, 300))) else {
            cells.reject(report, row, Some("subject"), Problem::Missing { field: "subject" });
            continue;
        };
        let status = match cells.parse(report, row, "done", status) {
            Some(Some(status)) => status,
            Some(None) => continue,
            // Nothing says whether it is done: a day gone by is done, a day ahead is open.
            None if day <= today => Status::Done,
            None => Status::Open,
        };
        let owner = cells.get(row, "owner").map(|name| people.resolve(name));
        let contact_id = cells.get(row, "contact").and_then(|name| contacts.get(&(account_id, fold(name))).copied());
        let summary = match note.filter(|n| fold(n) != fold(&subject)) {
            Some(note) => truncate(&format!("{subject}: {note}"), MAX_SUMMARY_CHARS),
            None => subject.clone(),
        };
        let key = match cells.get(row, "external_id") {
            Some(id) => format!("id:{}", truncate(id, 100)),
            None => format!("{account_id}:{day}:{}:{}", kind.code(), truncate(&fold(&subject), 150)),
        };
        if let Some(&first_line) = seen.get(&key) {
            cells.reject(report, row, None, Problem::Duplicate { first_line });
            continue;
        }
        seen.insert(key.clone(), row.line);
        if report.rejected.len() > before || status == Status::Cancelled {
            continue;
        }
        let label = format!("{} · {day} · {subject}", accounts.name(account_id));
        let activity =
            Activity { account_id, contact_id, owner, kind, day, time, subject, summary, status, key, label };
        let known = match activity.status {
            Status::Done => logged.contains(&activity.key),
            _ => committed.contains(&(account_id, activity.subject.clone(), Some(day))),
        };
        if known {
            report.unchanged += 1;
            continue;
        }
        report.created.push(activity.label.clone());
        plans.push(activity);
    }
    report.new_people = people.new.iter().map(|(_, name)| name.clone()).collect();
    if !report.rejected.is_empty() || o.dry_run {
        return Ok(());
    }
    let mut tx = store.write().await?;
    let new_ids = people.create(&mut tx, o).await?;
    let operator = operator(&mut tx, o).await?;
    let (mut logged, mut committed) = (Vec::new(), Vec::new());
    let mut open_keys = HashSet::new();
    for a in plans {
        tick(o);
        let owner = id_of(&a.owner, &new_ids).unwrap_or(operator);
        match a.status {
            Status::Done => {
                logged.push(ImportedInteraction {
                    account_id: a.account_id,
                    contact_id: a.contact_id,
                    author_id: owner,
                    kind: a.kind,
                    // A time of day as the CRM gave it, in the workspace's zone.
                    occurred_at: instant(o, a.day, a.time),
                    occurred_on: a.day.min(today),
                    summary: a.summary,
                    source_id: a.key,
                });
            }
            Status::Open | Status::Cancelled => {
                // Two open rows of the file with one account, text and day are one commitment.
                if open_keys.insert((a.account_id, a.subject.clone(), a.day)) {
                    committed.push(ImportedCommitment {
                        account_id: a.account_id,
                        owner_id: owner,
                        text: a.subject,
                        due_on: Some(a.day),
                    });
                }
            }
        }
    }
    // Decided again in the statements that write: another import may have added a row since the
    // file was read.
    tx.insert_imported_interactions(ws, SOURCE, &logged, o.now).await?;
    tx.insert_imported_commitments(ws, &committed, o.now).await?;
    finish(tx, o, "import interactions", report).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crm_words_for_done_and_open() {
        for done in ["1", "Sim", "Concluída", "Completed", "feito", "Realizada"] {
            assert_eq!(status(done), Some(Status::Done), "{done}");
        }
        for open in ["0", "Não", "Pendente", "Not Started", "Em andamento", "Aberta"] {
            assert_eq!(status(open), Some(Status::Open), "{open}");
        }
        assert_eq!(status("Cancelada"), Some(Status::Cancelled));
        assert_eq!(status("talvez"), None);
    }

    #[test]
    fn crm_activity_types() {
        assert_eq!(kind_of("Ligação"), InteractionKind::Call);
        assert_eq!(kind_of("Chamada"), InteractionKind::Call);
        assert_eq!(kind_of("Phone Call"), InteractionKind::Call);
        assert_eq!(kind_of("Reunião"), InteractionKind::Meeting);
        assert_eq!(kind_of("Compromisso"), InteractionKind::Meeting);
        assert_eq!(kind_of("E-mail"), InteractionKind::Email);
        assert_eq!(kind_of("Almoço"), InteractionKind::Lunch);
        assert_eq!(kind_of("WhatsApp"), InteractionKind::WhatsApp);
        assert_eq!(kind_of("Visita"), InteractionKind::Visit);
        assert_eq!(kind_of("Tarefa"), InteractionKind::Note);
        assert_eq!(kind_of("Follow-up do time"), InteractionKind::Note);
    }

    #[test]
    fn days_with_and_without_a_time() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        assert_eq!(when("10/12/2026"), Some((day, None)));
        assert_eq!(when("10/12/2026 14:30"), Some((day, NaiveTime::from_hms_opt(14, 30, 0))));
        assert_eq!(when("2026-12-10T09:15:00Z"), Some((day, NaiveTime::from_hms_opt(9, 15, 0))));
        assert_eq!(when("amanhã"), None);
        assert_eq!(clock_time("14h30"), NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(clock_time("9h"), NaiveTime::from_hms_opt(9, 0, 0));
        assert_eq!(clock_time("08:30"), NaiveTime::from_hms_opt(8, 30, 0));
        assert_eq!(clock_time("tarde"), None);
    }
}
