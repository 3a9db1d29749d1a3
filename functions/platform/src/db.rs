//! The database port: run a statement with parameters, get rows. Three adapters implement
//! it: Spin SQLite and Spin PostgreSQL inside the components, sqlx natively.
//!
//! SQL is written once, with `$1`-style placeholders; the SQLite adapters rewrite them.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};

/// Which SQL dialect is on the other end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A parameter or a column value. Integers are `BIGINT` on PostgreSQL: Spin's driver binds
/// an `i64` only to `int8`.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
}

impl From<i64> for Value {
    fn from(value: i64) -> Self {
        Value::Integer(value)
    }
}

impl From<f64> for Value {
    fn from(value: f64) -> Self {
        Value::Real(value)
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Value::Text(value.to_owned())
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Value::Text(value)
    }
}

impl From<&String> for Value {
    fn from(value: &String) -> Self {
        Value::Text(value.clone())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Self {
        value.map_or(Value::Null, Into::into)
    }
}

/// What went wrong talking to the database.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DbError {
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("a unique constraint was violated: {0}")]
    UniqueViolation(String),
    #[error("statement failed: {0}")]
    Statement(String),
    #[error("column `{0}` is not in the result")]
    MissingColumn(String),
    #[error("column `{column}` holds {found}, expected {expected}")]
    ColumnType {
        column: String,
        expected: &'static str,
        found: String,
    },
}

impl DbError {
    /// Both engines report constraint violations only as text through Spin's interfaces.
    pub fn from_message(message: String) -> DbError {
        let lower = message.to_lowercase();
        if lower.contains("unique constraint") || lower.contains("duplicate key") {
            DbError::UniqueViolation(message)
        } else {
            DbError::Statement(message)
        }
    }
}

/// One result row; columns are looked up by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    columns: Arc<[String]>,
    values: Vec<Value>,
}

impl Row {
    pub fn new(columns: Arc<[String]>, values: Vec<Value>) -> Self {
        Self { columns, values }
    }

    fn value(&self, column: &str) -> Result<&Value, DbError> {
        self.columns
            .iter()
            .position(|name| name == column)
            .and_then(|index| self.values.get(index))
            .ok_or_else(|| DbError::MissingColumn(column.to_owned()))
    }

    fn type_error(column: &str, expected: &'static str, found: &Value) -> DbError {
        DbError::ColumnType {
            column: column.to_owned(),
            expected,
            found: format!("{found:?}"),
        }
    }

    pub fn text(&self, column: &str) -> Result<String, DbError> {
        match self.value(column)? {
            Value::Text(text) => Ok(text.clone()),
            other => Err(Self::type_error(column, "text", other)),
        }
    }

    /// A text column that names one of a closed set of values (a role, a status, a unit).
    pub fn parsed<T>(
        &self,
        column: &str,
        expected: &'static str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, DbError> {
        let text = self.text(column)?;
        parse(&text).ok_or(DbError::ColumnType {
            column: column.to_owned(),
            expected,
            found: text,
        })
    }

    pub fn optional_text(&self, column: &str) -> Result<Option<String>, DbError> {
        match self.value(column)? {
            Value::Null => Ok(None),
            Value::Text(text) => Ok(Some(text.clone())),
            other => Err(Self::type_error(column, "text or null", other)),
        }
    }

    pub fn integer(&self, column: &str) -> Result<i64, DbError> {
        match self.value(column)? {
            Value::Integer(number) => Ok(*number),
            other => Err(Self::type_error(column, "integer", other)),
        }
    }

    pub fn optional_integer(&self, column: &str) -> Result<Option<i64>, DbError> {
        match self.value(column)? {
            Value::Null => Ok(None),
            Value::Integer(number) => Ok(Some(*number)),
            other => Err(Self::type_error(column, "integer or null", other)),
        }
    }

    pub fn real(&self, column: &str) -> Result<f64, DbError> {
        match self.value(column)? {
            Value::Real(number) => Ok(*number),
            // SQLite stores a whole-number REAL written as an integer literal as an integer.
            Value::Integer(number) => Ok(*number as f64),
            other => Err(Self::type_error(column, "real", other)),
        }
    }

    pub fn optional_real(&self, column: &str) -> Result<Option<f64>, DbError> {
        match self.value(column)? {
            Value::Null => Ok(None),
            _ => self.real(column).map(Some),
        }
    }

    /// An instant stored as RFC 3339 text (`crate::timestamp`); a bad one names its column.
    pub fn instant(&self, column: &str) -> Result<DateTime<Utc>, DbError> {
        let text = self.text(column)?;
        Self::parse_instant(column, text)
    }

    pub fn optional_instant(&self, column: &str) -> Result<Option<DateTime<Utc>>, DbError> {
        self.optional_text(column)?
            .map(|text| Self::parse_instant(column, text))
            .transpose()
    }

    fn parse_instant(column: &str, text: String) -> Result<DateTime<Utc>, DbError> {
        crate::timestamp::parse(&text).map_err(|_| DbError::ColumnType {
            column: column.to_owned(),
            expected: "an RFC 3339 instant",
            found: text,
        })
    }

    /// A calendar day stored as `YYYY-MM-DD`; a bad one names its column.
    pub fn date(&self, column: &str) -> Result<NaiveDate, DbError> {
        let text = self.text(column)?;
        Self::parse_date(column, text)
    }

