//! The native adapter: sqlx over SQLite or PostgreSQL, for the test host and tools.
//! Each request holds one pooled connection, as a Spin component holds one per instance.

use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgArgumentBuffer, PgPool, PgPoolOptions, PgTypeInfo, Postgres};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{AssertSqlSafe, Column, Row as _, Sqlite, TypeInfo, ValueRef};
use tokio::sync::{Mutex, OwnedMutexGuard};

use crate::db::{Database, DbError, Engine, Row, Value};
use crate::sql::to_sqlite_placeholders;

/// A pool for either engine, chosen by the URL's scheme.
#[derive(Debug, Clone)]
pub enum SqlxPool {
    Sqlite(SqlitePool, WriteQueue),
    Postgres(PgPool),
}

/// SQLite has a single writer. The writers of this process take turns here, first come
/// first served, rather than in SQLite's busy handler, which retries after sleeping 1, 2,
/// 5 … up to 100 ms: with every audited read a write, those sleeps were the slow tail of
/// every request. A statement that writes holds the turn while it runs; a transaction
/// (always `BEGIN IMMEDIATE`, a write) from `BEGIN` to `COMMIT` or `ROLLBACK`. Another
/// process writing the same file still meets the busy handler.
#[derive(Debug, Clone, Default)]
pub struct WriteQueue(Arc<Mutex<()>>);

impl WriteQueue {
    async fn turn(&self) -> OwnedMutexGuard<()> {
        self.0.clone().lock_owned().await
    }
}

/// Whether a statement may write: everything but a plain `SELECT`.
fn writes(sql: &str) -> bool {
    !first_keyword(sql).eq_ignore_ascii_case("SELECT")
}

fn first_keyword(sql: &str) -> &str {
    sql.split_whitespace().next().unwrap_or_default()
}

impl SqlxPool {
    /// `sqlite://path/to/file.db` (created when missing) or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await
                .map_err(to_db_error)?;
            return Ok(SqlxPool::Postgres(pool));
        }
        // In write-ahead-log mode `NORMAL` keeps the file consistent through any crash, and a
        // crash of the process loses nothing; a commit no longer waits for the disk, so the
        // single writer is held for microseconds rather than a flush per audited read. What
        // the operating system had not written when the machine lost power may be lost.
        let options = SqliteConnectOptions::from_str(url)
            .map_err(to_db_error)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .map_err(to_db_error)?;
        Ok(SqlxPool::Sqlite(pool, WriteQueue::default()))
    }

    /// One connection for one request.
    pub async fn acquire(&self) -> Result<SqlxDb, DbError> {
        let (engine, connection, writes) = match self {
            SqlxPool::Sqlite(pool, writes) => (
                Engine::Sqlite,
                Connection::Sqlite(pool.acquire().await.map_err(to_db_error)?),
                Some(writes.clone()),
            ),
            SqlxPool::Postgres(pool) => (
                Engine::Postgres,
                Connection::Postgres(pool.acquire().await.map_err(to_db_error)?),
                None,
            ),
        };
        Ok(SqlxDb {
            engine,
            connection: Mutex::new(connection),
            in_transaction: std::sync::atomic::AtomicBool::new(false),
            statements: None,
            writes,
            transaction_turn: std::sync::Mutex::new(None),
        })
    }

    pub async fn close(&self) {
        match self {
            SqlxPool::Sqlite(pool, _) => pool.close().await,
            SqlxPool::Postgres(pool) => pool.close().await,
        }
    }
}

/// How many statements went through the port: shared by the connections a host hands out,
/// so a test can tell how many statements one request ran.
#[derive(Debug, Clone, Default)]
pub struct StatementCounter(Arc<AtomicU64>);

