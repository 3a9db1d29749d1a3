//! The incidents page's requests: incidents, sync conflicts and families' requests.

use shared::family::{AcceptRequest, DeclineRequest, FamilyRequestView};
use shared::records::{ConflictView, IncidentView};

use crate::remote::{ApiError, get, path_segment, send_json, with_json, without_body, write};

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
    send_json(without_body(write(&url))?).await
}

/// `GET /api/records/conflicts`: what the sync rules resolved, newest first.
pub async fn record_conflicts() -> Result<Vec<ConflictView>, ApiError> {
    get("/api/records/conflicts").await
}

/// `GET /api/schedule/family-requests`: families' requests, open ones first.
pub async fn family_requests() -> Result<Vec<FamilyRequestView>, ApiError> {
    get("/api/schedule/family-requests").await
}

/// `POST /api/schedule/family-requests/{id}/accept`: with the plan's change, if any.
pub async fn accept_request(
    request_id: String,
    accept: AcceptRequest,
) -> Result<FamilyRequestView, ApiError> {
    let url = format!(
        "/api/schedule/family-requests/{}/accept",
        path_segment(&request_id)
    );
    send_json(with_json(write(&url), &accept)?).await
}

/// `POST /api/schedule/family-requests/{id}/decline`.
pub async fn decline_request(
    request_id: String,
    reply: String,
) -> Result<FamilyRequestView, ApiError> {
    let url = format!(
        "/api/schedule/family-requests/{}/decline",
        path_segment(&request_id)
    );
    send_json(with_json(write(&url), &DeclineRequest { reply })?).await
}
