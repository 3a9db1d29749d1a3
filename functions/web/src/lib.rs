//! The static-file component: serves the built app, falls back to `index.html` for the
//! app's own routes, sends the precompressed copy a client accepts, and says how long each
//! file may be cached.

mod encoding;

use std::ffi::OsString;
use std::path::{Component as PathComponent, Path, PathBuf};

use platform::security::{HtmlPolicy, with_security_headers};
use platform::{ApiError, ApiRequest, ApiResponse, Method};

use crate::encoding::{Encoding, accepts};

/// Hashed build outputs live here and never change under their name.
const IMMUTABLE_PREFIX: &str = "/assets/";
/// The app's icons: not hashed, but shown by the page, the splash, the manifest and the
/// service worker within one visit, and a day-old icon harms no one.
const ICONS_PREFIX: &str = "/icons/";

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|ext| ext.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn cache_control(url_path: &str) -> &'static str {
    if url_path.starts_with(IMMUTABLE_PREFIX) {
        "public, max-age=31536000, immutable"
    } else if url_path.starts_with(ICONS_PREFIX) {
        "public, max-age=86400"
    } else {
        // index.html, the service worker and the manifest must be revalidated every time,
        // or a new release never reaches an installed app.
        "no-cache"
    }
}

/// The file a URL path names under `root`, refusing anything that climbs out of it.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    let mut resolved = root.to_path_buf();
    for part in relative.components() {
        match part {
            PathComponent::Normal(name) => resolved.push(name),
            PathComponent::CurDir => {}
            _ => return None,
        }
    }
    Some(resolved)
}

/// A path without a file extension is one of the app's own routes (`/dnes`).
fn is_app_route(url_path: &str) -> bool {
    let last = url_path.rsplit('/').next().unwrap_or_default();
    !last.contains('.')
}

/// The stored copy of `file` in `encoding` (build.sh writes `app.wasm.br` beside `app.wasm`).
fn copy_path(file: &Path, encoding: Encoding) -> PathBuf {
    let mut name = OsString::from(file.as_os_str());
    name.push(encoding.file_suffix());
    PathBuf::from(name)
}

/// The file's contents in the best coding the client accepts and the build stored; `None`
/// when the file itself is not there.
fn read_best_copy(file: &Path, accept_encoding: Option<&str>) -> Option<(Encoding, Vec<u8>)> {
    if !file.is_file() {
        return None;
    }
    Encoding::COMPRESSED
        .into_iter()
        .filter(|encoding| accepts(accept_encoding, *encoding))
        .find_map(|encoding| {
            let body = std::fs::read(copy_path(file, encoding)).ok()?;
            Some((encoding, body))
        })
        .or_else(|| Some((Encoding::Identity, std::fs::read(file).ok()?)))
}

fn file_response(
    url_path: &str,
    file: &Path,
    (encoding, body): (Encoding, Vec<u8>),
    head_only: bool,
) -> ApiResponse {
    let mut response = ApiResponse::new(200)
        .with_header("content-type", content_type(file))
        .with_header("cache-control", cache_control(url_path))
        // Caches must keep the copies for different clients apart.
        .with_header("vary", "Accept-Encoding");
    if encoding != Encoding::Identity {
        response = response.with_header("content-encoding", encoding.token());
    }
    if head_only {
        response
    } else {
        response.with_body(body)
    }
}

/// Serves `url_path` (the part after the component's route) from `root`, every answer with
/// the app's security headers.
pub fn serve_static(root: &Path, request: &ApiRequest, url_path: &str) -> ApiResponse {
    with_security_headers(serve_file(root, request, url_path), HtmlPolicy::App)
}

fn serve_file(root: &Path, request: &ApiRequest, url_path: &str) -> ApiResponse {
    if !matches!(request.method, Method::Get | Method::Head) {
        return ApiError::MethodNotAllowed {
            allowed: vec![Method::Get, Method::Head],
        }
        .into_response();
    }
    let head_only = request.method == Method::Head;
    let accept_encoding = request.header("accept-encoding");
    let url_path = if url_path.is_empty() || url_path.ends_with('/') {
        format!("{url_path}index.html")
    } else {
        url_path.to_owned()
    };
    let Some(file) = resolve(root, &url_path) else {
        return ApiError::BadInput {
            code: "invalid_path",
            field: None,
            message: "Neplatná cesta k souboru.".into(),
        }
        .into_response();
    };
    if let Some(copy) = read_best_copy(&file, accept_encoding) {
        return file_response(&url_path, &file, copy, head_only);
    }
    let index = root.join("index.html");
    match read_best_copy(&index, accept_encoding) {
        Some(copy) if is_app_route(&url_path) => {
            file_response("/index.html", &index, copy, head_only)
        }
        _ => ApiError::NotFound("Soubor").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The app's policy allows no inline script: the shell the build fills in must load its
    /// start-up code from a file.
    #[test]
    fn the_app_shell_template_has_no_inline_script() {
        let template = concat!(env!("CARGO_MANIFEST_DIR"), "/../../app/index.html");
        let template = std::fs::read_to_string(template).expect("app/index.html");
        for script in template.split("<script").skip(1) {
            let tag = script.split('>').next().unwrap_or_default();
            assert!(tag.contains(" src="), "an inline script: <script{tag}>");
        }
        assert!(template.contains("boot.js"));
    }

    #[test]
    fn a_path_that_climbs_out_of_the_root_is_refused() {
        assert_eq!(resolve(Path::new("/srv"), "/../etc/passwd"), None);
        assert_eq!(resolve(Path::new("/srv"), "/a/../../b"), None);
        assert_eq!(
            resolve(Path::new("/srv"), "/assets/app.js"),
            Some(PathBuf::from("/srv/assets/app.js"))
        );
    }

    #[test]
    fn hashed_assets_are_cached_for_a_year_and_the_shell_is_revalidated() {
        assert!(cache_control("/assets/app-0123456789.wasm").contains("immutable"));
        assert_eq!(cache_control("/index.html"), "no-cache");
        assert_eq!(cache_control("/sw.js"), "no-cache");
        assert_eq!(
            cache_control("/icons/icon-192.png"),
            "public, max-age=86400"
        );
    }

    #[test]
    fn client_side_routes_are_told_apart_from_missing_files() {
        assert!(is_app_route("/dnes"));
        assert!(is_app_route("/prihlaseni"));
        assert!(!is_app_route("/assets/missing.js"));
    }
}

/// Spin's entry point; `#[allow(unsafe_code)]` covers the SDK's generated export glue.
#[cfg(target_arch = "wasm32")]
#[allow(unsafe_code)]
mod spin_entry {
    use std::path::Path;

    #[spin_sdk::http_service]
    async fn entry(request: spin_sdk::http::Request) -> platform::spin::SpinResponse {
        let request = match platform::spin::api_request(request).await {
            Ok(request) => request,
            Err(refused) => return platform::spin::spin_response(refused),
        };
        // spin.toml mounts the built app at "/"; Spin passes the path after the route.
        let path_info = request.header("spin-path-info").unwrap_or("/").to_owned();
        platform::spin::spin_response(super::serve_static(Path::new("/"), &request, &path_info))
    }
}
