//! The security headers of every response, in one place. API components apply them in the
//! request pipeline (`component::serve`); the web component applies them with
//! [`HtmlPolicy::App`] to every file it serves.

use crate::http::ApiResponse;

/// The app: its own scripts and the WebAssembly they compile, no inline script, nothing from
/// elsewhere; never framed. Inline styles stay allowed: the splash is styled before any file
/// arrives, the views position elements, printable pages carry their print rules.
pub const APP_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
    worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'none'";

/// A printable document an API answers (a statement): its inline styles, no script at all.
pub const DOCUMENT_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; \
    base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// One year, subdomains too: the service is HTTPS only.
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// Which policy an HTML response gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HtmlPolicy {
    /// The app's pages (the web component).
    App,
    /// A document an API answers.
    Document,
}

/// Every response: never sniffed, no referrer sent on. HTML also: its content security
/// policy (with `frame-ancestors`), no framing, HTTPS only. A header the handler set stays.
pub fn with_security_headers(mut response: ApiResponse, html: HtmlPolicy) -> ApiResponse {
    let is_html = response
        .header("content-type")
        .is_some_and(|value| value.starts_with("text/html"));
    let mut headers = vec![
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
    ];
    if is_html {
        let policy = match html {
            HtmlPolicy::App => APP_CSP,
            HtmlPolicy::Document => DOCUMENT_CSP,
        };
        headers.extend([
            ("content-security-policy", policy),
            ("x-frame-options", "DENY"),
            ("strict-transport-security", HSTS),
        ]);
    }
    for (name, value) in headers {
        if response.header(name).is_none() {
            response = response.with_header(name, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html() -> ApiResponse {
        ApiResponse::new(200).with_header("content-type", "text/html; charset=utf-8")
    }

    #[test]
    fn the_app_may_run_its_own_wasm_and_nothing_else() {
        let response = with_security_headers(html(), HtmlPolicy::App);
        let csp = response.header("content-security-policy").expect("a CSP");
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-eval'") || csp.contains("'wasm-unsafe-eval'"));
        assert!(!csp.contains("script-src 'self' 'unsafe-inline'"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(response.header("strict-transport-security"), Some(HSTS));
        assert_eq!(response.header("x-content-type-options"), Some("nosniff"));
    }

    #[test]
    fn json_is_never_sniffed_and_gets_no_page_policy() {
        let response = with_security_headers(ApiResponse::ok(&1), HtmlPolicy::Document);
        assert_eq!(response.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(response.header("referrer-policy"), Some("no-referrer"));
        assert_eq!(response.header("content-security-policy"), None);
    }

    #[test]
    fn a_header_the_handler_set_is_kept_once() {
        let response = with_security_headers(
            html().with_header("referrer-policy", "same-origin"),
            HtmlPolicy::Document,
        );
        let referrers: Vec<_> = response
            .headers
            .iter()
            .filter(|(name, _)| name == "referrer-policy")
            .collect();
        assert_eq!(referrers.len(), 1);
        assert_eq!(response.header("referrer-policy"), Some("same-origin"));
    }
}
