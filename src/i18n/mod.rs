//! The message catalog: every text a person reads, in English and Brazilian Portuguese, and the
//! locale-aware formats of dates, money and percentages.

mod format;
mod messages;
mod onboarding;
#[cfg(test)]
pub(crate) mod pt_review;
mod words;

pub use format::{format_bp, format_date, format_day, format_money};
pub use messages::{
    CaptureMsg, CardMsg, ChatMsg, CliMsg, DealMsg, DigestMsg, HealthMsg, HelpMsg, ImportMsg, InputMsg, LogMsg,
    MeetingBrief, MeetingMsg, Msg, PeopleMsg, PlanMsg, ReminderMsg, TaskMsg,
};
pub use onboarding::Onb;
pub use words::{Arg, ArgWords, CommandWords, Usage};

pub use crate::domain::locale::Locale;

/// Every message renders in every locale: `locale.t(msg)`.
pub trait Translate {
    /// Renders a message of the catalog.
    fn t(self, msg: Msg) -> String;
}

impl Translate for Locale {
    fn t(self, msg: Msg) -> String {
        msg.render(self)
    }
}
