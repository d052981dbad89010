//! What `kam-bot db copy` needs of a SQLite file (a PostgreSQL side goes through
//! [`kam_store_pg::copy`] itself): its tables and columns, their row counts, and
//! rows read or written whatever the table, as [`kam_store_pg::copy`] does on PostgreSQL. The SQL
//! is built at run time (hence `AssertSqlSafe`): names come from the schema itself, quoted, and
//! every value is bound.

use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row, Sqlite, Transaction, TypeInfo, ValueRef};

pub use kam_store_pg::copy::{Cell, ColumnType, ROWS_A_BATCH, Table};

use super::{Store, StoreError};

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn cells(row: &SqliteRow) -> Result<Vec<Cell>, StoreError> {
    let mut out = Vec::with_capacity(row.columns().len());
    for i in 0..row.columns().len() {
        let raw = row.try_get_raw(i)?;
        if raw.is_null() {
            out.push(Cell::Null);
            continue;
        }
        // The storage class of this value, whatever its column declares.
        let class = raw.type_info().name().to_string();
        out.push(match class.as_str() {
            "INTEGER" => Cell::Int(row.try_get(i)?),
            "BLOB" => Cell::Bytes(row.try_get(i)?),
            "REAL" => Cell::Text(row.try_get::<f64, _>(i)?.to_string()),
            _ => Cell::Text(row.try_get(i)?),
        });
    }
    Ok(out)
}

impl Store {
    /// The schema's tables (not sqlx's bookkeeping), by name, with their columns as declared.
    pub async fn copy_tables(&self) -> Result<Vec<Table>, StoreError> {
        let names = sqlx::query_scalar!(
            r#"SELECT name AS "name!" FROM sqlite_master
               WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE '\_sqlx%' ESCAPE '\'
               ORDER BY name"#
        )
        .fetch_all(pool!(self))
        .await?;
        let mut tables = Vec::with_capacity(names.len());
        for name in names {
            // A pragma's table has no types sqlx can check at compile time: a name and a type, both text.
            let columns =
                sqlx::query_as::<_, (String, String)>("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid")
                    .bind(&name)
                    .fetch_all(pool!(self))
                    .await?;
            let columns = columns
                .into_iter()
                .map(|(column, declared)| {
                    let kind = match declared.to_ascii_uppercase().as_str() {
                        "INTEGER" => ColumnType::Integer,
                        "BLOB" => ColumnType::Bytes,
                        _ => ColumnType::Text,
                    };
                    (column, kind)
                })
                .collect();
            tables.push(Table { name, columns });
        }
        Ok(tables)
    }

    /// How many rows the table holds.
    pub async fn copy_count(&self, table: &Table) -> Result<i64, StoreError> {
        sqlx::query_scalar::<_, i64>(AssertSqlSafe(format!("SELECT COUNT(*) FROM {}", quoted(&table.name))))
            .fetch_one(pool!(self))
            .await
    }

    /// The table's rows, streamed from one read of one connection, each as its cells in the
    /// table's column order.
    pub fn copy_rows<'a>(&'a self, table: &Table) -> BoxStream<'a, Result<Vec<Cell>, StoreError>> {
        let super::Backend::Sqlite(pool) = &self.backend else {
            return futures_util::stream::once(async { Err(super::not_sqlite()) }).boxed();
        };
        let names: Vec<String> = table.columns.iter().map(|(n, _)| quoted(n)).collect();
        let sql = format!("SELECT {} FROM {}", names.join(", "), quoted(&table.name));
        sqlx::query(AssertSqlSafe(sql)).fetch(pool).map(|row| row.and_then(|r| cells(&r))).boxed()
    }

    /// Begins the one transaction a copy writes in: foreign keys are checked at its commit, so
    /// rows may arrive in any order.
    pub async fn begin_copy(&self) -> Result<SqliteCopyWriter, StoreError> {
        let mut tx = pool!(self).begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query("PRAGMA defer_foreign_keys = ON").execute(&mut *tx).await?;
        Ok(SqliteCopyWriter { tx })
    }
}

/// The copy's write transaction on SQLite.
pub struct SqliteCopyWriter {
    tx: Transaction<'static, Sqlite>,
}

impl SqliteCopyWriter {
    /// Inserts these rows of the table, [`ROWS_A_BATCH`] a statement at most.
    pub async fn insert(&mut self, table: &Table, rows: &[Vec<Cell>]) -> Result<(), StoreError> {
        let names: Vec<String> = table.columns.iter().map(|(n, _)| quoted(n)).collect();
        let one = format!("({})", vec!["?"; names.len()].join(", "));
        for chunk in rows.chunks(ROWS_A_BATCH) {
            let sql = format!(
                "INSERT INTO {} ({}) VALUES {}",
                quoted(&table.name),
                names.join(", "),
                vec![one.as_str(); chunk.len()].join(", ")
            );
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for row in chunk {
                for cell in row {
                    query = match cell {
                        Cell::Null => query.bind(None::<String>),
                        Cell::Int(v) => query.bind(*v),
                        Cell::Text(v) => query.bind(v.as_str()),
                        Cell::Bytes(v) => query.bind(v.as_slice()),
                    };
                }
            }
            query.execute(&mut *self.tx).await?;
        }
        Ok(())
    }

    /// Commits; a foreign key left dangling fails it, and nothing is written.
    pub async fn finish(self) -> Result<(), StoreError> {
        self.tx.commit().await
    }
}
