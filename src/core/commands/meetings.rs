//! `/meeting ACCOUNT WHEN [--kind planning|review|other] [--with CONTACTS]` schedules a meeting;
//! `/meetings [--mine] [--days N] [--page P]` lists what is coming.

use crate::domain::account::AccountStatus;
use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::Page;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{require_account, require_contact};
use crate::domain::dates::parse_date_time;
use crate::domain::text::truncate;
use crate::i18n::{Msg, format_date};
use crate::store::{NewMeeting, Store};

/// A meeting given without a time starts at 09:00.
const DEFAULT_TIME: (u32, u32) = (9, 0);

/// `2026-12-10 14:00` in the person's calendar and time zone.
fn when_text(ctx: &Context, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&ctx.tz);
    format!("{} {}", format_date(local.date_naive(), ctx.locale), local.format("%H:%M"))
}

pub async fn schedule(
    store: &Store,
    ctx: &Context,
    account: &str,
    when: &str,
    kind: &str,
    with: Option<&str>,
) -> Result<Reply, CommandError> {
    let (day, time) = parse_date_time(when, ctx.today()).map_err(|_| Msg::BadDateTime { value: truncate(when, 40) })?;
    let time = time.or(NaiveTime::from_hms_opt(DEFAULT_TIME.0, DEFAULT_TIME.1, 0)).unwrap_or(NaiveTime::MIN);
    let local = day.and_time(time);
    let starts_at = ctx
        .tz
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| ctx.tz.from_local_datetime(&(local + Duration::hours(1))).earliest())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| Msg::BadDateTime { value: truncate(when, 40) })?;
    if starts_at < ctx.now {
        return Err(Msg::MeetingInPast { read_as: day }.into());
    }
    let account = require_account(store, ctx, account).await?;
    if account.status == AccountStatus::Archived {
        return Err(Msg::AccountArchived { name: account.name }.into());
    }
    let mut contacts = Vec::new();
    for name in with.unwrap_or_default().split(',').map(str::trim).filter(|n| !n.is_empty()) {
        contacts.push(require_contact(store, ctx, &account, name).await?.name);
    }
    let with_contacts = contacts.join(", ");

    let mut tx = store.write().await?;
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
                Msg::MeetingAlreadyBooked { id: first, account: account.name, at: when_text(ctx, starts_at) }.into()
            );
        }
    };
    let arguments =
        serde_json::json!({ "account": account.name, "when": starts_at, "kind": kind, "with": with_contacts });
    tx.audit(ctx.workspace.id, ctx.person.id, "meeting", &arguments.to_string(), "ok", ctx.now).await?;
    tx.commit().await?;

    let mut reply = Reply::titled(ctx.t(Msg::MeetingScheduled { kind: kind.to_string(), account: account.name }))
        .inline_field(ctx.t(Msg::LabelWhen), when_text(ctx, starts_at));
    if !with_contacts.is_empty() {
        reply = reply.inline_field(ctx.t(Msg::LabelWith), with_contacts);
    }
    if let Some(flag) = crate::core::commands::schedule::holiday_flag(store, ctx, day).await? {
        reply = reply.line(flag);
    }
    Ok(reply.footer(ctx.t(Msg::MeetingFooter { id })).tone(Tone::Good))
}

pub async fn list(store: &Store, ctx: &Context, mine: bool, days: i64, page: i64) -> Result<Reply, CommandError> {
    let until = ctx.now + Duration::days(days);
    let meetings: Vec<_> = store
        .meetings_between(ctx.workspace.id, ctx.now, until)
        .await?
        .into_iter()
        .filter(|m| !mine || m.owner_id == Some(ctx.person.id))
        .collect();
    if meetings.is_empty() {
        return Ok(Reply::titled(ctx.t(Msg::MeetingsTitle { days })).line(ctx.t(Msg::MeetingsNone)));
    }
    let mut reply = Reply::titled(ctx.t(Msg::MeetingsTitle { days }));
    let page = Page::of(meetings.len(), page);
    let command = format!("/meetings{} --days {days}", if mine { " --mine" } else { "" });
    if let Some(footer) = page.footer(ctx, &command) {
        reply = reply.footer(footer);
    }
    for m in page.slice(meetings) {
        let mut line =
            format!("{} · {} · {}", when_text(ctx, m.starts_at), ctx.t(Msg::MeetingKind(m.kind)), m.account_name);
        if !m.with_contacts.is_empty() {
            line.push_str(&format!(" · {}", m.with_contacts));
        }
        reply = reply.line(line);
    }
    Ok(reply)
}
