//! The schema is applied by the first requests, exactly once, on both engines.

use std::sync::Arc;

use epece_tests::Clock;
use tokio::task::JoinSet;

use crate::helpers::{Engine, TestApp, on_both_engines};

/// The versions of the `.sql` files in `migrations/` (a pair of files, one per engine,
/// is one version), counted from the folder, not from the embedded list.
fn migration_count() -> i64 {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../migrations");
    let versions: std::collections::BTreeSet<String> = std::fs::read_dir(folder)
        .expect("the migrations folder")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?.to_owned();
            name.ends_with(".sql")
                .then(|| name.split('_').next().unwrap_or_default().to_owned())
        })
        .collect();
    i64::try_from(versions.len()).expect("a small number")
}

async fn many_first_requests_at_once_apply_the_schema_exactly_once(engine: Engine) {
    let app = Arc::new(TestApp::spawn(engine).await);
    let mut requests = JoinSet::new();
    for path in [
        "/api/auth/me",
        "/api/records/tasks",
        "/api/training/centres",
    ]
    .repeat(8)
    {
        let app = app.clone();
        requests.spawn(async move { app.get(path).await.status().as_u16() });
    }
    let statuses = requests.join_all().await;
    assert!(statuses.iter().all(|status| *status == 401), "{statuses:?}");
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM schema_migrations").await,
        migration_count()
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM providers").await,
        2,
        "seeded once"
    );
    assert_eq!(app.scalar("SELECT COUNT(*) FROM care_tasks").await, 20);
}

async fn the_demo_data_is_only_seeded_when_asked(engine: Engine) {
    let app = TestApp::spawn_with(engine, false, Clock::default()).await;
    assert_eq!(
        app.login("pecovatelka.decin", "demo1234").await.status(),
        401
    );
    assert_eq!(app.scalar("SELECT COUNT(*) FROM users").await, 0);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM municipalities").await, 354);
}

async fn the_demo_places_providers_on_real_municipalities(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.get("/api/auth/me").await;
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM providers p JOIN municipalities m ON m.code = p.municipality_code"
        )
        .await,
        2
    );
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM clients c JOIN municipalities m ON m.code = c.municipality_code \
             WHERE ABS(c.latitude - m.latitude) < 0.01 AND ABS(c.longitude - m.longitude) < 0.01"
        )
        .await,
        10,
        "each client lives near the centre of their municipality"
    );
}

on_both_engines!(
    many_first_requests_at_once_apply_the_schema_exactly_once,
    the_demo_data_is_only_seeded_when_asked,
    the_demo_places_providers_on_real_municipalities,
);

/// On SQLite the native host's writers take turns in its own queue: a write held up by a
/// transaction goes on as soon as that commits, not when SQLite's busy handler wakes from a
/// sleep (which grows to 100 ms between tries and was the slow tail of audited reads).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_sqlite_a_write_held_up_by_a_transaction_goes_on_as_soon_as_it_commits() {
    use platform::Database;
    use std::time::{Duration, Instant};

    let folder = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite://{}", folder.path().join("queue.db").display());
    let pool = platform::sqlx_db::SqlxPool::connect(&url)
        .await
        .expect("sqlite");
    let first = pool.acquire().await.expect("a connection");
    first
        .execute("CREATE TABLE t (x INTEGER)", &[])
        .await
        .expect("a table");
    first.begin().await.expect("a transaction");
    first
        .execute("INSERT INTO t VALUES (1)", &[])
        .await
        .expect("a write");
    let second = pool.acquire().await.expect("another connection");
    let held_up = tokio::spawn(async move {
        second
            .execute("INSERT INTO t VALUES (2)", &[])
            .await
            .expect("the second write");
        Instant::now()
    });
    // Long enough for the busy handler to be between two of its longer sleeps (it tries
    // again 228 and 328 ms after its first try).
    tokio::time::sleep(Duration::from_millis(240)).await;
    first.commit().await.expect("committed");
    let committed = Instant::now();
    let written = held_up.await.expect("the second write ends");
    let waited = written.saturating_duration_since(committed);
    assert!(
        waited < Duration::from_millis(60),
        "the second write went on {waited:?} after the commit"
    );
}
