//! `/meeting ACCOUNT WHEN [--kind planning|review|other] [--with CONTACTS]`: schedules a meeting,
//! which the reminders then announce.

use crate::i18n::{HelpMsg, LogMsg, MeetingMsg};
use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_FIRST, ArgType, CommandSpec, leaf, option, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{require_account, require_contact};
use crate::domain::account::AccountStatus;
use crate::domain::dates::{Lean, read_when};
use crate::domain::text::truncate;
use crate::domain::kind::MeetingKind;
use crate::domain::vocabulary;
use crate::i18n::{Msg, format_day};
use crate::store::{NewMeeting, Store};

pub static SPEC: CommandSpec = leaf!(
    "meeting",
    "meeting",
    Msg::Help(HelpMsg::CmdMeeting),
    &[
        ACCOUNT_FIRST,
        positional("when", ArgType::DateTime, true, true, Msg::Help(HelpMsg::ArgMeetingWhen)),
        option("kind", ArgType::Words(&vocabulary::MEETING_KINDS), Msg::Help(HelpMsg::ArgMeetingKind)),
        option("with", ArgType::Text { max_chars: 300 }, Msg::Help(HelpMsg::ArgWith)),
    ],
    "/meeting Vale 2026-12-10 14:00 --kind planning --with \"Beatriz Almeida, João Ferreira\"",
    |args| {
        Ok(Meeting {
            account: args.required("account")?,
            when: args.required("when")?,
            // The parser has read the word into its code.
            kind: MeetingKind::from_code(args.get("kind").unwrap_or("planning")).ok_or_else(|| args.missing("kind"))?,
            with: args.text("with"),
        }
        .into())
    },
    pt: "/meeting Vale \"10/12 14h\" --kind planejamento --with \"Beatriz Almeida, João Ferreira\"",
);

/// Schedules a meeting with an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub account: String,
    pub when: String,
    pub kind: MeetingKind,
    pub with: Option<String>,
}

impl Meeting {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        schedule(store, ctx, &self.account, &self.when, self.kind, self.with.as_deref()).await
    }
}

/// A meeting given without a time starts at 09:00.
const DEFAULT_TIME: (u32, u32) = (9, 0);

/// `Thu 2026-12-10 at 14:00`, `qui 10/12/2026 às 14h`, in the person's calendar and time zone.
pub(crate) fn when_text(ctx: &Context, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&ctx.tz);
    let day = format_day(local.date_naive(), ctx.locale);
    let pt = match chrono::Timelike::minute(&local) {
        0 => local.format("%-Hh").to_string(),
        _ => local.format("%-Hh%M").to_string(),
    };
    ctx.locale.pick(format!("{day} at {}", local.format("%H:%M")), format!("{day} às {pt}"))
}

async fn schedule(
    store: &Store,
    ctx: &Context,
    account: &str,
    when: &str,
    kind: MeetingKind,
    with: Option<&str>,
) -> Result<Reply, CommandError> {
    let local_now = ctx.now.with_timezone(&ctx.tz).naive_local();
    let (day, time) = read_when(when, local_now, Lean::Future).map_err(|_| Msg::Meetings(MeetingMsg::BadDateTime { value: truncate(when, 40) }))?;
    let time = time.or(NaiveTime::from_hms_opt(DEFAULT_TIME.0, DEFAULT_TIME.1, 0)).unwrap_or(NaiveTime::MIN);
    let local = day.and_time(time);
    let starts_at = ctx
        .tz
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| ctx.tz.from_local_datetime(&(local + Duration::hours(1))).earliest())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| Msg::Meetings(MeetingMsg::BadDateTime { value: truncate(when, 40) }))?;
    if starts_at < ctx.now {
        return Err(Msg::Meetings(MeetingMsg::MeetingInPast { read_as: day }).into());
    }
    let account = require_account(store, ctx, account).await?;
    if account.status == AccountStatus::Archived {
        return Err(Msg::Log(LogMsg::AccountArchived { name: account.name }).into());
    }
    let mut contacts = Vec::new();
    for name in with.unwrap_or_default().split(',').map(str::trim).filter(|n| !n.is_empty()) {
        contacts.push(require_contact(store, ctx, &account, name).await?.name);
    }
    let with_contacts = contacts.join(", ");

    let mut tx = ctx.write(store).await?;
    let id = tx
        .insert_meeting(
            ctx.workspace.id,
            &NewMeeting {
                account_id: account.id,
                kind,
                starts_at,
                day,
                booked_from: crate::core::standing::start_of(ctx.today(), ctx.tz).unwrap_or(ctx.now),
                with_contacts: &with_contacts,
                created_by: ctx.person.id,
                created_at: ctx.now,
            },
        )
        .await?;
    let id = match id {
        Ok(id) => id,
        Err(first) => {
            return Err(
                Msg::Meetings(MeetingMsg::MeetingAlreadyBooked { id: first, account: account.name, at: when_text(ctx, starts_at) }).into()
            );
        }
    };
    let arguments =
        serde_json::json!({ "account": account.name, "when": starts_at, "kind": kind.code(), "with": with_contacts });
    tx.audit(ctx.workspace.id, ctx.person.id, "meeting", &arguments.to_string(), "ok", ctx.now).await?;
    tx.commit().await?;

    let mut reply = Reply::titled(ctx.t(Msg::Meetings(MeetingMsg::MeetingScheduled { kind, account: account.name })))
        .inline_field(ctx.t(Msg::Log(LogMsg::LabelWhen)), when_text(ctx, starts_at));
    if !with_contacts.is_empty() {
        reply = reply.inline_field(ctx.t(Msg::Meetings(MeetingMsg::LabelWith)), with_contacts);
    }
    if let Some(flag) = crate::core::calendar::holiday_flag(store, ctx, day).await? {
        reply = reply.line(flag);
    }
    Ok(reply.footer(ctx.t(Msg::Meetings(MeetingMsg::MeetingFooter { id }))).tone(Tone::Good))
}

