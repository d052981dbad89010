//! The weekly portfolio digest of a manager's team, on one screen: the week in numbers, at most
//! five accounts that need the manager this week (each with its one reason and one action), and
//! what changed since the previous digest, from the state that digest recorded. `--full` adds
//! the detail of every account. The digest carries a chart of the team's portfolio.

use crate::i18n::Translate;
mod changes;
mod full;

use crate::i18n::DigestMsg;
use std::collections::{BTreeMap, HashMap};

use futures_util::StreamExt;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

pub use changes::{AccountState, Change, ChangeKind, PortfolioState};

use super::reply::{Reply, Tone};
use super::standing::{self, Risk};
use crate::chart::{ChartAccount, PortfolioChart};
use crate::domain::account::ShareOfWallet;
use crate::domain::money::{Currency, Money, apply_bp, ratio_bp};
use crate::domain::pipeline::Stage;
use crate::domain::text::truncate;
use crate::i18n::{Locale, Msg, format_bp, format_money};
use crate::store::{AccountFacts, Addressee, DigestSnapshot, Store, TeamAccount, Workspace};

/// How many accounts the digest puts before the manager.
pub const NEEDS_SHOWN: usize = 5;
/// How many accounts the chart draws (the largest by customer spend).
pub const CHART_ACCOUNTS: usize = 20;
/// Names in the digest's lines are cut to this; a command given with the cut name still finds
/// the account (a name's beginning is enough).
const NAME_CHARS: usize = 40;
/// A line of changes is cut to this, with how many more there are.
const CHANGE_LINE_CHARS: usize = 140;
const WEEK_DAYS: i64 = 7;

/// The one screen sent each week, or the whole detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Summary,
    Full,
}

/// A digest, the state to compare the next one with, and each account's health score.
pub struct Digest {
    pub reply: Reply,
    pub snapshot: DigestSnapshot,
    pub scores: Vec<(i64, u32)>,
}

/// What the week's numbers are counted from.
#[derive(Debug, Default)]
struct Week {
    opened: (usize, Amounts),
    won: (usize, Amounts),
    lost: (usize, Amounts),
    held: usize,
    planning_overdue: usize,
    steps_overdue: usize,
}

impl Week {
    fn count(&mut self, f: &AccountFacts, today: NaiveDate, now: DateTime<Utc>, tz: Tz) {
        let week_ago = now - Duration::days(WEEK_DAYS);
        for o in &f.opportunities {
            if o.created_at >= week_ago {
                self.opened.0 += 1;
                self.opened.1.add(f.account.currency, o.value_minor);
            }
            if o.closed_at.is_some_and(|t| t >= week_ago) {
                let tally = match o.stage {
                    Stage::Won => &mut self.won,
                    Stage::Lost => &mut self.lost,
                    _ => continue,
                };
                tally.0 += 1;
                tally.1.add(f.account.currency, o.value_minor);
            }
        }
        if f.last_planning.is_some_and(|t| t >= week_ago) {
            self.held += 1;
        }
        if standing::clock(f, today, tz).planning_overdue_days > 0 {
            self.planning_overdue += 1;
        }
        self.steps_overdue += f.late_commitments.max(0) as usize;
    }
}

/// Amounts of several accounts, kept by currency: a team's accounts may be in more than one, and
/// amounts in different currencies are never added together.
#[derive(Debug, Default)]
struct Amounts(BTreeMap<String, (Currency, i64)>);

impl Amounts {
    fn add(&mut self, currency: Currency, minor: i64) {
        let entry = self.0.entry(currency.code().to_string()).or_insert((currency, 0));
        entry.1 = entry.1.saturating_add(minor);
    }

    /// `R$ 12,5 mi`, or `R$ 12,5 mi + US$ 2,0 mi` for a team in two currencies; nothing at all
    /// reads as zero reais.
    fn shown(&self, locale: Locale) -> String {
        if self.0.is_empty() {
            return format_money(Money::new(0, Currency::BRL), locale);
        }
        self.0.values().map(|(c, minor)| format_money(Money::new(*minor, *c), locale)).collect::<Vec<_>>().join(" + ")
    }
}

