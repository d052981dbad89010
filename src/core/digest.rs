//! The weekly portfolio digest of a manager's team: accounts by tier, total share of wallet and
//! headroom, accounts at risk with the reason, interactions this week per rep, planning meetings,
//! reviews and meetings in the next two weeks, and what changed since the last digest.

use std::collections::BTreeSet;

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::commands::wallet;
use super::reply::{Reply, Tone};
use super::standing;
use crate::domain::account::ShareOfWallet;
use crate::domain::money::{Currency, Money, apply_bp};
use crate::i18n::{Locale, Msg, Onb, format_bp, format_money};
use crate::store::{Addressee, DigestSnapshot, Store, TeamAccount, Workspace};

/// A yearly review this close puts an account at risk (if not prepared).
const REVIEW_RISK_DAYS: i64 = 30;
const AHEAD_DAYS: u64 = 14;

/// Why an account is at risk.
fn risks(a: &TeamAccount, today: NaiveDate) -> Vec<Msg> {
    let mut out = Vec::new();
    if let Some(due) = a.next_planning_due.filter(|d| *d < today) {
        out.push(Msg::RiskPlanning { account: a.name.clone(), days: (today - due).num_days() });
    }
    if let Some(due) = a.contact_due_on.filter(|d| *d < today) {
        out.push(Msg::RiskStale { account: a.name.clone(), days: (today - due).num_days() });
    }
    if let Some(review) = a.yearly_review_on {
        let left = (review - today).num_days();
        if left <= REVIEW_RISK_DAYS {
            out.push(Msg::RiskReview { account: a.name.clone(), date: review, days: left });
        }
    }
    out
}

