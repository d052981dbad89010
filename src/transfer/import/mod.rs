//! Importing a team's accounts, contacts or people from a file, all or nothing: every row is read
//! and checked first; a file with any bad row writes nothing and names each bad row with its line,
//! column and reason; a good file is written in one transaction. Rows match existing records by
//! external id, else by name (email too for people), so a second import of the same file changes
//! nothing.

use crate::domain::account::Role;
use crate::i18n::ImportMsg;
use std::collections::HashMap;

use chrono::{DateTime, Datelike, Utc};
use indicatif::ProgressBar;

use super::columns::{Kind, Mapping};
use super::table::{Row, Table};
pub use crate::domain::import_errors::Problem;
use crate::domain::text::{fold, truncate};
use crate::store::{NamedPerson, Store, StoreError, WriteTx};

mod accounts;
mod contacts;
mod interactions;
mod matching;
mod opportunities;
mod people;

pub use interactions::SOURCE;

/// A refused row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub line: usize,
    /// The header of the column at fault, as written in the file.
    pub column: Option<String>,
    pub problem: Problem,
}

/// What an import did, or would do.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    pub created: Vec<String>,
    /// Each updated record with the fields that changed.
    pub updated: Vec<(String, Vec<&'static str>)>,
    pub unchanged: usize,
    pub rejected: Vec<Rejection>,
    /// Owners (or managers) not yet in the workspace, created as people not linked to a chat user.
    pub new_people: Vec<String>,
    /// Headers of the columns that were not read.
    pub ignored_columns: Vec<String>,
    /// Whether anything was written (not on a dry run, not when a row was refused).
    pub written: bool,
    /// On a dry run, the first rows as read: each field with its value, after `--map-value`, so a
    /// mapping can be checked before anything is written.
    pub preview: Vec<RowPreview>,
    /// New accounts that look like accounts already in the workspace (or earlier in the file):
    /// created all the same, and listed so a duplicate can be merged.
    pub look_alikes: Vec<LookAlike>,
}

/// A new account whose name looks like others'.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookAlike {
    pub line: usize,
    pub name: String,
    pub existing: Vec<String>,
}

/// One row of a dry run as the import reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowPreview {
    pub line: usize,
    /// Each field the row fills, in the kind's order, with its value as read.
    pub fields: Vec<(&'static str, String)>,
}

/// How many rows a dry run shows field by field at most.
pub const PREVIEW_ROWS: usize = 100;

/// How an import runs.
pub struct Options<'a> {
    pub workspace_id: i64,
    /// Who imports, for the audit log; from the command line, the workspace's local admin.
    pub person_id: Option<i64>,
    pub now: DateTime<Utc>,
    /// The calendar year a wallet period is recorded for.
    pub year: i32,
    /// The workspace's time zone: the day an activity happened in, and its time.
    pub tz: chrono_tz::Tz,
    /// The language of what an import writes in its own words (an organisation's last and next
    /// activity).
    pub locale: crate::domain::locale::Locale,
    pub dry_run: bool,
    pub progress: Option<&'a ProgressBar>,
}

/// Imports a table of this kind.
pub async fn import(
    store: &Store,
    kind: Kind,
    table: &Table,
    mapping: &Mapping,
    o: &Options<'_>,
) -> Result<Report, StoreError> {
    let mapping = &settle_guesses(table, mapping);
    let mut report = Report { ignored_columns: mapping.ignored.clone(), ..Report::default() };
    let cells = Cells { table, mapping };
    match kind {
        Kind::Accounts => accounts::accounts(store, &cells, o, &mut report).await?,
        Kind::Contacts => contacts::contacts(store, &cells, o, &mut report).await?,
        Kind::People => people::people(store, &cells, o, &mut report).await?,
        Kind::Interactions => interactions::interactions(store, &cells, o, &mut report).await?,
        Kind::Opportunities => opportunities::opportunities(store, &cells, o, &mut report).await?,
    }
    if o.dry_run {
        report.preview = preview(kind, &cells);
    }
    Ok(report)
}

/// The mapping with each guessed column kept only if every value in it reads as its field (and
/// `--map-value` did not say how): otherwise the column is listed as not read rather than
/// refusing every row of a file whose column meant something else.
fn settle_guesses(table: &Table, mapping: &Mapping) -> Mapping {
    let mut settled = mapping.clone();
    for field in &mapping.guessed {
        let Some(&index) = mapping.columns.get(field) else { continue };
        if mapping.values.contains_key(&index) {
            continue;
        }
        let reads = |text: &str| match *field {
            "tier" => crate::transfer::values::tier(text).is_some(),
            _ => true,
        };
        let cells = Cells { table, mapping };
        if table.rows.iter().any(|row| cells.get(row, field).is_some_and(|text| !reads(text))) {
            settled.columns.remove(field);
            if let Some(header) = table.headers.get(index) {
                settled.ignored.push(header.clone());
            }
        }
    }
    settled
}

