//! `/schedule`: the jobs' schedules with their next three runs in the workspace's time zone and
//! the days off; `/schedule JOB CRON|off|on`, `/schedule timezone ZONE` and
//! `/schedule holiday add|remove DATE [NAME]` change them (admins).

use crate::i18n::{HelpMsg, MeetingMsg};
use serde::Serialize;

use crate::core::catalog::{ArgType, CommandSpec, leaf, positional};
use crate::core::Command;
use crate::core::parse::Args;
use crate::domain::account::Role;
use chrono_tz::Tz;

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::domain::calendar::{Holiday, national_holiday};
use crate::domain::dates::Lean;
use crate::domain::text::truncate;
use crate::i18n::{Msg, format_date, format_day};
use crate::domain::cron::CronExpr;
use crate::store::Store;
use chrono::NaiveDate;

pub static SPEC: CommandSpec = leaf!(
    "schedule",
    "schedule",
    Msg::Help(HelpMsg::CmdSchedule),
    &[
        positional(
            "job",
            ArgType::Choice(&[
                "planning_reminders",
                "yearly_review",
                "stale_contact",
                "weekly_digest",
                "retiering",
                "timezone",
                "holiday",
            ]),
            false,
            false,
            Msg::Help(HelpMsg::ArgJob),
        ),
        positional("value", ArgType::Text { max_chars: 100 }, false, true, Msg::Help(HelpMsg::ArgScheduleValue)),
    ],
    "/schedule weekly_digest 0 9 * * 1",
    build,
);

/// Shows the job schedules, or (admins) sets one, the time zone or a day off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Schedule {
    pub job: Option<String>,
    pub value: Option<String>,
}

impl Schedule {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        run(store, ctx, self.job.as_deref(), self.value.as_deref()).await
    }
}

fn build(args: &Args) -> Result<Command, Msg> {
    Ok(Schedule { job: args.lower("job"), value: args.text("value") }.into())
}

/// The next `n` national holidays from `from`.
fn next_national(from: NaiveDate, n: usize) -> Vec<(NaiveDate, Holiday)> {
    from.iter_days().take(800).filter_map(|d| national_holiday(d).map(|h| (d, h))).take(n).collect()
}

async fn show(store: &Store, ctx: &Context, title: Msg) -> Result<Reply, CommandError> {
    let ws = store.workspace_by_id(ctx.workspace.id).await?.unwrap_or_else(|| ctx.workspace.clone());
    let tz: Tz = ws.time_zone.tz();
    let (calendar, _) = crate::core::calendar::calendar(store, ws.id).await?;
    let mut reply = Reply::titled(ctx.t(title)).line(ctx.t(Msg::Meetings(MeetingMsg::ScheduleTimeZone { tz: ws.time_zone.to_string() })));
    for s in store.schedules(ws.id).await? {
        let value = if s.enabled {
            let next: Vec<String> = s
                .cron
                .next(tz, ctx.now, 40)
                .into_iter()
                .filter(|t| !s.job.on_working_days() || calendar.is_working(t.with_timezone(&tz).date_naive()))
                .take(3)
                .map(|t| {
                    let local = t.with_timezone(&tz);
                    format!("{} {}", format_date(local.date_naive(), ctx.locale), local.format("%H:%M"))
                })
                .collect();
            ctx.t(Msg::Meetings(MeetingMsg::ScheduleNext { cron: s.cron.source().to_string(), next: next.join(", ") }))
        } else {
            ctx.t(Msg::Meetings(MeetingMsg::ScheduleOff { cron: s.cron.source().to_string() }))
        };
        reply = reply.field(s.job.name(), value);
    }
    Ok(reply)
}

