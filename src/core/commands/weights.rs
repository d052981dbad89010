//! `/weights`: the weights of the health score; `/weights COMPONENT N` sets one (admins).

use crate::i18n::{HealthMsg, HelpMsg};
use serde::Serialize;

use crate::core::catalog::{ArgType, CommandSpec, leaf, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::Reply;
use crate::core::standing;
use crate::domain::account::Role;
use crate::domain::health::Component;
use crate::i18n::Msg;
use crate::store::Store;

pub static SPEC: CommandSpec = leaf!(
    "weights",
    "weights",
    Msg::Help(HelpMsg::CmdWeights),
    &[
        positional(
            "component",
            ArgType::Choice(&[
                "recency",
                "planning",
                "stakeholders",
                "review",
                "plan",
                "momentum",
                "share",
                "tone",
                "competitors",
            ]),
            false,
            false,
            Msg::Help(HelpMsg::ArgComponent),
        ),
        positional("weight", ArgType::Integer { min: 0, max: 100 }, false, false, Msg::Help(HelpMsg::ArgWeight)),
    ],
    "/weights tone 20",
    |args| Ok(Weights { component: args.lower("component"), weight: args.number("weight") }.into()),
);

/// Shows, or (admins) sets, the weights of the health score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Weights {
    pub component: Option<String>,
    pub weight: Option<i64>,
}

impl Weights {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        set_weights(store, ctx, self.component.as_deref(), self.weight).await
    }
}

/// `/weights` shows the weights; `/weights COMPONENT N` sets one (admins).
async fn set_weights(
    store: &Store,
    ctx: &Context,
    component: Option<&str>,
    weight: Option<i64>,
) -> Result<Reply, CommandError> {
    if let (Some(code), Some(weight)) = (component, weight) {
        if ctx.person.role != Role::Admin {
            return Err(Msg::Health(HealthMsg::OnlyAdminsWeights).into());
        }
        let mut tx = ctx.write(store).await?;
        tx.set_health_weight(ctx.workspace.id, code, weight).await?;
        let arguments = serde_json::json!({ "component": code, "weight": weight }).to_string();
        tx.audit(ctx.workspace.id, ctx.person.id, "weights", &arguments, "ok", ctx.now).await?;
        tx.commit().await?;
    } else if component.is_some() {
        return Err(Msg::Health(HealthMsg::WeightNeedsNumber).into());
    }
    let weights = standing::weights(&store.weights_with_defaults(store.health_weights(ctx.workspace.id).await?));
    let mut reply = Reply::titled(ctx.t(Msg::Health(HealthMsg::WeightsTitle)));
    for (c, w) in Component::ALL.iter().zip(weights) {
        reply = reply.field(format!("{} ({})", ctx.t(Msg::Health(HealthMsg::ComponentName(*c))), c.code()), w.to_string());
    }
    Ok(reply.footer(ctx.t(Msg::Health(HealthMsg::WeightsFooter))))
}

