//! Logging interactions and what follows them: the history, next steps done, snoozes, held meetings.

use chrono::NaiveDate;

use super::helpers::*;
use super::{ChatMsg, Msg};
use crate::domain::kind::InteractionKind;
use crate::i18n::{Locale, format_date, format_day};

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum LogMsg {
    UnknownKind {
        value: String,
    },
    AccountArchived {
        name: String,
    },
    FutureDate {
        arg: &'static str,
        read_as: NaiveDate,
    },
    DueBeforeInteraction {
        read_as: NaiveDate,
    },
    DueWithoutNext,
    // Logging.
    LoggedTitle {
        kind: InteractionKind,
        account: String,
    },
    AlreadyLoggedTitle {
        account: String,
    },
    LabelWhen,
    LabelSummary,
    LabelContact,
    LabelNextStep,
    NextStepDue {
        text: String,
        due: NaiveDate,
    },
    InteractionFooter {
        id: i64,
    },
    // History.
    HistoryTitle {
        account: String,
        count: usize,
    },
    HistoryEmpty {
        account: String,
    },
    HistoryNext {
        text: String,
        due: Option<NaiveDate>,
    },
    Snoozed {
        account: String,
        until: NaiveDate,
    },
    AlreadySnoozed {
        account: String,
        until: NaiveDate,
    },
    /// What "Done" logs for a booked meeting that was held.
    HeldFromReminder,
    NoSuchMeeting {
        id: i64,
        account: String,
    },
    MeetingNotYet {
        id: i64,
    },
    MeetingAlreadyLogged {
        id: i64,
        account: String,
    },
    MeetingHeld {
        id: i64,
        account: String,
    },
    /// A yearly-review conversation was logged; the review itself is recorded by /review.
    ReviewNotRecorded {
        account: String,
        date: Option<NaiveDate>,
    },
}

impl LogMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        let date = |d: NaiveDate| format_date(d, l);
        match self {
            LogMsg::UnknownKind { value } => p(
                format!(
                    "Unknown kind “{value}”. Accepted: meeting, call, visit, email, note, planning, review, whatsapp, lunch, event, video."
                ),
                format!(
                    "Tipo desconhecido “{value}”. Aceitos: reunião, ligação, visita, e-mail, nota, planejamento, revisão, whatsapp, almoço, evento, videochamada."
                ),
            ),
            LogMsg::AccountArchived { name } => p(
                format!("{name} is archived: nothing can be logged on it."),
                format!("{name} está arquivada: nada pode ser registrado nela."),
            ),
            LogMsg::FutureDate { arg, read_as } => {
                let day = format_day(read_as, l);
                p(
                    format!("--{arg} was read as {day}, in the future: log what has happened."),
                    format!("--{arg} foi lido como {day}, no futuro: registre o que já aconteceu."),
                )
            }
            LogMsg::DueBeforeInteraction { read_as } => {
                let day = format_day(read_as, l);
                p(
                    format!("--due was read as {day}, before the interaction itself: give a later day."),
                    format!("--prazo foi lido como {day}, antes da própria interação: informe um dia posterior."),
                )
            }
            LogMsg::DueWithoutNext => s(
                "--due is the deadline of a next step: give the step with --next.",
                "--prazo é o prazo de um próximo passo: informe o passo com --proximo.",
            ),
            LogMsg::LoggedTitle { kind, account } => {
                let kind = Msg::Chat(ChatMsg::KindName(kind)).render(l);
                p(format!("Logged: {kind} with {account}"), format!("Registrado: {kind} com {account}"))
            }
            LogMsg::AlreadyLoggedTitle { account } => p(
                format!("Already logged for {account}: this message was received before"),
                format!("Já registrado para {account}: esta mensagem já tinha sido recebida"),
            ),
            LogMsg::LabelWhen => s("When", "Quando"),
            LogMsg::LabelSummary => s("Summary", "Resumo"),
            LogMsg::LabelContact => s("Contact", "Contato"),
            LogMsg::LabelNextStep => s("Next step", "Próximo passo"),
            LogMsg::NextStepDue { text, due } => {
                p(format!("{text} (due {})", date(due)), format!("{text} (prazo {})", date(due)))
            }
            LogMsg::InteractionFooter { id } => p(format!("Interaction #{id}"), format!("Interação #{id}")),

            LogMsg::HistoryTitle { account, count } => p(
                format!("{account}: last {}", plural(count as i64, "interaction", "interactions")),
                format!("{account}: {}", plural(count as i64, "última interação", "últimas interações")),
            ),
            LogMsg::HistoryEmpty { account } => p(
                format!("No interaction logged with {account} yet. /log records one."),
                format!("Nenhuma interação registrada com {account} ainda. /log registra uma."),
            ),
            LogMsg::HistoryNext { text, due } => match due {
                Some(due) => {
                    p(format!("→ next: {text} (due {})", date(due)), format!("→ próximo: {text} (prazo {})", date(due)))
                }
                None => p(format!("→ next: {text}"), format!("→ próximo: {text}")),
            },

            LogMsg::Snoozed { account, until } => {
                let day = format_day(until, l);
                p(
                    format!("No reminders about {account} until {day}."),
                    format!("Nenhum lembrete sobre a conta {account} até {day}."),
                )
            }
            LogMsg::AlreadySnoozed { account, until } => {
                let day = format_day(until, l);
                p(
                    format!("Reminders about {account} are already quiet until {day}."),
                    format!("Os lembretes sobre a conta {account} já estão suspensos até {day}."),
                )
            }
            LogMsg::HeldFromReminder => s("Held (logged from the reminder)", "Realizada (registrada pelo lembrete)"),
            LogMsg::NoSuchMeeting { id, account } => p(
                format!("{account} has no meeting #{id}: /meetings lists them."),
                format!("A conta {account} não tem a reunião #{id}: /meetings mostra a agenda."),
            ),
            LogMsg::MeetingNotYet { id } => {
                p(format!("Meeting #{id} has not happened yet."), format!("A reunião #{id} ainda não aconteceu."))
            }
            LogMsg::MeetingAlreadyLogged { id, account } => p(
                format!("Meeting #{id} with {account} is logged already: nothing to do."),
                format!("A reunião #{id} com a conta {account} já está registrada: nada a fazer."),
            ),
            LogMsg::MeetingHeld { id, account } => p(
                format!("Logged: meeting #{id} with {account} was held"),
                format!("Registrado: a reunião #{id} com a conta {account} foi realizada"),
            ),
            LogMsg::ReviewNotRecorded { account, date } => {
                let when = date.map(|d| format_date(d, l));
                let (en, pt) = match when {
                    Some(d) => {
                        (format!("The yearly review date stays {d}"), format!("A data da revisão anual continua {d}"))
                    }
                    None => ("No yearly review date is set".to_string(), "Não há data de revisão anual".to_string()),
                };
                p(
                    format!(
                        "{en}: /review {account} --objectives … --value … --changes … --depth … --rating N records the review with its four answers and moves the date a year on."
                    ),
                    format!(
                        "{pt}: /review {account} --objetivos … --valor … --mudancas … --profundidade … --avaliacao N registra a revisão com as quatro respostas e adia a data em um ano."
                    ),
                )
            }
        }
    }
}