/// How many people the line of late commitments names.
const LATE_PEOPLE_SHOWN: usize = 8;

/// The name as the digest shows it.
fn short(name: &str) -> String {
    truncate(name, NAME_CHARS)
}

/// The command that opens the full digest, for `team_arg` (another manager's team) or one's own.
pub fn full_command(team_arg: Option<&str>) -> String {
    match team_arg {
        Some(name) => format!("/digest --team \"{}\" --full", name.replace('"', "")),
        None => "/digest --full".to_string(),
    }
}

/// The digest of `manager`'s team at `now`. It only reads, through the pool, one connection at a
/// time: building it takes no write lock. `team_arg` names the team when someone else asked.
#[allow(clippy::too_many_arguments)]
pub async fn build(
    store: &Store,
    workspace: &Workspace,
    tz: Tz,
    manager: &Addressee,
    now: DateTime<Utc>,
    locale: Locale,
    detail: Detail,
    team_arg: Option<&str>,
) -> anyhow::Result<Digest> {
    let ws = workspace.id;
    let today = now.with_timezone(&tz).date_naive();
    let team = store.team(ws, manager.id).await?;
    let mut accounts: Vec<TeamAccount> = Vec::new();
    for person in &team {
        accounts.extend(store.accounts_of_owner(ws, person.id).await?);
    }
    accounts.sort_by(|a, b| a.tier.cmp(&b.tier).then(a.name.cmp(&b.name)));
    let previous = store.last_digest(ws, manager.id).await?;
    let before: PortfolioState = match &previous {
        Some(p) => serde_json::from_str(&p.accounts).unwrap_or_else(|e| {
            tracing::warn!(manager = manager.id, error = %e, "the previous digest's state cannot be read");
            PortfolioState::new()
        }),
        None => PortfolioState::new(),
    };

    let window = standing::window(now, tz);
    let mut week = Week::default();
    let mut risks: Vec<(Risk, String)> = Vec::new();
    let mut changes: Vec<(String, Currency, Change)> = Vec::new();
    let mut states = PortfolioState::new();
    let mut scores = Vec::new();
    let mut chart = Vec::new();
    let mut shares: Vec<String> = Vec::new();
    // The team's facts, read through the connections made for reading many accounts, the next
    // chunk read while this one is worked through.
    let ids: Vec<i64> = accounts.iter().map(|a| a.id).collect();
    let order: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut reads = std::pin::pin!(standing::facts_of_many(store, ws, &ids, window));
    while let Some(facts) = reads.next().await {
        let mut facts = facts?;
        // In the team's order (tier, then name), as read.
        facts.sort_by_key(|f| order.get(&f.account.id).copied());
        for f in &facts {
            let a = &f.account;
            let name = short(&a.name);
            let health = standing::health(f, now, tz);
            scores.push((a.id, health.score));
            if let Some(risk) = health.risk(&name) {
                risks.push((risk, name.clone()));
            }
            week.count(f, today, now, tz);
            let state = AccountState::of(f, health.score, now);
            let was = before.get(&a.id);
            if let Some(was) = was {
                changes.extend(changes::between(was, &state, f).into_iter().map(|c| (name.clone(), a.currency, c)));
            }
            chart.push(ChartAccount {
                name: name.clone(),
                spend_minor: a.wallet_minor,
                share_bp: state.share_bp,
                share_before_bp: was.and_then(|w| w.share_bp),
                ceiling_bp: a.share_ceiling_bp,
                health: health.score,
            });
            states.insert(a.id, state);
            if detail == Detail::Full
                && let Some(trend) = crate::core::figures::trend(locale, &f.wallet)
            {
                shares.push(format!("• {name}: {trend}"));
            }
        }
    }
    risks.sort_by(|(a, an), (b, bn)| a.score.cmp(&b.score).then(an.cmp(bn)));

    let revenue: i64 = accounts.iter().map(|a| a.revenue_12m_minor).sum();
    let wallet: i64 = accounts.iter().map(|a| a.wallet_minor).sum();
    let (mut revenues, mut headrooms) = (Amounts::default(), Amounts::default());
    for a in &accounts {
        revenues.add(a.currency, a.revenue_12m_minor);
        headrooms.add(a.currency, (apply_bp(a.wallet_minor, a.share_ceiling_bp) - a.revenue_12m_minor).max(0));
    }
    let share = ShareOfWallet::compute(revenue, wallet, 10_000).map(|s| s.share_bp);
    let share_before = previous.as_ref().and_then(|p| ratio_bp(p.revenue_minor, p.wallet_minor));
    // A previous digest that recorded no accounts' state (one sent before it was recorded) has
    // nothing to compare with either.
    let since = previous.as_ref().filter(|_| !before.is_empty()).map(|p| p.taken_at.with_timezone(&tz).date_naive());
    let share_since = previous.as_ref().map(|p| p.taken_at.with_timezone(&tz).date_naive());

    let mut reply = Reply::titled(
        locale.t(Msg::Digest(DigestMsg::DigestTitle { manager: manager.display_name.clone(), date: today })),
    )
    .line(locale.t(Msg::Digest(DigestMsg::DigestWeekRevenue {
        revenue: revenues.shown(locale),
        share: share.map(|bp| format_bp(bp, locale)),
        delta_bp: share.zip(share_before).map(|(now, then)| now - then),
        since: share_since,
        headroom: headrooms.shown(locale),
    })))
    .line(locale.t(Msg::Digest(DigestMsg::DigestWeekPipeline {
        opened: week.opened.0,
        opened_value: week.opened.1.shown(locale),
        won: week.won.0,
        won_value: week.won.1.shown(locale),
        lost: week.lost.0,
        lost_value: week.lost.1.shown(locale),
    })))
    .line(locale.t(Msg::Digest(DigestMsg::DigestWeekPlanning {
        held: week.held,
        overdue: week.planning_overdue,
        steps_overdue: week.steps_overdue,
    })));
    let late = store.late_commitments_by_owner(ws, manager.id, today).await?;
    if !late.is_empty() {
        let people: Vec<String> = late.iter().take(LATE_PEOPLE_SHOWN).map(|(name, n)| format!("{name} {n}")).collect();
        let more = late.len().saturating_sub(LATE_PEOPLE_SHOWN);
        reply = reply.line(locale.t(Msg::Digest(DigestMsg::DigestLateByPerson { people, more })));
    }

    let needs: Vec<String> = risks
        .iter()
        .take(if detail == Detail::Full { risks.len() } else { NEEDS_SHOWN })
        .map(|(risk, name)| {
            locale.t(Msg::Digest(DigestMsg::DigestNeed {
                account: name.clone(),
                score: risk.score,
                reason: locale.t(risk.reason.clone()),
                action: risk.action.clone(),
            }))
        })
        .collect();
    let needs_label = Msg::Digest(DigestMsg::DigestNeedsLabel { shown: needs.len(), total: risks.len() });
    let needs_text =
        if needs.is_empty() { locale.t(Msg::Digest(DigestMsg::DigestNoneNeeds)) } else { needs.join("\n") };
    reply = reply.field(locale.t(needs_label), needs_text);

    let changed = match since {
        None => locale.t(Msg::Digest(DigestMsg::DigestFirst)),
        Some(_) if changes.is_empty() => locale.t(Msg::Digest(DigestMsg::DigestQuiet)),
        Some(_) => change_lines(&changes, locale).join("\n"),
    };
    let changed_label = match since {
        Some(since) => Msg::Digest(DigestMsg::DigestChangedLabel { since }),
        None => Msg::Digest(DigestMsg::DigestChangesLabel),
    };
    reply = reply.field(locale.t(changed_label), changed);

    if detail == Detail::Full {
        reply = full::detail(reply, store, ws, tz, &team, manager, &accounts, now, locale, shares).await?;
    } else {
        let command = full_command(team_arg);
        reply = reply
            .footer(
                locale
                    .t(Msg::Digest(DigestMsg::DigestFullFooter { command: command.clone(), accounts: accounts.len() })),
            )
            .action(format!("run:{command}"), locale.t(Msg::Digest(DigestMsg::DigestMoreButton)));
    }
    chart.sort_by(|a, b| b.spend_minor.cmp(&a.spend_minor).then(a.name.cmp(&b.name)));
    let total = chart.len();
    chart.truncate(CHART_ACCOUNTS);
    reply.chart = (!chart.is_empty()).then(|| PortfolioChart {
        title: locale.t(Msg::Digest(DigestMsg::ChartTitle { manager: manager.display_name.clone(), date: today })),
        caption: locale.t(Msg::Digest(DigestMsg::ChartCaption { shown: chart.len(), total })),
        accounts: chart,
        locale,
    });
    let tone = if risks.is_empty() { Tone::Good } else { Tone::Warning };
    let at_risk: Vec<&String> = risks.iter().map(|(_, name)| name).collect();
    let snapshot = DigestSnapshot {
        taken_at: now,
        at_risk: serde_json::to_string(&at_risk).unwrap_or_else(|_| "[]".to_string()),
        revenue_minor: revenue,
        wallet_minor: wallet,
        accounts: serde_json::to_string(&states).unwrap_or_else(|_| "{}".to_string()),
    };
    Ok(Digest { reply: reply.tone(tone), snapshot, scores })
}

