//! `/log ACCOUNT KIND SUMMARY [--contact NAME] [--next TEXT] [--due DATE] [--when DATE]`:
//! records an interaction, once, and says what was recorded.

use crate::i18n::{HelpMsg, LogMsg, TaskMsg};
use crate::domain::account::AccountStatus;
use chrono::{DateTime, NaiveDate, NaiveTime, SubsecRound, TimeZone, Utc};

use serde::Serialize;

use crate::core::catalog::{
    ACCOUNT_FIRST, ArgType, CommandSpec, MAX_NEXT_STEP_CHARS, MAX_SUMMARY_CHARS, leaf, option, positional,
};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{require_account, require_contact};
use crate::domain::dates::Lean;
use crate::domain::kind::InteractionKind;
use crate::domain::vocabulary;
use crate::i18n::{Msg, format_day};
use crate::store::{InsertOutcome, NewCommitment, NewInteraction, Store};

pub static SPEC: CommandSpec = leaf!(
    "log",
    "log",
    Msg::Help(HelpMsg::CmdLog),
    &[
        ACCOUNT_FIRST,
        positional("kind", ArgType::Kind, true, false, Msg::Help(HelpMsg::ArgKind)),
        positional("summary", ArgType::Text { max_chars: MAX_SUMMARY_CHARS }, true, true, Msg::Help(HelpMsg::ArgSummary)),
        option("contact", ArgType::Text { max_chars: 300 }, Msg::Help(HelpMsg::ArgContact)),
        option("next", ArgType::Text { max_chars: MAX_NEXT_STEP_CHARS }, Msg::Help(HelpMsg::ArgNext)),
        option("due", ArgType::Date, Msg::Help(HelpMsg::ArgDue)),
        option("when", ArgType::Date, Msg::Help(HelpMsg::ArgWhen)),
        option("tone", ArgType::Words(&vocabulary::TONES), Msg::Help(HelpMsg::ArgTone)),
    ],
    "/log Vale meeting \"Discussed the 2027 plan\" --next \"Send proposal\" --due 2026-12-10",
    build,
    pt: "/log Vale reunião \"Discutimos o plano 2027\" --next \"Enviar proposta\" --due sexta",
);

/// What `/log` records. Dates stay as typed until the person's calendar day is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogRequest {
    pub account: String,
    #[serde(serialize_with = "kind_code")]
    pub kind: InteractionKind,
    pub summary: String,
    pub contact: Option<String>,
    pub next: Option<String>,
    pub due: Option<String>,
    pub when: Option<String>,
    /// -1 negative, 0 neutral, 1 positive.
    pub tone: Option<i64>,
}

fn kind_code<S: serde::Serializer>(kind: &InteractionKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.code())
}

fn build(args: &crate::core::parse::Args) -> Result<crate::core::Command, Msg> {
    let kind_text = args.required("kind")?;
    let kind = InteractionKind::parse(&kind_text)
        .ok_or_else(|| Msg::Log(LogMsg::UnknownKind { value: crate::domain::text::truncate(&kind_text, 40) }))?;
    Ok(LogRequest {
        account: args.required("account")?,
        kind,
        summary: args.required("summary")?,
        contact: args.text("contact"),
        next: args.text("next"),
        due: args.text("due"),
        when: args.text("when"),
        tone: args.get("tone").map(|t| match t.to_ascii_lowercase().as_str() {
            "positive" => 1,
            "negative" => -1,
            _ => 0,
        }),
    }
    .into())
}

impl LogRequest {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        run(store, ctx, &self).await
    }
}

/// The instant of an interaction: now for today, midday local time for an earlier day.
fn occurred_at(ctx: &Context, day: Option<NaiveDate>) -> DateTime<Utc> {
    let now = ctx.now.trunc_subsecs(0);
    match day {
        Some(day) if day != ctx.today() => {
            let noon = day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN));
            ctx.tz.from_local_datetime(&noon).earliest().map(|t| t.with_timezone(&Utc)).unwrap_or(noon.and_utc())
        }
        _ => now,
    }
}

