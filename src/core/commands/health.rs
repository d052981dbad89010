//! `/health ACCOUNT`: the health score and every component with its value and reason;
//! `/risks`: the accounts whose health is lowest, with the weakest component as the reason.

use chrono::Duration;

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::Page;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::domain::account::PlanningClock;
use crate::domain::health::{Component, HealthInputs, Part, default_weights, score};
use crate::domain::money::ratio_bp;
use crate::i18n::Msg;
use crate::store::{AccountRow, InteractionRow, Store};

/// Below this score an account is at risk.
pub const AT_RISK: u32 = 60;
/// How many tones of recent interactions count, and how far back.
const TONES: i64 = 5;
const TONE_DAYS: i64 = 180;
const REACHED_DAYS: i64 = 90;

/// Where the account stands against its planning cadence, and its last interaction.
pub async fn clock_of(
    store: &Store,
    ctx: &Context,
    a: &AccountRow,
) -> Result<(PlanningClock, Option<InteractionRow>), CommandError> {
    let ws = ctx.workspace.id;
    let last = store.history(ws, a.id, 1).await?.into_iter().next();
    let last_planning = store.last_planning(ws, a.id).await?;
    let clock = PlanningClock::compute(
        ctx.today(),
        a.planning_cadence_days,
        ctx.local_date(a.created_at),
        last.as_ref().map(|i| ctx.local_date(i.occurred_at)),
        last_planning.map(|t| ctx.local_date(t)),
    );
    Ok((clock, last))
}

/// An account's score, its parts, and the reason of each part.
pub struct Health {
    pub score: u32,
    pub parts: Vec<(Part, Msg)>,
    /// The score a week or more ago, and when, from the weekly digests.
    pub before: Option<(chrono::NaiveDate, i64)>,
}

/// A health snapshot must be at least this old to compare with.
const TREND_DAYS: i64 = 6;
/// A drop of this many points since the last snapshot puts an account on /risks.
const FALLING: i64 = 10;

pub async fn assess(store: &Store, ctx: &Context, a: &AccountRow) -> Result<Health, CommandError> {
    let ws = ctx.workspace.id;
    let today = ctx.today();
    let (clock, _) = clock_of(store, ctx, a).await?;
    let since = ctx.now - Duration::days(REACHED_DAYS);
    let contacts = store.stakeholders(ws, a.id).await?;
    let reached: Vec<_> = contacts.iter().filter(|c| c.last_contact.is_some_and(|t| t >= since)).collect();
    let mut departments: Vec<&str> = reached.iter().map(|c| c.department.as_str()).filter(|d| !d.is_empty()).collect();
    departments.sort_unstable();
    departments.dedup();
    let decision_maker = reached.iter().any(|c| c.decision_role.as_deref() == Some("decision_maker"));
    let periods = store.wallet_periods(ws, a.id).await?;
    let shares: Vec<(String, i64)> =
        periods.iter().filter_map(|p| Some((p.period.clone(), ratio_bp(p.revenue_minor, p.spend_minor)?))).collect();
    let share_change = match shares.as_slice() {
        [.., (since, before), (_, after)] => Some((after - before, since.clone())),
        _ => None,
    };
    let tones = store.recent_tones(ws, a.id, ctx.now - Duration::days(TONE_DAYS), TONES).await?;
    let competitors = store.competitors(ws, a.id).await?;
    let threat_level = |t: &str| match t {
        "high" => 3,
        "medium" => 2,
        _ => 1,
    };
    let strongest = competitors.iter().max_by_key(|c| threat_level(&c.threat));
    let plan = store.plan(ws, a.id, i64::from(chrono::Datelike::year(&today))).await?;
    let plan_age = plan.map(|p| (today - ctx.local_date(p.updated_at)).num_days());
    let opps = store.opportunities(ws, a.id).await?;
    let open_opps = opps.iter().filter(|o| !matches!(o.stage.as_str(), "won" | "lost")).count() as i64;
    let year_ago = ctx.now - Duration::days(365);
    let won_last_year =
        opps.iter().filter(|o| o.stage == "won" && o.closed_at.is_some_and(|t| t >= year_ago)).count() as i64;
    let inputs = HealthInputs {
        cadence_days: a.planning_cadence_days,
        days_since_contact: clock.days_since_contact,
        planning_overdue_days: clock.planning_overdue_days,
        contacts_reached: reached.len() as i64,
        departments_reached: departments.len() as i64,
        decision_maker_reached: decision_maker,
        review_overdue_days: a.yearly_review_on.map(|d| (today - d).num_days()),
        plan_age_days: plan_age,
        open_opportunities: open_opps,
        won_last_year,
        share_change_bp: share_change.as_ref().map(|(c, _)| *c),
        tones: tones.clone(),
        max_threat: strongest.map_or(0, |c| threat_level(&c.threat)),
    };
    let (total, parts) = score(&inputs, &weights(store, ws).await?);
    let reason = |c: Component| -> Msg {
        match c {
            Component::ContactRecency => {
                Msg::HealthRecency { days: clock.days_since_contact, cadence: a.planning_cadence_days }
            }
            Component::PlanningCadence => {
                Msg::HealthPlanning { due: clock.next_planning_due, overdue: clock.planning_overdue_days }
            }
            Component::Stakeholders => Msg::HealthStakeholders {
                people: inputs.contacts_reached,
                departments: inputs.departments_reached,
                decision_maker,
            },
            Component::YearlyReview => Msg::HealthReview { date: a.yearly_review_on, today },
            Component::PlanFreshness => Msg::HealthPlan { age_days: plan_age },
            Component::OpportunityMomentum => Msg::HealthMomentum { open: open_opps, won_last_year },
            Component::ShareTrend => Msg::HealthShare {
                delta_bp: share_change.as_ref().map_or(0, |(c, _)| *c),
                since: share_change.as_ref().map(|(_, s)| s.clone()).unwrap_or_default(),
            },
            Component::Tone => Msg::HealthTone {
                positive: tones.iter().filter(|t| **t > 0).count(),
                neutral: tones.iter().filter(|t| **t == 0).count(),
                negative: tones.iter().filter(|t| **t < 0).count(),
            },
            Component::CompetitorThreat => {
                Msg::HealthThreat { strongest: strongest.map(|c| (c.name.clone(), c.threat.clone())) }
            }
        }
    };
    let before = store.health_before(ws, a.id, today - Duration::days(TREND_DAYS)).await?;
    Ok(Health { score: total, parts: parts.into_iter().map(|p| (p, reason(p.component))).collect(), before })
}

