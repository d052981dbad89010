//! Exporting a workspace as CSV or JSON. The accounts, contacts and people files use the column
//! names the importer reads, so exporting a workspace and importing the files into an empty one
//! reproduces it (names, tiers, owners, the team tree, aliases, reasons, money and contacts).

use std::collections::HashMap;
use std::io::Write;

use crate::domain::account::Reason;
use crate::store::{Store, StoreError};

/// What can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Accounts,
    Contacts,
    People,
    Interactions,
    Opportunities,
}

impl ExportKind {
    pub const ALL: [ExportKind; 5] = [
        ExportKind::People,
        ExportKind::Accounts,
        ExportKind::Contacts,
        ExportKind::Interactions,
        ExportKind::Opportunities,
    ];

    pub fn parse(word: &str) -> Option<ExportKind> {
        ExportKind::ALL.into_iter().find(|k| k.name() == word)
    }

    pub fn name(self) -> &'static str {
        match self {
            ExportKind::Accounts => "accounts",
            ExportKind::Contacts => "contacts",
            ExportKind::People => "people",
            ExportKind::Interactions => "interactions",
            ExportKind::Opportunities => "opportunities",
        }
    }
}

/// Rows of text under named columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// Minor units as a plain decimal: `1234567.89`.
pub fn money(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", (minor / 100).unsigned_abs(), (minor % 100).unsigned_abs())
}

