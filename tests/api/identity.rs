//! Signing in and out.

use chrono::Duration;
use shared::identity::{Me, Role};

use crate::helpers::{DEMO_PASSWORD, Engine, TestApp, error_of, json, on_both_engines};

async fn a_caregiver_signs_in_and_is_told_who_they_are(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.login("pecovatelka.decin", DEMO_PASSWORD).await;
    assert_eq!(response.status(), 200);
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("a session cookie")
        .to_owned();
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    let me: Me = json(response).await;
    assert_eq!(me.role, Role::Caregiver);
    assert_eq!(
        me.provider_name.as_deref(),
        Some("Pečovatelská služba Děčín (demo)")
    );
    let me_again: Me = json(app.get("/api/auth/me").await).await;
    assert_eq!(me_again, me);
}

async fn a_wrong_password_and_an_unknown_user_get_the_same_answer(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let wrong_password = error_of(app.login("pecovatelka.decin", "spatne-heslo").await, 401).await;
    let unknown_user = error_of(app.login("nikdo.takovy", "spatne-heslo").await, 401).await;
    assert_eq!(wrong_password, unknown_user);
    assert_eq!(wrong_password.error.code, "invalid_credentials");
    assert_eq!(
        wrong_password.error.message,
        "Nesprávné přihlašovací jméno nebo heslo."
    );
}

async fn a_malformed_username_is_refused_naming_the_field(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let error = error_of(app.login("jana novák", DEMO_PASSWORD).await, 400).await;
    assert_eq!(error.error.field.as_deref(), Some("username"));
}

async fn without_a_session_the_api_answers_401(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let error = error_of(app.get("/api/auth/me").await, 401).await;
    assert_eq!(error.error.code, "unauthenticated");
    error_of(app.get("/api/schedule/visits/today").await, 401).await;
}

async fn signing_out_ends_the_session(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("pecovatelka.decin").await;
    let response = app
        .post_json("/api/auth/logout", &serde_json::json!({}))
        .await;
    assert_eq!(response.status(), 204);
    error_of(app.get("/api/auth/me").await, 401).await;
}

async fn a_revoked_session_token_cannot_be_reused(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.login("pecovatelka.decin", DEMO_PASSWORD).await;
    let token_pair = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("a cookie")
        .to_owned();
    assert_eq!(app.post_raw("/api/auth/logout", b"{}").await.status(), 204);
    let replay = reqwest::Client::new()
        .get(app.host.url("/api/auth/me"))
        .header("cookie", token_pair)
        .send()
        .await
        .expect("answers");
    assert_eq!(replay.status(), 401);
}

async fn an_idle_session_expires(engine: Engine) {
    let app = TestApp::spawn_at(engine, chrono::Utc::now()).await;
    app.login_as("pecovatelka.decin").await;
    app.clock.advance(Duration::minutes(119));
    assert_eq!(app.get("/api/auth/me").await.status(), 200, "still active");
    app.clock.advance(Duration::minutes(119));
    assert_eq!(
        app.get("/api/auth/me").await.status(),
        200,
        "use keeps it alive"
    );
    app.clock.advance(Duration::minutes(121));
    error_of(app.get("/api/auth/me").await, 401).await;
}

async fn a_session_ends_after_twelve_hours_however_busy(engine: Engine) {
    let app = TestApp::spawn_at(engine, chrono::Utc::now()).await;
    app.login_as("pecovatelka.decin").await;
    for _ in 0..11 {
        app.clock.advance(Duration::minutes(60));
        assert_eq!(app.get("/api/auth/me").await.status(), 200);
    }
    app.clock.advance(Duration::minutes(61));
    error_of(app.get("/api/auth/me").await, 401).await;
}

on_both_engines!(
    a_caregiver_signs_in_and_is_told_who_they_are,
    a_wrong_password_and_an_unknown_user_get_the_same_answer,
    a_malformed_username_is_refused_naming_the_field,
    without_a_session_the_api_answers_401,
    signing_out_ends_the_session,
    a_revoked_session_token_cannot_be_reused,
    an_idle_session_expires,
    a_session_ends_after_twelve_hours_however_busy,
);