async fn run(store: &Store, ctx: &Context, req: &LogRequest) -> Result<Reply, CommandError> {
    // Everything is checked before anything is written.
    let today = ctx.today();
    let when = req.when.as_deref().map(|v| ctx.read_date("when", v, Lean::Past)).transpose()?;
    if let Some(day) = when.filter(|d| *d > today) {
        return Err(Msg::Log(LogMsg::FutureDate { arg: "when", read_as: day }).into());
    }
    let due = req.due.as_deref().map(|v| ctx.read_date("due", v, Lean::Future)).transpose()?;
    if due.is_some() && req.next.is_none() {
        return Err(Msg::Log(LogMsg::DueWithoutNext).into());
    }
    if let Some(day) = due.filter(|d| *d < when.unwrap_or(today)) {
        return Err(Msg::Log(LogMsg::DueBeforeInteraction { read_as: day }).into());
    }
    let account = require_account(store, ctx, &req.account).await?;
    if account.status == AccountStatus::Archived {
        return Err(Msg::Log(LogMsg::AccountArchived { name: account.name }).into());
    }
    // One contact or several, separated by commas: the first is the interaction's contact.
    let mut contacts = Vec::new();
    for name in req.contact.as_deref().unwrap_or_default().split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let found = require_contact(store, ctx, &account, name).await?;
        if !contacts.iter().any(|c: &crate::store::ContactRow| c.id == found.id) {
            contacts.push(found);
        }
    }
    let also: Vec<i64> = contacts.iter().skip(1).map(|c| c.id).collect();
    let contact = contacts.first();
    let at = occurred_at(ctx, when);

    let commitments: Vec<NewCommitment> = req
        .next
        .iter()
        .map(|text| NewCommitment { text: text.clone(), due_on: due, owner_id: ctx.person.id })
        .collect();
    let mut tx = ctx.write(store).await?;
    let (outcome, numbers) = tx
        .log_interaction(
            ctx.workspace.id,
            &NewInteraction {
                account_id: account.id,
                also_contacts: &also,
                contact_id: contact.map(|c| c.id),
                author_id: ctx.person.id,
                kind: req.kind,
                occurred_at: at,
                occurred_on: ctx.local_date(at),
                summary: &req.summary,
                next_step: req.next.as_deref(),
                next_step_due: due,
                commitments: &commitments,
                source: ctx.platform.code(),
                source_id: ctx.source_id.as_deref(),
                tone: req.tone,
                created_at: ctx.now,
            },
        )
        .await?;
    if let InsertOutcome::Inserted(_) = outcome {
        let arguments = serde_json::to_string(req).unwrap_or_default();
        tx.audit(ctx.workspace.id, ctx.person.id, "log", &arguments, "ok", ctx.now).await?;
    }
    tx.commit().await?;

    let (title, id, tone) = match outcome {
        InsertOutcome::Inserted(id) => {
            (Msg::Log(LogMsg::LoggedTitle { kind: req.kind, account: account.name.clone() }), id, Tone::Good)
        }
        InsertOutcome::AlreadyLogged(id) => {
            (Msg::Log(LogMsg::AlreadyLoggedTitle { account: account.name.clone() }), id, Tone::Neutral)
        }
    };
    let mut reply = Reply::titled(ctx.t(title))
        .inline_field(ctx.t(Msg::Log(LogMsg::LabelWhen)), format_day(ctx.local_date(at), ctx.locale))
        .field(ctx.t(Msg::Log(LogMsg::LabelSummary)), req.summary.clone());
    if !contacts.is_empty() {
        let who: Vec<String> = contacts
            .iter()
            .map(|c| if c.department.is_empty() { c.name.clone() } else { format!("{} ({})", c.name, c.department) })
            .collect();
        reply = reply.inline_field(ctx.t(Msg::Log(LogMsg::LabelContact)), who.join(", "));
    }
    if let Some(next) = &req.next {
        let text = match numbers.first() {
            Some(number) => ctx.t(Msg::Tasks(TaskMsg::Line {
                number: *number,
                text: next.clone(),
                due,
                today,
                account: None,
                owner: None,
            })),
            None => match due {
                Some(due) => ctx.t(Msg::Log(LogMsg::NextStepDue { text: next.clone(), due })),
                None => next.clone(),
            },
        };
        reply = reply.field(ctx.t(Msg::Log(LogMsg::LabelNextStep)), text);
    }
    if let Some(flag) = match due {
        Some(day) => crate::core::calendar::holiday_flag(store, ctx, day).await?,
        None => None,
    } {
        reply = reply.line(flag);
    }
    let account_review = account.yearly_review_on;
    if req.kind == crate::domain::kind::InteractionKind::YearlyReview {
        // A logged conversation is not the review: the review date moves when the review is
        // recorded with its four answers.
        let account = crate::domain::text::quoted(&account.name);
        reply = reply.line(ctx.t(Msg::Log(LogMsg::ReviewNotRecorded { account, date: account_review })));
    }
    Ok(reply.footer(ctx.t(Msg::Log(LogMsg::InteractionFooter { id }))).tone(tone))
}
