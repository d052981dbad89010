//! Reading a spreadsheet as a Brazilian or any other office saves it: CSV with `;`, `,` or tab
//! separators, in UTF-8 (with or without BOM) or Windows-1252, quoted newlines; or an XLSX/XLS/ODS
//! workbook, one sheet. The result is a table of text cells with the file line of each row.
//!
//! Every file is bounded before it is allocated: its size, what its zip holds once decompressed,
//! and the cells, rows and columns read (a workbook's sheet is streamed cell by cell, never read as
//! its declared range), so that no file can exhaust the memory of the bot.

pub use crate::domain::import_errors::{Limit, ReadError};
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

/// The largest file read from disk by `kam-bot import` (an upload through a chat is smaller).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The most a workbook's zip may hold once decompressed, all its parts together.
pub const MAX_UNZIPPED_BYTES: u64 = 128 * 1024 * 1024;
/// The most parts a workbook's zip may have.
pub const MAX_ZIP_ENTRIES: usize = 10_000;
/// The most cells with a value read from one file.
pub const MAX_CELLS: usize = 2_000_000;
/// The most rows read from one file (the header included).
pub const MAX_ROWS: usize = 500_000;
/// The most columns of a row: a cell beyond is refused, not padded up to.
pub const MAX_COLUMNS: usize = 512;

/// Reads a CSV or workbook file (chosen by its extension).
pub fn read_file(path: &Path, sheet: Option<&str>) -> Result<Table, ReadError> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| ReadError::Unreadable(e.to_string());
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let too_large = ReadError::TooLarge { limit: Limit::FileBytes(MAX_FILE_BYTES), line: 0 };
    if file.metadata().map_err(unreadable)?.len() > MAX_FILE_BYTES {
        return Err(too_large);
    }
    // Read no more than the bound, whatever the size said (a file may grow while it is read).
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large);
    }
    read_bytes(&path.display().to_string(), bytes, sheet)
}

/// Reads the content of a file named `name` (a workbook by its extension, else CSV), as an
/// upload arrives.
pub fn read_bytes(name: &str, bytes: Vec<u8>, sheet: Option<&str>) -> Result<Table, ReadError> {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { limit: Limit::FileBytes(MAX_FILE_BYTES), line: 0 });
    }
    match extension.as_str() {
        "xlsx" | "xlsm" | "xlsb" => {
            check_zip(&bytes)?;
            read_workbook(std::io::Cursor::new(bytes), sheet)
        }
        "xls" | "ods" => Err(ReadError::UnsupportedWorkbook { extension }),
        _ => read_csv(&bytes),
    }
}

/// Decompresses every part of a workbook's zip into nothing, counting: past the bound it is
/// refused before the reader sees it. Counted as read, not from the sizes the zip declares, which
/// a zip bomb may understate.
fn check_zip(bytes: &[u8]) -> Result<(), ReadError> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| ReadError::Unreadable(e.to_string()))?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(ReadError::TooLarge { limit: Limit::ZipEntries(MAX_ZIP_ENTRIES), line: 0 });
    }
    let mut left = MAX_UNZIPPED_BYTES;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| ReadError::Unreadable(e.to_string()))?;
        let read = std::io::copy(&mut std::io::Read::take(entry, left + 1), &mut std::io::sink())
            .map_err(|e| ReadError::Unreadable(e.to_string()))?;
        if read > left {
            return Err(ReadError::TooLarge { limit: Limit::Unzipped(MAX_UNZIPPED_BYTES), line: 0 });
        }
        left -= read;
    }
    Ok(())
}

/// The text of a CSV file: UTF-8 (a BOM is dropped) or, when it is not valid UTF-8,
/// Windows-1252 as Excel writes it on a Brazilian Windows.
///
/// A file that is neither (UTF-8 on some lines, Windows-1252 on others, as when two exports are
/// pasted together) is refused with a line of each: decoding it either way would garble some rows.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(invalid) => {
            if let Some(at) = utf8_sequence(bytes) {
                let line_of = |offset: usize| 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
                return Err(ReadError::MixedEncoding {
                    utf8_line: line_of(at),
                    other_line: line_of(invalid.valid_up_to()),
                });
            }
            Ok(encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned())
        }
    }
}