/// The first rows of the table, field by field, as the import reads them.
fn preview(kind: Kind, cells: &Cells<'_>) -> Vec<RowPreview> {
    cells
        .table
        .rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|row| RowPreview {
            line: row.line,
            fields: kind
                .fields()
                .iter()
                .filter_map(|(field, _)| cells.get(row, field).map(|v| (*field, truncate(v, 60))))
                .collect(),
        })
        .collect()
}

/// Reading a row's fields by name.
struct Cells<'a> {
    table: &'a Table,
    mapping: &'a Mapping,
}

impl<'a> Cells<'a> {
    /// A field's cell, trimmed, read through `--map-value` when it maps that value.
    fn get(&self, row: &'a Row, field: &str) -> Option<&'a str> {
        let index = *self.mapping.columns.get(field)?;
        let cell = row.cells.get(index).map(|c| c.trim()).filter(|c| !c.is_empty())?;
        match self.mapping.values.get(&index).and_then(|values| values.get(&fold(cell))) {
            Some(mapped) => Some(mapped.as_str()).filter(|m| !m.is_empty()),
            None => Some(cell),
        }
    }

    fn header(&self, field: &str) -> Option<String> {
        self.mapping.columns.get(field).and_then(|&i| self.table.headers.get(i)).cloned()
    }

    fn reject(&self, report: &mut Report, row: &Row, field: Option<&str>, problem: Problem) {
        report.rejected.push(Rejection { line: row.line, column: field.and_then(|f| self.header(f)), problem });
    }

    /// Reads a field with `parse`, recording a rejection when it does not read.
    fn parse<T>(
        &self,
        report: &mut Report,
        row: &'a Row,
        field: &'static str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<Option<T>> {
        let text = self.get(row, field)?;
        match parse(text) {
            Some(value) => Some(Some(value)),
            None => {
                self.reject(report, row, Some(field), Problem::BadValue { field, value: truncate(text, 40) });
                Some(None)
            }
        }
    }
}

/// People of the workspace by folded name and by email, and those the import will create.
struct PeopleIndex {
    by_name: HashMap<String, i64>,
    by_email: HashMap<String, i64>,
    /// Folded name → name as written, of people to create.
    new: Vec<(String, String)>,
}

/// A reference to a person: one who exists, or one the import creates.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PersonRef {
    Existing(i64),
    New(String),
}

impl PeopleIndex {
    async fn load(store: &Store, workspace_id: i64) -> Result<PeopleIndex, StoreError> {
        let mut index = PeopleIndex { by_name: HashMap::new(), by_email: HashMap::new(), new: Vec::new() };
        for p in store.people_for_export(workspace_id).await? {
            index.by_name.entry(fold(&p.name)).or_insert(p.id);
            if let Some(email) = p.email {
                index.by_email.insert(email.to_lowercase(), p.id);
            }
        }
        Ok(index)
    }

    /// The person a cell names, by email or name; unknown names become people to create.
    fn resolve(&mut self, text: &str) -> PersonRef {
        if text.contains('@')
            && let Some(&id) = self.by_email.get(&text.to_lowercase())
        {
            return PersonRef::Existing(id);
        }
        let folded = fold(text);
        match self.by_name.get(&folded) {
            Some(&id) => PersonRef::Existing(id),
            None => {
                if !self.new.iter().any(|(f, _)| *f == folded) {
                    self.new.push((folded.clone(), truncate(text.trim(), 100)));
                }
                PersonRef::New(folded)
            }
        }
    }

    /// Creates the new people (reps without a chat user) and returns their ids by folded name.
    async fn create(&self, tx: &mut WriteTx, o: &Options<'_>) -> Result<HashMap<String, i64>, StoreError> {
        let mut ids = HashMap::new();
        for (folded, name) in &self.new {
            let person = NamedPerson {
                name,
                role: Role::Rep,
                manager_id: None,
                email: None,
                external_id: None,
                title: None,
                created_at: o.now,
            };
            ids.insert(folded.clone(), tx.insert_named_person(o.workspace_id, &person).await?);
        }
        Ok(ids)
    }
}

fn id_of(r: &Option<PersonRef>, new_ids: &HashMap<String, i64>) -> Option<i64> {
    match r {
        Some(PersonRef::Existing(id)) => Some(*id),
        Some(PersonRef::New(folded)) => new_ids.get(folded).copied(),
        None => None,
    }
}

