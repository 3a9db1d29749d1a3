//! Spawns the native host on port 0 with a fresh database per test, on either engine.

use std::sync::Mutex;

use chrono::{DateTime, Utc};
use epece_tests::server::repository_root;
use epece_tests::{Clock, Host, HostConfig, RunningHost};
use reqwest::{Method, Response};
use serde::de::DeserializeOwned;
use serde_json::Value;
use shared::ErrorBody;

pub const DEMO_PASSWORD: &str = demo::DEMO_PASSWORD;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub host: RunningHost,
    pub clock: Clock,
    /// The browser most tests need; `browser()` opens more, each with its own cookies.
    browser: Browser,
    /// The test's own SQLite file and static folder, removed with the test.
    _scratch: tempfile::TempDir,
    /// The test's own PostgreSQL database, dropped with the test.
    _postgres: Option<PostgresDatabase>,
}

/// A test database on the shared PostgreSQL server. Dropped when the test ends, so a run
/// of the suite does not leave gigabytes of databases behind.
struct PostgresDatabase {
    server: String,
    name: String,
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        let server = std::mem::take(&mut self.server);
        let name = std::mem::take(&mut self.name);
        // Drop runs inside the test's runtime, which cannot block on a future; a thread
        // of its own with its own runtime can. FORCE ends the host's pooled connections.
        let dropped = std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime for dropping the test database")
                .block_on(async {
                    let mut admin =
                        <sqlx::PgConnection as sqlx::Connection>::connect(&server).await?;
                    sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )))
                    .execute(&mut admin)
                    .await
                    .map(drop)
                })
        })
        .join();
        if let Ok(Err(error)) = dropped {
            eprintln!("the test database could not be dropped: {error}");
        }
    }
}

/// One user agent: its own cookie jar (one session cookie), like a separate browser.
pub struct Browser {
    base_url: String,
    client: reqwest::Client,
    session_cookie: Mutex<Option<String>>,
}

impl std::ops::Deref for TestApp {
    type Target = Browser;

    fn deref(&self) -> &Browser {
        &self.browser
    }
}

