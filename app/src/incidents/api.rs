//! The incidents page's requests.

use shared::records::{ConflictView, IncidentView};

use crate::remote::{ApiError, get, path_segment, send_json, without_body, write};

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