/// The workspace's weights: its own where set, the defaults elsewhere.
pub async fn weights(store: &Store, workspace_id: i64) -> Result<[u32; 9], CommandError> {
    let own = store.health_weights(workspace_id).await?;
    let mut weights = default_weights();
    for (i, c) in Component::ALL.iter().enumerate() {
        if let Some((_, w)) = own.iter().find(|(code, _)| code == c.code()) {
            weights[i] = (*w).clamp(0, 100) as u32;
        }
    }
    Ok(weights)
}

/// `/weights` shows the weights; `/weights COMPONENT N` sets one (admins).
pub async fn set_weights(
    store: &Store,
    ctx: &Context,
    component: Option<&str>,
    weight: Option<i64>,
) -> Result<Reply, CommandError> {
    if let (Some(code), Some(weight)) = (component, weight) {
        if ctx.person.role != "admin" {
            return Err(Msg::OnlyAdminsWeights.into());
        }
        let mut tx = store.write().await?;
        tx.set_health_weight(ctx.workspace.id, code, weight).await?;
        let arguments = serde_json::json!({ "component": code, "weight": weight }).to_string();
        tx.audit(ctx.workspace.id, ctx.person.id, "weights", &arguments, "ok", ctx.now).await?;
        tx.commit().await?;
    } else if component.is_some() {
        return Err(Msg::WeightNeedsNumber.into());
    }
    let weights = weights(store, ctx.workspace.id).await?;
    let mut reply = Reply::titled(ctx.t(Msg::WeightsTitle));
    for (c, w) in Component::ALL.iter().zip(weights) {
        reply = reply.field(format!("{} ({})", ctx.t(Msg::ComponentName(*c)), c.code()), w.to_string());
    }
    Ok(reply.footer(ctx.t(Msg::WeightsFooter)))
}

fn tone_of(score: u32) -> Tone {
    match score {
        s if s < AT_RISK => Tone::Danger,
        s if s < 75 => Tone::Warning,
        _ => Tone::Good,
    }
}

pub async fn show(store: &Store, ctx: &Context, account: &str) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let health = assess(store, ctx, &account).await?;
    let mut reply = Reply::titled(ctx.t(Msg::HealthTitle { account: account.name.clone(), score: health.score }));
    if let Some((since, b)) = health.before {
        reply = reply.line(ctx.t(Msg::HealthTrend { delta: i64::from(health.score) - b, since }));
    }
    for (part, reason) in health.parts {
        let value = format!("{} · {}", part.value, ctx.t(reason));
        reply = reply.field(ctx.t(Msg::ComponentName(part.component)), value);
    }
    Ok(reply.footer(ctx.t(Msg::HealthFooter)).tone(tone_of(health.score)))
}

pub async fn risks(store: &Store, ctx: &Context, page: i64) -> Result<Reply, CommandError> {
    let mut scored = Vec::new();
    for row in store.portfolio(ctx.workspace.id, None, None).await? {
        let Some(account) = store.account(ctx.workspace.id, row.id).await? else { continue };
        let health = assess(store, ctx, &account).await?;
        let drop = health.before.map_or(0, |(_, b)| b - i64::from(health.score));
        if health.score < AT_RISK || drop >= FALLING {
            let weakest = health.parts.iter().min_by_key(|(p, _)| p.value).map(|(_, reason)| ctx.t(reason.clone()));
            let mut reason = weakest.unwrap_or_default();
            if let Some((since, b)) = health.before.filter(|_| drop >= FALLING) {
                reason = format!("{} · {reason}", ctx.t(Msg::HealthFell { from: b, since }));
            }
            scored.push((health.score, account.name, reason));
        }
    }
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut reply = Reply::titled(ctx.t(Msg::RisksTitle { count: scored.len() }));
    if scored.is_empty() {
        return Ok(reply.line(ctx.t(Msg::NoRisks)).tone(Tone::Good));
    }
    let page = Page::of(scored.len(), page);
    for (score, name, reason) in page.slice(scored) {
        reply = reply.line(format!("• {name} · {score}/100 · {reason}"));
    }
    if let Some(footer) = page.footer(ctx, "/risks") {
        reply = reply.footer(footer);
    }
    Ok(reply.tone(Tone::Warning))
}
