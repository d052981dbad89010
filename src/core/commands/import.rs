//! `/import KIND FILE` (Discord, with the file attached; admins): the file is checked and its dry
//! run shown with an Import button; pressing it writes exactly the file that was checked, once.

use crate::i18n::{HelpMsg, ImportMsg};
use serde::Serialize;

use crate::core::catalog::{ArgType, CommandSpec, leaf, positional};
use crate::domain::account::Role;
use chrono::{Datelike, Duration};

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::reply::{Reply, Tone};
use crate::i18n::Msg;
use crate::store::Store;
use crate::transfer::columns::{Kind, map_columns};
use crate::transfer::import::{Options, Report, import, report_messages};
use crate::transfer::table::read_bytes;

/// What a file can hold.
pub use crate::domain::vocabulary::IMPORT_KINDS;

pub static SPEC: CommandSpec = leaf!(
    "import",
    "import",
    Msg::Help(HelpMsg::CmdImport),
    &[
        positional("kind", ArgType::Words(&IMPORT_KINDS), true, false, Msg::Help(HelpMsg::ArgImportKind)),
        positional("file", ArgType::Attachment, true, false, Msg::Help(HelpMsg::ArgImportFile)),
    ],
    "/import accounts carteira.csv",
    |args| {
        Ok(Import::Check(ImportRequest {
            kind: args.required("kind")?.to_ascii_lowercase(),
            file_name: args.required("file")?,
            content: None,
        })
        .into())
    },
    pt: "/importar contas carteira.csv",
);

/// What `/import` does: checks a file and offers to import it, or imports a file checked before
/// when its admin presses the button (not typed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Import {
    Check(ImportRequest),
    Confirm { pending: i64 },
}

/// A file to import, as a front end received it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportRequest {
    pub kind: String,
    pub file_name: String,
    /// The file's content; a typed line has none (it cannot carry a file).
    #[serde(skip)]
    pub content: Option<Vec<u8>>,
}

impl Import {
    pub fn spec(&self) -> &'static CommandSpec {
        &SPEC
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        match self {
            Import::Check(request) => check(store, ctx, &request).await,
            Import::Confirm { pending } => confirm(store, ctx, pending).await,
        }
    }
}

/// How long a checked file waits for its Import button.
const CONFIRM_WITHIN_MINUTES: i64 = 15;
/// How many rows of each kind a chat report lists.
const LISTED: usize = 10;

/// The id of the Import button of a pending import.
pub fn button_id(pending: i64) -> String {
    format!("import:{pending}")
}

/// The pending import a button id names.
pub fn pending_of(button: &str) -> Option<i64> {
    button.strip_prefix("import:")?.parse().ok()
}

fn require_admin(ctx: &Context) -> Result<(), Msg> {
    if ctx.person.role == Role::Admin { Ok(()) } else { Err(Msg::Import(ImportMsg::OnlyAdminsImport)) }
}

/// Reads, maps and imports (or dry-runs) a file.
async fn run(
    store: &Store,
    ctx: &Context,
    kind: Kind,
    file_name: &str,
    content: Vec<u8>,
    dry_run: bool,
) -> Result<Report, CommandError> {
    let table = read_bytes(file_name, content, None)
        .map_err(|error| Msg::Import(ImportMsg::ReadFailed { file: file_name.to_string(), error }))?;
    let mapping = map_columns(kind, &table.headers, &[]).map_err(|error| Msg::Import(ImportMsg::MapFailed { error }))?;
    let options = Options {
        workspace_id: ctx.workspace.id,
        person_id: Some(ctx.person.id),
        now: ctx.now,
        year: ctx.today().year(),
        tz: ctx.tz,
        locale: ctx.locale,
        dry_run,
        progress: None,
    };
    Ok(import(store, kind, &table, &mapping, &options).await?)
}

fn report_reply(ctx: &Context, file_name: &str, kind: Kind, report: &Report, dry_run: bool) -> Reply {
    // The summary is the title of a good file; a refused one is titled by what was refused.
    let mut title = None;
    let mut lines = Vec::new();
    for msg in report_messages(report, kind, dry_run, LISTED) {
        match msg {
            ImportMsg::ImportSummary { .. } if report.rejected.is_empty() => title = Some(ctx.t(Msg::Import(msg))),
            msg => lines.push(ctx.t(Msg::Import(msg))),
        }
    }
    let title = title.unwrap_or_else(|| {
        ctx.t(Msg::Import(ImportMsg::ImportRefusedTitle { file: file_name.to_string(), rejected: report.rejected.len() }))
    });
    let mut reply = Reply::titled(title);
    for line in lines {
        reply = reply.line(line);
    }
    let tone = if !report.rejected.is_empty() {
        Tone::Danger
    } else if dry_run {
        Tone::Warning
    } else {
        Tone::Good
    };
    reply.tone(tone).ephemeral()
}

/// `/import KIND FILE`: the dry run, and the button that imports it.
async fn check(store: &Store, ctx: &Context, req: &ImportRequest) -> Result<Reply, CommandError> {
    require_admin(ctx)?;
    let Some(content) = req.content.clone() else {
        return Err(Msg::Import(ImportMsg::ImportNeedsAttachment).into());
    };
    let kind = Kind::parse(&req.kind).ok_or_else(|| anyhow::anyhow!("kind {} passed the catalog", req.kind))?;
    let report = run(store, ctx, kind, &req.file_name, content.clone(), true).await?;
    let reply = report_reply(ctx, &req.file_name, kind, &report, true);
    if !report.rejected.is_empty() {
        return Ok(reply);
    }
    let mut tx = ctx.write(store).await?;
    tx.purge_pending_imports(ctx.now - Duration::days(1)).await?;
    let pending = tx
        .insert_pending_import(ctx.workspace.id, ctx.person.id, kind.name(), &req.file_name, &content, ctx.now)
        .await?;
    tx.commit().await?;
    Ok(reply
        .footer(ctx.t(Msg::Import(ImportMsg::ImportConfirmHint { minutes: CONFIRM_WITHIN_MINUTES })))
        .action(button_id(pending), ctx.t(Msg::Import(ImportMsg::ImportButton))))
}

/// The Import button: writes the file checked before, once however often it is pressed.
async fn confirm(store: &Store, ctx: &Context, pending: i64) -> Result<Reply, CommandError> {
    require_admin(ctx)?;
    let Some(p) = store.pending_import(ctx.workspace.id, pending).await? else {
        return Err(Msg::Import(ImportMsg::ImportGone).into());
    };
    if p.person_id != ctx.person.id {
        return Err(Msg::Import(ImportMsg::ImportNotYours).into());
    }
    let mut tx = ctx.write(store).await?;
    let claimed = tx.claim_pending_import(ctx.workspace.id, pending).await?;
    tx.commit().await?;
    if !claimed {
        return Err(Msg::Import(ImportMsg::ImportGone).into());
    }
    if ctx.now - p.created_at > Duration::minutes(CONFIRM_WITHIN_MINUTES) {
        return Err(Msg::Import(ImportMsg::ImportExpired).into());
    }
    let kind = Kind::parse(&p.kind).ok_or_else(|| anyhow::anyhow!("pending import of kind {}", p.kind))?;
    let report = run(store, ctx, kind, &p.file_name, p.content, false).await?;
    Ok(report_reply(ctx, &p.file_name, kind, &report, false))
}
