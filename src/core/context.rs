//! The resolved circumstances of a command: workspace, person, language, time zone and today.

use crate::i18n::InputMsg;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::error::CommandError;
use super::invocation::{Invocation, Platform};
use crate::i18n::{Locale, Msg};
use crate::store::{Claim, Person, Store, StoreError, Workspace, WriteTx};

/// A platform's request is remembered for a day: delivered again within it, it is answered as the
/// first time; later, it is new.
fn forget_before(now: DateTime<Utc>) -> DateTime<Utc> {
    chrono::SubsecRound::trunc_subsecs(now, 0) - chrono::Duration::days(1)
}

/// Everything a command needs besides its arguments.
#[derive(Debug, Clone)]
pub struct Context {
    pub workspace: Workspace,
    pub person: Person,
    pub locale: Locale,
    pub tz: Tz,
    pub now: DateTime<Utc>,
    pub platform: Platform,
    pub source_id: Option<String>,
    /// Set once this command has claimed its platform request id (see [`Context::write`]).
    claimed: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// This request, handled before: its first answer (`None` while the first delivery runs).
    pub(crate) replayed: Option<Option<String>>,
}

impl Context {
    /// Finds (or, on first sight, registers) the workspace and the person, and settles the language:
    /// the person's own choice, else the platform's report, else the workspace default.
    pub async fn resolve(store: &Store, inv: &Invocation) -> Result<Context, StoreError> {
        let display_name = crate::domain::text::without_controls(&inv.display_name);
        // Usually one read: a known workspace and a known person whose name has not changed, and
        // whether this request was handled before.
        let request = inv.source_id.as_deref().map(|id| (id, forget_before(inv.now)));
        let found = store.identify_request(&inv.workspace, inv.platform, &inv.user_id, request).await?;
        let replayed = found.as_ref().and_then(|f| f.handled.clone());
        let known = found.map(|f| (f.workspace, f.person));
        let (workspace, person) = match known {
            Some((workspace, Some(person)))
                if person.display_name == display_name || person.name_fixed || inv.name_is_handle =>
            {
                (workspace, person)
            }
            // A first sight of the workspace or of the person, or a changed name: register it.
            known => {
                let workspace = match known {
                    Some((workspace, _)) => workspace,
                    None => store.ensure_workspace_speaking(&inv.workspace, inv.now, inv.first_language()).await?,
                };
                let person = store
                    .ensure_person(workspace.id, inv.platform.code(), &inv.user_id, &display_name, inv.now)
                    .await?;
                (workspace, person)
            }
        };
        let locale = person
            .language
            .as_deref()
            .and_then(Locale::parse)
            .or(inv.locale)
            .or_else(|| Locale::parse(&workspace.language))
            .unwrap_or_default();
        let tz = person.time_zone.unwrap_or(workspace.time_zone).tz();
        Ok(Context {
            workspace,
            person,
            locale,
            tz,
            // Every instant a command stores is whole seconds, so that instants compare as
            // instants whichever command wrote them (ties fall to the order of writing).
            now: chrono::SubsecRound::trunc_subsecs(inv.now, 0),
            platform: inv.platform,
            source_id: inv.source_id.clone(),
            claimed: Default::default(),
            replayed,
        })
    }

    /// Begins the command's write transaction (`BEGIN IMMEDIATE`). The first one a command opens
    /// claims the platform's id of the request inside it, so every write is claimed by
    /// construction: a request delivered again (a replay, a retry) finds its claim and writes
    /// nothing ([`CommandError::Replayed`]), and a write that rolls back takes its claim with it.
    pub async fn write(&self, store: &Store) -> Result<WriteTx, CommandError> {
        use std::sync::atomic::Ordering;
        let mut tx = store.write().await?;
        let Some(source_id) = self.source_id.as_deref() else { return Ok(tx) };
        if self.claimed.load(Ordering::Acquire) {
            return Ok(tx);
        }
        match tx
            .claim_request(self.workspace.id, self.platform.code(), source_id, self.now, self.forget_before())
            .await?
        {
            Claim::New => {
                self.claimed.store(true, Ordering::Release);
                Ok(tx)
            }
            Claim::Seen(answer) => Err(CommandError::Replayed(answer)),
        }
    }

    /// Requests handled before this are forgotten: delivered again, they are new.
    pub(crate) fn forget_before(&self) -> DateTime<Utc> {
        forget_before(self.now)
    }

    /// Whether this command claimed its request (and so its answer is to be kept).
    pub(crate) fn claimed(&self) -> bool {
        self.claimed.load(std::sync::atomic::Ordering::Acquire)
    }

    /// The workspace's time zone (schedules and digests keep it, whoever asks).
    pub fn workspace_tz(&self) -> Tz {
        self.workspace.time_zone.tz()
    }

    pub fn t(&self, msg: Msg) -> String {
        msg.render(self.locale)
    }

    /// The person's calendar day.
    pub fn today(&self) -> NaiveDate {
        self.now.with_timezone(&self.tz).date_naive()
    }

    /// A date option as the person typed it (`sexta`, `em 2 semanas`, `10/12`), read from their
    /// today and leaning the way the option points; a refusal names the option and what it accepts.
    pub fn read_date(
        &self,
        arg: &'static str,
        value: &str,
        lean: crate::domain::dates::Lean,
    ) -> Result<NaiveDate, crate::i18n::Msg> {
        use crate::domain::dates::{DateError, read_date};
        use crate::domain::text::truncate;
        use crate::i18n::{Msg, Onb};
        read_date(value, self.today(), lean).map_err(|e| match e {
            DateError::Malformed => Msg::Input(InputMsg::BadDate { arg, value: truncate(value, 40) }),
            DateError::NoSuchDay => Msg::Input(InputMsg::NoSuchDay { arg, value: truncate(value, 40) }),
            DateError::OutOfRange => Msg::Onb(Onb::DateOutOfRange { arg, value: truncate(value, 40) }),
        })
    }

    pub fn local_date(&self, instant: DateTime<Utc>) -> NaiveDate {
        instant.with_timezone(&self.tz).date_naive()
    }
}
