//! `/help [COMMAND]`: generated from the catalog.

use crate::core::catalog::{self, ArgType};
use crate::core::context::Context;
use crate::core::reply::Reply;
use crate::i18n::Msg;

pub fn run(ctx: &Context, command: Option<&str>) -> Reply {
    let l = ctx.locale;
    let Some(spec) = command.and_then(catalog::find) else {
        let mut reply = Reply::titled(ctx.t(Msg::HelpTitle));
        for spec in catalog::CATALOG {
            reply = reply.line(format!("{} — {}", spec.usage(l), ctx.t(spec.summary.clone())));
        }
        return reply.footer(ctx.t(Msg::HelpFooter)).ephemeral();
    };
    let mut reply = Reply::titled(spec.usage(l)).line(ctx.t(spec.summary.clone()));
    for arg in spec.args {
        let name = if arg.flag { format!("--{} {}", arg.name, arg.placeholder(l)) } else { arg.placeholder(l) };
        let need = ctx.t(if arg.required { Msg::HelpRequired } else { Msg::HelpOptional });
        reply = reply.line(format!("  {name} ({need}): {}", ctx.t(arg.help.clone())));
    }
    if spec.args.iter().any(|a| a.ty == ArgType::Kind) {
        reply = reply.line(ctx.t(Msg::HelpKinds));
    }
    if spec.args.iter().any(|a| a.ty == ArgType::Date) {
        reply = reply.line(ctx.t(Msg::HelpDates));
    }
    reply.footer(ctx.t(Msg::HelpExample { example: spec.example })).ephemeral()
}