/// `/schedule holiday`: the days off; `add DATE [NAME]` and `remove DATE` change them (admins).
async fn days_off(store: &Store, ctx: &Context, value: Option<&str>) -> Result<Reply, CommandError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        let (_, own) = crate::core::calendar::calendar(store, ctx.workspace.id).await?;
        let today = ctx.today();
        let upcoming: Vec<String> = own
            .iter()
            .filter(|d| d.day >= today)
            .map(|d| {
                if d.name.is_empty() {
                    format_day(d.day, ctx.locale)
                } else {
                    format!("{} {}", format_day(d.day, ctx.locale), d.name)
                }
            })
            .collect();
        let national: Vec<String> = next_national(today, 3)
            .into_iter()
            .map(|(d, h)| format!("{} {}", format_day(d, ctx.locale), ctx.locale.pick(h.names().0, h.names().1)))
            .collect();
        let own_line = if upcoming.is_empty() {
            ctx.t(Msg::Meetings(MeetingMsg::DaysOffNone))
        } else {
            ctx.t(Msg::Meetings(MeetingMsg::DaysOffOwn { days: upcoming.join(" · ") }))
        };
        return Ok(Reply::titled(ctx.t(Msg::Meetings(MeetingMsg::DaysOffTitle)))
            .line(own_line)
            .line(ctx.t(Msg::Meetings(MeetingMsg::DaysOffNational { days: national.join(" · ") })))
            .ephemeral());
    };
    if ctx.person.role != Role::Admin {
        return Err(Msg::Meetings(MeetingMsg::OnlyAdminsSchedule).into());
    }
    let mut words = value.splitn(3, char::is_whitespace);
    let action = words.next().unwrap_or_default().to_lowercase();
    let bad = || Msg::Meetings(MeetingMsg::BadDayOffAction { value: truncate(value, 60) });
    let date = words.next().ok_or_else(bad)?;
    let day = ctx.read_date("holiday", date, Lean::Future)?;
    let name = truncate(words.next().unwrap_or_default().trim().trim_matches('"'), 60);
    let mut tx = ctx.write(store).await?;
    let reply = match action.as_str() {
        "add" | "adicionar" | "adiciona" | "+" => {
            tx.add_day_off(ctx.workspace.id, day, &name).await?;
            Reply::titled(ctx.t(Msg::Meetings(MeetingMsg::DayOffAdded { day }))).tone(Tone::Good)
        }
        "remove" | "remover" | "remove-" | "-" => {
            if !tx.remove_day_off(ctx.workspace.id, day).await? {
                return Err(Msg::Meetings(MeetingMsg::DayOffNotThere { day }).into());
            }
            Reply::titled(ctx.t(Msg::Meetings(MeetingMsg::DayOffRemoved { day }))).tone(Tone::Good)
        }
        _ => return Err(bad().into()),
    };
    let arguments = serde_json::json!({ "job": "holiday", "value": value }).to_string();
    tx.audit(ctx.workspace.id, ctx.person.id, "schedule", &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    Ok(reply)
}

async fn run(store: &Store, ctx: &Context, job: Option<&str>, value: Option<&str>) -> Result<Reply, CommandError> {
    if job == Some("holiday") {
        return days_off(store, ctx, value).await;
    }
    let (Some(job), Some(value)) = (job, value) else {
        return Ok(show(store, ctx, Msg::Meetings(MeetingMsg::ScheduleTitle)).await?.ephemeral());
    };
    if ctx.person.role != Role::Admin {
        return Err(Msg::Meetings(MeetingMsg::OnlyAdminsSchedule).into());
    }
    let value = value.trim();
    let mut tx = ctx.write(store).await?;
    if job == "timezone" {
        let tz: Tz = value.parse().map_err(|_| Msg::Meetings(MeetingMsg::UnknownTimeZone { value: truncate(value, 40) }))?;
        tx.set_time_zone(ctx.workspace.id, tz.name()).await?;
    } else {
        let current = tx
            .schedules(ctx.workspace.id, store.settings())
            .await?
            .into_iter()
            .find(|s| s.job.name() == job)
            .ok_or_else(|| anyhow::anyhow!("job {job} has no schedule"))?;
        let (cron, enabled) = match value.to_ascii_lowercase().as_str() {
            "off" => (current.cron.source().to_string(), false),
            "on" => (current.cron.source().to_string(), true),
            _ => {
                let parsed = CronExpr::parse(value).map_err(|_| Msg::Meetings(MeetingMsg::BadCron { value: truncate(value, 60) }))?;
                (parsed.source().to_string(), true)
            }
        };
        tx.set_job_schedule(ctx.workspace.id, job, &cron, enabled).await?;
    }
    let arguments = serde_json::json!({ "job": job, "value": value }).to_string();
    tx.audit(ctx.workspace.id, ctx.person.id, "schedule", &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    Ok(show(store, ctx, Msg::Meetings(MeetingMsg::ScheduleChanged)).await?.tone(Tone::Good))
}
