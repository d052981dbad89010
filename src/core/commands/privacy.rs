//! `/privacy export|erase ACCOUNT CONTACT` (admins): everything held about a customer's contact,
//! as JSON, and its erasure everywhere (LGPD, articles 18 and 19). Both are audited without the
//! personal data itself.

use crate::i18n::{HelpMsg};
use serde::Serialize;

use crate::core::catalog::{ACCOUNT_FIRST, ArgSpec, CommandSpec, NAME, group, leaf, positional};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{require_account, require_contact};
use crate::domain::account::Role;
use crate::i18n::{Msg, Onb};
use crate::store::Store;

/// `/privacy export|erase ACCOUNT CONTACT`.
const PRIVACY_ARGS: &[ArgSpec] = &[ACCOUNT_FIRST, positional("name", NAME, true, true, Msg::Help(HelpMsg::ArgContactName))];

static EXPORT: CommandSpec = leaf!(
    "export",
    "privacy export",
    Msg::Help(HelpMsg::CmdPrivacyExport),
    PRIVACY_ARGS,
    "/privacy export Vale \"Marcos Lima\"",
    |args| build(args, false),
);

static ERASE: CommandSpec = leaf!(
    "erase",
    "privacy erase",
    Msg::Help(HelpMsg::CmdPrivacyErase),
    PRIVACY_ARGS,
    "/privacy erase Vale \"Marcos Lima\"",
    |args| build(args, true),
);

pub static SPEC: CommandSpec =
    group!("privacy", Msg::Help(HelpMsg::CmdPrivacy), &[&EXPORT, &ERASE], None, "/privacy export Vale \"Marcos Lima\"");

/// Everything held about a contact (`erase: false`), or its erasure (admins).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Privacy {
    pub erase: bool,
    pub account: String,
    pub contact: String,
}

fn build(args: &crate::core::parse::Args, erase: bool) -> Result<crate::core::Command, Msg> {
    Ok(Privacy { erase, account: args.required("account")?, contact: args.required("name")? }.into())
}

impl Privacy {
    pub fn spec(&self) -> &'static CommandSpec {
        if self.erase { &ERASE } else { &EXPORT }
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        run(store, ctx, self.erase, &self.account, &self.contact).await
    }
}

async fn run(
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
        let mut tx = ctx.write(store).await?;
        tx.audit(ws, ctx.person.id, "privacy export", &arguments, "ok", ctx.now).await?;
        tx.commit().await?;
        let json = serde_json::to_string_pretty(&data).map_err(anyhow::Error::from)?;
        let mut reply = Reply::titled(ctx.t(Msg::Onb(Onb::PrivacyExportTitle { account: account.name })));
        for line in json.lines() {
            reply = reply.line(line.to_string());
        }
        return Ok(reply.ephemeral());
    }
    let mut tx = ctx.write(store).await?;
    let c = &data.contact;
    tx.erase_contact(ws, contact.id, &c.name, c.email.as_deref(), c.phone.as_deref(), &c.title).await?;
    tx.audit(ws, ctx.person.id, "privacy erase", &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    store.checkpoint().await?;
    Ok(Reply::titled(ctx.t(Msg::Onb(Onb::PrivacyErased { account: account.name, id: contact.id })))
        .tone(Tone::Good)
        .ephemeral())
}