/// Basis points as a percentage: `18.50%`.
pub fn percent(bp: i64) -> String {
    format!("{}.{:02}%", bp / 100, (bp % 100).abs())
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The external id of a record, or one made from its number so that an import finds it again.
fn external(own: Option<&str>, prefix: &str, id: i64) -> String {
    own.map(str::to_string).unwrap_or_else(|| format!("kam-{prefix}{id}"))
}

/// Builds the sheet of one kind of record.
pub async fn sheet(store: &Store, workspace_id: i64, kind: ExportKind) -> Result<Sheet, StoreError> {
    let people = store.people_for_export(workspace_id).await?;
    let names: HashMap<i64, String> = people.iter().map(|p| (p.id, p.name.clone())).collect();
    let name_of = |id: Option<i64>| id.and_then(|id| names.get(&id).cloned()).unwrap_or_default();
    Ok(match kind {
        ExportKind::People => Sheet {
            headers: vec!["external_id", "name", "title", "role", "manager", "email"],
            rows: people
                .iter()
                .map(|p| {
                    vec![
                        external(p.external_id.as_deref(), "p", p.id),
                        p.name.clone(),
                        p.title.clone(),
                        p.role.code().to_string(),
                        opt(p.manager.clone()),
                        opt(p.email.clone()),
                    ]
                })
                .collect(),
        },
        ExportKind::Accounts => {
            let mut rows = Vec::new();
            for id in store.account_ids(workspace_id).await? {
                let Some(a) = store.account_record(workspace_id, id).await? else { continue };
                let reasons = a
                    .reasons
                    .iter()
                    .filter_map(|(code, note)| {
                        let word = Reason::from_code(code)?.word();
                        Some(if note.is_empty() { word.to_string() } else { format!("{word}: {note}") })
                    })
                    .collect::<Vec<_>>()
                    .join(" | ");
                rows.push(vec![
                    external(a.external_id.as_deref(), "", id),
                    a.name,
                    a.tier.number().to_string(),
                    name_of(a.owner_id),
                    name_of(a.technical_manager_id),
                    a.segment,
                    opt(a.cnpj),
                    money(a.wallet_minor),
                    money(a.revenue_12m_minor),
                    opt(a.margin_bp.map(percent)),
                    percent(a.share_ceiling_bp),
                    a.suppliers_kept.to_string(),
                    a.planning_cadence_days.to_string(),
                    opt(a.yearly_review_on),
                    reasons,
                    a.aliases.join("; "),
                    a.status.code().to_string(),
                ]);
            }
            Sheet {
                headers: vec![
                    "external_id",
                    "name",
                    "tier",
                    "owner",
                    "tech",
                    "segment",
                    "cnpj",
                    "spend",
                    "revenue",
                    "margin",
                    "ceiling",
                    "suppliers",
                    "cadence",
                    "review",
                    "reasons",
                    "aliases",
                    "status",
                ],
                rows,
            }
        }
        ExportKind::Contacts => {
            // Each account's external id and name, read once however many contacts it has.
            let mut accounts: HashMap<i64, (String, String)> = HashMap::new();
            let mut rows = Vec::new();
            for (id, c) in store.contact_records(workspace_id).await? {
                if !accounts.contains_key(&c.account_id)
                    && let Some(a) = store.account_record(workspace_id, c.account_id).await?
                {
                    let key = external(a.external_id.as_deref(), "", c.account_id);
                    accounts.insert(c.account_id, (key, a.name));
                }
                let (account_external, account_name) = accounts.get(&c.account_id).cloned().unwrap_or_default();
                rows.push(vec![
                    external(c.external_id.as_deref(), "c", id),
                    account_external,
                    account_name,
                    c.name,
                    c.title,
                    c.department,
                    opt(c.decision_role),
                    opt(c.stance),
                    opt(c.strength),
                    opt(c.email),
                    opt(c.phone),
                ]);
            }
            Sheet {
                headers: vec![
                    "external_id",
                    "account_external_id",
                    "account",
                    "name",
                    "title",
                    "department",
                    "role",
                    "stance",
                    "strength",
                    "email",
                    "phone",
                ],
                rows,
            }
        }
        ExportKind::Interactions => Sheet {
            headers: vec![
                "number",
                "account",
                "kind",
                "occurred_at",
                "author",
                "contact",
                "summary",
                "next_step",
                "next_step_due",
                "tone",
            ],
            rows: store
                .interactions_for_export(workspace_id)
                .await?
                .into_iter()
                .map(|i| {
                    vec![
                        i.number.to_string(),
                        i.account,
                        i.kind,
                        i.occurred_at.to_rfc3339(),
                        i.author,
                        opt(i.contact),
                        i.summary,
                        opt(i.next_step),
                        opt(i.next_step_due),
                        opt(i.tone),
                    ]
                })
                .collect(),
        },
        ExportKind::Opportunities => Sheet {
            headers: vec![
                "number",
                "account",
                "title",
                "value",
                "currency",
                "stage",
                "close_on",
                "owner",
                "lost_reason",
            ],
            rows: store
                .opportunities_for_export(workspace_id)
                .await?
                .into_iter()
                .map(|o| {
                    vec![
                        o.number.to_string(),
                        o.account,
                        o.title,
                        money(o.value_minor),
                        o.currency,
                        o.stage,
                        opt(o.close_on),
                        o.owner,
                        opt(o.lost_reason),
                    ]
                })
                .collect(),
        },
    })
}

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return
/// first) made text, as OWASP recommends against CSV injection: a `'` before it, which Excel and
/// LibreOffice show as nothing and import takes back off. A plain number (`-1500.00`) is left as
/// it is: it cannot be a formula, and it stays a number.
pub fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    let formula_like = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula_like && cell.parse::<f64>().map_or(true, |n| !n.is_finite()) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Writes a sheet as CSV (UTF-8, comma-separated, quoted where needed), every formula-like cell
/// made text (see [`neutralised`]).
pub fn write_csv(sheet: &Sheet, out: impl Write) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(sheet.headers.iter().map(|h| neutralised(h).into_owned()))?;
    for row in &sheet.rows {
        writer.write_record(row.iter().map(|c| neutralised(c).into_owned()))?;
    }
    writer.flush()?;
    Ok(())
}

/// Writes a sheet as a JSON array of objects, one a row, empty cells as null.
pub fn write_json(sheet: &Sheet, mut out: impl Write) -> std::io::Result<()> {
    let rows: Vec<serde_json::Map<String, serde_json::Value>> = sheet
        .rows
        .iter()
        .map(|row| {
            sheet
                .headers
                .iter()
                .zip(row)
                .map(|(h, v)| {
                    let value =
                        if v.is_empty() { serde_json::Value::Null } else { serde_json::Value::String(v.clone()) };
                    (h.to_string(), value)
                })
                .collect()
        })
        .collect();
    serde_json::to_writer_pretty(&mut out, &rows)?;
    writeln!(out)
}
