//! Hardening: what a probe of the running demo found, each with the test that holds it.

use serde_json::{Value, json};
use shared::identity::DemoStatus;
use shared::records::sync::RecordState;
use shared::records::{ConflictView, SyncItemResult, SyncOutcome, SyncResponse, VisitRecords};

use crate::helpers::{Engine, TestApp, error_of, json, on_both_engines};

const NOW: &str = "2026-11-23T07:00:00Z";

async fn demo_at_now(engine: Engine, username: &str) -> TestApp {
    let app = TestApp::spawn_at(engine, NOW.parse().expect("an instant")).await;
    app.login_as(username).await;
    app
}

/// `base` with the keys of `change` replaced.
fn with(base: &Value, change: Value) -> Value {
    let mut body = base.clone();
    for (key, value) in change.as_object().expect("an object") {
        body[key] = value.clone();
    }
    body
}

/// Sends each bad body and expects 400 naming the field; then the good body passes.
async fn refused_field_by_field(
    app: &TestApp,
    path: &str,
    good: &Value,
    cases: Vec<(Value, &str)>,
    created: u16,
) {
    for (change, field) in cases {
        let body = with(good, change.clone());
        let error = error_of(app.post_json(path, &body).await, 400).await;
        assert_eq!(error.error.field.as_deref(), Some(field), "{change}");
    }
    assert_eq!(app.post_json(path, good).await.status(), created, "{good}");
}

fn many(count: usize) -> Value {
    Value::Array((0..count).map(|n| json!(format!("x{n}"))).collect())
}

async fn duplicate_tasks_and_wild_dates_of_a_visit_are_refused_with_the_field(engine: Engine) {
    let app = demo_at_now(engine, "koordinator.decin").await;
    let visit = json!({
        "client_id": "cl-d2", "starts_at": "2026-11-23T13:00:00Z", "duration_minutes": 20,
        "tasks": ["c2"], "reason": "mimořádná návštěva"
    });
    refused_field_by_field(
        &app,
        "/api/schedule/visits",
        &visit,
        vec![
            (json!({"tasks": ["b1", "b1"]}), "tasks"),
            (json!({"tasks": many(101)}), "tasks"),
            (json!({"starts_at": "+262142-01-01T00:00:00Z"}), "starts_at"),
            (json!({"starts_at": "0001-01-01T00:00:00Z"}), "starts_at"),
        ],
        201,
    )
    .await;
}

async fn duplicate_tasks_and_wild_dates_of_a_template_are_refused_with_the_field(engine: Engine) {
    let app = demo_at_now(engine, "koordinator.decin").await;
    let template = json!({
        "client_id": "cl-d1", "weekdays": [1], "window_start": "10:00", "window_end": "10:30",
        "duration_minutes": 30, "tasks": ["b1"], "caregivers_needed": 1, "valid_from": "2026-11-01"
    });
    refused_field_by_field(
        &app,
        "/api/schedule/templates",
        &template,
        vec![
            (json!({"tasks": ["b1", "a2", "b1"]}), "tasks"),
            (json!({"required_skills": many(101)}), "required_skills"),
            (json!({"valid_from": "0001-01-01"}), "valid_from"),
            (json!({"valid_to": "9999-12-31"}), "valid_to"),
        ],
        201,
    )
    .await;
    // The week still generates: nothing with duplicates was stored.
    let response = app
        .post_json("/api/schedule/week/2026-11-23/generate", &json!({}))
        .await;
    assert!(response.status().is_success(), "{}", response.status());
}

async fn absences_profiles_and_clients_are_bounded_with_the_field(engine: Engine) {
    let app = demo_at_now(engine, "vedouci.decin").await;
    let absence = json!({"from": "2026-12-01", "to": "2026-12-02", "reason": "dovolená"});
    refused_field_by_field(
        &app,
        "/api/schedule/caregivers/user-pecovatel.decin/absences",
        &absence,
        vec![
            (json!({"from": "0000-01-01"}), "from"),
            (json!({"to": "9999-12-31"}), "to"),
        ],
        201,
    )
    .await;
    let shift = json!({"weekday": 1, "start": "07:00", "end": "15:00"});
    let profile = |change: Value| {
        with(
            &json!({"skills": ["řidič"], "shifts": [shift.clone()]}),
            change,
        )
    };
    for (change, field) in [
        (json!({"skills": many(101)}), "skills"),
        (
            json!({"shifts": Value::Array(vec![shift.clone(); 101])}),
            "shifts",
        ),
    ] {
        let response = app
            .put_json(
                "/api/schedule/caregivers/user-pecovatel.decin/profile",
                &profile(change),
            )
            .await;
        assert_eq!(
            error_of(response, 400).await.error.field.as_deref(),
            Some(field)
        );
    }
    let contact = json!({"name": "Jana Dcerová", "relation": "dcera", "phone": "+420 777 000 000"});
    let client = json!({
        "name": "Klient Meze", "street": "Dlouhá 1", "municipality_code": "562335",
        "service_from": "2026-11-01"
    });
    refused_field_by_field(
        &app,
        "/api/schedule/clients",
        &client,
        vec![
            (json!({"service_from": "0000-01-01"}), "service_from"),
            (json!({"service_to": "9999-12-31"}), "service_to"),
            (
                json!({"contacts": Value::Array(vec![contact; 101])}),
                "contacts",
            ),
        ],
        201,
    )
    .await;
}

