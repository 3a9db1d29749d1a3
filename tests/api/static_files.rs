//! The web component: the built app at `/`, the app's routes falling back to index.html,
//! and cache headers that let a new release reach installed apps.

use crate::helpers::{Engine, TestApp, error_of, on_both_engines};

fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

async fn the_app_shell_is_served_at_the_root_and_never_cached_stale(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.get("/").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        header(&response, "content-type"),
        "text/html; charset=utf-8"
    );
    assert_eq!(header(&response, "cache-control"), "no-cache");
    assert!(response.text().await.expect("body").contains("E-péče"));
}

async fn an_app_route_falls_back_to_index_html(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.get("/dnes").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        header(&response, "content-type"),
        "text/html; charset=utf-8"
    );
}

async fn hashed_assets_are_cached_for_a_year(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.get("/assets/app-0123456789.js").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        header(&response, "content-type"),
        "text/javascript; charset=utf-8"
    );
    assert_eq!(
        header(&response, "cache-control"),
        "public, max-age=31536000, immutable"
    );
}

async fn a_missing_asset_is_a_404_not_the_app_shell(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    error_of(app.get("/assets/missing-0000000000.js").await, 404).await;
}

async fn api_routes_are_never_answered_by_the_static_component(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.get("/api/records/nothing").await;
    assert_eq!(
        header(&response, "content-type"),
        "application/json; charset=utf-8"
    );
    error_of(response, 404).await;
}

on_both_engines!(
    the_app_shell_is_served_at_the_root_and_never_cached_stale,
    an_app_route_falls_back_to_index_html,
    hashed_assets_are_cached_for_a_year,
    a_missing_asset_is_a_404_not_the_app_shell,
    api_routes_are_never_answered_by_the_static_component,
);
