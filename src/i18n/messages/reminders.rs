//! Reminders the scheduler sends, with their buttons.

use chrono::NaiveDate;

use super::helpers::*;
use crate::i18n::{Locale, format_date, format_day};

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum ReminderMsg {
    RetierFooter,
    /// The buttons under a reminder line.
    ButtonDone {
        account: String,
    },
    ButtonSnooze {
        account: String,
    },
    ButtonCard {
        account: String,
    },
    RemindPlanningTitle,
    RemindPlanningDue {
        account: String,
        due: NaiveDate,
        days: i64,
    },
    RemindPlanningOverdue {
        account: String,
        due: NaiveDate,
        days: i64,
        last_contact: Option<NaiveDate>,
    },
    RemindReviewOverdue {
        account: String,
        date: NaiveDate,
        days: i64,
    },
    /// A booked meeting, the working day before, with its brief.
    RemindMeetingBefore(Box<MeetingBrief>),
    /// A booked meeting passed with nothing logged since.
    RemindMeetingFollowUp {
        account: String,
        kind: crate::domain::kind::MeetingKind,
        day: NaiveDate,
    },
    /// An open next step due (`days` ≤ 0: in that many days) or overdue (`days` > 0).
    RemindStep {
        account: String,
        number: i64,
        step: String,
        due: NaiveDate,
        days: i64,
    },
    /// An open goal of the account plan due (`days` ≤ 0) or overdue (`days` > 0).
    RemindGoal {
        account: String,
        number: i64,
        goal: String,
        due: NaiveDate,
        days: i64,
    },
    RemindReviewTitle,
    RemindReviewLine {
        account: String,
        date: NaiveDate,
        days: i64,
    },
    ReviewQuestionsIntro,
    ReviewQuestion(u8),
    RemindStaleTitle,
    RemindStaleLine {
        account: String,
        days: Option<i64>,
        cadence: i64,
    },
    RemindStaleEscalated {
        account: String,
        days: Option<i64>,
        cadence: i64,
    },
}

