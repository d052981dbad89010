//! What can be wrong with a file a team imports, as plain values: why it cannot be read, why its
//! columns cannot be mapped, why a row is refused. `transfer` finds them; the catalog words them.

/// Which bound a file went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter))]
pub enum Limit {
    /// The file's size in bytes.
    FileBytes(u64),
    /// What the workbook holds decompressed, in bytes.
    Unzipped(u64),
    /// The parts of the workbook's zip.
    ZipEntries(usize),
    /// Cells with a value.
    Cells(usize),
    /// Rows.
    Rows(usize),
    /// Columns of a row.
    Columns(usize),
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter, Default))]
pub enum ReadError {
    /// It could not be opened or read.
    Unreadable(String),
    /// A workbook without that sheet; the sheets it has.
    NoSuchSheet { sheet: String, sheets: Vec<String> },
    /// Nothing but blank lines.
    #[cfg_attr(any(test, feature = "review"), default)]
    Empty,
    /// A CSV that is not valid CSV at this line.
    Malformed { line: usize, reason: String },
    /// Past one of the bounds, found at this line (0 when the file as a whole is).
    TooLarge { limit: Limit, line: usize },
    /// Text in UTF-8 at one line and in another encoding at another: decoding it either way
    /// would turn some of its rows into mojibake.
    MixedEncoding { utf8_line: usize, other_line: usize },
    /// A workbook format whose sheets cannot be read cell by cell (.xls, .ods).
    UnsupportedWorkbook { extension: String },
}

/// Why the columns could not be mapped.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter))]
pub enum MapError {
    /// `--map` named a column the file does not have.
    NoSuchColumn { column: String, headers: Vec<String> },
    /// `--map` named a field this kind does not have.
    NoSuchField { field: String, fields: Vec<&'static str> },
    /// `--map` was not `COLUMN=FIELD`.
    BadMap { given: String },
    /// `--map-value` was not `COLUMN:FROM=TO,FROM=TO`.
    BadValueMap { given: String },
    /// No column holds the field every record needs.
    Missing { field: &'static str },
}

/// Why a row was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter))]
pub enum Problem {
    /// The row has no value for a field every record needs.
    Missing { field: &'static str },
    /// A value that does not read as its field's kind of value.
    BadValue { field: &'static str, value: String },
    /// The same record appears on an earlier line of the file.
    Duplicate { first_line: usize },
    /// Another account already has this name or alias.
    NameTaken { name: String, existing: String },
    /// Another account already has this CNPJ.
    CnpjTaken { cnpj: String, existing: String },
    /// A contact's account is not in the workspace.
    UnknownAccount { value: String },
    /// The account named could be any of these.
    AmbiguousAccount { value: String, names: Vec<String> },
    /// A manager who is neither in the workspace nor in the file.
    UnknownManager { value: String },
    /// This manager would make a circle in the team tree.
    Circle { name: String },
}

/// Sample values for the rendering test of every message.
#[cfg(any(test, feature = "review"))]
mod samples {
    use super::*;

    impl Default for Limit {
        fn default() -> Limit {
            Limit::Rows(0)
        }
    }

    impl Default for MapError {
        fn default() -> MapError {
            MapError::BadMap { given: String::new() }
        }
    }

    impl Default for Problem {
        fn default() -> Problem {
            Problem::Duplicate { first_line: 0 }
        }
    }
}
