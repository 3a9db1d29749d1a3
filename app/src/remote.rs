//! Talking to the server: same origin, JSON, the session cookie travels by itself. Each
//! feature's requests live beside its page (`<feature>/api.rs`) and are built with the
//! helpers here.
//!
//! Every non-2xx body is decoded into the shared [`ErrorBody`]; a failed fetch becomes
//! [`ApiError::Unreachable`]. The decoding is pure and tested natively; only the `send`
//! helpers touch the browser.

use crate::json::from_json;
use chrono::NaiveDate;
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use shared::catalogue::{CareTask, Municipality};
use shared::identity::Me;
use shared::records::VisitRecords;
use shared::schedule::{GeneratedWeek, WeekBoard};
use shared::{ErrorBody, ErrorDetail};

/// Shown when the request never reached the server (offline, DNS, server down).
pub const UNREACHABLE_MESSAGE: &str =
    "Nejste připojeni k internetu nebo je server nedostupný. Zkuste to prosím znovu.";

/// Why a call to the API failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The request did not get an answer: offline or the server is down.
    Unreachable,
    /// The server answered with a status that is not a success.
    Http { status: u16, error: ErrorDetail },
}

impl ApiError {
    /// The Czech message for people.
    pub fn message(&self) -> &str {
        match self {
            ApiError::Unreachable => UNREACHABLE_MESSAGE,
            ApiError::Http { error, .. } => &error.message,
        }
    }

    /// The input field the server says is wrong, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            ApiError::Unreachable => None,
            ApiError::Http { error, .. } => error.field.as_deref(),
        }
    }

    /// The session is missing or expired: the user has to sign in again.
    pub fn is_unauthenticated(&self) -> bool {
        matches!(self, ApiError::Http { status: 401, .. })
    }

    /// The error as the wire shape, for views that show `message` and mark `field`.
    pub fn detail(&self) -> ErrorDetail {
        match self {
            ApiError::Unreachable => ErrorDetail {
                code: "unreachable".to_owned(),
                message: UNREACHABLE_MESSAGE.to_owned(),
                field: None,
            },
            ApiError::Http { error, .. } => error.clone(),
        }
    }
}

/// A non-2xx answer: the server's [`ErrorBody`], or a Czech message chosen by status when
/// the body is not one (a proxy's HTML page, an empty body).
pub fn decode_error(status: u16, body: &str) -> ApiError {
    let error = match from_json::<ErrorBody>(body) {
        Ok(body) => body.error,
        Err(_) => ErrorDetail {
            code: fallback_code(status).to_owned(),
            message: fallback_message(status),
            field: None,
        },
    };
    ApiError::Http { status, error }
}

/// A 2xx answer: the expected JSON, or an error the user can act on.
pub fn decode_success<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiError> {
    from_json(body).map_err(|_| ApiError::Http {
        status,
        error: ErrorDetail {
            code: "bad_response".to_owned(),
            message: "Server poslal odpověď, které aplikace nerozumí. Obnovte prosím stránku."
                .to_owned(),
            field: None,
        },
    })
}

fn fallback_code(status: u16) -> &'static str {
    match status {
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        500..=599 => "server_error",
        _ => "http_error",
    }
}

fn fallback_message(status: u16) -> String {
    match status {
        401 => "Nejste přihlášeni. Přihlaste se prosím znovu.".to_owned(),
        403 => "K této akci nemáte oprávnění.".to_owned(),
        404 => "Požadovaná věc nebyla nalezena.".to_owned(),
        502..=504 => "Server je dočasně nedostupný. Zkuste to prosím za chvíli znovu.".to_owned(),
        500..=599 => {
            format!("Na serveru nastala chyba (kód {status}). Zkuste to prosím později.")
        }
        _ => format!("Požadavek se nepodařil (kód {status})."),
    }
}

async fn read(response: Response) -> Result<(u16, String), ApiError> {
    let status = response.status();
    let body = response.text().await.map_err(|_| ApiError::Unreachable)?;
    Ok((status, body))
}

/// Sends the request and decodes the JSON answer.
pub(crate) async fn send_json<T: DeserializeOwned>(request: Request) -> Result<T, ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Unreachable)?;
    let ok = response.ok();
    let (status, body) = read(response).await?;
    if ok {
        decode_success(status, &body)
    } else {
        Err(decode_error(status, &body))
    }
}

/// A write to the API: it carries the header the server requires of the app's own pages.
pub(crate) fn write(url: &str) -> RequestBuilder {
    with_app_header(Request::post(url))
}

fn with_app_header(builder: RequestBuilder) -> RequestBuilder {
    let (name, value) = shared::APP_REQUEST_HEADER;
    builder
        .header("Accept", "application/json")
        .header(name, value)
}

/// A `PUT` with the app's header.
pub(crate) fn put(url: &str) -> RequestBuilder {
    with_app_header(Request::put(url))
}

/// A `PATCH` with the app's header.
pub(crate) fn patch(url: &str) -> RequestBuilder {
    with_app_header(Request::patch(url))
}

/// A `DELETE` with the app's header.
pub(crate) fn delete(url: &str) -> RequestBuilder {
    with_app_header(Request::delete(url))
}

