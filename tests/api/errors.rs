//! One JSON error shape for everything that goes wrong, with the field at fault.

use serde_json::json;

use crate::helpers::{Engine, TestApp, error_of, on_both_engines};

async fn malformed_json_is_a_400_in_the_error_shape(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let error = error_of(
        app.post_raw("/api/auth/login", b"{\"username\": ").await,
        400,
    )
    .await;
    assert_eq!(error.error.code, "malformed_json");
    assert!(!error.error.message.is_empty());
}

async fn an_unknown_field_is_a_400_naming_it(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let body = json!({"username": "kraj", "password": "x", "is_admin": true});
    let error = error_of(app.post_json("/api/auth/login", &body).await, 400).await;
    assert_eq!(error.error.code, "unknown_field");
    assert_eq!(error.error.field.as_deref(), Some("is_admin"));
}

async fn a_wrong_type_is_a_400_naming_the_field(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let body = json!({"username": ["kraj"], "password": "x"});
    let error = error_of(app.post_json("/api/auth/login", &body).await, 400).await;
    assert_eq!(error.error.code, "invalid_type");
    assert_eq!(error.error.field.as_deref(), Some("username"));
}

async fn a_missing_field_is_a_400_naming_it(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let error = error_of(
        app.post_json("/api/auth/login", &json!({"username": "kraj"}))
            .await,
        400,
    )
    .await;
    assert_eq!(error.error.code, "missing_field");
    assert_eq!(error.error.field.as_deref(), Some("password"));
}

async fn an_unknown_api_route_is_a_json_404(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let error = error_of(app.get("/api/schedule/no-such-thing").await, 404).await;
    assert_eq!(error.error.code, "route_not_found");
}

async fn a_wrong_method_is_a_405_that_lists_the_allowed_ones(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.get("/api/auth/login").await;
    let allow = response
        .headers()
        .get("allow")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let error = error_of(response, 405).await;
    assert_eq!(error.error.code, "method_not_allowed");
    assert_eq!(allow.as_deref(), Some("POST"));
}

async fn garbage_bytes_never_crash_the_server(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let garbage: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    for path in [
        "/api/auth/login",
        "/api/auth/logout",
        "/api/schedule/visits/today",
    ] {
        let status = app.post_raw(path, &garbage).await.status().as_u16();
        assert!((400..500).contains(&status), "{path} answered {status}");
    }
    // Still serving afterwards.
    assert_eq!(
        app.login("pecovatelka.decin", "demo1234").await.status(),
        200
    );
}

async fn an_oversized_body_is_refused(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let huge = vec![b' '; 2 * 1024 * 1024];
    let error = error_of(app.post_raw("/api/auth/login", &huge).await, 413).await;
    assert_eq!(error.error.code, "body_too_large");
}

async fn a_write_from_another_site_is_refused(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let client = reqwest::Client::new();
    let login =
        serde_json::to_vec(&json!({"username": "pecovatelka.decin", "password": "demo1234"}))
            .expect("serialises");
    // A form on another site can post, but cannot add the app's header.
    let forged = client
        .post(app.host.url("/api/auth/login"))
        .header("content-type", "application/json")
        .body(login.clone())
        .send()
        .await
        .expect("answers");
    assert_eq!(error_of(forged, 403).await.error.code, "cross_site_request");
    // Nor does a browser hide where a request comes from.
    let (name, value) = platform::APP_REQUEST_HEADER;
    let cross_site = client
        .post(app.host.url("/api/auth/login"))
        .header(name, value)
        .header("sec-fetch-site", "cross-site")
        .body(login)
        .send()
        .await
        .expect("answers");
    assert_eq!(
        error_of(cross_site, 403).await.error.code,
        "cross_site_request"
    );
    // Reads need no header.
    assert_eq!(
        client
            .get(app.host.url("/api/auth/me"))
            .send()
            .await
            .expect("answers")
            .status(),
        401
    );
}

on_both_engines!(
    a_write_from_another_site_is_refused,
    malformed_json_is_a_400_in_the_error_shape,
    an_unknown_field_is_a_400_naming_it,
    a_wrong_type_is_a_400_naming_the_field,
    a_missing_field_is_a_400_naming_it,
    an_unknown_api_route_is_a_json_404,
    a_wrong_method_is_a_405_that_lists_the_allowed_ones,
    garbage_bytes_never_crash_the_server,
    an_oversized_body_is_refused,
);
