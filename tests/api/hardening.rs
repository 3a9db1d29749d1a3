//! Hardening: what a probe of the running demo found, each with the test that holds it.

use serde_json::{Value, json};

use crate::helpers::{Engine, TestApp, error_of, on_both_engines};

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

on_both_engines!(
    a_visit_moved_to_a_wild_date_is_refused_with_the_field,
    duplicate_tasks_and_wild_dates_of_a_visit_are_refused_with_the_field,
    duplicate_tasks_and_wild_dates_of_a_template_are_refused_with_the_field,
    absences_profiles_and_clients_are_bounded_with_the_field,
);
