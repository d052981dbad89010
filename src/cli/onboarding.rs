//! The command line of onboarding: `import`, `export`, and `people add|set|link`, for an admin
//! or operator bringing a team in.

use crate::i18n::ImportMsg;
use crate::i18n::Translate;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Args as ClapArgs, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::core::commands::people::PeopleAction;
use crate::core::commands::privacy::Privacy;
use crate::core::{Command, Core, Invocation, Platform, Reply};
use crate::front::terminal;
use crate::i18n::{Locale, Msg, Onb};
use crate::store::Store;
use crate::transfer::columns::{Kind, map_columns};
use crate::transfer::export::{ExportKind, sheet, write_csv, write_json};
use crate::transfer::import::{Options, import, report_messages, year_in};
use crate::transfer::table::read_file;

/// How many created or updated records an import lists before it only counts them.
const LISTED: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    Accounts,
    Contacts,
    People,
    /// A CRM's activities: done ones become interactions, open ones commitments.
    Interactions,
    /// A CRM's deals.
    Opportunities,
}

#[derive(Debug, ClapArgs)]
pub struct ImportArgs {
    /// What the file holds: accounts, contacts (import accounts first), people, interactions (a
    /// CRM's activities, done and open) or opportunities (its deals); import accounts first.
    #[arg(value_enum)]
    pub kind: ImportKind,
    /// A CSV file (`;`, `,` or tab separated; UTF-8 or Windows-1252) or an Excel workbook (.xlsx, .xls, .ods).
    pub file: PathBuf,
    /// Check the file and print what would be created, updated, unchanged and rejected; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Read a column as a field, or `ignore` it: `--map "Razão Social=name"`. May be repeated.
    #[arg(long, value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// Read values of a column as others: `--map-value "Classificação:A=1,B=2,C=3"`,
    /// `--map-value "Tipo:Follow-up=call"`. May be repeated.
    #[arg(long, value_name = "COLUMN:FROM=TO,…")]
    pub map_value: Vec<String>,
    /// The sheet of a workbook to read (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The language of the report: en or pt-BR (default: the workspace's).
    #[arg(long, value_parser = super::parse_locale)]
    pub lang: Option<Locale>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

#[derive(Debug, ClapArgs)]
pub struct ExportArgs {
    /// What to export: accounts, contacts, people, interactions or opportunities.
    #[arg(value_parser = ["accounts", "contacts", "people", "interactions", "opportunities"])]
    pub kind: String,
    /// csv (which `import` reads back) or json.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ExportFormat,
    /// Write to this file instead of the standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// `kam-bot import KIND FILE`: exit 0 when the file was imported (or would be, on a dry run),
/// 1 when any row was refused (nothing is written then), 2 when the file cannot be read.
pub async fn import_command(
    store: &Store,
    workspace: &str,
    now: DateTime<Utc>,
    args: ImportArgs,
) -> anyhow::Result<ExitCode> {
    let ws = store.ensure_workspace(workspace, now).await?;
    let l = args.lang.or_else(|| Locale::parse(&ws.language)).unwrap_or_default();
    let say = |msg: ImportMsg| l.t(Msg::Import(msg));
    let file = args.file.display().to_string();
    let table = match read_file(&args.file, args.sheet.as_deref()) {
        Ok(table) => table,
        Err(error) => {
            eprintln!("{}", say(ImportMsg::ReadFailed { file, error }));
            return Ok(ExitCode::from(2));
        }
    };
    let kind = match args.kind {
        ImportKind::Accounts => Kind::Accounts,
        ImportKind::Contacts => Kind::Contacts,
        ImportKind::People => Kind::People,
        ImportKind::Interactions => Kind::Interactions,
        ImportKind::Opportunities => Kind::Opportunities,
    };
    let mapping = match map_columns(kind, &table.headers, &args.map)
        .and_then(|m| m.with_values(&table.headers, &args.map_value))
    {
        Ok(mapping) => mapping,
        Err(error) => {
            eprintln!("{}", say(ImportMsg::MapFailed { error }));
            return Ok(ExitCode::from(2));
        }
    };
    let passes = if args.dry_run { 1 } else { 2 };
    let bar = ProgressBar::with_draw_target(Some((table.rows.len() * passes) as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {wide_bar} {pos}/{len} rows · {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let tz: chrono_tz::Tz = ws.time_zone.tz();
    let options = Options {
        workspace_id: ws.id,
        person_id: None,
        now,
        year: year_in(now, tz),
        tz,
        locale: crate::domain::locale::Locale::parse(&ws.language).unwrap_or_default(),
        dry_run: args.dry_run,
        progress: Some(&bar),
    };
    let report = import(store, kind, &table, &mapping, &options).await?;
    bar.finish_and_clear();

    let mut out = std::io::stdout().lock();
    for msg in report_messages(&report, kind, args.dry_run, LISTED) {
        writeln!(out, "{}", say(msg))?;
    }
    Ok(if report.rejected.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// `kam-bot export KIND [--format csv|json] [--out FILE]`
pub async fn export_command(
    store: &Store,
    workspace: &str,
    now: DateTime<Utc>,
    args: ExportArgs,
) -> anyhow::Result<ExitCode> {
    let ws = store.ensure_workspace(workspace, now).await?;
    let kind = ExportKind::parse(&args.kind).ok_or_else(|| anyhow::anyhow!("unknown kind {}", args.kind))?;
    let sheet = sheet(store, ws.id, kind).await?;
    let write = |out: &mut dyn Write| -> anyhow::Result<()> {
        match args.format {
            ExportFormat::Csv => write_csv(&sheet, out)?,
            ExportFormat::Json => write_json(&sheet, out)?,
        }
        Ok(())
    };
    match &args.out {
        Some(path) => {
            let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
            write(&mut file)?;
            file.flush()?;
            let l = Locale::parse(&ws.language).unwrap_or_default();
            eprintln!(
                "{}",
                l.t(Msg::Import(ImportMsg::Exported {
                    kind: kind.name(),
                    rows: sheet.rows.len(),
                    file: path.display().to_string()
                }))
            );
        }
        None => write(&mut std::io::stdout().lock())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `kam-bot people add|set`: the chat command, carried out by the workspace's local admin.
pub async fn people_change(
    store: &Store,
    workspace: &str,
    now: DateTime<Utc>,
    action: PeopleAction,
) -> anyhow::Result<ExitCode> {
    let reply = as_local_admin(store, workspace, now, Command::People(action)).await?;
    print!("{}", terminal::render(&reply));
    Ok(if reply.is_error() { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// `kam-bot privacy export|erase ACCOUNT CONTACT`: the export is the JSON alone, to keep or hand
/// over; exit 2 when the request is refused.
pub async fn privacy(store: &Store, workspace: &str, now: DateTime<Utc>, command: Command) -> anyhow::Result<ExitCode> {
    let export = matches!(command, Command::Privacy(Privacy { erase: false, .. }));
    let reply = as_local_admin(store, workspace, now, command).await?;
    if reply.is_error() {
        eprint!("{}", terminal::render(&reply));
        return Ok(ExitCode::from(2));
    }
    if export {
        println!("{}", reply.lines.join("\n"));
    } else {
        print!("{}", terminal::render(&reply));
    }
    Ok(ExitCode::SUCCESS)
}

/// A chat command carried out by the workspace's local admin, as an operator at the command line.
async fn as_local_admin(store: &Store, workspace: &str, now: DateTime<Utc>, command: Command) -> anyhow::Result<Reply> {
    let admin = super::local_admin(store, workspace, now).await?;
    let invocation = Invocation {
        workspace: workspace.to_string(),
        platform: Platform::Terminal,
        user_id: admin.platform_user_id.clone(),
        display_name: admin.display_name.clone(),
        name_is_handle: false,
        locale: None,
        workspace_locale: None,
        now,
        source_id: None,
    };
    Ok(Core::new(store.clone()).execute(&invocation, command).await)
}

/// `kam-bot people link NAME --platform P --user ID`: ties a person to a chat identity.
pub async fn people_link(
    store: &Store,
    workspace: &str,
    now: DateTime<Utc>,
    name: &str,
    platform: &str,
    user: &str,
) -> anyhow::Result<ExitCode> {
    let ws = store.ensure_workspace(workspace, now).await?;
    let l = Locale::parse(&ws.language).unwrap_or_default();
    let person = match super::person_named(store, ws.id, name).await? {
        Ok(person) => person,
        Err(msg) => {
            eprintln!("{}", l.t(msg));
            return Ok(ExitCode::from(2));
        }
    };
    let Some(user_id) = crate::domain::identity::user_ref(platform, user) else {
        eprintln!("{}", l.t(Msg::Onb(Onb::BadUser { value: crate::domain::text::truncate(user, 40) })));
        return Ok(ExitCode::from(2));
    };
    let admin = super::local_admin(store, workspace, now).await?;
    let mut tx = store.write().await?;
    let merged = tx.link_person(ws.id, person.id, platform, &user_id).await?;
    let arguments =
        serde_json::json!({ "person": person.display_name, "platform": platform, "user": user_id }).to_string();
    tx.audit(ws.id, admin.id, "people link", &arguments, "ok", now).await?;
    tx.commit().await?;
    println!("{}", l.t(Msg::Onb(Onb::PersonLinked { name: person.display_name, merged })));
    Ok(ExitCode::SUCCESS)
}