/// Where the first well-formed multi-byte UTF-8 sequence of `bytes` starts, if any. In text saved
/// as Windows-1252, such a pair ("Ã£", "Ã©") is almost never written, so one there means part of
/// the file is UTF-8.
fn utf8_sequence(bytes: &[u8]) -> Option<usize> {
    let continuation = |b: Option<&u8>| b.is_some_and(|b| (0x80..=0xBF).contains(b));
    (0..bytes.len()).find(|&i| {
        let len = match bytes[i] {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return false,
        };
        (1..len).all(|k| continuation(bytes.get(i + k))) && std::str::from_utf8(&bytes[i..i + len]).is_ok()
    })
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
    let text = decode(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut bound = Bound::default();
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter { text: text.as_bytes(), offset: 0, line: 1 };
    while reader.read_record(&mut record).map_err(|e| ReadError::Malformed {
        line: e.position().map(|p| lines.line_at(p.byte() as usize)).unwrap_or(0),
        reason: e.to_string(),
    })? {
        let line = record.position().map(|p| lines.line_at(p.byte() as usize)).unwrap_or(0);
        if record.len() > MAX_COLUMNS && record.iter().skip(MAX_COLUMNS).any(|c| !c.trim().is_empty()) {
            return Err(ReadError::TooLarge { limit: Limit::Columns(MAX_COLUMNS), line });
        }
        let cells: Vec<String> = record.iter().take(MAX_COLUMNS).map(cell_of).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        bound.row(cells.iter().filter(|c| !c.is_empty()).count(), line)?;
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

/// A cell's text as kept: a leading `'` that an export put before a formula-like cell to keep it
/// text (see [`crate::transfer::export::neutralised`]) is taken back off, then controls are
/// dropped and the text trimmed.
fn cell_of(raw: &str) -> String {
    let raw = match raw.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => raw,
    };
    without_controls(raw.trim())
}

/// Counts what a file holds as it is read, refusing it past the bounds.
#[derive(Default)]
struct Bound {
    cells: usize,
    rows: usize,
}

impl Bound {
    fn row(&mut self, cells: usize, line: usize) -> Result<(), ReadError> {
        self.rows += 1;
        self.cells += cells;
        if self.rows > MAX_ROWS {
            return Err(ReadError::TooLarge { limit: Limit::Rows(MAX_ROWS), line });
        }
        if self.cells > MAX_CELLS {
            return Err(ReadError::TooLarge { limit: Limit::Cells(MAX_CELLS), line });
        }
        Ok(())
    }
}

/// Reads one sheet of an XLSX or XLSB workbook cell by cell. The sheet's declared range (which a
/// file can set to a million rows by sixteen thousand columns) is never allocated: only cells with
/// a value are kept, within the bounds.
fn read_workbook(content: std::io::Cursor<Vec<u8>>, sheet: Option<&str>) -> Result<Table, ReadError> {
    let unreadable = |e: &dyn std::fmt::Display| ReadError::Unreadable(e.to_string());
    let mut workbook = calamine::open_workbook_auto_from_rs(content).map_err(|e| unreadable(&e))?;
    let sheets = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.eq_ignore_ascii_case(wanted))
            .cloned()
            .ok_or_else(|| ReadError::NoSuchSheet { sheet: wanted.to_string(), sheets: sheets.clone() })?,
        None => sheets.first().cloned().ok_or(ReadError::Empty)?,
    };
    let mut cells: Vec<((u32, u32), String)> = Vec::new();
    let mut keep = |pos: (u32, u32), text: String| -> Result<(), ReadError> {
        if text.is_empty() {
            return Ok(());
        }
        if pos.1 as usize >= MAX_COLUMNS {
            return Err(ReadError::TooLarge { limit: Limit::Columns(MAX_COLUMNS), line: pos.0 as usize + 1 });
        }
        if cells.len() >= MAX_CELLS {
            return Err(ReadError::TooLarge { limit: Limit::Cells(MAX_CELLS), line: pos.0 as usize + 1 });
        }
        cells.push((pos, text));
        Ok(())
    };
    match &mut workbook {
        calamine::Sheets::Xlsx(book) => {
            let mut reader = book.worksheet_cells_reader(&name).map_err(|e| unreadable(&e))?;
            while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
                keep(cell.get_position(), cell_text(&calamine::Data::from(cell.get_value().clone())))?;
            }
        }
        calamine::Sheets::Xlsb(book) => {
            let mut reader = book.worksheet_cells_reader(&name).map_err(|e| unreadable(&e))?;
            while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
                keep(cell.get_position(), cell_text(&calamine::Data::from(cell.get_value().clone())))?;
            }
        }
        calamine::Sheets::Xls(_) => return Err(ReadError::UnsupportedWorkbook { extension: "xls".into() }),
        calamine::Sheets::Ods(_) => return Err(ReadError::UnsupportedWorkbook { extension: "ods".into() }),
    }
    // Cells come row by row in practice; sorted, so that a file that does not still reads right.
    cells.sort_by_key(|(pos, _)| *pos);
    let first_col = cells.iter().map(|((_, c), _)| *c).min().unwrap_or(0);
    let mut rows: Vec<Row> = Vec::new();
    let mut bound = Bound::default();
    let mut current: Option<(u32, Vec<String>)> = None;
    let mut flush = |row: Option<(u32, Vec<String>)>, rows: &mut Vec<Row>| -> Result<(), ReadError> {
        if let Some((r, cells)) = row {
            bound.row(cells.iter().filter(|c| !c.is_empty()).count(), r as usize + 1)?;
            rows.push(Row { line: r as usize + 1, cells });
        }
        Ok(())
    };
    for ((r, c), text) in cells {
        if current.as_ref().is_some_and(|(row, _)| *row != r) {
            flush(current.take(), &mut rows)?;
        }
        let (_, row) = current.get_or_insert_with(|| (r, Vec::new()));
        let at = (c - first_col) as usize;
        if row.len() <= at {
            row.resize(at + 1, String::new());
        }
        row[at] = text;
    }
    flush(current.take(), &mut rows)?;
    split_header(rows)
}

/// A workbook cell as text: whole numbers without decimals, others with two at most, dates ISO.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => cell_of(s),
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
