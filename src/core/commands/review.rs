//! `/review ACCOUNT --objectives ... --value ... --changes ... --depth ... --rating N [--next ...]`:
//! records the yearly review around its four questions, starts next year's plan from this one,
//! logs a yearly-review interaction (which restarts the planning clock) and moves the review date
//! a year on, all in one transaction.

use crate::i18n::{HelpMsg, LogMsg, PlanMsg, ReminderMsg};
use serde::Serialize;

use crate::core::Command;
use crate::core::catalog::{ACCOUNT_REST, ArgType, CommandSpec, leaf, option};
use crate::core::parse::Args;
use crate::domain::account::AccountStatus;
use chrono::{Datelike, Months};

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::i18n::{Msg, format_date, format_day};
use crate::store::{InsertOutcome, NewInteraction, NewReview, Store};

pub static SPEC: CommandSpec = leaf!(
    "review",
    "review",
    Msg::Help(HelpMsg::CmdReview),
    &[
        ACCOUNT_REST,
        option("objectives", ArgType::Text { max_chars: 1000 }, Msg::Help(HelpMsg::ArgReviewObjectives)),
        option("value", ArgType::Text { max_chars: 1000 }, Msg::Help(HelpMsg::ArgReviewValue)),
        option("changes", ArgType::Text { max_chars: 1000 }, Msg::Help(HelpMsg::ArgReviewChanges)),
        option("depth", ArgType::Text { max_chars: 1000 }, Msg::Help(HelpMsg::ArgReviewDepth)),
        option("rating", ArgType::Integer { min: 1, max: 5 }, Msg::Help(HelpMsg::ArgRating)),
        option("next", ArgType::Text { max_chars: 1000 }, Msg::Help(HelpMsg::ArgNextObjectives)),
        option("year", ArgType::Integer { min: 2000, max: 2100 }, Msg::Help(HelpMsg::ArgReviewYear)),
    ],
    "/review Vale --objectives \"Keep S11D\" --value \"Yes, downtime down 14%\" --changes \"Quarterly reviews\" --depth \"Thin in operations\" --rating 4",
    build,
    pt: "/review Vale --objectives \"Manter o S11D\" --value \"Sim, paradas 14% menores\" --changes \"Revisões trimestrais\" --depth \"Fracos em operações\" --rating 4",
);

/// What `/review` does: shows the last review (or a year's), or records one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    Show { account: String, year: Option<i64> },
    Record(ReviewRequest),
}

/// The answers of a yearly review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewRequest {
    pub account: String,
    pub objectives: String,
    pub value: String,
    pub changes: String,
    pub depth: String,
    pub rating: i64,
    pub next: Option<String>,
}

fn build(args: &Args) -> Result<Command, Msg> {
    // With none of the four answers, the review is shown; with some, all are needed.
    if ["objectives", "value", "changes", "depth", "rating"].iter().all(|a| args.get(a).is_none()) {
        return Ok(Review::Show { account: args.required("account")?, year: args.number("year") }.into());
    }
    Ok(Review::Record(ReviewRequest {
        account: args.required("account")?,
        objectives: args.required("objectives")?,
        value: args.required("value")?,
        changes: args.required("changes")?,
        depth: args.required("depth")?,
        rating: args.number("rating").ok_or_else(|| args.missing("rating"))?,
        next: args.text("next"),
    })
    .into())
}

impl Review {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        match self {
            Review::Show { account, year } => show(store, ctx, &account, year).await,
            Review::Record(request) => record(store, ctx, &request).await,
        }
    }
}

