//! The Spin side: Spin variables, the Spin SQLite and PostgreSQL adapters, and the glue
//! from a Spin request to the shared pipeline. Only compiled into components.

use spin_sdk::http::{Method as SpinMethod, Request, Response};
use spin_sdk::{pg3, sqlite, variables};

use crate::component::{Component, Settings, serve as serve_component};
use crate::db::{Database, DbError, Engine, Row, Value};
use crate::error::ApiError;
use crate::http::{ApiRequest, ApiResponse, Method};
use crate::sql::to_sqlite_placeholders;

/// The two Spin databases behind the port.
pub enum SpinDb {
    Sqlite(sqlite::Connection),
    Postgres(pg3::Connection),
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
    pub fn from_variables() -> Self {
        let database_url = variables::get("database_url")
            .ok()
            .map(|url| url.trim().to_owned())
            .filter(|url| !url.is_empty());
        let demo_data = variables::get("demo_data").ok();
        let seed_demo = Settings::seed_demo_from(demo_data.as_deref(), database_url.is_none());
        Self {
            database_url,
            settings: Settings { seed_demo },
        }
    }
}

impl SpinDb {
    pub fn open(config: &SpinConfig) -> Result<Self, DbError> {
        match &config.database_url {
            Some(url) => pg3::Connection::open(url)
                .map(SpinDb::Postgres)
                .map_err(|e| DbError::Unavailable(format!("{e:?}"))),
            None => {
                let connection = sqlite::Connection::open_default()
                    .map_err(|e| DbError::Unavailable(format!("{e:?}")))?;
                let db = SpinDb::Sqlite(connection);
                // Spin opens a fresh SQLite connection per instance with no busy timeout:
                // without one, a second writer fails at once instead of waiting its turn.
                db.sqlite_execute("PRAGMA busy_timeout = 5000", &[])?;
                Ok(db)
            }
        }
    }

    fn sqlite_execute(&self, sql: &str, params: &[Value]) -> Result<sqlite::QueryResult, DbError> {
        let SpinDb::Sqlite(connection) = self else {
            return Err(DbError::Statement("not a SQLite connection".into()));
        };
        let params: Vec<sqlite::Value> = params
            .iter()
            .map(|value| match value {
                Value::Null => sqlite::Value::Null,
                Value::Integer(number) => sqlite::Value::Integer(*number),
                Value::Real(number) => sqlite::Value::Real(*number),
                Value::Text(text) => sqlite::Value::Text(text.clone()),
            })
            .collect();
        connection
            .execute(&to_sqlite_placeholders(sql), &params)
            .map_err(|error| match error {
                sqlite::Error::Io(message) => DbError::from_message(message),
                other => DbError::Unavailable(format!("{other:?}")),
            })
    }
}

fn pg_params(params: &[Value]) -> Vec<pg3::ParameterValue> {
    params
        .iter()
        .map(|value| match value {
            Value::Null => pg3::ParameterValue::DbNull,
            Value::Integer(number) => pg3::ParameterValue::Int64(*number),
            Value::Real(number) => pg3::ParameterValue::Floating64(*number),
            Value::Text(text) => pg3::ParameterValue::Str(text.clone()),
        })
        .collect()
}

