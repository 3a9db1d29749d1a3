//! The schema is applied by the first requests, exactly once, on both engines.

use std::sync::Arc;

use epece_tests::Clock;
use tokio::task::JoinSet;

use crate::helpers::{Engine, TestApp, on_both_engines};

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
        i64::try_from(platform::migrate::MIGRATIONS.len()).expect("a handful of migrations")
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
