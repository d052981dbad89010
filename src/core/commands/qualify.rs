//! `/qualify ACCOUNT --potential N --leadership N --profitability N --fit N --strength N` scores
//! an account (1 to 5 each) and suggests its tier; `/qualify ACCOUNT` shows the scores;
//! `/qualify` alone is the re-tiering list: the accounts whose suggested tier is not their tier.

use crate::i18n::{CardMsg, HelpMsg, PlanMsg};
use serde::Serialize;

use crate::core::catalog::{ArgType, CommandSpec, leaf, option, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::require_account;
use crate::domain::qualification::Qualification;
use crate::i18n::Msg;
use crate::store::Store;

pub static SPEC: CommandSpec = leaf!(
    "qualify",
    "qualify",
    Msg::Help(HelpMsg::CmdQualify),
    &[
        positional("account", ArgType::Account, false, true, Msg::Help(HelpMsg::ArgQualifyAccount)),
        option("potential", ArgType::Integer { min: 1, max: 5 }, Msg::Help(HelpMsg::ArgPotential)),
        option("leadership", ArgType::Integer { min: 1, max: 5 }, Msg::Help(HelpMsg::ArgLeadership)),
        option("profitability", ArgType::Integer { min: 1, max: 5 }, Msg::Help(HelpMsg::ArgProfitability)),
        option("fit", ArgType::Integer { min: 1, max: 5 }, Msg::Help(HelpMsg::ArgFit)),
        option("strength", ArgType::Integer { min: 1, max: 5 }, Msg::Help(HelpMsg::ArgOurStrength)),
        option("apply", ArgType::Switch, Msg::Help(HelpMsg::ArgApply)),
    ],
    "/qualify Vale --potential 5 --leadership 4 --profitability 3 --fit 4 --strength 3",
    |args| {
        Ok(Qualify {
            account: args.text("account"),
            scores: ["potential", "leadership", "profitability", "fit", "strength"].map(|s| args.number(s)),
            apply: args.switch("apply"),
        }
        .into())
    },
);

/// Qualifies an account, shows its qualification, or (without one) lists the re-tiering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Qualify {
    pub account: Option<String>,
    pub scores: [Option<i64>; 5],
    /// Sets the suggested tier.
    pub apply: bool,
}

impl Qualify {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        run(store, ctx, self.account.as_deref(), self.scores, self.apply).await
    }
}

fn tenths(t: i64, ctx: &Context) -> String {
    format!("{}{}{}", t / 10, ctx.locale.pick('.', ','), t % 10)
}

async fn run(
    store: &Store,
    ctx: &Context,
    account: Option<&str>,
    scores: [Option<i64>; 5],
    apply: bool,
) -> Result<Reply, CommandError> {
    let rows = store.qualifications(ctx.workspace.id).await?;
    let Some(name) = account else {
        let mut reply = Reply::titled(ctx.t(Msg::Plan(PlanMsg::RetierTitle)));
        for line in crate::core::retiering::lines(&rows, ctx.locale) {
            reply = reply.line(line);
        }
        if reply.lines.is_empty() {
            reply = reply.line(ctx.t(Msg::Plan(PlanMsg::RetierNone { qualified: rows.len() })));
        }
        return Ok(reply);
    };
    let account = require_account(store, ctx, name).await?;
    let current = rows.iter().find(|r| r.account_id == account.id).map(crate::core::retiering::qualification);
    let q = if scores.iter().any(Option::is_some) {
        let [potential, leadership, profitability, fit, strength] = scores;
        let merged = match current {
            Some(c) => Qualification {
                potential: potential.unwrap_or(c.potential),
                leadership: leadership.unwrap_or(c.leadership),
                profitability: profitability.unwrap_or(c.profitability),
                fit: fit.unwrap_or(c.fit),
                strength: strength.unwrap_or(c.strength),
            },
            None => match (potential, leadership, profitability, fit, strength) {
                (Some(potential), Some(leadership), Some(profitability), Some(fit), Some(strength)) => {
                    Qualification { potential, leadership, profitability, fit, strength }
                }
                _ => return Err(Msg::Plan(PlanMsg::QualifyNeedsAll).into()),
            },
        };
        require_write(store, ctx, &account).await?;
        let mut tx = ctx.write(store).await?;
        tx.set_qualification(ctx.workspace.id, account.id, &merged, ctx.now).await?;
        let arguments = serde_json::json!({ "account": account.name, "scores": scores }).to_string();
        tx.audit(ctx.workspace.id, ctx.person.id, "qualify", &arguments, "ok", ctx.now).await?;
        tx.commit().await?;
        merged
    } else {
        match current {
            Some(c) => c,
            None => {
                return Ok(Reply::titled(account.name.clone()).line(ctx.t(Msg::Plan(PlanMsg::NotQualified { account: account.name }))));
            }
        }
    };
    let suggested = q.suggested_tier();
    let mut tier = account.tier;
    let mut applied = None;
    if apply && suggested != tier {
        crate::core::account_edit::change(store, ctx, &account, "tier", &suggested.number().to_string()).await?;
        applied = Some(Msg::Onb(crate::i18n::Onb::TierApplied {
            name: account.name.clone(),
            from: tier.number(),
            to: suggested.number(),
        }));
        tier = suggested;
    }
    let mut reply = Reply::titled(ctx.t(Msg::Plan(PlanMsg::QualifyTitle { account: account.name.clone() })))
        .inline_field(ctx.t(Msg::Plan(PlanMsg::LabelAttractiveness)), tenths(q.attractiveness_tenths(), ctx))
        .inline_field(ctx.t(Msg::Plan(PlanMsg::LabelOurStrength)), q.strength.to_string())
        .field(
            ctx.t(Msg::Plan(PlanMsg::LabelScores)),
            ctx.t(Msg::Plan(PlanMsg::QualifyScores { q: [q.potential, q.leadership, q.profitability, q.fit] })),
        )
        .field(ctx.t(Msg::Plan(PlanMsg::LabelSuggestedTier)), ctx.t(Msg::Card(CardMsg::TierLine { tier: suggested, segment: String::new(), cnpj: None })));
    if let Some(applied) = applied {
        reply = reply.line(ctx.t(applied));
    }
    let tone = if suggested == tier {
        Tone::Good
    } else {
        reply =
            reply.line(ctx.t(Msg::Plan(PlanMsg::RetierLine { account: account.name, from: account.tier.number(), to: suggested.number() })));
        Tone::Warning
    };
    Ok(reply.tone(tone))
}
