//! Reading a spreadsheet as a Brazilian or any other office saves it: CSV with `;`, `,` or tab
//! separators, in UTF-8 (with or without BOM) or Windows-1252, quoted newlines; or an XLSX/XLS/ODS
//! workbook, one sheet. The result is a table of text cells with the file line of each row.

use std::path::Path;

use calamine::{Data, Reader};

use crate::domain::text::without_controls;

/// A row of cells and the line of the file it starts on (the sheet row for workbooks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// The header and the rows of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// It could not be opened or read.
    Unreadable(String),
    /// A workbook without that sheet; the sheets it has.
    NoSuchSheet { sheet: String, sheets: Vec<String> },
    /// Nothing but blank lines.
    Empty,
    /// A CSV that is not valid CSV at this line.
    Malformed { line: usize, reason: String },
}

/// Reads a CSV or workbook file (chosen by its extension).
pub fn read_file(path: &Path, sheet: Option<&str>) -> Result<Table, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| ReadError::Unreadable(e.to_string()))?;
    read_bytes(&path.display().to_string(), bytes, sheet)
}

/// Reads the content of a file named `name` (a workbook by its extension, else CSV), as an
/// upload arrives.
pub fn read_bytes(name: &str, bytes: Vec<u8>, sheet: Option<&str>) -> Result<Table, ReadError> {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match extension.as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_workbook(std::io::Cursor::new(bytes), sheet),
        _ => read_csv(&bytes),
    }
}

/// The text of a CSV file: UTF-8 (a BOM is dropped) or, when it is not valid UTF-8,
/// Windows-1252 as Excel writes it on a Brazilian Windows.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// The separator of a CSV: the one of `;`, `,` and tab found most often on the header line
/// outside quotes.
pub fn separator(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b';', 0), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(s, _)| *s == b) {
            c.1 += 1;
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map(|(s, _)| *s).unwrap_or(b',')
}

/// Reads CSV bytes into a table; blank rows are skipped.
pub fn read_csv(bytes: &[u8]) -> Result<Table, ReadError> {
    let text = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter { text: text.as_bytes(), offset: 0, line: 1 };
    while reader.read_record(&mut record).map_err(|e| ReadError::Malformed {
        line: e.position().map(|p| lines.line_at(p.byte() as usize)).unwrap_or(0),
        reason: e.to_string(),
    })? {
        let line = record.position().map(|p| lines.line_at(p.byte() as usize)).unwrap_or(0);
        let cells: Vec<String> = record.iter().map(|c| without_controls(c.trim())).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        rows.push(Row { line, cells });
    }
    split_header(rows)
}

/// The line of the file a record starts on, counted from its byte offset, whatever the line ends
/// (`\n` or `\r\n`); offsets only grow, so each byte is counted once.
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl LineCounter<'_> {
    fn line_at(&mut self, offset: usize) -> usize {
        let mut start = offset.min(self.text.len());
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= self.offset {
            self.line += self.text[self.offset..start].iter().filter(|&&b| b == b'\n').count();
            self.offset = start;
        }
        self.line
    }
}

fn split_header(mut rows: Vec<Row>) -> Result<Table, ReadError> {
    if rows.is_empty() {
        return Err(ReadError::Empty);
    }
    let header = rows.remove(0);
    Ok(Table { headers: header.cells, rows })
}

fn read_workbook(content: std::io::Cursor<Vec<u8>>, sheet: Option<&str>) -> Result<Table, ReadError> {
    let mut workbook =
        calamine::open_workbook_auto_from_rs(content).map_err(|e| ReadError::Unreadable(e.to_string()))?;
    let sheets = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.eq_ignore_ascii_case(wanted))
            .cloned()
            .ok_or_else(|| ReadError::NoSuchSheet { sheet: wanted.to_string(), sheets: sheets.clone() })?,
        None => sheets.first().cloned().ok_or(ReadError::Empty)?,
    };
    let range = workbook.worksheet_range(&name).map_err(|e| ReadError::Unreadable(e.to_string()))?;
    let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        rows.push(Row { line: first_row + i + 1, cells });
    }
    split_header(rows)
}

/// A workbook cell as text: whole numbers without decimals, others with two at most, dates ISO.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => without_controls(s.trim()),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => {
            let text = format!("{f:.6}");
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        }
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
            Some(t) => t.to_string(),
            None => d.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brazilian_excel_csv_in_windows_1252() {
        // "Razão Social;Setor\n" and a row with a quoted newline, as Excel saves it in Brazil.
        let mut bytes = b"Raz\xE3o Social;Setor;Gasto\r\n".to_vec();
        bytes.extend_from_slice(
            b"\"Petrobr\xE1s\nS.A.\";\xD3leo e g\xE1s;\"R$ 1.234.567,89\"\r\n;;\r\nVale;Minera\xE7\xE3o;10\r\n",
        );
        let table = read_csv(&bytes).unwrap();
        assert_eq!(table.headers, ["Razão Social", "Setor", "Gasto"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].cells, ["Petrobrás\nS.A.", "Óleo e gás", "R$ 1.234.567,89"]);
        assert_eq!((table.rows[0].line, table.rows[1].line), (2, 5));
    }

    #[test]
    fn utf8_with_bom_and_commas() {
        let table = read_csv("\u{FEFF}Account Name,Industry\nAçúcar Guarani,\"Food, sugar\"\n".as_bytes()).unwrap();
        assert_eq!(table.headers, ["Account Name", "Industry"]);
        assert_eq!(table.rows[0].cells, ["Açúcar Guarani", "Food, sugar"]);
    }

    #[test]
    fn separators() {
        assert_eq!(separator("a;b;c\n"), b';');
        assert_eq!(separator("a,b,c\n"), b',');
        assert_eq!(separator("a\tb\n"), b'\t');
        assert_eq!(separator("\"x;y\",b,c\n"), b',');
        assert_eq!(separator("single\n"), b',');
    }

    #[test]
    fn empty_files_are_refused() {
        assert_eq!(read_csv(b""), Err(ReadError::Empty));
        assert_eq!(read_csv(b"\n\n ; \n"), Err(ReadError::Empty));
    }
}