async fn a_visit_moved_to_a_wild_date_is_refused_with_the_field(engine: Engine) {
    let app = demo_at_now(engine, "koordinator.decin").await;
    for starts_at in ["+262142-01-01T00:00:00Z", "9999-12-31T23:00:00Z"] {
        let response = app
            .patch_json(
                "/api/schedule/visits/visit-2026-11-23-00",
                &json!({"starts_at": starts_at, "reason": "posun"}),
            )
            .await;
        assert_eq!(
            error_of(response, 400).await.error.field.as_deref(),
            Some("starts_at"),
            "{starts_at}"
        );
    }
}

/// An outbox item for a demo visit on 23 November 2026, with its times.
fn record_item(visit_id: &str, arrived_at: &str, left_at: &str, recorded_at: &str) -> Value {
    json!({
        "record_id": uuid::Uuid::new_v4().to_string(),
        "device_id": "telefon",
        "visit_id": visit_id,
        "recorded_at": recorded_at,
        "planned_starts_at": "2026-11-22T06:30:00Z",
        "clock_arrived_at": arrived_at,
        "clock_left_at": left_at,
        "arrived_at": arrived_at,
        "left_at": left_at,
        "tasks": [{"task_code": "b1"}],
    })
}

async fn sync_one(browser: &crate::helpers::Browser, item: Value) -> SyncItemResult {
    let response = browser
        .post_json("/api/records/sync", &json!({ "items": [item] }))
        .await;
    assert_eq!(response.status(), 200);
    let mut answer: SyncResponse = json(response).await;
    answer.results.remove(0)
}

/// Yesterday's first demo visit of Jana (07:30 Prague = 06:30 UTC), recorded in the demo.
const RECORDED_VISIT: &str = "visit-2026-11-22-00";

async fn a_backdated_offline_record_is_refused_and_the_real_one_stays_accepted(engine: Engine) {
    let app = demo_at_now(engine, "pecovatelka.decin").await;
    for (item, field) in [
        (
            record_item(
                RECORDED_VISIT,
                "2001-01-01T06:30:00Z",
                "2001-01-01T07:30:00Z",
                "2001-01-01T07:31:00Z",
            ),
            "arrived_at",
        ),
        (
            record_item(
                RECORDED_VISIT,
                "2026-11-22T06:30:00Z",
                "2026-11-22T07:30:00Z",
                "2001-01-01T07:31:00Z",
            ),
            "recorded_at",
        ),
    ] {
        let result = sync_one(&app, item).await;
        assert_eq!(result.outcome, SyncOutcome::Rejected, "{result:?}");
        assert_eq!(result.error.and_then(|e| e.field).as_deref(), Some(field));
    }
    let coordinator = app.browser();
    coordinator.login_as("koordinator.decin").await;
    let visit: VisitRecords = json(
        coordinator
            .get(&format!("/api/records/visits/{RECORDED_VISIT}"))
            .await,
    )
    .await;
    assert_eq!(visit.records.len(), 1, "nothing was added");
    assert_eq!(visit.records[0].state, RecordState::Accepted);
}

