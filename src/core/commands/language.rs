//! `/language [en|pt-BR]`: the language the bot answers the person in, shown or chosen.

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::i18n::{Locale, Msg};
use crate::store::Store;

pub async fn run(store: &Store, ctx: &Context, language: Option<&str>) -> Result<Reply, CommandError> {
    let Some(value) = language else {
        return Ok(Reply::titled(ctx.t(Msg::LanguageNow { chosen: ctx.person.language.is_some() })).ephemeral());
    };
    let locale = Locale::parse(value).ok_or_else(|| Msg::UnknownLanguage { value: value.to_string() })?;
    let mut tx = store.write().await?;
    tx.set_language(ctx.workspace.id, ctx.person.id, locale.tag()).await?;
    let arguments = serde_json::json!({ "language": locale.tag() }).to_string();
    tx.audit(ctx.workspace.id, ctx.person.id, "language", &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    Ok(Reply::titled(locale.t(Msg::LanguageSet)).tone(Tone::Good).ephemeral())
}
