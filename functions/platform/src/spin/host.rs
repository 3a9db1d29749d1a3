//! The calls into Spin (spin-sdk 6, WASI preview 3): variables, the SQLite and PostgreSQL
//! connections, and the request and response glue. Only compiled into components.

use bytes::Bytes;
use http_body_util::BodyExt;
use spin_sdk::http::{FullBody, HeaderMap, HeaderName, HeaderValue, Request, StatusCode};
use spin_sdk::{pg, sqlite, variables};

use super::body::{BodyError, MAX_BODY_BYTES, read_bounded};
use super::rows::{HostRows, read_rows};
use crate::component::{Component, Settings, serve as serve_component};
use crate::db::{Database, DbError, Engine, Row, Value};
use crate::error::ApiError;
use crate::http::{ApiRequest, ApiResponse, Method};
use crate::sql::to_sqlite_placeholders;

/// The two Spin databases behind the port.
pub enum SpinDb {
    Sqlite(sqlite::Connection),
    Postgres(pg::Connection),
}

impl std::fmt::Debug for SpinDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SpinDb::Sqlite(_) => "SpinDb::Sqlite",
            SpinDb::Postgres(_) => "SpinDb::Postgres",
        })
    }
}

/// Spin variables, read once per request.
#[derive(Debug)]
pub struct SpinConfig {
    /// Set: PostgreSQL at this URL. Empty: Spin's embedded `default` SQLite database.
    pub database_url: Option<String>,
    pub settings: Settings,
}

impl SpinConfig {
    pub async fn from_variables() -> Self {
        let database_url = variables::get("database_url")
            .await
            .ok()
            .map(|url| url.trim().to_owned())
            .filter(|url| !url.is_empty());
        let demo_data = variables::get("demo_data").await.ok();
        let seed_demo = Settings::seed_demo_from(demo_data.as_deref(), database_url.is_none());
        Self {
            database_url,
            settings: Settings { seed_demo },
        }
    }
}

impl SpinDb {
    pub async fn open(config: &SpinConfig) -> Result<Self, DbError> {
        match &config.database_url {
            Some(url) => pg::Connection::open(url.as_str())
                .await
                .map(SpinDb::Postgres)
                .map_err(pg_error),
            None => {
                let connection = sqlite::Connection::open_default()
                    .await
                    .map_err(|e| DbError::Unavailable(format!("{e:?}")))?;
                let db = SpinDb::Sqlite(connection);
                // Spin opens a fresh SQLite connection per instance with no busy timeout:
                // without one, a second writer fails at once instead of waiting its turn.
                db.execute("PRAGMA busy_timeout = 5000", &[]).await?;
                Ok(db)
            }
        }
    }
}

fn sqlite_params(params: &[Value]) -> Vec<sqlite::Value> {
    params
        .iter()
        .map(|value| match value {
            Value::Null => sqlite::Value::Null,
            Value::Integer(number) => sqlite::Value::Integer(*number),
            Value::Real(number) => sqlite::Value::Real(*number),
            Value::Text(text) => sqlite::Value::Text(text.clone()),
        })
        .collect()
}

fn sqlite_error(error: sqlite::Error) -> DbError {
    match error {
        sqlite::Error::Io(message) => DbError::from_message(message),
        other => DbError::Unavailable(format!("{other:?}")),
    }
}

fn pg_params(params: &[Value]) -> Vec<pg::ParameterValue> {
    params
        .iter()
        .map(|value| match value {
            Value::Null => pg::ParameterValue::DbNull,
            Value::Integer(number) => pg::ParameterValue::Int64(*number),
            Value::Real(number) => pg::ParameterValue::Floating64(*number),
            Value::Text(text) => pg::ParameterValue::Str(text.clone()),
        })
        .collect()
}

/// PostgreSQL's code for a unique violation.
const UNIQUE_VIOLATION: &str = "23505";

fn pg_error(error: pg::Error) -> DbError {
    match error {
        pg::Error::PgError(pg::PgError::ConnectionFailed(message)) => DbError::Unavailable(message),
        pg::Error::PgError(pg::PgError::QueryFailed(pg::QueryError::DbError(error)))
            if error.code == UNIQUE_VIOLATION =>
        {
            DbError::UniqueViolation(error.as_text)
        }
        pg::Error::PgError(pg::PgError::QueryFailed(pg::QueryError::DbError(error))) => {
            DbError::from_message(error.as_text)
        }
        pg::Error::PgError(
            pg::PgError::QueryFailed(pg::QueryError::Text(message)) | pg::PgError::Other(message),
        ) => DbError::from_message(message),
        other => DbError::Statement(other.to_string()),
    }
}

impl HostRows for sqlite::QueryResult {
    type Cell = sqlite::Value;

    async fn next_row(&mut self) -> Option<Vec<sqlite::Value>> {
        self.next().await.map(|row| row.values)
    }

    async fn finish(self) -> Result<(), DbError> {
        self.result().await.map_err(sqlite_error)
    }

    fn value(cell: sqlite::Value, _column: &str) -> Result<Value, DbError> {
        Ok(match cell {
            sqlite::Value::Integer(number) => Value::Integer(number),
            sqlite::Value::Real(number) => Value::Real(number),
            sqlite::Value::Text(text) => Value::Text(text),
            sqlite::Value::Null | sqlite::Value::Blob(_) => Value::Null,
        })
    }
}

