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

/// The build's three copies of the app's wasm, told apart by their contents.
const WASM: &str = "assets/0123456789/app_bg.wasm";
const WASM_IDENTITY: &[u8] = b"\0asm the module itself";
const WASM_BROTLI: &[u8] = b"the module, brotli";
const WASM_GZIP: &[u8] = b"the module, gzip";

async fn app_with_compressed_wasm(engine: Engine) -> TestApp {
    let app = TestApp::spawn(engine).await;
    app.write_static_file(WASM, WASM_IDENTITY);
    app.write_static_file(&format!("{WASM}.br"), WASM_BROTLI);
    app.write_static_file(&format!("{WASM}.gz"), WASM_GZIP);
    app
}

/// GETs `path` as a browser that sends `accept_encoding` (none when `None`).
async fn get_accepting(
    app: &TestApp,
    path: &str,
    accept_encoding: Option<&str>,
) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(app.host.url(path));
    if let Some(accept_encoding) = accept_encoding {
        request = request.header("accept-encoding", accept_encoding);
    }
    request.send().await.expect("the host answers")
}

/// GETs the wasm as a browser that sends `accept_encoding`, checks the headers every copy
/// carries (`encoding` among them), and returns the body.
async fn wasm_copy(
    app: &TestApp,
    accept_encoding: Option<&str>,
    encoding: Option<&str>,
) -> Vec<u8> {
    let response = get_accepting(app, &format!("/{WASM}"), accept_encoding).await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), "application/wasm");
    assert_eq!(
        header(&response, "content-encoding"),
        encoding.unwrap_or_default()
    );
    assert_eq!(header(&response, "vary"), "Accept-Encoding");
    assert_eq!(
        header(&response, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    response.bytes().await.expect("body").to_vec()
}

async fn a_client_that_accepts_brotli_gets_the_brotli_copy(engine: Engine) {
    let app = app_with_compressed_wasm(engine).await;
    let copy = wasm_copy(&app, Some("gzip, deflate, br, zstd"), Some("br")).await;
    assert_eq!(copy, WASM_BROTLI);
}

async fn a_client_that_accepts_only_gzip_gets_the_gzip_copy(engine: Engine) {
    let app = app_with_compressed_wasm(engine).await;
    for accept_encoding in ["gzip", "br;q=0, gzip;q=0.8"] {
        let copy = wasm_copy(&app, Some(accept_encoding), Some("gzip")).await;
        assert_eq!(copy, WASM_GZIP);
    }
}

async fn a_client_that_accepts_no_compression_gets_the_file_itself(engine: Engine) {
    let app = app_with_compressed_wasm(engine).await;
    for accept_encoding in [None, Some("identity"), Some("deflate")] {
        assert_eq!(wasm_copy(&app, accept_encoding, None).await, WASM_IDENTITY);
    }
}

async fn a_file_the_build_did_not_compress_is_sent_as_it_is_with_vary(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = get_accepting(&app, "/assets/app-0123456789.js", Some("br, gzip")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-encoding"), "");
    assert_eq!(header(&response, "vary"), "Accept-Encoding");
    assert_eq!(response.text().await.expect("body"), "export default 1;");
}

async fn the_app_shell_for_an_app_route_comes_compressed_and_revalidated(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.write_static_file("index.html.br", b"the shell, brotli");
    let response = get_accepting(&app, "/dnes", Some("br")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        header(&response, "content-type"),
        "text/html; charset=utf-8"
    );
    assert_eq!(header(&response, "content-encoding"), "br");
    assert_eq!(header(&response, "vary"), "Accept-Encoding");
    assert_eq!(header(&response, "cache-control"), "no-cache");
    assert_eq!(response.text().await.expect("body"), "the shell, brotli");
}

async fn a_compressed_copy_without_its_file_is_not_served(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.write_static_file("assets/orphan-0123456789.js.br", b"left over");
    let response = get_accepting(&app, "/assets/orphan-0123456789.js", Some("br")).await;
    error_of(response, 404).await;
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

async fn the_app_shell_runs_only_its_own_scripts_and_is_never_framed(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.get("/dnes").await;
    let csp = header(&response, "content-security-policy");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "{csp}"
    );
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(header(&response, "x-frame-options"), "DENY");
    assert!(header(&response, "strict-transport-security").starts_with("max-age="));
    assert_eq!(header(&response, "referrer-policy"), "no-referrer");

    let asset = app.get("/assets/app-0123456789.js").await;
    assert_eq!(header(&asset, "x-content-type-options"), "nosniff");
    assert_eq!(header(&asset, "content-security-policy"), "");
}

on_both_engines!(
    the_app_shell_runs_only_its_own_scripts_and_is_never_framed,
    the_app_shell_is_served_at_the_root_and_never_cached_stale,
    an_app_route_falls_back_to_index_html,
    hashed_assets_are_cached_for_a_year,
    a_missing_asset_is_a_404_not_the_app_shell,
    api_routes_are_never_answered_by_the_static_component,
    a_client_that_accepts_brotli_gets_the_brotli_copy,
    a_client_that_accepts_only_gzip_gets_the_gzip_copy,
    a_client_that_accepts_no_compression_gets_the_file_itself,
    a_file_the_build_did_not_compress_is_sent_as_it_is_with_vary,
    the_app_shell_for_an_app_route_comes_compressed_and_revalidated,
    a_compressed_copy_without_its_file_is_not_served,
);
