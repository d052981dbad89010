//! Booked meetings, the job schedules, the time zone and days off.

use chrono::NaiveDate;

use super::Msg;
use crate::i18n::{Locale, format_day};

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum MeetingMsg {
    BadDateTime {
        value: String,
    },
    MeetingInPast {
        read_as: NaiveDate,
    },
    MeetingAlreadyBooked {
        id: i64,
        account: String,
        at: String,
    },
    MeetingScheduled {
        kind: crate::domain::kind::MeetingKind,
        account: String,
    },
    MeetingKind(crate::domain::kind::MeetingKind),
    MeetingFooter {
        id: i64,
    },
    MeetingsTitle {
        days: i64,
    },
    MeetingsNone,
    LabelWith,
    ScheduleTitle,
    ScheduleChanged,
    ScheduleTimeZone {
        tz: String,
    },
    ScheduleNext {
        cron: String,
        next: String,
    },
    ScheduleOff {
        cron: String,
    },
    OnlyAdminsSchedule,
    /// The days off of a workspace: its own, and the next national holidays.
    DaysOffTitle,
    DaysOffOwn {
        days: String,
    },
    DaysOffNone,
    DaysOffNational {
        days: String,
    },
    DayOffAdded {
        day: NaiveDate,
    },
    DayOffRemoved {
        day: NaiveDate,
    },
    DayOffNotThere {
        day: NaiveDate,
    },
    BadDayOffAction {
        value: String,
    },
    /// A meeting or a due date falls on a day off (accepted, but said).
    OnDayOff {
        day: NaiveDate,
        name: String,
    },
    UnknownTimeZone {
        value: String,
    },
    BadCron {
        value: String,
    },
}

impl MeetingMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        match self {
            MeetingMsg::BadDateTime { value } => p(
                format!("“{value}” is not a day and time. Use 2026-12-10 14:00, friday 2pm or tomorrow 9:00."),
                format!("“{value}” não é um dia e hora. Use 10/12/2026 14h30, sexta 14h ou amanhã 9h."),
            ),
            MeetingMsg::MeetingAlreadyBooked { id, account, at } => p(
                format!("{account} already has meeting #{id} on {at}: /meetings lists it."),
                format!("A conta {account} já tem a reunião #{id} marcada para {at}: /meetings mostra a agenda."),
            ),
            MeetingMsg::MeetingInPast { read_as } => {
                let day = format_day(read_as, l);
                p(
                    format!(
                        "Read as {day}, and that time has passed: schedule meetings to come (log past ones with /log)."
                    ),
                    format!(
                        "Lido como {day}, e esse horário já passou: agende reuniões futuras (registre as passadas com /log)."
                    ),
                )
            }
            MeetingMsg::MeetingScheduled { kind, account } => {
                let kind = Msg::Meetings(MeetingMsg::MeetingKind(kind)).render(l);
                p(
                    format!("Scheduled: {kind} meeting with {account}"),
                    format!("Agendada: reunião de {kind} com {account}"),
                )
            }
            MeetingMsg::MeetingKind(kind) => match kind {
                crate::domain::kind::MeetingKind::Planning => s("planning", "planejamento"),
                crate::domain::kind::MeetingKind::Review => s("yearly review", "revisão anual"),
                crate::domain::kind::MeetingKind::Other => s("other", "outra"),
            },
            MeetingMsg::MeetingFooter { id } => p(format!("Meeting #{id}"), format!("Reunião #{id}")),
            MeetingMsg::MeetingsTitle { days } => {
                p(format!("Meetings in the next {days} days"), format!("Reuniões nos próximos {days} dias"))
            }
            MeetingMsg::MeetingsNone => {
                s("None scheduled. /meeting schedules one.", "Nenhuma agendada. /meeting agenda uma.")
            }
            MeetingMsg::LabelWith => s("With", "Com"),
            MeetingMsg::ScheduleTitle => s("Schedules", "Horários"),
            MeetingMsg::ScheduleChanged => s("Schedule changed", "Horário alterado"),
            MeetingMsg::ScheduleTimeZone { tz } => p(format!("Time zone: {tz}"), format!("Fuso horário: {tz}")),
            MeetingMsg::DaysOffTitle => s("Days off", "Feriados e folgas"),
            MeetingMsg::DaysOffOwn { days } => p(format!("This workspace's: {days}"), format!("Deste espaço: {days}")),
            MeetingMsg::DaysOffNone => s(
                "This workspace has no days off of its own: /schedule holiday add 24/12 \"Christmas Eve\" adds one.",
                "Este espaço não tem feriados próprios: /schedule holiday add 24/12 \"Véspera de Natal\" adiciona um.",
            ),
            MeetingMsg::DaysOffNational { days } => {
                p(format!("Next national holidays: {days}"), format!("Próximos feriados nacionais: {days}"))
            }
            MeetingMsg::DayOffAdded { day } => {
                let day = format_day(day, l);
                p(
                    format!("{day} is a day off: no reminders are sent that day."),
                    format!("{day} é feriado: nenhum lembrete é enviado nesse dia."),
                )
            }
            MeetingMsg::DayOffRemoved { day } => {
                let day = format_day(day, l);
                p(format!("{day} is a working day again."), format!("{day} voltou a ser dia útil."))
            }
            MeetingMsg::DayOffNotThere { day } => {
                let day = format_day(day, l);
                p(
                    format!("{day} is not one of this workspace's days off."),
                    format!("{day} não é um feriado deste espaço."),
                )
            }
            MeetingMsg::BadDayOffAction { value } => p(
                format!("“{value}”: use /schedule holiday add DATE [NAME] or /schedule holiday remove DATE."),
                format!("“{value}”: use /schedule holiday add DATA [NOME] ou /schedule holiday remove DATA."),
            ),
            MeetingMsg::OnDayOff { day, name } => {
                let day = format_day(day, l);
                p(format!("⚠ {day} is a holiday ({name})."), format!("⚠ {day} é feriado ({name})."))
            }
            MeetingMsg::ScheduleNext { cron, next } => {
                p(format!("{cron} · next: {next}"), format!("{cron} · próximas: {next}"))
            }
            MeetingMsg::ScheduleOff { cron } => p(format!("{cron} · off"), format!("{cron} · desligada")),
            MeetingMsg::OnlyAdminsSchedule => s(
                "Only an admin of this workspace can change schedules.",
                "Só um administrador deste espaço pode mudar os horários.",
            ),
            MeetingMsg::UnknownTimeZone { value } => p(
                format!("Unknown time zone “{value}”: use a name like America/Sao_Paulo or America/New_York."),
                format!("Fuso horário desconhecido “{value}”: use um nome como America/Sao_Paulo ou America/New_York."),
            ),
            MeetingMsg::BadCron { value } => p(
                format!(
                    "“{value}” is not a schedule: write minute hour day-of-month month day-of-week, like 0 8 * * 1 (Mondays at 08:00; 0 or 7 = Sunday), or off or on."
                ),
                format!(
                    "“{value}” não é um horário: escreva minuto hora dia-do-mês mês dia-da-semana, como 0 8 * * 1 (segundas às 08:00; 0 ou 7 = domingo), ou off ou on."
                ),
            ),
        }
    }
}