async fn a_record_of_a_caregiver_taken_off_never_displaces_the_assigned_ones_and_the_coordinator_sees_it(
    engine: Engine,
) {
    let app = demo_at_now(engine, "koordinator.decin").await;
    // Today's 07:30 visit of Jana: Martin joins, then is taken off again.
    let visit = "visit-2026-11-23-00";
    for (caregivers, reason) in [
        (
            json!(["user-pecovatelka.decin", "user-pecovatel.decin"]),
            "ve dvou",
        ),
        (json!(["user-pecovatelka.decin"]), "Martin stačí jinde"),
    ] {
        let response = app
            .patch_json(
                &format!("/api/schedule/visits/{visit}"),
                &json!({"caregiver_ids": caregivers, "reason": reason}),
            )
            .await;
        assert_eq!(response.status(), 200);
    }
    app.clock.advance(chrono::Duration::hours(1));
    let martin = app.browser();
    martin.login_as("pecovatel.decin").await;
    let jana = app.browser();
    jana.login_as("pecovatelka.decin").await;
    // Martin's phone says he recorded it first.
    let his = sync_one(
        &martin,
        record_item(
            visit,
            "2026-11-23T06:30:00Z",
            "2026-11-23T07:30:00Z",
            "2026-11-23T07:31:00Z",
        ),
    )
    .await;
    let hers = sync_one(
        &jana,
        record_item(
            visit,
            "2026-11-23T06:30:00Z",
            "2026-11-23T07:30:00Z",
            "2026-11-23T07:40:00Z",
        ),
    )
    .await;
    assert_eq!(hers.state, Some(RecordState::Accepted), "{hers:?}");
    let conflicts: Vec<ConflictView> = json(app.get("/api/records/conflicts").await).await;
    let displaced = conflicts
        .iter()
        .find(|c| Some(&c.record_id) == his.record_id.as_ref())
        .expect("the coordinator sees the displaced record");
    assert_eq!(displaced.state, RecordState::Superseded);
}

/// The README's "first manager" statements, with the hash of `WXYZ-2345-ABCD`.
const FIRST_MANAGER_SQL: [&str; 3] = [
    "INSERT INTO providers (id, name, municipality_code, created_at) \
     VALUES ('prov-1', 'Pečovatelská služba Příklad', '562335', '2026-12-01T00:00:00Z')",
    "INSERT INTO users (id, username, display_name, password_hash, role, provider_id, created_at) \
     VALUES ('user-1', 'vedouci', 'Jméno Příjmení', '!', 'provider_manager', 'prov-1', '2026-12-01T00:00:00Z')",
    "INSERT INTO one_time_codes (code_hash, purpose, provider_id, user_id, created_by, created_at, expires_at) \
     VALUES ('b3ae0207007dfecb623892e18977fd158746d83c4faf0759bd2b6887bdca05f0', 'password_reset', \
             'prov-1', 'user-1', 'user-1', '2026-12-01T00:00:00Z', '2026-12-08T00:00:00Z')",
];

async fn a_database_without_the_demo_gets_its_first_manager_as_the_readme_says(engine: Engine) {
    let clock = epece_tests::Clock::fixed("2026-12-02T08:00:00Z".parse().expect("an instant"));
    let app = TestApp::spawn_with(engine, false, clock).await;
    error_of(app.get("/api/auth/me").await, 401).await;
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM users").await,
        0,
        "no demo accounts"
    );
    for statement in FIRST_MANAGER_SQL {
        app.execute(statement).await;
    }
    error_of(app.login("vedouci", "!").await, 401).await;
    let status: DemoStatus = json(app.get("/api/auth/demo").await).await;
    assert!(!status.demo_accounts, "no demo banner on a real deployment");
    let response = app
        .post_json(
            "/api/auth/password-reset/redeem",
            &json!({"code": "wxyz 2345 abcd", "new_password": "první heslo vedoucí"}),
        )
        .await;
    assert_eq!(response.status(), 200);
    let me: shared::identity::Me = json(response).await;
    assert_eq!(me.role, shared::identity::Role::ProviderManager);
    assert_eq!(app.get("/api/auth/staff").await.status(), 200);
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
}

async fn json_html_and_the_statement_carry_the_security_headers(engine: Engine) {
    let app = demo_at_now(engine, "vedouci.decin").await;
    let signed_out = app.browser();
    for response in [
        app.get("/api/auth/me").await,
        signed_out.get("/api/auth/me").await,
        app.get("/api/records/billing/cl-d1/2026-11/statement.csv")
            .await,
    ] {
        assert_eq!(header(&response, "x-content-type-options"), "nosniff");
        assert_eq!(header(&response, "referrer-policy"), "no-referrer");
    }
    let statement = app
        .get("/api/records/billing/cl-d1/2026-11/statement.html")
        .await;
    assert_eq!(statement.status(), 200);
    assert_eq!(header(&statement, "x-content-type-options"), "nosniff");
    let csp = header(&statement, "content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(
        csp.contains("default-src 'none'"),
        "no script at all: {csp}"
    );
    assert!(
        header(&statement, "strict-transport-security").starts_with("max-age="),
        "HTTPS only"
    );
    assert_eq!(header(&statement, "referrer-policy"), "no-referrer");
}

