//! `/account NAME`: the account card, or the accounts to choose from, or the closest names.

use chrono::Days;

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{Lookup, MAX_LISTED, lookup_account};
use crate::domain::account::{Reason, ShareOfWallet, Tier};
use crate::domain::kind::InteractionKind;
use crate::domain::money::{Currency, Money};
use crate::domain::text::truncate;
use crate::i18n::{Msg, format_bp, format_money};
use crate::store::{AccountRow, Store};

/// How far back a contact counts as reached.
const REACHED_WITHIN_DAYS: u64 = 90;
/// A planning meeting this close is flagged.
const PLANNING_SOON_DAYS: i64 = 7;
/// A yearly review this close is flagged.
const REVIEW_SOON_DAYS: i64 = 30;

pub async fn run(store: &Store, ctx: &Context, query: &str) -> Result<Reply, CommandError> {
    match lookup_account(store, ctx.workspace.id, query).await? {
        Lookup::One(id) => {
            let account = store
                .account(ctx.workspace.id, id)
                .await?
                .ok_or_else(|| anyhow::anyhow!("account {id} matched but cannot be read"))?;
            card(store, ctx, &account).await
        }
        Lookup::Many(list) => {
            let mut reply =
                Reply::titled(ctx.t(Msg::MatchesTitle { query: truncate(query.trim(), 60), count: list.len() }));
            for c in list.iter().take(MAX_LISTED) {
                reply = reply.line(format!("• {}", c.name));
            }
            Ok(reply.footer(ctx.t(Msg::MatchesFooter)).ephemeral())
        }
        Lookup::None(closest) if closest.is_empty() && !store.has_any_account(ctx.workspace.id).await? => {
            Err(Msg::Onb(crate::i18n::Onb::EmptyWorkspace).into())
        }
        Lookup::None(closest) => Err(Msg::AccountNotFound { query: truncate(query.trim(), 60), closest }.into()),
    }
}

