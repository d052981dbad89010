//! Who asks, from where, in which language, and when: everything a command needs besides its
//! arguments. The caller passes `now`; the core never reads the clock.

use chrono::{DateTime, Utc};

use crate::i18n::Locale;

pub use crate::domain::identity::Platform;

/// A request to the core.
#[derive(Debug, Clone)]
pub struct Invocation {
    /// `local`, `discord:<guild id>` or `slack:<team id>`.
    pub workspace: String,
    pub platform: Platform,
    /// The platform's id of the person.
    pub user_id: String,
    pub display_name: String,
    /// Whether `display_name` is only the person's handle (Slack's `user_name`), not the name they
    /// are known by: a known person then keeps the name they have, and it names only a newcomer.
    pub name_is_handle: bool,
    /// The language the platform reports for the person, used when they chose none.
    pub locale: Option<Locale>,
    /// The language the platform reports for the workspace itself (a Discord server's preferred
    /// locale): a new workspace speaks it where it is Portuguese, else the first person's.
    pub workspace_locale: Option<Locale>,
    pub now: DateTime<Utc>,
    /// The platform's id of the message or interaction, so a redelivery is not logged twice.
    pub source_id: Option<String>,
}

impl Invocation {
    /// The language a workspace first met through this invocation starts in: the platform's
    /// report for the workspace where it is Portuguese (a server's locale defaults to English
    /// whether or not anyone chose it), else the person's, else the workspace's.
    pub fn first_language(&self) -> Option<Locale> {
        match (self.workspace_locale, self.locale) {
            (Some(Locale::PtBr), _) => Some(Locale::PtBr),
            (_, Some(person)) => Some(person),
            (workspace, None) => workspace,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(workspace: Option<Locale>, person: Option<Locale>) -> Option<Locale> {
        let inv = Invocation {
            workspace: "discord:1".into(),
            platform: Platform::Discord,
            user_id: "u".into(),
            display_name: "U".into(),
            name_is_handle: false,
            locale: person,
            workspace_locale: workspace,
            now: DateTime::<Utc>::UNIX_EPOCH,
            source_id: None,
        };
        inv.first_language()
    }

    #[test]
    fn a_portuguese_server_wins_and_an_english_one_yields_to_the_person() {
        assert_eq!(of(Some(Locale::PtBr), Some(Locale::En)), Some(Locale::PtBr));
        assert_eq!(of(Some(Locale::En), Some(Locale::PtBr)), Some(Locale::PtBr));
        assert_eq!(of(Some(Locale::En), None), Some(Locale::En));
        assert_eq!(of(None, None), None);
    }
}
