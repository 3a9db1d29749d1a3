//! Talking to the server: same origin, JSON, the session cookie travels by itself.
//!
//! Every non-2xx body is decoded into the shared [`ErrorBody`]; a failed fetch becomes
//! [`ApiError::Unreachable`]. The decoding is pure and tested natively; only the `send`
//! helpers touch the browser.

use chrono::NaiveDate;
use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use shared::catalogue::CareTask;
use shared::clients::ClientSummary;
use shared::identity::{
    AuditEntry, CreatedStaffMember, FamilyLink, Invitation, LoginRequest, Me, NewInvitation,
    NewStaffMember, OneTimeCode, PasswordChange, RedeemInvitation, RedeemPasswordReset,
    StaffChange, StaffMember,
};
use shared::planning::input::{AbsenceInput, CarePlanInput, CaregiverProfileInput};
use shared::records::{ConflictView, IncidentView, SyncRequest, SyncResponse};
use shared::schedule::{
    AbsenceView, AcceptProposal, AcceptedProposal, CarePlan, CarePlanVersion, ClientVisits,
    GeneratedWeek, LinkedClient, OptimiseRequest, Proposal, TodayVisits, UpcomingVisits,
    VisitChange, VisitChangeResult, VisitEvent, WeekBoard,
};
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
    let error = match serde_json::from_str::<ErrorBody>(body) {
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
    serde_json::from_str(body).map_err(|_| ApiError::Http {
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

async fn send_json<T: DeserializeOwned>(request: Request) -> Result<T, ApiError> {
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
fn write(url: &str) -> gloo_net::http::RequestBuilder {
    with_app_header(Request::post(url))
}

fn with_app_header(builder: gloo_net::http::RequestBuilder) -> gloo_net::http::RequestBuilder {
    let (name, value) = shared::APP_REQUEST_HEADER;
    builder
        .header("Accept", "application/json")
        .header(name, value)
}

/// A `PUT` with the app's header.
fn put(url: &str) -> gloo_net::http::RequestBuilder {
    with_app_header(Request::put(url))
}

/// A `PATCH` with the app's header.
fn patch(url: &str) -> gloo_net::http::RequestBuilder {
    with_app_header(Request::patch(url))
}

/// A `DELETE` with the app's header.
fn delete(url: &str) -> gloo_net::http::RequestBuilder {
    with_app_header(Request::delete(url))
}

/// A request whose success has no body (204).
async fn send_empty(request: Request) -> Result<(), ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Unreachable)?;
    if response.ok() {
        Ok(())
    } else {
        let (status, body) = read(response).await?;
        Err(decode_error(status, &body))
    }
}

async fn get<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    send_json(
        Request::get(url)
            .header("Accept", "application/json")
            .build()
            .map_err(|_| ApiError::Unreachable)?,
    )
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

/// `POST /api/auth/login`.
pub async fn login(credentials: LoginRequest) -> Result<Me, ApiError> {
    let request = write("/api/auth/login")
        .json(&credentials)
        .map_err(|_| ApiError::Unreachable)?;
    send_json(request).await
}

/// `POST /api/auth/logout`.
pub async fn logout() -> Result<(), ApiError> {
    let response = write("/api/auth/logout")
        .send()
        .await
        .map_err(|_| ApiError::Unreachable)?;
    if response.ok() {
        Ok(())
    } else {
        let (status, body) = read(response).await?;
        Err(decode_error(status, &body))
    }
}

/// `GET /api/auth/me`.
pub async fn me() -> Result<Me, ApiError> {
    get("/api/auth/me").await
}

/// `GET /api/schedule/visits/today`.
pub async fn today_visits() -> Result<TodayVisits, ApiError> {
    get("/api/schedule/visits/today").await
}

/// `GET /api/schedule/visits/upcoming`: the caller's visits for the next seven days.
pub async fn upcoming_visits() -> Result<UpcomingVisits, ApiError> {
    get("/api/schedule/visits/upcoming").await
}

/// `PUT /api/auth/password`: signs out every other session.
pub async fn change_password(change: PasswordChange) -> Result<(), ApiError> {
    let request = put("/api/auth/password")
        .json(&change)
        .map_err(|_| ApiError::Unreachable)?;
    send_empty(request).await
}

/// `POST /api/auth/logout-everywhere`: this session ends too.
pub async fn logout_everywhere() -> Result<(), ApiError> {
    send_empty(
        write("/api/auth/logout-everywhere")
            .build()
            .map_err(|_| ApiError::Unreachable)?,
    )
    .await
}

/// `GET /api/auth/staff`.
pub async fn staff() -> Result<Vec<StaffMember>, ApiError> {
    get("/api/auth/staff").await
}

/// `POST /api/auth/staff`.
pub async fn create_staff(member: NewStaffMember) -> Result<CreatedStaffMember, ApiError> {
    let request = write("/api/auth/staff")
        .json(&member)
        .map_err(|_| ApiError::Unreachable)?;
    send_json(request).await
}

/// `PATCH /api/auth/staff/{id}`.
pub async fn update_staff(user_id: String, change: StaffChange) -> Result<StaffMember, ApiError> {
    let request = patch(&format!("/api/auth/staff/{}", path_segment(&user_id)))
        .json(&change)
        .map_err(|_| ApiError::Unreachable)?;
    send_json(request).await
}

/// `POST /api/auth/staff/{id}/password-reset`.
pub async fn reset_staff_password(user_id: String) -> Result<OneTimeCode, ApiError> {
    let url = format!("/api/auth/staff/{}/password-reset", path_segment(&user_id));
    send_json(write(&url).build().map_err(|_| ApiError::Unreachable)?).await
}

/// `POST /api/auth/password-reset/redeem`: signs in.
pub async fn redeem_password_reset(redeem: RedeemPasswordReset) -> Result<Me, ApiError> {
    let request = write("/api/auth/password-reset/redeem")
        .json(&redeem)
        .map_err(|_| ApiError::Unreachable)?;
    send_json(request).await
}

/// `POST /api/auth/invitations`.
pub async fn create_invitation(client_id: String) -> Result<Invitation, ApiError> {
    let request = write("/api/auth/invitations")
        .json(&NewInvitation { client_id })
        .map_err(|_| ApiError::Unreachable)?;
    send_json(request).await
}

/// `POST /api/auth/invitations/redeem`: creates the family account and signs in.
pub async fn redeem_invitation(redeem: RedeemInvitation) -> Result<Me, ApiError> {
    let request = write("/api/auth/invitations/redeem")
        .json(&redeem)
        .map_err(|_| ApiError::Unreachable)?;
    send_json(request).await
}

/// `GET /api/auth/clients/{client_id}/family`.
pub async fn family_links(client_id: String) -> Result<Vec<FamilyLink>, ApiError> {
    get(&format!(
        "/api/auth/clients/{}/family",
        path_segment(&client_id)
    ))
    .await
}

/// `DELETE /api/auth/family-links/{id}`.
pub async fn revoke_family_link(link_id: String) -> Result<(), ApiError> {
    let url = format!("/api/auth/family-links/{}", path_segment(&link_id));
    send_empty(delete(&url).build().map_err(|_| ApiError::Unreachable)?).await
}

/// `GET /api/schedule/my-clients`.
pub async fn my_clients() -> Result<Vec<LinkedClient>, ApiError> {
    get("/api/schedule/my-clients").await
}

/// `GET /api/schedule/clients/{client_id}/visits`.
pub async fn client_visits(client_id: String) -> Result<ClientVisits, ApiError> {
    get(&format!(
        "/api/schedule/clients/{}/visits",
        path_segment(&client_id)
    ))
    .await
}

/// `GET /api/schedule/week/{monday}`.
pub async fn week_board(monday: NaiveDate) -> Result<WeekBoard, ApiError> {
    get(&format!("/api/schedule/week/{monday}")).await
}

/// `POST /api/schedule/week/{monday}/generate`: the care plans' visits, once.
pub async fn generate_week(monday: NaiveDate) -> Result<GeneratedWeek, ApiError> {
    let url = format!("/api/schedule/week/{monday}/generate");
    let request = write(&url)
        .json(&serde_json::json!({}))
        .map_err(|_| ApiError::Unreachable)?;
    send_json(request).await
}

/// `PATCH /api/schedule/visits/{id}`: move, reassign or cancel, with a reason.
pub async fn change_visit(
    visit_id: String,
    change: VisitChange,
) -> Result<VisitChangeResult, ApiError> {
    let request = patch(&format!("/api/schedule/visits/{}", path_segment(&visit_id)))
        .json(&change)
        .map_err(|_| ApiError::Unreachable)?;
    send_json(request).await
}

/// `GET /api/schedule/caregivers/{id}/profile`.
pub async fn caregiver_profile(user_id: String) -> Result<CaregiverProfileInput, ApiError> {
    get(&caregiver_url(&user_id, "profile")).await
}

/// `PUT /api/schedule/caregivers/{id}/profile`: replaces skills, shifts, contract, home base.
pub async fn save_caregiver_profile(
    user_id: String,
    profile: CaregiverProfileInput,
) -> Result<(), ApiError> {
    let url = caregiver_url(&user_id, "profile");
    send_empty(
        put(&url)
            .json(&profile)
            .map_err(|_| ApiError::Unreachable)?,
    )
    .await
}

/// `GET /api/schedule/caregivers/{id}/absences`.
pub async fn caregiver_absences(user_id: String) -> Result<Vec<AbsenceView>, ApiError> {
    get(&caregiver_url(&user_id, "absences")).await
}

/// `POST /api/schedule/caregivers/{id}/absences`.
pub async fn add_absence(user_id: String, absence: AbsenceInput) -> Result<(), ApiError> {
    let url = caregiver_url(&user_id, "absences");
    send_empty(
        write(&url)
            .json(&absence)
            .map_err(|_| ApiError::Unreachable)?,
    )
    .await
}

/// `DELETE /api/schedule/caregivers/{id}/absences/{absence_id}`.
pub async fn delete_absence(user_id: String, absence_id: String) -> Result<(), ApiError> {
    let url = format!(
        "{}/{}",
        caregiver_url(&user_id, "absences"),
        path_segment(&absence_id)
    );
    send_empty(delete(&url).build().map_err(|_| ApiError::Unreachable)?).await
}

fn caregiver_url(user_id: &str, part: &str) -> String {
    format!("/api/schedule/caregivers/{}/{part}", path_segment(user_id))
}

/// `GET /api/schedule/visits/{id}/history`: every change, oldest first.
pub async fn visit_history(visit_id: String) -> Result<Vec<VisitEvent>, ApiError> {
    get(&format!(
        "/api/schedule/visits/{}/history",
        path_segment(&visit_id)
    ))
    .await
}

/// `POST /api/schedule/optimise`: a proposal; nothing changes until it is accepted.
pub async fn optimise(request: OptimiseRequest) -> Result<Proposal, ApiError> {
    let request = write("/api/schedule/optimise")
        .json(&request)
        .map_err(|_| ApiError::Unreachable)?;
    send_json(request).await
}

/// `POST /api/schedule/optimise/accept`.
pub async fn accept_proposal(accept: AcceptProposal) -> Result<AcceptedProposal, ApiError> {
    let request = write("/api/schedule/optimise/accept")
        .json(&accept)
        .map_err(|_| ApiError::Unreachable)?;
    send_json(request).await
}

/// `GET /api/schedule/clients`: the provider's clients by name.
pub async fn clients() -> Result<Vec<ClientSummary>, ApiError> {
    get("/api/schedule/clients").await
}

/// `GET /api/schedule/clients/{id}/care-plan`.
pub async fn care_plan(client_id: String) -> Result<CarePlan, ApiError> {
    get(&format!(
        "/api/schedule/clients/{}/care-plan",
        path_segment(&client_id)
    ))
    .await
}

/// `PUT /api/schedule/clients/{id}/care-plan`: a new version; the old one stays in history.
pub async fn save_care_plan(
    client_id: String,
    input: CarePlanInput,
) -> Result<CarePlanVersion, ApiError> {
    let url = format!(
        "/api/schedule/clients/{}/care-plan",
        path_segment(&client_id)
    );
    send_json(put(&url).json(&input).map_err(|_| ApiError::Unreachable)?).await
}

/// `GET /api/records/tasks`: the legal catalogue of tasks.
pub async fn task_catalogue() -> Result<Vec<CareTask>, ApiError> {
    get("/api/records/tasks").await
}

/// `POST /api/records/sync`: the outbox; the answer says what became of each item.
pub async fn sync_records(request: SyncRequest) -> Result<SyncResponse, ApiError> {
    let request = write("/api/records/sync")
        .json(&request)
        .map_err(|_| ApiError::Unreachable)?;
    send_json(request).await
}

/// `GET /api/records/incidents`: the provider's incidents nobody has acknowledged yet.
pub async fn open_incidents() -> Result<Vec<IncidentView>, ApiError> {
    get("/api/records/incidents").await
}

/// `POST /api/records/incidents/{id}/acknowledge`.
pub async fn acknowledge_incident(incident_id: String) -> Result<IncidentView, ApiError> {
    let url = format!(
        "/api/records/incidents/{}/acknowledge",
        path_segment(&incident_id)
    );
    send_json(write(&url).build().map_err(|_| ApiError::Unreachable)?).await
}

/// `GET /api/records/conflicts`: what the sync rules resolved, newest first.
pub async fn record_conflicts() -> Result<Vec<ConflictView>, ApiError> {
    get("/api/records/conflicts").await
}

/// `GET /api/auth/audit`.
pub async fn audit() -> Result<Vec<AuditEntry>, ApiError> {
    get("/api/auth/audit").await
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
