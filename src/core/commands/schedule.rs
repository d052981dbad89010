//! `/schedule`: the jobs' schedules with their next three runs in the workspace's time zone;
//! `/schedule JOB CRON|off|on` and `/schedule timezone ZONE` change them (admins).

use crate::domain::account::Role;
use chrono_tz::Tz;

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::domain::text::truncate;
use crate::i18n::{Msg, format_date};
use crate::scheduler::Scheduler;
use crate::scheduler::cron::CronExpr;
use crate::store::Store;

async fn show(store: &Store, ctx: &Context, title: Msg) -> Result<Reply, CommandError> {
    let ws = store.workspace_by_id(ctx.workspace.id).await?.unwrap_or_else(|| ctx.workspace.clone());
    let tz: Tz = ws.time_zone.parse().unwrap_or(chrono_tz::America::Sao_Paulo);
    let mut reply = Reply::titled(ctx.t(title)).line(ctx.t(Msg::ScheduleTimeZone { tz: ws.time_zone.clone() }));
    for s in Scheduler::new(store.clone()).schedules(ws.id).await? {
        let value = if s.enabled {
            let next: Vec<String> = s
                .cron
                .next(tz, ctx.now, 3)
                .into_iter()
                .map(|t| {
                    let local = t.with_timezone(&tz);
                    format!("{} {}", format_date(local.date_naive(), ctx.locale), local.format("%H:%M"))
                })
                .collect();
            ctx.t(Msg::ScheduleNext { cron: s.cron.source().to_string(), next: next.join(", ") })
        } else {
            ctx.t(Msg::ScheduleOff { cron: s.cron.source().to_string() })
        };
        reply = reply.field(s.job.name(), value);
    }
    Ok(reply)
}

pub async fn run(store: &Store, ctx: &Context, job: Option<&str>, value: Option<&str>) -> Result<Reply, CommandError> {
    let (Some(job), Some(value)) = (job, value) else {
        return Ok(show(store, ctx, Msg::ScheduleTitle).await?.ephemeral());
    };
    if ctx.person.role != Role::Admin {
        return Err(Msg::OnlyAdminsSchedule.into());
    }
    let value = value.trim();
    let mut tx = store.write().await?;
    if job == "timezone" {
        let tz: Tz = value.parse().map_err(|_| Msg::UnknownTimeZone { value: truncate(value, 40) })?;
        tx.set_time_zone(ctx.workspace.id, tz.name()).await?;
    } else {
        let current = Scheduler::new(store.clone())
            .schedules(ctx.workspace.id)
            .await?
            .into_iter()
            .find(|s| s.job.name() == job)
            .ok_or_else(|| anyhow::anyhow!("job {job} has no schedule"))?;
        let (cron, enabled) = match value.to_ascii_lowercase().as_str() {
            "off" => (current.cron.source().to_string(), false),
            "on" => (current.cron.source().to_string(), true),
            _ => {
                let parsed = CronExpr::parse(value).map_err(|_| Msg::BadCron { value: truncate(value, 60) })?;
                (parsed.source().to_string(), true)
            }
        };
        tx.set_job_schedule(ctx.workspace.id, job, &cron, enabled).await?;
    }
    let arguments = serde_json::json!({ "job": job, "value": value }).to_string();
    tx.audit(ctx.workspace.id, ctx.person.id, "schedule", &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    Ok(show(store, ctx, Msg::ScheduleChanged).await?.tone(Tone::Good))
}