/// A fresh PostgreSQL database on the server `EPECE_TEST_POSTGRES_URL` names, and its URL.
async fn fresh_postgres_database() -> (PostgresDatabase, String) {
    let server = std::env::var("EPECE_TEST_POSTGRES_URL").expect(
        "EPECE_TEST_POSTGRES_URL must name a PostgreSQL server for the PostgreSQL half of \
         the suite (the README's test command starts one)",
    );
    let name = format!("epece_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = <sqlx::PgConnection as sqlx::Connection>::connect(&server)
        .await
        .expect("the PostgreSQL test server accepts connections");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .expect("a test database can be created");
    let (base, _) = server.rsplit_once('/').expect("the URL names a database");
    let url = format!("{base}/{name}");
    (PostgresDatabase { server, name }, url)
}

impl TestApp {
    pub async fn spawn(engine: Engine) -> TestApp {
        Self::spawn_with(engine, true, Clock::default()).await
    }

    pub async fn spawn_at(engine: Engine, now: DateTime<Utc>) -> TestApp {
        Self::spawn_with(engine, true, Clock::fixed(now)).await
    }

    pub async fn spawn_with(engine: Engine, seed_demo: bool, clock: Clock) -> TestApp {
        let scratch = tempfile::tempdir().expect("a temporary folder");
        let (postgres, database_url) = match engine {
            Engine::Sqlite => (
                None,
                format!("sqlite://{}", scratch.path().join("test.db").display()),
            ),
            Engine::Postgres => {
                let (database, url) = fresh_postgres_database().await;
                (Some(database), url)
            }
        };
        let static_dir = scratch.path().join("dist");
        std::fs::create_dir_all(static_dir.join("assets")).expect("writable");
        std::fs::write(
            static_dir.join("index.html"),
            "<!doctype html><title>E-péče</title>",
        )
        .expect("writable");
        std::fs::write(
            static_dir.join("assets/app-0123456789.js"),
            "export default 1;",
        )
        .expect("writable");
        let host = Host::new(HostConfig {
            database_url,
            seed_demo,
            static_dir,
            manifest: repository_root().join("spin.toml"),
            clock: clock.clone(),
        })
        .await
        .expect("the host starts");
        let host = host
            .start(([127, 0, 0, 1], 0).into())
            .await
            .expect("the host binds a port");
        let browser = Browser::new(host.url(""));
        TestApp {
            host,
            clock,
            browser,
            _scratch: scratch,
            _postgres: postgres,
        }
    }

    /// Another browser on the same host, signed out.
    pub fn browser(&self) -> Browser {
        Browser::new(self.host.url(""))
    }

    /// A direct read of the test's database, for asserting on stored state.
    pub async fn scalar(&self, sql: &'static str) -> i64 {
        self.value(sql).await
    }

    /// A direct read of one text value of the test's database.
    pub async fn text(&self, sql: &'static str) -> String {
        self.value(sql).await
    }

    async fn value<T>(&self, sql: &'static str) -> T
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Sqlite>
            + sqlx::Type<sqlx::Sqlite>
            + for<'r> sqlx::Decode<'r, sqlx::Postgres>
            + sqlx::Type<sqlx::Postgres>
            + Send
            + Unpin,
    {
        match self.host.pool() {
            platform::sqlx_db::SqlxPool::Sqlite(pool, _) => {
                sqlx::query_scalar(sql).fetch_one(pool).await
            }
            platform::sqlx_db::SqlxPool::Postgres(pool) => {
                sqlx::query_scalar(sql).fetch_one(pool).await
            }
        }
        .expect("the query runs")
    }

    /// A direct write to the test's database, to arrange what no API route makes (a cap
    /// row, a month of past visits).
    pub async fn execute(&self, sql: &str) {
        let sql = sqlx::AssertSqlSafe(sql.to_owned());
        match self.host.pool() {
            platform::sqlx_db::SqlxPool::Sqlite(pool, _) => {
                sqlx::query(sql).execute(pool).await.map(drop)
            }
            platform::sqlx_db::SqlxPool::Postgres(pool) => {
                sqlx::query(sql).execute(pool).await.map(drop)
            }
        }
        .expect("the statement runs");
    }

    /// Puts a file into the built app the web component serves (`dist/` of a real build).
    pub fn write_static_file(&self, path: &str, contents: &[u8]) {
        let file = self._scratch.path().join("dist").join(path);
        std::fs::create_dir_all(file.parent().expect("a file in a folder")).expect("writable");
        std::fs::write(file, contents).expect("writable");
    }
}

impl Browser {
    fn new(base_url: String) -> Self {
        Self {
            base_url,
            client: reqwest::Client::new(),
            session_cookie: Mutex::new(None),
        }
    }

    /// Sends a request with the session cookie, if any; keeps a cookie the server sets.
    pub async fn send(&self, method: Method, path: &str, body: Option<Vec<u8>>) -> Response {
        let (name, value) = platform::APP_REQUEST_HEADER;
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base_url))
            .header(name, value);
        if let Some(cookie) = self.session_cookie.lock().expect("not poisoned").clone() {
            request = request.header("cookie", cookie);
        }
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(body);
        }
        let response = request.send().await.expect("the host answers");
        if let Some(set_cookie) = response.headers().get("set-cookie") {
            let pair = set_cookie
                .to_str()
                .expect("ASCII cookie")
                .split(';')
                .next()
                .unwrap_or_default()
                .to_owned();
            *self.session_cookie.lock().expect("not poisoned") = Some(pair);
        }
        response
    }

    pub async fn get(&self, path: &str) -> Response {
        self.send(Method::GET, path, None).await
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.send(Method::POST, path, Some(body.to_string().into_bytes()))
            .await
    }

    pub async fn post_raw(&self, path: &str, body: &[u8]) -> Response {
        self.send(Method::POST, path, Some(body.to_vec())).await
    }

    pub async fn login(&self, username: &str, password: &str) -> Response {
        self.post_json(
            "/api/auth/login",
            &serde_json::json!({"username": username, "password": password}),
        )
        .await
    }

    /// Signs in as a demo account, failing the test if that does not work.
    pub async fn login_as(&self, username: &str) {
        let response = self.login(username, DEMO_PASSWORD).await;
        assert_eq!(response.status(), 200, "demo login {username} works");
    }

    pub async fn put_json(&self, path: &str, body: &Value) -> Response {
        self.send(Method::PUT, path, Some(body.to_string().into_bytes()))
            .await
    }

    pub async fn patch_json(&self, path: &str, body: &Value) -> Response {
        self.send(Method::PATCH, path, Some(body.to_string().into_bytes()))
            .await
    }

    pub async fn delete(&self, path: &str) -> Response {
        self.send(Method::DELETE, path, None).await
    }
}

pub async fn json<T: DeserializeOwned>(response: Response) -> T {
    let text = response.text().await.expect("a body");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("unexpected body {text}: {e}"))
}

/// Asserts the one error shape, and returns it.
pub async fn error_of(response: Response, status: u16) -> ErrorBody {
    assert_eq!(response.status(), status);
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        content_type.starts_with("application/json"),
        "{content_type}"
    );
    let body: Value = json(response).await;
    let keys: Vec<&str> = body["error"]
        .as_object()
        .expect("an error object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["code", "field", "message"],
        "the error shape is fixed"
    );
    serde_json::from_value(body).expect("the shared error shape")
}

/// Generates each test once per engine: `sqlite::name` and `postgres::name`.
macro_rules! on_both_engines {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::helpers::Engine::Sqlite).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::helpers::Engine::Postgres).await;
                }
            )*
        }
    };
}
pub(crate) use on_both_engines;
