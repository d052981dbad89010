//! `/accounts [--tier N] [--owner NAME]`: the portfolio as a compact list.

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::{Page, quoted};
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_person;
use crate::domain::account::{PlanningClock, ShareOfWallet, Tier};
use crate::i18n::{Msg, format_bp};
use crate::store::Store;

pub async fn run(
    store: &Store,
    ctx: &Context,
    tier: Option<i64>,
    owner: Option<&str>,
    page: i64,
) -> Result<Reply, CommandError> {
    let owner_id = match owner {
        Some(name) => Some(require_person(store, ctx, name).await?.id),
        None => None,
    };
    let rows = store.portfolio(ctx.workspace.id, tier, owner_id).await?;
    if rows.is_empty() {
        let hint = if store.has_any_account(ctx.workspace.id).await? {
            Msg::PortfolioEmpty
        } else {
            Msg::Onb(crate::i18n::Onb::EmptyWorkspace)
        };
        return Ok(Reply::titled(ctx.t(Msg::PortfolioTitle { count: 0 })).line(ctx.t(hint)));
    }
    let today = ctx.today();
    let mut flagged = 0;
    let total = rows.len();
    let page = Page::of(total, page);
    let mut reply = Reply::titled(ctx.t(Msg::PortfolioTitle { count: total }));
    for row in page.slice(rows) {
        let share = ShareOfWallet::compute(row.revenue_12m_minor, row.wallet_minor, row.share_ceiling_bp)
            .map(|s| format_bp(s.share_bp, ctx.locale));
        let clock = PlanningClock::compute(
            today,
            row.planning_cadence_days,
            ctx.local_date(row.created_at),
            row.last_contact.map(|t| ctx.local_date(t)),
            row.last_planning.map(|t| ctx.local_date(t)),
        )
        .with_stored(today, row.next_planning_due, None);
        let contact_overdue = clock.contact_overdue_days.is_none_or(|d| d > 0);
        let planning_overdue = clock.planning_overdue_days > 0;
        flagged += usize::from(contact_overdue || planning_overdue);
        reply = reply.line(ctx.t(Msg::PortfolioLine {
            tier: Tier::from_number(row.tier).unwrap_or(Tier::Maintain),
            name: row.name,
            owner: row.owner_name,
            share,
            last_contact_days: clock.days_since_contact,
            contact_overdue,
            planning_overdue,
        }));
    }
    // The same list, one page on: the filters as given.
    let mut command = String::from("/accounts");
    if let Some(t) = tier {
        command.push_str(&format!(" --tier {t}"));
    }
    if let Some(o) = owner {
        command.push_str(&format!(" --owner {}", quoted(o)));
    }
    if let Some(footer) = page.footer(ctx, &command) {
        reply = reply.footer(footer);
    }
    Ok(reply.tone(if flagged > 0 { Tone::Warning } else { Tone::Good }))
}
