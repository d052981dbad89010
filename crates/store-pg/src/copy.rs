//! What `kam-bot db copy` needs of a PostgreSQL database: its tables and their columns as the
//! schema declares them, their row counts, and rows read or written whatever the table. The SQL is
//! built at run time (hence `AssertSqlSafe`): table and column names come from the schema itself,
//! never from a person, and are quoted; every value is bound, never spliced.

use sqlx::postgres::PgRow;
use sqlx::{AssertSqlSafe, Postgres, Row, Transaction};

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};

use crate::{PgStore, StoreError};

/// One cell of a row, as a copy carries it between databases. Instants travel as text in SQLite's
/// canonical form (`YYYY-MM-DDTHH:MM:SS[.fraction]+00:00`), cut to the microsecond on PostgreSQL;
/// days as `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
    Bytes(Vec<u8>),
}

/// How a column is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Integer,
    Text,
    Day,
    Instant,
    Bytes,
}

impl ColumnType {
    fn cast(self) -> &'static str {
        match self {
            ColumnType::Integer => "bigint",
            ColumnType::Text => "text",
            ColumnType::Day => "date",
            ColumnType::Instant => "timestamptz",
            ColumnType::Bytes => "bytea",
        }
    }
}

/// A table and its columns, in the schema's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    pub columns: Vec<(String, ColumnType)>,
}

/// Rows a batch of `INSERT` carries at most (PostgreSQL takes 65 535 parameters a statement).
pub const ROWS_A_BATCH: usize = 1000;

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl PgStore {
    /// The schema's tables (not sqlx's bookkeeping), by name, with their columns.
    pub async fn tables(&self) -> Result<Vec<Table>, StoreError> {
        let rows = sqlx::query!(
            r#"SELECT c.table_name AS "table_name!", c.column_name AS "column_name!", c.data_type AS "data_type!"
               FROM information_schema.columns c
               JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
               WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                 AND c.table_name NOT LIKE '\_sqlx%'
               ORDER BY c.table_name, c.ordinal_position"#
        )
        .fetch_all(&self.pool)
        .await?;
        let mut tables: Vec<Table> = Vec::new();
        for r in rows {
            let kind = match r.data_type.as_str() {
                "bigint" | "integer" | "smallint" => ColumnType::Integer,
                "date" => ColumnType::Day,
                "timestamp with time zone" => ColumnType::Instant,
                "bytea" => ColumnType::Bytes,
                _ => ColumnType::Text,
            };
            match tables.last_mut() {
                Some(t) if t.name == r.table_name => t.columns.push((r.column_name, kind)),
                _ => tables.push(Table { name: r.table_name, columns: vec![(r.column_name, kind)] }),
            }
        }
        Ok(tables)
    }

    /// How many rows the table holds.
    pub async fn count(&self, table: &Table) -> Result<i64, StoreError> {
        sqlx::query_scalar::<_, i64>(AssertSqlSafe(format!("SELECT COUNT(*) FROM {}", quoted(&table.name))))
            .fetch_one(&self.pool)
            .await
    }

    /// Begins the one transaction a copy writes in: every foreign key is checked at its commit,
    /// so rows may arrive in any order.
    pub async fn begin_copy(&self) -> Result<CopyWriter, StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SET CONSTRAINTS ALL DEFERRED").execute(&mut *tx).await?;
        Ok(CopyWriter { tx })
    }

    /// Reads the table's rows in batches (a cursor inside a read-only transaction), instants and
    /// days as SQLite keeps them.
    pub async fn read_rows(&self, table: &Table) -> Result<CopyReader, StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SET TRANSACTION READ ONLY").execute(&mut *tx).await?;
        let columns: Vec<String> = table
            .columns
            .iter()
            .map(|(name, kind)| match kind {
                ColumnType::Day => format!("to_char({}, 'YYYY-MM-DD')", quoted(name)),
                _ => quoted(name),
            })
            .collect();
        sqlx::query(AssertSqlSafe(format!(
            "DECLARE kam_copy NO SCROLL CURSOR FOR SELECT {} FROM {}",
            columns.join(", "),
            quoted(&table.name)
        )))
        .execute(&mut *tx)
        .await?;
        Ok(CopyReader { tx, kinds: table.columns.iter().map(|(_, k)| *k).collect() })
    }
}