    pub fn optional_date(&self, column: &str) -> Result<Option<NaiveDate>, DbError> {
        self.optional_text(column)?
            .map(|text| Self::parse_date(column, text))
            .transpose()
    }

    fn parse_date(column: &str, text: String) -> Result<NaiveDate, DbError> {
        text.parse().map_err(|_| DbError::ColumnType {
            column: column.to_owned(),
            expected: "a date YYYY-MM-DD",
            found: text,
        })
    }

    /// A 0/1 flag column (both engines store booleans as integers here).
    pub fn flag(&self, column: &str) -> Result<bool, DbError> {
        match self.integer(column)? {
            0 => Ok(false),
            1 => Ok(true),
            other => Err(DbError::ColumnType {
                column: column.to_owned(),
                expected: "0 or 1",
                found: other.to_string(),
            }),
        }
    }
}

/// The port every handler talks to. One value is one connection, used by one request, so
/// `begin`/`commit` bracket a transaction on both engines.
#[allow(async_fn_in_trait)]
pub trait Database {
    fn engine(&self) -> Engine;

    async fn query(&self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError>;

    /// Runs a statement that returns no rows; the number of rows it changed.
    async fn execute(&self, sql: &str, params: &[Value]) -> Result<u64, DbError>;

    /// Starts a write transaction. SQLite takes the write lock at once: a deferred
    /// transaction that upgrades later fails immediately under WAL when another wrote.
    async fn begin(&self) -> Result<(), DbError> {
        let sql = match self.engine() {
            Engine::Sqlite => "BEGIN IMMEDIATE",
            Engine::Postgres => "BEGIN",
        };
        self.execute(sql, &[]).await.map(drop)
    }

    async fn commit(&self) -> Result<(), DbError> {
        self.execute("COMMIT", &[]).await.map(drop)
    }

    async fn rollback(&self) -> Result<(), DbError> {
        self.execute("ROLLBACK", &[]).await.map(drop)
    }

    async fn query_one(&self, sql: &str, params: &[Value]) -> Result<Option<Row>, DbError> {
        Ok(self.query(sql, params).await?.into_iter().next())
    }
}

/// Parameters one statement may carry on both engines (SQLite's limit; PostgreSQL's is 65,535).
pub const MAX_PARAMETERS: usize = 32_766;

/// How many rows of `columns` values fit in one multi-row statement on both engines.
pub fn rows_per_statement(columns: usize) -> usize {
    MAX_PARAMETERS / columns.max(1)
}

/// `($first, …), (…)`: placeholders for `rows` rows of `columns` values each, numbered from
/// `first`, for a multi-row `VALUES` list.
pub fn values_placeholders(rows: usize, columns: usize, first: usize) -> String {
    (0..rows)
        .map(|row| {
            let start = first + row * columns;
            let placeholders: Vec<String> =
                (start..start + columns).map(|n| format!("${n}")).collect();
            format!("({})", placeholders.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs `work` inside a write transaction: committed when it succeeds, rolled back when not.
pub async fn in_transaction<D, T, E>(
    db: &D,
    work: impl AsyncFnOnce() -> Result<T, E>,
) -> Result<T, E>
where
    D: Database,
    E: From<DbError>,
{
    db.begin().await?;
    match work().await {
        Ok(value) => {
            db.commit().await?;
            Ok(value)
        }
        Err(error) => {
            // The original error is what the caller needs; a failed rollback ends with the
            // connection anyway.
            let _ = db.rollback().await;
            Err(error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(column: &str, value: Value) -> Row {
        Row::new(Arc::from([column.to_owned()]), vec![value])
    }

    #[test]
    fn a_malformed_instant_is_an_error_naming_its_column() {
        let stored = row("starts_at", Value::Text("2026-12-04T08:00:00Z".into()));
        assert_eq!(
            stored.instant("starts_at").map(|at| at.to_rfc3339()),
            Ok("2026-12-04T08:00:00+00:00".to_owned())
        );
        let broken = row("starts_at", Value::Text("zítra".into()));
        assert!(matches!(
            broken.instant("starts_at"),
            Err(DbError::ColumnType { column, .. }) if column == "starts_at"
        ));
        assert_eq!(
            row("left_at", Value::Null).optional_instant("left_at"),
            Ok(None)
        );
    }

    #[test]
    fn a_flag_is_zero_or_one_and_anything_else_names_its_column() {
        assert_eq!(row("active", Value::Integer(1)).flag("active"), Ok(true));
        assert_eq!(row("active", Value::Integer(0)).flag("active"), Ok(false));
        assert!(matches!(
            row("active", Value::Integer(2)).flag("active"),
            Err(DbError::ColumnType { column, .. }) if column == "active"
        ));
    }

    #[test]
    fn placeholders_number_rows_one_after_another() {
        assert_eq!(values_placeholders(2, 3, 2), "($2, $3, $4), ($5, $6, $7)");
        assert_eq!(values_placeholders(0, 3, 1), "");
    }

    #[test]
    fn a_full_statement_stays_within_the_parameter_limit() {
        assert!(rows_per_statement(7) * 7 <= MAX_PARAMETERS);
        assert!((rows_per_statement(7) + 1) * 7 > MAX_PARAMETERS);
    }
}
