//! Commitments as replies show them: the few on a card or a brief, and a line of a list.

use crate::core::context::Context;
use crate::domain::text::truncate;
use crate::i18n::{Msg, TaskMsg};
use crate::store::{AccountFacts, CommitmentRow};

/// One commitment as a line of a list, naming its account and owner where the list is not
/// already about them.
pub fn line(ctx: &Context, c: &CommitmentRow, account: bool, owner: bool) -> String {
    ctx.t(Msg::Tasks(TaskMsg::Line {
        number: c.number,
        text: truncate(&c.text, 160),
        due: c.due_on,
        today: ctx.today(),
        account: account.then(|| c.account_name.clone()),
        owner: owner.then(|| c.owner_name.clone()),
    }))
}

/// The account's open commitments as the card and `/prep` list them: the soonest due, each with its
/// owner, and how to see the rest; `None` without any.
pub fn listed(ctx: &Context, facts: &AccountFacts) -> Option<String> {
    if facts.commitments.is_empty() {
        return None;
    }
    let today = ctx.today();
    let mut lines: Vec<String> = facts
        .commitments
        .iter()
        .map(|c| {
            ctx.t(Msg::Tasks(TaskMsg::Line {
                number: c.number,
                text: truncate(&c.text, 120),
                due: c.due_on,
                today,
                account: None,
                owner: Some(c.owner_name.clone()),
            }))
        })
        .collect();
    let more = facts.open_commitments - facts.commitments.len() as i64;
    if more > 0 {
        let command = format!("/tasks {}", crate::domain::text::quoted(&facts.account.name));
        lines.push(ctx.t(Msg::Tasks(TaskMsg::CardMore { more, command })));
    }
    Some(lines.join("\n"))
}