/// The rows of one table, read a batch at a time.
pub struct CopyReader {
    tx: Transaction<'static, Postgres>,
    kinds: Vec<ColumnType>,
}

impl CopyReader {
    /// Up to `n` more rows; none once the table is read.
    pub async fn next_batch(&mut self, n: usize) -> Result<Vec<Vec<Cell>>, StoreError> {
        // Not kept prepared: the same text fetches from each table's cursor, with other columns.
        let rows = sqlx::query(AssertSqlSafe(format!("FETCH {n} FROM kam_copy")))
            .persistent(false)
            .fetch_all(&mut *self.tx)
            .await?;
        rows.iter().map(|row| self.cells(row)).collect()
    }

    fn cells(&self, row: &PgRow) -> Result<Vec<Cell>, StoreError> {
        let mut out = Vec::with_capacity(self.kinds.len());
        for (i, kind) in self.kinds.iter().enumerate() {
            let cell = match kind {
                ColumnType::Integer => row.try_get::<Option<i64>, _>(i)?.map(Cell::Int),
                ColumnType::Bytes => row.try_get::<Option<Vec<u8>>, _>(i)?.map(Cell::Bytes),
                // As SQLite's driver writes an instant: its fraction of a second only when it has one.
                ColumnType::Instant => row
                    .try_get::<Option<DateTime<Utc>>, _>(i)?
                    .map(|at| Cell::Text(at.to_rfc3339_opts(SecondsFormat::AutoSi, false))),
                _ => row.try_get::<Option<String>, _>(i)?.map(Cell::Text),
            };
            out.push(cell.unwrap_or(Cell::Null));
        }
        Ok(out)
    }
}

/// An instant as SQLite keeps it, cut to the microsecond that PostgreSQL keeps (which would
/// otherwise round it), so that what is copied is what reads back.
fn to_the_microsecond(text: &str) -> String {
    match DateTime::parse_from_rfc3339(text) {
        Ok(at) => at.with_timezone(&Utc).trunc_subsecs(6).to_rfc3339_opts(SecondsFormat::AutoSi, false),
        Err(_) => text.to_string(),
    }
}

/// The copy's write transaction.
pub struct CopyWriter {
    tx: Transaction<'static, Postgres>,
}

impl CopyWriter {
    /// Inserts these rows of the table (at most [`ROWS_A_BATCH`] a statement), each cell cast to
    /// its column's type.
    pub async fn insert(&mut self, table: &Table, rows: &[Vec<Cell>]) -> Result<(), StoreError> {
        let names: Vec<String> = table.columns.iter().map(|(n, _)| quoted(n)).collect();
        for chunk in rows.chunks(ROWS_A_BATCH) {
            let mut sql = format!("INSERT INTO {} ({}) VALUES ", quoted(&table.name), names.join(", "));
            let mut n = 0;
            for (r, _) in chunk.iter().enumerate() {
                if r > 0 {
                    sql.push_str(", ");
                }
                sql.push('(');
                for (c, (_, kind)) in table.columns.iter().enumerate() {
                    n += 1;
                    if c > 0 {
                        sql.push_str(", ");
                    }
                    sql.push_str(&format!("${n}::{}", kind.cast()));
                }
                sql.push(')');
            }
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for row in chunk {
                for (cell, (_, kind)) in row.iter().zip(&table.columns) {
                    query = match cell {
                        Cell::Null => query.bind(None::<String>),
                        Cell::Int(v) => query.bind(*v),
                        Cell::Text(v) if *kind == ColumnType::Instant => query.bind(to_the_microsecond(v)),
                        Cell::Text(v) => query.bind(v.as_str()),
                        Cell::Bytes(v) => query.bind(v.as_slice()),
                    };
                }
            }
            query.execute(&mut *self.tx).await?;
        }
        Ok(())
    }

    /// Moves each table's id sequence past the ids copied, checks every foreign key, and commits.
    pub async fn finish(mut self, tables: &[Table]) -> Result<(), StoreError> {
        for table in tables {
            if table.columns.iter().any(|(n, k)| n == "id" && *k == ColumnType::Integer) {
                let name = quoted(&table.name);
                sqlx::query(AssertSqlSafe(format!(
                    "SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
                )))
                .bind(&name)
                .execute(&mut *self.tx)
                .await?;
            }
        }
        self.tx.commit().await
    }
}