/// The request with `body` as its JSON.
pub(crate) fn with_json(
    builder: RequestBuilder,
    body: &impl Serialize,
) -> Result<Request, ApiError> {
    builder.json(body).map_err(|_| ApiError::Unreachable)
}

/// The request without a body.
pub(crate) fn without_body(builder: RequestBuilder) -> Result<Request, ApiError> {
    builder.build().map_err(|_| ApiError::Unreachable)
}

/// A request whose success has no body (204).
pub(crate) async fn send_empty(request: Request) -> Result<(), ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Unreachable)?;
    if response.ok() {
        Ok(())
    } else {
        let (status, body) = read(response).await?;
        Err(decode_error(status, &body))
    }
}

/// `GET` of a JSON answer.
pub(crate) async fn get<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    send_json(without_body(
        Request::get(url).header("Accept", "application/json"),
    )?)
    .await
}

/// A path segment from an id: only what ids are made of passes unescaped. A dot inside an
/// id (`user-pecovatel.decin`) stays, since the server's router matches segments as sent;
/// a segment of dots alone would climb the path, so it is escaped.
pub fn path_segment(id: &str) -> String {
    let only_dots = id.bytes().all(|b| b == b'.');
    id.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || (b == b'.' && !only_dots) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `POST /api/auth/logout`.
pub async fn logout() -> Result<(), ApiError> {
    send_empty(without_body(write("/api/auth/logout"))?).await
}

/// `GET /api/auth/me`.
pub async fn me() -> Result<Me, ApiError> {
    get("/api/auth/me").await
}

/// `GET /api/records/tasks`: the legal catalogue of tasks (care plans and visit records
/// both name tasks from it).
pub async fn task_catalogue() -> Result<Vec<CareTask>, ApiError> {
    get("/api/records/tasks").await
}

/// `GET /api/records/visits/{id}`: the visit, who is on it, and every record of it (the
/// office's visit page; a caregiver correcting her record).
pub async fn visit_records(visit_id: String) -> Result<VisitRecords, ApiError> {
    get(&format!("/api/records/visits/{}", path_segment(&visit_id))).await
}

/// `GET /api/reports/municipalities`: the region's municipalities with their centres.
pub async fn municipalities() -> Result<Vec<Municipality>, ApiError> {
    get("/api/reports/municipalities").await
}

/// `GET /api/schedule/week/{monday}`: the planner's week, with the provider's caregivers.
pub async fn week_board(monday: NaiveDate) -> Result<WeekBoard, ApiError> {
    get(&format!("/api/schedule/week/{monday}")).await
}

/// `POST /api/schedule/week/{monday}/generate`: the care plans' visits, once.
pub async fn generate_week(monday: NaiveDate) -> Result<GeneratedWeek, ApiError> {
    let url = format!("/api/schedule/week/{monday}/generate");
    send_json(with_json(write(&url), &serde_json::json!({}))?).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_error_body_is_decoded_with_its_czech_message_and_field() {
        let body = r#"{"error":{"code":"invalid_credentials","message":"Nesprávné jméno nebo heslo.","field":"password"}}"#;
        let error = decode_error(401, body);
        assert_eq!(error.message(), "Nesprávné jméno nebo heslo.");
        assert_eq!(error.field(), Some("password"));
        assert!(error.is_unauthenticated());
    }

    #[test]
    fn a_body_that_is_not_an_error_body_gets_a_czech_message_by_status() {
        let error = decode_error(502, "<html>Bad gateway</html>");
        assert_eq!(
            error,
            ApiError::Http {
                status: 502,
                error: ErrorDetail {
                    code: "server_error".to_owned(),
                    message: "Server je dočasně nedostupný. Zkuste to prosím za chvíli znovu."
                        .to_owned(),
                    field: None,
                },
            }
        );
        assert!(decode_error(500, "").message().contains("kód 500"));
        assert!(decode_error(401, "").is_unauthenticated());
    }

    #[test]
    fn an_unreachable_server_says_so_in_czech_and_is_not_a_logout() {
        let error = ApiError::Unreachable;
        assert!(error.message().starts_with("Nejste připojeni"));
        assert!(!error.is_unauthenticated());
        assert_eq!(error.detail().code, "unreachable");
    }

    #[test]
    fn a_success_body_the_app_cannot_read_is_an_error_not_a_panic() {
        let result: Result<Me, ApiError> = decode_success(200, "{\"unexpected\":true}");
        let error = result.expect_err("not a Me");
        assert_eq!(error.detail().code, "bad_response");
        assert!(!error.is_unauthenticated());
    }

    #[test]
    fn ids_in_paths_are_escaped() {
        assert_eq!(path_segment("cl-d1"), "cl-d1");
        assert_eq!(path_segment("a/../b c"), "a%2F..%2Fb%20c");
        assert_eq!(path_segment(".."), "%2E%2E");
        assert_eq!(path_segment("user-pecovatel.decin"), "user-pecovatel.decin");
    }

    #[test]
    fn a_me_body_is_decoded() {
        let body = r#"{"user_id":"u1","username":"pecovatelka.decin","display_name":"Jana Nováková","role":"caregiver","provider_id":"p1","provider_name":"Charita Děčín"}"#;
        let me: Me = decode_success(200, body).expect("valid");
        assert_eq!(me.display_name, "Jana Nováková");
        assert_eq!(me.role.label(), "Pečovatel/ka");
    }
}
