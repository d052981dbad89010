//! The workspace's working calendar as the commands read it: its own days off with the national
//! holidays, and the warning when a day falls on one.

use crate::i18n::MeetingMsg;
use chrono::NaiveDate;

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::domain::calendar::{Calendar, DayOff};
use crate::i18n::Msg;
use crate::store::{DayOffRow, Store};

/// The workspace's working calendar.
pub(crate) async fn calendar(store: &Store, workspace_id: i64) -> Result<(Calendar, Vec<DayOffRow>), CommandError> {
    let own = store.days_off(workspace_id).await?;
    Ok((Calendar::new(own.iter().map(|d| d.day).collect()), own))
}

/// A warning when `day` is a holiday (national or the workspace's own).
pub(crate) async fn holiday_flag(store: &Store, ctx: &Context, day: NaiveDate) -> Result<Option<String>, CommandError> {
    let (calendar, own) = calendar(store, ctx.workspace.id).await?;
    let name = match calendar.holiday(day) {
        Some(DayOff::National(h)) => ctx.locale.pick(h.names().0, h.names().1).to_string(),
        Some(_) => own.iter().find(|d| d.day == day).map(|d| d.name.clone()).unwrap_or_default(),
        None => return Ok(None),
    };
    Ok(Some(ctx.t(Msg::Meetings(MeetingMsg::OnDayOff { day, name }))))
}
