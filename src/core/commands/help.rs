//! `/help [COMMAND]`: generated from the catalog.

use crate::i18n::HelpMsg;
use serde::Serialize;

use crate::core::catalog::{CommandSpec, leaf, positional};
use crate::core::error::CommandError;
use crate::store::Store;
use crate::core::catalog::{self, ArgType};
use crate::core::option_words;
use crate::i18n::Locale;
use crate::core::context::Context;
use crate::core::reply::Reply;
use crate::i18n::Msg;

pub static SPEC: CommandSpec = leaf!(
    "help",
    "help",
    Msg::Help(HelpMsg::CmdHelp),
    &[positional("command", ArgType::CommandName, false, false, Msg::Help(HelpMsg::ArgCommand))],
    "/help log",
    |args| {
        let command = args.text("command");
        if let Some(name) = command.as_deref().filter(|name| catalog::find(name).is_none()) {
            return Err(catalog::unknown_command(name));
        }
        Ok(Help { topic: command }.into())
    },
);

/// The list of commands, or one explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Help {
    pub topic: Option<String>,
}

impl Help {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        let any = store.has_any_account(ctx.workspace.id).await?;
        Ok(run(ctx, self.topic.as_deref(), !any))
    }
}

/// The list of commands, or one explained; in a workspace without accounts yet, the list starts
/// with how to bring them in.
fn run(ctx: &Context, command: Option<&str>, empty_workspace: bool) -> Reply {
    let l = ctx.locale;
    let Some(spec) = command.and_then(catalog::find) else {
        let mut reply = Reply::titled(ctx.t(Msg::Help(HelpMsg::HelpTitle)));
        if empty_workspace {
            reply = reply.line(ctx.t(Msg::Onb(crate::i18n::Onb::EmptyWorkspace)));
        }
        for spec in catalog::CATALOG {
            // The description goes with the command's first form; the other forms follow, indented.
            let usage = spec.usage(l);
            let (first, rest) = usage.split_once('\n').unwrap_or((usage.as_str(), ""));
            let mut line = format!("{first} — {}", ctx.t(spec.summary.clone()));
            for form in rest.lines() {
                line.push_str(&format!("\n  {form}"));
            }
            reply = reply.line(line);
        }
        return reply.footer(ctx.t(Msg::Help(HelpMsg::HelpFooter))).ephemeral();
    };
    let mut reply = Reply::titled(spec.usage(l)).line(ctx.t(spec.summary.clone()));
    let borrowed = spec.borrows.and_then(|(other, _)| catalog::find(other)).map(|o| o.subcommands).unwrap_or(&[]);
    for sub in spec.subcommands.iter().chain(borrowed) {
        let name = match l {
            Locale::PtBr if option_words::subcommand(sub.name) != sub.name => {
                format!("{} ({})", option_words::subcommand(sub.name), sub.name)
            }
            _ => sub.name.to_string(),
        };
        reply = reply.line(format!("  {name} — {}", ctx.t(sub.summary.clone())));
    }
    for arg in spec.args {
        let name = arg.typed(l);
        let need = ctx.t(if arg.required { Msg::Help(HelpMsg::HelpRequired) } else { Msg::Help(HelpMsg::HelpOptional) });
        reply = reply.line(format!("  {name} ({need}): {}", ctx.t(arg.help.clone())));
    }
    if spec.args.iter().any(|a| a.ty == ArgType::Kind) {
        reply = reply.line(ctx.t(Msg::Help(HelpMsg::HelpKinds)));
    }
    if spec.args.iter().any(|a| a.ty == ArgType::Date) {
        reply = reply.line(ctx.t(Msg::Help(HelpMsg::HelpDates)));
    }
    reply.footer(ctx.t(Msg::Help(HelpMsg::HelpExample { example: spec.example(ctx.locale) }))).ephemeral()
}
