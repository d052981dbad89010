//! `/language [en|pt-BR]`: the language the bot answers the person in, shown or chosen.

use crate::i18n::Translate;
use crate::i18n::{HelpMsg, PeopleMsg};
use serde::Serialize;

use crate::core::catalog::{ArgType, CommandSpec, leaf, positional};
use crate::core::Command;
use crate::core::parse::Args;
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::i18n::{Locale, Msg};
use crate::store::Store;

pub static SPEC: CommandSpec = leaf!(
    "language",
    "language",
    Msg::Help(HelpMsg::CmdLanguage),
    &[positional("language", ArgType::Language, false, false, Msg::Help(HelpMsg::ArgLanguage))],
    "/language pt-BR",
    build,
);

/// Shows, or with a value sets, the language the bot answers the person in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Language {
    pub language: Option<String>,
}

impl Language {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        run(store, ctx, self.language.as_deref()).await
    }
}

fn build(args: &Args) -> Result<Command, Msg> {
    Ok(Language { language: args.text("language") }.into())
}

async fn run(store: &Store, ctx: &Context, language: Option<&str>) -> Result<Reply, CommandError> {
    let Some(value) = language else {
        return Ok(Reply::titled(ctx.t(Msg::People(PeopleMsg::LanguageNow { chosen: ctx.person.language.is_some() }))).ephemeral());
    };
    let locale = Locale::parse(value).ok_or_else(|| Msg::People(PeopleMsg::UnknownLanguage { value: value.to_string() }))?;
    let mut tx = ctx.write(store).await?;
    tx.set_language(ctx.workspace.id, ctx.person.id, locale.tag()).await?;
    let arguments = serde_json::json!({ "language": locale.tag() }).to_string();
    tx.audit(ctx.workspace.id, ctx.person.id, "language", &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    Ok(Reply::titled(locale.t(Msg::People(PeopleMsg::LanguageSet))).tone(Tone::Good).ephemeral())
}
