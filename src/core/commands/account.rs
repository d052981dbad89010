//! `/account NAME`: the account card, or the accounts to choose from, or the closest names.

use crate::i18n::{CardMsg, HelpMsg, TaskMsg};
use serde::Serialize;

use crate::core::catalog::{ArgType, CommandSpec, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{Lookup, MAX_LISTED, lookup_account};
use crate::core::standing;
use crate::domain::account::AccountStatus;
use crate::domain::cnpj::Cnpj;
use crate::domain::account::{Reason, ShareOfWallet, SupplierMix};
use crate::domain::health::Flag;
use crate::domain::money::Money;
use crate::domain::text::truncate;
use crate::i18n::{Msg, format_bp, format_money};
use crate::store::{AccountFacts, Store};

/// `/account NAME` (it also lends `/accounts add|set|archive|restore` their typed forms).
pub static SPEC: CommandSpec = CommandSpec {
    name: "account",
    summary: Msg::Help(HelpMsg::CmdAccount),
    args: &[positional("name", ArgType::Account, true, true, Msg::Help(HelpMsg::ArgAccountName))],
    example: "/account Vale",
    example_pt: None,
    path: "account",
    subcommands: &[],
    default_subcommand: None,
    borrows: Some(("accounts", &["add", "set", "archive", "restore", "merge"])),
    build: |args| Ok(Card { query: args.required("name")? }.into()),
};

/// `/account NAME`: the account to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Card {
    pub query: String,
}

impl Card {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        run(store, ctx, &self.query).await
    }
}

/// A planning meeting this close is flagged.
const PLANNING_SOON_DAYS: i64 = 7;
/// A yearly review this close is flagged.
const REVIEW_SOON_DAYS: i64 = 30;

pub async fn run(store: &Store, ctx: &Context, query: &str) -> Result<Reply, CommandError> {
    // The usual case, a name or alias typed whole (or picked from the suggestions) that one
    // account has: found and read in one statement. Otherwise, the lookup's ranking decides.
    let folded = crate::domain::text::fold(query);
    if !folded.is_empty() {
        let named = store.facts_named(ctx.workspace.id, &folded, standing::window(ctx.now, ctx.tz)).await?;
        if let [facts] = named.as_slice() {
            return Ok(card(ctx, facts));
        }
    }
    match lookup_account(store, ctx.workspace.id, query).await? {
        Lookup::One(id) => Ok(card(ctx, &standing::facts(store, ctx, id).await?)),
        Lookup::Many(list) => {
            let mut reply =
                Reply::titled(ctx.t(Msg::Card(CardMsg::MatchesTitle { query: truncate(query.trim(), 60), count: list.len() })));
            for c in list.iter().take(MAX_LISTED) {
                reply = reply.line(format!("• {}", c.name));
            }
            Ok(reply.footer(ctx.t(Msg::Card(CardMsg::MatchesFooter))).ephemeral())
        }
        Lookup::None(closest) if closest.is_empty() && !store.has_any_account(ctx.workspace.id).await? => {
            Err(Msg::Onb(crate::i18n::Onb::EmptyWorkspace).into())
        }
        Lookup::None(closest) => Err(Msg::Card(CardMsg::AccountNotFound { query: truncate(query.trim(), 60), closest }).into()),
    }
}

