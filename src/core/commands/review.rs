//! `/review ACCOUNT --objectives ... --value ... --changes ... --depth ... --rating N [--next ...]`:
//! records the yearly review around its four questions, starts next year's plan from this one,
//! logs a yearly-review interaction (which restarts the planning clock) and moves the review date
//! a year on, all in one transaction.

use crate::domain::account::AccountStatus;
use chrono::{Datelike, Months};

use crate::core::command::ReviewRequest;
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::i18n::{Msg, format_date};
use crate::store::{InsertOutcome, NewInteraction, NewReview, Store};

/// `/review ACCOUNT [--year Y]`: the last yearly review (or that year's): the four answers, the
/// rating, who and when.
pub async fn show(store: &Store, ctx: &Context, account: &str, year: Option<i64>) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let reviews = store.reviews(ctx.workspace.id, account.id).await?;
    let next = account.yearly_review_on.map(|d| format_date(d, ctx.locale));
    let Some(review) = reviews.iter().find(|r| year.is_none_or(|y| r.year == y)) else {
        return Ok(Reply::titled(ctx.t(Msg::NoReview { account: account.name, year, next })).ephemeral());
    };
    let mut reply = Reply::titled(ctx.t(Msg::ReviewTitle {
        account: account.name.clone(),
        year: review.year,
        rating: review.rating,
    }));
    for (n, answer) in [&review.objectives, &review.value, &review.changes, &review.depth].into_iter().enumerate() {
        reply = reply.field(ctx.t(Msg::ReviewQuestion(n as u8 + 1)), answer.clone());
    }
    if !review.next_objectives.is_empty() {
        reply = reply.field(ctx.t(Msg::LabelNextObjectives), review.next_objectives.clone());
    }
    let earlier: Vec<String> = reviews.iter().filter(|r| r.year != review.year).map(|r| r.year.to_string()).collect();
    Ok(reply.footer(ctx.t(Msg::ReviewFooterShown {
        by: review.reviewer_name.clone(),
        on: format_date(ctx.local_date(review.reviewed_at), ctx.locale),
        next,
        earlier: earlier.join(", "),
        account: crate::domain::text::quoted(&account.name),
    })))
}

pub async fn run(store: &Store, ctx: &Context, r: &ReviewRequest) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, &r.account).await?;
    if account.status == AccountStatus::Archived {
        return Err(Msg::AccountArchived { name: account.name }.into());
    }
    require_write(store, ctx, &account).await?;
    let today = ctx.today();
    let year = i64::from(today.year());
    let from = account.yearly_review_on.filter(|d| *d > today).unwrap_or(today);
    let next_review = from.checked_add_months(Months::new(12)).unwrap_or(from);
    let summary = ctx.t(Msg::ReviewSummary { rating: r.rating });

    let mut tx = store.write().await?;
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
                source: ctx.platform.code(),
                source_id: ctx.source_id.as_deref(),
                tone: None,
                created_at: ctx.now,
            },
        )
        .await?;
    if let InsertOutcome::AlreadyLogged(_) = logged {
        return Ok(Reply::titled(ctx.t(Msg::AlreadyLoggedTitle { account: account.name })));
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

    Ok(Reply::titled(ctx.t(Msg::ReviewRecorded { account: account.name.clone(), rating: r.rating }))
        .inline_field(ctx.t(Msg::LabelNextReview), format_date(next_review, ctx.locale))
        .inline_field(ctx.t(Msg::LabelNextPlan), (year + 1).to_string())
        .footer(ctx.t(Msg::ReviewFooter { account: account.name, year: year + 1 }))
        .tone(Tone::Good))
}
