//! Who may change an account: its owner, its technical manager, the managers above either of
//! them, and admins. Anyone in the workspace may read it.

use super::context::Context;
use super::error::CommandError;
use crate::domain::account::Role;
use crate::i18n::InputMsg;
use crate::i18n::Msg;
use crate::store::{AccountRow, Store};

pub async fn require_write(store: &Store, ctx: &Context, account: &AccountRow) -> Result<(), CommandError> {
    let me = ctx.person.id;
    if ctx.person.role == Role::Admin {
        return Ok(());
    }
    for responsible in [account.owner_id, account.technical_manager_id].into_iter().flatten() {
        if store.manager_chain(ctx.workspace.id, responsible).await?.contains(&me) {
            return Ok(());
        }
    }
    Err(Msg::Input(InputMsg::NotAllowed { account: account.name.clone() }).into())
}