impl StatementCounter {
    pub fn count(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    fn add_one(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

#[derive(Debug)]
enum Connection {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

/// One pooled connection behind the database port.
#[derive(Debug)]
pub struct SqlxDb {
    engine: Engine,
    connection: Mutex<Connection>,
    /// A connection dropped inside a transaction is closed, never handed to the next request.
    in_transaction: std::sync::atomic::AtomicBool,
    statements: Option<StatementCounter>,
    /// SQLite's queue of writers; none on PostgreSQL, whose writers do not exclude each other.
    writes: Option<WriteQueue>,
    /// The turn an open transaction holds until it ends.
    transaction_turn: std::sync::Mutex<Option<OwnedMutexGuard<()>>>,
}

impl SqlxDb {
    /// Counts every statement this connection runs in `counter`.
    pub fn counted_by(mut self, counter: &StatementCounter) -> Self {
        self.statements = Some(counter.clone());
        self
    }

    fn count_statement(&self) {
        if let Some(counter) = &self.statements {
            counter.add_one();
        }
    }

    fn holds_transaction_turn(&self) -> bool {
        self.transaction_turn
            .lock()
            .map(|turn| turn.is_some())
            .unwrap_or(false)
    }

    /// The writer's turn `sql` needs for itself: SQLite, a statement that writes, outside a
    /// transaction (whose turn is held from `BEGIN`).
    async fn statement_turn(&self, sql: &str) -> Option<OwnedMutexGuard<()>> {
        let queue = self.writes.as_ref()?;
        if writes(sql) && !self.holds_transaction_turn() {
            Some(queue.turn().await)
        } else {
            None
        }
    }

    fn keep_transaction_turn(&self, turn: Option<OwnedMutexGuard<()>>) {
        if let Ok(mut held) = self.transaction_turn.lock() {
            *held = turn;
        }
    }
}

impl Drop for SqlxDb {
    fn drop(&mut self) {
        if *self.in_transaction.get_mut() {
            match self.connection.get_mut() {
                Connection::Sqlite(connection) => connection.close_on_drop(),
                Connection::Postgres(connection) => connection.close_on_drop(),
            }
        }
    }
}

/// A NULL whose type PostgreSQL infers from the statement, as Spin's driver sends it.
struct UntypedNull;

impl sqlx::Type<Postgres> for UntypedNull {
    fn type_info() -> PgTypeInfo {
        PgTypeInfo::with_oid(sqlx::postgres::types::Oid(0))
    }
}

impl sqlx::Encode<'_, Postgres> for UntypedNull {
    fn encode_by_ref(
        &self,
        _buf: &mut PgArgumentBuffer,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        Ok(sqlx::encode::IsNull::Yes)
    }
}

fn to_db_error(error: sqlx::Error) -> DbError {
    match &error {
        sqlx::Error::Database(database) if database.is_unique_violation() => {
            DbError::UniqueViolation(database.message().to_owned())
        }
        sqlx::Error::Database(database) => DbError::Statement(database.message().to_owned()),
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Configuration(_) => DbError::Unavailable(error.to_string()),
        _ => DbError::Statement(error.to_string()),
    }
}

fn unsupported(column: &str, type_name: &str) -> DbError {
    DbError::ColumnType {
        column: column.to_owned(),
        expected: "integer, real or text (cast NUMERIC to BIGINT in SQL)",
        found: type_name.to_owned(),
    }
}

fn collect_row(
    columns: &Arc<[String]>,
    value_at: impl Fn(usize, &str) -> Result<Value, DbError>,
) -> Result<Row, DbError> {
    let values = columns
        .iter()
        .enumerate()
        .map(|(index, column)| value_at(index, column))
        .collect::<Result<_, _>>()?;
    Ok(Row::new(columns.clone(), values))
}

fn sqlite_value(
    row: &sqlx::sqlite::SqliteRow,
    index: usize,
    column: &str,
) -> Result<Value, DbError> {
    let raw = row.try_get_raw(index).map_err(to_db_error)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    // SQLite reports each value's storage class, whatever the column was declared as.
    let value = match raw.type_info().name() {
        "INTEGER" | "BOOLEAN" | "INT8" | "BIGINT" => {
            Value::Integer(row.try_get_unchecked(index).map_err(to_db_error)?)
        }
        "REAL" => Value::Real(row.try_get_unchecked(index).map_err(to_db_error)?),
        "TEXT" => Value::Text(row.try_get_unchecked(index).map_err(to_db_error)?),
        other => return Err(unsupported(column, other)),
    };
    Ok(value)
}

fn postgres_value(
    row: &sqlx::postgres::PgRow,
    index: usize,
    column: &str,
) -> Result<Value, DbError> {
    let raw = row.try_get_raw(index).map_err(to_db_error)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    let value = match raw.type_info().name() {
        "INT8" => Value::Integer(row.try_get::<i64, _>(index).map_err(to_db_error)?),
        "INT4" => Value::Integer(row.try_get::<i32, _>(index).map_err(to_db_error)?.into()),
        "INT2" => Value::Integer(row.try_get::<i16, _>(index).map_err(to_db_error)?.into()),
        "BOOL" => Value::Integer(row.try_get::<bool, _>(index).map_err(to_db_error)?.into()),
        "FLOAT8" => Value::Real(row.try_get::<f64, _>(index).map_err(to_db_error)?),
        "FLOAT4" => Value::Real(row.try_get::<f32, _>(index).map_err(to_db_error)?.into()),
        "TEXT" | "VARCHAR" | "BPCHAR" | "NAME" => {
            Value::Text(row.try_get::<String, _>(index).map_err(to_db_error)?)
        }
        "VOID" => Value::Null,
        other => return Err(unsupported(column, other)),
    };
    Ok(value)
}

fn column_names<R: sqlx::Row>(rows: &[R]) -> Arc<[String]> {
    rows.first()
        .map(|row| row.columns().iter().map(|c| c.name().to_owned()).collect())
        .unwrap_or_else(|| Arc::from(Vec::new()))
}

macro_rules! bind_all {
    ($query:expr, $params:expr, $null:expr) => {{
        let mut query = $query;
        for param in $params {
            query = match param {
                Value::Null => query.bind($null),
                Value::Integer(number) => query.bind(*number),
                Value::Real(number) => query.bind(*number),
                Value::Text(text) => query.bind(text.clone()),
            };
        }
        query
    }};
}

impl Database for SqlxDb {
    fn engine(&self) -> Engine {
        self.engine
    }

    async fn query(&self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        self.count_statement();
        let _turn = self.statement_turn(sql).await;
        let mut connection = self.connection.lock().await;
        match &mut *connection {
            Connection::Sqlite(connection) => {
                let query = sqlx::query(AssertSqlSafe(to_sqlite_placeholders(sql)));
                let rows = bind_all!(query, params, Option::<String>::None)
                    .fetch_all(&mut **connection)
                    .await
                    .map_err(to_db_error)?;
                let columns = column_names(&rows);
                rows.iter()
                    .map(|row| {
                        collect_row(&columns, |index, column| sqlite_value(row, index, column))
                    })
                    .collect()
            }
            Connection::Postgres(connection) => {
                let query = sqlx::query(AssertSqlSafe(sql.to_owned()));
                let rows = bind_all!(query, params, UntypedNull)
                    .fetch_all(&mut **connection)
                    .await
                    .map_err(to_db_error)?;
                let columns = column_names(&rows);
                rows.iter()
                    .map(|row| {
                        collect_row(&columns, |index, column| postgres_value(row, index, column))
                    })
                    .collect()
            }
        }
    }

    async fn execute(&self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        self.count_statement();
        let keyword = first_keyword(sql);
        let ordering = std::sync::atomic::Ordering::Relaxed;
        let begins = keyword.eq_ignore_ascii_case("BEGIN");
        let ends =
            keyword.eq_ignore_ascii_case("COMMIT") || keyword.eq_ignore_ascii_case("ROLLBACK");
        let turn = if begins || ends {
            None
        } else {
            self.statement_turn(sql).await
        };
        if begins {
            if let Some(queue) = &self.writes {
                self.keep_transaction_turn(Some(queue.turn().await));
            }
            // Marked before it runs: a request dropped while BEGIN waits for SQLite's write
            // lock (a client that gave up) must not hand the pool a connection that is
            // inside a transaction once BEGIN completes.
            self.in_transaction.store(true, ordering);
        }
        let mut connection = self.connection.lock().await;
        let changed = match &mut *connection {
            Connection::Sqlite(connection) => {
                let query = sqlx::query(AssertSqlSafe(to_sqlite_placeholders(sql)));
                bind_all!(query, params, Option::<String>::None)
                    .execute(&mut **connection)
                    .await
                    .map(|done| done.rows_affected())
            }
            Connection::Postgres(connection) => {
                let query = sqlx::query(AssertSqlSafe(sql.to_owned()));
                bind_all!(query, params, UntypedNull)
                    .execute(&mut **connection)
                    .await
                    .map(|done| done.rows_affected())
            }
        }
        .map_err(to_db_error);
        drop(connection);
        drop(turn);
        if begins && changed.is_err() {
            self.keep_transaction_turn(None);
        }
        let changed = changed?;
        if ends {
            self.in_transaction.store(false, ordering);
            self.keep_transaction_turn(None);
        }
        Ok(changed)
    }
}