fn tick(o: &Options<'_>) {
    if let Some(bar) = o.progress {
        bar.inc(1);
    }
}

/// The instant of a day and time of day in the workspace's zone (noon when the file gave no
/// time), never later than now.
fn instant(o: &Options<'_>, day: chrono::NaiveDate, time: Option<chrono::NaiveTime>) -> DateTime<Utc> {
    use chrono::TimeZone;
    let local = day.and_time(time.unwrap_or(chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()));
    o.tz.from_local_datetime(&local).earliest().map_or(o.now, |t| t.to_utc()).min(o.now)
}

/// Who writes an import: the person who ran it from the chat, or, from the command line, the
/// workspace's local admin.
async fn operator(tx: &mut WriteTx, o: &Options<'_>) -> Result<i64, StoreError> {
    match o.person_id {
        Some(id) => Ok(id),
        None => tx.local_admin(o.workspace_id, o.now).await,
    }
}

/// Audits the import and commits it.
async fn finish(mut tx: WriteTx, o: &Options<'_>, command: &str, report: &mut Report) -> Result<(), StoreError> {
    let arguments = serde_json::json!({
        "created": report.created.len(),
        "updated": report.updated.len(),
        "unchanged": report.unchanged,
        "new_people": report.new_people,
    })
    .to_string();
    let operator = operator(&mut tx, o).await?;
    tx.audit(o.workspace_id, operator, command, &arguments, "ok", o.now).await?;
    tx.commit().await?;
    report.written = true;
    Ok(())
}

/// The report as messages, in reading order: refused rows (or, when none, what is created and
/// updated, at most `listed` of each, and the new people), the columns not read, the summary, and
/// what to do next.
pub fn report_messages(report: &Report, kind: Kind, dry_run: bool, listed: usize) -> Vec<ImportMsg> {
    let mut out = Vec::new();
    for r in report.rejected.iter().take(listed) {
        out.push(ImportMsg::ImportProblem { line: r.line, column: r.column.clone(), problem: r.problem.clone() });
    }
    if report.rejected.len() > listed {
        out.push(ImportMsg::AndMore { count: report.rejected.len() - listed });
    }
    if report.rejected.is_empty() {
        out.extend(report.created.iter().take(listed).map(|name| ImportMsg::ImportCreated { name: name.clone() }));
        if report.created.len() > listed {
            out.push(ImportMsg::AndMore { count: report.created.len() - listed });
        }
        out.extend(
            report
                .updated
                .iter()
                .take(listed)
                .map(|(name, fields)| ImportMsg::ImportUpdated { name: name.clone(), fields: fields.clone() }),
        );
        if report.updated.len() > listed {
            out.push(ImportMsg::AndMore { count: report.updated.len() - listed });
        }
        if !report.new_people.is_empty() {
            let names = report.new_people.iter().take(listed).cloned().collect();
            out.push(ImportMsg::ImportNewPeople { names, more: report.new_people.len().saturating_sub(listed) });
        }
    }
    if report.rejected.is_empty() {
        for alike in report.look_alikes.iter().take(listed) {
            out.push(ImportMsg::ImportLookAlike {
                line: alike.line,
                name: alike.name.clone(),
                existing: alike.existing.clone(),
            });
        }
        if report.look_alikes.len() > listed {
            out.push(ImportMsg::AndMore { count: report.look_alikes.len() - listed });
        }
    }
    if dry_run {
        for row in report.preview.iter().take(listed) {
            out.push(ImportMsg::ImportRowFields { kind: kind.name(), line: row.line, fields: row.fields.clone() });
        }
    }
    if !report.ignored_columns.is_empty() {
        out.push(ImportMsg::ImportIgnored { columns: report.ignored_columns.clone() });
    }
    out.push(ImportMsg::ImportSummary {
        kind: kind.name(),
        created: report.created.len(),
        updated: report.updated.len(),
        unchanged: report.unchanged,
        rejected: report.rejected.len(),
        dry_run,
        written: report.written,
    });
    if !report.rejected.is_empty() {
        out.push(ImportMsg::ImportNothingWritten { rejected: report.rejected.len() });
    } else if report.created.is_empty() && report.updated.is_empty() && !dry_run {
        out.push(ImportMsg::ImportSecondRun);
    }
    out
}

/// The calendar year of an instant in a time zone, for the wallet period an import records.
pub fn year_in(now: DateTime<Utc>, tz: chrono_tz::Tz) -> i32 {
    now.with_timezone(&tz).year()
}
