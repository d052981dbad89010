//! `/plan ACCOUNT` shows this year's account plan; `/plan ACCOUNT set FIELD TEXT` writes one of
//! its parts (objectives, value, evidence, changes, depth, resources); `/plan ACCOUNT goal add
//! TITLE [--owner NAME] [--due DATE]` and `/plan ACCOUNT goal done N` keep its goals.

use crate::i18n::{HelpMsg, PlanMsg};
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_FIRST, ArgType, CommandSpec, leaf, option, positional};
use crate::domain::vocabulary;
use chrono::Datelike;

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{require_account, require_person};
use crate::domain::dates::Lean;
use crate::domain::text::truncate;
use crate::i18n::{Msg, format_date};
use crate::store::{AccountRow, Store};

pub static SPEC: CommandSpec = leaf!(
    "plan",
    "plan",
    Msg::Help(HelpMsg::CmdPlan),
    &[
        ACCOUNT_FIRST,
        positional("action", ArgType::Words(&vocabulary::PLAN_ACTIONS), false, false, Msg::Help(HelpMsg::ArgPlanAction)),
        positional("what", ArgType::Text { max_chars: 20 }, false, false, Msg::Help(HelpMsg::ArgPlanWhat)),
        positional("text", ArgType::Text { max_chars: 2000 }, false, true, Msg::Help(HelpMsg::ArgPlanText)),
        option("owner", ArgType::Person, Msg::Help(HelpMsg::ArgGoalOwner)),
        option("due", ArgType::Date, Msg::Help(HelpMsg::ArgGoalDue)),
        option("year", ArgType::Integer { min: 2000, max: 2100 }, Msg::Help(HelpMsg::ArgPlanYear)),
    ],
    "/plan Vale set objectives \"Become the reference supplier for Carajás\"",
    |args| {
        Ok(PlanRequest {
            account: args.required("account")?,
            action: args.lower("action"),
            what: args.lower("what"),
            text: args.text("text"),
            owner: args.text("owner"),
            due: args.text("due"),
            year: args.number("year"),
        }
        .into())
    },
    pt: "/plano Vale definir objetivos \"Ser o fornecedor de referência em Carajás\"",
);

/// What `/plan` does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanRequest {
    pub account: String,
    pub action: Option<String>,
    pub what: Option<String>,
    pub text: Option<String>,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub year: Option<i64>,
}

impl PlanRequest {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        run(store, ctx, &self).await
    }
}

/// The parts of a plan, as typed after `set`, and the message naming each.
const FIELDS: [(&str, Msg); 6] = [
    ("objectives", Msg::Plan(PlanMsg::PlanObjectives)),
    ("value", Msg::Plan(PlanMsg::PlanValue)),
    ("evidence", Msg::Plan(PlanMsg::PlanEvidence)),
    ("changes", Msg::Plan(PlanMsg::PlanChanges)),
    ("depth", Msg::Plan(PlanMsg::PlanDepth)),
    ("resources", Msg::Plan(PlanMsg::PlanResources)),
];

async fn show(
    store: &Store,
    ctx: &Context,
    account: &AccountRow,
    year: i64,
    footer: Option<Msg>,
) -> Result<Reply, CommandError> {
    let mut reply = Reply::titled(ctx.t(Msg::Plan(PlanMsg::PlanTitle { account: account.name.clone(), year })));
    let Some(plan) = store.plan(ctx.workspace.id, account.id, year).await? else {
        return Ok(reply.line(ctx.t(Msg::Plan(PlanMsg::NoPlan { account: account.name.clone(), year }))));
    };
    let values =
        [&plan.objectives, &plan.value_delivered, &plan.value_evidence, &plan.changes, &plan.depth, &plan.resources];
    for ((_, label), value) in FIELDS.iter().zip(values) {
        let text = if value.is_empty() { ctx.t(Msg::Plan(PlanMsg::PlanNotWritten)) } else { value.clone() };
        reply = reply.field(ctx.t(label.clone()), text);
    }
    for goal in store.goals(ctx.workspace.id, plan.id).await? {
        let mark = if goal.status == crate::domain::kind::GoalStatus::Done { "☑" } else { "☐" };
        let mut line = format!("#{} {mark} {}", goal.id, goal.title);
        if let Some(owner) = goal.owner_name {
            line.push_str(&format!(" · {owner}"));
        }
        if let Some(due) = goal.due_on {
            line.push_str(&format!(" · {}", format_date(due, ctx.locale)));
        }
        reply = reply.line(line);
    }
    let footer = footer.unwrap_or(Msg::Plan(PlanMsg::PlanUpdated { date: ctx.local_date(plan.updated_at) }));
    Ok(reply.footer(ctx.t(footer)))
}

