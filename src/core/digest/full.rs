//! The full digest's detail, on request (`/digest --full`, or the digest's "More" button): the
//! accounts by tier, interactions per person this week, what is due in the next two weeks and
//! each account's share of wallet over the years.

use crate::domain::account::Tier;
use crate::i18n::DigestMsg;
use crate::i18n::Translate;
use std::collections::BTreeSet;

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::core::reply::Reply;
use crate::i18n::{Locale, Msg, Onb};
use crate::store::{Addressee, Store, TeamAccount};

const AHEAD_DAYS: u64 = 14;

#[allow(clippy::too_many_arguments)]
pub async fn detail(
    mut reply: Reply,
    store: &Store,
    ws: i64,
    tz: Tz,
    team: &[Addressee],
    manager: &Addressee,
    accounts: &[TeamAccount],
    now: DateTime<Utc>,
    locale: Locale,
    shares: Vec<String>,
) -> anyhow::Result<Reply> {
    let today = now.with_timezone(&tz).date_naive();
    let tiers = [Tier::Strategic, Tier::Key, Tier::Maintain].map(|t| accounts.iter().filter(|a| a.tier == t).count());
    reply = reply.field(
        locale.t(Msg::Digest(DigestMsg::DigestByTier)),
        locale.t(Msg::Digest(DigestMsg::DigestTierCounts { counts: tiers })),
    );

    let week_ago = now - Duration::days(7);
    let mut per_rep = Vec::new();
    for person in team {
        let n = store.interactions_by(ws, person.id, week_ago).await?;
        if n > 0 || person.id != manager.id {
            per_rep.push(format!("{} {n}", person.display_name));
        }
    }
    reply = reply.field(locale.t(Msg::Digest(DigestMsg::DigestInteractionsLabel)), per_rep.join(" · "));

    let horizon = today.checked_add_days(Days::new(AHEAD_DAYS)).unwrap_or(today);
    let owners: BTreeSet<i64> = team.iter().map(|p| p.id).collect();
    let until = now + Duration::days(AHEAD_DAYS as i64);
    let meetings: Vec<_> = store
        .meetings_between(ws, now, until)
        .await?
        .into_iter()
        .filter(|m| m.owner_id.is_some_and(|o| owners.contains(&o)))
        .collect();
    // A booked planning meeting is the account's next one: listed once, as the meeting.
    let booked: BTreeSet<&str> = meetings.iter().filter(|m| m.kind.plans()).map(|m| m.account_name.as_str()).collect();
    let mut ahead: Vec<(NaiveDate, String)> = Vec::new();
    for a in accounts {
        if let Some(due) =
            a.next_planning_due.filter(|d| *d >= today && *d <= horizon && !booked.contains(a.name.as_str()))
        {
            ahead.push((
                due,
                locale.t(Msg::Digest(DigestMsg::DigestPlanningAhead { account: a.name.clone(), date: due })),
            ));
        }
        if let Some(review) = a.yearly_review_on.filter(|d| *d >= today && *d <= horizon) {
            ahead.push((
                review,
                locale.t(Msg::Digest(DigestMsg::DigestReviewAhead { account: a.name.clone(), date: review })),
            ));
        }
    }
    for m in &meetings {
        let day = m.starts_at.with_timezone(&tz).date_naive();
        let line =
            Msg::Digest(DigestMsg::DigestMeetingAhead { account: m.account_name.clone(), kind: m.kind, date: day });
        ahead.push((day, locale.t(line)));
    }
    ahead.sort();
    let ahead_text = if ahead.is_empty() {
        locale.t(Msg::Digest(DigestMsg::DigestNothingAhead))
    } else {
        ahead.into_iter().map(|(_, l)| format!("• {l}")).collect::<Vec<_>>().join("\n")
    };
    reply = reply.field(locale.t(Msg::Digest(DigestMsg::DigestAheadLabel)), ahead_text);
    if !shares.is_empty() {
        reply = reply.field(locale.t(Msg::Digest(DigestMsg::DigestSharesLabel)), shares.join("\n"));
    }
    Ok(reply.footer(locale.t(Msg::Onb(Onb::DigestFullLists))))
}