/// The digest of `manager`'s team at `now`, the snapshot to compare the next one with, and the
/// health score of each of the team's accounts. It only reads, through the pool, one connection
/// at a time: building it takes no write lock.
pub async fn build(
    store: &Store,
    workspace: &Workspace,
    tz: Tz,
    manager: &Addressee,
    now: DateTime<Utc>,
    locale: Locale,
) -> anyhow::Result<(Reply, DigestSnapshot, Vec<(i64, u32)>)> {
    let ws = workspace.id;
    let today = now.with_timezone(&tz).date_naive();
    let team = store.team(ws, manager.id).await?;
    let mut accounts: Vec<TeamAccount> = Vec::new();
    for person in &team {
        accounts.extend(store.accounts_of_owner(ws, person.id).await?);
    }
    accounts.sort_by(|a, b| a.tier.cmp(&b.tier).then(a.name.cmp(&b.name)));

    let mut reply = Reply::titled(locale.t(Msg::DigestTitle { manager: manager.display_name.clone(), date: today }));

    let tiers = [1, 2, 3].map(|t| accounts.iter().filter(|a| a.tier == t).count());
    reply = reply.field(locale.t(Msg::DigestByTier), locale.t(Msg::DigestTierCounts { counts: tiers }));

    let revenue: i64 = accounts.iter().map(|a| a.revenue_12m_minor).sum();
    let wallet: i64 = accounts.iter().map(|a| a.wallet_minor).sum();
    let headroom: i64 =
        accounts.iter().map(|a| (apply_bp(a.wallet_minor, a.share_ceiling_bp) - a.revenue_12m_minor).max(0)).sum();
    let money = |minor| format_money(Money::new(minor, Currency::BRL), locale);
    let share = ShareOfWallet::compute(revenue, wallet, 10_000).map(|s| s.share_bp);
    reply = reply.field(
        locale.t(Msg::DigestShareLabel),
        match share {
            Some(bp) => locale.t(Msg::DigestShare {
                share: format_bp(bp, locale),
                wallet: money(wallet),
                headroom: money(headroom),
            }),
            None => locale.t(Msg::DigestNoSpend),
        },
    );

    let mut at_risk: BTreeSet<String> = BTreeSet::new();
    let mut risk_lines: Vec<String> = Vec::new();
    for a in &accounts {
        let reasons = risks(a, today);
        if !reasons.is_empty() {
            at_risk.insert(a.name.clone());
        }
        risk_lines.extend(reasons.into_iter().map(|m| format!("• {}", locale.t(m))));
    }
    let risk_text = if risk_lines.is_empty() { locale.t(Msg::DigestNothingAtRisk) } else { risk_lines.join("\n") };
    reply = reply.field(locale.t(Msg::DigestAtRiskLabel { count: at_risk.len() }), risk_text);

    let week_ago = now - Duration::days(7);
    let mut per_rep = Vec::new();
    for person in &team {
        let n = store.interactions_by(ws, person.id, week_ago).await?;
        if n > 0 || person.id != manager.id {
            per_rep.push(format!("{} {n}", person.display_name));
        }
    }
    reply = reply.field(locale.t(Msg::DigestInteractionsLabel), per_rep.join(" · "));

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
    let booked: BTreeSet<&str> = meetings
        .iter()
        .filter(|m| matches!(m.kind.as_str(), "planning" | "review"))
        .map(|m| m.account_name.as_str())
        .collect();
    let mut ahead: Vec<(NaiveDate, String)> = Vec::new();
    for a in &accounts {
        if let Some(due) =
            a.next_planning_due.filter(|d| *d >= today && *d <= horizon && !booked.contains(a.name.as_str()))
        {
            ahead.push((due, locale.t(Msg::DigestPlanningAhead { account: a.name.clone(), date: due })));
        }
        if let Some(review) = a.yearly_review_on.filter(|d| *d >= today && *d <= horizon) {
            ahead.push((review, locale.t(Msg::DigestReviewAhead { account: a.name.clone(), date: review })));
        }
    }
    for m in &meetings {
        let day = m.starts_at.with_timezone(&tz).date_naive();
        let line = Msg::DigestMeetingAhead { account: m.account_name.clone(), kind: m.kind.clone(), date: day };
        ahead.push((day, locale.t(line)));
    }
    ahead.sort();
    let ahead_text = if ahead.is_empty() {
        locale.t(Msg::DigestNothingAhead)
    } else {
        ahead.into_iter().map(|(_, l)| format!("• {l}")).collect::<Vec<_>>().join("\n")
    };
    reply = reply.field(locale.t(Msg::DigestAheadLabel), ahead_text);

    // Health: the team's accounts under the at-risk line, weakest first.
    let window = standing::window(now, tz);
    let mut weak: Vec<(u32, String)> = Vec::new();
    let mut scores: Vec<(i64, u32)> = Vec::new();
    let mut shares: Vec<String> = Vec::new();
    for chunk in accounts.chunks(standing::FACTS_A_READ) {
        let ids: Vec<i64> = chunk.iter().map(|a| a.id).collect();
        let order: std::collections::HashMap<i64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let mut facts = store.accounts_facts(ws, &ids, window).await?;
        // In the team's order (tier, then name), as read.
        facts.sort_by_key(|f| order.get(&f.account.id).copied());
        for f in &facts {
            if let Some(trend) = wallet::trend(locale, &f.wallet, chrono::Datelike::year(&today)) {
                shares.push(format!("• {}: {trend}", f.account.name));
            }
            let health = standing::health(f, now, tz);
            scores.push((f.account.id, health.score));
            if health.score < standing::AT_RISK {
                weak.push((health.score, f.account.name.clone()));
            }
        }
    }
    weak.sort();
    let weak_text = if weak.is_empty() {
        locale.t(Msg::DigestNothingAtRisk)
    } else {
        weak.iter().map(|(score, name)| format!("• {name} {score}/100")).collect::<Vec<_>>().join("\n")
    };
    reply = reply.field(locale.t(Msg::DigestHealthLabel), weak_text);
    if !shares.is_empty() {
        reply = reply.field(locale.t(Msg::DigestSharesLabel), shares.join("\n"));
    }

    let previous = store.last_digest(ws, manager.id).await?;
    let changes = match &previous {
        None => locale.t(Msg::DigestFirst),
        Some(p) => {
            let before: BTreeSet<String> = serde_json::from_str(&p.at_risk).unwrap_or_default();
            let new: Vec<String> = at_risk.difference(&before).cloned().collect();
            let recovered: Vec<String> = before.difference(&at_risk).cloned().collect();
            let mut lines = Vec::new();
            if !new.is_empty() {
                lines.push(locale.t(Msg::DigestNewRisk { names: new.join(", ") }));
            }
            if !recovered.is_empty() {
                lines.push(locale.t(Msg::DigestRecovered { names: recovered.join(", ") }));
            }
            let before_share = ShareOfWallet::compute(p.revenue_minor, p.wallet_minor, 10_000).map(|s| s.share_bp);
            if before_share != share
                && let (Some(a), Some(b)) = (before_share, share)
            {
                lines.push(locale.t(Msg::DigestShareMoved { from: format_bp(a, locale), to: format_bp(b, locale) }));
            }
            if lines.is_empty() { locale.t(Msg::DigestNoChange) } else { lines.join("\n") }
        }
    };
    reply = reply.field(locale.t(Msg::DigestChangesLabel), changes).footer(locale.t(Msg::Onb(Onb::DigestFullLists)));
    let tone = if at_risk.is_empty() { Tone::Good } else { Tone::Warning };
    let snapshot = DigestSnapshot {
        taken_at: now,
        at_risk: serde_json::to_string(&at_risk).unwrap_or_else(|_| "[]".to_string()),
        revenue_minor: revenue,
        wallet_minor: wallet,
    };
    Ok((reply.tone(tone), snapshot, scores))
}
