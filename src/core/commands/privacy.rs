//! `/privacy export|erase ACCOUNT CONTACT` (admins): everything held about a customer's contact,
//! as JSON, and its erasure everywhere (LGPD, articles 18 and 19). Both are audited without the
//! personal data itself.

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{require_account, require_contact};
use crate::domain::account::Role;
use crate::i18n::{Msg, Onb};
use crate::store::Store;

pub async fn run(
    store: &Store,
    ctx: &Context,
    erase: bool,
    account: &str,
    contact: &str,
) -> Result<Reply, CommandError> {
    if ctx.person.role != Role::Admin {
        return Err(Msg::Onb(Onb::OnlyAdminsPrivacy).into());
    }
    let account = require_account(store, ctx, account).await?;
    let contact = require_contact(store, ctx, &account, contact).await?;
    let ws = ctx.workspace.id;
    let data =
        store.personal_data(ws, contact.id).await?.ok_or_else(|| anyhow::anyhow!("contact {} vanished", contact.id))?;
    let arguments = serde_json::json!({ "account": account.name, "contact_id": contact.id }).to_string();
    if !erase {
        let mut tx = store.write().await?;
        tx.audit(ws, ctx.person.id, "privacy export", &arguments, "ok", ctx.now).await?;
        tx.commit().await?;
        let json = serde_json::to_string_pretty(&data).map_err(anyhow::Error::from)?;
        let mut reply = Reply::titled(ctx.t(Msg::Onb(Onb::PrivacyExportTitle { account: account.name })));
        for line in json.lines() {
            reply = reply.line(line.to_string());
        }
        return Ok(reply.ephemeral());
    }
    let mut tx = store.write().await?;
    let c = &data.contact;
    tx.erase_contact(ws, contact.id, &c.name, c.email.as_deref(), c.phone.as_deref(), &c.title).await?;
    tx.audit(ws, ctx.person.id, "privacy erase", &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    store.checkpoint().await?;
    Ok(Reply::titled(ctx.t(Msg::Onb(Onb::PrivacyErased { account: account.name, id: contact.id })))
        .tone(Tone::Good)
        .ephemeral())
}
