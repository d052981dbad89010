//! Every message of the bot, in English and Brazilian Portuguese, by area: each area's file holds
//! its enum and, beside it, its texts in both languages. A new message is a new variant of its
//! area; the compiler then asks for both texts.

mod capture;
mod card;
mod chat;
mod cli;
mod deals;
mod digest;
mod health;
mod help;
mod helpers;
mod import;
mod input;
mod log;
mod meetings;
mod people;
mod plan;
mod reminders;
mod tasks;

pub use capture::CaptureMsg;
pub use card::CardMsg;
pub use chat::ChatMsg;
pub use cli::CliMsg;
pub use deals::DealMsg;
pub use digest::DigestMsg;
pub use health::HealthMsg;
pub use help::HelpMsg;
pub use helpers::MeetingBrief;
pub use import::ImportMsg;
pub use input::InputMsg;
pub use log::LogMsg;
pub use meetings::MeetingMsg;
pub use people::PeopleMsg;
pub use plan::PlanMsg;
pub use reminders::ReminderMsg;
pub use tasks::TaskMsg;

/// A message of the catalog: one variant an area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Onboarding: accounts, the team, privacy and the first run.
    Onb(super::Onb),
    Help(HelpMsg),
    /// Imports and exports.
    Import(ImportMsg),
    Input(InputMsg),
    Capture(CaptureMsg),
    Card(CardMsg),
    Log(LogMsg),
    Plan(PlanMsg),
    Deals(DealMsg),
    Health(HealthMsg),
    Meetings(MeetingMsg),
    Digest(DigestMsg),
    Reminders(ReminderMsg),
    Tasks(TaskMsg),
    People(PeopleMsg),
    Cli(CliMsg),
    Chat(ChatMsg),
}

impl Msg {
    /// The text of this message in `l`.
    pub fn render(self, l: super::Locale) -> String {
        match self {
            Msg::Onb(msg) => msg.render(l),
            Msg::Help(msg) => msg.render(l),
            Msg::Import(msg) => msg.render(l),
            Msg::Input(msg) => msg.render(l),
            Msg::Capture(msg) => msg.render(l),
            Msg::Card(msg) => msg.render(l),
            Msg::Log(msg) => msg.render(l),
            Msg::Plan(msg) => msg.render(l),
            Msg::Deals(msg) => msg.render(l),
            Msg::Health(msg) => msg.render(l),
            Msg::Meetings(msg) => msg.render(l),
            Msg::Digest(msg) => msg.render(l),
            Msg::Reminders(msg) => msg.render(l),
            Msg::Tasks(msg) => msg.render(l),
            Msg::People(msg) => msg.render(l),
            Msg::Cli(msg) => msg.render(l),
            Msg::Chat(msg) => msg.render(l),
        }
    }
}

impl From<ImportMsg> for Msg {
    fn from(msg: ImportMsg) -> Msg {
        Msg::Import(msg)
    }
}

impl From<HelpMsg> for Msg {
    fn from(msg: HelpMsg) -> Msg {
        Msg::Help(msg)
    }
}

impl From<InputMsg> for Msg {
    fn from(msg: InputMsg) -> Msg {
        Msg::Input(msg)
    }
}

impl From<CardMsg> for Msg {
    fn from(msg: CardMsg) -> Msg {
        Msg::Card(msg)
    }
}

impl From<LogMsg> for Msg {
    fn from(msg: LogMsg) -> Msg {
        Msg::Log(msg)
    }
}

impl From<PlanMsg> for Msg {
    fn from(msg: PlanMsg) -> Msg {
        Msg::Plan(msg)
    }
}

impl From<DealMsg> for Msg {
    fn from(msg: DealMsg) -> Msg {
        Msg::Deals(msg)
    }
}

impl From<HealthMsg> for Msg {
    fn from(msg: HealthMsg) -> Msg {
        Msg::Health(msg)
    }
}

impl From<MeetingMsg> for Msg {
    fn from(msg: MeetingMsg) -> Msg {
        Msg::Meetings(msg)
    }
}

impl From<DigestMsg> for Msg {
    fn from(msg: DigestMsg) -> Msg {
        Msg::Digest(msg)
    }
}

impl From<ReminderMsg> for Msg {
    fn from(msg: ReminderMsg) -> Msg {
        Msg::Reminders(msg)
    }
}

impl From<PeopleMsg> for Msg {
    fn from(msg: PeopleMsg) -> Msg {
        Msg::People(msg)
    }
}

impl From<CliMsg> for Msg {
    fn from(msg: CliMsg) -> Msg {
        Msg::Cli(msg)
    }
}

impl From<ChatMsg> for Msg {
    fn from(msg: ChatMsg) -> Msg {
        Msg::Chat(msg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use chrono::NaiveDate;

    #[test]
    fn both_languages_differ_where_they_should() {
        for msg in [
            Msg::Help(HelpMsg::CmdAccount),
            Msg::Chat(ChatMsg::Internal),
            Msg::Input(InputMsg::UnbalancedQuotes),
            Msg::Help(HelpMsg::HelpTitle),
        ] {
            let en = msg.clone().render(Locale::En);
            let pt = msg.render(Locale::PtBr);
            assert!(!en.is_empty() && !pt.is_empty());
            assert_ne!(en, pt);
        }
    }

    #[test]
    fn dates_follow_the_locale() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        let msg = Msg::Log(LogMsg::NextStepDue { text: "Enviar proposta".into(), due: d });
        assert_eq!(msg.clone().render(Locale::PtBr), "Enviar proposta (prazo 10/12/2026)");
        assert_eq!(msg.render(Locale::En), "Enviar proposta (due 2026-12-10)");
    }

    #[test]
    fn days_ahead_read_naturally() {
        assert!(
            Msg::Card(CardMsg::ReviewAhead { date: NaiveDate::MIN, days: 0 }).render(Locale::PtBr).ends_with("(hoje)")
        );
        assert!(
            Msg::Card(CardMsg::ReviewAhead { date: NaiveDate::MIN, days: 1 })
                .render(Locale::En)
                .ends_with("(tomorrow)")
        );
        assert!(
            Msg::Card(CardMsg::ReviewAhead { date: NaiveDate::MIN, days: 5 })
                .render(Locale::PtBr)
                .ends_with("(em 5 dias)")
        );
    }

    #[test]
    fn plurals() {
        assert_eq!(
            Msg::Card(CardMsg::ContactRecent { days: 1, cadence: 30 }).render(Locale::En),
            "1 day ago (cadence 30 days)"
        );
        assert_eq!(
            Msg::Card(CardMsg::ContactRecent { days: 0, cadence: 30 }).render(Locale::PtBr),
            "hoje (cadência de 30 dias)"
        );
        assert_eq!(
            Msg::Card(CardMsg::ContactOverdue { days: 45, cadence: 30, over: 15 }).render(Locale::En),
            "45 days ago: OVERDUE by 15 days (cadence 30 days)"
        );
    }
}
