//! `kam-bot digest [--team NAME] [--full] [--png FILE]`: a manager's weekly digest as it would be
//! sent now, printed, with its portfolio chart written as a PNG file.

use crate::i18n::CliMsg;
use crate::i18n::Translate;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::Args as ClapArgs;

use crate::core::digest::{Detail, build};
use crate::i18n::{Locale, Msg};
use crate::store::{Addressee, Store};

#[derive(Debug, ClapArgs)]
pub struct DigestArgs {
    /// The manager whose team it is (a name or its start); without it, the workspace's only manager.
    #[arg(long, value_name = "NAME")]
    pub team: Option<String>,
    /// Every account's detail, not only the one screen sent each week.
    #[arg(long)]
    pub full: bool,
    /// Write the portfolio chart to this PNG file.
    #[arg(long, value_name = "FILE")]
    pub png: Option<PathBuf>,
    /// Load the demo portfolio first when the workspace is empty.
    #[arg(long)]
    pub demo: bool,
    /// The language of the digest: en or pt-BR (default: the manager's, else the workspace's).
    #[arg(long, value_parser = super::parse_locale)]
    pub lang: Option<Locale>,
}

pub async fn run(store: &Store, workspace: &str, now: DateTime<Utc>, args: DigestArgs) -> anyhow::Result<ExitCode> {
    let cli_locale = args.lang.unwrap_or_default();
    if args.demo {
        super::load_demo(store, workspace, now, cli_locale).await?;
    }
    let ws = store.ensure_workspace(workspace, now).await?;
    let manager = match &args.team {
        Some(name) => match super::person_named(store, ws.id, name).await? {
            Ok(person) => Addressee::of(&person),
            Err(msg) => {
                eprintln!("{}", cli_locale.t(msg));
                return Ok(ExitCode::from(2));
            }
        },
        None => {
            let managers = store.managers(ws.id).await?;
            match managers.as_slice() {
                [one] => one.clone(),
                _ => {
                    let names = managers.iter().map(|p| p.display_name.clone()).collect::<Vec<_>>().join(", ");
                    eprintln!("{}", cli_locale.t(Msg::Cli(CliMsg::CliWhichManager { names })));
                    return Ok(ExitCode::from(2));
                }
            }
        }
    };
    let locale = args
        .lang
        .or_else(|| manager.language.as_deref().and_then(Locale::parse))
        .or_else(|| Locale::parse(&ws.language))
        .unwrap_or_default();
    let tz = ws.time_zone.tz();
    let detail = if args.full { Detail::Full } else { Detail::Summary };
    let team_arg = args.team.as_ref().map(|_| manager.display_name.clone());
    let digest = build(store, &ws, tz, &manager, now, locale, detail, team_arg.as_deref()).await?;
    println!("{}", digest.reply.to_text().trim_end());
    if let Some(path) = &args.png {
        let Some(chart) = &digest.reply.chart else {
            eprintln!("{}", locale.t(Msg::Cli(CliMsg::CliNoChart)));
            return Ok(ExitCode::from(2));
        };
        let png = crate::chart::png(chart)?;
        std::fs::write(path, &png).map_err(|e| anyhow::anyhow!("writing {}: {e}", path.display()))?;
        let (width, height) = (crate::chart::WIDTH, crate::chart::height(chart.accounts.len()));
        eprintln!(
            "{}",
            locale.t(Msg::Cli(CliMsg::CliChartWritten { path: path.display().to_string(), width, height }))
        );
    }
    Ok(ExitCode::SUCCESS)
}