/// Everything that matters about the relationship, on one card.
pub async fn card(store: &Store, ctx: &Context, a: &AccountRow) -> Result<Reply, CommandError> {
    let ws = ctx.workspace.id;
    let today = ctx.today();
    let currency = Currency::parse(&a.currency).unwrap_or(Currency::BRL);
    let money = |minor| format_money(Money::new(minor, currency), ctx.locale);
    let tier = Tier::from_number(a.tier).unwrap_or(Tier::Maintain);

    let reasons = store.account_reasons(ws, a.id).await?;
    let aliases = store.account_aliases(ws, a.id).await?;
    let (clock, last) = super::health::clock_of(store, ctx, a).await?;
    let since = ctx.now.checked_sub_days(Days::new(REACHED_WITHIN_DAYS)).unwrap_or(ctx.now);
    let stats = store.contact_stats(ws, a.id, since).await?;

    let share = ShareOfWallet::compute(a.revenue_12m_minor, a.wallet_minor, a.share_ceiling_bp);

    let mut reply = Reply::titled(a.name.clone()).line(ctx.t(Msg::TierLine { tier, segment: a.segment.clone() }));
    let archived = a.status == "archived";
    if archived {
        reply = reply.line(ctx.t(Msg::ArchivedNotice));
    }

    let why = if reasons.is_empty() {
        ctx.t(Msg::NoReasonGiven)
    } else {
        reasons
            .iter()
            .filter_map(|(code, note)| {
                let name = ctx.t(Msg::ReasonName(Reason::from_code(code)?));
                Some(if note.is_empty() { name } else { format!("{name}: {note}") })
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    reply = reply.field(ctx.t(Msg::LabelWhyKey), why);
    let nobody = || ctx.t(Msg::NotAssigned);
    reply = reply
        .inline_field(ctx.t(Msg::LabelOwner), a.owner_name.clone().unwrap_or_else(nobody))
        .inline_field(ctx.t(Msg::LabelTechnicalManager), a.technical_manager_name.clone().unwrap_or_else(nobody));

    let mut warnings = 0;
    let mut dangers = 0;
    match share {
        Some(s) => {
            reply = reply.field(
                ctx.t(Msg::LabelShare),
                ctx.t(Msg::ShareValue {
                    share: format_bp(s.share_bp, ctx.locale),
                    wallet: money(a.wallet_minor),
                    ceiling: format_bp(s.ceiling_bp, ctx.locale),
                }),
            );
            let headroom = if s.above_ceiling_minor > 0 {
                warnings += 1;
                Msg::AboveCeiling { amount: money(s.above_ceiling_minor) }
            } else {
                Msg::HeadroomValue { amount: money(s.headroom_minor) }
            };
            reply = reply.field(ctx.t(Msg::LabelHeadroom), ctx.t(headroom));
        }
        None => {
            reply =
                reply.field(ctx.t(Msg::LabelShare), ctx.t(Msg::ShareUnknown { revenue: money(a.revenue_12m_minor) }));
        }
    }
    let periods = store.wallet_periods(ws, a.id).await?;
    if let Some(text) = super::wallet::trend(ctx, &periods) {
        reply = reply.field(ctx.t(Msg::LabelShareTrend), text);
    }
    if let Some(margin) = a.margin_bp {
        reply = reply.inline_field(ctx.t(Msg::LabelMargin), format_bp(margin, ctx.locale));
    }

    let last_text = match &last {
        Some(i) => ctx.t(Msg::LastInteraction {
            date: ctx.local_date(i.occurred_at),
            kind: InteractionKind::from_code(&i.kind).unwrap_or(InteractionKind::Note),
            author: i.author_name.clone(),
            with: i.contact_name.clone(),
            summary: truncate(&i.summary, 200),
        }),
        None => ctx.t(Msg::NoInteractionYet),
    };
    reply = reply.field(ctx.t(Msg::LabelLastInteraction), last_text);

    let cadence = a.planning_cadence_days;
    let contact = match (clock.days_since_contact, clock.contact_overdue_days) {
        (Some(days), Some(over)) if over > 0 => {
            dangers += 1;
            Msg::ContactOverdue { days, cadence, over }
        }
        (Some(days), _) => Msg::ContactRecent { days, cadence },
        (None, _) => {
            dangers += 1;
            Msg::NeverContacted { cadence }
        }
    };
    reply = reply.field(ctx.t(Msg::LabelLastContact), ctx.t(contact));

    let due = clock.next_planning_due;
    let planning = match clock.planning_overdue_days {
        d if d > 0 => {
            dangers += 1;
            Msg::PlanningOverdue { date: due, days: d }
        }
        0 => {
            warnings += 1;
            Msg::PlanningToday { date: due }
        }
        d => {
            if -d <= PLANNING_SOON_DAYS {
                warnings += 1;
            }
            Msg::PlanningAhead { date: due, days: -d }
        }
    };
    reply = reply.field(ctx.t(Msg::LabelNextPlanning), ctx.t(planning));

    let review = match a.yearly_review_on {
        None => Msg::ReviewNotSet,
        Some(date) if date < today => {
            dangers += 1;
            Msg::ReviewPast { date, days: (today - date).num_days() }
        }
        Some(date) => {
            let days = (date - today).num_days();
            if days <= REVIEW_SOON_DAYS {
                warnings += 1;
            }
            Msg::ReviewAhead { date, days }
        }
    };
    reply = reply.field(ctx.t(Msg::LabelYearlyReview), ctx.t(review));

    let mut contacts_text = ctx.t(Msg::ContactsValue {
        contacts: stats.contacts,
        departments: stats.departments,
        reached: stats.reached,
        reached_departments: stats.reached_departments,
    });
    let coverage = super::stakeholders::coverage(store, ctx, a).await?;
    if coverage.single_threaded {
        warnings += 1;
        contacts_text.push_str(&format!("\n{}", ctx.t(Msg::SingleThreadedShort)));
    }
    if coverage.missing_technical_manager {
        warnings += 1;
        contacts_text.push_str(&format!("\n{}", ctx.t(Msg::MissingTechnicalManager)));
    }
    reply = reply.field(ctx.t(Msg::LabelContacts), contacts_text);
    let competitors = store.competitors(ws, a.id).await?;
    if !competitors.is_empty() {
        let lines: Vec<String> = competitors.iter().take(3).map(|c| super::competitors::line(ctx, c)).collect();
        reply = reply.field(ctx.t(Msg::LabelCompetitors), lines.join("\n"));
    }
    if !aliases.is_empty() {
        reply = reply.field(ctx.t(Msg::LabelAliases), aliases.join(", "));
    }

    if !archived {
        let health = super::health::assess(store, ctx, a).await?;
        let mut text = ctx.t(Msg::HealthShort { score: health.score });
        if let Some((since, before)) = health.before {
            text.push_str(&format!("\n{}", ctx.t(Msg::HealthTrend { delta: i64::from(health.score) - before, since })));
        }
        reply = reply.inline_field(ctx.t(Msg::LabelHealth), text);
    }
    let tone = match (archived, dangers, warnings) {
        (true, _, _) => Tone::Neutral,
        (false, d, _) if d > 0 => Tone::Danger,
        (false, _, w) if w > 0 => Tone::Warning,
        _ => Tone::Good,
    };
    Ok(reply.footer(ctx.t(Msg::CardFooter { id: a.number })).tone(tone))
}
