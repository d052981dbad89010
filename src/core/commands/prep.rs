//! `/prep ACCOUNT`: the brief for the next meeting on one screen: when and with whom, the last
//! three interactions, the open next step, who to bring (gaps in the stakeholder map), open
//! opportunities, this year's plan goals, competitors' moves, and, near the yearly review, the
//! four questions with last year's answers.

use crate::i18n::{CardMsg, ChatMsg, DealMsg, HelpMsg, ReminderMsg, TaskMsg};
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_REST, CommandSpec, leaf};
use crate::core::Command;
use crate::core::parse::Args;
use chrono::{Datelike, Duration};

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::core::standing::{self, REACHED_DAYS};
use crate::domain::money::Money;
use crate::domain::text::truncate;
use crate::i18n::{Msg, format_date, format_day, format_money};
use crate::store::Store;

pub static SPEC: CommandSpec = leaf!("prep", "prep", Msg::Help(HelpMsg::CmdPrep), &[ACCOUNT_REST], "/prep Gerdau", build);

/// The brief for the next meeting with an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prep {
    pub account: String,
}

impl Prep {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        run(store, ctx, &self.account).await
    }
}

fn build(args: &Args) -> Result<Command, Msg> {
    Ok(Prep { account: args.required("account")? }.into())
}

/// How many of each list the brief shows.
const SHOWN: usize = 3;
/// The yearly review's questions join the brief this many days before it (and once it is due).
const REVIEW_DAYS: i64 = 60;
/// A competitor changed within this many days is a move worth bringing up.
const MOVE_DAYS: i64 = 90;