impl ReminderMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        let date = |d: NaiveDate| format_date(d, l);
        match self {
            ReminderMsg::RemindPlanningTitle => s("Planning and follow-ups", "Planejamento e acompanhamento"),
            ReminderMsg::RemindPlanningDue { account, due, days } => match days {
                0 => p(
                    format!("{account}: planning meeting due today ({})", date(due)),
                    format!("{account}: reunião de planejamento vence hoje ({})", date(due)),
                ),
                1 => p(
                    format!("{account}: planning meeting due tomorrow ({})", date(due)),
                    format!("{account}: reunião de planejamento vence amanhã ({})", date(due)),
                ),
                _ => p(
                    format!("{account}: planning meeting due {} (in {days} days)", date(due)),
                    format!("{account}: reunião de planejamento vence em {} (em {days} dias)", date(due)),
                ),
            },
            ReminderMsg::RemindPlanningOverdue { account, due, days, last_contact } => {
                let q = crate::domain::text::quoted(&account);
                let last = last_contact.map(date);
                p(
                    format!(
                        "{account}: planning meeting OVERDUE since {} ({}){} · /meeting {q} DATE books it",
                        date(due),
                        plural(days, "day", "days"),
                        last.as_ref().map(|d| format!(" · last contact {d}")).unwrap_or_default()
                    ),
                    format!(
                        "{account}: reunião de planejamento ATRASADA desde {} ({}){} · /meeting {q} DATA agenda a reunião",
                        date(due),
                        plural(days, "dia", "dias"),
                        last.as_ref().map(|d| format!(" · último contato em {d}")).unwrap_or_default()
                    ),
                )
            }
            ReminderMsg::RemindMeetingBefore(brief) => {
                let MeetingBrief { account, kind, day, time, with, last_on, last_by, step, step_due } = *brief;
                let q = crate::domain::text::quoted(&account);
                let what = meeting_phrase(kind, l);
                let mut line = p(
                    format!("{account}: {what} on {} at {time}", format_day(day, l)),
                    format!("{account}: {what} em {} às {time}", format_day(day, l)),
                );
                if !with.is_empty() {
                    line.push_str(&p(format!(" with {with}"), format!(" com {with}")));
                }
                if let Some(on) = last_on {
                    let by = last_by.map(|b| p(format!(" by {b}"), format!(" por {b}"))).unwrap_or_default();
                    line.push_str(&p(
                        format!(" · last contact {}{by}", date(on)),
                        format!(" · último contato em {}{by}", date(on)),
                    ));
                }
                if let Some(step) = step {
                    let due = step_due
                        .map(|d| p(format!(" (due {})", date(d)), format!(" (prazo {})", date(d))))
                        .unwrap_or_default();
                    line.push_str(&p(
                        format!(" · open next step: {step}{due}"),
                        format!(" · próximo passo em aberto: {step}{due}"),
                    ));
                }
                line.push_str(&format!(" · /prep {q}"));
                line
            }
            ReminderMsg::RemindReviewOverdue { account, date: d, days } => {
                let q = crate::domain::text::quoted(&account);
                p(
                    format!(
                        "{account}: yearly review OVERDUE since {} ({}) · /review {q} --objectives … --value … --changes … --depth … --rating N records it",
                        date(d),
                        plural(days, "day", "days")
                    ),
                    format!(
                        "{account}: revisão anual ATRASADA desde {} ({}) · /review {q} --objetivos … --valor … --mudancas … --profundidade … --avaliacao N registra a revisão",
                        date(d),
                        plural(days, "dia", "dias")
                    ),
                )
            }
            ReminderMsg::RemindMeetingFollowUp { account, kind, day } => {
                let q = crate::domain::text::quoted(&account);
                let what = meeting_phrase(kind, l);
                let log_kind = match kind {
                    crate::domain::kind::MeetingKind::Planning => l.pick("planning", "planejamento"),
                    crate::domain::kind::MeetingKind::Review => l.pick("review", "revisao"),
                    crate::domain::kind::MeetingKind::Other => l.pick("meeting", "reuniao"),
                };
                p(
                    format!("{account}: how did the {what} of {} go? /log {q} {log_kind} \"…\" records it", date(day)),
                    format!(
                        "{account}: como foi a {what} de {}? /log {q} {log_kind} \"…\" registra o que houve",
                        date(day)
                    ),
                )
            }
            ReminderMsg::RemindStep { account, number, step, due, days } => {
                let when = due_when(due, days, l);
                p(
                    format!("{account}: #{number} “{step}” {when} · /done {number} when it is done"),
                    format!("{account}: #{number} “{step}” {when} · /done {number} quando estiver feito"),
                )
            }
            ReminderMsg::RemindGoal { account, number, goal, due, days } => {
                let when = due_when(due, days, l);
                let q = crate::domain::text::quoted(&account);
                p(
                    format!(
                        "{account}: plan goal #{number} “{goal}” {when} · /plan {q} goal done {number} when it is met"
                    ),
                    format!(
                        "{account}: meta do plano #{number} “{goal}” {when} · /plan {q} goal done {number} quando for cumprida"
                    ),
                )
            }
            ReminderMsg::RemindReviewTitle => {
                s("Yearly account-plan reviews coming", "Revisões anuais do plano de conta chegando")
            }
            ReminderMsg::RemindReviewLine { account, date: d, days } => match days {
                0 => p(
                    format!("{account}: yearly review today ({})", date(d)),
                    format!("{account}: revisão anual hoje ({})", date(d)),
                ),
                1 => p(
                    format!("{account}: yearly review tomorrow ({})", date(d)),
                    format!("{account}: revisão anual amanhã ({})", date(d)),
                ),
                _ => p(
                    format!("{account}: yearly review on {} (in {days} days)", date(d)),
                    format!("{account}: revisão anual em {} (em {days} dias)", date(d)),
                ),
            },
            ReminderMsg::ReviewQuestionsIntro => {
                s("Prepare the review around four questions:", "Prepare a revisão em torno de quatro perguntas:")
            }
            ReminderMsg::ReviewQuestion(n) => match n {
                1 => s(
                    "1. What should our long-term objectives for this account be?",
                    "1. Quais devem ser os nossos objetivos de longo prazo para esta conta?",
                ),
                2 => s(
                    "2. Are we demonstrating the value they expect from us?",
                    "2. Estamos demonstrando o valor que eles esperam de nós?",
                ),
                3 => s(
                    "3. What should we change next year to improve the relationship?",
                    "3. O que devemos mudar no próximo ano para melhorar o relacionamento?",
                ),
                _ => s("4. Are we deeply embedded in this account?", "4. Estamos inseridos profundamente nesta conta?"),
            },
            ReminderMsg::RemindStaleTitle => {
                s("Key accounts without recent contact", "Contas-chave sem contato recente")
            }
            ReminderMsg::RemindStaleLine { account, days: Some(days), cadence } => p(
                format!("{account}: no contact for {days} days (cadence {cadence} days)"),
                format!("{account}: sem contato há {days} dias (cadência de {cadence} dias)"),
            ),
            ReminderMsg::RemindStaleLine { account, days: None, cadence } => p(
                format!("{account}: never contacted (cadence {cadence} days)"),
                format!("{account}: nunca contatada (cadência de {cadence} dias)"),
            ),
            ReminderMsg::RemindStaleEscalated { account, days, cadence } => {
                let since = days.map(|d| d.to_string()).unwrap_or_else(|| "∞".to_string());
                p(
                    format!(
                        "{account}: no contact for {since} days, more than twice its {cadence}-day cadence (escalated to you as manager)"
                    ),
                    format!(
                        "{account}: sem contato há {since} dias, mais que o dobro da cadência de {cadence} dias (escalado a você como gestor)"
                    ),
                )
            }
            ReminderMsg::ButtonDone { account } => p(format!("{account}: done"), format!("{account}: feito")),
            ReminderMsg::ButtonSnooze { account } => {
                p(format!("{account}: snooze 1 week"), format!("{account}: adiar 1 semana"))
            }
            ReminderMsg::ButtonCard { account } => {
                p(format!("{account}: open card"), format!("{account}: abrir conta"))
            }
            ReminderMsg::RetierFooter => s(
                "The yearly re-tiering: /qualify ACCOUNT shows the scores behind each suggestion.",
                "A reclassificação anual: /qualify CONTA mostra as notas de cada sugestão.",
            ),
        }
    }
}

/// When a step or goal is due, next to today: `due today`, `due Fri 2026-12-04`, `OVERDUE since …`.
fn due_when(due: NaiveDate, days: i64, l: Locale) -> String {
    match days {
        0 => l.pick("due today", "vence hoje").to_string(),
        -1 => l.pick(format!("due tomorrow, {}", format_day(due, l)), format!("vence amanhã, {}", format_day(due, l))),
        d if d < 0 => l.pick(format!("due {}", format_day(due, l)), format!("vence {}", format_day(due, l))),
        d => l.pick(
            format!("OVERDUE since {} ({})", format_day(due, l), plural(d, "day", "days")),
            format!("ATRASADO desde {} ({})", format_day(due, l), plural(d, "dia", "dias")),
        ),
    }
}
