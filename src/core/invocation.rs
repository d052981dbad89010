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
    pub now: DateTime<Utc>,
    /// The platform's id of the message or interaction, so a redelivery is not logged twice.
    pub source_id: Option<String>,
}