async fn run(store: &Store, ctx: &Context, account: &str) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let ws = ctx.workspace.id;
    let facts = standing::facts(store, ctx, account.id).await?;
    let today = ctx.today();
    let from = standing::start_of(today, ctx.tz).unwrap_or(ctx.now);
    let meeting = store.next_meeting(ws, account.id, from).await?;
    let history = store.history_page(ws, account.id, SHOWN as i64, 0).await?;
    let opportunities = store.opportunities(ws, account.id).await?;
    let plan = store.plan(ws, account.id, i64::from(today.year())).await?;
    let goals = match &plan {
        Some(p) => store.goals(ws, p.id).await?,
        None => Vec::new(),
    };

    let mut reply = Reply::titled(ctx.t(Msg::Deals(DealMsg::PrepTitle { account: account.name.clone() })));
    let meeting_text = match &meeting {
        Some(m) => {
            let local = m.starts_at.with_timezone(&ctx.tz);
            ctx.t(Msg::Deals(DealMsg::PrepMeeting {
                kind: m.kind,
                day: local.date_naive(),
                time: local.format("%H:%M").to_string(),
                with: m.with_contacts.clone(),
            }))
        }
        None => ctx.t(Msg::Deals(DealMsg::PrepNoMeeting { account: account.name.clone() })),
    };
    reply = reply.field(ctx.t(Msg::Deals(DealMsg::LabelPrepMeeting)), meeting_text);

    let last: Vec<String> = history
        .iter()
        .map(|i| {
            let who = match &i.contact_name {
                Some(c) => format!("{} → {c}", i.author_name),
                None => i.author_name.clone(),
            };
            format!(
                "• {} · {} · {who}: {}",
                format_date(ctx.local_date(i.occurred_at), ctx.locale),
                ctx.t(Msg::Chat(ChatMsg::KindName(i.kind))),
                truncate(&i.summary, 120)
            )
        })
        .collect();
    let last = if last.is_empty() { ctx.t(Msg::Deals(DealMsg::PrepNoInteraction)) } else { last.join("\n") };
    reply = reply.field(ctx.t(Msg::Deals(DealMsg::LabelPrepLast)), last);

    if let Some(text) = crate::core::commitments::listed(ctx, &facts) {
        let label = TaskMsg::CardLabel { total: facts.open_commitments, overdue: facts.late_commitments };
        reply = reply.field(ctx.t(Msg::Tasks(label)), text);
    }

    // Who to bring: the decision makers and the people not reached lately.
    let since = ctx.now - Duration::days(REACHED_DAYS);
    let reached = |c: &crate::store::StakeholderRow| c.last_contact.is_some_and(|t| t >= since);
    let named = |c: &crate::store::StakeholderRow| {
        if c.department.is_empty() { c.name.clone() } else { format!("{} ({})", c.name, c.department) }
    };
    let deciders: Vec<_> =
        facts.contacts.iter().filter(|c| c.decision_role.as_deref() == Some("decision_maker")).collect();
    let mut bring = Vec::new();
    if deciders.is_empty() {
        bring.push(ctx.t(Msg::Deals(DealMsg::PrepNoDecisionMaker { account: account.name.clone() })));
    } else if !deciders.iter().any(|c| reached(c)) {
        let names: Vec<String> = deciders.iter().take(SHOWN).map(|c| named(c)).collect();
        bring.push(ctx.t(Msg::Deals(DealMsg::PrepDecisionMaker { names: names.join(", ") })));
    }
    let unreached: Vec<_> = facts.contacts.iter().filter(|c| !reached(c)).collect();
    if !unreached.is_empty() {
        let mut names: Vec<String> = unreached.iter().take(SHOWN).map(|c| named(c)).collect();
        if unreached.len() > SHOWN {
            names.push(ctx.t(Msg::Deals(DealMsg::AndMore { count: unreached.len() - SHOWN })));
        }
        bring.push(ctx.t(Msg::Deals(DealMsg::PrepNotReached { names: names.join(", ") })));
    }
    if bring.is_empty() {
        bring.push(ctx.t(Msg::Deals(DealMsg::PrepCovered)));
    }
    reply = reply.field(ctx.t(Msg::Deals(DealMsg::LabelPrepBring)), bring.join("\n"));

    let currency = account.currency;
    let open: Vec<String> = opportunities
        .iter()
        .filter(|o| !o.stage.is_closed())
        .take(SHOWN)
        .map(|o| {
            format!(
                "• #{} {} · {} · {}",
                o.number,
                truncate(&o.title, 80),
                format_money(Money::new(o.value_minor, currency), ctx.locale),
                ctx.t(Msg::Deals(DealMsg::StageName(o.stage)))
            )
        })
        .collect();
    if !open.is_empty() {
        reply = reply.field(ctx.t(Msg::Deals(DealMsg::LabelPrepOpps)), open.join("\n"));
    }

    let open_goals: Vec<String> = goals
        .iter()
        .filter(|g| g.status == crate::domain::kind::GoalStatus::Open)
        .take(SHOWN)
        .map(|g| match g.due_on {
            Some(due) => format!("• {} ({})", truncate(&g.title, 100), format_date(due, ctx.locale)),
            None => format!("• {}", truncate(&g.title, 100)),
        })
        .collect();
    if !open_goals.is_empty() {
        reply = reply.field(ctx.t(Msg::Deals(DealMsg::LabelPrepGoals { year: i64::from(today.year()) })), open_goals.join("\n"));
    }

    let moves: Vec<String> = facts
        .competitors
        .iter()
        .filter(|c| c.updated_at >= ctx.now - Duration::days(MOVE_DAYS) || c.threat == "high")
        .take(SHOWN)
        .map(|c| format!("• {}", truncate(&crate::core::figures::line(ctx, c), 200)))
        .collect();
    if !moves.is_empty() {
        reply = reply.field(ctx.t(Msg::Card(CardMsg::LabelCompetitors)), moves.join("\n"));
    }

    // Near the yearly review: the four questions with last year's answers.
    let mut tone = Tone::Neutral;
    if let Some(review) = account.yearly_review_on.filter(|d| (*d - today).num_days() <= REVIEW_DAYS) {
        tone = Tone::Warning;
        let last = store.reviews(ws, account.id).await?.into_iter().next();
        let answers = last.as_ref().map(|r| [&r.objectives, &r.value, &r.changes, &r.depth]);
        let mut lines = Vec::new();
        for n in 1..=4u8 {
            lines.push(ctx.t(Msg::Reminders(ReminderMsg::ReviewQuestion(n))));
            if let (Some(answers), Some(r)) = (answers, &last) {
                let answer = answers[usize::from(n - 1)];
                if !answer.is_empty() {
                    lines.push(ctx.t(Msg::Deals(DealMsg::PrepLastAnswer { year: r.year, answer: truncate(answer, 150) })));
                }
            }
        }
        reply = reply.field(ctx.t(Msg::Deals(DealMsg::LabelPrepReview { date: format_day(review, ctx.locale) })), lines.join("\n"));
    }
    Ok(reply.tone(tone))
}