/// Everything that matters about the relationship, on one card.
pub fn card(ctx: &Context, facts: &AccountFacts) -> Reply {
    let a = &facts.account;
    let today = ctx.today();
    let currency = a.currency;
    let money = |minor| format_money(Money::new(minor, currency), ctx.locale);
    let tier = a.tier;

    let reasons = &facts.reasons;
    let aliases = &facts.aliases;
    let clock = standing::clock(facts, today, ctx.tz);
    let last = &facts.last_interaction;
    let reach = standing::reach(facts, ctx.now);

    let share = ShareOfWallet::compute(a.revenue_12m_minor, a.wallet_minor, a.share_ceiling_bp);

    let mut reply = Reply::titled(a.name.clone()).line(ctx.t(Msg::Card(CardMsg::TierLine { tier, segment: a.segment.clone(), cnpj: a.cnpj.as_deref().map(|c| Cnpj::from_stored(c).to_string()) })));
    let archived = a.status == AccountStatus::Archived;
    if archived {
        reply = reply.line(ctx.t(Msg::Card(CardMsg::ArchivedNotice)));
    }

    let why = if reasons.is_empty() {
        ctx.t(Msg::Card(CardMsg::NoReasonGiven))
    } else {
        reasons
            .iter()
            .filter_map(|(code, note)| {
                let name = ctx.t(Msg::Card(CardMsg::ReasonName(Reason::from_code(code)?)));
                Some(if note.is_empty() { name } else { format!("{name}: {note}") })
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    reply = reply.field(ctx.t(Msg::Card(CardMsg::LabelWhyKey)), why);
    let nobody = || ctx.t(Msg::Card(CardMsg::NotAssigned));
    reply = reply
        .inline_field(ctx.t(Msg::Card(CardMsg::LabelOwner)), a.owner_name.clone().unwrap_or_else(nobody))
        .inline_field(ctx.t(Msg::Card(CardMsg::LabelTechnicalManager)), a.technical_manager_name.clone().unwrap_or_else(nobody));

    let mut warnings = 0;
    let mut dangers = 0;
    match share {
        Some(s) => {
            reply = reply.field(
                ctx.t(Msg::Card(CardMsg::LabelShare)),
                ctx.t(Msg::Card(CardMsg::ShareValue {
                    share: format_bp(s.share_bp, ctx.locale),
                    wallet: money(a.wallet_minor),
                    ceiling: format_bp(s.ceiling_bp, ctx.locale),
                })),
            );
            let headroom = if s.above_ceiling_minor > 0 {
                warnings += 1;
                Msg::Card(CardMsg::AboveCeiling { amount: money(s.above_ceiling_minor) })
            } else {
                Msg::Card(CardMsg::HeadroomValue { amount: money(s.headroom_minor) })
            };
            reply = reply.field(ctx.t(Msg::Card(CardMsg::LabelHeadroom)), ctx.t(headroom));
            if let Some(warning) = crate::core::figures::past_whole(ctx, &a.name, Some(s.share_bp), &facts.competitors) {
                warnings += 1;
                reply = reply.line(warning);
            }
        }
        None => {
            reply =
                reply.field(ctx.t(Msg::Card(CardMsg::LabelShare)), ctx.t(Msg::Card(CardMsg::ShareUnknown { revenue: money(a.revenue_12m_minor) })));
        }
    }
    if let Some(text) = crate::core::figures::trend(ctx.locale, &facts.wallet) {
        reply = reply.field(ctx.t(Msg::Card(CardMsg::LabelShareTrend)), text);
    }
    if let Some(margin) = a.margin_bp {
        reply = reply.inline_field(ctx.t(Msg::Card(CardMsg::LabelMargin)), format_bp(margin, ctx.locale));
    }

    let last_text = match &last {
        Some(i) => ctx.t(Msg::Card(CardMsg::LastInteraction {
            date: ctx.local_date(i.occurred_at),
            kind: i.kind,
            author: i.author_name.clone(),
            with: i.contact_name.clone(),
            summary: truncate(&i.summary, 200),
        })),
        None => ctx.t(Msg::Card(CardMsg::NoInteractionYet)),
    };
    reply = reply.field(ctx.t(Msg::Card(CardMsg::LabelLastInteraction)), last_text);
    if let Some(text) = crate::core::commitments::listed(ctx, facts) {
        if facts.late_commitments > 0 {
            warnings += 1;
        }
        let label = TaskMsg::CardLabel { total: facts.open_commitments, overdue: facts.late_commitments };
        reply = reply.field(ctx.t(Msg::Tasks(label)), text);
    }

    let cadence = a.planning_cadence_days;
    let contact = match (clock.days_since_contact, clock.contact_overdue_days) {
        (Some(days), Some(over)) if over > 0 => {
            dangers += 1;
            Msg::Card(CardMsg::ContactOverdue { days, cadence, over })
        }
        (Some(days), _) => Msg::Card(CardMsg::ContactRecent { days, cadence }),
        (None, _) => {
            dangers += 1;
            Msg::Card(CardMsg::NeverContacted { cadence })
        }
    };
    reply = reply.field(ctx.t(Msg::Card(CardMsg::LabelLastContact)), ctx.t(contact));

    let due = clock.next_planning_due;
    let planning = match clock.planning_overdue_days {
        d if clock.booked.is_some() => {
            if -d <= PLANNING_SOON_DAYS {
                warnings += 1;
            }
            Msg::Card(CardMsg::PlanningBooked { date: due, days: -d })
        }
        d if d > 0 => {
            dangers += 1;
            Msg::Card(CardMsg::PlanningOverdue { date: due, days: d })
        }
        0 => {
            warnings += 1;
            Msg::Card(CardMsg::PlanningToday { date: due })
        }
        d => {
            if -d <= PLANNING_SOON_DAYS {
                warnings += 1;
            }
            Msg::Card(CardMsg::PlanningAhead { date: due, days: -d })
        }
    };
    reply = reply.field(ctx.t(Msg::Card(CardMsg::LabelNextPlanning)), ctx.t(planning));

    let review = match a.yearly_review_on {
        None => Msg::Card(CardMsg::ReviewNotSet),
        Some(date) if date < today => {
            dangers += 1;
            Msg::Card(CardMsg::ReviewPast { date, days: (today - date).num_days() })
        }
        Some(date) => {
            let days = (date - today).num_days();
            if days <= REVIEW_SOON_DAYS {
                warnings += 1;
            }
            Msg::Card(CardMsg::ReviewAhead { date, days })
        }
    };
    reply = reply.field(ctx.t(Msg::Card(CardMsg::LabelYearlyReview)), ctx.t(review));

    let mut contacts_text = ctx.t(Msg::Card(CardMsg::ContactsValue {
        contacts: reach.contacts,
        departments: reach.departments,
        reached: reach.reached,
        reached_departments: reach.reached_departments,
    }));
    let coverage = standing::coverage(facts, &reach);
    if coverage.single_threaded {
        warnings += 1;
        contacts_text.push_str(&format!("\n{}", ctx.t(Msg::Card(CardMsg::SingleThreadedShort))));
    }
    if coverage.missing_technical_manager {
        warnings += 1;
        contacts_text.push_str(&format!("\n{}", ctx.t(Msg::Card(CardMsg::MissingTechnicalManager))));
    }
    reply = reply.field(ctx.t(Msg::Card(CardMsg::LabelContacts)), contacts_text);
    if !facts.competitors.is_empty() {
        let lines: Vec<String> = facts.competitors.iter().take(3).map(|c| crate::core::figures::line(ctx, c)).collect();
        reply = reply.field(ctx.t(Msg::Card(CardMsg::LabelCompetitors)), lines.join("\n"));
    }
    let suppliers = facts.competitors.len() as i64 + 1;
    let mut suppliers_text = ctx.t(Msg::Card(CardMsg::SuppliersValue { count: suppliers, kept: a.suppliers_kept }));
    match SupplierMix::of(suppliers, a.suppliers_kept) {
        SupplierMix::WithinPolicy => {}
        SupplierMix::Sole => suppliers_text.push_str(&format!("\n{}", ctx.t(Msg::Card(CardMsg::FlagReason(Flag::SoleSupplier))))),
        SupplierMix::AbovePolicy => {
            warnings += 1;
            let flag = Flag::TooManySuppliers { count: suppliers, kept: a.suppliers_kept };
            suppliers_text.push_str(&format!("\n{}", ctx.t(Msg::Card(CardMsg::FlagReason(flag)))));
        }
    }
    reply = reply.field(ctx.t(Msg::Card(CardMsg::LabelSuppliers)), suppliers_text);
    if !aliases.is_empty() {
        reply = reply.field(ctx.t(Msg::Card(CardMsg::LabelAliases)), aliases.join(", "));
    }

    if !archived {
        let health = standing::health(facts, ctx.now, ctx.tz);
        let mut text = ctx.t(Msg::Card(CardMsg::HealthShort { score: health.score }));
        if let Some((since, before)) = health.before {
            text.push_str(&format!("\n{}", ctx.t(Msg::Card(CardMsg::HealthTrend { delta: i64::from(health.score) - before, since }))));
        }
        if let Some(risk) = health.risk(&a.name) {
            dangers += 1;
            text.push_str(&format!("\n⚠ {} → {}", ctx.t(risk.reason), risk.action));
        } else if let Some(flag) = health.flags.iter().find(|f| f.cap().is_some_and(|cap| cap <= health.weighted)) {
            warnings += 1;
            text.push_str(&format!("\n• {}", ctx.t(Msg::Card(CardMsg::FlagReason(flag.clone())))));
        }
        reply = reply.inline_field(ctx.t(Msg::Card(CardMsg::LabelHealth)), text);
    }
    let tone = match (archived, dangers, warnings) {
        (true, _, _) => Tone::Neutral,
        (false, d, _) if d > 0 => Tone::Danger,
        (false, _, w) if w > 0 => Tone::Warning,
        _ => Tone::Good,
    };
    reply.footer(ctx.t(Msg::Card(CardMsg::CardFooter { id: a.number }))).tone(tone)
}