async fn run(store: &Store, ctx: &Context, r: &PlanRequest) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, &r.account).await?;
    let reply = change(store, ctx, r, &account).await?;
    // In the last quarter a plan written is often next year's: say how, where this year's was
    // meant (reading this year's plan needs no hint).
    if r.action.is_some() && r.year.is_none() && ctx.today().month() >= 10 {
        let next = i64::from(ctx.today().year()) + 1;
        return Ok(reply.line(ctx.t(Msg::Plan(PlanMsg::PlanNextYearHint { account: account.name, year: next }))));
    }
    Ok(reply)
}

async fn change(store: &Store, ctx: &Context, r: &PlanRequest, account: &AccountRow) -> Result<Reply, CommandError> {
    let year = r.year.unwrap_or_else(|| i64::from(ctx.today().year()));
    let Some(action) = r.action.as_deref() else {
        return show(store, ctx, account, year, None).await;
    };
    let what = r.what.as_deref().unwrap_or("");
    let text = r.text.as_deref().unwrap_or("").trim();
    // Check everything before writing anything.
    enum Change {
        Field(&'static str),
        AddGoal(Option<i64>, Option<chrono::NaiveDate>),
        FinishGoal(i64),
    }
    let change = match action {
        "set" => {
            let field = vocabulary::PLAN_PARTS
                .read(what)
                .and_then(|part| FIELDS.iter().find(|(name, _)| *name == part.code))
                .map(|(name, _)| *name)
                .ok_or_else(|| Msg::Plan(PlanMsg::BadPlanField { value: truncate(what, 20) }))?;
            if text.is_empty() {
                return Err(Msg::Plan(PlanMsg::PlanNeedsText).into());
            }
            Change::Field(field)
        }
        _ => match vocabulary::GOAL_ACTIONS.read(what).map(|w| w.code).unwrap_or("") {
            "add" => {
                if text.is_empty() {
                    return Err(Msg::Plan(PlanMsg::PlanNeedsText).into());
                }
                let owner = match &r.owner {
                    Some(name) => Some(require_person(store, ctx, name).await?.id),
                    None => None,
                };
                let due = r.due.as_deref().map(|d| ctx.read_date("due", d, Lean::Future)).transpose()?;
                Change::AddGoal(owner, due)
            }
            "done" => {
                let id = text
                    .trim_start_matches('#')
                    .parse::<i64>()
                    .map_err(|_| Msg::Plan(PlanMsg::BadGoalNumber { value: truncate(text, 20) }))?;
                Change::FinishGoal(id)
            }
            _ => return Err(Msg::Plan(PlanMsg::BadGoalAction { value: truncate(what, 20) }).into()),
        },
    };
    require_write(store, ctx, account).await?;
    let mut tx = ctx.write(store).await?;
    let plan = tx.ensure_plan(ctx.workspace.id, account.id, year, ctx.now).await?;
    let footer = match change {
        Change::Field(field) => {
            tx.set_plan_field(plan, field, text, ctx.now).await?;
            Msg::Plan(PlanMsg::PlanSaved)
        }
        Change::AddGoal(owner, due) => {
            let id = tx.add_goal(ctx.workspace.id, plan, text, owner, due, ctx.now).await?;
            Msg::Plan(PlanMsg::GoalAdded { id })
        }
        Change::FinishGoal(id) => {
            if !tx.finish_goal(ctx.workspace.id, plan, id, ctx.now).await? {
                return Err(Msg::Plan(PlanMsg::NoSuchGoal { id }).into());
            }
            Msg::Plan(PlanMsg::GoalDone { id })
        }
    };
    let arguments = serde_json::to_string(r).unwrap_or_default();
    tx.audit(ctx.workspace.id, ctx.person.id, "plan", &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    Ok(show(store, ctx, account, year, Some(footer)).await?.tone(Tone::Good))
}