/// `/review ACCOUNT [--year Y]`: the last yearly review (or that year's): the four answers, the
/// rating, who and when.
async fn show(store: &Store, ctx: &Context, account: &str, year: Option<i64>) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let reviews = store.reviews(ctx.workspace.id, account.id).await?;
    let next = account.yearly_review_on.map(|d| format_date(d, ctx.locale));
    let Some(review) = reviews.iter().find(|r| year.is_none_or(|y| r.year == y)) else {
        return Ok(Reply::titled(ctx.t(Msg::Plan(PlanMsg::NoReview { account: account.name, year, next }))).ephemeral());
    };
    let mut reply = Reply::titled(ctx.t(Msg::Plan(PlanMsg::ReviewTitle {
        account: account.name.clone(),
        year: review.year,
        rating: review.rating,
    })));
    for (n, answer) in [&review.objectives, &review.value, &review.changes, &review.depth].into_iter().enumerate() {
        reply = reply.field(ctx.t(Msg::Reminders(ReminderMsg::ReviewQuestion(n as u8 + 1))), answer.clone());
    }
    if !review.next_objectives.is_empty() {
        reply = reply.field(ctx.t(Msg::Plan(PlanMsg::LabelNextObjectives)), review.next_objectives.clone());
    }
    let earlier: Vec<String> = reviews.iter().filter(|r| r.year != review.year).map(|r| r.year.to_string()).collect();
    Ok(reply.footer(ctx.t(Msg::Plan(PlanMsg::ReviewFooterShown {
        by: review.reviewer_name.clone(),
        on: format_date(ctx.local_date(review.reviewed_at), ctx.locale),
        next,
        earlier: earlier.join(", "),
        account: crate::domain::text::quoted(&account.name),
    }))))
}

async fn record(store: &Store, ctx: &Context, r: &ReviewRequest) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, &r.account).await?;
    if account.status == AccountStatus::Archived {
        return Err(Msg::Log(LogMsg::AccountArchived { name: account.name }).into());
    }
    require_write(store, ctx, &account).await?;
    let today = ctx.today();
    let year = i64::from(today.year());
    let from = account.yearly_review_on.filter(|d| *d > today).unwrap_or(today);
    let next_review = from.checked_add_months(Months::new(12)).unwrap_or(from);
    let summary = ctx.t(Msg::Plan(PlanMsg::ReviewSummary { rating: r.rating }));

    let mut tx = ctx.write(store).await?;
    let logged = tx
        .insert_interaction(
            ctx.workspace.id,
            &NewInteraction {
                account_id: account.id,
                also_contacts: &[],
                contact_id: None,
                author_id: ctx.person.id,
                kind: crate::domain::kind::InteractionKind::YearlyReview,
                occurred_at: ctx.now,
                occurred_on: today,
                summary: &summary,
                next_step: None,
                next_step_due: None,
                commitments: &[],
                source: ctx.platform.code(),
                source_id: ctx.source_id.as_deref(),
                tone: None,
                created_at: ctx.now,
            },
        )
        .await?;
    if let InsertOutcome::AlreadyLogged(_) = logged {
        return Ok(Reply::titled(ctx.t(Msg::Log(LogMsg::AlreadyLoggedTitle { account: account.name }))));
    }
    let review = NewReview {
        account_id: account.id,
        year,
        objectives: &r.objectives,
        value: &r.value,
        changes: &r.changes,
        depth: &r.depth,
        rating: r.rating,
        next_objectives: r.next.as_deref().unwrap_or(""),
        reviewed_by: ctx.person.id,
        at: ctx.now,
    };
    tx.record_review(ctx.workspace.id, &review, next_review).await?;
    let arguments = serde_json::to_string(r).unwrap_or_default();
    tx.audit(ctx.workspace.id, ctx.person.id, "review", &arguments, "ok", ctx.now).await?;
    tx.commit().await?;

    Ok(Reply::titled(ctx.t(Msg::Plan(PlanMsg::ReviewRecorded { account: account.name.clone(), rating: r.rating })))
        .inline_field(ctx.t(Msg::Plan(PlanMsg::LabelNextReview)), format_day(next_review, ctx.locale))
        .inline_field(ctx.t(Msg::Plan(PlanMsg::LabelNextPlan)), (year + 1).to_string())
        .footer(ctx.t(Msg::Plan(PlanMsg::ReviewFooter { account: account.name, year: year + 1 })))
        .tone(Tone::Good))
}