impl HostRows for pg::QueryResult {
    type Cell = pg::DbValue;

    async fn next_row(&mut self) -> Option<Vec<pg::DbValue>> {
        self.rows().next().await
    }

    async fn finish(self) -> Result<(), DbError> {
        self.result().await.map_err(pg_error)
    }

    fn value(cell: pg::DbValue, column: &str) -> Result<Value, DbError> {
        match cell {
            pg::DbValue::Int8(n) => Ok(Value::Integer(n.into())),
            pg::DbValue::Int16(n) => Ok(Value::Integer(n.into())),
            pg::DbValue::Int32(n) => Ok(Value::Integer(n.into())),
            pg::DbValue::Int64(n) => Ok(Value::Integer(n)),
            pg::DbValue::Boolean(b) => Ok(Value::Integer(b.into())),
            pg::DbValue::Floating32(n) => Ok(Value::Real(n.into())),
            pg::DbValue::Floating64(n) => Ok(Value::Real(n)),
            pg::DbValue::Str(text) => Ok(Value::Text(text)),
            pg::DbValue::DbNull => Ok(Value::Null),
            other => Err(DbError::ColumnType {
                column: column.to_owned(),
                expected: "integer, real or text",
                found: format!("{other:?}"),
            }),
        }
    }
}

impl Database for SpinDb {
    fn engine(&self) -> Engine {
        match self {
            SpinDb::Sqlite(_) => Engine::Sqlite,
            SpinDb::Postgres(_) => Engine::Postgres,
        }
    }

    async fn query(&self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        match self {
            SpinDb::Sqlite(connection) => {
                let result = connection
                    .execute(to_sqlite_placeholders(sql), sqlite_params(params))
                    .await
                    .map_err(sqlite_error)?;
                read_rows(result.columns().to_vec(), result).await
            }
            SpinDb::Postgres(connection) => {
                // Spin 4.0.0–4.0.2's synchronous `spin:postgres` query never returns when
                // the statement matches no rows (spinframework/spin#3671, fixed after
                // 4.0.2). This asynchronous interface (`spin:postgres@4.2.0`) does not take
                // that path: a released 4.0.2 answered `SELECT 1 WHERE false` with 0 rows.
                let result = connection
                    .query(sql, pg_params(params))
                    .await
                    .map_err(pg_error)?;
                let columns = result.columns().iter().map(|c| c.name.clone()).collect();
                read_rows(columns, result).await
            }
        }
    }

    async fn execute(&self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        match self {
            SpinDb::Sqlite(connection) => {
                let result = connection
                    .execute(to_sqlite_placeholders(sql), sqlite_params(params))
                    .await
                    .map_err(sqlite_error)?;
                // Drained and awaited to the end: an error is only reported there, and a
                // statement that returns rows (`PRAGMA busy_timeout`) must have them taken.
                result.collect().await.map_err(sqlite_error)?;
                Ok(connection.changes().await)
            }
            SpinDb::Postgres(connection) => connection
                .execute(sql, pg_params(params))
                .await
                .map_err(pg_error),
        }
    }
}

/// A Spin request as the pipeline sees it, its body read up to the cap; a body over the
/// cap is answered here, before routing, sign-in or the database.
pub async fn api_request(request: Request) -> Result<ApiRequest, ApiResponse> {
    let (parts, mut body) = request.into_parts();
    let path_and_query = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let mut api = ApiRequest::new(Method::parse(parts.method.as_str()), path_and_query);
    api.headers = parts
        .headers
        .iter()
        .filter_map(|(name, value)| Some((name.to_string(), value.to_str().ok()?.to_owned())))
        .collect();
    let next_chunk = async || loop {
        match body.frame().await? {
            // Trailers carry no body bytes.
            Ok(frame) => match frame.into_data() {
                Ok(data) => return Some(Ok(data)),
                Err(_) => continue,
            },
            Err(error) => return Some(Err(error)),
        }
    };
    api.body = read_bounded(api.header("content-length"), MAX_BODY_BYTES, next_chunk)
        .await
        .map_err(BodyError::into_response)?;
    Ok(api)
}

/// A response as the SDK's `#[http_service]` glue takes it.
pub type SpinResponse = (StatusCode, HeaderMap, FullBody<Bytes>);

/// A pipeline response as Spin sends it.
pub fn spin_response(response: ApiResponse) -> SpinResponse {
    let status = StatusCode::from_u16(response.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut headers = HeaderMap::new();
    for (name, value) in response.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::try_from(name.as_str()),
            HeaderValue::try_from(value.as_str()),
        ) {
            headers.append(name, value);
        }
    }
    (status, headers, FullBody::new(Bytes::from(response.body)))
}

/// A component's whole entry point: variables, database, pipeline.
pub async fn serve<C: Component>(request: Request) -> SpinResponse {
    let request = match api_request(request).await {
        Ok(request) => request,
        Err(refused) => return spin_response(refused),
    };
    let config = SpinConfig::from_variables().await;
    let response = match SpinDb::open(&config).await {
        Ok(db) => {
            serve_component::<C, SpinDb>(&request, &db, config.settings, chrono::Utc::now()).await
        }
        Err(error) => ApiError::Database(error).into_response(),
    };
    spin_response(response)
}