async fn the_app_learns_that_demo_accounts_exist_until_they_are_deactivated(engine: Engine) {
    let app = TestApp::spawn_at(engine, NOW.parse().expect("an instant")).await;
    let status: DemoStatus = json(app.get("/api/auth/demo").await).await;
    assert!(status.demo_accounts, "signed out too, for the sign-in form");
    app.execute("UPDATE users SET active = 0").await;
    let status: DemoStatus = json(app.get("/api/auth/demo").await).await;
    assert!(!status.demo_accounts);
}

/// How many audit rows name this entity and action.
async fn audited(app: &TestApp, entity: &str, action: &str) -> i64 {
    let sql: &'static str = Box::leak(
        format!("SELECT COUNT(*) FROM audit_log WHERE entity = '{entity}' AND action = '{action}'")
            .into_boxed_str(),
    );
    app.scalar(sql).await
}

async fn denied_attempts_and_account_and_price_changes_are_audited_and_caps_keep_their_history(
    engine: Engine,
) {
    let app = demo_at_now(engine, "vedouci.decin").await;
    let calls = [
        app.get("/api/schedule/clients").await.status(),
        app.get("/api/auth/clients/cl-d1/family").await.status(),
        app.post_json("/api/auth/invitations", &json!({"client_id": "cl-d1"}))
            .await
            .status(),
        app.patch_json(
            "/api/auth/staff/user-pecovatel.decin",
            &json!({"role": "coordinator"}),
        )
        .await
        .status(),
        app.patch_json(
            "/api/auth/staff/user-pecovatel.decin",
            &json!({"active": false}),
        )
        .await
        .status(),
        app.post_json(
            "/api/auth/staff/user-pecovatelka.decin/password-reset",
            &json!({}),
        )
        .await
        .status(),
        app.put_json(
            "/api/records/price-list",
            &json!({"valid_from": "2026-12-01", "hourly_rate": 16000}),
        )
        .await
        .status(),
        app.delete("/api/auth/family-links/link-rodina.decin-cl-d1")
            .await
            .status(),
    ];
    assert!(calls.iter().all(|status| status.is_success()), "{calls:?}");
    let region = app.browser();
    region.login_as("kraj").await;
    assert_eq!(region.get("/api/auth/staff").await.status(), 403);
    let cap = json!({
        "valid_from": "2030-01-01", "item": "hour", "cap": 20000,
        "threshold_minutes": 4800, "cap_above_threshold": 18000, "source": "vyhláška"
    });
    assert_eq!(
        region.put_json("/api/records/caps", &cap).await.status(),
        200
    );
    let lowered = with(&cap, json!({"cap": 19000}));
    assert_eq!(
        region
            .put_json("/api/records/caps", &lowered)
            .await
            .status(),
        200
    );
    let history = "SELECT COUNT(*) FROM payment_cap_history WHERE valid_from = '2030-01-01'";
    assert_eq!(app.scalar(history).await, 2, "both versions are kept");
    let current = "SELECT cap FROM payment_caps WHERE valid_from = '2030-01-01' AND item = 'hour'";
    assert_eq!(app.scalar(current).await, 19000);
    for (entity, action) in [
        ("client_list", "read"),
        ("family_link", "read"),
        ("invitation", "create"),
        ("staff", "update"),
        ("staff_password_reset", "create"),
        ("price_list", "update"),
        ("price_cap", "update"),
        ("family_link", "delete"),
        ("access_denied", "read"),
    ] {
        assert!(
            audited(&app, entity, action).await >= 1,
            "{entity} {action}"
        );
    }
    assert_eq!(
        audited(&app, "staff", "update").await,
        2,
        "role and deactivation"
    );
}

on_both_engines!(
    denied_attempts_and_account_and_price_changes_are_audited_and_caps_keep_their_history,
    the_app_learns_that_demo_accounts_exist_until_they_are_deactivated,
    json_html_and_the_statement_carry_the_security_headers,
    a_database_without_the_demo_gets_its_first_manager_as_the_readme_says,
    a_backdated_offline_record_is_refused_and_the_real_one_stays_accepted,
    a_record_of_a_caregiver_taken_off_never_displaces_the_assigned_ones_and_the_coordinator_sees_it,
    a_visit_moved_to_a_wild_date_is_refused_with_the_field,
    duplicate_tasks_and_wild_dates_of_a_visit_are_refused_with_the_field,
    duplicate_tasks_and_wild_dates_of_a_template_are_refused_with_the_field,
    absences_profiles_and_clients_are_bounded_with_the_field,
);