/// One line per kind of change, each cut to [`CHANGE_LINE_CHARS`] with how many more there are.
fn change_lines(changes: &[(String, Currency, Change)], locale: Locale) -> Vec<String> {
    let mut by_kind: BTreeMap<ChangeKind, Vec<String>> = BTreeMap::new();
    for (account, currency, change) in changes {
        let money = |minor| format_money(Money::new(minor, *currency), locale);
        let share = |s: Option<Option<i64>>| match s {
            None => "—".to_string(),
            Some(None) => "?".to_string(),
            Some(Some(bp)) => format_bp(bp, locale),
        };
        let item = match change {
            Change::Health { from, to } => format!("{account} {from}→{to}"),
            Change::Won { number, title, value_minor }
            | Change::Lost { number, title, value_minor }
            | Change::Opened { number, title, value_minor } => {
                format!("{account} #{number} {} ({})", truncate(title, 30), money(*value_minor))
            }
            Change::Held => account.clone(),
            Change::Reached { contact } => format!("{} ({account})", truncate(contact, 30)),
            Change::Competitor { name, from: None, to } => {
                let arrived = DigestMsg::CompetitorArrived { name: truncate(name, 30), share: share(*to) };
                format!("{account}: {}", locale.t(crate::i18n::Msg::Digest(arrived)))
            }
            Change::Competitor { name, to: None, .. } => {
                let left = DigestMsg::CompetitorLeft { name: truncate(name, 30) };
                format!("{account}: {}", locale.t(crate::i18n::Msg::Digest(left)))
            }
            Change::Competitor { name, from, to } => {
                format!("{account}: {} {}→{}", truncate(name, 30), share(*from), share(*to))
            }
        };
        by_kind.entry(change.kind()).or_default().push(item);
    }
    by_kind
        .into_iter()
        .map(|(kind, items)| {
            let head = locale.t(Msg::Digest(DigestMsg::DigestChange { kind, items: String::new() }));
            let mut kept: Vec<&String> = Vec::new();
            let mut length = head.chars().count();
            for (i, item) in items.iter().enumerate() {
                let rest = items.len() - i - 1;
                let more = if rest > 0 {
                    locale.t(Msg::Digest(DigestMsg::DigestAndMore { count: rest })).chars().count() + 1
                } else {
                    0
                };
                let with = length + item.chars().count() + 2;
                if with + more > CHANGE_LINE_CHARS && !kept.is_empty() {
                    break;
                }
                kept.push(item);
                length = with;
            }
            let mut list = kept.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
            if kept.len() < items.len() {
                list.push(' ');
                list.push_str(&locale.t(Msg::Digest(DigestMsg::DigestAndMore { count: items.len() - kept.len() })));
            }
            format!("• {}", locale.t(Msg::Digest(DigestMsg::DigestChange { kind, items: list })))
        })
        .collect()
}