fn pg_error(error: pg3::PgError) -> DbError {
    match error {
        pg3::PgError::ConnectionFailed(message) => DbError::Unavailable(message),
        pg3::PgError::QueryFailed(message) | pg3::PgError::Other(message) => {
            DbError::from_message(message)
        }
        other => DbError::Statement(format!("{other:?}")),
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
            SpinDb::Sqlite(_) => {
                let result = self.sqlite_execute(sql, params)?;
                let columns: std::sync::Arc<[String]> = result.columns.into();
                Ok(result
                    .rows
                    .into_iter()
                    .map(|row| {
                        let values = row
                            .values
                            .into_iter()
                            .map(|value| match value {
                                sqlite::Value::Integer(number) => Value::Integer(number),
                                sqlite::Value::Real(number) => Value::Real(number),
                                sqlite::Value::Text(text) => Value::Text(text),
                                sqlite::Value::Null | sqlite::Value::Blob(_) => Value::Null,
                            })
                            .collect();
                        Row::new(columns.clone(), values)
                    })
                    .collect())
            }
            SpinDb::Postgres(connection) => {
                let result = connection
                    .query(sql, &pg_params(params))
                    .map_err(pg_error)?;
                let columns: std::sync::Arc<[String]> =
                    result.columns.iter().map(|c| c.name.clone()).collect();
                result
                    .rows
                    .into_iter()
                    .map(|row| {
                        let values = row
                            .into_iter()
                            .zip(columns.iter())
                            .map(|(value, column)| match value {
                                pg3::DbValue::Int16(n) => Ok(Value::Integer(n.into())),
                                pg3::DbValue::Int32(n) => Ok(Value::Integer(n.into())),
                                pg3::DbValue::Int64(n) => Ok(Value::Integer(n)),
                                pg3::DbValue::Boolean(b) => Ok(Value::Integer(b.into())),
                                pg3::DbValue::Floating32(n) => Ok(Value::Real(n.into())),
                                pg3::DbValue::Floating64(n) => Ok(Value::Real(n)),
                                pg3::DbValue::Str(text) => Ok(Value::Text(text)),
                                pg3::DbValue::DbNull => Ok(Value::Null),
                                other => Err(DbError::ColumnType {
                                    column: column.clone(),
                                    expected: "integer, real or text",
                                    found: format!("{other:?}"),
                                }),
                            })
                            .collect::<Result<_, _>>()?;
                        Ok(Row::new(columns.clone(), values))
                    })
                    .collect()
            }
        }
    }

    async fn execute(&self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        match self {
            SpinDb::Sqlite(_) => {
                self.sqlite_execute(sql, params)?;
                // Spin's SQLite interface does not report changed rows; the connection does.
                let changed = self.sqlite_execute("SELECT changes()", &[])?;
                match changed.rows.first().and_then(|row| row.values.first()) {
                    Some(sqlite::Value::Integer(count)) => {
                        u64::try_from(*count).map_err(|_| DbError::ColumnType {
                            column: "changes()".into(),
                            expected: "a count of rows",
                            found: count.to_string(),
                        })
                    }
                    _ => Err(DbError::MissingColumn("changes()".into())),
                }
            }
            SpinDb::Postgres(connection) => connection
                .execute(sql, &pg_params(params))
                .map_err(pg_error),
        }
    }
}

fn method(method: &SpinMethod) -> Method {
    match method {
        SpinMethod::Get => Method::Get,
        SpinMethod::Head => Method::Head,
        SpinMethod::Post => Method::Post,
        SpinMethod::Put => Method::Put,
        SpinMethod::Delete => Method::Delete,
        SpinMethod::Options => Method::Options,
        SpinMethod::Patch => Method::Patch,
        _ => Method::Other,
    }
}

/// A Spin request as the pipeline sees it.
pub fn api_request(request: Request) -> ApiRequest {
    let mut api = ApiRequest::new(
        method(request.method()),
        request.path_and_query().unwrap_or("/"),
    );
    api.headers = request
        .headers()
        .filter_map(|(name, value)| Some((name.to_owned(), value.as_str()?.to_owned())))
        .collect();
    api.body = request.into_body();
    api
}

/// A pipeline response as Spin sends it.
pub fn spin_response(response: ApiResponse) -> Response {
    let mut builder = Response::builder();
    builder.status(response.status);
    for (name, value) in response.headers {
        builder.header(name, value);
    }
    builder.body(response.body).build()
}

/// A component's whole entry point: variables, database, pipeline.
pub async fn serve<C: Component>(request: Request) -> Response {
    let config = SpinConfig::from_variables();
    let request = api_request(request);
    let response = match SpinDb::open(&config) {
        Ok(db) => {
            serve_component::<C, SpinDb>(&request, &db, config.settings, chrono::Utc::now()).await
        }
        Err(error) => ApiError::Database(error).into_response(),
    };
    spin_response(response)
}
